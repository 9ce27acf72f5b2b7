"""The KPI tree diagram on screen: the printed drawing, live, in a dock of the main window (View > KPI Tree Diagram).

The same :class:`TreeDiagram` as the printouts, so what the planner sees is
what the meeting gets. Building it is linear in the plan (seconds at
10,000 metrics), so it is rebuilt only while the dock is seen, once per user
action (however many of the document's signals the action sends), and once
when the dock is shown after changes made while it was hidden. It zooms with
Ctrl+wheel, and a click selects the metric.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QMouseEvent, QPaintEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from kpidesk.planfile import PlanFile
from kpidesk.render.diagram import TreeDiagram
from kpidesk.render.layout import Orientation
from kpidesk.render.painter import painting

MARGIN = 12.0


class DiagramCanvas(QWidget):
    """Paints a TreeDiagram at a zoom; sized to it, for a scroll area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagram: TreeDiagram | None = None
        self.zoom = 1.4  # points to pixels: about 100 % at 96 dpi
        self.on_click: Callable[[str], None] | None = None
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))  # the drawing's colours assume paper
        self.setPalette(palette)

    def set_diagram(self, diagram: TreeDiagram) -> None:
        self.diagram = diagram
        self._resize()
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.3, min(4.0, zoom))
        self._resize()
        self.update()

    def _resize(self) -> None:
        if self.diagram is not None:
            self.setFixedSize(QSize(int((self.diagram.width + 2 * MARGIN) * self.zoom) + 1,
                                    int((self.diagram.height + 2 * MARGIN) * self.zoom) + 1))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.diagram is None:
            return
        with painting(self) as painter:
            painter.scale(self.zoom, self.zoom)
            painter.translate(MARGIN, MARGIN)
            self.diagram.paint(painter)

    def metric_at(self, point: QPointF) -> str | None:
        if self.diagram is None:
            return None
        box = self.diagram.box_at(point.x() / self.zoom - MARGIN, point.y() / self.zoom - MARGIN)
        return box.metric.id if box is not None else None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        metric_id = self.metric_at(event.position())
        if metric_id is not None and self.on_click is not None:
            self.on_click(metric_id)
        super().mousePressEvent(event)


class DiagramView(QScrollArea):
    """A scrollable, zoomable diagram of ``plan_file()``; call ``refresh`` after changes."""

    def __init__(self, plan_file: Callable[[], PlanFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_file = plan_file
        self.orientation = Orientation.TOP_DOWN
        self.canvas = DiagramCanvas()
        self.setWidget(self.canvas)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stale = True  # the plan or the options changed since the drawing was built
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._rebuild_if_stale)

    def refresh(self) -> None:
        """Note a change: rebuilt once at the end of this turn of the event loop while the
        diagram is seen, however many changes arrive in it; otherwise when it is shown."""
        self.stale = True
        if self.isVisible():
            self._pending.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self._rebuild_if_stale()  # before the first paint: never a stale drawing on screen
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._pending.stop()
        super().hideEvent(event)

    def set_orientation(self, orientation: Orientation) -> None:
        self.orientation = orientation
        self.stale = True
        if self.isVisible():
            self._rebuild_if_stale()  # at once: the planner is looking at it

    def _rebuild_if_stale(self) -> None:
        self._pending.stop()
        if self.stale:
            self.stale = False
            self.canvas.set_diagram(TreeDiagram(self.plan_file().plan, self.orientation))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.canvas.set_zoom(self.canvas.zoom * (1.15 if event.angleDelta().y() > 0 else 1 / 1.15))
            event.accept()
            return
        super().wheelEvent(event)
