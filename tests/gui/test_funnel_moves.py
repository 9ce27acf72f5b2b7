"""Indent, outdent and drops into a funnel stage that has its stage ask what the metric is to be, as Add does.

Keys go to the tree, drops are drop events on its viewport; the question is the real message box, answered by
clicking one of its buttons (or, by the test set-up, cancelled).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.tree_model import Column

Key, Mod = Qt.Key, Qt.KeyboardModifier
ALT_SHIFT = Mod.AltModifier | Mod.ShiftModifier
INDENT, OUTDENT = (Key.Key_Right, ALT_SHIFT), (Key.Key_Left, ALT_SHIFT)


@pytest.fixture
def events_below_web_orders(window):
    """A metric right below the funnel's last stage, Web orders (a share of Orders): indent puts it under Web orders."""
    new_id = window.document.add_metric("orders", None, "Events")
    window.select(new_id)
    return new_id


def answer(monkeypatch, button_text):
    """Answer questions by clicking the button whose text starts with ``button_text``; returns what was asked."""
    asked = []

    def click(box):
        asked.append((box.windowTitle(), box.text(), box.informativeText(),
                      {b.text(): b.isEnabled() for b in box.buttons()}))
        next(b for b in box.buttons() if b.text().startswith(button_text)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return asked


def cell(win, metric_id, column):
    return win.model.data(win.model.index_of(win.document.plan.metrics[metric_id], column))


def drop(win, metric_id, onto_id):
    """Drag ``metric_id``'s row onto the middle of ``onto_id``'s name, as the mouse does: enter, move, drop."""
    tree, model, metrics = win.tree, win.model, win.document.plan.metrics
    data = model.mimeData([model.index_of(metrics[metric_id])])
    position = QPointF(tree.visualRect(model.index_of(metrics[onto_id])).center())
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Mod.NoModifier
    point = position.toPoint()  # Qt's drag-enter and drag-move events take whole pixels, the drop a QPointF
    for event in (QDragEnterEvent(point, move, data, left, none),
                  QDragMoveEvent(point, move, data, left, none)):
        QApplication.sendEvent(tree.viewport(), event)
        assert event.isAccepted(), "the tree takes the drag"
    QApplication.sendEvent(tree.viewport(), QDropEvent(position, move, data, left, none))


def test_indent_under_a_funnel_stage_asks_and_cancel_moves_nothing(qtbot, window, events_below_web_orders, dialogs):
    qtbot.keyClick(window.tree, *INDENT)
    assert dialogs[-1][:2] == ("box", "Move into a Funnel")
    assert "Web orders is a funnel stage: Negotiations is the stage before it. What is Events to be?" == dialogs[-1][2]
    assert window.document.plan.metrics[events_below_web_orders].parent.id == "orders"
    assert [m.id for m in window.document.plan.metrics["web_orders"].children] == ["negotiations"]


def test_indent_as_a_new_stage_goes_between_and_no_number_moves(qtbot, window, events_below_web_orders, monkeypatch):
    asked = answer(monkeypatch, "A New &Stage")
    undo_steps = window.document.undo_stack.count()
    qtbot.keyClick(window.tree, *INDENT)
    plan = window.document.plan
    events = plan.metrics[events_below_web_orders]
    assert asked[0][3] == {"Cancel": True, "A New &Stage": True, "Another S&ource of Web orders": True}
    assert [m.id for m in plan.metrics["web_orders"].children] == [events.id]
    assert [m.id for m in events.children] == ["negotiations"] and events.relation.value == "funnel"
    assert cell(window, events.id, Column.EDGE) == "100%" and cell(window, events.id, Column.TARGET) == "20"
    assert cell(window, "negotiations", Column.TARGET) == "40" and cell(window, "visits", Column.TARGET) == "1,600"
    assert window.consistency.text().startswith("Consistent")
    assert window.current_id() == events.id, "the cursor stays on the moved metric"
    assert window.document.undo_stack.count() == undo_steps + 1
    window.edits.undo.trigger()
    assert events.parent.id == "orders" and plan.metrics["negotiations"].parent.id == "web_orders"


def test_indent_as_another_source_makes_a_sum_starting_at_zero(qtbot, window, events_below_web_orders, monkeypatch):
    answer(monkeypatch, "Another S&ource")
    qtbot.keyClick(window.tree, *INDENT)
    plan = window.document.plan
    assert [m.id for m in plan.metrics["web_orders"].children] == ["negotiations", events_below_web_orders]
    assert plan.metrics["web_orders"].relation.value == "sum"
    assert cell(window, events_below_web_orders, Column.TARGET) == "0"
    assert cell(window, "visits", Column.TARGET) == "1,600" and window.consistency.text().startswith("Consistent")


def test_outdent_out_of_a_funnel_stage_asks_too(qtbot, window, monkeypatch):
    asked = answer(monkeypatch, "Another S&ource")
    window.select("visits")
    qtbot.keyClick(window.tree, *OUTDENT)  # visits would be a second stage of Nurtured leads
    assert asked[0][1] == "Nurtured leads is a funnel stage: Leads is the stage before it. What is Visits to be?"
    plan = window.document.plan
    assert [m.id for m in plan.metrics["nurtured"].children] == ["leads", "visits"]
    assert plan.metrics["nurtured"].relation.value == "sum"


def test_a_metric_made_of_others_can_only_be_a_source(qtbot, window, monkeypatch):
    asked = answer(monkeypatch, "Cancel")
    window.select("unit_price")
    window.document.add_metric("unit_price", None, "List price")  # Average unit price is made of something now
    window.select("unit_price")
    window.document.move_metric("unit_price", "orders", 1)  # below Web orders
    window.select("unit_price")
    qtbot.keyClick(window.tree, *INDENT)
    title, _text, detail, buttons = asked[0]
    assert title == "Move into a Funnel" and not buttons["A New &Stage"] and buttons["Another S&ource of Web orders"]
    assert "can only be another source" in detail


def test_a_drop_on_a_funnel_stage_asks_after_the_drop(qtbot, window, monkeypatch):
    asked = answer(monkeypatch, "A New &Stage")
    drop(window, "unit_price", "leads")
    assert not asked, "no dialog inside the drag"
    qtbot.waitUntil(lambda: bool(asked))
    plan = window.document.plan
    assert asked[0][1] == "Leads is a funnel stage: Visits is the stage before it. What is Average unit price to be?"
    assert [m.id for m in plan.metrics["leads"].children] == ["unit_price"]
    assert [m.id for m in plan.metrics["unit_price"].children] == ["visits"]


def test_a_cancelled_drop_moves_nothing(qtbot, window, dialogs):
    drop(window, "unit_price", "negotiations")
    qtbot.waitUntil(lambda: bool(dialogs))
    assert dialogs[-1][1] == "Move into a Funnel"
    assert window.document.plan.metrics["unit_price"].parent.id == "sales"


def test_a_drop_elsewhere_moves_at_once_without_a_question(qtbot, window, dialogs):
    drop(window, "unit_price", "orders")  # Orders is split in shares, not a funnel stage
    assert window.document.plan.metrics["unit_price"].parent.id == "orders"
    assert not dialogs


def test_a_drag_from_another_window_is_refused(qtbot, window):
    other = MainWindow()
    qtbot.addWidget(other)
    other.document.new("btob-web")  # the same ids
    data = other.model.mimeData([other.model.index_of(other.document.plan.metrics["unit_price"])])
    assert not window.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                                            window.model.index_of(window.document.plan.metrics["orders"]))
