"""``python -m kpidesk``: the same as the ``kpidesk`` command."""

import sys

from kpidesk.cli import main

sys.exit(main())
