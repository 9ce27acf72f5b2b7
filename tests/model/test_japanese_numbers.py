"""Large amounts in 万 and 億 (the compact style), and months and fiscal years in words."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from kpidesk.model import display
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.period_text import fiscal_year_label, month_label, period_label, span_label
from kpidesk.model.periods import Period, Span


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"),
    (9_800, "9,800"),
    (9_999, "9,999"),
    (10_000, "1万"),
    (12_345, "1.2万"),  # CLDR ja short form
    (1_234_567, "123.5万"),
    (32_500_000, "3250万"),  # CLDR ja short form, no grouping inside the unit
    (33_333_333, "3333万"),
    (99_950_000, "9995万"),
    (99_999_999, "1億"),  # rounds up to 10,000万: said in the next unit
    (120_000_000, "1.2億"),
    (1_000_000_000, "10億"),
    (-12_000_000, "-1200万"),
    (12_500, "1.3万"),  # 1.25万: half up
    (-12_500, "-1.3万"),  # a loss reads as large as the same gain
    (10**12, "1兆"),
])
def test_compact_text_writes_man_oku_cho(value, text):
    assert display.compact_text(value) == text


def test_compact_text_rounds_the_exact_value_once():
    # 1/3 of 100,000,000 JPY: exact fraction in, one rounding out, no float on the way
    assert display.compact_text(Fraction(10**8, 3)) == "3333万"
    assert display.compact_text(Decimal("15000")) == "1.5万"
    assert display.compact_text(Fraction(149_999, 10)) == "1.5万"  # 14,999.9 -> 1.49999万 -> 1.5万 (half up)


def test_value_text_compact_for_money_and_counts_not_for_percentages():
    money = Metric(id="sales", name="売上", unit="円", kind=Kind.MONEY)
    count = Metric(id="pv", name="PV", unit="PV")
    rate = Metric(id="cvr", name="CVR", unit="%", kind=Kind.PERCENT)
    assert display.value_text(money, 1_000_000_000, "JPY", display.COMPACT) == "10億"
    assert display.value_text(money, 1_000_000_000, "JPY") == "1,000,000,000"
    assert display.value_text(count, 120_000, style=display.COMPACT) == "12万"
    assert display.value_text(count, 1_600, style=display.COMPACT) == "1,600"
    assert display.value_text(rate, Fraction(1, 8), style=display.COMPACT) == "12.5%"
    assert display.signed_text(-80_000_000, money, "JPY", display.COMPACT) == "-8000万"
    assert display.signed_text(25_000, count, style=display.COMPACT) == "+2.5万"


def test_month_and_week_labels_by_language():
    assert period_label(Period(2026, 4), "ja") == "2026年4月"
    assert period_label(Period(2026, 4), "en") == "Apr 2026"
    assert period_label(Period(2026, 15, True), "ja") == "2026年 第15週"
    assert period_label(Period(2026, 15, True), "en") == "2026-W15"
    assert month_label(dt.date(2027, 3, 31), "ja") == "2027年3月"


def test_fiscal_year_is_named_by_the_year_it_starts():
    fy = Span(dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert fiscal_year_label(fy, "ja") == "2026年度"
    assert fiscal_year_label(fy, "en") == "FY2026"
    assert span_label(fy, "ja") == "2026年度（2026年4月〜2027年3月）"
    assert span_label(fy, "en") == "FY2026 (Apr 2026 to Mar 2027)"
    half = Span(dt.date(2026, 4, 1), dt.date(2026, 9, 30))
    assert fiscal_year_label(half, "ja") is None
    assert span_label(half, "ja") == "2026年4月〜2026年9月"
    assert fiscal_year_label(Span(dt.date(2026, 4, 15), dt.date(2027, 4, 14)), "ja") is None
    calendar = Span(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert (fiscal_year_label(calendar, "ja"), fiscal_year_label(calendar, "en")) == ("2026年", "2026")
    assert fiscal_year_label(Span(dt.date(2026, 10, 1), dt.date(2027, 9, 30)), "ja") == "2026年度"


def test_japanese_counters_follow_the_number_without_a_space():
    orders = Metric(id="orders", name="受注数", unit="件")
    visits = Metric(id="visits", name="Visits", unit="visits")
    sessions = Metric(id="sessions", name="訪問数", unit="セッション")
    assert display.amount_text(orders, 1_600) == "1,600件"
    assert display.amount_text(sessions, 1_600) == "1,600セッション"
    assert display.amount_text(visits, 1_600) == "1,600 visits"
    assert display.unit_gap("円") == "" and display.unit_gap("ＰＶ") == "" and display.unit_gap("PV") == " "
