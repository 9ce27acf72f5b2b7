"""User actions in the window, from the document call to the repainted tree, funnel and status bar.

Each action runs through one of ``Document``'s intent methods (undo command,
recalculation, plan checks, one batched change to the views) and then lets Qt
repaint (``processEvents``). The actions: one rate edit; adding a metric at
the top of the tree (first child of the KGI); deleting a funnel stage (with
the stages below it); moving a channel to the top of the ~2,000 channels;
renaming a metric; and undoing a structural action. Every structural action
is undone before the next one (the undo timed in its own column), so the plan
keeps its size. Each action starts from a quiet window: the highlight of the
values an action changed fades for a moment afterwards, an animation and not
part of the action, so it is ended (untimed) before the next one. Then the
autosave's cost on the GUI thread: the plan's text (``dumps()``) and the whole
``write_recovery`` call, whose file write runs in a worker. Prints markdown
tables of medians. Run:

    QT_QPA_PLATFORM=offscreen python benchmarks/window_edit.py [--edits 30]
    QT_QPA_PLATFORM=offscreen python benchmarks/window_edit.py --profile delete [--size 10000]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtWidgets import QApplication

SIZES = (100, 1_000, 10_000)
ACTIONS = ("rate", "add", "delete", "move", "rename")
HEADERS = {"rate": "one rate edit", "add": "add at the top", "delete": "delete a stage", "move": "move a channel",
           "rename": "rename", "undo": "undo (of the last four)", "checks": "plan checks alone"}


def open_window(app: QApplication, size: int) -> Any:
    """A shown window holding a generated plan of ``size`` metrics, settled."""
    from kpidesk.gui.main_window import MainWindow
    from kpidesk.model.generate import generate_plan
    from kpidesk.planfile import PlanFile, loads

    plan_file = loads(PlanFile(generate_plan(size, seed=size), "").dumps(), "generated.toml")
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.document.replace(plan_file)
    for _ in range(20):
        app.processEvents()
    return window


def settle(app: QApplication, window: Any) -> None:
    """End the highlight's fade and let every pending repaint happen (untimed)."""
    flash = getattr(window.model, "_flash", None)
    if flash is not None:
        flash.clear()
    fade = getattr(window.tree, "_fade", None)
    if fade is not None:
        fade.stop()
    window.tree.viewport().update()
    for _ in range(3):
        app.processEvents()


def close_window(window: Any) -> None:
    window.files.maybe_save = lambda: True
    window.close()


def action(window: Any, name: str, rng: random.Random) -> tuple[Callable[[], object], bool]:
    """One action of kind ``name`` on a random metric, and whether it is undone afterwards."""
    from kpidesk.model.metric import Relation

    document = window.document
    plan = document.plan
    stages = [m for m in plan.walk() if m.parent is not None and m.parent.relation is Relation.FUNNEL]
    if name == "rate":
        metric, rate = rng.choice(stages), rng.choice(("12", "20", "35", "50"))
        return (lambda: document.set_rate(metric.id, rate)), False
    if name == "add":
        return (lambda: document.add_metric(plan.kgi.id, 0, "New metric")), True
    if name == "delete":
        metric = rng.choice(stages)
        return (lambda: document.delete_metric(metric.id)), True
    if name == "move":
        channels = plan.metrics["orders"].children
        channel = rng.choice(channels[1:])
        return (lambda: document.move_metric(channel.id, "orders", 0)), True
    if name == "rename":
        metric = rng.choice(stages)
        return (lambda: document.rename(metric.id, f"{metric.name} (renamed)")), True
    raise ValueError(name)


