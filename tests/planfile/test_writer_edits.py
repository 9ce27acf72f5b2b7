"""What the writer makes of single edits, line by line: keys taken out and put back (comments and all),
defaults, period tables, new plans, and tables added, removed and moved.

Every expected text was checked by reading it: only the edited lines differ, comments stay with their
lines, and undoing an edit gives the file back byte for byte.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kpidesk.model.edits import AddMetric, MoveMetric, RemoveMetric, SetField, SetInfo, SetPeriodValues
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan
from kpidesk.planfile import PlanFile, loads

HEAD = 'format_version = "1.0"\n\n'


def metric_ids(text: str) -> list[str]:
    return [m.id for m in loads(text).plan.walk()]


# ---- keys ----------------------------------------------------------------------------------
OWNED = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\nowner = "Sales"  # who answers for it\n'
         'source = "CRM"\n')


def test_a_key_taken_out_and_put_back_gets_its_comment_back() -> None:
    plan_file = loads(OWNED)
    edit = SetField("goal", "owner", "")
    edit.apply(plan_file.plan)
    assert plan_file.dumps() == HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\nsource = "CRM"\n'
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == OWNED


def test_a_key_put_back_with_another_value_is_written_anew_in_its_place() -> None:
    plan_file = loads(OWNED)
    SetField("goal", "owner", "").apply(plan_file.plan)
    plan_file.dumps()
    SetField("goal", "owner", "Marketing").apply(plan_file.plan)
    assert plan_file.dumps() == OWNED.replace('"Sales"  # who answers for it', '"Marketing"')


def test_a_key_the_planner_wrote_stays_at_its_default() -> None:
    plan_file = loads(HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nkind = "money"\ntarget = 1_000\n')
    SetField("goal", "kind", "count").apply(plan_file.plan)
    assert plan_file.dumps() == HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nkind = "count"\ntarget = 1_000\n'


def test_a_key_an_edit_added_goes_in_its_documented_place_and_goes_again_at_its_default() -> None:
    text = HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\nowner = "Sales"\n'
    plan_file = loads(text)
    edit = SetField("goal", "kind", "money")
    edit.apply(plan_file.plan)
    assert plan_file.dumps() == \
        HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nkind = "money"\ntarget = 1_000\nowner = "Sales"\n'
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == text


def test_a_flag_written_false_is_changed_in_its_line() -> None:
    text = HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nkind = "money"\nallow_negative = false\ntarget = 1_000\n'
    plan_file = loads(text)
    SetField("goal", "allow_negative", True).apply(plan_file.plan)
    assert plan_file.dumps() == text.replace("allow_negative = false", "allow_negative = true")


# ---- period tables ---------------------------------------------------------------------------
PERIODS = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\n\n[metric.actuals]\n'
           '"2026-04" = 3\n# about may\n"2026-05" = 4  # estimate\n# about june\n"2026-06" = 5\n')


def actuals(plan_file: PlanFile, **values: int | None) -> SetPeriodValues:
    edit = SetPeriodValues("goal", "actuals", {k.replace("_", "-"): None if v is None else Decimal(v)
                                               for k, v in values.items()})
    edit.apply(plan_file.plan)
    return edit


@pytest.mark.parametrize("period, line", [("2026_04", '"2026-04" = 3\n'),
                                          ("2026_05", '"2026-05" = 4  # estimate\n'),
                                          ("2026_06", '"2026-06" = 5\n')])
def test_a_period_taken_out_loses_only_its_line_and_comes_back_where_it_was(period: str, line: str) -> None:
    plan_file = loads(PERIODS)
    edit = actuals(plan_file, **{period: None})
    assert plan_file.dumps() == PERIODS.replace(line, "")
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == PERIODS


def test_a_period_put_back_with_another_value_is_written_below_its_comment() -> None:
    plan_file = loads(PERIODS)
    actuals(plan_file, **{"2026_05": None})
    plan_file.dumps()
    actuals(plan_file, **{"2026_05": 7})
    assert plan_file.dumps() == PERIODS.replace('"2026-05" = 4  # estimate', '"2026-05" = 7')


INLINE = HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\nactuals = {"2026-04" = 3, "2026-05" = 4}\n'


def test_a_period_added_to_an_inline_table_goes_into_that_line() -> None:
    plan_file = loads(INLINE)
    actuals(plan_file, **{"2026_06": 1})
    assert plan_file.dumps() == INLINE.replace('"2026-05" = 4}', '"2026-05" = 4, "2026-06" = 1}')
    before_all = loads(INLINE)
    actuals(before_all, **{"2026_03": 1})
    text = before_all.dumps()
    assert text.count("\n") == INLINE.count("\n") and '"2026-03" = 1' in text
    assert loads(text).plan.metrics["goal"].actuals == {"2026-03": 1, "2026-04": 3, "2026-05": 4}


def test_a_period_added_to_dotted_keys_is_one_more_dotted_key() -> None:
    text = HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\nactuals."2026-04" = 3\n'
    plan_file = loads(text)
    actuals(plan_file, **{"2026_05": 1})
    assert plan_file.dumps() == text + 'actuals."2026-05" = 1\n'


# ---- a new plan ----------------------------------------------------------------------------
def test_a_new_plan_writes_its_facts_then_its_metrics() -> None:
    plan = Plan()
    plan.info.update({"title": "New plan", "start": dt.date(2026, 4, 1), "kgi": "", "notes": "line one\nline two"})
    plan.attach(Metric("goal", "Goal"), None)
    assert PlanFile(plan, "").dumps() == (HEAD + '[plan]\ntitle = "New plan"\nstart = 2026-04-01\n'
                                          'notes = """line one\nline two"""\n\n' + GOAL.rstrip("\n") + "\n")
    bare = Plan()
    bare.attach(Metric("goal", "Goal"), None)
    assert PlanFile(bare, "").dumps() == HEAD + GOAL.rstrip("\n") + "\n"


# ---- tables added, removed, moved ------------------------------------------------------------
TREE = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\n\n# leads come first\n[[metric]]\nid = "a"\nparent = "goal"\n'
        'name = "A"\n\n[extra]\nnote = "not a metric"\n\n[[metric]]\nid = "b"\nparent = "goal"\nname = "B"\n')
GOAL = '[[metric]]\nid = "goal"\nname = "Goal"\n\n'
TABLE_A = '# leads come first\n[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\n\n'
EXTRA = '[extra]\nnote = "not a metric"\n\n'
TABLE_B = '[[metric]]\nid = "b"\nparent = "goal"\nname = "B"\n'
TABLE_C = '[[metric]]\nid = "c"\nparent = "goal"\nname = "C"\n'


@pytest.mark.parametrize("row, expected", [
    (0, HEAD + GOAL + TABLE_C + "\n" + EXTRA + TABLE_A + TABLE_B),
    (1, HEAD + GOAL + TABLE_A + EXTRA + TABLE_C + "\n" + TABLE_B),
    (2, HEAD + GOAL + TABLE_A + EXTRA + TABLE_B + "\n" + TABLE_C),
])
def test_a_new_metric_takes_a_metric_slot_with_a_blank_line_around_it(row: int, expected: str) -> None:
    assert TREE == HEAD + GOAL + TABLE_A + EXTRA + TABLE_B
    plan_file = loads(TREE)
    AddMetric(Metric("c", "C"), "goal", row).apply(plan_file.plan)
    assert plan_file.dumps() == expected


def test_new_top_level_metrics_go_first_or_last() -> None:
    text = HEAD + GOAL + TABLE_B
    first = loads(text)
    AddMetric(Metric("r", "Root"), None, 0).apply(first.plan)
    assert first.dumps() == HEAD + '[[metric]]\nid = "r"\nname = "Root"\n\n' + GOAL + TABLE_B
    last = loads(text)
    AddMetric(Metric("r", "Root"), None, 1).apply(last.plan)
    assert last.dumps() == HEAD + GOAL + TABLE_B + '\n[[metric]]\nid = "r"\nname = "Root"\n'


PLAIN = HEAD + GOAL + '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\n\n' + TABLE_B


@pytest.mark.parametrize("ending", ["\n", "", "\n\n\n"])
def test_a_move_keeps_the_files_ending_at_the_end_and_its_undo_gives_the_file_back(ending: str) -> None:
    text = PLAIN.rstrip("\n") + ending
    plan_file = loads(text)
    move = MoveMetric("b", "goal", 0)
    move.apply(plan_file.plan)
    moved = plan_file.dumps()
    assert metric_ids(moved) == ["goal", "b", "a"]
    assert moved.endswith('name = "A"' + ending) and not moved.endswith('name = "A"\n' + ending)
    move.revert(plan_file.plan)
    assert plan_file.dumps() == text


@pytest.mark.parametrize("ending", ["\n", ""])
def test_a_removed_metrics_table_comes_back_with_its_undo(ending: str) -> None:
    text = PLAIN.rstrip("\n") + ending
    for gone in ("a", "b"):
        plan_file = loads(text)
        remove = RemoveMetric(gone)
        remove.apply(plan_file.plan)
        left = plan_file.dumps()
        assert metric_ids(left) == ["goal", "b" if gone == "a" else "a"]
        assert left.endswith('"\n' if ending else '"') and not left.endswith("\n\n")
        remove.revert(plan_file.plan)
        assert plan_file.dumps() == text


def test_undoing_a_move_across_another_table_gives_the_file_back() -> None:
    plan_file = loads(TREE)
    move = MoveMetric("b", "goal", 0)
    move.apply(plan_file.plan)
    assert metric_ids(plan_file.dumps()) == ["goal", "b", "a"]
    move.revert(plan_file.plan)
    assert plan_file.dumps() == TREE


def test_undoing_a_move_gives_back_a_file_whose_tables_are_not_in_tree_order() -> None:
    """a's child a1 is written after b: after the undo the file's own order comes back, not the tree's."""
    text = (HEAD + GOAL + '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\n\n' + TABLE_B
            + '\n[[metric]]\nid = "a1"\nparent = "a"\nname = "A1"\n')
    plan_file = loads(text)
    move = MoveMetric("b", "goal", 0)
    move.apply(plan_file.plan)
    assert metric_ids(plan_file.dumps()) == ["goal", "b", "a", "a1"]
    move.revert(plan_file.plan)
    assert plan_file.dumps() == text


