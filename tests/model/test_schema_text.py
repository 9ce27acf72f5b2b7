"""Typed text and shown text of every form of field, at their edges: flags, lags, rates, choices, ids.

Each expected value is what a planner types or reads, worked out by hand from the form's rule.
"""

from decimal import Decimal as D

import pytest

from kpidesk.model import schema
from kpidesk.model.metric import Better, Kind, Metric, Relation
from kpidesk.model.numbers import NumberError
from kpidesk.model.reasons import ReasonError

FIELDS = schema.INPUTS


@pytest.mark.parametrize("text, value", [
    ("true", True), ("YES", True), (" on ", True), ("1", True),
    ("false", False), ("No", False), ("off", False), ("0", False),
])
def test_a_flag_takes_the_words_a_planner_types(text, value):
    assert schema.parse_text(FIELDS["allow_negative"], text) is value


@pytest.mark.parametrize("text", ["maybe", "2", "", "y"])
def test_any_other_word_for_a_flag_is_refused_naming_what_was_typed(text):
    with pytest.raises(ReasonError) as info:
        schema.parse_text(FIELDS["allow_negative"], text)
    assert info.value.code == "not_a_flag" and info.value.params == {"text": text}


@pytest.mark.parametrize("text, lag", [("", 0), ("0", 0), ("3", 3), (" 2 ", 2), ("4.0", 4)])
def test_a_lag_is_a_whole_number_of_periods_and_empty_is_none(text, lag):
    value = schema.parse_text(FIELDS["lag"], text)
    assert value == lag and type(value) is int


@pytest.mark.parametrize("text, code", [("1.5", "lag_not_whole"), ("-1", "lag_range"), ("1000", "lag_range")])
def test_a_lag_of_part_of_a_period_or_out_of_range_is_refused(text, code):
    with pytest.raises(ReasonError) as info:
        schema.parse_text(FIELDS["lag"], text)
    assert info.value.code == code


def test_an_amount_and_a_rate_left_empty_clear_them_text_stays_text():
    assert schema.parse_text(FIELDS["target"], "  ") is None
    assert schema.parse_text(FIELDS["rate"], "") is None
    assert schema.parse_text(FIELDS["owner"], "  Sales team ") == "Sales team"
    with pytest.raises(NumberError):
        schema.parse_text(FIELDS["target"], "lots")


def test_a_rate_typed_bare_is_a_fraction_on_the_command_line_and_a_percentage_in_the_window():
    assert schema.parse_text(FIELDS["rate"], "0.4") == D("0.4")
    assert schema.parse_text(FIELDS["rate"], "40", window=True) == D("0.40")
    assert schema.parse_text(FIELDS["share"], "25%") == D("0.25")


def test_edit_text_reads_back_as_the_value_for_every_form():
    metric = Metric("x", "X", kind=Kind.PERCENT, better=Better.LOWER, relation=Relation.SUM, allow_negative=False,
                    target=D("12.50"), share=D("0.2"), lag=2, owner="Sales")
    expected = {"kind": "percent", "better": "lower", "relation": "sum", "allow_negative": "false",
                "target": "12.50", "share": "20%", "lag": "2", "owner": "Sales", "rate": ""}
    for name, text in expected.items():
        field = FIELDS[name]
        assert schema.edit_text(field, metric) == text, name
        if text and field.form not in ("choice",):
            assert schema.parse_text(field, text) == getattr(metric, name), name


@pytest.mark.parametrize("value, text", [
    (D("0.015"), "0.015"), (D("1000.50"), "1000.50"), (True, "true"), (False, "false"),
    (Kind.MONEY, "money"), (Relation.FUNNEL, "funnel"), (7, "7"), ("text", "text"), (None, "None"),
])
def test_shown_writes_a_value_in_a_message_as_the_file_does(value, text):
    assert schema.shown(value) == text


@pytest.mark.parametrize("key, raw, value", [
    ("kind", "money", "money"),  # a choice as its text
    ("rate", "10%", D("0.1")),
    ("rate", "solve", schema.SOLVE),  # a rate to solve compares as the word
    ("target", 1_000, D(1000)),
    ("id", "goal", "goal"), ("parent", "goal", "goal"),  # ids as written
    ("nobody_knows", [1], [1]),  # not a field: as it is
])
def test_decode_gives_a_stored_value_in_the_form_it_is_compared_in(key, raw, value):
    assert schema.decode(key, raw) == value


@pytest.mark.parametrize("key, raw", [("kind", "colour"), ("rate", "150%"), ("target", "lots"), ("lag", 1.5)])
def test_a_stored_value_that_cannot_be_read_never_compares_equal(key, raw):
    assert schema.decode(key, raw) != schema.decode(key, raw)


@pytest.mark.parametrize("value", [D("Infinity"), D("-Infinity"), D("NaN")])
def test_a_lag_that_is_no_number_of_periods_is_refused_not_a_crash(value):
    # a file's `lag = inf` arrives as Decimal("Infinity"): it has no whole number to be
    with pytest.raises(ReasonError) as info:
        schema.check(FIELDS["lag"], value)
    assert info.value.code == "lag_not_whole"
