"""The sample plan with three months of actuals, for the tests of following a plan.

btob-web runs April 2026 to March 2027, evenly phased: to date at 2026-06 is a
quarter of a monthly metric's target (web orders 20 -> 5, negotiations 40 -> 10).
Nurtured leads, leads and visits are counted weekly: their weeks take the monthly
parent's shape day by day, and of June's last week (W27, 29 June to 5 July) only
its June days are due by 30 June, so theirs is a quarter too (leads 160 -> 40).
"""

from __future__ import annotations

import re
from pathlib import Path

from kpidesk import paths

#: Actuals of April, May and June 2026.
ACTUALS = {"visits": (130, 120, 130), "leads": (12, 12, 12), "nurtured": (6, 6, 6), "negotiations": (3, 3, 3),
           "web_orders": (1, 1, 1)}
MONTHS = ("2026-04", "2026-05", "2026-06")


def tracked_plan_text() -> str:
    text = paths.templates()["btob-web"].read_text(encoding="utf-8")
    blocks = text.split("[[metric]]")
    for number, block in enumerate(blocks[1:], 1):
        found = re.search(r'^id = "(\w+)"', block, re.MULTILINE)
        if found and found.group(1) in ACTUALS:
            values = ACTUALS[found.group(1)]
            table = "".join(f'"{month}" = {value}\n' for month, value in zip(MONTHS, values, strict=True))
            blocks[number] = block.rstrip("\n") + "\n\n[metric.actuals]\n" + table + "\n"
    return "[[metric]]".join(blocks)


def write_tracked_plan(folder: Path) -> Path:
    path = folder / "tracked.toml"
    path.write_text(tracked_plan_text(), encoding="utf-8")
    return path
