"""Actuals from the CSV files planners have: long or wide, UTF-8 or Shift_JIS, any separator; all or nothing."""

from decimal import Decimal as D

import pytest

from kpidesk import paths
from kpidesk.model.actuals_csv import (
    ActualsCsvError,
    decode,
    delimiter,
    import_edit,
    read_actuals,
    summarize,
)
from kpidesk.model.plan import Plan
from kpidesk.planfile import loads


@pytest.fixture
def plan() -> Plan:
    """The btob-web sample, with two metrics named in Japanese as a Japanese team names them."""
    plan = loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan
    plan.set_field(plan.metrics["visits"], "name", "訪問数")
    plan.set_field(plan.metrics["leads"], "name", "リード")
    return plan


def problems(data: bytes, plan: Plan) -> list[tuple[int, int, str, str]]:
    """(row, column, innermost code, text) of every problem the file has."""
    with pytest.raises(ActualsCsvError) as info:
        read_actuals(data, plan)
    return [(p.row, p.column, p.reason.code, p.text()) for p in info.value.problems]


# ---- the forms a file comes in ------------------------------------------------------------------
def test_a_wide_shift_jis_file_with_japanese_months_and_names(plan):
    text = ("指標,2026年4月,2026年5月,2026年6月\r\n"
            '訪問数,"1,200",１，３００,\r\n'  # full-width digits and comma; June not measured yet
            "リード,120,130,140\r\n"
            "Web orders,3,4,5\r\n")
    assert read_actuals(text.encode("cp932"), plan) == {
        "visits": {"2026-04": D(1200), "2026-05": D(1300)},
        "leads": {"2026-04": D(120), "2026-05": D(130), "2026-06": D(140)},
        "web_orders": {"2026-04": D(3), "2026-05": D(4), "2026-06": D(5)},
    }


def test_a_long_utf8_file_with_a_byte_order_mark_and_a_header(plan):
    text = ("\ufeffmetric,period,value\n"
            "visits,2026/4,1 200\n"
            "訪問数,2026-05,\"1,300\"\n"
            "negotiations,2026年4月,12\n"
            "unit_price,2026-04,\"9,500,000.5\"\n")  # money may have decimals
    assert read_actuals(text.encode("utf-8"), plan) == {
        "visits": {"2026-04": D(1200), "2026-05": D(1300)},
        "negotiations": {"2026-04": D(12)},
        "unit_price": {"2026-04": D("9500000.5")},
    }


def test_a_long_file_with_japanese_headers_in_another_order_and_extra_columns(plan):
    text = "期間;単位;指標;実績\n2026-04;件;リード;\"1.5e2\"\n2026-W15;件;leads;30\n"
    assert read_actuals(text.encode("utf-8"), plan) == {"leads": {"2026-04": D(150), "2026-W15": D(30)}}


def test_rows_without_a_header_separated_by_semicolons_with_thousands_separators(plan):
    text = "visits;2026-04;1,200\nvisits;2026-05;1 300\nleads;2026-04;１２０\n"
    assert delimiter(text.splitlines()[0]) == ";"
    assert read_actuals(text.encode("utf-8"), plan) == {
        "visits": {"2026-04": D(1200), "2026-05": D(1300)}, "leads": {"2026-04": D(120)}}


def test_excel_unicode_text_is_utf16_separated_by_tabs(plan):
    data = "\ufeffid\t2026-04\t2026-05\r\nvisits\t1200\t1300\r\n".encode("utf-16-le")
    assert data[:2] == b"\xff\xfe"
    assert read_actuals(data, plan) == {"visits": {"2026-04": D(1200), "2026-05": D(1300)}}


@pytest.mark.parametrize("line, separator", [
    ("metric,period,value", ","), ("metric;period;value", ";"), ("metric\tperiod\tvalue", "\t"),
    ('"a;b",2026-04', ","), ("visits", ","), ('visits;2026-04;"1,200"', ";"),
])
def test_the_separator_is_the_one_the_first_line_uses_most_outside_quotes(line, separator):
    assert delimiter(line) == separator


@pytest.mark.parametrize("cell", ["visits", "訪問数", "ＶＩＳＩＴＳ", "  Visits ", "VISITS"])
def test_a_metric_is_found_by_its_id_or_its_name_however_it_is_typed(plan, cell):
    assert read_actuals(f'"{cell}",2026-04,5\n'.encode(), plan) == {"visits": {"2026-04": D(5)}}


def test_a_name_two_metrics_share_is_refused_naming_both(plan):
    plan.set_field(plan.metrics["nurtured"], "name", "リード")
    assert problems("指標,2026-04\nリード,5\nleads,6\n".encode(), plan) == [
        (2, 1, "csv_ambiguous_name",
         "指標: more than one metric has this name: nurtured, leads; write the id instead ('リード')")]
    assert read_actuals("指標,2026-04\nnurtured,5\nleads,6\n".encode(), plan) == {
        "nurtured": {"2026-04": D(5)}, "leads": {"2026-04": D(6)}}  # the ids say which


