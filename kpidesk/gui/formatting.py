"""Numbers as the planner's locale writes them: thousands separators, currency, percent.

The rounding is the model's (:mod:`kpidesk.model.display`, one place for the
command line, the print and the window); this module only puts the locale's
separators and currency symbol around digits that are already rounded, never
through a binary float. Amounts are written in full or in 万 and 億 as the
planner chose (Edit > Preferences: :func:`set_number_style`).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from kpidesk.model import display
from kpidesk.model.exact import Number, round_to
from kpidesk.model.messages import describe
from kpidesk.model.metric import Kind, Metric

#: Symbols for the currencies plans use most; other codes are written out ("CHF 12.00").
CURRENCY_SYMBOLS = {"JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "CNY": "CN¥", "KRW": "₩", "INR": "₹"}
#: How every window writes amounts: display.FULL (1,000,000,000) or display.COMPACT (10億).
_number_style = display.FULL


def set_number_style(style: str) -> None:
    """Write amounts in full or in 万 and 億 from now on (views redraw to show it)."""
    global _number_style
    _number_style = style if style in display.STYLES else display.FULL


def number_style() -> str:
    return _number_style


def display_locale() -> QLocale:
    """The default locale, with thousands separators even in the C locale (which omits them)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


class Formatter:
    """Formats a metric's values for the tree, the detail panel and the status bar."""

    def __init__(self, locale: QLocale | None = None, style: str | None = None) -> None:
        self.locale = locale or display_locale()
        self._style = style  # None: the preference (number_style()) at the time of each call
        self._group = self.locale.groupSeparator()
        self._point = self.locale.decimalPoint()
        self._minus = self.locale.negativeSign()
        probe = self.locale.toCurrencyString(1.0, "\x01", 0)
        self._symbol_first = probe.find("\x01") < probe.find("1")
        self._symbol_gap = "\u00a0" if (" " in probe or "\u00a0" in probe) else ""

    @property
    def style(self) -> str:
        return self._style or _number_style

    def _digits(self, metric: Metric, value: Number, currency: str) -> str:
        """A rounded amount's digits in the chosen style, in the locale's separators."""
        rounded = display.rounded(metric, value, currency)
        compact = self.style == display.COMPACT
        return self.localised(display.compact_text(rounded) if compact else display.grouped(rounded))

    def localised(self, text: str) -> str:
        """Locale-neutral digits ('-1,234.5') in the locale's separators."""
        negative = text.startswith("-")
        body = text.lstrip("-").replace(",", "\x00").replace(".", self._point).replace("\x00", self._group)
        return (self._minus if negative else "") + body

    def number(self, value: Number, decimals: int | None = None) -> str:
        """Grouped; at most two decimals (two significant digits below 1), no trailing zeros."""
        if decimals is not None:
            return self.localised(display.grouped(round_to(value, decimals)))
        return self.localised(display.number_text(value))

    def percent(self, fraction: Number, *, up: bool = False) -> str:
        """12.5%; ``up`` for a solved rate (shown rounded up, so it still meets the goal)."""
        return self.localised(display.percent_text(fraction, up=up)[:-1]) + self.locale.percent()

    def amount(self, metric: Metric, value: Number | None, currency: str = "") -> str:
        """A target, forecast or actual of ``metric``: percent, money or a plain number."""
        if value is None:
            return ""
        if metric.kind is Kind.PERCENT:
            return self.percent(value)
        if metric.kind is Kind.MONEY:
            code = (metric.unit or currency or "").strip().upper()
            if code and (code in CURRENCY_SYMBOLS or (len(code) == 3 and code.isalpha() and code.isascii())):
                text = self._digits(metric, value, code)
                symbol = CURRENCY_SYMBOLS.get(code, code + "\u00a0")
                negative = text.startswith(self._minus) and bool(self._minus)
                body = text[len(self._minus):] if negative else text
                joined = symbol + self._symbol_gap + body if self._symbol_first else body + self._symbol_gap + symbol
                return (self._minus if negative else "") + joined
            return self._digits(metric, value, currency)
        return self.localised(display.value_text(metric, value, currency, self.style))

    def signed(self, metric: Metric, value: Number, currency: str = "") -> str:
        """A gap: +5, -8, 0 (money in its minor unit)."""
        return self.localised(display.signed_text(value, metric, currency, self.style))

    def edit_text(self, value: Decimal | None) -> str:
        """A value as the editor starts with it: grouped, locale-neutral (parse_amount reads it), every digit."""
        if value is None:
            return ""
        if value == value.to_integral_value():
            return f"{value.to_integral_value():,f}"  # quantize would fail past 28 digits
        return format(value, "f")


__all__ = ["Formatter", "describe", "display_locale", "number_style", "set_number_style"]
