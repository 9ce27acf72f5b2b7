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
"""

from __future__ import annotations

from kpidesk.model import schema
from kpidesk.model.metric import Metric
from kpidesk.model.plan import INFO_FIELDS, Plan
from kpidesk.planfile import codec
from kpidesk.planfile.errors import PlanFileError
from kpidesk.planfile.reader import read_plan, reread_plan


def _parent(metric: Metric) -> str | None:
    return metric.parent.id if metric.parent is not None else None


def _first_difference(plan: Plan, again: Plan) -> str | None:
    """Where ``again`` (the text read back) differs from ``plan``, in words, or None."""
    ours, theirs = [m.id for m in plan.walk()], [m.id for m in again.walk()]
    if ours != theirs:
        lost = [i for i in ours if i not in again.metrics]
        added = [i for i in theirs if i not in plan.metrics]
        if lost:
            return f"metric {lost[0]!r} would be missing"
        if added:
            return f"metric {added[0]!r} would appear"
        return "the metrics would be in another order"
    for metric in plan.walk():
        other: Metric = again.metrics[metric.id]
        if schema.values_of(other) == schema.values_of(metric) and _parent(other) == _parent(metric):
            continue  # every input as the plan holds it: the same stored fields (and cheaper to compare)
        wanted, found = codec.metric_values(metric), codec.metric_values(other)
        for key, value in wanted.items():
            if found.get(key) != value:
                return f"metric {metric.id!r}, {key}: {found.get(key)!r} instead of {value!r}"
    for key in INFO_FIELDS:
        value, found_info = codec.encode_info(key, plan.info.get(key)), codec.encode_info(key, again.info.get(key))
        if found_info != value:
            return f"plan.{key}: {found_info!r} instead of {value!r}"
    return None


def unsafe_to_write(plan: Plan, text: str, filename: str) -> str | None:
    """Why ``text`` must not replace the file holding ``plan`` (in words), or None when it reads back as ``plan``."""
    try:
        again = reread_plan(text, filename)
    except PlanFileError:
        try:
            read_plan(text, filename)  # again with positions, for the line and column of the message
        except PlanFileError as exc:
            first = exc.first
            return f"it would not open again (line {first.line}, column {first.column}: {first.text()})"
        return "it would not open again"
    return _first_difference(plan, again)


__all__ = ["unsafe_to_write"]
