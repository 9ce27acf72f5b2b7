"""QUndoCommands: each wraps one pure-Python edit (kpidesk.model.edits) of a plan.

A command is pushed after its edit was applied once (so a refused edit never
reaches the stack); the first ``redo`` that QUndoStack.push calls is skipped.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from kpidesk.model.edits import Composite, Edit, SetField
from kpidesk.model.plan import Plan

#: QUndoCommand.id() of cell edits that may merge with the next edit of the same cell.
MERGE_SET_FIELD = 1


class EditCommand(QUndoCommand):
    """One user action: an edit of ``plan`` with the text the Edit menu shows."""

    def __init__(self, plan: Plan, edit: Edit, text: str, *, applied: bool = False) -> None:
        super().__init__(text)
        self.plan = plan
        self.edit = edit
        self._skip_redo = applied
        #: Set just before an undo that takes the step back for good (a new row left untouched): the
        #: stack then drops the command instead of keeping it to redo.
        self.drop_on_undo = False

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.edit.apply(self.plan)

    def undo(self) -> None:
        self.edit.revert(self.plan)
        if self.drop_on_undo:
            self.setObsolete(True)  # QUndoStack deletes a command that is obsolete after its undo


class SetFieldCommand(EditCommand):
    """A cell edit; with ``mergeable`` it merges with the next edit of the same cell.

    Typing in a text field commits as you type: merging makes the whole typing
    one undo step.
    """

    def __init__(self, plan: Plan, edit: SetField, text: str, *, applied: bool = False,
                 mergeable: bool = False) -> None:
        super().__init__(plan, edit, text, applied=applied)
        self.mergeable = mergeable

    def id(self) -> int:
        return MERGE_SET_FIELD if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetFieldCommand) or not other.mergeable:
            return False
        mine, theirs = self.edit, other.edit
        assert isinstance(mine, SetField) and isinstance(theirs, SetField)
        if (mine.metric_id, mine.field) != (theirs.metric_id, theirs.field) or other.plan is not self.plan:
            return False
        mine.new = theirs.new
        # Typing back to where it started leaves nothing to undo.
        self.setObsolete(mine.new == mine.old and type(mine.new) is type(mine.old))
        return True


def make_command(plan: Plan, edit: Edit, text: str, *, applied: bool = False,
                 mergeable: bool = False) -> EditCommand:
    """The command class that fits ``edit``."""
    if isinstance(edit, SetField):
        return SetFieldCommand(plan, edit, text, applied=applied, mergeable=mergeable)
    return EditCommand(plan, edit, text, applied=applied)


__all__ = ["EditCommand", "SetFieldCommand", "make_command", "Composite"]
