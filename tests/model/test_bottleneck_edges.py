"""kpidesk.model.bottleneck beyond the worst stage: every shortfall in order, the re-forecast's overrides,
and a plan without a KGI.

The sample (btob-web) as of 30 June with its first quarter of actuals (see test_tracking.py): rates seen
into the stage above are 3/9 for negotiations (1/2 planned), 9/18 nurtured, 18/36 leads, 36/380 visits
(1/10 planned); visits are at 380 of 400 to date, a pace of 1,520 for the year.
"""

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as F

from kpidesk import paths
from kpidesk.model.bottleneck import RATE, VOLUME, find_bottleneck, kgi_at, reforecast_overrides, shortfalls
from kpidesk.model.plan import Plan
from kpidesk.model.tracking import track
from kpidesk.planfile import loads

JUNE = dt.date(2026, 6, 30)
FIRST_QUARTER = {"visits": (130, 120, 130), "leads": (12, 12, 12), "nurtured": (6, 6, 6),
                 "negotiations": (3, 3, 3), "web_orders": (1, 1, 1)}


def sample(actuals=FIRST_QUARTER):
    text = paths.templates()["btob-web"].read_text(encoding="utf-8").replace('interval = "weekly"',
                                                                             'interval = "monthly"')
    plan = loads(text, "btob-web.toml").plan
    for metric_id, values in actuals.items():
        plan.set_field(plan.metrics[metric_id], "actuals", {f"2026-{4 + i:02d}": D(v) for i, v in enumerate(values)})
    return plan


def test_every_stage_short_is_listed_worst_first():
    plan = sample()
    got = [(short, why, metric.id) for short, why, metric in shortfalls(plan, track(plan, JUNE))]
    # negotiations 1 - (1/3)/(1/2) = 1/3; visits by rate 1 - (36/380)/(1/10) = 1/19, by volume 1 - 380/400 = 1/20;
    # nurtured and leads convert as planned (1/2): not short
    assert got == [(F(1, 3), RATE, "negotiations"), (F(1, 19), RATE, "visits"), (F(1, 20), VOLUME, "visits")]


def test_equal_shortfalls_keep_the_order_of_the_tree():
    # 3 orders of 6 negotiations (1/2, as planned), 6 of 18 nurtured (1/3), 18 of 54 leads (1/3), 54 of 540
    # visits (1/10, as planned; 540 is above the 400 to date): nurtured and leads both 1 - (1/3)/(1/2) = 1/3
    plan = sample({"visits": (180, 180, 180), "leads": (18, 18, 18), "nurtured": (6, 6, 6),
                   "negotiations": (2, 2, 2), "web_orders": (1, 1, 1)})
    got = [(short, why, metric.id) for short, why, metric in shortfalls(plan, track(plan, JUNE))]
    assert got == [(F(1, 3), RATE, "nurtured"), (F(1, 3), RATE, "leads")]


def test_the_re_forecast_sets_rates_as_seen_and_the_first_stage_at_its_pace():
    plan = sample()
    seen = track(plan, JUNE)
    assert reforecast_overrides(plan, seen) == {
        "negotiations.rate": F(1, 3), "nurtured.rate": F(1, 2), "leads.rate": F(1, 2),
        "visits.rate": F(9, 95), "visits.target": 1520}
    kept = reforecast_overrides(plan, seen, keep="negotiations")
    assert "negotiations.rate" not in kept and kept["nurtured.rate"] == F(1, 2)


def test_a_rate_seen_above_one_is_taken_as_one():
    # 3 web orders from 2 negotiations: 3/2 seen, 1 at most
    plan = sample({"visits": (130, 120, 130), "leads": (12, 12, 12), "nurtured": (6, 6, 6),
                   "negotiations": (1, 1, 0), "web_orders": (1, 1, 1)})
    assert reforecast_overrides(plan, track(plan, JUNE))["negotiations.rate"] == 1


def test_a_plan_without_metrics_has_no_kgi_to_forecast():
    assert kgi_at(Plan(), {}) is None


def test_the_bottleneck_of_the_sample_and_what_it_costs():
    plan = sample()
    found = find_bottleneck(plan, track(plan, JUNE))
    # at the rates seen: 1,520 x 9/95 = 144 leads, 72, 36 negotiations, 12 orders; with 1/2 kept: 18
    assert (found.metric_id, found.reason, found.kgi_reforecast, found.kgi_target, found.kgi_cost) == (
        "negotiations", RATE, 12, 20, 6)


def test_an_override_the_plan_refuses_gives_no_re_forecast():
    plan = sample()
    assert kgi_at(plan, {}) == 20
    assert kgi_at(plan, {"visits.rate": F(2)}) is None  # a rate above 100 %


def test_a_volume_bottleneck_costs_what_its_pace_misses():
    plan = sample({"visits": (50, 50, 50), "leads": (5, 5, 5)})
    found = find_bottleneck(plan, track(plan, JUNE))
    # 150 of 400 visits to date: a pace of 600; 600 x 1/10 = 60 leads, 30, 15, 7.5 -> 7 web orders;
    # at the planned 1,600 visits: 20
    assert (found.metric_id, found.reason, found.shortfall) == ("visits", VOLUME, F(5, 8))
    assert (found.kgi_reforecast, found.kgi_target, found.kgi_cost) == (7, 20, 13)
