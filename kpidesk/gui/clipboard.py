"""Copy and paste in the KPI tree: a cell as text, a block from a spreadsheet, the whole table for one.

A paste fills the current cell and, for a block copied from a spreadsheet
(rows of tab-separated cells), the cells to its right and the rows below it as
the tree shows them. It goes through ``Document.paste_cells``: one undo step,
and one bad value anywhere refuses the whole block with a message that names
the metric and the field, so the plan stays as it was.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTreeView, QWidget

from kpidesk.gui.document import Document
from kpidesk.gui.tree_model import PlanTreeModel
from kpidesk.model.limits import MAX_PASTE_CELLS, MAX_TEXT_LENGTH


def read_block(text: str) -> list[list[str]]:
    """Clipboard text as rows of cells: tab-separated, quoted the way spreadsheets quote."""
    text = text.removesuffix("\n").removesuffix("\r")
    if "\t" not in text and "\n" not in text:
        return [[text.strip()]]
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter="\t")]


def write_block(rows: list[list[str]]) -> str:
    """Rows of cells as tab-separated text that spreadsheets paste into columns."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerows(rows)
    return buffer.getvalue()


class ClipboardActions(QObject):
    """Edit > Copy, Paste and Copy All Metrics as Table, for the tree."""

    def __init__(self, window: QWidget, tree: QTreeView, model: PlanTreeModel, document: Document) -> None:
        super().__init__(window)
        self.window, self.tree, self.model, self.document = window, tree, model, document
        self.copy = self._action(self.tr("&Copy"), QKeySequence.StandardKey.Copy, self.copy_cell)
        self.paste = self._action(self.tr("&Paste"), QKeySequence.StandardKey.Paste, self.paste_block)
        self.copy_table = QAction(self.tr("Copy All Metrics as &Table"), window)
        self.copy_table.triggered.connect(self.copy_all)
        self.actions = [self.copy, self.paste, self.copy_table]

    def _action(self, text: str, key: QKeySequence.StandardKey, run) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # text fields keep their own copy/paste
        action.triggered.connect(lambda _checked=False: run())
        return action

    def copy_cell(self) -> None:
        """The current cell as the planner would type it (1,600 rather than ¥1,600), else as shown."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        text = self.model.data(index, Qt.ItemDataRole.EditRole)
        if text is None or self.model.field_at(index) is None:
            text = self.model.data(index, Qt.ItemDataRole.DisplayRole)
        QGuiApplication.clipboard().setText(str(text or ""))

    def copy_all(self) -> None:
        """Every metric with its numbers and KPI fields, as the CSV export has them, for a spreadsheet."""
        from kpidesk.render.table import csv_rows

        QGuiApplication.clipboard().setText(write_block(csv_rows(self.document.plan)))

    def paste_block(self) -> bool:
        start = self.tree.currentIndex()
        text = QGuiApplication.clipboard().text()
        if not start.isValid() or not text:
            return False
        if len(text) > MAX_TEXT_LENGTH * 10:
            return self.document.refuse(self.tr("The clipboard holds {0:,} characters; a paste takes at most {1:,}.")
                                .format(len(text), MAX_TEXT_LENGTH * 10))
        block = read_block(text)
        size = sum(len(row) for row in block)
        if size > MAX_PASTE_CELLS:
            return self.document.refuse(self.tr("The clipboard holds {0:,} cells; a paste fills at most {1:,}.")
                                .format(size, MAX_PASTE_CELLS))
        cells: list[tuple[str, str, str]] = []
        row_start = start
        for number, row in enumerate(block):
            if not row_start.isValid():
                message = self.tr("The clipboard has {0} rows, but only {1} rows are shown from here down.")
                return self.document.refuse(message.format(len(block), number))
            for offset, value in enumerate(row):
                index = row_start.siblingAtColumn(start.column() + offset)
                field = self.model.field_at(index)
                metric = self.model.metric(index)
                if field is None or metric is None:
                    header = self.model.headerData(index.column() if index.isValid() else start.column() + offset,
                                                   Qt.Orientation.Horizontal) or ""
                    return self.document.refuse(self.tr("Nothing was pasted: the {0} column cannot take a value here.")
                                        .format(header or self.tr("next")))
                cells.append((metric.id, field, value))
            row_start = self.tree.indexBelow(row_start)
        return self.document.paste_cells(cells)


__all__ = ["ClipboardActions", "read_block", "write_block"]
