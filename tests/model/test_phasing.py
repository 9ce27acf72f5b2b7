"""kpidesk.model.phasing: how a target falls over time, worked by hand on a fiscal year of months."""

import datetime as dt
from fractions import Fraction as F

import pytest

from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.periods import Span
from kpidesk.model.phasing import earlier, is_level, later, phase_plan
from kpidesk.model.plan import Plan


@pytest.mark.parametrize("day, lag, weekly, moved", [
    (dt.date(2026, 6, 30), 2, False, dt.date(2026, 4, 30)),  # a month's last day stays its last
    (dt.date(2026, 3, 31), 1, False, dt.date(2026, 2, 28)),
    (dt.date(2026, 3, 30), 1, False, dt.date(2026, 2, 28)),  # no 30 February: the month's last day
    (dt.date(2026, 5, 15), 1, False, dt.date(2026, 4, 15)),
    (dt.date(2026, 5, 15), 0, False, dt.date(2026, 5, 15)),
    (dt.date(2026, 6, 10), 2, True, dt.date(2026, 5, 27)),  # two weeks
    (dt.date(2026, 6, 10), -1, True, dt.date(2026, 6, 17)),
])
def test_earlier_moves_by_months_or_weeks(day, lag, weekly, moved):
    assert earlier(day, lag, weekly) == moved


def test_later_undoes_earlier():
    assert later(dt.date(2026, 6, 30), 2, False) == dt.date(2026, 8, 31)  # 30 June two months on
    assert later(dt.date(2026, 6, 10), 1, True) == dt.date(2026, 6, 17)
    assert later(dt.date(2026, 6, 10), 0, True) == dt.date(2026, 6, 10)


def one_metric_plan() -> Plan:
    plan = Plan()
    plan.attach(Metric("sales", "Sales", kind=Kind.COUNT, target=1200), None)
    return plan


