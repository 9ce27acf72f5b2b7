"""Live checks at their edges, each compared with a full run of the checks and with what a planner reads by hand:
edits before the first refresh, a tree at the depth limit and one level past it, the first of several metrics too
deep, a metric with findings deleted from a plan of few findings, and a LiveChecks that stopped following."""

from kpidesk.model.checks import LiveChecks, Thresholds, run_checks
from kpidesk.model.edits import AddMetric, MoveMetric, RemoveMetric, SetField
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.plan import Plan

DONE = {"source": "CRM", "interval": "monthly", "countermeasure": "Review"}  # a KPI with nothing to warn of


def chain(levels: int, *, branch_at: int | None = None) -> Plan:
    """A KGI and a funnel below it, ``levels`` metrics deep in all (m0 the KGI); optionally a second branch
    ``b…`` of the same depth under the metric at ``branch_at``."""
    plan = Plan("t")
    parent = None
    for level in range(levels):
        metric = Metric(f"m{level}", f"M{level}", unit="leads", relation=Relation.FUNNEL, rate=None, **DONE)
        plan.attach(metric, parent)
        parent = metric
    if branch_at is not None:
        parent = plan.metrics[f"m{branch_at}"]
        for level in range(branch_at + 1, levels):
            metric = Metric(f"b{level}", f"B{level}", unit="leads", **DONE)
            plan.attach(metric, parent)
            parent = metric
    plan.info["kgi"] = "m0"
    plan.engine.recalculate_all()
    return plan


def too_deep(found):
    return [(f.metric, dict(f.args)) for f in found if f.code == "too_deep"]


def test_the_depth_limit_counts_levels_and_names_the_first_metric_past_it():
    limit = Thresholds().max_depth
    assert limit == 7
    plan = chain(limit)
    live = LiveChecks(plan)
    live.refresh()
    assert too_deep(live.findings()) == []
    AddMetric(Metric("m7", "M7", **DONE), "m6", 0).apply(plan)  # an eighth level
    live.refresh()
    assert too_deep(live.findings()) == [("m7", {"count": 8, "limit": 7})]
    assert live.findings() == run_checks(plan)
    RemoveMetric("m7").apply(plan)
    live.refresh()
    assert too_deep(live.findings()) == [] and live.findings() == run_checks(plan)


def test_of_several_metrics_too_deep_the_first_in_the_tree_is_named_as_they_come_and_go():
    plan = chain(8, branch_at=2)  # m0..m7, and b3..b7 under m2 after m3: two metrics at the eighth level
    live = LiveChecks(plan)
    live.refresh()
    assert too_deep(live.findings()) == [("m7", {"count": 8, "limit": 7})]
    MoveMetric("b3", "m2", 0).apply(plan)  # the second branch now comes first
    live.refresh()
    assert too_deep(live.findings()) == [("b7", {"count": 8, "limit": 7})]
    assert live.findings() == run_checks(plan)
    RemoveMetric("b7").apply(plan)
    live.refresh()
    assert too_deep(live.findings()) == [("m7", {"count": 8, "limit": 7})]
    AddMetric(Metric("early", "Early", **DONE), "b6", 0).apply(plan)  # placed after m7 was picked, yet first
    live.refresh()
    assert too_deep(live.findings()) == [("early", {"count": 8, "limit": 7})]
    assert live.findings() == run_checks(plan)


def test_edits_made_before_the_first_refresh_are_all_seen():
    plan = generate_plan(40, seed=5)
    live = LiveChecks(plan)
    kpi = next(m for m in plan.walk() if m.parent is not None and m.parent.parent is not None and not m.children)
    AddMetric(Metric("new", "New"), kpi.parent.id, 0).apply(plan)
    MoveMetric(kpi.id, None, 1).apply(plan)
    RemoveMetric("unit_price").apply(plan)
    SetField("orders", "relation", "none").apply(plan)
    live.refresh()
    assert live.findings() == run_checks(plan)
    assert {f.metric for f in live.findings()} >= {"new", kpi.id, "sales"}


def test_deleting_the_one_metric_with_findings_in_a_large_plan_leaves_none_of_them():
    plan = chain(3)
    for level in range(30):  # many metrics without findings: the few with findings are put in order alone
        plan.insert_metric(Metric(f"w{level}", f"W{level}", **DONE), plan.metrics["m2"], level)
    live = LiveChecks(plan)
    live.refresh()
    assert [f.metric for f in live.findings() if f.metric and f.metric.startswith("w")] == []
    AddMetric(Metric("bare", "Bare"), "m1", 1).apply(plan)  # no source, interval or countermeasure
    live.refresh()
    assert {f.code for f in live.findings() if f.metric == "bare"} == {"no_source_no_interval", "no_countermeasure"}
    RemoveMetric("bare").apply(plan)
    live.refresh()
    assert [f for f in live.findings() if f.metric == "bare"] == []
    assert live.findings() == run_checks(plan)


def test_a_closed_live_check_follows_the_plan_no_more():
    plan = chain(3)
    live = LiveChecks(plan)
    live.refresh()
    before = list(live.findings())
    live.close()
    AddMetric(Metric("bare", "Bare"), "m1", 1).apply(plan)
    live.refresh()
    assert live.findings() == before != run_checks(plan)
