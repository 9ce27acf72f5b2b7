"""The synthetic plans of benchmarks and property tests have the shape generate_plan promises: exactly the size
asked, a sales goal split by share into channels that are funnels of 4 to 6 stages, capacities and formulas when
asked, and the same plan for the same seed. A benchmark on a plan of another shape would measure something else."""

from decimal import Decimal as D

import pytest

from kpidesk.model.checks import run_checks
from kpidesk.model.findings import Severity
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Kind, Relation

RATES = {D("0.1"), D("0.2"), D("0.25"), D("0.3"), D("0.5"), D("0.6")}
STAGES = ("Orders", "Negotiations", "Nurtured leads", "Leads", "Visits", "Impressions")
TEXTS = ("source", "interval", "countermeasure")


def shape(plan):
    return [(m.id, m.parent.id if m.parent else None, m.relation, m.kind, m.unit, m.target, m.rate, m.share, m.formula,
             m.name) for m in plan.walk()]


def test_the_smallest_plans_are_a_sales_goal_with_its_price_and_then_its_orders():
    two = generate_plan(2)
    assert shape(two) == [
        ("sales", None, Relation.PRODUCT, Kind.MONEY, "JPY", D(1_000_000_000), None, None, None, "Sales"),
        ("unit_price", "sales", Relation.NONE, Kind.MONEY, "JPY", D(1_000_000), None, None, None, "Unit price")]
    assert two.info["currency"] == "JPY" and two.info["title"] == "Generated plan (2 metrics)"
    assert two.metrics["sales"].computed.target == 1_000_000_000  # calculated when made
    three = generate_plan(3)
    assert shape(three)[2] == ("orders", "sales", Relation.SHARE, Kind.COUNT, "orders", None, None, None, None,
                               "Orders")
    assert run_checks(three) == []


@pytest.mark.parametrize("size, seed", [(12, 0), (40, 4), (203, 9)])
def test_a_plan_has_exactly_its_size_in_channels_of_funnels(size, seed):
    plan = generate_plan(size, seed=seed)
    assert len(plan.metrics) == size == len(list(plan.walk()))
    channels = plan.metrics["orders"].children
    share = (D(1) / len(channels)).quantize(D("0.0001"), rounding="ROUND_DOWN")
    stages = 0
    for number, first in enumerate(channels, start=1):
        funnel = first.walk()
        assert [m.id for m in funnel] == [f"c{number}_s{depth}" for depth in range(len(funnel))]
        assert 1 <= len(funnel) <= 6 and (len(funnel) >= 4 or number == len(channels))  # the last takes what is left
        assert first.share == share and first.rate is None
        for depth, stage in enumerate(funnel):
            assert stage.name == f"{STAGES[depth]} (channel {number})" and stage.unit == "count"
            assert stage.relation is (Relation.NONE if depth == len(funnel) - 1 else Relation.FUNNEL)
            assert depth == 0 or stage.rate in RATES
            assert stage.target is None
            assert all(getattr(stage, text) for text in TEXTS)
        stages += len(funnel)
    assert stages == size - 3
    assert all(f.severity is not Severity.ERROR for f in run_checks(plan))


def test_capacities_and_formulas_come_when_asked_and_count_in_the_size():
    plan = generate_plan(30, seed=4, given_leaves=True, formulas=3)
    assert len(plan.metrics) == 30
    leaves = [m for m in plan.walk() if m.id.startswith("c") and not m.children]
    assert leaves and all(1_000 <= m.target < 100_000 for m in leaves)
    ratios = [plan.metrics[f"ratio_{index}"] for index in range(3)]
    for index, ratio in enumerate(ratios):
        assert ratio.relation is Relation.FORMULA and ratio.kind is Kind.MONEY
        assert ratio.formula == f"unit_price / {ratio.parent.id}"
        assert ratio.parent.id.startswith(f"c{index + 1}_s")  # each reads a stage of its own channel
        assert ratio.name == f"Cost per stage {index}" and all(getattr(ratio, text) for text in TEXTS)
        assert ratio.computed.target is not None
    assert all(f.severity is not Severity.ERROR for f in run_checks(plan))


def test_funnel_stages_are_measured_weekly_and_the_rest_monthly():
    """The tracking benchmark reads weeks under months: the stages are weekly, the goal's parts monthly."""
    plan = generate_plan(30, seed=3)
    assert {m.interval for m in plan.walk() if m.id.startswith("c")} == {"weekly"}
    assert {plan.metrics[i].interval for i in ("unit_price", "orders")} == {"monthly"}


def test_the_same_seed_makes_the_same_plan_and_another_seed_another():
    assert shape(generate_plan(60)) == shape(generate_plan(60, seed=0))
    assert shape(generate_plan(60, seed=7)) == shape(generate_plan(60, seed=7))
    assert shape(generate_plan(60, seed=7)) != shape(generate_plan(60, seed=8))
