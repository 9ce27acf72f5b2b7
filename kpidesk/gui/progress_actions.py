"""Following the plan in the window: the as-of picker, the progress chart, the actuals grid, the bottleneck.

The window gains these with one call, ``install_progress(window)``, after its
status bar is made. It needs ``window.tracking`` (a :class:`TrackingState`),
``window.document``, ``window.view_menu``, ``window.right`` (the splitter
holding the funnel and ``window.detail``), ``window.current_id`` and the
``funnelReady`` signal, after which the chart's pyqtgraph module is loaded.

* View > As Of and the picker in the status bar choose the month (or today);
* the chart is a tab beside the details, under the funnel (View > Progress Chart);
* View > Actuals by Period shows the grid in a dock under the tree;
* the status bar names the bottleneck (its first sentence; the others, with what it costs the KGI, in its
  tooltip, worked out when it is shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from kpidesk.gui.actuals_grid import ActualsGrid
from kpidesk.gui.tracking_state import TrackingState

if TYPE_CHECKING:
    from kpidesk.gui.progress_chart import ProgressChart


class _ElidedLabel(QLabel):
    """A one-line label that ends in "..." where the status bar is too narrow; the tooltip has it whole.

    ``tip`` makes the tooltip when it is asked for (hovering), so it may cost what it costs.
    """

    def __init__(self, tip: Callable[[], str]) -> None:
        super().__init__()
        self.full = ""
        self.tip = tip

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self.setToolTip(self.tip())
        return super().event(event)

    def set_full_text(self, text: str) -> None:
        self.full = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, room) if room > 0
                     else self.full)


class ProgressActions(QObject):
    """The window's parts for following the plan; one per window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tracking: TrackingState = window.tracking  # type: ignore[attr-defined]
        self.document = self.tracking.document
        # the as-of month: a picker in the status bar and View > As Of
        self.as_of_label = QLabel(self.tr("As of:"))
        self.as_of_box = QComboBox()
        self.as_of_box.setToolTip(self.tr("The month the Actual and Progress columns, the chart and the funnel "
                                          "show the plan as of (a view setting: not saved in the plan)"))
        self.as_of_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.as_of_box.activated.connect(lambda index: self.tracking.set_month(self.as_of_box.itemData(index)))
        self.as_of_menu = QMenu(self.tr("&As Of"), window)
        self.as_of_group = QActionGroup(self)
        # the bottleneck, named in the status bar
        self.bottleneck = _ElidedLabel(lambda: "\n".join(self.tracking.lines()))
        self.bottleneck.setContentsMargins(8, 0, 8, 0)
        self.bottleneck.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        status = window.statusBar()
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 0, 4, 0)
        row.setSpacing(4)
        row.addWidget(self.as_of_label)
        row.addWidget(self.as_of_box)
        status.insertPermanentWidget(0, box)  # before the window's: no normal widget yet, so index 0 is the first
        status.addWidget(self.bottleneck, 1)
        # the chart, a tab beside the details under the funnel
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        right = window.right  # type: ignore[attr-defined]
        detail = window.detail  # type: ignore[attr-defined]
        index = right.indexOf(detail)
        right.replaceWidget(index, self.tabs)
        self.tabs.addTab(detail, self.tr("Details"))
        self.chart: ProgressChart | QLabel = QLabel(self.tr("Progress chart loading..."))
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.chart, self.tr("Progress"))
        self.tabs.currentChanged.connect(lambda _index: self.update_chart())
        self.chart_action = QAction(self.tr("&Progress Chart"), self)
        self.chart_action.triggered.connect(self.show_chart)
        # the grid of actuals by period, a dock under the tree
        self.grid = ActualsGrid(self.document, self.tracking)
        self.grid.model.refused.connect(lambda text: window.statusBar().showMessage(text, 10000))
        self.dock = QDockWidget(self.tr("Actuals by Period"), window)
        self.dock.setObjectName("actualsByPeriod")
        self.dock.setWidget(self.grid)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.grid_action = self.dock.toggleViewAction()
        self.grid_action.setText(self.tr("Actuals by &Period"))
        # the View menu
        view: QMenu = window.view_menu  # type: ignore[attr-defined]
        view.addSeparator()
        view.addMenu(self.as_of_menu)
        view.addAction(self.chart_action)
        view.addAction(self.grid_action)
        # following the plan and the selection
        self.tracking.asOfChanged.connect(self._as_of_changed)
        self.tracking.changed.connect(lambda _ids: self._tracking_changed())
        window.funnelReady.connect(self.load_chart)  # type: ignore[attr-defined]
        self._fill_months()
        self._tracking_changed()

    # ---- the as-of month ------------------------------------------------------------------------------
    def _fill_months(self) -> None:
        """The pickers' lists: today, then the plan's months; the current choice checked."""
        self.as_of_box.clear()
        for action in self.as_of_group.actions():
            self.as_of_group.removeAction(action)
        self.as_of_menu.clear()
        today = self.tracking.today().isoformat()
        choices: list[tuple[str | None, str]] = [(None, self.tr("Today ({0})").format(today))]
        choices += [(month.key, month.key) for month in self.tracking.months()]
        for key, text in choices:
            self.as_of_box.addItem(text, key)
            action = self.as_of_menu.addAction(text)
            action.setCheckable(True)
            action.setData(key)
            self.as_of_group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=key: self.tracking.set_month(k))
            if key is None:
                self.as_of_menu.addSeparator()
        self._show_choice()

    def _show_choice(self) -> None:
        today = self.tr("Today ({0})").format(self.tracking.today().isoformat())
        self.as_of_box.setItemText(0, today)
        self.as_of_group.actions()[0].setText(today)
        month = self.tracking.month
        index = self.as_of_box.findData(month) if month is not None else 0
        self.as_of_box.setCurrentIndex(max(index, 0))
        for action in self.as_of_group.actions():
            action.setChecked(action.data() == month)

    def _as_of_changed(self) -> None:
        keys = [self.as_of_box.itemData(i) for i in range(1, self.as_of_box.count())]
        if keys != [m.key for m in self.tracking.months()]:  # not from inside an action's own trigger: it stays
            self._fill_months()
        else:
            self._show_choice()
        self.window._show_funnel()  # type: ignore[attr-defined]
        self.update_chart()

    # ---- the bottleneck and the chart -------------------------------------------------------------------
    def _tracking_changed(self) -> None:
        line = self.tracking.first_line()
        self.bottleneck.setVisible(bool(line))
        self.bottleneck.set_full_text(line)
        self.update_chart()

    def show_chart(self) -> None:
        """View > Progress Chart: bring the chart's tab forward."""
        self.tabs.setCurrentWidget(self.chart)

    def load_chart(self) -> None:
        """Replace the placeholder with the chart (once, after the first paint: pyqtgraph loads slowly)."""
        if not isinstance(self.chart, QLabel):
            return
        try:
            from kpidesk.gui.progress_chart import ProgressChart
        except ImportError as exc:
            self.chart.setText(self.tr("The progress chart is not available: {0}").format(exc))
            return
        chart = ProgressChart()
        current = self.tabs.currentWidget() is self.chart
        index = self.tabs.indexOf(self.chart)
        self.tabs.removeTab(index)
        self.chart.deleteLater()
        self.tabs.insertTab(index, chart, self.tr("Progress"))
        if current:
            self.tabs.setCurrentIndex(index)
        self.chart = chart
        self.window.tree.selectionModel().currentChanged.connect(  # type: ignore[attr-defined]
            lambda *_args: self.update_chart())
        self.update_chart()

    def update_chart(self) -> None:
        """Draw the current metric as of the as-of month, when the chart is shown (else when it is shown next)."""
        chart = self.chart
        if isinstance(chart, QLabel):
            return
        if self.tabs.currentWidget() is not chart or not chart.isVisible():
            return  # drawn when its tab is chosen
        metric = self.document.metric(self.window.current_id())  # type: ignore[attr-defined]
        tracking = self.tracking
        currency = self.document.plan.engine.currency_of(metric) if metric is not None else ""
        chart.show_metric(metric, tracking.span, tracking.tracking, tracking.as_of(), tracking.as_of_text(), currency)


def install_progress(window: QMainWindow) -> ProgressActions:
    """Add the as-of picker, the progress chart, the actuals grid and the bottleneck line to ``window``."""
    actions = ProgressActions(window)
    window.progress = actions  # type: ignore[attr-defined]
    return actions


__all__ = ["ProgressActions", "install_progress"]
