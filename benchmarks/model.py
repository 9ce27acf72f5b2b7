"""Benchmark the plan model and file format at 100, 1,000 and 10,000 metrics.

Reports medians of repeated runs (milliseconds) for: load (tomllib read,
validation, tree, full recalculation), first save after 20 edits (cutting
the text into tables and re-rendering the changed ones), the next save after
one more edit, full recalculation, and the recalculation after one rate edit
(only what the edit affects). Saves produce the text; writing to disk is not
included. Run:

    python benchmarks/model.py [--repeat N]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from decimal import Decimal

from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Relation
from kpidesk.planfile import PlanFile, loads

SIZES = (100, 1_000, 10_000)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(size: int, repeat: int) -> dict[str, float]:
    text = PlanFile(generate_plan(size, seed=size), "").dumps()
    results: dict[str, list[float]] = {"load": [], "save": [], "next": [], "full": [], "edit": []}
    save_repeat = max(1, repeat // 3) if size >= 10_000 else repeat
    for round_ in range(repeat):
        start = time.perf_counter()
        plan_file = loads(text)
        results["load"].append(time.perf_counter() - start)
        plan = plan_file.plan

        start = time.perf_counter()
        plan.engine.recalculate_all()
        results["full"].append(time.perf_counter() - start)

        stages = [m for m in plan.walk() if m.parent is not None and m.parent.relation is Relation.FUNNEL]
        rng = random.Random(round_)
        for _ in range(20):
            metric = rng.choice(stages)
            value = Decimal(rng.choice(("0.12", "0.2", "0.35", "0.5")))
            start = time.perf_counter()
            plan.set_field(metric, "rate", value)
            results["edit"].append(time.perf_counter() - start)

        if round_ < save_repeat:
            start = time.perf_counter()
            plan_file.dumps()
            results["save"].append(time.perf_counter() - start)
            plan.set_field(stages[0], "rate", Decimal("0.45"))
            start = time.perf_counter()
            plan_file.dumps()
            results["next"].append(time.perf_counter() - start)
    return {name: median_ms(samples) for name, samples in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"Machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores. Medians of {args.repeat} runs, milliseconds.\n")
    print("| metrics | load | first save | next save | full recalculation | one rate edit |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in SIZES:
        row = measure(size, args.repeat)
        print(f"| {size:,} | {row['load']:.1f} | {row['save']:.1f} | {row['next']:.1f} | {row['full']:.1f} "
              f"| {row['edit']:.3f} |",
              flush=True)


if __name__ == "__main__":
    main()
