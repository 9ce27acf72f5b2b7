"""Synthetic plans of any size, for benchmarks and property tests.

The shape follows real plans: a given sales goal split into channels by
share, each channel a funnel of a few stages, some stages a sum of sources.
"""

from __future__ import annotations

import random
from decimal import Decimal

from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan

_STAGES = ("Orders", "Negotiations", "Nurtured leads", "Leads", "Visits", "Impressions")


def generate_plan(size: int, seed: int = 0, *, given_leaves: bool = False, formulas: int = 0) -> Plan:
    """A consistent plan with exactly ``size`` metrics (size >= 2).

    ``given_leaves`` gives every funnel's widest stage a target (a capacity, as
    planners enter visits), so edits change forecasts all the way up;
    ``formulas`` of the metrics are ratios (cost per stage) reading a stage of
    their channel, as CPA and CVR metrics do.
    """
    rng = random.Random(seed)
    plan = Plan(f"Generated plan ({size} metrics)")
    plan.info["currency"] = "JPY"
    root = Metric("sales", "Sales", unit="JPY", kind=Kind.MONEY, relation=Relation.PRODUCT,
                  target=Decimal(1_000_000_000))
    plan.attach(root, None)
    price = Metric("unit_price", "Unit price", unit="JPY", kind=Kind.MONEY, target=Decimal(1_000_000),
                   source="Accounting", interval="monthly", countermeasure="Upsell support plans")
    plan.attach(price, root)
    if size == 2:
        plan.engine.recalculate_all()
        return plan
    orders = Metric("orders", "Orders", unit="orders", relation=Relation.SHARE,
                    source="CRM", interval="monthly", countermeasure="Pipeline review")
    plan.attach(orders, root)
    lengths: list[int] = []
    remaining = size - 3 - formulas
    while remaining > 0:
        lengths.append(min(remaining, rng.randint(4, 6)))
        remaining -= lengths[-1]
    share = (Decimal(1) / max(1, len(lengths))).quantize(Decimal("0.0001"), rounding="ROUND_DOWN")
    for channel, length in enumerate(lengths, start=1):
        _add_channel(plan, orders, channel, share, length, rng, given_leaves)
    for index in range(formulas):
        channel = index % max(1, len(lengths)) + 1
        stage = f"c{channel}_s{rng.randrange(lengths[channel - 1]) if lengths else 0}"
        reader = Metric(f"ratio_{index}", f"Cost per stage {index}", kind=Kind.MONEY, relation=Relation.FORMULA,
                        formula=f"unit_price / {stage}", source="Accounting", interval="monthly",
                        countermeasure="Review spend")
        plan.attach(reader, plan.metrics.get(stage, root))
    plan.engine.recalculate_all()
    return plan


def _add_channel(plan: Plan, orders: Metric, channel: int, share: Decimal, length: int,
                 rng: random.Random, given_leaves: bool = False) -> None:
    parent = orders
    for depth in range(length):
        last = depth == length - 1
        relation = Relation.NONE if last else Relation.FUNNEL
        metric = Metric(
            f"c{channel}_s{depth}", f"{_STAGES[depth % len(_STAGES)]} (channel {channel})",
            unit="count", relation=relation, source="Web analytics", interval="weekly",
            countermeasure="Agreed in the weekly meeting",
        )
        if last and given_leaves:
            metric.target = Decimal(rng.randrange(1_000, 100_000))
        if depth == 0:
            metric.share = share
        else:
            metric.rate = Decimal(rng.choice(("0.1", "0.2", "0.25", "0.3", "0.5", "0.6")))
        plan.attach(metric, parent)
        parent = metric
