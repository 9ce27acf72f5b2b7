"""Write a plan into its file's text, changing only what changed.

The text is cut into chunks at its top-level table headers: the head
(``format_version`` and anything before the first table), each ``[[metric]]``
table with its sub-tables, and any other table. Saving compares each metric
with the values its chunk holds and re-renders through tomlkit only the
chunks that differ, so comments, blank lines, key order, number style and
unknown keys stay, an edit of one input is a one-line diff, a save costs what
changed rather than the size of the plan, and an unchanged plan comes back
byte for byte.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

import tomlkit
from tomlkit.container import Container, OutOfOrderTableProxy
from tomlkit.items import Comment, InlineTable, Item, Null, Table

from kpidesk.model.metric import Metric
from kpidesk.model.plan import INFO_FIELDS, Plan
from kpidesk.planfile import codec
from kpidesk.planfile.locate import SourceMap
from kpidesk.planfile.reader import loads_toml

#: A key's item as a table gives it (``Table.item``), kept while the key is deleted.
Dropped = Item | OutOfOrderTableProxy
#: What a deleted key followed in its table: ("key", name) or ("comment", the comment line).
Anchor = tuple[str, str]


@dataclass
class Chunk:
    """A run of lines of the file: one table (with leading comments) or the head."""

    text: str
    name: str = ""  # header name: "metric", "plan", another table, or "" for the head
    metric_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)  # decoded values, for comparing
    dropped: dict[str, Dropped] = field(default_factory=dict)  # deleted keys' items: an undo gets the comment back
    dropped_after: dict[str, Anchor] = field(default_factory=dict)  # what each deleted key followed: its place
    added: set[str] = field(default_factory=set)  # keys an edit added: back at their default, they go again
    #: Periods taken out of a period table ("actuals.2026-04"), with the comment lines above them: for an undo.
    dropped_periods: dict[str, tuple[Item, int]] = field(default_factory=dict)
    lost_ending: str = ""  # blank lines taken off while the chunk ended the file


def _unwrap(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _differs(values: dict[str, Any], key: str, wanted: object, added: set[str]) -> bool:
    """Whether the stored value of ``key`` must change to hold ``wanted``."""
    if key in codec.TABLE_KEYS and wanted is None and values.get(key) == {}:
        return key in added  # an empty [metric.actuals] the planner wrote stays; one an edit added goes
    if key not in values:
        return wanted is not None and codec.DEFAULTS.get(key) != wanted
    if wanted is None and values[key] in ("", None) and key not in added:
        return False  # an empty text the planner wrote (unit = "", formula = "") is the text left out: it stays
    if key in added and codec.DEFAULTS.get(key) == wanted:
        return True  # an edit added it; an undo back to the default takes it out again
    return wanted is None or values[key] != wanted


def _decoded(raw: dict[str, Any]) -> dict[str, Any]:
    return {key: codec.decode(key, value) for key, value in raw.items()}


def _split(text: str, positions: SourceMap) -> list[Chunk]:
    lines = text.split("\n")
    starts: list[tuple[int, str]] = []
    for line_number, name, _array in positions.headers:
        start = line_number - 1
        while start > 0 and lines[start - 1].lstrip().startswith("#"):
            start -= 1  # comments right above a header travel with its table
        starts.append((start, name))
    chunks = []
    boundaries = [0] + [s for s, _ in starts] + [len(lines)]
    names = [""] + [n for _, n in starts]
    for index, name in enumerate(names):
        begin, end = boundaries[index], boundaries[index + 1]
        piece = "\n".join(lines[begin:end])
        if end < len(lines):
            piece += "\n"
        chunks.append(Chunk(piece, name))
    return chunks


def _set_key(table: Table, key: str, wanted: object, dropped: dict[str, Dropped] | None = None,
             added: set[str] | None = None, after: dict[str, Anchor] | None = None) -> None:
    """Bring one key of a tomlkit table in line with ``wanted`` (None: absent).

    A key the planner wrote stays even at its default value (``kind = "count"``);
    one that an edit added goes again when its value returns to the default.
    """
    present = key in table
    dropped = {} if dropped is None else dropped
    added = set() if added is None else added
    after = {} if after is None else after
    at_default = codec.DEFAULTS.get(key) == wanted
    if wanted is None or (at_default and (not present or key in added)):
        if present:
            if key not in added:
                dropped[key] = table.item(key)  # the planner's own line, comment and all
                anchor = _anchor(table.value, key)
                if anchor is not None:
                    after[key] = anchor
            del table[key]
        added.discard(key)
        return
    if present:
        stored = _unwrap(table[key])
        if codec.decode(key, stored) != wanted:
            table[key] = codec.encode(key, wanted, stored)
        return
    item = dropped.pop(key, None)
    anchor = after.pop(key, None)
    if item is None:
        added.add(key)
    if item is None or codec.decode(key, _unwrap(item)) != wanted:
        item = codec.encode(key, wanted)
    order = codec.METRIC_KEYS
    previous = [k for k in order[: order.index(key)] if k in table and k not in codec.TABLE_KEYS]
    if anchor is not None and key not in codec.TABLE_KEYS and _insert_at_anchor(
            table.value, anchor, key, cast(Item, item)):  # a plain key's item, not a table's proxy
        pass  # back where the planner had it (an undo)
    elif previous and key not in codec.TABLE_KEYS:
        table.value._insert_after(previous[-1], key, item)
    else:
        table[key] = item


def _ends_blank(text: str) -> bool:
    """Whether ``text`` ends with a blank line, in a file of either line ending."""
    return text.endswith(("\n\n", "\r\n\r\n"))


def _anchor(container: Container, key: str) -> Anchor | None:
    """What ``key`` follows in its table: the key or the comment line above it (blank lines passed over)."""
    body = container.body
    index = next(i for i, (k, _) in enumerate(body) if k is not None and k.key == key)
    for k, item in reversed(body[:index]):
        if k is not None:
            return ("key", k.key)
        if isinstance(item, Comment):
            return ("comment", item.as_string())
    return None


def _insert_at_anchor(container: Container, anchor: Anchor, key: str, item: Item) -> bool:
    """Put ``key`` right after what it followed when it was deleted; False when that is gone."""
    kind, name = anchor
    for index, (k, found) in enumerate(container.body):
        if kind == "key":
            here = k is not None and k.key == name
        else:
            here = k is None and isinstance(found, Comment) and found.as_string() == name
        if here:
            if index + 1 < len(container.body):
                container._insert_at(index + 1, key, item)
            else:
                container.append(key, item)
            return True
    return False


def _set_periods(table: Table, key: str, wanted: object, dropped: dict[str, tuple[Item, int]]) -> bool:
    """Bring a period table (``[metric.actuals]``) in line with ``wanted`` period by period.

    A changed period is one changed line, a new one a new line (right after the period
    before it, so a table in period order stays in order), a period taken out loses its
    line, and the header and the comments stay, also when no period is left. A period taken
    out is kept in ``dropped`` with the number of comment and blank lines above it, so that
    an undo puts it back where it was, comment and all. False for a table written as dotted
    keys (``actuals."2026-04" = 3``): the caller writes it again as a whole.
    """
    periods = table[key]
    if not isinstance(periods, (Table, InlineTable)) or not (wanted is None or isinstance(wanted, dict)):
        return False
    stored = codec.decode(key, _unwrap(periods))
    if not isinstance(stored, dict):
        return False  # a value that cannot be read: written again as a whole
    wanted_periods: dict[str, Decimal] = wanted or {}
    container = periods.value
    for period in [p for p in stored if p not in wanted_periods]:
        index, above = _index(container, period), 0
        while index > 0 and container.body[index - 1][0] is None:
            index -= 1
            if not isinstance(container.body[index][1], Null):  # tomlkit leaves a Null where a key went
                above += 1
        gone = periods.item(period)
        if isinstance(gone, Item):
            dropped[f"{key}.{period}"] = (gone, above)
        del periods[period]
    previous: str | None = None
    for period, amount in wanted_periods.items():
        if period in stored:
            if stored[period] != amount:
                periods[period] = codec.encode_number(amount)
        else:
            item, above = dropped.pop(f"{key}.{period}", (codec.encode_number(amount), 0))
            if codec.decode(key, {period: _unwrap(item)}) != {period: amount}:
                item = codec.encode_number(amount)
            _insert_period(periods, previous, period, item, above)
        previous = period
    return True


def _insert_period(periods: Table | InlineTable, previous: str | None, period: str, item: Item, above: int) -> None:
    """Put a new line for ``period`` after the line of ``previous`` (None: first), below ``above`` comment lines."""
    container, name = periods.value, codec.period_key(period)
    if isinstance(periods, InlineTable):  # { "2026-04" = 3, "2026-05" = 4 }
        if previous is None:
            periods[name] = item
        else:
            item.trivia.indent = " "  # the space after the comma
            container._insert_after(previous, name, item)
        return
    index = 0 if previous is None else _index(container, previous) + 1
    while above and index < len(container.body) and container.body[index][0] is None:
        if not isinstance(container.body[index][1], Null):
            above -= 1
        index += 1
    if index < len(container.body):
        container._insert_at(index, name, item)
    else:
        container.append(name, item)


def _index(container: Container, period: str) -> int:
    """Where the line of ``period`` is in a table's body (a period is never split: one index)."""
    index = container._map[codec.period_key(period)]
    return max(index) if isinstance(index, tuple) else index


