"""The KPI tree diagram: boxes, connectors and legend, drawn with any QPainter.

One drawing for the screen, the printer, PDF, PNG and SVG: the diagram is
measured once (box sizes from the fonts), laid out by :mod:`layout`, and
painted in points at the painter's origin; callers scale and clip.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan
from kpidesk.render import labels, palette
from kpidesk.render.layout import Layout, Node, Orientation, Rect, layout_tree
from kpidesk.render.text import Fonts, line_height, text_width, translate, wrap

PAD = 5.0
MIN_BOX_WIDTH = 92.0
MAX_BOX_WIDTH = 150.0
BAR_HEIGHT = 4.0
LEGEND_MIN_WIDTH = 280.0
MARKER = 2.2  # radius of the dot before a given target
GAPS = {  # sibling, subtree, level
    Orientation.TOP_DOWN: (12.0, 20.0, 34.0),
    Orientation.LEFT_TO_RIGHT: (10.0, 16.0, 72.0),
}



@dataclass
class Line:
    text: str
    font: QFont
    color: QColor
    marker: bool = False  # a dot before the text: the planner gave this value


@dataclass
class Box:
    metric: Metric
    lines: list[Line]
    progress: float | None
    width: float
    height: float
    is_kgi: bool = False
    edge_label: str = ""
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))


def edge_label(metric: Metric) -> str:
    """The text on the connector to the parent: the stage's rate or the share."""
    rate = labels.edge_rate(metric)
    if metric.solve_rate and rate is not None:
        return translate("KpiTreePrint", "rate {0} (solved)").format(labels.percent_text(rate, up=True))
    if rate is not None:
        return translate("KpiTreePrint", "rate {0}").format(labels.percent_text(rate))
    if metric.share is not None:
        return translate("KpiTreePrint", "share {0}").format(labels.percent_text(metric.share))
    return ""


def _box_lines(metric: Metric, fonts: Fonts, is_kgi: bool, inner: float) -> list[Line]:
    lines: list[Line] = []
    if is_kgi:
        lines.append(Line(translate("KpiTreePrint", "KGI"), fonts.small_bold, palette.KGI_BORDER))
    lines += [Line(text, fonts.name, palette.INK) for text in wrap(metric.name, fonts.name, inner)]
    computed = metric.computed
    unit = labels.unit_suffix(metric)
    target = translate("KpiTreePrint", "Target {0}").format(labels.target_text(metric) + unit)
    if metric.is_given:
        lines += [Line(t, fonts.body_bold, palette.INK, marker=i == 0)
                  for i, t in enumerate(wrap(target, fonts.body_bold, inner - 3 * MARKER))]
    else:
        lines += [Line(t, fonts.body_italic, palette.MUTED) for t in wrap(target, fonts.body_italic, inner)]
    gap = computed.gap
    if gap is not None and gap != 0:
        text = translate("KpiTreePrint", "Forecast {0} ({1})").format(
            labels.value_text(metric, computed.forecast), labels.signed_text(metric, gap))
        colour = palette.SHORT if metric.forecast_falls_short() else palette.MUTED
        lines += [Line(t, fonts.small, colour) for t in wrap(text, fonts.small, inner)]
    if metric.actual is not None:
        share = labels.progress(metric)
        text = translate("KpiTreePrint", "Actual {0}").format(labels.value_text(metric, metric.actual))
        if share is not None:
            text += "  " + labels.percent_text(share, decimals=0)
        lines += [Line(t, fonts.body, palette.INK) for t in wrap(text, fonts.body, inner)]
    return lines


