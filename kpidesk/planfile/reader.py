"""Read a plan file into a Plan, or say precisely what is wrong and where.

Values are read with the standard library's fast ``tomllib``; the lossless
tomlkit document is only built when the plan is saved (see ``writer``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

from kpidesk.model.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_FORMULA_LENGTH,
    MAX_ID_LENGTH,
    MAX_KEY_PARTS,
    MAX_METRICS,
    MAX_NAME_LENGTH,
    MAX_NESTING,
    MAX_TEXT_LENGTH,
)
from kpidesk.model.metric import ID_PATTERN, Better, Kind, Metric, Relation
from kpidesk.model.plan import Plan
from kpidesk.planfile import codec
from kpidesk.planfile.codec import FieldError
from kpidesk.planfile.errors import PlanFileError, Problem
from kpidesk.planfile.locate import SourceMap, TablePositions, scan

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_END = re.compile(r"\(at end of document\)")
_KEY_PART = r"""(?:[\w-]+|"[^"\n]*"|'[^'\n]*')"""
#: A run of MAX_KEY_PARTS + 1 or more dotted key parts (anchored at the run's start: linear time).
_DOTTED_RUN = re.compile(rf"(?<![\w\"'.-]){_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_KEY_PARTS},}}")
_OPEN_RUN = re.compile(rf"[\[{{](?:[ \t\r\n]*[\[{{]){{{MAX_NESTING},}}")