def render_metric(metric: Metric) -> str:
    """The text of a new ``[[metric]]`` table, keys in the documented order."""
    values = codec.metric_values(metric)
    lines = ["[[metric]]"]
    tables = []
    for key in codec.METRIC_KEYS:
        value = values[key]
        if value is None or codec.DEFAULTS.get(key) == value:
            continue
        if key in codec.TABLE_KEYS:
            tables.append((key, value))
            continue
        lines.append(f"{tomlkit.key(key).as_string()} = {codec.encode(key, value).as_string()}")
    for key, periods in tables:
        lines += ["", f"[metric.{key}]"]
        for period, amount in periods.items():
            lines.append(f"{codec.period_key(period).as_string()} = {codec.encode_number(amount).as_string()}")
    return "\n".join(lines) + "\n"


def render_info(plan: Plan) -> str:
    lines = []
    for key in INFO_FIELDS:
        value = codec.encode_info(plan.info.get(key))
        if value is None:
            continue
        item = tomlkit.string(value, multiline="\n" in value) if isinstance(value, str) else tomlkit.item(value)
        lines.append(f"{key} = {item.as_string()}")
    return "[plan]\n" + "\n".join(lines) + "\n" if lines else ""


def render_new(plan: Plan) -> str:
    """The text of a plan that has no file yet."""
    parts = [f'format_version = "{codec.FORMAT_VERSION}"\n']
    info = render_info(plan)
    if info:
        parts.append(info)
    parts += [render_metric(metric) for metric in plan.walk()]
    return "\n".join(parts)


