"""The tool bar: the menus' own actions, never a blank button, room for the tree on a small screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolButton

from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.tree_model import Column

Key, Mod = Qt.Key, Qt.KeyboardModifier


def button(win, action) -> QToolButton:
    widget = win.tool_bar.widgetForAction(action)
    assert isinstance(widget, QToolButton), f"{action.text()} has no button"
    return widget


def go(qtbot, win, metric_id):
    order = [m.id for m in win.document.plan.walk()]
    while win.current_id() != metric_id:
        down = order.index(metric_id) > order.index(win.current_id())
        qtbot.keyClick(win.tree, Key.Key_Down if down else Key.Key_Up)


def test_the_buttons_are_the_menus_own_actions(window):
    edits, files = window.edits, window.files
    wanted = [files.new_action, files.open_action, files.save_action, edits.undo, edits.redo, edits.add_child,
              edits.add_sibling, edits.delete, edits.solve, window.print_actions.print_action]
    shown = [a for a in window.tool_bar.actions() if not a.isSeparator()]
    assert shown == wanted
    in_menus = {a for menu in (window.file_menu, window.edit_menu) for a in menu.actions()}
    assert all(action in in_menus for action in wanted), "a tool bar button is its menu entry, not a copy"


def test_no_button_is_blank_even_without_an_icon_theme(window):
    """Every icon has enough pixels that stand out from the tool bar (a white sheet on a light bar does not)."""
    background = window.tool_bar.palette().color(window.tool_bar.backgroundRole()).lightness()
    for action in window.tool_bar.actions():
        if action.isSeparator():
            continue
        image = button(window, action).icon().pixmap(22, 22).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
        seen = sum(1 for p in pixels if p.alpha() > 128 and abs(p.lightness() - background) > 60)
        assert seen > 25, f"the icon of {action.text()} hardly shows ({seen} pixels)"


def test_buttons_are_enabled_as_their_menu_entries(qtbot, window):
    solve, undo = window.edits.solve, window.edits.undo
    go(qtbot, window, "sales")  # the top of the tree has no rate to solve
    assert not solve.isEnabled() and not button(window, solve).isEnabled()
    go(qtbot, window, "negotiations")
    assert solve.isEnabled() and button(window, solve).isEnabled()
    assert not button(window, undo).isEnabled()
    qtbot.keyClick(window.tree, Key.Key_Right)  # the rate cell
    qtbot.keyClick(window.tree, Key.Key_Right)
    qtbot.keyClick(window.tree, Key.Key_Right)
    assert window.tree.currentIndex().column() == Column.EDGE
    qtbot.keyClicks(window.tree, "4")
    editor = window.tree.focusWidget()
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.waitUntil(lambda: window.tree.state() != window.tree.State.EditingState)
    assert button(window, undo).isEnabled()
    assert button(window, undo).toolTip() == "Undo Set rate of Negotiations (Ctrl+Z)", "says what it undoes"


def test_a_click_on_a_button_does_what_the_menu_does(qtbot, window):
    go(qtbot, window, "unit_price")
    qtbot.mouseClick(button(window, window.edits.add_child), Qt.MouseButton.LeftButton)
    new_id = window.current_id()
    assert window.document.plan.metrics[new_id].parent.id == "unit_price"
    qtbot.keyClick(window.tree.focusWidget(), Key.Key_Escape)  # an untouched new row is taken back
    qtbot.waitUntil(lambda: new_id not in window.document.plan.metrics)


def test_tool_tips_name_the_shortcut(window):
    assert button(window, window.files.save_action).toolTip() == "Save (Ctrl+S)"
    assert button(window, window.edits.delete).toolTip() == "Delete Metric (Ctrl+Del)"
    assert button(window, window.edits.solve).toolTip().startswith("Solve This Rate\nGoal seek")


@pytest.mark.parametrize("width", [1024, 1366])
def test_icons_only_and_narrow_enough_for_a_small_screen(qtbot, window, width):
    window.resize(width, 600)
    qtbot.waitUntil(lambda: window.width() == width)
    bar = window.tool_bar
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert bar.sizeHint().width() < 1024 // 2
    assert all(b.isVisible() for a in bar.actions() if not a.isSeparator() for b in [button(window, a)]), \
        "no button is pushed into the overflow menu"


def test_the_tool_bar_stays_hidden_or_moved_when_the_window_opens_again(qtbot, window):
    window.tool_bar.toggleViewAction().trigger()  # View > Tool Bar
    assert window.tool_bar.isHidden()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.tool_bar.isHidden() and not again.tool_bar.toggleViewAction().isChecked()
    again.tool_bar.show()
    again.addToolBar(Qt.ToolBarArea.LeftToolBarArea, again.tool_bar)
    again.close()
    third = MainWindow()
    qtbot.addWidget(third)
    third.show()
    assert third.toolBarArea(third.tool_bar) == Qt.ToolBarArea.LeftToolBarArea and third.tool_bar.isVisible()
