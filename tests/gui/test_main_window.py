"""The window end to end: typing in the tree, keyboard edits, undo, files and errors.

Cells are reached with the mouse and typed into with keys; Japanese text arrives as an input method's commit,
as it does from a planner's IME; questions are the real message boxes, answered by clicking their buttons.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QInputMethodEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

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


def click_cell(qtbot, win, metric_id, column=Column.NAME):
    """Click the middle of a cell, as a planner picks it with the mouse."""
    rect = win.tree.visualRect(index(win, metric_id, column))
    qtbot.mouseClick(win.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.tree.currentIndex() == index(win, metric_id, column)


def editor_of(win):
    editors = [e for e in win.tree.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "one cell is being edited"
    return editors[0]


def type_into_cell(qtbot, win, metric_id, column, text):
    """Click the cell, type ``text`` over it (the first key opens the editor) and press Enter."""
    click_cell(qtbot, win, metric_id, column)
    qtbot.keyClicks(win.tree, text[0])
    editor = editor_of(win)
    qtbot.keyClicks(editor, text[1:])
    assert editor.text() == text
    commit(qtbot, win, editor)


def input_method_commit(widget, text):
    """Text as a Japanese input method hands it over when the planner confirms a conversion."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


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


def test_add_rename_move_and_delete_by_keyboard(qtbot, modal, window):
    tree, plan = window.tree, window.document.plan
    click_cell(qtbot, window, "sales")
    qtbot.keyClick(tree, Qt.Key.Key_Insert)  # add a child, its name open for editing
    new_id = window.current_id()
    assert plan.metrics[new_id].parent.id == "sales"
    editor = editor_of(window)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    input_method_commit(editor, "広告費")
    assert editor.text() == "広告費"
    commit(qtbot, window, editor)
    assert cell(window, new_id, Column.NAME) == "広告費"
    click_cell(qtbot, window, new_id)
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
    qtbot.keyClick(editor_of(window), Qt.Key.Key_Escape)  # untouched: taken back
    assert sibling not in plan.metrics and window.current_id() == new_id
    qtbot.keyClick(tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)  # nothing given: no question
    assert new_id not in plan.metrics
    asked = modal.answer(modal.click("No"))
    click_cell(qtbot, window, "nurtured")
    qtbot.keyClick(tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "nurtured" in plan.metrics and asked[0].title == "Delete Metric"
    assert asked[0].text.startswith("Delete Nurtured leads and the 2 metrics below it (Leads, Visits)?")
    modal.answer(modal.click("Yes"))
    qtbot.keyClick(tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "nurtured" not in plan.metrics and "visits" not in plan.metrics
    assert len(asked) == 2
    count = window.document.undo_stack.count()
    for _ in range(count):
        qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
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


def test_a_broken_file_shows_the_error_and_keeps_the_plan(qtbot, modal, window, tmp_path):
    window.document.set_rate("negotiations", "40")
    broken = tmp_path / "broken.toml"
    broken.write_text('[plan]\ntitle = "x"\n\n[[metric]]\nid = "a"\nname = \n', encoding="utf-8")
    shown = modal.answer(modal.click("OK"))
    assert not window.files.open_file(broken, ask=False)  # what File > Open does with the file chosen
    assert shown[0].title == "Cannot open the plan" and f"{broken}:6:" in shown[0].text
    assert window.document.plan.metrics["negotiations"].rate == Decimal("0.4")
    assert window.document.undo_stack.count() == 1


def test_close_asks_about_unsaved_changes(qtbot, modal, window):
    window.document.rename("sales", "売上")
    asked = modal.answer(modal.click("Cancel"))
    assert not window.close()
    assert window.isVisible() and asked[0].title == "Unsaved changes"
    assert asked[0].text == "Save the changes to Untitled?" and set(asked[0].buttons) == {"Save", "Discard", "Cancel"}
    modal.answer(modal.click("Discard"))
    assert window.close()
    assert not window.isVisible() and len(asked) == 2


def test_detail_panel_typing_is_one_undo_step(qtbot, window):
    click_cell(qtbot, window, "leads")
    owner = window.detail.fields["owner"]
    qtbot.keyClick(window.tree, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # O&wner: the label's key
    assert QApplication.focusWidget() is owner
    qtbot.keyClick(owner, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(owner, "Web")
    # the panel commits after a pause in the typing: once here, and once more when the field is left
    qtbot.waitUntil(lambda: window.document.plan.metrics["leads"].owner == "Web", timeout=3000)
    input_method_commit(owner, "チーム")
    qtbot.keyClick(owner, Qt.Key.Key_Tab)  # leaving the field commits the rest
    assert window.document.plan.metrics["leads"].owner == "Webチーム"
    assert window.document.undo_stack.count() == 1
    click_cell(qtbot, window, "leads")
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.metrics["leads"].owner == "Content team"
    assert owner.text() == "Content team"


def test_detail_panel_shows_the_start_of_a_long_data_source(qtbot, window):
    click_cell(qtbot, window, "web_orders")
    source = window.detail.fields["source"]
    long_source = window.document.plan.metrics["web_orders"].source
    assert len(long_source) > 20 and source.text() == long_source
    assert source.cursorPosition() == 0 and source.toolTip() == long_source


def test_choosing_lower_is_better_turns_progress_round_and_undoes_in_one_step(qtbot, window):
    window.document.set_actual("visits", "1250")
    assert cell(window, "visits", Column.PROGRESS) == "78.13%"  # 1,250 of 1,600 = 78.125 %, half up
    click_cell(qtbot, window, "visits")
    aim = window.detail.fields["better"]
    assert isinstance(aim, QComboBox) and aim.currentText() == "higher is better"
    steps = window.document.undo_stack.count()
    qtbot.keyClick(window.tree, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Aim: the label's key
    assert QApplication.focusWidget() is aim
    qtbot.keyClick(aim, Qt.Key.Key_Down)  # the next choice, as the arrow keys choose in a closed list
    assert aim.currentText() == "lower is better (costs)"
    assert window.document.plan.metrics["visits"].better.value == "lower"
    assert cell(window, "visits", Column.PROGRESS) == "128%"  # 1,600 / 1,250: better than planned
    assert window.document.undo_stack.count() == steps + 1
    click_cell(qtbot, window, "visits")
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
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
    # 1,000 visits -> 100 leads -> 50 nurtured -> 25 negotiations -> 12 web orders (12.5, not reached), the web's
    # 20 % share of 60 orders x 10,000,000 JPY = 600,000,000 JPY of sales
    assert label.toolTip().split("\n") == [
        "error: If every KPI is met, Sales reaches 600,000,000 JPY, short of the goal 1,000,000,000 JPY "
        "(gap -400,000,000).",
        "error: If every KPI is met, Web orders reaches 12 orders, short of the goal 20 orders (gap -8).",
        "warning: The given target 1,000 visits is below the 1,600 visits that the goal needs at these rates "
        "(short by 600 visits).",
    ]


def test_derived_values_show_at_most_two_decimals(qtbot, window):
    window.document.new("inbound")
    assert window.document.plan.metrics["visits_per_article"].computed.target != round(
        window.document.plan.metrics["visits_per_article"].computed.target, 2)  # 117,334 / 120
    assert cell(window, "visits_per_article", Column.TARGET) == "977.78"
    assert cell(window, "organic_cvr", Column.TARGET) == "1.5%"


def test_a_dropped_plan_file_opens(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    path = tmp_path / "dropped.toml"
    path.write_text('[plan]\ntitle = "Dropped"\n\n[[metric]]\nid = "a"\nname = "A"\n', encoding="utf-8")
    data = QMimeData()  # what a file manager's drag carries
    data.setUrls([QUrl.fromLocalFile(str(path))])
    # The file comes from another program, so no drag of this process can carry it; and Qt's offscreen platform
    # ends every drag at once. The events a drop delivers go where the mouse is, over the tree: the tree refuses
    # them (no row of its own) and Qt passes them on to the window under it, which takes them.
    viewport, copy = window.tree.viewport(), Qt.DropAction.CopyAction
    point = viewport.rect().center()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter, drop = QDragEnterEvent(point, copy, data, left, none), QDropEvent(point.toPointF(), copy, data, left, none)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
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


def choose_in_list(*keys):
    """Answer a dialog with a list (QInputDialog): press ``keys`` in the list (it has the focus), then Enter."""
    def answer(dialog):
        box = dialog.findChild(QComboBox)
        assert QApplication.focusWidget() is box
        for key in keys:
            QTest.keyClick(box, key)
        QTest.keyClick(box, Qt.Key.Key_Return)
    return answer


def test_new_from_a_template_or_empty(qtbot, modal, window):
    # the list: "Empty plan", then the templates (btob-web, inbound, marketing-automation); the first template chosen
    asked = modal.answer(choose_in_list(Qt.Key.Key_Up))
    qtbot.keyClick(window.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked[0].title == "New Plan"
    assert [m.name for m in window.document.plan.walk()] == ["Goal"]
    assert window.document.path is None and not window.isWindowModified()
    modal.answer(choose_in_list(Qt.Key.Key_Down))  # the second template
    qtbot.keyClick(window.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "visits_per_article" in window.document.plan.metrics  # the inbound plan


def test_revert_drops_unsaved_changes(qtbot, modal, window, tmp_path):
    path = tmp_path / "plan.toml"
    window.document.save_as(path)
    window.document.set_target("visits", "3000")
    asked = modal.answer(modal.click("Yes"))
    window.files.revert_action.trigger()  # File > Revert to Saved
    assert asked[0].title == "Revert to Saved" and asked[0].text == "Drop every change since plan.toml was saved?"
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
