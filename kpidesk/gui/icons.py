"""Small icons drawn in code, so that they need no files and show on every platform, themed or not."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle


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


# ---- the tool bar's icons ----------------------------------------------------------------------------------
#: Sizes drawn: the tool bar's 20 to 24 px, a menu's 16 px, and their 150 % and 200 % versions.
_SIZES = (16, 20, 24, 30, 32, 36, 48)
#: Freedesktop icon names (the system's look on Linux desktops) and the style's own icons, for the actions whose
#: meaning they carry; the others are drawn here, so that no button is ever blank (no icon theme: Windows,
#: macOS, a bare Linux, offscreen).
_THEMED = {"new": "document-new", "open": "document-open", "save": "document-save", "undo": "edit-undo",
           "redo": "edit-redo", "delete": "edit-delete", "print": "document-print", "find": "edit-find"}
# (Not the style's blank page for New: white on a light tool bar, it looks like a missing icon.)
_STANDARD = {"open": QStyle.StandardPixmap.SP_DialogOpenButton,
             "save": QStyle.StandardPixmap.SP_DialogSaveButton, "delete": QStyle.StandardPixmap.SP_TrashIcon,
             "close": QStyle.StandardPixmap.SP_LineEditClearButton}
#: Mid-tone colours that read on the light and on the dark palette alike.
BLUE, GREEN, RED, GREY = QColor("#3b82c4"), QColor("#2e9d48"), QColor("#d9463b"), QColor("#7b8189")


def action_icon(name: str) -> QIcon:
    """The icon for one of the tool bar's actions: the icon theme's, else the style's, else drawn here."""
    themed = _THEMED.get(name)
    if themed and QIcon.hasThemeIcon(themed):
        return QIcon.fromTheme(themed)
    standard = _STANDARD.get(name)
    if standard is not None and QApplication.instance() is not None:
        icon = QApplication.style().standardIcon(standard)
        if not icon.isNull():
            return icon
    return drawn_icon(name)


@cache
def drawn_icon(name: str) -> QIcon:
    """``name`` drawn on a 24-unit grid at every size in ``_SIZES`` (new, undo, redo, add_child, add_sibling, solve,
    print, find, close; anything else gets a neutral dot, never a blank)."""
    draw = _DRAWINGS.get(name, _draw_dot)
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / 24, size / 24)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _draw_turn(painter: QPainter, mirrored: bool) -> None:
    """Undo: an arrow that turns back to the left (redo: mirrored)."""
    if mirrored:
        painter.translate(24, 0)
        painter.scale(-1, 1)
    path = QPainterPath(QPointF(8, 9))
    path.lineTo(14, 9)
    path.cubicTo(QPointF(21.5, 9), QPointF(21.5, 20), QPointF(14, 20))
    path.lineTo(9, 20)
    painter.setPen(_pen(BLUE, 2.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(_pen(BLUE, 1.2))
    painter.setBrush(BLUE)
    painter.drawPolygon(QPolygonF([QPointF(2.5, 9), QPointF(9.5, 3.5), QPointF(9.5, 14.5)]))


def _draw_plus(painter: QPainter, x: float, y: float) -> None:
    """A green disc with a white plus, centred on (x, y)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(GREEN)
    painter.drawEllipse(QPointF(x, y), 6, 6)
    painter.setPen(_pen(QColor("white"), 2))
    painter.drawLine(QPointF(x - 3, y), QPointF(x + 3, y))
    painter.drawLine(QPointF(x, y - 3), QPointF(x, y + 3))


def _draw_node(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(_pen(GREY, 1.4))
    painter.setBrush(QColor("#e8ecf1"))
    painter.drawRoundedRect(rect, 1.5, 1.5)


def _draw_add_child(painter: QPainter) -> None:
    """A metric with a new one below it, indented."""
    _draw_node(painter, QRectF(2, 2.5, 12, 6))
    painter.setPen(_pen(GREY, 1.6))
    painter.drawPolyline(QPolygonF([QPointF(6, 8.5), QPointF(6, 17), QPointF(10, 17)]))
    _draw_plus(painter, 16.5, 16.5)


def _draw_add_sibling(painter: QPainter) -> None:
    """A metric with a new one beside it, at the same level."""
    _draw_node(painter, QRectF(2, 2.5, 14, 6))
    _draw_plus(painter, 8, 16.5)


def _draw_solve(painter: QPainter) -> None:
    """Goal seek: a target with an arrow in its centre."""
    painter.setPen(Qt.PenStyle.NoPen)
    for radius, color in ((9.5, RED), (6.5, QColor("white")), (3.5, RED)):
        painter.setBrush(color)
        painter.drawEllipse(QPointF(11, 13), radius, radius)
    painter.setPen(_pen(BLUE, 2.2))
    painter.drawLine(QPointF(11, 13), QPointF(21, 3))
    painter.drawPolyline(QPolygonF([QPointF(17, 2.5), QPointF(21.5, 2.5), QPointF(21.5, 7)]))


def _draw_print(painter: QPainter) -> None:
    """A printer with a sheet coming out."""
    painter.setPen(_pen(GREY, 1.3))
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(7, 2.5, 10, 7))
    painter.setBrush(GREY)
    painter.drawRoundedRect(QRectF(2.5, 8.5, 19, 9), 2, 2)
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(7, 14, 10, 7.5))
    painter.setPen(_pen(GREY, 1))
    painter.drawLine(QPointF(9, 17), QPointF(15, 17))
    painter.drawLine(QPointF(9, 19.5), QPointF(13.5, 19.5))


def _draw_new(painter: QPainter) -> None:
    """A blank sheet with a folded corner, outlined so that it shows on a light tool bar."""
    page = QPainterPath(QPointF(5, 2.5))
    for x, y in ((14, 2.5), (19.5, 8), (19.5, 21.5), (5, 21.5)):
        page.lineTo(x, y)
    page.closeSubpath()
    painter.setPen(_pen(QColor("#5f6670"), 1.4))
    painter.setBrush(QColor("white"))
    painter.drawPath(page)
    painter.setBrush(QColor("#cfd8e3"))
    painter.drawPolygon(QPolygonF([QPointF(14, 2.5), QPointF(14, 8), QPointF(19.5, 8)]))
    painter.setPen(_pen(BLUE, 1.3))
    for y in (12, 15, 18):
        painter.drawLine(QPointF(8, y), QPointF(16.5, y))


def _draw_find(painter: QPainter) -> None:
    """A magnifying glass."""
    painter.setPen(_pen(GREY, 2.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(10, 10), 6, 6)
    painter.drawLine(QPointF(14.5, 14.5), QPointF(20.5, 20.5))


def _draw_close(painter: QPainter) -> None:
    painter.setPen(_pen(GREY, 2.2))
    painter.drawLine(QPointF(7, 7), QPointF(17, 17))
    painter.drawLine(QPointF(17, 7), QPointF(7, 17))


def _draw_dot(painter: QPainter) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(GREY)
    painter.drawEllipse(QPointF(12, 12), 5, 5)


_DRAWINGS: dict[str, Callable[[QPainter], None]] = {
    "new": _draw_new, "undo": lambda p: _draw_turn(p, False), "redo": lambda p: _draw_turn(p, True),
    "add_child": _draw_add_child, "add_sibling": _draw_add_sibling, "solve": _draw_solve, "print": _draw_print,
    "find": _draw_find, "close": _draw_close,
}
