"""Benchmark ``kpidesk export`` as a whole command (start-up included) on a 200-metric plan.

Each row runs the command in a fresh process several times and reports the
median wall time. Where LibreOffice is installed (``soffice`` or
``libreoffice`` on PATH), its ``--headless --convert-to pdf`` of the same
metrics as CSV is timed for comparison. Prints a markdown table. Run:

    python benchmarks/export.py [--metrics 200] [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_plans import channel_plan_text  # noqa: E402


def median_seconds(command: list[str], repeat: int, env: dict[str, str], cwd: Path) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=cwd)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--metrics", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        plan = work / "plan.toml"
        plan.write_text(channel_plan_text(args.metrics), encoding="utf-8")
        export = [sys.executable, "-m", "kpidesk", "export", str(plan)]
        rows = [
            ("`python -c pass` (interpreter floor)", [sys.executable, "-c", "pass"]),
            ("export --csv", [*export, "--csv", str(work / "m.csv")]),
            ("export --pdf (A4, tiled automatically)", [*export, "--pdf", str(work / "a.pdf")]),
            ("export --pdf --paper A3 --landscape --with-table", [*export, "--pdf", str(work / "b.pdf"),
                                                               "--paper", "A3", "--landscape", "--with-table"]),
            ("export --pdf --with-funnel --with-table", [*export, "--pdf", str(work / "c.pdf"),
                                                        "--with-funnel", "--with-table"]),
            ("export --png", [*export, "--png", str(work / "t.png")]),
            ("export --svg", [*export, "--svg", str(work / "t.svg")]),
            ("export --pdf --png --svg --funnel-png --csv (one call)",
             [*export, "--pdf", str(work / "d.pdf"), "--png", str(work / "d.png"), "--svg", str(work / "d.svg"),
              "--funnel-png", str(work / "f.png"), "--csv", str(work / "d.csv")]),
        ]
        root = Path(__file__).resolve().parents[1]
        results = [(label, median_seconds(command, args.repeat, env, root)) for label, command in rows]
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office:
            subprocess.run([*export, "--csv", str(work / "lo.csv")], check=True, capture_output=True, env=env)
            profile = work / "lo-profile"
            command = [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                       "--outdir", str(work / "lo"), str(work / "lo.csv")]
            subprocess.run(command, check=True, capture_output=True, env=env)  # first run creates the profile
            results.append(("LibreOffice `--headless --convert-to pdf` of the same CSV",
                            median_seconds(command, args.repeat, env, root)))
        else:
            results.append(("LibreOffice `--headless --convert-to pdf` of the same CSV", float("nan")))
    print(f"{args.metrics} metrics; median of {args.repeat} runs; {os.cpu_count()} cores, {platform.system()}, "
          f"Python {platform.python_version()}, offscreen\n")
    print("| command | wall time |")
    print("|---|---|")
    for label, seconds in results:
        shown = "not installed" if seconds != seconds else f"{seconds * 1000:.0f} ms"
        print(f"| {label} | {shown} |")


if __name__ == "__main__":
    main()
