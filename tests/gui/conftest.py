"""The real main window with the sample plan, for tests that drive it."""

import pytest

from kpidesk.gui.main_window import MainWindow


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
