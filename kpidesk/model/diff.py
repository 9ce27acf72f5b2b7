"""What changed between two versions of a plan, by metric id and field, and what that did to the numbers.

A text diff of two plan files shows lines; a planner asks which metrics came
and went, which inputs changed from what to what, and what those changes did
to the targets and forecasts kpidesk derives. :func:`diff_plans` answers with
data: :class:`Change` objects (a kind, a metric id, a field, the old and the
new value) and :class:`Effect` objects (a derived value of a metric that moved,
with the changes on its path through the tree that explain it). Text is made
at the edge (:mod:`kpidesk.model.diff_text`), so a translation, the command
line's JSON and the window read the same data.

Both plans are evaluations already (their ``metric.computed``); nothing here
changes either plan. Three-way merges (:mod:`kpidesk.model.merge`) read the
same changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kpidesk.model import formula as formulas
from kpidesk.model import schema
from kpidesk.model.exact import Fraction
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.plan import INFO_FIELDS, Plan

#: A value of a field as the plan file holds it: text (also "solve" and choice names), a number,
#: a flag, a lag, a date, or None for a field left out (a derived target, no rate).
Value = str | Decimal | bool | int | dt.date | None
#: Extra facts of a change: where a metric was added or moved to (``parent``, ``row``...).
Extras = tuple[tuple[str, Value], ...]

#: Input fields whose change can change derived values (the plan's ``CALC_FIELDS``, as file keys).
CALC_FIELDS = frozenset({"kind", "unit", "relation", "target", "rate", "share", "formula"})
#: Fields a metric's table keeps per period; a change names the period: ``actuals.2026-04``.
TABLE_FIELDS = tuple(f.name for f in schema.FIELDS if f.form == "table")
#: Derived values an effect reports, in the order they are listed.
EFFECT_FIELDS = ("target", "rate", "forecast", "gap")


class ChangeKind(StrEnum):
    """What kind of change: the metric came, went, got a new name or place, or one input changed."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MOVED = "moved"
    CHANGED = "changed"
    PLAN = "plan"  # a fact of the plan: title, KGI, start, end...


@dataclass(frozen=True)
class Change:
    """One change: ``field`` of ``metric`` went from ``old`` to ``new``.

    ``field`` is a field name (``rate``, ``owner``), ``actuals.2026-04`` for a
    period of a table, ``name`` for a rename, ``parent`` for a move (``old`` and
    ``new`` are parent ids, ``extras`` the rows among the siblings) and for an
    added or removed metric (``new`` or ``old`` is where it is or was; ``extras``
    hold its name). A change of the plan's facts has ``metric`` None.
    """

    kind: ChangeKind
    metric: str | None
    field: str
    old: Value = None
    new: Value = None
    extras: Extras = ()

    @property
    def extra(self) -> dict[str, Value]:
        return dict(self.extras)

    @property
    def base_field(self) -> str:
        """The field without its period: ``actuals`` for ``actuals.2026-04``."""
        return self.field.partition(".")[0]


@dataclass(frozen=True)
class Effect:
    """A derived value that differs: ``field`` (target, rate, forecast, gap) of ``metric``.

    ``because`` holds the changes on the metric's path through the tree that
    can move this value: the metric and the metrics above it up to the root
    (a target required by the goal comes from there alone), the metrics below
    it (forecasts, gaps, solved rates and unrequired targets come up from
    there), and what a formula reads. Empty when none of them changed, rather
    than guessing: a change of a sibling (a share, another part of a sum) is not claimed.
    """

    metric: str
    field: str
    old: Fraction | None
    new: Fraction | None
    because: tuple[Change, ...] = ()


@dataclass(frozen=True)
class PlanDiff:
    """The changes from ``old`` to ``new``, and their effects on what kpidesk derives."""

    old: Plan
    new: Plan
    changes: tuple[Change, ...]
    effects: tuple[Effect, ...]

    @property
    def same(self) -> bool:
        """Whether the plans say the same (comments and layout aside)."""
        return not self.changes

    def changed_metrics(self) -> set[str]:
        """Ids of the metrics of ``new`` that a change or an effect is about (for marking them)."""
        ids = {c.metric for c in self.changes if c.metric is not None}
        ids.update(e.metric for e in self.effects)
        return {i for i in ids if i in self.new.metrics}


# ---- the fields of a metric -------------------------------------------------------------------
def _plain(value: object) -> Value:
    if isinstance(value, (str, Decimal, bool, int, dt.date)) or value is None:
        return value
    return str(value)


