"""Write a plan into its tomlkit document, changing only what changed.

The document keeps the planner's comments, blank lines, key order, number
style and unknown keys. Writing compares each stored value with the plan and
replaces only those that differ, so an edit of one input is a one-line diff
and a plan saved without edits comes back byte for byte.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from kpidesk.model.metric import Metric
from kpidesk.model.plan import INFO_FIELDS, Plan
from kpidesk.planfile import codec


def _unwrap(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _set_key(table: Table, key: str, wanted: Any, order: tuple[str, ...], defaults: dict[str, Any]) -> None:
    """Bring one key of ``table`` in line with ``wanted`` (None: absent)."""
    present = key in table
    if wanted is None or (not present and defaults.get(key) == wanted):
        if present:
            del table[key]
        return
    if present:
        stored = table[key]
        if codec.decode(key, _unwrap(stored)) == wanted:
            return
        table[key] = codec.encode(key, wanted, _unwrap(stored))
        return
    item = codec.encode(key, wanted)
    previous = [k for k in order[: order.index(key)] if k in table and k != "actuals"]
    if previous and key != "actuals":
        table.value._insert_after(previous[-1], key, item)
    else:
        table[key] = item


def _write_info(doc: TOMLDocument, plan: Plan) -> None:
    wanted = {key: codec.encode_info(key, plan.info.get(key)) for key in INFO_FIELDS}
    if "plan" not in doc:
        if not any(wanted.values()):
            return
        doc.add(tomlkit.nl())
        doc["plan"] = tomlkit.table()
    table = doc["plan"]
    for key in INFO_FIELDS:
        value = wanted[key]
        present = key in table
        if value is None:
            if present:
                del table[key]
        elif not present or _unwrap(table[key]) != value:
            table[key] = tomlkit.string(value, multiline="\n" in value) if isinstance(value, str) else value


def _new_table(metric: Metric) -> Table:
    table = tomlkit.table()
    values = codec.metric_values(metric)
    for key in codec.METRIC_KEYS:
        value = values[key]
        if value is None or codec.DEFAULTS.get(key) == value:
            continue
        table[key] = codec.encode(key, value)
    return table


def _order(existing: list[str], plan: Plan) -> list[str]:
    """File order of metric ids: existing order kept where sibling order allows."""
    wanted = {m.id for m in plan.walk()}
    sequence = [i for i in existing if i in wanted]
    position = {metric_id: index for index, metric_id in enumerate(sequence)}
    misplaced: set[str] = set()
    for parent in [None, *plan.walk()]:
        last = -1
        for child in plan.children_of(parent):
            index = position.get(child.id)
            if index is None or index < last:
                misplaced.add(child.id)
            else:
                last = index
    if not misplaced:
        return sequence
    sequence = [i for i in sequence if i not in misplaced]
    for metric in plan.walk():
        if metric.id not in misplaced:
            continue
        siblings = plan.children_of(metric.parent)
        anchor: str | None = None
        if metric.row > 0:
            anchor = _last_in_subtree(siblings[metric.row - 1], set(sequence), sequence)
        elif metric.parent is not None:
            anchor = metric.parent.id
        index = sequence.index(anchor) + 1 if anchor in sequence else len(sequence)
        if anchor is None and metric.parent is None:
            index = 0
        sequence.insert(index, metric.id)
    return sequence


def _last_in_subtree(metric: Metric, present: set[str], sequence: list[str]) -> str | None:
    ids = [m.id for m in metric.walk() if m.id in present]
    if not ids:
        return None
    return max(ids, key=sequence.index)


def _write_metrics(doc: TOMLDocument, plan: Plan) -> None:
    if "metric" not in doc:
        doc.append("metric", tomlkit.aot())
    aot: AoT = doc["metric"]
    tables: dict[str, Table] = {}
    existing: list[str] = []
    for table in aot:
        metric_id = _unwrap(table.get("id"))
        if isinstance(metric_id, str) and metric_id not in tables:
            tables[metric_id] = table
            existing.append(metric_id)
    for metric in plan.walk():
        table = tables.get(metric.id)
        if table is None:
            continue
        values = codec.metric_values(metric)
        for key in codec.METRIC_KEYS[1:]:
            _set_key(table, key, values[key], codec.METRIC_KEYS, codec.DEFAULTS)
    order = _order(existing, plan)
    if order == [i for i in existing if i in plan.metrics] and len(order) == len(plan.metrics):
        for index in reversed(range(len(aot))):
            if _unwrap(aot[index].get("id")) not in plan.metrics:
                del aot[index]
        return
    for metric in plan.walk():
        if metric.id not in tables:
            tables[metric.id] = _new_table(metric)
    while len(aot):
        del aot[len(aot) - 1]
    for position, metric_id in enumerate(order):
        table = tables[metric_id]
        if position > 0:
            previous = tables[order[position - 1]]
            if not previous.as_string().endswith("\n\n"):
                previous.add(tomlkit.nl())
        aot.append(table)


def write_plan(doc: TOMLDocument, plan: Plan) -> None:
    """Apply the plan to ``doc`` in place (``format_version`` is the caller's)."""
    _write_info(doc, plan)
    _write_metrics(doc, plan)


def render_new(plan: Plan) -> str:
    """The text of a plan that has no file yet: [plan], then one table per metric."""
    lines = [f'format_version = "{codec.FORMAT_VERSION}"', ""]
    info = [(k, codec.encode_info(k, plan.info.get(k))) for k in INFO_FIELDS]
    info = [(k, v) for k, v in info if v is not None]
    if info:
        lines.append("[plan]")
        for key, value in info:
            item = tomlkit.string(value, multiline="\n" in value) if isinstance(value, str) else tomlkit.item(value)
            lines.append(f"{key} = {item.as_string()}")
        lines.append("")
    for metric in plan.walk():
        values = codec.metric_values(metric)
        lines.append("[[metric]]")
        actuals = None
        for key in codec.METRIC_KEYS:
            value = values[key]
            if value is None or codec.DEFAULTS.get(key) == value:
                continue
            if key == "actuals":
                actuals = value
                continue
            lines.append(f"{tomlkit.key(key).as_string()} = {codec.encode(key, value).as_string()}")
        if actuals:
            lines += ["", "[metric.actuals]"]
            for period, amount in actuals.items():
                lines.append(f"{tomlkit.key(period).as_string()} = {codec.encode_number(amount).as_string()}")
        lines.append("")
    return "\n".join(lines)
