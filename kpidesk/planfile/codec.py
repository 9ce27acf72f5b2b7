"""How each field of a metric is written in TOML and read back.

The fields, their keys, defaults and readers are declared once in
:mod:`kpidesk.model.schema`; this module adds what is TOML's: the items
tomlkit writes. Reader and writer share these functions, so a value that the
writer finds unchanged (``rate = "10%"`` against 0.1 in memory) keeps its
original text, and a changed rate is written with every digit it holds
(``"0.015%"``, never a rounded ``"0.02%"``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import tomlkit
from tomlkit.items import Item, Key, KeyType, SingleKey

from kpidesk.model import schema
from kpidesk.model.metric import Metric
from kpidesk.model.numbers import HUNDRED, decimal_text, percent_text, plain
from kpidesk.model.reasons import ReasonError, reason_of

FORMAT_VERSION = "1.0"
SOLVE = schema.SOLVE

#: Keys of a [[metric]] table in the order new tables are written.
METRIC_KEYS = schema.METRIC_KEYS
TEXT_KEYS = schema.TEXT_KEYS
TABLE_KEYS = schema.TABLE_KEYS
INFO_TEXT_KEYS = ("title", "owner", "currency", "period", "kgi", "on_track", "behind", "notes")
#: Plan keys holding a percentage: the tracking thresholds (``on_track = "95%"``).
INFO_PERCENT_KEYS = ("on_track", "behind")
INFO_DATE_KEYS = ("start", "end")
#: Keys whose default value the file leaves out (kind, better, relation, allow_negative).
DEFAULTS = schema.DEFAULTS


class FieldError(ReasonError):
    """A value of the wrong type or range; the reader adds file and position."""


def read_field(key: str, raw: Any) -> dict[str, Any]:
    """The fields that ``key = raw`` sets, or FieldError saying why it cannot be read."""
    try:
        return schema.read(schema.BY_KEY[key], raw)
    except ValueError as exc:  # FieldValueError, NumberError: each with its reason
        raise FieldError(reason_of(exc)) from None


def metric_values(metric: Metric) -> dict[str, Any]:
    """The fields of a metric as the file stores them (None: key absent)."""
    return {field.key: schema.file_value(field, metric) for field in schema.FIELDS if field.key is not None}


def decode(key: str, raw: Any) -> Any:
    """Read a stored value into the form ``metric_values`` gives, for comparing."""
    return schema.decode(key, raw)


def encode_number(value: Decimal) -> Item:
    """A number as TOML, every digit kept: whole numbers as integers (``1_000_000`` from 10,000 up),
    others as typed (``2.50`` stays ``2.50``)."""
    if value == value.to_integral_value():
        whole = int(plain(value))
        text = f"{whole:_d}" if abs(whole) >= 10_000 else str(whole)
        return tomlkit.value(text)
    return tomlkit.value(decimal_text(value))


def period_key(period: str) -> Key:
    """A period as a key in quotes, as the documentation writes it: ``"2026-04"`` (bare, 2026-04 looks like a date)."""
    return SingleKey(period, t=KeyType.Basic)


def encode(key: str, value: Any, existing: Any = None) -> Item:
    """A tomlkit item for a field, in the style of the value it replaces."""
    field = schema.BY_KEY.get(key)
    form = field.form if field is not None else ""
    if form in ("rate", "share"):
        if value == SOLVE:
            return tomlkit.string(SOLVE)
        if existing is not None and not isinstance(existing, str):
            return encode_number(value)
        return tomlkit.string(percent_text(value))
    if form == "amount":
        return encode_number(value)
    if form == "table":
        table = tomlkit.table()
        for period, amount in value.items():
            table.add(period_key(period), encode_number(amount))
        return table
    if isinstance(value, str):
        return tomlkit.string(value, multiline="\n" in value)
    other: Item = tomlkit.item(value)  # true or false (a flag): tomlkit types item() of Any as Any
    return other


def encode_info(value: Any) -> Any:
    """A plan fact as the file holds it: an empty text is no fact (the key is left out)."""
    return value or None


__all__ = [
    "FORMAT_VERSION", "METRIC_KEYS", "FieldError", "decode", "encode", "metric_values", "HUNDRED",
]
