"""Numbers as typed: every digit kept in memory and in files, bounded at the door, never a traceback."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk.model import display
from kpidesk.model.limits import MAX_DECIMALS, MAX_NUMBER_LENGTH, MAX_SIGNIFICANT_DIGITS
from kpidesk.model.numbers import (
    NumberError,
    check_number,
    parse_amount,
    parse_rate,
    percent_text,
    to_decimal,
)


@pytest.mark.parametrize("typed, fraction, written", [
    ("0.015%", D("0.00015"), "0.015%"),
    ("0.005%", D("0.00005"), "0.005%"),
    ("28.575%", D("0.28575"), "28.575%"),
    ("12.5%", D("0.125"), "12.5%"),
    ("40%", D("0.4"), "40%"),
    ("100%", D("1"), "100%"),
    ("0%", D("0"), "0%"),
    ("0.0000000001%", D("0.000000000001"), "0.0000000001%"),  # 10 decimals of a percent: the limit
    ("１２．５％", D("0.125"), "12.5%"),  # typed with a Japanese input method
    ("0.4", D("0.4"), "40%"),  # a bare rate on the command line is a fraction
])
def test_a_rate_keeps_every_digit_typed(typed, fraction, written):
    value = parse_rate(typed)
    assert value == fraction and str(value) == str(fraction)
    assert percent_text(value) == written


def test_the_display_rounds_but_the_text_for_files_does_not():
    assert display.percent_text(D("0.285755")) == "28.58%"  # what a cell shows (kpidesk.model.display)
    assert percent_text(D("0.285755")) == "28.5755%"  # what the file and the edit field hold
    assert percent_text(D("0.00015")) == "0.015%"
    assert percent_text(D("0.2857500")) == "28.57500%"


def test_a_bare_number_in_the_window_is_a_percentage():
    assert parse_rate("0.015", bare_is_percent=True) == D("0.00015")
    with pytest.raises(NumberError, match=r"rate 150% is outside 0-100 %$"):
        parse_rate("150", bare_is_percent=True)  # no advice to add a % sign that is already meant
    with pytest.raises(NumberError, match="write 150% for a percentage"):
        parse_rate("150")


def test_negative_zero_is_zero():
    assert str(parse_rate("-0%")) == "0" and percent_text(parse_rate("-0%")) == "0%"
    assert str(parse_amount("-0")) == "0"
    assert str(parse_amount("0e9")) == "0"


@pytest.mark.parametrize("text, words", [
    ("1e-999999", f"999,999 decimal places; at most {MAX_DECIMALS}"),
    ("1e999999", "too large (the limit is 1,000,000,000,000,000)"),
    ("1e999999999999999999999", "out of range"),
    ("0." + "0" * 5000 + "1", f"longer than {MAX_NUMBER_LENGTH} characters"),
    ("0." + "0" * 30 + "1", f"31 decimal places; at most {MAX_DECIMALS}"),
    ("0." + "0" * 40, f"40 decimal places; at most {MAX_DECIMALS}"),
    ("1" * 5000, f"longer than {MAX_NUMBER_LENGTH} characters"),
    ("1234567.123456789", f"16 significant digits; at most {MAX_SIGNIFICANT_DIGITS}"),
    ("1,000,000,000,000,001", "too large"),
    ("0.0000000000001", f"13 decimal places; at most {MAX_DECIMALS}"),
    ("0.00000000001%", "11 decimals; a percentage has at most 10"),
    ("1e-999999%", "999,999 decimals; a percentage has at most 10"),
    ("nan", "not a number"),
    ("-inf", "not a number"),
])
def test_numbers_beyond_the_limits_are_refused_naming_the_limit(text, words):
    with pytest.raises(NumberError) as info:
        parse_amount(text)
    assert words in str(info.value)


def test_the_largest_and_finest_numbers_are_accepted():
    assert parse_amount("1,000,000,000,000,000") == D(10) ** 15
    assert parse_amount("999,999,999,999,999") == D("999999999999999")
    assert parse_amount("123456.123456789") == D("123456.123456789")  # 15 significant digits
    assert parse_amount("0.000000000001") == D("1e-12")
    assert parse_amount("2.50") == D("2.5") and str(parse_amount("2.50")) == "2.50"  # kept as typed


@pytest.mark.parametrize("value, words", [
    (1e-300, "300 decimal places"),
    (float("inf"), "finite"),
    (D("1E+400"), "too large"),
    (D("-1E-400"), "400 decimal places"),
    (D("NaN"), "finite"),
    (D("0.30000000000000004"), "17 decimal places"),
    (D("1.2345678901234567"), "16 decimal places"),
    (D("12345678.12345678"), "16 significant digits"),
])
def test_numbers_from_a_file_are_bounded_too(value, words):
    with pytest.raises(NumberError, match=words):
        to_decimal(value)


def test_check_number_keeps_the_digits():
    assert str(check_number(D("0.1050"))) == "0.1050"
    assert str(check_number(D("-0.00"))) == "0.00"


# ---- properties -------------------------------------------------------------------------
DIGITS = st.sampled_from("0123456789")
FULL_WIDTH = st.sampled_from("０１２３４５６７８９")
#: Texts that look like numbers: many digits, huge and tiny exponents, separators, percent, full-width.
NUMBER_TEXTS = st.builds(
    lambda sign, whole, point, frac, exp, percent, wide: (
        sign + whole + point + frac + exp + percent
    ).translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％") if wide else {}),
    st.sampled_from(["", "-", "+", "−"]),
    st.one_of(st.text(DIGITS, max_size=20), st.text(DIGITS | st.just(","), max_size=30),
              st.text(DIGITS, min_size=60, max_size=120)),
    st.sampled_from(["", ".", ","]),
    st.one_of(st.text(DIGITS, max_size=20), st.just("0" * 3000 + "1")),
    st.one_of(st.just(""), st.builds(lambda e, n: e + n, st.sampled_from(["e", "E", "e-", "e+"]),
                                      st.one_of(st.integers(0, 40).map(str),
                                                st.sampled_from(["999999", "999999999999999999999999", "-1"])))),
    st.sampled_from(["", "%", " %"]),
    st.booleans(),
)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(NUMBER_TEXTS, st.text(DIGITS | FULL_WIDTH | st.sampled_from(".,%eE-+_ '"), max_size=40),
                 st.text(max_size=20)))
def test_any_text_parses_or_raises_number_error(text):
    for parse in (parse_amount, parse_rate, lambda t: parse_rate(t, bare_is_percent=True)):
        try:
            value = parse(text)
        except NumberError:
            continue
        assert value.is_finite() and abs(value) <= D(10) ** 15
        assert len(value.normalize().as_tuple().digits) <= MAX_SIGNIFICANT_DIGITS
        assert -value.as_tuple().exponent <= MAX_DECIMALS


@settings(max_examples=examples(300), deadline=None)
@given(st.decimals(min_value=0, max_value=1, places=12, allow_nan=False, allow_infinity=False))
def test_a_rate_written_as_percent_text_reads_back_exactly(value):
    value = check_number(value)
    assert parse_rate(percent_text(value)) == value
