"""Following the plan: phasing, lag, to-date figures, status, the bottleneck and the KGI re-forecast.

Expected numbers are worked by hand from the btob-web sample: web orders 20 a
year, negotiations 40 (close rate 50 %), nurtured leads 80, leads 160, visits
1,600; April 2026 to March 2027, evenly phased, so the first quarter is 1/4.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk import paths
from kpidesk.model.bottleneck import RATE, VOLUME, find_bottleneck
from kpidesk.model.exact import Fraction
from kpidesk.model.metric import Better, Kind, Metric, Relation
from kpidesk.model.periods import Period
from kpidesk.model.plan import Plan
from kpidesk.model.tracking import Status, track
from kpidesk.model.tracking_text import bottleneck_lines
from kpidesk.planfile import loads

JUNE = dt.date(2026, 6, 30)
FIRST_QUARTER = {  # Apr, May, Jun 2026
    "visits": (130, 120, 130), "leads": (12, 12, 12), "nurtured": (6, 6, 6),
    "negotiations": (3, 3, 3), "web_orders": (1, 1, 1),
}


def sample(monthly: bool = True, actuals: dict[str, tuple[int, ...]] | None = None) -> Plan:
    text = paths.templates()["btob-web"].read_text(encoding="utf-8")
    if monthly:
        text = text.replace('interval = "weekly"', 'interval = "monthly"')
    plan = loads(text, "btob-web.toml").plan
    for metric_id, values in (FIRST_QUARTER if actuals is None else actuals).items():
        plan.set_field(plan.metrics[metric_id], "actuals",
                       {f"2026-{4 + i:02d}": D(v) for i, v in enumerate(values)})
    return plan


def test_the_first_quarter_of_the_sample_worked_by_hand():
    plan = sample()
    seen = track(plan, JUNE)
    expected = {  # target to date = a quarter of the year; progress = actual / that; pace = year x progress
        "web_orders": (5, 3, Fraction(3, 5), 12, Status.BEHIND),
        "negotiations": (10, 9, Fraction(9, 10), 36, Status.WARNING),
        "nurtured": (20, 18, Fraction(9, 10), 72, Status.WARNING),
        "leads": (40, 36, Fraction(9, 10), 144, Status.WARNING),
        "visits": (400, 380, Fraction(19, 20), 1520, Status.ON_TRACK),
    }
    for metric_id, (target, actual, progress, pace, status) in expected.items():
        got = seen[metric_id]
        assert (got.target_to_date, got.actual_to_date, got.progress, got.pace, got.status) == (
            target, actual, progress, pace, status), metric_id
    # the rate seen into the stage above: 3 orders of 9 negotiations, 9 of 18, 18 of 36, 36 of 380
    assert seen["negotiations"].actual_rate == Fraction(1, 3) and seen["negotiations"].planned_rate == Fraction(1, 2)
    assert seen["nurtured"].actual_rate == Fraction(1, 2) and seen["visits"].actual_rate == Fraction(36, 380)
    assert seen["sales"].status is Status.NO_DATA and seen["sales"].target_to_date == 250_000_000


def test_the_bottleneck_is_the_close_rate_and_costs_six_of_the_eight_missing_orders():
    plan = sample()
    seen = track(plan, JUNE)
    found = find_bottleneck(plan, seen)
    assert found is not None and (found.metric_id, found.reason) == ("negotiations", RATE)
    assert found.shortfall == Fraction(1, 3)  # 1 - (1/3) / (1/2)
    # 1,520 visits x 36/380 = 144 leads -> 72 -> 36 negotiations -> 12 orders at 1/3 (18 at the planned 1/2)
    assert (found.kgi_reforecast, found.kgi_target, found.kgi_cost) == (12, 20, 6)
    assert found.owner == "Inside sales" and found.countermeasure.startswith("Add a second follow-up call")
    assert bottleneck_lines(plan, seen, found)[-1] == (
        "At the rates so far the plan ends at 12 Web orders against 20: Negotiations costs 6 of the 8 missing.")


def test_a_funnel_short_of_visits_has_its_first_stage_as_the_bottleneck():
    plan = sample(actuals={"visits": (50, 50, 50), "leads": (5, 5, 5)})
    found = find_bottleneck(plan, track(plan, JUNE))
    assert found is not None and (found.metric_id, found.reason) == ("visits", VOLUME)
    assert found.shortfall == Fraction(5, 8)  # 150 of 400 to date


def test_nothing_is_behind_without_actuals_and_there_is_no_bottleneck():
    plan = sample(actuals={})
    seen = track(plan, JUNE)
    assert {p.status for p in seen.metrics.values()} == {Status.NO_DATA}
    assert find_bottleneck(plan, seen) is None


def test_tracking_changes_nothing_in_the_plan():
    plan = sample()
    before = {m.id: (m.computed, dict(m.actuals), m.rate, m.target) for m in plan.walk()}
    heard: list[object] = []
    plan.events.connect(heard.append)
    find_bottleneck(plan, track(plan, JUNE))
    assert {m.id: (m.computed, dict(m.actuals), m.rate, m.target) for m in plan.walk()} == before and not heard


def test_a_lag_moves_the_stages_below_earlier_and_shows_the_carry_in():
    plan = sample(actuals={})
    plan.set_field(plan.metrics["negotiations"], "lag", 2)  # negotiations close two months later
    seen = track(plan, JUNE)
    phases = seen.phasing["negotiations"]
    months = phases.targets(Fraction(40))
    assert phases.carry_in_periods == (Period(2026, 2), Period(2026, 3))
    assert phases.carry_in(Fraction(40)) == Fraction(20, 3)  # Feb and Mar 2026, 40/12 each
    assert months[Period(2026, 4)] == Fraction(10, 3)  # for the orders of June
    assert months[Period(2027, 2)] == months[Period(2027, 3)] == 0  # their orders fall after the plan
    assert seen["negotiations"].target_to_date == Fraction(50, 3)  # Feb to Jun 2026
    # the stages below negotiations move with it: leads for the orders of June are due in April
    assert seen.phasing["leads"].targets(Fraction(160))[Period(2026, 4)] == Fraction(40, 3)
    assert seen["web_orders"].carry_in == 0


def test_the_rate_seen_pairs_each_stage_with_the_stage_above_lag_periods_later():
    plan = sample(actuals={"web_orders": (0, 0, 2), "negotiations": (4, 5, 6)})
    plan.set_field(plan.metrics["negotiations"], "lag", 2)
    # orders to date (2) against negotiations up to April (4): 50 %
    assert track(plan, JUNE)["negotiations"].actual_rate == Fraction(1, 2)


def test_seasonal_weights_phase_the_top_and_flow_down():
    plan = sample(actuals={})
    plan.set_field(plan.metrics["sales"], "phasing", {"2026-12": D(3), "2027-03": D(0)})
    seen = track(plan, JUNE)
    orders = seen.phasing["orders"].targets(Fraction(100))  # weights 1 x 10, 3 and 0: 13
    assert orders[Period(2026, 12)] == Fraction(300, 13) and orders[Period(2027, 3)] == 0
    assert orders[Period(2026, 4)] == Fraction(100, 13)
    assert seen["unit_price"].phased is False  # a price is a level, not phased


def test_costs_invert_progress():
    plan = Plan("costs")
    cost = Metric("ad_cost", "Ad cost", kind=Kind.MONEY, better=Better.LOWER, target=D(1_200_000), interval="monthly")
    plan.insert_metric(cost, None, 0)
    plan.info.update(start=dt.date(2026, 4, 1), end=dt.date(2027, 3, 31))
    plan.set_field(cost, "actuals", {"2026-04": D(110_000), "2026-05": D(110_000), "2026-06": D(110_000)})
    got = track(plan, JUNE)["ad_cost"]
    assert (got.target_to_date, got.actual_to_date) == (300_000, 330_000)
    assert got.progress == Fraction(300, 330) and got.status is Status.WARNING  # 90.9 %: spent over the pace
    assert got.pace == 1_320_000


def test_the_plan_sets_its_own_thresholds():
    text = paths.templates()["btob-web"].read_text(encoding="utf-8")
    text = text.replace('interval = "weekly"', 'interval = "monthly"').replace(
        'kgi = "web_orders"', 'kgi = "web_orders"\non_track = "90%"\nbehind = "60%"')
    plan = loads(text, "p.toml").plan
    for metric_id, values in FIRST_QUARTER.items():
        plan.set_field(plan.metrics[metric_id], "actuals", {f"2026-{4 + i:02d}": D(v) for i, v in enumerate(values)})
    seen = track(plan, JUNE)
    assert seen["leads"].status is Status.ON_TRACK and seen["web_orders"].status is Status.WARNING


def test_weekly_stages_take_the_shape_of_a_monthly_stage_above():
    plan = sample(monthly=False, actuals={})
    seen = track(plan, JUNE)
    nurtured = seen.phasing["nurtured"]
    assert nurtured.weekly and sum(nurtured.shape.weights.values()) == 1
    assert nurtured.periods[0] == Period(2026, 14, True) and len(nurtured.periods) == 53


def test_a_formula_without_actuals_is_computed_from_the_actuals_to_date():
    plan = sample(actuals={"leads": (10, 10, 10)})
    budget = Metric("budget", "Budget", kind=Kind.MONEY, interval="monthly")
    cpl = Metric("cpl", "Cost per lead", kind=Kind.MONEY, better=Better.LOWER, relation=Relation.FORMULA,
                 formula="budget / leads", target=D(5_000))
    plan.insert_metric(cpl, None, len(plan.roots))
    plan.insert_metric(budget, cpl, 0)
    plan.set_field(budget, "actuals", {"2026-04": D(60_000), "2026-05": D(60_000), "2026-06": D(60_000)})
    got = track(plan, JUNE)["cpl"]
    assert got.actual_to_date == 6_000 and got.progress == Fraction(5, 6)  # 180,000 / 30 leads


@settings(max_examples=examples(60), deadline=None)
@given(lag=st.integers(0, 5), weights=st.dictionaries(st.integers(4, 15), st.integers(0, 9), max_size=6),
       weekly=st.booleans())
def test_phased_targets_always_add_up_to_the_target(lag, weights, weekly):
    plan = sample(monthly=not weekly, actuals={})
    months = {Period(2026, 1).shifted(m - 1).key: D(w) for m, w in weights.items()}
    plan.set_field(plan.metrics["sales"], "phasing", months)
    plan.set_field(plan.metrics["nurtured"], "lag", lag)
    seen = track(plan, JUNE)
    for metric in plan.walk():
        phases = seen.phasing[metric.id]
        if not phases.phased:
            continue
        target = metric.computed.target
        assert sum(phases.targets(target).values()) + phases.carry_in(target) == target, metric.id
        assert all(value >= 0 for value in phases.targets(target).values())


@settings(max_examples=examples(60), deadline=None)
@given(actual=st.integers(1, 10_000), target=st.integers(1, 10_000))
def test_lower_is_better_inverts_higher(actual, target):
    statuses = {}
    for better in (Better.HIGHER, Better.LOWER):
        plan = Plan("p")
        metric = Metric("m", "M", better=better, target=D(target * 12), interval="monthly")
        plan.insert_metric(metric, None, 0)
        plan.info.update(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
        plan.set_field(metric, "actuals", {"2026-01": D(actual)})
        statuses[better] = track(plan, dt.date(2026, 1, 31))["m"].progress
    assert statuses[Better.HIGHER] * statuses[Better.LOWER] == 1


@pytest.mark.parametrize("as_of, months", [
    (dt.date(2026, 4, 30), Fraction(1)), (dt.date(2026, 9, 15), Fraction(11, 2)),  # 15 of September's 30 days
    (dt.date(2030, 1, 1), Fraction(12)), (dt.date(2020, 1, 1), Fraction(1, 30)),  # moved to 1 April
])
def test_the_as_of_date_is_moved_into_the_plan_and_counts_the_days_of_its_month(as_of, months):
    plan = sample(actuals={})
    assert track(plan, as_of)["web_orders"].target_to_date == 20 * months / 12


def test_a_week_that_runs_into_the_next_month_counts_only_its_days_up_to_the_as_of_date():
    plan = sample(monthly=False, actuals={})  # nurtured leads, leads and visits are weekly in the sample
    seen = track(plan, JUNE)  # the week of 29 June runs to 5 July
    assert (seen["nurtured"].target_to_date, seen["leads"].target_to_date, seen["visits"].target_to_date) == (
        20, 40, 400)
