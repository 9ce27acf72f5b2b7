"""The meeting packet on paper: the tree (fitted or tiled), the progress page, the funnel and the table.

Works on any QPagedPaintDevice (QPrinter for the print dialogs, QPdfWriter
for exports). Pages are planned before painting, so every footer can say
"page x of y". The painter is scaled so that one unit is one point.

A tree that fits only with text below ``MIN_TEXT_PT`` is tiled instead:
sheets at full size with an overlap band, dashed glue lines where the next
sheet goes, and crop marks where a sheet is cut.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPainter, QPen

from kpidesk.planfile import PlanFile
from kpidesk.render import palette
from kpidesk.render.diagram import TreeDiagram
from kpidesk.render.layout import Orientation
from kpidesk.render.painter import painting
from kpidesk.render.sheet import MetricsTable
from kpidesk.render.text import line_height, make_font, translate

MIN_TEXT_PT = 6.0  # smallest body text a fitted tree may have before it is tiled
MAX_FIT_SCALE = 1.5  # small trees grow at most this much to fill the page
OVERLAP = 24.0  # points repeated on neighbouring sheets when tiling (about 8.5 mm)
MARK_ROOM = 8.0  # room around a tile for crop marks
HEADER_H = 22.0
FOOTER_H = 16.0


@dataclass
class PacketOptions:
    """What goes into the printout; the CLI flags and the window's File menu set these."""

    orientation: Orientation = Orientation.TOP_DOWN
    tile: bool = False
    with_funnel: bool = False
    with_table: bool = False
    printed: datetime | None = None  # the date in the header (default: now)
    with_progress: bool = False  # the plan as of ``as_of``: status per KPI, the bottleneck, countermeasures
    as_of: date | None = None  # the progress page's as-of date (default: today, moved into the plan's period)


@dataclass
class Tiling:
    columns: int
    rows: int
    step_x: float
    step_y: float


@dataclass
class PacketPlan:
    """Pages of the packet, decided before painting."""

    pages: list[Callable[[QPainter], None]] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    scale: float = 1.0
    tiling: Tiling | None = None


def tiling_for(width: float, height: float, room_w: float, room_h: float, overlap: float = OVERLAP) -> Tiling:
    """How many sheets a drawing of width x height needs at full size."""
    step_x, step_y = room_w - overlap, room_h - overlap
    columns = 1 if width <= room_w else math.ceil((width - overlap) / step_x)
    rows = 1 if height <= room_h else math.ceil((height - overlap) / step_y)
    return Tiling(columns, rows, step_x, step_y)


def fit_scale(diagram: TreeDiagram, room_w: float, room_h: float) -> float:
    return min(room_w / max(diagram.width, 1.0), room_h / max(diagram.height, 1.0), MAX_FIT_SCALE)


def plan_packet(plan_file: PlanFile, options: PacketOptions, page_w: float, page_h: float) -> PacketPlan:
    """Decide the pages for a paint rect of page_w x page_h points."""
    packet = PacketPlan()
    room_w, room_h = page_w, page_h - HEADER_H - FOOTER_H
    diagram = TreeDiagram(plan_file.plan, options.orientation)
    scale = fit_scale(diagram, room_w, room_h)
    tile = options.tile or scale * diagram.fonts.body_points < MIN_TEXT_PT
    if not tile:
        packet.scale = scale

        def fitted(painter: QPainter) -> None:
            painter.translate((room_w - diagram.width * scale) / 2, 0)
            painter.scale(scale, scale)
            diagram.paint(painter)

        packet.pages.append(fitted)
        packet.footers.append("")
    else:
        inner_w, inner_h = room_w - 2 * MARK_ROOM, room_h - 2 * MARK_ROOM
        tiling = packet.tiling = tiling_for(diagram.width, diagram.height, inner_w, inner_h)
        for row in range(tiling.rows):
            for column in range(tiling.columns):
                packet.pages.append(_tile_painter(diagram, tiling, row, column, inner_w, inner_h))
                text = translate("KpiTreePrint", "Sheet row {0}, column {1} of {2} x {3}: tape along the dashed lines")
                packet.footers.append(text.format(row + 1, column + 1, tiling.rows, tiling.columns))
    if options.with_progress:
        from kpidesk.render.progress_page import ProgressReport

        report = ProgressReport(plan_file.plan, options.as_of, room_w, room_h)
        for index in range(len(report.pages)):
            packet.pages.append(lambda painter, index=index: report.paint_page(painter, index))
            packet.footers.append("")
    if options.with_funnel:
        from kpidesk.render.funnel import FunnelPicture

        funnel = FunnelPicture(plan_file.plan)
        height = min(room_h, funnel.height())
        packet.pages.append(lambda painter: funnel.paint(painter, QRectF(0, 0, room_w, height)))
        packet.footers.append("")
    if options.with_table:
        table = MetricsTable(plan_file.plan, room_w, room_h)
        for index in range(len(table.pages)):
            packet.pages.append(lambda painter, index=index: table.paint_page(painter, index))
            packet.footers.append("")
    return packet


