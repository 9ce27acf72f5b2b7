"""Edit > Preferences: language, how amounts are written, autosave, default paper, theme (QSettings).

The preferences are read where they act: the language when the window starts
(:func:`window_language`, the rule of :mod:`kpidesk.i18n` with this preference
after ``--lang``), the number style by every Formatter, the autosave delay by
the file guard, the paper by the printer when it is first made. The window gains
the menu entry with one call, ``install_preferences(window)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QSpinBox,
    QWidget,
)

from kpidesk import i18n
from kpidesk.gui import formatting, theme
from kpidesk.gui.settings import settings
from kpidesk.model import display

LANGUAGE_KEY = "preferences/language"  # "system", "en" or "ja"
NUMBERS_KEY = "preferences/numbers"  # display.FULL or display.COMPACT
AUTOSAVE_KEY = "preferences/autosave_seconds"
PAPER_KEY = "preferences/paper"  # a key of kpidesk.render.export.PAPERS
THEME_KEY = "theme"  # shared with View > Theme
PAPERS = ("A4", "A3", "Letter")
DEFAULT_AUTOSAVE_SECONDS = 2
MAX_AUTOSAVE_SECONDS = 600
#: Each language in its own words (never translated: a planner must find their language in any other).
LANGUAGE_NAMES = {i18n.ENGLISH: "English", i18n.JAPANESE: "日本語"}


def _value(key: str, default: Any) -> Any:
    return settings().value(key, default)


def language_preference() -> str:
    """The language chosen in Preferences: "system" (the environment decides), "en" or "ja"."""
    chosen = str(_value(LANGUAGE_KEY, "system"))
    return chosen if chosen in i18n.LANGUAGES else "system"


def window_language() -> str:
    """The window's language: ``--lang``, else this preference, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG."""
    return i18n.language(i18n.requested(), language_preference())


def number_style() -> str:
    style = str(_value(NUMBERS_KEY, display.FULL))
    return style if style in display.STYLES else display.FULL


def autosave_seconds() -> int:
    try:
        seconds = int(_value(AUTOSAVE_KEY, DEFAULT_AUTOSAVE_SECONDS))
    except (TypeError, ValueError):
        return DEFAULT_AUTOSAVE_SECONDS
    return min(max(seconds, 1), MAX_AUTOSAVE_SECONDS)


def paper() -> str:
    """The paper new printers start with (Page Setup still changes it for a window)."""
    chosen = str(_value(PAPER_KEY, "A4"))
    return chosen if chosen in PAPERS else "A4"


class PreferencesDialog(QDialog):
    """The preferences as a form; :meth:`values` reads it, :func:`apply` acts on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        system = LANGUAGE_NAMES[i18n.system_language()]
        self.language.addItem(self.tr("System ({0})").format(system), "system")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language_preference())))
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("The language changes when kpidesk starts again."))
        if i18n.requested() is not None:
            note.setText(note.text() + " " + self.tr("This time it was set by --lang."))
        note.setWordWrap(True)
        note.setEnabled(False)  # greyed: a remark, not a setting
        form.addRow("", note)
        self.numbers = QComboBox()
        self.numbers.addItem(self.tr("In full (1,000,000,000)"), display.FULL)
        self.numbers.addItem(self.tr("In 万 and 億 (10億, 3250万)"), display.COMPACT)
        self.numbers.setCurrentIndex(max(0, self.numbers.findData(number_style())))
        form.addRow(self.tr("&Amounts:"), self.numbers)
        self.autosave = QSpinBox()
        self.autosave.setRange(1, MAX_AUTOSAVE_SECONDS)
        self.autosave.setValue(autosave_seconds())
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setToolTip(self.tr("Unsaved changes are written to a recovery file this long after the "
                                         "last edit, and offered back after a crash."))
        form.addRow(self.tr("&Recovery copy after:"), self.autosave)
        self.paper = QComboBox()
        for name in PAPERS:
            self.paper.addItem(name, name)
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper())))
        self.paper.setToolTip(self.tr("The paper printing and PDF export start with; File > Page Setup changes "
                                      "it for one window."))
        form.addRow(self.tr("Default &paper:"), self.paper)
        self.theme = QComboBox()
        for mode, text in ((theme.SYSTEM, self.tr("Follow the system")), (theme.LIGHT, self.tr("Light")),
                           (theme.DARK, self.tr("Dark"))):
            self.theme.addItem(text, mode)
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(_value(THEME_KEY, theme.SYSTEM)))))
        self.theme.setToolTip(self.tr("The same choice as View > Theme."))
        form.addRow(self.tr("&Theme:"), self.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {LANGUAGE_KEY: self.language.currentData(), NUMBERS_KEY: self.numbers.currentData(),
                AUTOSAVE_KEY: self.autosave.value(), PAPER_KEY: self.paper.currentData(),
                THEME_KEY: self.theme.currentData()}


def apply(window: QMainWindow, values: dict[str, Any]) -> None:
    """Store ``values`` and act on them now where that is possible (the language waits for a restart)."""
    store = settings()
    style_changed = values.get(NUMBERS_KEY, number_style()) != number_style()
    for key, value in values.items():
        if key != THEME_KEY:
            store.setValue(key, value)
    formatting.set_number_style(number_style())
    if style_changed:
        for widget in QApplication.topLevelWidgets():
            _redraw_numbers(widget)
    guard = getattr(window, "guard", None)
    if guard is not None:
        guard.set_autosave_delay(autosave_seconds() * 1000)
    mode = values.get(THEME_KEY)
    set_theme = getattr(window, "set_theme", None)
    if mode is not None and set_theme is not None and mode != str(_value(THEME_KEY, theme.SYSTEM)):
        set_theme(mode)  # View > Theme's own path: stores it and recolours the views


def _redraw_numbers(widget: QWidget) -> None:
    """Show a window's amounts in the new style: the tree repaints, the rest hears that every value changed."""
    document = getattr(widget, "document", None)
    tree = getattr(widget, "tree", None)
    if document is None or tree is None:
        return
    tree.viewport().update()
    document.metricsChanged.emit(frozenset(document.plan.metrics.values()), False)


def show_preferences(window: QMainWindow) -> bool:
    """Edit > Preferences: True when the planner pressed OK."""
    dialog = PreferencesDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    apply(window, dialog.values())
    return True


def install_preferences(window: QMainWindow) -> QAction:
    """Add Edit > Preferences... to ``window`` (its ``edit_menu``) and apply the autosave delay to its guard."""
    action = QAction(QCoreApplication.translate("PreferencesDialog", "Pre&ferences..."), window)
    action.setShortcut(QKeySequence.StandardKey.Preferences)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: in the application menu, where it belongs
    action.triggered.connect(lambda _checked=False: show_preferences(window))
    menu = getattr(window, "edit_menu", None)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(action)
    guard = getattr(window, "guard", None)
    if guard is not None:
        guard.set_autosave_delay(autosave_seconds() * 1000)
    window.preferences_action = action  # type: ignore[attr-defined]
    return action


__all__ = ["PreferencesDialog", "apply", "autosave_seconds", "install_preferences", "language_preference",
           "number_style", "paper", "show_preferences", "window_language"]