class _Placement:
    """Metric ids in file order, with ids placed right after others or at the front.

    It keeps the order a list would after ``insert(index(anchor) + 1, id)`` and
    ``insert(0, id)``, without moving or searching a list: each id placed after
    another hangs below it (the latest placed comes first), and each id placed at
    the front is a root before the ids kept from the file. The position of an id
    is its root's key (the index of a kept id; negative for the front) and its
    place below that root. ``last_below`` finds the last id of a root's or an
    id's whole group of placed ids by following first-placed ids, shortened as
    it goes.
    """

    def __init__(self, kept: list[str]) -> None:
        self.key = {metric_id: index for index, metric_id in enumerate(kept)}  # root key of every id
        self.kept = kept
        self.below: dict[str, list[str]] = {}  # ids placed right after an id, in the order they were placed
        self.front: list[str] = []  # ids placed at the front, in the order they were placed
        self.deepest: dict[str, str] = {}  # an id's first-placed id, or a shortcut further down that line

    def __contains__(self, metric_id: object) -> bool:
        return metric_id in self.key

    def after(self, anchor: str, metric_id: str) -> None:
        self.key[metric_id] = self.key[anchor]
        placed = self.below.setdefault(anchor, [])
        if not placed:
            self.deepest[anchor] = metric_id
        placed.append(metric_id)

    def at_front(self, metric_id: str) -> None:
        self.front.append(metric_id)
        self.key[metric_id] = -len(self.front)

    def last_below(self, metric_id: str) -> str:
        """The last id, in order, of ``metric_id`` and every id placed below it."""
        path = []
        while metric_id in self.deepest:
            path.append(metric_id)
            metric_id = self.deepest[metric_id]
        for step in path[:-1]:
            self.deepest[step] = metric_id
        return metric_id

    def order(self) -> list[str]:
        result: list[str] = []
        for root in [*reversed(self.front), *self.kept]:
            stack = [root]
            while stack:
                metric_id = stack.pop()
                result.append(metric_id)
                stack.extend(self.below.get(metric_id, ()))  # the latest placed comes out first
        return result


