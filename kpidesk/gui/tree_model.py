"""The KGI/KPI tree as a Qt item model: a thin adapter over the Plan, driven by plan.events.

The tree's shape is held in C++: one ``QStandardItem`` per metric, carrying
a small integer key, mirrors the plan's parent/child structure and follows it
by the plan's events. Qt asks ``index()``, ``parent()``, ``rowCount()``,
``hasChildren()`` and ``flags()`` for every expanded row after any insert,
removal or move, and walks every kept index (one per expanded row) to its
root before a removal: at 10,000 metrics that is tens of thousands of calls,
which stay in C++ instead of crossing into Python. Only what a row shows
(``data()``, asked for the rows painted) and what a user does (``setData()``,
drops) are Python, reading the Plan directly: no copy of a value is kept.
Edits go through the Document (one undo step each), never into the plan.

A change costs the rows it changed: their highlight is worked out when a row
is painted, not for rows out of sight.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from kpidesk.gui.document import Document
from kpidesk.gui.formatting import Formatter
from kpidesk.gui.icons import finding_icon
from kpidesk.gui.tracking_state import TrackingState, status_words
from kpidesk.model import events as ev
from kpidesk.model.exact import Fraction
from kpidesk.model.explain import explain
from kpidesk.model.findings import Severity
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.numbers import percent_text
from kpidesk.model.tracking import Progress

MIME_TYPE = "application/x-kpidesk-metric-ids"
FLASH_SECONDS = 1.5
MetricRole = Qt.ItemDataRole.UserRole + 1  # the Metric of a row
FlashRole = Qt.ItemDataRole.UserRole + 2  # 0..1: how strongly a just-changed value is highlighted
KgiRole = Qt.ItemDataRole.UserRole + 3  # True on the KGI's row
ProgressRole = Qt.ItemDataRole.UserRole + 4  # actual / target as a float, or None
ChangedRole = Qt.ItemDataRole.UserRole + 5  # what a comparison found changed on the row (lines), or None
StatusRole = Qt.ItemDataRole.UserRole + 6  # the Status of the Progress cell as of the as-of date, or None
_KEY = int(Qt.ItemDataRole.UserRole) + 7  # on a row's first cell: the key of its metric (see PlanTreeModel._key)
_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    TARGET = 1
    UNIT = 2
    EDGE = 3
    FORECAST = 4
    GAP = 5
    ACTUAL = 6
    PROGRESS = 7


NUMERIC = {Column.TARGET, Column.EDGE, Column.FORECAST, Column.GAP, Column.ACTUAL, Column.PROGRESS}
EDITABLE = {Column.NAME, Column.TARGET, Column.UNIT, Column.EDGE, Column.ACTUAL}
_COLUMNS = len(Column)
_EDITABLE_COLUMNS = frozenset(int(c) for c in EDITABLE)
_EDGE = int(Column.EDGE)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ACTUAL = int(Column.ACTUAL)
#: Flags made once: combining Qt's flag enums costs more than the rest of cell_flags().
_READ_ONLY = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
              | Qt.ItemFlag.ItemIsDropEnabled)
_EDITABLE_FLAGS = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
_base_data = QStandardItemModel.data  # the key stored on a first cell, read without our data()
#: Roles as plain ints: data() runs for every role of every painted cell.
_DISPLAY, _EDIT, _FONT, _FOREGROUND = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole),
                                       int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.ForegroundRole))
_ALIGNMENT, _DECORATION, _TOOLTIP = (int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.DecorationRole),
                                     int(Qt.ItemDataRole.ToolTipRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NUMERIC_COLUMNS = frozenset(int(c) for c in NUMERIC)
#: More changed rows than this in one action are repainted as a whole (one signal) instead of row by row.
MANY_ROWS = 200


def edge_is_share(metric: Metric) -> bool:
    """Whether the edge column of ``metric`` holds a share of its parent (else a rate)."""
    return metric.share is not None or (metric.parent is not None and metric.parent.relation is Relation.SHARE)


class PlanTreeModel(QStandardItemModel):
    """Rows are metrics, children under their parent; columns as in :class:`Column`.

    Qt's own ``index()``, ``parent()``, ``rowCount()``, ``hasChildren()`` and ``flags()`` answer from the items;
    ``flags()`` there says every cell takes text, so what a cell really takes is :meth:`cell_flags`, which the view
    asks before it opens an editor."""

    #: Values changed on more rows than :data:`MANY_ROWS` (a new factor at the top, a new currency): views
    #: repaint what they show instead of being told row by row.
    manyRowsChanged = Signal()
    #: A metric is about to move with the rows below it (its rows leave and come back): views note what to restore.
    subtreeMoving = Signal(object)
    #: The metric has moved: its rows are back at their new place.
    subtreeMoved = Signal(object)
    #: The rows were made again for another plan (the old rows removed, the new ones inserted).
    rebuilt = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.formatter = Formatter()
        self._keys: dict[int, Metric] = {}  # a row's key -> metric
        self._key_of: dict[Metric, int] = {}
        self._items: dict[Metric, QStandardItem] = {}  # the first cell of each metric's row
        #: Each row's texts as last shown, and its parent's relation then (which says whether the rate column
        #: holds a rate or a share): painting reads them, and an edit's highlight compares with them.
        self._shown: dict[Metric, tuple[tuple[str, ...], Relation | None]] = {}
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        self._brushes: dict[int, QBrush] = {}
        self._flash: dict[tuple[Metric, int], float] = {}
        #: Rows whose values changed (when) and were not painted since: compared with ``_shown`` when painted.
        self._pending: dict[Metric, float] = {}
        self._plan = None
        self._current: Metric | None = None  # the current row: the rate column's header says what its rate is
        #: Metric id -> what File > Compare With found changed there (the rows are tinted until cleared).
        self.changes: dict[str, list[str]] = {}
        self.changed_tint = QColor()
        self.muted = QColor()
        self.alert = QColor()
        self.ahead = QColor()
        self.update_colors()
        #: What a drop does: (metric id, new parent id or None, row). The window makes it ask before a drop
        #: would break a funnel.
        self.move: Callable[[str, str | None, int], object] = document.move_metric
        self._token = uuid.uuid4().hex  # names this model in its drags (see mimeData)
        #: The plan as of a month (set by :meth:`follow`); None: the single actual against the whole target.
        self.tracking: TrackingState | None = None
        document.planReplaced.connect(self._reset)
        self._reset()

    # ---- keys, items and indexes -----------------------------------------------------------------
    def _key(self, metric: Metric) -> int:
        key = self._key_of.get(metric)
        if key is None:
            key = len(self._key_of) + 1
            self._key_of[metric] = key
            self._keys[key] = metric
        return key

    def _item(self, metric: Metric) -> QStandardItem:
        """A new first cell for ``metric``'s row, with the rows of the metrics below it (not yet in the model)."""
        item = QStandardItem()
        item.setData(self._key(metric), _KEY)
        item.setFlags(_EDITABLE_FLAGS)  # the name: what Qt's flags() answers on the first column
        item.setColumnCount(_COLUMNS)
        self._items[metric] = item
        if metric.children:
            item.appendRows([self._item(child) for child in metric.children])
        return item

    def _parent_item(self, parent: Metric | None) -> QStandardItem:
        return self.invisibleRootItem() if parent is None else self._items[parent]

    def _forget(self, metric: Metric) -> None:
        for each in metric.walk():
            self._items.pop(each, None)

    def metric(self, index: _Index) -> Metric | None:
        if not index.isValid():
            return None
        if isinstance(index, QPersistentModelIndex):
            index = QModelIndex(index)
        return self._keys.get(_base_data(self, index.siblingAtColumn(0) if index.column() else index, _KEY))

    def index_of(self, metric: Metric | None, column: int = 0) -> QModelIndex:
        item = self._items.get(metric) if metric is not None else None
        if item is None:
            return QModelIndex()
        index = self.indexFromItem(item)
        return index.siblingAtColumn(column) if column else index

    # ---- headers and values --------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == Column.EDGE:
                return self.edge_header(self._current)
            return [self.tr("Metric"), self.tr("Target"), self.tr("Unit"), "",
                    self.tr("Forecast"), self.tr("Gap"), self.tr("Actual"), self.tr("Progress")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == Column.EDGE:
                return self._edge_header_tip(self._current)
            return [self.tr("The KGI and the KPIs that drive it"),
                    self.tr("Bold: given by you. Italic and grey: derived from the goal and the rates."),
                    self.tr("What the metric counts"), "",
                    self.tr("What follows if every KPI below is met"),
                    self.tr("Forecast - target: red where the forecast falls short (for costs and limits, where "
                            "it is above the target)"),
                    self._to_date_tip(self.tr("The value measured so far")),
                    self._to_date_tip(self.tr("Actual as a part of the target"))][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_current(self, metric: Metric | None) -> None:
        """The current row, whose rate the rate column's header names ("Rate to Web orders")."""
        if metric is not self._current:
            self._current = metric
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.EDGE, Column.EDGE)

    def edge_header(self, metric: Metric | None) -> str:
        """What the rate column holds on ``metric``'s row: "Rate to Web orders", "Share of Orders"."""
        if metric is None or metric.parent is None or self.document.plan.metrics.get(metric.id) is not metric:
            return self.tr("Rate / share")
        if edge_is_share(metric):
            return self.tr("Share of {0}").format(metric.parent.name)
        return self.tr("Rate to {0}").format(metric.parent.name)

    def _edge_header_tip(self, metric: Metric | None) -> str:
        general = self.tr("On each row, the rate is the part of that metric that becomes the metric above it "
                          "(a funnel's conversion rate); a share is the part of the metric above that the row is.\n"
                          "Type 40 or 40% for 40 %; type solve (or Edit > Solve This Rate) for the rate that meets "
                          "the goal.")
        meaning = self._edge_meaning(metric) if metric is not None else None
        return meaning + "\n\n" + general if meaning else general

    def _edge_meaning(self, metric: Metric) -> str | None:
        """What the rate cell of ``metric`` means, in words."""
        parent = metric.parent
        if parent is None or self.document.plan.metrics.get(metric.id) is not metric:
            return None
        names = (metric.name, parent.name)
        if edge_is_share(metric):
            return self.tr("Share of {1}: {0} is this part of {1}.").format(*names)
        return self.tr("Rate from {0} to {1}: the part of {0} that becomes {1}.").format(*names)

    def text(self, metric: Metric, column: int) -> str:
        """The text a cell shows (also used to see what an edit changed)."""
        computed, fmt = metric.computed, self.formatter
        currency = self.document.plan.engine.currency_of(metric)
        if column == Column.NAME:
            return metric.name
        if column == Column.TARGET:
            return fmt.amount(metric, computed.target, currency)
        if column == Column.UNIT:
            return metric.unit
        if column == Column.EDGE:
            if edge_is_share(metric):
                return fmt.percent(metric.share) if metric.share is not None else ""
            if metric.solve_rate or metric.rate is None:
                return fmt.percent(computed.rate, up=True) if computed.rate is not None else ""
            return fmt.percent(metric.rate)
        if column == Column.FORECAST:
            return fmt.amount(metric, computed.forecast, currency)
        if column == Column.GAP:
            return fmt.signed(metric, computed.gap, currency) if computed.gap is not None else ""
        seen = self.seen(metric)
        if column == Column.ACTUAL:
            return fmt.amount(metric, metric.actual if seen is None else seen.actual_to_date, currency)
        progress = self.progress(metric)
        return fmt.percent(progress) if progress is not None else ""

    def seen(self, metric: Metric) -> Progress | None:
        """The metric as of the as-of date where the Actual and Progress columns show it to date (a lookup)."""
        return self.tracking.progress(metric) if self.tracking is not None else None

    def progress(self, metric: Metric) -> Fraction | None:
        seen = self.seen(metric)
        return metric.achievement() if seen is None else seen.progress

    def _given(self, metric: Metric, column: int) -> bool | None:
        """True for a value the planner gave, False for a derived one, None where it does not apply."""
        if column == Column.TARGET:
            return metric.is_given
        if column == Column.EDGE:
            if edge_is_share(metric):
                return metric.share is not None
            return metric.rate is not None and not metric.solve_rate
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        metric = self.metric(index)
        if metric is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._texts(metric)[column]
        if role == FlashRole:
            return self.flash_strength(metric, column)
        if role == _FONT:
            given = self._given(metric, column)
            if given is None and not (column == Column.NAME and metric is self.document.plan.kgi):
                return None
            return self._font(given is not False, given is False)
        if role == _FOREGROUND:
            if self._given(metric, column) is False:
                return self._brush(self.muted)
            if column in (Column.FORECAST, Column.GAP) and metric.forecast_falls_short():
                return self._brush(self.alert)
            if column == Column.GAP and metric.computed.gap is not None:  # ahead of the target, or on it (muted)
                return self._brush(self.ahead if metric.computed.gap else self.muted)
            return None
        if role == _ALIGNMENT:
            return _RIGHT if column in _NUMERIC_COLUMNS else None
        if role == _DECORATION:
            if column != Column.NAME:
                return None
            findings = self.document.findings_by_metric.get(metric.id)
            if findings:
                return finding_icon(any(f.severity is Severity.ERROR for f in findings))
            return None
        if role == _EDIT:
            return self._edit_text(metric, column)
        if role == _TOOLTIP:
            return self._tooltip(metric, column)
        if role == MetricRole:
            return metric
        if role == KgiRole:
            return metric is self.document.plan.kgi
        if role == ChangedRole:
            return self.changes.get(metric.id)
        if role == _BACKGROUND and metric.id in self.changes:
            return QBrush(self.changed_tint)
        if role == ProgressRole and column == Column.PROGRESS:
            progress = self.progress(metric)  # only the bar's length: the text is exact
            return float(progress) if progress is not None else None
        if role == StatusRole and column == Column.PROGRESS:
            seen = self.seen(metric)
            return seen.status if seen is not None else None
        return None

    def _texts(self, metric: Metric) -> tuple[str, ...]:
        """The row's texts as shown: worked out again only after a change (see :meth:`_see`)."""
        if metric in self._pending:
            self._see(metric)
        shown = self._shown.get(metric)
        parent = metric.parent
        relation = parent.relation if parent is not None else None
        if shown is None or shown[1] is not relation:
            shown = self._shown[metric] = (self._values(metric), relation)
        return shown[0]

    def _font(self, bold: bool, italic: bool) -> QFont:
        font = self._fonts.get((bold, italic))
        if font is None:
            font = self._fonts[(bold, italic)] = QFont()
            font.setBold(bold)
            font.setItalic(italic)
        return font

    def _brush(self, color: QColor) -> QBrush:
        brush = self._brushes.get(color.rgba())
        if brush is None:
            brush = self._brushes[color.rgba()] = QBrush(color)
        return brush

    def _edit_text(self, metric: Metric, column: int) -> str:
        if column == Column.NAME:
            return metric.name
        if column == Column.UNIT:
            return metric.unit
        if column == Column.TARGET:
            return self.formatter.edit_text(metric.target)
        if column == Column.ACTUAL:
            if metric.actuals:
                return self.text(metric, column)
            return self.formatter.edit_text(metric.actual)
        if column == Column.EDGE:
            value = metric.share if edge_is_share(metric) else metric.rate
            return "" if value is None else percent_text(value)  # every digit typed: 0.015%
        return self.text(metric, column)

    def _tooltip(self, metric: Metric, column: int) -> str | None:
        lines = []
        if column == Column.NAME:
            if metric is self.document.plan.kgi:
                lines.append(self.tr("KGI: the goal of this plan"))
            lines += [self.document.describe(f) for f in self.document.findings_by_metric.get(metric.id, [])]
            if metric.definition:
                lines.append(metric.definition)
            lines += self.changes.get(metric.id, [])
        if column == Column.EDGE and (meaning := self._edge_meaning(metric)):
            lines.append(meaning)
            if metric.solve_rate:
                lines.append(self.tr("Solved: the rate that meets the goal (goal seek)"))
        given = self._given(metric, column)
        if given is True:
            lines.append(self.tr("Given by you"))
        elif given is False and column == Column.TARGET:
            explanation = explain(metric)
            if explanation is not None:
                lines.append(self.document.describe(explanation))
            lines.append(self.tr("Derived: calculated from the goal and the rates"))
        elif given is False and not metric.solve_rate:
            lines.append(self.tr("Derived: calculated from the goal and the rates"))
        if column in (Column.ACTUAL, Column.PROGRESS) and (seen := self.seen(metric)) is not None:
            lines += self._progress_tip(metric, seen)
        if column in (Column.FORECAST, Column.GAP) and metric.computed.gap is not None:
            currency = self.document.plan.engine.currency_of(metric)
            gap = self.formatter.signed(metric, metric.computed.gap, currency)
            if metric.forecast_falls_short():
                lines.append(self.tr("Gap to the target: {0}, short of the target").format(gap))
            else:
                lines.append(self.tr("Gap to the target: {0}").format(gap))
        return "\n".join(lines) or None

    def _to_date_tip(self, general: str) -> str:
        if self.tracking is None or not self.tracking.tracked:
            return general
        return self.tr("{0}: to date, as of {1}").format(general, self.tracking.as_of_text())

    def _progress_tip(self, metric: Metric, seen: Progress) -> list[str]:
        """Target and actual to date, pace, status and the rate seen: what the Progress cell sums up."""
        assert self.tracking is not None
        fmt, currency = self.formatter, self.document.plan.engine.currency_of(metric)

        def amount(value: Fraction | None) -> str:
            return fmt.amount(metric, value, currency) if value is not None else self.tr("unknown")

        lines = [self.tr("As of {0}").format(self.tracking.as_of_text())]
        if seen.phased:
            lines.append(self.tr("Target to date: {0} of {1}").format(amount(seen.target_to_date), amount(seen.target)))
            if seen.carry_in:
                lines.append(self.tr("of which due before the plan starts (lag): {0}").format(amount(seen.carry_in)))
            lines.append(self.tr("Actual to date: {0}").format(amount(seen.actual_to_date)))
            if seen.pace is not None:
                lines.append(self.tr("At this pace: {0} by the end of the plan").format(amount(seen.pace)))
        else:
            lines.append(self.tr("Target: {0}").format(amount(seen.target)))
            lines.append(self.tr("Latest actual: {0}").format(amount(seen.actual_to_date)))
        status = status_words(seen.status)
        if seen.progress is not None:
            lines.append(self.tr("Status: {0} ({1} of the target to date)").format(status, fmt.percent(seen.progress)))
        else:
            lines.append(self.tr("Status: {0}").format(status))
        if seen.planned_rate is not None and metric.parent is not None:
            planned = fmt.percent(seen.planned_rate)
            if seen.actual_rate is not None:
                lines.append(self.tr("Rate into {0} seen: {1} against {2} planned").format(
                    metric.parent.name, fmt.percent(seen.actual_rate), planned))
            else:
                lines.append(self.tr("Rate into {0}: {1} planned, not seen yet").format(metric.parent.name, planned))
        return lines

    def follow(self, tracking: TrackingState) -> None:
        """Show the Actual and Progress columns to date, as ``tracking`` has the plan."""
        self.tracking = tracking
        tracking.changed.connect(self._tracking_changed)
        tracking.asOfChanged.connect(lambda: self.headerDataChanged.emit(
            Qt.Orientation.Horizontal, Column.ACTUAL, Column.PROGRESS))
        self._tracking_changed(frozenset(m.id for m in self.document.plan.walk()))

    def _tracking_changed(self, ids: frozenset[str]) -> None:
        metrics = self.document.plan.metrics
        self._changed(frozenset(metrics[i] for i in ids if i in metrics))

    def cell_flags(self, index: _Index) -> Qt.ItemFlag:
        """What the cell at ``index`` takes: read-only for calculated cells, no rate above a root, no single
        actual where there are actuals by period."""
        if not index.isValid():
            return _ROOT_FLAGS
        column = index.column()
        if column not in _EDITABLE_COLUMNS:
            return _READ_ONLY
        if column == _EDGE or column == _ACTUAL:
            metric = self.metric(index)
            if metric is not None and (metric.parent is None if column == _EDGE else bool(metric.actuals)):
                return _READ_ONLY  # no edge above a root; actuals by period are typed in the grid
        return _EDITABLE_FLAGS

    def field_at(self, index: _Index) -> str | None:
        """The metric field that the cell at ``index`` edits; None for a calculated or empty cell."""
        metric = self.metric(index)
        if metric is None or not self.cell_flags(index) & Qt.ItemFlag.ItemIsEditable:
            return None
        column = index.column()
        if column == Column.EDGE:
            return "share" if edge_is_share(metric) else "rate"
        return {Column.NAME: "name", Column.TARGET: "target", Column.UNIT: "unit", Column.ACTUAL: "actual"}.get(column)

    def why_not_editable(self, index: _Index) -> str:
        """Why typing on a cell that takes no value does nothing, for the status bar."""
        metric = self.metric(index)
        if metric is not None and index.column() == Column.EDGE and metric.parent is None:
            return self.tr("{0} is at the top of its tree: it has no rate or share.").format(metric.name)
        if metric is not None and index.column() == Column.ACTUAL and metric.actuals:
            return self.tr("{0} has actuals by period: enter them in View > Actuals by Period.").format(metric.name)
        header = self.headerData(index.column(), Qt.Orientation.Horizontal)
        return self.tr("{0} is calculated: type a target, a rate or an actual.").format(header)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Typed text becomes one intent call on the document (which validates it)."""
        metric = self.metric(index)
        if metric is None or role != Qt.ItemDataRole.EditRole:
            return False
        text, doc, column = str(value if value is not None else ""), self.document, index.column()
        if column == Column.NAME:
            return doc.rename(metric.id, text)
        if column == Column.TARGET:
            return doc.set_target(metric.id, text)
        if column == Column.UNIT:
            return doc.set_field(metric.id, "unit", text.strip())
        if column == Column.ACTUAL:
            return doc.set_actual(metric.id, text)
        if column == Column.EDGE:
            return doc.set_share(metric.id, text) if edge_is_share(metric) else doc.set_rate(metric.id, text)
        return False

    # ---- drag and drop: a move through the document -------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        """The dragged ids, after this model's token: a drag from another window's plan never moves this one's."""
        ids = list(dict.fromkeys(m.id for i in indexes if (m := self.metric(i)) is not None))
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray("\n".join([self._token, *ids]).encode("utf-8")))
        return data

    def _dragged_ids(self, data: QMimeData) -> list[str]:
        """The ids in a drag from this model; none from anywhere else."""
        if not data.hasFormat(MIME_TYPE):
            return []
        token, *ids = bytes(data.data(MIME_TYPE).data()).decode("utf-8").split("\n")
        return ids if token == self._token else []

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: _Index) -> bool:
        ids = self._dragged_ids(data)
        if not ids:
            return False
        target = self.metric(parent)
        for metric_id in ids:
            moving = self.document.metric(metric_id)
            if moving is None or (target is not None and (target is moving or moving in target.ancestors())):
                return False
        return True

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: _Index) -> bool:
        """Move the dragged metric; returns False so the view never removes the source rows itself."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.metric(parent)
        moving = self.document.metric(self._dragged_ids(data)[0])
        if moving is None:
            return False
        siblings = self.document.plan.children_of(target)
        new_row = len(siblings) if row < 0 else row
        if moving.parent is target and new_row > moving.row:
            new_row -= 1  # Qt counts the drop row before the metric leaves its place
        self.move(moving.id, target.id if target else None, new_row)
        return False

    # ---- following the plan ------------------------------------------------------------------------
    def _reset(self) -> None:
        """Rows for the document's plan: made apart from the model, then put in at once."""
        if self._plan is not None:
            self._plan.events.disconnect(self._on_event)
        self._plan = self.document.plan
        self._plan.events.connect(self._on_event)
        self._keys.clear()
        self._key_of.clear()
        self._items.clear()
        self._flash.clear()
        self.changes = {}  # a comparison was with the plan that was here
        self._pending.clear()
        self._shown = {m: (self._values(m), m.parent.relation if m.parent else None) for m in self._plan.walk()}
        rows = [self._item(root) for root in self._plan.roots]
        top = self.invisibleRootItem()
        if self.columnCount() != _COLUMNS:  # the first time: later the columns (and their widths) stay
            self.setColumnCount(_COLUMNS)
            top.setFlags(_ROOT_FLAGS)
        top.removeRows(0, top.rowCount())
        if rows:
            top.appendRows(rows)
        self.rebuilt.emit()

    def mark_changes(self, changes: dict[str, list[str]]) -> None:
        """Tint the rows of these metric ids, their lines in the name's tooltip; {} clears the marks."""
        self.changes = dict(changes)
        if self._plan is not None and self._plan.roots:
            last = self._plan.roots[-1]
            self.dataChanged.emit(self.index(0, 0), self.index(last.row, len(Column) - 1))
            for metric in self._plan.walk():
                if metric.children:
                    first = self.index_of(metric.children[0])
                    self.dataChanged.emit(first, self.index_of(metric.children[-1], len(Column) - 1))

    def _values(self, metric: Metric) -> tuple[str, ...]:
        return tuple(self.text(metric, c) for c in Column)

    def _on_event(self, event: ev.Event) -> None:
        """The items follow the plan's structure; each change of rows is one Qt signal."""
        if isinstance(event, ev.MetricInserted):
            # A list, not one item: PySide gives C++ the ownership of a list's items, not of a lone item
            self._parent_item(event.parent).insertRow(event.row, [self._item(event.metric)])
            now = time.monotonic()  # back after an undo: its texts may be older than the plan
            self._pending.update((m, now) for m in event.metric.walk())
        elif isinstance(event, ev.MetricRemoved):
            self._parent_item(event.parent).removeRow(event.row)
            self._forget(event.metric)
        elif isinstance(event, ev.MetricMoving):
            self.subtreeMoving.emit(event.metric)
        elif isinstance(event, ev.MetricMoved):
            metric = event.metric
            taken = self._parent_item(event.old_parent).takeRow(event.old_row)
            self._parent_item(metric.parent).insertRow(metric.row, taken[:1])
            self._pending[metric] = time.monotonic()
            self.subtreeMoved.emit(metric)
        elif isinstance(event, ev.MetricsChanged):
            self._changed(event.metrics)
        elif isinstance(event, ev.PlanInfoChanged) and event.field == "currency":
            self._changed(frozenset(self._plan.walk()) if self._plan else frozenset())

    def _changed(self, metrics: frozenset[Metric]) -> None:
        """Tell the views which rows changed: one dataChanged per run of neighbouring rows, or one
        manyRowsChanged when there are many. What changed on a row is seen when it is painted (see
        :meth:`flash_strength`), so rows out of sight cost nothing more."""
        plan = self.document.plan
        if plan is not self._plan:
            return  # told before this model saw the new plan: its rows are all made again (see _reset)
        rows = set(metrics)
        rows.update(plan.metrics[i] for i in self.document.findings_changed if i in plan.metrics)
        now = time.monotonic()
        pending = self._pending
        for metric in rows:
            pending[metric] = now
        if len(rows) > MANY_ROWS:
            self.manyRowsChanged.emit()
            return
        by_parent: dict[Metric | None, list[int]] = {}
        for metric in rows:
            if plan.metrics.get(metric.id) is metric:
                by_parent.setdefault(metric.parent, []).append(metric.row)
        last = _COLUMNS - 1
        for parent, numbers in by_parent.items():
            numbers.sort()
            parent_index = self.index_of(parent)
            start = previous = numbers[0]
            for row in [*numbers[1:], None]:
                if row is not None and row == previous + 1:
                    previous = row
                    continue
                self.dataChanged.emit(self.index(start, 0, parent_index), self.index(previous, last, parent_index))
                if row is not None:
                    start = previous = row

    def _see(self, metric: Metric) -> None:
        """``metric``'s row is shown after a change: highlight the values that moved (while it is fresh)."""
        changed_at = self._pending.pop(metric)
        values = self._values(metric)
        shown = self._shown.get(metric)
        self._shown[metric] = (values, metric.parent.relation if metric.parent else None)
        if shown is None or time.monotonic() - changed_at >= FLASH_SECONDS:
            return
        for column, (old, new) in enumerate(zip(shown[0], values, strict=True)):
            if old != new and column != Column.NAME:
                self._flash[(metric, column)] = changed_at

    # ---- highlighting and colours ----------------------------------------------------------------------
    def flash_strength(self, metric: Metric, column: int) -> float:
        if metric in self._pending:
            self._see(metric)
        started = self._flash.get((metric, column))
        if started is None:
            return 0.0
        left = 1.0 - (time.monotonic() - started) / FLASH_SECONDS
        if left <= 0:
            del self._flash[(metric, column)]
            return 0.0
        return left

    def flashing(self) -> list[tuple[Metric, int]]:
        """The cells highlighted now (metric, column); expired ones are dropped."""
        now = time.monotonic()
        for key, started in list(self._flash.items()):
            if now - started >= FLASH_SECONDS:
                del self._flash[key]
        return list(self._flash)

    def update_colors(self) -> None:
        """Muted and alert colours from the palette (light or dark)."""
        palette = QGuiApplication.palette()
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        self.muted = QColor((text.red() * 55 + base.red() * 45) // 100, (text.green() * 55 + base.green() * 45) // 100,
                            (text.blue() * 55 + base.blue() * 45) // 100)
        dark = base.lightness() < 128
        self._brushes = {}
        self.alert = QColor("#ff7b72") if dark else QColor("#c62828")
        self.ahead = QColor("#7ee787") if dark else QColor("#2e7d32")
        self.changed_tint = QColor("#5c4a00") if dark else QColor("#fff3c4")  # a marker pen's yellow
