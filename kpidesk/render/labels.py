"""How numbers appear on the printed tree and table (Qt-free, shared with the tests).

One place for the text of a target, an actual or an edge, so the diagram, the
table and the checks of the exported PDF all read the same digits; the
rounding itself is the model's (:mod:`kpidesk.model.display`).
"""

from __future__ import annotations

from kpidesk.model import display
from kpidesk.model.exact import Fraction, Number, round_to
from kpidesk.model.metric import Kind, Metric


def value_text(metric: Metric, value: Number | None) -> str:
    """A value of ``metric`` as the planner reads it: 1,600 or 12.5% ("-" when unknown)."""
    return display.value_text(metric, value, display.unit_currency(metric))


def signed_text(metric: Metric, value: Number) -> str:
    """A gap: +5, -8."""
    return display.signed_text(value, metric, display.unit_currency(metric))


def target_text(metric: Metric) -> str:
    return value_text(metric, metric.computed.target)


def edge_rate(metric: Metric) -> Fraction | None:
    """The effective rate on the edge to the parent (solved when goal-seeking)."""
    if metric.computed.rate is not None:
        return metric.computed.rate
    return Fraction(metric.rate) if metric.rate is not None else None


def progress(metric: Metric) -> Fraction | None:
    """The share of the target achieved, for the progress bar (see ``Metric.achievement``)."""
    return metric.achievement()


def unit_suffix(metric: Metric) -> str:
    """" visits" ("件" without a space) to write after a value; nothing where the value already says it ("1.5%",
    not "1.5% %")."""
    unit = metric.unit.strip()
    if not unit or (metric.kind is Kind.PERCENT and unit == "%"):
        return ""
    return f"{display.unit_gap(unit)}{unit}"


def percent_text(value: Number | None, *, up: bool = False, decimals: int | None = None) -> str:
    """'12.5%' ('' when unknown); ``decimals`` fixes the places (a progress of 83%)."""
    if value is None:
        return ""
    if decimals is not None:
        return f"{display.grouped(round_to(Fraction(value) * 100, decimals))}%"
    return display.percent_text(value, up=up)
