"""Fonts and line wrapping for everything kpidesk draws on paper or into files.

Sizes are in points: a font's *pixel* size is used as its point size and the
painter is scaled so that one unit is 1/72 inch on every device (PDF, printer,
PNG, SVG). Hinting is off so that text measured once fits on every device.

Fonts are a list of families (:func:`font_families`): the system's
sans-serif and the platform's proportional Japanese fonts that are
installed (Yu Gothic UI and Meiryo on Windows, Hiragino Sans on macOS, Noto
Sans CJK JP and IPAPGothic on Linux), the Japanese first when kpidesk speaks
Japanese. Without the list, fontconfig takes Japanese glyphs from its first
Japanese font, IPAGothic, whose Latin letters are fixed-width. The window
uses the same list (:func:`application_font`). See docs/printing.md.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QTextBoundaryFinder
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetricsF

from kpidesk import i18n, qtcheck

qtcheck.require()  # before any painting: a PySide6 that would crash this Python

#: The generic family, last in every list: what a program that has none of the others uses.
FAMILY = "sans-serif"
#: Proportional Japanese fonts, best first, by platform (``sys.platform`` prefixes). Never a font whose
#: Latin letters are fixed-width (IPAGothic, MS Gothic, Takao Gothic, VL Gothic): names and numbers set
#: in them look typewritten and take twice the room. IPAexGothic has proportional Latin letters.
JAPANESE_FAMILIES: dict[str, tuple[str, ...]] = {
    "win32": ("Yu Gothic UI", "Meiryo UI", "Meiryo", "Yu Gothic", "MS PGothic"),
    "darwin": ("Hiragino Sans", "Hiragino Kaku Gothic ProN", "Hiragino Kaku Gothic Pro"),
    "linux": ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAPGothic", "IPAexGothic",
              "TakaoPGothic", "VL PGothic"),
}
#: Japanese fonts with fixed-width Latin letters: never used, even where they are the system's choice.
MONOSPACED_JAPANESE = frozenset({"IPAGothic", "IPAMincho", "MS Gothic", "MS Mincho", "TakaoGothic",
                                 "Takao Gothic", "VL Gothic", "Osaka-Mono"})


#: Qt's translate; called as translate("KpiTreePrint", "...") so that pyside6-lupdate finds the strings.
translate = QCoreApplication.translate


def japanese_families(platform: str | None = None) -> tuple[str, ...]:
    """The proportional Japanese fonts of ``platform`` (default: this one), best first."""
    platform = sys.platform if platform is None else platform
    for prefix, families in JAPANESE_FAMILIES.items():
        if platform.startswith(prefix):
            return families
    return JAPANESE_FAMILIES["linux"]  # the BSDs and others use fontconfig, as Linux does


def _system_sans() -> str | None:
    """The family fontconfig (or the platform) gives for sans-serif, unless it is a fixed-width one."""
    probe = QFont(FAMILY)
    probe.setStyleHint(QFont.StyleHint.SansSerif)
    info = QFontInfo(probe)
    if info.fixedPitch() or info.family() in MONOSPACED_JAPANESE:
        return None
    return info.family()


def font_families(language: str | None = None) -> tuple[str, ...]:
    """The families kpidesk asks for, in order (Qt takes each character from the first that has it).

    The system's sans-serif and the installed proportional Japanese fonts;
    Japanese first when ``language`` (default: the one in effect) is Japanese,
    so that kana, kanji and Latin letters share one design. Needs a QGuiApplication.
    """
    return _font_families(i18n.current() if language is None else language)


@lru_cache(maxsize=4)
def _font_families(language: str) -> tuple[str, ...]:
    installed = set(QFontDatabase.families())
    japanese = [family for family in japanese_families() if family in installed]
    latin = _system_sans()
    ordered = [*japanese, latin] if language == i18n.JAPANESE else [latin, *japanese]
    return tuple(dict.fromkeys(family for family in ordered if family)) or (FAMILY,)


def css_families(language: str | None = None) -> str:
    """A CSS ``font-family`` list that other programs can render (SVG): the families used here, then the
    proportional Japanese fonts of every platform, then the generic ``sans-serif``."""
    names = [*font_families(language), *(f for families in JAPANESE_FAMILIES.values() for f in families)]
    quoted = [f"'{name}'" for name in dict.fromkeys(names) if name != FAMILY]
    return ", ".join([*quoted, FAMILY])


def application_font(base: QFont, language: str | None = None) -> QFont:
    """``base`` (the window's default font) with kpidesk's family list, for the whole window."""
    font = QFont(base)
    font.setFamilies(list(font_families(language)))
    return font


def make_font(size: int, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(font_families()))
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


_METRICS: dict[str, QFontMetricsF] = {}


def metrics(font: QFont) -> QFontMetricsF:
    """Metrics of ``font``, made once per font: its text form and its whole family list (the text form
    names only the first family, and the others decide how wide Japanese text is)."""
    key = font.toString() + "|" + "|".join(font.families())
    found = _METRICS.get(key)
    if found is None:
        if len(_METRICS) >= 64:
            _METRICS.clear()
        found = _METRICS[key] = QFontMetricsF(font)
    return found


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
