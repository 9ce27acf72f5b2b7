"""The words of tracking (kpidesk.model.tracking_text) for each kind of bottleneck and re-forecast.

The sample (btob-web) with its first quarter of actuals, as in test_tracking.py: as of 30 June the close
rate seen is 1/3 against 1/2 planned, visits are at 380 of 400 (95 %), and sales have no actuals.
"""

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk import paths
from kpidesk.model.bottleneck import RATE, VOLUME, Bottleneck
from kpidesk.model.tracking import Status, track
from kpidesk.model.tracking_text import bottleneck_lines, status_text
from kpidesk.planfile import loads

JUNE = dt.date(2026, 6, 30)
FIRST_QUARTER = {"visits": (130, 120, 130), "leads": (12, 12, 12), "nurtured": (6, 6, 6),
                 "negotiations": (3, 3, 3), "web_orders": (1, 1, 1)}


@pytest.fixture(scope="module")
def tracked():
    text = paths.templates()["btob-web"].read_text(encoding="utf-8").replace('interval = "weekly"',
                                                                             'interval = "monthly"')
    plan = loads(text, "btob-web.toml").plan
    for metric_id, values in FIRST_QUARTER.items():
        plan.set_field(plan.metrics[metric_id], "actuals", {f"2026-{4 + i:02d}": D(v) for i, v in enumerate(values)})
    return plan, track(plan, JUNE)


def bottleneck(metric_id, reason=RATE, owner="", countermeasure="", reforecast=None, target=None, cost=None):
    return Bottleneck(metric_id, reason, F(1, 3), owner, countermeasure, reforecast, target, cost)


def test_no_bottleneck_is_one_sentence():
    assert bottleneck_lines(None, None, None) == ["No stage falls short so far."]


def test_a_rate_bottleneck_names_the_stage_above_both_rates_the_owner_and_what_to_do(tracked):
    plan, seen = tracked
    found = bottleneck("negotiations", owner="Inside sales", countermeasure="Call twice.")
    assert bottleneck_lines(plan, seen, found) == [
        "Bottleneck: Negotiations, the rate into Web orders is 33.33% against 50% planned.",
        "Owner: Inside sales.", "Countermeasure: Call twice."]


def test_a_volume_bottleneck_and_a_rate_without_rates_are_read_by_progress(tracked):
    plan, seen = tracked
    assert bottleneck_lines(plan, seen, bottleneck("visits", VOLUME)) == [
        "Bottleneck: Visits, at 95% of its target to date."]
    # sales has no actuals: no rate seen and no progress, so 0 %
    assert bottleneck_lines(plan, seen, bottleneck("sales", RATE)) == [
        "Bottleneck: Sales, at 0% of its target to date."]
    # a stage with a rate seen but named for its volume reads by volume: 9 of 10 negotiations to date
    assert bottleneck_lines(plan, seen, bottleneck("negotiations", VOLUME)) == [
        "Bottleneck: Negotiations, at 90% of its target to date."]


@pytest.mark.parametrize("reforecast, target, cost, last", [
    (F(12), F(20), F(6), "At the rates so far the plan ends at 12 Web orders against 20: Negotiations costs 6 of the "
                         "8 missing."),
    (F(12), F(20), F(30), "At the rates so far the plan ends at 12 Web orders against 20: Negotiations costs 8 of the "
                          "8 missing."),  # the bottleneck cannot cost more than is missing
    (F(12), F(20), None, "At the rates so far the plan ends at 12 Web orders against 20: Negotiations costs 0 of the "
                         "8 missing."),
    (F(20), F(20), F(0), "At the rates so far the plan still ends at 20 Web orders against 20."),
    (F(25), F(20), None, "At the rates so far the plan still ends at 25 Web orders against 20."),
])
def test_the_re_forecast_says_what_the_bottleneck_costs_of_the_kgi(tracked, reforecast, target, cost, last):
    plan, seen = tracked
    lines = bottleneck_lines(plan, seen, bottleneck("negotiations", reforecast=reforecast, target=target, cost=cost))
    assert lines == ["Bottleneck: Negotiations, the rate into Web orders is 33.33% against 50% planned.", last]


def test_without_a_re_forecast_or_a_kgi_target_nothing_is_said_of_the_kgi(tracked):
    plan, seen = tracked
    assert len(bottleneck_lines(plan, seen, bottleneck("negotiations", reforecast=None, target=F(20)))) == 1
    assert len(bottleneck_lines(plan, seen, bottleneck("negotiations", reforecast=F(12), target=None))) == 1


def test_a_translation_is_used_and_a_broken_one_falls_back_to_english(tracked):
    plan, seen = tracked
    german = {"Owner: {owner}.": "Verantwortlich: {owner}.", "behind": "im Rückstand"}

    def translate(context, text):
        assert context == "Tracking"
        return german.get(text, text)

    assert bottleneck_lines(plan, seen, bottleneck("visits", VOLUME, owner="SEO"), translate)[1] == \
        "Verantwortlich: SEO."
    broken = bottleneck_lines(plan, seen, bottleneck("visits", VOLUME, owner="SEO"),
                              lambda context, text: text.replace("{owner}", "{name}"))
    assert broken[1] == "Owner: SEO."
    assert status_text(Status.BEHIND, translate) == "im Rückstand"


@pytest.mark.parametrize("status, word", [(Status.AHEAD, "ahead"), (Status.ON_TRACK, "on track"),
                                          (Status.WARNING, "warning"), (Status.BEHIND, "behind"),
                                          (Status.NO_DATA, "no data")])
def test_each_status_has_its_word(status, word):
    assert status_text(status) == word


def test_every_sentence_is_translated(tracked):
    plan, seen = tracked

    def marked(context, text):
        return f"[{context}] {text}"

    found = bottleneck("negotiations", owner="Inside sales", countermeasure="Call twice.", reforecast=F(12),
                       target=F(20), cost=F(6))
    lines = bottleneck_lines(plan, seen, found, marked)
    assert len(lines) == 4 and all(line.startswith("[Tracking] ") for line in lines)
    assert bottleneck_lines(plan, seen, bottleneck("visits", VOLUME), marked)[0].startswith("[Tracking] ")
    met = bottleneck_lines(plan, seen, bottleneck("negotiations", reforecast=F(20), target=F(20)), marked)
    assert met[1] == "[Tracking] At the rates so far the plan still ends at 20 Web orders against 20."
    assert bottleneck_lines(None, None, None, marked) == ["[Tracking] No stage falls short so far."]


def test_a_money_kgi_is_shown_in_the_plans_currency():
    # sales as the KGI, its unit naming no currency: the plan's yen, no decimals
    text = paths.templates()["btob-web"].read_text(encoding="utf-8").replace(
        'kgi = "web_orders"', 'kgi = "sales"').replace('name = "Sales"\nunit = "JPY"\n', 'name = "Sales"\n')
    plan = loads(text, "btob-web.toml").plan
    seen = track(plan, JUNE)
    found = bottleneck("negotiations", reforecast=F(25, 2), target=F(20), cost=F(3, 2))
    # 12.5 yen -> 13, 7.5 missing -> 8, 1.5 -> 2 (half up)
    assert bottleneck_lines(plan, seen, found)[-1] == (
        "At the rates so far the plan ends at 13 Sales against 20: Negotiations costs 2 of the 8 missing.")
