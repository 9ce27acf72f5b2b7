"""The funnel a metric belongs to, widest stage first (visits -> ... -> orders)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kpidesk.model.exact import ONE, Fraction
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.plan import Plan


@dataclass(frozen=True)
class Stage:
    """One stage of a funnel, with the rates the funnel graph labels."""

    metric: Metric
    target: Fraction | None
    forecast: Fraction | None
    actual: Decimal | None
    rate_in: Fraction | None  # from the stage before this one (None for the first)
    cumulative: Fraction | None  # from the first stage to this one (1 for the first)


def _stage_child(metric: Metric) -> Metric | None:
    """The previous stage of a funnel metric: its one driver."""
    if metric.relation is not Relation.FUNNEL:
        return None
    drivers = metric.drivers()
    return drivers[0] if len(drivers) == 1 else None


def _in_funnel(metric: Metric) -> bool:
    return _stage_child(metric) is not None or (
        metric.parent is not None and _stage_child(metric.parent) is metric
    )


def funnel_top(metric: Metric) -> Metric | None:
    """The narrowest stage (the funnel's end, e.g. orders) of the funnel holding ``metric``."""
    if not _in_funnel(metric):
        return None
    node = metric
    while node.parent is not None and _stage_child(node.parent) is node:
        node = node.parent
    return node


def _first_funnel(plan: Plan) -> Metric | None:
    """The first funnel stage in the walk's order, looked for in that order (the window asks after every action,
    and most plans have a funnel near the top: the rest of the plan is not visited)."""
    stack = list(reversed(plan.roots))
    while stack:
        metric = stack.pop()
        if _stage_child(metric) is not None:
            return metric
        stack.extend(reversed(metric.children))
    return None


def funnel_of(plan: Plan, metric: Metric | None = None) -> list[Stage]:
    """Stages of the funnel that holds ``metric`` (default: the KGI's), widest first.

    Falls back to the KGI's funnel, then to the first funnel in the tree, when
    the metric is in none.
    """
    candidates = [metric, plan.kgi] if metric is not None else [plan.kgi]
    top = next((t for c in candidates if c is not None and (t := funnel_top(c)) is not None), None)
    if top is None:
        top = _first_funnel(plan)
    if top is None:
        return []
    chain = [top]
    while (child := _stage_child(chain[-1])) is not None:
        chain.append(child)
    chain.reverse()
    stages: list[Stage] = []
    cumulative: Fraction | None = ONE
    for index, stage in enumerate(chain):
        rate_in = chain[index - 1].computed.rate if index else None
        if index:
            cumulative = cumulative * rate_in if cumulative is not None and rate_in is not None else None
        computed = stage.computed
        stages.append(Stage(stage, computed.target, computed.forecast, stage.actual, rate_in, cumulative))
    return stages
