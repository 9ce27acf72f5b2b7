"""Indent, outdent and drops into a funnel stage that has its stage ask what the metric is to be, as Add does.

Keys go to the tree; a drag starts with the mouse on the row; the question is the real message box, answered by
clicking one of its buttons or with Esc (tests/modal_answers.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.tree_model import Column

Key, Mod = Qt.Key, Qt.KeyboardModifier
ALT_SHIFT = Mod.AltModifier | Mod.ShiftModifier
INDENT, OUTDENT = (Key.Key_Right, ALT_SHIFT), (Key.Key_Left, ALT_SHIFT)
CANCEL = Key.Key_Escape


@pytest.fixture
def events_below_web_orders(window):
    """A metric right below the funnel's last stage, Web orders (a share of Orders): indent puts it under Web orders."""
    new_id = window.document.add_metric("orders", None, "Events")
    window.select(new_id)
    return new_id


def cell(win, metric_id, column):
    return win.model.data(win.model.index_of(win.document.plan.metrics[metric_id], column))


def drag_payload(qtbot, win, metric_id, monkeypatch):
    """Press on ``metric_id``'s name and move the mouse: the tree starts its drag; returns what the drag carries.

    Qt's offscreen platform ends every drag at once, before any drop, so the drop cannot come from this drag; it is
    delivered below (``drop``) with this very payload, as the tree's own model made it for this drag.
    """
    tree, model = win.tree, win.model
    made = []
    mime_data = model.mimeData
    monkeypatch.setattr(model, "mimeData", lambda indexes: made.append(mime_data(indexes)) or made[-1])
    start = tree.visualRect(model.index_of(win.document.plan.metrics[metric_id])).center()
    qtbot.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in (5, 15, 30):  # past the drag distance
        qtbot.mouseMove(tree.viewport(), start + QPoint(step, step // 3))
    qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(30, 10))
    assert len(made) == 1, "the tree started one drag"
    return made[0]


def drop(qtbot, win, metric_id, onto_id, monkeypatch):
    """Drag ``metric_id``'s row onto the middle of ``onto_id``'s name: enter, move and drop where the mouse ends."""
    data = drag_payload(qtbot, win, metric_id, monkeypatch)
    tree, model, metrics = win.tree, win.model, win.document.plan.metrics
    position = QPointF(tree.visualRect(model.index_of(metrics[onto_id])).center())
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Mod.NoModifier
    point = position.toPoint()  # Qt's drag-enter and drag-move events take whole pixels, the drop a QPointF
    for event in (QDragEnterEvent(point, move, data, left, none),
                  QDragMoveEvent(point, move, data, left, none)):
        QApplication.sendEvent(tree.viewport(), event)
        assert event.isAccepted(), "the tree takes the drag"
    QApplication.sendEvent(tree.viewport(), QDropEvent(position, move, data, left, none))


def test_indent_under_a_funnel_stage_asks_and_cancel_moves_nothing(qtbot, modal, window, events_below_web_orders):
    asked = modal.answer(modal.key(CANCEL))
    qtbot.keyClick(window.tree, *INDENT)
    assert asked[0].title == "Move into a Funnel"
    assert asked[0].text == "Web orders is a funnel stage: Negotiations is the stage before it. What is Events to be?"
    assert window.document.plan.metrics[events_below_web_orders].parent.id == "orders"
    assert [m.id for m in window.document.plan.metrics["web_orders"].children] == ["negotiations"]


def test_indent_as_a_new_stage_goes_between_and_no_number_moves(qtbot, modal, window, events_below_web_orders):
    asked = modal.answer(modal.click("A New &Stage"))
    undo_steps = window.document.undo_stack.count()
    qtbot.keyClick(window.tree, *INDENT)
    plan = window.document.plan
    events = plan.metrics[events_below_web_orders]
    assert asked[0].buttons == {"Cancel": True, "A New Stage": True, "Another Source of Web orders": True}
    assert [m.id for m in plan.metrics["web_orders"].children] == [events.id]
    assert [m.id for m in events.children] == ["negotiations"] and events.relation.value == "funnel"
    assert cell(window, events.id, Column.EDGE) == "100%" and cell(window, events.id, Column.TARGET) == "20"
    assert cell(window, "negotiations", Column.TARGET) == "40" and cell(window, "visits", Column.TARGET) == "1,600"
    assert window.consistency.text().startswith("Consistent")
    assert window.current_id() == events.id, "the cursor stays on the moved metric"
    assert window.document.undo_stack.count() == undo_steps + 1
    window.edits.undo.trigger()
    assert events.parent.id == "orders" and plan.metrics["negotiations"].parent.id == "web_orders"


def test_indent_as_another_source_makes_a_sum_starting_at_zero(qtbot, modal, window, events_below_web_orders):
    modal.answer(modal.click("Another S&ource of Web orders"))
    qtbot.keyClick(window.tree, *INDENT)
    plan = window.document.plan
    assert [m.id for m in plan.metrics["web_orders"].children] == ["negotiations", events_below_web_orders]
    assert plan.metrics["web_orders"].relation.value == "sum"
    assert cell(window, events_below_web_orders, Column.TARGET) == "0"
    assert cell(window, "visits", Column.TARGET) == "1,600" and window.consistency.text().startswith("Consistent")


def test_outdent_out_of_a_funnel_stage_asks_too(qtbot, modal, window):
    asked = modal.answer(modal.click("Another S&ource of Nurtured leads"))
    window.select("visits")
    qtbot.keyClick(window.tree, *OUTDENT)  # visits would be a second stage of Nurtured leads
    assert asked[0].text == "Nurtured leads is a funnel stage: Leads is the stage before it. What is Visits to be?"
    plan = window.document.plan
    assert [m.id for m in plan.metrics["nurtured"].children] == ["leads", "visits"]
    assert plan.metrics["nurtured"].relation.value == "sum"


def test_a_metric_made_of_others_can_only_be_a_source(qtbot, modal, window):
    asked = modal.answer(modal.click("Cancel"))
    window.select("unit_price")
    window.document.add_metric("unit_price", None, "List price")  # Average unit price is made of something now
    window.select("unit_price")
    window.document.move_metric("unit_price", "orders", 1)  # below Web orders
    window.select("unit_price")
    qtbot.keyClick(window.tree, *INDENT)
    assert asked[0].title == "Move into a Funnel"
    assert asked[0].buttons == {"Cancel": True, "A New Stage": False, "Another Source of Web orders": True}
    assert "can only be another source" in asked[0].informative


def test_a_drop_on_a_funnel_stage_asks_after_the_drop(qtbot, modal, window, monkeypatch):
    asked = modal.answer(modal.click("A New &Stage"))
    drop(qtbot, window, "unit_price", "leads", monkeypatch)
    assert not asked, "no dialog inside the drag"
    qtbot.waitUntil(lambda: bool(asked))
    plan = window.document.plan
    assert asked[0].text == "Leads is a funnel stage: Visits is the stage before it. What is Average unit price to be?"
    assert [m.id for m in plan.metrics["leads"].children] == ["unit_price"]
    assert [m.id for m in plan.metrics["unit_price"].children] == ["visits"]


def test_a_cancelled_drop_moves_nothing(qtbot, modal, window, monkeypatch):
    asked = modal.answer(modal.key(CANCEL))
    drop(qtbot, window, "unit_price", "negotiations", monkeypatch)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].title == "Move into a Funnel"
    assert window.document.plan.metrics["unit_price"].parent.id == "sales"


def test_a_drop_elsewhere_moves_at_once_without_a_question(qtbot, modal, window, monkeypatch):
    drop(qtbot, window, "unit_price", "orders", monkeypatch)  # Orders is split in shares, not a funnel stage
    assert window.document.plan.metrics["unit_price"].parent.id == "orders"
    qtbot.wait(100)  # no question comes after the drop either (the modal fixture fails on one)


def test_a_drag_from_another_window_is_refused(qtbot, window):
    other = MainWindow()
    qtbot.addWidget(other)
    other.document.new("btob-web")  # the same ids
    data = other.model.mimeData([other.model.index_of(other.document.plan.metrics["unit_price"])])
    assert not window.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                                            window.model.index_of(window.document.plan.metrics["orders"]))
