"""The plan as of a month, for the window: one Tracking, recomputed once per action or as-of change.

The as-of month is a view setting (View > As Of, the status bar): choosing it
is not an edit, is not undone and is not saved in the plan. The views never
compute tracking: they look a metric's progress up by id (O(1)) and follow
``changed``, which names the metrics whose progress moved.

A plan without actuals by period is not tracked: its Actual and Progress
columns show the single ``actual`` as before, and an edit costs nothing more.
Tracking a plan is linear in its size (about 100 ms for 1,000 metrics), so it
runs once per action, never per cell; what the bottleneck costs the KGI (two
evaluations of the plan) is worked out only when it is asked for (the status
bar's tooltip), not on every edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QColor

from kpidesk.gui.document import Document
from kpidesk.model.bottleneck import Bottleneck, find_bottleneck, shortfalls
from kpidesk.model.metric import Metric
from kpidesk.model.periods import Period, PeriodError, Span, parse_period, plan_span
from kpidesk.model.tracking import Progress, Status, Tracking, as_of_date, track
from kpidesk.model.tracking_text import bottleneck_lines, status_text

#: Plan fields that change what tracking finds (the rest are words).
_INFO_THAT_COUNTS = frozenset({"start", "end", "kgi", "currency", "on_track", "behind"})

#: Status colours on a light and on a dark background: green ahead or on track, amber warning, red behind.
_LIGHT = {Status.AHEAD: "#2e7d32", Status.ON_TRACK: "#2e7d32", Status.WARNING: "#e69500",
          Status.BEHIND: "#c62828", Status.NO_DATA: "#9e9e9e"}
_DARK = {Status.AHEAD: "#7ee787", Status.ON_TRACK: "#7ee787", Status.WARNING: "#f2b84b",
         Status.BEHIND: "#ff7b72", Status.NO_DATA: "#8b8f94"}


def status_color(status: Status, dark: bool = False) -> QColor:
    """The colour of a status marker, readable on the theme's background."""
    return QColor((_DARK if dark else _LIGHT)[status])


def status_words(status: Status) -> str:
    """"on track", "behind": in the window's language (context Tracking, as the command line's)."""
    return status_text(status, QCoreApplication.translate)


def has_period_actuals(metric: Metric) -> bool:
    return bool(metric.actuals)