def metric_fields(metric: Metric) -> dict[str, Value]:
    """A metric's inputs as the file holds them, one entry per field and per period of a table.

    The name is here too; the place in the tree (parent, row) is not. A rate is
    "solve" for a goal-seek stage. Fields at their default are left out, as the
    file leaves them out, so "absent" and "default" compare equal.
    """
    values: dict[str, Value] = {}
    for field in schema.FIELDS:
        if field.key is None or field.form in ("id", "parent"):
            continue
        if field.form == "table":
            for period, amount in sorted(getattr(metric, field.name).items()):
                values[f"{field.name}.{period}"] = amount
            continue
        value = schema.file_value(field, metric)
        if value is None or schema.DEFAULTS.get(field.key, object()) == value:
            continue
        values[field.name] = _plain(value)
    return values


def _info(plan: Plan) -> dict[str, Value]:
    return {key: _plain(plan.info.get(key)) or None for key in INFO_FIELDS}


def _parent_id(metric: Metric) -> str | None:
    return metric.parent.id if metric.parent is not None else None


def _stable(sequence: list[str], order: dict[str, int]) -> set[str]:
    """The ids of ``sequence`` that keep their order: a longest run increasing in ``order``."""
    tails: list[int] = []  # index into sequence of the smallest tail of each length
    previous: list[int] = [-1] * len(sequence)
    for index, item in enumerate(sequence):
        key = order[item]
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if order[sequence[tails[middle]]] < key:
                low = middle + 1
            else:
                high = middle
        previous[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept: set[str] = set()
    at = tails[-1] if tails else -1
    while at >= 0:
        kept.add(sequence[at])
        at = previous[at]
    return kept


def reordered(old: Plan, new: Plan) -> set[str]:
    """Ids that moved among their siblings without changing parent.

    Siblings added or removed shift rows but move nothing: only the metrics
    present under the same parent in both plans are compared, and the fewest
    of them that explain the new order count as moved.
    """
    moved: set[str] = set()
    for parent in [None, *new.walk()]:
        siblings = [m.id for m in new.children_of(parent)]
        parent_id = parent.id if parent is not None else None
        common = [i for i in siblings if i in old.metrics and _parent_id(old.metrics[i]) == parent_id]
        if len(common) < 2:
            continue
        order = {i: old.metrics[i].row for i in common}
        moved.update(set(common) - _stable(common, order))
    return moved


# ---- changes ----------------------------------------------------------------------------------
#: Every metric's :func:`metric_fields`, by id.
Fields = dict[str, dict[str, Value]]


def plan_fields(plan: Plan) -> Fields:
    """:func:`metric_fields` of every metric of ``plan``, by id (a merge reads each side's several times)."""
    return {metric.id: metric_fields(metric) for metric in plan.walk()}


def compare(old: Plan, new: Plan, old_fields: Fields | None = None, new_fields: Fields | None = None) -> list[Change]:
    """The changes from ``old`` to ``new``: the plan's facts, then metric by metric in ``new``'s tree order
    (added, renamed, moved, each input), then the metrics removed, in ``old``'s tree order.

    ``old_fields`` and ``new_fields``: the plans' :func:`plan_fields`, when the caller has them already."""
    old_fields = plan_fields(old) if old_fields is None else old_fields
    new_fields = plan_fields(new) if new_fields is None else new_fields
    changes: list[Change] = []
    old_info, new_info = _info(old), _info(new)
    for key in INFO_FIELDS:
        if old_info[key] != new_info[key]:
            changes.append(Change(ChangeKind.PLAN, None, key, old_info[key], new_info[key]))
    shuffled = reordered(old, new)
    for metric in new.walk():
        before = old.metrics.get(metric.id)
        parent = _parent_id(metric)
        if before is None:
            changes.append(Change(ChangeKind.ADDED, metric.id, "parent", None, parent,
                                  (("name", metric.name), ("row", metric.row))))
            continue
        if before.name != metric.name:
            changes.append(Change(ChangeKind.RENAMED, metric.id, "name", before.name, metric.name))
        old_parent = _parent_id(before)
        if old_parent != parent or metric.id in shuffled:
            changes.append(Change(ChangeKind.MOVED, metric.id, "parent", old_parent, parent,
                                  (("old_row", before.row), ("new_row", metric.row))))
        changes.extend(field_changes(metric.id, old_fields[metric.id], new_fields[metric.id]))
    for metric in old.walk():
        if metric.id not in new.metrics:
            changes.append(Change(ChangeKind.REMOVED, metric.id, "parent", _parent_id(metric), None,
                                  (("name", metric.name), ("row", metric.row))))
    return changes


def field_changes(metric_id: str, old: dict[str, Value], new: dict[str, Value]) -> Iterator[Change]:
    """One :data:`ChangeKind.CHANGED` per input that differs (the name is a rename, not listed here)."""
    keys = list(old) + [k for k in new if k not in old]
    for key in sorted(keys, key=_field_order):
        if key == "name":
            continue
        before, after = old.get(key), new.get(key)
        if not _equal(before, after):
            yield Change(ChangeKind.CHANGED, metric_id, key, before, after)


_ORDER = {field.name: index for index, field in enumerate(schema.FIELDS)}


def _field_order(key: str) -> tuple[int, str]:
    name, _, period = key.partition(".")
    return _ORDER.get(name, len(_ORDER)), period


def _equal(a: Value, b: Value) -> bool:
    """Equal values: 0.5 and 0.50 are the same rate; "solve" is no number; True is not 1."""
    if type(a) is bool or type(b) is bool:
        return type(a) is type(b) and a == b
    if isinstance(a, str) != isinstance(b, str):
        return False
    return a == b


# ---- effects ---------------------------------------------------------------------------------
def _line(metric: Metric | None, below: bool = True) -> set[str]:
    """Ids of the metric, every metric above it and (``below``) every metric below it."""
    if metric is None:
        return set()
    ids = {m.id for m in metric.ancestors()}
    if below:
        ids.update(m.id for m in metric.walk())
    else:
        ids.add(metric.id)
    return ids


def _reads(metric: Metric | None) -> set[str]:
    if metric is None or not metric.formula:
        return set()
    try:
        return formulas.references(formulas.parse(metric.formula))
    except formulas.FormulaError:
        return set()


def path_ids(old: Plan, new: Plan, metric_id: str, below: bool = True) -> set[str]:
    """The metrics whose changes can move ``metric_id``'s derived values, in either plan.

    Its line through the tree (above: the goal it is derived from; ``below``:
    what it is forecast from) and, for a formula, the lines of the metrics it reads.
    """
    ids: set[str] = set()
    for plan in (old, new):
        metric = plan.metrics.get(metric_id)
        ids |= _line(metric, below)
        for read in _reads(metric):
            ids |= _line(plan.metrics.get(read))
    return ids


def _explains(change: Change, metric: Metric) -> bool:
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MOVED):
        return True
    if change.kind is ChangeKind.PLAN:
        return change.field == "currency" and metric.kind is Kind.MONEY  # money settles to its minor unit
    return change.kind is ChangeKind.CHANGED and change.base_field in CALC_FIELDS


