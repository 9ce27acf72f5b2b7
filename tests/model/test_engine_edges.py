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


def said(plan, metric_id):
    return [(f.metric, f.severity, f.check, f.code, f.field, dict(f.args))
            for f in plan.metrics[metric_id].computed.findings]


def test_a_rate_to_solve_under_a_parent_without_a_goal_is_a_warning_on_its_rate():
    plan = Plan("t")
    plan.attach(Metric("orders", "Orders", relation=Relation.FUNNEL), None)
    plan.attach(Metric("leads", "Leads", solve_rate=True, target=D(400)), plan.metrics["orders"])
    plan.engine.recalculate_all()
    assert said(plan, "leads") == [("leads", Severity.WARNING, "goal-seek", "solve_without_goal", "rate",
                                    {"parent": "orders"})]


def test_a_given_stage_below_or_above_what_the_goal_needs_is_said_with_both_numbers():
    """20 orders at 10 % need 200 leads: 150 given fall 50 short (a warning), 260 are more than needed (a note)."""
    plan = Plan("t")
    plan.attach(Metric("orders", "Orders", relation=Relation.FUNNEL, target=D(20)), None)
    plan.attach(Metric("leads", "Leads", rate=D("0.1"), target=D(150)), plan.metrics["orders"])
    plan.engine.recalculate_all()
    assert said(plan, "leads") == [("leads", Severity.WARNING, "conflict", "given_below_need", "target",
                                    {"given": F(150), "needed": F(200), "short": F(50)})]
    SetField("leads", "target", D(260)).apply(plan)
    assert said(plan, "leads") == [("leads", Severity.INFO, "surplus", "given_above_need", "target",
                                    {"given": F(260), "needed": F(200)})]
    SetField("leads", "target", D(200)).apply(plan)
    assert said(plan, "leads") == []


def test_shares_split_the_goal_and_say_what_is_missing_or_over_100_percent():
    """30 orders, web 20 %: 6 web orders; 0.3 of a count is rounded up to a whole order."""
    plan = Plan("t")
    plan.attach(Metric("orders", "Orders", relation=Relation.SHARE, target=D(31)), None)
    plan.attach(Metric("web", "Web", share=D("0.2")), plan.metrics["orders"])
    plan.attach(Metric("shop", "Shop"), plan.metrics["orders"])
    plan.engine.recalculate_all()
    assert plan.metrics["web"].computed.required == 7  # 6.2 web orders: 7, so that the goal is met
    assert said(plan, "shop") == [("shop", Severity.ERROR, "missing-share", "missing_share", "share",
                                   {"parent": "orders"})]
    SetField("shop", "share", D("0.9")).apply(plan)
    assert said(plan, "orders") == [("orders", Severity.ERROR, "conflict", "shares_over_100", "relation",
                                     {"total": F(11, 10)})]


def test_two_stages_left_open_under_one_goal_are_underdetermined():
    plan = Plan("t")
    plan.attach(Metric("leads", "Leads", relation=Relation.SUM, target=D(100)), None)
    plan.attach(Metric("web", "Web"), plan.metrics["leads"])
    plan.attach(Metric("events", "Events"), plan.metrics["leads"])
    plan.attach(Metric("ads", "Ads", target=D(30)), plan.metrics["leads"])
    plan.engine.recalculate_all()
    assert said(plan, "leads") == [("leads", Severity.ERROR, "underdetermined", "underdetermined", "relation",
                                    {"metrics": ("web", "events")})]
    SetField("events", "target", D(20)).apply(plan)
    assert said(plan, "leads") == [] and plan.metrics["web"].computed.required == 50  # 100 - 30 - 20
