"""The plan: plan-level facts and the tree of metrics, with change events.

Every change goes through the few primitives here (insert, remove, move,
set a field), which keep the tree's indexes right (``metric.row`` and the id
table make parent and row look-ups O(1)), recalculate what the change
affects, and tell listeners once per batch.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import Any

from kpidesk.model import events as ev
from kpidesk.model import formula as formulas
from kpidesk.model import schema
from kpidesk.model.engine import Engine
from kpidesk.model.findings import Finding
from kpidesk.model.limits import MAX_DEPTH, MAX_ID_LENGTH, MAX_METRICS, MAX_TEXT_LENGTH
from kpidesk.model.metric import ID_PATTERN, Metric, Relation
from kpidesk.model.periods import parse_period
from kpidesk.model.reasons import ReasonError, reason, reason_of

#: Plan-level facts, in the order the file writes them.
INFO_FIELDS = ("title", "owner", "currency", "period", "start", "end", "kgi", "on_track", "behind", "notes")

#: Plan-level texts that may hold line breaks; the others (the title...) are one line.
MULTILINE_INFO = frozenset({"notes"})

#: What the planner decides about a metric, in the order the file writes it (declared in ``schema``).
INPUT_FIELDS = schema.INPUT_FIELDS

#: Fields that hold a value per period (``[metric.actuals]``): edited a period at a time.
PERIOD_FIELDS: tuple[str, ...] = tuple(f.name for f in schema.FIELDS if f.form == "table")

#: Fields whose change can change computed values.
#: (a money metric's unit names the currency whose minor unit its gap is settled in)
#: The text fields of a metric, checked when a metric is added.
TEXT_INPUTS = tuple(f for f in schema.INPUTS.values() if f.form in ("name", "text"))

CALC_FIELDS = frozenset({"kind", "unit", "relation", "target", "rate", "solve_rate", "share", "formula"})


class PlanError(ReasonError):
    """An edit the plan refuses; the reason says why (``id_taken``, ``count_not_whole``...), its text in the
    planner's words."""


