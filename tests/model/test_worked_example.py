"""The worked example of DOMAIN.md, as the btob-web template, and its what-ifs."""

from decimal import Decimal

import pytest

from kpidesk import paths
from kpidesk.model.checks import run_checks
from kpidesk.model.findings import Severity
from kpidesk.model.messages import describe
from kpidesk.planfile import load

FUNNEL = ("web_orders", "negotiations", "nurtured", "leads", "visits")


@pytest.fixture
def plan():
    return load(paths.templates()["btob-web"]).plan


def targets(plan, ids=("orders", *FUNNEL)):
    return {i: plan.metrics[i].computed.target for i in ids}


def set_(plan, metric_id, field, value):
    plan.set_field(plan.metrics[metric_id], field, value)


def test_back_from_the_goal(plan):
    assert targets(plan) == {
        "orders": 100, "web_orders": 20, "negotiations": 40, "nurtured": 80, "leads": 160, "visits": 1600,
    }
    assert plan.kgi.id == "web_orders"
    assert all(plan.metrics[i].computed.gap == 0 for i in FUNNEL)


def test_lower_close_rate_raises_every_stage_below(plan):
    set_(plan, "negotiations", "rate", Decimal("0.4"))
    assert targets(plan) == {
        "orders": 100, "web_orders": 20, "negotiations": 50, "nurtured": 100, "leads": 200, "visits": 2000,
    }


def test_larger_web_share_scales_the_funnel(plan):
    set_(plan, "web_orders", "share", Decimal("0.25"))
    assert targets(plan) == {
        "orders": 100, "web_orders": 25, "negotiations": 50, "nurtured": 100, "leads": 200, "visits": 2000,
    }


def test_counts_round_up_when_back_calculated(plan):
    set_(plan, "negotiations", "rate", Decimal("0.3"))
    assert targets(plan, FUNNEL[1:]) == {"negotiations": 67, "nurtured": 134, "leads": 268, "visits": 2680}
    assert plan.metrics["web_orders"].computed.forecast >= 20


@pytest.mark.parametrize("visits, forecast, gap, consistent", [(2000, 25, 5, True), (1000, 12, -8, False)])
def test_capacity_gives_forecast_and_gap(plan, visits, forecast, gap, consistent):
    set_(plan, "visits", "target", Decimal(visits))
    kgi = plan.metrics["web_orders"].computed
    assert (kgi.target, kgi.forecast, kgi.gap) == (20, forecast, gap)
    failures = [f for f in run_checks(plan) if f.check == "consistency" and f.metric == "web_orders"]
    assert (not failures) is consistent
    if not consistent:
        assert failures[0].severity is Severity.ERROR
        assert failures[0].code == "goal_short"
        assert describe(failures[0], plan) == (
            "If every KPI is met, Web orders reaches 12 orders, short of the goal 20 orders (gap -8).")


def test_zero_rate_is_reported_on_its_metric_and_other_branches_calculate(plan):
    set_(plan, "negotiations", "rate", Decimal(0))
    messages = [f for f in plan.metrics["negotiations"].computed.findings if f.check == "impossible"]
    assert [f.code for f in messages] == ["rate_zero"]
    assert describe(messages[0], plan) == (
        "The rate from Negotiations to Web orders is 0 %: no number of Negotiations reaches 20 orders of Web orders."
        " Set a rate above 0 %.")
    assert plan.metrics["unit_price"].computed.target == 10_000_000
    assert plan.metrics["orders"].computed.target == 100


def test_goal_seek_solves_the_rate(plan):
    set_(plan, "visits", "target", Decimal(1000))
    set_(plan, "visits", "solve_rate", True)
    assert plan.metrics["visits"].computed.rate == Decimal("0.16")
    assert plan.metrics["web_orders"].computed.forecast == 20
    assert not [f for f in run_checks(plan) if f.severity is Severity.ERROR]


def test_given_values_stay_and_derived_ones_move(plan):
    set_(plan, "leads", "target", Decimal(300))
    set_(plan, "negotiations", "rate", Decimal("0.4"))
    assert plan.metrics["leads"].computed.target == 300  # given: fixed
    assert plan.metrics["visits"].computed.target == 3000  # derived from the given leads
    assert plan.metrics["nurtured"].computed.target == 100  # derived from the goal


def test_making_a_value_derived_again(plan):
    set_(plan, "visits", "target", Decimal(5))
    set_(plan, "visits", "target", None)
    assert plan.metrics["visits"].computed.target == 1600
    assert not plan.metrics["visits"].is_given
