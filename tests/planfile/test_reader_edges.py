"""The reader at its edges: bytes and sizes, positions on the first lines, plan-level texts, and how
problems and values are handed on (codec, errors, positions)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import tomlkit

from kpidesk.model.limits import MAX_FILE_BYTES, MAX_NESTING
from kpidesk.planfile import PlanFileError, codec, loads
from kpidesk.planfile.errors import Problem, problem
from kpidesk.planfile.locate import TablePositions
from kpidesk.planfile.reader import decode_bytes, prescan

METRIC = '[[metric]]\nid = "a"\nname = "A"\n'


def error_of(text: str) -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    return info.value


# ---- bytes ---------------------------------------------------------------------------------
def test_a_file_of_exactly_the_limit_is_read() -> None:
    assert len(decode_bytes(b" " * MAX_FILE_BYTES, "big.toml")) == MAX_FILE_BYTES


def test_the_byte_order_mark_is_not_part_of_the_text() -> None:
    assert decode_bytes(b"\xef\xbb\xbfabc", "plan.toml") == "abc"


def test_a_bad_byte_right_after_the_first_line_break_is_at_column_one() -> None:
    with pytest.raises(PlanFileError) as info:
        decode_bytes(b"\n\xff", "plan.toml")
    assert info.value.filename == "plan.toml"
    assert (info.value.first.line, info.value.first.column) == (2, 1)


def test_positions_before_parsing_count_a_leading_blank_line() -> None:
    with pytest.raises(PlanFileError) as info:
        prescan("\nx = " + "[" * (MAX_NESTING + 1) + "\n", "plan.toml")
    first = info.value.first
    assert (first.line, first.column, first.code) == (2, 5, "brackets_too_deep")


# ---- plan-level texts ----------------------------------------------------------------------
def test_tracking_thresholds_must_be_percentages() -> None:
    plan = loads('[plan]\non_track = "95%"\nbehind = "80%"\n' + METRIC).plan
    assert (plan.info["on_track"], plan.info["behind"]) == ("95%", "80%")
    assert str(error_of('[plan]\non_track = "lots"\n' + METRIC)) == \
        "plan.toml:2:12: error: plan.on_track: 'lots' is not a percentage between 0 and 100% (such as \"95%\")"


def test_only_the_notes_may_have_line_breaks() -> None:
    assert loads('[plan]\nnotes = "a\\nb"\n' + METRIC).plan.info["notes"] == "a\nb"
    assert str(error_of('[plan]\ntitle = "a\\nb"\n' + METRIC)) == ("plan.toml:2:9: error: plan.title: U+000A LINE "
                                                                 "FEED is not allowed in a name or another one-line "
                                                                 "text (no control characters)")
    assert "U+0007" in str(error_of('[plan]\nnotes = "a\\u0007b"\n' + METRIC))


# ---- problems --------------------------------------------------------------------------------
def test_a_problem_knows_the_field_it_is_about_and_tells_it_as_data() -> None:
    first = error_of(METRIC + 'rate = "x"\n').first
    assert first.field == "rate"
    assert first.as_dict() == {"line": 4, "column": 8, "field": "rate", "code": "not_a_number",
                               "params": {"text": "x"},
                               "within": [{"code": "in_metric_key", "params": {"metric": "a", "key": "rate"}}],
                               "message": "metric 'a', rate: 'x' is not a number"}
    made = problem(3, 7, "no_such_file", "target")
    assert made == Problem(3, 7, made.reason, "target") and made.field == "target"


def test_an_id_that_is_no_text_is_shown_as_python_writes_it() -> None:
    assert error_of('[[metric]]\nid = [1]\nname = "A"\n').first.params == {"id": "[1]", "limit": 64}


def test_a_bad_period_in_an_inline_table_is_placed_at_its_metric() -> None:
    assert str(error_of(METRIC + 'actuals = {"2026-04" = "x"}\n')) == \
        "plan.toml:1:1: error: metric 'a', actuals: 2026-04: 'x' is not a number"
    assert TablePositions((5, 1), key_names={"actuals": (7, 1)}).key("actuals.2026-04") == (5, 1)


# ---- how values are written ------------------------------------------------------------------
@pytest.mark.parametrize("value, text", [(9_999, "9999"), (10_000, "10_000"), (-10_000, "-10_000"),
                                         (1_234_567, "1_234_567"), (Decimal("2.50"), "2.50")])
def test_whole_numbers_get_digit_groups_from_ten_thousand(value, text: str) -> None:
    assert codec.encode_number(Decimal(value)).as_string() == text


def test_rates_to_solve_and_texts_of_several_lines() -> None:
    assert codec.encode("rate", codec.SOLVE).as_string() == '"solve"'
    assert codec.encode("notes", "first\nsecond").as_string() == '"""first\nsecond"""'
    assert codec.encode("notes", "one line").as_string() == '"one line"'


def test_a_key_no_field_has_is_written_as_its_value_is() -> None:
    assert codec.encode("x_custom", "text").as_string() == '"text"'
    assert codec.encode("x_custom", True).as_string() == "true"
    assert isinstance(codec.encode("x_custom", "text"), tomlkit.items.String)
