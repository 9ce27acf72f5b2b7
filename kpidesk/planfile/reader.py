"""Read a plan file into a Plan, or say precisely what is wrong and where.

Values are read with the standard library's fast ``tomllib``; the lossless
tomlkit document is only built when the plan is saved (see ``writer``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from decimal import Decimal
from typing import Any

from kpidesk.model import schema
from kpidesk.model.findings import ParamValue
from kpidesk.model.limits import (
    MAX_ABS_AMOUNT,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_ID_LENGTH,
    MAX_KEY_PARTS,
    MAX_METRICS,
    MAX_NESTING,
    MAX_TEXT_LENGTH,
)
from kpidesk.model.metric import ID_PATTERN, Metric
from kpidesk.model.numbers import NumberError, parse_rate
from kpidesk.model.plan import MULTILINE_INFO, Plan
from kpidesk.model.reasons import Reason, reason, reason_of
from kpidesk.planfile import codec
from kpidesk.planfile.codec import FieldError
from kpidesk.planfile.errors import PlanFileError, Problem, problem
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
        raise PlanFileError(filename, [problem(1, 1, "file_too_large", size=len(data), limit=MAX_FILE_BYTES)])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanFileError(filename, [problem(line, column, "not_utf8")]) from None


def _percent(text: str) -> bool:
    """Whether a tracking threshold reads as a percentage between 0 and 100 %."""
    try:
        parse_rate(text)
    except NumberError:
        return False
    return True


def _unsafe_text(value: str, key: str) -> Reason | None:
    """Why a plan-level text may not be read (a control character), or None."""
    try:
        schema.check_characters(value, multiline=key in MULTILINE_INFO)
    except ValueError as exc:
        return reason_of(exc)
    return None


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
        raise PlanFileError(filename, [problem(1, 1, "text_too_large", size=len(text), limit=MAX_FILE_BYTES)])
    for match in _DOTTED_RUN.finditer(text):
        after = text[match.end(): match.end() + 64].lstrip(" \t")
        if after[:1] in ("=", "]"):
            line, column = _position(text, match.start())
            raise PlanFileError(filename, [problem(line, column, "key_too_dotted", limit=MAX_KEY_PARTS)])
    opened = _OPEN_RUN.search(text)
    if opened:
        line, column = _position(text, opened.start())
        raise PlanFileError(filename, [problem(line, column, "brackets_too_deep", limit=MAX_NESTING)])


#: A number no plan holds, that the TOML parser itself cannot convert: an integer of more
#: digits than Python converts, an exponent beyond what a decimal holds.
_HUGE_NUMBER = re.compile(r"(?<![0-9_])[0-9][0-9_]{4000,}|[eE][+-]?[0-9_]{19,}")


def loads_toml(text: str) -> dict[str, Any]:
    """TOML to values, floats as the exact decimals they are written as (``0.1`` is 0.1, not 0.1000000000000000055)."""
    return tomllib.loads(text, parse_float=Decimal)


def parse_toml(text: str, filename: str) -> dict[str, Any]:
    try:
        return loads_toml(text)
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
        detail = _TOML_POSITION.sub("", _TOML_END.sub("", message)).strip()  # the parser's own words
        raise PlanFileError(filename, [problem(line, column, "toml_invalid", detail=detail)]) from None
    except RecursionError:
        raise PlanFileError(filename, [problem(1, 1, "toml_too_deep", limit=MAX_NESTING)]) from None
    except (ValueError, ArithmeticError):  # the parser's own conversion of a number failed
        found = _HUGE_NUMBER.search(text)
        line, column = _position(text, found.start()) if found else (1, 1)
        raise PlanFileError(filename, [problem(line, column, "number_beyond_any_range",
                                               limit=int(MAX_ABS_AMOUNT))]) from None


class _Reader:
    def __init__(self, data: dict[str, Any], positions: SourceMap, filename: str) -> None:
        self.data = data
        self.positions = positions
        self.filename = filename
        self.problems: list[Problem] = []

    def problem(self, pos: tuple[int, int], why: Reason | str, field: str | None = None,
                **params: ParamValue) -> None:
        """Note a problem at ``pos``: a reason, or a code and its parameters."""
        made = why if isinstance(why, Reason) else reason(why, **params)
        self.problems.append(Problem(pos[0], pos[1], made, field))

    def read(self, *, calculate: bool = True) -> Plan:
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
        if calculate:
            plan.engine.recalculate_all()
        return plan

    def _read_version(self) -> None:
        top = self.positions.top
        version = self.data.get("format_version")
        if version is None:
            return  # a hand-written file may leave it out; saving adds it
        if not isinstance(version, str) or not re.fullmatch(r"\d+(\.\d+)?", version.strip()):
            self.problem(top.value("format_version"), "version_not_text")
            return
        major = int(version.strip().split(".")[0])
        supported = int(codec.FORMAT_VERSION.split(".")[0])
        if major > supported:
            self.problem(top.value("format_version"), "version_newer", version=version,
                         supported=codec.FORMAT_VERSION)

    def _read_info(self, plan: Plan) -> None:
        info = self.data.get("plan", {})
        where = self.positions.plan or self.positions.top
        if not isinstance(info, dict):
            self.problem(self.positions.top.value("plan"), "plan_not_table")
            return
        for key in codec.INFO_TEXT_KEYS:
            if key in info:
                value = info[key]
                if not isinstance(value, str):
                    self.problem(where.value(key), reason("text_needed").inside("in_plan_key", key=key))
                elif len(value) > MAX_TEXT_LENGTH:
                    self.problem(where.value(key), reason("text_too_long", limit=MAX_TEXT_LENGTH).inside(
                        "in_plan_key", key=key))
                elif (unsafe := _unsafe_text(value, key)) is not None:
                    self.problem(where.value(key), unsafe.inside("in_plan_key", key=key))
                elif key in codec.INFO_PERCENT_KEYS and not _percent(value):
                    self.problem(where.value(key), reason("threshold_percent", text=value).inside(
                        "in_plan_key", key=key))
                else:
                    plan.info[key] = value
        for key in codec.INFO_DATE_KEYS:
            if key in info:
                value = info[key]
                if not isinstance(value, (dt.date, str)) or isinstance(value, dt.datetime):
                    self.problem(where.value(key), reason("date_expected").inside("in_plan_key", key=key))
                else:
                    plan.info[key] = value

    def _read_metrics(self) -> tuple[list[Metric], dict[str, str | None], dict[str, TablePositions]]:
        entries = self.data.get("metric", [])
        top = self.positions.top
        if not isinstance(entries, list):
            self.problem(top.value("metric"), "metrics_not_array")
            return [], {}, {}
        if not entries:
            self.problem((1, 1), "no_metrics")
            return [], {}, {}
        if len(entries) > MAX_METRICS:
            self.problem((1, 1), "too_many_metrics", count=len(entries), limit=MAX_METRICS)
            return [], {}, {}
        metrics: list[Metric] = []
        parents: dict[str, str | None] = {}
        where: dict[str, TablePositions] = {}
        for index, entry in enumerate(entries):
            pos = self.positions.metric(index)
            if not isinstance(entry, dict):
                self.problem(pos.header, "metric_not_table")
                continue
            metric = self._read_metric(entry, pos)
            if metric is None:
                continue
            if metric.id in where:
                first = where[metric.id].value("id")
                self.problem(pos.value("id"), "duplicate_id", "id", id=metric.id, first_line=first[0])
                continue
            where[metric.id] = pos
            parent = entry.get("parent")
            if parent is not None and not isinstance(parent, str):
                self.problem(pos.value("parent"), "parent_not_text", "parent", metric=metric.id)
                continue
            parents[metric.id] = parent
            metrics.append(metric)
        return metrics, parents, where

    def _read_metric(self, entry: dict[str, Any], pos: TablePositions) -> Metric | None:
        metric_id = entry.get("id")
        if not isinstance(metric_id, str) or not ID_PATTERN.fullmatch(metric_id) or len(metric_id) > MAX_ID_LENGTH:
            if metric_id is None:
                self.problem(pos.value("id"), "id_missing", "id", limit=MAX_ID_LENGTH)
            else:
                self.problem(pos.value("id"), "id_invalid", "id", id=_plain(metric_id), limit=MAX_ID_LENGTH)
            return None
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            self.problem(pos.value("name"), reason("name_required").inside("in_metric", metric=metric_id), "name")
            return None
        try:
            codec.read_field("name", name)
        except FieldError as exc:
            self.problem(pos.value("name"), exc.reason.inside("in_metric_key", metric=metric_id, key="name"), "name")
            return None
        metric = Metric(id=metric_id, name=name)
        problems = len(self.problems)
        for field in schema.FIELDS:
            key = field.key
            if key is None or key not in entry or field.form in ("id", "parent", "name"):
                continue
            try:
                for attribute, value in codec.read_field(key, entry[key]).items():
                    setattr(metric, attribute, value)
            except FieldError as exc:
                period = exc.reason.params.get("period") if key in codec.TABLE_KEYS else None
                where = pos.key(f"{key}.{period}") if period is not None else pos.value(key)
                self.problem(where, exc.reason.inside("in_metric_key", metric=metric_id, key=key), key)
        if len(self.problems) > problems:
            return metric  # the rules between fields would judge defaults in place of what the file says
        for rule in schema.metric_problems(schema.values_of(metric)):
            self.problem(pos.value(rule.where), rule.why.inside("in_metric_key_value", metric=metric_id,
                                                                key=rule.where, value=rule.value), rule.field)
        return metric

    def _build_tree(self, plan: Plan, metrics: list[Metric], parents: dict[str, str | None],
                    where: dict[str, TablePositions]) -> None:
        by_id = {m.id: m for m in metrics}
        children: dict[str | None, list[Metric]] = {}
        for metric in metrics:
            parent = parents[metric.id]
            if parent is not None and parent not in by_id:
                self.problem(where[metric.id].value("parent"), reason("parent_unknown", parent=parent).inside(
                    "in_metric", metric=metric.id), "parent")
                continue
            if parent == metric.id:
                self.problem(where[metric.id].value("parent"), "own_parent", "parent", metric=metric.id)
                continue
            children.setdefault(parent, []).append(metric)
        if self.problems:
            return
        state: dict[str, int] = {}
        for metric in metrics:
            chain: list[str] = []
            node: str | None = metric.id
            while node is not None and state.get(node) is None:
                state[node] = 1
                chain.append(node)
                node = parents[node]
            if node is not None and state.get(node) == 1 and node in chain:
                cycle = chain[chain.index(node):] + [node]
                self.problem(where[node].value("parent"), reason("parent_cycle", cycle=tuple(cycle)).inside(
                    "in_metric", metric=node), "parent")
            for item in chain:
                state[item] = 2
        if self.problems:
            return
        if not children.get(None):
            self.problem((1, 1), "no_root")
            return
        stack: list[tuple[Metric, Metric | None, int]] = [(m, None, 0) for m in reversed(children[None])]
        while stack:
            metric, above, depth = stack.pop()
            if depth >= MAX_DEPTH:
                self.problem(where[metric.id].header, "tree_too_deep", metric=metric.id, limit=MAX_DEPTH)
                return
            plan.attach(metric, above)
            stack.extend((c, metric, depth + 1) for c in reversed(children.get(metric.id, [])))

    def _check_references(self, plan: Plan, where: dict[str, TablePositions]) -> None:
        kgi = plan.info.get("kgi")
        if kgi and kgi not in plan.metrics:
            pos = (self.positions.plan or self.positions.top).value("kgi")
            self.problem(pos, reason("unknown_id", id=kgi).inside("in_plan_key", key="kgi"), "kgi")
        for metric in plan.metrics.values():
            if metric.formula:
                unknown = schema.formula_unknown(metric.formula, metric.id, plan.metrics)
                if unknown:
                    why = reason("ids_not_metrics", ids=tuple(unknown))
                    self.problem(where[metric.id].value("formula"),
                                 why.inside("in_metric_key", metric=metric.id, key="formula"), "formula")


def _plain(value: object) -> ParamValue:
    """A value of the file as a parameter: text and numbers as they are, anything else as Python writes it."""
    if isinstance(value, (str, int, Decimal)):
        return value
    return repr(value)


def reread_plan(text: str, filename: str) -> Plan:
    """Read text kpidesk is about to write, by the reader's own rules, as cheaply as they allow.

    For the check before a save's rename: no positions (an error here is
    read again by :func:`read_plan` for its line and column) and no
    calculation (the inputs are compared, not the results).
    """
    prescan(text, filename)
    return _Reader(parse_toml(text, filename), SourceMap(), filename).read(calculate=False)


def read_plan(text: str, filename: str) -> tuple[Plan, SourceMap]:
    """Parse plan text; raises PlanFileError with every problem found."""
    prescan(text, filename)
    data = parse_toml(text, filename)
    positions = scan(text)
    return _Reader(data, positions, filename).read(), positions
