"""The engine and the plan at their edges, each case worked out by hand."""

from decimal import Decimal as D

from kpidesk.model.checks import run_checks
from kpidesk.model.edits import SetField
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.plan import Plan


def test_a_metric_set_to_formula_before_its_formula_is_written_reads_none_of_its_parts():
    """Relation first, formula next, as a planner types them: in between, the part below drives nothing."""
    plan = Plan("t")
    plan.attach(Metric("cpa", "CPA", unit="JPY"), None)
    plan.attach(Metric("cost", "Cost", unit="JPY", source="ERP", interval="monthly", countermeasure="Cut ads"),
                plan.metrics["cpa"])
    plan.engine.recalculate_all()
    SetField("cpa", "relation", "formula").apply(plan)
    assert plan.engine.formulas.references(plan.metrics["cpa"]) == frozenset()
    found = [(f.metric, f.code) for f in run_checks(plan)]
    assert ("cpa", "formula_invalid") in found and ("cost", "not_driving") in found
    SetField("cpa", "formula", "cost / 2").apply(plan)
    assert plan.engine.formulas.references(plan.metrics["cpa"]) == frozenset({"cost"})
    assert ("cost", "not_driving") not in [(f.metric, f.code) for f in run_checks(plan)]


def test_a_deleted_metric_is_not_kept_alive_by_the_engine_or_the_formulas():
    """A long session deletes many metrics: the engine's tables must let each go (no undo step holds these)."""
    import gc
    import weakref

    plan = Plan("t")
    plan.attach(Metric("orders", "Orders", relation=Relation.FUNNEL, target=D(20)), None)
    plan.attach(Metric("cost", "Cost", target=D(100)), None)
    plan.engine.recalculate_all()
    plan.insert_metric(Metric("leads", "Leads"), plan.metrics["orders"], 0)  # no rate: a finding on its edge
    plan.insert_metric(Metric("cpo", "Cost per order", relation=Relation.FORMULA, formula="cost / 0"), None, 2)
    assert plan.metrics["leads"].computed.findings and plan.metrics["cpo"].computed.findings
    gone = [weakref.ref(plan.metrics[metric_id]) for metric_id in ("leads", "cpo")]
    for metric_id in ("leads", "cpo"):
        plan.remove_metric(plan.metrics[metric_id])
    gc.collect()
    assert [ref() for ref in gone] == [None, None]
