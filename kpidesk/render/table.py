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
from typing import TYPE_CHECKING

from kpidesk.model.exact import Number, to_decimal
from kpidesk.model.plan import Plan
from kpidesk.model.schema import CSV_COLUMNS, CSV_FIELDS
from kpidesk.model.schema import csv_text as field_text
from kpidesk.storage.atomic import write_atomic

if TYPE_CHECKING:
    from kpidesk.model.metric import Metric

__all__ = ["CSV_COLUMNS", "csv_rows", "csv_text", "write_csv"]  # the columns: kpidesk.model.schema


def _number(value: Number | None) -> str:
    """Plain digits a spreadsheet reads as a number: exact, or to 12 decimals where a ratio does not end."""
    return "" if value is None else format(to_decimal(value), "f")


def _computed(metric: Metric, column: str) -> str:
    computed = metric.computed
    if column == "target":
        return _number(computed.target)
    if column == "given":
        return "yes" if metric.is_given else "no"
    if column == "forecast":
        return _number(computed.forecast)
    if column == "gap":
        return _number(computed.gap)
    if column == "rate":
        return _number(computed.rate if computed.rate is not None else metric.rate)
    raise KeyError(column)


def csv_rows(plan: Plan) -> list[list[str]]:
    """The CSV's rows, header first, metrics parents before children."""
    rows = [list(CSV_COLUMNS)]
    cells = [(column, CSV_FIELDS.get(column)) for column in CSV_COLUMNS]
    for metric in plan.walk():
        rows.append([_computed(metric, column) if field is None else field_text(field, metric)
                     for column, field in cells])
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
