"""The funnel graph beside the KPI tree: one centred bar per stage, widest (top) to narrowest.

Bar widths are **linear in the target, with a floor**: ``width = FLOOR + (1 - FLOOR) *
target / widest target``, as a fraction of the widest bar. Planners read a funnel
linearly (160 leads look a tenth of 1,600 visits, less the floor); the floor keeps
20 orders visible beside 1,600 visits and keeps every difference in the same
direction, so a narrower target always draws a narrower bar.

The actual value, where there is one, is a thin bar inside the stage's bar whose
width is the stage's bar width times actual / target (up to 1.5 times), in the
actual colour, and is written beside the target.

When the plan is followed as of a month (``tracking``), a stage with actuals
by period shows its actual to date instead, the inner bar as long as its
progress to date, and each rate between stages the rate seen beside the
planned one ("50% (seen 33%)"). The bottleneck stage gets a red outline, its
label says so and a legend under the funnel explains the mark.

The view is redrawn once per :meth:`FunnelView.show_stages` call by updating a fixed
set of pyqtgraph items (two bar items, one label per stage, one rate per gap): items
are created only when a funnel has more stages than any shown before, and hidden
when it has fewer, so memory stays flat however often the plan changes. Texts keep
their pixel size; the label column is measured in pixels and the view's x range is
set so that bars fill the rest.

pyqtgraph's import is slow: the window imports this module after its first paint.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QVBoxLayout, QWidget

from kpidesk.gui.formatting import Formatter
from kpidesk.model.display import unit_gap
from kpidesk.model.exact import Fraction
from kpidesk.model.funnel import Stage
from kpidesk.model.metric import Kind, Metric
from kpidesk.model.tracking import Progress, Tracking

#: The narrowest bar's share of the widest: stays visible and clickable.
FLOOR = 0.12
#: Most an actual bar may exceed its stage's bar (actual / target), so overshoots show without filling the view.
ACTUAL_CAP = 1.5
#: Data units left and right of the bars (the bars span -0.5 .. 0.5).
MARGIN = 0.04
#: Pixels between the widest bar and the label column, and around the label column.
LABEL_GAP = 12.0
#: The label column takes at most this share of the view; longer names are elided.
LABEL_SHARE = 0.45
#: On a narrow view (the window on a 1024-pixel screen) the labels may take up to this share, as long as the bars
#: keep MIN_BARS_PX: "1,600 visits · actual 1,250" reads whole, the funnel's shape needs less room.
NARROW_LABEL_SHARE, MIN_BARS_PX = 0.62, 100.0

_CHANGES = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.FontChange,
            QEvent.Type.StyleChange)


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """``a`` blended towards ``b``: colours that follow the palette in light and dark themes."""
    keep = 1.0 - share_of_b
    return QColor.fromRgbF(a.redF() * keep + b.redF() * share_of_b, a.greenF() * keep + b.greenF() * share_of_b,
                           a.blueF() * keep + b.blueF() * share_of_b)


class _Colors:
    """What the funnel paints with, read from a palette (so the theme switch recolours it)."""

    def __init__(self, palette: QPalette) -> None:
        role = QPalette.ColorRole
        self.base = palette.color(role.Base)
        self.text = palette.color(role.Text)
        highlight = palette.color(role.Highlight)
        self.dark = self.base.lightnessF() < 0.5
        self.fill = _mix(self.base, highlight, 0.45 if self.dark else 0.25)
        self.flow = _mix(self.base, highlight, 0.16 if self.dark else 0.09)
        self.edge = _mix(self.base, highlight, 0.85)
        self.selected_fill = _mix(self.base, highlight, 0.9 if self.dark else 0.7)
        self.selected_edge = self.text
        self.dim = _mix(self.text, self.base, 0.35)
        self.actual = QColor("#f59e0b" if self.dark else "#d97706")
        self.actual_text = QColor("#fbbf24" if self.dark else "#b45309")
        self.bottleneck = QColor("#ff7b72" if self.dark else "#c62828")


class FunnelView(QWidget):
    """The stages of one funnel as centred bars; a click on a stage emits ``stageActivated(metric id)``.

    The view does not select on its own: whoever owns it selects the metric and
    calls :meth:`show_stages` with the new ``selected_id``, which highlights it.
    """

    stageActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formatter = Formatter()
        self.redraws = 0  # show_stages calls drawn: lets tests see "once per call"
        self._stages: list[Stage] = []
        self._drawn: tuple[list[Stage], str | None, list[tuple[str, str, Kind]]] | None = None  # what is drawn
        self._selected: str | None = None
        self._tracking: Tracking | None = None
        self._bottleneck: str | None = None  # the bottleneck stage's metric id, when it is in this funnel
        self._widths: list[float] = []
        self._lines: list[tuple[str, str, str, str]] = []  # name, target, actual, cumulative per stage
        self._bar_height = 0.6
        self._label_x = 0.5 + MARGIN
        self._label_right = self._label_x
        self.plot = pg.PlotWidget(self)
        self.plot.setAntialiasing(True)
        self.plot.setFrameShape(self.plot.Shape.NoFrame)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom", "right", "top"):
            item.hideAxis(axis)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.layout.setContentsMargins(6, 6, 6, 6)
        self.view_box = item.getViewBox()
        self.view_box.setMouseEnabled(x=False, y=False)
        self.view_box.setMenuEnabled(False)
        self.view_box.disableAutoRange()
        self.view_box.invertY(True)  # row 0 (the widest stage) on top
        self.bars = pg.BarGraphItem(x=[0.0], y=[0.0], width=[0.0], height=0.0)
        self.actuals = pg.BarGraphItem(x=[0.0], y=[0.0], width=[0.0], height=0.0, pen=None)
        self.flow = QGraphicsPathItem()  # the funnel's outline between the bars
        self.flow.setPen(QPen(Qt.PenStyle.NoPen))
        self.hint = pg.TextItem(anchor=(0.5, 0.5))
        self.legend = pg.TextItem(anchor=(0.0, 0.0))  # what the bottleneck's outline means
        for graphic in (self.flow, self.bars, self.actuals, self.hint, self.legend):
            self.plot.addItem(graphic)
        self.labels: list[pg.TextItem] = []
        self.rates: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.scene().sigMouseMoved.connect(self._hovered)
        self.view_box.sigResized.connect(self._layout)
        self._colors = _Colors(self.palette())
        self._apply_colors()
        self._redraw()

    # ---- public ---------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 360)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 160)

    def show_stages(self, stages: list[Stage], selected_id: str | None = None, tracking: Tracking | None = None,
                    bottleneck_id: str | None = None) -> None:
        """Draw ``stages`` (widest first), highlighting the stage of ``selected_id``; one redraw, none when
        nothing the graph shows changed (an edit elsewhere in the plan).

        ``tracking``: the plan as of a month (actuals to date, rates seen); ``bottleneck_id``: the stage to mark.
        """
        drawn = (list(stages), selected_id, [(s.metric.name, s.metric.unit, s.metric.kind) for s in stages],
                 id(tracking) if tracking is not None else None, bottleneck_id)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self._stages = list(stages)
        self._selected = selected_id
        self._tracking = tracking
        self._bottleneck = bottleneck_id if any(s.metric.id == bottleneck_id for s in stages) else None
        self.redraws += 1
        self._redraw()

    def stage_geometry(self) -> list[tuple[str, float]]:
        """(metric id, bar width as a share of the widest bar) per stage, widest first."""
        return [(stage.metric.id, width) for stage, width in zip(self._stages, self._widths, strict=True)]

    def visible_texts(self) -> list[str]:
        """The plain text of every label shown: stage labels, the rates between stages, the hint and the legend."""
        items = [*self.labels, *self.rates, self.hint, self.legend]
        return [item.toPlainText() for item in items if item.isVisible()]

    def stage_center(self, index: int) -> QPointF:
        """The centre of stage ``index``'s bar in the plot's viewport coordinates (for clicks)."""
        scene_point = self.view_box.mapViewToScene(QPointF(0.0, float(index)))
        return self.plot.mapFromScene(scene_point).toPointF()

    # ---- drawing --------------------------------------------------------------------------------------
    def _redraw(self) -> None:
        """Recompute widths and texts from the stages, then place everything once."""
        count = len(self._stages)
        self._widths = self._scale([s.target for s in self._stages])
        self._lines = [self._stage_lines(index, stage) for index, stage in enumerate(self._stages)]
        self._ensure_items(count)
        for index, rate in enumerate(self.rates):
            if index + 1 < count:
                rate.setText(self._rate_text(index))
        self.hint.setVisible(count == 0)
        self.bars.setVisible(count > 0)
        self.flow.setVisible(count > 1)
        self.actuals.setVisible(any(self._actual_share(s) is not None for s in self._stages))
        self.legend.setVisible(self._bottleneck is not None)
        for index, label in enumerate(self.labels):
            label.setVisible(index < count)
        for index, rate in enumerate(self.rates):
            rate.setVisible(index + 1 < count)
        self._layout()

    @staticmethod
    def _scale(targets: list[Fraction | None]) -> list[float]:
        """Linear widths with a floor (see the module docstring); an unknown target draws the floor."""
        values = [float(t) if t is not None and t > 0 else 0.0 for t in targets]
        widest = max(values, default=0.0)
        if widest <= 0:
            return [1.0 for _ in values]
        return [FLOOR + (1.0 - FLOOR) * value / widest for value in values]

    def _seen(self, stage: Stage) -> Progress | None:
        """The stage to date, where it has actuals by period and the plan is followed."""
        if self._tracking is None or not stage.metric.actuals:
            return None
        return self._tracking.metrics.get(stage.metric.id)

    def _actual_share(self, stage: Stage) -> float | None:
        """The inner bar's length as a share of the stage's bar: progress to date, or actual / target."""
        seen = self._seen(stage)
        if seen is not None:
            return float(seen.progress) if seen.progress is not None else None
        if stage.actual is None or not stage.target:
            return None
        return float(Fraction(stage.actual) / stage.target)

    def _rate_text(self, index: int) -> str:
        """The rate from stage ``index`` into the next, with the rate seen so far where it is known."""
        rate_in = self._stages[index + 1].rate_in
        if rate_in is None:
            return self.tr("↓ rate unknown")
        seen = self._tracking.metrics.get(self._stages[index].metric.id) if self._tracking is not None else None
        if seen is not None and seen.actual_rate is not None:
            return self.tr("↓ {0} (seen {1})").format(self._percent(rate_in), self._percent(seen.actual_rate))
        return self.tr("↓ {0}").format(self._percent(rate_in))

    def _stage_lines(self, index: int, stage: Stage) -> tuple[str, str, str, str]:
        target = self._amount(stage.metric, stage.target) if stage.target is not None else self.tr("no target")
        seen = self._seen(stage)
        if seen is not None:
            actual = self.tr("{0} to date").format(self.formatter.amount(stage.metric, seen.actual_to_date)) \
                if seen.actual_to_date is not None else self.tr("no actual to date")
        else:
            actual = self.tr("actual {0}").format(self.formatter.amount(stage.metric, stage.actual)) \
                if stage.actual is not None else ""
        cumulative = ""
        if index and stage.cumulative is not None:
            cumulative = self.tr("{0} of {1}").format(self._percent(stage.cumulative), self._stages[0].metric.name)
        return stage.metric.name, target, actual, cumulative

    def _amount(self, metric: Metric, value: Fraction) -> str:
        text = self.formatter.amount(metric, value)
        if metric.kind is Kind.PERCENT or (metric.kind is Kind.MONEY and text != self.formatter.number(value)):
            return text  # the percent sign or the currency symbol already says what it is
        return f"{text}{unit_gap(metric.unit)}{metric.unit}" if metric.unit else text  # 1,600 visits, 1,600件

    def _percent(self, fraction: Fraction | None) -> str:
        if fraction is None:
            return "?"
        return self.formatter.percent(fraction)

    def _ensure_items(self, count: int) -> None:
        """Grow the label and rate pools to ``count`` stages; never shrink them (surplus items hide)."""
        while len(self.labels) < count:
            label = pg.TextItem(anchor=(0.0, 0.5))
            label.setFont(self.font())
            label.setColor(self._colors.text)
            self.plot.addItem(label)
            self.labels.append(label)
        while len(self.rates) < count - 1:
            rate = pg.TextItem(anchor=(0.5, 0.5))
            rate.setFont(self.font())
            rate.setColor(self._colors.dim)
            self.plot.addItem(rate)
            self.rates.append(rate)

    def _layout(self) -> None:
        """Fit bars, labels and rates to the view's pixel size (also on resize and theme changes)."""
        count = len(self._stages)
        rect = self.view_box.boundingRect()
        width_px = rect.width() if rect.width() > 10 else float(max(self.width(), 240))
        height_px = rect.height() if rect.height() > 10 else float(max(self.height(), 160))
        if count == 0:
            self.hint.setTextWidth(max(120.0, width_px * 0.8))
            self.hint.setPos(0.0, 0.0)
            self.view_box.setRange(xRange=(-1.0, 1.0), yRange=(-1.0, 1.0), padding=0.0)
            return
        font = self.font()
        bold = QFont(font)
        bold.setBold(True)
        plain_metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
        line_px = plain_metrics.lineSpacing()
        # vertical: a row per stage, the rate text in the gap between bars, the legend's line under them
        legend_px = 0.0 if self._bottleneck is None else line_px + 6.0
        row_px = max(1.0, height_px - legend_px) / (count + 0.2)
        self._bar_height = max(0.3, min(0.64, 1.0 - (line_px + 8.0) / row_px))
        lines_fit = max(1, min(3, int(row_px / line_px)))
        # horizontal: the label column in pixels, the bars in the rest
        cap = max(80.0, width_px * LABEL_SHARE, min(width_px * NARROW_LABEL_SHARE, width_px - MIN_BARS_PX))
        texts = []
        label_px = 0.0
        mark_px = plain_metrics.horizontalAdvance(self._mark_text())
        for index, (name, target, actual, cumulative) in enumerate(self._lines):
            mark = mark_px if self._stages[index].metric.id == self._bottleneck else 0.0
            name = bold_metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(40.0, cap - mark))
            values = f"{target} · {actual}" if actual else target
            values = plain_metrics.elidedText(values, Qt.TextElideMode.ElideRight, cap)
            cumulative = plain_metrics.elidedText(cumulative, Qt.TextElideMode.ElideRight, cap)
            label_px = max(label_px, bold_metrics.horizontalAdvance(name) + mark,
                           plain_metrics.horizontalAdvance(values), plain_metrics.horizontalAdvance(cumulative))
            texts.append((name, values, cumulative, actual))
        label_px = min(cap, label_px) + 2 * LABEL_GAP + 2 * self._text_margin()
        span = 1.0 + 2 * MARGIN
        per_unit = max(1.0, width_px - label_px) / span
        left = -0.5 - MARGIN
        self._label_x = 0.5 + MARGIN + LABEL_GAP / per_unit
        self._label_right = left + width_px / per_unit
        legend = legend_px / row_px
        self.view_box.setRange(xRange=(left, self._label_right), yRange=(-0.6, count - 0.4 + legend), padding=0.0)
        self.legend.setPos(left, count - 0.4)
        self.legend.setHtml(f'<span style="color:{self._colors.bottleneck.name()}">'
                            f'{html.escape(self.tr("Red outline: the bottleneck so far"))}</span>')
        self._paint_bars(count)
        colors = self._colors
        for index, (name, values, cumulative, actual) in enumerate(texts):
            self.labels[index].setHtml(self._label_html(index, name, values, cumulative, actual, lines_fit))
            self.labels[index].setPos(self._label_x, float(index))
        for index in range(count - 1):
            self.rates[index].setColor(colors.bottleneck if self._stages[index].metric.id == self._bottleneck
                                       else colors.dim)
            self.rates[index].setPos(0.0, index + 0.5)

    def _paint_bars(self, count: int) -> None:
        colors = self._colors
        rows = list(range(count))
        selected = [stage.metric.id == self._selected for stage in self._stages]
        pens = [pg.mkPen(colors.selected_edge, width=2) if s else pg.mkPen(colors.edge, width=1) for s in selected]
        for row, stage in enumerate(self._stages):
            if stage.metric.id == self._bottleneck:
                pens[row] = pg.mkPen(colors.bottleneck, width=3)
        self.bars.setOpts(
            x=[0.0] * count, y=rows, width=self._widths, height=self._bar_height,
            brushes=[colors.selected_fill if s else colors.fill for s in selected], pens=pens)
        path = QPainterPath()
        half = self._bar_height / 2
        for row in range(count - 1):
            upper, lower = self._widths[row] / 2, self._widths[row + 1] / 2
            path.addPolygon(QPolygonF([QPointF(-upper, row + half), QPointF(upper, row + half),
                                       QPointF(lower, row + 1 - half), QPointF(-lower, row + 1 - half)]))
        self.flow.setPath(path)
        self.flow.setBrush(colors.flow)
        shares = []
        for stage, width in zip(self._stages, self._widths, strict=True):
            share = self._actual_share(stage)
            shares.append(0.0 if share is None else width * max(0.0, min(ACTUAL_CAP, share)))
        self.actuals.setOpts(x=[0.0] * count, y=rows, width=shares, height=self._bar_height * 0.3,
                             brush=colors.actual, pen=None)

    def _mark_text(self) -> str:
        """What follows the bottleneck stage's name."""
        return "  " + self.tr("◀ bottleneck")

    def _text_margin(self) -> float:
        """The blank border QGraphicsTextItem draws around a label's text."""
        return self.labels[0].textItem.document().documentMargin() if self.labels else 4.0

    def _label_html(self, index: int, name: str, values: str, cumulative: str, actual: str, lines: int) -> str:
        colors = self._colors
        name_html = html.escape(name)
        if self._stages[index].metric.id == self._selected:
            name_html = f"▸ {name_html}"
        parts = [f"<b>{name_html}</b>"]
        if self._stages[index].metric.id == self._bottleneck:
            mark = html.escape(self._mark_text())
            parts[0] += f'<span style="color:{colors.bottleneck.name()}">{mark}</span>'
        if lines >= 2:
            escaped = html.escape(values)
            if actual:
                shown = html.escape(actual)
                escaped = escaped.replace(shown, f'<span style="color:{colors.actual_text.name()}">{shown}</span>', 1)
            parts.append(escaped)
        if lines >= 3 and cumulative:
            parts.append(f'<span style="color:{colors.dim.name()}">{html.escape(cumulative)}</span>')
        return "<br>".join(parts)

    # ---- palette and fonts ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in _CHANGES and hasattr(self, "bars"):
            self._drawn = None
            self._colors = _Colors(self.palette())
            self._apply_colors()
            self._layout()

    def _apply_colors(self) -> None:
        colors = self._colors
        self.plot.setBackground(colors.base)
        for item in (*self.labels, *self.rates, self.hint, self.legend):
            item.setFont(self.font())
        for label in self.labels:
            label.setColor(colors.text)
        title = html.escape(self.tr("No funnel to show"))
        explanation = html.escape(self.tr("A funnel is a chain of metrics whose relation is \u201cfunnel\u201d, "
                                          "such as visits \u2192 leads \u2192 orders."))
        self.hint.setHtml(f'<div align="center"><b>{title}</b><br>'
                          f'<span style="color:{colors.dim.name()}">{explanation}</span></div>')
        self.hint.setColor(colors.text)

    # ---- mouse ----------------------------------------------------------------------------------------
    def stage_at(self, scene_pos: QPointF) -> int | None:
        """The stage under a scene point: its bar (with a few pixels' slack) or its label."""
        if not self._stages:
            return None
        point = self.view_box.mapSceneToView(scene_pos)
        row = round(point.y())
        if not 0 <= row < len(self._stages) or abs(point.y() - row) > self._bar_height / 2 + 0.05:
            return None
        pixel = self.view_box.viewPixelSize()[0] or 0.0
        on_bar = abs(point.x()) <= self._widths[row] / 2 + 4 * pixel
        on_label = self._label_x - LABEL_GAP * pixel / 2 <= point.x() <= self._label_right
        return row if on_bar or on_label else None

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        row = self.stage_at(event.scenePos())
        if row is not None:
            event.accept()
            self.stageActivated.emit(self._stages[row].metric.id)

    def _hovered(self, scene_pos: QPointF) -> None:
        viewport = self.plot.viewport()
        if self.stage_at(scene_pos) is None:
            viewport.unsetCursor()
        else:
            viewport.setCursor(Qt.CursorShape.PointingHandCursor)
