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


def rows(parent):
    return [(m.id, m.row) for m in parent.children]


def test_a_move_down_among_siblings_lands_at_its_row_and_renumbers_the_ones_between():
    plan = web_plan()
    sales = plan.metrics["sales"]
    for index in range(3):
        plan.insert_metric(Metric(f"x{index}", f"X{index}"), sales, 2 + index)
    heard = []
    plan.events.connect(heard.append)
    orders = plan.metrics["orders"]
    plan.move_metric(orders, sales, 3)  # its row after the move
    assert rows(sales) == [("unit_price", 0), ("x0", 1), ("x1", 2), ("orders", 3), ("x2", 4)]
    tree_events = [e for e in heard if not isinstance(e, ev.MetricsChanged)]
    assert tree_events == [ev.MetricMoving(orders, sales, 0, sales, 3), ev.MetricMoved(orders, sales, 0)]
    plan.move_metric(orders, sales, 99)  # past the end: the last row among the five
    assert rows(sales)[-1] == ("orders", 4)
    plan.move_metric(orders, sales, -5)
    assert rows(sales)[0] == ("orders", 0) and [row for _, row in rows(sales)] == [0, 1, 2, 3, 4]


def test_a_move_to_another_parent_may_take_the_row_after_its_last_child():
    plan = web_plan()
    orders, sales = plan.metrics["orders"], plan.metrics["sales"]
    heard = []
    plan.events.connect(heard.append)
    plan.move_metric(plan.metrics["unit_price"], orders, 5)  # orders has one child: rows 0 and 1 exist then
    assert rows(orders) == [("web_orders", 0), ("unit_price", 1)] and rows(sales) == [("orders", 0)]
    tree_events = [e for e in heard if not isinstance(e, ev.MetricsChanged)]
    assert tree_events == [ev.MetricMoving(plan.metrics["unit_price"], sales, 1, orders, 1),
                           ev.MetricMoved(plan.metrics["unit_price"], sales, 1)]


def test_a_branch_may_move_down_to_the_depth_limit_but_not_past_it():
    plan = web_plan()
    plan.insert_metric(branch(3, "t"), None, 1)  # t0 > t1 > t2: a branch three levels high, as a root
    visits = plan.metrics["visits"]  # depth 6
    limit = plan_module.MAX_DEPTH
    top = visits
    for level in range(limit - 7 - 3):  # a chain under visits whose last metric may still take the branch
        child = Metric(f"c{level}", f"C{level}")
        plan.insert_metric(child, top, 0)
        top = child
    assert top.depth + 1 + 2 == limit - 1  # the branch's deepest metric would be on the last level allowed
    plan.move_metric(plan.metrics["t0"], top, 0)
    assert max(m.depth for m in plan.walk()) == limit - 1
    plan.move_metric(plan.metrics["t0"], None, 1)
    deeper = Metric("deeper", "Deeper")
    plan.insert_metric(deeper, top, 0)
    assert refusal(lambda: plan.move_metric(plan.metrics["t0"], deeper, 0)) == (
        "tree_would_be_too_deep", {"limit": limit})
    assert plan.metrics["t0"].parent is None  # refused: nothing moved