# ---- all or nothing ------------------------------------------------------------------------------
def test_every_bad_cell_is_named_with_its_row_column_and_value(plan):
    text = ("metric,period,value\n"
            "visits,2026-04,1200\n"
            "leads,2026-04,12.5\n"
            "sales,2026-04,-5\n"
            "nobody,2026-04,1\n"
            "visits,2026-13,1\n"
            "leads,2026-05,\n"
            "visits,2026-04,1300\n"
            "visits,2026-06,1,300\n"
            '"Web\norders",2026-04,lots\n'
            "visits,2026-07,1e16\n")
    assert problems(text.encode(), plan) == [
        (3, 3, "count_not_whole", "value, metric 'leads': a count must be a whole number ('12.5')"),
        (4, 3, "money_negative",
         "value, metric 'sales': money cannot be negative unless the metric allows it (allow_negative = true) ('-5')"),
        (5, 1, "csv_unknown_metric", "metric: no metric has this id or name ('nobody')"),
        (6, 2, "period_month_range", "period: '2026-13': a month is 1 to 12 ('2026-13')"),
        (7, 3, "csv_value_missing", "value, metric 'leads': the value is missing ('')"),
        (8, 3, "csv_twice", "value, metric 'visits': 2026-04 has a value already, in line 2 ('1300')"),
        (9, 4, "csv_extra_cell", "a cell after the last column; in a file separated by commas, a number with a "
                                 "thousands separator is written in quotes, \"1,200\" ('300')"),
        (10, 3, "not_a_number", "value, metric 'web_orders': 'lots' is not a number ('lots')"),
        (12, 3, "too_large", "value, metric 'visits': 1e16 is too large (the limit is 1,000,000,000,000,000) ('1e16')"),
    ]


def test_wide_files_name_bad_headers_and_cells_without_a_period(plan):
    text = "指標,2026年4月,2026/04,Total,\n訪問数,1,2,3,4\nleads,,,,\n,5\n"
    assert problems(text.encode(), plan) == [
        (1, 3, "csv_period_column_twice", "2026/04: 2026-04 has a column already, column 2 ('2026/04')"),
        (1, 4, "period_form",
         "Total: 'Total' is not a period: write a month as 2026-04 or an ISO week as 2026-W15 ('Total')"),
        (2, 5, "csv_header_missing", "a value in a column without a period in its header ('4')"),
        (4, 1, "csv_metric_missing", "指標: the metric is missing ('')"),
    ]


def test_at_most_twenty_problems_are_listed_and_the_rest_counted(plan):
    text = "metric,period,value\n" + "".join(f"visits,2026-{m:02d},0.5\n" for m in range(1, 13)) * 2
    with pytest.raises(ActualsCsvError) as info:
        read_actuals(text.encode(), plan)
    error = info.value
    assert len(error.problems) == 20 and error.more == 4
    assert error.lines("a.csv")[0] == "a.csv:2:3: error: value, metric 'visits': a count must be a whole number " \
                                      "('0.5')"
    assert error.lines("a.csv")[-1] == "a.csv: error: and 4 more problems; nothing was imported"


@pytest.mark.parametrize("data, where, code", [
    (b"", (1, 1), "csv_empty"),
    (b"\n \n", (1, 1), "csv_empty"),
    (b"a,b,c\n1,2,3\n", (1, 1), "csv_layout"),
    ("指標,2026-04\nvisits,\n".encode(), (1, 1), "csv_no_values"),
    (b"metric,period,value\nvisits,2026-04,\xe9t\xe9\n", (2, 18), "csv_not_text"),  # Latin-1: neither
    ("指標,2026-04\n訪問数,5\n".encode("cp932") + b"\x81\n", (3, 1), "csv_not_text"),  # a lead byte alone
    (b"\xef\xbb\xbfvisits,2026-04,\xff\n", (1, 16), "csv_not_text"),  # the column as seen, without the mark
])
def test_a_file_that_is_not_what_it_should_be_is_refused_as_a_whole(plan, data, where, code):
    with pytest.raises(ActualsCsvError) as info:
        read_actuals(data, plan)
    assert (info.value.problems[0].row, info.value.problems[0].column) == where
    assert info.value.code == code


def test_the_undecodable_byte_is_named_by_its_offset():
    with pytest.raises(ActualsCsvError) as info:
        decode(b"metric,period,value\nvisits,2026-04,\xe9t\xe9\n")
    assert str(info.value) == "the file is neither UTF-8 nor Shift_JIS (cp932) text (the byte 0xe9 at offset 37 " \
                              "cannot be read)"
    with pytest.raises(ActualsCsvError) as info:
        decode(b"\xef\xbb\xbfvisits,2026-04,\xff\n")
    assert "the byte 0xff at offset 18 " in str(info.value)  # the offset in the file, byte-order mark included
    assert decode("訪問数".encode("cp932")) == "訪問数" and decode("訪問数".encode()) == "訪問数"
    assert decode(b"\xef\xbb\xbfvisits") == "visits" and decode("\ufeffvisits".encode("utf-16-le")) == "visits"


# ---- what an import does ----------------------------------------------------------------------------
def test_the_summary_counts_new_changed_and_unchanged_values_and_the_edit_is_one_step(plan):
    plan.set_field(plan.metrics["visits"], "actuals", {"2026-04": D(1000), "2026-05": D(1300)})
    actuals = read_actuals("指標,2026年4月,2026年5月,2026年6月\n訪問数,1200,1300,1400\nleads,1,2,3\n".encode(), plan)
    summary = summarize(plan, actuals)
    assert (summary.values, summary.metrics, summary.first, summary.last) == (6, 2, "2026-04", "2026-06")
    assert (summary.changed, summary.new, summary.unchanged) == (1, 4, 1)
    edit = import_edit(actuals)
    edit.apply(plan)
    assert plan.metrics["visits"].actuals == {"2026-04": D(1200), "2026-05": D(1300), "2026-06": D(1400)}
    assert plan.metrics["leads"].actuals == {"2026-04": D(1), "2026-05": D(2), "2026-06": D(3)}
    edit.revert(plan)
    assert plan.metrics["visits"].actuals == {"2026-04": D(1000), "2026-05": D(1300)}
    assert plan.metrics["leads"].actuals == {}
