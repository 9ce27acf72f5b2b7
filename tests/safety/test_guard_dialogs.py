"""The file guard's questions as a planner meets them: the real situation, the real message box, a click.

A plan open in another live kpidesk process (its lock), the edits of a killed window (a recovery file), a
plan replaced on disk by another program: each is made for real, and the window's own dialog is answered
through its buttons (tests/modal_answers.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from kpidesk import paths
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.tree_model import Column
from kpidesk.storage import lock, process, recovery

TEMPLATE = paths.templates()["btob-web"]
CHILD = Path(__file__).with_name("crash_child.py")
HOLD_LOCK = """
import sys
from pathlib import Path
from kpidesk.storage.lock import PlanLock
held = PlanLock(Path(sys.argv[1]))
print(held.try_acquire()[0].value, flush=True)
sys.stdin.read()  # holds the plan until the test closes our input
held.release()
"""
REPLACE = ("import os, sys; open(sys.argv[1] + '.new', 'w', encoding='utf-8').write(sys.argv[2]); "
           "os.replace(sys.argv[1] + '.new', sys.argv[1])")


def child_env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[2])
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_SETTINGS_ISOLATED="1",
                PYTHONPATH=os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(TEMPLATE.read_bytes())
    return path


@pytest.fixture
def new_window(qtbot, modal, tmp_path: Path, monkeypatch):
    """Makes windows as kpidesk starts them (the sample plan, recovery files in this test's folder)."""
    monkeypatch.setenv("KPIDESK_RECOVERY_DIR", str(tmp_path / "recovery"))

    def make() -> MainWindow:
        window = MainWindow()
        window.document.new("btob-web")
        # closing after the test must not ask about unsaved changes
        qtbot.addWidget(window, before_close_func=lambda w: setattr(w.files, "maybe_save", lambda: True))
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def held_by_another_process(plan: Path):
    """The plan locked by another live process, with kpidesk's own lock code."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(plan)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=child_env())
    try:
        assert holder.stdout.readline().strip() == "free", "the other process took the free plan"
        yield holder
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_plan_open_in_another_process_opens_read_only_and_refuses_to_save(qtbot, modal, new_window, plan,
                                                                             held_by_another_process):
    window = new_window()
    asked = modal.answer(modal.click("Open read-only"))
    assert window.files.open_file(plan, ask=False)  # what File > Open does with the file chosen
    who = f"{process.user_name()} on {process.host_name()}"
    assert asked[0].text.startswith(f"plan.toml is open elsewhere: {who} (since ")
    assert asked[0].informative == "Changes saved by both of you would overwrite each other."
    assert asked[0].buttons == {"Open read-only": True, "Open anyway": True, "Cancel": True}
    assert window.document.path == plan and window.guard.read_only
    window.document.set_rate("visits", "20")
    modal.answer(modal.click("OK"))
    qtbot.keyClick(window.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked[1].text == "plan.toml was opened read-only."
    assert asked[1].informative == "Use Save As to keep your changes in another file."
    assert plan.read_bytes() == TEMPLATE.read_bytes() and window.document.is_modified()
    assert lock.read_lock(plan).pid == held_by_another_process.pid, "their lock is left alone"


def test_cancel_at_the_lock_question_keeps_the_plan_that_was_open(qtbot, modal, new_window, plan,
                                                                 held_by_another_process):
    window = new_window()
    asked = modal.answer(modal.click("Cancel"))
    assert not window.files.open_file(plan, ask=False)
    assert asked[0].text.startswith("plan.toml is open elsewhere:")
    assert window.document.path is None and window.document.plan.info["title"] == "Web orders FY2026"
    assert lock.read_lock(plan).pid == held_by_another_process.pid


def test_open_anyway_takes_the_lock_and_saves(qtbot, modal, new_window, plan, held_by_another_process):
    window = new_window()
    modal.answer(modal.click("Open anyway"))
    assert window.files.open_file(plan, ask=False)
    assert not window.guard.read_only and lock.read_lock(plan).pid == os.getpid()
    window.document.set_rate("visits", "20")
    qtbot.keyClick(window.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert 'rate = "20%"' in plan.read_text(encoding="utf-8") and not window.document.is_modified()


@pytest.fixture(scope="module")
def crashed(tmp_path_factory) -> tuple[Path, Path]:
    """A kpidesk window, run as ``kpidesk plan.toml`` runs it, killed after its autosave kept two edits:
    the plan on disk unchanged, a recovery file of the dead process, and its stale lock."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    folder = tmp_path_factory.mktemp("crashed")
    plan = folder / "plan.toml"
    plan.write_bytes(TEMPLATE.read_bytes())
    env = dict(child_env(), KPIDESK_RECOVERY_DIR=str(folder / "recovery"))
    window = subprocess.Popen([sys.executable, str(CHILD), "edit", str(plan)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while not window.stdout.readline().startswith("recovery "):
        assert window.poll() is None and time.monotonic() < deadline, window.stderr.read()[-2000:]
    window.send_signal(signal.SIGKILL)
    window.wait()
    assert plan.read_bytes() == TEMPLATE.read_bytes() and len(recovery.pending(folder / "recovery")) == 1
    return plan, folder / "recovery"


@pytest.mark.parametrize("button", ["Restore", "Keep for later", "Discard"])
def test_a_killed_windows_edits_are_offered_at_the_next_start(qtbot, modal, new_window, tmp_path, crashed,
                                                              button):
    plan, left = crashed
    shutil.copytree(left, tmp_path / "recovery")  # this test's copy of what the killed window left
    window = new_window()
    asked = modal.answer(modal.click(button))
    window.guard.offer_recovery()  # what kpidesk does once its window is up
    assert asked[0].text == f"kpidesk did not close properly. Unsaved changes were kept for: {plan}"
    assert asked[0].buttons == {"Restore": True, "Keep for later": True, "Discard": True}
    metrics = window.document.plan.metrics
    pending = recovery.pending(tmp_path / "recovery")
    if button == "Restore":  # the crash_child's edits: visits at 20 %, leads renamed
        assert window.document.path == plan and window.document.is_modified() and window.isWindowModified()
        assert str(metrics["visits"].rate) == "0.2" and metrics["leads"].name == "Leads (web)"
        # 160 leads at 20 %: 800 visits
        assert window.model.data(window.model.index_of(metrics["visits"], Column.TARGET)) == "800"
        assert pending == [] and window.guard.recovery.exists(), "the restored plan has its own recovery file"
        assert lock.read_lock(plan).pid == os.getpid(), "the killed window's stale lock is taken over"
    else:
        assert window.document.path is None and not window.document.is_modified()
        assert str(metrics["visits"].rate) == "0.1"
        assert len(pending) == (1 if button == "Keep for later" else 0)
    assert plan.read_bytes() == TEMPLATE.read_bytes()


@pytest.fixture
def opened(qtbot, new_window, plan: Path) -> MainWindow:
    window = new_window()
    assert window.files.open_file(plan, ask=False)
    return window


def replace_by_another_program(plan: Path, old: str, new: str) -> None:
    text = plan.read_text(encoding="utf-8")
    assert old in text
    subprocess.run([sys.executable, "-c", REPLACE, str(plan), text.replace(old, new)], check=True)


def test_a_plan_changed_on_disk_shows_the_differences_and_reloads(qtbot, modal, opened, plan):
    diff: list[str] = []

    def read_differences(dialog) -> None:
        diff.append(dialog.findChild(QPlainTextEdit).toPlainText())
        modal.click("Close")(dialog)

    asked = modal.answer(modal.click("Show differences"), read_differences, modal.click("Reload"))
    replace_by_another_program(plan, 'rate = "10%"', 'rate = "12%"')  # visits -> leads: 10 % -> 12 %
    qtbot.waitUntil(lambda: len(asked) == 3 and not modal.answers, timeout=5000)
    assert asked[0].text == "plan.toml was changed by another program."
    assert asked[0].informative == "Reload it to see the new version?"
    assert asked[1].title == "Differences" and asked[2].text == asked[0].text
    assert "Visits" in diff[0] and "10%" in diff[0] and "12%" in diff[0]
    # 160 leads at 12 % need 1,333.3 visits, rounded up to 1,334
    qtbot.waitUntil(lambda: str(opened.document.plan.metrics["visits"].rate) == "0.12", timeout=3000)
    assert opened.model.data(opened.model.index_of(opened.document.plan.metrics["visits"], Column.TARGET)) == "1,334"
    assert not opened.document.is_modified()


def test_keep_mine_then_save_asks_before_replacing_their_version(qtbot, modal, opened, plan):
    opened.document.set_rate("negotiations", "40")
    asked = modal.answer(modal.click("Keep mine"))
    replace_by_another_program(plan, "FY2026", "FY2031")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert asked[0].informative == "You have unsaved changes. Reload the file and lose them?"
    assert opened.document.is_modified() and str(opened.document.plan.metrics["negotiations"].rate) == "0.4"
    modal.answer(modal.click("Cancel"))
    qtbot.keyClick(opened.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked[1].text == "plan.toml was changed by another program since you opened it."
    assert asked[1].informative == "Saving replaces their changes with yours."
    assert "FY2031" in plan.read_text(encoding="utf-8") and opened.document.is_modified()
    modal.answer(modal.click("Save anyway"))
    qtbot.keyClick(opened.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 3 and 'rate = "40%"' in plan.read_text(encoding="utf-8")
    assert not opened.document.is_modified()
