"""Before a save replaces a file: read what is about to be written and check that it is the same plan.

The writer edits the planner's text in place, through tomlkit, for files
written by hand or by other tools; a shape it does not foresee could give
text that is no longer TOML, or TOML that reads as another plan. Either
would be found only when the file no longer opens, with the backup as the
last copy. So every save reads its own text back by the reader's rules and
compares every metric's stored fields (``codec.metric_values``: ids,
parents, order, values) and the plan's facts with the plan in memory; a
difference stops the save before the rename, and the file and its backup
stay as they were.

Why the text must not be written is a :class:`~kpidesk.model.reasons.Reason`
(``metric_missing``, ``field_differs``...; templates in
:mod:`kpidesk.model.save_messages`), which the save's error places in its
``not_read_back`` sentence.
"""

from __future__ import annotations

from kpidesk.model import schema
from kpidesk.model.metric import Metric
from kpidesk.model.plan import INFO_FIELDS, Plan
from kpidesk.model.reasons import Reason, reason
from kpidesk.planfile import codec
from kpidesk.planfile.errors import PlanFileError
from kpidesk.planfile.reader import read_plan, reread_plan


def _parent(metric: Metric) -> str | None:
    return metric.parent.id if metric.parent is not None else None


def _first_difference(plan: Plan, again: Plan) -> Reason | None:
    """Where ``again`` (the text read back) differs from ``plan``, or None."""
    ours, theirs = [m.id for m in plan.walk()], [m.id for m in again.walk()]
    if ours != theirs:
        lost = [i for i in ours if i not in again.metrics]
        added = [i for i in theirs if i not in plan.metrics]
        if lost:
            return reason("metric_missing", metric=lost[0])
        if added:
            return reason("metric_appears", metric=added[0])
        return reason("order_differs")
    for metric in plan.walk():
        other: Metric = again.metrics[metric.id]
        if schema.values_of(other) == schema.values_of(metric) and _parent(other) == _parent(metric):
            continue  # every input as the plan holds it: the same stored fields (and cheaper to compare)
        wanted, found = codec.metric_values(metric), codec.metric_values(other)
        for key, value in wanted.items():
            if found.get(key) != value:
                return reason("field_differs", metric=metric.id, key=key, found=repr(found.get(key)),
                              wanted=repr(value))
    for key in INFO_FIELDS:
        value, found_info = codec.encode_info(plan.info.get(key)), codec.encode_info(again.info.get(key))
        if found_info != value:
            return reason("info_differs", key=key, found=repr(found_info), wanted=repr(value))
    return None


def unsafe_to_write(plan: Plan, text: str, filename: str) -> Reason | None:
    """Why ``text`` must not replace the file holding ``plan``, or None when it reads back as ``plan``."""
    try:
        again = reread_plan(text, filename)
    except PlanFileError:
        try:
            read_plan(text, filename)  # again with positions, for the line and column of the message
        except PlanFileError as exc:
            first = exc.first
            return first.reason.inside("would_not_open_at", line=first.line, column=first.column)
        return reason("would_not_open")
    return _first_difference(plan, again)


__all__ = ["unsafe_to_write"]
