"""A killed window's edits come back at the next start: the real program, two processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kpidesk import paths
from kpidesk.planfile import load
from kpidesk.storage import lock, recovery

CHILD = Path(__file__).with_name("crash_child.py")
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def start(mode: str, plan: Path, folder: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_SETTINGS_ISOLATED="1",
               KPIDESK_RECOVERY_DIR=str(folder),
               PYTHONPATH=os.pathsep.join([str(Path.cwd()), os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, str(CHILD), mode, str(plan)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def read_line(process: subprocess.Popen, prefix: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line.strip()
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"no {prefix!r} line; stderr: {process.stderr.read()[-2000:]}")


def test_edits_survive_a_killed_window(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(paths.templates()["btob-web"].read_bytes())
    original = plan.read_bytes()
    folder = tmp_path / "recovery"

    first = start("edit", plan, folder)
    written = read_line(first, "recovery ")
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert plan.read_bytes() == original, "nothing was saved: the edits exist only in the recovery file"
    assert len(recovery.pending(folder)) == 1
    assert lock.read_lock(plan) is not None, "the killed window's lock is still there"
    assert Path(written.split(" ", 1)[1]).exists()

    second = start("restore", plan, folder)
    report = json.loads(read_line(second, "{"))
    assert second.wait(timeout=30) == 0
    assert report["asked"] == ["recover"], "a stale lock of our own is taken over without a question"
    assert report["modified"] and not report["read_only"]
    assert report["rate"] == "0.2" and report["name"] == "Leads (web)"
    assert report["path"] == str(plan)
    saved = load(plan).plan
    assert str(saved.metrics["visits"].rate) == "0.2" and saved.metrics["leads"].name == "Leads (web)"
    assert list(folder.glob(f"*{recovery.SUFFIX}")) == [], "a clean exit leaves no recovery file"
    assert lock.read_lock(plan) is None, "a clean exit leaves no lock"


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("ending", ["SIGTERM", "SIGHUP"])
def test_an_ended_session_keeps_the_edits_for_recovery_and_frees_the_plan(tmp_path: Path, ending: str) -> None:
    """Logout or ``kill`` (nobody to ask "Save?"): exit 0 at once, lock gone, edits offered at the next start."""
    plan = tmp_path / "plan.toml"
    plan.write_bytes(paths.templates()["btob-web"].read_bytes())
    original = plan.read_bytes()
    folder = tmp_path / "recovery"

    first = start("edit", plan, folder)
    read_line(first, "recovery ")
    first.send_signal(getattr(signal, ending))
    assert first.wait(timeout=10) == 0, first.stderr.read()[-2000:]
    assert plan.read_bytes() == original, "an ended session never saves on its own"
    assert lock.read_lock(plan) is None, "the lock is released, so colleagues are not told the plan is open"
    assert len(recovery.pending(folder)) == 1

    second = start("restore", plan, folder)
    report = json.loads(read_line(second, "{"))
    assert second.wait(timeout=30) == 0
    assert report["asked"] == ["recover"]
    assert report["rate"] == "0.2" and report["name"] == "Leads (web)"