class TreeDiagram:
    """A measured and laid-out KPI tree; ``paint`` draws it at the origin, in points."""

    def __init__(self, plan: Plan, orientation: Orientation = Orientation.TOP_DOWN, *,
                 title: str | None = None, legend: bool = True, fonts: Fonts | None = None) -> None:
        self.plan = plan
        self.orientation = orientation
        self.fonts = fonts or Fonts.default()
        self.title = title
        self.show_legend = legend
        kgi = plan.kgi
        self.boxes: dict[str, Box] = {}
        inner_max = MAX_BOX_WIDTH - 2 * PAD
        for metric in plan.walk():
            is_kgi = metric is kgi
            lines = _box_lines(metric, self.fonts, is_kgi, inner_max)
            widest = max(text_width(line.font, line.text) + (3 * MARKER if line.marker else 0) for line in lines)
            exact_progress = labels.progress(metric)
            progress = float(exact_progress) if exact_progress is not None else None  # the bar's length only
            height = sum(line_height(line.font) for line in lines) + 2 * PAD
            if progress is not None:
                height += BAR_HEIGHT + 3
            width = min(MAX_BOX_WIDTH, max(MIN_BOX_WIDTH, widest + 2 * PAD + 1))
            self.boxes[metric.id] = Box(metric, lines, progress, width, height, is_kgi, edge_label(metric))
        self.layout = self._layout()
        self.title_height = line_height(self.fonts.title) + 8 if title else 0.0
        self.legend_items = self._legend_items() if legend else []
        title_width = text_width(self.fonts.title, title) if title else 0.0
        self.width = max(self.layout.width, title_width, max((w for _, w in self.legend_items), default=0.0))
        self.legend_rows = self._legend_rows(max(self.width, LEGEND_MIN_WIDTH))
        self.width = max(self.width, max((sum(w for _, w in row) for row in self.legend_rows), default=0.0))
        self.legend_height = len(self.legend_rows) * line_height(self.fonts.small) + 8 if legend else 0.0
        self.height = self.title_height + self.layout.height + self.legend_height

    def _layout(self) -> Layout:
        nodes: dict[str, Node] = {}
        roots: list[Node] = []
        for metric in self.plan.walk():
            box = self.boxes[metric.id]
            node = nodes[metric.id] = Node(metric.id, box.width, box.height)
            (nodes[metric.parent.id].children if metric.parent else roots).append(node)
        sibling, subtree, level = GAPS[self.orientation]
        layout = layout_tree(roots, self.orientation, sibling_gap=sibling, subtree_gap=subtree, level_gap=level)
        for key, rect in layout.rects.items():
            self.boxes[key].rect = rect  # type: ignore[index]
        return layout

    def box_at(self, x: float, y: float) -> Box | None:
        """The box under a point of the drawing (for the screen: clicks and tool tips)."""
        y -= self.title_height
        for box in self.boxes.values():
            r = box.rect
            if r.x <= x <= r.right and r.y <= y <= r.bottom:
                return box
        return None

    # ---- painting ---------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if self.title:
            painter.setFont(self.fonts.title)
            painter.setPen(palette.INK)
            painter.drawText(QPointF(0, line_height(self.fonts.title) - 3), self.title)
        painter.translate(0, self.title_height)
        for box in self.boxes.values():
            if box.metric.parent is not None:
                self._paint_edge(painter, self.boxes[box.metric.parent.id], box)
        for box in self.boxes.values():
            self._paint_box(painter, box)
        painter.translate(0, self.layout.height)
        if self.legend_items:
            self._paint_legend(painter)
        painter.restore()

    def _paint_edge(self, painter: QPainter, parent: Box, child: Box) -> None:
        p, c = parent.rect, child.rect
        level = GAPS[self.orientation][2]
        path = QPainterPath()
        if self.orientation is Orientation.TOP_DOWN:
            mid = c.y - level / 2
            path.moveTo(p.center_x, p.bottom)
            path.lineTo(p.center_x, mid)
            path.lineTo(c.center_x, mid)
            path.lineTo(c.center_x, c.y)
            label_at = QPointF(c.center_x + 3, c.y - 3)
        else:
            mid = c.x - level + 6
            path.moveTo(p.right, p.center_y)
            path.lineTo(mid, p.center_y)
            path.lineTo(mid, c.center_y)
            path.lineTo(c.x, c.center_y)
            label_at = QPointF(mid + 4, c.center_y - 3)
        painter.setPen(QPen(palette.EDGE, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if child.edge_label:
            painter.setFont(self.fonts.small)
            painter.setPen(palette.RATE)
            painter.drawText(label_at, child.edge_label)

    def _paint_box(self, painter: QPainter, box: Box) -> None:
        r = QRectF(box.rect.x, box.rect.y, box.rect.width, box.rect.height)
        painter.setPen(QPen(palette.KGI_BORDER if box.is_kgi else palette.BOX_BORDER, 1.6 if box.is_kgi else 0.7))
        painter.setBrush(palette.KGI_FILL if box.is_kgi else palette.PAPER)
        painter.drawRoundedRect(r, 3, 3)
        y = r.y() + PAD
        for line in box.lines:
            height = line_height(line.font)
            x = r.x() + PAD
            if line.marker:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(line.color)
                painter.drawEllipse(QPointF(x + MARKER, y + height / 2), MARKER, MARKER)
                x += 3 * MARKER
            painter.setFont(line.font)
            painter.setPen(line.color)
            painter.drawText(QRectF(x, y, r.right() - PAD - x + 1, height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line.text)
            y += height
        if box.progress is not None:
            bar = QRectF(r.x() + PAD, y + 2, r.width() - 2 * PAD, BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.BAR_BACK)
            painter.drawRect(bar)
            painter.setBrush(palette.TARGET_MET if box.progress >= 1 else palette.BELOW_TARGET)
            painter.drawRect(QRectF(bar.x(), bar.y(), bar.width() * max(0.0, min(1.0, box.progress)), BAR_HEIGHT))

    def _legend_items(self) -> list[tuple[str, float]]:
        small = self.fonts.small
        texts = [
            translate("KpiTreePrint", "Bold with a dot: target given by the planner"),
            translate("KpiTreePrint", "Grey italics: derived"),
            translate("KpiTreePrint", "Bar: actual against target"),
            translate("KpiTreePrint", "On the lines: rate or share to the box above"),
        ]
        return [(text, text_width(small, text) + 3 * MARKER + 16) for text in texts]

    def _legend_rows(self, width: float) -> list[list[tuple[str, float]]]:
        """The legend's items in rows no wider than the tree (or LEGEND_MIN_WIDTH)."""
        rows: list[list[tuple[str, float]]] = []
        for item in self.legend_items:
            if rows and sum(w for _, w in rows[-1]) + item[1] <= width:
                rows[-1].append(item)
            else:
                rows.append([item])
        return rows

    def _paint_legend(self, painter: QPainter) -> None:
        small = self.fonts.small
        height = line_height(small)
        top, x = 8.0 - height, 0.0
        for index, (text, width) in enumerate(self.legend_items):
            if any(row[0][0] == text for row in self.legend_rows):
                top, x = top + height, 0.0
            centre_y = top + height / 2
            painter.setPen(Qt.PenStyle.NoPen)
            if index == 0:
                painter.setBrush(palette.INK)
                painter.drawEllipse(QPointF(x + MARKER, centre_y), MARKER, MARKER)
            elif index == 1:
                painter.setBrush(palette.MUTED)
                painter.drawRect(QRectF(x, centre_y - 0.5, 2 * MARKER, 1))
            elif index == 2:
                painter.setBrush(palette.BELOW_TARGET)
                painter.drawRect(QRectF(x, centre_y - 2, 2 * MARKER, BAR_HEIGHT))
            else:
                painter.setPen(QPen(palette.EDGE, 0.8))
                painter.drawLine(QLineF(x, centre_y, x + 2 * MARKER, centre_y))
            font = small
            if index == 1:
                font = QFont(small)
                font.setItalic(True)
            painter.setFont(font)
            painter.setPen(palette.MUTED if index == 1 else palette.INK)
            painter.drawText(QRectF(x + 3 * MARKER, top, width, height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            x += width
