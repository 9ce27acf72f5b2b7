"""Consistency, the check that a goal is met forward from the KPI targets, read by hand on small plans.

A cost per order is a limit (lower is better): forward 300,000 JPY / 20 orders = 15,000 JPY per order, over a
limit of 10,000 by 5,000. Orders are a goal (higher is better): 1,000 visits x 1 % = 10 orders, short of 20 by 10.
"""

from fractions import Fraction as F

from kpidesk.model.checks import measurable, run_checks
from kpidesk.model.findings import Severity
from kpidesk.model.plan import Plan
from kpidesk.planfile import loads

HEAD = '[plan]\ntitle = "t"\ncurrency = "JPY"\nkgi = "{kgi}"\n'

COST_PER_ORDER = """
[[metric]]
id = "cpo"
name = "Cost per order"
unit = "JPY"
kind = "money"
better = "lower"
relation = "formula"
formula = "cost / orders"
target = 10_000

[[metric]]
id = "cost"
parent = "cpo"
name = "Cost"
unit = "JPY"
kind = "money"
target = 300_000

[[metric]]
id = "orders"
parent = "cpo"
name = "Orders"
unit = "orders"
target = 20
"""

SHORT_FUNNEL = """
[[metric]]
id = "won"
name = "Orders"
unit = "orders"
relation = "funnel"
target = 20

[[metric]]
id = "visits"
parent = "won"
name = "Visits"
unit = "visits"
rate = 0.01
target = 1_000
"""

NOTHING_GIVEN = """
[[metric]]
id = "goal"
name = "Goal"
unit = "orders"
relation = "funnel"

[[metric]]
id = "stage"
parent = "goal"
name = "Stage"
unit = "leads"
rate = 0.5
"""


def consistency(text: str, kgi: str) -> list[tuple[str, str, dict]]:
    plan = loads(HEAD.format(kgi=kgi) + text).plan
    return [(f.metric, f.code, dict(f.args)) for f in run_checks(plan) if f.check == "consistency"]


def test_a_limit_that_the_forecast_passes_is_exceeded_not_short():
    assert consistency(COST_PER_ORDER, "cpo") == [
        ("cpo", "limit_exceeded", {"forecast": F(15_000), "target": F(10_000), "gap": F(5_000)})]


def test_a_goal_that_the_forecast_misses_is_short():
    assert consistency(SHORT_FUNNEL, "won") == [
        ("won", "goal_short", {"forecast": F(10), "target": F(20), "gap": F(-10)})]


def test_a_kgi_without_a_target_does_not_hide_the_goals_after_it():
    """The KGI comes first in the walk and has nothing to compare; the root after it still falls short."""
    assert consistency(NOTHING_GIVEN + SHORT_FUNNEL, "goal") == [
        ("won", "goal_short", {"forecast": F(10), "target": F(20), "gap": F(-10)})]


def test_a_kgi_with_a_target_but_no_forecast_is_said_and_the_goals_after_it_still_checked():
    """A stage without its rate: the goal of 30 can be neither worked back nor forecast."""
    given_goal = NOTHING_GIVEN.replace('relation = "funnel"\n', 'relation = "funnel"\ntarget = 30\n', 1)
    given_goal = given_goal.replace("rate = 0.5\n", "")
    assert consistency(given_goal + SHORT_FUNNEL, "goal") == [  # errors are listed before warnings
        ("won", "goal_short", {"forecast": F(10), "target": F(20), "gap": F(-10)}),
        ("goal", "kgi_not_forecast", {})]


def test_a_plan_is_measurable_with_a_kgi_that_has_a_target_and_a_unit():
    def said(plan):
        return [(f.metric, f.severity, f.check, f.code, f.field) for f in measurable(plan)]

    assert said(Plan("empty")) == [(None, Severity.ERROR, "measurable", "no_kgi", None)]
    plan = loads(HEAD.format(kgi="goal") + NOTHING_GIVEN).plan
    assert said(plan) == [("goal", Severity.ERROR, "measurable", "kgi_no_target", "target")]
    plan = loads(HEAD.format(kgi="goal") + NOTHING_GIVEN.replace('unit = "orders"\n', "", 1).replace(
        'relation = "funnel"\n', 'relation = "funnel"\ntarget = 30\n', 1)).plan
    assert said(plan) == [("goal", Severity.WARNING, "measurable", "kgi_no_unit", "unit")]
