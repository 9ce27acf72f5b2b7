"""The guard of an open document: autosave, changes made by other programs, the lock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kpidesk import paths
from kpidesk.gui.document import Document
from kpidesk.gui.file_guard import FileGuard, unified_diff
from kpidesk.storage import lock, recovery

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")
REPLACE_BY_RENAME = """
import os, sys
path, text = sys.argv[1], sys.argv[2]
temporary = path + ".partial"
with open(temporary, "w", encoding="utf-8") as stream:
    stream.write(text)
os.replace(temporary, path)
"""


class Answers:
    """Stands in for the dialogs: records each question, gives scripted answers."""

    def __init__(self, **answers: str) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, kind: str, details: dict) -> str:
        self.asked.append(kind)
        answer = self.answers.get(kind, "cancel")
        if kind in self.answers and "," in answer:
            first, rest = answer.split(",", 1)
            self.answers[kind] = rest
            return first
        return answer


@pytest.fixture
def opened(qtbot, tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    document = Document()
    guard = FileGuard(document, folder=tmp_path / "recovery", delay_ms=50)
    document.open(path)
    yield document, guard, path
    guard.close()


def test_unsaved_changes_reach_a_recovery_file_and_leave_it_when_saved(qtbot, opened) -> None:
    document, guard, path = opened
    assert not guard.recovery.exists()
    assert document.set_rate("visits", "20")
    qtbot.waitUntil(guard.recovery.exists, timeout=3000)
    entry = recovery.read_entry(guard.recovery.file)
    assert 'rate = "20%"' in entry.text and entry.original == path and entry.pid == os.getpid()
    document.save()
    assert not guard.recovery.exists()


def test_undo_back_to_saved_removes_the_recovery_file(qtbot, opened) -> None:
    document, guard, _ = opened
    document.set_rate("visits", "20")
    qtbot.waitUntil(guard.recovery.exists, timeout=3000)
    document.undo_stack.undo()
    assert not guard.recovery.exists()


def test_two_documents_never_share_a_recovery_file(qtbot, tmp_path: Path) -> None:
    one, two = Document(), Document()
    guards = [FileGuard(d, folder=tmp_path) for d in (one, two)]
    assert guards[0].recovery.file != guards[1].recovery.file
    for guard in guards:
        guard.close()


def test_every_replacement_by_another_program_is_noticed_and_save_asks(qtbot, opened) -> None:
    document, guard, path = opened
    guard.auto_prompt = False
    noticed: list[str] = []
    guard.externallyChanged.connect(noticed.append)
    for number in range(1, 6):
        text = TEMPLATE.replace('rate = "10%"', f'rate = "{number}%"')
        subprocess.run([sys.executable, "-c", REPLACE_BY_RENAME, str(path), text], check=True)
        qtbot.waitUntil(lambda n=number: len(noticed) == n, timeout=3000)
    assert noticed == [str(path)] * 5
    answers = Answers(overwrite="cancel")
    guard.ask = answers
    assert guard.before_save() is False
    assert answers.asked == ["overwrite"]
    assert 'rate = "5%"' in path.read_text(encoding="utf-8")


def test_own_saves_are_not_taken_for_changes(qtbot, opened) -> None:
    document, guard, path = opened
    noticed: list[str] = []
    guard.externallyChanged.connect(noticed.append)
    for rate in ("20", "30", "40"):
        document.set_rate("visits", rate)
        assert guard.before_save()
        document.save()
    qtbot.wait(300)
    assert noticed == []


def test_reload_takes_the_version_on_disk(qtbot, opened) -> None:
    document, guard, path = opened
    guard.ask = Answers(changed="reload")
    path.write_text(TEMPLATE.replace('rate = "10%"', 'rate = "12%"'), encoding="utf-8")
    qtbot.waitUntil(lambda: str(document.plan.metrics["visits"].rate) == "0.12", timeout=3000)
    assert not document.is_modified()


def test_keep_mine_after_seeing_the_differences(qtbot, opened) -> None:
    document, guard, path = opened
    document.set_rate("visits", "20")
    answers = Answers(**{"changed-modified": "diff,keep", "diff": "close", "overwrite": "overwrite"})
    guard.ask = answers
    path.write_text(TEMPLATE.replace('rate = "10%"', 'rate = "12%"'), encoding="utf-8")
    qtbot.waitUntil(lambda: answers.asked[-1:] == ["changed-modified"] and len(answers.asked) == 3, timeout=3000)
    assert answers.asked == ["changed-modified", "diff", "changed-modified"]
    assert document.is_modified() and str(document.plan.metrics["visits"].rate) == "0.2"
    assert guard.before_save() is True and answers.asked[-1] == "overwrite"


def test_diff_shows_both_versions() -> None:
    diff = unified_diff('rate = "20%"\n', 'rate = "12%"\n', "plan.toml")
    assert '-rate = "12%"' in diff and '+rate = "20%"' in diff and "(on disk)" in diff


def test_lock_is_held_while_open_and_released_on_close(qtbot, opened) -> None:
    document, guard, path = opened
    info = lock.read_lock(path)
    assert info is not None and info.pid == os.getpid()
    guard.close()
    assert lock.read_lock(path) is None


def test_a_plan_locked_by_a_live_process_asks_and_read_only_refuses_saves(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        from kpidesk.storage import process

        lock.lock_path(path).write_text(json.dumps(
            {"user": process.user_name(), "host": process.host_name(), "pid": child.pid, "since": "9:00"}))
        document = Document()
        guard = FileGuard(document, folder=tmp_path / "r")
        guard.ask = answers = Answers(locked="read-only", **{"read-only": "ok"})
        assert guard.prepare_open(path) is True
        document.open(path)
        assert guard.read_only
        document.set_rate("visits", "20")
        assert guard.before_save() is False
        assert answers.asked == ["locked", "read-only"]
        assert lock.read_lock(path).pid == child.pid  # their lock is left alone
        guard.close()
        assert lock.read_lock(path).pid == child.pid
    finally:
        child.kill()
        child.wait()


def test_opening_without_asking_first_asks_and_stays_read_only_unless_told(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    lock.lock_path(path).write_text(json.dumps({"user": "colleague", "host": "pc-7", "pid": 1, "since": "9:00"}))
    document = Document()
    guard = FileGuard(document, folder=tmp_path / "r")
    guard.ask = answers = Answers(locked="cancel")
    document.open(path)
    assert answers.asked == ["locked"] and guard.read_only
    assert lock.read_lock(path).user == "colleague"
    guard.close()


def test_cancel_at_the_lock_question_does_not_open(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    lock.lock_path(path).write_text(json.dumps({"user": "colleague", "host": "pc-7", "pid": 1, "since": "9:00"}))
    guard = FileGuard(Document(), folder=tmp_path / "r")
    guard.ask = Answers(locked="cancel")
    assert guard.prepare_open(path) is False
    guard.ask = Answers(locked="open")
    assert guard.prepare_open(path) is True
    guard.document.open(path)
    assert not guard.read_only and lock.read_lock(path).pid == os.getpid()
    guard.close()


@pytest.mark.unprivileged
def test_what_a_save_could_not_keep_is_told(qtbot, opened, give_away) -> None:
    document, guard, path = opened
    told: list[str] = []
    guard.problem.connect(told.append)
    give_away(path)  # tests/conftest.py: a real other owner (same bytes), or as root a refused fchown
    document.set_rate("visits", "20")
    document.save()
    assert told and "owner" in told[0]


class GatedWrites:
    """Stands in for RecoveryFile.write: records which thread wrote which text, holds writes until opened."""

    def __init__(self, write) -> None:
        self.write = write
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()
        self.done: list[tuple[str, threading.Thread]] = []

    def __call__(self, text, original, title="", base_sha256=""):
        self.started.set()
        assert self.gate.wait(10)
        written = self.write(text, original, title, base_sha256)
        self.done.append((text, threading.current_thread()))
        return written


def test_the_recovery_file_is_written_off_the_gui_thread_and_told_on_it(qtbot, opened) -> None:
    document, guard, _ = opened
    writes = guard.recovery.write = GatedWrites(guard.recovery.write)
    told: list[threading.Thread] = []
    guard.recoveryWritten.connect(lambda _path: told.append(threading.current_thread()))
    document.set_rate("visits", "20")
    with qtbot.waitSignal(guard.recoveryWritten, timeout=3000):
        assert guard.write_recovery()
    assert len(writes.done) == 1 and writes.done[0][1] is not threading.main_thread()
    assert told == [threading.main_thread()]
    assert 'rate = "20%"' in recovery.read_entry(guard.recovery.file).text


def test_a_newer_recovery_text_is_never_overtaken_by_an_older_one(qtbot, opened) -> None:
    document, guard, _ = opened
    writes = guard.recovery.write = GatedWrites(guard.recovery.write)
    told: list[str] = []
    guard.recoveryWritten.connect(told.append)
    writes.gate.clear()
    texts = []
    for rate in ("20", "30", "40"):
        document.set_rate("visits", rate)
        texts.append(document.plan_file.dumps())
        assert guard.write_recovery()
        assert writes.started.wait(3)  # the first write is under way (held), the others wait behind it
    writes.gate.set()
    guard.wait_for_recovery()
    assert [text for text, _ in writes.done] == [texts[0], texts[2]]  # the middle one was superseded, unwritten
    assert recovery.read_entry(guard.recovery.file).text == texts[2]
    qtbot.waitUntil(lambda: len(told) == 2, timeout=3000)


def test_saving_waits_for_a_write_under_way_and_no_write_brings_the_file_back(qtbot, opened) -> None:
    document, guard, _ = opened
    writes = guard.recovery.write = GatedWrites(guard.recovery.write)
    told: list[str] = []
    guard.recoveryWritten.connect(told.append)
    writes.gate.clear()
    document.set_rate("visits", "20")
    assert guard.write_recovery()
    assert writes.started.wait(3)
    opener = threading.Timer(0.3, writes.gate.set)  # the disk answers while the save waits for it
    opener.start()
    document.save()
    opener.join()
    assert len(writes.done) == 1 and not guard.recovery.exists()
    qtbot.wait(100)
    assert told == [] and not guard.recovery.exists()  # the write was made before the save: nothing to tell


def test_suspending_writes_the_recovery_file_before_it_returns(qtbot, opened) -> None:
    document, guard, _ = opened
    writes = guard.recovery.write = GatedWrites(guard.recovery.write)
    document.set_rate("visits", "20")
    guard.suspend()
    assert len(writes.done) == 1 and guard.recovery.exists()
    assert 'rate = "20%"' in recovery.read_entry(guard.recovery.file).text
    guard.recovery.remove()
