"""The real main window with the sample plan, and Japanese as the window reads it, for tests that drive them."""

import pytest
from PySide6.QtCore import QLocale

from kpidesk import i18n
from kpidesk.gui import formatting
from kpidesk.gui.app import load_translations
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.settings import settings
from kpidesk.model import display


@pytest.fixture
def sample_window(qtbot) -> MainWindow:
    from kpidesk.gui.settings import settings

    settings().clear()  # widths and splitters another test's window left behind
    win = MainWindow()
    win.document.new("btob-web")
    # closing after the test must not ask about unsaved changes
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w.files, "maybe_save", lambda: True))
    win.show()
    return win


@pytest.fixture
def window(sample_window, qtbot) -> MainWindow:
    """The sample window with the keyboard in the tree, as it opens for a planner (a module that
    needs another window defines its own ``window``)."""
    sample_window.activateWindow()
    sample_window.tree.setFocus()
    qtbot.waitUntil(sample_window.tree.hasFocus)
    return sample_window


@pytest.fixture
def japanese(qapp, monkeypatch):
    """LANGUAGE=ja as the window reads it at start; everything put back afterwards."""
    settings().clear()
    monkeypatch.setenv("LANGUAGE", "ja")
    i18n.set_language(None)
    translators = load_translations(qapp)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    i18n.set_language(None)
    QLocale.setDefault(QLocale.system())
    formatting.set_number_style(display.FULL)
    settings().clear()
