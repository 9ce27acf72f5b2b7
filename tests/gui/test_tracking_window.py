"""Following the plan in the window: the Actual and Progress columns to date, the as-of month, the funnel's
bottleneck, the status bar and the chart agree with ``track()`` and ``kpidesk track``.

Expected numbers are worked out by hand from the sample (see tests/tracked_plan.py): as of 2026-06 web
orders are 3 of 5 to date (60 %, behind), negotiations 9 of 10 (90 %, warning), nurtured leads
18 of 20 and leads 36 of 40 (90 %, warning), visits 380 of 400 (95 %, on track).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from kpidesk.gui.tree_model import Column, StatusRole
from kpidesk.model.bottleneck import find_bottleneck
from kpidesk.model.tracking import Status, track
from kpidesk.model.tracking_text import bottleneck_lines

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def window(sample_window, tracked_plan_path):
    """The window on the sample plan with actuals, as of June 2026 (today is 15 June 2026)."""
    sample_window.tracking.today = lambda: TODAY
    sample_window.document.open(tracked_plan_path)
    sample_window.tracking.set_month("2026-06")
    return sample_window


def shown(win, metric_id: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    metric = win.document.plan.metrics[metric_id]
    return win.model.data(win.model.index_of(metric, column), role)


def test_the_columns_show_actual_and_progress_to_date_as_track_does(window):
    plan = window.document.plan
    expected = {"web_orders": ("3", "60%", Status.BEHIND), "negotiations": ("9", "90%", Status.WARNING),
                "nurtured": ("18", "90%", Status.WARNING), "leads": ("36", "90%", Status.WARNING),
                "visits": ("380", "95%", Status.ON_TRACK)}
    for metric_id, (actual, progress, status) in expected.items():
        assert shown(window, metric_id, Column.ACTUAL) == actual
        assert shown(window, metric_id, Column.PROGRESS) == progress
        assert shown(window, metric_id, Column.PROGRESS, StatusRole) is status
    tracking = track(plan, dt.date(2026, 6, 30))  # what kpidesk track --as-of 2026-06 prints
    fmt = window.model.formatter
    for metric in plan.walk():
        if metric.actuals:
            seen = tracking[metric.id]
            assert shown(window, metric.id, Column.ACTUAL) == fmt.amount(metric, seen.actual_to_date)
            assert shown(window, metric.id, Column.PROGRESS) == fmt.percent(seen.progress)
    # a metric without actuals by period keeps its single actual against its whole target, without a status
    window.document.set_actual("orders", "50")
    assert shown(window, "orders", Column.ACTUAL) == "50"
    assert shown(window, "orders", Column.PROGRESS) == "50%"
    assert shown(window, "orders", Column.PROGRESS, StatusRole) is None


def test_the_tooltip_gives_target_and_actual_to_date_pace_status_and_the_rate_seen(window):
    tip = shown(window, "negotiations", Column.PROGRESS, Qt.ItemDataRole.ToolTipRole)
    assert "As of 2026-06" in tip
    assert "Target to date: 10 of 40" in tip and "Actual to date: 9" in tip
    assert "At this pace: 36 by the end of the plan" in tip
    assert "Status: warning (90% of the target to date)" in tip
    assert "Rate into Web orders seen: 33.33% against 50% planned" in tip
    header = window.model.headerData(Column.ACTUAL, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "to date, as of 2026-06" in header


def test_status_words_in_the_tooltip_are_translated(window, monkeypatch):
    def translate(context, text, *args):
        return text.upper() if context == "Tracking" else original(context, text, *args)

    original = QCoreApplication.translate
    monkeypatch.setattr(QCoreApplication, "translate", translate)
    assert "Status: WARNING" in shown(window, "negotiations", Column.PROGRESS, Qt.ItemDataRole.ToolTipRole)


def test_changing_the_as_of_month_changes_the_columns_and_is_no_edit(window):
    stack = window.document.undo_stack
    before = stack.count()
    box = window.progress.as_of_box
    box.setFocus()
    QTest.keyClicks(box, "2026-04")  # typing a month's name picks it, as a planner would
    assert window.tracking.month == "2026-04"
    assert shown(window, "web_orders", Column.ACTUAL) == "1"
    assert "as of 2026-04" in window.model.headerData(Column.PROGRESS, Qt.Orientation.Horizontal,
                                                      Qt.ItemDataRole.ToolTipRole)
    september = next(a for a in window.progress.as_of_group.actions() if a.data() == "2026-09")
    september.trigger()  # View > As Of > 2026-09: nothing more came in since June
    assert shown(window, "web_orders", Column.ACTUAL) == "3"
    assert shown(window, "web_orders", Column.PROGRESS) == "30%"  # 3 of the 10 due from April to September
    assert box.currentData() == "2026-09" and september.isChecked()
    assert stack.count() == before and not window.document.is_modified()
    assert "as_of" not in window.document.plan_file.dumps()


def test_today_is_the_default_and_is_moved_into_the_plan(sample_window, tracked_plan_path):
    sample_window.tracking.today = lambda: dt.date(2030, 1, 10)
    sample_window.document.open(tracked_plan_path)
    assert sample_window.tracking.month is None
    assert sample_window.tracking.as_of() == dt.date(2027, 3, 31)  # the plan's last day
    assert shown(sample_window, "web_orders", Column.PROGRESS) == "15%"  # 3 of 20


def test_tracking_is_computed_once_per_action_and_never_while_painting(window):
    state = window.tracking
    count = state.computations
    window.document.set_actuals("web_orders", {"2026-07": Decimal(2)})
    assert state.computations == count + 1
    assert shown(window, "web_orders", Column.ACTUAL) == "3"  # July is after the as-of month
    window.tracking.set_month("2026-07")
    assert state.computations == count + 2
    assert shown(window, "web_orders", Column.ACTUAL) == "5"
    for _ in range(3):
        for metric in window.document.plan.walk():
            for column in Column:
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, StatusRole):
                    shown(window, metric.id, column, role)
    window.tree.viewport().repaint()
    assert state.computations == count + 2


def test_an_actual_kept_by_period_is_not_typed_in_the_tree(window, qtbot):
    window.select("web_orders")
    index = window.model.index_of(window.document.metric("web_orders"), Column.ACTUAL)
    window.tree.setCurrentIndex(index)
    hints = []
    window.tree.hint.connect(hints.append)
    QTest.keyClicks(window.tree, "7")
    assert window.document.metric("web_orders").actual is None
    assert shown(window, "web_orders", Column.ACTUAL) == "3"
    assert hints and "Actuals by Period" in hints[-1]


def test_the_funnel_marks_the_bottleneck_and_shows_the_rates_seen(window, qtbot):
    window.resize(1366, 768)
    with qtbot.waitSignal(window.funnelReady, timeout=5000):
        window.load_funnel()
    window.select("leads")
    funnel = window.funnel
    assert funnel._bottleneck == "negotiations"
    texts = funnel.visible_texts()
    assert "↓ 50% (seen 33.33%)" in texts  # negotiations into web orders
    assert "↓ 10% (seen 9.47%)" in texts  # visits into leads
    label = next(t for t in texts if t.startswith("Negotiations"))
    assert "bottleneck" in label and "9 to date" in label
    assert any("the bottleneck so far" in t for t in texts)
    plan = window.document.plan
    tracking = track(plan, dt.date(2026, 6, 30))
    first = bottleneck_lines(plan, tracking, find_bottleneck(plan, tracking))[0]
    assert window.progress.bottleneck.full == first
    assert first == "Bottleneck: Negotiations, the rate into Web orders is 33.33% against 50% planned."
    # when negotiations close as planned the bottleneck moves: leads fall furthest short of their rate
    window.document.set_actuals("web_orders", {"2026-06": Decimal(3)})
    assert funnel._bottleneck != "negotiations"
    assert "↓ 50% (seen 55.56%)" in funnel.visible_texts()


def test_a_plan_without_actuals_by_period_is_not_tracked(sample_window):
    assert not sample_window.tracking.tracked
    assert not sample_window.progress.bottleneck.isVisible()
    assert shown(sample_window, "web_orders", Column.PROGRESS, StatusRole) is None


def test_the_chart_draws_cumulative_actual_against_the_phased_target_and_the_pace(window, qtbot):
    with qtbot.waitSignal(window.funnelReady, timeout=5000):
        window.load_funnel()
    window.progress.show_chart()
    window.select("web_orders")
    chart = window.progress.chart
    data = chart.current
    assert data.cumulative and len(data.periods) == 12
    assert data.target_y[0] == 0 and data.target_y[3] == pytest.approx(5) and data.target_y[12] == pytest.approx(20)
    assert data.actual_x == [0, 1, 2, 3] and data.actual_y == [0, 1, 2, 3]
    assert data.pace_x == [3, 12] and data.pace_y == pytest.approx([3, 12])
    assert data.as_of_x == 3
    assert "behind" in chart.title.text()
    x, y = chart.actual.getData()
    assert list(y) == [0, 1, 2, 3]  # the plotted curve, not only the numbers
    items = len(chart.plot.getPlotItem().items)
    window.select("unit_price")  # a level: target and actuals per period, not added up
    assert not chart.current.cumulative
    assert chart.current.target_y == [10_000_000, 10_000_000]
    window.tracking.set_month("2026-04")
    window.select("web_orders")
    assert chart.current.actual_y == [0, 1] and chart.current.as_of_x == 1
    assert len(chart.plot.getPlotItem().items) == items  # updated, never rebuilt


def test_the_chart_shows_the_carry_in_of_a_lagged_stage(window, qtbot):
    with qtbot.waitSignal(window.funnelReady, timeout=5000):
        window.load_funnel()
    window.progress.show_chart()
    window.document.set_field("negotiations", "lag", 2)  # meetings close two months later
    window.select("negotiations")
    data = window.progress.chart.current
    assert data.carry_in == pytest.approx(40 * 2 / 12)  # April's and May's orders need March's and February's
    assert data.target_y[0] == pytest.approx(data.carry_in) and data.target_y[-1] == pytest.approx(40)
    assert window.progress.chart.carry_text.isVisible()


def test_what_the_bottleneck_costs_the_kgi_is_worked_out_only_for_the_tooltip(window, monkeypatch):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent

    from kpidesk.gui import tracking_state

    calls = []
    real = tracking_state.find_bottleneck
    monkeypatch.setattr(tracking_state, "find_bottleneck", lambda *args: calls.append(1) or real(*args))
    window.document.set_actuals("visits", {"2026-06": Decimal(131)})
    assert window.tracking.bottleneck_id == "negotiations" and not calls  # an edit evaluates nothing more
    label = window.progress.bottleneck
    QCoreApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), label.mapToGlobal(QPoint(2, 2))))
    assert len(calls) == 1
    assert "the plan ends at 12 Web orders against 20: Negotiations costs 6 of the 8" in label.toolTip()
    assert "Owner: Inside sales." in label.toolTip()
