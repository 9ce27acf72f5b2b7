"""The plan checks in one walk and kept live: the same findings, in the same order, as each check run on its own."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from checks_one_by_one import PLAN_CHECKS, RESULT_CHECKS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk import paths
from kpidesk.model.checks import LiveChecks, run_checks
from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric, SetField, SetInfo
from kpidesk.model.findings import Finding, Severity
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.plan import Plan, PlanError
from kpidesk.planfile import load

TEMPLATE = paths.templates()["btob-web"]
NAMES = ("Leads", "Visits", "A name far too long for a KPI box on a slide, really", "Web")
TEXTS = ("", " ", "weekly", "CRM")


def each_check_in_turn(plan: Plan) -> list[Finding]:
    """What run_checks listed before it walked the plan once: the engine's findings, then each check's."""
    found = [f for m in plan.walk() for f in m.computed.findings]
    for result_check in RESULT_CHECKS:
        found.extend(result_check(plan, lambda metric: metric.computed))
    for plan_check in PLAN_CHECKS:
        found.extend(plan_check(plan))
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(found, key=lambda f: order[f.severity])


def make_edit(pick: Callable[[Sequence[Any]], Any], plan: Plan) -> Edit:
    """An edit of ``plan`` made of ``pick``'s choices: hypothesis's draws, or a seeded ``random.Random``'s."""
    ids = sorted(plan.metrics)
    metric_id = pick(ids)
    kind = pick(["target", "rate", "share", "solve", "name", "unit", "kind", "relation", "formula",
                 "text", "kgi", "currency", "add", "add", "remove", "move", "move"])
    if kind == "target":
        return SetField(metric_id, "target", pick([None, Decimal(0), Decimal(500), Decimal(10**6)]))
    if kind in ("rate", "share"):
        return SetField(metric_id, kind, pick([None, Decimal("0.1"), Decimal("0.5"), Decimal(1)]))
    if kind == "solve":
        return SetField(metric_id, "solve_rate", pick([False, True]))
    if kind == "name":
        return SetField(metric_id, "name", pick(NAMES))
    if kind == "unit":
        return SetField(metric_id, "unit", pick(["", "JPY", "orders", "Orders ", "visits"]))
    if kind == "kind":
        return SetField(metric_id, "kind", pick(["count", "money", "percent", "number"]))
    if kind == "relation":
        return SetField(metric_id, "relation", pick(["none", "funnel", "sum", "product", "share", "formula"]))
    if kind == "formula":
        other = pick(ids)
        return SetField(metric_id, "formula", pick([None, f"{other} * 2", f"{other} / 4"]))
    if kind == "text":
        return SetField(metric_id, pick(["source", "interval", "countermeasure"]), pick(TEXTS))
    if kind == "kgi":
        return SetInfo("kgi", pick(["", metric_id]))
    if kind == "currency":
        return SetInfo("currency", pick(["JPY", "USD", "BHD"]))
    if kind == "add":
        parent = pick([None, *ids])
        added = Metric(plan.new_id("m"), pick(NAMES), unit=pick(["", "JPY", "leads"]))
        if pick([False, True]):
            added.children.append(Metric(plan.new_id("m") + "_child", "Child", parent=added))
        return AddMetric(added, parent, pick(range(4)))
    if kind == "remove":
        return RemoveMetric(metric_id)
    return MoveMetric(metric_id, pick([None, *ids]), pick(range(4)))


def edit_or_undo(plan: Plan, done: list[Edit], undo: bool, pick: Callable[[Sequence[Any]], Any]) -> None:
    """Undo the last edit (when ``undo`` and there is one) or apply one made by ``pick``; a refused edit changes
    nothing."""
    if undo and done:
        done.pop().revert(plan)
        return
    made = make_edit(pick, plan)
    try:
        made.apply(plan)
    except PlanError:
        return
    done.append(made)


@settings(max_examples=examples(80), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_live_findings_are_run_checks_after_any_edits_and_undos(data) -> None:
    plan = load(TEMPLATE).plan if data.draw(st.booleans(), label="template") else generate_plan(60, seed=3)
    live = LiveChecks(plan)
    live.refresh()
    assert live.findings() == run_checks(plan)
    done: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 20), label="edits")):
        undo = bool(done) and data.draw(st.integers(0, 4)) == 0
        edit_or_undo(plan, done, undo, lambda options: data.draw(st.sampled_from(options)))
        live.refresh()
        expected = run_checks(plan)
        assert live.findings() == expected
        assert expected == each_check_in_turn(plan)


def test_live_checks_stay_a_full_run_through_a_long_fixed_sequence_of_edits_and_undos():
    """The property's edits, 150 at a time from fixed seeds: the same every run, so a fault found once is found
    again (a mutation run relies on that)."""
    for seed, plan in ((1, load(TEMPLATE).plan), (2, generate_plan(40, seed=2)),
                       (3, load(paths.templates()["inbound"]).plan)):
        rng = random.Random(seed)
        live = LiveChecks(plan)
        live.refresh()
        done: list[Edit] = []
        for _ in range(150):
            edit_or_undo(plan, done, rng.random() < 0.2, rng.choice)
            live.refresh()
            assert live.findings() == run_checks(plan)


