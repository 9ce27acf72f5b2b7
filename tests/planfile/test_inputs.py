"""Inputs in the file: written with every digit typed, bounded when read, and the same rules as an edit."""

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk import paths
from kpidesk.cli import parse_assignment
from kpidesk.model import schema
from kpidesk.model.metric import Metric
from kpidesk.model.plan import PlanError
from kpidesk.planfile import PlanFileError, loads
from kpidesk.planfile.writer import render_metric

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")
BASE = 'format_version = "1.0"\n[[metric]]\nid = "a"\nname = "A"\n'


def error_of(text: str) -> str:
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    return str(info.value)


# ---- every writer path keeps the digits ----------------------------------------------------
@pytest.mark.parametrize("rate, written", [
    (D("0.00015"), '"0.015%"'), (D("0.00005"), '"0.005%"'), (D("0.28575"), '"28.575%"'), (D("0.4"), '"40%"'),
])
def test_a_changed_rate_is_written_with_every_digit(rate, written):
    plan_file = loads(TEMPLATE)
    plan_file.plan.set_field(plan_file.plan.metrics["leads"], "rate", rate)
    text = plan_file.dumps()
    assert f"rate = {written}" in text
    assert loads(text).plan.metrics["leads"].rate == rate


def test_a_new_table_writes_rates_shares_and_amounts_with_every_digit():
    metric = Metric("m", "M", rate=D("0.00015"), share=D("0.28575"), target=D("2.50"), actual=D("1234567"))
    text = render_metric(metric)
    assert 'rate = "0.015%"' in text and 'share = "28.575%"' in text
    assert "target = 2.50" in text and "actual = 1_234_567" in text


def test_a_rate_stored_as_a_number_stays_a_number_with_every_digit():
    text = BASE + 'relation = "funnel"\n[[metric]]\nid = "b"\nparent = "a"\nname = "B"\nrate = 0.1\n'
    plan_file = loads(text)
    plan_file.plan.set_field(plan_file.plan.metrics["b"], "rate", D("0.00015"))
    assert "rate = 0.00015\n" in plan_file.dumps()


def test_a_file_float_is_read_as_the_decimal_it_is_written_as():
    plan = loads(BASE + 'kind = "number"\nactual = 0.1050\ntarget = 2.675\n').plan
    assert str(plan.metrics["a"].actual) == "0.1050" and plan.metrics["a"].target == D("2.675")


# ---- bounded when read, with file:line:col --------------------------------------------------
@pytest.mark.parametrize("line, words", [
    ("target = 1e-999999", "plan.toml:5:10: error: metric 'a', target: 1e-999999 has 999,999 decimal places; "
                           "at most 12"),
    ("target = 1e999999", "plan.toml:5:10: error: metric 'a', target: 1e+999999 is too large"),
    ("actual = 0." + "0" * 3000 + "1", "plan.toml:5:10: error: metric 'a', actual:"),
    ('target = "0.' + "0" * 3000 + '1"', "plan.toml:5:10: error: metric 'a', target: the number is longer than 64"),
    ("target = 1" + "0" * 5000, "plan.toml:5:10: error: a number out of any range"),
    ("target = 1e99999999999999999999999", "plan.toml:5:11: error: a number out of any range"),
    ("target = 1234567.123456789", "16 significant digits; at most 15"),
    ('rate = "0.00000000001%"', "plan.toml:5:8: error: metric 'a', rate: 0.00000000001% has 11 decimals; a "
                                "percentage has at most 10"),
    ('share = "0%"', "plan.toml:5:9: error: metric 'a', share: a share of 0 % is refused"),
    ("share = 0.0", "share of 0 % is refused"),
    ('kind = "money"\ntarget = -5', "plan.toml:6:10: error: metric 'a', target: money cannot be negative unless "
                                    "the metric allows it (allow_negative = true) (-5)"),
    ('kind = "money"\nactual = -5.5', "metric 'a', actual: money cannot be negative"),
    ("[metric.actuals]\n\"2026-04\" = 2.5", "plan.toml:6:13: error: metric 'a', actuals.2026-04: a count must be "
                                           "a whole number (2.5)"),
    ("allow_negative = 1", "metric 'a', allow_negative: expected true or false"),
    ('formula = "' + "-" * 999 + '1"', "nest deeper than 50"),
    ('notes = "a\\u0000b"', "plan.toml:5:9: error: metric 'a', notes: U+0000 NULL is not allowed in a text"),
])
def test_bad_values_in_the_file_are_errors_at_their_position(line, words):
    assert words in error_of(BASE + line + "\n")


