"""A QPainter that is always ended, whatever happens while it draws.

A painter still active when an exception unwinds the stack makes Qt destroy a
device that is being painted ("QPaintDevice: Cannot destroy paint device that
is being painted"), and the process dies of a segmentation fault instead of
reporting the error. Every renderer paints through :func:`painting`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPaintDevice, QPainter

from kpidesk.render.text import translate


@contextmanager
def painting(device: QPaintDevice) -> Iterator[QPainter]:
    """Begin a painter on ``device`` and end it on leaving the block, also on an exception."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("KpiTreePrint", "cannot start drawing on the output"))
    try:
        yield painter
    finally:
        painter.end()
