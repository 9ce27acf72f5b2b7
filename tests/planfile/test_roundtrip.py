"""Loading and saving changes nothing; an edit of one input changes one line."""

import difflib
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples
from strategies import plan_texts

from kpidesk import paths
from kpidesk.cli import parse_assignment
from kpidesk.model.edits import Composite
from kpidesk.model.generate import generate_plan
from kpidesk.model.metric import Metric
from kpidesk.model.plan import PlanError
from kpidesk.planfile import PlanFile, loads


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("name", sorted(paths.templates()))
def test_templates_round_trip_byte_identical(name):
    text = paths.templates()[name].read_text(encoding="utf-8")
    assert loads(text).dumps() == text


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_texts())
def test_any_valid_plan_round_trips(text):
    assert loads(text).dumps() == text


def field_line(text: str, metric_id: str, field: str) -> str | None:
    """The line of ``field`` in the table of ``metric_id``, as written, or None when the key is absent."""
    lines = text.splitlines()
    start = lines.index(f'id = "{metric_id}"')
    for line in lines[start + 1:]:
        if line == "[[metric]]":
            return None
        if line.split("=")[0].strip() == field:
            return line
    return None


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_texts(), st.data())
def test_any_single_set_changes_one_line(text, data):
    plan_file = loads(text)
    metric = data.draw(st.sampled_from(sorted(plan_file.plan.metrics)))
    choices = ["target=123", "target=", "source=Web analytics"]
    if plan_file.plan.metrics[metric].parent is not None:
        choices += ["rate=37%", "rate=0.05"]
    choice = data.draw(st.sampled_from(choices))
    field = choice.split("=")[0]
    before = getattr(plan_file.plan.metrics[metric], field)
    old_line = field_line(text, metric, field)
    Composite([parse_assignment(plan_file, f"{metric}.{choice}")]).apply(plan_file.plan)
    after = getattr(plan_file.plan.metrics[metric], field)
    out = plan_file.dumps()
    diff = changed_lines(text, out)
    new_line = field_line(out, metric, field)
    if after == before:  # the value it had already: not a byte changes
        assert diff == []
        assert out == text
    elif old_line is None:  # a key added: one new line, nothing else
        assert diff == ["+" + new_line]
    elif after is None:  # a key cleared: its one line goes
        assert new_line is None
        assert diff == ["-" + old_line]
    else:  # a value replaced: that line out, the same key with the new value in
        assert diff == ["-" + old_line, "+" + new_line]
    assert new_line is None or re.fullmatch(rf"{field} = \S.*", new_line)
    assert getattr(loads(out).plan.metrics[metric], field) == after


def test_edit_keeps_comments_and_changes_only_that_value():
    text = paths.templates()["btob-web"].read_text(encoding="utf-8")
    plan_file = loads(text)
    plan_file.plan.set_field(plan_file.plan.metrics["negotiations"], "rate", Decimal("0.4"))
    assert changed_lines(text, plan_file.dumps()) == ['-rate = "50%"  # close rate', '+rate = "40%"  # close rate']


def test_unknown_keys_survive_an_edit():
    text = 'format_version = "1.0"\nfuture = { scenario = "a" }\n\n[[metric]]\nid = "a"\nname = "A"\nweight = 3\n'
    plan_file = loads(text)
    plan_file.plan.set_field(plan_file.plan.metrics["a"], "name", "B")
    out = plan_file.dumps()
    assert "future = { scenario = \"a\" }" in out and "weight = 3" in out and 'name = "B"' in out


def test_added_metric_lands_after_its_previous_sibling_with_a_blank_line():
    text = paths.templates()["btob-web"].read_text(encoding="utf-8")
    plan_file = loads(text)
    plan = plan_file.plan
    plan.insert_metric(Metric("webinars", "Webinars"), plan.metrics["visits"], 0)
    out = plan_file.dumps()
    assert '\n\n[[metric]]\nid = "webinars"\nparent = "visits"\nname = "Webinars"\n' in out
    assert loads(out).plan.metrics["webinars"].parent.id == "visits"


def test_moved_and_removed_metrics_keep_the_tree():
    text = paths.templates()["btob-web"].read_text(encoding="utf-8")
    plan_file = loads(text)
    plan = plan_file.plan
    plan.move_metric(plan.metrics["unit_price"], plan.metrics["sales"], 0)
    plan.remove_metric(plan.metrics["visits"])
    again = loads(plan_file.dumps()).plan
    assert [m.id for m in again.walk()] == [m.id for m in plan.walk()]


def test_generated_plan_round_trips_through_a_new_file():
    plan = generate_plan(300, seed=4)
    text = PlanFile(plan, "").dumps()
    again = loads(text)
    assert again.dumps() == text
    assert {m.id: m.computed.target for m in again.plan.walk()} == {m.id: m.computed.target for m in plan.walk()}


def test_crlf_and_bom_are_kept():
    text = paths.templates()["btob-web"].read_text(encoding="utf-8").replace("\n", "\r\n")
    plan_file = loads("\ufeff" + text)
    plan_file.plan.set_field(plan_file.plan.metrics["visits"], "rate", Decimal("0.2"))
    data = plan_file.encoded()
    assert data.startswith(b"\xef\xbb\xbf") and b'rate = "20%"\r\n' in data and b"\n" not in data.replace(b"\r\n", b"")


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_texts(), st.lists(st.tuples(st.sampled_from(["add", "move", "remove"]), st.integers(0, 50),
                                        st.integers(0, 50)), min_size=1, max_size=6))
def test_structural_edits_survive_save_and_load(text, steps):
    plan_file = loads(text)
    plan = plan_file.plan
    for number, (action, first, second) in enumerate(steps):
        ids = sorted(plan.metrics)
        metric = plan.metrics[ids[first % len(ids)]]
        other = plan.metrics[ids[second % len(ids)]]
        try:
            if action == "add":
                plan.insert_metric(Metric(f"new{number}", f"New {number}"), other, second)
            elif action == "move":
                plan.move_metric(metric, other, second)
            elif metric.parent is not None:
                plan.remove_metric(metric)
        except PlanError:  # a refused move (below itself) leaves the plan as it was
            continue
    again = loads(plan_file.dumps()).plan
    shape = [(m.id, m.parent.id if m.parent else None, m.name, m.rate, m.target) for m in plan.walk()]
    assert [(m.id, m.parent.id if m.parent else None, m.name, m.rate, m.target) for m in again.walk()] == shape
