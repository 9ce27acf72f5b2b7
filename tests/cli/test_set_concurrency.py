"""``kpidesk set`` against other writers: no change is lost, and a plan open in someone's window is left alone.

The rounds run real processes (``python -m kpidesk set ...``) started
together through a barrier file, as two scripts or two colleagues would.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk import cli, edit_cli, paths, planfile
from kpidesk.planfile import load
from kpidesk.storage import lock as locks
from kpidesk.storage import process

TEMPLATE = paths.templates()["btob-web"]
ROOT = Path(__file__).resolve().parents[2]
BARRIER_RUN = Path(__file__).with_name("barrier_run.py")


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def parallel_round(folder: Path, number: int) -> tuple[list[subprocess.CompletedProcess[str]], Path]:
    """Two ``set`` commands on one plan, released together; each changes a field of its own."""
    plan = folder / "plan.toml"
    barrier = folder / f"go-{number}"
    jobs = [["set", str(plan), f"visits.target={2000 + number}"],
            ["set", str(plan), f"leads.source=CRM export {number}"]]
    started = []
    for index, arguments in enumerate(jobs):
        ready = folder / f"ready-{number}-{index}"
        started.append((ready, subprocess.Popen([sys.executable, str(BARRIER_RUN), str(ready), str(barrier),
                                                 *arguments], env=environment(), text=True,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)))
    deadline = time.monotonic() + 60
    while not all(ready.exists() for ready, _ in started):
        assert time.monotonic() < deadline, "the commands did not start"
        time.sleep(0.002)
    barrier.touch()
    done = []
    for _, child in started:
        out, err = child.communicate(timeout=60)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done, plan


def run_rounds(tmp_path: Path, rounds: int) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(TEMPLATE.read_bytes())
    retried = 0
    started = time.perf_counter()
    for number in range(rounds):
        done, _ = parallel_round(tmp_path, number)
        for result in done:
            assert result.returncode == 0, result.stderr
        again = load(plan).plan
        assert again.metrics["visits"].target == Decimal(2000 + number), f"round {number}: the target was lost"
        assert again.metrics["leads"].source == f"CRM export {number}", f"round {number}: the source was lost"
        retried += sum("changed by someone else" in result.stderr for result in done)
    elapsed = time.perf_counter() - started
    print(f"{rounds} rounds in {elapsed:.1f} s; in {retried} the second set found the first one's save and "
          "applied its assignment to it")


def test_two_parallel_sets_keep_both_changes(tmp_path: Path) -> None:
    run_rounds(tmp_path, 5)


@pytest.mark.slow
def test_two_parallel_sets_keep_both_changes_in_50_rounds(tmp_path: Path) -> None:
    run_rounds(tmp_path, 50)


# ---- someone saves while set runs (in one process, at the worst moment) ----------------------------------
@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(TEMPLATE.read_bytes())
    return path


def save_by_someone_else_first(monkeypatch: pytest.MonkeyPatch, path: Path, change) -> list[int]:
    """Let another writer save ``path`` (``change(text)``) right before set's first save."""
    real_save = planfile.save
    calls: list[int] = []

    def save(plan_file: planfile.PlanFile, *args, **kwargs):
        if not calls:
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        calls.append(1)
        return real_save(plan_file, *args, **kwargs)

    monkeypatch.setattr(edit_cli, "save", save)
    return calls


def test_set_applies_its_assignments_to_the_version_saved_meanwhile(plan: Path, monkeypatch, capsys) -> None:
    calls = save_by_someone_else_first(monkeypatch, plan, lambda t: t.replace('name = "Leads"',
                                                                              'name = "Leads (web)"'))
    assert cli.main(["set", str(plan), "visits.target=2500"]) == cli.EXIT_OK
    again = load(plan).plan
    assert again.metrics["leads"].name == "Leads (web)" and again.metrics["visits"].target == 2500
    assert len(calls) == 2 and "applied to their version" in capsys.readouterr().err


def test_set_says_when_it_replaces_the_same_field_saved_meanwhile(plan: Path, monkeypatch, capsys) -> None:
    save_by_someone_else_first(monkeypatch, plan, lambda t: t.replace('owner = "SEO and ads"', 'owner = "Kim"'))
    assert cli.main(["set", str(plan), "visits.owner=Lee"]) == cli.EXIT_OK
    assert load(plan).plan.metrics["visits"].owner == "Lee"
    assert "replacing their visits.owner (was SEO and ads, then Kim)" in capsys.readouterr().err


def test_set_refuses_when_its_assignments_no_longer_apply(plan: Path, monkeypatch, capsys) -> None:
    def without_unit_price(text: str) -> str:
        start = text.index('[[metric]]\nid = "unit_price"')
        return text[:start].rstrip("\n") + "\n"

    save_by_someone_else_first(monkeypatch, plan, without_unit_price)
    assert cli.main(["set", str(plan), "unit_price.target=2,000,000"]) == cli.EXIT_FINDINGS
    error = capsys.readouterr().err
    assert "changed by someone else while this ran" in error and "no metric has the id 'unit_price'" in error
    assert "nothing was changed" in error
    assert plan.read_text(encoding="utf-8") == without_unit_price(TEMPLATE.read_text(encoding="utf-8"))


# ---- a plan open in a window --------------------------------------------------------------------------------
HOLDER = """
import sys
from pathlib import Path
from kpidesk.storage.lock import PlanLock
lock = PlanLock(Path(sys.argv[1]))
state, _ = lock.try_acquire()
print(state.value, lock.held, flush=True)
sys.stdin.read()
"""


def test_set_refuses_a_plan_a_live_window_of_another_process_holds(plan: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(plan)], env=environment(), text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().split() == ["free", "True"]
        run = [sys.executable, "-m", "kpidesk", "set", str(plan), "visits.target=2500"]
        refused = subprocess.run(run, env=environment(), text=True, capture_output=True, timeout=60)
        assert refused.returncode == cli.EXIT_UNREADABLE
        assert plan.read_bytes() == TEMPLATE.read_bytes()
        record = json.loads(locks.lock_path(plan).read_text(encoding="utf-8"))
        who = f"{process.user_name()} on {process.host_name()} (since {record['since']}), process {holder.pid}"
        assert f"is open in kpidesk by {who}" in refused.stderr and "--force" in refused.stderr
        forced = subprocess.run([*run, "--force"], env=environment(), text=True, capture_output=True, timeout=60)
        assert forced.returncode == 0, forced.stderr
        assert load(plan).plan.metrics["visits"].target == 2500
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    # the window crashed: its lock is stale, and set goes ahead
    assert locks.lock_path(plan).exists()
    after = subprocess.run([sys.executable, "-m", "kpidesk", "set", str(plan), "visits.target=2600"],
                           env=environment(), text=True, capture_output=True, timeout=60)
    assert after.returncode == 0, after.stderr
    assert load(plan).plan.metrics["visits"].target == 2600


def test_set_refuses_a_plan_open_on_another_machine(plan: Path, capsys) -> None:
    locks.lock_path(plan).write_text(json.dumps({"user": "kim", "host": "sales-pc", "pid": 4242,
                                                 "since": "2026-06-01T09:00:00+09:00"}), encoding="utf-8")
    assert cli.main(["set", str(plan), "visits.target=2500"]) == cli.EXIT_UNREADABLE
    assert "open in kpidesk by kim on sales-pc (since 2026-06-01T09:00:00+09:00), process 4242" in \
        capsys.readouterr().err
    assert plan.read_bytes() == TEMPLATE.read_bytes()
    assert cli.main(["set", str(plan), "visits.target=2500", "--force"]) == cli.EXIT_OK