def test_an_indented_comment_above_a_table_travels_with_it() -> None:
    text = HEAD + GOAL + '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\n\n  # about b\n' + TABLE_B
    plan_file = loads(text)
    MoveMetric("b", "goal", 0).apply(plan_file.plan)
    moved = plan_file.dumps()
    assert moved.startswith(HEAD + GOAL + "  # about b\n" + TABLE_B)


# ---- the head ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('# about goal\n[[metric]]\nid = "goal"\nname = "Goal"\n',
     HEAD + '# about goal\n[[metric]]\nid = "goal"\nname = "Goal"\n'),
    ('# a plan\n\n[[metric]]\nid = "goal"\nname = "Goal"\n',
     HEAD + '# a plan\n\n[[metric]]\nid = "goal"\nname = "Goal"\n'),
    ('[[metric]]\nid = "goal"\nname = "Goal"\n# end\n', HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\n# end\n'),
])
def test_a_file_without_format_version_gets_it_first_and_its_comments_stay_where_they_were(
        text: str, expected: str) -> None:
    assert loads(text).dumps() == expected


# ---- the plan's facts ----------------------------------------------------------------------
FACTS = HEAD + '[plan]\ntitle = "T"\nowner = "O"\nperiod = "FY2026"\n\n' + GOAL.rstrip("\n") + "\n"