def decode_bytes(data: bytes, filename: str) -> str:
    """Bytes to text: UTF-8 (with or without a byte-order mark), size-limited."""
    if len(data) > MAX_FILE_BYTES:
        raise PlanFileError(
            filename, [Problem(1, 1, f"the file is {len(data):,} bytes, over the limit of {MAX_FILE_BYTES:,}")]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanFileError(filename, [Problem(line, column, "the file is not UTF-8 text")]) from None


def _position(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def prescan(text: str, filename: str) -> None:
    """Refuse, before parsing, shapes that no plan has and that make TOML parsers slow or deep.

    A key of thousands of dotted parts takes the standard library's parser
    quadratic time (10,000 parts: seconds; 100,000: minutes and gigabytes);
    brackets nested hundreds deep only exhaust the parser's recursion.
    """
    if len(text) > MAX_FILE_BYTES:
        raise PlanFileError(filename, [Problem(1, 1, f"the text is {len(text):,} characters, over the limit of "
                                                     f"{MAX_FILE_BYTES:,}")])
    for match in _DOTTED_RUN.finditer(text):
        after = text[match.end(): match.end() + 64].lstrip(" \t")
        if after[:1] in ("=", "]"):
            line, column = _position(text, match.start())
            raise PlanFileError(filename, [Problem(line, column, f"a key with more than {MAX_KEY_PARTS} dotted "
                                                                 "parts; a plan needs at most 3 (metric.actuals.X)")])
    match = _OPEN_RUN.search(text)
    if match:
        line, column = _position(text, match.start())
        raise PlanFileError(filename, [Problem(line, column, f"brackets nested more than {MAX_NESTING} levels deep "
                                                             "(the limit)")])


def parse_toml(text: str, filename: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
        elif _TOML_END.search(message):
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
        else:
            line, column = 1, 1
        reason = _TOML_POSITION.sub("", _TOML_END.sub("", message)).strip()
        raise PlanFileError(filename, [Problem(line, column, f"not valid TOML: {reason}")]) from None
    except RecursionError:
        raise PlanFileError(filename, [Problem(1, 1, f"not valid TOML: nested more than {MAX_NESTING} levels "
                                                     "deep (the limit)")]) from None


class _Reader:
    def __init__(self, data: dict[str, Any], positions: SourceMap, filename: str) -> None:
        self.data = data
        self.positions = positions
        self.filename = filename
        self.problems: list[Problem] = []

    def problem(self, pos: tuple[int, int], message: str, field: str | None = None) -> None:
        self.problems.append(Problem(pos[0], pos[1], message, field))

    def read(self) -> Plan:
        plan = Plan()
        self._read_version()
        if self.problems:
            raise PlanFileError(self.filename, self.problems)
        self._read_info(plan)
        metrics, parents, where = self._read_metrics()
        self.positions.by_id = where
        if not self.problems:
            self._build_tree(plan, metrics, parents, where)
        if not self.problems:
            self._check_references(plan, where)
        if self.problems:
            raise PlanFileError(self.filename, self.problems)
        plan.engine.recalculate_all()
        return plan

    def _read_version(self) -> None:
        top = self.positions.top
        version = self.data.get("format_version")
        if version is None:
            return  # a hand-written file may leave it out; saving adds it
        if not isinstance(version, str) or not re.fullmatch(r"\d+(\.\d+)?", version.strip()):
            self.problem(top.value("format_version"), 'format_version must be text such as "1.0"')
            return
        major = int(version.strip().split(".")[0])
        supported = int(codec.FORMAT_VERSION.split(".")[0])
        if major > supported:
            self.problem(
                top.value("format_version"),
                f"this plan uses format {version}, newer than this kpidesk reads ({codec.FORMAT_VERSION}); "
                "update kpidesk to open it",
            )

    def _read_info(self, plan: Plan) -> None:
        info = self.data.get("plan", {})
        where = self.positions.plan or self.positions.top
        if not isinstance(info, dict):
            self.problem(self.positions.top.value("plan"), "plan must be a table: [plan]")
            return
        for key in codec.INFO_TEXT_KEYS:
            if key in info:
                value = info[key]
                if not isinstance(value, str):
                    self.problem(where.value(key), f"plan.{key}: expected text in quotes")
                elif len(value) > MAX_TEXT_LENGTH:
                    self.problem(where.value(key), f"plan.{key}: longer than {MAX_TEXT_LENGTH:,} characters")
                else:
                    plan.info[key] = value
        for key in codec.INFO_DATE_KEYS:
            if key in info:
                value = info[key]
                if not isinstance(value, (dt.date, str)) or isinstance(value, dt.datetime):
                    self.problem(where.value(key), f"plan.{key}: expected a date such as 2026-04-01")
                else:
                    plan.info[key] = value

    def _read_metrics(self):
        entries = self.data.get("metric", [])
        top = self.positions.top
        if not isinstance(entries, list):
            self.problem(top.value("metric"), "metric must be an array of tables: [[metric]]")
            return [], {}, {}
        if not entries:
            self.problem((1, 1), "the plan has no metrics: add a [[metric]] table for the root (the goal)")
            return [], {}, {}
        if len(entries) > MAX_METRICS:
            self.problem((1, 1), f"the plan has {len(entries):,} metrics, over the limit of {MAX_METRICS:,}")
            return [], {}, {}
        metrics: list[Metric] = []
        parents: dict[str, str | None] = {}
        where: dict[str, TablePositions] = {}
        for index, entry in enumerate(entries):
            pos = self.positions.metric(index)
            if not isinstance(entry, dict):
                self.problem(pos.header, "each metric must be a table: [[metric]]")
                continue
            metric = self._read_metric(entry, pos)
            if metric is None:
                continue
            if metric.id in where:
                first = where[metric.id].value("id")
                self.problem(pos.value("id"), f"duplicate id {metric.id!r} (first used at line {first[0]})", "id")
                continue
            where[metric.id] = pos
            parent = entry.get("parent")
            if parent is not None and not isinstance(parent, str):
                self.problem(pos.value("parent"), "parent: expected the id of another metric in quotes", "parent")
                continue
            parents[metric.id] = parent
            metrics.append(metric)
        return metrics, parents, where

    def _read_metric(self, entry: dict[str, Any], pos: TablePositions) -> Metric | None:
        metric_id = entry.get("id")
        if not isinstance(metric_id, str) or not ID_PATTERN.fullmatch(metric_id) or len(metric_id) > MAX_ID_LENGTH:
            shown = repr(metric_id) if metric_id is not None else "missing"
            self.problem(
                pos.value("id"),
                f"metric id {shown}: an id is required, made of letters, digits and _ "
                f"(not starting with a digit, at most {MAX_ID_LENGTH} characters)",
                "id",
            )
            return None
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            self.problem(pos.value("name"), f"metric {metric_id!r}: a name (text in quotes) is required", "name")
            return None
        if len(name) > MAX_NAME_LENGTH:
            self.problem(pos.value("name"), f"metric {metric_id!r}, name: longer than {MAX_NAME_LENGTH:,} characters",
                         "name")
            return None
        metric = Metric(id=metric_id, name=name)
        for key, reader in self._field_readers():
            if key not in entry:
                continue
            try:
                reader(metric, entry[key])
            except FieldError as exc:
                self.problem(pos.value(key), f"metric {metric_id!r}, {key}: {exc}", key)
        if metric.kind is Kind.COUNT:
            for key in ("target", "actual"):
                value = getattr(metric, key)
                if value is not None and value < 0:
                    self.problem(pos.value(key), f"metric {metric_id!r}, {key}: a count cannot be negative", key)
                elif value is not None and value != value.to_integral_value():
                    self.problem(pos.value(key), f"metric {metric_id!r}, {key}: a count must be a whole number", key)
            for period, value in metric.actuals.items():
                if value < 0:
                    self.problem(pos.value(f"actuals.{period}"),
                                 f"metric {metric_id!r}, actuals.{period}: a count cannot be negative", "actuals")
        if metric.relation is Relation.FORMULA and not metric.formula:
            self.problem(pos.value("relation"), f'metric {metric_id!r}: relation "formula" needs a formula', "formula")
        return metric

    def _field_readers(self):
        def text(key: str, limit: int = MAX_TEXT_LENGTH):
            def read(metric: Metric, raw: Any) -> None:
                value = codec.read_text(raw)
                if len(value) > limit:
                    raise FieldError(f"longer than {limit:,} characters")
                setattr(metric, key, value)
            return read

        def amount(key: str):
            def read(metric: Metric, raw: Any) -> None:
                setattr(metric, key, codec.read_amount(raw))
            return read

        def rate(metric: Metric, raw: Any) -> None:
            metric.rate, metric.solve_rate = codec.read_rate(raw)

        def share(metric: Metric, raw: Any) -> None:
            metric.share = codec.read_fraction(raw)

        def choice(key: str, enum: type[Kind] | type[Better] | type[Relation]):
            def read(metric: Metric, raw: Any) -> None:
                setattr(metric, key, codec.read_enum(enum, raw))
            return read

        def formula(metric: Metric, raw: Any) -> None:
            from kpidesk.model import formula as formulas

            value = codec.read_text(raw)
            if len(value) > MAX_FORMULA_LENGTH:
                raise FieldError(f"longer than {MAX_FORMULA_LENGTH:,} characters")
            try:
                formulas.parse(value)
            except formulas.FormulaError as exc:
                raise FieldError(str(exc)) from None
            metric.formula = value

        def actuals(metric: Metric, raw: Any) -> None:
            if not isinstance(raw, dict):
                raise FieldError("expected a table of period = value, such as [metric.actuals]")
            metric.actuals = {str(k): codec.read_amount(v) for k, v in raw.items()}

        readers = [("kind", choice("kind", Kind)), ("better", choice("better", Better)),
                   ("relation", choice("relation", Relation)), ("unit", text("unit", 200))]
        readers += [("target", amount("target")), ("actual", amount("actual"))]
        readers += [("rate", rate), ("share", share), ("formula", formula), ("actuals", actuals)]
        readers += [(key, text(key)) for key in codec.TEXT_KEYS[2:]]
        return readers

    def _build_tree(self, plan, metrics, parents, where) -> None:
        by_id = {m.id: m for m in metrics}
        children: dict[str | None, list[Metric]] = {}
        for metric in metrics:
            parent = parents[metric.id]
            if parent is not None and parent not in by_id:
                self.problem(where[metric.id].value("parent"),
                             f"metric {metric.id!r}: parent {parent!r} is not the id of any metric", "parent")
                continue
            if parent == metric.id:
                self.problem(where[metric.id].value("parent"), f"metric {metric.id!r} is its own parent", "parent")
                continue
            children.setdefault(parent, []).append(metric)
        if self.problems:
            return
        state: dict[str, int] = {}
        for metric in metrics:
            chain, node = [], metric.id
            while node is not None and state.get(node) is None:
                state[node] = 1
                chain.append(node)
                node = parents[node]
            if node is not None and state.get(node) == 1 and node in chain:
                cycle = chain[chain.index(node):] + [node]
                self.problem(where[node].value("parent"),
                             f"metric {node!r}: the parents form a cycle: {' -> '.join(cycle)}", "parent")
            for item in chain:
                state[item] = 2
        if self.problems:
            return
        if not children.get(None):
            self.problem((1, 1), "the plan has no root: one metric must have no parent")
            return
        stack = [(m, None, 0) for m in reversed(children[None])]
        while stack:
            metric, parent, depth = stack.pop()
            if depth >= MAX_DEPTH:
                self.problem(where[metric.id].header, f"the tree is deeper than the limit of {MAX_DEPTH} levels")
                return
            plan.attach(metric, parent)
            stack.extend((c, metric, depth + 1) for c in reversed(children.get(metric.id, [])))

    def _check_references(self, plan: Plan, where) -> None:
        kgi = plan.info.get("kgi")
        if kgi and kgi not in plan.metrics:
            pos = (self.positions.plan or self.positions.top).value("kgi")
            self.problem(pos, f"plan.kgi: {kgi!r} is not the id of any metric", "kgi")
        from kpidesk.model import formula as formulas

        for metric in plan.metrics.values():
            if metric.formula:
                refs = formulas.references(formulas.parse(metric.formula))
                unknown = sorted(r for r in refs if r not in plan.metrics or r == metric.id)
                if unknown:
                    self.problem(where[metric.id].value("formula"),
                                 f"metric {metric.id!r}, formula: {', '.join(unknown)} is not another metric "
                                 "of this plan", "formula")


def read_plan(text: str, filename: str) -> tuple[Plan, SourceMap]:
    """Parse plan text; raises PlanFileError with every problem found."""
    prescan(text, filename)
    data = parse_toml(text, filename)
    positions = scan(text)
    return _Reader(data, positions, filename).read(), positions
