"""The checks at their thresholds and in their words, read by hand: a KPI missing only its interval or only its
source, a name of exactly 40 characters and one of 41, exactly 30 KPIs and 31, money made by a funnel; and the live
checks kept equal to a full run through a long fixed sequence of edits and undos."""

import random
from decimal import Decimal as D

from kpidesk import paths
from kpidesk.model.checks import LiveChecks, run_checks
from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric, SetField, SetInfo
from kpidesk.model.findings import Severity
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan, PlanError
from kpidesk.planfile import load

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


def a_random_edit(rng: random.Random, plan: Plan) -> Edit:
    ids = sorted(plan.metrics)
    metric_id = rng.choice(ids)
    kind = rng.choice(["target", "rate", "share", "solve", "name", "kind", "relation", "formula", "text", "kgi",
                       "add", "add", "remove", "move", "move"])
    if kind == "target":
        return SetField(metric_id, "target", rng.choice([None, D(0), D(500), D(10**6)]))
    if kind in ("rate", "share"):
        return SetField(metric_id, kind, rng.choice([None, D("0.1"), D("0.5"), D(1)]))
    if kind == "solve":
        return SetField(metric_id, "solve_rate", rng.random() < 0.5)
    if kind == "name":
        return SetField(metric_id, "name", rng.choice(["Leads", "x" * 41, "Web"]))
    if kind == "kind":
        return SetField(metric_id, "kind", rng.choice(["count", "money", "percent"]))
    if kind == "relation":
        return SetField(metric_id, "relation", rng.choice(["none", "funnel", "sum", "product", "share", "formula"]))
    if kind == "formula":
        return SetField(metric_id, "formula", rng.choice([None, f"{rng.choice(ids)} * 2"]))
    if kind == "text":
        return SetField(metric_id, rng.choice(["source", "interval", "countermeasure"]), rng.choice(["", "CRM"]))
    if kind == "kgi":
        return SetInfo("kgi", rng.choice(["", metric_id]))
    if kind == "add":
        added = Metric(plan.new_id("m"), "Added", unit=rng.choice(["", "JPY"]))
        return AddMetric(added, rng.choice([None, *ids]), rng.randrange(4))
    if kind == "remove":
        return RemoveMetric(metric_id)
    return MoveMetric(metric_id, rng.choice([None, *ids]), rng.randrange(4))


def test_live_checks_stay_a_full_run_through_a_long_fixed_sequence_of_edits_and_undos():
    for seed, plan in ((1, load(paths.templates()["btob-web"]).plan), (2, generate_plan(40, seed=2)),
                       (3, load(paths.templates()["inbound"]).plan)):
        rng = random.Random(seed)
        live = LiveChecks(plan)
        live.refresh()
        done: list[Edit] = []
        for _ in range(150):
            if done and rng.random() < 0.2:
                done.pop().revert(plan)
            else:
                edit = a_random_edit(rng, plan)
                try:
                    edit.apply(plan)
                except PlanError:
                    continue
                done.append(edit)
            live.refresh()
            assert live.findings() == run_checks(plan)
