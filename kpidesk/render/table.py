"""The metrics table: rows for the printed meeting packet and the CSV export (Qt-free).

The CSV is written as UTF-8 with a byte order mark, which is what spreadsheet
programs on Japanese Windows need to read it as UTF-8 rather than Shift_JIS.
Numbers in the CSV are plain (1600, 0.1) so spreadsheets read them as numbers;
the printed table uses the planner's formatting instead.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from kpidesk.model.exact import Number, to_decimal
from kpidesk.model.plan import Plan
from kpidesk.storage.atomic import write_atomic

CSV_COLUMNS = (
    "id", "name", "parent", "target", "unit", "given", "forecast", "gap", "actual", "rate", "share", "better",
    "owner", "source", "interval", "countermeasure",
)


def _number(value: Number | None) -> str:
    """Plain digits a spreadsheet reads as a number: exact, or to 12 decimals where a ratio does not end."""
    return "" if value is None else format(to_decimal(value), "f")


def csv_rows(plan: Plan) -> list[list[str]]:
    """The CSV's rows, header first, metrics parents before children."""
    rows = [list(CSV_COLUMNS)]
    for metric in plan.walk():
        computed = metric.computed
        rate = computed.rate if computed.rate is not None else metric.rate
        rows.append([
            metric.id,
            metric.name,
            metric.parent.id if metric.parent else "",
            _number(computed.target),
            metric.unit,
            "yes" if metric.is_given else "no",
            _number(computed.forecast),
            _number(computed.gap),
            _number(metric.actual),
            _number(rate),
            _number(metric.share),
            metric.better.value,
            metric.owner,
            metric.source,
            metric.interval,
            metric.countermeasure,
        ])
    return rows


def csv_text(plan: Plan) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(plan))
    return buffer.getvalue()


def write_csv(plan: Plan, path: str | os.PathLike[str]) -> Path:
    """Write the metrics table as CSV (UTF-8 with BOM) in one step."""
    target = Path(path)
    write_atomic(target, ("\ufeff" + csv_text(plan)).encode("utf-8"), backup=False)
    return target
