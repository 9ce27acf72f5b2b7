"""The fields of a metric, declared once: the file, the checks, the command line and the CSV read them here.

Each :class:`Field` says what a metric holds (name, Python type, default),
how the plan file stores it (key, form), what the window calls it (a label
marked for translation) and which CSV column shows it. The functions below
turn a value from the file (:func:`read`) or typed text (:func:`parse_text`)
into the stored value, check one value (:func:`check`), and check a metric as
a whole (:func:`metric_problems`): the reader and :meth:`Plan.validate_field`
both call them, so a value that an edit may set is a value the file may hold.

Qt-free: the labels are marked with a no-op ``QT_TRANSLATE_NOOP`` (context
``Fields``) that pyside6-lupdate finds; the window translates them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple

from kpidesk.model import characters
from kpidesk.model import formula as formulas
from kpidesk.model.limits import MAX_FORMULA_LENGTH, MAX_LAG, MAX_NAME_LENGTH, MAX_TEXT_LENGTH
from kpidesk.model.metric import Better, Kind, Metric, Relation
from kpidesk.model.numbers import (
    NumberError,
    check_number,
    check_rate,
    decimal_text,
    parse_amount,
    parse_rate,
    percent_text,
    plain,
    to_decimal,
)
from kpidesk.model.periods import parse_period
from kpidesk.model.reasons import QT_TRANSLATE_NOOP, Reason, ReasonError, kind_of, reason, reason_of

CONTEXT = "Fields"
#: The text of ``rate`` that asks kpidesk to find the rate (goal seek).
SOLVE = "solve"


class FieldValueError(ReasonError):
    """A value that a field cannot hold; the reason says why, without the metric's or field's name."""


@dataclass(frozen=True)
class Field:
    """One field of a metric.

    ``form`` says how the value is read, checked and written: ``text``,
    ``name`` (text that must not be empty), ``choice`` (one of ``choices``),
    ``flag`` (true or false), ``amount`` (a number), ``rate`` (a fraction
    from 0 to 100 %, or "solve"), ``share`` (a fraction above 0 up to 100 %),
    ``formula``, ``table`` (period = amount), ``solve`` (kept under the
    ``rate`` key) and ``id``/``parent`` (the tree's structure, not an input).
    """

    name: str
    type: Any
    default: Any
    key: str | None
    label: str
    form: str
    csv: str | None = None
    limit: int = MAX_TEXT_LENGTH
    choices: type[Enum] | None = None
    #: Whether ``kpidesk set FILE ID.FIELD=VALUE`` sets it.
    settable: bool = True
    #: A long text that may hold line breaks and tabs (notes); names and other texts are one line.
    multiline: bool = False

    @property
    def is_input(self) -> bool:
        """An input the planner decides (not the id or the parent, which place the metric)."""
        return self.form not in ("id", "parent")


#: Every field, in the order a new ``[[metric]]`` table writes its keys (the sub-tables
#: ``phasing`` and ``actuals`` last).
FIELDS: tuple[Field, ...] = (
    Field("id", str, "", "id", QT_TRANSLATE_NOOP("Fields", "Id"), "id", csv="id", settable=False),
    Field("parent", str, None, "parent", QT_TRANSLATE_NOOP("Fields", "Parent"), "parent", csv="parent", settable=False),
    Field("name", str, "", "name", QT_TRANSLATE_NOOP("Fields", "Name"), "name", csv="name", limit=MAX_NAME_LENGTH),
    Field("unit", str, "", "unit", QT_TRANSLATE_NOOP("Fields", "Unit"), "text", csv="unit", limit=MAX_NAME_LENGTH),
    Field("kind", Kind, Kind.COUNT, "kind", QT_TRANSLATE_NOOP("Fields", "Kind"), "choice", choices=Kind),
    Field("allow_negative", bool, False, "allow_negative",
          QT_TRANSLATE_NOOP("Fields", "Negative values allowed"), "flag"),
    Field("better", Better, Better.HIGHER, "better",
          QT_TRANSLATE_NOOP("Fields", "Aim"), "choice", csv="better", choices=Better),
    Field("relation", Relation, Relation.NONE, "relation",
          QT_TRANSLATE_NOOP("Fields", "Made from"), "choice", choices=Relation),
    Field("target", Decimal, None, "target", QT_TRANSLATE_NOOP("Fields", "Target"), "amount"),
    Field("rate", Decimal, None, "rate", QT_TRANSLATE_NOOP("Fields", "Rate"), "rate"),
    Field("lag", int, 0, "lag", QT_TRANSLATE_NOOP("Fields", "Lag (periods)"), "lag"),
    Field("solve_rate", bool, False, None, QT_TRANSLATE_NOOP("Fields", "Solve the rate"), "solve", settable=False),
    Field("share", Decimal, None, "share", QT_TRANSLATE_NOOP("Fields", "Share"), "share", csv="share"),
    Field("formula", str, None, "formula", QT_TRANSLATE_NOOP("Fields", "Formula"), "formula", limit=MAX_FORMULA_LENGTH,
          multiline=True),
    Field("actual", Decimal, None, "actual", QT_TRANSLATE_NOOP("Fields", "Actual"), "amount", csv="actual"),
    Field("owner", str, "", "owner", QT_TRANSLATE_NOOP("Fields", "Owner"), "text", csv="owner"),
    Field("source", str, "", "source", QT_TRANSLATE_NOOP("Fields", "Data source"), "text", csv="source"),
    Field("interval", str, "", "interval", QT_TRANSLATE_NOOP("Fields", "Interval"), "text", csv="interval"),
    Field("definition", str, "", "definition", QT_TRANSLATE_NOOP("Fields", "Definition"), "text", multiline=True),
    Field("countermeasure", str, "", "countermeasure",
          QT_TRANSLATE_NOOP("Fields", "Countermeasure"), "text", csv="countermeasure", multiline=True),
    Field("notes", str, "", "notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "text", multiline=True),
    Field("phasing", dict, {}, "phasing", QT_TRANSLATE_NOOP("Fields", "Phasing weights"), "table", settable=False),
    Field("actuals", dict, {}, "actuals", QT_TRANSLATE_NOOP("Fields", "Actuals by period"), "table", settable=False),
)

BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}
#: What the planner decides about a metric (``Plan.validate_field`` sets these).
INPUTS: dict[str, Field] = {field.name: field for field in FIELDS if field.is_input}
INPUT_FIELDS: tuple[str, ...] = tuple(INPUTS)
#: Fields that a plan file stores under their own key, by key.
BY_KEY: dict[str, Field] = {field.key: field for field in FIELDS if field.key is not None}
#: Keys of a ``[[metric]]`` table, in the order new tables write them.
METRIC_KEYS: tuple[str, ...] = tuple(BY_KEY)
#: Keys written as sub-tables (``[metric.actuals]``), after every other key of the metric.
TABLE_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.key and f.form == "table")
#: Keys that hold free text.
TEXT_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.key and f.form in ("name", "text"))
#: Values the file leaves out: a key at its default is written only when the planner wrote it.
DEFAULTS: dict[str, Any] = {
    f.key: (f.default.value if isinstance(f.default, Enum) else f.default)
    for f in FIELDS if f.key is not None and f.form in ("choice", "flag", "lag")
}
#: Fields the command line's ``set`` takes.
SETTABLE: tuple[str, ...] = tuple(f.name for f in FIELDS if f.settable)

#: The CSV export's columns, in order: fields with a ``csv`` column, and what the engine derives
#: (``target``: the plan's target, given or derived; ``rate``: the rate in effect, solved or given).
COMPUTED_COLUMNS = ("target", "given", "forecast", "gap", "rate")
CSV_COLUMNS: tuple[str, ...] = (
    "id", "name", "parent", "target", "unit", "given", "forecast", "gap", "actual", "rate", "share", "better",
    "owner", "source", "interval", "countermeasure",
)
CSV_FIELDS: dict[str, Field] = {f.csv: f for f in FIELDS if f.csv is not None}


def label(field: str) -> str:
    """The English label of a field (the window translates it in context ``Fields``)."""
    return BY_NAME[field].label


# ---- one value -----------------------------------------------------------------------------
def check_characters(text: str, *, multiline: bool = False) -> None:
    """Refuse a control or bidi character (:mod:`kpidesk.model.characters`), naming it.

    Names, units and other one-line texts take none; long texts take line
    breaks and tabs. Every way in (the file, ``kpidesk set``, the window's
    cells, its detail panel and plan dialog) comes through here.
    """
    char = characters.forbidden(text, multiline=multiline)
    if char is not None:
        raise FieldValueError("control_in_text" if multiline else "control_in_line",
                              character=characters.character_name(char))


def _text(field: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise FieldValueError("text_expected", found=kind_of(value))
    if len(value) > field.limit:
        raise FieldValueError("text_too_long", limit=field.limit)
    check_characters(value, multiline=field.multiline)
    return value


def _choice(field: Field, value: Any) -> Enum:
    enum = field.choices
    assert enum is not None
    if isinstance(value, enum):
        same: Enum = value
        return same
    if not isinstance(value, str):
        raise FieldValueError("text_expected", found=kind_of(value))
    try:
        choice: Enum = enum(value.strip().lower())
        return choice
    except ValueError:
        raise FieldValueError("not_a_choice", text=value, choices=tuple(str(item.value) for item in enum)) from None


def _amount(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
    if not isinstance(value, Decimal):
        raise FieldValueError("number_expected", found=kind_of(value))
    checked: Decimal = check_number(value)
    return checked


def _fraction(field: Field, raw: Any) -> Decimal | None:
    value = _amount(raw)
    if value is None:
        return None
    check_rate(value, hint=False)
    if field.form == "share" and value == 0:
        raise FieldValueError("share_zero")
    return value


def _formula(field: Field, value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = _text(field, value)
    try:
        formulas.parse(text)
    except formulas.FormulaError as exc:
        raise FieldValueError(exc.reason.inside("in_formula")) from None
    return text


def _table(field: Field, value: Any) -> dict[str, Decimal]:
    """Period = number; a period is named as the file names it (``2026-04``, ``2026-W15``)."""
    if not isinstance(value, dict):
        raise FieldValueError("table_expected")
    checked: dict[str, Decimal] = {}
    for period, amount in value.items():
        try:
            _period_key(str(period))
            number = _amount(amount)
            if number is None:
                raise FieldValueError("number_missing")
            if field.name == "phasing" and number < 0:
                raise FieldValueError("weight_negative")
        except ValueError as exc:
            raise FieldValueError(reason_of(exc).inside("in_period", period=str(period))) from None
        checked[str(period)] = number
    return checked


def _period_key(text: str) -> None:
    """A period key must be the one name of its period, so that lookups and diffs agree."""
    key = parse_period(text).key
    if key != text:
        raise FieldValueError("period_not_canonical", key=key)


def _lag(value: Any) -> int:
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldValueError("lag_not_whole", found=kind_of(value))
    if not 0 <= value <= MAX_LAG:
        raise FieldValueError("lag_range", limit=MAX_LAG)
    return value


def check(field: Field, value: Any) -> Any:
    """``value`` in its stored form, or FieldValueError / NumberError (both ValueError) saying why.

    One value on its own: what it needs of the rest of the metric is
    :func:`metric_problems`'s.
    """
    form = field.form
    if form == "name":
        text = _text(field, value).strip()
        if not text:
            raise FieldValueError("name_empty")
        return text
    if form == "text":
        return _text(field, value)
    if form == "choice":
        return _choice(field, value)
    if form in ("flag", "solve"):
        if not isinstance(value, bool):
            raise FieldValueError("flag_expected", found=kind_of(value))
        return value
    if form == "amount":
        return _amount(value)
    if form in ("rate", "share"):
        return _fraction(field, value)
    if form == "formula":
        return _formula(field, value)
    if form == "table":
        return _table(field, value)
    if form == "lag":
        return _lag(value)
    raise FieldValueError("not_an_input", field=field.name)


# ---- from the file and from typed text ----------------------------------------------------------
def _number_from_file(value: Any) -> Decimal:
    if isinstance(value, str):
        return parse_amount(value)
    return to_decimal(value)


def read(field: Field, raw: Any) -> dict[str, Any]:
    """The fields that a value of the plan file sets: ``{"rate": None, "solve_rate": True}`` for "solve".

    Raises ValueError (FieldValueError, NumberError) saying why the value
    cannot be read; the reader adds the file, line and column.
    """
    form = field.form
    if form == "rate":
        if isinstance(raw, str) and raw.strip().lower() == SOLVE:
            return {"rate": None, "solve_rate": True}
        return {"rate": check(field, _fraction_from_file(raw)), "solve_rate": False}
    if form == "share":
        return {field.name: check(field, _fraction_from_file(raw))}
    if form == "amount":
        return {field.name: check(field, _number_from_file(raw))}
    if form == "table":
        if not isinstance(raw, dict):
            raise FieldValueError("table_expected")
        values = {}
        for period, amount in raw.items():
            try:
                values[str(period)] = _number_from_file(amount)
            except ValueError as exc:
                raise FieldValueError(reason_of(exc).inside("in_period", period=str(period))) from None
        return {field.name: check(field, values)}
    if form == "name":
        _text(field, raw)
        if not raw.strip():
            raise FieldValueError("name_required")
        return {field.name: raw}  # as the file has it: saving does not rewrite the line
    if form == "formula":
        return {field.name: check(field, _text(field, raw))}
    return {field.name: check(field, raw)}


def _fraction_from_file(raw: Any) -> Decimal:
    if isinstance(raw, str):
        return parse_rate(raw)
    return check_rate(to_decimal(raw))


def file_value(field: Field, metric: Metric) -> Any:
    """What the plan file stores under ``field.key`` for ``metric`` (None: the key is left out)."""
    if field.form == "id":
        return metric.id
    if field.form == "parent":
        return metric.parent.id if metric.parent is not None else None
    if field.form == "rate" and metric.solve_rate:
        return SOLVE
    value = getattr(metric, field.name)
    if isinstance(value, Enum):
        return value.value
    if field.form == "table":
        return dict(value) or None
    if field.form in ("text", "name"):
        return value or None
    return value


def decode(key: str, raw: Any) -> Any:
    """A stored value in the form :func:`file_value` gives, for comparing; a value that
    cannot be read never compares equal."""
    field = BY_KEY.get(key)
    if field is None or field.form in ("id", "parent"):
        return raw
    try:
        if field.form == "choice":
            return _choice(field, raw).value
        values = read(field, raw)
    except (ValueError, TypeError, AttributeError):
        return object()
    if field.form == "rate":
        return SOLVE if values["solve_rate"] else values["rate"]
    return values[field.name]


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def parse_text(field: Field, text: str, *, window: bool = False) -> Any:
    """Typed text (``kpidesk set``, a cell of the window, a paste) as the value to set.

    Numbers keep every digit typed (``0.015%`` stays 0.015 %); an empty text
    clears a number or a formula. A bare rate is a fraction on the command
    line (``0.4``) and a percentage in the window (``40``), where the cell
    shows percent. "solve" for a rate is the caller's: it sets two fields.
    Raises NumberError or FieldValueError (ValueError) saying why.
    """
    text = text.strip()
    form = field.form
    if form == "amount":
        return parse_amount(text) if text else None
    if form in ("rate", "share"):
        return parse_rate(text, bare_is_percent=window) if text else None
    if form in ("flag", "solve"):
        word = text.lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise FieldValueError("not_a_flag", text=text)
    if form == "formula":
        return text or None
    if form == "lag":
        number = parse_amount(text) if text else Decimal(0)
        return _lag(number)
    return text


def edit_text(field: Field, metric: Metric) -> str:
    """A field's value as text that :func:`parse_text` (command line) reads back to the same value."""
    value = getattr(metric, field.name)
    if value is None:
        return ""
    if field.form in ("rate", "share"):
        return percent_text(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_text(field: Field, metric: Metric) -> str:
    """A field as the CSV export writes it: numbers plain (0.25, 1600), so spreadsheets read them."""
    value = file_value(field, metric)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return decimal_text(plain(value))
    return str(value)


# ---- the metric as a whole -------------------------------------------------------------------
class Rule(NamedTuple):
    """A rule a metric breaks: the field at fault, where in the file (``actuals.2026-04``), why (a code:
    ``count_negative``, ``money_negative``, ``count_not_whole``), and the value."""

    field: str
    where: str
    code: str
    value: Decimal

    @property
    def why(self) -> Reason:
        """The rule as a reason, with the value that breaks it."""
        return reason(self.code, value=self.value)

    @property
    def reason(self) -> str:
        """The rule in English words."""
        return reason(self.code).text()


def values_of(metric: Metric) -> dict[str, Any]:
    """The input fields of ``metric``, by name (what :func:`metric_problems` takes)."""
    return {name: getattr(metric, name) for name in INPUT_FIELDS}


def metric_problems(values: Mapping[str, Any]) -> list[Rule]:
    """Every rule between a metric's fields that ``values`` (field name -> value) breaks.

    * A count is whole (targets, actuals): 2.5 orders are not an order.
    * Counts and money are not negative unless the metric allows it
      (``allow_negative = true``: a profit can be negative).
    """
    kind = values.get("kind", Kind.COUNT)
    problems: list[Rule] = []
    amounts: list[tuple[str, str, Any]] = [(key, key, values.get(key)) for key in ("target", "actual")]
    amounts += [("actuals", f"actuals.{period}", v) for period, v in (values.get("actuals") or {}).items()]
    for field, where, value in amounts:
        if value is None:
            continue
        if kind in (Kind.COUNT, Kind.MONEY) and value < 0 and not values.get("allow_negative"):
            problems.append(Rule(field, where, "count_negative" if kind is Kind.COUNT else "money_negative", value))
        if kind is Kind.COUNT and value != value.to_integral_value():
            problems.append(Rule(field, where, "count_not_whole", value))
    return problems


def shown(value: Any) -> str:
    """A value in a message, every digit as stored, as the file writes it."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def formula_unknown(text: str, metric_id: str, known: Collection[str]) -> list[str]:
    """The ids a formula reads that are not another metric of the plan (sorted); [] for a bad formula."""
    try:
        refs = formulas.references(formulas.parse(text))
    except formulas.FormulaError:
        return []
    return sorted(r for r in refs if r not in known or r == metric_id)


__all__ = [
    "Field", "FieldValueError", "FIELDS", "BY_NAME", "BY_KEY", "INPUTS", "INPUT_FIELDS", "METRIC_KEYS",
    "TEXT_KEYS", "DEFAULTS", "SETTABLE", "CSV_COLUMNS", "CSV_FIELDS", "COMPUTED_COLUMNS", "SOLVE", "Rule",
    "check", "read", "decode", "parse_text", "edit_text", "csv_text", "file_value", "values_of",
    "metric_problems", "formula_unknown", "label", "QT_TRANSLATE_NOOP", "NumberError", "check_characters",
]
