"""The text made after an edit compares only the metrics the edit set (the autosave makes it often): it must be
the text a comparison of every metric makes, after any sequence of edits, undos and structural changes."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpidesk import paths
from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric, SetField, SetInfo, SetPeriodValues
from kpidesk.model.metric import Metric
from kpidesk.model.plan import PlanError
from kpidesk.planfile import load

TEMPLATE = paths.templates()["btob-web"]


@st.composite
def an_edit(draw, ids: list[str]) -> Edit:
    metric_id = draw(st.sampled_from(ids))
    kind = draw(st.sampled_from(["rate", "target", "name", "source", "notes", "actuals", "info", "add", "remove",
                                 "move"]))
    if kind == "rate":
        return SetField(metric_id, "rate", draw(st.sampled_from([None, Decimal("0.125"), Decimal("0.5")])))
    if kind == "target":
        return SetField(metric_id, "target", draw(st.sampled_from([None, Decimal(40), Decimal(2000)])))
    if kind in ("name", "source", "notes"):
        return SetField(metric_id, kind, draw(st.sampled_from(["Web", "CRM \\ \"export\"", "二行目\nまで"])))
    if kind == "actuals":
        return SetPeriodValues(metric_id, "actuals", {"2026-05": draw(st.sampled_from([None, Decimal(12)]))})
    if kind == "info":
        return SetInfo("title", draw(st.sampled_from(["FY2027", "Web orders"])))
    if kind == "add":
        return AddMetric(Metric(f"m{draw(st.integers(0, 99))}", "New metric"), metric_id, draw(st.integers(0, 2)))
    if kind == "remove":
        return RemoveMetric(metric_id)
    return MoveMetric(metric_id, draw(st.sampled_from(ids)), draw(st.integers(0, 2)))


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_text_after_each_edit_is_the_text_of_a_full_comparison(data) -> None:
    plan_file = load(TEMPLATE)
    plan = plan_file.plan
    plan_file.dumps()
    done: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 12), label="edits")):
        if done and data.draw(st.integers(0, 3)) == 0:
            done.pop().revert(plan)
        else:
            edit = data.draw(an_edit(sorted(plan.metrics)))
            try:
                edit.apply(plan)
            except PlanError:
                continue
            done.append(edit)
        text = plan_file.dumps()  # from the metrics the edits set
        plan_file._touched = None
        assert plan_file.dumps() == text  # every metric compared: nothing was left behind


def test_a_rate_edit_compares_one_metric_not_the_plan(monkeypatch) -> None:
    plan_file = load(TEMPLATE)
    plan_file.dumps()
    compared = []
    update = type(plan_file._writer)._update_metric
    monkeypatch.setattr(type(plan_file._writer), "_update_metric",
                        lambda self, chunk, metric: compared.append(metric.id) or update(self, chunk, metric))
    SetField("leads", "rate", Decimal("0.4")).apply(plan_file.plan)
    assert "rate = \"40%\"" in plan_file.dumps()
    assert compared == ["leads"]
    RemoveMetric("visits").apply(plan_file.plan)  # the tree's shape changed: every metric is compared
    assert "visits" not in plan_file.dumps()
    assert len(compared) == 1 + len(plan_file.plan.metrics)
