#!/usr/bin/env python3
"""Start-up of the built program against the same code run from a venv (README, "Install").

    python3 packaging/bundle_times.py dist/kpidesk --python .venv/bin/python --runs 9

Medians of interleaved runs, each a fresh process, offscreen: ``--version`` (process start
to exit), the window painted with the sample plan and its funnel graph built (process start
to the moment the program reports, as benchmarks/startup.py measures it). ``python -c
pass`` is printed too, to show how busy the machine was.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seconds(command: list[str], env: dict[str, str], report: bool) -> float:
    """Spawn to exit, or spawn to the ``kpidesk-painted`` time the program printed."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    end = time.perf_counter()
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{result.stderr}")
    if report:
        line = next(line for line in result.stdout.splitlines() if line.startswith("kpidesk-painted "))
        return float(line.split()[1]) - start
    return end - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, nargs="?", default=ROOT / "dist" / "kpidesk")
    parser.add_argument("--python", help="a Python with kpidesk installed, to compare with (e.g. .venv/bin/python)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    program = str((args.bundle / ("kpidesk-cli.exe" if os.name == "nt" else "kpidesk")).resolve())
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", KPIDESK_SETTINGS_ISOLATED="1")
    ways = {"bundle": [program]}
    if args.python:
        ways["venv"] = [args.python, "-m", "kpidesk"]
    cases = {"--version": (["--version"], None), "window painted": ([], "1"), "funnel graph built": ([], "funnel")}
    results: dict[tuple[str, str], list[float]] = {}
    baseline: list[float] = []
    for _ in range(args.runs):
        if args.python:
            baseline.append(seconds([args.python, "-c", "pass"], env, report=False))
        for case, (extra, exit_after) in cases.items():
            for way, command in ways.items():
                run_env = dict(env, KPIDESK_EXIT_AFTER_PAINT=exit_after) if exit_after else env
                results.setdefault((case, way), []).append(seconds(command + extra, run_env, exit_after is not None))
    print(f"medians of {args.runs} runs, offscreen")
    for (case, way), values in results.items():
        print(f"{case:20} {way:7} {statistics.median(values) * 1000:7.0f} ms")
    if baseline:
        print(f"{'python -c pass':20} {'venv':7} {statistics.median(baseline) * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
