"""The ``kpidesk`` command: the window, and headless commands for scripts.

``calc``, ``check``, ``set``, ``actuals``, ``new`` and ``templates`` never import Qt, so
they start fast on a machine without a display. Commands kept in other
modules (``export``) are imported only when asked for. ``--lang en|ja``
(anywhere before ``--``) chooses the language, else the environment does
(:mod:`kpidesk.i18n`); texts are translated through ``translate("Cli", ...)``.
JSON output and the ``error``/``warning`` words of ``check`` stay English: scripts read them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from kpidesk import __version__, i18n, paths
from kpidesk.cli_output import (  # noqa: F401 - re-exported: the commands in other modules print through these
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    _error,
    _open,
    _pad,
    _width,
    say,
    say_json,
)
from kpidesk.edit_cli import cmd_actuals_import, cmd_set, parse_assignment  # noqa: F401 - parse_assignment re-exported
from kpidesk.i18n import translate
from kpidesk.model.characters import escape_controls
from kpidesk.model.checks import run_checks
from kpidesk.model.display import percent_text, rounded, signed_text, value_text
from kpidesk.model.exact import to_json_number
from kpidesk.model.findings import Finding
from kpidesk.model.messages import describe
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.plan import Plan
from kpidesk.planfile import PlanFile, PlanFileError, loads

#: The columns of ``calc`` (translated in context "Cli" where they are printed).
CALC_HEADERS = (i18n.QT_TRANSLATE_NOOP("Cli", "Metric"), i18n.QT_TRANSLATE_NOOP("Cli", "Target"),
                i18n.QT_TRANSLATE_NOOP("Cli", "Unit"), "", i18n.QT_TRANSLATE_NOOP("Cli", "Edge"),
                i18n.QT_TRANSLATE_NOOP("Cli", "Forecast"), i18n.QT_TRANSLATE_NOOP("Cli", "Gap"),
                i18n.QT_TRANSLATE_NOOP("Cli", "Actual"))
SEVERITY_WORDS = {"error": i18n.QT_TRANSLATE_NOOP("Cli", "error"), "warning": i18n.QT_TRANSLATE_NOOP("Cli", "warning")}

#: Commands that live in their own module: name -> (module, help); ``module:function`` names another entry
#: point than ``main`` (one module, several commands).
EXTERNAL_COMMANDS = {
    "export": ("kpidesk.render.cli", "export the tree as PDF, PNG or SVG, the funnel as PNG, the metrics as CSV"),
    "track": ("kpidesk.track_cli", "the plan as of a month: progress, pace, status, the bottleneck"),
    "diff": ("kpidesk.diff_cli", "what changed between two plans, by metric and field, and its effects"),
    "git-setup": ("kpidesk.git_cli:setup_main", "register kpidesk's diff and merge driver with git"),
    "textconv": ("kpidesk.git_cli:textconv_main", "a plan as one line per metric field, for git diff"),
    "merge-driver": ("kpidesk.git_cli:merge_main", "git's merge driver: a 3-way merge by metric and field"),
}
COMMANDS = ("new", "templates", "calc", "check", "set", "actuals", *EXTERNAL_COMMANDS)
#: What ``kpidesk --help`` says of the commands with more to say than their name.
COMMAND_HELP = {"actuals import": "read actuals per period from a CSV file, all or nothing (--dry-run: say what "
                                   "would change)"}


# ---- new / templates ---------------------------------------------------------------
def cmd_templates(args: argparse.Namespace) -> int:
    for name, path in paths.templates().items():
        try:
            title = loads(path.read_text(encoding="utf-8"), str(path)).plan.info.get("title", "")
        except PlanFileError:
            title = translate("Cli", "(unreadable)")
        say(f"{name:24} {title}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    source = paths.template(args.template)  # in the language in effect, or ja/NAME, en/NAME
    if source is None:
        _error(translate("Cli", "no template {0!r}; choose one of: {1}").format(
            args.template, ", ".join(paths.templates())))
        return EXIT_UNREADABLE
    target = Path(args.file)
    if target.exists() and not args.force:
        _error(translate("Cli", "{0} exists already; use --force to replace it").format(target))
        return EXIT_UNREADABLE
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        _error(translate("Cli", "cannot write {0}: {1}").format(target, exc.strerror or exc))
        return EXIT_UNREADABLE
    say(translate("Cli", "created {0} from the {1} template").format(target, args.template))
    return EXIT_OK


# ---- calc ------------------------------------------------------------------------------
def _show(plan: Plan, metric: Metric, value: Any) -> str:
    return value_text(metric, value, plan.engine.currency_of(metric))


def _edge(metric: Metric) -> str:
    rate = metric.computed.rate
    if metric.solve_rate:
        return (translate("Cli", "rate {0} (solved)").format(percent_text(rate, up=True)) if rate is not None
                else translate("Cli", "rate ? (solve)"))
    if metric.rate is not None:
        return translate("Cli", "rate {0}").format(percent_text(metric.rate))
    if metric.share is not None:
        return translate("Cli", "share {0}").format(percent_text(metric.share))
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
        say_json(document)
        return EXIT_OK
    rows = [tuple(translate("Cli", header) for header in CALC_HEADERS)]
    kgi = plan.kgi
    for metric in plan.walk():
        computed = metric.computed
        gap = computed.gap
        rows.append((
            "  " * metric.depth + escape_controls(metric.name) + (translate("Cli", " (KGI)") if metric is kgi else ""),
            _show(plan, metric, computed.target),
            escape_controls(metric.unit),
            translate("Cli", "given") if metric.is_given else translate("Cli", "derived"),
            _edge(metric),
            _show(plan, metric, computed.forecast),
            signed_text(gap, metric, plan.engine.currency_of(metric)) if gap is not None else "-",
            _show(plan, metric, metric.actual),
        ))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    title = plan.info.get("title") or plan_file.name
    say(escape_controls(title))
    for index, row in enumerate(rows):
        cells = [_pad(c, widths[i], right=i in (1, 5, 6, 7)) for i, c in enumerate(row)]
        say("  ".join(cells).rstrip())
        if index == 0:
            say("  ".join("-" * w for w in widths))
    if findings:
        say()
        for finding in findings:
            where = f"{finding.metric}: " if finding.metric else ""
            word = SEVERITY_WORDS.get(finding.severity.value)  # an info (a given value above the need) as check says it
            severity = translate("Cli", word) if word else finding.severity.value
            say(escape_controls(f"{severity}: {where}{describe(finding, plan, translate)} [{finding.check}]"))
    return EXIT_OK


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
        text = describe(finding, plan_file.plan, translate)
        say(escape_controls(f"{args.file}:{line}:{column}: {finding.severity.value}: {text} [{finding.check}]"))
    errors = sum(1 for f in findings if f.severity.value == "error")
    return EXIT_FINDINGS if errors else EXIT_OK


# ---- window -----------------------------------------------------------------------------
def cmd_window(args: argparse.Namespace) -> int:
    if args.file and not Path(args.file).exists():
        _error(translate("Cli", "no such file: {0}").format(args.file))
        return EXIT_UNREADABLE
    try:
        from kpidesk import qtcheck

        qtcheck.require()  # a PySide6 that would crash this Python: say so instead (an ImportError)
        gui = importlib.import_module("kpidesk.gui.app")
    except ImportError as exc:
        _error(translate("Cli", "the window cannot start: {0}").format(exc))
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
                            help="e.g. visits.rate=10%%, sales.target=1,000,000,000, leads.target= (derived), "
                                 "visits.actuals.2026-06=1200, visits.actuals.2026-06= (no value)")
        parser.add_argument("--force", action="store_true",
                            help="change the plan even while a kpidesk window of someone else has it open")
    elif command == "actuals":
        parser.description = "Actuals per period (the [metric.actuals] tables of a plan)."
        actions = parser.add_subparsers(dest="action", required=True, metavar="import")
        action = actions.add_parser(
            "import", help=COMMAND_HELP["actuals import"],
            description="Import actuals from a CSV file: one row per metric, period and value (a header naming "
                        "metric, period and value, or none), or a metric column and one column per period "
                        "(2026-04, 2026/04, 2026年4月). Metrics by id or name; UTF-8 or Shift_JIS; commas, "
                        "semicolons or tabs. Any bad cell imports nothing: each is listed as "
                        "FILE:ROW:COLUMN: error: text (value).")
        action.add_argument("file", metavar="PLAN", help="the plan file")
        action.add_argument("csv", metavar="FILE.csv", help="the CSV file")
        action.add_argument("--dry-run", action="store_true", help="check the file and say what would change")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        requested, argv = i18n.take_lang_option(sys.argv[1:] if argv is None else argv)
    except ValueError as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    i18n.set_language(requested)
    if argv and argv[0] in EXTERNAL_COMMANDS:
        module_name, _, function = EXTERNAL_COMMANDS[argv[0]][0].partition(":")
        module = importlib.import_module(module_name)
        return int(getattr(module, function or "main")(argv[1:]))
    if argv and argv[0] in COMMANDS:
        command = argv[0]
        args = _parser_for(command).parse_args(argv[1:])
        handler = {"new": cmd_new, "templates": cmd_templates, "calc": cmd_calc, "check": cmd_check,
                   "set": cmd_set, "actuals": cmd_actuals_import}[command]
        return handler(args)
    parser = argparse.ArgumentParser(
        prog="kpidesk",
        description="A planner for KGI/KPI trees. Without a command, opens the window.",
        epilog="commands: " + "; ".join(
            [f"{c}" for c in ("new", "templates", "calc", "check", "set")]
            + [f"{c}: {h}" for c, h in COMMAND_HELP.items()]
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
