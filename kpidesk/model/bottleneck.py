"""The bottleneck of the plan so far, and where the KGI ends at the rates seen.

The bottleneck is the funnel stage that falls furthest short: by its rate
(1 - actual rate / planned rate) or, for the stage where a funnel starts
(visits), by its volume (1 - progress). A stage in the middle of a funnel
is not judged by its volume: that follows from the stages below it.

The re-forecast evaluates the plan with every stage's rate set to the rate
seen so far and every funnel's first stage set to its pace, and reads the
KGI's forecast; the same evaluation with the bottleneck at its planned rate
says how much of the shortfall the bottleneck costs. Both are evaluations:
the plan is not touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.model.evaluation import evaluate
from kpidesk.model.exact import Fraction
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.plan import Plan, PlanError
from kpidesk.model.tracking import Tracking

#: Why a stage is the bottleneck: its conversion rate, or (a funnel's first stage) its volume.
RATE, VOLUME = "rate", "volume"


@dataclass(frozen=True)
class Bottleneck:
    metric_id: str
    reason: str  # RATE or VOLUME
    shortfall: Fraction  # 1 - actual / planned (rate) or 1 - progress (volume)
    owner: str
    countermeasure: str
    #: The KGI at the end of the plan at the rates and pace seen so far (None: no KGI forecast).
    kgi_reforecast: Fraction | None
    kgi_target: Fraction | None
    #: How much of the KGI the bottleneck alone costs (reforecast with it at plan - reforecast).
    kgi_cost: Fraction | None


def _stages(plan: Plan) -> list[Metric]:
    return [m for m in plan.walk() if m.parent is not None and m.parent.relation is Relation.FUNNEL]


def _is_first_stage(metric: Metric) -> bool:
    """The stage a funnel starts from: no stage below it feeds it."""
    return metric.relation is not Relation.FUNNEL or not metric.children


def shortfalls(plan: Plan, tracking: Tracking) -> list[tuple[Fraction, str, Metric]]:
    """Every stage that falls short, worst first (shortfall, reason, metric)."""
    found: list[tuple[Fraction, str, Metric]] = []
    for metric in _stages(plan):
        seen = tracking[metric.id]
        if seen.actual_rate is not None and seen.planned_rate:
            short = 1 - seen.actual_rate / seen.planned_rate
            if short > 0:
                found.append((short, RATE, metric))
        if _is_first_stage(metric) and seen.progress is not None and seen.progress < 1:
            found.append((1 - seen.progress, VOLUME, metric))
    order = {m.id: i for i, m in enumerate(plan.walk())}
    found.sort(key=lambda item: (-item[0], order[item[2].id]))
    return found


def reforecast_overrides(plan: Plan, tracking: Tracking, keep: str | None = None) -> dict[str, object]:
    """Rates as seen and first stages at their pace; ``keep``: a stage left as planned."""
    overrides: dict[str, object] = {}
    for metric in _stages(plan):
        if metric.id == keep:
            continue
        seen = tracking[metric.id]
        if seen.actual_rate is not None:
            overrides[f"{metric.id}.rate"] = min(seen.actual_rate, Fraction(1))
        if _is_first_stage(metric) and seen.pace is not None:
            overrides[f"{metric.id}.target"] = seen.pace
    return overrides


def kgi_at(plan: Plan, overrides: dict[str, object]) -> Fraction | None:
    kgi = plan.kgi
    if kgi is None:
        return None
    try:
        return evaluate(plan, overrides)[kgi.id].forecast
    except PlanError:
        return None


def find_bottleneck(plan: Plan, tracking: Tracking) -> Bottleneck | None:
    """The worst stage with its owner, countermeasure and what it costs the KGI; None when none falls short."""
    worst = shortfalls(plan, tracking)
    if not worst:
        return None
    short, why, metric = worst[0]
    overrides = reforecast_overrides(plan, tracking)
    reforecast = kgi_at(plan, overrides)
    cost = None
    if reforecast is not None:
        keep = overrides.copy()
        keep.pop(f"{metric.id}.rate" if why == RATE else f"{metric.id}.target", None)
        without = kgi_at(plan, keep)
        cost = None if without is None else without - reforecast
    kgi = plan.kgi
    return Bottleneck(metric.id, why, short, metric.owner, metric.countermeasure, reforecast,
                      kgi.computed.target if kgi is not None else None, cost)


__all__ = ["Bottleneck", "RATE", "VOLUME", "find_bottleneck", "reforecast_overrides", "shortfalls"]
