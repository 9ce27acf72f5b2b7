"""The selected metric over the plan's periods: the actual so far against the phased target.

For a count or an amount (phased) the chart is cumulative: the target line
climbs period by period as the phasing has it, from the carry-in (what a
lagged stage must deliver before the plan starts, marked at the start) to the
whole target at the plan's end; the actual climbs up to the as-of period; a
dashed pace line runs from the actual to date to where the metric ends the
plan at that pace. A level (a rate, a price) is not added up: the chart shows
its target as a line and the actual of each period as points.

The numbers are those of :mod:`kpidesk.model.tracking` (the Actual and
Progress columns and ``kpidesk track`` show the same), and :func:`series`
makes them without Qt so tests can read them. The pyqtgraph items are made
once and updated with ``setData``: showing another metric never rebuilds the
plot. pyqtgraph's import is slow, so the window imports this module after its
first paint.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kpidesk.gui.formatting import Formatter
from kpidesk.gui.tracking_state import status_color, status_words
from kpidesk.model.exact import Fraction
from kpidesk.model.metric import Metric
from kpidesk.model.periods import Period, Span, parse_period, period_of
from kpidesk.model.phasing import Phasing, phase_plan
from kpidesk.model.tracking import Progress, Tracking

_CHANGES = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange)


@dataclass
class Series:
    """What the chart draws for one metric; x counts periods from the plan's start.

    Cumulative: a value at x = i is the sum up to the end of period i - 1 (x = 0: the
    start, where the carry-in is due). Level: period i spans x = i to i + 1.
    """

    periods: tuple[Period, ...] = ()
    cumulative: bool = True
    target_x: list[float] = field(default_factory=list)
    target_y: list[float] = field(default_factory=list)
    actual_x: list[float] = field(default_factory=list)
    actual_y: list[float] = field(default_factory=list)
    pace_x: list[float] = field(default_factory=list)
    pace_y: list[float] = field(default_factory=list)
    carry_in: float = 0.0
    as_of_x: float | None = None


def _in(period: Period, key: str) -> bool:
    """Whether the actual keyed ``key`` falls in ``period`` (by its first day, as tracking counts it)."""
    return period.first_day <= parse_period(key).first_day <= period.last_day


def series(metric: Metric, phasing: Phasing, seen: Progress | None, as_of: dt.date) -> Series:
    """The chart of ``metric`` as of ``as_of`` (``seen``: its tracking, None while the plan is not followed)."""
    periods = phasing.periods
    result = Series(periods, phasing.phased)
    last = period_of(as_of, phasing.weekly)
    done = sum(1 for p in periods if p <= last)  # periods up to and including the as-of period
    result.as_of_x = float(done) if phasing.phased else done - 0.5
    target = metric.computed.target
    if not phasing.phased:
        if target is not None:
            result.target_x, result.target_y = [0.0, float(len(periods))], [float(target)] * 2
        for index, period in enumerate(periods[:done]):
            keys = [k for k in metric.actuals if _in(period, k)]
            if keys:
                latest = max(keys, key=lambda k: parse_period(k).first_day)
                result.actual_x.append(index + 0.5)
                result.actual_y.append(float(metric.actuals[latest]))
        if not result.actual_x and metric.actual is not None and not metric.actuals:
            result.actual_x, result.actual_y = [done - 0.5], [float(metric.actual)]
        return result
    if target is None:
        return result
    targets = phasing.targets(target)
    carry = phasing.carry_in(target)
    result.carry_in = float(carry)
    running = carry
    result.target_x, result.target_y = [0.0], [float(carry)]
    for index, period in enumerate(periods):
        running += targets[period]
        result.target_x.append(index + 1.0)
        result.target_y.append(float(running))
    if not metric.actuals:
        return result
    first = phasing.first  # the first period due, carry-in included, as tracking counts from
    values = {parse_period(k): v for k, v in metric.actuals.items()}
    actual = sum((Fraction(v) for p, v in values.items() if first.first_day <= p.first_day < periods[0].first_day),
                 Fraction(0))
    result.actual_x, result.actual_y = [0.0], [float(actual)]
    for index, period in enumerate(periods[:done]):
        actual += sum((Fraction(v) for p, v in values.items() if period.first_day <= p.first_day <= period.last_day),
                      Fraction(0))
        result.actual_x.append(index + 1.0)
        result.actual_y.append(float(actual))
    if seen is not None and seen.pace is not None and seen.actual_to_date is not None and done < len(periods):
        result.pace_x, result.pace_y = [float(done), float(len(periods))], [float(seen.actual_to_date),
                                                                          float(seen.pace)]
    return result


def phasing_of(metric: Metric, span: Span, tracking: Tracking | None) -> Phasing:
    """The metric's phasing: the tracking's, or made for its branch alone (it depends on nothing else)."""
    if tracking is not None and metric.id in tracking.phasing:
        return tracking.phasing[metric.id]
    path = [*reversed(metric.ancestors()), metric]
    return phase_plan(path, span)[metric.id]


class _Colors:
    def __init__(self, palette: QPalette) -> None:
        role = QPalette.ColorRole
        self.base = palette.color(role.Base)
        self.text = palette.color(role.Text)
        self.dark = self.base.lightnessF() < 0.5
        self.target = QColor("#8fb3ff" if self.dark else "#1e40af")
        self.actual = QColor("#f59e0b" if self.dark else "#d97706")
        self.grid = QColor(self.text)
        self.grid.setAlpha(40)


class ProgressChart(QWidget):
    """The chart of one metric; :meth:`show_metric` updates the same items every time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formatter = Formatter()
        self.redraws = 0
        self.current = Series()
        self._seen: Progress | None = None
        self._last: tuple[object, ...] | None = None  # the last show_metric's arguments, to draw again in new colours
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setContentsMargins(8, 4, 8, 0)
        self.plot = pg.PlotWidget(self)
        self.plot.setFrameShape(self.plot.Shape.NoFrame)
        self.plot.setAntialiasing(True)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        self.view_box = item.getViewBox()
        self.view_box.setMouseEnabled(x=False, y=False)
        self.view_box.setMenuEnabled(False)
        self.target = self.plot.plot([], [])
        self.actual = self.plot.plot([], [], symbol="o", symbolSize=6)
        self.pace = self.plot.plot([], [])
        self.carry = pg.ScatterPlotItem(size=9, symbol="d")
        self.carry_text = pg.TextItem(anchor=(0.0, 1.0))
        self.as_of = pg.InfiniteLine(angle=90, movable=False)
        self.as_of_text = pg.TextItem(anchor=(1.0, 0.0))
        for graphic in (self.carry, self.carry_text, self.as_of, self.as_of_text):
            self.plot.addItem(graphic)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hint, 1)
        self._colors = _Colors(self.palette())
        self._apply_colors()
        self.show_metric(None, None, None, dt.date.today())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 300)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 160)

    # ---- showing a metric -----------------------------------------------------------------------------
    def show_metric(self, metric: Metric | None, span: Span | None, tracking: Tracking | None,
                    as_of: dt.date, as_of_text: str = "", currency: str = "") -> None:
        """Draw ``metric`` as of ``as_of`` (``tracking``: the plan followed, None while it has no actuals by
        period); one update of the same items."""
        self.redraws += 1
        self._seen = None
        self._last = (metric, span, tracking, as_of, as_of_text, currency)
        if metric is None or span is None:
            self._show_hint(self.tr("Select a metric to see its actual against its phased target."))
            return
        phasing = phasing_of(metric, span, tracking)
        seen = self._seen = tracking.metrics.get(metric.id) if tracking is not None else None
        data = self.current = series(metric, phasing, seen, as_of)
        if not data.target_x and not data.actual_x:
            self._show_hint(self.tr("{0} has no target and no actual to draw.").format(metric.name))
            return
        self.hint.hide()
        self.plot.show()
        self.target.setData(data.target_x, data.target_y)
        self.actual.setData(data.actual_x, data.actual_y)
        self.pace.setData(data.pace_x, data.pace_y)
        self.carry.setData([0.0] if data.carry_in else [], [data.carry_in] if data.carry_in else [])
        self.carry_text.setVisible(bool(data.carry_in))
        if data.carry_in:
            self.carry_text.setText(self.tr("carry-in {0}").format(
                self.formatter.amount(metric, Fraction(data.carry_in), currency)))
            self.carry_text.setPos(0.0, data.carry_in)
        self.as_of.setVisible(data.as_of_x is not None)
        self.as_of_text.setVisible(data.as_of_x is not None)
        if data.as_of_x is not None:
            self.as_of.setPos(data.as_of_x)
            self.as_of_text.setText(self.tr("as of {0}").format(as_of_text or as_of.isoformat()))
            top = max([*data.target_y, *data.actual_y, *data.pace_y, 0.0])
            self.as_of_text.setPos(data.as_of_x, top)
        self._set_ticks(data)
        self._set_range(data)
        self.title.setText(self._title(metric, data, seen, as_of_text or as_of.isoformat()))
        self._apply_colors()

    def _show_hint(self, text: str) -> None:
        self.current = Series()
        for curve in (self.target, self.actual, self.pace):
            curve.setData([], [])
        self.carry.setData([], [])
        self.title.setText("")
        self.hint.setText(text)
        self.plot.hide()
        self.hint.show()

    def _title(self, metric: Metric, data: Series, seen: Progress | None, as_of: str) -> str:
        name = html.escape(metric.name)
        what = self.tr("cumulative, against the phased target") if data.cumulative else \
            self.tr("each period, against the target")
        parts = [f"<b>{name}</b>: {html.escape(what)}"]
        if seen is not None:
            color = status_color(seen.status, self._colors.dark).name()
            status = html.escape(status_words(seen.status))
            if seen.progress is not None:
                status += " " + html.escape(self.tr("({0} to date)").format(self.formatter.percent(seen.progress)))
            parts.append(f'<span style="color:{color}">●</span> {status}, '
                         + html.escape(self.tr("as of {0}").format(as_of)))
        parts.append(self._legend(data))
        return "<br>".join(parts)

    def _legend(self, data: Series) -> str:
        """What the lines are, in the title rather than over the plot (where it would hide a line)."""
        colors = self._colors
        actual = status_color(self._seen.status, colors.dark) if self._seen is not None and \
            self._seen.progress is not None else colors.actual
        items = [(colors.target, "━", self.tr("target, phased") if data.cumulative else self.tr("target"))]
        if data.actual_x:
            items.append((actual, "●", self.tr("actual")))
        if data.pace_x:
            items.append((actual, "╌", self.tr("at this pace")))
        return "&nbsp;&nbsp;".join(f'<span style="color:{color.name()}">{mark}</span>&nbsp;{html.escape(text)}'
                                   for color, mark, text in items)

    def _set_ticks(self, data: Series) -> None:
        """Period names under the middle of each period; weeks every fourth, months all (short names)."""
        locale = QLocale()
        step = 4 if data.periods and data.periods[0].weekly else 1
        ticks = []
        for index, period in enumerate(data.periods):
            if index % step:
                continue
            if period.weekly:
                text = f"W{period.number:02d}"
            else:
                text = locale.monthName(period.number, QLocale.FormatType.ShortFormat)
                if period.number == 1 or index == 0:
                    text += f" {period.year % 100:02d}"
            ticks.append((index + 0.5, text))
        self.plot.getPlotItem().getAxis("bottom").setTicks([ticks])

    def _set_range(self, data: Series) -> None:
        top = max([*data.target_y, *data.actual_y, *data.pace_y, 0.0]) or 1.0
        self.view_box.setRange(xRange=(0.0, float(max(len(data.periods), 1))), yRange=(0.0, top * 1.08),
                               padding=0.02)

    # ---- colours -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in _CHANGES and hasattr(self, "plot"):
            self._colors = _Colors(self.palette())
            self._apply_colors()
            if self._last is not None:  # the title's colours
                self.show_metric(*self._last)  # type: ignore[arg-type]

    def _apply_colors(self) -> None:
        colors, seen = self._colors, self._seen
        self.plot.setBackground(colors.base)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(colors.grid))
            axis.setTextPen(pg.mkPen(colors.text))
        item.showGrid(x=False, y=True, alpha=0.15)
        actual = status_color(seen.status, colors.dark) if seen is not None and seen.progress is not None \
            else colors.actual
        self.target.setPen(pg.mkPen(colors.target, width=2))
        self.actual.setPen(pg.mkPen(actual, width=2.5))
        self.actual.setSymbolBrush(actual)
        self.actual.setSymbolPen(pg.mkPen(actual))
        self.pace.setPen(pg.mkPen(actual, width=1.5, style=Qt.PenStyle.DashLine))
        self.carry.setBrush(colors.target)
        self.carry.setPen(pg.mkPen(colors.target))
        self.carry_text.setColor(colors.target)
        self.as_of.setPen(pg.mkPen(colors.text, width=1, style=Qt.PenStyle.DotLine))
        self.as_of_text.setColor(colors.text)


__all__ = ["ProgressChart", "Series", "phasing_of", "series"]