def test_a_value_that_cannot_be_read_is_not_judged_by_the_rules_as_well():
    message = error_of(BASE + 'kind = "moneyy"\ntarget = 2.5\n')
    assert "kind: 'moneyy' is not one of" in message and "whole number" not in message


def test_negative_amounts_where_the_file_allows_them():
    text = BASE + 'kind = "money"\nallow_negative = true\ntarget = -5_000_000\n[metric.actuals]\n"2026-04" = -12.5\n'
    metric = loads(text).plan.metrics["a"]
    assert metric.allow_negative is True and metric.target == -5_000_000 and metric.actuals["2026-04"] == D("-12.5")


def test_a_formula_relation_without_a_formula_opens_and_is_reported():
    """The window can choose "formula" before a formula exists; what it saves must open again."""
    plan_file = loads(BASE + 'relation = "formula"\n')
    assert any(f.metric == "a" and f.field == "formula" for f in plan_file.plan.findings())


# ---- any accepted `set` writes a file that loads back the same -----------------------------
METRIC_IDS = ("sales", "orders", "web_orders", "negotiations", "visits", "unit_price")
NUMBERS = st.one_of(
    st.integers(-10**16, 10**16).map(str),
    st.decimals(min_value=-10**6, max_value=10**6, places=4, allow_nan=False, allow_infinity=False).map(str),
    st.builds(lambda n, e: f"{n}e{e}", st.integers(-99, 99), st.integers(-20, 20)),
    st.sampled_from(["0.015%", "0.005%", "28.575%", "100%", "0%", "-0", "1,000,000", "１２．５％", "", "solve",
                     "0.0000000001%", "1e-999999", "0." + "0" * 100 + "1", "2.50", "-3.5"]),
    st.decimals(min_value=0, max_value=100, places=10, allow_nan=False, allow_infinity=False).map(lambda d: f"{d}%"),
)
WORDS = st.one_of(st.sampled_from(["count", "money", "percent", "Lower", "higher", "sum", "product", "share",
                                   "funnel", "formula", "none", "true", "false", "yes", "no", "visits * 2",
                                   "orders / visits", "---1", "(sales", "JPY", ""]),
                  st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12))




def _values(field: str) -> st.SearchStrategy[str]:
    spec = schema.INPUTS[field]
    if spec.choices is not None:
        words = [item.value for item in spec.choices]
        return st.one_of(st.sampled_from(words + [w.upper() + " " for w in words]), WORDS)
    if spec.form == "flag":
        return st.one_of(st.sampled_from(["true", "false", "Yes", "no"]), WORDS)
    if spec.form in ("amount", "rate", "share"):
        return st.one_of(NUMBERS, WORDS)
    if spec.form == "formula":
        return st.one_of(st.lists(st.sampled_from(list(METRIC_IDS) + ["+", "-", "*", "/", "(", ")", "2", "10%"]),
                                  max_size=8).map(" ".join), WORDS)
    return WORDS


ASSIGNMENTS = st.tuples(st.sampled_from(METRIC_IDS), st.sampled_from(schema.SETTABLE)).flatmap(
    lambda pair: st.tuples(st.just(pair[0]), st.just(pair[1]), _values(pair[1])))


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ASSIGNMENTS, min_size=1, max_size=3))
def test_any_accepted_set_writes_a_file_that_loads_back_the_same(assignments):
    plan_file = loads(TEMPLATE, "plan.toml")
    plan = plan_file.plan
    for metric_id, field, text in assignments:
        before = plan_file.dumps()
        try:
            edit = parse_assignment(plan_file, f"{metric_id}.{field}={text}")
            edit.apply(plan)
        except PlanError:
            assert plan_file.dumps() == before  # refused: nothing changed
            continue
        written = plan_file.dumps()
        again = loads(written, "plan.toml").plan  # never a PlanFileError: an edit makes only files that open
        for metric in plan.metrics.values():
            other = again.metrics[metric.id]
            for name in schema.INPUT_FIELDS:
                if name == "rate" and metric.solve_rate:
                    continue  # a solved rate is not stored
                assert getattr(other, name) == getattr(metric, name), (metric.id, name)
        plan_file = loads(written, "plan.toml")
        plan = plan_file.plan