def test_a_fact_taken_out_and_put_back_returns_to_its_line() -> None:
    plan_file = loads(FACTS)
    edit = SetInfo("owner", "")
    edit.apply(plan_file.plan)
    assert plan_file.dumps() == FACTS.replace('owner = "O"\n', "")
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == FACTS


def test_facts_changed_and_added_in_their_documented_places() -> None:
    plan_file = loads(FACTS)
    SetInfo("title", "New").apply(plan_file.plan)
    assert plan_file.dumps() == FACTS.replace('title = "T"', 'title = "New"')
    SetInfo("currency", "JPY").apply(plan_file.plan)
    SetInfo("notes", "a\nb").apply(plan_file.plan)
    SetInfo("start", dt.date(2026, 4, 1)).apply(plan_file.plan)
    assert plan_file.dumps() == FACTS.replace('title = "T"\nowner = "O"\nperiod = "FY2026"\n',
                                              'title = "New"\nowner = "O"\ncurrency = "JPY"\nperiod = "FY2026"\n'
                                              'start = 2026-04-01\nnotes = """a\nb"""\n')


def test_the_first_fact_of_a_plan_without_them_makes_a_plan_table_after_the_head() -> None:
    plan_file = loads(HEAD + GOAL.rstrip("\n") + "\n")
    SetInfo("title", "T").apply(plan_file.plan)
    assert plan_file.dumps() == HEAD + '[plan]\ntitle = "T"\n\n' + GOAL.rstrip("\n") + "\n"


