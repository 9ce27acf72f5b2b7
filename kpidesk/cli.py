"""The ``kpidesk`` command: the window, and headless commands for scripts.

``calc``, ``check``, ``set``, ``new`` and ``templates`` never import Qt, so
they start fast on a machine without a display. Commands kept in other
modules (``export``) are imported only when asked for.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from kpidesk import __version__, paths
from kpidesk.model import schema
from kpidesk.model.checks import run_checks
from kpidesk.model.display import percent_text, rounded, signed_text, value_text
from kpidesk.model.edits import Composite, SetField
from kpidesk.model.exact import to_json_number
from kpidesk.model.findings import Finding
from kpidesk.model.messages import describe
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.plan import Plan, PlanError
from kpidesk.model.reasons import reason, reason_of
from kpidesk.planfile import PlanFile, PlanFileError, load, loads, save

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

#: Commands that live in their own module: name -> (module, help).
EXTERNAL_COMMANDS = {
    "export": ("kpidesk.render.cli", "export the tree as PDF, PNG or SVG, the funnel as PNG, the metrics as CSV"),
    "track": ("kpidesk.track_cli", "the plan as of a month: progress, pace, status, the bottleneck"),
}
COMMANDS = ("new", "templates", "calc", "check", "set", *EXTERNAL_COMMANDS)


def _error(message: str) -> None:
    print(f"kpidesk: error: {message}", file=sys.stderr)


def _open(path: str) -> PlanFile | None:
    try:
        return load(path)
    except PlanFileError as exc:
        print(exc, file=sys.stderr)
        return None


# ---- new / templates ---------------------------------------------------------------
def cmd_templates(args: argparse.Namespace) -> int:
    for name, path in paths.templates().items():
        try:
            title = loads(path.read_text(encoding="utf-8"), str(path)).plan.info.get("title", "")
        except PlanFileError:
            title = "(unreadable)"
        print(f"{name:24} {title}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    templates = paths.templates()
    source = templates.get(args.template)
    if source is None:
        _error(f"no template {args.template!r}; choose one of: {', '.join(templates)}")
        return EXIT_UNREADABLE
    target = Path(args.file)
    if target.exists() and not args.force:
        _error(f"{target} exists already; use --force to replace it")
        return EXIT_UNREADABLE
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        _error(f"cannot write {target}: {exc.strerror or exc}")
        return EXIT_UNREADABLE
    print(f"created {target} from the {args.template} template")
    return EXIT_OK


# ---- calc ------------------------------------------------------------------------------
def _show(plan: Plan, metric: Metric, value: Any) -> str:
    return value_text(metric, value, plan.engine.currency_of(metric))


def _edge(metric: Metric) -> str:
    rate = metric.computed.rate
    if metric.solve_rate:
        return f"rate {percent_text(rate, up=True)} (solved)" if rate is not None else "rate ? (solve)"
    if metric.rate is not None:
        return f"rate {percent_text(metric.rate)}"
    if metric.share is not None:
        return f"share {percent_text(metric.share)}"
    return ""


def metric_json(metric: Metric, plan: Plan) -> dict[str, Any]:
    """A metric's row of ``calc --json``: money in its minor unit, other values exact to 12 decimals."""
    computed = metric.computed
    currency = plan.engine.currency_of(metric)

    def number(value: Any) -> int | float | None:
        if value is None or metric.kind is not Kind.MONEY:
            return to_json_number(value)
        return to_json_number(rounded(metric, value, currency))

    return {
        "id": metric.id,
        "name": metric.name,
        "parent": metric.parent.id if metric.parent else None,
        "target": number(computed.target),
        "unit": metric.unit,
        "given": metric.is_given,
        "forecast": number(computed.forecast),
        "gap": number(computed.gap),
        "actual": number(metric.actual),
        "kind": metric.kind.value,
        "better": metric.better.value,
        "relation": metric.relation.value,
        "rate": to_json_number(computed.rate if metric.solve_rate else metric.rate),
        "solved": metric.solve_rate,
        "share": to_json_number(metric.share),
        "depth": metric.depth,
    }


