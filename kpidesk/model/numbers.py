"""Parsing and rounding of the numbers planners type and the engine computes.

All arithmetic uses :class:`~decimal.Decimal` so that 160 / 10 % is exactly
1,600 and never 1,600.0000000000002 (which would round up to 1,601).
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from kpidesk.model.limits import MAX_ABS_AMOUNT

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

_SEPARATORS = re.compile(r"[,_\s\u00a0\u202f']")


class NumberError(ValueError):
    """A text that should hold a number does not; the message says why."""


def _normalise(text: str) -> str:
    # NFKC turns full-width digits, commas and percent signs typed with a
    # Japanese input method into their ASCII forms.
    return unicodedata.normalize("NFKC", text).strip()


def to_decimal(value: object) -> Decimal:
    """Convert a TOML or JSON scalar to Decimal, keeping 0.1 as exactly 0.1."""
    if isinstance(value, bool):
        raise NumberError("expected a number, found true/false")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise NumberError("expected a finite number, found nan or inf")
        result = Decimal(repr(value))
    else:
        raise NumberError(f"expected a number, found {type(value).__name__}")
    return _check_magnitude(result)


def _check_magnitude(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise NumberError("expected a finite number, found nan or infinity")
    if abs(value) > MAX_ABS_AMOUNT:
        raise NumberError(f"{value:e} is too large (the limit is {MAX_ABS_AMOUNT:,})")
    return value


def parse_amount(text: str) -> Decimal:
    """Parse an amount such as ``1,000,000``, ``1e9``, ``1_000`` or ``40%``."""
    cleaned = _SEPARATORS.sub("", _normalise(text))
    if not cleaned:
        raise NumberError("expected a number, found nothing")
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1]
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", cleaned):
        raise NumberError(f"{text.strip()!r} is not a number")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex rules this out
        raise NumberError(f"{text.strip()!r} is not a number") from exc
    if percent:
        value = value / HUNDRED
    return _check_magnitude(value)


def parse_rate(text: str, *, bare_is_percent: bool = False) -> Decimal:
    """Parse a rate or share into a fraction between 0 and 1.

    ``40%`` is always 40 %. A bare number is a fraction (``0.4``) on the command
    line and a percentage (``40``) in the window, where the cell shows percent.
    """
    cleaned = _normalise(text)
    has_percent = cleaned.endswith("%")
    value = parse_amount(cleaned)
    if bare_is_percent and not has_percent:
        value = value / HUNDRED
    check_rate(value, shown=cleaned)
    return value


def check_rate(value: Decimal, *, shown: str | None = None) -> Decimal:
    """Refuse a rate outside 0-100 %, naming what was given."""
    if value < ZERO or value > ONE:
        label = shown if shown is not None else format_percent(value)
        hint = ""
        if value > ONE and shown is not None and not shown.endswith("%"):
            hint = f"; write {shown}% for a percentage"
        raise NumberError(f"rate {label} is outside 0-100 %{hint}")
    return value


def ceil_whole(value: Decimal) -> Decimal:
    """Round a back-calculated count up, so that meeting it still meets the goal."""
    return plain(value.to_integral_value(rounding=ROUND_CEILING))


def floor_whole(value: Decimal) -> Decimal:
    """Round a forecast count down: 12.5 orders are 12 orders received."""
    return plain(value.to_integral_value(rounding=ROUND_FLOOR))


def plain(value: Decimal) -> Decimal:
    """Drop exponent and trailing zeros: 1.60E+3 -> 1600, 0.250 -> 0.25."""
    try:
        if value == value.to_integral_value():
            return value.quantize(ONE)
        return value.normalize()
    except InvalidOperation:  # more digits than the context holds: leave as is
        return value


def to_json_number(value: Decimal | None) -> int | float | None:
    """A JSON number: int when whole, float otherwise."""
    if value is None:
        return None
    value = plain(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def format_number(value: Decimal, *, decimals: int | None = None) -> str:
    """Group thousands (locale-neutral): 1600 -> '1,600', 0.25 -> '0.25'."""
    value = plain(value)
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    digits = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    return f"{value:,.{min(digits, 2)}f}".rstrip("0").rstrip(".")


def format_percent(value: Decimal) -> str:
    """0.1 -> '10%', 0.125 -> '12.5%'."""
    return f"{format_number(value * HUNDRED)}%"
