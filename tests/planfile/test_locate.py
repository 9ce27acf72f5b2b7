"""Where the keys of a plan file stand: quoted, dotted and indented keys, strings that hold what
looks like TOML, and multi-line strings, also with escaped quotes (which do not end them)."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from kpidesk.planfile import PlanFileError, loads
from kpidesk.planfile.locate import scan

TEXT = '''format_version = "1.0"
top.inline = { a = 1 }
[ plan ]
title = "a # not a comment" # a comment
"owner" = 'literal "quotes" and """ inside'
  period\t=\t"FY2026"
notes = """first "line"
rate = "fake, inside the notes"
last \\""" line"""
kgi = "goal"

[[metric]]
id = "goal"
'name' = "Goal"
definition = "escaped \\" quote"   # comment with """
source = \'\'\'literal
unit = "fake"
\'\'\'
"dotted . key" . sub = 2
[metric.actuals]
"2026-04" = 3
[metric."phasing"]
"2026-05" = 1

[other.table]
x = 1
[[ metric ]]
id = "b"
notes = """one line""" # closes on its line
unit = "real"
'''


def test_the_text_is_toml() -> None:
    assert tomllib.loads(TEXT)["plan"]["notes"] == 'first "line"\nrate = "fake, inside the notes"\nlast """ line'


def test_every_key_and_value_is_found_where_it_stands() -> None:
    found = scan(TEXT)
    assert found.headers == [(3, "plan", False), (12, "metric", True), (25, "other.table", False), (27, "metric", True)]
    assert (found.top.keys, found.top.key_names) == ({"format_version": (1, 18), "top.inline": (2, 14)},
                                                     {"format_version": (1, 1), "top.inline": (2, 1)})
    assert found.plan is not None and found.plan.header == (3, 1)
    assert found.plan.keys == {"title": (4, 9), "owner": (5, 11), "period": (6, 12), "notes": (7, 9), "kgi": (10, 7)}
    assert found.plan.key_names == {"title": (4, 1), "owner": (5, 1), "period": (6, 3), "notes": (7, 1),
                                    "kgi": (10, 1)}
    first, second = found.metrics
    assert first.header == (12, 1)
    assert first.keys == {"id": (13, 6), "name": (14, 10), "definition": (15, 14), "source": (16, 10),
                          "dotted . key.sub": (19, 24), "actuals": (20, 1), "actuals.2026-04": (21, 13),
                          "phasing": (22, 1), "phasing.2026-05": (23, 13)}
    assert first.key_names == {key: (line, 1) for key, (line, _column) in first.keys.items()}
    assert (second.header, second.keys) == ((27, 1), {"id": (28, 6), "notes": (29, 9), "unit": (30, 8)})


def test_crlf_lines_give_the_same_positions() -> None:
    crlf = scan(TEXT.replace("\n", "\r\n"))
    plain = scan(TEXT)
    assert crlf.headers == plain.headers
    assert [m.keys for m in crlf.metrics] == [m.keys for m in plain.metrics]


@pytest.mark.parametrize("line", ["   # an indented comment", "", "\t"])
def test_blank_and_comment_lines_are_passed_over(line: str) -> None:
    assert scan(f'[[metric]]\n{line}\nid = "a"\n').metrics[0].keys == {"id": (3, 6)}


def test_an_escaped_quote_before_two_more_does_not_end_a_multi_line_string() -> None:
    """A plan whose notes hold a backslash before three quotes opens, names its errors' lines, and saves."""
    text = ('format_version = "1.0"\n\n[plan]\nnotes = """say \\""" twice"""\ntitle = "T"\n\n'
            '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\n\n'
            '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\nrate = "10%"\n')
    with pytest.raises(PlanFileError) as info:
        loads(text.replace('rate = "10%"', 'rate = "x"'), "plan.toml")
    assert str(info.value) == "plan.toml:16:8: error: metric 'a', rate: 'x' is not a number"
    plan_file = loads(text)
    assert plan_file.plan.info["notes"] == 'say """ twice'
    plan_file.plan.set_field(plan_file.plan.metrics["goal"], "target", Decimal(7))
    assert plan_file.dumps() == text.replace("target = 5", "target = 7")


@pytest.mark.parametrize("notes, after", [
    ('"""a \\\\"""', 'rate = "x"'),  # an escaped backslash, then the end
    ('"""a""""', 'rate = "x"'),  # a quote, then the end
    ("\'\'\'a \\\'\'\'", 'rate = "x"'),  # no escapes in a literal string: the backslash is text
])
def test_multi_line_strings_end_where_toml_ends_them(notes: str, after: str) -> None:
    text = f'[[metric]]\nid = "a"\nname = "A"\nnotes = {notes}\n{after}\n'
    tomllib.loads(text)
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    assert (info.value.first.line, info.value.first.column) == (5, 8)


def test_a_key_written_as_a_nested_table_stands_at_its_header_at_every_level() -> None:
    text = '[[metric]]\nid = "a"\n[metric.actuals.2026-04]\nx = 1\n'
    keys = scan(text).metrics[0].keys
    # the header names actuals, then actuals.2026-04: both stand at it, for the message about either
    assert keys["actuals"] == (3, 1) and keys["actuals.2026-04"] == (3, 1)
    assert keys["actuals.2026-04.x"] == (4, 5)
    assert scan(text).metrics[0].key_names["actuals.2026-04"] == (3, 1)


def test_a_multi_line_string_that_opens_where_another_closes_hides_its_lines() -> None:
    # an array of two multi-line literal strings: the second opens on the line the first closes on, so the
    # look-alike key inside it is text, and the real key stands after it
    text = "[[metric]]\nid = \"a\"\nnotes = ['''one\ntwo''', '''three\nunit = \"fake\"''']\nunit = \"real\"\n"
    assert scan(text).metrics[0].keys["unit"] == (6, 8)


def test_a_plan_key_written_as_a_table_stands_at_its_header_an_array_of_tables_does_not() -> None:
    # [plan.extra] is the key extra of the plan, for a message about it; [[plan.list]] adds no key there
    found = scan('[plan]\ntitle = "t"\n[plan.extra]\nx = 1\n[[plan.list]]\ny = 2\n').plan
    assert found is not None
    assert found.keys == {"title": (2, 9), "extra": (3, 1)}
    assert found.key_names == {"title": (2, 1), "extra": (3, 1)}
