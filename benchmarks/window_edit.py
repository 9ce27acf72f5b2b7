"""One rate edit in the window, from the document call to the repainted tree, funnel and status bar.

Each edit runs through ``Document.set_rate`` (undo command, recalculation,
plan checks, one batched change to the views) and then lets Qt repaint.
Prints a markdown table of medians. Run:

    QT_QPA_PLATFORM=offscreen python benchmarks/window_edit.py [--edits 30]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time

from PySide6.QtWidgets import QApplication

SIZES = (100, 1_000, 10_000)


def measure(app: QApplication, size: int, edits: int) -> tuple[float, float]:
    from kpidesk.gui.main_window import MainWindow
    from kpidesk.model.checks import run_checks
    from kpidesk.model.generate import generate_plan
    from kpidesk.model.metric import Relation
    from kpidesk.planfile import PlanFile, loads

    plan_file = loads(PlanFile(generate_plan(size, seed=size), "").dumps(), "generated.toml")
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.document.replace(plan_file)
    for _ in range(20):
        app.processEvents()
    stages = [m for m in window.document.plan.walk() if m.parent is not None and m.parent.relation is Relation.FUNNEL]
    rng = random.Random(size)
    whole, checks = [], []
    for _ in range(edits):
        metric = rng.choice(stages)
        start = time.perf_counter()
        window.document.set_rate(metric.id, rng.choice(("12", "20", "35", "50")))
        app.processEvents()
        whole.append(time.perf_counter() - start)
        start = time.perf_counter()
        run_checks(window.document.plan)
        checks.append(time.perf_counter() - start)
    window.files.maybe_save = lambda: True  # type: ignore[method-assign]
    window.close()
    return statistics.median(whole) * 1000, statistics.median(checks) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    print(f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"platform {app.platformName()}; medians of {args.edits} edits\n")
    print("| metrics | one rate edit, repainted | of which plan checks |")
    print("|---:|---:|---:|")
    for size in SIZES:
        whole, checks = measure(app, size, args.edits)
        print(f"| {size:,} | {whole:.1f} ms | {checks:.1f} ms |", flush=True)


if __name__ == "__main__":
    main()
