"""Numbers as a planner reads them: the one place where calculated values are rounded for display.

Counts are whole already; money shows its currency's minor unit (JPY none,
USD cents); percentages and other numbers show two decimals, or two
significant digits below 1 (0.004, not 0). A solved rate is rounded up, so
that the rate a planner reads and types back still meets the goal. The text
here is locale-neutral (1,600.5); the window puts its locale's separators in.

Two styles for large amounts: ``full`` (1,000,000,000) and ``compact``, in
万, 億 and 兆 as Japanese planners write and say them (10億, 3250万, 1.2億).
The compact text is made from the value as rounded for display, exactly.
It is written here rather than taken from babel's ``format_compact_decimal``
(the same CLDR short form): babel would add a dependency with all of CLDR's
locale data for three units, and would round again by its own rule (half to
even), where every value here is an exact fraction rounded in this one module.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from kpidesk.model.exact import Fraction, Number, minor_digits, round_to, shown, shown_percent, whole
from kpidesk.model.metric import Kind, Metric

#: Number styles: every digit, grouped (1,000,000,000), or in Japanese units of 10^4 (10億).
FULL, COMPACT = "full", "compact"
STYLES = (FULL, COMPACT)
#: The Japanese units of large numbers, smallest first: 万 (10^4), 億 (10^8), 兆 (10^12).
LARGE_UNITS = ((4, "万"), (8, "億"), (12, "兆"))


def grouped(value: Decimal) -> str:
    """1600 -> '1,600', 1234.5 -> '1,234.5' (the digits as they are)."""
    return f"{value:,f}" if value != value.to_integral_value() else f"{whole(value):,f}"


def unit_currency(metric: Metric) -> str:
    """The currency a money metric's unit names ("JPY", "円"), or "" (then cents are shown)."""
    unit = metric.unit.strip()
    code = {"¥": "JPY", "円": "JPY", "$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW"}.get(unit, unit.upper())
    return code if len(code) == 3 and code.isascii() and code.isalpha() else ""


def rounded(metric: Metric | None, value: Number, currency: str = "") -> Decimal:
    """``value`` of ``metric`` rounded as shown (see the module's text)."""
    fraction = Fraction(value)
    if metric is not None and metric.kind is Kind.MONEY:
        currency = currency or unit_currency(metric)
        places = minor_digits(currency)  # 2 for no currency, as for an unknown one
        result = round_to(fraction, places)
        # whole amounts drop their cents: 1,000,000 USD, not 1,000,000.00
        return whole(result) if result == result.to_integral_value() else result
    if metric is not None and metric.kind is Kind.PERCENT:
        return shown_percent(fraction) / 100
    return shown(fraction)


def number_text(value: Number) -> str:
    """A plain number rounded as shown, grouped: 977.7833 -> '977.78'."""
    return grouped(shown(Fraction(value)))


def percent_text(value: Number, *, up: bool = False) -> str:
    """A fraction as a percentage: 1/8 -> '12.5%'; ``up`` for a solved rate (67.2269 -> 67.23)."""
    return f"{grouped(shown_percent(Fraction(value), up=up))}%"


def compact_text(value: Number) -> str:
    """A number in 万, 億 or 兆: 12,345 -> '1.2万', 32,500,000 -> '3250万', 120,000,000 -> '1.2億'.

    One decimal while fewer than 1,000 of the unit (123.5万), none from 1,000 on
    (3250万), as CLDR's Japanese short form writes them; rounded half up, and a
    value that rounds up to 10,000 of a unit moves to the next (99,999,999 -> '1億').
    Below 10,000 the number is written in full (9,800). Rounds ``value`` as given:
    pass a value already rounded for display (:func:`rounded`).
    """
    fraction = Fraction(value)
    if abs(fraction) < 10 ** LARGE_UNITS[0][0]:
        return grouped(shown(fraction))
    text = ""
    for index, (power, word) in enumerate(LARGE_UNITS):
        amount = fraction / 10**power
        digits = round_to(amount, 1 if abs(amount) < 1000 else 0)
        if digits == digits.to_integral_value():
            digits = whole(digits)
        text = f"{digits:f}{word}"
        if index + 1 == len(LARGE_UNITS) or abs(digits) < 10 ** (LARGE_UNITS[index + 1][0] - power):
            break  # else 10,000 of this unit or more: the next unit says it
    return text


def value_text(metric: Metric | None, value: Number | None, currency: str = "", style: str = FULL) -> str:
    """A target, forecast or actual of ``metric``: '1,600', '12.5%', '33,333,333' (JPY); '-' when unknown.

    ``style`` :data:`COMPACT` writes amounts from 10,000 on in 万 and 億 ('3333万'); percentages stay as they are.
    """
    if value is None:
        return "-"
    if metric is not None and metric.kind is Kind.PERCENT:
        return percent_text(value)
    if style == COMPACT:
        return compact_text(rounded(metric, value, currency))
    return grouped(rounded(metric, value, currency))


def unit_gap(unit: str) -> str:
    """What goes between a number and its unit: a space before a word ('1,600 visits'), nothing before a
    Japanese or Chinese counter ('1,600件', '10億円', '1,600セッション'), as each language writes it."""
    first = unit.strip()[:1]
    return "" if first and unicodedata.east_asian_width(first) in ("W", "F") else " "


def amount_text(metric: Metric | None, value: Number, currency: str = "") -> str:
    """A value with its unit: '1,600 visits', '1,600件', '12.5%'."""
    text = value_text(metric, value, currency)
    if metric is None or metric.kind is Kind.PERCENT or not metric.unit:
        return text
    return f"{text}{unit_gap(metric.unit)}{metric.unit}"


def signed_text(value: Number, metric: Metric | None = None, currency: str = "", style: str = FULL) -> str:
    """A gap: '+5', '-8', '0' (in :data:`COMPACT` style '-1200万')."""
    text = value_text(metric, value, currency, style)
    return text if text.startswith("-") or Fraction(value) == 0 else f"+{text}"
