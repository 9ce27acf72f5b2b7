"""The cell cursor, driven by real key events on the tree or its editor, as a planner with spreadsheet habits would.

Numbers are from the sample plan (btob-web): 1,600 visits -> 160 leads -> 80 nurtured -> 40 negotiations ->
20 web orders, at 10 %, 50 %, 50 %, 50 %; sales 1,000,000,000 JPY = 100 orders x 10,000,000 JPY.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kpidesk.gui.tree_model import Column

Key, Mod = Qt.Key, Qt.KeyboardModifier


def focused(win):
    """Where a key goes: the open editor while a cell is being edited, else the tree."""
    if win.tree.state() == win.tree.State.EditingState:
        editor = QApplication.focusWidget()
        return editor if isinstance(editor, QLineEdit) else win.tree.viewport().findChild(QLineEdit)
    return win.tree


def press(qtbot, win, key, modifier=Mod.NoModifier, times=1):
    for _ in range(times):
        was_editing = win.tree.state() == win.tree.State.EditingState
        qtbot.keyClick(focused(win), key, modifier)
        if was_editing and key in (Key.Key_Return, Key.Key_Enter, Key.Key_Tab, Key.Key_Backtab, Key.Key_Escape):
            # Enter in an editor commits through a queued call: wait until the editor is gone
            qtbot.waitUntil(lambda: win.tree.state() != win.tree.State.EditingState, timeout=2000)


def type_text(qtbot, win, text):
    """Type as a person does: the first key opens the editor, the others go to it."""
    for char in text:
        qtbot.keyClicks(focused(win), char)


def at(win):
    """The current cell as (metric id, column)."""
    index = win.tree.currentIndex()
    metric = win.model.metric(index)
    return (metric.id if metric else None, Column(index.column()))


def cell(win, metric_id, column):
    return win.model.data(win.model.index_of(win.document.plan.metrics[metric_id], column))


def tip(win, metric_id, column):
    return win.model.data(win.model.index_of(win.document.plan.metrics[metric_id], column), Qt.ItemDataRole.ToolTipRole)


def go(qtbot, win, metric_id, column=Column.NAME):
    """Put the cursor on a cell with the arrow keys from wherever it is."""
    order = [m.id for m in win.document.plan.walk()]
    press(qtbot, win, Key.Key_Home)
    while at(win)[0] != metric_id:
        down = order.index(metric_id) > order.index(at(win)[0])
        press(qtbot, win, Key.Key_Down if down else Key.Key_Up)
    while at(win)[1] != column:
        press(qtbot, win, Key.Key_Right)


def test_the_window_opens_in_the_tree_on_the_kgi_name(qtbot, sample_window):
    assert sample_window.focusWidget() is sample_window.tree
    assert at(sample_window) == ("web_orders", Column.NAME)


def test_a_rate_is_reached_and_edited_by_keyboard_alone(qtbot, window):
    press(qtbot, window, Key.Key_Down)
    assert at(window) == ("negotiations", Column.NAME)
    press(qtbot, window, Key.Key_Right, times=3)
    assert at(window) == ("negotiations", Column.EDGE)
    assert window.model.headerData(Column.EDGE, Qt.Orientation.Horizontal) == "Rate to Web orders"
    assert window.tree.isExpanded(window.model.index_of(window.document.plan.metrics["negotiations"]))
    type_text(qtbot, window, "40")
    assert window.tree.state() == window.tree.State.EditingState
    press(qtbot, window, Key.Key_Return)
    # 20 web orders at 40 % need 50 negotiations, then 100 nurtured, 200 leads, 2,000 visits
    assert cell(window, "negotiations", Column.EDGE) == "40%"
    assert cell(window, "negotiations", Column.TARGET) == "50"
    assert cell(window, "visits", Column.TARGET) == "2,000"
    assert at(window) == ("nurtured", Column.EDGE), "Enter commits and moves down"
    assert window.model.headerData(Column.EDGE, Qt.Orientation.Horizontal) == "Rate to Negotiations"
    assert window.document.undo_stack.count() == 1
    assert window.edits.undo.text() == "&Undo Set rate of Negotiations"


def test_left_and_right_move_between_columns_and_fold_only_with_alt_or_plus_minus(qtbot, window):
    go(qtbot, window, "leads")
    leads = window.model.index_of(window.document.plan.metrics["leads"])
    press(qtbot, window, Key.Key_Left, Mod.ShiftModifier)
    press(qtbot, window, Key.Key_Left)
    assert at(window) == ("leads", Column.NAME) and window.tree.isExpanded(leads)
    press(qtbot, window, Key.Key_Right)
    assert at(window) == ("leads", Column.TARGET) and window.tree.isExpanded(leads)
    press(qtbot, window, Key.Key_End)
    assert at(window) == ("leads", Column.PROGRESS)
    press(qtbot, window, Key.Key_Left, Mod.AltModifier)
    assert not window.tree.isExpanded(leads) and at(window) == ("leads", Column.PROGRESS)
    press(qtbot, window, Key.Key_Right, Mod.AltModifier)
    assert window.tree.isExpanded(leads)
    press(qtbot, window, Key.Key_Home)
    press(qtbot, window, Key.Key_Minus)
    assert not window.tree.isExpanded(leads) and window.tree.state() != window.tree.State.EditingState
    press(qtbot, window, Key.Key_Plus)
    assert window.tree.isExpanded(leads)
    assert window.document.undo_stack.count() == 0 and cell(window, "leads", Column.NAME) == "Leads"


def test_typing_a_minus_on_a_value_starts_the_number_and_folds_nothing(qtbot, window):
    go(qtbot, window, "leads", Column.ACTUAL)
    type_text(qtbot, window, "-")
    assert focused(window).text() == "-"
    assert window.tree.isExpanded(window.model.index_of(window.document.plan.metrics["leads"]))
    press(qtbot, window, Key.Key_Escape)
    assert window.document.undo_stack.count() == 0


def test_typing_on_a_calculated_cell_says_where_to_type(qtbot, window):
    go(qtbot, window, "leads", Column.FORECAST)
    type_text(qtbot, window, "5")
    assert window.tree.state() != window.tree.State.EditingState
    assert "calculated" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0


def test_enter_enter_after_an_edit_adds_nothing(qtbot, window):
    metrics = len(window.document.plan.metrics)
    go(qtbot, window, "negotiations", Column.EDGE)
    type_text(qtbot, window, "45")
    press(qtbot, window, Key.Key_Return)
    press(qtbot, window, Key.Key_Return)
    # 20 / 45 % = 44.4, rounded up to 45 negotiations; 90 nurtured, 180 leads, 1,800 visits
    assert cell(window, "negotiations", Column.TARGET) == "45"
    assert cell(window, "visits", Column.TARGET) == "1,800"
    assert at(window) == ("leads", Column.EDGE)
    # in the name column too: a name typed over, Enter, Enter moves on and adds no row
    go(qtbot, window, "nurtured")
    type_text(qtbot, window, "MQLs")
    press(qtbot, window, Key.Key_Return)
    assert at(window) == ("leads", Column.NAME)
    press(qtbot, window, Key.Key_Return)
    assert at(window) == ("visits", Column.NAME)
    press(qtbot, window, Key.Key_Enter)
    assert len(window.document.plan.metrics) == metrics
    assert cell(window, "nurtured", Column.NAME) == "MQLs"
    assert window.finding_count.text() == "No findings"
    assert window.document.undo_stack.count() == 2


def test_esc_takes_back_an_untouched_new_row(qtbot, window):
    go(qtbot, window, "unit_price")
    steps = window.document.undo_stack.count()
    press(qtbot, window, Key.Key_Return)  # Enter on a name (no edit just before): a metric below, its name open
    new_id = at(window)[0]
    assert new_id not in ("unit_price", None) and window.document.plan.metrics[new_id].parent.id == "sales"
    assert window.tree.state() == window.tree.State.EditingState
    press(qtbot, window, Key.Key_Escape)
    assert new_id not in window.document.plan.metrics
    assert at(window) == ("unit_price", Column.NAME)
    assert window.document.undo_stack.count() == steps and not window.document.undo_stack.canRedo()
    assert not window.isWindowModified()
    # Insert adds a child; Tab leaves its name as it is and Esc on the row still takes it back
    go(qtbot, window, "visits")
    press(qtbot, window, Key.Key_Insert)
    child = at(window)[0]
    assert window.document.plan.metrics[child].parent.id == "visits"
    press(qtbot, window, Key.Key_Tab)
    assert at(window) == (child, Column.TARGET)
    press(qtbot, window, Key.Key_Escape)
    assert child not in window.document.plan.metrics and at(window) == ("visits", Column.NAME)
    # a row that was named stays
    press(qtbot, window, Key.Key_Insert)
    type_text(qtbot, window, "Ads")
    press(qtbot, window, Key.Key_Return)
    press(qtbot, window, Key.Key_Escape)
    assert [m.name for m in window.document.plan.metrics["visits"].children] == ["Ads"]


def test_del_clears_a_target_and_backspace_an_actual_one_undo_step_each(qtbot, window):
    go(qtbot, window, "visits", Column.TARGET)
    type_text(qtbot, window, "2000")
    press(qtbot, window, Key.Key_Return)
    press(qtbot, window, Key.Key_Up)
    assert cell(window, "visits", Column.TARGET) == "2,000"
    assert window.model.data(window.model.index_of(window.document.plan.metrics["visits"], Column.TARGET),
                             Qt.ItemDataRole.FontRole).bold()
    press(qtbot, window, Key.Key_Delete)
    assert "visits" in window.document.plan.metrics
    assert cell(window, "visits", Column.TARGET) == "1,600"  # derived again: 160 leads / 10 %
    assert window.model.data(window.model.index_of(window.document.plan.metrics["visits"], Column.TARGET),
                             Qt.ItemDataRole.FontRole).italic()
    assert window.edits.undo.text() == "&Undo Clear target of Visits"
    go(qtbot, window, "leads", Column.ACTUAL)
    type_text(qtbot, window, "150")
    press(qtbot, window, Key.Key_Return)
    assert cell(window, "leads", Column.PROGRESS) == "93.75%"  # 150 of 160
    press(qtbot, window, Key.Key_Up)
    press(qtbot, window, Key.Key_Backspace)
    assert cell(window, "leads", Column.ACTUAL) == "" and cell(window, "leads", Column.PROGRESS) == ""
    steps = window.document.undo_stack.index()
    window.edits.undo.trigger()
    assert cell(window, "leads", Column.ACTUAL) == "150" and window.document.undo_stack.index() == steps - 1


def test_del_on_the_unit_price_target_keeps_the_metric_and_says_what_is_wrong(qtbot, window):
    go(qtbot, window, "unit_price", Column.TARGET)
    press(qtbot, window, Key.Key_Delete)
    assert "unit_price" in window.document.plan.metrics
    # sales = orders x unit price with neither given cannot be split: the window says so
    assert window.finding_count.text() == "2 errors"
    assert "Sales cannot be split between Orders, Average unit price" in window.findings_tooltip()
    window.edits.undo.trigger()
    assert cell(window, "unit_price", Column.TARGET) == "¥10,000,000" and window.finding_count.text() == "No findings"


def test_del_on_a_name_deletes_nothing_and_ctrl_del_asks_then_deletes(qtbot, modal, window):
    go(qtbot, window, "nurtured")
    press(qtbot, window, Key.Key_Delete)
    assert "nurtured" in window.document.plan.metrics
    assert "Ctrl+Del" in window.statusBar().currentMessage()
    asked = modal.answer(modal.key(Key.Key_Escape))  # Esc: No
    press(qtbot, window, Key.Key_Delete, Mod.ControlModifier)
    assert "nurtured" in window.document.plan.metrics
    assert asked[0].text == ("Delete Nurtured leads and the 2 metrics below it (Leads, Visits)?\n\n"
                             "Values you gave go with it:\nNurtured leads: rate 50%\nLeads: rate 50%\nVisits: rate 10%")
    modal.answer(modal.click("Yes"))
    press(qtbot, window, Key.Key_Delete, Mod.ControlModifier)
    assert "nurtured" not in window.document.plan.metrics and "visits" not in window.document.plan.metrics
    assert window.statusBar().currentMessage().startswith("Deleted Nurtured leads and the 2 metrics below it")
    assert window.edits.undo.text() == "&Undo Delete Nurtured leads"
    window.edits.undo.trigger()
    assert cell(window, "visits", Column.TARGET) == "1,600"


def test_a_new_metric_without_given_values_is_deleted_without_a_question(qtbot, window, dialogs):
    go(qtbot, window, "visits")
    press(qtbot, window, Key.Key_Insert)
    type_text(qtbot, window, "Ads")
    press(qtbot, window, Key.Key_Return)
    go(qtbot, window, window.document.plan.metrics["visits"].children[0].id)
    press(qtbot, window, Key.Key_Delete, Mod.ControlModifier)
    assert window.document.plan.metrics["visits"].children == [] and not dialogs
    assert window.statusBar().currentMessage().startswith("Deleted Ads.")


def test_tab_moves_through_value_cells_and_enter_returns_to_where_tabbing_began(qtbot, window):
    go(qtbot, window, "leads")
    press(qtbot, window, Key.Key_Tab)
    assert at(window) == ("leads", Column.TARGET)
    press(qtbot, window, Key.Key_Tab, times=2)
    assert at(window) == ("leads", Column.EDGE)
    type_text(qtbot, window, "20")
    press(qtbot, window, Key.Key_Tab)  # commits, moves on over the calculated forecast and gap
    assert at(window) == ("leads", Column.ACTUAL) and window.tree.state() != window.tree.State.EditingState
    type_text(qtbot, window, "150")
    press(qtbot, window, Key.Key_Return)
    assert at(window) == ("visits", Column.NAME), "Enter goes down to the column where Tab began"
    # 80 nurtured at 20 % need 400 leads; 150 of them so far is 37.5 %
    assert cell(window, "leads", Column.TARGET) == "400" and cell(window, "leads", Column.PROGRESS) == "37.5%"
    press(qtbot, window, Key.Key_Backtab, Mod.ShiftModifier)
    assert at(window) == ("leads", Column.ACTUAL)
    assert window.document.plan.metrics["visits"].parent.id == "leads", "Tab on a name moves, it does not indent"


def test_indent_outdent_and_move_keep_their_keys(qtbot, window):
    plan = window.document.plan
    go(qtbot, window, "unit_price")
    press(qtbot, window, Key.Key_Right, Mod.AltModifier | Mod.ShiftModifier)
    assert plan.metrics["unit_price"].parent.id == "orders"
    press(qtbot, window, Key.Key_Left, Mod.AltModifier | Mod.ShiftModifier)
    assert plan.metrics["unit_price"].parent.id == "sales"
    press(qtbot, window, Key.Key_Up, Mod.ControlModifier)
    assert [m.id for m in plan.metrics["sales"].children] == ["unit_price", "orders"]
    assert at(window) == ("unit_price", Column.NAME)


def test_goal_seek_typed_in_a_rate_cell(qtbot, window):
    go(qtbot, window, "visits", Column.TARGET)
    type_text(qtbot, window, "1000")  # visits given as a capacity: forecast 12 of 20 web orders
    press(qtbot, window, Key.Key_Return)
    assert cell(window, "web_orders", Column.GAP) == "-8"
    go(qtbot, window, "visits", Column.EDGE)
    type_text(qtbot, window, "solve")
    press(qtbot, window, Key.Key_Return)
    # 160 leads from 1,000 visits: 16 %, above the 10 % the plan had
    assert cell(window, "visits", Column.EDGE) == "16%"
    message = window.statusBar().currentMessage()
    assert "16%" in message and "above the 10%" in message and message.startswith("Warning")
    assert cell(window, "web_orders", Column.FORECAST) == "20" and cell(window, "web_orders", Column.GAP) == "0"
    assert window.consistency.text().startswith("Consistent")
    assert "Solved" in tip(window, "visits", Column.EDGE)
    assert window.edits.undo.text() == "&Undo Solve rate of Visits"
    window.edits.undo.trigger()
    assert cell(window, "visits", Column.EDGE) == "10%"


def test_solve_this_rate_in_the_menu_says_what_is_missing(qtbot, window):
    go(qtbot, window, "negotiations", Column.EDGE)
    assert window.edits.solve.isEnabled()
    window.edits.solve.trigger()
    assert "give Negotiations a target" in window.statusBar().currentMessage()
    go(qtbot, window, "negotiations", Column.TARGET)
    assert window.edits.solve.isEnabled(), "the row's rate, from any of its cells"
    go(qtbot, window, "web_orders", Column.EDGE)
    assert not window.edits.solve.isEnabled(), "a share is no rate"
    go(qtbot, window, "sales", Column.EDGE)
    assert not window.edits.solve.isEnabled()
    type_text(qtbot, window, "5")
    assert "Sales is at the top of its tree" in window.statusBar().currentMessage()


def test_a_solved_rate_below_the_plan_has_no_warning(qtbot, window):
    window.document.set_target("visits", "2,000")
    window.document.solve_rate("visits")
    # 160 of 2,000 visits: 8 %
    assert cell(window, "visits", Column.EDGE) == "8%"
    assert window.statusBar().currentMessage() == "Solved: a rate of 8% from Visits to Leads meets the goal " \
                                                  "(the plan had 10%)."


def test_a_solved_rate_above_100_percent_is_a_warning(qtbot, window):
    window.document.set_target("visits", "100")
    window.document.solve_rate("visits")
    assert cell(window, "visits", Column.EDGE) == "160%"
    assert "more than 100 %" in window.statusBar().currentMessage()


def test_a_child_under_a_funnel_stage_asks_and_can_become_a_new_stage(qtbot, modal, window):
    asked = modal.answer(modal.click("A New &Stage"))
    go(qtbot, window, "negotiations")
    press(qtbot, window, Key.Key_Insert)
    assert asked[0].title == "Add to a Funnel"
    assert asked[0].text == ("Negotiations is a funnel stage: Nurtured leads is the stage before it. "
                             "What is the new metric?")
    type_text(qtbot, window, "Webinars")
    press(qtbot, window, Key.Key_Return)
    plan = window.document.plan
    new = plan.metrics["negotiations"].children[0]
    assert new.name == "Webinars" and [m.id for m in new.children] == ["nurtured"]
    # a rate of 100 % to start with: every number stays as it was
    assert cell(window, new.id, Column.EDGE) == "100%" and cell(window, new.id, Column.TARGET) == "40"
    assert cell(window, "visits", Column.TARGET) == "1,600"
    assert window.consistency.text().startswith("Consistent")
    assert window.edits.undo.text() == "&Undo Rename New metric"
    window.edits.undo.trigger()
    window.edits.undo.trigger()
    assert plan.metrics["nurtured"].parent.id == "negotiations" and len(plan.metrics) == 8


def test_a_sibling_of_a_funnel_stage_can_be_another_source(qtbot, modal, window):
    asked = modal.answer(modal.click("Another S&ource of Leads"))
    go(qtbot, window, "visits")
    press(qtbot, window, Key.Key_Return)  # a metric beside visits: a second thing under leads
    assert asked[0].buttons == {"Cancel": True, "A New Stage": True, "Another Source of Leads": True}
    type_text(qtbot, window, "Events")
    press(qtbot, window, Key.Key_Return)
    plan = window.document.plan
    events = plan.metrics["leads"].children[1]
    assert events.name == "Events" and plan.metrics["leads"].relation.value == "sum"
    assert cell(window, events.id, Column.TARGET) == "0" and cell(window, "visits", Column.TARGET) == "1,600"
    go(qtbot, window, events.id, Column.TARGET)
    type_text(qtbot, window, "40")
    press(qtbot, window, Key.Key_Return)
    # 160 leads = 40 from events + visits x 10 %: 1,200 visits
    assert cell(window, "visits", Column.TARGET) == "1,200"
    assert window.consistency.text().startswith("Consistent")


def test_cancelling_the_funnel_question_adds_nothing(qtbot, window, dialogs):
    go(qtbot, window, "leads")
    press(qtbot, window, Key.Key_Insert)
    assert dialogs and dialogs[0][0] == "box" and "Leads is a funnel stage" in dialogs[0][2]
    assert len(window.document.plan.metrics) == 8 and window.document.undo_stack.count() == 0


def test_ctrl_home_and_ctrl_end_go_to_the_first_and_last_row(qtbot, window):
    press(qtbot, window, Key.Key_End, Mod.ControlModifier)
    assert at(window) == ("unit_price", Column.PROGRESS)
    press(qtbot, window, Key.Key_Home, Mod.ControlModifier)
    assert at(window) == ("sales", Column.NAME)
    press(qtbot, window, Key.Key_Right, Mod.ControlModifier)
    assert at(window) == ("sales", Column.PROGRESS)


def test_the_context_menu_acts_on_the_clicked_cell(qtbot, window):
    rect = window.tree.visualRect(window.model.index_of(window.document.plan.metrics["visits"], Column.EDGE))
    # a right click through the window, as the platform delivers it: Qt makes the context menu event of it
    point = window.tree.viewport().mapTo(window, rect.center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton, Mod.NoModifier, point)
    qtbot.waitUntil(lambda: window.context_menu is not None and window.context_menu.isVisible())
    menu = window.context_menu
    assert at(window) == ("visits", Column.EDGE)
    shown = [action.text() for action in menu.actions() if action.isEnabled() and action.text()]
    assert "So&lve This Rate" in shown and "Cl&ear Cell" in shown and "&Delete Metric" in shown
    menu.close()


def test_the_shortcut_list_names_the_cell_keys(qtbot, window, dialogs):
    window.show_shortcuts()
    kind, title, text = dialogs[-1]
    assert title == "Keyboard Shortcuts"
    for words in ("Esc", "Tab, Shift+Tab", "Ctrl+Del", "Del, Backspace", "Alt+Shift+Right", "Ins"):
        assert words in text, words