def test_an_empty_fact_the_planner_wrote_stays_when_something_else_changes() -> None:
    text = HEAD + '[plan]\ntitle = ""\nowner   =  "O"\n\n[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\n'
    plan_file = loads(text)
    SetField("goal", "target", Decimal(6)).apply(plan_file.plan)
    assert plan_file.dumps() == text.replace("target = 5", "target = 6")


# ---- period tables an edit made, and the end of a file without a line break -------------------
def test_a_period_table_an_edit_made_goes_again_with_its_undo() -> None:
    text = HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\n'
    plan_file = loads(text)
    edit = actuals(plan_file, **{"2026_04": 3})
    assert plan_file.dumps() == text + '\n[metric.actuals]\n"2026-04" = 3\n'
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_file_without_a_final_line_break_gets_none(newline: str) -> None:
    text = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5  # see section X').replace("\n", newline)
    changed = loads(text)
    SetField("goal", "target", Decimal(6)).apply(changed.plan)
    assert changed.dumps() == text.replace("target = 5", "target = 6")
    added = loads(text)
    SetField("goal", "owner", "Me").apply(added.plan)
    assert added.dumps() == text + newline + 'owner = "Me"'


# ---- comments and layout that only a kept line or table can give back ------------------------
RATED = (HEAD + GOAL + '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\nrate = "10%"  # from the CRM\n\n'
         + TABLE_B)


def test_a_rate_taken_out_and_put_back_gets_its_comment_back() -> None:
    plan_file = loads(RATED)
    edit = SetField("a", "rate", None)
    edit.apply(plan_file.plan)
    assert plan_file.dumps() == RATED.replace('rate = "10%"  # from the CRM\n', "")
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == RATED


def test_a_removed_table_comes_back_with_its_comment() -> None:
    plan_file = loads(RATED)
    remove = RemoveMetric("a")
    remove.apply(plan_file.plan)
    assert plan_file.dumps() == HEAD + GOAL + TABLE_B
    remove.revert(plan_file.plan)
    assert plan_file.dumps() == RATED


def test_a_money_period_taken_out_and_put_back_gets_its_comment_back() -> None:
    text = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nkind = "money"\ntarget = 1_000\n\n[metric.actuals]\n'
            '"2026-04" = 0.1  # estimate\n"2026-05" = 2.5\n')
    plan_file = loads(text)
    edit = actuals(plan_file, **{"2026_04": None})
    assert plan_file.dumps() == text.replace('"2026-04" = 0.1  # estimate\n', "")
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == text


