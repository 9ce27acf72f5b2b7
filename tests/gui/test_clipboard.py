"""Copy and paste: reading spreadsheet blocks, pasting as one all-or-nothing step, and the real tree's keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kpidesk.gui.clipboard import read_block, write_block
from kpidesk.gui.document import Document
from kpidesk.gui.tree_model import Column

CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=12)


@given(st.lists(st.lists(CELLS.map(str.strip), min_size=2, max_size=4), min_size=2, max_size=5)
       .filter(lambda rows: len({len(r) for r in rows}) == 1))
def test_a_block_survives_copy_and_paste(rows):
    assert read_block(write_block(rows)) == rows


def test_spreadsheet_text_is_read_as_rows_of_cells():
    assert read_block("1,600\n") == [["1,600"]]
    assert read_block("10%\t50%\r\n20%\t40%\r\n") == [["10%", "50%"], ["20%", "40%"]]
    assert read_block('"two\nlines"\tx\n') == [["two\nlines", "x"]]  # a quoted cell keeps its line break


@pytest.fixture
def document(qapp):
    doc = Document()
    doc.new("btob-web")
    return doc


def test_a_pasted_block_is_one_step(document):
    steps = document.undo_stack.count()
    assert document.paste_cells([("negotiations", "rate", "40"), ("nurtured", "rate", "25%")])
    plan = document.plan
    assert plan.metrics["visits"].computed.target == 4000  # 20 / 0.4 / 0.25 / 0.5 / 0.1
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Paste into 2 cells"
    document.undo_stack.undo()
    assert plan.metrics["visits"].computed.target == 1600


def test_one_bad_value_refuses_the_whole_block(document):
    before = document.plan_file.dumps()
    refused: list[str] = []
    document.editRefused.connect(refused.append)
    assert not document.paste_cells([("negotiations", "rate", "40"), ("leads", "target", "lots")])
    assert not document.paste_cells([("negotiations", "rate", "40"), ("leads", "rate", "150%")])
    assert document.plan_file.dumps() == before and not document.is_modified()
    assert refused[0].startswith("Nothing was pasted.") and "Leads, target" in refused[0]
    assert "Nothing was pasted." in refused[1] and "150" in refused[1]


@pytest.fixture
def window(sample_window):
    return sample_window


def focus_cell(qtbot, win, metric_id, column):
    index = win.model.index_of(win.document.plan.metrics[metric_id], column)
    win.tree.setCurrentIndex(index)
    win.tree.setFocus()
    qtbot.waitUntil(win.tree.hasFocus)


def test_ctrl_c_copies_a_cell_as_typed_and_ctrl_v_pastes_a_block_below(qtbot, window):
    focus_cell(qtbot, window, "sales", Column.TARGET)
    qtbot.keyClick(window.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "1,000,000,000"  # not "¥1,000,000,000"

    QGuiApplication.clipboard().setText("meetings\t40%\nMQLs\t25%\n")  # unit and rate of two stages
    focus_cell(qtbot, window, "negotiations", Column.UNIT)
    qtbot.keyClick(window.tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    metrics = window.document.plan.metrics
    assert str(metrics["negotiations"].rate) == "0.4" and str(metrics["nurtured"].rate) == "0.25"
    assert metrics["nurtured"].unit == "MQLs"
    assert window.model.data(window.model.index_of(metrics["visits"], Column.TARGET)) == "4,000"
    window.edits.undo.trigger()
    assert str(metrics["negotiations"].rate) == "0.5" and metrics["nurtured"].unit == "leads"


def test_pasting_into_a_calculated_column_or_past_the_last_row_changes_nothing(qtbot, window):
    before = window.document.plan_file.dumps()
    focus_cell(qtbot, window, "visits", Column.UNIT)  # unit, then the rate column, then...
    QGuiApplication.clipboard().setText("visits\t10%\t1600\n")  # ...the forecast, which is calculated
    qtbot.keyClick(window.tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "Forecast" in window.statusBar().currentMessage()
    focus_cell(qtbot, window, "unit_price", Column.TARGET)  # the last row
    QGuiApplication.clipboard().setText("1\n2\n")
    qtbot.keyClick(window.tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "2 rows" in window.statusBar().currentMessage()
    assert window.document.plan_file.dumps() == before and not window.document.is_modified()
