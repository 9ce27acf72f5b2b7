"""The PySide6 reference-count workarounds: emitting, disconnecting and painting keep True and None alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPainterPath

import kpidesk.gui  # noqa: F401 - installs the workarounds


class _Sender(QObject):
    fired = Signal()


def _lost(reference: object, call, times: int = 500) -> int:
    before = sys.getrefcount(reference)
    for _ in range(times):
        call()
    return before - sys.getrefcount(reference)


def test_emit_and_disconnect_do_not_take_references_from_true() -> None:
    sender = _Sender()

    def connect_and_disconnect() -> None:
        sender.fired.connect(sender.deleteLater)
        sender.fired.disconnect(sender.deleteLater)

    assert _lost(True, sender.fired.emit) < 50
    assert _lost(True, connect_and_disconnect) < 50


def test_qt_calls_returning_nothing_cannot_exhaust_none() -> None:
    path = QPainterPath()
    for _ in range(100_000):  # far more than None's count on an unfixed 3.11 interpreter
        path.lineTo(1.0, 1.0)
    assert sys.getrefcount(None) > 0
