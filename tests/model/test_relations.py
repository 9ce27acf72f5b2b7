"""Sum, product, share and formula relations, and what the engine says when a plan cannot work."""

from decimal import Decimal as D
from fractions import Fraction

import pytest

from kpidesk.model.checks import run_checks
from kpidesk.model.formula import FormulaError, parse, references
from kpidesk.model.formula_pass import evaluate
from kpidesk.model.messages import describe
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan, PlanError


def build(*specs) -> Plan:
    """specs: (id, parent_id, dict of fields)."""
    plan = Plan()
    for metric_id, parent_id, fields in specs:
        plan.attach(Metric(metric_id, metric_id.title(), **fields), plan.metrics.get(parent_id))
    plan.engine.recalculate_all()
    return plan


def target(plan, metric_id):
    return plan.metrics[metric_id].computed.target


def checks_named(plan, check):
    return [f for f in run_checks(plan) if f.check == check]


def test_sum_solves_the_one_open_part():
    plan = build(("orders", None, {"relation": Relation.SUM, "target": D(100)}),
                 ("web", "orders", {}), ("offline", "orders", {"target": D(70)}))
    assert target(plan, "web") == 30


def test_sum_forward_when_the_parts_are_given():
    plan = build(("orders", None, {"relation": Relation.SUM}),
                 ("web", "orders", {"target": D(20)}), ("offline", "orders", {"target": D(70)}))
    assert target(plan, "orders") == 90


def test_product_with_two_unknown_factors_is_underdetermined():
    plan = build(("sales", None, {"relation": Relation.PRODUCT, "target": D(10**9), "kind": Kind.MONEY}),
                 ("orders", "sales", {}), ("price", "sales", {"kind": Kind.MONEY}))
    found = checks_named(plan, "underdetermined")
    assert found and found[0].metric == "sales" and "Orders, Price" in describe(found[0], plan)
    assert target(plan, "orders") is None


def test_product_back_calculates_the_open_factor():
    plan = build(("sales", None, {"relation": Relation.PRODUCT, "target": D(10**9), "kind": Kind.MONEY}),
                 ("orders", "sales", {}), ("price", "sales", {"kind": Kind.MONEY, "target": D(3 * 10**6)}))
    assert target(plan, "orders") == 334  # 333.33 orders round up


def test_shares_over_100_percent_conflict():
    plan = build(("orders", None, {"relation": Relation.SHARE, "target": D(100)}),
                 ("web", "orders", {"share": D("0.6")}), ("offline", "orders", {"share": D("0.5")}))
    assert checks_named(plan, "conflict")[0].metric == "orders"


def test_given_value_below_the_need_is_a_conflict_on_that_metric():
    plan = build(("orders", None, {"relation": Relation.FUNNEL, "target": D(20)}),
                 ("deals", "orders", {"rate": D("0.5"), "target": D(30)}))
    conflict = checks_named(plan, "conflict")
    assert conflict[0].metric == "deals" and "40" in describe(conflict[0], plan)


def test_formula_metrics_compute_ratios_and_report_division_by_zero():
    plan2 = build(("orders", None, {"relation": Relation.FUNNEL, "target": D(20)}),
                  ("leads", "orders", {"rate": D("0.1")}),
                  ("cost", None, {"kind": Kind.MONEY, "target": D(1_000_000)}),
                  ("cpa", "orders", {"relation": Relation.FORMULA, "formula": "cost / leads", "kind": Kind.MONEY}))
    assert target(plan2, "cpa") == 5000
    plan2.set_field(plan2.metrics["cost"], "target", D(0))
    assert target(plan2, "cpa") == 0


def test_a_formula_dividing_by_a_metric_of_zero_is_reported_and_left_open():
    plan = build(("orders", None, {"relation": Relation.FUNNEL, "target": D(20)}),
                 ("leads", "orders", {"rate": D("0.1")}),
                 ("cost", None, {"kind": Kind.MONEY, "target": D(1_000_000)}),
                 ("visits", None, {"target": D(4)}),
                 ("cpv", "orders", {"relation": Relation.FORMULA, "formula": "cost / visits", "kind": Kind.MONEY}))
    assert target(plan, "cpv") == 250_000
    assert not [f for f in plan.findings() if f.check == "impossible"]
    plan.set_field(plan.metrics["visits"], "target", D(0))
    impossible = [f for f in plan.findings() if f.check == "impossible"]
    assert [(f.metric, f.code) for f in impossible] == [("cpv", "formula_div_zero")]
    assert describe(impossible[0], plan) == "The formula of Cpv divides by zero."
    assert target(plan, "cpv") is None
    assert target(plan, "leads") == 200  # the funnel's rates are not what is at fault
    plan.set_field(plan.metrics["visits"], "target", D(5))
    assert target(plan, "cpv") == 200_000 and not [f for f in plan.findings() if f.check == "impossible"]


def test_formula_parser_never_evaluates_code():
    node = parse("(revenue - cost) / cost")
    assert references(node) == {"revenue", "cost"}
    values = {"revenue": Fraction(300), "cost": Fraction(100)}
    assert evaluate(node, values.get) == 2
    assert evaluate(parse("-10% * 2 + 1"), values.get) == Fraction(4, 5)
    for bad in ("__import__('os')", "a ** b", "a +", "(a", "a b", "", "1;2"):
        with pytest.raises(FormulaError):
            parse(bad)


def test_formula_cycle_and_unknown_reference_are_refused():
    plan = build(("a", None, {}), ("b", "a", {"relation": Relation.FORMULA, "formula": "a * 2"}))
    with pytest.raises(PlanError, match="not another metric"):
        plan.set_field(plan.metrics["b"], "formula", "b + 1")
    plan.attach(Metric("c", "C", relation=Relation.FORMULA, formula="b"), plan.metrics["a"])
    plan.set_field(plan.metrics["b"], "formula", "c")
    assert any(f.check == "cycle" for f in plan.findings())


@pytest.mark.parametrize("field, value, message", [
    ("target", D(-1), "cannot be negative"),
    ("target", D("2.5"), "whole number"),
    ("rate", D("1.5"), "outside 0-100"),
    ("name", "  ", "needs a name"),
    ("kind", "apples", "not one of"),
])
def test_bad_values_are_refused_and_the_plan_stays(field, value, message):
    plan = build(("orders", None, {"relation": Relation.FUNNEL, "target": D(20)}),
                 ("leads", "orders", {"rate": D("0.1")}))
    before = (plan.metrics["leads"].target, plan.metrics["leads"].rate, plan.metrics["leads"].name)
    with pytest.raises(PlanError, match=message):
        plan.set_field(plan.metrics["leads"], field, value)
    assert (plan.metrics["leads"].target, plan.metrics["leads"].rate, plan.metrics["leads"].name) == before


def test_plan_checks_name_their_thresholds():
    plan = build(("goal", None, {"relation": Relation.SUM, "target": D(10)}),
                 *[(f"k{i}", "goal", {"target": D(1)}) for i in range(35)])
    simplicity = checks_named(plan, "simplicity")
    assert any("more than 30" in describe(f, plan) for f in simplicity)
    assert checks_named(plan, "stability") and checks_named(plan, "countermeasure")
    measurable = checks_named(plan, "measurable")
    assert measurable and "no unit" in describe(measurable[0], plan)


def test_unconnected_metrics_are_reported():
    plan = build(("goal", None, {"relation": Relation.FUNNEL, "target": D(10)}), ("stray", None, {}),
                 ("leads", "goal", {"rate": D("0.5")}), ("idea", "leads", {}))
    assert {f.metric for f in checks_named(plan, "connected")} == {"stray", "idea"}
