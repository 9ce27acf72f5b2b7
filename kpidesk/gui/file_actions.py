"""New, Open, Save, Save As, Revert, recent files and the unsaved-changes prompt.

Reading and writing happen in kpidesk.planfile (through the Document); this
module only asks the planner (dialogs) and reports errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from kpidesk import paths, planfile
from kpidesk.gui.document import Document
from kpidesk.gui.settings import settings
from kpidesk.model.reasons import reason_of
from kpidesk.planfile import PlanFileError

MAX_RECENT = 8
PLAN_SUFFIXES = (".toml", ".kpi.toml")


class FileActions(QObject):
    """The File menu's actions for one window and its document."""

    def __init__(self, window: QMainWindow, document: Document) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        #: Called with the target path before every save; any False cancels it (file guard hooks here).
        self.before_save: list[Callable[[Path], bool]] = []
        #: Called with the path before a plan is opened; any False cancels it (the lock question).
        self.before_open: list[Callable[[Path], bool]] = []
        self.new_action = self._action(self.tr("&New..."), QKeySequence.StandardKey.New, self.new_plan)
        self.open_action = self._action(self.tr("&Open..."), QKeySequence.StandardKey.Open, self.open_dialog)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._action(self.tr("Save &As..."), QKeySequence.StandardKey.SaveAs, self.save_as)
        self.revert_action = self._action(self.tr("Re&vert to Saved"), None, self.revert)
        self.close_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close)
        document.pathChanged.connect(lambda _path: self.revert_action.setEnabled(document.path is not None))
        self.revert_action.setEnabled(document.path is not None)

    def _action(self, text: str, key, slot) -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            action.setShortcut(key)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def fill(self, menu: QMenu) -> QAction:
        """Put the actions in ``menu``; returns the separator where print and export actions go."""
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addAction(self.revert_action)
        anchor = menu.addSeparator()
        menu.addSeparator()
        menu.addAction(self.close_action)
        return anchor

    # ---- asking ---------------------------------------------------------------------------
    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, text)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes: True when the plan may be replaced or closed."""
        if not self.document.is_modified():
            return True
        box = QMessageBox.warning(
            self.window, self.tr("Unsaved changes"),
            self.tr("Save the changes to {0}?").format(self.document.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if box == QMessageBox.StandardButton.Save:
            return self.save()
        return box == QMessageBox.StandardButton.Discard

    def _folder(self) -> str:
        return str(self.document.path.parent) if self.document.path else str(Path.home())

    # ---- actions --------------------------------------------------------------------------
    def new_plan(self) -> bool:
        if not self.maybe_save():
            return False
        templates = paths.templates()
        titles = [self.tr("Empty plan")]
        for name, path in templates.items():
            try:
                title = planfile.load(path).plan.info.get("title") or name
            except PlanFileError:
                continue
            titles.append(self.tr("{0} (template {1})").format(title, name))
        choice, ok = QInputDialog.getItem(self.window, self.tr("New Plan"), self.tr("Start from:"), titles, 1
                                          if len(titles) > 1 else 0, False)
        if not ok:
            return False
        index = titles.index(choice)
        self.document.new(None if index == 0 else list(templates)[index - 1])
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Plan"), self._folder(),
                                              self.tr("kpidesk plans (*.toml);;All files (*)"))
        return bool(path) and self.open_file(path, ask=False)

    def open_file(self, path: str | Path, *, ask: bool = True) -> bool:
        """Open ``path``; a file that cannot be read is reported and the current plan stays."""
        if ask and not self.maybe_save():
            return False
        if not all(check(Path(path)) for check in self.before_open):
            return False
        try:
            self.document.open(path)
        except PlanFileError as exc:
            self.error(self.tr("Cannot open the plan"), exc.text(QCoreApplication.translate))
            return False
        self.add_recent(Path(path))
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = str(self.document.path or Path(self._folder()) / "plan.toml")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save Plan As"), suggested,
                                              self.tr("kpidesk plans (*.toml)"))
        if not path:
            return False
        if not path.endswith(PLAN_SUFFIXES):
            path += ".toml"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        if not all(check(path) for check in self.before_save):
            return False
        try:
            self.document.save_as(path)
        except OSError as exc:  # a SaveError says why as a reason, in the window's language
            self.error(self.tr("Cannot save the plan"), reason_of(exc).text(QCoreApplication.translate))
            return False
        self.add_recent(path)
        if not self.document.plan_file.save_warnings:  # else the status bar shows them (FileGuard.problem)
            self.window.statusBar().showMessage(self.tr("Saved {0}").format(path), 4000)
        return True

    def revert(self) -> bool:
        if self.document.path is None:
            return False
        if self.document.is_modified():
            answer = QMessageBox.question(self.window, self.tr("Revert to Saved"),
                                          self.tr("Drop every change since {0} was saved?").format(
                                              self.document.display_name()))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.document.revert()
        except PlanFileError as exc:
            self.error(self.tr("Cannot open the plan"), exc.text(QCoreApplication.translate))
            return False
        return True

    # ---- recent files ---------------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = settings().value("recent_files", [])
        return [value] if isinstance(value, str) else [str(v) for v in value or []]

    def add_recent(self, path: Path) -> None:
        name = str(path.resolve())
        files = [name] + [f for f in self.recent() if f != name]
        settings().setValue("recent_files", files[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent()
        for number, name in enumerate(files, 1):
            action = self.recent_menu.addAction(f"&{number} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_file(n))
        if not files:
            self.recent_menu.addAction(self.tr("No recent plans")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear List"), lambda: settings().setValue("recent_files", []))
