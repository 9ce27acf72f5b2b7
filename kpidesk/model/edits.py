"""Undoable edits of a plan, in pure Python, each with a label a planner reads.

The window wraps each edit in one QUndoCommand; the command line applies them
directly. An edit finds its metrics by id when it runs, so it stays valid
however the objects around it were replaced by other undo steps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan, PlanError

FIELD_LABELS = {
    "name": "Rename",
    "target": "Set target",
    "rate": "Set rate",
    "share": "Set share",
    "solve_rate": "Solve rate",
    "actual": "Set actual",
    "relation": "Set relation",
    "kind": "Set kind",
    "better": "Set direction",
    "unit": "Set unit",
    "formula": "Set formula",
    "allow_negative": "Allow negative values",
}


class Edit:
    """One step of the undo history."""

    label: str = ""

    def apply(self, plan: Plan) -> None:
        raise NotImplementedError

    def revert(self, plan: Plan) -> None:
        raise NotImplementedError


def _metric(plan: Plan, metric_id: str) -> Metric:
    metric = plan.metrics.get(metric_id)
    if metric is None:
        raise PlanError("no_metric", id=metric_id)
    return metric


def _parent(plan: Plan, parent_id: str | None) -> Metric | None:
    return None if parent_id is None else _metric(plan, parent_id)


@dataclass
class SetField(Edit):
    """Set one input field; ``new`` is what the planner gave (the plan validates and converts it)."""

    metric_id: str
    field: str
    new: object
    old: object = None
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            self.label = FIELD_LABELS.get(self.field, f"Edit {self.field}")

    def apply(self, plan: Plan) -> None:
        metric = _metric(plan, self.metric_id)
        self.old = plan.set_field(metric, self.field, self.new)

    def revert(self, plan: Plan) -> None:
        plan.set_field(_metric(plan, self.metric_id), self.field, self.old)


#: Labels of :class:`SetPeriodValues` by field.
PERIOD_LABELS = {"actuals": "Set actuals", "phasing": "Set phasing weights"}


@dataclass
class SetPeriodValues(Edit):
    """Set or take out (None) the values of some periods of ``actuals`` or ``phasing``.

    One cell (``kpidesk set FILE visits.actuals.2026-06=1200``) or many at once (a pasted
    block, one metric of a CSV import): the other periods keep their values, and the
    metric is checked as a whole as for any field (a count's actuals are whole).
    """

    metric_id: str
    field: str
    values: Mapping[str, Decimal | None]
    old: dict[str, Decimal] | None = None
    label: str = ""

    def __post_init__(self) -> None:
        self.values = dict(self.values)  # the caller's mapping may change after; a redo must not
        if not self.label:
            self.label = PERIOD_LABELS.get(self.field, f"Edit {self.field}")

    def table(self, plan: Plan) -> dict[str, Decimal]:
        """The field's table as this edit makes it (PlanError when it cannot)."""
        return plan.period_table(_metric(plan, self.metric_id), self.field, self.values)

    def apply(self, plan: Plan) -> None:
        metric = _metric(plan, self.metric_id)
        old = plan.set_field(metric, self.field, plan.period_table(metric, self.field, self.values))
        assert isinstance(old, dict)
        self.old = old

    def revert(self, plan: Plan) -> None:
        assert self.old is not None  # revert follows apply
        plan.set_field(_metric(plan, self.metric_id), self.field, self.old)


@dataclass
class SetInfo(Edit):
    field: str
    new: object
    old: object = None
    label: str = "Edit plan"

    def apply(self, plan: Plan) -> None:
        self.old = plan.set_info(self.field, self.new)

    def revert(self, plan: Plan) -> None:
        plan.set_info(self.field, self.old)


@dataclass
class AddMetric(Edit):
    """Insert a new metric (a detached Metric, possibly with children)."""

    metric: Metric
    parent_id: str | None
    row: int
    label: str = "Add metric"

    def apply(self, plan: Plan) -> None:
        plan.insert_metric(self.metric, _parent(plan, self.parent_id), self.row)
        self.row = self.metric.row

    def revert(self, plan: Plan) -> None:
        plan.remove_metric(_metric(plan, self.metric.id))


@dataclass
class RemoveMetric(Edit):
    metric_id: str
    label: str = "Delete metric"
    _removed: Metric | None = field(default=None, repr=False)
    _parent_id: str | None = None
    _row: int = 0
    _kgi_was: str = ""

    def apply(self, plan: Plan) -> None:
        metric = _metric(plan, self.metric_id)
        self._kgi_was = plan.info.get("kgi") or ""
        with plan.batch():
            cleared = bool(self._kgi_was) and self._kgi_was in {m.id for m in metric.walk()}
            if cleared:
                plan.set_info("kgi", "")
            try:
                parent, self._row = plan.remove_metric(metric)
            except PlanError:
                if cleared:  # a refused delete leaves the plan as it was
                    plan.set_info("kgi", self._kgi_was)
                raise
        self._parent_id = parent.id if parent else None
        self._removed = metric

    def revert(self, plan: Plan) -> None:
        assert self._removed is not None
        with plan.batch():
            plan.insert_metric(self._removed, _parent(plan, self._parent_id), self._row)
            plan.set_info("kgi", self._kgi_was)  # no change, no event, when the KGI stayed


@dataclass
class MoveMetric(Edit):
    metric_id: str
    parent_id: str | None
    row: int
    label: str = "Move metric"
    _old_parent_id: str | None = None
    _old_row: int = 0

    def apply(self, plan: Plan) -> None:
        metric = _metric(plan, self.metric_id)
        self._old_parent_id = metric.parent.id if metric.parent else None
        self._old_row = metric.row
        plan.move_metric(metric, _parent(plan, self.parent_id), self.row)

    def revert(self, plan: Plan) -> None:
        plan.move_metric(_metric(plan, self.metric_id), _parent(plan, self._old_parent_id), self._old_row)


@dataclass
class Composite(Edit):
    """Several edits that the planner did as one action (undone together)."""

    edits: list[Edit]
    label: str = "Edit"

    def apply(self, plan: Plan) -> None:
        done: list[Edit] = []
        with plan.batch():
            try:
                for edit in self.edits:
                    edit.apply(plan)
                    done.append(edit)
            except Exception:
                for edit in reversed(done):
                    edit.revert(plan)
                raise

    def revert(self, plan: Plan) -> None:
        with plan.batch():
            for edit in reversed(self.edits):
                edit.revert(plan)
