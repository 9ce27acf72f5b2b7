"""A level (a value that holds at a time, not one that adds up) is tracked by its latest actual.

In the sample (btob-web) the average unit price is a level: sales are orders times it, and the orders
carry the year's shape. Its target is 10,000,000 yen.
"""

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as F

from kpidesk import paths
from kpidesk.model.phasing import is_level
from kpidesk.model.tracking import Progress, Status, track
from kpidesk.planfile import loads


def sample(actuals=None, actual=None):
    plan = loads(paths.templates()["btob-web"].read_text(encoding="utf-8"), "btob-web.toml").plan
    price = plan.metrics["unit_price"]
    if actuals is not None:
        plan.set_field(price, "actuals", actuals)
    if actual is not None:
        plan.set_field(price, "actual", actual)
    return plan


MONTHS = {"2026-04": D(9_000_000), "2026-06": D(11_000_000), "2026-07": D(12_000_000)}


def test_the_unit_price_is_a_level_and_the_orders_are_not():
    plan = sample()
    assert is_level(plan.metrics["unit_price"]) and not is_level(plan.metrics["orders"])


def test_a_level_is_its_latest_actual_up_to_the_day():
    plan = sample(MONTHS)
    # June's 11,000,000 against 10,000,000: 110 %, ahead; July's is not yet in
    assert track(plan, dt.date(2026, 6, 30))["unit_price"] == Progress(
        "unit_price", False, 10_000_000, 10_000_000, 11_000_000, F(11, 10), 11_000_000, Status.AHEAD)
    assert track(plan, dt.date(2026, 6, 1))["unit_price"].actual_to_date == 11_000_000  # from June's first day
    may = track(plan, dt.date(2026, 5, 31))["unit_price"]
    assert (may.actual_to_date, may.progress, may.status) == (9_000_000, F(9, 10), Status.WARNING)


def test_without_actuals_per_period_a_level_is_its_one_actual():
    seen = track(sample(actual=D(8_000_000)), dt.date(2026, 6, 30))["unit_price"]
    assert (seen.actual_to_date, seen.progress, seen.status) == (8_000_000, F(4, 5), Status.BEHIND)
    none = track(sample(), dt.date(2026, 6, 30))["unit_price"]
    assert (none.actual_to_date, none.progress, none.status) == (None, None, Status.NO_DATA)