def finding_json(finding: Finding, plan: Plan) -> dict[str, Any]:
    return {**finding.as_dict(), "message": describe(finding, plan)}


def cmd_calc(args: argparse.Namespace) -> int:
    plan_file = _open(args.file)
    if plan_file is None:
        return EXIT_UNREADABLE
    plan = plan_file.plan
    findings = run_checks(plan)
    if args.json:
        document = {
            "plan": {k: (str(v) if v else "") for k, v in plan.info.items()},
            "kgi": plan.kgi.id if plan.kgi else None,
            "metrics": [metric_json(m, plan) for m in plan.walk()],
            "findings": [finding_json(f, plan) for f in findings],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_OK
    rows = [("Metric", "Target", "Unit", "", "Edge", "Forecast", "Gap", "Actual")]
    kgi = plan.kgi
    for metric in plan.walk():
        computed = metric.computed
        gap = computed.gap
        rows.append((
            "  " * metric.depth + metric.name + (" (KGI)" if metric is kgi else ""),
            _show(plan, metric, computed.target),
            metric.unit,
            "given" if metric.is_given else "derived",
            _edge(metric),
            _show(plan, metric, computed.forecast),
            signed_text(gap, metric, plan.engine.currency_of(metric)) if gap is not None else "-",
            _show(plan, metric, metric.actual),
        ))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    title = plan.info.get("title") or plan_file.name
    print(title)
    for index, row in enumerate(rows):
        cells = [_pad(c, widths[i], right=i in (1, 5, 6, 7)) for i, c in enumerate(row)]
        print("  ".join(cells).rstrip())
        if index == 0:
            print("  ".join("-" * w for w in widths))
    if findings:
        print()
        for finding in findings:
            where = f"{finding.metric}: " if finding.metric else ""
            print(f"{finding.severity.value}: {where}{describe(finding, plan)} [{finding.check}]")
    return EXIT_OK


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


# ---- check ------------------------------------------------------------------------------
def _position(plan_file: PlanFile, finding: Finding) -> tuple[int, int]:
    positions = plan_file.positions
    table = positions.by_id.get(finding.metric or "")
    if table is None:
        return (positions.plan.header if positions.plan else (1, 1))
    return table.value(finding.field) if finding.field else table.header


def cmd_check(args: argparse.Namespace) -> int:
    plan_file = _open(args.file)
    if plan_file is None:
        return EXIT_UNREADABLE
    findings = run_checks(plan_file.plan)
    for finding in findings:
        line, column = _position(plan_file, finding)
        text = describe(finding, plan_file.plan)
        print(f"{args.file}:{line}:{column}: {finding.severity.value}: {text} [{finding.check}]")
    errors = sum(1 for f in findings if f.severity.value == "error")
    return EXIT_FINDINGS if errors else EXIT_OK


# ---- set --------------------------------------------------------------------------------
#: The fields ``set`` takes (declared in :mod:`kpidesk.model.schema`).
SETTABLE = schema.SETTABLE


def parse_assignment(plan_file: PlanFile, text: str) -> SetField | Composite:
    """``ID.FIELD=VALUE`` -> the edit it asks for, or PlanError saying what is wrong.

    The value is read as typed (``0.015%`` stays 0.015 %); whether it fits the
    metric is checked when the edit is applied, assignment by assignment.
    """
    left, equals, value = text.partition("=")
    metric_id, dot, field = left.strip().partition(".")
    if not equals or not dot:
        raise PlanError(reason("assignment_form").inside("in_assignment", assignment=text))
    plan = plan_file.plan
    metric = plan.metrics.get(metric_id)
    if metric is None:
        raise PlanError(reason("assignment_no_metric", id=metric_id).inside("in_assignment", assignment=text))
    if field not in SETTABLE:
        raise PlanError(reason("not_settable", field=field, fields=SETTABLE).inside("in_assignment",
                                                                                   assignment=text))
    value = value.strip()
    if field == "rate" and value.lower() == schema.SOLVE:
        return SetField(metric_id, "solve_rate", True)
    try:
        new: Any = schema.parse_text(schema.INPUTS[field], value)
    except ValueError as exc:
        raise PlanError(reason_of(exc).inside("in_assignment", assignment=text)) from None
    if field == "rate" and metric.solve_rate and new is not None:
        return _Both(metric_id, new)
    return SetField(metric_id, field, new)


def _Both(metric_id: str, rate) -> Composite:  # noqa: N802 - reads as a constructor
    """Giving a rate to a goal-seek stage ends the goal seek."""
    return Composite([SetField(metric_id, "solve_rate", False), SetField(metric_id, "rate", rate)], "Set rate")


def cmd_set(args: argparse.Namespace) -> int:
    plan_file = _open(args.file)
    if plan_file is None:
        return EXIT_UNREADABLE
    try:
        edits = [parse_assignment(plan_file, text) for text in args.assignments]
        Composite(edits, "Set").apply(plan_file.plan)
    except PlanError as exc:
        _error(f"{args.file}: {exc}; nothing was changed")
        return EXIT_FINDINGS
    try:
        save(plan_file)
    except OSError as exc:
        _error(f"cannot save {args.file}: {exc.strerror or exc}; the file was not changed")
        return EXIT_UNREADABLE
    return EXIT_OK


# ---- window -----------------------------------------------------------------------------
def cmd_window(args: argparse.Namespace) -> int:
    if args.file and not Path(args.file).exists():
        _error(f"no such file: {args.file}")
        return EXIT_UNREADABLE
    try:
        from kpidesk import qtcheck

        qtcheck.require()  # a PySide6 that would crash this Python: say so instead (an ImportError)
        gui = importlib.import_module("kpidesk.gui.app")
    except ImportError as exc:
        _error(f"the window cannot start: {exc}")
        return EXIT_UNREADABLE
    return int(gui.run(args.file, args.template))


def _parser_for(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"kpidesk {command}")
    if command == "templates":
        parser.description = "List the plan templates that `kpidesk new` can start from."
    elif command == "new":
        parser.description = "Create a plan file from a template."
        parser.add_argument("--template", default="btob-web", help="template name (see `kpidesk templates`)")
        parser.add_argument("--force", action="store_true", help="replace an existing file")
        parser.add_argument("file")
    elif command == "calc":
        parser.description = "Print every metric with target, forecast and gap, and the plan's findings."
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="machine-readable output")
    elif command == "check":
        parser.description = "Run the plan checks: exit 0 without errors, 1 with errors, 2 if unreadable."
        parser.add_argument("file")
    elif command == "set":
        parser.description = "Edit a plan without the window; comments and layout are kept."
        parser.add_argument("file")
        parser.add_argument("assignments", nargs="+", metavar="ID.FIELD=VALUE",
                            help="e.g. visits.rate=10%%, sales.target=1,000,000,000, leads.target= (derived)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in EXTERNAL_COMMANDS:
        module = importlib.import_module(EXTERNAL_COMMANDS[argv[0]][0])
        return int(module.main(argv[1:]))
    if argv and argv[0] in COMMANDS:
        command = argv[0]
        args = _parser_for(command).parse_args(argv[1:])
        handler = {"new": cmd_new, "templates": cmd_templates, "calc": cmd_calc, "check": cmd_check,
                   "set": cmd_set}[command]
        return handler(args)
    parser = argparse.ArgumentParser(
        prog="kpidesk",
        description="A planner for KGI/KPI trees. Without a command, opens the window.",
        epilog="commands: " + "; ".join(
            [f"{c}" for c in ("new", "templates", "calc", "check", "set")]
            + [f"{c}: {h}" for c, (_, h) in EXTERNAL_COMMANDS.items()]),
    )
    parser.add_argument("--version", action="version", version=f"kpidesk {__version__}")
    parser.add_argument("file", nargs="?", help="plan file to open (default: the built-in sample plan)")
    parser.add_argument("--template", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if os.environ.get("KPIDESK_NO_WINDOW"):
        return cmd_calc(argparse.Namespace(file=args.file or str(paths.templates()["btob-web"]), json=False))
    return cmd_window(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
