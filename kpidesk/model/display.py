"""Numbers as a planner reads them: the one place where calculated values are rounded for display.

Counts are whole already; money shows its currency's minor unit (JPY none,
USD cents); percentages and other numbers show two decimals, or two
significant digits below 1 (0.004, not 0). A solved rate is rounded up, so
that the rate a planner reads and types back still meets the goal. The text
here is locale-neutral (1,600.5); the window puts its locale's separators in.
"""

from __future__ import annotations

from decimal import Decimal

from kpidesk.model.exact import Fraction, Number, minor_digits, round_to, shown, shown_percent
from kpidesk.model.metric import Kind, Metric


def grouped(value: Decimal) -> str:
    """1600 -> '1,600', 1234.5 -> '1,234.5' (the digits as they are)."""
    return f"{value:,f}" if value != value.to_integral_value() else f"{value.quantize(Decimal(1)):,f}"


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
        places = minor_digits(currency) if currency else 2
        result = round_to(fraction, places)
        # whole amounts drop their cents: 1,000,000 USD, not 1,000,000.00
        return result.quantize(Decimal(1)) if result == result.to_integral_value() else result
    if metric is not None and metric.kind is Kind.PERCENT:
        return shown_percent(fraction) / 100
    return shown(fraction)


def number_text(value: Number) -> str:
    """A plain number rounded as shown, grouped: 977.7833 -> '977.78'."""
    return grouped(shown(Fraction(value)))


def percent_text(value: Number, *, up: bool = False) -> str:
    """A fraction as a percentage: 1/8 -> '12.5%'; ``up`` for a solved rate (67.2269 -> 67.23)."""
    return f"{grouped(shown_percent(Fraction(value), up=up))}%"


def value_text(metric: Metric | None, value: Number | None, currency: str = "") -> str:
    """A target, forecast or actual of ``metric``: '1,600', '12.5%', '33,333,333' (JPY); '-' when unknown."""
    if value is None:
        return "-"
    if metric is not None and metric.kind is Kind.PERCENT:
        return percent_text(value)
    return grouped(rounded(metric, value, currency))


def amount_text(metric: Metric | None, value: Number, currency: str = "") -> str:
    """A value with its unit: '1,600 visits', '12.5%'."""
    text = value_text(metric, value, currency)
    if metric is None or metric.kind is Kind.PERCENT or not metric.unit:
        return text
    return f"{text} {metric.unit}"


def signed_text(value: Number, metric: Metric | None = None, currency: str = "") -> str:
    """A gap: '+5', '-8', '0'."""
    text = value_text(metric, value, currency)
    return text if text.startswith("-") or Fraction(value) == 0 else f"+{text}"
