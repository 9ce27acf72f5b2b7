"""Periods and plan spans in words (kpidesk.model.period_text) where the sample plans do not reach."""

import datetime as dt

from kpidesk.model.period_text import day_label, span_label
from kpidesk.model.periods import Span


def test_a_date_in_each_language():
    assert day_label(dt.date(2026, 6, 30), "ja") == "2026年6月30日"
    assert day_label(dt.date(2026, 6, 3), "en") == "2026-06-03"  # ISO, as the file writes it


def test_a_span_that_is_no_fiscal_year_is_its_months():
    half = Span(dt.date(2026, 4, 1), dt.date(2026, 9, 30))
    assert span_label(half, "en") == "Apr 2026 to Sep 2026"
    calendar = Span(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert span_label(calendar, "en") == "2026 (Jan 2026 to Dec 2026)"
    assert span_label(calendar, "ja") == "2026年（2026年1月〜2026年12月）"
