"""Benchmark the plan model and file format at 100, 1,000 and 10,000 metrics.

Reports medians of repeated runs (milliseconds) for: load (tomllib read,
validation, tree, full recalculation), first save after 20 edits (cutting
the text into tables and re-rendering the changed ones), the next save after
one more edit, the save after inserting a metric at the top of the tree
(first child of the KGI) and at the top of the channels (first of ~2,000
siblings), as the file's first save and after one before the insert, full
recalculation, and the recalculation after one rate edit (only what the edit
affects). Saves produce the text; writing to disk is not
included. Then the recalculation after one rate edit at 10,000 metrics in two
harder shapes (every funnel's widest stage given, as planners enter capacities;
and 2,000 of the metrics formulas reading stages), and the pure evaluation:
a full evaluation of 1,000 metrics, and 100 evaluations of the sample plan
with a rate overridden (what scenarios and sensitivity probes do). Run:

    python benchmarks/model.py [--repeat N]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from decimal import Decimal

from kpidesk import paths
from kpidesk.model.evaluation import evaluate
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Metric, Relation
from kpidesk.planfile import PlanFile, load, loads

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


def insert_then_save(size: int, repeat: int, under: str, saved_before: bool = False) -> float:
    """Median ms of the save after inserting a metric as the first child of ``under``.

    The first save of the file, or with ``saved_before`` a save after one before the insert
    (its tables already read): what the placement of the new and moved tables costs.
    """
    text = PlanFile(generate_plan(size, seed=size), "").dumps()
    samples = []
    for round_ in range(max(1, repeat // 3) if size >= 10_000 else repeat):
        plan_file = loads(text)
        plan = plan_file.plan
        if saved_before:
            plan_file.dumps()
        plan.insert_metric(Metric(f"new_{round_}", "New metric"), plan.metrics[under], 0)
        start = time.perf_counter()
        plan_file.dumps()
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def funnel_stages(plan):
    return [m for m in plan.walk() if m.parent is not None and m.parent.relation is Relation.FUNNEL]


def edit_in_shape(repeat: int, **shape: object) -> float:
    """Median ms of one rate edit's recalculation at 10,000 metrics in the given plan shape."""
    samples = []
    for round_ in range(repeat):
        plan = generate_plan(10_000, seed=round_, **shape)  # type: ignore[arg-type]
        stages = funnel_stages(plan)
        rng = random.Random(round_)
        for _ in range(20):
            metric = rng.choice(stages)
            value = Decimal(rng.choice(("0.12", "0.2", "0.35", "0.5")))
            start = time.perf_counter()
            plan.set_field(metric, "rate", value)
            samples.append(time.perf_counter() - start)
    return median_ms(samples)


def evaluations(repeat: int) -> tuple[float, float]:
    """Median ms of a full evaluation of 1,000 metrics, and of 100 overridden evaluations of the sample."""
    plan = generate_plan(1_000, seed=1)
    full = []
    for _ in range(repeat):
        start = time.perf_counter()
        evaluate(plan)
        full.append(time.perf_counter() - start)
    sample = load(paths.templates()["btob-web"]).plan
    probes = []
    for _ in range(repeat):
        start = time.perf_counter()
        for step in range(100):
            evaluate(sample, {"leads.rate": Decimal(step + 1) / 100})
        probes.append(time.perf_counter() - start)
    return median_ms(full), median_ms(probes)


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
    print("\n| metrics | insert at the top, first save | after a save | insert at the top of the channels, "
          "first save | after a save |")
    print("|---:|---:|---:|---:|---:|")
    for size in SIZES:
        cells = [insert_then_save(size, args.repeat, under, saved) for under in ("sales", "orders")
                 for saved in (False, True)]
        print(f"| {size:,} | " + " | ".join(f"{cell:.1f}" for cell in cells) + " |", flush=True)
    print("\n| one rate edit at 10,000 metrics | recalculation |\n|---|---:|")
    shapes = (("channel funnels (as above)", {}), ("every funnel's widest stage given", {"given_leaves": True}),
              ("given widest stages and 2,000 formulas", {"given_leaves": True, "formulas": 2000}))
    for label, shape in shapes:
        print(f"| {label} | {edit_in_shape(max(1, args.repeat // 2), **shape):.3f} |", flush=True)
    full, probes = evaluations(args.repeat)
    print("\n| pure evaluation | time |\n|---|---:|")
    print(f"| full evaluation of 1,000 metrics | {full:.1f} |")
    print(f"| 100 evaluations of the sample plan, one rate overridden | {probes:.1f} |")


if __name__ == "__main__":
    main()
