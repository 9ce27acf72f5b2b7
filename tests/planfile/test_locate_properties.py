"""The scanner finds every key where it stands, in any valid spelling of a table.

Each example writes a ``[[metric]]`` table line by line and notes, while writing, the line and column of
every key and of its value: that is the expected answer, known without scanning. Keys are bare, quoted or
dotted (with blanks around the dots), indented with spaces or tabs, with blanks around ``=``; values are
numbers, basic strings with escaped quotes and backslashes, literal strings, arrays and inline tables that
hold ``=``, ``#`` and quotes, and multi-line strings whose lines look like keys, close on a line of their
own or in the middle of one, or end in an escaped quote; lines end in LF or CRLF, with comments or not.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk.planfile.locate import scan

BARE = st.sampled_from(["unit", "owner", "source", "a-b", "x_1", "2026-04", "X_ray"])
BLANKS = st.sampled_from(["", " ", "  ", "\t", " \t"])

#: (value text, lines it spans beyond the first)
VALUES = st.sampled_from([
    ("1", 0), ("-1_000", 0), ("2.5e3", 0), ("true", 0), ("2026-04-01", 0),
    ('"plain"', 0), ('"a = b # c"', 0), ('"escaped \\" quote"', 0), ('"ends in a backslash \\\\"', 0),
    ('"\\"\\"\\""', 0), ("'literal \"with\" quotes'", 0), ("'# = '", 0),
    ('["a = 1", "b # 2", \'c "\']', 0), ('{ x = "y = z", w = 2 }', 0), ("[]", 0),
    ('"""one line"""', 0), ("'''one line'''", 0),
    ('"""first\nfake = "looks like a key"\nlast"""', 2),
    ('"""ends in an escaped quote \\"\nfake = 1\n\\""" still text"""', 2),
    ("'''literal\nfake = 'a key?'\n'''", 2),
    ('"""\nnotes = """', 1),
    ('[\n  1,\n  "x = y",\n]', 3),  # an array over several lines: "1," reads like a key without "="
    ('[\n  1,\n  2\n]', 3),  # and "2" like a key that ends its line
    ('"an escaped \\" then \'\'\' in the text"', 0),  # the quote after the backslash does not end it
    ('["abc", \'\'\'x\nfake = 1\'\'\']', 1),  # a string of odd length, then a multi-line one opens
    ('["", \'\'\'x\nfake = 1\'\'\']', 1),  # an empty string closes at once
    ('["""a\nfake = 1""", \'\'\'b\nfake = 2\'\'\']', 2),
])


@dataclass
class Written:
    lines: list[str] = field(default_factory=lambda: ["[[metric]]"])
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)  # value positions
    key_names: dict[str, tuple[int, int]] = field(default_factory=dict)


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, Written]:
    written = Written()
    used: set[str] = set()
    for _ in range(draw(st.integers(1, 6))):
        parts = draw(st.lists(BARE, min_size=1, max_size=3))
        if any(".".join(parts[: i + 1]) in used for i in range(len(parts))) or \
                any(u.startswith(".".join(parts) + ".") for u in used):
            continue  # TOML refuses a key defined twice or used as both a value and a table
        spelled = []
        for part in parts:
            quote = draw(st.sampled_from(["", '"', "'"]))
            spelled.append(f"{quote}{part}{quote}")
        dot = draw(st.sampled_from([".", " . ", ".\t"]))
        indent, before, after = draw(BLANKS), draw(BLANKS), draw(BLANKS)
        value, extra_lines = draw(VALUES)
        comment = draw(st.sampled_from(["", " # note", "  #=x"]))
        key_text = dot.join(spelled)
        line = f"{indent}{key_text}{before}={after}{value}{comment}"
        number = len(written.lines) + 1
        key = ".".join(parts)
        written.key_names[key] = (number, len(indent) + 1)
        written.keys[key] = (number, len(indent) + len(key_text) + len(before) + 1 + len(after) + 1)
        used.add(key)
        written.lines.extend(line.split("\n"))
        assert len(line.split("\n")) == extra_lines + 1
        if draw(st.booleans()):
            written.lines.append(draw(st.sampled_from(["", "# a comment = 1", "  # unit = 2"])))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(written.lines) + newline, written


@given(tables())
@settings(max_examples=examples(300), deadline=None)
def test_every_key_and_its_value_is_found_where_it_was_written(case: tuple[str, Written]) -> None:
    text, written = case
    tomllib.loads(text)  # the example is valid TOML, as the files the scanner reads are
    found = scan(text).metrics[0]
    assert found.header == (1, 1)
    assert found.key_names == written.key_names
    assert found.keys == written.keys