def _derived(metric: Metric, field: str) -> Fraction | None:
    computed = metric.computed
    value: Fraction | None = getattr(computed, field)
    return value


def effects(old: Plan, new: Plan, changes: Iterable[Change]) -> list[Effect]:
    """The derived values that differ between the plans, for metrics in both, in ``new``'s tree order.

    A target is an effect only where ``new`` derives it (a given target is a
    change already); a rate only where ``new`` solves it (goal seek).
    """
    listed = list(changes)
    if not listed:
        return []
    by_metric: dict[str | None, list[int]] = {}  # metric id (None: the plan) -> positions in ``listed``
    for position, change in enumerate(listed):
        by_metric.setdefault(change.metric, []).append(position)
    found: list[Effect] = []
    for metric in new.walk():
        before = old.metrics.get(metric.id)
        if before is None:
            continue
        # a target the goal above requires is derived from above only; one that no goal requires (a top
        # metric without a target) comes up from below, as forecasts, gaps and solved rates do
        from_above = before.computed.required is not None and metric.computed.required is not None
        for field in EFFECT_FIELDS:
            if field == "target" and metric.target is not None:
                continue
            if field == "rate" and not metric.solve_rate:
                continue
            was, now = _derived(before, field), _derived(metric, field)
            if was == now:
                continue
            path = path_ids(old, new, metric.id, below=not (field == "target" and from_above))
            positions = sorted(p for key in (*path, None) for p in by_metric.get(key, ()))
            causes = tuple(listed[p] for p in positions if _explains(listed[p], metric))
            found.append(Effect(metric.id, field, was, now, causes))
    return found


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """The changes from ``old`` to ``new`` and their effects; neither plan changes."""
    changes = compare(old, new)
    return PlanDiff(old, new, tuple(changes), tuple(effects(old, new, changes)))


__all__ = [
    "Change", "ChangeKind", "Effect", "PlanDiff", "Value", "CALC_FIELDS", "TABLE_FIELDS", "EFFECT_FIELDS",
    "Fields", "compare", "diff_plans", "effects", "field_changes", "metric_fields", "path_ids", "plan_fields",
    "reordered",
]
