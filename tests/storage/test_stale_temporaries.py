"""Which temporary files a save removes before it starts: those of saves that are gone, or old.

A temporary file is ``.NAME.PID.RANDOM.kpidesk-tmp``. One of a process that no longer runs, of this
very process (no save of ours is under way when a new one starts), or older than an hour is left
over from a killed save; one of a live process is a save still being written and stays. Every
liveness probe is signal 0: nothing is ever sent to the process it asks about.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

import kpidesk.storage.atomic as atomic
from kpidesk.storage.atomic import clean_stale_temporaries

NO_SUCH_PID = 99_999_999  # above every kernel's pid_max


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"x = 1\n")
    return path


@pytest.fixture
def live_pid(child) -> int:
    return child.pid


def temporary(plan: Path, pid: int | str, age: float = 0.0, name: str | None = None) -> Path:
    path = plan.parent / (name or f".{plan.name}.{pid}.abcd1234{atomic.TEMP_SUFFIX}")
    path.write_bytes(b"half a plan")
    if age:
        stamp = time.time() - age
        os.utime(path, (stamp, stamp))
    return path


def test_the_temporary_of_a_live_save_stays(plan: Path, live_pid: int, signals: list) -> None:
    fresh = temporary(plan, live_pid)
    assert clean_stale_temporaries(plan) == []
    assert fresh.exists()
    assert signals == [(live_pid, 0)]


def test_the_temporary_of_a_process_that_is_gone_is_removed(plan: Path) -> None:
    stale = temporary(plan, NO_SUCH_PID)
    assert clean_stale_temporaries(plan) == [stale]
    assert not stale.exists()


def test_our_own_temporaries_are_left_over_from_an_earlier_save(plan: Path, signals: list) -> None:
    ours = temporary(plan, os.getpid())
    assert clean_stale_temporaries(plan) == [ours]
    assert signals == []  # our own pid is never probed


def test_after_an_hour_even_a_live_processs_temporary_goes(plan: Path, live_pid: int) -> None:
    old = temporary(plan, live_pid, age=3600.5)
    young = temporary(plan, live_pid, age=3598, name=f".plan.toml.{live_pid}.young{atomic.TEMP_SUFFIX}")
    assert clean_stale_temporaries(plan) == [old]
    assert young.exists()


def test_exactly_max_age_old_is_old(plan: Path, live_pid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    now = 1_700_000_000
    monkeypatch.setattr(atomic, "time", SimpleNamespace(time=lambda: float(now)))
    sixty_seconds_old = temporary(plan, live_pid)
    for max_age, removed in ((61.0, []), (60.0, [sixty_seconds_old])):
        os.utime(sixty_seconds_old, ns=((now - 60) * 10**9, (now - 60) * 10**9))
        assert clean_stale_temporaries(plan, max_age=max_age) == removed


def test_a_process_we_may_not_signal_is_alive(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def not_ours(pid: int, sig: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", not_ours)
    fresh = temporary(plan, 4321)
    assert clean_stale_temporaries(plan) == [] and fresh.exists()


def test_on_windows_only_the_age_decides(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "sys", SimpleNamespace(platform="win32"))
    fresh = temporary(plan, NO_SUCH_PID)
    old = temporary(plan, NO_SUCH_PID, age=7200, name=f".plan.toml.{NO_SUCH_PID}.old{atomic.TEMP_SUFFIX}")
    assert clean_stale_temporaries(plan) == [old]
    assert fresh.exists()


def test_files_of_other_names_are_left_alone(plan: Path) -> None:
    others = [
        temporary(plan, 0, name=f".plan.toml.{NO_SUCH_PID}.not-a-temporary"),  # no suffix
        temporary(plan, 0, name=f".other.toml.{NO_SUCH_PID}.abcd1234{atomic.TEMP_SUFFIX}"),  # another plan's
        temporary(plan, 0, name=f".plan.toml.bak.{NO_SUCH_PID}.abcd1234{atomic.TEMP_SUFFIX}"),  # the backup's
        temporary(plan, 0, name=f"plan.toml.{NO_SUCH_PID}.abcd1234{atomic.TEMP_SUFFIX}"),  # no leading dot
    ]
    assert clean_stale_temporaries(plan) == []
    assert all(path.exists() for path in others)


def test_a_dangling_link_left_as_a_temporary_is_removed(plan: Path) -> None:
    link = plan.parent / f".plan.toml.{NO_SUCH_PID}.abcd1234{atomic.TEMP_SUFFIX}"
    link.symlink_to("nowhere")
    assert clean_stale_temporaries(plan) == [link]
    assert not os.path.lexists(link)


def test_one_odd_entry_does_not_stop_the_cleaning(plan: Path, live_pid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry that vanishes while listed, the backup's temporary, a live save's: the stale one after them goes."""
    vanishing = temporary(plan, NO_SUCH_PID, name=f".plan.toml.{NO_SUCH_PID}.vanishing{atomic.TEMP_SUFFIX}")
    backups = temporary(plan, 0, name=f".plan.toml.bak.{NO_SUCH_PID}.abcd1234{atomic.TEMP_SUFFIX}")
    live = temporary(plan, live_pid)
    stale = temporary(plan, NO_SUCH_PID, name=f".plan.toml.{NO_SUCH_PID}.zstale{atomic.TEMP_SUFFIX}")
    order = [vanishing.name, backups.name, live.name, stale.name]
    real_scandir = os.scandir

    def listing(folder):
        entries = sorted(real_scandir(folder), key=lambda e: order.index(e.name) if e.name in order else -1)
        vanishing.unlink()  # removed by someone else after the folder was read
        return iter(entries)

    monkeypatch.setattr(os, "scandir", listing)
    assert clean_stale_temporaries(plan) == [stale]
    assert backups.exists() and live.exists()


def test_an_unreadable_folder_is_nothing_to_clean(tmp_path: Path) -> None:
    assert clean_stale_temporaries(tmp_path / "missing" / "plan.toml") == []
