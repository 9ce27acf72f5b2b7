"""``kpidesk diff OLD NEW [--json]``: what changed between two plans, by metric and field, and what it did.

One line per change (metrics added, removed, renamed, moved; each input
from its old to its new value; the plan's facts), then the effects on what
kpidesk derives (targets, solved rates, forecasts, gaps) with the changes that
explain them. Exit 0 when the plans say the same, 1 when they differ, 2 when
a file cannot be read. Never imports Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal
from typing import Any

from kpidesk.cli_output import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, _open
from kpidesk.i18n import translate
from kpidesk.model.diff import Change, Effect, PlanDiff, Value, diff_plans
from kpidesk.model.diff_text import change_text, diff_lines, effect_text
from kpidesk.model.display import rounded
from kpidesk.model.exact import Fraction, to_json_number
from kpidesk.model.metric import Kind
from kpidesk.model.plan import Plan

EXIT_SAME, EXIT_DIFFERENT = EXIT_OK, EXIT_FINDINGS


def json_value(value: Value) -> Any:
    """An input's value as JSON: numbers as numbers, dates as ISO text, "solve" and texts as text."""
    if isinstance(value, Decimal):
        return to_json_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _derived(plan: Plan, metric_id: str, value: Fraction | None) -> int | float | None:
    """Money in its minor unit, other values exact to 12 decimals (as ``calc --json``)."""
    metric = plan.metrics[metric_id]
    if value is None or metric.kind is not Kind.MONEY:
        return to_json_number(value)
    return to_json_number(rounded(metric, value, plan.engine.currency_of(metric)))


def change_json(diff: PlanDiff, change: Change) -> dict[str, Any]:
    row: dict[str, Any] = {
        "kind": change.kind.value,
        "metric": change.metric,
        "field": change.field,
        "old": json_value(change.old),
        "new": json_value(change.new),
    }
    row.update({key: json_value(value) for key, value in change.extras})
    row["message"] = change_text(diff, change)
    return row


def effect_json(diff: PlanDiff, effect: Effect) -> dict[str, Any]:
    return {
        "metric": effect.metric,
        "field": effect.field,
        "old": _derived(diff.old, effect.metric, effect.old),
        "new": _derived(diff.new, effect.metric, effect.new),
        "because": [{"metric": c.metric, "field": c.field} for c in effect.because],
        "message": effect_text(diff, effect),
    }


def diff_json(diff: PlanDiff, old_name: str, new_name: str) -> dict[str, Any]:
    return {
        "old": old_name,
        "new": new_name,
        "same": diff.same,
        "changes": [change_json(diff, c) for c in diff.changes],
        "effects": [effect_json(diff, e) for e in diff.effects],
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kpidesk diff", description=(__doc__ or "").splitlines()[0].split(": ")[1])
    parser.add_argument("old", help="the plan before")
    parser.add_argument("new", help="the plan after")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    old, new = _open(args.old), _open(args.new)
    if old is None or new is None:
        return EXIT_UNREADABLE
    diff = diff_plans(old.plan, new.plan)
    if args.json:
        print(json.dumps(diff_json(diff, args.old, args.new), ensure_ascii=False, indent=2))
    else:
        for line in diff_lines(diff, translate):
            print(line)
    return EXIT_SAME if diff.same else EXIT_DIFFERENT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
