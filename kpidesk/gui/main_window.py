"""The main window: the KPI tree beside the funnel, the detail panel, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QSplitter, QToolTip, QVBoxLayout, QWidget

from kpidesk.gui import theme
from kpidesk.gui.clipboard import ClipboardActions
from kpidesk.gui.detail_panel import DetailPanel
from kpidesk.gui.document import Document
from kpidesk.gui.edit_actions import EditActions
from kpidesk.gui.file_actions import FileActions
from kpidesk.gui.file_guard import FileGuard
from kpidesk.gui.find_bar import FindBar
from kpidesk.gui.formatting import Formatter
from kpidesk.gui.plan_compare import install_compare_actions
from kpidesk.gui.preferences import install_preferences
from kpidesk.gui.print_actions import install_print_actions
from kpidesk.gui.progress_actions import install_progress
from kpidesk.gui.settings import settings
from kpidesk.gui.tool_bar import build_tool_bar
from kpidesk.gui.tracking_state import TrackingState
from kpidesk.gui.tree_model import Column, PlanTreeModel
from kpidesk.gui.tree_view import MetricTreeView
from kpidesk.model.findings import Severity
from kpidesk.model.funnel import funnel_of

#: The tree's column widths, by the number of columns (widths saved for other columns are not reused).
COLUMNS_KEY = f"window/columns-{len(Column)}"
#: Raised when the tool bars or docks change so much that a saved arrangement no longer fits (it is then ignored).
WINDOW_STATE_VERSION = 1


class _TipOnDemand(QLabel):
    """A label whose tooltip is made only when it is about to show."""

    def __init__(self, tip: Callable[[], str]) -> None:
        super().__init__()
        self._tip = tip

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self.setToolTip(self._tip())
        return super().event(event)


class MainWindow(QMainWindow):
    """One window per plan. Others hook in through ``document``, ``file_menu`` and ``files``."""

    firstPainted = Signal()
    funnelReady = Signal()
    closed = Signal()

    def __init__(self, document: Document | None = None) -> None:
        super().__init__()
        self.document = document or Document(self)
        self.formatter = Formatter()
        self.tracking = TrackingState(self.document, self)  # before the views: it recomputes first on a change
        self.model = PlanTreeModel(self.document, self)
        self.model.follow(self.tracking)
        self.tree = MetricTreeView()
        self.tree.setModel(self.model)
        self.tree.set_default_widths()
        self.detail = DetailPanel(self.document)
        self.funnel: QWidget = QLabel(self.tr("Funnel graph loading..."))
        self.funnel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.funnel)
        self.right.addWidget(self.detail)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.find_bar = FindBar(self.tree, self.model, self.document)
        left = QWidget()  # the tree, and below it the find bar while it is open
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        #: Fit the columns and the splitter to the plan and the window until the planner sets them (or they
        #: were restored): widths as the content needs, the tree as wide as its columns, the rest to the graph.
        self._auto_layout = True
        self._laying_out = False
        self._wanted: dict[int, int] | None = None  # the columns' content widths, measured once per plan
        self.splitter.splitterMoved.connect(lambda *_: self._stop_auto_layout())
        self.tree.header().sectionResized.connect(lambda *_: self._stop_auto_layout())
        self.setCentralWidget(self.splitter)
        self.setAcceptDrops(True)
        self.files = FileActions(self, self.document)
        self.guard = FileGuard(self.document, self, widget=self)  # autosave, changes on disk, lock
        self.files.before_save.append(self.guard.before_save)
        self.files.before_open.append(self.guard.prepare_open)
        self.guard.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.edits = EditActions(self, self.document, self.current_id, self.select)
        self.edits.edit_name = lambda metric_id: self.select(metric_id, True)
        self.edits.current_field = lambda: self.model.field_at(self.tree.currentIndex())
        self.model.move = self.edits.drop  # a drop into a funnel stage asks what the metric is to be
        self.clipboard = ClipboardActions(self, self.tree, self.model, self.document)
        self._build_menus()
        install_compare_actions(self)  # File > Compare With: another file, the backup, the last commit
        self.consistency = QLabel()
        self.finding_count = _TipOnDemand(self.findings_tooltip)
        legend = QLabel(self.tr("<b>bold</b>: given by you &nbsp; <i>italic</i>: derived"))
        legend.setToolTip(self.tr("Targets and rates you typed are bold; the ones kpidesk calculated are italic and "
                                  "grey. Values an edit just changed light up for a moment."))
        for label in (legend, self.consistency, self.finding_count):
            label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(legend)
        self.statusBar().addPermanentWidget(self.consistency)
        self.statusBar().addPermanentWidget(self.finding_count)
        install_progress(self)  # View > As Of, Progress Chart, Actuals by Period; the bottleneck in the status bar
        self._shown_id: str | None = None  # the metric the detail panel and the funnel show
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())
        self.tree.addRowRequested.connect(self.edits.add_sibling.trigger)
        self.tree.takeBackRequested.connect(self.take_back)
        self.tree.hint.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.context_menu: QMenu | None = None  # the tree's menu while it is open
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.document.reported.connect(lambda text: self.statusBar().showMessage(text, 12000))
        self.document.metricsChanged.connect(self._metrics_changed)
        self.document.planReplaced.connect(self._plan_replaced)
        self.document.modifiedChanged.connect(self.setWindowModified)
        self.document.pathChanged.connect(lambda _path: self._update_title())
        self.document.infoChanged.connect(lambda _field: self._update_title())
        self.document.editRefused.connect(self.show_refusal)
        self.tree.viewport().installEventFilter(self)
        self._painted = False
        self._plan_replaced()
        self._restore_settings()
        self.tree.setFocus()  # the keyboard starts in the tree, on the KGI's name

    # ---- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        #: Print, Print Preview and Export go before this separator.
        self.file_menu_anchor: QAction = self.files.fill(self.file_menu)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.edits.undo)
        self.edit_menu.addAction(self.edits.redo)
        self.edit_menu.addSeparator()
        for action in self.clipboard.actions:
            self.edit_menu.addAction(action)
            self.tree.addAction(action)
        self.edit_menu.addSeparator()
        for action in self.edits.cell_actions:
            self.edit_menu.addAction(action)
            self.tree.addAction(action)
        self.edit_menu.addSeparator()
        for action in self.edits.tree_actions:
            self.edit_menu.addAction(action)
            self.tree.addAction(action)
            if action is self.edits.delete or action is self.edits.outdent:
                self.edit_menu.addSeparator()
        self.edit_menu.addSeparator()
        self.find_action = self._find_action(self.tr("&Find..."), QKeySequence.StandardKey.Find, self.find_bar.open)
        self.find_next_action = self._find_action(self.tr("Find Ne&xt"), QKeySequence.StandardKey.FindNext,
                                                  lambda: self.find_bar.find(forward=True))
        self.find_previous_action = self._find_action(self.tr("Find Pre&vious"), QKeySequence.StandardKey.FindPrevious,
                                                      lambda: self.find_bar.find(forward=False))
        self.edit_menu.addSeparator()
        properties = self.edit_menu.addAction(self.tr("Pl&an Properties..."))
        properties.triggered.connect(self.edit_plan_properties)
        install_preferences(self)  # Edit > Preferences...
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.tr("&Expand All"), self.tree.expandAll)
        self.view_menu.addAction(self.tr("&Collapse All"), self.tree.collapseAll)
        self.view_menu.addSeparator()
        themes = self.view_menu.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(self)
        for mode, text in ((theme.SYSTEM, self.tr("Follow the &System")), (theme.LIGHT, self.tr("&Light")),
                           (theme.DARK, self.tr("&Dark"))):
            action = themes.addAction(text)
            action.setCheckable(True)
            action.setData(mode)
            self.theme_group.addAction(action)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_theme(m))
        printing = install_print_actions(self)  # File > Print, Print Preview, Export; View > KPI Tree Diagram
        files, edits = self.files, self.edits
        self.tool_bar = build_tool_bar(self, [
            [(files.new_action, "new"), (files.open_action, "open"), (files.save_action, "save")],
            [(edits.undo, "undo"), (edits.redo, "redo")],
            [(edits.add_child, "add_child"), (edits.add_sibling, "add_sibling"), (edits.delete, "delete")],
            [(edits.solve, "solve"), (printing.print_action, "print")],
        ])
        self.view_menu.addAction(self.tool_bar.toggleViewAction())
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.tr("&Keyboard Shortcuts"), self.show_shortcuts)
        self.help_menu.addAction(self.tr("&About kpidesk"), self.show_about)

    def _find_action(self, text: str, key: QKeySequence.StandardKey, run: Callable[[], object]) -> QAction:
        """A find action in the Edit menu: its key works anywhere in the window, and in the tree also unfocused."""
        action = self.edit_menu.addAction(text)
        action.setShortcut(key)
        action.triggered.connect(lambda _checked=False: run())
        self.tree.addAction(action)
        return action

    def set_theme(self, mode: str) -> None:
        theme.apply(mode)
        settings().setValue("theme", mode)
        for action in self.theme_group.actions():
            action.setChecked(action.data() == mode)
        self.model.update_colors()
        self.tree.update_colors()
        self.tree.viewport().update()
        if hasattr(self.funnel, "show_stages"):
            self._show_funnel()

    # ---- the current metric ---------------------------------------------------------------------
    def current_id(self) -> str | None:
        metric = self.model.metric(self.tree.currentIndex())
        return metric.id if metric is not None else None

    def select(self, metric_id: str, edit_name: bool = False) -> None:
        """Make ``metric_id``'s row current, in the current column (``edit_name``: on its name, editing it)."""
        current = self.tree.currentIndex()
        column = Column.NAME if edit_name or not current.isValid() else current.column()
        index = self.model.index_of(self.document.metric(metric_id), column)
        if not index.isValid():
            return
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if edit_name:
            self.tree.edit(index)

    def take_back(self) -> None:
        """Esc on a row just added and left untouched: it goes, as if it had never been added."""
        metric_id = self.current_id()
        if not self.document.is_fresh(metric_id):
            return
        origin = self.edits.added_from
        self.document.take_back(metric_id)
        if origin is not None and self.document.metric(origin) is not None:
            self.select(origin)

    def _context_menu(self, position) -> None:
        index = self.tree.indexAt(position)
        if index.isValid():
            self.tree.move_to(index)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for group in ([self.clipboard.copy, self.clipboard.paste], self.edits.cell_actions,
                      [self.edits.add_child, self.edits.add_sibling, self.edits.delete], [self.edits.set_kgi]):
            for action in group:
                menu.addAction(action)
            menu.addSeparator()
        self.context_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(position))

    def _selection_changed(self) -> None:
        self.edits.update()
        metric_id = self.current_id()
        if metric_id == self._shown_id and metric_id is not None:
            return  # another column of the same row
        self._shown_id = metric_id
        self.model.set_current(self.document.metric(metric_id))
        self.detail.show_metric(metric_id)
        self._show_funnel()

    def _metrics_changed(self, metrics, structure: bool) -> None:
        self.edits.update()
        self._show_funnel()
        self._update_status()

    def _plan_replaced(self) -> None:
        self._shown_id = None
        self.tree.expandAll()
        kgi = self.document.plan.kgi
        if kgi is not None:
            self.select(kgi.id)
        self._update_title()
        self._update_status()
        self._show_funnel()
        self.setWindowModified(self.document.is_modified())
        self.fit_layout(measure=True)

    # ---- layout ----------------------------------------------------------------------------------------
    def _stop_auto_layout(self) -> None:
        if not self._laying_out:
            self._auto_layout = False

    def fit_layout(self, *, measure: bool = False) -> None:
        """Columns as wide as their content, the tree as wide as its columns where the window allows, the funnel
        and the details the rest (a third of a wide window, 280 px at least). ``measure``: the plan changed, read
        the content's widths again (window resizes reuse them)."""
        if not self._auto_layout:
            return
        self._laying_out = True
        try:
            if measure or self._wanted is None:
                parents = {m.parent for m in self.document.plan.walk() if m.parent is not None}
                headers = {Column.EDGE: sorted({self.model.edge_header(p.children[0]) for p in parents})}
                self._wanted = self.tree.wanted_widths(headers)
            width = self.splitter.width() if self.splitter.width() > 100 else self.width()
            rows = len(self.document.plan.metrics) * max(self.tree.sizeHintForRow(0), 1)
            scroll_bar = self.tree.verticalScrollBar().sizeHint().width() if rows > self.tree.height() - 30 else 0
            chrome = self.tree.frameWidth() * 2 + scroll_bar + 2
            right = max(280, width // 3) if width >= 1200 else 280
            handle = self.splitter.handleWidth()
            tree_width = max(min(sum(self._wanted.values()) + chrome, width - right - handle), width // 2)
            self.splitter.setSizes([tree_width, width - tree_width - handle])
            self.tree.fit_columns(tree_width - chrome, self._wanted)
        finally:
            self._laying_out = False

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_layout()

    def _show_funnel(self) -> None:
        show = getattr(self.funnel, "show_stages", None)
        if show is None:
            return
        metric = self.document.metric(self.current_id())
        show(funnel_of(self.document.plan, metric), metric.id if metric else None, self.tracking.tracking,
             self.tracking.bottleneck_id)

    def _update_title(self) -> None:
        title = str(self.document.plan.info.get("title") or "")
        name = self.document.display_name()
        self.setWindowTitle(self.tr("{0}[*] - {1} - kpidesk").format(name, title) if title
                            else self.tr("{0}[*] - kpidesk").format(name))

    def _update_status(self) -> None:
        kgi, fmt = self.document.plan.kgi, self.formatter
        if kgi is None or kgi.computed.target is None:
            self.consistency.setText(self.tr("No KGI with a target"))
        elif kgi.computed.forecast is None:
            self.consistency.setText(self.tr("{0}: cannot be forecast from the KPIs").format(kgi.name))
        else:
            goal, forecast = kgi.computed.target, kgi.computed.forecast
            currency = self.document.plan.engine.currency_of(kgi)
            values = (kgi.name, fmt.amount(kgi, forecast, currency), fmt.amount(kgi, goal, currency))
            if not kgi.forecast_falls_short():
                self.consistency.setText(self.tr("Consistent: {0} forecast {1} meets the goal {2}").format(*values))
            else:
                gap = fmt.signed(kgi, kgi.computed.gap or 0, currency)
                self.consistency.setText(
                    self.tr("Not consistent: {0} forecast {1}, goal {2}, gap {3}").format(*values, gap))
        self.finding_count.setText(self._count_text(self.document.findings))

    def findings_tooltip(self) -> str:
        """The first 30 findings in words, for the finding count's tooltip (made when it shows: a finding
        about a sum of 2,000 parts names them all, too long to make after every action)."""
        words = {Severity.ERROR: self.tr("error"), Severity.WARNING: self.tr("warning")}
        return "\n".join(f"{words.get(f.severity, f.severity.value)}: {self.document.describe(f)}"
                         for f in self.document.findings[:30])

    def _count_text(self, findings: list) -> str:
        """'1 error, 2 warnings': each count in its own string, so translations can say it their way."""
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        if not errors and not warnings:
            return self.tr("No findings")
        parts = []
        if errors:
            parts.append(self.tr("1 error") if errors == 1 else self.tr("{0} errors").format(errors))
        if warnings:
            parts.append(self.tr("1 warning") if warnings == 1 else self.tr("{0} warnings").format(warnings))
        return ", ".join(parts)

    def show_refusal(self, message: str) -> None:
        """Tell the planner why an edit was refused: status bar and a tooltip at the cell."""
        self.statusBar().showMessage(message, 8000)
        rect = self.tree.visualRect(self.tree.currentIndex())
        QToolTip.showText(self.tree.viewport().mapToGlobal(rect.bottomLeft()), message, self.tree)

    # ---- the funnel graph, built after the first paint (pyqtgraph's import is slow) ----------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.tree.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self.firstPainted.emit)
            QTimer.singleShot(0, self.load_funnel)
        return False

    def load_funnel(self) -> None:
        """Replace the placeholder with the funnel graph (once)."""
        if hasattr(self.funnel, "show_stages"):
            return
        try:
            from kpidesk.gui.funnel_view import FunnelView
        except ImportError as exc:
            self.funnel.setText(self.tr("The funnel graph is not available: {0}").format(exc))
            return
        view = FunnelView()
        view.stageActivated.connect(lambda metric_id: self.select(metric_id))
        self.right.replaceWidget(0, view)
        self.funnel.deleteLater()
        self.funnel = view
        self._show_funnel()
        self.funnelReady.emit()

    # ---- files -----------------------------------------------------------------------------------------
    def open_file(self, path: str | Path) -> bool:
        return self.files.open_file(path)

    def save(self) -> bool:
        return self.files.save()

    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(u.isLocalFile() and u.toLocalFile().endswith(".toml") for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_file(files[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.detail.commit()
        if not self.maybe_save():
            event.ignore()
            return
        self._save_settings()
        self.guard.close()  # a clean exit: no recovery file, no lock
        event.accept()
        self.closed.emit()

    def end_unattended(self) -> None:
        """The system ends the program: unsaved edits go to the recovery file, not lost, not saved."""
        self.detail.commit()
        self._save_settings()
        self.guard.suspend()

    # ---- dialogs -----------------------------------------------------------------------------------------
    def edit_plan_properties(self) -> None:
        from kpidesk.gui.plan_dialog import PlanDialog

        PlanDialog(self.document, self).exec()

    def show_shortcuts(self) -> None:
        cells = [
            (self.tr("Arrows"), self.tr("move the cell cursor (Left/Right: columns, Up/Down: rows)")),
            (self.tr("Home, End"), self.tr("first, last column (Ctrl: first, last row)")),
            (self.tr("Typing, F2"), self.tr("edit the cell (typing replaces it, F2 keeps it)")),
            (self.tr("Enter"), self.tr("commit and move down; on a name, not right after an edit: add a metric")),
            (self.tr("Tab, Shift+Tab"), self.tr("next, previous cell that takes a value")),
            (self.tr("Esc"), self.tr("cancel the edit; take back a row just added and left untouched")),
            (self.tr("Alt+Right, Alt+Left, + and - on a name"), self.tr("expand, collapse")),
        ]
        rows = cells + [(", ".join(s.toString(s.SequenceFormat.NativeText) for s in a.shortcuts()),
                         a.text().replace("&", ""))
                        for a in [self.edits.undo, self.edits.redo, self.clipboard.copy, self.clipboard.paste,
                                  *self.edits.cell_actions, *self.edits.tree_actions, self.find_action,
                                  self.find_next_action, self.find_previous_action] if a.shortcuts()]
        text = "\n".join(f"{keys}\t{name}" for keys, name in rows)
        text += "\n\n" + self.tr("In the rate column 40 and 40% both mean 40 %, and solve finds the rate that meets "
                                 "the goal. An empty target is derived. Ctrl+Tab leaves the tree.")
        QMessageBox.information(self, self.tr("Keyboard Shortcuts"), text)

    def show_about(self) -> None:
        from kpidesk import __version__

        QMessageBox.about(self, self.tr("About kpidesk"),
                          self.tr("kpidesk {0}\nA planner for KGI/KPI trees.").format(__version__))

    # ---- settings ---------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1600, int(screen.width() * 0.94)), min(1000, int(screen.height() * 0.9)))
        state = store.value("window/state")  # the tool bar and the diagram dock: shown or not, and where
        if state is not None:
            self.restoreState(state, WINDOW_STATE_VERSION)
        height = self.height()
        state = store.value("window/right")
        if state is None or not self.right.restoreState(state):
            self.right.setSizes([int(height * 0.5), int(height * 0.5)])
        splitter, header = store.value("window/splitter"), store.value(COLUMNS_KEY)
        if splitter is not None and header is not None and self.splitter.restoreState(splitter) \
                and self.tree.header().restoreState(header):
            self._auto_layout = False  # the planner's own widths
        else:
            self.fit_layout()
        mode = str(store.value("theme", theme.SYSTEM))
        for action in self.theme_group.actions():
            action.setChecked(action.data() == mode)

    def _save_settings(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState(WINDOW_STATE_VERSION))
        store.setValue("window/right", self.right.saveState())
        if self._auto_layout:  # laid out by the window for its size: laid out again for the next one
            store.remove("window/splitter")
            store.remove(COLUMNS_KEY)
        else:  # the planner's own widths
            store.setValue("window/splitter", self.splitter.saveState())
            store.setValue(COLUMNS_KEY, self.tree.header().saveState())


__all__ = ["MainWindow", "Column"]
