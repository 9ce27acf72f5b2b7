"""``kpidesk track PLAN [--as-of YYYY-MM] [--json]``: the plan followed as of a date, without the window.

Prints what the window's Actual and Progress columns and status bar show for
the same as-of date: per metric the target and actual to date, progress,
pace and status, the rates seen per funnel stage, and the bottleneck with
its owner, countermeasure and the KGI re-forecast. Never imports Qt. Texts
speak the language of ``--lang`` or the environment (:mod:`kpidesk.i18n`);
the JSON stays English.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from kpidesk import i18n
from kpidesk.cli_output import EXIT_OK, EXIT_UNREADABLE, _error, _open, _pad, _width, say, say_json
from kpidesk.i18n import QT_TRANSLATE_NOOP, translate
from kpidesk.model.bottleneck import Bottleneck, find_bottleneck
from kpidesk.model.characters import escape_controls
from kpidesk.model.display import percent_text, rounded, value_text
from kpidesk.model.exact import Fraction, to_json_number
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.period_text import day_label, span_label
from kpidesk.model.periods import PeriodError, plan_span
from kpidesk.model.plan import Plan
from kpidesk.model.tracking import Progress, Tracking, as_of_date, track
from kpidesk.model.tracking_text import bottleneck_lines, status_text

HEADERS = (QT_TRANSLATE_NOOP("Cli", "Metric"), QT_TRANSLATE_NOOP("Cli", "Target to date"),
           QT_TRANSLATE_NOOP("Cli", "Actual to date"), QT_TRANSLATE_NOOP("Cli", "Progress"),
           QT_TRANSLATE_NOOP("Cli", "Pace"), QT_TRANSLATE_NOOP("Cli", "Status"),
           QT_TRANSLATE_NOOP("Cli", "Rate seen"), QT_TRANSLATE_NOOP("Cli", "Planned"))


def _number(plan: Plan, metric: Metric, value: Fraction | None) -> int | float | None:
    """Money in its minor unit, other values exact to 12 decimals (as ``calc --json``)."""
    if value is None or metric.kind is not Kind.MONEY:
        return to_json_number(value)
    return to_json_number(rounded(metric, value, plan.engine.currency_of(metric)))


def progress_json(plan: Plan, metric: Metric, seen: Progress) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": metric.id,
        "name": metric.name,
        "phased": seen.phased,
        "target": _number(plan, metric, seen.target),
        "target_to_date": _number(plan, metric, seen.target_to_date),
        "carry_in": _number(plan, metric, seen.carry_in),
        "actual_to_date": _number(plan, metric, seen.actual_to_date),
        "progress": to_json_number(seen.progress),
        "pace": _number(plan, metric, seen.pace),
        "status": seen.status.value,
    }
    if seen.planned_rate is not None:
        row["actual_rate"] = to_json_number(seen.actual_rate)
        row["planned_rate"] = to_json_number(seen.planned_rate)
    return row


def bottleneck_json(plan: Plan, tracking: Tracking, found: Bottleneck | None) -> dict[str, Any] | None:
    if found is None:
        return None
    kgi = plan.kgi
    return {
        "metric": found.metric_id,
        "reason": found.reason,
        "shortfall": to_json_number(found.shortfall),
        "owner": found.owner,
        "countermeasure": found.countermeasure,
        "kgi": kgi.id if kgi is not None else None,
        "kgi_target": to_json_number(found.kgi_target),
        "kgi_reforecast": to_json_number(found.kgi_reforecast),
        "kgi_cost": to_json_number(found.kgi_cost),
        "message": " ".join(bottleneck_lines(plan, tracking, found)),
    }


def _text_rows(plan: Plan, tracking: Tracking) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [tuple(translate("Cli", header) for header in HEADERS)]
    for metric in plan.walk():
        seen = tracking[metric.id]
        currency = plan.engine.currency_of(metric)

        def show(value: Fraction | None, metric: Metric = metric, currency: str = currency) -> str:
            return "-" if value is None else value_text(metric, value, currency)

        rows.append((
            "  " * metric.depth + escape_controls(metric.name),
            show(seen.target_to_date),
            show(seen.actual_to_date),
            "-" if seen.progress is None else percent_text(seen.progress),
            show(seen.pace),
            status_text(seen.status, translate),
            "-" if seen.actual_rate is None else percent_text(seen.actual_rate),
            "" if seen.planned_rate is None else percent_text(seen.planned_rate),
        ))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kpidesk track", description=__doc__.splitlines()[0].split(": ", 1)[1])
    parser.add_argument("file")
    parser.add_argument("--as-of", metavar="YYYY-MM", help="the month (or YYYY-MM-DD) to report; default: today")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    plan_file = _open(args.file)
    if plan_file is None:
        return EXIT_UNREADABLE
    plan = plan_file.plan
    today = dt.date.today()
    try:
        day = as_of_date(args.as_of, plan_span(plan.info, today), today)
    except PeriodError as exc:
        _error(f"--as-of: {exc.text(translate)}")
        return EXIT_UNREADABLE
    tracking = track(plan, day, today=today)
    found = find_bottleneck(plan, tracking)
    if args.json:
        document = {
            "as_of": tracking.as_of.isoformat(),
            "start": tracking.span.start.isoformat(),
            "end": tracking.span.end.isoformat(),
            "metrics": [progress_json(plan, m, tracking[m.id]) for m in plan.walk()],
            "bottleneck": bottleneck_json(plan, tracking, found),
        }
        say_json(document)
        return EXIT_OK
    title = plan.info.get("title") or plan_file.name
    say(escape_controls(translate("Cli", "{0}: as of {1} ({2})").format(
        title, day_label(tracking.as_of, i18n.current()), _span_text(tracking))))
    rows = _text_rows(plan, tracking)
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        say("  ".join(_pad(c, widths[i], right=i not in (0, 5)) for i, c in enumerate(row)).rstrip())
        if index == 0:
            say("  ".join("-" * w for w in widths))
    say()
    for line in bottleneck_lines(plan, tracking, found, translate):
        say(escape_controls(line))
    return EXIT_OK


def _span_text(tracking: Tracking) -> str:
    """The plan period: '2026-04-01 to 2027-03-31'; in Japanese '2026年度（2026年4月〜2027年3月）'."""
    language = i18n.current()
    if language == i18n.ENGLISH:
        return f"{tracking.span.start.isoformat()} to {tracking.span.end.isoformat()}"
    return span_label(tracking.span, language)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
