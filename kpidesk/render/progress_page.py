"""The progress page of the meeting packet: the plan as of a month, for the Check and Act of PDCA.

It holds the as-of date, a table of every metric with its target and actual
to date, progress and status (a coloured dot and the status word, so it reads
in black and white too), the bottleneck in sentences, and the countermeasures
of the metrics that are behind, which the meeting is to start. The numbers and
words are those of ``kpidesk track`` for the same as-of date (one model, one
rounding). Long plans run over several pages, the table's header repeated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from kpidesk.model.bottleneck import find_bottleneck
from kpidesk.model.display import percent_text, value_text
from kpidesk.model.exact import Fraction
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan
from kpidesk.model.tracking import Progress, Status, Tracking, track
from kpidesk.model.tracking_text import bottleneck_lines, status_text
from kpidesk.render import palette
from kpidesk.render.text import line_height, make_font, text_width, translate, wrap

CELL_PAD = 2.5
INDENT = 6.0
MAX_INDENT = 36.0
DOT = 5.0  # points across a status dot
SECTION_GAP = 10.0

#: The status colours on paper: green met or ahead, amber a warning, red behind, grey no data.
STATUS_INK = {Status.AHEAD: palette.TARGET_MET, Status.ON_TRACK: palette.TARGET_MET,
              Status.WARNING: palette.BELOW_TARGET, Status.BEHIND: palette.SHORT, Status.NO_DATA: palette.MUTED}

Paint = Callable[[QPainter, float], None]  # paints a block at a y; returns nothing


@dataclass
class Block:
    """One piece of the page's flow: its height and how to paint it at a y."""

    height: float
    paint: Paint
    header: bool = False  # the table's header row: repeated at the top of a page the table goes on to
    row: bool = False  # a row of the table (a page that starts with one starts with the header)


def as_of_text(tracking: Tracking, month: bool) -> str:
    """``2026-06`` for a month's end chosen as the as-of, else the date."""
    day = tracking.as_of
    if month:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


