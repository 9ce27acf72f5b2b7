"""The Edit menu: undo/redo, the current cell and the structural edits of the tree, each one Document call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kpidesk.gui.document import Document
from kpidesk.model.plan import PlanError

#: What a new metric under a funnel stage that has its stage is meant to be (see ``ask_funnel``).
STAGE, SOURCE = "stage", "source"


class EditActions(QObject):
    """Actions on the current metric; ``current`` returns its id (None when nothing is selected)."""

    def __init__(self, window: QWidget, document: Document, current: Callable[[], str | None],
                 select: Callable[[str, bool], None]) -> None:
        super().__init__(window)
        self.window, self.document, self.current, self.select = window, document, current, select
        self.undo = document.undo_stack.createUndoAction(window, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = document.undo_stack.createRedoAction(window, self.tr("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.clear = self._action(self.tr("Cl&ear Cell"), ["Del", "Backspace"], lambda m: self.clear_cell(m))
        self.solve = self._action(self.tr("So&lve This Rate"), [], lambda m: document.solve_rate(m))
        self.solve.setToolTip(self.tr("Goal seek: the rate of this row becomes the one that meets the goal"))
        self.add_child = self._action(self.tr("Add C&hild"), ["Ins"], self._add_child)
        self.add_sibling = self._action(self.tr("Add &Sibling"), ["Ctrl+Return", "Ctrl+Enter"], self._add_sibling)
        self.rename = self._action(self.tr("Re&name"), [], self._rename)
        self.delete = self._action(self.tr("&Delete Metric"), ["Ctrl+Del"], self._delete)
        self.move_up = self._action(self.tr("Mo&ve Up"), ["Ctrl+Up"], lambda m: document.move_up(m))
        self.move_down = self._action(self.tr("Move Do&wn"), ["Ctrl+Down"], lambda m: document.move_down(m))
        self.indent = self._action(self.tr("&Indent (Make Child of the Metric Above)"), ["Alt+Shift+Right"],
                                   self._indent)
        self.outdent = self._action(self.tr("&Outdent"), ["Alt+Shift+Left"], self._outdent)
        self.set_kgi = self._action(self.tr("Make the &KGI"), ["Ctrl+K"], lambda m: document.set_kgi(m))
        #: Rename opens the editor; the window sets this to a function that does.
        self.edit_name: Callable[[str], None] = lambda metric_id: None
        #: The field of the current cell ("target", "rate"...; None on a calculated cell); set by the window.
        self.current_field: Callable[[], str | None] = lambda: None
        self.cell_actions = [self.clear, self.solve]
        self.tree_actions = [self.add_child, self.add_sibling, self.rename, self.delete, self.move_up,
                             self.move_down, self.indent, self.outdent, self.set_kgi]
        #: The metric the cursor was on before the last Add (Esc on the untouched new row returns there).
        self.added_from: str | None = None

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

    def update(self) -> None:
        """Enable what fits the current row (Solve only where the row has a rate to solve)."""
        metric = self.document.metric(self.current())
        try:
            solvable = metric is not None and self.document.solve_edit(metric) is not None
        except PlanError:
            solvable = False
        self.solve.setEnabled(solvable)

    # ---- the current cell ------------------------------------------------------------------------
    def clear_cell(self, metric_id: str) -> bool:
        """Del and Backspace: empty the current cell, as in a spreadsheet (never the metric)."""
        field = self.current_field()
        metric = self.document.metric(metric_id)
        if metric is None:
            return False
        if field == "name":
            return self.document.refuse(self.tr("A metric needs a name; Ctrl+Del deletes {0}.").format(metric.name))
        if field is None:
            return self.document.refuse(self.tr("This cell is calculated: there is nothing to clear."))
        return self.document.clear_cell(metric_id, field)

    # ---- structure --------------------------------------------------------------------------------
    def _add_child(self, metric_id: str) -> None:
        self._add_under(metric_id, None)

    def _add_sibling(self, metric_id: str) -> None:
        metric = self.document.metric(metric_id)
        if metric is None:
            return
        self._add_under(metric.parent.id if metric.parent else None, metric.row + 1)

    def _add_under(self, parent_id: str | None, row: int | None) -> None:
        """Add a metric under ``parent_id``; under a funnel stage that has its stage, ask what it is first."""
        origin = self.current()
        if parent_id is not None and self.document.breaks_funnel(parent_id):
            meaning = self.ask_funnel(parent_id)
            if meaning is None:
                return
            new_id = (self.document.add_stage(parent_id) if meaning == STAGE
                      else self.document.add_source(parent_id))
        else:
            new_id = self.document.add_metric(parent_id, row)
        if new_id:
            self.added_from = origin
            self.select(new_id, True)

    def ask_funnel(self, parent_id: str, moving: str | None = None) -> str | None:
        """A second metric under a funnel stage breaks the funnel: is the new metric (or ``moving``, a metric that an
        indent or a drop moves there) a new stage (STAGE), another source (SOURCE) or neither (None: cancelled)?"""
        parent = self.document.metric(parent_id)
        if parent is None or not parent.drivers():
            return None
        stage = parent.drivers()[0]
        metric = self.document.metric(moving)
        names = (parent.name, stage.name, metric.name if metric else "")
        if metric is None:
            title = self.tr("Add to a Funnel")
            question = self.tr("{0} is a funnel stage: {1} is the stage before it. What is the new metric?")
            detail = self.tr("A new stage goes between {1} and {0}. Its rate starts at 100 %, so every number stays "
                             "as it is until you type its rate.\n\nAnother source makes {0} the sum of {1} (at its "
                             "rate) and the new source, which starts at 0.")
        else:
            title = self.tr("Move into a Funnel")
            question = self.tr("{0} is a funnel stage: {1} is the stage before it. What is {2} to be?")
            detail = self.tr("As a new stage, {2} goes between {1} and {0}, with {1} below it. Its rate starts at "
                             "100 %, so no number moves until you type its rate.\n\nAs another source, {0} becomes "
                             "the sum of {1} (at its rate) and {2}, which starts at 0 unless it has a target.")
            if self.document.has_drivers(metric.id):
                detail += "\n\n" + self.tr("{2} is made of the metrics below it, so it can only be another source.")
        box = QMessageBox(QMessageBox.Icon.Question, title, question.format(*names),
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText(detail.format(*names))
        stage_button = box.addButton(self.tr("A New &Stage"), QMessageBox.ButtonRole.AcceptRole)
        source_button = box.addButton(self.tr("Another S&ource of {0}").format(parent.name),
                                      QMessageBox.ButtonRole.AcceptRole)
        if metric is not None and self.document.has_drivers(metric.id):
            stage_button.setEnabled(False)
            box.setDefaultButton(source_button)
        else:
            box.setDefaultButton(stage_button)
        box.exec()
        clicked = box.clickedButton()
        return STAGE if clicked is stage_button else SOURCE if clicked is source_button else None

    # ---- moves: indent, outdent and drops, asking as Add does where they would break a funnel ----------
    def move(self, metric_id: str, parent_id: str | None, row: int) -> bool:
        """Move a metric under ``parent_id`` at ``row``; into a funnel stage that has its stage, ask first what it is
        to be (the question Add asks) instead of giving the stage a second stage."""
        if parent_id is not None and self.document.moves_into_funnel(metric_id, parent_id):
            meaning = self.ask_funnel(parent_id, metric_id)
            if meaning is None:
                return False
            if meaning == STAGE:
                return self.document.move_as_stage(metric_id, parent_id)
            return self.document.move_as_source(metric_id, parent_id, row)
        return self.document.move_metric(metric_id, parent_id, row)

    def drop(self, metric_id: str, parent_id: str | None, row: int) -> None:
        """A metric dropped in the tree. The question, where one is needed, waits until the drop is over: a modal
        dialog inside the drag's own event loop can hang the drag on some platforms."""
        if parent_id is not None and self.document.moves_into_funnel(metric_id, parent_id):
            QTimer.singleShot(0, lambda: self.move(metric_id, parent_id, row))
        else:
            self.document.move_metric(metric_id, parent_id, row)

    def _indent(self, metric_id: str) -> None:
        place = self.document.indent_place(metric_id)
        if place is not None:
            self.move(metric_id, *place)

    def _outdent(self, metric_id: str) -> None:
        """Out of a funnel stage, into the stage after it: that one has its stage already, so it asks too."""
        place = self.document.outdent_place(metric_id)
        if place is not None:
            self.move(metric_id, *place)

    def _rename(self, metric_id: str) -> None:
        self.edit_name(metric_id)

    def _delete(self, metric_id: str) -> None:
        """Delete the metric; ask first when metrics below it or values the planner typed would go too."""
        metric = self.document.metric(metric_id)
        if metric is None:
            return
        below = metric.walk()[1:]
        given = self.document.given_values(metric)
        if below or given:
            if below:
                names = ", ".join(m.name for m in below[:5]) + (", ..." if len(below) > 5 else "")
                question = (self.tr("Delete {0} and the metric below it ({1})?") if len(below) == 1
                            else self.tr("Delete {0} and the {2} metrics below it ({1})?")).format(
                    metric.name, names, len(below))
            else:
                question = self.tr("Delete {0}?").format(metric.name)
            if given:
                question += "\n\n" + self.tr("Values you gave go with it:") + "\n" + "\n".join(given[:8])
                if len(given) > 8:
                    question += "\n..."
            answer = QMessageBox.question(
                self.window, self.tr("Delete Metric"), question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        parent, row = metric.parent, metric.row
        if self.document.delete_metric(metric_id):
            siblings = self.document.plan.children_of(parent)
            after = siblings[min(row, len(siblings) - 1)] if siblings else parent
            if after is not None:
                self.select(after.id, False)
