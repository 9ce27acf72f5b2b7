"""Start-up time: process start to a painted window, kpidesk against a bare pyqtgraph window.

Each run is a fresh process; the child prints ``time.perf_counter()`` when its
window has painted (CLOCK_MONOTONIC on Linux, comparable across processes)
and quits. Prints medians of repeated runs and the ratio kpidesk / baseline.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 9]
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

BASELINE = r"""
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg

app = QApplication([])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([1, 2, 3], [3, 1, 2])
window.setCentralWidget(plot)
window.resize(1280, 720)


class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            print(f"kpidesk-painted {time.perf_counter():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


painted = Painted()
plot.viewport().installEventFilter(painted)
window.show()
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` to the paint it reports."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, timeout=60)
    for line in result.stdout.splitlines():
        if line.startswith("kpidesk-painted "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"{command} did not report a paint:\n{result.stdout}\n{result.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ, KPIDESK_SETTINGS_ISOLATED="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cases = {
        "kpidesk: window painted (tree, funnel placeholder)":
            ([sys.executable, "-m", "kpidesk"], dict(env, KPIDESK_EXIT_AFTER_PAINT="1")),
        "kpidesk: funnel graph built":
            ([sys.executable, "-m", "kpidesk"], dict(env, KPIDESK_EXIT_AFTER_PAINT="funnel")),
        "bare PySide6 window + one pyqtgraph PlotWidget":
            ([sys.executable, "-c", BASELINE], env),
    }
    for command, case_env in cases.values():  # warm the file cache
        measure(command, case_env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, (command, case_env) in cases.items():  # interleaved: load drifts hit all alike
            times[name].append(measure(command, case_env))
    baseline = statistics.median(times["bare PySide6 window + one pyqtgraph PlotWidget"])
    print(f"platform {env['QT_QPA_PLATFORM']}, {args.runs} runs each, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    print("| what | median | min | ratio to baseline |")
    print("|---|---|---|---|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median * 1000:.0f} ms | {min(values) * 1000:.0f} ms | {median / baseline:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
