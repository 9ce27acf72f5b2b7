"""A three-way merge of plans by metric id and field, applied to our side through the plan's edits.

Git merges plan files line by line: two people changing different fields of
adjacent lines conflict, and two people adding a metric at the end of the
file conflict, although neither touched what the other did. Here the unit is
a field of a metric: :func:`merge_into` finds what *theirs* changed since
*base* (:func:`kpidesk.model.diff.compare`) and applies it to *ours* with the
same edits an undoable action uses, so a change that a plan refuses is refused
here too. What both sides changed differently is a :class:`Conflict`, and
*ours* keeps its value; everything else from *theirs* is applied.

* Changes to different fields or different metrics never conflict.
* Metrics added on either side are kept (added on both sides with the same id:
  kept once, a conflict for each field they disagree on).
* Deleted on one side and untouched on the other: deleted. Deleted on one side
  and changed on the other: a conflict, and the metric stays (on our side, as
  ours has it).
* The same field changed to two different values: a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpidesk.model import schema
from kpidesk.model.diff import TABLE_FIELDS, Change, ChangeKind, Value, _equal, compare, plan_fields
from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric, SetField, SetInfo
from kpidesk.model.metric import Metric
from kpidesk.model.plan import INFO_FIELDS, Plan, PlanError
from kpidesk.model.reasons import Reason

#: Conflict codes (their English text: :data:`kpidesk.model.diff_text.TEMPLATES`).
BOTH = "conflict_both"
BOTH_ADDED = "conflict_both_added"
WE_DELETED = "conflict_we_deleted"
THEY_DELETED = "conflict_they_deleted"
PARENT_GONE = "conflict_parent_gone"
BELOW_DELETED = "conflict_below_deleted"
REFUSED = "conflict_refused"
PLAN = "conflict_plan"


@dataclass(frozen=True)
class Conflict:
    """What the merge could not decide: ``field`` of ``metric`` (None: the plan's facts) on each side.

    ``reason`` says why the plan refused their value (``code`` REFUSED).
    """

    code: str
    metric: str | None
    field: str
    base: Value = None
    ours: Value = None
    theirs: Value = None
    reason: Reason | None = None


@dataclass
class MergeResult:
    """Their changes applied to our plan, and the conflicts left (ours kept for each)."""

    applied: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _parent_id(metric: Metric) -> str | None:
    return metric.parent.id if metric.parent is not None else None


def _changed_ids(changes: list[Change]) -> dict[str, Change]:
    """The first change of each metric that a side changed in place (not added, not removed)."""
    found: dict[str, Change] = {}
    for change in changes:
        if change.metric is not None and change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED):
            found.setdefault(change.metric, change)
    return found


def field_edits(metric_id: str, key: str, value: Value) -> list[Edit]:
    """The edits that give field ``key`` (as :func:`kpidesk.model.diff.metric_fields` names it) the value
    ``value``."""
    if key == "rate":
        if value == schema.SOLVE:
            return [SetField(metric_id, "rate", None), SetField(metric_id, "solve_rate", True)]
        return [SetField(metric_id, "solve_rate", False), SetField(metric_id, "rate", value)]
    if value is None:
        default = schema.BY_NAME[key].default
        value = default.value if hasattr(default, "value") else default
    return [SetField(metric_id, key, value)]


def new_metric(source: Metric) -> Metric:
    """A detached copy of ``source``'s id, name and inputs (no children), to insert into another plan."""
    copy = Metric(source.id, source.name)
    for name in schema.INPUT_FIELDS:
        value = getattr(source, name)
        setattr(copy, name, dict(value) if isinstance(value, dict) else value)
    return copy


class _Merge:
    def __init__(self, base: Plan, ours: Plan, theirs: Plan) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.result = MergeResult()
        # what each side did, from the plans as they came (ours changes as the merge applies edits)
        self.base_fields, self.our_fields, self.their_fields = plan_fields(base), plan_fields(ours), plan_fields(theirs)
        self.our_changes = compare(base, ours, self.base_fields, self.our_fields)
        self.their_changes = compare(base, theirs, self.base_fields, self.their_fields)
        self.we_changed = _changed_ids(self.our_changes)
        self.they_changed = _changed_ids(self.their_changes)
        self.our_parent = {m.id: _parent_id(m) for m in ours.walk()}
        self.our_info = {key: ours.info.get(key) or None for key in INFO_FIELDS}
        self.we_moved = {c.metric for c in self.our_changes if c.kind is ChangeKind.MOVED}

    def conflict(self, code: str, metric: str | None, field: str, base: Value = None, ours: Value = None,
                 theirs: Value = None, reason: Reason | None = None) -> None:
        self.result.conflicts.append(Conflict(code, metric, field, base, ours, theirs, reason))

    def apply(self, edits: list[Edit], change: Change | None) -> PlanError | None:
        """Apply edits as one step; the plan's refusal is returned (and nothing of them is applied)."""
        done: list[Edit] = []
        try:
            for edit in edits:
                edit.apply(self.ours)
                done.append(edit)
        except PlanError as exc:
            for edit in reversed(done):
                edit.revert(self.ours)
            return exc
        if change is not None:
            self.result.applied.append(change)
        return None

    # ---- the steps, in an order where each finds what it needs ---------------------------
    def run(self) -> MergeResult:
        with self.ours.batch():
            self.add_theirs()
            self.move_theirs()
            self.set_fields()
            self.delete_theirs()
            self.keep_our_deletes()
            self.set_info()
        return self.result

    def _row_after(self, metric: Metric) -> int:
        """Where their metric goes among our siblings: after its previous sibling on their side that we have,
        and after what only we added right there."""
        siblings = self.theirs.children_of(metric.parent)
        anchor: Metric | None = None
        for sibling in reversed(siblings[: metric.row]):
            anchor = self.ours.metrics.get(sibling.id)
            if anchor is not None:
                break
        parent = self.ours.metrics.get(metric.parent.id) if metric.parent is not None else None
        ours = self.ours.children_of(parent)
        row = anchor.row + 1 if anchor is not None and anchor.parent is parent else 0
        while row < len(ours) and ours[row].id not in self.base.metrics and ours[row].id not in self.theirs.metrics:
            row += 1  # ours added it there: theirs comes after
        return row

    def add_theirs(self) -> None:
        for metric in self.theirs.walk():
            if metric.id in self.base.metrics:
                continue
            ours = self.ours.metrics.get(metric.id)
            parent_id = _parent_id(metric)
            if ours is not None:  # added on both sides
                if self.our_parent.get(metric.id) != parent_id:
                    self.conflict(BOTH_ADDED, metric.id, "parent", None, self.our_parent.get(metric.id), parent_id)
                theirs = self.their_fields[metric.id]
                mine = self.our_fields.get(metric.id, {})
                for key in sorted(set(theirs) | set(mine)):
                    if not _equal(theirs.get(key), mine.get(key)):
                        self.conflict(BOTH_ADDED, metric.id, key, None, mine.get(key), theirs.get(key))
                continue
            if parent_id is not None and parent_id not in self.ours.metrics:
                self.conflict(PARENT_GONE, metric.id, "parent", None, None, parent_id)
                continue
            change = Change(ChangeKind.ADDED, metric.id, "parent", None, parent_id)
            failed = self.apply([AddMetric(new_metric(metric), parent_id, self._row_after(metric))], change)
            if failed is not None:
                self.conflict(REFUSED, metric.id, "parent", None, None, parent_id, failed.reason)

    def move_theirs(self) -> None:
        for change in self.their_changes:
            if change.kind is not ChangeKind.MOVED or change.metric is None:
                continue
            metric_id = change.metric
            if metric_id not in self.ours.metrics:
                continue  # we deleted it: keep_our_deletes reports the conflict
            if metric_id in self.we_moved:
                if self.our_parent.get(metric_id) != change.new:
                    self.conflict(BOTH, metric_id, "parent", change.old, self.our_parent.get(metric_id), change.new)
                continue  # both moved it under the same parent: our order stays
            parent_id = change.new if isinstance(change.new, str) else None
            if parent_id is not None and parent_id not in self.ours.metrics:
                self.conflict(PARENT_GONE, metric_id, "parent", change.old, None, parent_id)
                continue
            row = self._row_after(self.theirs.metrics[metric_id])
            ours = self.ours.metrics[metric_id]
            if _parent_id(ours) == parent_id and ours.row < row:
                row -= 1  # the row after the move: taking it out shifts the ones after it up
            failed = self.apply([MoveMetric(metric_id, parent_id, row)], change)
            if failed is not None:
                self.conflict(REFUSED, metric_id, "parent", change.old, self.our_parent.get(metric_id), change.new,
                              failed.reason)

    def set_fields(self) -> None:
        for metric in self.theirs.walk():
            before = self.base.metrics.get(metric.id)
            if before is None or metric.id not in self.ours.metrics:
                continue
            base, ours, theirs = self.base_fields[metric.id], self.our_fields[metric.id], self.their_fields[metric.id]
            pending: list[tuple[str, Value, list[Edit], Change]] = []
            tables: dict[str, dict[str, Value]] = {}
            for key in [*base, *(k for k in theirs if k not in base)]:
                was, mine, new = base.get(key), ours.get(key), theirs.get(key)
                if _equal(new, was) or _equal(new, mine):
                    continue
                if not _equal(mine, was):
                    self.conflict(BOTH, metric.id, key, was, mine, new)
                    continue
                kind = ChangeKind.RENAMED if key == "name" else ChangeKind.CHANGED
                change = Change(kind, metric.id, key, was, new)
                name, _, period = key.partition(".")
                if name in TABLE_FIELDS:
                    tables.setdefault(name, {})[period] = new
                    self.result.applied.append(change)
                    continue
                pending.append((key, new, field_edits(metric.id, key, new), change))
            for name, periods in tables.items():
                table = dict(getattr(self.ours.metrics[metric.id], name))
                for period, value in periods.items():
                    if value is None:
                        table.pop(period, None)
                    else:
                        table[period] = value
                pending.append((name, None, [SetField(metric.id, name, table)], Change(
                    ChangeKind.CHANGED, metric.id, name)))
            self._settle(metric.id, pending)

    def _settle(self, metric_id: str, pending: list[tuple[str, Value, list[Edit], Change]]) -> None:
        """Apply a metric's fields, retrying refused ones after the others: a rule between fields (a count is
        whole) may hold only once another field of theirs is in (the kind)."""
        refusals: dict[str, PlanError] = {}
        while pending:
            left = []
            for key, value, edits, change in pending:
                failed = self.apply(edits, None if change.field in TABLE_FIELDS else change)
                if failed is not None:
                    refusals[key] = failed
                    left.append((key, value, edits, change))
            if len(left) == len(pending):
                break
            pending = left
        else:
            return
        for key, value, _edits, _change in pending:
            if key in TABLE_FIELDS:  # the periods were counted as applied: take them back
                self.result.applied = [c for c in self.result.applied
                                       if not (c.metric == metric_id and c.base_field == key)]
            self.conflict(REFUSED, metric_id, key, None, self.our_fields[metric_id].get(key), value,
                          refusals[key].reason)

    def delete_theirs(self) -> None:
        """Delete what they deleted and we left alone, deepest first; what we changed stays, in conflict."""
        doomed: list[Metric] = []
        for metric in self.base.walk():
            if metric.id in self.theirs.metrics or metric.id not in self.ours.metrics:
                continue
            ours = self.ours.metrics[metric.id]
            ours_change = self.we_changed.get(metric.id)
            if ours_change is not None:
                self.conflict(THEY_DELETED, metric.id, ours_change.field, ours_change.old, ours_change.new)
                continue
            doomed.append(ours)
        for metric in sorted(doomed, key=lambda m: -m.depth):
            if metric.id not in self.ours.metrics:
                continue
            left = [child.id for child in metric.children]
            if left:
                self.conflict(BELOW_DELETED, metric.id, "parent", None, ",".join(left), None)
                continue
            change = Change(ChangeKind.REMOVED, metric.id, "parent", _parent_id(metric), None,
                            (("name", metric.name),))
            failed = self.apply([RemoveMetric(metric.id)], change)
            if failed is not None:
                self.conflict(REFUSED, metric.id, "parent", None, _parent_id(metric), None, failed.reason)

    def keep_our_deletes(self) -> None:
        """What we deleted stays deleted, unless they changed it: then it is a conflict (and stays deleted)."""
        for metric in self.base.walk():
            if metric.id in self.our_parent or metric.id not in self.theirs.metrics:
                continue
            theirs_change = self.they_changed.get(metric.id)
            if theirs_change is not None:
                self.conflict(WE_DELETED, metric.id, theirs_change.field, theirs_change.old, None,
                              theirs_change.new)

    def set_info(self) -> None:
        for key in INFO_FIELDS:
            was = self.base.info.get(key) or None
            mine, new = self.our_info[key], self.theirs.info.get(key) or None
            if new == was or new == mine:
                continue
            if mine != was:
                self.conflict(PLAN, None, key, was, mine, new)
                continue
            change = Change(ChangeKind.PLAN, None, key, was, new)
            failed = self.apply([SetInfo(key, new if new is not None else "")], change)
            if failed is not None:
                self.conflict(REFUSED, None, key, was, mine, new, failed.reason)


def merge_into(base: Plan, ours: Plan, theirs: Plan) -> MergeResult:
    """Apply to ``ours`` what ``theirs`` changed since ``base``; ``base`` and ``theirs`` do not change.

    ``ours`` changes through the plan's edits (validated as any edit is);
    every conflict leaves ours' value in place and is listed in the result.
    """
    return _Merge(base, ours, theirs).run()

__all__ = ["Conflict", "MergeResult", "field_edits", "merge_into", "new_metric"]