class TrackingState(QObject):
    """The current as-of month and what the plan looks like then; one per window."""

    #: frozenset of metric ids whose progress (as the columns show it) changed; after a plan change or an as-of change.
    changed = Signal(object)
    #: The as-of month or the plan's months changed (pickers update their lists and choice).
    asOfChanged = Signal()

    def __init__(self, document: Document, parent: QObject | None = None,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.today = today or dt.date.today
        self._month: str | None = None  # the chosen month ("2026-06"); None: today
        self.tracking: Tracking | None = None  # None while the plan has no actuals by period
        #: The worst stage's metric id (None: no stage falls short, or the plan is not tracked).
        self.bottleneck_id: str | None = None
        self._stage: Bottleneck | None = None  # the bottleneck without the KGI's re-forecast (cheap)
        self._bottleneck: Bottleneck | None = None  # with it: two evaluations of the plan, made when asked
        self._shown: dict[str, Progress] = {}
        self._months: tuple[Period, ...] = ()
        self.computations = 0  # how often the plan was tracked: lets tests see "once per action"
        document.metricsChanged.connect(self._metrics_changed)
        document.planReplaced.connect(self._plan_replaced)
        document.infoChanged.connect(self._info_changed)
        self._plan_replaced()

    # ---- the as-of month -------------------------------------------------------------------------
    @property
    def span(self) -> Span:
        return plan_span(self.document.plan.info, self.today())

    def months(self) -> tuple[Period, ...]:
        """The plan's months, in order: what the as-of pickers offer."""
        return self._months

    @property
    def month(self) -> str | None:
        """The chosen month's key, or None for today."""
        return self._month

    def as_of(self) -> dt.date:
        """The as-of date: the chosen month's last day, or today, moved into the plan's span."""
        return as_of_date(self._month, self.span, self.today())

    def as_of_text(self) -> str:
        """``2026-06`` for a chosen month, the date for today."""
        return self._month if self._month is not None else self.as_of().isoformat()

    def set_month(self, key: str | None) -> None:
        """Look at the plan as of the month ``key`` (None: today); not an edit of the plan."""
        if key is not None:
            try:
                key = parse_period(key).key
            except PeriodError:
                return
        if key == self._month:
            return
        self._month = key
        self.refresh()
        self.asOfChanged.emit()

    # ---- what the views read -----------------------------------------------------------------------
    @property
    def tracked(self) -> bool:
        return self.tracking is not None

    def progress(self, metric: Metric) -> Progress | None:
        """The metric as of the as-of date, where the columns show it to date; None: show its single actual.

        Shown to date: metrics with actuals by period, and levels (rates, prices) that have an actual, in a
        tracked plan.
        """
        return self._shown.get(metric.id)

    @property
    def bottleneck(self) -> Bottleneck | None:
        """The bottleneck with what it costs the KGI (the plan evaluated at the rates seen), made on first use."""
        if self.tracking is None or self.bottleneck_id is None:
            return None
        if self._bottleneck is None:
            self._bottleneck = find_bottleneck(self.document.plan, self.tracking)
        return self._bottleneck

    def first_line(self) -> str:
        """What the status bar says: the bottleneck's first sentence ("" while the plan is not tracked)."""
        if self.tracking is None:
            return ""
        return bottleneck_lines(self.document.plan, self.tracking, self._stage, QCoreApplication.translate)[0]

    def lines(self) -> list[str]:
        """The bottleneck in sentences, the KGI's re-forecast included (empty while the plan is not tracked)."""
        if self.tracking is None:
            return []
        return bottleneck_lines(self.document.plan, self.tracking, self.bottleneck, QCoreApplication.translate)

    # ---- keeping up with the plan -------------------------------------------------------------------
    def _metrics_changed(self, metrics: frozenset[Metric], structure: bool) -> None:
        """After an action: track the plan again, unless it was not tracked and the action brought no actuals by
        period (a metric with them that comes back is among ``metrics``), which spares a look at every metric."""
        if self.tracking is None and not any(has_period_actuals(m) for m in metrics):
            return
        self.refresh()

    def refresh(self) -> None:
        """Track the plan again (when it has actuals by period) and tell the views what changed."""
        plan = self.document.plan
        old = self._shown
        if any(has_period_actuals(m) for m in plan.metrics.values()):
            self.computations += 1
            tracking = track(plan, self.as_of(), today=self.today())
            shown: dict[str, Progress] = {}
            for metric in plan.metrics.values():
                seen = tracking[metric.id]
                if metric.actuals or (not seen.phased and seen.actual_to_date is not None):
                    shown[metric.id] = seen
            self.tracking, self._shown = tracking, shown
            self._stage = self._worst_stage(tracking)
        else:
            self.tracking, self._shown, self._stage = None, {}, None
        self.bottleneck_id = self._stage.metric_id if self._stage is not None else None
        self._bottleneck = None
        moved = frozenset(k for k in old.keys() | self._shown.keys() if old.get(k) != self._shown.get(k))
        self.changed.emit(moved)

    def _worst_stage(self, tracking: Tracking) -> Bottleneck | None:
        """The stage that falls furthest short, as find_bottleneck picks it, without evaluating the plan."""
        worst = shortfalls(self.document.plan, tracking)
        if not worst:
            return None
        short, why, metric = worst[0]
        return Bottleneck(metric.id, why, short, metric.owner, metric.countermeasure, None, None, None)

    def _plan_replaced(self) -> None:
        self._months = self.span.periods()
        if self._month is not None and parse_period(self._month) not in self._months:
            self._month = None
        self.refresh()
        self.asOfChanged.emit()

    def _info_changed(self, field: str) -> None:
        if field not in _INFO_THAT_COUNTS:
            return
        if field in ("start", "end"):
            self._plan_replaced()
        else:
            self.refresh()


__all__ = ["TrackingState", "has_period_actuals", "status_color", "status_words"]
