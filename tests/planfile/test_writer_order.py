"""Where a save puts new and moved metric tables, and that it costs what the plan's size does.

``_reference_order`` is the placement as it was written before it became
linear (list searches and inserts): the new one must give the same order,
hence the same bytes, for any sequence of structural edits.
"""

import random

import pytest

from kpidesk import paths
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan, PlanError
from kpidesk.planfile import PlanFile, load, loads, writer


def _reference_order(existing: list[str], plan: Plan) -> list[str]:
    wanted = set(plan.metrics)
    sequence = [i for i in existing if i in wanted]
    position = {metric_id: index for index, metric_id in enumerate(sequence)}
    misplaced: set[str] = set()
    for parent in [None, *plan.walk()]:
        last, moved = -1, False
        for child in plan.children_of(parent):
            index = position.get(child.id)
            if moved or index is None or index < last:
                misplaced.add(child.id)
                moved = True
            else:
                last = index
    if not misplaced:
        return sequence
    sequence = [i for i in sequence if i not in misplaced]
    for metric in plan.walk():
        if metric.id not in misplaced:
            continue
        siblings = plan.children_of(metric.parent)
        anchor = None
        if metric.row > 0:
            present = set(sequence)
            ids = [m.id for m in siblings[metric.row - 1].walk() if m.id in present]
            anchor = max(ids, key=sequence.index) if ids else None
        elif metric.parent is not None:
            anchor = metric.parent.id
        if anchor is None and metric.parent is None:
            index = 0
        else:
            index = sequence.index(anchor) + 1 if anchor in sequence else len(sequence)
        sequence.insert(index, metric.id)
    return sequence


def _random_edit(plan: Plan, rng: random.Random, number: int) -> None:
    metrics = list(plan.metrics.values())
    choice = rng.random()
    try:
        if choice < 0.45:
            parent = rng.choice([None, *metrics]) if rng.random() < 0.9 else None
            new = Metric(f"new{number}", f"New {number}")
            if rng.random() < 0.3:
                new.children.append(Metric(f"new{number}_child", "Child", parent=new))
            plan.insert_metric(new, parent, rng.randint(0, len(plan.children_of(parent))))
        elif choice < 0.85:
            metric = rng.choice(metrics)
            target = rng.choice([None, *metrics])
            if target is not None and target in metric.walk():
                return
            plan.move_metric(metric, target, rng.randint(0, len(plan.children_of(target))))
        elif len(metrics) > 3:
            plan.remove_metric(rng.choice(metrics))
    except PlanError:
        pass


@pytest.mark.parametrize("seed", range(40))
def test_placement_matches_the_list_version_over_random_edits(seed):
    rng = random.Random(seed)
    plan_file = loads(PlanFile(generate_plan(rng.randint(3, 40), seed=seed), "").dumps())
    plan = plan_file.plan
    plan_file.dumps()
    number = 0
    for _save in range(4):
        existing = [c.metric_id for c in plan_file._writer.chunks if c.metric_id is not None]
        for _ in range(rng.randint(1, 6)):
            number += 1
            _random_edit(plan, rng, number)
        assert writer._order(existing, plan) == _reference_order(existing, plan)
        plan_file.dumps()  # the file's order moves on; the next edits start from it


def _inserted_at_the_top(plan_file: PlanFile) -> None:
    plan = plan_file.plan
    kgi = plan.roots[0]
    plan.insert_metric(Metric("first_child", "First child"), kgi, 0)
    plan.insert_metric(Metric("first_root", "First root"), None, 0)
    widest = max(plan.metrics.values(), key=lambda m: len(m.children))
    plan.insert_metric(Metric("first_sibling", "First sibling"), widest, 0)


@pytest.mark.parametrize("plan_file", [
    pytest.param(lambda: load(paths.templates()["btob-web"]), id="sample"),
    pytest.param(lambda: loads(PlanFile(generate_plan(2_000, seed=3), "").dumps()), id="2000-metrics",
                 marks=pytest.mark.slow),  # against the quadratic list version: long
])
def test_save_after_inserts_at_the_top_writes_the_bytes_of_the_list_version(plan_file, monkeypatch):
    ours, theirs = plan_file(), plan_file()
    _inserted_at_the_top(ours)
    _inserted_at_the_top(theirs)
    text = ours.dumps()
    monkeypatch.setattr(writer, "_order", _reference_order)
    assert text == theirs.dumps()
    assert loads(text).plan.walk() and [m.id for m in loads(text).plan.walk()] == [m.id for m in ours.plan.walk()]


class _CountedId(str):
    """A metric id that counts how often it is compared (list searches compare, dict lookups hash)."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        _CountedId.comparisons += 1
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        _CountedId.comparisons += 1
        return str.__ne__(self, other)

    __hash__ = str.__hash__


def _comparisons_of_a_save_after_inserts_at_the_top(size: int) -> int:
    plan_file = loads(PlanFile(generate_plan(size, seed=1), "").dumps())
    plan = plan_file.plan
    for metric in plan.metrics.values():
        metric.id = _CountedId(metric.id)
    plan.metrics = {metric.id: metric for metric in plan.metrics.values()}
    _inserted_at_the_top(plan_file)
    _CountedId.comparisons = 0
    plan_file.dumps()
    return _CountedId.comparisons


def test_a_save_after_inserts_at_the_top_compares_ids_linearly_in_the_plan_size():
    small, large = (_comparisons_of_a_save_after_inserts_at_the_top(size) for size in (500, 2_000))
    # Four times the metrics: about four times the comparisons (the list version made over 60 times as many).
    assert large <= 5 * small + 100, (small, large)
