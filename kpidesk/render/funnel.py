"""The funnel picture for paper and PNG, drawn with QPainter.

Drawn here rather than grabbed from the window's pyqtgraph plot so that
exports and printouts need neither widgets nor pyqtgraph (whose import alone
takes longer than the whole PDF export).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPolygonF

from kpidesk.model.exact import Fraction
from kpidesk.model.funnel import Stage, funnel_of
from kpidesk.model.plan import Plan
from kpidesk.render import labels, palette
from kpidesk.render.text import line_height, make_font, metrics, translate


class FunnelPicture:
    """The stages of the KGI's funnel, widest first, as stacked trapezoids."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.stages: list[Stage] = funnel_of(plan)
        self.title_font = make_font(10, bold=True)
        self.font = make_font(8)
        self.bold = make_font(8, bold=True)
        self.small = make_font(7)

    def height(self, step: float = 48.0) -> float:
        """The height the picture needs at full size."""
        return line_height(self.title_font) + 6 + step * max(1, len(self.stages))

    def _widths(self, room: float) -> list[float]:
        """Bar widths: log-scaled targets, so 1,600 visits and 20 orders both stay visible."""
        values = [float(s.target) if s.target is not None and s.target > 0 else 1.0 for s in self.stages]
        top = max(values)
        low = min(values)
        span = math.log(top / low) if top > low else 1.0
        return [room * (0.25 + 0.75 * (math.log(v / low) / span if top > low else 1.0)) for v in values]

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.title_font)
        painter.setPen(palette.INK)
        title_h = line_height(self.title_font) + 6
        painter.drawText(QRectF(rect.x(), rect.y(), rect.width(), title_h),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         translate("KpiTreePrint", "Funnel"))
        if not self.stages:
            painter.setFont(self.font)
            painter.drawText(QRectF(rect.x(), rect.y() + title_h, rect.width(), 40),
                             int(Qt.AlignmentFlag.AlignLeft), translate("KpiTreePrint", "This plan has no funnel."))
            painter.restore()
            return
        label_w = min(200.0, rect.width() * 0.4)
        bar_room = rect.width() - label_w - 10
        count = len(self.stages)
        step = min(48.0, (rect.height() - title_h) / count)
        bar_h = step * 0.72
        widths = self._widths(bar_room)
        kgi = self.plan.kgi
        centre = rect.x() + bar_room / 2
        for index, stage in enumerate(self.stages):
            top = rect.y() + title_h + index * step
            width = widths[index]
            lower = widths[index + 1] if index + 1 < count else width * 0.8
            shape = QPolygonF([QPointF(centre - width / 2, top), QPointF(centre + width / 2, top),
                               QPointF(centre + lower / 2, top + bar_h), QPointF(centre - lower / 2, top + bar_h)])
            painter.setPen(palette.KGI_BORDER)
            painter.setBrush(palette.KGI_STAGE_FILL if stage.metric is kgi else palette.STAGE_FILL)
            painter.drawPolygon(shape)
            if stage.actual is not None and stage.target:
                share = max(0.0, min(1.0, float(Fraction(stage.actual) / stage.target)))  # bar length only
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.ACTUAL)
                painter.drawRect(QRectF(centre - lower / 2, top + bar_h - 3, lower * share, 3))
            metric = stage.metric
            unit = labels.unit_suffix(metric)
            painter.setPen(palette.INK)
            painter.setFont(self.bold)
            painter.drawText(QRectF(centre - width / 2, top, width, bar_h),
                             int(Qt.AlignmentFlag.AlignCenter), labels.value_text(metric, stage.target) + unit)
            text_x = rect.x() + bar_room + 10
            painter.setFont(self.font)
            name = metrics(self.font).elidedText(metric.name, Qt.TextElideMode.ElideRight, label_w)
            painter.drawText(QRectF(text_x, top, label_w, bar_h / 2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            details = []
            if stage.rate_in is not None:
                text = translate("KpiTreePrint", "{0} of the stage above")
                details.append(text.format(labels.percent_text(stage.rate_in)))
            if index > 1 and stage.cumulative is not None:  # from the first stage; the same as the rate at index 1
                text = translate("KpiTreePrint", "{0} of {1}")
                details.append(text.format(labels.percent_text(stage.cumulative), self.stages[0].metric.name))
            if stage.actual is not None:
                details.append(translate("KpiTreePrint", "actual {0}").format(labels.value_text(metric, stage.actual)))
            painter.setFont(self.small)
            painter.setPen(palette.RATE)
            detail = metrics(self.small).elidedText(", ".join(details), Qt.TextElideMode.ElideRight, label_w)
            painter.drawText(QRectF(text_x, top + bar_h / 2, label_w, bar_h / 2),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), detail)
        painter.restore()
