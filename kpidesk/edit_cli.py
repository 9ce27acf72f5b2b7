"""``kpidesk set`` and ``kpidesk actuals import``: the plan edited without the window.

Both apply pure edits (:mod:`kpidesk.model.edits`) and save through the
plan file's writer, so comments and layout stay and a save never replaces a
version it did not read; neither imports Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kpidesk.cli_output import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    _error,
    _open,
    save_failure,
    say,
    say_save_warnings,
)
from kpidesk.i18n import translate
from kpidesk.model import schema
from kpidesk.model.actuals_csv import ActualsCsvError, CellProblem, ImportSummary, import_edit, read_actuals, summarize
from kpidesk.model.edits import Composite, SetField, SetPeriodValues
from kpidesk.model.limits import MAX_FILE_BYTES
from kpidesk.model.numbers import parse_amount
from kpidesk.model.periods import parse_period
from kpidesk.model.plan import PERIOD_FIELDS, PlanError
from kpidesk.model.reasons import reason, reason_of
from kpidesk.planfile import FileChanged, PlanFile, save
from kpidesk.storage.lock import held_by_other

# ---- set --------------------------------------------------------------------------------
#: The fields ``set`` takes (declared in :mod:`kpidesk.model.schema`); a value per period as
#: ``actuals.2026-06`` (see :data:`kpidesk.model.plan.PERIOD_FIELDS`).
SETTABLE = schema.SETTABLE
SETTABLE_NAMES = (*SETTABLE, *(f"{name}.PERIOD" for name in PERIOD_FIELDS))


def parse_assignment(plan_file: PlanFile, text: str) -> SetField | SetPeriodValues | Composite:
    """``ID.FIELD=VALUE`` or ``ID.actuals.PERIOD=VALUE`` -> the edit it asks for, or PlanError saying what is wrong.

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
    table, _dot, period = field.partition(".")
    if table in PERIOD_FIELDS:
        return _period_assignment(metric_id, table, period, value.strip(), text)
    if field not in SETTABLE:
        raise PlanError(reason("not_settable", field=field, fields=SETTABLE_NAMES).inside("in_assignment",
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


def _period_assignment(metric_id: str, field: str, period: str, value: str, text: str) -> SetPeriodValues:
    """``visits.actuals.2026/06=1,200``: the period by its one name (2026-06); an empty value takes it out."""
    try:
        if not period.strip():
            raise PlanError("period_needed", field=field)
        key = parse_period(period).key
        number = parse_amount(value) if value else None
    except ValueError as exc:
        raise PlanError(reason_of(exc).inside("in_assignment", assignment=text)) from None
    return SetPeriodValues(metric_id, field, {key: number})


def _Both(metric_id: str, rate) -> Composite:  # noqa: N802 - reads as a constructor
    """Giving a rate to a goal-seek stage ends the goal seek."""
    return Composite([SetField(metric_id, "solve_rate", False), SetField(metric_id, "rate", rate)], "Set rate")


#: How often ``set`` reads the plan again when someone else saved it while ``set`` ran.
SET_ATTEMPTS = 20


def _assigned(plan_file: PlanFile, assignments: list[str]) -> dict[str, object]:
    """What the plan holds now in each ``ID.FIELD`` an assignment sets (to tell whether someone else changed it)."""
    values: dict[str, object] = {}
    for text in assignments:
        metric_id, _, field = text.partition("=")[0].strip().partition(".")
        metric, spec = plan_file.plan.metrics.get(metric_id), schema.INPUTS.get(field)
        if metric is not None and spec is not None:
            values[f"{metric_id}.{field}"] = schema.file_value(spec, metric) if spec.key else getattr(metric, field)
    return values


def _plain(value: object) -> str:
    return "empty" if value is None or value == "" else schema.shown(value)


def cmd_set(args: argparse.Namespace) -> int:
    """Apply the assignments and save; when someone else saves the plan meanwhile, apply them to their version.

    The save replaces only the version that was read (``planfile.save``); a
    save that lands in between makes it read the plan again and apply the
    same assignments to it, so neither change is lost. A plan a kpidesk window
    of someone else holds open is left alone unless ``--force``.
    """
    first: dict[str, object] | None = None
    for attempt in range(SET_ATTEMPTS):
        plan_file = _open(args.file)
        if plan_file is None:
            return EXIT_UNREADABLE
        holder = None if args.force else held_by_other(Path(args.file))
        if holder is not None:
            who = translate("Cli", "{0} on {1} (since {2})").format(holder.user, holder.host, holder.since)
            process = translate("Cli", ", process {0}").format(holder.pid) if holder.pid else ""
            _error(translate("Cli", "{0} is open in kpidesk by {1}{2}; it was not changed. Close it there first, "
                                    "or add --force to change it anyway (the window then sees the change)").format(
                args.file, who, process))
            return EXIT_UNREADABLE
        before = _assigned(plan_file, args.assignments)
        first = before if first is None else first
        try:
            edits = [parse_assignment(plan_file, text) for text in args.assignments]
            Composite(edits, "Set").apply(plan_file.plan)
        except PlanError as exc:
            meanwhile = translate("Cli", " (changed by someone else while this ran: the assignments do not apply "
                                         "to their version)")
            _error(translate("Cli", "{0}: {1}; nothing was changed").format(
                f"{args.file}{meanwhile if attempt else ''}", exc.text(translate)))
            return EXIT_FINDINGS
        try:
            save(plan_file)
        except FileChanged:
            continue  # someone saved it meanwhile: read their version and apply the assignments to it
        except OSError as exc:
            _error(translate("Cli", "cannot save {0}: {1}; the file was not changed").format(
                args.file, save_failure(exc)))
            return EXIT_UNREADABLE
        say_save_warnings(plan_file)
        if attempt:
            replaced = [translate("Cli", "{0} (was {1}, then {2})").format(key, _plain(first.get(key)), _plain(value))
                        for key, value in before.items() if first.get(key) != value]
            note = (translate("Cli", "kpidesk: note: {0} was changed by someone else while this ran; the assignments "
                                     "were applied to their version, replacing their {1}") if replaced else
                    translate("Cli", "kpidesk: note: {0} was changed by someone else while this ran; the assignments "
                                     "were applied to their version"))
            say(note.format(args.file, translate("Cli", ", ").join(replaced)), file=sys.stderr)
        return EXIT_OK
    _error(translate("Cli", "{0} was saved by others {1} times while this ran; nothing was changed").format(
        args.file, SET_ATTEMPTS))
    return EXIT_UNREADABLE


# ---- actuals import ---------------------------------------------------------------------
def _read_csv(path: Path) -> bytes:
    """The bytes of a CSV file; ActualsCsvError for one over the size limit, which is not read into memory."""
    with path.open("rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            size = os.fstat(stream.fileno()).st_size
            raise ActualsCsvError([CellProblem(1, 1, reason("file_too_large", size=size, limit=MAX_FILE_BYTES))])
    return data


def summary_text(summary: ImportSummary, dry_run: bool) -> str:
    """``imported 36 values for 3 metrics, 2026-04 to 2026-06; 4 changed, 32 new``."""
    values = (translate("Cli", "{0} value") if summary.values == 1 else translate("Cli", "{0} values")).format(
        summary.values)
    metrics = (translate("Cli", "{0} metric") if summary.metrics == 1 else translate("Cli", "{0} metrics")).format(
        summary.metrics)
    span = summary.first if summary.first == summary.last else \
        translate("Cli", "{0} to {1}").format(summary.first, summary.last)
    counts = [translate("Cli", "{0} changed").format(summary.changed), translate("Cli", "{0} new").format(summary.new)]
    if summary.unchanged:
        counts.append(translate("Cli", "{0} as they were").format(summary.unchanged))
    sentence = translate("Cli", "would import {0} for {1}, {2}; {3}") if dry_run else \
        translate("Cli", "imported {0} for {1}, {2}; {3}")
    return sentence.format(values, metrics, span, translate("Cli", ", ").join(counts))


def cmd_actuals_import(args: argparse.Namespace) -> int:
    """All or nothing: any bad cell leaves the plan file as it was, and every bad cell is named."""
    plan_file = _open(args.file)
    if plan_file is None:
        return EXIT_UNREADABLE
    try:
        data = _read_csv(Path(args.csv))
        actuals = read_actuals(data, plan_file.plan)
    except OSError as exc:
        _error(translate("Cli", "cannot read {0}: {1}").format(args.csv, exc.strerror or exc))
        return EXIT_UNREADABLE
    except ActualsCsvError as exc:
        for line in exc.lines(args.csv, translate):
            say(line, file=sys.stderr)
        _error(translate("Cli", "nothing was imported; {0} was not changed").format(args.file))
        return EXIT_FINDINGS
    summary = summarize(plan_file.plan, actuals)
    if args.dry_run:
        say(translate("Cli", "{0} (dry run: {1} was not changed)").format(summary_text(summary, True), args.file))
        return EXIT_OK
    try:
        import_edit(actuals).apply(plan_file.plan)
    except PlanError as exc:  # the reader checks what the plan does: not expected, but never half an import
        _error(translate("Cli", "{0}: {1}; nothing was imported").format(args.file, exc.text(translate)))
        return EXIT_FINDINGS
    try:
        save(plan_file)
    except OSError as exc:
        _error(translate("Cli", "cannot save {0}: {1}; the file was not changed").format(
            args.file, save_failure(exc)))
        return EXIT_UNREADABLE
    say_save_warnings(plan_file)
    say(summary_text(summary, False))
    return EXIT_OK
