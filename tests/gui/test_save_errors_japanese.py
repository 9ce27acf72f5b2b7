"""The window in Japanese says why a save failed, and what a save could not keep, in Japanese.

A failed save's reason and a save's warnings are codes with parameters (kpidesk.model.save_messages);
the window makes their text through Qt's translation (kpidesk_ja.qm), as a planner reads it.
"""

from __future__ import annotations

import errno
import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kpidesk import paths
from kpidesk.gui.main_window import MainWindow
from kpidesk.storage import atomic

Key, Mod = Qt.Key, Qt.KeyboardModifier


def open_window(qtbot, path: Path) -> MainWindow:
    """A Japanese window with ``path`` open and the keyboard in the tree."""
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w.files, "maybe_save", lambda: True))
    assert win.files.open_file(path, ask=False)
    win.show()
    win.activateWindow()
    win.tree.setFocus()
    qtbot.waitUntil(win.tree.hasFocus)
    return win


def test_a_save_on_a_full_disk_says_why_in_japanese_and_keeps_the_plan(qtbot, modal, japanese, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(paths.templates("ja")["btob-web"].read_bytes())
    window = open_window(qtbot, path)
    before = path.read_bytes()
    assert window.document.set_rate("visits", "20")
    edited = window.document.plan_file.dumps()
    real_open = os.open

    def full_disk(name, flags, *args, **kwargs):  # every temporary file of the plan and of its backup
        if Path(name).name.startswith(f".{path.name}.") and str(name).endswith(atomic.TEMP_SUFFIX):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", full_disk)
    asked = modal.answer(modal.key(Key.Key_Return))
    qtbot.keyClick(window.tree, Key.Key_S, Mod.ControlModifier)
    monkeypatch.undo()
    assert [(shown.title, shown.text) for shown in asked] == [
        ("プランを保存できません",
         f"{tmp_path} のあるディスクがいっぱいです。空き容量を増やすか、別の場所に保存してください。")]
    assert path.read_bytes() == before and not atomic.backup_path(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX)) == []
    assert window.document.is_modified() and window.document.plan_file.dumps() == edited
    assert window.document.plan.metrics["visits"].rate == Decimal("0.2")


def test_what_a_save_could_not_keep_is_said_in_japanese(qtbot, japanese, tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text('metric = [{id = "goal", name = "目標", target = 1_000}]\n', encoding="utf-8")
    window = open_window(qtbot, path)
    problems: list[str] = []
    window.guard.problem.connect(problems.append)
    assert window.document.set_target("goal", "2000")
    qtbot.keyClick(window.tree, Key.Key_S, Mod.ControlModifier)
    assert not window.document.is_modified() and "[[metric]]" in path.read_text(encoding="utf-8")
    note = ("inline.toml: 指標がインライン配列（metric = [...]）で書かれていたため、[[metric]] テーブルに"
            "書き直しました。値はすべてそのままです（配列内のコメントは残せませんでした）。")
    assert problems == [note]
    assert window.statusBar().currentMessage() == note
