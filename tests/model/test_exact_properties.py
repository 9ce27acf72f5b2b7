"""Properties of exact planning over every relation kind: random trees of funnels, sums, products,
shares, formulas, given values mid-tree and goal seek."""

from __future__ import annotations

from decimal import Decimal
from numbers import Rational

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk.model.checks import run_checks
from kpidesk.model.evaluation import evaluate
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan

#: Rates as planners type them: whole percents, and odd ones with many digits (0.015 %, 28.575 %).
rates = st.one_of(
    st.integers(min_value=1, max_value=100).map(lambda p: Decimal(p) / 100),
    st.integers(min_value=1, max_value=99_999).map(lambda p: Decimal(p) / 100_000),
)
kinds = st.sampled_from([Kind.COUNT, Kind.MONEY])


@st.composite
def subtree(draw, depth: int, budget: list[int], money: bool = False) -> dict:
    """A derived metric and what is below it, as a nested description (``money``: money only, no sums)."""
    kind = Kind.MONEY if money else draw(kinds)
    shapes = ["leaf", "funnel", "product", "share", "funnel"] if money else [
        "leaf", "funnel", "sum", "product", "share", "funnel"]
    options = ["leaf"] if depth >= 4 or budget[0] <= 0 else shapes
    shape = draw(st.sampled_from(options))
    budget[0] -= 1
    node: dict = {"kind": kind, "shape": shape, "children": []}
    if shape == "funnel":
        child = draw(subtree(depth + 1, budget, money))
        if draw(st.booleans()) and child["shape"] == "leaf":  # goal seek from a given base
            child["given"] = Decimal(draw(st.integers(min_value=1, max_value=10**6)))
            child["solve"] = True
        else:
            child["rate"] = draw(rates)
        node["children"] = [child]
    elif shape == "sum":
        absorber = draw(subtree(depth + 1, budget, money))
        parts = [{"kind": kind, "shape": "leaf", "children": [], "given": Decimal(draw(st.integers(0, 500)))}
                 for _ in range(draw(st.integers(1, 2)))]
        node["children"] = [absorber, *parts]
    elif shape == "product":
        absorber = draw(subtree(depth + 1, budget, money))
        factor = {"kind": Kind.MONEY, "shape": "leaf", "children": [],
                  "given": Decimal(draw(st.integers(1, 10**7))) / draw(st.sampled_from([1, 3, 100]))}
        node["kind"] = Kind.MONEY
        node["children"] = [absorber, factor]
    elif shape == "share":
        count = draw(st.integers(1, 3))
        for _ in range(count):
            child = draw(subtree(depth + 1, budget, money))
            child["share"] = Decimal(draw(st.integers(1, 100 // count))) / 100
            node["children"].append(child)
    return node


@st.composite
def plans(draw, money: bool = False) -> Plan:
    goal_kind = Kind.MONEY if money else draw(kinds)
    root = draw(subtree(0, [draw(st.integers(1, 8))], money))
    root["kind"] = goal_kind if root["shape"] != "product" else Kind.MONEY
    root["given"] = Decimal(draw(st.integers(1, 10**7)))
    plan = Plan()
    plan.info["currency"] = "USD"
    counter = [0]

    def build(spec: dict, parent: Metric | None) -> Metric:
        counter[0] += 1
        relation = {"leaf": Relation.NONE, "funnel": Relation.FUNNEL, "sum": Relation.SUM,
                    "product": Relation.PRODUCT, "share": Relation.SHARE}[spec["shape"]]
        metric = Metric(f"m{counter[0]}", f"M{counter[0]}", kind=spec["kind"], relation=relation,
                        target=spec.get("given"), rate=spec.get("rate"), share=spec.get("share"),
                        solve_rate=spec.get("solve", False))
        if metric.kind is Kind.COUNT and metric.target is not None:
            metric.target = metric.target.to_integral_value()
        plan.attach(metric, parent)
        for child in spec["children"]:
            build(child, metric)
        return metric

    top = build(root, None)
    if draw(st.booleans()):  # a formula reading the tree, which must not disturb it
        plan.attach(Metric("ratio", "Ratio", kind=Kind.RATIO, relation=Relation.FORMULA, formula=f"{top.id} / 3"), top)
    plan.engine.recalculate_all()
    return plan


def engine_trouble(plan: Plan) -> set[str]:
    """Engine findings that say the goal cannot be met as planned (then no promise holds)."""
    return {f.code for m in plan.walk() for f in m.computed.findings} - {"given_above_need"}


@settings(max_examples=examples(200), deadline=None)
@given(plans())
def test_meeting_every_kpi_meets_the_goal(plan):
    assume(not engine_trouble(plan))
    for metric in plan.walk():
        computed = metric.computed
        if metric.kind is Kind.COUNT and computed.target is not None:
            assert computed.target.denominator == 1, metric.id  # counts are whole
        if computed.target is not None and computed.forecast is not None:
            assert computed.forecast >= computed.target, (metric.id, computed)
            assert computed.gap is not None and computed.gap >= 0
        if computed.target is not None:
            assert computed.target >= 0, metric.id  # no derived value is negative
    assert not [f for f in run_checks(plan) if f.check == "consistency" and f.severity.value == "error"]


@settings(max_examples=examples(150), deadline=None)
@given(plans(money=True))
def test_money_only_plans_meet_their_goal_exactly(plan):
    assume(not engine_trouble(plan))  # (sums are left out: given parts may overshoot a sum)
    root = plan.roots[0].computed
    assert root.forecast == root.target
    assert root.gap == 0


@st.composite
def goal_seek_plans(draw) -> Plan:
    """A goal, a few stages with rates, then a stage whose rate is solved from its given volume."""
    plan = Plan()
    kind = draw(kinds)
    goal = Decimal(draw(st.integers(min_value=1, max_value=10**6)))
    parent = Metric("goal", "Goal", kind=kind, relation=Relation.FUNNEL, target=goal)
    plan.attach(parent, None)
    for index in range(draw(st.integers(0, 3))):
        stage = Metric(f"s{index}", f"S{index}", kind=kind, relation=Relation.FUNNEL, rate=draw(rates))
        plan.attach(stage, parent)
        parent = stage
    if draw(st.booleans()):  # the solved stage is one part of a sum
        parent.relation = Relation.SUM
        plan.attach(Metric("part", "Part", kind=kind, target=Decimal(draw(st.integers(0, 100)))), parent)
    base = Decimal(draw(st.integers(min_value=1, max_value=10**12)))
    plan.attach(Metric("solved", "Solved", kind=kind, target=base, solve_rate=True), parent)
    plan.engine.recalculate_all()
    return plan


@settings(max_examples=examples(150), deadline=None)
@given(goal_seek_plans(), st.integers(min_value=1, max_value=10**6))
def test_a_solved_rate_is_the_smallest_that_meets_its_goal(plan, nudge):
    metric = plan.metrics["solved"]
    rate, parent = metric.computed.rate, metric.parent
    assume(rate is not None and 0 < rate <= 1 and not engine_trouble(plan))
    assert parent is not None
    assert not parent.forecast_falls_short()
    assert not plan.roots[0].forecast_falls_short()
    lower = rate - rate / (nudge + 1) / 10**9  # any rate below the solved one
    probe = evaluate(plan, {"solved.rate": lower})
    assert probe[parent.id].forecast < probe[parent.id].target


@settings(max_examples=examples(200), deadline=None)
@given(plans(), st.data())
def test_an_evaluation_with_overrides_equals_the_edited_plan_and_changes_nothing(plan, data):
    stages = [m for m in plan.walk() if m.rate is not None]
    assume(stages)
    metric = data.draw(st.sampled_from(stages))
    rate = data.draw(rates)
    before = {m.id: (m.computed.target, m.computed.forecast, m.computed.findings) for m in plan.walk()}
    seen: list[object] = []
    plan.events.connect(seen.append)
    probe = evaluate(plan, {f"{metric.id}.rate": rate})
    assert seen == []
    assert {m.id: (m.computed.target, m.computed.forecast, m.computed.findings) for m in plan.walk()} == before
    plan.set_field(metric, "rate", rate)
    for other in plan.walk():
        assert (probe[other.id].target, probe[other.id].forecast, probe[other.id].gap) == (
            other.computed.target, other.computed.forecast, other.computed.gap)
        assert probe[other.id].findings == other.computed.findings


def test_a_plan_evaluated_without_overrides_is_the_live_plan():
    from kpidesk.model.generate import generate_plan

    plan = generate_plan(300, seed=3)
    probe = evaluate(plan)
    for metric in plan.walk():
        assert probe[metric.id].same_values(metric.computed)
    assert probe.findings() == plan.findings()
    assert all(isinstance(c.target, (Rational, type(None))) for c in probe.results.values())
