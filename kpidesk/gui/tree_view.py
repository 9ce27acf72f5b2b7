"""The tree view: a cell cursor as in a spreadsheet, a delegate that marks the KGI, progress and fresh changes.

The keys follow what planners know from Excel and LibreOffice Calc, with the
outliner's keys kept where they cannot surprise (README, "Keyboard"):

- arrows move the current cell (Left/Right between columns, Up/Down between
  rows, in the same column); Alt+Left/Right, + and - (on a name) collapse
  and expand; Home/End go to the first and last column, Ctrl+Home/End to
  the first and last row;
- typing on a cell starts editing it with what was typed (typing over), F2
  edits it as it is; Enter commits and moves down, Tab and Shift+Tab commit
  and move to the next and previous cell that takes a value, Esc cancels;
- Enter on a cell that is not being edited moves down; on a name it adds a
  metric below (as in outliners), except right after an edit was committed
  with Enter, where it keeps moving down: Enter never adds a row by accident;
- Esc takes back a row that was just added and left untouched.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from kpidesk.gui.tracking_state import status_color
from kpidesk.gui.tree_model import NUMERIC, Column, FlashRole, KgiRole, ProgressRole, StatusRole

_Index = QModelIndex | QPersistentModelIndex
FLASH_COLOR = QColor(255, 196, 0)
STATUS_DOT = 10  # pixels across the status marker in the Progress column
STATUS_ROOM = 16  # pixels the marker takes at the cell's left


def _blend(color: QColor, other: QColor, weight: float) -> QColor:
    """``weight`` of ``color`` and the rest of ``other``."""
    return QColor(round(color.red() * weight + other.red() * (1 - weight)),
                  round(color.green() * weight + other.green() * (1 - weight)),
                  round(color.blue() * weight + other.blue() * (1 - weight)))


class MetricDelegate(QStyledItemDelegate):
    """Paints the current cell's frame, the highlight of a just-changed value, the KGI badge and the progress bar.

    The selected row keeps its text colours (derived values grey, a shortfall red) on a light
    tint; the current cell inside it is framed, as the active cell of a spreadsheet.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        #: Whether the last commit was taken (None: no commit since the editor opened).
        self.committed: bool | None = None

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            self.committed = bool(model.setData(index, editor.text(), Qt.ItemDataRole.EditRole))
        else:
            super().setModelData(editor, model, index)
            self.committed = True

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if option.state & QStyle.StateFlag.State_Selected:  # keep grey and red text readable on the tint
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                option.palette.setBrush(group, QPalette.ColorRole.HighlightedText,
                                        option.palette.brush(group, QPalette.ColorRole.Text))
        option.state &= ~QStyle.StateFlag.State_HasFocus  # the frame below marks the current cell

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
        current = index == self.view.currentIndex()
        if current:  # the active cell is white (base) inside the tinted row, as in a spreadsheet
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Base))
            option = QStyleOptionViewItem(option)
            option.state &= ~QStyle.StateFlag.State_Selected
        flash = index.data(FlashRole) or 0.0
        if flash > 0:
            color = QColor(FLASH_COLOR)
            color.setAlphaF(0.55 * flash)
            painter.fillRect(option.rect, color)
        cell = option
        status = index.data(StatusRole) if index.column() == Column.PROGRESS else None
        if status is not None:  # a status dot at the left, the bar or the text beside it
            self._paint_background(painter, option, index)
            self._paint_status(painter, option, status)
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(STATUS_ROOM, 0, 0, 0)
        if index.column() == Column.PROGRESS and index.data(ProgressRole) is not None:
            self._paint_progress(painter, option, index, status)
        else:
            super().paint(painter, option, index)
            if index.column() == Column.NAME and index.data(KgiRole):
                self._paint_badge(painter, option, index)
        if current:
            self._paint_cursor(painter, cell)

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """The cell's own background (the selected row's tint) without its text."""
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)

    def _paint_cursor(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        focused = self.view.hasFocus() or self.view.state() == QAbstractItemView.State.EditingState
        color = self.view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Accent
                                          if hasattr(QPalette.ColorRole, "Accent") else QPalette.ColorRole.Highlight)
        if not focused:
            color = self.view.palette().color(QPalette.ColorRole.Mid)
        painter.save()
        painter.setPen(QPen(color, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_progress(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index,
                        status: object = None) -> None:
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
        # the application's highlight: the view's own is a light tint for the selected row
        fill = QColor("#2e7d32") if value >= 1 else QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
        if status is not None:  # to date: the bar in the status colour, as the dot
            dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
            fill = status_color(status, dark)  # type: ignore[arg-type]
        fill.setAlpha(150)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect.x(), rect.y(), rect.width() * min(value, 1.0), rect.height()), 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data()))
        painter.restore()

    def _paint_status(self, painter: QPainter, option: QStyleOptionViewItem, status: object) -> None:
        """A round marker in the status colour (green, amber, red, grey), outlined so it reads on any row tint."""
        dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        color = status_color(status, dark)  # type: ignore[arg-type]
        size = min(STATUS_DOT, option.rect.height() - 4)
        rect = QRectF(option.rect.left() + (STATUS_ROOM - size) / 2, option.rect.center().y() - size / 2 + 0.5,
                      size, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color.darker(140) if not dark else color.lighter(130), 1))
        painter.setBrush(color)
        painter.drawEllipse(rect)
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
    """The KGI/KPI tree with a cell cursor. Structural keys come from the actions added to it (shown in the menus);
    the keys that depend on the cell (Enter, Esc, Tab, arrows) are handled here and reported by signals."""

    #: Enter on a name, not right after an edit: add a metric below (the window runs Add Sibling).
    addRowRequested = Signal()
    #: Esc outside an editor, or cancelling an editor: take back the current row if it was just added.
    takeBackRequested = Signal()
    #: A short explanation for the status bar (typing on a calculated cell).
    hint = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = MetricDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        # Drops of this tree's own rows only: the model refuses a drag that another model made (its token). Not
        # InternalMove, which also refuses a drop event that no drag of this view sent (a test's).
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(16)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.header().setTextElideMode(Qt.TextElideMode.ElideRight)
        self._enter_run = False  # the last key was an Enter that committed an edit or moved down
        self._tab_column: int | None = None  # where a run of Tab presses began (Enter returns to it)
        self._fade = QTimer(self)
        self._fade.setInterval(40)
        self._fade.timeout.connect(self._fade_step)
        self._faded: list[tuple[object, int]] = []  # the cells highlighted at the last step
        #: While a metric moves (its rows leave and come back): its rows that were folded, and the current cell
        #: (metric, column) when it was on one of them.
        self._moving: tuple[list[object], tuple[object, int] | None] | None = None
        self.update_colors()

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        model.dataChanged.connect(self._start_fade)
        model.manyRowsChanged.connect(self._many_changed)
        model.rebuilt.connect(self.expandAll)
        model.rowsInserted.connect(lambda parent, first, last: self.expand(parent))
        model.subtreeMoving.connect(self._note_before_move)
        model.subtreeMoved.connect(self._restore_after_move)

    def update_colors(self) -> None:
        """The selected row as a light tint of the highlight, so that the framed current cell stands out."""
        palette = QGuiApplication.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            base = palette.color(group, QPalette.ColorRole.Base)
            tint = _blend(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), base, 0.22)
            palette.setColor(group, QPalette.ColorRole.Highlight, tint)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, palette.color(group, QPalette.ColorRole.Text))
        self.setPalette(palette)

    def _note_before_move(self, metric) -> None:
        """A moved metric's rows are taken out and put back: note what the view must keep of them."""
        model = self.model()
        folded = [m for m in metric.walk() if m.children and not self.isExpanded(model.index_of(m))]
        current = model.metric(self.currentIndex())
        here = current is not None and (current is metric or metric in current.ancestors())
        self._moving = (folded, (current, self.currentIndex().column()) if here else None)

    def _restore_after_move(self, metric) -> None:
        """The moved rows are back: expanded as everything new is, except what was folded; the cursor on them."""
        model, (folded, current) = self.model(), self._moving or ([], None)
        self._moving = None
        kept_folded = set(folded)
        for each in metric.walk():
            if each.children and each not in kept_folded:
                self.expand(model.index_of(each))
        if current is not None:
            self.selectionModel().setCurrentIndex(
                model.index_of(current[0], current[1]),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _start_fade(self, *args) -> None:
        if not self._fade.isActive():
            self._fade.start()

    def _many_changed(self) -> None:
        self.viewport().update()
        self._start_fade()

    def _fade_step(self) -> None:
        """Repaint the highlighted cells, and once more those whose highlight just ended: only they change."""
        model = self.model()
        cells = model.flashing() if model is not None else []
        if not cells:
            self._fade.stop()
        header, viewport = self.header(), self.viewport()
        visible = viewport.rect()
        rows: dict[object, QRect] = {}
        for metric, column in {*cells, *self._faded}:
            row = rows.get(metric)
            if row is None:
                row = rows[metric] = self.visualRect(model.index_of(metric))
            if row.isValid() and row.intersects(visible):
                viewport.update(QRect(header.sectionViewportPosition(column), row.top(),
                                      header.sectionSize(column), row.height()))
        self._faded = cells

    def set_default_widths(self) -> None:
        widths = {Column.NAME: 200, Column.TARGET: 120, Column.UNIT: 72, Column.EDGE: 84,
                  Column.FORECAST: 104, Column.GAP: 72, Column.ACTUAL: 84, Column.PROGRESS: 84}
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    def wanted_widths(self, headers: dict[int, list[str]] | None = None) -> dict[int, int]:
        """Each column as wide as its content and header (``headers``: other texts a header may show).

        Reads at most the first rows (QHeaderView's resize precision), so a large plan costs no more.
        """
        metrics = self.header().fontMetrics()
        widths = {}
        for column in self.columns():
            texts = (headers or {}).get(column, [])
            header = max([metrics.horizontalAdvance(t) for t in texts] + [self.header().sectionSizeHint(column)])
            content = self.sizeHintForColumn(column)
            widths[column] = max(content + (16 if column == Column.NAME else 8), header + 10)
        if Column.EDGE in widths:
            widths[Column.EDGE] = min(widths[Column.EDGE], 170)
        return widths

    def fit_columns(self, available: int, wanted: dict[int, int]) -> None:
        """Fit the columns into ``available`` pixels: the ``wanted`` widths, the rate header elided where it
        must be, any room left to the names (so that long names and deep trees read whole)."""
        widths = dict(wanted)
        over = sum(widths.values()) - available
        if over > 0 and Column.EDGE in widths:  # the header names the rate of the current row: elide it first
            short = max(self.sizeHintForColumn(Column.EDGE) + 10, self.header().fontMetrics().horizontalAdvance(
                self.tr("Rate to")) + 24)
            cut = min(over, max(0, widths[Column.EDGE] - short))
            widths[Column.EDGE] -= cut
            over -= cut
        if over > 0 and Column.NAME in widths:  # a small screen: long names elide (their tooltips say them whole)
            widths[Column.NAME] -= min(over, max(0, widths[Column.NAME] - 140))
        elif over < 0 and Column.NAME in widths:
            widths[Column.NAME] = min(widths[Column.NAME] - over, max(widths[Column.NAME], 360))
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    # ---- moving the cell cursor ---------------------------------------------------------------------
    def columns(self) -> list[int]:
        """The shown columns, left to right."""
        header = self.header()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return [c for c in logical if not header.isSectionHidden(c)]

    def move_to(self, index: QModelIndex) -> bool:
        """Make ``index`` the current cell (its row selected); False where there is no such cell."""
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.viewport().update()
        return True

    def _column_step(self, step: int | None, *, edge: bool = False) -> QModelIndex:
        """The cell ``step`` columns to the side (``edge``: the first or last column)."""
        current, columns = self.currentIndex(), self.columns()
        if not current.isValid() or current.column() not in columns:
            return QModelIndex()
        if edge:
            return current.siblingAtColumn(columns[0 if (step or 0) < 0 else -1])
        position = columns.index(current.column()) + (step or 0)
        return current.siblingAtColumn(columns[position]) if 0 <= position < len(columns) else QModelIndex()

    def _editable(self, index: QModelIndex) -> bool:
        model = self.model()
        return bool(index.isValid() and model is not None and model.cell_flags(index) & Qt.ItemFlag.ItemIsEditable)

    def edit(self, index: QModelIndex, trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,  # noqa: E501
             event: QEvent | None = None) -> bool:
        """Editors open only on cells that take a value (the model's Qt flags say every cell does)."""
        if index.isValid() and not self._editable(index):
            return False
        return super().edit(index, trigger, event)

    def next_value_cell(self, forward: bool) -> QModelIndex:
        """The next (or previous) cell that takes a value, along the row and on to the next row (Tab)."""
        current, columns = self.currentIndex(), self.columns()
        if not current.isValid() or current.column() not in columns:
            return QModelIndex()
        row, position = current.siblingAtColumn(columns[0]), columns.index(current.column())
        for _ in range(3):  # a row always has an editable name: two rows are enough
            order = range(position + 1, len(columns)) if forward else range(position - 1, -1, -1)
            for place in order:
                cell = row.siblingAtColumn(columns[place])
                if self._editable(cell):
                    return cell
            row = self.indexBelow(row) if forward else self.indexAbove(row)
            if not row.isValid():
                return QModelIndex()
            position = -1 if forward else len(columns)
        return QModelIndex()

    def move_down(self) -> bool:
        """Enter: one row down, in the column where a run of Tab presses began (as Excel does)."""
        current = self.currentIndex()
        below = self.indexBelow(current)
        if not below.isValid():
            return False
        column = self._tab_column if self._tab_column is not None else current.column()
        self._tab_column = None
        return self.move_to(below.siblingAtColumn(column))

    def tab(self, forward: bool) -> bool:
        current = self.currentIndex()
        if self._tab_column is None and current.isValid():
            self._tab_column = current.column()
        return self.move_to(self.next_value_cell(forward))

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Left and Right move between columns wherever they come from: they never fold (Alt+arrows, + and - do)."""
        Move = QAbstractItemView.CursorAction  # noqa: N806
        if action in (Move.MoveLeft, Move.MoveRight):
            index = self._column_step(1 if action == Move.MoveRight else -1)
            return index if index.isValid() else self.currentIndex()
        return super().moveCursor(action, modifiers)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._enter_run, self._tab_column = False, None
        super().mousePressEvent(event)

    # ---- editing --------------------------------------------------------------------------------------
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        """Enter moves down, Tab moves on (without opening the next editor, as in a spreadsheet), Esc may take
        back a new row; a refused value keeps the cursor where it is."""
        taken, self.delegate.committed = self.delegate.committed, None
        Hint = QAbstractItemDelegate.EndEditHint  # noqa: N806
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            if taken is not False:
                self.tab(hint == Hint.EditNextItem)
            return
        super().closeEditor(editor, hint)
        if hint == Hint.RevertModelCache:
            self.takeBackRequested.emit()
        elif hint == Hint.SubmitModelCache and taken is not False:  # Enter in the editor
            self.move_down()
            self._enter_run = True

    # ---- keys: the same actions as the menus, also without keyboard focus (tests, drops) ---------
    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and self.state() != QAbstractItemView.State.EditingState):
            self._enter_run = False
            self.tab(event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        Mod = Qt.KeyboardModifier  # noqa: N806
        typing = bool(event.text()) and event.text().isprintable() and not modifiers & ~Mod.ShiftModifier
        enter_run, tab_column = self._enter_run, self._tab_column
        if not typing and key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter_run, self._tab_column = False, None
        current = self.currentIndex()
        on_name = current.column() == Column.NAME
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Mod.NoModifier:
            self._tab_column = tab_column
            if on_name and not enter_run and tab_column is None:
                self._enter_run = False
                self.addRowRequested.emit()
            else:
                self.move_down()
                self._enter_run = True
            event.accept()
            return
        if key == Qt.Key.Key_Escape and modifiers == Mod.NoModifier:
            self.takeBackRequested.emit()
            event.accept()
            return
        if self._navigate(key, modifiers):
            event.accept()
            return
        if self._run_action(event):
            return
        folds = (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Asterisk)
        if key in folds and on_name:  # on a name + and - fold, as in outliners; typing a name starts elsewhere
            name = current.siblingAtColumn(0)
            if key == Qt.Key.Key_Plus:
                self.expand(name)
            elif key == Qt.Key.Key_Minus:
                self.collapse(name)
            else:
                self.expandRecursively(name)
            event.accept()
            return
        if typing and current.isValid() and not self._editable(current):
            self.hint.emit(self.model().why_not_editable(current))
            event.accept()
            return
        if key in folds:
            QAbstractItemView.keyPressEvent(self, event)  # a sign typed into a value, not a fold
            return
        super().keyPressEvent(event)

    def _navigate(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        """Arrows, Home and End as in a spreadsheet; Alt+Left/Right fold. True when the key was one of them."""
        Mod, Key = Qt.KeyboardModifier, Qt.Key  # noqa: N806
        if key in (Key.Key_Left, Key.Key_Right):
            forward = key == Key.Key_Right
            if modifiers in (Mod.NoModifier, Mod.ShiftModifier):  # one cell is selected at a time: Shift moves too
                self.move_to(self._column_step(1 if forward else -1))
                return True
            if modifiers == Mod.ControlModifier:
                self.move_to(self._column_step(1 if forward else -1, edge=True))
                return True
            if modifiers == Mod.AltModifier:
                self.fold(expand=forward)
                return True
            return False
        if key in (Key.Key_Home, Key.Key_End):
            forward = key == Key.Key_End
            if modifiers == Mod.NoModifier:
                self.move_to(self._column_step(1 if forward else -1, edge=True))
                return True
            if modifiers == Mod.ControlModifier and self.model() is not None:
                columns = self.columns()
                row = self.model().index(0, 0)
                if forward:
                    while (below := self.indexBelow(row)).isValid():
                        row = below
                self.move_to(row.siblingAtColumn(columns[-1] if forward else columns[0]))
                return True
            return False
        return False

    def fold(self, expand: bool) -> None:
        """Alt+Right expands the current row; Alt+Left collapses it, or goes to the parent row when it is folded."""
        current = self.currentIndex()
        if not current.isValid():
            return
        name = current.siblingAtColumn(0)
        if expand:
            self.expand(name)
        elif self.isExpanded(name) and self.model().hasChildren(name):
            self.collapse(name)
        elif name.parent().isValid():
            self.move_to(name.parent().siblingAtColumn(current.column()))

    def _run_action(self, event: QKeyEvent) -> bool:
        pressed = {QKeySequence(event.keyCombination())}
        if event.key() == Qt.Key.Key_Enter:
            pressed.add(QKeySequence(event.keyCombination().keyboardModifiers() | Qt.Key.Key_Return))
        for action in self.actions():
            if action.isEnabled() and any(s in pressed for s in action.shortcuts()):
                action.trigger()
                event.accept()
                return True
        return False
