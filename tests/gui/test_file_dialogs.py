"""Open and Save As through the real file dialogs, by keys: Ctrl+O or Ctrl+Shift+S, a typed name, Enter or Esc."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kpidesk import paths

Key, Mod = Qt.Key, Qt.KeyboardModifier


def type_name(name: str, then: Key = Key.Key_Return):
    """Answer a file dialog as a person does: the name field has the keyboard; select all, type, then ``then``."""

    def answer(dialog) -> None:
        field = QApplication.focusWidget()
        assert isinstance(field, QLineEdit) and field.window() is dialog, f"the keyboard is in {field}"
        QTest.keyClick(field, Key.Key_A, Mod.ControlModifier)
        QTest.keyClicks(field, name)
        QTest.keyClick(field, then)

    return answer


def test_ctrl_o_opens_the_plan_whose_name_is_typed(qtbot, modal, window, tmp_path: Path) -> None:
    plan = tmp_path / "shared plan.toml"
    text = paths.templates()["btob-web"].read_text(encoding="utf-8")
    plan.write_text(text.replace('title = "Web orders FY2026"', 'title = "Orders from the share"'), encoding="utf-8")
    asked = modal.answer(type_name(str(plan)))
    qtbot.keyClick(window.tree, Key.Key_O, Mod.ControlModifier)
    assert [shown.title for shown in asked] == ["Open Plan"]
    assert window.document.path == plan
    assert window.document.plan.info["title"] == "Orders from the share"
    assert window.windowTitle().startswith("shared plan.toml[*] - Orders from the share")


def test_esc_in_the_open_dialog_keeps_the_plan(qtbot, modal, window, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_bytes(paths.templates()["btob-web"].read_bytes())
    before = window.document.plan_file.dumps()
    asked = modal.answer(type_name(str(other), then=Key.Key_Escape))
    qtbot.keyClick(window.tree, Key.Key_O, Mod.ControlModifier)
    assert [shown.title for shown in asked] == ["Open Plan"]
    assert window.document.path is None and window.document.plan_file.dumps() == before


def test_ctrl_shift_s_saves_under_the_typed_name_and_the_window_follows(qtbot, modal, window, tmp_path: Path) -> None:
    window.document.set_rate("visits", "20")
    target = tmp_path / "my plan.toml"
    asked = modal.answer(type_name(str(target)))
    qtbot.keyClick(window.tree, Key.Key_S, Mod.ControlModifier | Mod.ShiftModifier)
    assert [shown.title for shown in asked] == ["Save Plan As"]
    assert window.document.path == target and not window.document.is_modified()
    assert 'rate = "20%"' in target.read_text(encoding="utf-8")
    assert window.windowTitle().startswith("my plan.toml[*]")