@pytest.mark.parametrize("last_line", ['name = "A"   ', 'name = "A"  # step X'])
def test_moves_and_undos_keep_a_lines_trailing_characters(last_line: str) -> None:
    text = HEAD + GOAL + '[[metric]]\nid = "a"\nparent = "goal"\n' + last_line + "\n\n" + TABLE_B.rstrip("\n")
    plan_file = loads(text)
    move = MoveMetric("b", "goal", 0)
    for _ in range(2):
        move.apply(plan_file.plan)
        assert plan_file.dumps().endswith("\n" + last_line)  # now the last line of the file, as b's was
        move.revert(plan_file.plan)
        assert plan_file.dumps() == text


def test_a_new_table_removed_and_put_back_is_where_it_was() -> None:
    plan_file = loads(PLAIN)
    AddMetric(Metric("c", "C"), "goal", 1).apply(plan_file.plan)
    added = plan_file.dumps()
    assert added == PLAIN.replace(TABLE_B, TABLE_C + "\n" + TABLE_B)
    remove = RemoveMetric("c")
    remove.apply(plan_file.plan)
    assert plan_file.dumps() == PLAIN
    remove.revert(plan_file.plan)
    assert plan_file.dumps() == added


@pytest.mark.parametrize("last_line", ["target = 5  # see section X", "target = 5  # see section Y  "])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_last_line_of_a_file_without_a_final_line_break_keeps_its_characters(last_line: str, newline: str) -> None:
    text = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\n' + last_line).replace("\n", newline)
    plan_file = loads(text)
    SetField("goal", "owner", "Me").apply(plan_file.plan)
    assert plan_file.dumps() == text + newline + 'owner = "Me"'


def test_a_move_to_another_parent_changes_the_parent_line() -> None:
    plan_file = loads(PLAIN)
    MoveMetric("b", "a", 0).apply(plan_file.plan)
    assert plan_file.dumps() == PLAIN.replace('id = "b"\nparent = "goal"', 'id = "b"\nparent = "a"')


def test_two_period_tables_changed_in_one_save_both_change() -> None:
    text = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nkind = "money"\ntarget = 1_000\n\n'
            '[metric.phasing]\n"2026-04" = 1\n\n[metric.actuals]\n"2026-04" = 3\n')
    plan_file = loads(text)
    SetPeriodValues("goal", "phasing", {"2026-04": Decimal(2)}).apply(plan_file.plan)
    actuals(plan_file, **{"2026_04": 4})
    assert plan_file.dumps() == text.replace('"2026-04" = 1', '"2026-04" = 2').replace('"2026-04" = 3', '"2026-04" = 4')


@pytest.mark.parametrize("last_line", ['unit = "orders"  # X', 'unit = "orders"   '])
def test_an_edited_tables_last_line_keeps_its_trailing_characters(last_line: str) -> None:
    text = HEAD + GOAL + '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\n' + last_line + "\n\n" + TABLE_B
    plan_file = loads(text)
    SetField("a", "name", "Asked").apply(plan_file.plan)
    assert plan_file.dumps() == text.replace('name = "A"', 'name = "Asked"')


def test_a_key_put_back_goes_below_the_comment_line_it_followed() -> None:
    text = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\n\n# who answers for it\nowner = "Sales"\n'
            'source = "CRM"\n')
    plan_file = loads(text)
    SetField("goal", "owner", "").apply(plan_file.plan)
    assert plan_file.dumps() == text.replace('owner = "Sales"\n', "")  # the comment line stays
    SetField("goal", "owner", "Marketing").apply(plan_file.plan)
    # under its comment again, not after the blank line above the comment
    assert plan_file.dumps() == text.replace('"Sales"', '"Marketing"')


def test_a_key_whose_neighbour_went_too_is_put_back_in_its_documented_place() -> None:
    text = HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nunit = "orders"\nowner = "Sales"\nsource = "CRM"\n'
    plan_file = loads(text)
    SetField("goal", "owner", "").apply(plan_file.plan)
    plan_file.dumps()
    SetField("goal", "unit", "").apply(plan_file.plan)  # the key owner followed is gone as well
    plan_file.dumps()
    SetField("goal", "owner", "Marketing").apply(plan_file.plan)
    # owner comes after name and before source, as the format documents; never lost
    assert plan_file.dumps() == HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\nowner = "Marketing"\nsource = "CRM"\n'


