"""kpidesk.model.exact at its edges: rounding half away from zero, the places a small value is shown with, and
the numbers written to JSON. Every expected figure is worked out by hand in the comment beside it."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk.model.exact import (
    ceil_whole,
    exact,
    exact_or_none,
    floor_whole,
    is_whole,
    minor_digits,
    round_to,
    settle,
    shown,
    shown_percent,
    to_decimal,
    to_json_number,
)


def test_an_input_is_its_exact_fraction_and_none_stays_none():
    assert exact(D("0.015")) == F(3, 200)
    assert exact_or_none(D("0.015")) == F(3, 200)
    assert exact_or_none(None) is None


def test_counts_round_up_when_back_calculated_and_down_when_forecast():
    assert ceil_whole(F(200, 3)) == 67  # 66.67 negotiations needed: 67
    assert floor_whole(F(25, 2)) == 12  # 12.5 orders forecast: 12 received
    assert floor_whole(F(-1, 2)) == -1


@pytest.mark.parametrize("currency, digits", [("JPY", 0), (" jpy ", 0), ("USD", 2), ("KWD", 3), ("", 2), ("件", 2)])
def test_a_currency_has_the_decimals_of_its_minor_unit(currency, digits):
    assert minor_digits(currency) == digits


@pytest.mark.parametrize("value, places, up, text", [
    (F(5, 2), 0, False, "3"),  # 2.5 half up: 3
    (F(-5, 2), 0, False, "-3"),  # -2.5 half away from zero, as a spreadsheet's ROUND: -3
    (F(-12, 5), 0, False, "-2"),  # -2.4: towards zero below the half
    (F(-1, 200), 2, False, "-0.01"),  # -0.005: as large as +0.005
    (D("-1250"), -2, False, "-1300"),
    (F(1, 200), 2, False, "0.01"),  # 0.005: the half goes up
    (F(1, 201), 2, False, "0.00"),  # 0.004975...: down, and the two places stay
    (F(1, 3), 2, False, "0.33"),
    (F(1, 3), 2, True, "0.34"),  # up: towards +infinity even below the half
    (F(2, 1), 2, True, "2.00"),  # up leaves an exact value as it is
    (F(-1, 3), 2, True, "-0.33"),
    (1, 2, False, "1.00"),
    (D("1234"), -2, False, "1200"),  # 12.34 hundreds: 12 hundreds, written out
    (D("1250"), -2, False, "1300"),  # 12.5 hundreds: half up
    (D("1201"), -2, True, "1300"),
])
def test_round_to_rounds_half_away_from_zero_or_towards_infinity_to_the_places_asked(value, places, up, text):
    assert str(round_to(value, places, up=up)) == text


@pytest.mark.parametrize("value, currency, settled", [
    (F(12345, 1000), "USD", F(1235, 100)),  # 12.345 USD: 12.35
    (F(12344, 1000), "USD", F(1234, 100)),
    (F(5, 2), "jpy", F(3)),  # 2.5 JPY: 3 yen
    (F(123456, 10000), "KWD", F(12346, 1000)),  # three decimals: 12.346
    (F(1, 3), "pts", F(33, 100)),  # no currency code: cents
])
def test_money_settles_half_up_to_the_currencys_minor_unit(value, currency, settled):
    assert settle(value, currency) == settled


@pytest.mark.parametrize("value, places, text", [
    (F(3), 12, "3"),
    (F(300), 12, "300"),  # a whole number written out, not 3E+2
    (F(1, 4), 12, "0.25"),  # exact, no trailing zeros
    (F(1, 3), 12, "0.333333333333"),  # twelve places
    (F(2, 3), 12, "0.666666666667"),  # the last place half up
    (F(2, 3), 3, "0.667"),
    (F(1, 3), 2, "0.33"),
    (F(10**15 - 1, 10**13), 12, "100"),  # 99.9999999999999 rounds to 100: written out, not 1E+2
    (D("1.50"), 12, "1.5"),
    (D("-2.25"), 1, "-2.3"),  # -22.5 tenths, half away from zero: -23
])
def test_to_decimal_is_exact_when_it_terminates_else_rounded_with_no_trailing_zeros(value, places, text):
    assert str(to_decimal(value, places)) == text


def test_to_decimal_keeps_twelve_places_unless_told():
    assert to_decimal(F(1, 3)) == D("0.333333333333")
    assert to_decimal(F(1, 8)) == D("0.125")


def test_a_json_number_is_an_int_when_whole_else_the_nearest_float():
    assert to_json_number(None) is None
    whole = to_json_number(F(6, 2))
    assert whole == 3 and type(whole) is int
    assert type(to_json_number(D("3.0"))) is int
    half = to_json_number(D("2.5"))
    assert half == 2.5 and type(half) is float
    assert to_json_number(F(1, 3)) == 0.333333333333  # twelve places, as the JSON output promises


@pytest.mark.parametrize("value, kwargs, text", [
    (F(0), {}, "0"),
    (F(3), {}, "3"),
    (F(250), {}, "250"),  # written out, not 2.5E+2
    (F(5, 2), {}, "2.5"),  # 2.50 loses its trailing zero
    (F(2, 3), {}, "0.67"),  # 0.666...: two places already give two significant digits
    (F(1, 3), {"decimals": 4}, "0.3333"),
    (F(1, 3), {"up": True}, "0.34"),
    (F(1, 250), {}, "0.004"),  # 0.004 rather than 0
    (F(-1, 250), {}, "-0.004"),
    (F(1, 3000), {}, "0.00033"),  # 0.000333...: two significant digits need five places
    (F(1, 30000), {}, "0.000033"),  # six places, the most shown
    (F(1, 300000), {}, "0.000003"),  # still six places: one significant digit left
    (F(1, 3000000), {}, "0"),  # below what six places show
    (F(999, 1000), {}, "1"),  # 0.999 shown with two places: 1.00, written 1
    (F(1), {}, "1"),
    (F(123, 100), {}, "1.23"),
    (F(3, 2), {"decimals": 0}, "2"),  # yen shown whole: 1.5 rounds half up, no second digit above 1
    (F(1, 3), {"decimals": 0}, "0.33"),  # below 1 still two significant digits
    (F(11, 10), {"decimals": 8}, "1.1"),
    (F(1, 7), {"decimals": 8}, "0.142857"),  # at most six places below 1, whatever was asked
])
def test_shown_gives_two_significant_digits_below_one_and_drops_trailing_zeros(value, kwargs, text):
    assert str(shown(value, **kwargs)) == text


def test_a_percentage_is_shown_with_two_places_and_a_solved_rate_up():
    assert str(shown_percent(F(1, 3))) == "33.33"
    assert str(shown_percent(F(1, 3), up=True)) == "33.34"
    assert str(shown_percent(F(80, 119), up=True)) == "67.23"  # 67.2268...%
    assert str(shown_percent(D("0.5"))) == "50"
    assert str(shown_percent(F(1, 30000))) == "0.0033"  # 0.00333...%: two significant digits


def test_whole_means_no_fractional_part():
    assert is_whole(F(4, 2))
    assert is_whole(D("3.0"))
    assert is_whole(7)
    assert not is_whole(F(1, 2))
    assert not is_whole(D("0.1"))
