"""Leave cleanly when the system ends the program: SIGTERM (logout, shutdown, ``kill``), SIGHUP, Ctrl+C.

Qt's event loop runs in C++, so a Python signal handler alone would wait for
the next Python call; ``signal.set_wakeup_fd`` writes the signal's number to a
socket that a ``QSocketNotifier`` watches, which wakes the loop at once. On
such a signal nobody can answer "Save changes?", so unsaved work stays in the
recovery file (offered at the next start), the lock is released, and the
program exits with status 0.
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

#: The signals that mean "end now, nobody is watching".
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class Termination(QObject):
    """Calls ``on_end(signal_number)`` on the GUI thread when an ending signal arrives."""

    def __init__(self, on_end: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_end = on_end
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous_handlers = {number: signal.signal(number, self._note) for number in ENDING_SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    @staticmethod
    def _note(number: int, frame: object) -> None:
        """Python's handler: the work happens in :meth:`_wake`, on the event loop."""

    def _wake(self) -> None:
        try:
            numbers = self._read.recv(64)
        except BlockingIOError:
            return
        ending = [number for number in numbers if number in ENDING_SIGNALS]
        if ending:
            self._on_end(ending[0])

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler)
        self._read.close()
        self._write.close()


def install(on_end: Callable[[int], None], parent: QObject | None = None) -> Termination | None:
    """Watch for ending signals; None where there are none to watch (Windows ends programs otherwise)."""
    if sys.platform == "win32" or not ENDING_SIGNALS:
        return None
    return Termination(on_end, parent)