def test_one_walk_lists_what_each_check_in_turn_lists() -> None:
    plan = load(TEMPLATE).plan
    RemoveMetric("unit_price").apply(plan)  # findings of several checks
    SetField("visits", "source", "").apply(plan)
    SetField("leads", "name", "A name far too long for a KPI box on a slide, really").apply(plan)
    plan.insert_metric(Metric("stray", "Stray"), None, 1)
    found = run_checks(plan)
    assert len({f.check for f in found}) >= 4
    assert found == each_check_in_turn(plan)
    big = generate_plan(1_000, seed=1)
    assert run_checks(big) == each_check_in_turn(big)


def test_an_edit_rechecks_the_metrics_it_touched_not_the_plan() -> None:
    plan = generate_plan(2_000, seed=2)
    live = LiveChecks(plan)
    live.refresh()
    assert live.rechecked == 2_000
    stage = plan.metrics["c7_s2"]
    SetField(stage.id, "rate", Decimal("0.35")).apply(plan)
    live.refresh()
    assert 0 < live.rechecked < 20
    SetField(stage.id, "name", "Renamed").apply(plan)
    live.refresh()
    assert 0 < live.rechecked < 10
    RemoveMetric(stage.id).apply(plan)
    live.refresh()
    assert 0 < live.rechecked < 10
    assert live.findings() == run_checks(plan)


def test_findings_are_listed_again_only_when_they_changed() -> None:
    plan = load(TEMPLATE).plan
    live = LiveChecks(plan)
    live.refresh()
    first = live.findings()
    SetField("visits", "name", "Sessions").apply(plan)
    live.refresh()
    assert live.findings() is first  # nothing about the findings changed: the same list
    SetField("visits", "source", "").apply(plan)
    live.refresh()
    assert live.findings() is not first and live.findings() == run_checks(plan)


def wide_plan(branches: int) -> Plan:
    """A sum over ``branches`` funnels of orders <- deals (50 %) <- leads (10 %), 20 orders each."""
    plan = Plan()
    plan.attach(Metric("total", "Total", relation=Relation.SUM), None)
    for n in range(branches):
        plan.attach(Metric(f"o{n}", f"Orders {n}", relation=Relation.FUNNEL, target=Decimal(20)), plan.metrics["total"])
        plan.attach(Metric(f"d{n}", f"Deals {n}", relation=Relation.FUNNEL, rate=Decimal("0.5")), plan.metrics[f"o{n}"])
        plan.attach(Metric(f"l{n}", f"Leads {n}", rate=Decimal("0.1")), plan.metrics[f"d{n}"])
    plan.engine.recalculate_all()
    return plan


def test_one_edits_recalculation_does_the_same_work_in_a_plan_ten_times_the_size(monkeypatch, operation_count):
    work = {}
    for branches in (100, 1_000):
        plan = wide_plan(branches)
        last = f"d{branches - 1}"
        work[branches] = operation_count.operations(
            monkeypatch, lambda plan=plan, last=last: plan.set_field(plan.metrics[last], "rate", Decimal("0.4")))
        assert plan.metrics[f"l{branches - 1}"].computed.target == 500  # 20 / 40 % / 10 %: recalculated
        assert plan.metrics["total"].computed.target == 20 * branches
    assert work[100] > 0
    assert work[1_000] == work[100], work  # O(1) in the plan's size: no walk over the other branches


def test_the_deepest_metric_follows_adds_moves_removes_and_undos_without_a_walk(monkeypatch) -> None:
    plan = load(TEMPLATE).plan  # Sales > Orders > Web orders > ... > Visits: 7 levels, the most that pass
    live = LiveChecks(plan)
    live.refresh()

    def too_deep() -> list[tuple[str | None, dict]]:
        live.refresh()
        assert live.findings() == run_checks(plan)
        return [(f.metric, f.params) for f in live.findings() if f.code == "too_deep"]

    assert too_deep() == []
    walks = []
    walk = Plan.walk
    monkeypatch.setattr(Plan, "walk", lambda self: walks.append(1) or walk(self))
    ads = AddMetric(Metric("ads", "Ads"), "leads", 0)  # level 7: still passes
    ads.apply(plan)
    live.refresh()
    assert walks == []  # counted, not walked
    monkeypatch.undo()
    clicks = Metric("clicks", "Clicks")
    clicks.children.append(Metric("views", "Views", parent=clicks))
    AddMetric(clicks, "visits", 0).apply(plan)
    assert too_deep() == [("views", {"count": 9, "limit": 7})]  # Views is at the ninth level
    MoveMetric("views", "ads", 0).apply(plan)  # level 8 under Ads (Leads' first child), before Clicks in the walk
    assert too_deep() == [("views", {"count": 8, "limit": 7})]
    MoveMetric("visits", "leads", 0).apply(plan)  # Visits, and Clicks below it, now come before Ads and Views
    assert too_deep() == [("clicks", {"count": 8, "limit": 7})]
    MoveMetric("visits", "leads", 1).apply(plan)
    assert too_deep() == [("views", {"count": 8, "limit": 7})]
    RemoveMetric("ads").apply(plan)  # with Views
    assert too_deep() == [("clicks", {"count": 8, "limit": 7})]
    RemoveMetric("clicks").apply(plan)
    assert too_deep() == []