def _tile_painter(diagram: TreeDiagram, tiling: Tiling, row: int, column: int,
                  inner_w: float, inner_h: float) -> Callable[[QPainter], None]:
    def paint(painter: QPainter) -> None:
        painter.translate(MARK_ROOM, MARK_ROOM)
        painter.save()
        painter.setClipRect(QRectF(0, 0, inner_w, inner_h))
        painter.translate(-column * tiling.step_x, -row * tiling.step_y)
        diagram.paint(painter)
        painter.restore()
        _tile_marks(painter, tiling, row, column, inner_w, inner_h)

    return paint


def _tile_marks(painter: QPainter, tiling: Tiling, row: int, column: int, w: float, h: float) -> None:
    """Crop marks at the sheet's corners; glue lines and a band where the next sheet overlaps."""
    painter.save()
    painter.setPen(QPen(palette.INK, 0.4))
    mark = MARK_ROOM - 2
    for x, y in ((0, 0), (w, 0), (0, h), (w, h)):
        dx = -1 if x == 0 else 1
        dy = -1 if y == 0 else 1
        painter.drawLine(QLineF(x + dx * 2, y, x + dx * (2 + mark), y))
        painter.drawLine(QLineF(x, y + dy * 2, x, y + dy * (2 + mark)))
    band = QColor(palette.GLUE)
    band.setAlpha(18)
    dashed = QPen(palette.GLUE, 0.6, Qt.PenStyle.DashLine)
    if column + 1 < tiling.columns:
        painter.fillRect(QRectF(w - OVERLAP, 0, OVERLAP, h), band)
        painter.setPen(dashed)
        painter.drawLine(QLineF(w - OVERLAP, -MARK_ROOM, w - OVERLAP, h + MARK_ROOM))
    if row + 1 < tiling.rows:
        painter.fillRect(QRectF(0, h - OVERLAP, w, OVERLAP), band)
        painter.setPen(dashed)
        painter.drawLine(QLineF(-MARK_ROOM, h - OVERLAP, w + MARK_ROOM, h - OVERLAP))
    painter.restore()


def _header(painter: QPainter, width: float, title: str, file_name: str, printed: datetime) -> None:
    bold, small = make_font(10, bold=True), make_font(7)
    painter.setPen(palette.INK)
    painter.setFont(bold)
    top = QRectF(0, 0, width * 0.6, line_height(bold))
    painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
    painter.setFont(small)
    painter.setPen(palette.MUTED)
    stamp = translate("KpiTreePrint", "{0}  printed {1}").format(file_name, printed.strftime("%Y-%m-%d %H:%M"))
    painter.drawText(QRectF(width * 0.35, 0, width * 0.65, line_height(bold)),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), stamp)
    painter.setPen(QPen(palette.RULE, 0.6))
    painter.drawLine(QLineF(0, HEADER_H - 6, width, HEADER_H - 6))


def _footer(painter: QPainter, width: float, y: float, text: str, number: int, total: int) -> None:
    small = make_font(7)
    painter.setFont(small)
    painter.setPen(palette.MUTED)
    rect = QRectF(0, y + 4, width, FOOTER_H - 4)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     translate("KpiTreePrint", "Page {0} of {1}").format(number, total))
    if text:
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


def _page_range(device: QPagedPaintDevice, total: int) -> tuple[int, int]:
    """The pages the print dialog asked for (QPrinter's "from" and "to"), else all."""
    first = getattr(device, "fromPage", lambda: 0)()
    last = getattr(device, "toPage", lambda: 0)()
    if first <= 0:
        return 1, total
    return max(1, first), min(total, last if last > 0 else total)


def paint_packet(device: QPagedPaintDevice, plan_file: PlanFile, options: PacketOptions) -> int:
    """Paint the whole packet on ``device``; returns the number of pages."""
    area = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    packet = plan_packet(plan_file, options, area.width(), area.height())
    title = str(plan_file.plan.info.get("title") or "") or Path(plan_file.name).stem
    file_name = Path(plan_file.name).name
    printed = options.printed or datetime.now()
    total = len(packet.pages)
    first, last = _page_range(device, total)
    with painting(device) as painter:
        for number, (page, footer) in enumerate(zip(packet.pages, packet.footers, strict=True), 1):
            if not first <= number <= last:
                continue
            if number > first:
                device.newPage()
            painter.save()
            painter.scale(device.logicalDpiX() / 72.0, device.logicalDpiY() / 72.0)
            _header(painter, area.width(), title, file_name, printed)
            _footer(painter, area.width(), area.height() - FOOTER_H, footer, number, total)
            painter.translate(0, HEADER_H)
            page(painter)
            painter.restore()
    return len(packet.pages)
