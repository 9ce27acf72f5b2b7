"""The save lock: one save of a plan at a time, and a save replaces only the version it read."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk import paths
from kpidesk.model.edits import SetField
from kpidesk.planfile import FileChanged, load, save
from kpidesk.storage.atomic import SaveError
from kpidesk.storage.disk import digest
from kpidesk.storage.savelock import _still_named, replace_unless_changed, save_lock, save_lock_path

TEMPLATE = paths.templates()["btob-web"]
ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from kpidesk.storage.savelock import save_lock
with save_lock(sys.argv[1]) as held:
    print(held, flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(TEMPLATE.read_bytes())
    return path


def hold(plan: Path, seconds: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(plan), str(seconds)], env=env, text=True,
                             stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline().strip() == "True"
    return child


def test_a_save_waits_for_another_process_holding_the_lock(plan: Path) -> None:
    child = hold(plan, 0.8)
    started = time.monotonic()
    with save_lock(plan) as held:
        waited = time.monotonic() - started
        assert held
    child.wait(timeout=30)
    assert waited >= 0.3, waited  # the child held it for 0.8 s after saying so
    assert not save_lock_path(plan).exists()  # the last holder removes the sidecar


def test_a_save_gives_up_after_waiting_and_says_why(plan: Path) -> None:
    child = hold(plan, 5)
    try:
        with pytest.raises(SaveError, match="Another program has been saving plan.toml"):
            with save_lock(plan, wait=0.3):
                pass
    finally:
        child.kill()
        child.wait(timeout=30)


def test_a_lock_on_a_removed_sidecar_does_not_count(plan: Path) -> None:
    path = save_lock_path(plan)
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        assert _still_named(fd, path)
        path.unlink()
        path.touch()  # the next save made a new one
        assert not _still_named(fd, path)
    finally:
        os.close(fd)


def test_no_lock_where_none_can_be_taken(tmp_path: Path) -> None:
    with save_lock(tmp_path / "missing" / "plan.toml") as held:
        assert held is False


def test_a_file_changed_since_it_was_read_is_not_replaced(plan: Path) -> None:
    original = plan.read_bytes()
    (plan.parent / "plan.toml.bak").write_bytes(b"old backup")
    with pytest.raises(FileChanged, match="was changed by another program or person"):
        replace_unless_changed(plan, b"mine", digest(b"what I read"))
    assert plan.read_bytes() == original and (plan.parent / "plan.toml.bak").read_bytes() == b"old backup"
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan.toml", "plan.toml.bak"]
    replace_unless_changed(plan, b"mine", digest(original))
    assert plan.read_bytes() == b"mine"


def test_save_replaces_only_the_version_it_loaded(plan: Path) -> None:
    plan_file = load(plan)
    SetField("visits", "rate", Decimal("0.2")).apply(plan_file.plan)
    theirs = TEMPLATE.read_text(encoding="utf-8").replace("FY2026", "FY2031")
    plan.write_text(theirs, encoding="utf-8")
    with pytest.raises(FileChanged):
        save(plan_file)
    assert plan.read_text(encoding="utf-8") == theirs and not (plan.parent / "plan.toml.bak").exists()
    other = plan.parent / "copy.toml"
    save(plan_file, other)  # another file: nothing of theirs to lose
    assert 'rate = "20%"' in other.read_text(encoding="utf-8")
    SetField("visits", "rate", Decimal("0.3")).apply(plan_file.plan)
    save(plan_file)  # the plan is copy.toml's now, saved a moment ago: its own save is no change by others
    assert 'rate = "30%"' in other.read_text(encoding="utf-8")


def test_a_file_removed_meanwhile_is_written_again(plan: Path) -> None:
    plan_file = load(plan)
    plan.unlink()
    save(plan_file)
    assert plan.read_bytes() == TEMPLATE.read_bytes()
