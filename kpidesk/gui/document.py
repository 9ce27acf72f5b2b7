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
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from kpidesk import paths, planfile
from kpidesk.gui.commands import make_command
from kpidesk.model import events as ev
from kpidesk.model import schema
from kpidesk.model.checks import run_checks
from kpidesk.model.edits import AddMetric, Composite, Edit, MoveMetric, RemoveMetric, SetField, SetInfo
from kpidesk.model.findings import Finding
from kpidesk.model.messages import describe
from kpidesk.model.metric import Metric
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
        self.plan_file = plan_file
        self._listening = plan_file.plan
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
        elif isinstance(event, ev.PlanReset):
            self._refresh_findings()
            self.metricsChanged.emit(frozenset(self.plan.metrics.values()), True)

    def describe(self, finding: Finding) -> str:
        """A finding's text for the plan as it is now, in the window's language."""
        return describe(finding, self.plan, QCoreApplication.translate)

    def _refresh_findings(self) -> None:
        """Run the plan checks once per action; note which metrics' findings changed."""
        old = self.findings_by_metric
        self.findings = run_checks(self.plan)
        by_metric: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_metric.setdefault(finding.metric or "", []).append(finding)
        self.findings_by_metric = by_metric
        self.findings_changed = {k for k in old.keys() | by_metric.keys() if old.get(k) != by_metric.get(k)}
        self.findingsChanged.emit()

    # ---- the one way edits happen ---------------------------------------------------------
    def apply(self, edit: Edit, text: str, *, mergeable: bool = False, refusal: str = "{0}") -> bool:
        """Apply ``edit`` as one undo step; False (and editRefused) when the plan refuses it."""
        try:
            edit.apply(self.plan)
        except PlanError as exc:
            return self.refuse(refusal.format(exc))
        self.undo_stack.push(make_command(self.plan, edit, text, applied=True, mergeable=mergeable))
        return True

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
            return self.refuse(str(exc))
        return self.apply(edit, label.format(metric.name))

    def value_edit(self, metric: Metric, field: str, value: str | Decimal | None) -> Edit:
        """The edit that puts ``value`` (typed or pasted text, or a number) into ``field``.

        Text is read as the planner types it (:func:`kpidesk.model.schema.parse_text`):
        amounts with separators or exponents, rates as "40" or "40%", every digit
        kept ("0.015%" stays 0.015 %); empty text clears a number.
        Raises PlanError naming the metric and field when the text is not a value.
        """
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
                return self.refuse(refusal.format(exc))
        if not edits:
            return False
        label = self.tr("Paste into {0} cells").format(len(edits)) if len(edits) > 1 else self.tr("Paste")
        return self.apply(Composite(edits), label, refusal=refusal)

    def set_field(self, metric_id: str, field: str, value: Any, *, merge: bool = False) -> bool:
        """Set any input field (unit, owner, notes...); ``merge`` joins typing into one step."""
        metric = self._find(metric_id)
        if metric is None:
            return False
        if getattr(metric, field, object()) == value:
            return True
        text = self.tr("Edit {0} of {1}").format(field, metric.name)
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
        metric = Metric(self.plan.new_id(name if name.isascii() else "metric"), name)
        if self.apply(AddMetric(metric, parent_id, row), self.tr("Add {0}").format(name)):
            return metric.id
        return None

    def add_sibling(self, metric_id: str, name: str | None = None) -> str | None:
        """Add a metric right after ``metric_id``, under the same parent."""
        metric = self._find(metric_id)
        if metric is None:
            return None
        return self.add_metric(metric.parent.id if metric.parent else None, metric.row + 1, name)

    def delete_metric(self, metric_id: str) -> bool:
        metric = self._find(metric_id)
        if metric is None:
            return False
        return self.apply(RemoveMetric(metric_id), self.tr("Delete {0}").format(metric.name))

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

    def indent(self, metric_id: str) -> bool:
        """Make the metric the last child of the sibling above it."""
        metric = self._find(metric_id)
        if metric is None or metric.row == 0:
            return False
        above = self.plan.children_of(metric.parent)[metric.row - 1]
        return self.move_metric(metric_id, above.id, len(above.children))

    def outdent(self, metric_id: str) -> bool:
        """Move the metric out of its parent, right after it."""
        metric = self._find(metric_id)
        if metric is None or metric.parent is None:
            return False
        parent = metric.parent
        return self.move_metric(metric_id, _id(parent.parent), parent.row + 1)

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
