"""Numbers as the planner's locale writes them: thousands separators, currency, percent."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from kpidesk.model.metric import Kind, Metric
from kpidesk.model.numbers import HUNDRED, plain

#: Symbols for the currencies plans use most; other codes are written out ("CHF 12.00").
CURRENCY_SYMBOLS = {"JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "CNY": "CN¥", "KRW": "₩", "INR": "₹"}
#: Most decimals shown for a number or a percentage (the edit field shows every digit).
MAX_DECIMALS = 2
#: Currencies without minor units.
WHOLE_CURRENCIES = {"JPY", "KRW"}


def display_locale() -> QLocale:
    """The default locale, with thousands separators even in the C locale (which omits them)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


class Formatter:
    """Formats a metric's values for the tree, the detail panel and the status bar."""

    def __init__(self, locale: QLocale | None = None) -> None:
        self.locale = locale or display_locale()

    def number(self, value: Decimal, decimals: int | None = None) -> str:
        """Grouped; by default at most two decimals (two significant digits below 1), no trailing zeros.

        A derived value (117,334 visits / 120 articles) would otherwise show every
        digit the division produced (977.783333).
        """
        value = plain(value)
        if decimals is None:
            places = MAX_DECIMALS
            if value and abs(value) < 1:  # two significant digits for small values: 0.004, not 0
                places = min(6, max(places, 1 - value.adjusted()))
            exponent = value.quantize(Decimal(1).scaleb(-places)).normalize().as_tuple().exponent
            decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        return self.locale.toString(float(value), "f", decimals)

    def percent(self, fraction: Decimal) -> str:
        return self.number(fraction * HUNDRED) + self.locale.percent()

    def amount(self, metric: Metric, value: Decimal | None, currency: str = "") -> str:
        """A target, forecast or actual of ``metric``: percent, money or a plain number."""
        if value is None:
            return ""
        if metric.kind is Kind.PERCENT:
            return self.percent(value)
        if metric.kind is Kind.MONEY:
            code = (metric.unit or currency or "").strip().upper()
            if code and (code in CURRENCY_SYMBOLS or (len(code) == 3 and code.isalpha() and code.isascii())):
                decimals = 0 if code in WHOLE_CURRENCIES or plain(value) == plain(value).to_integral_value() else 2
                symbol = CURRENCY_SYMBOLS.get(code, code + "\u00a0")
                return self.locale.toCurrencyString(float(value), symbol, decimals)
        return self.number(value)

    def edit_text(self, value: Decimal | None) -> str:
        """A value as the editor starts with it: grouped, locale-neutral (parse_amount reads it)."""
        if value is None:
            return ""
        value = plain(value)
        return f"{value:,}" if value == value.to_integral_value() else str(value)
