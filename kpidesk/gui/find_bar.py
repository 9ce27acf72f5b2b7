"""Ctrl+F: find a metric by a part of its name or its id, below the tree.

Planners remember part of a name ("lead", "受注"), so a metric matches when the
typed text is anywhere in its name or id, ignoring case (``str.casefold``; Japanese
has no case and matches as typed). A list of the matches drops down as you type;
Enter (or F3) puts the cursor on the next match's name, expanding the rows above it,
Shift+Enter (Shift+F3) on the previous one, and Esc closes the bar and gives the
keyboard back to the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from kpidesk.gui.document import Document
from kpidesk.gui.icons import action_icon
from kpidesk.gui.tree_model import Column, PlanTreeModel
from kpidesk.gui.tree_view import MetricTreeView
from kpidesk.model.metric import Metric

IdRole = Qt.ItemDataRole.UserRole + 1  # a completion's metric id
#: Red that reads on the light and the dark palette: "No metric matches".
NO_MATCH_STYLE = "color: #e0483e;"


def matches(metrics: Iterable[Metric], text: str) -> list[Metric]:
    """The metrics (in the order given) whose name or id contains ``text``, ignoring case."""
    query = text.strip().casefold()
    if not query:
        return []
    return [m for m in metrics if query in m.name.casefold() or query in m.id.casefold()]


class FindBar(QWidget):
    """A find field with a drop-down list of matches; hidden until Ctrl+F."""

    def __init__(self, tree: MetricTreeView, model: PlanTreeModel, document: Document,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree, self.model, self.document = tree, model, document
        self._fresh = True  # the text changed since the last jump: the next one may stay on the current row
        self._stale = True  # the plan changed since the completions were made
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(4)
        label = QLabel(self.tr("Fi&nd:"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("part of a name or id"))
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        self.status = QLabel()
        self.status.setMinimumWidth(self.status.fontMetrics().horizontalAdvance(self.tr("No metric matches")) + 8)
        self.previous_button = self._button(self.tr("Previous match (Shift+F3)"), lambda: self.find(forward=False))
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button = self._button(self.tr("Next match (F3, Enter)"), lambda: self.find(forward=True))
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.close_button = self._button(self.tr("Close (Esc)"), self.close_bar)
        self.close_button.setIcon(action_icon("close"))
        for widget in (label, self.field, self.status, self.previous_button, self.next_button, self.close_button):
            layout.addWidget(widget)
        layout.setStretch(1, 1)
        self.completions = QStandardItemModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.field)  # not setCompleter: a choice selects its metric, the text stays short
        self.completer.activated[QModelIndex].connect(self._chosen)
        self.field.textEdited.connect(self._edited)
        # Enter while the list is open: the list hands the key to the field itself, past the filter below
        self.field.returnPressed.connect(lambda: self.find(forward=True))
        self.field.installEventFilter(self)  # after the completer's filter, so this one sees the keys first
        document.metricsChanged.connect(lambda *_: self._plan_changed())
        document.planReplaced.connect(self._plan_changed)
        self.hide()

    def _button(self, tip: str, run: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the field
        button.clicked.connect(lambda _checked=False: run())
        return button

    # ---- opening and closing ------------------------------------------------------------------------
    def open(self) -> None:
        """Show the bar with the keyboard in the field, its text selected (typing replaces it)."""
        self._refresh_completions()
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._count()

    def close_bar(self) -> None:
        """Hide the bar and give the keyboard back to the tree, its cursor where the finding left it."""
        self.completer.popup().hide()
        self.hide()
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- finding ------------------------------------------------------------------------------------
    def find(self, forward: bool = True) -> bool:
        """Put the cursor on the next (or previous) match after the current row, wrapping around; F3 and Enter.

        Right after the text changed, the current row itself counts, so that Enter stays on a row that
        already matches. With nothing typed, the bar opens.
        """
        if not self.field.text().strip():
            self.open()
            return False
        self.show()
        order = list(self.document.plan.walk())
        found = matches(order, self.field.text())
        if not found:
            self._count()
            return False
        current = self.model.metric(self.tree.currentIndex())
        position = {metric: place for place, metric in enumerate(order)}
        here = position.get(current, -1) if current is not None else -1
        include_here = self._fresh and current is not None
        if forward:
            after = [m for m in found if position[m] > here or (include_here and position[m] == here)]
            target = after[0] if after else found[0]
        else:
            before = [m for m in found if position[m] < here or (include_here and position[m] == here)]
            target = before[-1] if before else found[-1]
        self._fresh = False
        self.go_to(target)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("{0} of {1}").format(found.index(target) + 1, len(found)))
        return True

    def go_to(self, metric: Metric) -> None:
        """The cursor on ``metric``'s name: the rows above it expanded, the row scrolled into view."""
        for ancestor in metric.ancestors():
            self.tree.expand(self.model.index_of(ancestor))
        index = self.model.index_of(metric, Column.NAME)
        self.tree.move_to(index)
        self.tree.scrollTo(index)

    def _count(self) -> None:
        """Say how many metrics match what is typed (before Enter is pressed)."""
        text = self.field.text()
        count = len(matches(self.document.plan.walk(), text)) if text.strip() else 0
        self.status.setStyleSheet(NO_MATCH_STYLE if text.strip() and not count else "")
        self.status.setText("" if not text.strip() else self.tr("No metric matches") if not count else
                            self.tr("1 match") if count == 1 else self.tr("{0} matches").format(count))

    def _edited(self, text: str) -> None:
        self._fresh = True
        self._count()
        if text.strip():
            self.completer.setCompletionPrefix(text.strip())
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """A metric chosen in the drop-down list: the cursor goes there; its name becomes the text."""
        metric = self.document.metric(index.data(IdRole))
        if metric is None:
            return
        self.field.setText(metric.name)
        self._fresh = True
        self.go_to(metric)
        found = matches(self.document.plan.walk(), metric.name)
        self._fresh = False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("{0} of {1}").format(found.index(metric) + 1, len(found)) if metric in found
                            else "")

    # ---- following the plan -------------------------------------------------------------------------
    def _plan_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_completions()
            self._count()

    def _refresh_completions(self) -> None:
        """One entry per metric, 'Name (id)', so that either part of it can be typed."""
        if not self._stale:
            return
        self._stale = False
        self.completions.clear()
        for metric in self.document.plan.walk():
            item = QStandardItem(self.tr("{0} ({1})").format(metric.name, metric.id))
            item.setData(metric.id, IdRole)
            item.setEditable(False)
            self.completions.appendRow(item)

    # ---- keys in the field --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter and F3 go to the next match, with Shift to the previous one; Esc closes the bar."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self.completer.popup().hide()
                self.find(forward=not shift)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
