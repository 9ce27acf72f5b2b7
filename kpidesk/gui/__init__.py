"""The window: Qt views and the document they edit. Nothing below ``kpidesk.model`` imports this."""

# Before any signal is emitted or anything painted: refuse a PySide6 that would crash this Python.
from kpidesk import qtcheck

qtcheck.require()