def measure(app: QApplication, size: int, edits: int) -> dict[str, float]:
    """Median milliseconds of each action (and of the undos and the plan checks) at ``size`` metrics."""
    from kpidesk.model.checks import run_checks

    window = open_window(app, size)
    settle(app, window)
    rng = random.Random(size)
    samples: dict[str, list[float]] = {name: [] for name in (*ACTIONS, "undo", "checks")}
    for _ in range(edits):
        for name in ACTIONS:
            run, undo = action(window, name, rng)
            start = time.perf_counter()
            assert run(), name
            app.processEvents()
            samples[name].append(time.perf_counter() - start)
            settle(app, window)
            if undo:
                start = time.perf_counter()
                window.document.undo_stack.undo()
                app.processEvents()
                samples["undo"].append(time.perf_counter() - start)
                settle(app, window)
        start = time.perf_counter()
        run_checks(window.document.plan)
        samples["checks"].append(time.perf_counter() - start)
    close_window(window)
    return {name: statistics.median(values) * 1000 for name, values in samples.items()}


def autosave(app: QApplication, size: int, repeat: int) -> tuple[float, float, float]:
    """Median ms of the plan's text after an edit, of writing it to the recovery file (atomic, synced),
    and of the whole ``write_recovery`` call on the GUI thread."""
    window = open_window(app, size)
    guard = window.guard
    dumps, writes, calls = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        guard.recovery.folder = Path(folder)
        guard.recovery.file = Path(folder) / guard.recovery.file.name
        stage = window.document.plan.metrics["c1_s1"]
        for round_ in range(repeat):
            window.document.set_rate(stage.id, ("12", "20")[round_ % 2])
            app.processEvents()
            start = time.perf_counter()
            text = window.document.plan_file.dumps()
            dumps.append(time.perf_counter() - start)
            start = time.perf_counter()
            guard.recovery.write(text, window.document.path, "", "")
            writes.append(time.perf_counter() - start)
            window.document.set_rate(stage.id, ("35", "50")[round_ % 2])
            app.processEvents()
            start = time.perf_counter()
            guard.write_recovery()
            calls.append(time.perf_counter() - start)
            wait = getattr(guard, "wait_for_recovery", None)
            if wait is not None:
                wait()
        window.document.undo_stack.setClean()
        close_window(window)
    return tuple(statistics.median(values) * 1000 for values in (dumps, writes, calls))  # type: ignore[return-value]


def profile(app: QApplication, size: int, name: str, edits: int) -> None:
    """cProfile of ``edits`` actions ``name`` (repainting included), the top 30 by cumulative time."""
    window = open_window(app, size)
    rng = random.Random(size)
    profiler = cProfile.Profile()
    for _ in range(edits):
        run, undo = action(window, name, rng)
        profiler.enable()
        run()
        app.processEvents()
        profiler.disable()
        settle(app, window)
        if undo:
            window.document.undo_stack.undo()
            settle(app, window)
    close_window(window)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--profile", choices=ACTIONS, help="profile one action instead of timing them all")
    parser.add_argument("--size", type=int, default=10_000, help="the plan's size for --profile")
    parser.add_argument("--only", choices=("actions", "autosave"), help="time only the actions or the autosave")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    if args.profile:
        profile(app, args.size, args.profile, args.edits)
        return
    print(f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"PySide6 {PySide6.__version__}, platform {app.platformName()}; medians of {args.edits} actions, "
          "each from the document call to the repainted window\n")
    if args.only != "autosave":
        columns = (*ACTIONS, "undo", "checks")
        print("| metrics | " + " | ".join(HEADERS[c] for c in columns) + " |")
        print("|---:|" + "---:|" * len(columns))
        for size in SIZES:
            row = measure(app, size, args.edits)
            print(f"| {size:,} | " + " | ".join(f"{row[c]:.1f} ms" for c in columns) + " |", flush=True)
        print()
    if args.only != "actions":
        print("| metrics | autosave: the plan's text (dumps) | the file write (atomic, synced) "
              "| write_recovery on the GUI thread |\n|---:|---:|---:|---:|")
        for size in SIZES:
            text, write, call = autosave(app, size, max(3, args.edits // 3))
            print(f"| {size:,} | {text:.1f} ms | {write:.1f} ms | {call:.1f} ms |", flush=True)


if __name__ == "__main__":
    main()
