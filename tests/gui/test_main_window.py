"""The window end to end: typing in the tree, keyboard edits, undo, files and errors."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from kpidesk import planfile
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.tree_model import Column


class FunnelRecorder:
    """Stands in for the funnel graph: records what the window shows in it."""

    def __init__(self) -> None:
        self.calls = []

    def show_stages(self, stages, selected_id, tracking=None, bottleneck_id=None):
        self.calls.append(([(s.metric.id, s.target) for s in stages], selected_id))


@pytest.fixture
def window(sample_window):
    sample_window.funnel = FunnelRecorder()  # the window only calls show_stages on it
    return sample_window


def index(win, metric_id, column=0):
    return win.model.index_of(win.document.plan.metrics[metric_id], column)


def cell(win, metric_id, column):
    return win.model.data(index(win, metric_id, column))


def type_into_cell(qtbot, win, metric_id, column, text):
    """Open the view's editor on the cell, put ``text`` in it and press Enter."""
    target = index(win, metric_id, column)
    win.tree.setCurrentIndex(target)
    win.tree.edit(target)
    editor = win.tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.setText(text)
    commit(qtbot, win, editor)


def commit(qtbot, win, editor):
    """Enter in an editor commits through a queued call: wait until the editor is gone."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.tree.state() != win.tree.State.EditingState, timeout=2000)


def test_typing_a_rate_changes_targets_and_funnel_and_undo_restores(qtbot, window):
    funnel = window.funnel
    type_into_cell(qtbot, window, "negotiations", Column.EDGE, "40")
    assert cell(window, "negotiations", Column.EDGE) == "40%"
    assert cell(window, "negotiations", Column.TARGET) == "50"
    assert cell(window, "visits", Column.TARGET) == "2,000"
    stages, selected = funnel.calls[-1]
    assert dict(stages)["visits"] == 2000 and selected == "nurtured"  # Enter moved the cursor down
    shown = len(funnel.calls)
    assert window.isWindowModified()
    assert window.edits.undo.text() == "&Undo Set rate of Negotiations"
    window.edits.undo.trigger()
    assert len(funnel.calls) == shown + 1, "the funnel is told once per action"
    assert cell(window, "visits", Column.TARGET) == "1,600"
    assert dict(funnel.calls[-1][0])["visits"] == 1600
    assert not window.isWindowModified()


def test_bad_text_in_a_cell_is_refused_with_a_message(qtbot, window):
    type_into_cell(qtbot, window, "visits", Column.TARGET, "many")
    assert "many" in window.statusBar().currentMessage()
    assert cell(window, "visits", Column.TARGET) == "1,600"
    assert window.document.undo_stack.count() == 0


def test_add_rename_move_and_delete_by_keyboard(qtbot, window, monkeypatch):
    tree, plan = window.tree, window.document.plan
    window.select("sales")
    qtbot.keyClick(tree, Qt.Key.Key_Insert)  # add a child, its name open for editing
    new_id = window.current_id()
    assert plan.metrics[new_id].parent.id == "sales"
    editor = tree.viewport().findChild(QLineEdit)
    editor.setText("広告費")
    commit(qtbot, window, editor)
    assert cell(window, new_id, Column.NAME) == "広告費"
    window.select(new_id)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [m.id for m in plan.metrics["sales"].children] == ["orders", new_id, "unit_price"]
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tree, Qt.Key.Key_Right, alt_shift)  # indent under orders
    assert plan.metrics[new_id].parent.id == "orders"
    qtbot.keyClick(tree, Qt.Key.Key_Left, alt_shift)
    assert plan.metrics[new_id].parent.id == "sales" and plan.metrics[new_id].row == 1
    qtbot.keyClick(tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # a sibling below
    sibling = window.current_id()
    assert plan.metrics[sibling].parent.id == "sales" and plan.metrics[sibling].row == 2
    editor = next(e for e in tree.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # untouched: taken back
    assert sibling not in plan.metrics and window.current_id() == new_id
    qtbot.keyClick(tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # nothing given: no question
    assert new_id not in plan.metrics
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    window.select("nurtured")
    qtbot.keyClick(tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "nurtured" in plan.metrics and "Nurtured leads" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "nurtured" not in plan.metrics and "visits" not in plan.metrics
    count = window.document.undo_stack.count()
    for _ in range(count):
        window.edits.undo.trigger()
    assert [m.id for m in plan.walk()] == ["sales", "orders", "web_orders", "negotiations", "nurtured", "leads",
                                           "visits", "unit_price"]


def test_save_and_reopen_gives_the_same_plan(qtbot, window, tmp_path):
    window.document.set_rate("negotiations", "40")
    window.document.set_field("leads", "notes", "資料請求とメルマガ登録")
    path = tmp_path / "plan.toml"
    window.document.save_as(path)
    assert not window.isWindowModified() and "plan.toml" in window.windowTitle()
    reopened = planfile.load(path).plan
    original = window.document.plan
    assert [(m.id, m.parent.id if m.parent else None, m.computed.target, m.rate, m.notes) for m in reopened.walk()] \
        == [(m.id, m.parent.id if m.parent else None, m.computed.target, m.rate, m.notes) for m in original.walk()]
    assert window.open_file(path)
    assert window.document.plan.metrics["leads"].notes == "資料請求とメルマガ登録"


def test_a_broken_file_shows_the_error_and_keeps_the_plan(qtbot, window, tmp_path, monkeypatch):
    window.document.set_rate("negotiations", "40")
    broken = tmp_path / "broken.toml"
    broken.write_text('[plan]\ntitle = "x"\n\n[[metric]]\nid = "a"\nname = \n', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert not window.files.open_file(broken, ask=False)
    assert f"{broken}:6:" in shown[0]
    assert window.document.plan.metrics["negotiations"].rate == planfile.loads(
        "[[metric]]\nid='x'\nname='x'\nrate='40%'\n").plan.metrics["x"].rate
    assert window.document.undo_stack.count() == 1


def test_close_asks_about_unsaved_changes(qtbot, window, monkeypatch):
    window.document.rename("sales", "売上")
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: answers.pop())
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_detail_panel_typing_is_one_undo_step(qtbot, window):
    window.select("leads")
    owner = window.detail.fields["owner"]
    for text in ("コ", "コン", "コンテンツ班"):
        owner.setText(text)
        owner.textEdited.emit(text)
        window.detail.commit()
    assert window.document.plan.metrics["leads"].owner == "コンテンツ班"
    assert window.document.undo_stack.count() == 1
    window.edits.undo.trigger()
    assert window.document.plan.metrics["leads"].owner == "Content team"
    assert owner.text() == "Content team"


def test_detail_panel_shows_the_start_of_a_long_data_source(qtbot, window):
    window.select("web_orders")
    source = window.detail.fields["source"]
    long_source = window.document.plan.metrics["web_orders"].source
    assert len(long_source) > 20 and source.text() == long_source
    assert source.cursorPosition() == 0 and source.toolTip() == long_source


def test_choosing_lower_is_better_turns_progress_round_and_undoes_in_one_step(qtbot, window):
    window.document.set_actual("visits", "1250")
    assert cell(window, "visits", Column.PROGRESS) == "78.13%"  # 1,250 of 1,600 = 78.125 %, half up
    window.select("visits")
    aim = window.detail.fields["better"]
    steps = window.document.undo_stack.count()
    aim.setCurrentIndex(aim.findData("lower"))
    aim.activated.emit(aim.currentIndex())
    assert window.document.plan.metrics["visits"].better.value == "lower"
    assert cell(window, "visits", Column.PROGRESS) == "128%"  # 1,600 / 1,250: better than planned
    assert window.document.undo_stack.count() == steps + 1
    window.edits.undo.trigger()
    assert cell(window, "visits", Column.PROGRESS) == "78.13%"
    assert aim.currentData() == "higher"


def test_status_bar_counts_errors_and_warnings_in_words(qtbot, window):
    assert window.finding_count.text() == "No findings"
    window.document.set_target("visits", "1,000")  # the goal and the sales miss: two errors; visits too low: a warning
    assert window.finding_count.text() == "2 errors, 1 warning"
    assert window.consistency.text().startswith("Not consistent")
    window.document.set_target("visits", "1,600")
    assert window.finding_count.text() == "No findings"


def test_the_finding_count_tooltip_is_made_when_it_shows(qtbot, window):
    window.document.set_target("visits", "1,000")
    assert window.finding_count.toolTip() == ""  # not made after the action
    label = window.finding_count
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), label.mapToGlobal(QPoint(2, 2))))
    lines = label.toolTip().split("\n")
    assert len(lines) == 3 and lines == window.findings_tooltip().split("\n")
    assert lines[0].startswith("error: ") and "1,000 visits" in label.toolTip()


def test_derived_values_show_at_most_two_decimals(qtbot, window):
    window.document.new("inbound")
    assert window.document.plan.metrics["visits_per_article"].computed.target != round(
        window.document.plan.metrics["visits_per_article"].computed.target, 2)  # 117,334 / 120
    assert cell(window, "visits_per_article", Column.TARGET) == "977.78"
    assert cell(window, "organic_cvr", Column.TARGET) == "1.5%"


def test_a_dropped_plan_file_opens(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.toml"
    path.write_text('[plan]\ntitle = "Dropped"\n\n[[metric]]\nid = "a"\nname = "A"\n', encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == Path(path))
    assert [m.name for m in window.document.plan.walk()] == ["A"]


def test_dark_theme_is_remembered_and_mutes_derived_values(qtbot, window):
    from kpidesk.gui.settings import settings

    light_muted = window.model.muted.name()
    window.set_theme("dark")
    try:
        assert settings().value("theme") == "dark"
        assert window.model.muted.name() != light_muted
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 100
    finally:
        window.set_theme("light")


def test_new_from_a_template_or_empty(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: (items[0], True))
    assert window.files.new_plan()
    assert [m.name for m in window.document.plan.walk()] == ["Goal"]
    assert window.document.path is None and not window.isWindowModified()
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: (items[1], True))
    assert window.files.new_plan()
    assert "web_orders" in window.document.plan.metrics


def test_revert_drops_unsaved_changes(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "plan.toml"
    window.document.save_as(path)
    window.document.set_target("visits", "3000")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.files.revert()
    assert window.document.plan.metrics["visits"].target is None
    assert not window.isWindowModified() and window.document.undo_stack.count() == 0


def test_column_widths_and_splitter_are_remembered(qtbot, window):
    window.tree.setColumnWidth(Column.UNIT, 151)
    window.splitter.setSizes([500, 700])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.size() == window.size()
    assert again.tree.columnWidth(Column.UNIT) == 151
    assert again.splitter.sizes() == sizes
