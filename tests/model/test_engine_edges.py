"""The engine and the plan at their edges, each case worked out by hand."""

from kpidesk.model.checks import run_checks
from kpidesk.model.edits import SetField
from kpidesk.model.metric import Metric
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
