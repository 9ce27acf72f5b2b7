"""Killing a save at any moment leaves the whole old plan or the whole new one."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kpidesk.planfile import loads
from kpidesk.storage.atomic import TEMP_SUFFIX, backup_path
from kpidesk.storage.savelock import save_lock_path

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks workers (POSIX only)")
SERVER = Path(__file__).with_name("save_server.py")
TITLE = re.compile(r'^title = "v(\d+)"$', re.MULTILINE)


def large_plan(metrics: int) -> str:
    lines = ['format_version = "1.0"', "", "[plan]", 'title = "v0"', "", "[[metric]]", 'id = "total"',
             'name = "Total leads"', 'relation = "sum"', ""]
    for number in range(1, metrics):
        lines += ["[[metric]]", f'id = "m{number}"', 'parent = "total"', f'name = "Source {number}"',
                  f"target = {number * 10}", f'notes = "measured weekly; source {number}"', ""]
    return "\n".join(lines)


def expected(base: str, version: int) -> str:
    return TITLE.sub(f'title = "v{version}"', base, count=1)


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def check_whole(path: Path, base: str, low: int, parse: bool = True) -> int:
    """The file holds exactly one saved version, at least ``low``; returns it."""
    text = path.read_text(encoding="utf-8")
    match = TITLE.search(text)
    assert match, "the title line is missing: the file is cut"
    version = int(match.group(1))
    assert version >= low
    assert text == expected(base, version), f"version {version} is not complete"
    if parse:
        loads(text)  # and it reads as a plan (5,000 metrics: ~0.3 s)
    return version


def run_kills(tmp_path: Path, kills: int, metrics: int, parse_every: int = 1) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(large_plan(metrics), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path.cwd()), os.environ.get("PYTHONPATH", "")]))
    server = subprocess.Popen([sys.executable, str(SERVER), str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)

    def ask(command: str) -> str:
        server.stdin.write(command + "\n")
        server.stdin.flush()
        return server.stdout.readline().strip()

    try:
        ready = server.stdout.readline().split()
        assert ready and ready[0] == "ready", "the save server did not start"
        base = path.read_text(encoding="utf-8")  # the plan as kpidesk writes it
        cycle = float(ask("save 0").split()[1])
        rng = random.Random(20261123)
        version, low, seen = 1, 0, set()
        for kill in range(kills):
            pid = int(ask(f"go {version}"))
            time.sleep(rng.uniform(0, 2.5 * cycle))
            os.kill(pid, signal.SIGKILL)
            assert ask(f"reap {pid}") == "reaped"
            low = check_whole(path, base, low, parse=kill % parse_every == 0)
            check_whole(backup_path(path), base, 0, parse=False)
            assert len(temporaries(tmp_path)) <= 1, temporaries(tmp_path)
            seen.add(low)
            version = low + 100  # the next worker's versions are all new
        assert len(seen) > kills // 4, "the kills should land between different saves"
        ask(f"save {version}")  # a save after the last kill removes what the killed one left
        assert temporaries(tmp_path) == []
        assert not save_lock_path(path).exists()  # nor does a killed save's lock stay behind
        check_whole(path, base, version)
    finally:
        server.kill()
        server.wait()


def test_kill_during_saves(tmp_path: Path) -> None:
    # 5,000 metrics, as the slow run: a smaller plan saves so fast that, while a busy machine starts the worker,
    # most kills land before its first save (seen: 4 different saves of 20 kills)
    run_kills(tmp_path, kills=20, metrics=5000, parse_every=5)


@pytest.mark.slow
def test_kill_during_saves_many_times(tmp_path: Path) -> None:
    run_kills(tmp_path, kills=250, metrics=5000)
