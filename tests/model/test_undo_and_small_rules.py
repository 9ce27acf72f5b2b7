"""Undo puts a metric back under its own parent, with the KGI it carried; and small rules read by hand:
achievement at its edges, the names of control characters, what an evaluation counts as given, reasons as
data. Each expectation is the sample plan's shape (sales > orders > web_orders > negotiations > nurtured >
leads > visits; unit_price under sales; the KGI is web_orders) or a rule worked out by hand."""

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk import paths
from kpidesk.model.characters import character_name
from kpidesk.model.edits import MoveMetric, RemoveMetric, SetInfo, SetPeriodValues
from kpidesk.model.evaluation import evaluate
from kpidesk.model.metric import Better, Metric
from kpidesk.model.reasons import kind_of, reason
from kpidesk.planfile import loads


def web_plan():
    return loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan


def shape(plan):
    return [(m.id, m.parent.id if m.parent else None, m.row) for m in plan.walk()]


def test_undoing_a_delete_puts_the_metric_back_under_its_parent_at_its_row():
    plan = web_plan()
    before = shape(plan)
    edit = RemoveMetric("unit_price")  # the second factor under sales
    edit.apply(plan)
    assert "unit_price" not in plan.metrics
    edit.revert(plan)
    assert shape(plan) == before and plan.metrics["unit_price"].parent is plan.metrics["sales"]


def test_deleting_the_kgi_clears_it_and_undo_makes_it_the_kgi_again():
    plan = web_plan()
    edit = RemoveMetric("web_orders")  # with everything below it
    edit.apply(plan)
    assert plan.info["kgi"] == "" and "visits" not in plan.metrics
    edit.revert(plan)
    assert plan.info["kgi"] == "web_orders" and plan.kgi is plan.metrics["web_orders"]
    assert plan.metrics["web_orders"].parent is plan.metrics["orders"]


def test_undoing_a_move_to_another_parent_puts_it_back_under_the_first():
    plan = web_plan()
    before = shape(plan)
    edit = MoveMetric("unit_price", "orders", 1)
    edit.apply(plan)
    assert plan.metrics["unit_price"].parent is plan.metrics["orders"]
    edit.revert(plan)
    assert shape(plan) == before


def test_undoing_a_plan_fact_gives_the_old_value_back():
    plan = web_plan()
    edit = SetInfo("title", "Another title")
    edit.apply(plan)
    assert plan.info["title"] == "Another title"
    edit.revert(plan)
    assert plan.info["title"] == "Web orders FY2026"


def test_period_edits_are_named_for_their_table_and_undo_to_an_empty_one():
    assert SetPeriodValues("visits", "actuals", {}).label == "Set actuals"
    assert SetPeriodValues("visits", "phasing", {}).label == "Set phasing weights"
    plan = web_plan()
    edit = SetPeriodValues("visits", "actuals", {"2026-04": D(120)})
    edit.apply(plan)
    assert plan.metrics["visits"].actuals == {"2026-04": D(120)}
    edit.revert(plan)
    assert plan.metrics["visits"].actuals == {}


@pytest.mark.parametrize("actual, target, better, expected", [
    (D(50), D(100), Better.HIGHER, F(1, 2)),
    (D(150), D(100), Better.HIGHER, F(3, 2)),
    (D(8_000), D(10_000), Better.LOWER, F(5, 4)),  # a CPA of 8,000 against a limit of 10,000
    (D(0), D(10_000), Better.LOWER, None),  # nothing to compare
    (D(50), D(0), Better.HIGHER, None),  # no positive target
    (D(1), D(1), Better.HIGHER, F(1)),  # a target of 1 is a target
    (D(1), D(2), Better.LOWER, F(2)),  # an actual of 1 where lower is better: twice as good as 2
    (None, D(100), Better.HIGHER, None),
])
def test_achievement_at_its_edges(actual, target, better, expected):
    metric = Metric("cpa", "CPA", actual=actual, target=target, better=better)
    metric.computed.target = None if target is None else F(target)
    assert metric.achievement() == expected


@pytest.mark.parametrize("char, name", [
    ("\x1b", "U+001B ESCAPE"), ("\x1f", "U+001F INFORMATION SEPARATOR ONE"), (" ", "U+0020 SPACE"),
    ("!", "U+0021 EXCLAMATION MARK"), ("\x7f", "U+007F DELETE"), ("\x80", "U+0080 PADDING CHARACTER"),
    ("\x9b", "U+009B CONTROL SEQUENCE INTRODUCER"), ("\x9f", "U+009F APPLICATION PROGRAM COMMAND"),
    ("\xa0", "U+00A0 NO-BREAK SPACE"), ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\ue000", "U+E000"),  # a private-use character has no name: the code point alone
])
def test_a_character_is_named_by_its_code_point_and_name(char, name):
    assert character_name(char) == name


def test_an_evaluation_counts_a_target_as_given_when_typed_or_overridden():
    plan = web_plan()
    plain = evaluate(plan)
    assert plain.is_given(plan.metrics["sales"]) and not plain.is_given(plan.metrics["visits"])
    overridden = evaluate(plan, {"visits.target": "2000"})
    assert overridden.is_given(plan.metrics["visits"])


@pytest.mark.parametrize("value, kind", [
    (True, "bool"), (1.5, "float"), (3, "number"), (D("2.5"), "number"), ({}, "table"), ([], "array"),
    (None, "nothing"), ("x", "text"), (dt.datetime(2026, 4, 1, 9), "datetime"), (dt.date(2026, 4, 1), "date"),
    (dt.time(9), "time"), (F(1, 2), "Fraction"),
])
def test_kind_of_names_what_a_value_is(value, kind):
    assert kind_of(value) == kind


def test_a_reason_as_data_holds_its_code_its_parameters_and_the_phrases_around_it():
    why = reason("not_a_number", text="abc").inside("in_metric_key", metric="leads", key="rate")
    assert why.as_dict() == {"code": "not_a_number", "params": {"text": "abc"},
                             "within": [{"code": "in_metric_key", "params": {"metric": "leads", "key": "rate"}}]}
