"""Ctrl+F finds a metric by part of its name or id, driven by keys on the tree and in the find bar.

Keys go where Qt sends them: to the list of matches while it is open (it hands them to the field), else to
the focused widget.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from kpidesk.gui.find_bar import matches
from kpidesk.gui.tree_model import Column

Key, Mod = Qt.Key, Qt.KeyboardModifier


def target():
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def press(qtbot, key, modifier=Mod.NoModifier):
    qtbot.keyClick(target(), key, modifier)


def type_in(qtbot, text):
    for char in text:
        qtbot.keyClicks(target(), char)


def at(win):
    index = win.tree.currentIndex()
    metric = win.model.metric(index)
    return (metric.id if metric else None, Column(index.column()))


def test_ctrl_f_typing_part_of_a_name_and_enter_put_the_cursor_on_it(qtbot, window):
    bar = window.find_bar
    assert not bar.isVisible()
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    type_in(qtbot, "VISI")  # any case
    assert bar.status.text() == "1 match"
    press(qtbot, Key.Key_Return)
    assert at(window) == ("visits", Column.NAME)
    assert window.detail.title.text() == "Visits", "the details follow the cursor"
    assert bar.field.hasFocus(), "Enter again goes on to the next match"


def test_enter_and_f3_go_on_to_the_next_match_and_shift_back(qtbot, window):
    bar = window.find_bar
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    type_in(qtbot, "lead")  # Nurtured leads, Leads (in the tree's order, after the KGI where the cursor is)
    assert bar.status.text() == "2 matches"
    press(qtbot, Key.Key_Return)
    assert at(window) == ("nurtured", Column.NAME) and bar.status.text() == "1 of 2"
    press(qtbot, Key.Key_Return)
    assert at(window) == ("leads", Column.NAME) and bar.status.text() == "2 of 2"
    press(qtbot, Key.Key_F3)
    assert at(window) == ("nurtured", Column.NAME), "after the last match the first"
    press(qtbot, Key.Key_F3, Mod.ShiftModifier)
    assert at(window) == ("leads", Column.NAME)
    press(qtbot, Key.Key_Return, Mod.ShiftModifier)
    assert at(window) == ("nurtured", Column.NAME)


def test_esc_closes_the_bar_and_f3_in_the_tree_finds_again(qtbot, window):
    bar = window.find_bar
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    type_in(qtbot, "orders")
    press(qtbot, Key.Key_Escape)  # the list of matches closes first
    assert bar.isVisible()
    press(qtbot, Key.Key_Return)
    assert at(window) == ("web_orders", Column.NAME), "the current row counts when it matches"
    press(qtbot, Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is window.tree
    qtbot.keyClick(window.tree, Key.Key_F3)
    assert at(window) == ("orders", Column.NAME)
    qtbot.keyClick(window.tree, Key.Key_Down)  # the keyboard is in the tree
    assert at(window) == ("web_orders", Column.NAME)


def test_the_cursor_lands_on_the_name_and_folded_rows_open(qtbot, window):
    window.tree.collapseAll()
    qtbot.keyClick(window.tree, Key.Key_End)  # the cursor in the last column, on the KGI folded away
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    type_in(qtbot, "isit")
    press(qtbot, Key.Key_Return)
    assert at(window) == ("visits", Column.NAME)
    visits = window.model.index_of(window.document.plan.metrics["visits"])
    assert all(window.tree.isExpanded(window.model.index_of(m)) for m in window.document.plan.metrics["visits"]
               .ancestors())
    assert window.tree.visualRect(visits).intersects(window.tree.viewport().rect()), "scrolled into view"


def test_a_japanese_name_and_an_id_match(qtbot, window):
    window.document.rename("unit_price", "平均受注単価")
    bar = window.find_bar
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    typed = QInputMethodEvent()  # Japanese comes through the input method
    typed.setCommitString("受注")
    QApplication.sendEvent(bar.field, typed)
    assert bar.status.text() == "1 match"
    press(qtbot, Key.Key_Return)
    assert at(window) == ("unit_price", Column.NAME)
    press(qtbot, Key.Key_A, Mod.ControlModifier)
    type_in(qtbot, "web_ord")  # an id
    press(qtbot, Key.Key_Return)
    assert at(window) == ("web_orders", Column.NAME)


def test_choosing_from_the_list_of_matches(qtbot, window):
    bar = window.find_bar
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    type_in(qtbot, "ord")
    popup = bar.completer.popup()
    assert popup.isVisible()
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert shown == ["Orders (orders)", "Web orders (web_orders)"]
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    assert at(window) == ("web_orders", Column.NAME) and bar.field.text() == "Web orders"
    assert not popup.isVisible()


def test_no_match_is_said_and_moves_nothing(qtbot, window):
    bar = window.find_bar
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    type_in(qtbot, "zzz")
    press(qtbot, Key.Key_Return)
    assert bar.status.text() == "No metric matches" and at(window) == ("web_orders", Column.NAME)


def test_the_list_follows_renames(qtbot, window):
    bar = window.find_bar
    qtbot.keyClick(window.tree, Key.Key_F, Mod.ControlModifier)
    window.document.rename("visits", "Sessions")
    type_in(qtbot, "sess")
    assert bar.status.text() == "1 match" and bar.completer.completionCount() == 1


def test_find_is_in_the_edit_menu_with_its_keys(window):
    from PySide6.QtGui import QKeySequence

    menu = window.edit_menu.actions()
    assert window.find_action in menu and window.find_next_action in menu and window.find_previous_action in menu
    assert QKeySequence("Ctrl+F") in window.find_action.shortcuts()
    assert QKeySequence("F3") in window.find_next_action.shortcuts()
    assert QKeySequence("Shift+F3") in window.find_previous_action.shortcuts()


def test_matching_ignores_case_and_finds_parts():
    class M:
        def __init__(self, metric_id, name):
            self.id, self.name = metric_id, name

    metrics = [M("sales", "Sales"), M("metric_2", "広告費"), M("cpa", "CPA")]
    assert [m.id for m in matches(metrics, "A")] == ["sales", "cpa"]
    assert [m.id for m in matches(metrics, "告")] == ["metric_2"]
    assert [m.id for m in matches(metrics, "METRIC")] == ["metric_2"]
    assert matches(metrics, "  ") == []
