"""Keep PySide6 6.12 from crashing Python 3.11 when drawing.

In PySide6 6.12 on Python 3.11, every call of a Qt method that returns
nothing (``QPainterPath.lineTo``, ``QPainter.setPen``, ...) takes one
reference away from ``None`` (the bindings assume 3.12's immortal ``None``).
Painting a tree makes thousands of such calls; when ``None``'s count reaches
zero the interpreter aborts ("none_dealloc: deallocating None"). Python 3.12
made None immortal by giving it a huge reference count; this module does the
same on an interpreter where a probe shows the leak, once, at import.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_BOOST = 1 << 40  # a trillion lost references before trouble: years of painting


def _leaks_none() -> bool:
    from PySide6.QtGui import QPainterPath

    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(8):
        path.moveTo(0.0, 0.0)
    lost = before - sys.getrefcount(None)
    if lost > 0:
        ctypes.pythonapi.Py_IncRef.argtypes = [ctypes.py_object]
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(None)
    return lost >= 8


def install() -> bool:
    """Give ``None`` an effectively endless reference count if this PySide6 leaks it."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython" or not _leaks_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _BOOST
    return True


INSTALLED = install()
