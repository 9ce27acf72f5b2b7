"""The bundled program's entry point: the same as the ``kpidesk`` command (window and subcommands)."""

import sys

from kpidesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
