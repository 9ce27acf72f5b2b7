"""The save lock's waiting, its messages and its sidecar file; the disk state a save compares.

The waiting is checked on a clock of the test's own: a save polls every 2 ms at first, twice as long
each time up to 50 ms, and gives up once ``wait`` seconds have passed.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from kpidesk.storage import savelock
from kpidesk.storage.atomic import SaveError, backup_path
from kpidesk.storage.disk import DiskState, read_state, stat_state
from kpidesk.storage.savelock import FileChanged, replace_unless_changed, save_lock, save_lock_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="holds the lock with fcntl.flock")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"x = 1\n")
    return path


@pytest.fixture
def held_elsewhere(plan: Path):
    """The save lock of ``plan`` held by another open file, as another process's save holds it."""
    import fcntl

    fd = os.open(save_lock_path(plan), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    yield
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """savelock's time on a clock that only its own sleeps move; returns the pauses slept."""
    now = [0.0]
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(savelock, "time", SimpleNamespace(monotonic=lambda: now[0], sleep=sleep))
    return pauses


def test_a_waiting_save_polls_ever_less_often_up_to_every_50_ms_then_gives_up(
        plan: Path, held_elsewhere: None, clock: list[float]) -> None:
    with pytest.raises(SaveError) as info:
        with save_lock(plan, wait=2):
            pass
    assert clock == pytest.approx([0.002, 0.004, 0.008, 0.016, 0.032] + [0.05] * 39)  # 2.012 s in all
    assert str(info.value) == ("Another program has been saving plan.toml for 2 seconds; the plan was not saved. "
                               "Try again in a moment.")
    assert info.value.path == plan and info.value.code == errno.EAGAIN


def test_no_wait_gives_up_at_once(plan: Path, held_elsewhere: None, clock: list[float]) -> None:
    with pytest.raises(SaveError, match="for 0 seconds"):
        with save_lock(plan, wait=0):
            pass
    assert clock == []


def test_a_lock_on_a_sidecar_removed_meanwhile_is_let_go_and_taken_again(
        plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = itertools.chain([False], itertools.repeat(True))  # the first file we locked had been removed
    monkeypatch.setattr(savelock, "_still_named", lambda fd, path: next(answers))
    with save_lock(plan) as held:
        assert held is True
    with save_lock(plan, wait=0) as held:  # the first lock was let go
        assert held is True


def test_on_a_file_system_without_locks_the_save_goes_ahead_unlocked(
        plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    real_open = os.open

    def opening(path, flags, *args):
        fd = real_open(path, flags, *args)
        opened.append(fd)
        return fd

    def no_locks(fd: int) -> bool:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(savelock, "_try_lock", no_locks)
    with save_lock(plan) as held:
        assert held is False
    assert len(opened) == 1
    with pytest.raises(OSError):
        os.fstat(opened[0])  # the sidecar's descriptor was closed


def test_the_sidecar_is_readable_by_colleagues(plan: Path) -> None:
    old = os.umask(0o022)
    try:
        with save_lock(plan):
            mode = stat.S_IMODE(save_lock_path(plan).stat().st_mode)
    finally:
        os.umask(old)
    assert mode == 0o644


def test_a_removed_sidecar_is_no_longer_the_locked_file(plan: Path) -> None:
    path = save_lock_path(plan)
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        path.unlink()
        assert savelock._still_named(fd, path) is False
    finally:
        os.close(fd)


def test_a_changed_file_says_what_happened_and_what_to_do(plan: Path) -> None:
    error = FileChanged(plan)
    assert str(error) == ("plan.toml was changed by another program or person after it was read here, so it was not "
                          "overwritten: nothing was written. Save again to choose whether to replace their version, "
                          "or open the file again to see it.")
    assert error.path == plan and error.code == errno.EAGAIN and isinstance(error, SaveError)


def test_replace_unless_changed_keeps_a_backup_unless_told_not_to(plan: Path) -> None:
    replace_unless_changed(plan, b"x = 2\n", None)
    assert backup_path(plan).read_bytes() == b"x = 1\n"
    backup_path(plan).unlink()
    replace_unless_changed(plan, b"x = 3\n", None, backup=False)
    assert plan.read_bytes() == b"x = 3\n" and not backup_path(plan).exists()


# ---- disk state ----------------------------------------------------------------------------
def test_the_state_of_a_missing_file(tmp_path: Path) -> None:
    assert stat_state(tmp_path / "missing") == DiskState(False, 0, 0, 0, "")
    assert read_state(tmp_path / "missing") == (DiskState(False), None)


def test_the_state_of_a_file_is_its_size_time_inode_and_hash(plan: Path) -> None:
    info = os.stat(plan)
    assert stat_state(plan) == DiskState(True, 6, info.st_mtime_ns, info.st_ino)
    assert stat_state(plan).quick == (True, 6, info.st_mtime_ns, info.st_ino)
    assert read_state(plan) == (DiskState(True, 6, info.st_mtime_ns, info.st_ino,
                                          hashlib.sha256(b"x = 1\n").hexdigest()), b"x = 1\n")


def test_a_file_that_cannot_be_read_has_a_state_but_no_hash(tmp_path: Path) -> None:
    folder = tmp_path / "plan.toml"
    folder.mkdir()
    state, data = read_state(folder)
    assert state.exists and state.sha256 == "" and data is None
