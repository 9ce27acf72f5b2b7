"""Tracking a formula metric from the actuals to date of what it reads (kpidesk.model.tracking).

The sample (btob-web) with 10 leads a month from April; a cost per lead (budget / leads, lower is better,
target 5,000) reads a monthly budget of 60,000.
"""

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as F

from kpidesk import paths
from kpidesk.model.metric import Better, Kind, Metric, Relation
from kpidesk.model.tracking import Progress, Status, track
from kpidesk.planfile import loads

JUNE = dt.date(2026, 6, 30)


def plan_with_cost_per_lead(budget_actuals):
    text = paths.templates()["btob-web"].read_text(encoding="utf-8").replace('interval = "weekly"',
                                                                             'interval = "monthly"')
    plan = loads(text, "btob-web.toml").plan
    plan.set_field(plan.metrics["leads"], "actuals", {"2026-04": D(10), "2026-05": D(10), "2026-06": D(10)})
    cpl = Metric("cpl", "Cost per lead", kind=Kind.MONEY, better=Better.LOWER, relation=Relation.FORMULA,
                 formula="budget / leads", target=D(5_000))
    budget = Metric("budget", "Budget", kind=Kind.MONEY, interval="monthly")
    plan.insert_metric(cpl, None, len(plan.roots))
    plan.insert_metric(budget, cpl, 0)
    if budget_actuals:
        plan.set_field(budget, "actuals", budget_actuals)
    return plan


def test_a_formula_is_tracked_as_a_level_of_what_it_reads_to_date():
    plan = plan_with_cost_per_lead({"2026-04": D(60_000), "2026-05": D(60_000), "2026-06": D(60_000)})
    # 180,000 / 30 leads = 6,000 against 5,000, lower is better: 5/6, below 90 %: behind
    assert track(plan, JUNE)["cpl"] == Progress("cpl", False, 5_000, 5_000, 6_000, F(5, 6), 6_000, Status.BEHIND)


def test_a_formula_whose_inputs_have_no_actuals_has_no_data():
    seen = track(plan_with_cost_per_lead({}), JUNE)["cpl"]
    assert (seen.actual_to_date, seen.progress, seen.status) == (None, None, Status.NO_DATA)


def test_a_formula_that_does_not_parse_has_no_data():
    plan = plan_with_cost_per_lead({"2026-04": D(60_000)})
    plan.metrics["cpl"].formula = "budget / ("
    seen = track(plan, JUNE)["cpl"]
    assert (seen.actual_to_date, seen.progress, seen.status) == (None, None, Status.NO_DATA)
