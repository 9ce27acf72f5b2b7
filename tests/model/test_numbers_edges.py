"""Numbers at their edges: the currency a unit names, numbers refused with what was typed, rates out of
range, and findings as JSON (kpidesk.model.display, numbers, findings)."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk.model.display import unit_currency
from kpidesk.model.findings import Severity, finding
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.numbers import NumberError, check_number, check_rate


@pytest.mark.parametrize("unit, currency", [
    ("¥", "JPY"), ("円", "JPY"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₩", "KRW"),
    ("usd", "USD"), (" JPY ", "JPY"), ("visits", ""), ("件", ""), ("ab1", ""), ("ÄÖÜ", ""), ("", ""),
])
def test_the_currency_a_unit_names(unit, currency):
    assert unit_currency(Metric("m", "M", unit=unit, kind=Kind.MONEY)) == currency


def refused(call, *args, **kwargs):
    with pytest.raises(NumberError) as info:
        call(*args, **kwargs)
    return info.value.code, info.value.params


def test_a_number_too_large_is_named_as_typed_or_written_short():
    assert refused(check_number, D("1e16")) == ("too_large", {"number": "10000000000000000", "limit": 10**15})
    assert refused(check_number, D("1e16"), "1e16") == ("too_large", {"number": "1e16", "limit": 10**15})
    assert refused(check_number, D("1e40")) == ("too_large", {"number": "1e+40", "limit": 10**15})
    # 27 digits would be too long to read: six decimals in scientific form
    assert refused(check_number, D("123456789012345678901234567")) == (
        "too_large", {"number": "1.234568e+26", "limit": 10**15})


def test_too_many_decimals_or_digits_are_counted():
    assert refused(check_number, D("0.1234567890123")) == (
        "too_many_decimals", {"number": "0.1234567890123", "places": 13, "limit": 12})
    assert refused(check_number, D("1234567890.123456")) == (
        "too_many_digits", {"number": "1234567890.123456", "digits": 16, "limit": 15})
    assert str(check_number(D("12345678901234.50"))) == "12345678901234.50"  # a trailing zero is no digit
    assert check_number(D("1234567890.12345")) == D("1234567890.12345")  # 15 digits: kept as typed


def test_a_zero_loses_its_sign_and_a_positive_exponent():
    assert str(check_number(D("-0"))) == "0"
    assert str(check_number(D("0E+9"))) == "0"
    assert str(check_number(D("0.00"))) == "0.00"


@pytest.mark.parametrize("value, kwargs, expected", [
    (D("1.4"), {"shown": "140"}, ("rate_out_of_range_bare", {"number": "140"})),  # write 140% for a percentage
    (D("1.4"), {"shown": "140%"}, ("rate_out_of_range", {"number": "140%"})),
    (D("1.4"), {"shown": "140", "hint": False}, ("rate_out_of_range", {"number": "140"})),
    (D("1.4"), {}, ("rate_out_of_range", {"number": "140%"})),
    (D("-0.1"), {"shown": "-10"}, ("rate_out_of_range", {"number": "-10"})),
])
def test_a_rate_outside_0_to_100_percent_is_refused_naming_it(value, kwargs, expected):
    assert refused(check_rate, value, **kwargs) == expected


def test_rates_of_0_and_100_percent_hold():
    assert check_rate(D(0)) == 0 and check_rate(D(1)) == 1


def test_a_finding_as_json():
    found = finding("visits", Severity.WARNING, "consistency", "rate_zero", "rate", rate=F(1, 3), ids=("a", "b"),
                    flag=True, share=D("2.5"), whole=F(4, 2))
    assert found.as_dict() == {
        "metric": "visits", "severity": "warning", "check": "consistency", "code": "rate_zero",
        "params": {"rate": 0.333333333333, "ids": ["a", "b"], "flag": True, "share": 2.5, "whole": 2},
        "field": "rate"}
    assert type(found.as_dict()["params"]["whole"]) is int
