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