COMMENTED = (HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\n\n[metric.actuals]\n'
             '# April: from the old CRM\n"2026-04" = 3\n# May: estimate\n"2026-05" = 4\n# June still open\n')


def test_the_first_period_comes_back_under_its_own_comment_not_the_next_ones() -> None:
    plan_file = loads(COMMENTED)
    edit = actuals(plan_file, **{"2026_04": None})
    assert plan_file.dumps() == COMMENTED.replace('"2026-04" = 3\n', "")
    edit.revert(plan_file.plan)
    assert plan_file.dumps() == COMMENTED


def test_a_second_fact_goes_into_the_plan_table_the_first_one_made() -> None:
    plan_file = loads(HEAD + GOAL.rstrip("\n") + "\n")
    SetInfo("title", "T").apply(plan_file.plan)
    plan_file.dumps()
    SetInfo("owner", "O").apply(plan_file.plan)
    assert plan_file.dumps() == HEAD + '[plan]\ntitle = "T"\nowner = "O"\n\n' + GOAL.rstrip("\n") + "\n"


def test_one_fact_changed_leaves_the_other_facts_lines_and_comments() -> None:
    # a literal string stays one: a fact written again would come back in double quotes
    text = HEAD + "[plan]\ntitle = 'T'  # the title\nowner = \"O\"  # who answers\n\n" + GOAL.rstrip("\n") + "\n"
    plan_file = loads(text)
    SetInfo("owner", "P").apply(plan_file.plan)
    assert plan_file.dumps() == text.replace('owner = "O"', 'owner = "P"')


def test_tables_written_out_of_tree_order_keep_their_order_when_a_metric_is_added() -> None:
    child_first = (HEAD + '[[metric]]\nid = "leads"\nparent = "goal"\nname = "Leads"\nrate = "10%"\n\n'
                   '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\n')
    plan_file = loads(child_first)
    AddMetric(Metric("other", "Other"), None, 1).apply(plan_file.plan)
    assert plan_file.dumps() == child_first + '\n[[metric]]\nid = "other"\nname = "Other"\n'


def test_a_file_that_starts_with_its_first_table_gets_the_format_version_line_above_it() -> None:
    text = '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\n'
    plan_file = loads(text)
    SetField("goal", "target", Decimal(6)).apply(plan_file.plan)
    assert plan_file.dumps() == HEAD + text.replace("target = 5", "target = 6")


def test_a_comment_above_the_first_table_and_one_ending_the_file_both_stay() -> None:
    text = '# FY2026 plan\n[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\n# end of plan'
    plan_file = loads(text)
    SetField("goal", "target", Decimal(6)).apply(plan_file.plan)
    assert plan_file.dumps() == HEAD + text.replace("target = 5", "target = 6")


def test_an_empty_period_table_the_planner_wrote_stays_when_the_metric_changes() -> None:
    text = HEAD + '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\n\n[metric.actuals]\n# filled in monthly\n'
    plan_file = loads(text)
    SetField("goal", "target", Decimal(6)).apply(plan_file.plan)
    assert plan_file.dumps() == text.replace("target = 5", "target = 6")


def test_keys_the_planner_wrote_keep_their_spelling_when_another_key_of_the_metric_changes() -> None:
    # each as written: a default spelled out, a literal string, a number with its separators
    text = (HEAD + "[[metric]]\nid = 'goal'\nname = 'Goal'  # as sales says it\nkind = 'count'\n"
            "target = 1_000\nowner = 'Sales'\n")
    plan_file = loads(text)
    SetField("goal", "owner", "Marketing").apply(plan_file.plan)
    assert plan_file.dumps() == text.replace("owner = 'Sales'", 'owner = "Marketing"')
