"""What the plan refuses when metrics are added or deleted, with the reason's parameters, and the events an insert
and a delete send, read by hand on the sample plan (sales > orders > web_orders > negotiations > nurtured > leads >
visits; unit_price under sales)."""

import pytest

from kpidesk import paths
from kpidesk.model import events as ev
from kpidesk.model import plan as plan_module
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.plan import PlanError
from kpidesk.planfile import loads


def web_plan():
    return loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan


def refusal(action):
    with pytest.raises(PlanError) as refused:
        action()
    return refused.value.reason.code, dict(refused.value.reason.params)


def branch(depth: int, prefix: str = "d") -> Metric:
    """A metric with ``depth`` - 1 levels below it: ``depth`` levels in all."""
    top = node = Metric(f"{prefix}0", "D0")
    for level in range(1, depth):
        child = Metric(f"{prefix}{level}", f"D{level}", parent=node)
        node.children.append(child)
        node = child
    return top


def test_a_plan_takes_metrics_up_to_its_limit_and_names_the_limit_past_it(monkeypatch):
    plan = web_plan()  # 8 metrics
    monkeypatch.setattr(plan_module, "MAX_METRICS", 10)
    plan.insert_metric(branch(2, "a"), None, 1)  # 10: at the limit
    assert refusal(lambda: plan.insert_metric(Metric("one_more", "One more"), None, 2)) == (
        "plan_full", {"limit": 10})
    plan.remove_metric(plan.metrics["a1"])
    assert refusal(lambda: plan.insert_metric(branch(2, "b"), None, 2)) == ("plan_full", {"limit": 10})


def test_a_parent_from_another_plan_is_refused_by_id():
    plan = web_plan()
    assert refusal(lambda: plan.insert_metric(Metric("x", "X"), Metric("elsewhere", "Elsewhere"), 0)) == (
        "parent_not_in_plan", {"parent": "elsewhere"})


def test_a_branch_may_reach_the_depth_limit_but_not_pass_it():
    plan = web_plan()
    visits = plan.metrics["visits"]  # the seventh level: depth 6
    allowed = plan_module.MAX_DEPTH - visits.depth - 1  # levels a branch under visits may have
    plan.insert_metric(branch(allowed - 1), visits, 0)
    assert max(m.depth for m in plan.walk()) == plan_module.MAX_DEPTH - 2
    plan.remove_metric(plan.metrics["d0"])
    plan.insert_metric(branch(allowed), visits, 0)  # the deepest metric at MAX_DEPTH - 1: the last level allowed
    plan.remove_metric(plan.metrics["d0"])
    assert refusal(lambda: plan.insert_metric(branch(allowed + 1), visits, 0)) == (
        "tree_would_be_too_deep", {"limit": plan_module.MAX_DEPTH})
    assert refusal(lambda: plan.insert_metric(branch(plan_module.MAX_DEPTH + 1), None, 1)) == (
        "tree_would_be_too_deep", {"limit": plan_module.MAX_DEPTH})
    plan.insert_metric(branch(plan_module.MAX_DEPTH), None, 1)  # as a root it fits exactly


def test_a_control_character_anywhere_in_an_added_branch_is_refused_naming_the_metric_and_field():
    plan = web_plan()
    top = branch(2)
    top.children[0].definition = "Counted\x1b[31m daily"
    with pytest.raises(PlanError) as refused:
        plan.insert_metric(top, None, 1)
    assert refused.value.reason.code == "control_in_text"
    assert refused.value.reason.within == (("in_metric_field", (("metric", "d1"), ("name", "d1"),
                                                                ("field", "definition"))),)
    top.children[0].definition = "Counted\ndaily"  # a definition may have lines; a name may not
    plan.insert_metric(top, None, 1)
    top = branch(1, "n")
    top.name = "Two\nlines"
    with pytest.raises(PlanError) as refused:
        plan.insert_metric(top, None, 2)
    assert dict(refused.value.reason.within[0][1])["field"] == "name"


def test_a_delete_is_refused_while_formulas_read_the_branch_naming_them_and_what_they_read():
    plan = web_plan()
    plan.insert_metric(Metric("cvr", "CVR", relation=Relation.FORMULA, formula="orders / leads"), None, 1)
    plan.insert_metric(Metric("share", "Share", relation=Relation.FORMULA, formula="web_orders / orders"), None, 2)
    plan.insert_metric(Metric("plain", "Plain", relation=Relation.FORMULA, formula="unit_price * 2"), None, 3)
    assert refusal(lambda: plan.remove_metric(plan.metrics["nurtured"])) == (
        "formula_reads_it", {"metric": "nurtured", "name": plan.metrics["nurtured"].name, "readers": ("cvr",),
                             "reads": ("leads",)})
    assert refusal(lambda: plan.remove_metric(plan.metrics["orders"])) == (
        "formula_reads_it", {"metric": "orders", "name": plan.metrics["orders"].name, "readers": ("cvr", "share"),
                             "reads": ("leads", "orders", "web_orders")})
    plan.remove_metric(plan.metrics["share"])  # a formula may go: what reads it is nothing
    plan.remove_metric(plan.metrics["plain"])


def test_an_insert_and_a_delete_each_tell_where_before_and_after():
    plan = web_plan()
    heard = []
    plan.events.connect(heard.append)
    sales, added = plan.metrics["sales"], Metric("events", "Events")
    plan.insert_metric(added, sales, 1)
    tree_events = [e for e in heard if not isinstance(e, ev.MetricsChanged)]
    assert tree_events == [ev.MetricInserting(sales, 1), ev.MetricInserted(sales, 1, added)]
    changed = [e for e in heard if isinstance(e, ev.MetricsChanged)]
    assert len(changed) == 1 and changed[0].structure and added in changed[0].metrics
    heard.clear()
    assert plan.remove_metric(added) == (sales, 1)
    tree_events = [e for e in heard if not isinstance(e, ev.MetricsChanged)]
    assert tree_events == [ev.MetricRemoving(sales, 1, added), ev.MetricRemoved(sales, 1, added)]
