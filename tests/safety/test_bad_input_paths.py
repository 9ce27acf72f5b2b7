"""Every way in refuses bad values with a message and leaves the plan (and the file) as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpidesk import cli, paths
from kpidesk.gui.document import Document
from kpidesk.gui.tree_model import Column, PlanTreeModel
from kpidesk.model.characters import forbidden

TEMPLATE = paths.templates()["btob-web"]

#: (column, metric, typed text, words the message must hold)
BAD_CELLS = [
    (Column.TARGET, "visits", "lots", "not a number"),
    (Column.TARGET, "visits", "nan", "not a number"),
    (Column.TARGET, "visits", "inf", "not a number"),
    (Column.TARGET, "visits", "1e308", "too large"),
    (Column.TARGET, "visits", "-5", "negative"),
    (Column.TARGET, "visits", "2.5", "whole number"),
    (Column.EDGE, "visits", "150", "outside 0-100 %"),
    (Column.EDGE, "visits", "-10%", "outside 0-100 %"),
    (Column.EDGE, "visits", "ten", "not a number"),
    (Column.EDGE, "web_orders", "120%", "outside 0-100 %"),
    (Column.NAME, "visits", "   ", "name"),
    (Column.NAME, "visits", "x" * 500, "longer than"),
    (Column.ACTUAL, "visits", "1,2,3x", "not a number"),
    (Column.NAME, "visits", "\x1b[31mVisits", "U+001B ESCAPE is not allowed in a name"),
    (Column.NAME, "visits", "Visits\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    (Column.NAME, "visits", "two\nlines", "U+000A LINE FEED"),
]


def state(document: Document) -> str:
    return document.plan_file.dumps()


@pytest.mark.parametrize(("column", "metric_id", "text", "message"), BAD_CELLS)
def test_a_bad_cell_value_is_refused_with_a_message(qtbot, column, metric_id, text, message) -> None:
    document = Document()
    document.open(TEMPLATE)
    model = PlanTreeModel(document)
    refusals: list[str] = []
    document.editRefused.connect(refusals.append)
    before, steps = state(document), document.undo_stack.count()
    index = model.index_of(document.metric(metric_id), column)
    assert model.setData(index, text) is False
    assert refusals and message in refusals[-1], refusals
    assert state(document) == before and document.undo_stack.count() == steps and not document.is_modified()


@pytest.mark.parametrize("assignment", [
    "visits.rate=150%", "visits.rate=nan", "visits.target=inf", "visits.target=1e308", "visits.target=-1",
    "visits.target=ten", "nobody.target=1", "visits.colour=red", "visits.name=", "visits",
])
def test_command_line_set_refuses_and_leaves_the_file(tmp_path: Path, capsys, assignment: str) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(TEMPLATE.read_bytes())
    code = cli.main(["set", str(plan), "leads.target=200", assignment])
    assert code != 0
    assert plan.read_bytes() == TEMPLATE.read_bytes()
    assert "nothing was changed" in capsys.readouterr().err


@pytest.mark.parametrize("field, text, words", [
    ("unit", "\x1b[31mJPY", "U+001B ESCAPE is not allowed in a name"),
    ("owner", "team\x00", "U+0000 NULL"),
    ("notes", "a\x9bb", "U+009B CONTROL SEQUENCE INTRODUCER is not allowed in a text"),
])
def test_the_detail_panel_refuses_control_characters(qtbot, field: str, text: str, words: str) -> None:
    """Pasted text is how control characters reach a field: typed, Esc and Enter are keys, not text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from kpidesk.gui.detail_panel import DetailPanel

    document = Document()
    document.open(TEMPLATE)
    panel = DetailPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    refusals: list[str] = []
    document.editRefused.connect(refusals.append)
    before = state(document)
    panel.show_metric("visits")

    def paste_and_leave(name: str, pasted: str) -> None:
        widget = panel.fields[name]
        QGuiApplication.clipboard().setText(pasted)
        qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(widget.hasFocus)
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)  # leaving a field commits it
        qtbot.waitUntil(lambda: not widget.hasFocus())

    paste_and_leave(field, text)
    assert refusals and words in refusals[-1], refusals
    assert state(document) == before and not document.is_modified()
    paste_and_leave("notes", "two\n\tlines")  # a long text takes line breaks and tabs
    assert document.metric("visits").notes == "two\n\tlines"


def test_the_plan_dialog_refuses_a_title_with_escape_codes(qtbot) -> None:
    document = Document()
    document.open(TEMPLATE)
    refusals: list[str] = []
    document.editRefused.connect(refusals.append)
    assert document.set_plan_info({"title": "\x1b]0;owned\x07"}) is False
    assert refusals and "plan.title: U+001B ESCAPE" in refusals[-1]
    assert not document.is_modified()


@pytest.mark.parametrize("assignment, words", [
    ("visits.name=\x1b[31mRed", "U+001B ESCAPE is not allowed in a name"),
    ("visits.unit=\u202eJPY", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("visits.owner=a\nb", "U+000A LINE FEED"),
])
def test_command_line_set_refuses_control_characters(tmp_path: Path, capsys, assignment: str, words: str) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(TEMPLATE.read_bytes())
    assert cli.main(["set", str(plan), assignment]) == cli.EXIT_FINDINGS
    assert plan.read_bytes() == TEMPLATE.read_bytes()
    error = capsys.readouterr().err
    assert words in error and "nothing was changed" in error
    assert all(forbidden(line) is None for line in error.splitlines())  # nothing raw reaches the terminal


def test_command_line_refuses_a_bad_file_with_its_position(tmp_path: Path, capsys) -> None:
    plan = tmp_path / "bad.toml"
    plan.write_text(TEMPLATE.read_text(encoding="utf-8").replace('rate = "10%"', 'rate = "110%"'), encoding="utf-8")
    assert cli.main(["calc", str(plan)]) == cli.EXIT_UNREADABLE
    error = capsys.readouterr().err
    assert f"{plan}:" in error and "outside 0-100 %" in error


def test_a_dropped_bad_file_is_reported_and_the_open_plan_stays(qtbot, tmp_path: Path, monkeypatch) -> None:
    from kpidesk.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    plan = tmp_path / "plan.toml"
    plan.write_bytes(TEMPLATE.read_bytes())
    window.document.open(plan)
    window.document.set_rate("visits", "20")
    before = state(window.document)
    errors: list[str] = []
    monkeypatch.setattr(window.files, "error", lambda title, text: errors.append(text))
    monkeypatch.setattr(window.files, "maybe_save", lambda: True)
    bad = tmp_path / "dropped.toml"
    bad.write_text("x = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    assert window.open_file(bad) is False
    assert errors and "nested more than" in errors[0] and str(bad) in errors[0]
    assert state(window.document) == before and window.document.is_modified()
    assert window.document.path == plan
    window.guard.close()
