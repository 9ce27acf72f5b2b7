"""The checks at their thresholds and in their words, read by hand: a KPI missing only its interval or only its
source, a name of exactly 40 characters and one of 41, exactly 30 KPIs and 31, money made by a funnel."""

from decimal import Decimal as D

from kpidesk.model.checks import run_checks
from kpidesk.model.findings import Severity
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan

DONE = {"source": "CRM", "interval": "monthly", "countermeasure": "Review"}


def star(kpis: int, **fields) -> Plan:
    plan = Plan("t")
    plan.attach(Metric("goal", "Goal", unit="orders", relation=Relation.SUM, target=D(kpis)), None)
    for index in range(kpis):
        plan.attach(Metric(f"k{index}", f"K{index}", unit="orders", **{**DONE, **fields}), plan.metrics["goal"])
    plan.engine.recalculate_all()
    return plan


def said(plan, check):
    return [(f.metric, f.severity, f.code, f.field, dict(f.args)) for f in run_checks(plan) if f.check == check]


def test_a_kpi_missing_its_source_or_its_interval_is_told_which():
    plan = star(2)
    plan.metrics["k0"].interval = ""
    plan.metrics["k1"].source = " "
    assert said(plan, "stability") == [("k0", Severity.WARNING, "no_interval", "interval", {}),
                                       ("k1", Severity.WARNING, "no_source", "source", {})]


def test_names_are_short_up_to_forty_characters():
    plan = star(2)
    plan.metrics["k0"].name = "x" * 40
    plan.metrics["k1"].name = "y" * 41
    assert said(plan, "simplicity") == [("k1", Severity.WARNING, "name_too_long", "name",
                                         {"id": "k1", "count": 41, "limit": 40})]


def test_thirty_kpis_are_simple_and_thirty_one_too_many():
    assert said(star(30), "simplicity") == []
    assert said(star(31), "simplicity") == [(None, Severity.WARNING, "too_many_kpis", None,
                                             {"count": 31, "limit": 30})]


def test_money_made_by_a_funnel_of_counts_is_questioned():
    plan = Plan("t")
    plan.attach(Metric("sales", "Sales", kind=Kind.MONEY, relation=Relation.FUNNEL, target=D(100)), None)
    plan.attach(Metric("deals", "Deals", rate=D("0.5"), **DONE), plan.metrics["sales"])
    plan.engine.recalculate_all()
    assert [(f.metric, f.code) for f in run_checks(plan) if f.check == "meaning"] == [("sales", "money_from_counts")]
