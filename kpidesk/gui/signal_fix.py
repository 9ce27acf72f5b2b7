"""Work around a reference-count bug of ``SignalInstance.emit`` in PySide6 6.12.

``emit()`` returns ``True`` without owning a reference to it, so every emit
from Python takes one reference away from Python's ``True``; after a few
hundred emits the interpreter aborts ("bool_dealloc: deallocating True or
False"), taking unsaved work with it. Importing this module checks once
whether the running PySide6 has the bug and, only then, wraps ``emit`` to
give the reference back. Python 3.12+ makes ``True`` immortal, so the probe
finds nothing to fix there.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref(True)  # give back what the probe took
    return lost >= 4


def install() -> bool:
    """Wrap ``SignalInstance.emit`` if this PySide6 needs it; True when wrapped."""
    original = SignalInstance.emit
    if getattr(original, "_kpidesk_fixed", False) or not _emit_loses_a_reference():
        return False

    def emit(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)
        return result

    emit._kpidesk_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True


INSTALLED = install()
