"""The tree view: keyboard-driven editing, a delegate that marks the KGI, progress and fresh changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from kpidesk.gui.tree_model import NUMERIC, Column, FlashRole, KgiRole, ProgressRole

_Index = QModelIndex | QPersistentModelIndex
FLASH_COLOR = QColor(255, 196, 0)


class MetricDelegate(QStyledItemDelegate):
    """Paints the highlight of a just-changed value, the KGI badge and the progress bar."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            column = index.column()
            if column in NUMERIC:
                editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == Column.TARGET:
                editor.setPlaceholderText(self.tr("empty: derived"))
            elif column == Column.EDGE:
                editor.setPlaceholderText(self.tr("40 or 40%"))
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index):  # noqa: N802
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + 6)  # room to read and to click
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        flash = index.data(FlashRole) or 0.0
        if flash > 0:
            color = QColor(FLASH_COLOR)
            color.setAlphaF(0.55 * flash)
            painter.fillRect(option.rect, color)
        if index.column() == Column.PROGRESS and index.data(ProgressRole) is not None:
            self._paint_progress(painter, option, index)
            return
        super().paint(painter, option, index)
        if index.column() == Column.NAME and index.data(KgiRole):
            self._paint_badge(painter, option, index)

    def _paint_progress(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style is not None:  # selection background
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        value = float(index.data(ProgressRole))
        rect = option.rect.adjusted(4, 4, -4, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        palette = option.palette
        track = palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(60)
        painter.setBrush(track)
        painter.drawRoundedRect(QRectF(rect), 3, 3)
        fill = QColor("#2e7d32") if value >= 1 else palette.color(QPalette.ColorRole.Highlight)
        fill.setAlpha(150)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect.x(), rect.y(), rect.width() * min(value, 1.0), rect.height()), 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data()))
        painter.restore()

    def _paint_badge(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        text = self.tr("KGI")
        metrics = option.fontMetrics
        width, height = metrics.horizontalAdvance(text) + 10, metrics.height()
        rect = QRect(option.rect.right() - width - 4, option.rect.center().y() - height // 2, width, height)
        if rect.left() < option.rect.left() + 60:
            return  # too narrow: the tooltip still says it
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1565c0"))
        painter.drawRoundedRect(QRectF(rect), height / 2, height / 2)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class MetricTreeView(QTreeView):
    """The KGI/KPI tree. Keys come from the actions added to it (shortcuts shown in the menus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(MetricDelegate(self))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(16)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fade = QTimer(self)
        self._fade.setInterval(40)
        self._fade.timeout.connect(self._fade_step)

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        model.dataChanged.connect(self._start_fade)
        model.modelReset.connect(self.expandAll)
        model.rowsInserted.connect(lambda parent, first, last: self.expand(parent))
        model.rowsMoved.connect(lambda *args: self.expand(args[3]))

    def _start_fade(self, *args) -> None:
        if not self._fade.isActive():
            self._fade.start()

    def _fade_step(self) -> None:
        model = self.model()
        if model is None or not model.flashing():
            self._fade.stop()
        self.viewport().update()

    def set_default_widths(self) -> None:
        widths = {Column.NAME: 200, Column.TARGET: 120, Column.UNIT: 72, Column.EDGE: 84,
                  Column.FORECAST: 104, Column.ACTUAL: 84, Column.PROGRESS: 84}
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    # ---- keys: the same actions as the menus, also without keyboard focus (tests, drops) ---------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if self._run_action(event):
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.state() != QAbstractItemView.State.EditingState and self._run_action(event):
            return
        super().keyPressEvent(event)

    def _run_action(self, event: QKeyEvent) -> bool:
        pressed = {QKeySequence(event.keyCombination())}
        if event.key() == Qt.Key.Key_Backtab:
            pressed.add(QKeySequence("Shift+Tab"))
            pressed.add(QKeySequence(Qt.Key.Key_Backtab))
        if event.key() == Qt.Key.Key_Enter:
            pressed.add(QKeySequence(event.keyCombination().keyboardModifiers() | Qt.Key.Key_Return))
        for action in self.actions():
            if action.isEnabled() and any(s in pressed for s in action.shortcuts()):
                action.trigger()
                event.accept()
                return True
        return False
