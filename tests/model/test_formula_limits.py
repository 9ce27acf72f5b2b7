"""A formula of any text parses or raises FormulaError naming what is wrong: never a RecursionError."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpidesk.model.formula import FormulaError, Neg, Num, evaluate, parse, references
from kpidesk.model.limits import MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING


@pytest.mark.parametrize("text", [
    "-" * 999 + "1",  # the longest formula, all signs
    "+" * 999 + "a",
    "-+" * 499 + "1",
    "- " * 499 + "1",
    "-(" * 300 + "1" + ")" * 300,
    "(" * 49 + "-" * 2 + "1" + ")" * 49,
])
def test_deep_sign_chains_are_a_formula_error_naming_the_limit(text):
    assert len(text) <= MAX_FORMULA_LENGTH
    with pytest.raises(FormulaError, match=f"nest deeper than {MAX_FORMULA_NESTING} levels"):
        parse(text)


def test_signs_up_to_the_limit_parse_and_mean_what_they_say():
    assert evaluate(parse("-" * MAX_FORMULA_NESTING + "3"), {}.get) == 3  # an even number of minus signs
    assert evaluate(parse("-" * 49 + "3"), {}.get) == -3
    assert evaluate(parse("-(-(a))"), {"a": D(2)}.get) == 2
    assert evaluate(parse("+-+2"), {}.get) == -2
    assert references(parse("-" * 48 + "(a - -b)")) == {"a", "b"}  # 48 signs, a parenthesis, a sign: 50
    assert parse("--1") == Neg(Neg(Num(D(1))))


def test_the_column_of_the_sign_past_the_limit_is_reported():
    with pytest.raises(FormulaError) as info:
        parse("a * " + "-" * 60 + "b")
    assert info.value.position == 4 + MAX_FORMULA_NESTING


@pytest.mark.parametrize("text, words", [
    ("1e99999999999999999999 * a", "out of range"),
    ("a * 1e-999999", "999,999 decimal places"),
    ("a / 0." + "0" * 80 + "1", "longer than 64 characters"),
    ("a + 1e999999", "too large"),
    ("a * 0.00000000001%", "a percentage has at most 10"),
])
def test_numbers_in_a_formula_are_bounded_like_typed_numbers(text, words):
    with pytest.raises(FormulaError, match=words):
        parse(text)


def test_a_percentage_in_a_formula_is_exact():
    assert parse("0.015%") == Num(D("0.00015"))


TOKENS = st.sampled_from(["-", "+", "*", "/", "(", ")", "a", "b_2", "1", "0.5", "10%", "1e999999", "1e-999999",
                          " ", "--", "((", "))", "9" * 70, ".", "%", "e", "１２", "√"])


@settings(max_examples=500, deadline=None)
@given(st.lists(TOKENS, max_size=400).map("".join))
def test_any_text_parses_or_raises_formula_error(text):
    try:
        node = parse(text)
    except FormulaError as exc:
        assert str(exc) and 0 <= exc.position <= len(text)
        return
    references(node)
    evaluate(node, lambda _id: D(1)) if "/" not in text else None
