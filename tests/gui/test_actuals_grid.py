"""View > Actuals by Period: typing, Del and a paste from a spreadsheet, each one undo step; a bad cell refuses
the whole paste, naming the metric, the month and the value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from kpidesk.gui.tree_model import Column


@pytest.fixture
def window(sample_window, tracked_plan_path):
    sample_window.tracking.today = lambda: dt.date(2026, 6, 15)
    sample_window.document.open(tracked_plan_path)
    sample_window.tracking.set_month("2026-06")
    sample_window.progress.grid_action.trigger()  # View > Actuals by Period
    assert sample_window.progress.dock.isVisible()
    return sample_window


def grid(win):
    return win.progress.grid


def go_to(win, metric_id: str, month: str):
    """Make the cell of ``metric_id`` and ``month`` current, the keyboard in the grid."""
    model, table = grid(win).model, grid(win).table
    row = next(r for r, m in enumerate(model.metrics) if m.id == metric_id)
    column = next(c for c, p in enumerate(model.months) if p.key == month)
    table.setFocus()
    table.setCurrentIndex(model.index(row, column))
    return model.index(row, column)


def type_text(qtbot, win, text):
    """Type as a person does: the first key opens the cell's editor, the others go to it; Enter commits."""
    table = grid(win).table

    def open_editor():
        return next((e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()), None)

    for char in text:
        qtbot.keyClicks(open_editor() if table.state() == table.State.EditingState else table, char)
    line = open_editor()
    assert line is not None and line.text() == text
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)  # a queued commit


def actuals(win, *ids):
    return {i: dict(win.document.plan.metrics[i].actuals) for i in ids}


def test_the_grid_has_a_row_per_metric_and_the_plans_months(window):
    model = grid(window).model
    assert [m.id for m in model.metrics] == [m.id for m in window.document.plan.walk()]
    assert [p.key for p in model.months] == [f"2026-{n:02d}" for n in range(4, 13)] + ["2027-01", "2027-02",
                                                                                       "2027-03"]
    index = go_to(window, "visits", "2026-05")
    assert model.data(index) == "120"