def _order(existing: list[str], plan: Plan) -> list[str]:
    """File order of metric ids: existing order kept where sibling order allows.

    A misplaced metric goes right after its parent (the first child) or after
    the last, in file order, of its previous sibling and everything below it;
    every step is constant time, so a save costs what the plan's size does.
    """
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
                moved = True  # the siblings after it go after it, or reading the file swaps them
            else:
                last = index
    if not misplaced:
        return sequence
    placement = _Placement([i for i in sequence if i not in misplaced])
    greatest: dict[str, int] = {}  # the greatest root key in a metric's subtree, once it is all placed

    def greatest_in(top: Metric) -> int:
        found = greatest.get(top.id)
        if found is not None:
            return found
        pending, post = [top], []
        while pending:  # children before parents, without recursion
            node = pending.pop()
            if node.id not in greatest:
                post.append(node)
                pending.extend(node.children)
        for node in reversed(post):
            greatest[node.id] = max([placement.key[node.id], *(greatest[child.id] for child in node.children)])
        return greatest[top.id]

    for metric in plan.walk():
        if metric.id not in misplaced:
            continue
        siblings = plan.children_of(metric.parent)
        anchor: str | None = None
        if metric.row > 0:
            previous = siblings[metric.row - 1]
            key = greatest_in(previous)
            if key == placement.key[previous.id]:
                start = previous.id  # the last one hangs below the previous sibling
            else:
                # below a table of its subtree kept from the file: a subtree's greatest key is other than its
                # top's only through an id kept from the file (ids placed at the front are roots, an id placed
                # after another takes that one's key), so it is the index of a kept id
                start = placement.kept[key]
            anchor = placement.last_below(start)
        elif metric.parent is not None:
            anchor = metric.parent.id
        if anchor is None:  # the first root: a first child goes after its parent, a later one after the one before
            placement.at_front(metric.id)
        else:  # the anchor is in the placement: a parent comes first in the walk, a previous sibling before
            placement.after(anchor, metric.id)
    return placement.order()


def _shape_of_file(chunks: list[Chunk]) -> dict[str, tuple[str | None, int]]:
    """Each metric's parent and row, as the file lists them."""
    shape: dict[str, tuple[str | None, int]] = {}
    counts: dict[str | None, int] = {}
    for chunk in chunks:
        if chunk.metric_id is not None:
            parent = chunk.values.get("parent")
            parent = parent if isinstance(parent, str) else None
            shape[chunk.metric_id] = (parent, counts.get(parent, 0))
            counts[parent] = counts.get(parent, 0) + 1
    return shape


def _shape_of_plan(plan: Plan) -> dict[str, tuple[str | None, int]]:
    return {m.id: (m.parent.id if m.parent else None, m.row) for m in plan.metrics.values()}


