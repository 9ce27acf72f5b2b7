"""Placement of new metrics that bring children and grandchildren with them, against the list version.

``test_writer_order.py`` checks single new metrics; here a new metric may come with a chain of up
to three descendants, so that placing a later sibling walks (and shortens) a longer chain of
metrics placed below one another.
"""

import random

import pytest
from test_writer_order import _reference_order

from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan, PlanError
from kpidesk.planfile import PlanFile, loads, writer


def _edit(plan: Plan, rng: random.Random, number: int) -> None:
    metrics = list(plan.metrics.values())
    choice = rng.random()
    try:
        if choice < 0.6:
            new = below = Metric(f"new{number}", f"New {number}")
            for depth in range(rng.randint(0, 3)):
                child = Metric(f"new{number}_{depth}", "Below", parent=below)
                below.children.append(child)
                below = child
            parent = rng.choice([None, *metrics])
            plan.insert_metric(new, parent, rng.randint(0, len(plan.children_of(parent))))
        elif choice < 0.9:
            metric, target = rng.choice(metrics), rng.choice([None, *metrics])
            if target is None or target not in metric.walk():
                plan.move_metric(metric, target, rng.randint(0, len(plan.children_of(target))))
        elif len(metrics) > 3:
            plan.remove_metric(rng.choice(metrics))
    except PlanError:
        pass


@pytest.mark.parametrize("seed", range(12))
def test_new_subtrees_are_placed_as_the_list_version_places_them(seed: int) -> None:
    rng = random.Random(seed)
    plan_file = loads(PlanFile(generate_plan(rng.randint(3, 30), seed=seed), "").dumps())
    plan_file.dumps()
    number = 0
    for _save in range(3):
        existing = [c.metric_id for c in plan_file._writer.chunks if c.metric_id is not None]
        for _ in range(rng.randint(1, 8)):
            number += 1
            _edit(plan_file.plan, rng, number)
        assert writer._order(existing, plan_file.plan) == _reference_order(existing, plan_file.plan)
        plan_file.dumps()
