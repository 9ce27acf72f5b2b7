"""Work around reference-count bugs of ``SignalInstance`` in PySide6 6.12 on Python 3.11.

``emit()`` and ``disconnect()`` return ``True``/``False`` without owning a
reference to it, so every call from Python takes one reference away from
Python's ``True``; after a few hundred calls the interpreter aborts
("bool_dealloc: deallocating True or False"), taking unsaved work with it.
pyqtgraph disconnects whenever an item leaves a scene, so every closed graph
adds to it. Importing this module checks once per method whether the running
PySide6 has the bug and, only then, wraps the method to give the reference
back. Python 3.12+ makes ``True`` immortal, so the probes find nothing there.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


def _loses_a_reference(call: Callable[[], object], times: int = 4) -> bool:
    """True when ``call`` takes one reference from True each time it runs."""
    before = sys.getrefcount(True)
    for _ in range(times):
        call()
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref(True)  # give back what the probe took
    return lost >= times


def _wrap(name: str, probe: Callable[[], object]) -> bool:
    """Replace ``SignalInstance.<name>`` by a wrapper that owns its bool result, if ``probe`` shows the loss."""
    original = getattr(SignalInstance, name)
    if getattr(original, "_kpidesk_fixed", False) or not _loses_a_reference(probe):
        return False

    def fixed(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)
        return result

    fixed._kpidesk_fixed = True  # type: ignore[attr-defined]
    setattr(SignalInstance, name, fixed)
    return True


def install() -> dict[str, bool]:
    """Wrap ``emit`` and ``disconnect`` where this PySide6 needs it; says which were wrapped."""
    probe = _Probe()

    def connect_and_disconnect() -> object:
        probe.fired.connect(probe.deleteLater)
        return probe.fired.disconnect(probe.deleteLater)

    return {"emit": _wrap("emit", probe.fired.emit), "disconnect": _wrap("disconnect", connect_and_disconnect)}


INSTALLED = install()
