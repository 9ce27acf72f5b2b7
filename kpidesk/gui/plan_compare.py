"""File > Compare With: the plan in the window against another version, as changes by metric and field.

The other version is another plan file, the backup the last save left
beside the plan (``PLAN.toml.bak``) or, in a git work tree, the plan as last
committed (``git show HEAD:path``). The changes and their effects come from
:func:`kpidesk.model.diff.diff_plans` (an evaluation: the plan does not
change) and are listed in a dialog; the metrics they are about are tinted in
the tree, with their lines in the name's tooltip, until File > Compare With >
Clear Marks or another plan is opened.

The file guard's "changed on disk" question shows the same kind of listing
(:func:`changes_on_disk`): what changed in the file since it was read here,
and the unsaved changes of this window, instead of a text diff.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from kpidesk import planfile
from kpidesk.gui.guard_dialogs import DiffDialog, unified_diff
from kpidesk.model.diff import ChangeKind, PlanDiff, diff_plans
from kpidesk.model.diff_text import change_text, diff_lines, effect_text
from kpidesk.model.plan import Plan
from kpidesk.planfile import PlanFileError
from kpidesk.storage.atomic import backup_path

GIT_TIMEOUT_S = 10


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanCompare", text)


def marks(diff: PlanDiff) -> dict[str, list[str]]:
    """Metric id (of the plan in the window) -> the lines of the changes and effects about it."""
    found: dict[str, list[str]] = {}
    for change in diff.changes:
        if change.metric is not None and change.metric in diff.new.metrics and change.kind is not ChangeKind.REMOVED:
            found.setdefault(change.metric, []).append(change_text(diff, change, _translate))
    for effect in diff.effects:
        found.setdefault(effect.metric, []).append(effect_text(diff, effect, _translate))
    return found


def changes_on_disk(base_text: str, mine: Plan, mine_text: str, disk_text: str, name: str) -> str:
    """What the "changed on disk" question shows: what the file on disk changed since it was read here, then
    this window's unsaved changes; a text diff when the file on disk is no plan kpidesk can read."""
    try:
        disk = planfile.loads(disk_text, f"{name} ({_tr('on disk')})").plan
    except PlanFileError as exc:
        return "\n".join([_tr("The file on disk is not a plan kpidesk can read:"), exc.text(_translate), "",
                          unified_diff(mine_text, disk_text, name)])
    try:
        base = planfile.loads(base_text, name).plan if base_text.strip() else None
    except PlanFileError:
        base = None
    if base is None:  # nothing read here to compare with: the file against the window
        return "\n".join([_tr("The file on disk, compared with this window:"),
                          *diff_lines(diff_plans(mine, disk), _translate)])
    lines = [_tr("Changed in the file on disk since it was read here:"),
             *("  " + line for line in diff_lines(diff_plans(base, disk), _translate))]
    unsaved = diff_plans(base, mine)
    if not unsaved.same:
        lines += ["", _tr("Your unsaved changes (reloading loses them):"),
                  *("  " + line for line in diff_lines(unsaved, _translate) if not line.startswith("  "))]
    return "\n".join(lines)


