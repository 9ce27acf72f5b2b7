"""Why a part of a sum or funnel with several parts has its target: the goal less what the other parts bring.

Each case is worked out by hand in its comment: 100 leads wanted, "search" brings its target times its rate
(1 when it has none), and "social" makes up the rest at its own rate.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from kpidesk.model.explain import explain
from kpidesk.planfile import loads


def plan_of(relation: str, *parts: tuple[str, str]):
    """100 leads wanted, made of ``parts``: (id, its keys) each."""
    text = f'''format_version = "1.0"
[plan]
title = "Leads"
kgi = "leads"

[[metric]]
id = "leads"
name = "Leads"
relation = "{relation}"
target = 100
'''
    for part, keys in parts:
        text += f'''
[[metric]]
id = "{part}"
parent = "leads"
name = "{part.title()}"
{keys}
'''
    return loads(text).plan


def why(plan, metric_id: str):
    found = explain(plan.metrics[metric_id])
    return None if found is None else (found.code, dict(found.args))


@pytest.mark.parametrize("relation, search, social, target, code, amount, rate", [
    # 100 - 30 = 70 left; 70 / 50 % = 140, whole
    ("sum", "target = 30", 'rate = "50%"', 140, "why_rate_rest", 70, F(1, 2)),
    # 70 / 30 % = 233.3: 234 leads, rounded up
    ("sum", "target = 30", 'rate = "30%"', 234, "why_rate_rest_up", 70, F(3, 10)),
    # money is not rounded: 70 / 30 % = 700/3
    ("sum", "target = 30", 'rate = "30%"\nkind = "money"', F(700, 3), "why_rate_rest", 70, F(3, 10)),
    # search brings 50 x 80 % = 40; 60 left / 50 % = 120
    ("sum", 'target = 50\nrate = "80%"', 'rate = "50%"', 120, "why_rate_rest", 60, F(1, 2)),
    ("funnel", 'target = 50\nrate = "80%"', 'rate = "50%"', 120, "why_rate_rest", 60, F(1, 2)),
    # search alone brings 150, more than the 100 wanted: nothing is left, never a negative need
    ("sum", "target = 150", 'rate = "50%"', 0, "why_rate_rest", 0, F(1, 2)),
])
def test_a_part_makes_up_what_the_other_parts_leave(relation, search, social, target, code, amount, rate):
    plan = plan_of(relation, ("search", search), ("social", social))
    assert plan.metrics["social"].computed.target == target
    assert why(plan, "social") == (code, {"parent": "leads", "amount": F(amount), "rate": rate, "of": "leads"})
    assert why(plan, "search")[0] == "why_given"


def test_the_only_part_takes_the_whole_goal():
    plan = plan_of("sum", ("social", 'rate = "30%"'))
    # 100 / 30 % = 333.3: 334, rounded up; no "rest" with a single part
    assert plan.metrics["social"].computed.target == 334
    assert why(plan, "social") == ("why_rate_up", {"parent": "leads", "amount": F(100), "rate": F(3, 10),
                                                   "of": "leads"})


def test_a_funnel_part_without_a_rate_leaves_nothing_to_explain():
    # search has no rate into a funnel: its contribution is unknown, so is what is left for social
    plan = plan_of("funnel", ("search", "target = 30"), ("social", 'rate = "50%"'))
    assert plan.metrics["social"].computed.target is None
    assert why(plan, "social") is None
