"""The funnel's stages as the graph reads them, and what an override may hold, on the sample plan.

The sample's funnel, widest first: 1,600 visits -> 10 % -> 160 leads -> 50 % -> 80 nurtured -> 50 % ->
40 negotiations -> 50 % -> 20 web orders. Every figure below is worked out by hand from those rates.
"""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk import paths
from kpidesk.model.evaluation import evaluate
from kpidesk.model.funnel import funnel_of
from kpidesk.model.plan import PlanError
from kpidesk.planfile import loads


def web_plan():
    return loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan


def test_each_stage_carries_its_target_forecast_actual_and_rates():
    plan = web_plan()
    plan.set_field(plan.metrics["leads"], "actual", D(120))
    stages = funnel_of(plan, plan.metrics["leads"])
    assert [s.metric.id for s in stages] == ["visits", "leads", "nurtured", "negotiations", "web_orders"]
    assert [s.target for s in stages] == [1600, 160, 80, 40, 20]
    assert [s.forecast for s in stages] == [1600, 160, 80, 40, 20]
    assert [s.actual for s in stages] == [None, D(120), None, None, None]
    assert [s.rate_in for s in stages] == [None, F(1, 10), F(1, 2), F(1, 2), F(1, 2)]
    assert [s.cumulative for s in stages] == [1, F(1, 10), F(1, 20), F(1, 40), F(1, 80)]


def test_with_visits_given_below_the_need_the_forecast_falls_short_and_the_target_stays():
    plan = web_plan()
    plan.set_field(plan.metrics["visits"], "target", D(1200))
    stages = funnel_of(plan)  # the KGI's funnel
    assert [s.target for s in stages] == [1200, 160, 80, 40, 20]  # visits given; the rest back from the goal
    assert [s.forecast for s in stages] == [1200, 120, 60, 30, 15]  # 1,200 x 10 % x 50 % x 50 % x 50 %


def test_a_stage_without_a_rate_breaks_the_cumulative_rate_from_there_on():
    plan = web_plan()
    plan.set_field(plan.metrics["leads"], "rate", None)  # lead -> nurtured unknown
    stages = funnel_of(plan)
    assert [s.rate_in for s in stages] == [None, F(1, 10), None, F(1, 2), F(1, 2)]
    assert [s.cumulative for s in stages] == [1, F(1, 10), None, None, None]


def test_an_evaluation_with_overrides_leaves_the_plan_as_it_is():
    plan = web_plan()
    evaluation = evaluate(plan, {"visits.target": 1200})
    assert evaluation["web_orders"].forecast == 15  # 1,200 x 10 % x 50 % x 50 % x 50 %
    assert [(f.metric, f.code) for f in evaluation.findings()] == [("visits", "given_below_need")]
    assert plan.metrics["visits"].target is None and plan.metrics["web_orders"].computed.forecast == 20


@pytest.mark.parametrize("overrides, code, override", [
    ({"nobody.target": 1}, "override_no_metric", "nobody.target"),
    ({"visits.name": "x"}, "override_not_variable", "visits.name"),
    ({"visits.target": True}, "override_number_expected", "visits.target"),
    ({"visits.rate": F(3, 2)}, "override_fraction_range", "visits.rate"),
    ({"visits.rate": "150%"}, "rate_out_of_range", "visits.rate"),
])
def test_an_override_that_cannot_be_is_refused_naming_it(overrides, code, override):
    with pytest.raises(PlanError) as info:
        evaluate(web_plan(), overrides)
    why = info.value.reason
    assert why.code == code and why.within[0][0] == "in_override" and dict(why.within[0][1]) == {"override": override}


def test_a_rate_override_of_zero_and_one_hundred_percent_are_rates():
    plan = web_plan()
    assert evaluate(plan, {"visits.rate": 0})["visits"].rate == 0
    assert evaluate(plan, {"visits.rate": 1})["visits"].rate == 1
    assert evaluate(plan, {"visits.rate": "solve"}).overrides[("visits", "rate")] == "solve"
