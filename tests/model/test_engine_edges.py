"""The engine and the plan at their edges, each case worked out by hand."""

from decimal import Decimal as D
from fractions import Fraction as F

from kpidesk.model.checks import run_checks
from kpidesk.model.edits import SetField
from kpidesk.model.findings import Severity
from kpidesk.model.metric import Kind, Metric, Relation
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
    assert ("cpa", "formula_missing") in found and ("cost", "not_driving") in found
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


def wide(relation, kind, parts, **fields):
    """A parent with ``parts`` children (each ``fields``), wide enough for the engine's running sum."""
    plan = Plan("t")
    plan.attach(Metric("total", "Total", relation=relation, kind=kind, unit="JPY" if kind is Kind.MONEY else ""), None)
    for index in range(parts):
        plan.attach(Metric(f"p{index}", f"P{index}", kind=kind, **fields), plan.metrics["total"])
    plan.engine.running_sum_from = 4
    plan.engine.recalculate_all()
    return plan


def test_a_wide_parent_adds_its_parts_as_a_narrow_one_does():
    # 20 channels of 5 % each, 10 orders each: the shares make 100 %, so the whole is the 200 they add up to
    shares = wide(Relation.SHARE, Kind.COUNT, 20, share=D("0.05"), target=D(10))
    assert shares.metrics["total"].computed.forecast == 200
    # money is not cut to whole units as counts are: 5 parts of 0.30 make 1.50
    odd = wide(Relation.SUM, Kind.MONEY, 5, target=D("0.3"))
    assert odd.metrics["total"].computed.forecast == F(3, 2)


def test_a_formula_that_cannot_be_worked_out_is_an_error_on_its_formula():
    plan = Plan("t")
    plan.attach(Metric("cost", "Cost", target=D(10)), None)
    plan.attach(Metric("cpa", "CPA", relation=Relation.FORMULA, target=D(4)), None)  # no formula yet
    plan.attach(Metric("cpo", "CPO", relation=Relation.FORMULA, formula="nowhere / cpo"), None)  # built, not loaded
    plan.attach(Metric("cpm", "CPM", relation=Relation.FORMULA, formula="cost /"), None)
    plan.engine.recalculate_all()
    cpa, cpo = plan.metrics["cpa"].computed, plan.metrics["cpo"].computed
    assert [(f.metric, f.severity, f.check, f.code, f.field, dict(f.args)) for f in cpa.findings] == [
        ("cpa", Severity.ERROR, "formula", "formula_missing", "formula", {})]
    assert [(f.metric, f.severity, f.check, f.code, f.field, dict(f.args)) for f in cpo.findings] == [
        ("cpo", Severity.ERROR, "formula", "formula_unknown", "formula", {"ids": ("cpo", "nowhere")})]
    assert [(f.code, dict(f.args)) for f in plan.metrics["cpm"].computed.findings] == [
        ("formula_invalid", {"reason": "the formula ends too early"})]
    assert (cpa.target, cpa.forecast, cpo.target, cpo.forecast) == (4, None, None, None)


def test_a_formula_over_two_formulas_waits_for_both():
    """b_sum reads a_half and c_double; by id it would come between them, so it must wait for the second."""
    plan = Plan("t")
    plan.attach(Metric("cost", "Cost", target=D(10)), None)
    plan.attach(Metric("a_half", "A", relation=Relation.FORMULA, formula="cost / 2"), None)
    plan.attach(Metric("b_sum", "B", relation=Relation.FORMULA, formula="a_half + c_double"), None)
    plan.attach(Metric("c_double", "C", relation=Relation.FORMULA, formula="cost * 2"), None)
    plan.engine.recalculate_all()
    assert plan.metrics["b_sum"].computed.target == 25  # 10 / 2 + 10 * 2
    SetField("cost", "target", D(4)).apply(plan)
    assert plan.metrics["b_sum"].computed.target == 10  # 4 / 2 + 4 * 2


def test_a_formula_still_to_be_written_is_said_in_words_that_translate():
    """No English text from the parser inside the finding: the whole sentence is one translatable template."""
    from kpidesk.model.messages import describe

    plan = Plan("t")
    plan.attach(Metric("cpa", "CPA", relation=Relation.FORMULA), None)
    plan.engine.recalculate_all()
    (missing,) = plan.metrics["cpa"].computed.findings
    assert missing.args == ()
    assert describe(missing, plan) == ("CPA is made by a formula, but its formula is not written yet: write it, or "
                                       "choose another relation.")


def seek(leads_target):
    plan = Plan("t")
    plan.attach(Metric("orders", "Orders", relation=Relation.FUNNEL, target=D(20)), None)
    plan.attach(Metric("leads", "Leads", solve_rate=True, target=leads_target), plan.metrics["orders"])
    plan.engine.recalculate_all()
    leads = plan.metrics["leads"].computed
    return leads.rate, [(f.metric, f.severity, f.check, f.code, f.field, dict(f.args)) for f in leads.findings]


def test_goal_seek_finds_the_rate_or_says_why_it_cannot():
    """20 orders from leads whose rate is solved: 400 leads need 5 %; 10 leads would need 200 %."""
    assert seek(D(400)) == (F(1, 20), [])
    assert seek(None) == (None, [("leads", Severity.ERROR, "goal-seek", "solve_without_base", "rate",
                                  {"parent": "orders"})])
    assert seek(D(0)) == (None, [("leads", Severity.ERROR, "impossible", "base_zero", "target",
                                  {"parent": "orders", "amount": F(20), "of": "orders"})])
    assert seek(D(10)) == (F(2), [("leads", Severity.ERROR, "impossible", "solved_rate_over_100", "rate",
                                   {"parent": "orders", "rate": F(2)})])
