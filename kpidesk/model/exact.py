"""Exact numbers: every calculated value is a :class:`~fractions.Fraction`.

Inputs arrive as :class:`~decimal.Decimal` holding exactly the digits the
planner typed; the engine turns them into fractions without loss and never
rounds, except where a planner would:

* a count back-calculated from a goal is rounded up (20 orders at 30 % need
  67 negotiations), a count forecast from the KPIs is rounded down;
* money is settled to the currency's minor unit (JPY 0 decimals, USD 2) when
  it is compared with a goal and when it is shown;
* percentages and other ratios are rounded when they are shown, and nowhere
  else (:func:`shown`, the one place that rounds for display).

A solved rate (goal seek) is shown rounded up, so that the rate a planner
reads and types back still meets the goal.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

if not TYPE_CHECKING:
    try:  # the same type compiled: 4x faster arithmetic, equal and hash-equal to fractions.Fraction
        from quicktions import Fraction
    except ImportError:  # pragma: no cover - a platform without its wheel calculates the same, slower
        pass

Number = Fraction | Decimal | int
__all__ = ["Fraction", "Number", "exact", "ceil_whole", "floor_whole", "round_to", "settle", "shown"]

ZERO = Fraction(0)
ONE = Fraction(1)
HUNDRED = Fraction(100)

#: Currencies whose minor unit is not 1/100 (ISO 4217); others settle to cents.
MINOR_DIGITS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "HUF": 2, "TWD": 2, "BHD": 3, "KWD": 3,
                "OMR": 3, "JOD": 3, "TND": 3}
#: Decimals shown for a plain number or a percentage (an edit field shows every digit).
SHOWN_DECIMALS = 2


@lru_cache(maxsize=1 << 16)
def exact(value: Decimal | int) -> Fraction:
    """An input as an exact fraction (Decimal('0.015') -> 3/200); cached, inputs repeat."""
    return Fraction(value)


def exact_or_none(value: Decimal | None) -> Fraction | None:
    return None if value is None else exact(value)


def ceil_whole(value: Fraction) -> Fraction:
    """Round a back-calculated count up, so that meeting it still meets the goal."""
    return Fraction(math.ceil(value))


def floor_whole(value: Fraction) -> Fraction:
    """Round a forecast count down: 12.5 orders are 12 orders received."""
    return Fraction(math.floor(value))


def minor_digits(currency: str) -> int:
    """Decimals of a currency's minor unit (JPY 0, USD 2); 2 for a unit that is no known code."""
    return MINOR_DIGITS.get(currency.strip().upper(), 2)


def round_to(value: Number, places: int, *, up: bool = False) -> Decimal:
    """``value`` as a Decimal of ``places`` decimals: half away from zero, as a spreadsheet's ROUND and a bank do
    (-12.5 is -13, so a loss reads as large as the same gain), or towards +infinity with ``up``."""
    fraction = Fraction(value)
    scaled: Fraction = fraction * 10**places  # typeshed: int ** int is Any (a negative power is a float)
    if up:
        whole = math.ceil(scaled)
    else:
        whole = math.floor(abs(scaled) + Fraction(1, 2))
        whole = -whole if scaled < 0 else whole
    with localcontext() as context:  # every digit: more than the default 28 would fail to quantize
        context.prec = max(context.prec, len(str(abs(whole))) + places + 2)
        result = Decimal(whole).scaleb(-places)
        return result.quantize(Decimal(1).scaleb(-places)) if places > 0 else result.quantize(Decimal(1))


def settle(value: Fraction, currency: str) -> Fraction:
    """Money settled to the currency's minor unit (half away from zero): what a bank would book."""
    places = minor_digits(currency)
    return Fraction(round_to(value, places))


def to_decimal(value: Number, places: int = 12) -> Decimal:
    """A decimal for output that has no fixed precision (JSON): exact when it terminates
    within ``places`` decimals, else rounded half away from zero to ``places``; no trailing zeros."""
    fraction = Fraction(value)
    if fraction.denominator == 1:
        return Decimal(fraction.numerator)
    return trimmed(round_to(fraction, places))


def to_json_number(value: Number | None) -> int | float | None:
    """A JSON number: an int when whole, else the nearest float (JSON has no fractions)."""
    if value is None:
        return None
    fraction = Fraction(value)
    if fraction.denominator == 1:
        return int(fraction.numerator)
    return float(to_decimal(fraction))


def shown(value: Number, *, decimals: int = SHOWN_DECIMALS, up: bool = False) -> Decimal:
    """A value rounded as it is shown: ``decimals`` places, two significant digits below 1.

    0.004 shows as 0.004 rather than 0; trailing zeros go (2.50 -> 2.5).
    """
    fraction = Fraction(value)
    places = decimals
    if fraction and abs(fraction) < 1:
        # digits needed to show two significant digits of a small value, at most 6
        magnitude = -math.floor(math.log10(abs(fraction.numerator)) - math.log10(fraction.denominator))
        places = min(6, max(places, magnitude + 1))
    return trimmed(round_to(fraction, places, up=up))


def whole(result: Decimal) -> Decimal:
    """A whole ``result`` written without decimals (100.00 -> 100), every digit kept however many."""
    with localcontext() as context:
        context.prec = max(context.prec, len(result.as_tuple().digits) + 2)
        return result.quantize(Decimal(1))


def trimmed(result: Decimal) -> Decimal:
    """``result`` without trailing zeros (2.50 -> 2.5, 100.00 -> 100), every digit kept however many."""
    if result == result.to_integral_value():
        return whole(result)
    with localcontext() as context:
        context.prec = max(context.prec, len(result.as_tuple().digits) + 2)
        return result.normalize()


def shown_percent(fraction: Number, *, up: bool = False) -> Decimal:
    """A fraction as the percentage shown: 67.22689... % -> 67.23 (a solved rate: up)."""
    return shown(Fraction(fraction) * HUNDRED, up=up)


def is_whole(value: Number) -> bool:
    return Fraction(value).denominator == 1
