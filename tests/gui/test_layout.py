"""The window on a laptop screen: every column of the tree fits, the details stay readable."""

from __future__ import annotations

import pytest

from kpidesk.gui.tree_model import Column


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_every_column_fits_without_scrolling_sideways(qtbot, sample_window, width, height):
    window = sample_window
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    window.fit_layout()
    tree = window.tree
    assert tree.header().length() <= tree.viewport().width()
    assert tree.horizontalScrollBar().maximum() == 0
    assert tree.columnWidth(Column.NAME) >= tree.sizeHintForColumn(Column.NAME) or width < 1366
    assert window.right.width() >= 270, "the funnel and the details keep room"
    fields = window.detail.fields
    assert all(fields[name].width() >= 100 for name in ("unit", "owner", "interval", "kind", "better"))
    assert window.detail.horizontalScrollBar().maximum() == 0


def test_the_rate_header_fits_on_a_wide_window(qtbot, sample_window):
    sample_window.resize(1366, 768)
    qtbot.waitUntil(lambda: sample_window.width() == 1366)
    sample_window.fit_layout()
    metrics = sample_window.tree.header().fontMetrics()
    assert sample_window.tree.columnWidth(Column.EDGE) > metrics.horizontalAdvance("Rate to Nurtured leads")


def test_a_column_the_planner_widened_stays_when_the_window_resizes(qtbot, sample_window):
    sample_window.resize(1366, 768)
    qtbot.waitUntil(lambda: sample_window.width() == 1366)
    sample_window.tree.setColumnWidth(Column.UNIT, 151)
    sample_window.resize(1200, 700)
    qtbot.waitUntil(lambda: sample_window.width() == 1200)
    assert sample_window.tree.columnWidth(Column.UNIT) == 151
