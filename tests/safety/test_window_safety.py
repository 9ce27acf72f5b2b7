"""The guard wired into the main window: saves ask, failures report, recovery choices."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kpidesk import paths
from kpidesk.gui import file_guard
from kpidesk.gui.document import Document
from kpidesk.gui.main_window import MainWindow
from kpidesk.storage import recovery

TEMPLATE = paths.templates()["btob-web"]
REPLACE = ("import os, sys; open(sys.argv[1] + '.new', 'w').write(sys.argv[2]); "
           "os.replace(sys.argv[1] + '.new', sys.argv[1])")


@pytest.fixture
def window(qtbot, tmp_path: Path):
    plan = tmp_path / "plan.toml"
    plan.write_bytes(TEMPLATE.read_bytes())
    window = MainWindow()
    qtbot.addWidget(window)
    window.guard.auto_prompt = False
    assert window.files.open_file(plan, ask=False)
    yield window, plan
    window.guard.close()


def test_window_notices_replacements_and_its_save_asks_first(qtbot, window) -> None:
    window, plan = window
    noticed: list[str] = []
    window.guard.externallyChanged.connect(noticed.append)
    text = TEMPLATE.read_text(encoding="utf-8")
    for number in range(1, 6):
        subprocess.run([sys.executable, "-c", REPLACE, str(plan), text.replace("FY2026", f"FY{2030 + number}")],
                       check=True)
        qtbot.waitUntil(lambda n=number: len(noticed) == n, timeout=3000)
    window.document.set_rate("visits", "20")
    asked: list[str] = []
    window.guard.ask = lambda kind, details: asked.append(kind) or "cancel"
    assert window.files.save() is False
    assert asked == ["overwrite"] and "FY2035" in plan.read_text(encoding="utf-8")
    window.guard.ask = lambda kind, details: "overwrite"
    assert window.files.save() is True
    assert 'rate = "20%"' in plan.read_text(encoding="utf-8")


def test_a_save_that_lands_while_the_overwrite_question_is_open_is_not_overwritten(qtbot, window,
                                                                                 monkeypatch) -> None:
    """Consent covers the version the planner was asked about; a later one makes the save fail, not overwrite."""
    window, plan = window
    text = TEMPLATE.read_text(encoding="utf-8")
    plan.write_text(text.replace("FY2026", "FY2031"), encoding="utf-8")  # a colleague's save
    window.document.set_rate("visits", "20")
    errors: list[str] = []
    monkeypatch.setattr(window.files, "error", lambda title, message: errors.append(message))

    def answer(kind: str, details: dict) -> str:
        plan.write_text(text.replace("FY2026", "FY2032"), encoding="utf-8")  # another, while the dialog is open
        return "overwrite"

    window.guard.ask = answer
    assert window.files.save() is False
    assert errors and "was changed by another program or person" in errors[0] and "not overwritten" in errors[0]
    assert "FY2032" in plan.read_text(encoding="utf-8") and window.document.is_modified()
    window.guard.ask = lambda kind, details: "overwrite"  # asked again about FY2032: replace it
    assert window.files.save() is True
    assert 'rate = "20%"' in plan.read_text(encoding="utf-8") and not window.document.is_modified()


def test_a_failed_save_is_reported_and_the_plan_stays_unsaved(qtbot, window, monkeypatch) -> None:
    window, plan = window
    before = plan.read_bytes()
    window.document.set_rate("visits", "20")
    errors: list[str] = []
    monkeypatch.setattr(window.files, "error", lambda title, text: errors.append(text))

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert window.files.save() is False
    monkeypatch.undo()
    assert errors and "full" in errors[0]
    assert plan.read_bytes() == before and window.document.is_modified() and window.isWindowModified()
    window.document.undo_stack.setClean()  # closing the window must not ask about the edit


def dead_recovery(folder: Path, original: Path) -> None:
    script = ("import sys; from pathlib import Path; from kpidesk.storage.recovery import RecoveryFile;"
              "RecoveryFile(Path(sys.argv[1])).write(Path(sys.argv[2]).read_text().replace('FY2026', 'FY2099'),"
              " Path(sys.argv[2]), 'T')")
    subprocess.run([sys.executable, "-c", script, str(folder), str(original)], check=True)


@pytest.mark.parametrize("answer", ["restore", "later", "discard"])
def test_recovery_choices(qtbot, tmp_path: Path, answer: str) -> None:
    folder, plan = tmp_path / "recovery", tmp_path / "plan.toml"
    plan.write_bytes(TEMPLATE.read_bytes())
    dead_recovery(folder, plan)
    document = Document()
    guard = file_guard.FileGuard(document, folder=folder)
    guard.ask = lambda kind, details: answer if kind == "recover" else "cancel"
    assert guard.offer_recovery() == answer
    left = recovery.pending(folder)
    if answer == "restore":
        assert document.plan.info["period"] == "FY2099" and document.is_modified() and document.path == plan
        assert left == [] and guard.recovery.exists()  # the restored plan has its own file now
    elif answer == "later":
        assert len(left) == 1 and document.plan.info.get("period") != "FY2099"
    else:
        assert left == [] and not document.is_modified()
    guard.close()
    assert not guard.recovery.exists()