class ProgressReport:
    """The progress page(s) of a plan as of ``as_of``, measured for a page of width x height points."""

    def __init__(self, plan: Plan, as_of: dt.date | None, width: float, height: float,
                 today: dt.date | None = None, month: bool | None = None) -> None:
        self.plan = plan
        self.tracking = track(plan, as_of, today=today)
        self.found = find_bottleneck(plan, self.tracking)
        if month is None:  # a month's last day stands for the month, as --as-of 2026-06 gives it
            month = (self.tracking.as_of + dt.timedelta(days=1)).day == 1
        self.as_of = as_of_text(self.tracking, month)
        self.width = width
        self.font, self.bold = make_font(7), make_font(7, bold=True)
        self.title_font, self.section_font = make_font(10, bold=True), make_font(8, bold=True)
        self.body = make_font(8)
        self.line = line_height(self.font)
        self.columns = self._columns()
        rows = [(m, self._cells(m, self.tracking[m.id])) for m in plan.walk()]
        self.widths = self._widths(rows)
        blocks = [self._title(), self._header()]
        blocks += [self._row(metric, cells) for metric, cells in rows]
        blocks += self._section(translate("KpiTreePrint", "Bottleneck"),
                                bottleneck_lines(plan, self.tracking, self.found, QCoreApplication.translate))
        blocks += self._section(translate("KpiTreePrint", "Countermeasures to start"), self.countermeasures())
        self.pages = self._paginate(blocks, height)

    # ---- what the page says ----------------------------------------------------------------------------
    def _columns(self) -> list[str]:
        return [translate("KpiTreePrint", "Metric"), translate("KpiTreePrint", "Target to date"),
                translate("KpiTreePrint", "Actual to date"), translate("KpiTreePrint", "Progress"),
                translate("KpiTreePrint", "Pace"), translate("KpiTreePrint", "Status")]

    def _value(self, metric: Metric, value: Fraction | None) -> str:
        return value_text(metric, value, self.plan.engine.currency_of(metric)) if value is not None else "-"

    def _cells(self, metric: Metric, seen: Progress) -> list[str]:
        return [metric.name, self._value(metric, seen.target_to_date), self._value(metric, seen.actual_to_date),
                percent_text(seen.progress) if seen.progress is not None else "-",
                self._value(metric, seen.pace), status_text(seen.status, QCoreApplication.translate)]

    def countermeasures(self) -> list[str]:
        """"Leads (Content team): Publish a new whitepaper..." for each metric behind that has a countermeasure."""
        lines = []
        for metric in self.plan.walk():
            if self.tracking[metric.id].status is not Status.BEHIND:
                continue
            if not metric.countermeasure:
                lines.append(translate("KpiTreePrint", "{0}: behind, and no countermeasure is written down.")
                             .format(metric.name))
            elif metric.owner:
                lines.append(translate("KpiTreePrint", "{0} ({1}): {2}").format(metric.name, metric.owner,
                                                                                metric.countermeasure))
            else:
                lines.append(translate("KpiTreePrint", "{0}: {1}").format(metric.name, metric.countermeasure))
        return lines or [translate("KpiTreePrint", "No metric is behind.")]

    # ---- measuring ---------------------------------------------------------------------------------
    def _widths(self, rows: list[tuple[Metric, list[str]]]) -> list[float]:
        """Numbers and status as wide as their widest cell; the names take the rest."""
        widths = [0.0] * len(self.columns)
        for index in range(1, len(self.columns)):
            widest = max([text_width(self.bold, self.columns[index])]
                         + [text_width(self.bold, cells[index]) for _metric, cells in rows])
            widths[index] = widest + 2 * CELL_PAD + (DOT + 3 if index == len(self.columns) - 1 else 0) + 1
        widths[0] = max(self.width - sum(widths), 80.0)
        return widths

    def _title(self) -> Block:
        height = line_height(self.title_font) + 4 + self.line + 6
        text = translate("KpiTreePrint", "Progress as of {0}").format(self.as_of)
        span = translate("KpiTreePrint", "Plan period {0} to {1}; to date means up to the end of the as-of "
                                         "period, as phased. On track from {2}, behind under {3}.").format(
            self.tracking.span.start.isoformat(), self.tracking.span.end.isoformat(),
            percent_text(self.tracking.thresholds.on_track), percent_text(self.tracking.thresholds.behind))

        def paint(painter: QPainter, y: float) -> None:
            painter.setPen(palette.INK)
            painter.setFont(self.title_font)
            painter.drawText(QRectF(0, y, self.width, line_height(self.title_font)),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            painter.setFont(self.font)
            painter.setPen(palette.MUTED)
            painter.drawText(QRectF(0, y + line_height(self.title_font) + 2, self.width, self.line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), span)

        return Block(height, paint)

    def _header(self) -> Block:
        height = self.line + 2 * CELL_PAD

        def paint(painter: QPainter, y: float) -> None:
            painter.fillRect(QRectF(0, y, self.width, height), palette.HEADER_FILL)
            self._cells_at(painter, y, self.columns, self.bold, 0.0, None)

        return Block(height, paint, header=True)

    def _row(self, metric: Metric, cells: list[str]) -> Block:
        height = self.line + 2 * CELL_PAD
        indent = min(MAX_INDENT, metric.depth * INDENT)
        status = self.tracking[metric.id].status
        font = self.bold if self.found is not None and metric.id == self.found.metric_id else self.font

        def paint(painter: QPainter, y: float) -> None:
            painter.setPen(QPen(palette.RULE, 0.5))
            painter.drawLine(QLineF(0, y + height, self.width, y + height))
            self._cells_at(painter, y, cells, font, indent, status)

        return Block(height, paint, row=True)

    def _cells_at(self, painter: QPainter, y: float, cells: list[str], font: QFont, indent: float,
                  status: Status | None) -> None:
        painter.setFont(font)
        x = 0.0
        last = len(cells) - 1
        for index, (text, width) in enumerate(zip(cells, self.widths, strict=True)):
            left = x + CELL_PAD + (indent if index == 0 else 0.0)
            room = width - 2 * CELL_PAD - (indent if index == 0 else 0.0)
            align = Qt.AlignmentFlag.AlignRight if 0 < index < last else Qt.AlignmentFlag.AlignLeft
            if index == last and status is not None:
                color = QColor(STATUS_INK[status])
                painter.setPen(QPen(color.darker(130), 0.4))
                painter.setBrush(color)
                painter.drawEllipse(QRectF(left, y + CELL_PAD + (self.line - DOT) / 2, DOT, DOT))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                left, room = left + DOT + 3, room - DOT - 3
            painter.setPen(palette.INK)
            shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(room) + 1)
            painter.drawText(QRectF(left, y + CELL_PAD, room, self.line),
                             int(align | Qt.AlignmentFlag.AlignVCenter), shown)
            x += width

    def _section(self, heading: str, lines: list[str]) -> list[Block]:
        blocks = []
        title_h = line_height(self.section_font) + SECTION_GAP

        def paint_heading(painter: QPainter, y: float) -> None:
            painter.setPen(palette.INK)
            painter.setFont(self.section_font)
            painter.drawText(QRectF(0, y + SECTION_GAP, self.width, line_height(self.section_font)),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), heading)

        blocks.append(Block(title_h, paint_heading))
        body_h = line_height(self.body)
        for line in lines:
            wrapped = wrap(line, self.body, self.width - 10)

            def paint_line(painter: QPainter, y: float, wrapped: list[str] = wrapped) -> None:
                painter.setPen(palette.INK)
                painter.setFont(self.body)
                for number, text in enumerate(wrapped):
                    painter.drawText(QRectF(10 if number else 0, y + number * body_h + 2, self.width - 10, body_h),
                                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                     ("\u2022 " if number == 0 else "") + text)

            blocks.append(Block(len(wrapped) * body_h + 3, paint_line))
        return blocks

    @staticmethod
    def _paginate(blocks: list[Block], height: float) -> list[list[tuple[float, Block]]]:
        """Blocks placed on pages (y, block); the table's header again on a page the table goes on to."""
        pages: list[list[tuple[float, Block]]] = [[]]
        header = next((b for b in blocks if b.header), None)
        y = 0.0
        for block in blocks:
            if pages[-1] and y + block.height > height:
                pages.append([])
                y = 0.0
                if block.row and header is not None:
                    pages[-1].append((y, header))
                    y += header.height
            pages[-1].append((y, block))
            y += block.height
        return pages

    def paint_page(self, painter: QPainter, index: int) -> None:
        painter.save()
        for y, block in self.pages[index]:
            block.paint(painter, y)
        painter.restore()


__all__ = ["ProgressReport", "STATUS_INK", "as_of_text"]
