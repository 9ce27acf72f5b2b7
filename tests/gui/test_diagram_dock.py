"""The diagram dock rebuilds its drawing only while it is seen, and once per action."""

from __future__ import annotations

import pytest

from kpidesk.gui import diagram_dock


@pytest.fixture
def rebuilds(monkeypatch) -> list[object]:
    """Every drawing the dock builds."""
    built: list[object] = []
    real = diagram_dock.TreeDiagram

    def counted(*args, **kwargs):
        built.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(diagram_dock, "TreeDiagram", counted)
    return built


def _ten_edits(document) -> None:
    for step in range(5):
        assert document.rename("visits", f"Visits {step}")
        assert document.set_rate("leads", f"{10 + step}%")


def _settle(qtbot) -> None:
    qtbot.wait(20)  # a few turns of the event loop: a rebuild waiting for its turn has run


def test_hidden_dock_never_rebuilds_then_once_when_shown_and_once_per_action(sample_window, qtbot, rebuilds):
    document, actions = sample_window.document, sample_window.print_actions
    assert not actions.dock.isVisible()
    _ten_edits(document)
    actions.left_to_right.toggle()  # an option the drawing follows, also while hidden
    actions.left_to_right.toggle()
    _settle(qtbot)
    assert rebuilds == []

    actions.dock.show()
    qtbot.waitUntil(lambda: actions.view.canvas.diagram is not None)
    _settle(qtbot)
    assert len(rebuilds) == 1
    assert "Visits 4" in [box.metric.name for box in actions.view.canvas.diagram.boxes.values()]

    for step in range(3):
        before = len(rebuilds)
        assert document.rename("visits", f"Sessions {step}")
        _settle(qtbot)
        assert len(rebuilds) == before + 1
    before = len(rebuilds)
    document.undo_stack.undo()
    _settle(qtbot)
    assert len(rebuilds) == before + 1
    before = len(rebuilds)
    assert document.set_plan_info({"title": "Another title"})  # a plan-level change: one rebuild too
    assert document.rename("leads", "MQLs")  # a second change in the same turn: still one rebuild
    _settle(qtbot)
    assert len(rebuilds) == before + 1


def test_hidden_again_the_dock_stops_and_catches_up_once_when_shown(sample_window, qtbot, rebuilds):
    document, actions = sample_window.document, sample_window.print_actions
    actions.dock.show()
    qtbot.waitUntil(lambda: actions.view.canvas.diagram is not None)
    actions.dock.hide()
    _settle(qtbot)
    before = len(rebuilds)
    _ten_edits(document)
    _settle(qtbot)
    assert len(rebuilds) == before
    actions.dock.show()
    _settle(qtbot)
    assert len(rebuilds) == before + 1
    assert "Visits 4" in [box.metric.name for box in actions.view.canvas.diagram.boxes.values()]
    actions.dock.hide()
    actions.dock.show()  # shown again with nothing changed: the drawing it has is current
    _settle(qtbot)
    assert len(rebuilds) == before + 1
