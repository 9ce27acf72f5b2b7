"""Control and bidi characters: refused in a plan's texts on every way in, named in the message, escaped on output."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpidesk.model import characters, schema
from kpidesk.model.edits import AddMetric
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan, PlanError
from kpidesk.planfile import PlanFileError, loads

#: (character, how a message names it)
UNSAFE = [
    ("\x1b", "U+001B ESCAPE"),
    ("\x00", "U+0000 NULL"),
    ("\n", "U+000A LINE FEED"),
    ("\t", "U+0009 CHARACTER TABULATION"),
    ("\r", "U+000D CARRIAGE RETURN"),
    ("\x07", "U+0007 ALERT"),
    ("\x7f", "U+007F DELETE"),
    ("\x9b", "U+009B CONTROL SEQUENCE INTRODUCER"),
    ("\x85", "U+0085 NEXT LINE"),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
]
#: Fields of one line (no control character at all) and long texts (line breaks and tabs allowed).
LINE_FIELDS = ("name", "unit", "owner", "source", "interval")
LONG_FIELDS = ("definition", "countermeasure", "notes")


def plan() -> Plan:
    made = Plan("t")
    AddMetric(Metric("orders", "Orders"), None, 0).apply(made)
    return made


def test_every_control_has_its_unicode_name() -> None:
    for point in [*range(0x20), *range(0x7F, 0xA0)]:
        name = characters.character_name(chr(point)).split(" ", 1)[1]
        assert unicodedata.lookup(name) == chr(point), name  # the names are Unicode's own (aliases)


@pytest.mark.parametrize("field", LINE_FIELDS)
@pytest.mark.parametrize("char, named", UNSAFE)
def test_a_one_line_text_takes_no_control_character(field: str, char: str, named: str) -> None:
    made = plan()
    metric = made.metrics["orders"]
    with pytest.raises(PlanError) as refused:
        made.set_field(metric, field, f"Red{char}Orders")
    assert f"{named} is not allowed in a name" in str(refused.value)
    assert refused.value.reason.params["character"] == named
    assert metric.name == "Orders" and getattr(metric, field) in ("Orders", "")


@pytest.mark.parametrize("field", LONG_FIELDS)
def test_a_long_text_takes_line_breaks_and_tabs_but_no_other_control(field: str) -> None:
    made = plan()
    metric = made.metrics["orders"]
    made.set_field(metric, field, "first line\n\tsecond line\r\nthird")
    assert getattr(metric, field) == "first line\n\tsecond line\r\nthird"
    for char, named in UNSAFE:
        if char in "\n\t":
            continue
        with pytest.raises(PlanError, match=re.escape(f"{named} is not allowed in a text")):
            made.set_field(metric, field, f"a{char}b")


def test_plan_texts_follow_the_same_rules() -> None:
    made = plan()
    with pytest.raises(PlanError, match="plan.title: U\\+001B ESCAPE is not allowed in a name"):
        made.set_info("title", "\x1b[2J")
    with pytest.raises(PlanError, match="U\\+202E RIGHT-TO-LEFT OVERRIDE"):
        made.set_info("owner", "\u202eteam")
    made.set_info("notes", "line one\nline two")
    assert made.info["title"] == "t" and made.info["notes"] == "line one\nline two"


def test_a_metric_added_with_a_bad_name_is_refused() -> None:
    made = plan()
    with pytest.raises(PlanError, match="U\\+0000 NULL"):
        AddMetric(Metric("leads", "Leads\x00"), "orders", 0).apply(made)
    assert "leads" not in made.metrics


@pytest.mark.parametrize("line, position, named", [
    ('name = "Red\\u001b[31mOrders"', "plan.toml:4:8:", "metric 'orders', name: U+001B ESCAPE is not allowed"),
    ('name = "two\\nlines"', "plan.toml:4:8:", "U+000A LINE FEED is not allowed in a name"),
    ('name = "Orders"\nunit = "\u202eJPY"', "plan.toml:5:8:", "unit: U+202E RIGHT-TO-LEFT OVERRIDE"),
    ('name = "Orders"\nowner = "a\\u0085b"', "plan.toml:5:9:", "U+0085 NEXT LINE"),
    ('name = "Orders"\nnotes = "a\\u007fb"', "plan.toml:5:9:", "U+007F DELETE is not allowed in a text"),
])
def test_the_file_reader_refuses_them_at_their_position(line: str, position: str, named: str) -> None:
    text = f'[[metric]]\nid = "orders"\n\n{line}\n'
    with pytest.raises(PlanFileError) as refused:
        loads(text, "plan.toml")
    message = str(refused.value)
    assert message.startswith(position) and named in message, message


def test_the_file_reader_refuses_them_in_plan_texts() -> None:
    text = '[plan]\ntitle = "a\\u001bb"\n\n[[metric]]\nid = "orders"\nname = "Orders"\n'
    with pytest.raises(PlanFileError, match="plan.toml:2:9: error: plan.title: U\\+001B ESCAPE"):
        loads(text, "plan.toml")
    notes = '[plan]\nnotes = """one\ntwo\tthree"""\n\n[[metric]]\nid = "orders"\nname = "Orders"\n'
    assert loads(notes).plan.info["notes"] == "one\ntwo\tthree"


def test_the_rule_is_the_schemas_for_every_text_field() -> None:
    for field in schema.FIELDS:
        if field.form in ("name", "text"):
            with pytest.raises(ValueError, match="U\\+001B ESCAPE"):
                schema.check(field, "\x1b")


@given(st.text())
def test_escaped_text_holds_no_control_and_no_bidi_character(text: str) -> None:
    shown = characters.escape_controls(text)
    assert characters.forbidden(shown) is None
    kept = characters.escape_controls(text, keep_newlines=True)
    assert all(characters.forbidden(line) is None for line in kept.split("\n"))


def test_escapes_read_like_python_escapes() -> None:
    assert characters.escape_controls("\x1b[31mRed\u202e\n") == "\\x1b[31mRed\\u202e\\x0a"
    assert characters.escape_controls("a\nb\tc", keep_newlines=True) == "a\nb\\x09c"
    assert characters.escape_controls("受注 Orders") == "受注 Orders"