def committed_text(path: Path) -> tuple[str | None, str]:
    """The plan as last committed in its git work tree, or None and why not."""
    if shutil.which("git") is None:
        return None, _tr("git is not installed.")
    try:
        shown = subprocess.run(["git", "-C", str(path.parent), "show", f"HEAD:./{path.name}"], capture_output=True,
                               check=False, timeout=GIT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, str(exc)
    if shown.returncode != 0:
        why = shown.stderr.decode("utf-8", "replace").strip()
        return None, _tr("{0} has no committed version in git: {1}").format(path.name, why)
    try:
        return planfile.decode_bytes(shown.stdout, f"HEAD:{path.name}"), ""
    except PlanFileError as exc:
        return None, exc.text(_translate)


class CompareActions(QObject):
    """File > Compare With: another plan file, the backup, the last commit; and clearing the marks."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document  # type: ignore[attr-defined]
        self.model = window.model  # type: ignore[attr-defined]
        self.menu = QMenu(self.tr("Compare &With"), window)
        self.file_action = self.menu.addAction(self.tr("Another Plan &File..."))
        self.backup_action = self.menu.addAction(self.tr("The &Backup of the Last Save (.bak)"))
        self.commit_action = self.menu.addAction(self.tr("The Last &Commit (git)"))
        self.menu.addSeparator()
        self.clear_action = self.menu.addAction(self.tr("Clear &Marks"))
        self.file_action.triggered.connect(lambda _checked=False: self.compare_file())
        self.backup_action.triggered.connect(lambda _checked=False: self.compare_backup())
        self.commit_action.triggered.connect(lambda _checked=False: self.compare_commit())
        self.clear_action.triggered.connect(lambda _checked=False: self.model.mark_changes({}))
        self.menu.aboutToShow.connect(self.update_actions)
        #: The last comparison shown (for tests and for the window's status bar).
        self.last: PlanDiff | None = None

    def update_actions(self) -> None:
        path: Path | None = self.document.path
        self.backup_action.setEnabled(path is not None and backup_path(path).exists())
        self.commit_action.setEnabled(path is not None and shutil.which("git") is not None)
        self.clear_action.setEnabled(bool(self.model.changes))

    # ---- sources ------------------------------------------------------------------------------
    def compare_file(self, path: str | None = None) -> PlanDiff | None:
        if path is None:
            start = str(self.document.path.parent) if self.document.path is not None else ""
            path, _filter = QFileDialog.getOpenFileName(self.window, self.tr("Compare With"), start,
                                                        self.tr("kpidesk plans (*.toml);;All files (*)"))
            if not path:
                return None
        try:
            other = planfile.load(path)
        except PlanFileError as exc:
            self._refuse(exc.text(_translate))
            return None
        return self.show(other.plan, Path(path).name)

    def compare_backup(self) -> PlanDiff | None:
        if self.document.path is None:
            return None
        return self.compare_file(str(backup_path(self.document.path)))

    def compare_commit(self) -> PlanDiff | None:
        path: Path | None = self.document.path
        if path is None:
            return None
        text, why = committed_text(path)
        if text is None:
            self._refuse(why)
            return None
        try:
            other = planfile.loads(text, f"HEAD:{path.name}")
        except PlanFileError as exc:
            self._refuse(exc.text(_translate))
            return None
        return self.show(other.plan, self.tr("the last commit"))

    # ---- showing ----------------------------------------------------------------------------------
    def show(self, other: Plan, label: str) -> PlanDiff:
        """List what changed from ``other`` to the plan in the window, and tint those metrics in the tree."""
        diff = diff_plans(other, self.document.plan)
        self.last = diff
        self.model.mark_changes(marks(diff))
        text = "\n".join([self.tr("From {0} to this window:").format(label), *diff_lines(diff, _translate)])
        dialog = DiffDialog(text, self.window)
        dialog.setWindowTitle(self.tr("Compare With {0}").format(label))
        dialog.exec()
        return diff

    def _refuse(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Compare With"), text)


def install_compare_actions(window: QMainWindow) -> CompareActions:
    """Add File > Compare With to the window's File menu, after Revert to Saved."""
    actions = CompareActions(window)
    menu: QMenu = window.file_menu  # type: ignore[attr-defined]
    entries = menu.actions()
    files = getattr(window, "files", None)
    revert = getattr(files, "revert_action", None)
    at = entries.index(revert) + 1 if revert in entries else len(entries)
    if at < len(entries):
        menu.insertMenu(entries[at], actions.menu)
    else:
        menu.addMenu(actions.menu)
    window.compare_actions = actions  # type: ignore[attr-defined]
    return actions
