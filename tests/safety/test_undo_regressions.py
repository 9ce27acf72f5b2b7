"""Cases the undo property found: each failed before its fix in the writer or the engine."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kpidesk import paths
from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric, SetField
from kpidesk.model.metric import Metric
from kpidesk.planfile import load

TEMPLATE = paths.templates()["btob-web"]


def undone(edits: list[Edit]):
    plan_file = load(TEMPLATE)
    plan_file.dumps()
    for edit in edits:
        edit.apply(plan_file.plan)
        plan_file.dumps()  # the autosave writes the text after every step
    for edit in reversed(edits):
        edit.revert(plan_file.plan)
    return plan_file


@pytest.mark.parametrize("edits", [
    [RemoveMetric("negotiations")],  # its comment "# close rate" came back lost
    [SetField("negotiations", "rate", None)],  # a cleared value lost its comment
    [RemoveMetric("orders")],  # the KGI inside: plan.kgi came back after plan.notes
    [MoveMetric("leads", None, 0)],  # tables stayed in the moved order
    [MoveMetric("leads", None, 0), MoveMetric("negotiations", None, 2)],  # a blank line went missing
    [AddMetric(Metric("m", "X"), None, 1), RemoveMetric("sales")],  # the last table came back with a blank line
    [AddMetric(Metric("m", "X"), None, 5)],
], ids=["delete", "clear", "kgi", "move", "two-moves", "delete-all", "add-last"])
def test_undo_gives_back_the_file_byte_for_byte(edits: list[Edit]) -> None:
    assert undone(edits).dumps() == TEMPLATE.read_text(encoding="utf-8")


def test_redo_after_undo_of_an_added_last_table_adds_no_blank_line() -> None:
    plan_file = load(TEMPLATE)
    edit = AddMetric(Metric("m", "X"), None, 5)
    edit.apply(plan_file.plan)
    end = plan_file.dumps()
    edit.revert(plan_file.plan)
    plan_file.dumps()
    edit.apply(plan_file.plan)
    assert plan_file.dumps() == end


def test_a_metric_moved_to_the_root_loses_its_edge_rate() -> None:
    plan_file = undone([SetField("sales", "rate", Decimal(0)), AddMetric(Metric("m", "X"), None, 0),
                        MoveMetric("sales", "m", 0)])
    assert plan_file.plan.metrics["sales"].computed.rate is None


def test_the_only_goal_cannot_be_deleted_as_the_file_would_not_open_again() -> None:
    from kpidesk.model.plan import PlanError
    from kpidesk.planfile import loads

    plan_file = load(TEMPLATE)
    with pytest.raises(PlanError, match="at least one goal"):
        RemoveMetric("sales").apply(plan_file.plan)
    assert len(plan_file.plan.metrics) == 8
    loads(plan_file.dumps())
