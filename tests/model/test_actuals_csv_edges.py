"""Actuals from CSV files at their edges: the size limit, bytes Shift_JIS does not hold, quotes and line
breaks inside cells, rows longer than the header, and what a summary counts.

The plan is the btob-web sample (metrics visits, leads, web_orders...).
"""

from decimal import Decimal as D

import pytest

from kpidesk import paths
from kpidesk.model.actuals_csv import (
    ActualsCsvError,
    CellProblem,
    decode,
    delimiter,
    import_edit,
    read_actuals,
    rows,
    summarize,
)
from kpidesk.model.limits import MAX_FILE_BYTES
from kpidesk.model.plan import Plan
from kpidesk.model.reasons import reason
from kpidesk.planfile import loads


@pytest.fixture
def sample_plan() -> Plan:
    return loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan


def refused(call, *args):
    with pytest.raises(ActualsCsvError) as info:
        call(*args)
    return info.value


def where(error):
    return [(p.row, p.column, p.reason.code) for p in error.problems]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    error = refused(decode, b"x" * (MAX_FILE_BYTES + 1))
    assert where(error) == [(1, 1, "file_too_large")]
    assert error.problems[0].reason.params == {"size": MAX_FILE_BYTES + 1, "limit": MAX_FILE_BYTES}
    assert len(decode(b"x" * MAX_FILE_BYTES)) == MAX_FILE_BYTES  # at the limit: read


def test_a_byte_shift_jis_does_not_hold_is_named_where_it_stands():
    # "指標,2026-04\n" is 13 bytes in cp932 (two per kanji); 0x80 follows "visits," on line 2
    data = "指標,2026-04\n".encode("cp932") + b"visits,\x80\n"
    error = refused(decode, data)
    assert where(error) == [(2, 8, "csv_not_text")]
    assert error.problems[0].reason.params == {"byte": "0x80", "offset": 20}


def test_a_bad_byte_after_a_first_empty_line_counts_that_line():
    error = refused(decode, b"\nvisits,\xff")  # 0xff is neither UTF-8 nor Shift_JIS
    assert where(error) == [(2, 8, "csv_not_text")]


@pytest.mark.parametrize("line, separator", [('"a;b;c",d', ","), ('"a,b,c";d;e', ";"), ('"a\tb\tc";d', ";")])
def test_separators_inside_quotes_do_not_count(line, separator):
    assert delimiter(line) == separator


def test_a_line_break_inside_quotes_stays_in_the_cell():
    assert rows('"a\r\nb",1\r\nc,2\r\n') == [(1, ["a\r\nb", "1"]), (3, ["c", "2"])]


def test_a_cell_over_the_csv_limit_is_refused_on_its_line():
    error = refused(rows, "a,b\n" + "x" * 200_000 + "\n")
    assert where(error) == [(2, 1, "csv_invalid")]
    assert str(error.problems[0].reason.params["detail"]).startswith("field larger than field limit")


def test_a_long_row_without_a_period_is_refused_at_the_period(sample_plan):
    error = refused(read_actuals, b"metric,period,value\nvisits,,5\n", sample_plan)
    assert where(error) == [(2, 2, "csv_period_missing")]


def test_rows_without_a_header_hold_three_cells(sample_plan):
    error = refused(read_actuals, b"visits,2026-04,5\nleads,2026-04,6,7\n", sample_plan)
    assert where(error) == [(2, 4, "csv_extra_cell")]


def test_wide_rows_longer_than_the_header_are_each_refused(sample_plan):
    error = refused(read_actuals, b"metric,2026-04\nvisits,5,6\nleads,7,8\nweb_orders,1\n", sample_plan)
    assert where(error) == [(2, 3, "csv_extra_cell"), (3, 3, "csv_extra_cell")]
    assert error.problems[0].reason.params == {"value": "6"}


def test_wide_rows_may_end_in_empty_cells_and_a_column_may_have_no_header(sample_plan):
    assert read_actuals(b"metric,,2026-05\nvisits,,5,,,\n", sample_plan) == {"visits": {"2026-05": D(5)}}


def test_a_bad_wide_value_is_named_by_its_row_and_column(sample_plan):
    error = refused(read_actuals, b"metric,2026-04,2026-05\nvisits,5,x\n", sample_plan)
    assert where(error) == [(2, 3, "not_a_number")]
    assert error.lines("a.csv") == ["a.csv:2:3: error: 2026-05, metric 'visits': 'x' is not a number ('x')"]


def test_an_exact_name_wins_over_names_alike_once_case_is_ignored(sample_plan):
    sample_plan.set_field(sample_plan.metrics["leads"], "name", "VISITS")  # "Visits" and "VISITS" read alike loosely
    assert read_actuals(b"Visits,2026-04,5\n", sample_plan) == {"visits": {"2026-04": D(5)}}
    assert read_actuals(b"VISITS,2026-04,5\n", sample_plan) == {"leads": {"2026-04": D(5)}}


def test_problems_are_translated_and_the_rest_counted_in_the_same_words():
    def translate(context, text):
        return "» " + text

    error = ActualsCsvError([CellProblem(2, 3, reason("csv_period_missing"))], more=4)
    assert error.lines("a.csv", translate) == ["a.csv:2:3: error: » the period is missing",
                                               "a.csv: error: » and 4 more problems; nothing was imported"]
    assert error.problems[0].text(translate) == "» the period is missing"
    alone = ActualsCsvError([CellProblem(1, 1, reason("csv_period_missing"))])
    assert alone.more == 0 and alone.lines("b.csv") == ["b.csv:1:1: error: the period is missing"]


def test_the_summary_counts_each_kind_and_an_empty_import_has_no_periods(sample_plan):
    sample_plan.set_field(sample_plan.metrics["visits"], "actuals", {"2026-04": D(1), "2026-05": D(2), "2026-06": D(3)})
    actuals = {"visits": {"2026-04": D(1), "2026-05": D(20), "2026-06": D(30), "2026-07": D(4)}}
    summary = summarize(sample_plan, actuals)
    assert (summary.values, summary.metrics, summary.first, summary.last) == (4, 1, "2026-04", "2026-07")
    assert (summary.changed, summary.new, summary.unchanged) == (2, 1, 1)
    empty = summarize(sample_plan, {})
    assert (empty.values, empty.metrics, empty.first, empty.last) == (0, 0, "", "")


def test_the_import_is_one_edit_named_for_the_undo_list():
    assert import_edit({"visits": {"2026-04": D(1)}}).label == "Import actuals"
    assert import_edit({}, "Importer").label == "Importer"


def test_lines_may_end_in_a_carriage_return_alone():
    assert rows("a,1\rb,2\r") == [(1, ["a", "1"]), (2, ["b", "2"])]  # as old Mac spreadsheets write them


def test_the_summary_counts_every_unchanged_value_and_orders_periods_by_time(sample_plan):
    sample_plan.set_field(sample_plan.metrics["visits"], "actuals", {"2026-04": D(1), "2026-05": D(2)})
    same = summarize(sample_plan, {"visits": {"2026-04": D(1), "2026-05": D(2)}})
    assert (same.changed, same.new, same.unchanged) == (0, 0, 2)
    # week 1 of 2026 (29 December 2025 to 4 January 2026) comes before February, though "W" sorts after "0"
    mixed = summarize(sample_plan, {"visits": {"2026-02": D(1)}, "leads": {"2026-W01": D(2)}})
    assert (mixed.first, mixed.last) == ("2026-W01", "2026-02")
