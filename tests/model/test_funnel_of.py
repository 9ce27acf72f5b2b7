"""Which funnel the window's graph shows: the current metric's, else the KGI's, else the first in the tree."""

from kpidesk import paths
from kpidesk.model.edits import AddMetric, SetField, SetInfo
from kpidesk.model.funnel import funnel_of
from kpidesk.model.metric import Metric, Relation
from kpidesk.planfile import load

SAMPLE = ["visits", "leads", "nurtured", "negotiations", "web_orders"]


def ids(stages) -> list[str]:
    return [stage.metric.id for stage in stages]


def test_a_kgi_outside_any_funnel_shows_the_first_funnel_in_the_tree() -> None:
    plan = load(paths.templates()["btob-web"]).plan
    assert ids(funnel_of(plan)) == SAMPLE  # the KGI's own funnel
    SetInfo("kgi", "sales").apply(plan)  # Sales = orders x unit price: in no funnel
    assert ids(funnel_of(plan)) == SAMPLE
    assert ids(funnel_of(plan, plan.metrics["unit_price"])) == SAMPLE
    events = Metric("events", "Event leads", relation=Relation.FUNNEL)
    events.children.append(Metric("booths", "Booth visits", parent=events))
    AddMetric(events, "orders", 0).apply(plan)  # a funnel before Web orders in the tree's order
    assert ids(funnel_of(plan)) == ["booths", "events"]
    assert ids(funnel_of(plan, plan.metrics["leads"])) == SAMPLE  # the current metric's funnel first
    for metric_id in ("events", *SAMPLE):
        SetField(metric_id, "relation", Relation.SUM).apply(plan)
    assert funnel_of(plan) == []  # no funnel left
