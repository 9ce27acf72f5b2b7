"""kpidesk.model.tracking at its edges: the plan's thresholds as written, and the as-of date as typed."""

import datetime as dt
from fractions import Fraction as F

import pytest

from kpidesk.model.periods import PeriodError, Span
from kpidesk.model.tracking import Thresholds, as_of_date, thresholds_of

FY2026 = Span(dt.date(2026, 4, 1), dt.date(2027, 3, 31))


@pytest.mark.parametrize("info, on_track, behind", [
    ({}, F(95, 100), F(90, 100)),  # the defaults: 95 % and 90 %
    ({"on_track": "90%", "behind": "70%"}, F(9, 10), F(7, 10)),
    ({"on_track": " 80% ", "behind": "85%"}, F(4, 5), F(4, 5)),  # behind above on track: it is on track
    ({"on_track": "", "behind": "   "}, F(95, 100), F(90, 100)),  # blank: the defaults
    ({"on_track": "much", "behind": "70%"}, F(95, 100), F(7, 10)),  # not a percentage: its default
    ({"on_track": 0.8, "behind": None}, F(95, 100), F(90, 100)),  # not text: the defaults
    ({"on_track": "92%", "behind": "x"}, F(92, 100), F(90, 100)),
])
def test_the_plans_thresholds_each_fall_back_to_their_default(info, on_track, behind):
    assert thresholds_of(info) == Thresholds(on_track, behind)


@pytest.mark.parametrize("text, day", [
    (None, dt.date(2026, 8, 14)),  # today
    ("", dt.date(2026, 8, 14)),
    ("  ", dt.date(2026, 8, 14)),
    ("2026-06", dt.date(2026, 6, 30)),  # a month: its last day
    ("2026-06-15", dt.date(2026, 6, 15)),
    (" 2026-06-15 ", dt.date(2026, 6, 15)),
    ("2026-02-10", dt.date(2026, 4, 1)),  # before the plan: its first day
    ("2028-01", dt.date(2027, 3, 31)),  # after: its last day
])
def test_the_as_of_date_as_typed_moved_into_the_plan(text, day):
    assert as_of_date(text, FY2026, dt.date(2026, 8, 14)) == day


def test_today_outside_the_plan_is_moved_into_it_and_nonsense_is_refused():
    assert as_of_date(None, FY2026, dt.date(2030, 1, 1)) == dt.date(2027, 3, 31)
    with pytest.raises(PeriodError):
        as_of_date("soon", FY2026, dt.date(2026, 8, 14))
