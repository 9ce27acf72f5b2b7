"""Benchmark following a plan: ``track`` and the bottleneck at 100, 1,000 and 10,000 metrics.

Every count and money metric gets twelve months of actuals (April to March)
and every third funnel stage a lag of one or two months; a run is what
``kpidesk track PLAN --as-of`` computes after loading: the phasing of every
metric, the figures to date, the rates seen and the bottleneck with its two
evaluations (re-forecast, and the bottleneck at plan). Prints a markdown
table of medians. Run:

    python benchmarks/tracking.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import time
from decimal import Decimal

from kpidesk.model.bottleneck import find_bottleneck
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Kind, Relation
from kpidesk.model.plan import Plan
from kpidesk.model.tracking import track

SIZES = (100, 1_000, 10_000)
MONTHS = [f"{2026 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}" for m in range(12)]


def tracked_plan(size: int) -> Plan:
    plan = generate_plan(size, seed=size)
    plan.info.update(start=dt.date(2026, 4, 1), end=dt.date(2027, 3, 31))
    rng = random.Random(size)
    for index, metric in enumerate(plan.walk()):
        if metric.kind in (Kind.COUNT, Kind.MONEY):
            metric.actuals = {month: Decimal(rng.randint(0, 500)) for month in MONTHS}
        if metric.parent is not None and metric.parent.relation is Relation.FUNNEL and index % 3 == 0:
            metric.lag = rng.randint(1, 2)
    return plan


def window_switch(repeat: int) -> None:
    """The as-of switch in the window, from the month chosen to the repainted views."""
    from PySide6.QtWidgets import QApplication

    from kpidesk.gui.main_window import MainWindow
    from kpidesk.planfile import PlanFile, loads

    app = QApplication.instance() or QApplication([])
    print("\n| metrics | as-of switch in the window, repainted |")
    print("|---:|---:|")
    for size in SIZES[:2]:
        plan_file = loads(PlanFile(tracked_plan(size), "").dumps(), "tracked.toml")
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        window.document.replace(plan_file)
        for _ in range(20):
            app.processEvents()
        samples = []
        for index in range(repeat * 2):
            month = MONTHS[3 + index % 6]
            start = time.perf_counter()
            window.tracking.set_month(month)
            app.processEvents()
            samples.append(time.perf_counter() - start)
        print(f"| {size:,} | {statistics.median(samples) * 1000:.0f} ms |", flush=True)
        window.files.maybe_save = lambda: True  # type: ignore[method-assign]
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--window", action="store_true", help="also time the window's as-of switch")
    args = parser.parse_args()
    print(f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}, {os.cpu_count()} cores; "
          f"medians of {args.repeat} runs\n")
    print("| metrics | track (as of Sep) | bottleneck and re-forecast | both |")
    print("|---:|---:|---:|---:|")
    as_of = dt.date(2026, 9, 30)
    for size in SIZES:
        plan = tracked_plan(size)
        tracks, bottlenecks = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            seen = track(plan, as_of)
            middle = time.perf_counter()
            find_bottleneck(plan, seen)
            tracks.append(middle - start)
            bottlenecks.append(time.perf_counter() - middle)
        t, b = statistics.median(tracks) * 1000, statistics.median(bottlenecks) * 1000
        print(f"| {size:,} | {t:.0f} ms | {b:.0f} ms | {t + b:.0f} ms |", flush=True)
    if args.window:
        window_switch(args.repeat)


if __name__ == "__main__":
    main()
