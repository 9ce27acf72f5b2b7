"""Plans written by other tools in other TOML shapes are brought to [plan] and [[metric]] tables.

Each expected text is written out in full: the tables, their order, every value as it was typed,
sub-tables as [metric.x] (never [[...]]), and the comments outside the inline values where they were.
"""

from __future__ import annotations

from decimal import Decimal

from kpidesk.model.reasons import reason
from kpidesk.planfile import loads
from kpidesk.planfile.shapes import as_tables

#: What was changed, as reasons (their words are made where they are shown).
METRICS_NOTE = reason("metrics_reshaped")
PLAN_NOTE = reason("plan_facts_reshaped")


def test_the_notes_say_in_words_what_was_changed() -> None:
    assert METRICS_NOTE.text() == ("the metrics were an inline array (metric = [...]); they are written as [[metric]] "
                                   "tables now, every value kept (comments inside the array could not be kept)")
    assert PLAN_NOTE.text() == ("the plan's facts were dotted keys or an inline table (plan.title = ...); they are "
                                "written as a [plan] table now")


def test_dotted_plan_keys_and_an_inline_array_of_metrics_become_tables() -> None:
    text = ('format_version = "1.0"\nplan.title = "T"\nplan.owner = "O"\n\n'
            'metric = [{id = "goal", name = "Goal", target = 1_000, actuals = {"2026-04" = 3}}, '
            '{id = "a", parent = "goal", name = "A", rate = "10%"}]\n')
    assert as_tables(text) == (
        'format_version = "1.0"\n\n'
        '[plan]\ntitle = "T"\nowner = "O"\n\n'
        '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\n\n[metric.actuals]\n2026-04 = 3\n\n'
        '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\nrate = "10%"\n',
        [PLAN_NOTE, METRICS_NOTE])
    assert loads(as_tables(text)[0]).plan.metrics["goal"].actuals == {"2026-04": Decimal(3)}


def test_an_inline_plan_table_becomes_a_plan_table() -> None:
    text = 'plan = {title = "T", start = 2026-04-01}\n\n[[metric]]\nid = "goal"\nname = "Goal"\n'
    assert as_tables(text) == ('[plan]\ntitle = "T"\nstart = 2026-04-01\n\n[[metric]]\nid = "goal"\nname = "Goal"\n',
                               [PLAN_NOTE])


def test_tables_within_tables_and_comments_around_other_tables_keep_their_places() -> None:
    text = ('# head comment\nmetric = [{id = "goal", name = "Goal", x = {y = {z = 1}}}]\n\n'
            '# about extra\n[extra]\nk = 1\n')
    assert as_tables(text) == (
        '# head comment\n\n# about extra\n[extra]\nk = 1\n\n'
        '[[metric]]\nid = "goal"\nname = "Goal"\n\n[metric.x]\n\n[metric.x.y]\nz = 1\n',
        [METRICS_NOTE])


def test_a_true_or_false_is_written_as_typed() -> None:
    text = 'metric = [{id = "goal", name = "Goal", target = -5, allow_negative = true}]\n'
    assert as_tables(text) == ('[[metric]]\nid = "goal"\nname = "Goal"\ntarget = -5\nallow_negative = true\n',
                               [METRICS_NOTE])


def test_a_plan_in_kpidesks_own_shape_comes_back_as_it_is() -> None:
    text = '[plan]\ntitle = "T"\n\n[[metric]]\nid = "goal"\nname = "Goal"\n'
    assert as_tables(text) == (text, [])


INLINE_GOAL = 'metric = [{id = "goal", name = "Goal"}]\n'
GOAL_TABLE = '[[metric]]\nid = "goal"\nname = "Goal"\n'


def test_a_plan_table_stays_as_the_planner_wrote_it() -> None:
    assert as_tables(INLINE_GOAL + '[plan] # facts\ntitle = "T"  # the title\n') == (
        '[plan] # facts\ntitle = "T"  # the title\n\n' + GOAL_TABLE, [METRICS_NOTE])


def test_keys_before_the_first_table_stay_first_and_the_plan_table_follows_them() -> None:
    text = 'format_version = "1.0"   \nplan.title = "T"\n' + INLINE_GOAL + '# about extra\n[extra]\nk = 1   \n'
    assert as_tables(text) == ('format_version = "1.0"   \n\n[plan]\ntitle = "T"\n\n'
                               '# about extra\n[extra]\nk = 1   \n\n' + GOAL_TABLE, [PLAN_NOTE, METRICS_NOTE])
    text = 'format_version = "1.0"\nplan.title = "T"\n' + INLINE_GOAL + '[extra]\nk = 1\n'
    assert as_tables(text) == ('format_version = "1.0"\n\n[plan]\ntitle = "T"\n\n[extra]\nk = 1\n\n' + GOAL_TABLE,
                               [PLAN_NOTE, METRICS_NOTE])


def test_comments_above_the_first_table_go_with_it_also_indented_or_from_the_first_line() -> None:
    assert as_tables(INLINE_GOAL + '# c1\n[extra]\nk = 1\n# last') == (
        '# c1\n[extra]\nk = 1\n# last\n\n' + GOAL_TABLE, [METRICS_NOTE])
    assert as_tables('plan.title = "T"\n' + INLINE_GOAL + '  # about extra\n[extra]\nk = 1\n') == (
        '[plan]\ntitle = "T"\n\n  # about extra\n[extra]\nk = 1\n\n' + GOAL_TABLE, [PLAN_NOTE, METRICS_NOTE])
    assert as_tables('plan.title = "T"\n' + INLINE_GOAL + '# c1\n[extra]\nk = 1\n') == (
        '[plan]\ntitle = "T"\n\n# c1\n[extra]\nk = 1\n\n' + GOAL_TABLE, [PLAN_NOTE, METRICS_NOTE])


def test_the_last_characters_of_the_head_and_of_the_tables_are_kept() -> None:
    text = 'format_version = "1.0"\n# plan X\nplan.title = "T"\n' + INLINE_GOAL + '\n[extra]\nk = 1\n# X'
    assert as_tables(text) == ('format_version = "1.0"\n# plan X\n\n[plan]\ntitle = "T"\n\n[extra]\nk = 1\n# X\n\n'
                               + GOAL_TABLE, [PLAN_NOTE, METRICS_NOTE])
