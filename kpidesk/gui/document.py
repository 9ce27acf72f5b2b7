"""The open plan, its file and its one undo stack; the window edits only through here.

Every intent method (``set_rate``, ``add_metric``, ...) is one user action: it
applies one edit of the plan and pushes one QUndoCommand. A refused edit
leaves the plan unchanged, returns False and emits ``editRefused`` with the
reason. File operations raise (PlanFileError, SaveError) and leave the plan
in memory as it was; the window decides how to tell the planner.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from kpidesk import paths, planfile
from kpidesk.gui.commands import EditCommand, make_command
from kpidesk.gui.formatting import Formatter
from kpidesk.model import events as ev
from kpidesk.model import schema
from kpidesk.model.checks import LiveChecks
from kpidesk.model.edits import AddMetric, Composite, Edit, MoveMetric, RemoveMetric, SetField, SetInfo, SetPeriodValues
from kpidesk.model.findings import Finding
from kpidesk.model.messages import describe
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.numbers import parse_amount
from kpidesk.model.plan import Plan, PlanError
from kpidesk.model.reasons import reason_of

SAMPLE_TEMPLATE = "btob-web"


def empty_plan_text(goal_name: str) -> str:
    """A plan file with one goal: a plan needs a root metric."""
    name = json.dumps(goal_name, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    return f'format_version = "1.0"\n\n[plan]\ntitle = ""\n\n[[metric]]\nid = "goal"\nname = {name}\n'


class Document(QObject):
    """A plan being edited in the window (``plan_file``), with undo and findings."""

    planReplaced = Signal()  # another plan was loaded: views reset
    metricsChanged = Signal(object, bool)  # (frozenset[Metric], structure), once per action
    infoChanged = Signal(str)  # a plan-level field changed
    findingsChanged = Signal()
    modifiedChanged = Signal(bool)
    pathChanged = Signal(str)  # the file name ("" while untitled)
    saved = Signal(str)
    editRefused = Signal(str)  # why an edit was not made, for the planner
    reported = Signal(str)  # what an action did, for the status bar ("Deleted Visits", a solved rate)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.plan_file: planfile.PlanFile = planfile.loads(empty_plan_text("Goal"), "untitled")
        self.findings: list[Finding] = []
        self.findings_by_metric: dict[str, list[Finding]] = {}
        self.findings_changed: set[str] = set()  # metric ids whose findings changed in the last action
        self.last_error = ""
        self._listening: Plan | None = None
        self._checks: LiveChecks | None = None
        self._last_command: EditCommand | None = None
        self._fresh: tuple[str, EditCommand] | None = None  # (id, command) of the row added last
        self.replace(self.plan_file)

    # ---- state --------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.plan_file.plan

    @property
    def path(self) -> Path | None:
        return self.plan_file.path

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path else self.tr("Untitled")

    def metric(self, metric_id: str | None) -> Metric | None:
        return self.plan.metrics.get(metric_id or "")

    def replace(self, plan_file: planfile.PlanFile, *, modified: bool = False) -> None:
        """Show another plan (opened, new, reverted, recovered); clears the undo history."""
        if self._listening is not None:
            self._listening.events.disconnect(self._on_plan_event)
        if self._checks is not None:
            self._checks.close()
        self.plan_file = plan_file
        self._listening = plan_file.plan
        self._checks = LiveChecks(plan_file.plan)  # follows the plan's events before the document does
        plan_file.plan.events.connect(self._on_plan_event)
        was_modified = self.is_modified()
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        self._refresh_findings()
        self.planReplaced.emit()
        self.pathChanged.emit(str(self.path or ""))
        if was_modified != self.is_modified():
            self.modifiedChanged.emit(self.is_modified())

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    def _on_plan_event(self, event: ev.Event) -> None:
        if isinstance(event, ev.MetricsChanged):
            self._refresh_findings()
            self.metricsChanged.emit(event.metrics, event.structure)
        elif isinstance(event, ev.PlanInfoChanged):
            self.infoChanged.emit(event.field)

    def describe(self, finding: Finding) -> str:
        """A finding's text for the plan as it is now, in the window's language."""
        return describe(finding, self.plan, QCoreApplication.translate)

    def _refresh_findings(self) -> None:
        """Bring the findings up to date after an action; note which metrics' findings changed.

        The plan checks recheck only what the action can affect (:class:`LiveChecks`), and the findings
        are sorted out per metric again only when they changed.
        """
        assert self._checks is not None
        self._checks.refresh()
        findings = self._checks.findings()
        if findings is self.findings:
            self.findings_changed = set()
            return
        old = self.findings_by_metric
        by_metric: dict[str, list[Finding]] = {}
        for finding in findings:
            by_metric.setdefault(finding.metric or "", []).append(finding)
        self.findings = findings
        self.findings_by_metric = by_metric
        self.findings_changed = {k for k in old.keys() | by_metric.keys() if old.get(k) != by_metric.get(k)}
        self.findingsChanged.emit()

    # ---- the one way edits happen ---------------------------------------------------------
    def apply(self, edit: Edit, text: str, *, mergeable: bool = False, refusal: str = "{0}") -> bool:
        """Apply ``edit`` as one undo step; False (and editRefused) when the plan refuses it.

        An edit that would change nothing (Enter on a cell as it was) is no step at all.
        """
        try:
            if self._changes_nothing(edit):
                return True
            edit.apply(self.plan)
        except PlanError as exc:
            return self.refuse(refusal.format(exc.text(QCoreApplication.translate)))
        command = make_command(self.plan, edit, text, applied=True, mergeable=mergeable)
        self._last_command = command
        self.undo_stack.push(command)
        return True

    def _changes_nothing(self, edit: Edit) -> bool:
        """Whether ``edit`` only sets fields to the values they have (raises PlanError for a bad value)."""
        if isinstance(edit, Composite):
            return all(self._changes_nothing(part) for part in edit.edits)
        if isinstance(edit, SetPeriodValues) and edit.metric_id in self.plan.metrics:
            old_table = getattr(self.plan.metrics[edit.metric_id], edit.field)
            return bool(old_table == edit.table(self.plan))
        if not isinstance(edit, SetField):
            return False
        metric = self.plan.metrics.get(edit.metric_id)
        if metric is None:
            return False
        old, new = getattr(metric, edit.field), self.plan.validate_field(metric, edit.field, edit.new)
        return bool(old == new and type(old) is type(new))

    def refuse(self, message: str) -> bool:
        """Tell the views why an action did not happen (also for refusals found outside the document)."""
        self.last_error = message
        self.editRefused.emit(message)
        return False

    def _find(self, metric_id: str) -> Metric | None:
        metric = self.plan.metrics.get(metric_id)
        if metric is None:
            self.refuse(self.tr("No metric has the id {0}.").format(metric_id))
        return metric

    # ---- values -------------------------------------------------------------------------------
    def set_target(self, metric_id: str, value: str | Decimal | None) -> bool:
        """Give a target; empty text or None makes the target derived again."""
        return self._set_value(metric_id, "target", value, self.tr("Set target of {0}"))

    def set_actual(self, metric_id: str, value: str | Decimal | None) -> bool:
        return self._set_value(metric_id, "actual", value, self.tr("Set actual of {0}"))

    def set_rate(self, metric_id: str, value: str | Decimal | None) -> bool:
        """Set the rate to the parent stage; text "40" and "40%" both mean 40 %."""
        return self._set_value(metric_id, "rate", value, self.tr("Set rate of {0}"))

    def set_share(self, metric_id: str, value: str | Decimal | None) -> bool:
        return self._set_value(metric_id, "share", value, self.tr("Set share of {0}"))

    def _set_value(self, metric_id: str, field: str, value: str | Decimal | None, label: str) -> bool:
        metric = self._find(metric_id)
        if metric is None:
            return False
        try:
            edit = self.value_edit(metric, field, value)
        except PlanError as exc:
            return self.refuse(exc.text(QCoreApplication.translate))
        if isinstance(edit, SetField) and edit.field == "solve_rate":
            return self._solve(metric, edit)
        return self.apply(edit, label.format(metric.name))

    def clear_cell(self, metric_id: str, field: str) -> bool:
        """Empty a cell as Del does in a spreadsheet: a target derived again, an actual, rate or share empty."""
        metric = self._find(metric_id)
        if metric is None:
            return False
        labels = {"target": self.tr("Clear target of {0}"), "actual": self.tr("Clear actual of {0}"),
                  "rate": self.tr("Clear rate of {0}"), "share": self.tr("Clear share of {0}"),
                  "unit": self.tr("Clear unit of {0}")}
        if field not in labels:
            return self.refuse(self.tr("{0} cannot be cleared.").format(field))
        edit: Edit = SetField(metric.id, field, "" if field == "unit" else None)
        if field == "rate" and metric.solve_rate:  # a solved rate: the goal seek ends as well
            edit = Composite([SetField(metric.id, "solve_rate", False), edit])
        return self.apply(edit, labels[field].format(metric.name))

    # ---- goal seek ----------------------------------------------------------------------------
    def solve_edit(self, metric: Metric) -> SetField:
        """The edit that makes the rate of ``metric`` the one that meets the goal; PlanError where there is none."""
        parent = metric.parent
        if parent is None:
            raise PlanError(self.tr("{0} is the top of its tree: it has no rate to solve.").format(metric.name))
        if parent.relation not in (Relation.FUNNEL, Relation.SUM) or metric.share is not None:
            raise PlanError(self.tr("{0} has no rate to {1} to solve: only a funnel stage or a part of a sum "
                                    "has one.").format(metric.name, parent.name))
        return SetField(metric.id, "solve_rate", True)

    def solve_rate(self, metric_id: str) -> bool:
        """Goal seek: the rate of ``metric_id`` becomes the one that meets the goal; says what it found."""
        metric = self._find(metric_id)
        if metric is None:
            return False
        try:
            edit = self.solve_edit(metric)
        except PlanError as exc:
            return self.refuse(exc.text(QCoreApplication.translate))
        return self._solve(metric, edit)

    def _solve(self, metric: Metric, edit: SetField) -> bool:
        if not self.apply(edit, self.tr("Solve rate of {0}").format(metric.name)):
            return False
        self.reported.emit(self.solve_report(metric))
        return True

    def solve_report(self, metric: Metric) -> str:
        """What a goal seek found for ``metric``'s rate, with a warning where the plan asks for more."""
        parent = metric.parent
        solved, had = metric.computed.rate, metric.rate
        names = (metric.name, parent.name if parent else "")
        if solved is None:
            problems = [self.describe(f) for f in metric.computed.findings if f.field == "rate" or
                        f.code in ("base_zero", "solve_without_base", "solve_without_goal")]
            return self.tr("No rate from {0} to {1} meets the goal. {2}").format(*names, " ".join(problems)).strip()
        fmt = Formatter()
        rate = fmt.percent(solved, up=True)
        if solved > 1:
            return self.tr("Warning: the goal needs {0} of {1} to become {2}, more than 100 %: raise {1}.").format(
                rate, *names)
        if had is not None and solved > had:
            return self.tr("Warning: the goal needs a rate of {0} from {1} to {2}, above the {3} the plan had.").format(
                rate, *names, fmt.percent(had))
        if had is not None:
            return self.tr("Solved: a rate of {0} from {1} to {2} meets the goal (the plan had {3}).").format(
                rate, *names, fmt.percent(had))
        return self.tr("Solved: a rate of {0} from {1} to {2} meets the goal.").format(rate, *names)

    def value_edit(self, metric: Metric, field: str, value: str | Decimal | None) -> Edit:
        """The edit that puts ``value`` (typed or pasted text, or a number) into ``field``.

        Text is read as the planner types it (:func:`kpidesk.model.schema.parse_text`):
        amounts with separators or exponents, rates as "40" or "40%", every digit
        kept ("0.015%" stays 0.015 %); empty text clears a number.
        Raises PlanError naming the metric and field when the text is not a value.
        """
        if field == "rate" and isinstance(value, str) and value.strip().lower() == "solve":
            return self.solve_edit(metric)
        spec = schema.INPUTS.get(field)
        if isinstance(value, str) and spec is not None:
            try:
                value = schema.parse_text(spec, value, window=True)
            except ValueError as exc:
                raise PlanError(reason_of(exc).inside("in_metric_field", metric=metric.id, name=metric.name,
                                                      field=field)) from None
        edit: Edit = SetField(metric.id, field, value)
        if field == "rate" and metric.solve_rate and value is not None:  # a given rate ends the goal seek
            edit = Composite([SetField(metric.id, "solve_rate", False), edit])
        return edit

    def paste_cells(self, cells: list[tuple[str, str, str]]) -> bool:
        """Put pasted text into several (metric id, field, text) cells as one step: all of them or none."""
        refusal = self.tr("Nothing was pasted. {0}")
        edits = []
        for metric_id, field, text in cells:
            metric = self._find(metric_id)
            if metric is None:
                return False
            try:
                edits.append(self.value_edit(metric, field, text))
            except PlanError as exc:
                return self.refuse(refusal.format(exc.text(QCoreApplication.translate)))
        if not edits:
            return False
        label = self.tr("Paste into {0} cells").format(len(edits)) if len(edits) > 1 else self.tr("Paste")
        return self.apply(Composite(edits), label, refusal=refusal)

    def set_actuals(self, metric_id: str, values: Mapping[str, str | Decimal | None], label: str | None = None) -> bool:
        """Put values into periods of a metric's actuals as one undo step (a pasted block): all of them or none.

        Periods as the planner writes them (``2026/4``, ``2026年4月``), values as typed
        (``1,200``, full-width digits) or numbers; empty text or None takes a period's value out.
        """
        metric = self._find(metric_id)
        if metric is None:
            return False
        numbers: dict[str, Decimal | None] = {}
        for period, value in values.items():
            try:
                numbers[period] = (parse_amount(value) if value.strip() else None) if isinstance(value, str) else value
            except ValueError as exc:
                return self.refuse(str(reason_of(exc).inside("in_metric_field", metric=metric.id, name=metric.name,
                                                             field=f"actuals.{period}")))
        text = label if label is not None else self.tr("Set actuals of {0}").format(metric.name)
        return self.apply(SetPeriodValues(metric_id, "actuals", numbers), text)

    def set_actuals_block(self, values: Mapping[str, Mapping[str, Decimal | None]], label: str) -> bool:
        """Actuals of several metrics as one undo step, all or none: {metric id: {period: value}} (a block
        pasted into the grid of View > Actuals by Period); None takes a period's value out."""
        edits: list[Edit] = []
        for metric_id, cells in values.items():
            if self._find(metric_id) is None:
                return False
            edits.append(SetPeriodValues(metric_id, "actuals", cells))
        if not edits:
            return False
        return self.apply(edits[0] if len(edits) == 1 else Composite(edits), label)

    def set_field(self, metric_id: str, field: str, value: Any, *, merge: bool = False) -> bool:
        """Set any input field (unit, owner, notes...); ``merge`` joins typing into one step."""
        metric = self._find(metric_id)
        if metric is None:
            return False
        if getattr(metric, field, object()) == value:
            return True
        spec = schema.BY_NAME.get(field)
        shown = QCoreApplication.translate("Fields", spec.label).lower() if spec is not None else field
        text = self.tr("Edit {0} of {1}").format(shown, metric.name)
        return self.apply(SetField(metric_id, field, value), text, mergeable=merge)

    def rename(self, metric_id: str, name: str) -> bool:
        metric = self._find(metric_id)
        if metric is None or metric.name == name:
            return metric is not None
        return self.apply(SetField(metric_id, "name", name), self.tr("Rename {0}").format(metric.name))

    def set_kgi(self, metric_id: str) -> bool:
        metric = self._find(metric_id)
        if metric is None:
            return False
        return self.apply(SetInfo("kgi", metric_id), self.tr("Make {0} the KGI").format(metric.name))

    def set_plan_info(self, fields: dict[str, Any]) -> bool:
        """Change plan-level facts (title, owner, currency...) as one step."""
        changed = [SetInfo(k, v) for k, v in fields.items() if self.plan.info.get(k) != v]
        if not changed:
            return True
        return self.apply(Composite(changed), self.tr("Edit plan properties"))

    # ---- structure -----------------------------------------------------------------------------
    def add_metric(self, parent_id: str | None, row: int | None = None, name: str | None = None) -> str | None:
        """Add a metric under ``parent_id`` (None: a root) at ``row`` (None: last); returns its id."""
        parent = None if parent_id is None else self._find(parent_id)
        if parent_id is not None and parent is None:
            return None
        name = name or self.tr("New metric")
        siblings = self.plan.children_of(parent)
        row = len(siblings) if row is None else row
        metric = self._new_metric(name)
        return self._add(metric, AddMetric(metric, parent_id, row), self.tr("Add {0}").format(name))

    def _new_metric(self, name: str, **fields: Any) -> Metric:
        return Metric(self.plan.new_id(name if name.isascii() else "metric"), name, **fields)

    def _add(self, metric: Metric, edit: Edit, label: str) -> str | None:
        if not self.apply(edit, label):
            return None
        self._fresh = (metric.id, self._last_command) if self._last_command is not None else None
        return metric.id

    def breaks_funnel(self, parent_id: str | None) -> bool:
        """Whether a new child of ``parent_id`` would be a second stage of a funnel stage that has its stage."""
        parent = self.metric(parent_id)
        return parent is not None and parent.relation is Relation.FUNNEL and bool(parent.drivers())

    def add_stage(self, parent_id: str, name: str | None = None) -> str | None:
        """A new funnel stage right before ``parent_id``: between it and its stage, at a rate of 100 % to start with.

        The stage below keeps its rate (now to the new stage), so every number stays as it was
        until the planner types the new stage's rate.
        """
        parent = self._find(parent_id)
        if parent is None:
            return None
        if not self.breaks_funnel(parent_id):
            return self.add_metric(parent_id, None, name)
        stage = parent.drivers()[0]
        name = name or self.tr("New metric")
        metric = self._new_metric(name, relation=Relation.FUNNEL, rate=Decimal(1))
        edit = Composite([AddMetric(metric, parent.id, stage.row), MoveMetric(stage.id, metric.id, 0)])
        return self._add(metric, edit, self.tr("Add {0} as a stage before {1}").format(name, parent.name))

    def add_source(self, parent_id: str, name: str | None = None) -> str | None:
        """Another source of ``parent_id``, which becomes the sum of its sources; the new one starts at 0."""
        parent = self._find(parent_id)
        if parent is None:
            return None
        name = name or self.tr("New metric")
        metric = self._new_metric(name, unit=parent.unit, kind=parent.kind, target=Decimal(0))
        edits: list[Edit] = []
        if parent.relation is Relation.FUNNEL:
            edits.append(SetField(parent.id, "relation", Relation.SUM.value))
        edits.append(AddMetric(metric, parent.id, len(parent.children)))
        return self._add(metric, Composite(edits), self.tr("Add {0} as a source of {1}").format(name, parent.name))

    def is_fresh(self, metric_id: str | None) -> bool:
        """Whether ``metric_id`` is the row added by the last step, with nothing done since."""
        if self._fresh is None or metric_id is None or self._fresh[0] != metric_id:
            return False
        stack = self.undo_stack
        return stack.index() == stack.count() > 0 and stack.command(stack.index() - 1) is self._fresh[1]

    def take_back(self, metric_id: str | None) -> bool:
        """Remove a row that was just added and left untouched, as if it had never been added (no redo step)."""
        if not self.is_fresh(metric_id):
            return False
        assert self._fresh is not None
        command = self._fresh[1]
        self._fresh = None
        command.drop_on_undo = True
        self.undo_stack.undo()
        return True

    def add_sibling(self, metric_id: str, name: str | None = None) -> str | None:
        """Add a metric right after ``metric_id``, under the same parent."""
        metric = self._find(metric_id)
        if metric is None:
            return None
        return self.add_metric(metric.parent.id if metric.parent else None, metric.row + 1, name)

    def delete_metric(self, metric_id: str) -> bool:
        """Delete a metric and every metric below it; the status bar is told what went."""
        metric = self._find(metric_id)
        if metric is None:
            return False
        below = len(metric.walk()) - 1
        if not self.apply(RemoveMetric(metric_id), self.tr("Delete {0}").format(metric.name)):
            return False
        if below == 0:
            self.reported.emit(self.tr("Deleted {0}. Undo brings it back.").format(metric.name))
        else:
            self.reported.emit(self.tr("Deleted {0} and the {1} metrics below it. Undo brings them back.")
                               .format(metric.name, below) if below > 1 else
                               self.tr("Deleted {0} and the metric below it. Undo brings them back.")
                               .format(metric.name))
        return True

    def given_values(self, metric: Metric) -> list[str]:
        """What the planner typed in ``metric`` and below it ("Visits: rate 10%"), for the delete question."""
        fmt, found = Formatter(), []
        for node in metric.walk():
            currency = self.plan.engine.currency_of(node)
            parts = []
            if node.target is not None:
                parts.append(self.tr("target {0}").format(fmt.amount(node, node.target, currency)))
            if node.rate is not None and not node.solve_rate:
                parts.append(self.tr("rate {0}").format(fmt.percent(node.rate)))
            if node.share is not None:
                parts.append(self.tr("share {0}").format(fmt.percent(node.share)))
            if node.actual is not None:
                parts.append(self.tr("actual {0}").format(fmt.amount(node, node.actual, currency)))
            if parts:
                found.append(self.tr("{0}: {1}").format(node.name, ", ".join(parts)))
        return found

    def move_metric(self, metric_id: str, parent_id: str | None, row: int) -> bool:
        """Move to ``row`` (its row after the move) under ``parent_id`` (None: a root)."""
        metric = self._find(metric_id)
        if metric is None or (parent_id is not None and self._find(parent_id) is None):
            return False
        if (metric.parent.id if metric.parent else None) == parent_id and metric.row == row:
            return True
        return self.apply(MoveMetric(metric_id, parent_id, row), self.tr("Move {0}").format(metric.name))

    def move_up(self, metric_id: str) -> bool:
        metric = self._find(metric_id)
        if metric is None or metric.row == 0:
            return False
        return self.move_metric(metric_id, _id(metric.parent), metric.row - 1)

    def move_down(self, metric_id: str) -> bool:
        metric = self._find(metric_id)
        if metric is None or metric.row + 1 >= len(self.plan.children_of(metric.parent)):
            return False
        return self.move_metric(metric_id, _id(metric.parent), metric.row + 1)

    def indent_place(self, metric_id: str) -> tuple[str, int] | None:
        """Where an indent moves the metric: (the sibling above it, the row after that one's children); None at the
        top of its siblings."""
        metric = self.metric(metric_id)
        if metric is None or metric.row == 0:
            return None
        above = self.plan.children_of(metric.parent)[metric.row - 1]
        return above.id, len(above.children)

    def indent(self, metric_id: str) -> bool:
        """Make the metric the last child of the sibling above it."""
        if self._find(metric_id) is None:
            return False
        place = self.indent_place(metric_id)
        return place is not None and self.move_metric(metric_id, *place)

    def moves_into_funnel(self, metric_id: str, parent_id: str | None) -> bool:
        """Whether moving ``metric_id`` under ``parent_id`` would give a funnel stage that has its stage a second one.

        A formula drives nothing, and the stage itself may move among its stage's children.
        """
        metric, parent = self.metric(metric_id), self.metric(parent_id)
        return (metric is not None and parent is not None and metric.parent is not parent
                and metric.relation is not Relation.FORMULA and self.breaks_funnel(parent_id))

    def has_drivers(self, metric_id: str) -> bool:
        """Whether metrics below ``metric_id`` make it (formulas aside): then it cannot become a stage in between."""
        metric = self.metric(metric_id)
        return metric is not None and any(c.relation is not Relation.FORMULA for c in metric.children)

    def move_as_stage(self, metric_id: str, parent_id: str) -> bool:
        """Move a metric into a funnel as the stage right before ``parent_id``, the stage it had going below it.

        As a new stage does (:meth:`add_stage`), it starts at a rate of 100 % to ``parent_id``; its target, if
        given, stays. A metric that other metrics drive is refused: the stage cannot go below it as well.
        """
        metric, parent = self._find(metric_id), self._find(parent_id)
        if metric is None or parent is None:
            return False
        if not self.moves_into_funnel(metric_id, parent_id):
            return self.move_metric(metric_id, parent_id, len(parent.children))
        stage = parent.drivers()[0]
        if self.has_drivers(metric_id):
            return self.refuse(self.tr("{0} is made of the metrics below it, so it cannot go between {1} and its "
                                       "stage {2}; it can be another source of {1}.")
                               .format(metric.name, parent.name, stage.name))
        edits: list[Edit] = [MoveMetric(metric.id, parent.id, stage.row), MoveMetric(stage.id, metric.id, 0)]
        if metric.relation is not Relation.FUNNEL:
            edits.append(SetField(metric.id, "relation", Relation.FUNNEL.value))
        if metric.solve_rate:
            edits.append(SetField(metric.id, "solve_rate", False))
        if metric.share is not None:
            edits.append(SetField(metric.id, "share", None))
        edits.append(SetField(metric.id, "rate", Decimal(1)))
        return self.apply(Composite(edits), self.tr("Move {0} in as a stage before {1}").format(metric.name,
                                                                                               parent.name))

    def move_as_source(self, metric_id: str, parent_id: str, row: int | None = None) -> bool:
        """Move a metric into a funnel as another source of ``parent_id`` (at ``row``; None: last), which becomes the
        sum of its sources. As a new source does (:meth:`add_source`), it starts at 0 when it has no target and
        nothing below it, so that no number moves until the planner types one."""
        metric, parent = self._find(metric_id), self._find(parent_id)
        if metric is None or parent is None:
            return False
        edits: list[Edit] = []
        if parent.relation is Relation.FUNNEL:
            edits.append(SetField(parent.id, "relation", Relation.SUM.value))
        edits.append(MoveMetric(metric.id, parent.id, len(parent.children) if row is None else row))
        if metric.target is None and not self.has_drivers(metric_id):
            edits.append(SetField(metric.id, "target", Decimal(0)))
        return self.apply(Composite(edits), self.tr("Move {0} in as a source of {1}").format(metric.name,
                                                                                            parent.name))

    def outdent_place(self, metric_id: str) -> tuple[str | None, int] | None:
        """Where an outdent moves the metric: (its grandparent, None at the top, the row after its parent); None for a
        metric at the top."""
        metric = self.metric(metric_id)
        if metric is None or metric.parent is None:
            return None
        return _id(metric.parent.parent), metric.parent.row + 1

    def outdent(self, metric_id: str) -> bool:
        """Move the metric out of its parent, right after it."""
        if self._find(metric_id) is None:
            return False
        place = self.outdent_place(metric_id)
        return place is not None and self.move_metric(metric_id, *place)

    # ---- files -----------------------------------------------------------------------------------
    def new(self, template: str | None = SAMPLE_TEMPLATE) -> None:
        """An untitled plan from a template (None: an empty plan with one goal)."""
        if template is None:
            plan_file = planfile.loads(empty_plan_text(self.tr("Goal")), "untitled")
        else:
            source = paths.templates()[template]
            plan_file = planfile.loads(source.read_text(encoding="utf-8"), source.name)
        plan_file.path = None
        self.replace(plan_file)

    def open(self, path: str | os.PathLike[str]) -> None:
        """Read a plan file; raises PlanFileError and then keeps the current plan."""
        self.replace(planfile.load(path))

    def save(self) -> Path:
        """Write to the plan's file; raises ValueError while untitled, SaveError (OSError) on failure."""
        if self.path is None:
            raise ValueError("the plan has no file name yet")
        return self.save_as(self.path)

    def save_as(self, path: str | os.PathLike[str]) -> Path:
        old_path = self.path
        target = planfile.save(self.plan_file, path)
        self.undo_stack.setClean()
        if old_path != target:
            self.pathChanged.emit(str(target))
        self.saved.emit(str(target))
        return target

    def revert(self) -> None:
        """Read the file again, dropping unsaved changes; raises PlanFileError."""
        if self.path is None:
            raise ValueError("the plan has no file name yet")
        self.open(self.path)


def _id(metric: Metric | None) -> str | None:
    return metric.id if metric is not None else None
