"""Periods of a plan: months, or ISO weeks for metrics measured weekly.

A period is named by a key that sorts and diffs well and that a planner
reads: ``2026-04`` (a month), ``2026-W15`` (an ISO week). The same names
key ``[metric.actuals]`` and ``[metric.phasing]`` in the file. Spreadsheets,
CRMs and Japanese reports write months other ways (``2026/04``, ``2026/4``,
``2026年4月``, full-width digits); :func:`parse_period` reads them all into
the one key.

The plan's ``start`` and ``end`` are cut into the periods they overlap; a
plan without them runs over a calendar year.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kpidesk.model.reasons import ReasonError

#: Intervals that make a metric weekly (the ``interval`` field is free text, in any language).
WEEKLY_WORDS = frozenset({"weekly", "week", "every week", "毎週", "週次", "週", "週1回", "週一回"})

_MONTH = re.compile(r"^\s*(\d{4})\s*(?:[-/.]\s*|年\s*)(\d{1,2})\s*月?\s*$")
_WEEK = re.compile(r"^\s*(\d{4})\s*-?\s*[Ww]\s*(\d{1,2})\s*$")


class PeriodError(ReasonError):
    """A period name that is not a month or a week (``period_form``), or outside its range."""


@dataclass(frozen=True, order=True)
class Period:
    """One month (``weekly`` False, ``number`` 1-12) or ISO week (``number`` 1-53) of a year."""

    year: int
    number: int
    weekly: bool = False

    @property
    def key(self) -> str:
        """The name the file and the command line use: ``2026-04`` or ``2026-W15``."""
        return f"{self.year:04d}-W{self.number:02d}" if self.weekly else f"{self.year:04d}-{self.number:02d}"

    def __str__(self) -> str:
        return self.key

    @property
    def first_day(self) -> dt.date:
        if self.weekly:
            return dt.date.fromisocalendar(self.year, self.number, 1)
        return dt.date(self.year, self.number, 1)

    @property
    def last_day(self) -> dt.date:
        if self.weekly:
            return dt.date.fromisocalendar(self.year, self.number, 7)
        return self.shifted(1).first_day - dt.timedelta(days=1)

    def shifted(self, count: int) -> Period:
        """The period ``count`` periods later (earlier when negative)."""
        if self.weekly:
            return period_of(self.first_day + dt.timedelta(weeks=count), weekly=True)
        months = self.year * 12 + (self.number - 1) + count
        return Period(months // 12, months % 12 + 1)


def period_of(day: dt.date, weekly: bool = False) -> Period:
    """The month, or the ISO week, that holds ``day``."""
    if weekly:
        year, week, _ = day.isocalendar()
        return Period(year, week, True)
    return Period(day.year, day.month)


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """``2026-04``, ``2026/4``, ``2026年4月``, ``2026-W15`` -> the period; PeriodError otherwise."""
    normal = unicodedata.normalize("NFKC", str(text))
    month = _MONTH.match(normal)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if 1 <= number <= 12:
            return Period(year, number)
        raise PeriodError("period_month_range", period=str(text))
    week = _WEEK.match(normal)
    if week:
        year, number = int(week.group(1)), int(week.group(2))
        try:
            dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            raise PeriodError("period_week_range", period=str(text)) from None
        return Period(year, number, True)
    raise PeriodError("period_form", period=str(text))


def is_weekly(interval: str) -> bool:
    """Whether a metric's ``interval`` text asks for weekly periods."""
    return unicodedata.normalize("NFKC", interval).strip().casefold() in WEEKLY_WORDS


def to_date(value: object) -> dt.date | None:
    """A plan's ``start``/``end`` (a TOML date or ISO text) as a date; None when absent or unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Span:
    """The days a plan runs, first and last included."""

    start: dt.date
    end: dt.date

    def periods(self, weekly: bool = False) -> tuple[Period, ...]:
        """Every period the span overlaps, in order."""
        return _periods(self.start, self.end, weekly)

    def clamp(self, day: dt.date) -> dt.date:
        """``day`` moved into the span (an as-of date before the start is the start)."""
        return min(max(day, self.start), self.end)


@lru_cache(maxsize=256)
def _periods(start: dt.date, end: dt.date, weekly: bool) -> tuple[Period, ...]:
    first, last = period_of(start, weekly), period_of(end, weekly)
    found = [first]
    while found[-1] < last:
        found.append(found[-1].shifted(1))
    return tuple(found)


def plan_span(info: dict[str, object], today: dt.date) -> Span:
    """The plan's ``start`` to ``end``; without them the calendar year of ``today``.

    With only one of them, the other is a year away (``start`` 2026-04-01 alone
    runs to 2027-03-31, a Japanese fiscal year).
    """
    start, end = to_date(info.get("start")), to_date(info.get("end"))
    if start is None and end is None:
        return Span(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    if start is None:
        assert end is not None
        start = _year_before(end)
    if end is None:
        end = _year_after(start)
    if end < start:
        start, end = end, start
    return Span(start, end)


def _year_after(start: dt.date) -> dt.date:
    try:
        return start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return dt.date(start.year + 1, 2, 28)


def _year_before(end: dt.date) -> dt.date:
    try:
        return end.replace(year=end.year - 1) + dt.timedelta(days=1)
    except ValueError:
        return dt.date(end.year - 1, 3, 1)


__all__ = ["Period", "PeriodError", "Span", "is_weekly", "parse_period", "period_of", "plan_span", "to_date"]
