"""File > Print Preview, Print, Page Setup and Export for the main window.

The window gains these with one call, ``install_print_actions(window)``; it
needs only ``window.document.plan_file`` and ``window.file_menu`` (and uses
``window.file_menu_anchor`` to place the actions, when there is one). The
pages come from :mod:`kpidesk.render.pages`, the same code as ``kpidesk export``;
View > KPI Tree Diagram shows the dock of :mod:`kpidesk.gui.diagram_dock`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog, QMainWindow, QMenu, QMessageBox

from kpidesk.gui.preferences import paper
from kpidesk.gui.settings import settings
from kpidesk.model.reasons import reason_of
from kpidesk.planfile import PlanFile
from kpidesk.render.printing import new_printer, print_packet

if TYPE_CHECKING:
    from kpidesk.render.layout import Orientation
    from kpidesk.render.pages import PacketOptions

SETTINGS_GROUP = "printing"


class PrintActions(QObject):
    """The print and export actions of one window, with the print options the planner chose."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._printer: QPrinter | None = None
        self.preview_action = QAction(self.tr("Print Pre&view..."), self)
        self.preview_action.triggered.connect(self.preview)
        self.print_action = QAction(self.tr("&Print..."), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_plan)
        self.page_setup_action = QAction(self.tr("Page Set&up..."), self)
        self.page_setup_action.triggered.connect(self.page_setup)
        self.options_menu = QMenu(self.tr("Print &Options"), window)
        self.left_to_right = self._option(self.tr("KGI at the &Left (Wide Trees)"), "left_to_right")
        self.tile = self._option(self.tr("&Split the Tree over Sheets"), "tile")
        self.with_funnel = self._option(self.tr("Add the &Funnel"), "with_funnel")
        self.with_table = self._option(self.tr("Add the Metrics &Table"), "with_table")
        self.with_progress = self._option(self.tr("Add the &Progress Page (as of the Month Shown)"), "with_progress")
        self.export_menu = QMenu(self.tr("&Export"), window)
        for label, handler in (
            (self.tr("Tree as &PDF..."), self.export_pdf),
            (self.tr("Tree as P&NG Image..."), self.export_png),
            (self.tr("Tree as &SVG Drawing..."), self.export_svg),
            (self.tr("&Funnel as PNG Image..."), self.export_funnel_png),
            (self.tr("Metrics as &CSV..."), self.export_csv),
        ):
            self.export_menu.addAction(label, handler)

    @property
    def printer(self) -> QPrinter:
        """The printer and its settings (paper, orientation), made on first use: it costs start-up time."""
        if self._printer is None:
            self._printer = new_printer(paper())
        return self._printer

    def _option(self, label: str, key: str) -> QAction:
        action = self.options_menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(settings().value(f"{SETTINGS_GROUP}/{key}", False, type=bool))
        action.toggled.connect(lambda on: settings().setValue(f"{SETTINGS_GROUP}/{key}", on))
        return action

    def diagram_dock(self, window: QMainWindow) -> QDockWidget:
        """A hidden dock with the printed diagram, live; the View menu shows it."""
        from kpidesk.gui.diagram_dock import DiagramView

        self.view = DiagramView(self.plan_file)
        self.view.orientation = self.orientation()
        self.left_to_right.toggled.connect(lambda _on: self.view.set_orientation(self.orientation()))
        select = getattr(window, "select", None)
        if select is not None:
            self.view.canvas.on_click = select
        document = window.document  # type: ignore[attr-defined]
        for signal in ("metricsChanged", "planReplaced", "infoChanged"):
            if hasattr(document, signal):
                getattr(document, signal).connect(lambda *_args: self.view.refresh())
        dock = QDockWidget(self.tr("KPI Tree Diagram"), window)
        dock.setObjectName("kpiTreeDiagram")
        dock.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self.dock = dock
        return dock

    # ---- what to print ------------------------------------------------------------------
    def plan_file(self) -> PlanFile:
        return self.window.document.plan_file  # type: ignore[attr-defined]

    def orientation(self) -> Orientation:
        from kpidesk.render.layout import Orientation

        return Orientation.LEFT_TO_RIGHT if self.left_to_right.isChecked() else Orientation.TOP_DOWN

    def options(self) -> PacketOptions:
        from kpidesk.render.pages import PacketOptions

        tracking = getattr(self.window, "tracking", None)  # the window's as-of month, when it follows the plan
        return PacketOptions(self.orientation(), self.tile.isChecked(), self.with_funnel.isChecked(),
                             self.with_table.isChecked(), with_progress=self.with_progress.isChecked(),
                             as_of=tracking.as_of() if tracking is not None else None)

    # ---- printing -------------------------------------------------------------------------
    def preview_dialog(self) -> QPrintPreviewDialog:
        dialog = QPrintPreviewDialog(self.printer, self.window)
        title = self.plan_file().plan.info.get("title") or self.plan_file().name
        dialog.setWindowTitle(self.tr("Print Preview: {0}").format(title))
        dialog.paintRequested.connect(lambda printer: self._paint(printer))
        return dialog

    def preview(self) -> None:
        dialog = self.preview_dialog()
        dialog.resize(self.window.size() * 0.9)
        dialog.exec()

    def print_plan(self) -> bool:
        dialog = QPrintDialog(self.printer, self.window)
        dialog.setWindowTitle(self.tr("Print the KPI Tree"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._paint(self.printer)

    def page_setup(self) -> None:
        QPageSetupDialog(self.printer, self.window).exec()

    def _paint(self, printer: QPrinter) -> bool:
        try:
            print_packet(printer, self.plan_file(), self.options())
        except OSError as exc:
            why = reason_of(exc).text(QCoreApplication.translate)  # a failed write says why as a reason
            QMessageBox.critical(self.window, self.tr("Cannot print"), why)
            return False
        return True

    # ---- exports ----------------------------------------------------------------------------
    def _ask(self, title: str, suffix: str, file_filter: str) -> str:
        plan_file = self.plan_file()
        base = plan_file.path.with_suffix(suffix) if plan_file.path else Path.home() / f"kpi-tree{suffix}"
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(base), file_filter)
        return name

    def _export(self, title: str, suffix: str, file_filter: str, write: Callable[[str], object]) -> str | None:
        name = self._ask(title, suffix, file_filter)
        if not name:
            return None
        try:
            write(name)
        except OSError as exc:
            why = reason_of(exc).text(QCoreApplication.translate)  # a SaveError in the window's language
            QMessageBox.critical(self.window, self.tr("Cannot export"), why)
            return None
        self.window.statusBar().showMessage(self.tr("Exported {0}").format(name), 5000)
        return name

    def export_pdf(self) -> str | None:
        from kpidesk.render import export

        layout = self.printer.pageLayout()
        paper = next((k for k, v in export.PAPERS.items() if v == layout.pageSize().id()), "A4")
        landscape = layout.orientation() == QPageLayout.Orientation.Landscape
        return self._export(self.tr("Export as PDF"), ".pdf", self.tr("PDF files (*.pdf)"),
                            lambda name: export.export_pdf(self.plan_file(), name, self.options(), paper, landscape))

    def export_png(self) -> str | None:
        from kpidesk.render import export

        return self._export(self.tr("Export the Tree as PNG"), ".png", self.tr("PNG images (*.png)"),
                            lambda name: export.export_png(self.plan_file(), name, self.orientation()))

    def export_svg(self) -> str | None:
        from kpidesk.render import export

        return self._export(self.tr("Export the Tree as SVG"), ".svg", self.tr("SVG drawings (*.svg)"),
                            lambda name: export.export_svg(self.plan_file(), name, self.orientation()))

    def export_funnel_png(self) -> str | None:
        from kpidesk.render import export

        return self._export(self.tr("Export the Funnel as PNG"), ".funnel.png", self.tr("PNG images (*.png)"),
                            lambda name: export.export_funnel_png(self.plan_file(), name))

    def export_csv(self) -> str | None:
        from kpidesk.render.table import write_csv

        return self._export(self.tr("Export the Metrics as CSV"), ".csv", self.tr("CSV files (*.csv)"),
                            lambda name: write_csv(self.plan_file().plan, name))


def install_print_actions(window: QMainWindow) -> PrintActions:
    """Add Print Preview, Print, Page Setup, Print Options and Export to the window's File menu."""
    actions = PrintActions(window)
    menu: QMenu = window.file_menu  # type: ignore[attr-defined]
    anchor: QAction | None = getattr(window, "file_menu_anchor", None)
    entries: list[QAction] = [
        actions.preview_action, actions.print_action, actions.page_setup_action,
        actions.options_menu.menuAction(), actions.export_menu.menuAction(),
    ]
    for entry in entries:
        if anchor is not None:
            menu.insertAction(anchor, entry)
        else:
            menu.addAction(entry)
    view_menu: QMenu | None = getattr(window, "view_menu", None)
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(actions.diagram_dock(window).toggleViewAction())
    window.print_actions = actions  # type: ignore[attr-defined]
    return actions
