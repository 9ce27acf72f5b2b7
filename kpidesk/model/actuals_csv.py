"""Actuals per period from the CSV file a spreadsheet, a CRM or an analytics tool exports.

Planners do not write these files for kpidesk: Japanese Excel saves Shift_JIS
(cp932), a European one separates with semicolons, an analytics tool writes one
row per month, a report one column per month headed ``2026年4月``. So the
reader takes what they hold as they hold it:

* long form: a metric, a period and a value per row, with a header naming the
  columns (``metric``/``指標``, ``period``/``月``, ``value``/``実績``...) or
  without one;
* wide form: a metric column, then one column per period (``2026-04``,
  ``2026/04``, ``2026年4月``; :func:`~kpidesk.model.periods.parse_period`);
* metrics by id or by name; numbers with thousands separators or in
  full-width digits; UTF-8 with or without a byte-order mark, cp932, or
  UTF-16 with its mark (Excel's "Unicode text"); commas, semicolons or tabs.

It is all or nothing: every value is checked by the rules the plan file has
(a count is whole, not negative, within the limits), and any bad cell refuses
the whole file, naming each bad cell's row, column and value, so a half
imported month never reaches a plan. Pure Python, no Qt: the command line
applies the result as one undoable edit (:func:`import_edit`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kpidesk.model import schema
from kpidesk.model.edits import Composite, Edit, SetPeriodValues
from kpidesk.model.limits import MAX_FILE_BYTES
from kpidesk.model.metric import Metric
from kpidesk.model.numbers import parse_amount
from kpidesk.model.periods import parse_period
from kpidesk.model.plan import Plan
from kpidesk.model.reasons import Reason, ReasonError, Translate, reason, reason_of

#: Bad cells listed at most; the rest are counted (a wrong file can have thousands).
MAX_PROBLEMS = 20
#: Header names of the long form's columns, as :func:`_word` normalises them.
HEADER_WORDS: dict[str, frozenset[str]] = {
    "metric": frozenset({"metric", "metric id", "metric_id", "id", "name", "kpi", "指標", "指標名"}),
    "period": frozenset({"period", "month", "week", "期間", "月", "年月"}),
    "value": frozenset({"value", "actual", "actuals", "実績", "実績値", "値"}),
}
ROLES = ("metric", "period", "value")
#: Byte-order marks and the encodings they announce (Excel's "Unicode text" is UTF-16).
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
DELIMITERS = (",", ";", "\t")

Actuals = dict[str, dict[str, Decimal]]


@dataclass(frozen=True)
class CellProblem:
    """What is wrong at ``row`` (the line, 1-based) and ``column`` (the cell, 1-based) of the CSV file."""

    row: int
    column: int
    reason: Reason

    def text(self, translate: Translate | None = None) -> str:
        return self.reason.text(translate)

    def format(self, filename: str, translate: Translate | None = None) -> str:
        return f"{filename}:{self.row}:{self.column}: error: {self.text(translate)}"


class ActualsCsvError(ReasonError):
    """A CSV file of actuals that is not imported: ``problems`` lists its bad cells (``more`` counts the rest)."""

    def __init__(self, problems: list[CellProblem], more: int = 0) -> None:
        super().__init__(problems[0].reason)
        self.problems = problems
        self.more = more

    def lines(self, filename: str, translate: Translate | None = None) -> list[str]:
        """One ``FILE:ROW:COLUMN: error: text`` line per problem (English unless ``translate`` is given)."""
        lines = [problem.format(filename, translate) for problem in self.problems]
        if self.more:
            lines.append(f"{filename}: error: {reason('csv_more_problems', count=self.more).text(translate)}")
        return lines


def _fail(row: int, column: int, why: Reason) -> ActualsCsvError:
    return ActualsCsvError([CellProblem(row, column, why)])


# ---- bytes to rows ----------------------------------------------------------------------------
def decode(data: bytes) -> str:
    """The text of the file: by its byte-order mark, else UTF-8, else cp932 (Shift_JIS as Windows writes it)."""
    if len(data) > MAX_FILE_BYTES:
        raise _fail(1, 1, reason("file_too_large", size=len(data), limit=MAX_FILE_BYTES))
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise _not_text(data[len(bom):], exc.start, len(bom)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as not_utf8:
        try:
            return _cp932(data)
        except UnicodeDecodeError as not_cp932:  # the byte where the one that read further stopped
            raise _not_text(data, max(not_utf8.start, not_cp932.start)) from None


#: What Python's cp932 makes of bytes that Shift_JIS text does not hold: 0x80, 0xA0 and 0xFD-0xFF
#: alone (U+0080, U+F8F0-U+F8F3), and user-defined characters (U+E000-U+F8FF), which no export writes.
_NOT_SHIFT_JIS = re.compile("[\u0080-\u009f\ue000-\uf8ff]")


def _cp932(data: bytes) -> str:
    text = data.decode("cp932")
    odd = _NOT_SHIFT_JIS.search(text)
    if odd is not None:
        offset = len(text[: odd.start()].encode("cp932"))
        raise UnicodeDecodeError("cp932", data, offset, offset + 1, "not Shift_JIS text")
    return text


def _not_text(text: bytes, offset: int, bom: int = 0) -> ActualsCsvError:
    """The problem of a byte that is no character: its line and column in the text, its offset in the file."""
    line = text.count(b"\n", 0, offset) + 1
    column = offset - (text.rfind(b"\n", 0, offset) + 1) + 1
    return _fail(line, column, reason("csv_not_text", byte=f"0x{text[offset]:02x}", offset=bom + offset))


def delimiter(line: str) -> str:
    """The separator a line uses most outside quotes: a comma, a semicolon or a tab (a comma when none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for character in line:
        if character == '"':
            quoted = not quoted
        elif not quoted and character in counts:
            counts[character] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # the first of equals: a comma
    return best if counts[best] else ","


def rows(text: str) -> list[tuple[int, list[str]]]:
    """The rows that hold something, each with the line it starts on and its cells stripped of spaces."""
    first = next((line for line in io.StringIO(text) if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(first))
    found: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            cells = [cell.strip() for cell in record]
            if any(cells):
                found.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:  # a field over the csv module's size limit, an unclosed quote in strict files
        raise _fail(line, 1, reason("csv_invalid", detail=str(exc))) from None
    return found


# ---- metrics by id or name ------------------------------------------------------------------------
def _word(text: str) -> str:
    """A name as people mistype it the same way: full-width letters, case and spacing do not count."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class MetricNames:
    """Finds a metric by its id, then its exact name, then its name or id with case, width and spacing ignored."""

    def __init__(self, plan: Plan) -> None:
        self.metrics = plan.metrics
        self.exact: dict[str, list[str]] = {}
        self.loose: dict[str, list[str]] = {}
        for metric in plan.walk():
            self.exact.setdefault(metric.name, []).append(metric.id)
            for text in {_word(metric.name), _word(metric.id)}:
                self.loose.setdefault(text, []).append(metric.id)

    def find(self, text: str) -> str:
        """The id of the metric ``text`` names; ReasonError when none or several do."""
        if text in self.metrics:
            return text
        ids = self.exact.get(text) or self.loose.get(_word(text)) or []
        if len(ids) > 1:
            raise ReasonError("csv_ambiguous_name", ids=tuple(ids))
        if not ids:
            raise ReasonError("csv_unknown_metric")
        return ids[0]


# ---- the reader -----------------------------------------------------------------------------------
@dataclass
class _Reader:
    """Collects values and problems cell by cell, so that every bad cell is named, not only the first."""

    plan: Plan
    names: MetricNames
    values: Actuals = field(default_factory=dict)
    first_line: dict[tuple[str, str], int] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    more: int = 0

    def problem(self, row: int, column: int, why: Reason) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(CellProblem(row, column, why))
        else:
            self.more += 1

    def metric(self, row: int, column: int, header: str, text: str) -> str | None:
        """The id of the row's metric, or None after noting why there is none."""
        try:
            if not text:
                raise ReasonError("csv_metric_missing")
            return self.names.find(text)
        except ReasonError as exc:
            self.problem(row, column, exc.reason.inside("in_csv_cell", header=header, value=text))
            return None

    def value(self, row: int, column: int, header: str, metric_id: str, period: str, text: str) -> None:
        """Read and check one value of ``metric_id`` for ``period`` (a period key) by the plan file's rules."""
        metric = self.plan.metrics[metric_id]
        try:
            if not text:
                raise ReasonError("csv_value_missing")
            number = parse_amount(text)
            _check(metric, period, number)
            first = self.first_line.setdefault((metric_id, period), row)
            if first != row:
                raise ReasonError("csv_twice", period=period, first_line=first)
        except ValueError as exc:
            self.problem(row, column, reason_of(exc).inside("in_csv_cell_metric", header=header, metric=metric_id,
                                                            value=text))
            return
        self.values.setdefault(metric_id, {})[period] = number

    def result(self) -> Actuals:
        if self.problems:
            raise ActualsCsvError(self.problems, self.more)
        if not self.values:
            raise _fail(1, 1, reason("csv_no_values"))
        return self.values


def _check(metric: Metric, period: str, number: Decimal) -> None:
    """The rules a value of ``[metric.actuals]`` meets in the file: within the limits, counts whole, not below 0."""
    schema.check(schema.BY_NAME["actuals"], {period: number})
    values = schema.values_of(metric)
    values["actuals"] = {period: number}
    for rule in schema.metric_problems(values):
        if rule.field == "actuals":
            raise ReasonError(rule.why)


def _trimmed(cells: list[str]) -> list[str]:
    """A row without the empty cells a spreadsheet leaves at its end (``visits,5,,,``)."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _period_key(text: str) -> str | None:
    try:
        return parse_period(text).key
    except ValueError:
        return None


def _is_number(text: str) -> bool:
    try:
        parse_amount(text)
    except ValueError:
        return False
    return True


def _roles(header: list[str]) -> dict[str, int] | None:
    """The column of each of metric, period and value when the header names all three (the first of each)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        word = _word(cell)
        for role in ROLES:
            if word in HEADER_WORDS[role] and role not in found:
                found[role] = index
    return found if len(found) == len(ROLES) else None


def _long(reader: _Reader, body: Iterable[tuple[int, list[str]]], roles: dict[str, int], headers: list[str],
          width: int) -> None:
    metric_at, period_at, value_at = (roles[role] for role in ROLES)
    for row, whole in body:
        cells = _trimmed(whole)

        def cell(index: int, cells: list[str] = cells) -> str:
            return cells[index] if index < len(cells) else ""

        if len(cells) > width:
            reader.problem(row, width + 1, reason("csv_extra_cell", value=cells[width]))
            continue
        metric_id = reader.metric(row, metric_at + 1, headers[metric_at], cell(metric_at))
        period_text = cell(period_at)
        try:
            if not period_text:
                raise ReasonError("csv_period_missing")
            period = parse_period(period_text).key
        except ValueError as exc:
            reader.problem(row, period_at + 1, reason_of(exc).inside("in_csv_cell", header=headers[period_at],
                                                                     value=period_text))
            continue
        if metric_id is not None:
            reader.value(row, value_at + 1, headers[value_at], metric_id, period, cell(value_at))


def _wide(reader: _Reader, header_row: int, header: list[str], body: list[tuple[int, list[str]]]) -> None:
    periods: dict[int, str] = {}  # column index -> period key
    first_column: dict[str, int] = {}
    for index, text in enumerate(header[1:], start=1):
        if not text:
            continue  # a column without a header: any value in it is reported below
        try:
            key = parse_period(text).key
            first = first_column.setdefault(key, index + 1)
            if first != index + 1:
                raise ReasonError("csv_period_column_twice", period=key, first_column=first)
            periods[index] = key
        except ValueError as exc:
            reader.problem(header_row, index + 1, reason_of(exc).inside("in_csv_cell", header=text, value=text))
    width = len(header)  # as the file has it: a header may end in empty cells, whose columns hold no period
    for row, whole in body:
        cells = _trimmed(whole)
        if len(cells) > width:
            reader.problem(row, width + 1, reason("csv_extra_cell", value=cells[width]))
            continue
        filled = [(index, text) for index, text in enumerate(cells[1:], start=1) if text]
        if not filled:
            continue  # a metric without values this time: nothing to import
        metric_id = reader.metric(row, 1, header[0], cells[0])
        for index, text in filled:
            if not header[index]:
                reader.problem(row, index + 1, reason("csv_header_missing", value=text))
            elif metric_id is not None and index in periods:
                reader.value(row, index + 1, header[index], metric_id, periods[index], text)


def read_actuals(data: bytes, plan: Plan) -> Actuals:
    """``{metric id: {period key: value}}`` from the bytes of a CSV file, in the file's order.

    Raises :class:`ActualsCsvError` naming every bad cell (the first :data:`MAX_PROBLEMS`);
    then nothing of the file may be used.
    """
    found = rows(decode(data))
    if not found:
        raise _fail(1, 1, reason("csv_empty"))
    reader = _Reader(plan, MetricNames(plan))
    header_row, header = found[0]
    first = _trimmed(header)
    roles = _roles(first)
    if roles is not None:
        _long(reader, found[1:], roles, header, len(header))
    elif len(first) == 3 and _period_key(first[1]) is not None and _is_number(first[2]):
        _long(reader, found, dict(zip(ROLES, range(3), strict=True)), list(ROLES), 3)  # rows without a header
    elif any(_period_key(text) is not None for text in first[1:]):
        _wide(reader, header_row, header, found[1:])
    else:
        raise _fail(header_row, 1, reason("csv_layout"))
    return reader.result()


# ---- what an import changes --------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportSummary:
    """What importing ``values`` does to a plan: how many values, metrics and periods, and which are new."""

    values: int
    metrics: int
    first: str
    last: str
    changed: int
    new: int
    unchanged: int


def summarize(plan: Plan, actuals: Actuals) -> ImportSummary:
    """Count what an import changes, against the plan before it is applied."""
    changed = new = unchanged = 0
    periods: set[str] = set()
    for metric_id, values in actuals.items():
        before = plan.metrics[metric_id].actuals
        for period, value in values.items():
            periods.add(period)
            if period not in before:
                new += 1
            elif before[period] == value:
                unchanged += 1
            else:
                changed += 1
    ordered = sorted(periods, key=parse_period)
    return ImportSummary(changed + new + unchanged, len(actuals), ordered[0] if ordered else "",
                         ordered[-1] if ordered else "", changed, new, unchanged)


def import_edit(actuals: Actuals, label: str = "Import actuals") -> Composite:
    """The import as one undoable edit: each metric's periods set at once."""
    edits: list[Edit] = [SetPeriodValues(metric_id, "actuals", dict(values)) for metric_id, values in actuals.items()]
    return Composite(edits, label)


__all__ = [
    "ActualsCsvError", "CellProblem", "ImportSummary", "MetricNames", "MAX_PROBLEMS", "decode", "delimiter",
    "import_edit", "read_actuals", "rows", "summarize",
]
