"""The Edit menu: undo/redo and the structural edits of the tree, each one Document call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kpidesk.gui.document import Document


class EditActions(QObject):
    """Actions on the current metric; ``current`` returns its id (None when nothing is selected)."""

    def __init__(self, window: QWidget, document: Document, current: Callable[[], str | None],
                 select: Callable[[str, bool], None]) -> None:
        super().__init__(window)
        self.window, self.document, self.current, self.select = window, document, current, select
        tr = self.tr
        self.undo = document.undo_stack.createUndoAction(window, tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = document.undo_stack.createRedoAction(window, tr("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.add_child = self._action(tr("Add C&hild"), ["Ins"], self._add_child)
        self.add_sibling = self._action(tr("Add &Sibling"), ["Return", "Enter", "Ctrl+Return"], self._add_sibling)
        self.rename = self._action(tr("Re&name"), ["F2"], self._rename)
        self.delete = self._action(tr("&Delete"), ["Del"], self._delete)
        self.move_up = self._action(tr("Mo&ve Up"), ["Ctrl+Up"], lambda m: document.move_up(m))
        self.move_down = self._action(tr("Move Do&wn"), ["Ctrl+Down"], lambda m: document.move_down(m))
        self.indent = self._action(tr("&Indent (Make Child of the Metric Above)"), ["Tab", "Ctrl+Right"],
                                   lambda m: document.indent(m))
        self.outdent = self._action(tr("&Outdent"), ["Shift+Tab", "Ctrl+Left"], lambda m: document.outdent(m))
        self.set_kgi = self._action(tr("Make the &KGI"), ["Ctrl+K"], lambda m: document.set_kgi(m))
        #: Rename opens the editor; the window sets this to a function that does.
        self.edit_name: Callable[[str], None] = lambda metric_id: None
        self.tree_actions = [self.add_child, self.add_sibling, self.rename, self.delete, self.move_up,
                             self.move_down, self.indent, self.outdent, self.set_kgi]

    def _action(self, text: str, keys: list[str], run: Callable[[str], object]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the tree's keys, not the text fields'
        action.triggered.connect(lambda _checked=False: self._run(run))
        return action

    def _run(self, run: Callable[[str], object]) -> None:
        metric_id = self.current()
        if metric_id is None and run in (self._add_child, self._add_sibling):
            new_id = self.document.add_metric(None)
            if new_id:
                self.select(new_id, True)
            return
        if metric_id is not None:
            run(metric_id)  # a moved metric stays current: Qt moves the current index with it

    def _add_child(self, metric_id: str) -> None:
        new_id = self.document.add_metric(metric_id)
        if new_id:
            self.select(new_id, True)

    def _add_sibling(self, metric_id: str) -> None:
        new_id = self.document.add_sibling(metric_id)
        if new_id:
            self.select(new_id, True)

    def _rename(self, metric_id: str) -> None:
        self.edit_name(metric_id)

    def _delete(self, metric_id: str) -> None:
        metric = self.document.metric(metric_id)
        if metric is None:
            return
        below = len(metric.walk()) - 1
        if below:
            answer = QMessageBox.question(
                self.window, self.tr("Delete"),
                self.tr("Delete {0} and the {1} metrics below it?").format(metric.name, below),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        parent, row = metric.parent, metric.row
        if self.document.delete_metric(metric_id):
            siblings = self.document.plan.children_of(parent)
            after = siblings[min(row, len(siblings) - 1)] if siblings else parent
            if after is not None:
                self.select(after.id, False)
