"""Numbers as a planner reads them and the texts around them, at their edges, each worked out by hand: money in
its currency's minor unit (JPY none, USD two), percentages, the 万 form just past 1,000 of a unit, a finding's
amounts in its plan's currency, and error texts with codes or parameters that no template expects."""

from decimal import Decimal as D
from fractions import Fraction as F

from kpidesk.model.display import (
    COMPACT,
    amount_text,
    compact_text,
    grouped,
    number_text,
    rounded,
    signed_text,
    value_text,
)
from kpidesk.model.findings import Severity, finding
from kpidesk.model.messages import describe, error_arguments, error_template, error_text
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.plan import Plan
from kpidesk.model.reasons import reason


def money(unit=""):
    return Metric("m", "Budget", unit=unit, kind=Kind.MONEY)


PERCENT = Metric("cvr", "CVR", unit="%", kind=Kind.PERCENT)
COUNT = Metric("visits", "Visits", unit="visits")


def test_whole_decimals_are_grouped_without_their_zeros():
    assert grouped(D("1600.00")) == "1,600"
    assert grouped(D("1E+3")) == "1,000"
    assert grouped(D("1234.50")) == "1,234.50"  # the digits as they are, when not whole
    assert number_text(F(9_777_833, 10_000)) == "977.78"


def test_money_rounds_to_its_currency_from_the_plan_or_from_its_unit():
    assert rounded(money(), F(1, 3)) == D("0.33")  # no currency known: cents
    assert rounded(money("JPY"), F(2, 3)) == 1  # the unit names yen, which has no minor unit
    assert rounded(money(), F(2, 3), "JPY") == 1
    assert str(rounded(money(), 100, "USD")) == "100"  # whole dollars drop their cents
    assert value_text(money("USD"), F(2001, 2)) == "1,000.50"


def test_a_percentage_is_rounded_as_a_fraction_and_a_count_is_not_one():
    assert rounded(PERCENT, F(1, 8)) == D("0.125")
    assert rounded(PERCENT, F(2, 3)) == D("0.6667")
    assert rounded(COUNT, 1600) == 1600


def test_the_ten_thousands_form_drops_its_decimal_from_a_thousand_of_the_unit():
    assert compact_text(9_999_000) == "999.9万"
    assert compact_text(10_005_000) == "1001万"  # 1,000.5 万: no decimal from 1,000 on, half away from zero
    assert value_text(money(), F(98_004, 10), "JPY", COMPACT) == "9,800"  # yen first, then the 万 form
    assert value_text(COUNT, None) == "-"


def test_an_amount_takes_its_unit_and_the_currency_given():
    assert amount_text(money("yen"), F(2, 3), "JPY") == "1 yen"
    assert amount_text(money("JPY"), F(2, 3)) == "1 JPY"
    assert amount_text(PERCENT, F(1, 8)) == "12.5%"  # the % is the number's own
    assert amount_text(None, 1600) == "1,600"
    assert amount_text(COUNT, 1600) == "1,600 visits"
    assert signed_text(F(2, 3), money("JPY")) == "+1"
    assert signed_text(F(-2, 3), money("JPY")) == "-1"


def test_a_findings_amounts_are_in_its_plans_currency():
    plan = Plan("t")
    plan.info["currency"] = "JPY"
    plan.attach(money(), None)
    short = finding("m", Severity.ERROR, "consistency", "goal_short", "target",
                    forecast=F(2_000_002, 3), target=F(1_000_000), gap=F(-999_998, 3))
    assert describe(short, plan) == ("If every KPI is met, Budget reaches 666,667, short of the goal 1,000,000 "
                                     "(gap -333,333).")


def test_a_plain_parameter_is_written_as_it_is():
    bad = finding("m", Severity.ERROR, "formula", "formula_invalid", "formula", reason="unexpected ')'")
    assert describe(bad) == "The formula is not valid: unexpected ')'"


def test_a_save_error_has_its_own_context_and_an_unknown_code_none():
    assert error_template("name_not_allowed") == ("SaveErrors", "The file name {name!r} is not allowed.")
    assert error_template("no_such_code") is None


def test_found_is_said_in_words_only_for_what_was_found():
    assert error_arguments((("found", "bool"),)) == {"found": "true/false"}
    assert error_arguments((("found", "something new"),)) == {"found": "something new"}
    assert error_arguments((("text", "bool"),)) == {"text": "bool"}


def test_an_error_without_a_template_lists_its_parameters_and_one_missing_a_parameter_keeps_its_place():
    assert error_text(reason("no_such_code", a=1, b="x")) == "no_such_code (a=1, b=x)"
    assert error_text(reason("no_such_code")) == "no_such_code"
    assert error_text(reason("lag_range")) == "a lag is 0 to {limit} periods"
    assert error_text(reason("lag_range", limit=24), lambda context, text: "{wrong} ...") == "a lag is 0 to 24 periods"
