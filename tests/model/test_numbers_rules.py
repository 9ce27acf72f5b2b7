"""Numbers as typed and stored, at their edges, each worked out by hand: what is not a number, percentages of many
digits, where a rate's hint applies, trailing zeros and exponents, and the engine's snapshot of a metric's values."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk.model.findings import Severity, finding
from kpidesk.model.metric import Computed
from kpidesk.model.numbers import NumberError, decimal_text, parse_rate, percent_of, plain, to_decimal


@pytest.mark.parametrize("value, found", [(True, "bool"), ("12", "text"), (None, "nothing"), ([1], "array")])
def test_what_is_not_a_number_is_named_by_what_it_is(value, found):
    with pytest.raises(NumberError) as refused:
        to_decimal(value)
    assert (refused.value.reason.code, dict(refused.value.reason.args)) == ("number_expected", {"found": found})


def test_a_percentage_of_many_digits_keeps_every_digit():
    typed = D("12.345678901234567890123456789")  # 29 digits, more than the default precision of 28
    assert percent_of(typed) == D("0.12345678901234567890123456789")
    assert percent_of(D("1" * 40)) == D("1" * 38 + ".11")


def test_a_bare_rate_over_one_is_answered_with_how_to_write_a_percentage_only_where_bare_is_a_fraction():
    with pytest.raises(NumberError) as bare:
        parse_rate("140")
    with pytest.raises(NumberError) as percent:
        parse_rate("140%")
    with pytest.raises(NumberError) as in_the_window:
        parse_rate("140", bare_is_percent=True)
    assert bare.value.reason.code != percent.value.reason.code  # the hint: "write 140%"
    assert percent.value.reason.code == in_the_window.value.reason.code
    assert parse_rate("40", bare_is_percent=True) == D("0.40") and parse_rate("0.4") == D("0.4")


def test_stored_digits_lose_their_exponent_and_trailing_zeros_but_never_a_digit():
    assert str(plain(D("1.60E+3"))) == "1600" and str(plain(D("0.250"))) == "0.25"
    assert str(plain(D("2.5"))) == "2.5"
    assert decimal_text(D("1E+9")) == "1000000000" and decimal_text(D("0.1050")) == "0.1050"
    assert decimal_text(D("0E+3")) == "0" and decimal_text(D("0.00")) == "0.00"
    assert decimal_text(D("-0E-2")) == "0.00"


def test_the_snapshot_of_a_metrics_values_is_a_copy_of_each():
    warning = finding("m", Severity.WARNING, "stability", "no_source")
    values = Computed(F(1), F(2), F(3), F(4), F(1, 5), (warning,), F(-6))
    copied = values.copy()
    assert copied is not values
    assert (copied.forward, copied.required, copied.target, copied.forecast, copied.rate, copied.findings,
            copied.gap) == (F(1), F(2), F(3), F(4), F(1, 5), (warning,), F(-6))
