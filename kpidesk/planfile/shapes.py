"""Plans written in TOML shapes that kpidesk reads but does not edit in place, brought to the shape it writes.

TOML lets another tool write the metrics as an inline array
(``metric = [{id = "orders", ...}]``) and the plan's facts as dotted keys
(``plan.title = "..."``) or an inline table. kpidesk reads them as any other
plan, but its writer edits ``[plan]`` and ``[[metric]]`` tables: adding a
``[[metric]]`` table beside an inline array is not TOML. So before the first
save such a text is rewritten with the same values as ``[plan]`` and
``[[metric]]`` tables (each value's own text kept: ``1_000``, ``"10%"``), the
other keys, tables and comments of the file staying where they are; the save
says so (``PlanFile.save_warnings``, as the reasons ``plan_facts_reshaped`` and
``metrics_reshaped``). Comments inside the inline array or
table cannot be kept.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.items import AoT, InlineTable, Item, Table

from kpidesk.model.reasons import Reason, reason
from kpidesk.planfile.locate import SourceMap, scan


def _needs_tables(positions: SourceMap) -> tuple[bool, bool]:
    """Whether the metrics and the plan's facts are written other than as [[metric]] and [plan] tables."""
    keys = positions.top.keys

    def written_inline(name: str) -> bool:
        return any(key == name or key.startswith(name + ".") for key in keys)

    return written_inline("metric"), written_inline("plan")


def _key(name: str) -> str:
    return tomlkit.key(name).as_string().strip()


def _is_table(item: Any) -> bool:
    return isinstance(item, (InlineTable, Table, OutOfOrderTableProxy))


def _entries(item: Any) -> list[tuple[str, Any]]:
    """The (key as TOML writes it, item) pairs of an inline table, a table or dotted keys, in file order
    (dotted keys sharing a prefix merged: ``a.b = 1, a.c = 2`` is one table ``a``)."""
    return [(_key(str(key)), item[key]) for key in item]


def _table_text(header: str, item: Any, array: bool = False) -> list[str]:
    """``[header]`` (or ``[[header]]``) with the item's keys, its tables as sub-tables after them."""
    lines = [f"[[{header}]]" if array else f"[{header}]"]
    nested: list[tuple[str, Any]] = []
    for key, value in _entries(item):
        if _is_table(value):
            nested.append((key, value))
        elif isinstance(value, Item):
            lines.append(f"{key} = {value.as_string().strip()}")
        else:  # a value tomlkit hands out unwrapped
            lines.append(f"{key} = {tomlkit.item(value).as_string().strip()}")
    for key, value in nested:
        lines += ["", *_table_text(f"{header}.{key}", value)]
    return lines


def as_tables(text: str, positions: SourceMap | None = None) -> tuple[str, list[Reason]]:
    """``text`` with inline metrics and dotted or inline plan facts as tables, and what was changed (reasons).

    A text in kpidesk's own shape comes back as it is, with no reasons.
    """
    positions = positions if positions is not None else scan(text)
    metrics_inline, plan_inline = _needs_tables(positions)
    if not (metrics_inline or plan_inline):
        return text, []
    document = tomlkit.parse(text)
    notes: list[Reason] = []
    plan_lines: list[str] = []
    metric_lines: list[str] = []
    if plan_inline and "plan" in document:
        plan_lines = _table_text("plan", document["plan"])
        del document["plan"]
        notes.append(reason("plan_facts_reshaped"))
    if metrics_inline and "metric" in document:
        metrics = document["metric"]
        if not isinstance(metrics, AoT) and len(metrics):
            for entry in metrics:
                if not _is_table(entry):
                    return text, []  # not a plan the reader takes: nothing to convert
                metric_lines += [*_table_text("metric", entry, array=True), ""]
            del document["metric"]
            notes.append(reason("metrics_reshaped"))
    rest = document.as_string()
    lines = rest.split("\n")
    headers = scan(rest).headers
    cut = headers[0][0] - 1 if headers else len(lines)
    while cut > 0 and lines[cut - 1].lstrip().startswith("#"):
        cut -= 1  # comments right above the first table stay with it
    head = "\n".join(lines[:cut]).rstrip("\n")
    tables = "\n".join(lines[cut:]).strip("\n")
    parts = [part for part in (head, "\n".join(plan_lines), tables, "\n".join(metric_lines).rstrip("\n")) if part]
    return "\n\n".join(parts) + "\n", notes


__all__ = ["as_tables"]
