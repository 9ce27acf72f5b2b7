"""The window: Qt views and the document they edit. Nothing below ``kpidesk.model`` imports this."""

# Before any signal is emitted or anything painted: PySide6 6.12 reference-count bugs on Python 3.11.
from kpidesk.gui import signal_fix  # noqa: F401
from kpidesk.render import refcount_fix  # noqa: F401