class Plan:
    """A KPI plan. Listeners subscribe to ``plan.events``."""

    def __init__(self, title: str = "") -> None:
        #: Text by name; ``start`` and ``end`` are dates once read from a file (TOML dates) or set.
        self.info: dict[str, Any] = {name: "" for name in INFO_FIELDS}
        self.info["title"] = title
        self.metrics: dict[str, Metric] = {}
        self.roots: list[Metric] = []
        self.events = ev.EventEmitter()
        self.engine = Engine(self.roots, self.metrics, self.info)
        self._batch_depth = 0
        self._dirty: set[Metric] = set()
        self._touched: set[Metric] = set()
        self._structure = False
        self._order: list[Metric] | None = None  # walk() order, kept until the tree's shape changes

    # ---- reading ------------------------------------------------------------
    @property
    def kgi(self) -> Metric | None:
        """The metric marked as the KGI, by default the first root."""
        marked = self.metrics.get(self.info.get("kgi") or "")
        return marked if marked is not None else (self.roots[0] if self.roots else None)

    def children_of(self, parent: Metric | None) -> list[Metric]:
        return self.roots if parent is None else parent.children

    def walk(self) -> Iterator[Metric]:
        """Every metric, parents before children, in sibling order.

        The order is kept between changes of the tree's shape: the checks walk
        the plan several times after every edit.
        """
        if self._order is None:
            self._order = [m for root in self.roots for m in root.walk()]
        return iter(self._order)

    def findings(self) -> list[Finding]:
        """The engine's findings (the plan checks add theirs in ``checks``)."""
        return [f for m in self.walk() for f in m.computed.findings]

    def new_id(self, base: str) -> str:
        """A free id made from ``base`` (a name or an id)."""
        stem = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "_") else "_" for ch in base.lower())
        stem = stem.strip("_")[: MAX_ID_LENGTH - 6] or "metric"
        if not stem[0].isalpha():  # a digit: an id starts with a letter (or "_", which strip took off)
            stem = f"m_{stem}"
        candidate, number = stem, 2
        while candidate in self.metrics:
            candidate, number = f"{stem}_{number}", number + 1
        return candidate

    # ---- batching ---------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group changes: one recalculation and one MetricsChanged at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._flush()

    def _flush(self) -> None:
        dirty, touched, structure = self._dirty, self._touched, self._structure
        self._dirty, self._touched, self._structure = set(), set(), False
        changed = self.engine.recalculate(dirty) if dirty else set()
        present = {m for m in changed | touched if self.metrics.get(m.id) is m}
        if present or structure:
            self.events.emit(ev.MetricsChanged(frozenset(present), structure, frozenset(touched & present)))

    # ---- structure ----------------------------------------------------------------
    def attach(self, metric: Metric, parent: Metric | None) -> None:
        """Append a metric while building a plan; no events, no recalculation."""
        siblings = self.children_of(parent)
        metric.parent, metric.row = parent, len(siblings)
        siblings.append(metric)
        self.metrics[metric.id] = metric
        self._order = None
        self.engine.formulas.track(metric)  # a formula attached after loading is known at the next edit

    def insert_metric(self, metric: Metric, parent: Metric | None, row: int) -> None:
        """Insert ``metric`` (with any children it has) under ``parent`` at ``row``."""
        subtree = metric.walk()
        for node in subtree:
            if node.id in self.metrics:
                raise PlanError("id_taken", id=node.id)
        if len(self.metrics) + len(subtree) > MAX_METRICS:
            raise PlanError("plan_full", limit=MAX_METRICS)
        if parent is not None and parent.id not in self.metrics:
            raise PlanError("parent_not_in_plan", parent=parent.id)
        depth = (parent.depth + 1 if parent else 0) + max(n.depth - metric.depth for n in subtree)
        if depth >= MAX_DEPTH:
            raise PlanError("tree_would_be_too_deep", limit=MAX_DEPTH)
        for node in subtree:
            self._check_texts(node)
        siblings = self.children_of(parent)
        row = max(0, min(row, len(siblings)))
        with self.batch():
            self.events.emit(ev.MetricInserting(parent, row))
            self._order = None
            metric.parent = parent
            siblings.insert(row, metric)
            self._renumber(siblings, row)
            for node in subtree:
                self.metrics[node.id] = node
            self._structure = True
            self._dirty.update(subtree)
            if parent is not None:
                self._dirty.add(parent)
            self.events.emit(ev.MetricInserted(parent, row, metric))

    def remove_metric(self, metric: Metric) -> tuple[Metric | None, int]:
        """Remove ``metric`` and its subtree; returns where it was, for undo."""
        if metric.parent is None and len(self.roots) == 1:
            # an empty plan could be saved but not opened again: the file format needs a goal
            raise PlanError("only_goal", metric=metric.id, name=metric.name)
        self._check_not_read(metric)
        parent, row = metric.parent, metric.row
        siblings = self.children_of(parent)
        with self.batch():
            self.events.emit(ev.MetricRemoving(parent, row, metric))
            self._order = None
            del siblings[row]
            self._renumber(siblings, row)
            subtree = metric.walk()
            for node in subtree:
                del self.metrics[node.id]
            self.engine.forget(subtree)
            self._structure = True
            if parent is not None:
                self._dirty.add(parent)
            elif self.roots:
                self._dirty.add(self.roots[0])
            self.events.emit(ev.MetricRemoved(parent, row, metric))
        return parent, row

    def _check_not_read(self, metric: Metric) -> None:
        """Refuse to delete what a formula left in the plan reads: a file whose formula names a metric
        that is not there does not open again (the same rule as setting such a formula)."""
        gone = {node.id for node in metric.walk()}
        readers: list[str] = []
        read: set[str] = set()
        for other in self.metrics.values():
            if other.formula and other.id not in gone:
                refs = _formula_refs(other.formula)  # the text as it is now (the engine's index waits for the batch)
                if refs & gone:
                    readers.append(other.id)
                    read |= refs & gone
        if readers:
            raise PlanError("formula_reads_it", metric=metric.id, name=metric.name, readers=tuple(sorted(readers)),
                            reads=tuple(sorted(read)))

    def move_metric(self, metric: Metric, new_parent: Metric | None, new_row: int) -> None:
        """Move ``metric`` to ``new_row`` (its row after the move) under ``new_parent``."""
        if new_parent is not None and (new_parent is metric or metric in new_parent.ancestors()):
            raise PlanError("below_itself", metric=metric.id, name=metric.name)
        old_parent, old_row = metric.parent, metric.row
        target_siblings = self.children_of(new_parent)
        limit = len(target_siblings) - (1 if new_parent is old_parent else 0)
        new_row = max(0, min(new_row, limit))
        if new_parent is old_parent and new_row == old_row:
            return
        height = max(n.depth for n in metric.walk()) - metric.depth
        if (new_parent.depth + 1 if new_parent else 0) + height >= MAX_DEPTH:
            raise PlanError("tree_would_be_too_deep", limit=MAX_DEPTH)
        with self.batch():
            self.events.emit(ev.MetricMoving(metric, old_parent, old_row, new_parent, new_row))
            self._order = None
            old_siblings = self.children_of(old_parent)
            del old_siblings[old_row]
            self._renumber(old_siblings, old_row)
            target_siblings.insert(new_row, metric)
            metric.parent = new_parent
            self._renumber(target_siblings, min(new_row, old_row) if new_parent is old_parent else new_row)
            self._structure = True
            # A share parent's parts do not depend on their order (each is its share of the goal): a part moved
            # among them changes no value, and recalculating them all took ~40 ms among 2,000 channels
            if not (new_parent is old_parent and old_parent is not None and old_parent.relation is Relation.SHARE):
                self._dirty.add(metric)
                for parent in (old_parent, new_parent):
                    if parent is not None:
                        self._dirty.add(parent)
            if old_parent is None and self.roots:
                self._dirty.add(self.roots[0])
            self.events.emit(ev.MetricMoved(metric, old_parent, old_row))

    def _check_texts(self, metric: Metric) -> None:
        """A new metric's texts follow the rules an edit of them does (no control characters in a name)."""
        for spec in TEXT_INPUTS:
            value = getattr(metric, spec.name)
            if not isinstance(value, str):
                continue
            try:
                schema.check_characters(value, multiline=spec.multiline)
            except ValueError as exc:  # named by id: the name may be the text refused
                raise PlanError(reason_of(exc).inside("in_metric_field", metric=metric.id, name=metric.id,
                                                      field=spec.name)) from None

    @staticmethod
    def _renumber(siblings: list[Metric], start: int) -> None:
        for index in range(start, len(siblings)):
            siblings[index].row = index

    # ---- fields ---------------------------------------------------------------------
    def set_field(self, metric: Metric, field: str, value: object) -> object:
        """Set one input field after validating it; returns the old value."""
        value = self.validate_field(metric, field, value)
        old = getattr(metric, field)
        if old == value and type(old) is type(value):
            return old
        with self.batch():
            setattr(metric, field, value)
            self._touched.add(metric)
            if field in CALC_FIELDS:
                self._dirty.add(metric)
            if field == "relation" or field == "kind":
                self._dirty.update(metric.children)
        return old

    def set_info(self, field: str, value: object) -> object:
        """Set a plan-level fact (title, currency, KGI...); returns the old value."""
        if field not in INFO_FIELDS:
            raise PlanError("no_info_field", field=field)
        if field == "kgi" and value and value not in self.metrics:
            raise PlanError("no_metric", id=value if isinstance(value, (str, int)) else repr(value))
        if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
            raise PlanError("info_too_long", field=field, limit=MAX_TEXT_LENGTH)
        if isinstance(value, str):
            try:
                schema.check_characters(value, multiline=field in MULTILINE_INFO)
            except ValueError as exc:
                raise PlanError(reason_of(exc).inside("in_plan_key", key=field)) from None
        old = self.info.get(field)
        if old == value:
            return old
        self.info[field] = value
        self.events.emit(ev.PlanInfoChanged(field))
        if field == "currency":  # money is compared in the currency's minor unit
            changed = self.engine.recalculate_all()
            self.events.emit(ev.MetricsChanged(frozenset(changed), False))
        if field == "kgi":
            kgi = self.kgi
            with self.batch():
                if kgi is not None:
                    self._touched.add(kgi)
                if old in self.metrics:
                    self._touched.add(self.metrics[old])
        return old

    def period_table(self, metric: Metric, field: str, values: Mapping[str, Decimal | None]) -> dict[str, Decimal]:
        """The table ``field`` of ``metric`` (``actuals``, ``phasing``) with ``values`` put in, checked.

        ``None`` takes a period out. Periods may be named as :func:`parse_period` reads them
        (``2026/4``); the table holds their one name (``2026-04``), so a period is never there
        twice. A new period goes in period order while the table is in order, so that the
        file lists months as a planner reads them. Raises PlanError naming the metric, the
        field and the period; :meth:`set_field` then checks the values against the metric.
        """
        if field not in PERIOD_FIELDS:
            raise PlanError("no_period_field", field=field, fields=PERIOD_FIELDS)
        before: dict[str, Decimal] = getattr(metric, field)
        table = dict(before)
        for period, value in values.items():
            try:
                key = parse_period(period).key
            except ValueError as exc:
                raise PlanError(reason_of(exc).inside("in_metric_field", metric=metric.id, name=metric.name,
                                                      field=field)) from None
            if value is None:
                table.pop(key, None)
            else:
                table[key] = value
        return _in_period_order(table, before)

    def validate_field(self, metric: Metric, field: str, value: object) -> object:
        """Return ``value`` in its stored form or raise PlanError naming the problem.

        The value is checked on its own and with the rest of the metric, by the
        rules the file reader applies (:mod:`kpidesk.model.schema`): an edit
        never makes a plan that cannot be opened again. Making a metric with a
        target of 2.5 a count is refused, as a target of 2.5 on a count is.
        """
        spec = schema.INPUTS.get(field)
        if spec is None:
            raise PlanError("no_metric_field", field=field)
        try:
            value = schema.check(spec, value)
        except ValueError as exc:
            raise PlanError(reason_of(exc).inside("in_metric_field", metric=metric.id, name=metric.name,
                                                  field=field)) from None
        if field == "formula" and isinstance(value, str):  # a checked formula is text or None
            unknown = schema.formula_unknown(value, metric.id, self.metrics)
            if unknown:
                raise PlanError(reason("formula_refers_unknown", ids=tuple(unknown)).inside(
                    "in_metric_field", metric=metric.id, name=metric.name, field=field))
        values = schema.values_of(metric)
        values[field] = value
        for rule in schema.metric_problems(values):
            if rule.field == field:
                raise PlanError(rule.why.inside("in_metric_field_value", metric=metric.id, name=metric.name,
                                                where=rule.where, value=rule.value))
            raise PlanError(rule.why.inside("refused_because", metric=metric.id, name=metric.name, field=field,
                                            value=schema.shown(value), where=rule.where, other=rule.value))
        return value


@lru_cache(maxsize=4096)
def _formula_refs(text: str) -> frozenset[str]:
    """The ids a formula reads (none for one that does not parse)."""
    try:
        return frozenset(formulas.references(formulas.parse(text)))
    except formulas.FormulaError:
        return frozenset()


def _in_period_order(table: dict[str, Decimal], before: dict[str, Decimal]) -> dict[str, Decimal]:
    """``table`` sorted by period when the table was in order before (new periods appended otherwise)."""
    keys = list(before)
    if keys != sorted(keys, key=parse_period):
        return table
    return {key: table[key] for key in sorted(table, key=parse_period)}


__all__ = ["Plan", "PlanError", "INFO_FIELDS", "INPUT_FIELDS", "PERIOD_FIELDS", "ID_PATTERN"]
