"""Values per period (actuals, phasing weights) are set a period at a time, by the rules of the file."""

from decimal import Decimal as D

import pytest

from kpidesk.model.edits import Composite, SetPeriodValues
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan, PlanError


def make_plan() -> Plan:
    plan = Plan("t")
    plan.attach(Metric("orders", "Orders", relation=Relation.FUNNEL, target=D(20)), None)
    plan.attach(Metric("visits", "Visits", rate=D("0.1"), actuals={"2026-04": D(1000), "2026-07": D(1300)}),
                plan.metrics["orders"])
    plan.attach(Metric("profit", "Profit", kind=Kind.MONEY, allow_negative=True), None)
    plan.engine.recalculate_all()
    return plan


def test_one_period_is_set_by_any_name_of_it_and_undone():
    plan = make_plan()
    visits = plan.metrics["visits"]
    edit = SetPeriodValues("visits", "actuals", {"2026/7": D(1250)})
    edit.apply(plan)
    assert visits.actuals == {"2026-04": D(1000), "2026-07": D(1250)}
    assert edit.label == "Set actuals"
    edit.revert(plan)
    assert visits.actuals == {"2026-04": D(1000), "2026-07": D(1300)}


def test_a_new_period_goes_in_period_order_and_none_takes_one_out():
    plan = make_plan()
    visits = plan.metrics["visits"]
    SetPeriodValues("visits", "actuals", {"2026年5月": D(1100), "2026-03": D(900), "2026-08": D(1)}).apply(plan)
    assert list(visits.actuals) == ["2026-03", "2026-04", "2026-05", "2026-07", "2026-08"]
    edit = SetPeriodValues("visits", "actuals", {"2026-04": None, "2026-09": None})  # 2026-09 is not there: no matter
    edit.apply(plan)
    assert list(visits.actuals) == ["2026-03", "2026-05", "2026-07", "2026-08"]
    edit.revert(plan)
    assert visits.actuals["2026-04"] == 1000 and list(visits.actuals)[1] == "2026-04"


def test_a_table_out_of_order_gets_new_periods_at_the_end():
    plan = make_plan()
    visits = plan.metrics["visits"]
    plan.set_field(visits, "actuals", {"2026-07": D(1), "2026-04": D(2)})  # as a planner may have typed them
    SetPeriodValues("visits", "actuals", {"2026-05": D(3)}).apply(plan)
    assert list(visits.actuals) == ["2026-07", "2026-04", "2026-05"]


def test_phasing_weights_are_set_the_same_way():
    plan = make_plan()
    edit = SetPeriodValues("visits", "phasing", {"2026-12": D(2), "2026-W15": D("0.5")})
    edit.apply(plan)
    assert plan.metrics["visits"].phasing == {"2026-W15": D("0.5"), "2026-12": D(2)}
    assert edit.label == "Set phasing weights"


@pytest.mark.parametrize("field, values, codes, params, words", [
    ("actuals", {"2026-06": D("2.5")}, ("in_metric_field_value", "count_not_whole"),
     {"metric": "visits", "name": "Visits", "where": "actuals.2026-06", "value": D("2.5")},
     "Visits, actuals.2026-06 2.5: a count must be a whole number"),
    ("actuals", {"2026-06": D(-3)}, ("in_metric_field_value", "count_negative"),
     {"metric": "visits", "name": "Visits", "where": "actuals.2026-06", "value": D(-3)},
     "Visits, actuals.2026-06 -3: a count cannot be negative unless the metric allows it"),
    ("phasing", {"2026-12": D(-1)}, ("in_metric_field", "in_period", "weight_negative"),
     {"metric": "visits", "name": "Visits", "field": "phasing", "period": "2026-12"},
     "Visits, phasing: 2026-12: a phasing weight cannot be negative"),
    ("actuals", {"2026-13": D(1)}, ("in_metric_field", "period_month_range"),
     {"metric": "visits", "name": "Visits", "field": "actuals", "period": "2026-13"},
     "Visits, actuals: '2026-13': a month is 1 to 12"),
    ("actuals", {"2026-06": D("1e16")}, ("in_metric_field", "in_period", "too_large"),
     {"metric": "visits", "name": "Visits", "field": "actuals", "period": "2026-06", "number": "10000000000000000",
      "limit": 10**15},
     "Visits, actuals: 2026-06: 10000000000000000 is too large"),
    ("target", {"2026-06": D(1)}, ("no_period_field",), {"field": "target", "fields": ("phasing", "actuals")},
     "A metric has no values by period in 'target'; those are in: phasing, actuals."),
])
def test_a_refused_value_names_metric_field_and_period_and_changes_nothing(field, values, codes, params, words):
    plan = make_plan()
    before = dict(plan.metrics["visits"].actuals), dict(plan.metrics["visits"].phasing)
    with pytest.raises(PlanError) as info:
        SetPeriodValues("visits", field, values).apply(plan)
    assert info.value.reason.codes == codes and info.value.params == params
    assert words in str(info.value)
    assert (plan.metrics["visits"].actuals, plan.metrics["visits"].phasing) == before


def test_negative_money_is_accepted_where_the_metric_allows_it():
    plan = make_plan()
    SetPeriodValues("profit", "actuals", {"2026-04": D("-12.5")}).apply(plan)
    assert plan.metrics["profit"].actuals == {"2026-04": D("-12.5")}


def test_a_composite_that_fails_half_way_leaves_every_metric_as_it_was():
    plan = make_plan()
    edit = Composite([SetPeriodValues("profit", "actuals", {"2026-04": D(5)}),
                      SetPeriodValues("visits", "actuals", {"2026-04": D("0.5")})])
    with pytest.raises(PlanError):
        edit.apply(plan)
    assert plan.metrics["profit"].actuals == {} and plan.metrics["visits"].actuals["2026-04"] == 1000


def test_the_edit_keeps_its_own_copy_of_the_values():
    plan = make_plan()
    values = {"2026-05": D(1100)}
    edit = SetPeriodValues("visits", "actuals", values)
    values["2026-05"] = D(1)  # a paste buffer reused by the caller
    edit.apply(plan)
    assert plan.metrics["visits"].actuals["2026-05"] == 1100


def test_the_table_an_edit_would_make_is_read_without_changing_the_plan():
    """The window checks a pasted block with ``table`` before it pushes the edit: a preview, not an edit."""
    plan = make_plan()
    visits = plan.metrics["visits"]
    edit = SetPeriodValues("visits", "actuals", {"2026/5": D(1100), "2026-07": None})
    assert edit.table(plan) == {"2026-04": D(1000), "2026-05": D(1100)}
    assert visits.actuals == {"2026-04": D(1000), "2026-07": D(1300)}
    weights = SetPeriodValues("visits", "phasing", {"2026-12": D(2)})
    assert weights.table(plan) == {"2026-12": D(2)}
    with pytest.raises(PlanError) as refused:
        SetPeriodValues("nowhere", "actuals", {"2026-05": D(1)}).table(plan)
    assert refused.value.reason.code == "no_metric" and refused.value.reason.params == {"id": "nowhere"}
