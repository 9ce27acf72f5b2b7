"""Small icons drawn in code, so that they follow no theme and need no files."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap


@cache
def finding_icon(error: bool) -> QIcon:
    """A round marker: red for an error, amber for a warning."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d32f2f") if error else QColor("#f0a000"))
        margin = size / 8
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.6))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "!")
        painter.end()
        icon.addPixmap(pixmap)
    return icon
