"""A formula of any text parses or raises FormulaError naming what is wrong: never a RecursionError."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk.model.formula import BinOp, FormulaError, Neg, Num, Ref, parse, references
from kpidesk.model.limits import MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING


def value(node, values=None):
    """The formula's value, worked out here (the engine's evaluation is not under test)."""
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Ref):
        return (values or {})[node.metric_id]
    if isinstance(node, Neg):
        return -value(node.operand, values)
    assert isinstance(node, BinOp)
    left, right = value(node.left, values), value(node.right, values)
    return {"+": left + right, "-": left - right, "*": left * right}.get(node.op) if node.op != "/" \
        else left / right


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
    assert value(parse("-" * MAX_FORMULA_NESTING + "3")) == 3  # an even number of minus signs
    assert value(parse("-" * 49 + "3")) == -3
    assert value(parse("-(-(a))"), {"a": D(2)}) == 2
    assert value(parse("+-+2")) == -2
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


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(TOKENS, max_size=400).map("".join))
def test_any_text_parses_or_raises_formula_error(text):
    try:
        node = parse(text)
    except FormulaError as exc:
        assert str(exc) and 0 <= exc.position <= len(text)
        return
    refs = references(node)
    if "/" not in text:
        value(node, dict.fromkeys(refs, D(1)))