def test_an_even_year_is_due_month_by_month_and_day_by_day():
    span = Span(dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    sales = phase_plan(one_metric_plan().walk(), span)["sales"]
    assert sales.phased and not sales.weekly
    assert sales.due_share(dt.date(2026, 6, 30)) == F(1, 4)  # three of twelve months
    assert sales.due_share(dt.date(2026, 6, 15)) == F(5, 24)  # two months and half of June
    assert sales.due_by(F(1200), dt.date(2026, 6, 15)) == 250


def test_a_year_that_starts_mid_month_counts_the_first_month_for_its_days_inside():
    # 16 to 30 April is half of April: 11.5 months in all, April 1/23 of the target
    span = Span(dt.date(2026, 4, 16), dt.date(2027, 3, 31))
    sales = phase_plan(one_metric_plan().walk(), span)["sales"]
    assert sales.shape.weights[sales.periods[0]] == F(1, 23)
    assert sales.due_share(dt.date(2026, 4, 30)) == F(1, 23)
    assert sales.due_share(dt.date(2026, 4, 20)) == F(1, 69)  # 5 of April's 15 days inside
    assert sales.due_share(dt.date(2026, 4, 10)) == 0  # before the plan starts


def test_what_is_a_level():
    plan = Plan()
    sales = Metric("sales", "Sales", kind=Kind.MONEY, relation=Relation.PRODUCT, target=1000)
    plan.attach(sales, None)
    price = Metric("price", "Price", kind=Kind.MONEY)
    volume = Metric("volume", "Volume", kind=Kind.MONEY)
    plan.attach(price, sales)
    plan.attach(volume, sales)
    rate = Metric("rate", "Rate", kind=Kind.PERCENT)
    plan.attach(rate, None)
    cpl = Metric("cpl", "Cost per lead", kind=Kind.MONEY, relation=Relation.FORMULA, formula="budget / 2")
    plan.attach(cpl, None)
    budget = Metric("budget", "Budget", kind=Kind.MONEY)
    plan.attach(budget, cpl)
    assert not is_level(sales)  # a top count or amount adds up
    assert not is_level(price) and is_level(volume)  # of two amounts in a product, the first adds up
    assert is_level(rate) and is_level(cpl)  # a percentage; a formula
    assert not is_level(budget)  # under a formula: its own time
    assert is_level(price, True) and not is_level(price, False)  # a flowing parent's answer, given


def funnel_plan(*, lag=0, interval="weekly") -> Plan:
    """Orders by month, a funnel stage below them measured weekly (``interval``), ``lag`` periods before orders."""
    plan = Plan()
    plan.attach(Metric("orders", "Orders", relation=Relation.FUNNEL, target=30), None)
    plan.attach(Metric("leads", "Leads", rate=F(1, 2), interval=interval, lag=lag, relation=Relation.FUNNEL),
                plan.metrics["orders"])
    return plan


def weeks(phasing):
    return {str(period): weight for period, weight in phasing.shape.weights.items()}


def test_weekly_stage_under_monthly_orders_takes_their_days_week_by_week():
    # 15 to 30 June 2026: 16 days; the 15th is a Monday. W25 and W26 hold 7 days each, W27 the 29th and 30th.
    span = Span(dt.date(2026, 6, 15), dt.date(2026, 6, 30))
    leads = phase_plan(funnel_plan().walk(), span)["leads"]
    assert leads.weekly and weeks(leads) == {"2026-W25": F(7, 16), "2026-W26": F(7, 16), "2026-W27": F(2, 16)}
    leads = phase_plan(funnel_plan(lag=1).walk(), span)["leads"]  # a week earlier
    assert weeks(leads) == {"2026-W24": F(7, 16), "2026-W25": F(7, 16), "2026-W26": F(2, 16)}


def test_a_stage_before_the_plan_starts_counts_all_the_days_of_its_month():
    # Leads a month before orders: the June orders need May's leads, all 31 days of May (1 May 2026 is a Friday).
    # Visits weekly below them: W18 holds 1 to 3 May, W19 to W22 seven days each.
    span = Span(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    plan = funnel_plan(lag=1, interval="monthly")
    plan.attach(Metric("visits", "Visits", rate=F(1, 10), interval="weekly"), plan.metrics["leads"])
    phased = phase_plan(plan.walk(), span)
    assert weeks(phased["leads"]) == {"2026-05": F(1)}
    assert weeks(phased["visits"]) == {"2026-W18": F(3, 31), "2026-W19": F(7, 31), "2026-W20": F(7, 31),
                                       "2026-W21": F(7, 31), "2026-W22": F(7, 31)}


def test_weights_of_zero_everywhere_spread_evenly_and_one_weight_alone_takes_all():
    span = Span(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    plan = one_metric_plan()
    plan.metrics["sales"].phasing = {"2026-04": 0, "2026-05": 0, "2026-06": 0}
    sales = phase_plan(plan.walk(), span)["sales"]
    assert sales.due_share(dt.date(2026, 4, 30)) == F(1, 3)
    plan.metrics["sales"].phasing = {"2026-04": 1, "2026-05": 0, "2026-06": 0}
    sales = phase_plan(plan.walk(), span)["sales"]
    assert sales.due_share(dt.date(2026, 4, 30)) == 1


def test_what_is_a_level_below_a_level_and_in_a_product():
    plan = Plan()
    plan.attach(Metric("cvr", "CVR", kind=Kind.PERCENT, relation=Relation.FUNNEL), None)
    plan.attach(Metric("clicks", "Clicks", rate=F(1, 2)), plan.metrics["cvr"])
    plan.attach(Metric("sales", "Sales", kind=Kind.MONEY, relation=Relation.PRODUCT), None)
    plan.attach(Metric("price", "Price", kind=Kind.MONEY), plan.metrics["sales"])
    plan.attach(Metric("orders", "Orders"), plan.metrics["sales"])
    assert is_level(plan.metrics["clicks"])  # flowing into a level: a level too, found by walking up
    assert is_level(plan.metrics["price"]) and not is_level(plan.metrics["orders"])  # the count adds up, not money


def test_a_weekly_goal_of_its_own_is_due_day_by_day_in_its_weeks():
    # 15 to 30 June 2026: W25 (15-21) and W26 hold 7 of the 16 days each, W27 two. By Wednesday 17: 3 of W25's 7.
    span = Span(dt.date(2026, 6, 15), dt.date(2026, 6, 30))
    plan = Plan()
    plan.attach(Metric("visits", "Visits", interval="weekly", target=1600), None)
    visits = phase_plan(plan.walk(), span)["visits"]
    assert visits.due_share(dt.date(2026, 6, 17)) == F(3, 16)
    assert visits.due_share(dt.date(2026, 6, 28)) == F(14, 16)


def test_a_lagged_weekly_stage_is_due_when_the_monthly_orders_a_week_later_are():
    span = Span(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    phased = phase_plan(funnel_plan(lag=1).walk(), span)
    assert phased["leads"].due_share(dt.date(2026, 6, 20)) == phased["orders"].due_share(dt.date(2026, 6, 27))
    assert phased["leads"].due_share(dt.date(2026, 6, 20)) == F(27, 30)


def test_each_metric_keeps_its_own_weights_and_its_own_parents_shape():
    span = Span(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    plan = Plan()
    for name, weights in (("a", {"2026-04": 2}), ("b", {"2026-06": 2})):  # April or June counts double
        plan.attach(Metric(name, name.upper(), relation=Relation.FUNNEL, target=40, phasing=weights), None)
        plan.attach(Metric(f"{name}_leads", "Leads", rate=F(1, 2), lag=1), plan.metrics[name])
    phased = phase_plan(plan.walk(), span)
    assert phased["a"].due_share(dt.date(2026, 4, 30)) == F(1, 2)
    assert phased["b"].due_share(dt.date(2026, 4, 30)) == F(1, 4)
    # the leads a month ahead: April's orders need March's leads
    assert weeks(phased["a_leads"]) == {"2026-03": F(1, 2), "2026-04": F(1, 4), "2026-05": F(1, 4)}
    assert weeks(phased["b_leads"]) == {"2026-03": F(1, 4), "2026-04": F(1, 4), "2026-05": F(1, 2)}


def test_a_metric_under_a_plain_parent_keeps_its_own_time_and_a_level_is_not_phased():
    span = Span(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    plan = Plan()
    plan.attach(Metric("budget", "Budget", kind=Kind.MONEY, target=90, phasing={"2026-04": 7}), None)
    plan.attach(Metric("events", "Events", target=30), plan.metrics["budget"])  # relation none: its own time
    plan.attach(Metric("cvr", "CVR", kind=Kind.PERCENT, interval="weekly"), None)
    phased = phase_plan(plan.walk(), span)
    assert weeks(phased["events"]) == {"2026-04": F(1, 3), "2026-05": F(1, 3), "2026-06": F(1, 3)}
    cvr = phased["cvr"]
    assert not cvr.phased and cvr.weekly and cvr.periods == span.periods(True)
    assert (cvr.start, cvr.end) == (span.start, span.end)
