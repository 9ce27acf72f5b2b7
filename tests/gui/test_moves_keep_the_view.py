"""A moved metric's rows keep what the planner had made of them: the cursor, and which rows were folded.

The tree's rows are Qt items that a move takes out and puts back, so this is the view's doing, checked with
the real keys (Ctrl+Down moves the current metric, Ctrl+Z undoes)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kpidesk.gui.tree_model import Column


def index(window, metric_id, column=Column.NAME):
    return window.model.index_of(window.document.plan.metrics[metric_id], column)


def test_a_move_and_its_undo_keep_the_cursor_and_the_folded_rows(window):
    tree = window.tree
    tree.collapse(index(window, "nurtured"))  # a planner folded the funnel below Nurtured leads
    tree.setCurrentIndex(index(window, "orders", Column.TARGET))
    for keys in ((Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),  # Orders moves below the unit price
                 (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)):  # and back
        QTest.keyClick(tree, *keys)
        orders = window.document.plan.metrics["orders"]
        assert window.model.metric(tree.currentIndex()) is orders and tree.currentIndex().column() == Column.TARGET
        assert tree.selectionModel().isRowSelected(tree.currentIndex().row(), tree.currentIndex().parent())
        assert not tree.isExpanded(index(window, "nurtured"))  # still folded
        assert all(tree.isExpanded(index(window, m)) for m in ("orders", "web_orders", "negotiations"))
        assert window.model.data(index(window, "leads", Column.TARGET)) == "160"
    assert window.document.plan.metrics["orders"].row == 0
    QTest.keySequence(tree, window.edits.redo.shortcut())  # the platform's redo key
    assert window.document.plan.metrics["orders"].row == 1  # redone: below the unit price


def test_no_editor_opens_on_a_calculated_cell_by_double_click_or_f2(window, qtbot):
    tree = window.tree
    forecast = index(window, "leads", Column.FORECAST)  # Qt's own flags say every cell takes text
    tree.scrollTo(forecast)
    QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(forecast).center())
    assert tree.currentIndex() == forecast and tree.state() != tree.State.EditingState
    QTest.keyClick(tree, Qt.Key.Key_F2)
    assert tree.state() != tree.State.EditingState
    target = index(window, "leads", Column.TARGET)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(target).center())
    QTest.keyClick(tree, Qt.Key.Key_F2)
    assert tree.currentIndex() == target and tree.state() == tree.State.EditingState  # a target takes a value
