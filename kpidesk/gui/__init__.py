"""The window: Qt views and the document they edit. Nothing below ``kpidesk.model`` imports this."""

from kpidesk.gui import signal_fix  # noqa: F401 - before any signal is emitted (PySide6 6.12 emit bug)
