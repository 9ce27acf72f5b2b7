"""Periods: the names planners and their tools write, the span of a plan, weeks and months."""

import datetime as dt

import pytest

from kpidesk.model.periods import Period, PeriodError, is_weekly, parse_period, plan_span


@pytest.mark.parametrize("text", ["2026-04", "2026/04", "2026/4", "2026-4", "2026年4月", "２０２６年４月",
                                  " 2026 / 04 "])
def test_every_way_of_writing_a_month_is_read_as_one_key(text):
    assert parse_period(text).key == "2026-04"


@pytest.mark.parametrize("text, key", [("2026-W15", "2026-W15"), ("2026W5", "2026-W05"), ("2020-w53", "2020-W53")])
def test_iso_weeks(text, key):
    assert parse_period(text).key == key


@pytest.mark.parametrize("text, code", [("April", "period_form"), ("2026-13", "period_month_range"),
                                        ("2026-00", "period_month_range"), ("2025-W53", "period_week_range"),
                                        ("2026-04-01", "period_form")])
def test_what_is_not_a_period_is_refused_with_its_reason(text, code):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert caught.value.code == code and caught.value.params["period"] == text


def test_shifting_crosses_years_both_ways():
    assert Period(2026, 4).shifted(-4) == Period(2025, 12)
    assert Period(2026, 11).shifted(3) == Period(2027, 2)
    assert Period(2026, 1, True).shifted(-1) == Period(2025, 52, True)  # 2025 has 52 ISO weeks
    assert Period(2026, 2).last_day == dt.date(2026, 2, 28)


def test_a_japanese_fiscal_year_is_april_to_march_and_the_default_is_the_calendar_year():
    fiscal = plan_span({"start": dt.date(2026, 4, 1), "end": dt.date(2027, 3, 31)}, dt.date(2020, 1, 1))
    months = fiscal.periods()
    assert [p.key for p in (months[0], months[-1])] == ["2026-04", "2027-03"] and len(months) == 12
    calendar = plan_span({}, dt.date(2026, 6, 15))
    assert (calendar.start, calendar.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert plan_span({"start": "2026-04-01"}, dt.date(2020, 1, 1)).end == dt.date(2027, 3, 31)
    weeks = fiscal.periods(weekly=True)
    assert weeks[0].key == "2026-W14" and weeks[-1].key == "2027-W13" and len(weeks) == 53  # 2026 has 53 ISO weeks


def test_weekly_intervals_in_english_and_japanese():
    assert is_weekly("Weekly") and is_weekly("毎週") and is_weekly("週次")
    assert not is_weekly("monthly") and not is_weekly("")


@pytest.mark.parametrize("info, start, end", [
    ({"end": "2027-03-31"}, dt.date(2026, 4, 1), dt.date(2027, 3, 31)),  # only the end: a year back to it
    ({"start": "2027-03-31", "end": "2026-04-01"}, dt.date(2026, 4, 1), dt.date(2027, 3, 31)),  # written reversed
    ({"start": "2026-04-01", "end": "2026-04-01"}, dt.date(2026, 4, 1), dt.date(2026, 4, 1)),  # a single day
    ({"start": "2024-02-29"}, dt.date(2024, 2, 29), dt.date(2025, 2, 28)),  # no 29 February a year later
    ({"end": "2028-02-29"}, dt.date(2027, 3, 1), dt.date(2028, 2, 29)),  # nor a year earlier
    ({"start": "2024-03-01"}, dt.date(2024, 3, 1), dt.date(2025, 2, 28)),
    ({"end": "2025-02-28"}, dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
])
def test_a_span_with_one_end_or_reversed_ends_is_a_year_in_order(info, start, end):
    span = plan_span(info, dt.date(2020, 6, 15))
    assert (span.start, span.end) == (start, end)
