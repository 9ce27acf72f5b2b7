"""The questions the file guard asks: changed on disk, overwrite, locked, read-only, recover.

``ask_with_dialogs(parent, kind, details)`` shows a message box and returns the
answer's key; ``FileGuard.ask`` calls it (tests replace it). ``DiffDialog``
shows what differs between the window's plan and the file on disk.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget


def unified_diff(mine: str, theirs: str, name: str) -> str:
    """The differences between the plan in the window and the file on disk."""
    lines = difflib.unified_diff(
        theirs.splitlines(keepends=True), mine.splitlines(keepends=True),
        fromfile=QCoreApplication.translate("DiffDialog", "{0} (on disk)").format(name),
        tofile=QCoreApplication.translate("DiffDialog", "{0} (in this window)").format(name),
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


class DiffDialog(QDialog):
    """Shows what differs between the window's plan and the file on disk."""

    def __init__(self, diff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Differences"))
        layout = QVBoxLayout(self)
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setPlainText(diff or self.tr("The texts are the same."))
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)


def ask_with_dialogs(parent: QWidget | None, kind: str, details: dict[str, Any]) -> str:
    """The message boxes behind FileGuard.ask; returns the answer's key."""
    name = Path(details.get("path", "")).name
    if kind == "diff":
        DiffDialog(details.get("diff", ""), parent).exec()
        return "close"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    buttons: dict[Any, str] = {}

    def add(text: str, role: QMessageBox.ButtonRole, answer: str) -> None:
        buttons[box.addButton(text, role)] = answer

    destructive, reject = QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.RejectRole
    accept = QMessageBox.ButtonRole.AcceptRole
    if kind in ("changed", "changed-modified"):
        box.setText(QCoreApplication.translate("FileGuard", "{0} was changed by another program.").format(name))
        if kind == "changed-modified":
            box.setInformativeText(QCoreApplication.translate(
                "FileGuard", "You have unsaved changes. Reload the file and lose them?"))
        else:
            box.setInformativeText(QCoreApplication.translate("FileGuard", "Reload it to see the new version?"))
        add(QCoreApplication.translate("FileGuard", "Reload"), destructive, "reload")
        add(QCoreApplication.translate("FileGuard", "Keep mine"), reject, "keep")
        add(QCoreApplication.translate("FileGuard", "Show differences"), QMessageBox.ButtonRole.HelpRole, "diff")
    elif kind == "overwrite":
        box.setText(QCoreApplication.translate(
            "FileGuard", "{0} was changed by another program since you opened it.").format(name))
        box.setInformativeText(QCoreApplication.translate("FileGuard", "Saving replaces their changes with yours."))
        add(QCoreApplication.translate("FileGuard", "Save anyway"), destructive, "overwrite")
        add(QCoreApplication.translate("FileGuard", "Cancel"), reject, "cancel")
    elif kind == "locked":
        box.setText(QCoreApplication.translate(
            "FileGuard", "{0} is open elsewhere: {1}.").format(name, details.get("who", "")))
        box.setInformativeText(QCoreApplication.translate(
            "FileGuard", "Changes saved by both of you would overwrite each other."))
        add(QCoreApplication.translate("FileGuard", "Open read-only"), accept, "read-only")
        add(QCoreApplication.translate("FileGuard", "Open anyway"), destructive, "open")
        add(QCoreApplication.translate("FileGuard", "Cancel"), reject, "cancel")
    elif kind == "read-only":
        box.setText(QCoreApplication.translate("FileGuard", "{0} was opened read-only.").format(name))
        box.setInformativeText(QCoreApplication.translate(
            "FileGuard", "Use Save As to keep your changes in another file."))
        add(QCoreApplication.translate("FileGuard", "OK"), accept, "ok")
    elif kind == "recover":
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(QCoreApplication.translate(
            "FileGuard", "kpidesk did not close properly. Unsaved changes were kept for: {0}").format(
            details.get("names", "")))
        add(QCoreApplication.translate("FileGuard", "Restore"), accept, "restore")
        add(QCoreApplication.translate("FileGuard", "Keep for later"), reject, "later")
        add(QCoreApplication.translate("FileGuard", "Discard"), destructive, "discard")
    box.exec()
    return buttons.get(box.clickedButton(), "cancel")
