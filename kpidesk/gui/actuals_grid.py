"""View > Actuals by Period: a grid of metrics (rows) by months (columns) to type and paste actuals into.

The columns are the plan's months, and before them the months a lagged stage
must deliver in before the plan starts (carry-in) or that already hold
actuals. Every metric has monthly columns, also a weekly one (visits counted
every week): its actuals typed here are kept by month (``2026-04``), which
tracking adds up as it adds up weeks. A month of a weekly metric whose actuals
the file keeps by week (``2026-W15``) shows their sum and is read-only: the
weeks stay as they are, to be edited in the file.

Typing a number into a cell, Del on the selected cells and a paste of a block
from a spreadsheet (rows of tab-separated cells) are each one undo step, made
through ``Document.set_actuals_block``. A paste is all or nothing: one cell that is
not a number, breaks a rule of its metric (2.5 orders) or falls outside the
grid refuses the whole block, and the message names the metric, the month and
the value.

The grid follows the plan only while it is shown; a hidden grid is brought up
to date when it is shown again.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from kpidesk.gui.clipboard import read_block, write_block
from kpidesk.gui.document import Document
from kpidesk.gui.formatting import Formatter
from kpidesk.gui.tracking_state import TrackingState
from kpidesk.model import schema
from kpidesk.model.exact import Fraction
from kpidesk.model.limits import MAX_PASTE_CELLS, MAX_TEXT_LENGTH
from kpidesk.model.metric import Metric
from kpidesk.model.periods import Period, is_weekly, parse_period
from kpidesk.model.reasons import reason_of

_Index = QModelIndex | QPersistentModelIndex
#: Months before the plan's start that may be shown at most (the longest lag a plan allows is far shorter).
MAX_CARRY_IN_MONTHS = 24


class CellError(ValueError):
    """A value that cannot go into a cell; the text names the metric, the month and the value."""


class ActualsModel(QAbstractTableModel):
    """Metrics by months; a cell is the metric's actual of that month."""

    #: Why an edit of the grid was not made, naming the metric, the month and the value.
    refused = Signal(str)

    def __init__(self, document: Document, tracking: TrackingState, parent: Any = None) -> None:
        super().__init__(parent)
        self.document, self.tracking = document, tracking
        self.formatter = Formatter()
        self.metrics: list[Metric] = []
        self._row_of: dict[str, int] = {}
        self.months: list[Period] = []
        self.first_plan_month = 0  # the column of the plan's first month (before it: carry-in months)
        self.active = False
        self._stale = True
        self.muted = QColor()
        document.metricsChanged.connect(self._metrics_changed)
        document.planReplaced.connect(self._mark_stale)
        tracking.asOfChanged.connect(self._mark_stale)

    # ---- following the plan, while shown --------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Follow the plan (the grid is shown) or stop (hidden); shown again, it is brought up to date."""
        self.active = active
        if active and self._stale:
            self.rebuild()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.active:
            self.rebuild()

    def _metrics_changed(self, metrics: frozenset[Metric], structure: bool) -> None:
        if structure or self._stale or any(m.id not in self._row_of for m in metrics):
            self._mark_stale()
            return
        if not self.active or not self.metrics:
            return
        if self._months_wanted() != self.months:
            self._mark_stale()
            return
        rows = sorted(self._row_of[m.id] for m in metrics if m.id in self._row_of)
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], len(self.months) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, rows[0], rows[-1])

    def rebuild(self) -> None:
        """Rows and columns from the plan as it is now."""
        self.beginResetModel()
        self.metrics = list(self.document.plan.walk())
        self._row_of = {m.id: row for row, m in enumerate(self.metrics)}
        self.months = self._months_wanted()
        plan_months = self.tracking.months()
        self.first_plan_month = self.months.index(plan_months[0]) if plan_months else 0
        palette = QGuiApplication.palette()
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        self.muted = QColor((text.red() + base.red()) // 2, (text.green() + base.green()) // 2,
                            (text.blue() + base.blue()) // 2)
        self._stale = False
        self.endResetModel()

    def _months_wanted(self) -> list[Period]:
        """The plan's months, after the carry-in months that lags need and the earlier months holding actuals."""
        months = list(self.tracking.months())
        if not months:
            return months
        first = months[0]
        lags: dict[str, int] = {}
        earliest = first
        for metric in self.metrics or self.document.plan.walk():
            weekly = is_weekly(metric.interval)
            own = math.ceil(metric.lag / 4) if weekly else metric.lag
            lags[metric.id] = own + (lags.get(metric.parent.id, 0) if metric.parent is not None else 0)
            if lags[metric.id]:
                earliest = min(earliest, first.shifted(-min(lags[metric.id], MAX_CARRY_IN_MONTHS)))
            for key in metric.actuals:
                day = parse_period(key).first_day
                month = Period(day.year, day.month)
                if first.shifted(-MAX_CARRY_IN_MONTHS) <= month < earliest:
                    earliest = month
        before = []
        while earliest < first:
            before.append(earliest)
            earliest = earliest.shifted(1)
        return before + months

    # ---- cells ----------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.metrics)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.months)

    def cell(self, index: _Index) -> tuple[Metric, Period] | None:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self.metrics) or not 0 <= column < len(self.months):
            return None
        return self.metrics[row], self.months[column]

    @staticmethod
    def weeks_in(metric: Metric, month: Period) -> list[str]:
        """The keys of ``metric``'s actuals kept by week that fall in ``month`` (by their first day)."""
        return [k for k in metric.actuals if "W" in k and month.first_day <= parse_period(k).first_day
                <= month.last_day]

    def value(self, metric: Metric, month: Period) -> Fraction | None:
        """What the cell shows: the month's actual, or the sum of its weeks."""
        if month.key in metric.actuals:
            return Fraction(metric.actuals[month.key])
        weeks = self.weeks_in(metric, month)
        if not weeks:
            return None
        return sum((Fraction(metric.actuals[k]) for k in weeks), Fraction(0))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.cell(index)
        if found is None:
            return None
        metric, month = found
        if role == Qt.ItemDataRole.DisplayRole:
            currency = self.document.plan.engine.currency_of(metric)
            value = self.value(metric, month)
            return self.formatter.amount(metric, value, currency) if value is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            value = metric.actuals.get(month.key)
            return self.formatter.edit_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.weeks_in(metric, month):
            return QBrush(self.muted)
        if role == Qt.ItemDataRole.FontRole and self.weeks_in(metric, month):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and index.column() < self.first_plan_month:
            tint = QColor(self.muted)
            tint.setAlpha(28)
            return QBrush(tint)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(metric, month)
        return None

    def _tooltip(self, metric: Metric, month: Period) -> str:
        lines = [self.tr("{0}, {1}").format(metric.name, month.key)]
        weeks = self.weeks_in(metric, month)
        if weeks:
            currency = self.document.plan.engine.currency_of(metric)
            parts = [f"{k}: {self.formatter.amount(metric, metric.actuals[k], currency)}" for k in sorted(weeks)]
            lines.append(self.tr("Kept by week in the file ({0}); edit the weeks there.").format(", ".join(parts)))
        elif self.months.index(month) < self.first_plan_month:
            lines.append(self.tr("Before the plan starts: counts for stages that convert later (lag)."))
        return "\n".join(lines)

    def editable(self, metric: Metric, month: Period) -> bool:
        return not self.weeks_in(metric, month)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        found = self.cell(index)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if found is not None and self.editable(*found):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.months):
                return None
            month = self.months[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return month.key
            if role == Qt.ItemDataRole.FontRole and month.key == self._as_of_month():
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                if section < self.first_plan_month:
                    return self.tr("{0}: before the plan starts (carry-in)").format(month.key)
                if month.key == self._as_of_month():
                    return self.tr("{0}: the as-of month").format(month.key)
                return month.key
            return None
        if not 0 <= section < len(self.metrics):
            return None
        metric = self.metrics[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return "  " * metric.depth + metric.name
        if role == Qt.ItemDataRole.ToolTipRole:
            weekly = self.tr(" (measured weekly: typed by month here)") if is_weekly(metric.interval) else ""
            return metric.name + weekly
        return None

    def _as_of_month(self) -> str:
        day = self.tracking.as_of()
        return Period(day.year, day.month).key

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A typed value: one undo step through the document (refused with a message naming the cell)."""
        if role != Qt.ItemDataRole.EditRole or self.cell(index) is None:
            return False
        return self.set_cells([(index.row(), index.column(), str(value if value is not None else ""))],
                              typed=True)

    # ---- edits: typed, cleared, pasted -----------------------------------------------------------------
    def parse(self, metric: Metric, month: Period, text: str) -> Decimal | None:
        """``text`` as ``metric``'s actual of ``month`` (None: empty, clears); CellError naming the cell."""
        translate = QCoreApplication.translate
        try:
            value = schema.parse_text(schema.INPUTS["actual"], text, window=True)
        except ValueError as exc:
            raise CellError(self._refusal(metric, month, text, reason_of(exc).text(translate))) from None
        if value is None:
            return None
        problems = schema.metric_problems({"kind": metric.kind, "allow_negative": metric.allow_negative,
                                           "actuals": {month.key: value}})
        if problems:
            raise CellError(self._refusal(metric, month, text, problems[0].why.text(translate)))
        return value

    def _refusal(self, metric: Metric, month: Period, text: str, why: str) -> str:
        return self.tr("{0}, {1}: \u201c{2}\u201d: {3}").format(metric.name, month.key, text.strip(), why)

    def set_cells(self, cells: list[tuple[int, int, str]], *, typed: bool = False) -> bool:
        """Put text into (row, column) cells as one undo step, all or none."""
        values: dict[str, dict[str, Decimal | None]] = {}
        prefix = "" if typed else self.tr("Nothing was pasted. ")
        try:
            for row, column, text in cells:
                metric, month = self.metrics[row], self.months[column]
                if not self.editable(metric, month):
                    raise CellError(self._refusal(metric, month, text, self.tr(
                        "this month is kept by week in the file; edit the weeks there")))
                values.setdefault(metric.id, {})[month.key] = self.parse(metric, month, text)
        except CellError as exc:
            self.refused.emit(prefix + str(exc))
            return False
        changed = {mid: v for mid, v in values.items() if any(
            self.document.plan.metrics[mid].actuals.get(k) != x for k, x in v.items())}
        if not changed:
            return True
        count = sum(len(v) for v in changed.values())
        if typed and count == 1:
            metric_id, change = next(iter(changed.items()))
            key, value = next(iter(change.items()))
            name = self.document.plan.metrics[metric_id].name
            label = (self.tr("Set actual of {0} for {1}") if value is not None
                     else self.tr("Clear actual of {0} for {1}")).format(name, key)
        elif all(x is None for v in changed.values() for x in v.values()):
            label = self.tr("Clear {0} actuals").format(count)
        else:
            label = self.tr("Paste actuals into {0} cells").format(count)
        return self.document.set_actuals_block(changed, label)


class ActualsTable(QTableView):
    """The grid: Del clears the selected cells, Ctrl+C copies them, Ctrl+V pastes a block from the current cell."""

    def __init__(self, model: ActualsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.grid = model
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setDefaultSectionSize(76)
        self.horizontalHeader().setMinimumSectionSize(48)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.verticalHeader().setSectionResizeMode(self.verticalHeader().ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                self.clear_selected()
                return
        super().keyPressEvent(event)

    def _selected_cells(self) -> list[QModelIndex]:
        cells = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        return sorted((i for i in cells if i.isValid()), key=lambda i: (i.row(), i.column()))

    def clear_selected(self) -> bool:
        """Del: empty every selected cell that holds a month's actual, as one step."""
        cells = []
        for index in self._selected_cells():
            found = self.grid.cell(index)
            if found is not None and self.grid.editable(*found) and found[1].key in found[0].actuals:
                cells.append((index.row(), index.column(), ""))
        return self.grid.set_cells(cells) if cells else False

    def copy(self) -> None:
        """The selected block as tab-separated lines, the values as typed (1600, not 1,600)."""
        cells = self._selected_cells()
        if not cells:
            return
        rows = sorted({i.row() for i in cells})
        columns = sorted({i.column() for i in cells})
        model = self.grid
        block = [[str(model.data(model.index(r, c), Qt.ItemDataRole.EditRole) or "") for c in columns] for r in rows]
        QGuiApplication.clipboard().setText(write_block(block))

    def paste(self) -> bool:
        """A block from a spreadsheet into the cells from the current one right and down: one step, all or none."""
        start = self.currentIndex()
        text = QGuiApplication.clipboard().text()
        if not start.isValid() or not text:
            return False
        model = self.grid
        prefix = self.tr("Nothing was pasted. ")
        if len(text) > MAX_TEXT_LENGTH * 10:
            model.refused.emit(prefix + self.tr("The clipboard holds {0:,} characters; a paste takes at most {1:,}.")
                               .format(len(text), MAX_TEXT_LENGTH * 10))
            return False
        block = read_block(text)
        size = sum(len(row) for row in block)
        if size > MAX_PASTE_CELLS:
            model.refused.emit(prefix + self.tr("The clipboard holds {0:,} cells; a paste fills at most {1:,}.")
                               .format(size, MAX_PASTE_CELLS))
            return False
        rows, columns = len(block), max(len(row) for row in block)
        if start.row() + rows > model.rowCount() or start.column() + columns > model.columnCount():
            model.refused.emit(prefix + self.tr(
                "The clipboard has {0} rows of {1} cells, but from {2}, {3} the grid has {4} rows and {5} months.")
                .format(rows, columns, model.metrics[start.row()].name, model.months[start.column()].key,
                        model.rowCount() - start.row(), model.columnCount() - start.column()))
            return False
        cells = [(start.row() + r, start.column() + c, value) for r, row in enumerate(block)
                 for c, value in enumerate(row)]
        done = model.set_cells(cells)
        if done:
            last = model.index(start.row() + rows - 1, start.column() + columns - 1)
            self.selectionModel().select(QItemSelection(start, last),
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return done


class ActualsGrid(QWidget):
    """The grid with a line under it that says why the last edit was refused."""

    def __init__(self, document: Document, tracking: TrackingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ActualsModel(document, tracking, self)
        self.table = ActualsTable(self.model, self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setContentsMargins(6, 2, 6, 2)
        self.message.hide()
        self.last_refusal = ""
        self.model.refused.connect(self.show_refusal)
        self.model.modelReset.connect(self._fit_names)
        document.undo_stack.indexChanged.connect(lambda _index: self.message.hide())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def show_refusal(self, text: str) -> None:
        self.last_refusal = text
        alert = "#ff7b72" if self.palette().color(QPalette.ColorRole.Base).lightness() < 128 else "#c62828"
        self.message.setStyleSheet(f"color: {alert}")
        self.message.setText(text)
        self.message.show()

    def _fit_names(self) -> None:
        header = self.table.verticalHeader()
        widest = max((header.fontMetrics().horizontalAdvance(str(self.model.headerData(r, Qt.Orientation.Vertical)))
                      for r in range(self.model.rowCount())), default=80)
        header.setFixedWidth(min(widest + 16, 280))

    def showEvent(self, event) -> None:  # noqa: N802
        self.model.set_active(True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.model.set_active(False)
        super().hideEvent(event)


__all__ = ["ActualsGrid", "ActualsModel", "ActualsTable", "CellError"]
