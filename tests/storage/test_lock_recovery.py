"""Lock files and recovery files: who holds a plan, and what a crash left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kpidesk.storage import lock, process, recovery


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def write_lock(plan: Path, **fields) -> None:
    record = {"user": process.user_name(), "host": process.host_name(), "pid": os.getpid(), "since": "x"}
    record.update(fields)
    lock.lock_path(plan).write_text(json.dumps(record), encoding="utf-8")


def test_free_lock_is_taken_and_released(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    held = lock.PlanLock(plan)
    state, info = held.try_acquire()
    assert state is lock.LockState.FREE and held.held
    assert lock.read_lock(plan).pid == os.getpid()
    assert lock.lock_path(plan).name == ".~plan.toml.lock"
    held.release()
    assert not lock.lock_path(plan).exists()


def test_stale_lock_of_same_user_and_host_is_taken_over(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    write_lock(plan, pid=dead_pid())
    held = lock.PlanLock(plan)
    state, _ = held.try_acquire()
    assert state is lock.LockState.STALE and held.held
    assert lock.read_lock(plan).token == held.token


def test_lock_of_a_live_process_is_reported(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(plan, pid=child.pid)
        held = lock.PlanLock(plan)
        state, info = held.try_acquire()
        assert state is lock.LockState.OTHER and not held.held
        assert info.pid == child.pid
        assert lock.read_lock(plan).pid == child.pid  # left alone
    finally:
        child.kill()
        child.wait()


def test_lock_of_another_user_or_host_is_reported_even_if_the_pid_is_gone(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    for fields in ({"user": "colleague"}, {"host": "other-pc"}):
        write_lock(plan, pid=dead_pid(), **fields)
        state, info = lock.PlanLock(plan).try_acquire()
        assert state is lock.LockState.OTHER
        assert "colleague" in info.describe() or "other-pc" in info.describe()


def test_release_leaves_a_lock_someone_else_took(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    mine = lock.PlanLock(plan)
    mine.try_acquire()
    theirs = lock.PlanLock(plan)
    theirs.take()  # "open anyway" in another window
    mine.release()
    assert lock.read_lock(plan).token == theirs.token


def test_damaged_lock_counts_as_someone_elses(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    lock.lock_path(plan).write_text("{not json", encoding="utf-8")
    assert lock.PlanLock(plan).try_acquire()[0] is lock.LockState.OTHER


def test_recovery_file_is_private_to_process_and_document(tmp_path: Path) -> None:
    one, two = recovery.RecoveryFile(tmp_path), recovery.RecoveryFile(tmp_path)
    assert one.file != two.file
    assert str(os.getpid()) in one.file.name
    one.write("a = 1\n", Path("/x/plan.toml"), "Plan")
    two.write("b = 2\n", None)
    assert recovery.pending(tmp_path) == []  # we are alive: nothing to offer
    entry = recovery.read_entry(one.file)
    assert entry.text == "a = 1\n" and entry.original == Path("/x/plan.toml") and entry.pid == os.getpid()
    one.remove()
    assert not one.exists() and two.exists()


def test_recovery_of_a_dead_process_is_offered(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from kpidesk.storage.recovery import RecoveryFile;"
        "RecoveryFile(Path(sys.argv[1])).write('x = 1\\n', Path('plan.toml'), 'T')"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True)
    (tmp_path / f"1-broken{recovery.SUFFIX}").write_text("{", encoding="utf-8")
    entries = recovery.pending(tmp_path)
    assert [e.text for e in entries] == ["x = 1\n"]
    recovery.discard(entries[0])
    assert recovery.pending(tmp_path) == []
