"""The as-of date a planner types: a month or a week ends on its last day, a day is that day."""

import datetime as dt

import pytest

from kpidesk.model.periods import PeriodError, plan_span
from kpidesk.model.tracking import as_of_date

SPAN = plan_span({"start": "2026-04-01", "end": "2027-03-31"}, dt.date(2026, 6, 1))  # a Japanese fiscal year
TODAY = dt.date(2026, 6, 10)


@pytest.mark.parametrize("typed, day", [
    ("2026-W27", dt.date(2026, 7, 5)),  # Monday 29 June to Sunday 5 July: to date means through the Sunday
    ("2026-06", dt.date(2026, 6, 30)),
    ("2026-06-15", dt.date(2026, 6, 15)),
    ("", TODAY),
    ("2027-W20", dt.date(2027, 3, 31)),  # after the plan's end: its last day
])
def test_a_typed_as_of_is_the_last_day_it_names(typed, day):
    assert as_of_date(typed, SPAN, TODAY) == day


def test_a_day_that_does_not_exist_is_refused():
    with pytest.raises(PeriodError):
        as_of_date("2026-02-30", SPAN, TODAY)
