"""Small rules of a metric and the plan's events, read by hand: when a forecast falls short, which metrics drive
their parent, that a listener can leave, and what JSON output escapes for a terminal."""

import json
from fractions import Fraction as F

import pytest

from kpidesk.model.characters import json_safe
from kpidesk.model.events import EventEmitter
from kpidesk.model.metric import Better, Metric, Relation


def with_gap(gap, better=Better.HIGHER):
    metric = Metric("m", "M", better=better)
    metric.computed.gap = gap
    return metric


@pytest.mark.parametrize("gap, better, short", [
    (None, Better.HIGHER, False), (None, Better.LOWER, False),  # nothing forecast: nothing falls short
    (F(-1, 2), Better.HIGHER, True), (F(0), Better.HIGHER, False), (F(1, 2), Better.HIGHER, False),
    (F(1, 2), Better.LOWER, True), (F(0), Better.LOWER, False), (F(-1, 2), Better.LOWER, False),
])
def test_a_forecast_falls_short_below_a_goal_and_above_a_limit(gap, better, short):
    """Orders forecast half an order under their goal fall short; a cost half a yen over its limit too."""
    assert with_gap(gap, better).forecast_falls_short() is short


def tree(parent_relation, child_relation=Relation.NONE):
    parent = Metric("p", "P", relation=parent_relation)
    child = Metric("c", "C", relation=child_relation, parent=parent)
    parent.children.append(child)
    return parent, child


def test_a_driver_is_a_part_of_its_parents_relation_other_than_a_formula():
    for relation in (Relation.FUNNEL, Relation.SUM, Relation.PRODUCT, Relation.SHARE):
        parent, child = tree(relation)
        assert child.is_driver() and parent.drivers() == [child]
        parent, formula = tree(relation, Relation.FORMULA)  # a CVR under a funnel stage is read, not multiplied
        assert not formula.is_driver() and parent.drivers() == []
    for relation in (Relation.NONE, Relation.FORMULA):
        parent, child = tree(relation)
        assert not child.is_driver() and parent.drivers() == []
    assert not Metric("root", "Root").is_driver()


def test_a_listener_that_leaves_hears_nothing_more_and_leaving_twice_is_no_error():
    events = EventEmitter()
    heard_a, heard_b = [], []
    events.connect(heard_a.append)
    events.connect(heard_b.append)
    events.emit("first")
    events.disconnect(heard_a.append)
    events.disconnect(heard_a.append)
    events.emit("second")
    assert heard_a == ["first"] and heard_b == ["first", "second"]


def test_json_output_escapes_what_a_terminal_acts_on_and_stays_the_same_json():
    document = {"name": "Visits\x7f\x85\u202eevil\u2066", "note": "日本語 ok\n"}
    text = json.dumps(document, ensure_ascii=False)
    safe = json_safe(text)
    assert safe == text.replace("\x7f", "\\u007f").replace("\x85", "\\u0085").replace(
        "\u202e", "\\u202e").replace("\u2066", "\\u2066")
    assert json.loads(safe) == document
