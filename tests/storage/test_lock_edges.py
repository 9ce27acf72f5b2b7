"""The lock beside an open plan: what it records, how it reads, and the races around taking it."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from kpidesk.storage import lock, process
from kpidesk.storage.lock import LockInfo, LockState, PlanLock

SOMEONE = LockInfo("someone", "another computer", 0, "")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return tmp_path / "plan.toml"


def write_lock(plan: Path, **record) -> None:
    lock.lock_path(plan).write_text(json.dumps(record), encoding="utf-8")


def mine(**fields) -> dict:
    return {"user": process.user_name(), "host": process.host_name(), "pid": os.getpid(), **fields}


# ---- reading -----------------------------------------------------------------------------
def test_every_field_of_a_lock_is_read(plan: Path) -> None:
    write_lock(plan, user="hana", host="desk-7", pid=4321, since="2026-04-01T09:00:00+09:00", started="987",
               token="abc", program="kpidesk")
    assert lock.read_lock(plan) == LockInfo("hana", "desk-7", 4321, "2026-04-01T09:00:00+09:00", "987", "abc")


def test_a_lock_of_only_user_host_and_pid_has_empty_since_and_token(plan: Path) -> None:
    write_lock(plan, user="hana", host="desk-7", pid="4321")
    assert lock.read_lock(plan) == LockInfo("hana", "desk-7", 4321, "", None, "")


def test_no_lock_file_is_no_lock(plan: Path) -> None:
    assert lock.read_lock(plan) is None


@pytest.mark.parametrize("raw", ["{not json", '{"user": "hana"}', '{"user": "a", "host": "b", "pid": "x"}', "[1]"])
def test_a_damaged_lock_is_someone_elses(plan: Path, raw: str) -> None:
    lock.lock_path(plan).write_text(raw, encoding="utf-8")
    assert lock.read_lock(plan) == SOMEONE
    assert SOMEONE.started is None and SOMEONE.token == ""


def test_a_lock_that_cannot_be_read_is_someone_elses(plan: Path) -> None:
    lock.lock_path(plan).mkdir()  # reading it fails with an OSError (IsADirectoryError)
    assert lock.read_lock(plan) == SOMEONE


# ---- whose it is ---------------------------------------------------------------------------
def test_a_live_process_of_ours_with_another_start_time_is_a_reused_pid(plan: Path, child) -> None:
    started = process.start_time(child.pid)
    if started is None:
        pytest.skip("this system does not tell a process's start time")
    assert lock.state_of(LockInfo(process.user_name(), process.host_name(), child.pid, "", started)) \
        is LockState.OTHER
    reused = LockInfo(process.user_name(), process.host_name(), child.pid, "", str(int(started) + 1))
    assert lock.state_of(reused) is LockState.STALE


def test_held_by_other_names_only_someone_else(plan: Path) -> None:
    assert lock.held_by_other(plan) is None  # no lock
    write_lock(plan, **mine(since="x"))
    assert lock.held_by_other(plan) is None  # this very process
    write_lock(plan, **mine(pid=99_999_999))
    assert lock.held_by_other(plan) is None  # ours, crashed
    write_lock(plan, **mine(host="other-pc", since="today"))
    assert lock.held_by_other(plan) == LockInfo(process.user_name(), "other-pc", os.getpid(), "today")


# ---- taking it -----------------------------------------------------------------------------
def test_a_new_lock_is_not_held(plan: Path) -> None:
    assert PlanLock(plan).held is False


def test_the_lock_says_who_where_since_when_and_which_program(plan: Path) -> None:
    held = PlanLock(plan)
    before = dt.datetime.now().astimezone().replace(microsecond=0)
    assert held.try_acquire() == (LockState.FREE, None)
    record = json.loads(lock.lock_path(plan).read_bytes().decode("utf-8"))
    assert set(record) == {"user", "host", "pid", "started", "since", "token", "program"}
    assert (record["user"], record["host"], record["pid"]) == (process.user_name(), process.host_name(), os.getpid())
    assert record["started"] == process.start_time(os.getpid()) and record["token"] == held.token
    assert record["program"] == "kpidesk"
    since = dt.datetime.fromisoformat(record["since"])
    assert since.tzinfo is not None and since.microsecond == 0 and before <= since <= dt.datetime.now().astimezone()


def test_colleagues_can_read_the_lock_file(plan: Path) -> None:
    old = os.umask(0o022)
    try:
        PlanLock(plan).try_acquire()
    finally:
        os.umask(old)
    assert stat.S_IMODE(lock.lock_path(plan).stat().st_mode) == 0o644


def test_a_lock_taken_a_moment_before_us_is_reported(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = LockInfo("hana", "desk-7", 4321, "now")
    write_lock(plan, user="hana", host="desk-7", pid=4321, since="now")
    answers = iter([None, theirs])  # free when looked at, taken when we try to write ours

    def reading(asked: Path) -> LockInfo | None:
        assert asked == plan
        return next(answers)

    monkeypatch.setattr(lock, "read_lock", reading)
    held = PlanLock(plan)
    assert held.try_acquire() == (LockState.OTHER, theirs)
    assert held.held is False


def test_a_lock_taken_and_gone_again_leaves_the_plan_unlocked(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_lock(plan, user="hana", host="desk-7", pid=4321)
    monkeypatch.setattr(lock, "read_lock", lambda plan: None)
    held = PlanLock(plan)
    assert held.try_acquire() == (LockState.FREE, None)
    assert held.held is False


def test_taking_over_a_lock_keeps_no_backup_of_it(plan: Path) -> None:
    write_lock(plan, user="hana", host="desk-7", pid=4321)
    held = PlanLock(plan)
    held.take()
    assert held.held is True and lock.read_lock(plan).token == held.token
    assert sorted(p.name for p in plan.parent.iterdir()) == [".~plan.toml.lock"]


def test_a_lock_that_cannot_be_written_is_not_held(tmp_path: Path) -> None:
    held = PlanLock(tmp_path / "missing" / "plan.toml")
    held.held = True
    held.take()
    assert held.held is False


def test_a_released_lock_is_not_held(plan: Path) -> None:
    held = PlanLock(plan)
    held.try_acquire()
    held.release()
    assert held.held is False and lock.read_lock(plan) is None
