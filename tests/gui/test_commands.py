"""The undo commands on a bare QUndoStack: push, undo, redo and merging of cell edits."""

from decimal import Decimal

import pytest
from PySide6.QtGui import QUndoStack

from kpidesk import paths, planfile
from kpidesk.gui.commands import EditCommand, SetFieldCommand, make_command
from kpidesk.model.edits import AddMetric, SetField
from kpidesk.model.metric import Metric


@pytest.fixture
def plan():
    return planfile.load(paths.templates()["btob-web"]).plan


def target(plan, metric_id):
    return plan.metrics[metric_id].computed.target


def test_push_applies_and_undo_redo_restore(qapp, plan):
    stack = QUndoStack()
    stack.push(make_command(plan, SetField("negotiations", "rate", Decimal("0.4")), "Set rate"))
    assert target(plan, "visits") == 2000
    assert stack.undoText() == "Set rate"
    stack.undo()
    assert target(plan, "visits") == 1600
    stack.redo()
    assert target(plan, "visits") == 2000


def test_an_applied_edit_is_not_applied_twice(qapp, plan):
    stack = QUndoStack()
    edit = AddMetric(Metric("ads", "Ads"), "visits", 0)
    edit.apply(plan)
    stack.push(EditCommand(plan, edit, "Add", applied=True))  # a second apply would raise: id in use
    assert [m.id for m in plan.metrics["visits"].children] == ["ads"]
    stack.undo()
    assert "ads" not in plan.metrics
    stack.redo()
    assert plan.metrics["ads"].parent is plan.metrics["visits"]


def test_typing_in_one_field_merges_into_one_step(qapp, plan):
    stack = QUndoStack()
    for text in ("C", "CR", "CRM"):
        stack.push(SetFieldCommand(plan, SetField("leads", "owner", text), "Edit owner", mergeable=True))
    assert stack.count() == 1
    assert plan.metrics["leads"].owner == "CRM"
    stack.undo()
    assert plan.metrics["leads"].owner == "Content team"


def test_other_fields_and_unmergeable_edits_stay_apart(qapp, plan):
    stack = QUndoStack()
    stack.push(SetFieldCommand(plan, SetField("leads", "owner", "A"), "owner", mergeable=True))
    stack.push(SetFieldCommand(plan, SetField("leads", "source", "B"), "source", mergeable=True))
    stack.push(SetFieldCommand(plan, SetField("leads", "source", "C"), "source"))
    assert stack.count() == 3


def test_typing_back_to_the_start_leaves_nothing_to_undo(qapp, plan):
    stack = QUndoStack()
    stack.push(SetFieldCommand(plan, SetField("leads", "unit", "x"), "unit", mergeable=True))
    stack.push(SetFieldCommand(plan, SetField("leads", "unit", "leads"), "unit", mergeable=True))
    assert stack.count() == 0
    assert plan.metrics["leads"].unit == "leads"
