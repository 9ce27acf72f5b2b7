"""The diagram of any plan: no two boxes overlap, and no two sibling subtrees cross at any depth."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from plan_strategies import Options, plan_texts

from kpidesk.model.metric import Metric
from kpidesk.planfile import loads
from kpidesk.render.diagram import GAPS, TreeDiagram
from kpidesk.render.layout import Orientation, Rect


def _levels(metric: Metric, depth: int, out: dict[int, list[Metric]]) -> dict[int, list[Metric]]:
    out.setdefault(depth, []).append(metric)
    for child in metric.children:
        _levels(child, depth + 1, out)
    return out


def no_overlaps(text: str, orientation: Orientation) -> None:
    plan = loads(text).plan
    diagram = TreeDiagram(plan, orientation)
    sibling_gap, subtree_gap, _ = GAPS[orientation]
    boxes = list(diagram.boxes.values())
    assert {b.metric.id for b in boxes} == set(plan.metrics)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.rect.overlaps(b.rect, min(sibling_gap, subtree_gap)), (a.metric.id, b.metric.id)
    across_top = orientation is Orientation.TOP_DOWN

    def span(rect: Rect) -> tuple[float, float]:
        return (rect.x, rect.right) if across_top else (rect.y, rect.bottom)

    # sibling subtrees keep their order at every depth: all of one before all of the next
    for parent in [None, *plan.walk()]:
        siblings = plan.roots if parent is None else parent.children
        for first, second in itertools.pairwise(siblings):
            left, right = _levels(first, 0, {}), _levels(second, 0, {})
            for depth in set(left) & set(right):
                end = max(span(diagram.boxes[m.id].rect)[1] for m in left[depth])
                start = min(span(diagram.boxes[m.id].rect)[0] for m in right[depth])
                gap = sibling_gap if depth == 0 else subtree_gap
                assert start - end >= gap - 1e-6, (first.id, second.id, depth, start, end)


HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
PLANS = plan_texts(Options(max_size=16))


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=HEALTH)
@given(PLANS)
@pytest.mark.parametrize("orientation", list(Orientation))
def test_no_boxes_or_subtrees_overlap_in_the_diagram_of_any_plan(qapp, orientation, text):
    no_overlaps(text, orientation)


@pytest.mark.slow
@settings(max_examples=1000, deadline=None, database=None, suppress_health_check=HEALTH)
@given(plan_texts(Options(max_size=40)))
@pytest.mark.parametrize("orientation", list(Orientation))
def test_no_boxes_or_subtrees_overlap_many(qapp, orientation, text):
    no_overlaps(text, orientation)
