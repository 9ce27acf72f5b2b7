"""Any sequence of edits, undone, gives back the starting plan exactly; redone, the end plan."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk import paths
from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric, SetField, SetInfo
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan, PlanError
from kpidesk.planfile import load, save

TEMPLATE = paths.templates()["btob-web"]
AMOUNTS = st.one_of(st.none(), st.integers(0, 10**9).map(Decimal), st.decimals(0, 10**6, places=2))
FRACTIONS = st.one_of(st.none(), st.integers(0, 100).map(lambda n: Decimal(n) / 100))
NAMES = st.text(alphabet="abc XYZ-訪問リード", min_size=1, max_size=12).filter(str.strip)


def snapshot(plan: Plan) -> tuple:
    """Everything the planner sees, in tree order."""
    rows = tuple(
        (m.id, m.parent.id if m.parent else None, m.row, m.name, m.unit, m.kind, m.better, m.relation, m.target, m.rate,
         m.solve_rate, m.share, m.formula, m.computed.target, m.computed.forecast, m.computed.rate)
        for m in plan.walk()
    )
    return rows, tuple(sorted((k, str(v)) for k, v in plan.info.items())), len(plan.metrics)


def differences(a: tuple, b: tuple) -> list:
    rows = [(x, y) for x, y in zip(a[0], b[0], strict=False) if x != y]
    return rows + ([(a[1], b[1])] if a[1] != b[1] else []) + ([(a[2], b[2])] if a[2] != b[2] else [])


@st.composite
def an_edit(draw, plan: Plan) -> Edit:
    ids = sorted(plan.metrics)
    if not ids:
        return AddMetric(Metric(plan.new_id("m"), draw(NAMES)), None, 0)
    metric_id = draw(st.sampled_from(ids))
    kind = draw(st.sampled_from(["target", "rate", "share", "rename", "add", "remove", "move", "title", "solve",
                                 "better"]))
    if kind == "target":
        return SetField(metric_id, "target", draw(AMOUNTS))
    if kind in ("rate", "share"):
        return SetField(metric_id, kind, draw(FRACTIONS))
    if kind == "better":
        return SetField(metric_id, "better", draw(st.sampled_from(["higher", "lower"])))
    if kind == "solve":
        return SetField(metric_id, "solve_rate", draw(st.booleans()))
    if kind == "rename":
        return SetField(metric_id, "name", draw(NAMES))
    if kind == "title":
        return SetInfo("title", draw(NAMES))
    if kind == "add":
        parent = draw(st.one_of(st.none(), st.sampled_from(ids)))
        name = draw(NAMES)
        return AddMetric(Metric(plan.new_id("m"), name), parent, draw(st.integers(0, 5)))
    if kind == "remove":
        return RemoveMetric(metric_id)
    parent = draw(st.one_of(st.none(), st.sampled_from(ids)))
    return MoveMetric(metric_id, parent, draw(st.integers(0, 5)))


def undo_redo_property(tmp_path_factory, data) -> None:
    plan_file = load(TEMPLATE)
    plan = plan_file.plan
    start_text, start = plan_file.dumps(), snapshot(plan)
    done: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 25), label="edits")):
        edit = data.draw(an_edit(plan))
        before = snapshot(plan)
        try:
            edit.apply(plan)
        except PlanError:
            assert snapshot(plan) == before, f"a refused {edit!r} changed the plan"
            continue
        done.append(edit)
    end_text, end = plan_file.dumps(), snapshot(plan)
    for edit in reversed(done):
        edit.revert(plan)
    assert snapshot(plan) == start, differences(start, snapshot(plan))
    assert plan_file.dumps() == start_text
    path = tmp_path_factory.mktemp("undo") / "plan.toml"
    save(plan_file, path)
    assert path.read_bytes() == TEMPLATE.read_bytes()
    for edit in done:
        edit.apply(plan)
    assert snapshot(plan) == end, differences(end, snapshot(plan))
    assert plan_file.dumps() == end_text
    assert Path(path).exists()


HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=examples(60), deadline=None, database=None, suppress_health_check=HEALTH)
@given(st.data())
def test_undo_all_gives_the_start_and_redo_all_the_end(tmp_path_factory, data) -> None:
    undo_redo_property(tmp_path_factory, data)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, database=None, suppress_health_check=HEALTH)
@given(st.data())
def test_undo_redo_many(tmp_path_factory, data) -> None:
    undo_redo_property(tmp_path_factory, data)
