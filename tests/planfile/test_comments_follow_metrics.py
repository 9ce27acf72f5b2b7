"""After moves, deletes and additions, every comment stays with the metric it was written above."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_strategies import Options, plan_specs

from kpidesk.model.edits import AddMetric, Edit, MoveMetric, RemoveMetric
from kpidesk.model.metric import Metric
from kpidesk.model.plan import PlanError
from kpidesk.planfile import loads

_HEADER = re.compile(r"\s*\[")
_ID = re.compile(r"""\s*id\s*=\s*["']([\w]+)["']""")


def tables(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """Per metric id: the comment lines right above its ``[[metric]]`` header, and the lines of its tables."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    found: dict[str, tuple[list[str], list[str]]] = {}
    current: list[str] | None = None
    for index, line in enumerate(lines):
        if line.strip() == "[[metric]]":
            above = index
            while above > 0 and lines[above - 1].startswith("#"):
                above -= 1
            current = []
            ids = [m.group(1) for m in map(_ID.match, lines[index + 1:]) if m]
            assert ids, text
            found[ids[0]] = (lines[above:index], current)
        elif _HEADER.match(line) and not line.strip().startswith("[metric."):
            current = None
        elif current is not None:
            current.append(line)
    return found


@st.composite
def edits(draw, ids: list[str]) -> list[tuple[str, str, str | None, int]]:
    steps = []
    for number in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["move", "move", "remove", "add"]))
        steps.append((action, draw(st.sampled_from(ids)), draw(st.one_of(st.none(), st.sampled_from(ids))),
                      draw(st.integers(0, 3))))
        ids = ids + [f"new{number}"] if action == "add" else ids
    return steps


def comments_follow(spec, steps) -> None:
    text = spec.text()
    plan_file = loads(text)
    plan = plan_file.plan
    start = plan_file.dumps()
    comments = {m.id: m.comment for m in spec.metrics if m.comment}
    inner = {m.id: m.inner_comment[1] for m in spec.metrics if m.inner_comment}
    done: list[Edit] = []
    for number, (action, metric_id, other, row) in enumerate(steps):
        if action == "add":
            edit: Edit = AddMetric(Metric(f"new{number}", f"New {number}"), other if other in plan.metrics else None,
                                   row)
        elif action == "remove":
            edit = RemoveMetric(metric_id)
        else:
            edit = MoveMetric(metric_id, other, row)
        try:
            edit.apply(plan)
        except PlanError:  # a metric gone already, a move below itself, the one goal deleted
            continue
        done.append(edit)
    out = plan_file.dumps()
    found = tables(out)
    assert set(found) == set(plan.metrics)
    for metric_id, comment in comments.items():
        if metric_id in plan.metrics:
            assert found[metric_id][0] == [comment], (metric_id, out)
        else:
            assert comment not in out.split("\n"), (metric_id, out)  # gone with its metric
    for metric_id, comment in inner.items():
        if metric_id in plan.metrics:
            assert comment in found[metric_id][1], (metric_id, out)
            assert sum(line.rstrip("\r") == comment for line in out.split("\n")) == 1
    again = loads(out).plan
    assert [(m.id, m.parent.id if m.parent else None) for m in again.walk()] == [
        (m.id, m.parent.id if m.parent else None) for m in plan.walk()]
    for edit in reversed(done):  # and undone, the file is what it was
        edit.revert(plan)
    # Line for line; a blank line between tables may differ after some runs of moves and undos in a CRLF file
    # (a known flaw of the writer's spacing, docs/plan-format.md: the TOML and every comment are unchanged)
    assert _without_blank_lines(plan_file.dumps()) == _without_blank_lines(start)


def _without_blank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


HEALTH = [HealthCheck.too_slow]
SPECS = plan_specs(Options(texts=False))


@settings(max_examples=50, deadline=None, database=None, suppress_health_check=HEALTH)
@given(SPECS, st.data())
def test_comments_stay_with_their_metrics_after_moves_and_deletes(spec, data):
    comments_follow(spec, data.draw(edits([m.id for m in spec.metrics])))


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, database=None, suppress_health_check=HEALTH)
@given(SPECS, st.data())
def test_comments_stay_with_their_metrics_after_moves_and_deletes_many(spec, data):
    comments_follow(spec, data.draw(edits([m.id for m in spec.metrics])))


def test_a_metric_that_a_formula_reads_is_not_deleted():
    """Deleting it left a formula naming a metric that is not there: the file would not open again, and every
    save was refused (found by the property above)."""
    text = ('format_version = "1.0"\n\n[[metric]]\nid = "cost"\nname = "Cost"\nkind = "money"\ntarget = 100\n\n'
            '[[metric]]\nid = "leads"\nparent = "cost"\nname = "Leads"\ntarget = 4\n\n'
            '[[metric]]\nid = "cpl"\nname = "Cost per lead"\nrelation = "formula"\nformula = "cost / leads"\n')
    plan_file = loads(text)
    plan = plan_file.plan
    for metric_id in ("leads", "cost"):  # read itself, or a metric below it read
        with pytest.raises(PlanError) as refused:
            RemoveMetric(metric_id).apply(plan)
        assert refused.value.reason.code == "formula_reads_it"
        assert "the formula of cpl reads" in str(refused.value)
        assert plan_file.dumps() == text
    RemoveMetric("cpl").apply(plan)  # the formula first, then what it read
    RemoveMetric("leads").apply(plan)
    assert set(loads(plan_file.dumps()).plan.metrics) == {"cost"}


def test_a_key_put_back_by_an_undo_goes_back_to_its_line():
    """A move to the top and its undo put ``parent`` back after ``id``, not where the planner wrote it."""
    text = ('format_version = "1.0"\n\n[[metric]]\nid = "a"\nname = "A"\n\n'
            '[[metric]]\nid = "b"\nname = "B"\n# above the parent\nparent = "a"\n')
    plan_file = loads(text)
    move = MoveMetric("b", None, 1)
    move.apply(plan_file.plan)
    assert 'parent = ' not in plan_file.dumps()
    move.revert(plan_file.plan)
    assert plan_file.dumps() == text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_last_table_deleted_and_undone_comes_back_without_a_blank_line_more(newline):
    """In a CRLF file the blank lines that end the file were counted as LF only: one more came back each time."""
    text = ('format_version = "1.0"\n\n[[metric]]\nid = "a"\nname = "A"\n\n[[metric]]\nid = "b"\nparent = "a"\n'
            'name = "B"\n').replace("\n", newline)
    plan_file = loads(text)
    remove = RemoveMetric("b")
    remove.apply(plan_file.plan)
    assert plan_file.dumps() == 'format_version = "1.0"\n\n[[metric]]\nid = "a"\nname = "A"\n'.replace("\n", newline)
    remove.revert(plan_file.plan)
    assert plan_file.dumps() == text
