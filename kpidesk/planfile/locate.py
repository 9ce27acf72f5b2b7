"""Where each key of a plan file stands, so errors can name line and column.

The standard library's TOML reader gives values but no positions; this scanner
reads the (already valid) text line by line and records the position of every
key of ``[plan]`` and of each ``[[metric]]`` table, in file order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Pos = tuple[int, int]  # 1-based line and column

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass
class TablePositions:
    header: Pos
    keys: dict[str, Pos] = field(default_factory=dict)  # position of each value
    key_names: dict[str, Pos] = field(default_factory=dict)  # position of each key

    def value(self, key: str) -> Pos:
        return self.keys.get(key, self.header)

    def key(self, key: str) -> Pos:
        return self.key_names.get(key, self.header)


@dataclass
class SourceMap:
    top: TablePositions = field(default_factory=lambda: TablePositions((1, 1)))
    plan: TablePositions | None = None
    metrics: list[TablePositions] = field(default_factory=list)
    by_id: dict[str, TablePositions] = field(default_factory=dict)  # filled by the reader
    #: Top-level table headers: (line, name, is_array); ``[metric.x]`` sub-tables excluded.
    headers: list[tuple[int, str, bool]] = field(default_factory=list)

    def metric(self, index: int) -> TablePositions:
        if 0 <= index < len(self.metrics):
            return self.metrics[index]
        return self.top


def _read_key(line: str, start: int) -> tuple[str, int] | None:
    """The (dotted) key at ``start`` and the index just after it, or None."""
    parts, pos = [], start
    while True:
        while pos < len(line) and line[pos] in " \t":
            pos += 1
        if pos < len(line) and line[pos] in "\"'":
            quote = line[pos]
            end = line.find(quote, pos + 1)
            if end < 0:
                return None
            parts.append(line[pos + 1 : end])
            pos = end + 1
        else:
            match = _BARE_KEY.match(line, pos)
            if not match:
                return None
            parts.append(match.group())
            pos = match.end()
        while pos < len(line) and line[pos] in " \t":
            pos += 1
        if pos < len(line) and line[pos] == ".":
            pos += 1
            continue
        return ".".join(parts), pos


def _closing(text: str, delim: str, start: int) -> int:
    """Where the ``delim`` that closes a multi-line string starts in ``text`` (from ``start``), or -1.

    In a basic string a backslash escapes the character after it: a backslash before three double
    quotes makes the first a quote of the text, so they do not end the string. A literal string
    has no escapes.
    """
    if delim == "'''":
        return text.find(delim, start)
    pos = start
    while pos < len(text):
        if text[pos] == "\\":
            pos += 2
        elif text.startswith(delim, pos):
            return pos
        else:
            pos += 1
    return -1


def _opens_multiline(text: str) -> str | None:
    """The delimiter of a multi-line string left open at the end of ``text``."""
    open_delim: str | None = None
    pos = 0
    while pos < len(text):
        if open_delim:
            end = _closing(text, open_delim, pos)
            if end < 0:
                return open_delim
            pos, open_delim = end + 3, None
            continue
        char = text[pos]
        if char == "#":
            return None
        if text.startswith('"""', pos) or text.startswith("'''", pos):
            open_delim = text[pos : pos + 3]
            pos += 3
            continue
        if char in "\"'":
            end = pos + 1
            while end < len(text) and text[end] != char:
                end += 2 if char == '"' and text[end] == "\\" else 1
            pos = end + 1
            continue
        pos += 1
    return open_delim


def _sub_table(table: TablePositions, key: str, header: Pos) -> None:
    """A key written as a table of its own (``[metric.unit]``, ``[metric.actuals.2026-04.x]``) stands at the
    first header that names it, for its messages."""
    parts = key.split(".")
    for end in range(1, len(parts) + 1):
        table.keys.setdefault(".".join(parts[:end]), header)
        table.key_names.setdefault(".".join(parts[:end]), header)


def scan(text: str) -> SourceMap:
    """Positions of the keys of a valid plan file."""
    result = SourceMap()
    current: TablePositions | None = result.top
    prefix = ""
    in_string: str | None = None
    # TOML ends lines at "\n" only; str.splitlines() would also split at U+2028 and others.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if in_string:
            end = _closing(line, in_string, 0)
            if end >= 0:
                in_string = _opens_multiline(line[end + 3 :])
            continue
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            array = stripped.startswith("[[")
            read = _read_key(stripped, 2 if array else 1)
            name = read[0] if read else ""
            header = (number, indent + 1)
            prefix = ""
            if not (not array and name.startswith("metric.")):
                result.headers.append((number, name, array))
            if array and name == "metric":
                current = TablePositions(header)
                result.metrics.append(current)
            elif not array and name == "plan":
                current = result.plan = TablePositions(header)
            elif not array and name.startswith("metric.") and result.metrics:
                current = result.metrics[-1]
                prefix = name[len("metric.") :] + "."
                _sub_table(current, prefix[:-1], header)
            else:
                if not array and name.startswith("plan.") and result.plan is not None:
                    _sub_table(result.plan, name[len("plan.") :], header)
                current = None
            continue
        read = _read_key(line, indent)
        if read is None or read[1] >= len(line) or line[read[1]] != "=":
            continue
        key, after = read
        value_start = after + 1
        while value_start < len(line) and line[value_start] in " \t":
            value_start += 1
        if current is not None:
            current.keys.setdefault(prefix + key, (number, value_start + 1))
            current.key_names.setdefault(prefix + key, (number, indent + 1))
        in_string = _opens_multiline(line[value_start:])
    return result
