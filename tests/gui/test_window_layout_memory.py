"""Widths a planner set are kept for the next start; widths the window chose for its size are chosen again."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.tree_model import Column


def reopened(qtbot, size) -> MainWindow:
    again = MainWindow()
    qtbot.addWidget(again)
    again.document.new("btob-web")
    again.show()
    again.resize(*size)
    qtbot.waitUntil(lambda: again.width() == size[0])
    return again


def test_widths_the_window_chose_follow_the_next_windows_size(qtbot, sample_window):
    sample_window.resize(1600, 900)
    qtbot.waitUntil(lambda: sample_window.width() == 1600)
    sample_window.close()  # nobody touched a column: nothing of them is kept
    small = reopened(qtbot, (1024, 600))
    tree = small.tree
    header = tree.header()
    shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert shown <= tree.viewport().width()  # laid out for 1,024 pixels, not the 1,600 of before
    assert tree.columnWidth(Column.NAME) >= 140


def test_a_column_a_planner_widened_by_mouse_stays_so(qtbot, sample_window):
    header = sample_window.tree.header()
    edge = header.sectionViewportPosition(Column.UNIT) + header.sectionSize(Column.UNIT) - 1
    before = header.sectionSize(Column.UNIT)
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    QTest.mouseMove(header.viewport(), QPoint(edge + 40, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 40, y))
    widened = header.sectionSize(Column.UNIT)
    assert widened > before
    size = (sample_window.width(), sample_window.height())
    sample_window.close()
    assert reopened(qtbot, size).tree.columnWidth(Column.UNIT) == widened
