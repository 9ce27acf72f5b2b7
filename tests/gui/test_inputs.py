"""The window's ways in: a cell, a paste, a field of the detail panel keep the digits typed and the metric's rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from kpidesk import paths, planfile
from kpidesk.gui.commands import make_command
from kpidesk.gui.document import Document
from kpidesk.gui.tree_model import Column, PlanTreeModel
from kpidesk.model.edits import SetField
from kpidesk.model.numbers import parse_rate


@pytest.fixture
def document(qapp):
    doc = Document()
    doc.new("btob-web")
    return doc


# ---- the document and the undo stack ----------------------------------------------------------------
def test_value_edit_keeps_every_digit_of_a_rate(document):
    metric = document.metric("leads")
    edit = document.value_edit(metric, "rate", "0.015")  # a bare number in the window is a percentage
    assert edit.new == Decimal("0.00015")  # type: ignore[attr-defined]
    assert document.set_rate("leads", "0.015%")
    assert document.plan.metrics["leads"].rate == Decimal("0.00015")
    assert 'rate = "0.015%"' in document.plan_file.dumps()


def test_a_pasted_rate_keeps_every_digit(document):
    assert document.paste_cells([("negotiations", "rate", "28.575%"), ("nurtured", "rate", "0.005")])
    text = document.plan_file.dumps()
    assert 'rate = "28.575%"  # close rate' in text and 'rate = "0.005%"' in text


def test_a_kind_change_the_target_does_not_fit_is_refused_in_the_window(document):
    refused: list[str] = []
    document.editRefused.connect(refused.append)
    assert document.set_target("unit_price", "2.5")
    before, steps = document.plan_file.dumps(), document.undo_stack.count()
    assert not document.set_field("unit_price", "kind", "count")
    assert refused == ["Average unit price, kind count: refused, because its target is 2.5 and a count must be a "
                       "whole number"]
    assert document.plan_file.dumps() == before and document.undo_stack.count() == steps


def test_a_share_of_zero_is_refused_in_a_paste(document):
    refused: list[str] = []
    document.editRefused.connect(refused.append)
    assert not document.paste_cells([("web_orders", "share", "0")])
    assert "a share of 0 % is refused" in refused[-1]


def test_undo_of_allow_negative_goes_back_through_valid_states(qapp):
    plan = planfile.load(paths.templates()["btob-web"]).plan
    stack = QUndoStack()
    stack.push(make_command(plan, SetField("sales", "allow_negative", True), "Allow negative"))
    stack.push(make_command(plan, SetField("sales", "target", Decimal(-5)), "Set target"))
    assert plan.metrics["sales"].target == -5
    stack.undo()
    stack.undo()
    assert plan.metrics["sales"].allow_negative is False and plan.metrics["sales"].target == 1_000_000_000
    stack.redo()
    stack.redo()
    assert plan.metrics["sales"].target == -5


# ---- the real tree --------------------------------------------------------------------------------------
def test_typing_a_rate_in_the_tree_writes_it_as_typed(qtbot, sample_window):
    window = sample_window
    model: PlanTreeModel = window.tree.model()
    index = model.index_of(window.document.metric("leads"), Column.EDGE)
    assert model.setData(index, "0.015%")
    shown = model.data(index, Qt.ItemDataRole.EditRole)  # the edit field holds every digit, never "0.02%"
    assert parse_rate(shown) == Decimal("0.00015")
    assert 'rate = "0.015%"' in window.document.plan_file.dumps()
