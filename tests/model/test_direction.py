"""Metrics where lower is better (CPA, CAC, cost per MQL): progress, consistency and the file."""

from decimal import Decimal as D

import pytest

from kpidesk import paths
from kpidesk.model.checks import run_checks
from kpidesk.model.edits import SetField
from kpidesk.model.messages import describe
from kpidesk.model.metric import Better, Kind, Metric, Relation
from kpidesk.model.plan import Plan, PlanError
from kpidesk.planfile import PlanFileError, load, loads


def cost_plan(budget: int, better: Better = Better.LOWER) -> Plan:
    """Cost per order = budget / orders, with a limit of 10,000 per order."""
    plan = Plan()
    orders = Metric("orders", "Orders", target=D(100))
    cpo = Metric("cpo", "Cost per order", kind=Kind.MONEY, relation=Relation.FORMULA,
                 formula="budget / orders", target=D(10_000), better=better)
    budget_metric = Metric("budget", "Budget", kind=Kind.MONEY, target=D(budget))
    plan.attach(orders, None)
    plan.attach(cpo, orders)
    plan.attach(budget_metric, cpo)
    plan.engine.recalculate_all()
    return plan


def consistency(plan: Plan) -> list[str]:
    return [describe(f, plan) for f in run_checks(plan) if f.check == "consistency"]


def test_achievement_turns_round_where_lower_is_better():
    plan = cost_plan(1_000_000)
    cpo = plan.metrics["cpo"]
    cpo.actual = D(8_000)
    assert cpo.achievement() == pytest.approx(1.25)  # 8,000 against a limit of 10,000: better than planned
    cpo.actual = D(12_500)
    assert cpo.achievement() == pytest.approx(0.8)
    plan.set_field(cpo, "better", "higher")
    assert cpo.achievement() == pytest.approx(1.25)  # 12,500 / 10,000
    cpo.actual = D(0)
    plan.set_field(cpo, "better", "lower")
    assert cpo.achievement() is None


def test_a_cost_above_its_limit_is_inconsistent_and_below_it_is_fine():
    assert consistency(cost_plan(1_000_000)) == []  # 10,000 per order: at the limit
    assert consistency(cost_plan(800_000)) == []  # 8,000: under the limit
    messages = consistency(cost_plan(1_500_000))  # 15,000 per order
    assert len(messages) == 1
    assert "above the limit 10,000" in messages[0] and "lower is better" in messages[0]
    assert run_checks(cost_plan(1_500_000))[0].metric == "cpo"


def test_where_higher_is_better_the_same_numbers_read_the_other_way():
    assert consistency(cost_plan(1_500_000, Better.HIGHER)) == []
    assert "short of the goal" in consistency(cost_plan(800_000, Better.HIGHER))[0]


def test_formula_inputs_below_the_formula_count_as_connected():
    plan = cost_plan(1_000_000)
    assert [f for f in run_checks(plan) if f.check == "connected"] == []
    plan.set_field(plan.metrics["cpo"], "formula", "orders * 2")  # the budget is no longer read
    assert [f.metric for f in run_checks(plan) if f.check == "connected"] == ["budget"]


def test_the_direction_is_validated_and_undoable():
    plan = cost_plan(1_000_000, Better.HIGHER)
    with pytest.raises(PlanError, match="higher, lower"):
        plan.set_field(plan.metrics["cpo"], "better", "down")
    edit = SetField("cpo", "better", "Lower")
    edit.apply(plan)
    assert plan.metrics["cpo"].better is Better.LOWER
    edit.revert(plan)
    assert plan.metrics["cpo"].better is Better.HIGHER


def test_the_file_keeps_the_direction_and_drops_it_again_at_the_default():
    plan_file = load(paths.templates()["btob-web"])
    original = plan_file.dumps()
    leads = plan_file.plan.metrics["leads"]
    plan_file.plan.set_field(leads, "better", "lower")
    changed = plan_file.dumps()
    assert changed.count('better = "lower"') == 1
    assert loads(changed, "plan.toml").plan.metrics["leads"].better is Better.LOWER
    plan_file.plan.set_field(leads, "better", "higher")
    assert plan_file.dumps() == original


def test_a_planners_explicit_default_stays():
    text = ('format_version = "1.0"\n\n[[metric]]\nid = "goal"\nname = "Goal"\nbetter = "higher"  # grow it\n'
            'target = 5\n')
    plan_file = loads(text, "plan.toml")
    plan_file.plan.set_field(plan_file.plan.metrics["goal"], "target", D(6))
    assert plan_file.dumps() == text.replace("target = 5", "target = 6")


def test_a_bad_direction_in_a_file_names_line_column_and_choices():
    text = 'format_version = "1.0"\n\n[[metric]]\nid = "goal"\nname = "Goal"\nbetter = "down"\n'
    with pytest.raises(PlanFileError, match=r"plan.toml:6:10: error: metric 'goal', better: 'down' is not one of: "
                                            r"higher, lower"):
        loads(text, "plan.toml")


def test_the_inbound_template_has_a_cost_limit_and_no_findings_beyond_warnings():
    plan = load(paths.templates()["inbound"]).plan
    cost = plan.metrics["cost_per_mql"]
    assert cost.better is Better.LOWER and cost.computed.forecast == cost.computed.target == 20_000
    assert [f for f in run_checks(plan) if f.severity.value == "error"] == []
    assert [f for f in run_checks(plan) if f.check == "connected"] == []
