"""The printed metrics table of the meeting packet: columns, wrapping and page breaks.

Rows are measured before anything is painted, so the packet knows its page
count ("page x of y") up front. The header row repeats on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen

from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan
from kpidesk.render import labels, palette
from kpidesk.render.text import line_height, make_font, text_width, translate, wrap

CELL_PAD = 2.5
INDENT = 6.0
MAX_INDENT = 36.0
NATURAL = (1, 2, 3, 4, 5, 8)  # columns sized to their content: target, unit, given, forecast, actual, interval
MAX_NATURAL = 90.0


def columns() -> list[tuple[str, float]]:
    """(heading, relative width) of the table's columns."""
    return [
        (translate("KpiTreePrint", "Metric"), 3.0),
        (translate("KpiTreePrint", "Target"), 1.7),
        (translate("KpiTreePrint", "Unit"), 1.0),
        (translate("KpiTreePrint", "Given/derived"), 1.2),
        (translate("KpiTreePrint", "Forecast"), 1.7),
        (translate("KpiTreePrint", "Actual"), 1.5),
        (translate("KpiTreePrint", "Owner"), 1.8),
        (translate("KpiTreePrint", "Data source"), 2.6),
        (translate("KpiTreePrint", "Interval"), 1.1),
        (translate("KpiTreePrint", "Countermeasure"), 3.2),
    ]


def cells(metric: Metric) -> list[str]:
    computed = metric.computed
    return [
        metric.name,
        labels.target_text(metric),
        metric.unit,
        translate("KpiTreePrint", "given") if metric.is_given else translate("KpiTreePrint", "derived"),
        labels.value_text(metric, computed.forecast),
        labels.value_text(metric, metric.actual) if metric.actual is not None else "",
        metric.owner,
        metric.source,
        metric.interval,
        metric.countermeasure,
    ]


@dataclass
class Row:
    lines: list[list[str]]  # per column, the wrapped lines
    height: float
    indent: float = 0.0
    header: bool = False


class MetricsTable:
    """The table measured for a page width, split into pages of ``page_height``."""

    def __init__(self, plan: Plan, width: float, page_height: float) -> None:
        self.font = make_font(7)
        self.bold = make_font(7, bold=True)
        self.title_font = make_font(10, bold=True)
        specs = columns()
        rows_text = [cells(m) for m in plan.walk()]
        self.widths = self._widths(specs, rows_text, width)
        self.width = width
        self.line = line_height(self.font)
        self.title_height = line_height(self.title_font) + 6
        self.header = self._row([heading for heading, _ in specs], self.bold, 0.0, header=True)
        rows = [self._row(texts, self.font, min(MAX_INDENT, m.depth * INDENT))
                for m, texts in zip(plan.walk(), rows_text, strict=True)]
        self.pages: list[list[Row]] = []
        current: list[Row] = []
        used = self.title_height + self.header.height
        for row in rows:
            if current and used + row.height > page_height:
                self.pages.append(current)
                current, used = [], self.header.height
            current.append(row)
            used += row.height
        self.pages.append(current)

    def _widths(self, specs: list[tuple[str, float]], rows: list[list[str]], width: float) -> list[float]:
        """Short columns (numbers, units) as wide as their widest cell; text columns share the rest."""
        widths = [0.0] * len(specs)
        for index in NATURAL:
            words = [w for w in specs[index][0].replace("/", "/ ").split()] or [""]
            widest = max([text_width(self.bold, w) for w in words] + [text_width(self.font, r[index]) for r in rows])
            widths[index] = min(widest + 2 * CELL_PAD + 1, MAX_NATURAL)
        free = [i for i in range(len(specs)) if i not in NATURAL]
        room = max(width - sum(widths), 40.0 * len(free))
        weight = sum(specs[i][1] for i in free)
        for index in free:
            widths[index] = room * specs[index][1] / weight
        return widths

    def _row(self, texts: list[str], font: QFont, indent: float, header: bool = False) -> Row:
        lines = []
        for index, (text, width) in enumerate(zip(texts, self.widths, strict=True)):
            room = width - 2 * CELL_PAD - (indent if index == 0 else 0.0)
            lines.append(wrap(text, font, max(room, 10.0)))
        height = max(len(cell) for cell in lines) * line_height(font) + 2 * CELL_PAD
        return Row(lines, height, indent, header)

    def paint_page(self, painter: QPainter, index: int) -> None:
        painter.save()
        y = 0.0
        if index == 0:
            painter.setFont(self.title_font)
            painter.setPen(palette.INK)
            painter.drawText(QRectF(0, 0, self.width, self.title_height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                             translate("KpiTreePrint", "Metrics"))
            y = self.title_height
        for row in [self.header, *self.pages[index]]:
            self._paint_row(painter, row, y)
            y += row.height
        painter.restore()

    def _paint_row(self, painter: QPainter, row: Row, y: float) -> None:
        if row.header:
            painter.fillRect(QRectF(0, y, self.width, row.height), palette.HEADER_FILL)
        painter.setPen(QPen(palette.RULE, 0.5))
        painter.drawLine(QLineF(0, y + row.height, self.width, y + row.height))
        painter.setFont(self.bold if row.header else self.font)
        painter.setPen(palette.INK)
        x = 0.0
        right_aligned = {1, 4, 5}
        for index, (cell, width) in enumerate(zip(row.lines, self.widths, strict=True)):
            indent = row.indent if index == 0 else 0.0
            align = Qt.AlignmentFlag.AlignRight if index in right_aligned and not row.header \
                else Qt.AlignmentFlag.AlignLeft
            for number, text in enumerate(cell):
                rect = QRectF(x + CELL_PAD + indent, y + CELL_PAD + number * self.line,
                              width - 2 * CELL_PAD - indent, self.line)
                painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
            x += width
