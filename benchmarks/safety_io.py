"""What data safety costs: atomic saves (with the read-back check), recovery writes, the hostile-input pre-scan.

Prints markdown tables of medians (time.perf_counter). Run:

    python benchmarks/safety_io.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
import tomllib
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kpidesk.model.edits import SetField  # noqa: E402
from kpidesk.planfile import PlanFileError, load, loads, save  # noqa: E402
from kpidesk.planfile.reader import prescan  # noqa: E402
from kpidesk.planfile.verify import unsafe_to_write  # noqa: E402
from kpidesk.storage.recovery import RecoveryFile  # noqa: E402


def plan_text(metrics: int) -> str:
    lines = ['format_version = "1.0"', "", "[plan]", 'title = "Channels"', "", "[[metric]]", 'id = "total"',
             'name = "Total leads"', 'relation = "sum"', ""]
    for number in range(1, metrics):
        lines += ["[[metric]]", f'id = "m{number}"', 'parent = "total"', f'name = "Source {number}"',
                  f"target = {number * 10}", f'notes = "measured weekly; source {number}"', ""]
    return "\n".join(lines)


def median(function, repeat: int) -> float:
    samples = []
    for index in range(repeat):
        started = time.perf_counter()
        function(index)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def save_row(metrics: int, folder: Path, repeat: int) -> str:
    text = plan_text(metrics)
    path = folder / f"plan{metrics}.toml"
    path.write_text(text, encoding="utf-8")
    plan_file = load(path)
    save(plan_file)  # the first save builds the writer's chunks
    store = RecoveryFile(folder / "recovery")

    def edit_and_save(index: int, backup: bool = True) -> None:
        SetField("m1", "target", Decimal(1000 + index)).apply(plan_file.plan)
        save(plan_file, backup=backup)

    def recover(index: int) -> None:
        SetField("m1", "target", Decimal(5000 + index)).apply(plan_file.plan)
        store.write(plan_file.dumps(), path)

    with_backup = median(edit_and_save, repeat)
    written = plan_file.dumps()
    check = median(lambda i: unsafe_to_write(plan_file.plan, written, "x"), repeat)
    without = median(lambda i: edit_and_save(i + 100, backup=False), repeat)
    recovery = median(recover, repeat)
    scan = median(lambda i: prescan(text, "x"), repeat)
    read = median(lambda i: loads(text), max(3, repeat // 2))
    return (f"| {metrics:,} | {with_backup * 1000:.1f} ms | {check * 1000:.1f} ms | {without * 1000:.1f} ms "
            f"| {recovery * 1000:.1f} ms | {scan * 1000:.2f} ms | {read * 1000:.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat
    folder = Path(tempfile.mkdtemp(prefix="kpidesk-bench-"))
    print(f"Machine: {platform.system()} {platform.machine()}, Python {platform.python_version()}, "
          f"median of {repeat}\n")
    print("| metrics | save (read-back check + lock + temp + fsync + rename + .bak) | of which the read-back check "
          "| save without .bak | recovery write | pre-scan | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for metrics in (100, 1_000, 5_000):
        print(save_row(metrics, folder, repeat))

    print("\n| hostile input | standard library tomllib | kpidesk loads |")
    print("|---|---:|---:|")
    base = 'format_version = "1.0"\n[[metric]]\nid = "a"\nname = "A"\n'
    cases = {
        "key of 10,000 dotted parts": "x" + ".x" * 10_000 + " = 1\n" + base,
        "key of 20,000 dotted parts": "x" + ".x" * 20_000 + " = 1\n" + base,
        "arrays nested 5,000 deep": "x = " + "[" * 5000 + "]" * 5000 + "\n" + base,
        "200,000 keys under one dotted prefix": base + "".join(f"a.b.c.k{i} = 1\n" for i in range(200_000)),
    }
    for name, text in cases.items():
        def parse(_: int, text: str = text) -> None:
            try:
                tomllib.loads(text)
            except (tomllib.TOMLDecodeError, RecursionError):
                pass

        def kpidesk_load(_: int, text: str = text) -> None:
            try:
                loads(text)
            except PlanFileError:
                pass

        print(f"| {name} | {median(parse, 3) * 1000:,.0f} ms | {median(kpidesk_load, 3) * 1000:,.0f} ms |")


if __name__ == "__main__":
    main()
