"""Reading the numbers planners type, bounded at the door, and writing them back as typed.

Inputs are :class:`~decimal.Decimal` holding exactly the digits typed (0.015 %
stays 0.015 %). Calculation is exact in :mod:`kpidesk.model.exact`; rounding
for display happens only in :mod:`kpidesk.model.display`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import MAX_EMAX, MIN_EMIN, Decimal, InvalidOperation, localcontext

from kpidesk.model.limits import MAX_ABS_AMOUNT, MAX_DECIMALS, MAX_NUMBER_LENGTH, MAX_SIGNIFICANT_DIGITS
from kpidesk.model.reasons import ReasonError, kind_of

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

_SEPARATORS = re.compile(r"[,_\s\u00a0\u202f']")


class NumberError(ReasonError):
    """A text that should hold a number does not; the reason says why (``too_large``, ``not_a_number``...)."""


#: The largest number, as the whole number the messages show (1,000,000,000,000,000).
_LIMIT = int(MAX_ABS_AMOUNT)


def _normalise(text: str) -> str:
    # NFKC turns full-width digits, commas and percent signs typed with a
    # Japanese input method into their ASCII forms.
    return unicodedata.normalize("NFKC", text).strip()


def to_decimal(value: object) -> Decimal:
    """Convert a TOML or JSON scalar to Decimal, keeping 0.1 as exactly 0.1."""
    if isinstance(value, bool):
        raise NumberError("number_expected", found=kind_of(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise NumberError("not_finite")
        result = Decimal(repr(value))
    else:
        raise NumberError("number_expected", found=kind_of(value))
    return check_number(result)


def _short(value: Decimal) -> str:
    """A number for a message: as it is when short, else in scientific form."""
    text = format(value, "f") if -30 < value.adjusted() < 30 else f"{value:e}"
    return text if len(text) <= 24 else f"{value:.6e}"


def check_number(value: Decimal, shown: str | None = None) -> Decimal:
    """Refuse a number that no plan holds: not finite, too large, too many digits or decimals.

    Returns the number as it came, digits as typed (``0.1050`` stays
    ``0.1050``); a zero loses its sign and any positive exponent (``-0`` and
    ``0e9`` are 0). ``shown`` is the text the planner typed, for the message.
    """
    if not value.is_finite():
        raise NumberError("not_finite")
    label = shown if shown is not None else _short(value)
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if value.copy_abs() > MAX_ABS_AMOUNT:  # copy_abs: abs() would round, and overflow on 1e999999
        raise NumberError("too_large", number=label, limit=_LIMIT)
    places = max(0, -exponent)
    if places > MAX_DECIMALS:
        raise NumberError("too_many_decimals", number=label, places=places, limit=MAX_DECIMALS)
    if value.is_zero():
        return Decimal((0, (0,), min(exponent, 0)))
    significant = len(digits)
    while significant > 1 and digits[significant - 1] == 0:
        significant -= 1  # the zeros of 1,000,000 or 2.50 do not count
    if significant > MAX_SIGNIFICANT_DIGITS:
        raise NumberError("too_many_digits", number=label, digits=significant, limit=MAX_SIGNIFICANT_DIGITS)
    return value


def percent_of(value: Decimal) -> Decimal:
    """``value`` percent as a fraction, exactly: 12.5 -> 0.125, 40 -> 0.4, 0.015 -> 0.00015.

    Divided at a precision that holds every digit a typed number can have, so
    nothing is rounded (the default 28 digits would round a long number).
    """
    with localcontext() as context:
        context.prec = max(28, len(value.as_tuple().digits) + 4)
        context.Emax, context.Emin = MAX_EMAX, MIN_EMIN  # 1e9999999% is refused as too large, not an Overflow
        return value / HUNDRED


def parse_amount(text: str) -> Decimal:
    """Parse an amount such as ``1,000,000``, ``1e9``, ``1_000`` or ``40%``, digits as typed."""
    cleaned = _SEPARATORS.sub("", _normalise(text))
    if not cleaned:
        raise NumberError("number_expected", found=kind_of(None))
    shown = text.strip()
    if len(cleaned) > MAX_NUMBER_LENGTH:
        raise NumberError("number_too_long", limit=MAX_NUMBER_LENGTH)
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1]
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", cleaned):
        raise NumberError("not_a_number", text=shown)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # an exponent beyond what any number holds
        raise NumberError("out_of_range", text=shown, limit=_LIMIT, places=MAX_DECIMALS) from None
    if percent:
        exponent = value.as_tuple().exponent  # an int: the text matched digits, so the number is finite
        places = max(0, -exponent) if isinstance(exponent, int) else 0
        if places > MAX_DECIMALS - 2:
            raise NumberError("percent_too_many_decimals", number=shown, places=places, limit=MAX_DECIMALS - 2)
        value = percent_of(value)
    return check_number(value, shown)


def parse_rate(text: str, *, bare_is_percent: bool = False) -> Decimal:
    """Parse a rate or share into a fraction between 0 and 1, digits as typed.

    ``40%`` is always 40 %. A bare number is a fraction (``0.4``) on the command
    line and a percentage (``40``) in the window, where the cell shows percent.
    """
    cleaned = _normalise(text)
    bare = not cleaned.endswith("%")
    if bare_is_percent and bare:
        cleaned += "%"
    value = parse_amount(cleaned)
    check_rate(value, shown=cleaned, hint=bare and not bare_is_percent)
    return value


def check_rate(value: Decimal, *, shown: str | None = None, hint: bool = True) -> Decimal:
    """Refuse a rate outside 0-100 %, naming what was given.

    With ``hint``, a bare number above 1 (``140``) is answered with how to
    write a percentage (``140%``).
    """
    if value < ZERO or value > ONE:
        label = shown if shown is not None else percent_text(value)
        if hint and value > ONE and shown is not None and not shown.endswith("%"):
            raise NumberError("rate_out_of_range_bare", number=shown)  # 140: "write 140% for a percentage"
        raise NumberError("rate_out_of_range", number=label)
    return value


def plain(value: Decimal) -> Decimal:
    """Drop exponent and trailing zeros: 1.60E+3 -> 1600, 0.250 -> 0.25."""
    try:
        if value == value.to_integral_value():
            return value.quantize(ONE)
        return value.normalize()
    except InvalidOperation:  # more digits than the context holds: leave as is
        return value


def decimal_text(value: Decimal) -> str:
    """Every digit, no grouping, no exponent: 1E+9 -> '1000000000', 0.1050 -> '0.1050'."""
    exponent = value.as_tuple().exponent
    if value.is_zero() and isinstance(exponent, int):  # a zero is finite: its exponent is an int
        value = Decimal((0, (0,), min(0, exponent)))
    return format(value, "f")


def percent_text(value: Decimal) -> str:
    """A fraction as a percentage with every digit it holds: 0.00015 -> '0.015%', 0.1050 -> '10.50%'.

    Exact at any precision (the exponent moves, the digits stay); what files
    and edit fields hold, so a rate comes back as it was typed.
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return f"{value}%"
    return f"{decimal_text(Decimal((sign, digits, exponent + 2)))}%"
