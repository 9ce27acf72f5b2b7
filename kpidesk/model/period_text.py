"""Periods and plan spans in words, per language: '2026年4月', '2026年度', 'Apr 2026', 'FY2026'.

Japanese planners name a month ``2026年4月`` and a fiscal year by the year it
starts: 2026年度 runs from April 2026 to March 2027 (at most listed companies;
a plan that starts in another month is named by its start the same way). The
file keeps its own keys (``2026-04``); these words are only for reading.
"""

from __future__ import annotations

import datetime as dt

from kpidesk.model.periods import Period, Span, period_of

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_label(period: Period, language: str) -> str:
    """A month or ISO week as the planner reads it: '2026年4月' / 'Apr 2026'; '2026年 第15週' / '2026-W15'."""
    if language == "ja":
        return f"{period.year}年 第{period.number}週" if period.weekly else f"{period.year}年{period.number}月"
    return period.key if period.weekly else f"{MONTHS_EN[period.number - 1]} {period.year}"


def month_label(day: dt.date, language: str) -> str:
    """The month that holds ``day``: '2026年4月' / 'Apr 2026'."""
    return period_label(period_of(day), language)


def day_label(day: dt.date, language: str) -> str:
    """A date: '2026年6月30日' / '2026-06-30' (ISO, as the file and the JSON write it)."""
    return f"{day.year}年{day.month}月{day.day}日" if language == "ja" else day.isoformat()


def is_fiscal_year(span: Span) -> bool:
    """Whether ``span`` is twelve whole months (April to March, or any other start month)."""
    if span.start.day != 1:
        return False
    months = span.periods()
    return len(months) == 12 and span.end == months[-1].last_day


def fiscal_year_label(span: Span, language: str) -> str | None:
    """A twelve-month plan named by the year it starts: '2026年度' / 'FY2026'; January to December is the
    calendar year, '2026年' / '2026'. None for other spans."""
    if not is_fiscal_year(span):
        return None
    year = span.start.year
    if span.start.month == 1:
        return f"{year}年" if language == "ja" else str(year)
    return f"{year}年度" if language == "ja" else f"FY{year}"


def span_label(span: Span, language: str) -> str:
    """The plan period in words: '2026年度（2026年4月〜2027年3月）' / 'FY2026 (Apr 2026 to Mar 2027)'."""
    first, last = month_label(span.start, language), month_label(span.end, language)
    year = fiscal_year_label(span, language)
    if language == "ja":
        months = f"{first}〜{last}"
        return f"{year}（{months}）" if year else months
    months = f"{first} to {last}"
    return f"{year} ({months})" if year else months


__all__ = ["day_label", "fiscal_year_label", "is_fiscal_year", "month_label", "period_label", "span_label"]