def test_pasting_a_block_sets_six_actuals_in_one_undo_step_and_undo_restores(window):
    ids = ("web_orders", "negotiations", "nurtured")
    before = actuals(window, *ids)
    stack = window.document.undo_stack
    steps = stack.count()
    go_to(window, "web_orders", "2026-07")
    QGuiApplication.clipboard().setText("2\t1\n4\t3\n8\t7\n")  # three rows of two cells, as a spreadsheet copies
    QTest.keyClick(grid(window).table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    after = actuals(window, *ids)
    assert {k: after[k]["2026-07"] for k in ids} == {"web_orders": 2, "negotiations": 4, "nurtured": 8}
    assert {k: after[k]["2026-08"] for k in ids} == {"web_orders": 1, "negotiations": 3, "nurtured": 7}
    assert stack.count() == steps + 1
    assert stack.undoText() == "Paste actuals into 6 cells"
    window.tracking.set_month("2026-08")  # the columns count them
    model = window.model
    assert model.data(model.index_of(window.document.metric("web_orders"), Column.ACTUAL)) == "6"
    window.edits.undo.trigger()
    assert actuals(window, *ids) == before
    assert model.data(model.index_of(window.document.metric("web_orders"), Column.ACTUAL)) == "3"


@pytest.mark.parametrize(("block", "named"), [
    ("2\t1\n4\tx\n8\t7", ("Negotiations", "2026-08", "x", "not a number")),
    ("2\t1\n4\t3\n8\t2.5", ("Nurtured leads", "2026-08", "2.5", "whole number")),
    ("2\t1\n-4\t3\n8\t7", ("Negotiations", "2026-07", "-4", "negative")),
])
def test_a_bad_cell_refuses_the_whole_paste_and_says_where(window, block, named):
    ids = ("web_orders", "negotiations", "nurtured")
    before = actuals(window, *ids)
    steps = window.document.undo_stack.count()
    go_to(window, "web_orders", "2026-07")
    QGuiApplication.clipboard().setText(block)
    QTest.keyClick(grid(window).table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert actuals(window, *ids) == before
    assert window.document.undo_stack.count() == steps
    message = grid(window).last_refusal
    assert message.startswith("Nothing was pasted.")
    for part in named:
        assert part in message
    assert grid(window).message.isVisibleTo(grid(window))


def test_a_block_that_runs_off_the_grid_changes_nothing(window):
    before = actuals(window, "visits")
    go_to(window, "visits", "2027-03")
    QGuiApplication.clipboard().setText("1\t2\n3\t4")
    QTest.keyClick(grid(window).table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert actuals(window, "visits") == before
    assert "2 rows of 2 cells" in grid(window).last_refusal


def test_typing_a_number_and_del_are_one_step_each(window, qtbot):
    stack = window.document.undo_stack
    steps = stack.count()
    go_to(window, "leads", "2026-07")
    type_text(qtbot, window, "1,500")
    assert window.document.metric("leads").actuals["2026-07"] == Decimal(1500)
    assert stack.count() == steps + 1 and stack.undoText() == "Set actual of Leads for 2026-07"
    table = grid(window).table
    table.setFocus()
    go_to(window, "leads", "2026-05")
    table.selectionModel().select(grid(window).model.index(table.currentIndex().row(), table.currentIndex().column()
                                                           + 2), table.selectionModel().SelectionFlag.Select)
    QTest.keyClick(table, Qt.Key.Key_Delete)  # May and July
    assert window.document.metric("leads").actuals == {"2026-04": 12, "2026-06": 12}
    assert stack.count() == steps + 2 and stack.undoText() == "Clear 2 actuals"
    go_to(window, "leads", "2026-08")
    type_text(qtbot, window, "abc")
    assert stack.count() == steps + 2
    assert "Leads, 2026-08" in grid(window).last_refusal and "abc" in grid(window).last_refusal


def test_copy_gives_the_block_as_a_spreadsheet_reads_it(window):
    table = grid(window).table
    start = go_to(window, "negotiations", "2026-04")
    model = grid(window).model
    table.selectionModel().select(QItemSelection(start, model.index(start.row() + 1, start.column() + 1)),
                                  table.selectionModel().SelectionFlag.ClearAndSelect)
    QTest.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "3\t3\n6\t6\n"


def test_a_month_kept_by_week_is_shown_summed_and_read_only(window):
    window.document.set_actuals("visits", {"2026-W28": Decimal(40), "2026-W29": Decimal(35)})
    model = grid(window).model
    index = go_to(window, "visits", "2026-07")
    assert model.data(index) == "75"
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert "2026-W28" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_carry_in_months_come_before_the_plan_for_a_lagged_stage(window, qtbot):
    window.document.set_field("negotiations", "lag", 2)
    keys = [p.key for p in grid(window).model.months]
    assert keys[:3] == ["2026-02", "2026-03", "2026-04"]
    go_to(window, "negotiations", "2026-03")
    type_text(qtbot, window, "4")
    assert window.document.metric("negotiations").actuals["2026-03"] == 4


def test_a_hidden_grid_does_no_work_and_catches_up_when_shown(window):
    window.progress.dock.hide()
    model = grid(window).model
    window.document.set_actuals("web_orders", {"2026-09": Decimal(5)})
    assert not model.active
    window.progress.dock.show()
    index = go_to(window, "web_orders", "2026-09")
    assert model.data(index) == "5"


def test_a_block_over_several_metrics_is_one_document_step_all_or_none(qapp):
    from kpidesk.gui.document import Document

    document = Document()
    document.new("btob-web")
    plan = document.plan
    assert document.set_actuals_block({"leads": {"2026-04": Decimal(10)}, "visits": {"2026-04": Decimal(130)}},
                                      "Paste")
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Paste"
    assert not document.set_actuals_block({"leads": {"2026-05": Decimal(11)}, "visits": {"2026-05": Decimal("2.5")}},
                                          "Paste")
    assert plan.metrics["leads"].actuals == {"2026-04": 10} and document.undo_stack.count() == 1
    assert document.set_actuals_block({"leads": {"2026-04": None}}, "Clear")
    assert plan.metrics["leads"].actuals == {}
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert plan.metrics["leads"].actuals == {} and plan.metrics["visits"].actuals == {}
