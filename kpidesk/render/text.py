"""Fonts and line wrapping for everything kpidesk draws on paper or into files.

Sizes are in points: a font's *pixel* size is used as its point size and the
painter is scaled so that one unit is 1/72 inch on every device (PDF, printer,
PNG, SVG). Hinting is off so that text measured once fits on every device.

The family is the system's sans-serif as fontconfig resolves it; glyphs it
lacks (Japanese on a DejaVu-only system) come from any installed font that has
them, for example IPAGothic (fonts-ipafont-gothic). See docs/printing.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QTextBoundaryFinder
from PySide6.QtGui import QFont, QFontMetricsF

from kpidesk import qtcheck

qtcheck.require()  # before any painting: a PySide6 that would crash this Python

FAMILY = "sans-serif"


#: Qt's translate; called as translate("KpiTreePrint", "...") so that pyside6-lupdate finds the strings.
translate = QCoreApplication.translate


def make_font(size: int, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(FAMILY)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(size)
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    return font


@dataclass
class Fonts:
    """The diagram's fonts (points); ``body`` is the size the readability rule watches."""

    name: QFont
    body: QFont
    body_bold: QFont
    body_italic: QFont
    small: QFont
    small_bold: QFont
    title: QFont

    @property
    def body_points(self) -> float:
        return float(self.body.pixelSize())

    @classmethod
    def default(cls) -> Fonts:
        return cls(
            name=make_font(9, bold=True),
            body=make_font(8),
            body_bold=make_font(8, bold=True),
            body_italic=make_font(8, italic=True),
            small=make_font(7),
            small_bold=make_font(7, bold=True),
            title=make_font(12, bold=True),
        )


@lru_cache(maxsize=64)
def _metrics(key: str) -> QFontMetricsF:
    font = QFont()
    font.fromString(key)
    return QFontMetricsF(font)


def metrics(font: QFont) -> QFontMetricsF:
    return _metrics(font.toString())


def text_width(font: QFont, text: str) -> float:
    return metrics(font).horizontalAdvance(text)


def line_height(font: QFont) -> float:
    return metrics(font).lineSpacing()


def _segments(text: str) -> list[str]:
    """Pieces between line-break opportunities (Unicode UAX #14, so CJK breaks per character)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    utf16 = text.encode("utf-16-le")  # the finder counts UTF-16 code units
    pieces, start = [], 0
    position = finder.toNextBoundary()
    while position != -1:
        if position > start:
            pieces.append(utf16[2 * start:2 * position].decode("utf-16-le", "replace"))
        start, position = position, finder.toNextBoundary()
    return pieces


def wrap(text: str, font: QFont, max_width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width``.

    Breaks where Unicode allows (after spaces, between CJK characters but not
    before 。or ー) and inside a word only when the word alone is too wide.
    QTextLayout would do this too, but its beginLayout() corrupts Python's
    reference counts in PySide6 6.12 and crashes the interpreter.
    """
    lines: list[str] = []
    current = ""
    for piece in _segments(text):
        if text_width(font, (current + piece).rstrip()) <= max_width:
            current += piece
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        if text_width(font, piece.rstrip()) <= max_width:
            current = piece
            continue
        for char in piece:  # a word wider than the box: break it anywhere
            if current and text_width(font, (current + char).rstrip()) > max_width:
                lines.append(current.rstrip())
                current = ""
            current += char
    if current.strip():
        lines.append(current.rstrip())
    return [line.lstrip() for line in lines] or [""]
