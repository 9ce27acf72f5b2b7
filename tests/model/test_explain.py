"""Why each derived target is what it is (kpidesk.model.explain), on the two sample plans.

btob-web: sales 1,000,000,000 given = orders x unit price (10,000,000 given); web orders are 20 % of
orders; then a funnel at 50 %, 50 %, 50 %, 10 %. inbound: 600 MQLs given from leads at 30 %, leads the
sum of search and social leads; search visits at 1.5 % = articles x visits per article.
"""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk import paths
from kpidesk.model.explain import explain
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan
from kpidesk.planfile import loads


def plan_of(name):
    return loads(paths.templates()[name].read_text(encoding="utf-8")).plan


def why(plan, metric_id):
    found = explain(plan.metrics[metric_id])
    return None if found is None else (found.code, dict(found.args), found.field, found.check)


@pytest.mark.parametrize("metric_id, code, args", [
    ("sales", "why_given", {"target": F(1_000_000_000)}),
    ("orders", "why_product_up", {"parent": "sales", "amount": F(1_000_000_000), "of": "sales"}),  # a count
    ("web_orders", "why_share", {"parent": "orders", "amount": F(100), "share": F(1, 5), "of": "orders"}),
    ("negotiations", "why_rate", {"parent": "web_orders", "amount": F(20), "rate": F(1, 2), "of": "web_orders"}),
    ("visits", "why_rate", {"parent": "leads", "amount": F(160), "rate": F(1, 10), "of": "leads"}),
])
def test_each_target_of_the_web_sample_says_how_it_was_reached(metric_id, code, args):
    assert why(plan_of("btob-web"), metric_id) == (code, args, "target", "explain")


def test_a_share_that_does_not_divide_is_rounded_up():
    plan = plan_of("btob-web")
    plan.set_field(plan.metrics["sales"], "target", D(1_010_000_000))  # 101 orders: 20 % is 20.2 web orders
    assert why(plan, "web_orders")[:2] == ("why_share_up", {"parent": "orders", "amount": F(101), "share": F(1, 5),
                                                            "of": "orders"})


@pytest.mark.parametrize("metric_id, code, args", [
    ("leads", "why_rate", {"parent": "mqls", "amount": F(600), "rate": F(3, 10), "of": "mqls"}),
    ("organic_leads", "why_forward", {"relation": "funnel"}),  # a part of a sum, made from its own funnel
    # 1,760 leads / 1.5 % = 117,333.3 visits: 117,334
    ("organic_visits", "why_rate_up", {"parent": "organic_leads", "amount": F(1760), "rate": F(3, 200),
                                       "of": "organic_leads"}),
    # visits per article is a number, not a count: not rounded
    ("visits_per_article", "why_product", {"parent": "organic_visits", "amount": F(117_334), "of": "organic_visits"}),
    ("organic_cvr", "why_formula", {"formula": "organic_leads / organic_visits"}),
])
def test_each_target_of_the_inbound_sample_says_how_it_was_reached(metric_id, code, args):
    assert why(plan_of("inbound"), metric_id)[:2] == (code, args)


def test_a_metric_without_a_target_has_nothing_to_explain():
    plan = Plan()
    plan.attach(Metric("alone", "Alone"), None)
    plan.engine.recalculate_all()
    assert explain(plan.metrics["alone"]) is None
