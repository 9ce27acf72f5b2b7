"""The tool bar: the menus' common actions as icons, each tooltip naming its shortcut.

The buttons are the menus' own QActions, so a button is enabled, disabled and
renamed ("Undo Set rate of Leads") exactly as its menu entry. Icons only: with
text beside them the bar would be wider than a 1024-pixel screen.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from kpidesk.gui.icons import action_icon

TOOL_BAR_NAME = "mainToolBar"  # the name saveState() and restoreState() know the bar by


def plain_text(action: QAction) -> str:
    """An action's text without its mnemonic ('&Save' -> 'Save', '&&' stays '&') or a trailing '...'."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("...")


def keep_tool_tip(action: QAction) -> None:
    """Make the tooltip 'Name (shortcut)' and keep it so when the text changes (undo and redo say what they undo).

    A tooltip the action had besides its name (what Solve This Rate does) follows on a line of its own.
    """
    default = action.toolTip()
    extra = default if default and default != plain_text(action) else ""

    def update() -> None:
        if not shiboken6.isValid(action):  # the undo stack disables its actions while the window is torn down
            return
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{plain_text(action)} ({keys})" if keys else plain_text(action)
        action.setToolTip(f"{tip}\n{extra}" if extra else tip)  # unchanged text emits nothing: no loop

    action.changed.connect(update)
    update()


def build_tool_bar(window: QMainWindow, groups: list[list[tuple[QAction, str]]]) -> QToolBar:
    """A tool bar of ``groups`` of (action, icon name), separated; the actions get their icons (menus show them too)."""
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Tool Bar"), window)
    bar.setObjectName(TOOL_BAR_NAME)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.setIconSize(QSize(22, 22))
    for number, group in enumerate(groups):
        if number:
            bar.addSeparator()
        for action, icon in group:
            action.setIcon(action_icon(icon))
            keep_tool_tip(action)
            bar.addAction(action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
