"""How numbers appear on the printed tree and table (Qt-free, shared with the tests).

One place for the text of a target, an actual or an edge, so the diagram, the
table and the checks of the exported PDF all read the same digits.
"""

from __future__ import annotations

from decimal import Decimal

from kpidesk.model.metric import Kind, Metric
from kpidesk.model.numbers import format_number, format_percent


def value_text(metric: Metric, value: Decimal | None) -> str:
    """A value of ``metric`` as the planner reads it: 1,600 or 12.5% ("-" when unknown)."""
    if value is None:
        return "-"
    if metric.kind is Kind.PERCENT:
        return format_percent(value)
    if metric.kind is Kind.MONEY and value == value.to_integral_value():
        return format_number(value, decimals=0)
    return format_number(value)


def target_text(metric: Metric) -> str:
    return value_text(metric, metric.computed.target)


def edge_rate(metric: Metric) -> Decimal | None:
    """The effective rate on the edge to the parent (solved when goal-seeking)."""
    return metric.computed.rate if metric.computed.rate is not None else metric.rate


def progress(metric: Metric) -> float | None:
    """The share of the target achieved, for the progress bar (see ``Metric.achievement``)."""
    return metric.achievement()


def unit_suffix(metric: Metric) -> str:
    """" visits" to write after a value; nothing where the value already says it ("1.5%", not "1.5% %")."""
    unit = metric.unit.strip()
    if not unit or (metric.kind is Kind.PERCENT and unit == "%"):
        return ""
    return f" {unit}"


def percent_text(value: Decimal | None) -> str:
    return "" if value is None else format_percent(value)
