"""How each field of a metric is written in TOML and read back.

Reader and writer share these functions, so a value that the writer finds
unchanged (``rate = "10%"`` against 0.1 in memory) keeps its original text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import tomlkit
from tomlkit.items import Item

from kpidesk.model.metric import Better, Kind, Metric, Relation
from kpidesk.model.numbers import (
    HUNDRED,
    NumberError,
    check_rate,
    format_percent,
    parse_amount,
    parse_rate,
    plain,
    to_decimal,
)

FORMAT_VERSION = "1.0"
SOLVE = "solve"

#: Keys of a [[metric]] table in the order new tables are written.
METRIC_KEYS = (
    "id", "parent", "name", "unit", "kind", "better", "relation", "target", "rate", "share", "formula",
    "actual", "owner", "source", "interval", "definition", "countermeasure", "notes", "actuals",
)
TEXT_KEYS = ("name", "unit", "owner", "source", "interval", "definition", "countermeasure", "notes")
INFO_TEXT_KEYS = ("title", "owner", "currency", "period", "kgi", "notes")
INFO_DATE_KEYS = ("start", "end")


class FieldError(ValueError):
    """A value of the wrong type or range; the reader adds file and position."""


def read_amount(value: Any) -> Decimal:
    try:
        if isinstance(value, str):
            return parse_amount(value)
        return to_decimal(value)
    except NumberError as exc:
        raise FieldError(str(exc)) from None


def read_fraction(value: Any) -> Decimal:
    try:
        if isinstance(value, str):
            return parse_rate(value)
        return check_rate(to_decimal(value))
    except NumberError as exc:
        raise FieldError(str(exc)) from None


def read_rate(value: Any) -> tuple[Decimal | None, bool]:
    """A rate is a fraction, a percentage text, or "solve" (goal seek)."""
    if isinstance(value, str) and value.strip().lower() == SOLVE:
        return None, True
    return read_fraction(value), False


def read_text(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldError(f"expected text in quotes, found {_type_name(value)}")
    return value


def read_enum(enum: type[Kind] | type[Better] | type[Relation], value: Any) -> Kind | Better | Relation:
    text = read_text(value)
    try:
        return enum(text.strip().lower())
    except ValueError:
        choices = ", ".join(item.value for item in enum)
        raise FieldError(f"{text!r} is not one of: {choices}") from None


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def metric_values(metric: Metric) -> dict[str, Any]:
    """The fields of a metric as the file stores them (None: key absent)."""
    rate: Any = SOLVE if metric.solve_rate else metric.rate
    values: dict[str, Any] = {
        "id": metric.id,
        "name": metric.name,
        "parent": metric.parent.id if metric.parent else None,
        "unit": metric.unit or None,
        "kind": metric.kind.value,
        "better": metric.better.value,
        "relation": metric.relation.value,
        "target": metric.target,
        "rate": rate,
        "share": metric.share,
        "formula": metric.formula,
        "actual": metric.actual,
        "actuals": dict(metric.actuals) or None,
    }
    for key in TEXT_KEYS[2:]:
        values[key] = getattr(metric, key) or None
    return values


DEFAULTS = {"kind": Kind.COUNT.value, "better": Better.HIGHER.value, "relation": Relation.NONE.value}


def decode(key: str, raw: Any) -> Any:
    """Read a stored value into the form ``metric_values`` gives, for comparing."""
    try:
        if key in ("target", "actual"):
            return read_amount(raw)
        if key == "share":
            return read_fraction(raw)
        if key == "rate":
            rate, solve = read_rate(raw)
            return SOLVE if solve else rate
        if key == "actuals":
            return {str(k): read_amount(v) for k, v in dict(raw).items()}
        if key in ("kind", "better", "relation"):
            return read_text(raw).strip().lower()
    except (FieldError, TypeError, ValueError):
        return object()  # never equal: the writer replaces what it cannot read
    return raw


def encode_number(value: Decimal) -> Item:
    value = plain(value)
    if value == value.to_integral_value():
        whole = int(value)
        text = f"{whole:_d}" if abs(whole) >= 10_000 else str(whole)
        return tomlkit.value(text)
    return tomlkit.value(format(value, "f"))


def encode(key: str, value: Any, existing: Any = None) -> Item:
    """A tomlkit item for a field, in the style of the value it replaces."""
    if key in ("rate", "share"):
        if value == SOLVE:
            return tomlkit.string(SOLVE)
        if existing is not None and not isinstance(existing, str):
            return encode_number(value)
        return tomlkit.string(format_percent(value).replace(",", ""))
    if key in ("target", "actual"):
        return encode_number(value)
    if key == "actuals":
        table = tomlkit.table()
        for period, amount in value.items():
            table[period] = encode_number(amount)
        return table
    if isinstance(value, str):
        return tomlkit.string(value, multiline="\n" in value)
    return tomlkit.item(value)


def encode_info(key: str, value: Any) -> Any:
    if key in INFO_DATE_KEYS and isinstance(value, (dt.date, str)):
        return value or None
    return value or None


__all__ = [
    "FORMAT_VERSION", "METRIC_KEYS", "FieldError", "decode", "encode", "metric_values", "HUNDRED",
]