class PlanWriter:
    """Keeps a plan file's text in chunks and brings them in line with the plan."""

    def __init__(self, text: str, positions: SourceMap) -> None:
        data = loads_toml(text)
        self.chunks = _split(text, positions)
        raw_metrics = iter(data.get("metric", []))
        for chunk in self.chunks:
            if chunk.name == "metric":
                raw: dict[str, Any] = next(raw_metrics, {})
                chunk.metric_id = raw.get("id") if isinstance(raw.get("id"), str) else None
                chunk.values = _decoded(raw)
            elif chunk.name == "plan":
                chunk.values = dict(data.get("plan", {}))
        self.head_keys = set(data) - {"plan", "metric"}
        #: Chunks of metrics that were deleted: an undone delete gets its comments and layout back.
        self.removed: dict[str, Chunk] = {}
        #: The file's own order of metrics; every save derives the order from it, so undoing
        #: a move puts the tables back where they were.
        self.home = [c.metric_id for c in self.chunks if c.metric_id is not None]
        self.home_shape = _shape_of_file(self.chunks)
        #: The metrics' chunks by id as the last full write left them (their texts change in place after).
        self._by_id: dict[str, Chunk] | None = None

    # ---- plan-level ------------------------------------------------------------
    def _write_info(self, plan: Plan) -> None:
        wanted = {key: codec.encode_info(plan.info.get(key)) for key in INFO_FIELDS}
        chunk = next((c for c in self.chunks if c.name == "plan"), None)
        if chunk is None:
            if any(v is not None for v in wanted.values()):
                self.chunks.insert(1, Chunk(render_info(plan) + "\n", "plan", values=dict(wanted)))
            return
        stored = chunk.values
        if all((stored.get(k) if stored.get(k) not in ("", None) else None) == v for k, v in wanted.items()):
            return
        document = tomlkit.parse(chunk.text)
        table = document["plan"]
        for key, value in wanted.items():
            if value is None:
                if key in table:
                    del table[key]
            elif key not in table or _unwrap(table[key]) != value:
                item = tomlkit.string(value, multiline="\n" in value) if isinstance(value, str) else tomlkit.item(value)
                previous = [k for k in INFO_FIELDS[: INFO_FIELDS.index(key)] if k in table]
                if key not in table and previous and previous[-1] != list(table)[-1]:
                    table.value._insert_after(previous[-1], key, item)  # back in its place (an undone delete)
                else:
                    table[key] = item
        chunk.text = document.as_string()
        chunk.values = dict(_unwrap(table))

    def _write_version(self) -> None:
        if "format_version" not in self.head_keys:
            head = self.chunks[0]
            separator = "\n" if head.text.strip() else ""
            head.text = f'format_version = "{codec.FORMAT_VERSION}"\n{separator}' + head.text
            if not head.text.endswith("\n\n"):
                head.text += "\n"
            self.head_keys.add("format_version")

    # ---- metrics ---------------------------------------------------------------------
    def _update_metric(self, chunk: Chunk, metric: Metric) -> None:
        wanted = codec.metric_values(metric)
        keys = [k for k in codec.METRIC_KEYS[1:] if _differs(chunk.values, k, wanted[k], chunk.added)]
        if not keys:
            return
        document = tomlkit.parse(chunk.text)
        table = document["metric"][0]
        for key in keys:
            if key in codec.TABLE_KEYS and key in table and not (wanted[key] is None and key in chunk.added) \
                    and _set_periods(table, key, wanted[key], chunk.dropped_periods):
                continue  # period by period: comments in the table stay
            _set_key(table, key, wanted[key], chunk.dropped, chunk.added, chunk.dropped_after)
        # the blank lines that end the chunk part it from the next table: a sub-table added
        # at the end would take them (tomlkit puts a new table after the table's whitespace)
        ending = chunk.text[len(chunk.text.rstrip("\r\n")):]
        chunk.text = document.as_string().rstrip("\r\n") + ending
        chunk.values = _decoded(_unwrap(table))

    def write(self, plan: Plan, touched: Iterable[Metric] | None = None) -> str:
        """The text of the file for the plan as it is now.

        ``touched``: the only metrics whose fields may differ from the text last written, the tree's shape
        unchanged since (None: compare every metric, and the order of the tables)."""
        self._write_version()
        self._write_info(plan)
        if touched is not None and self._by_id is not None:
            metrics = [m for m in touched if plan.metrics.get(m.id) is m]
            if all(m.id in self._by_id for m in metrics):
                for metric in metrics:
                    self._update_metric(self._by_id[metric.id], metric)
                return "".join([chunk.text for chunk in self.chunks])
        by_id = {c.metric_id: c for c in self.chunks if c.metric_id is not None}
        fresh: set[str] = set()
        for metric in plan.walk():
            chunk = by_id.get(metric.id)
            if chunk is None and metric.id in self.removed:
                chunk = by_id[metric.id] = self.removed.pop(metric.id)
                fresh.add(metric.id)  # placed like a new table, with a blank line around it
            if chunk is None:
                text = render_metric(metric)
                by_id[metric.id] = Chunk(text, "metric", metric.id, _decoded(loads_toml(text)["metric"][0]))
                fresh.add(metric.id)
            else:
                self._update_metric(chunk, metric)
        existing = [c.metric_id for c in self.chunks if c.metric_id is not None]
        if _shape_of_plan(plan) == self.home_shape:
            order = list(self.home)  # the tree is as the file has it (every edit undone)
        else:
            order = _order(existing, plan)
        if order != existing:
            self._rearrange(order, by_id, fresh)
        self._by_id = {c.metric_id: c for c in self.chunks if c.metric_id is not None}
        return "".join([chunk.text for chunk in self.chunks])

    def _rearrange(self, order: list[str], by_id: dict[str, Chunk], fresh: set[str]) -> None:
        """Put metric chunks in ``order`` in the metric slots; other tables stay."""
        wanted = set(order)
        for chunk in self.chunks:
            if chunk.metric_id is not None and chunk.metric_id not in wanted:
                self.removed[chunk.metric_id] = chunk
        # never empty: a file holds a [[metric]] table (the reader refuses one without) and a plan keeps its goal
        last_slot = max(i for i, c in enumerate(self.chunks) if c.name == "metric")
        rebuilt: list[Chunk] = []
        queue = deque(by_id[i] for i in order)
        for index, chunk in enumerate(self.chunks):
            if chunk.name == "metric":  # a metric slot
                if chunk.metric_id is None:
                    rebuilt.append(chunk)
                elif queue:
                    rebuilt.append(queue.popleft())
                if index == last_slot:
                    rebuilt.extend(queue)
                    queue.clear()
            else:
                rebuilt.append(chunk)
        last_before = self.chunks[-1]
        final_ending = last_before.text[len(last_before.text.rstrip("\r\n")):]  # the file's own ending
        for index, chunk in enumerate(rebuilt[:-1]):
            if chunk.lost_ending:
                chunk.text, chunk.lost_ending = chunk.text.rstrip("\r\n") + chunk.lost_ending, ""
            if not chunk.text.endswith("\n"):
                chunk.text += "\n"
            if chunk.metric_id in fresh and not _ends_blank(chunk.text):
                chunk.text += "\n"  # and a blank line after it
            following = rebuilt[index + 1]
            if following.metric_id in fresh and not _ends_blank(chunk.text) \
                    and not following.text.startswith(("\n", "\r\n")):
                following.text = "\n" + following.text  # a new table starts after a blank line
        if rebuilt and rebuilt[-1] is not last_before:
            last = rebuilt[-1]
            last.lost_ending = last.lost_ending or last.text[len(last.text.rstrip("\r\n")):]
            last.text = last.text.rstrip("\r\n") + (final_ending or "\n")
        self.chunks = rebuilt
