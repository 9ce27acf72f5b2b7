"""Every problem the reader finds: its position, the field it is about, and that reading goes on to
the next metric, so one pass lists them all. Also the limits, each at its boundary."""

from __future__ import annotations

import pytest

from kpidesk.planfile import PlanFileError, loads, reader
from kpidesk.planfile.reader import prescan

GOAL = '[[metric]]\nid = "goal"\nname = "Goal"\n'


def problems(text: str) -> list[tuple[int, int, str, str | None]]:
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    assert info.value.filename == "plan.toml"
    return [(p.line, p.column, p.code, p.field) for p in info.value.problems]


# ---- each metric's problems, and the next metric's too -------------------------------------
def test_entries_that_are_no_tables_are_all_listed() -> None:
    assert problems('metric = [1, {id = "a", name = "A"}, 2]\n') == \
        [(1, 1, "metric_not_table", None), (1, 1, "metric_not_table", None)]


def test_ids_and_names_missing_or_wrong_in_several_metrics() -> None:
    text = (GOAL + '[[metric]]\nname = "NoId"\n[[metric]]\nid = "9x"\nname = "B"\n[[metric]]\nid = "c"\nname = ""\n'
            '[[metric]]\nid = "d"\nname = "D\\u0007"\n')
    assert problems(text) == [(4, 1, "id_missing", "id"), (7, 6, "id_invalid", "id"),
                              (11, 8, "name_required", "name"), (14, 8, "control_in_line", "name")]


def test_an_id_may_have_64_characters_not_65() -> None:
    assert loads('[[metric]]\nid = "' + "a" * 64 + '"\nname = "A"\n').plan.metrics
    assert problems('[[metric]]\nid = "' + "a" * 65 + '"\nname = "A"\n') == [(2, 6, "id_invalid", "id")]


def test_every_duplicate_id_is_listed() -> None:
    text = GOAL + '[[metric]]\nid = "goal"\nname = "Again"\n[[metric]]\nid = "goal"\nname = "Third"\n'
    assert problems(text) == [(5, 6, "duplicate_id", "id"), (8, 6, "duplicate_id", "id")]


def test_parents_that_are_no_text_unknown_or_the_metric_itself() -> None:
    not_text = GOAL + '[[metric]]\nid = "a"\nparent = 1\nname = "A"\n[[metric]]\nid = "b"\nparent = 2\nname = "B"\n'
    assert problems(not_text) == [(6, 10, "parent_not_text", "parent"), (10, 10, "parent_not_text", "parent")]
    assert problems(GOAL + '[[metric]]\nid = "a"\nparent = "x"\nname = "A"\n[[metric]]\nid = "b"\nparent = "b"\n'
                           'name = "B"\n[[metric]]\nid = "c"\nparent = "c"\nname = "C"\n') == \
        [(6, 10, "parent_unknown", "parent"), (10, 10, "own_parent", "parent"), (14, 10, "own_parent", "parent")]


def test_every_cycle_of_parents_is_listed() -> None:
    text = ('[[metric]]\nid = "a"\nparent = "b"\nname = "A"\n[[metric]]\nid = "b"\nparent = "a"\nname = "B"\n'
            '[[metric]]\nid = "c"\nparent = "d"\nname = "C"\n[[metric]]\nid = "d"\nparent = "c"\nname = "D"\n')
    assert problems(text) == [(3, 10, "parent_cycle", "parent"), (11, 10, "parent_cycle", "parent")]


def test_references_to_no_metric_and_rules_between_fields_name_their_field() -> None:
    assert problems('[plan]\nkgi = "nope"\n' + GOAL + 'relation = "formula"\nformula = "zz * 2"\n') == \
        [(2, 7, "unknown_id", "kgi"), (7, 11, "ids_not_metrics", "formula")]
    assert problems(GOAL + 'kind = "money"\ntarget = -5\n') == [(5, 10, "money_negative", "target")]


def test_the_positions_of_each_metric_are_kept_by_id() -> None:
    positions = loads(GOAL + '\n[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\n').positions
    assert positions.by_id["a"].header == (5, 1) and positions.by_id["goal"].value("name") == (3, 8)


# ---- limits ----------------------------------------------------------------------------------
def test_a_text_of_the_limit_is_read_and_one_more_character_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    prescan(" " * 100, "plan.toml")
    with pytest.raises(PlanFileError) as info:
        prescan(" " * 101, "plan.toml")
    assert info.value.filename == "plan.toml"
    first = info.value.first
    assert (first.line, first.column, first.code, first.params) == (1, 1, "text_too_large", {"size": 101, "limit": 100})


def test_as_many_metrics_as_the_limit_are_read_and_one_more_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_METRICS", 3)
    two_more = GOAL + "".join(f'[[metric]]\nid = "m{n}"\nparent = "goal"\nname = "M"\n' for n in range(2))
    assert len(loads(two_more).plan.metrics) == 3
    with pytest.raises(PlanFileError) as info:
        loads(two_more + '[[metric]]\nid = "m9"\nparent = "goal"\nname = "M"\n', "plan.toml")
    first = info.value.first
    assert (first.line, first.column, first.code, first.params) == (1, 1, "too_many_metrics", {"count": 4, "limit": 3})


def test_a_plan_text_may_have_20000_characters_not_more() -> None:
    assert loads('[plan]\ntitle = "' + "t" * 20_000 + '"\n' + GOAL).plan.info["title"] == "t" * 20_000
    assert problems('[plan]\ntitle = "' + "t" * 20_001 + '"\n' + GOAL) == [(2, 9, "text_too_long", None)]


# ---- keys of too many parts ----------------------------------------------------------------
SEVENTEEN = ".".join("abcdefghijklmnopq")  # one part more than MAX_KEY_PARTS


@pytest.mark.parametrize("text, column", [(f"{SEVENTEEN} = 1\n", 1), (f"[{SEVENTEEN}]\n", 2),
                                          (f"{SEVENTEEN}{' ' * 63}= 1\n", 1)])
def test_a_key_or_table_of_too_many_parts_is_refused_before_parsing(text: str, column: int) -> None:
    with pytest.raises(PlanFileError) as info:
        prescan("\n" + text, "plan.toml")
    assert info.value.filename == "plan.toml"
    assert (info.value.first.line, info.value.first.column, info.value.first.code) == (2, column, "key_too_dotted")


def test_dotted_words_that_are_no_key_are_left_to_the_parser() -> None:
    prescan(f'notes = """\n{SEVENTEEN}\n= not a key\n"""\n', "plan.toml")  # the line break ends the run
    prescan(f"{SEVENTEEN}{' ' * 64}= 1\n", "plan.toml")  # the = is further than the 64 characters looked at
    assert problems(f"{SEVENTEEN} X = 1\n" + GOAL)[0][2] == "toml_invalid"


def test_brackets_nested_too_deep_name_the_file() -> None:
    with pytest.raises(PlanFileError) as info:
        prescan("x = " + "[" * 40, "plan.toml")
    assert info.value.filename == "plan.toml" and info.value.first.code == "brackets_too_deep"


# ---- what the TOML parser says -------------------------------------------------------------
def test_an_error_at_the_end_of_the_text_is_placed_after_its_last_character() -> None:
    with pytest.raises(PlanFileError) as info:
        loads('x = 1\ny = "abc', "plan.toml")
    assert str(info.value) == "plan.toml:2:9: error: not valid TOML: Unterminated string"
    assert info.value.first.params == {"detail": "Unterminated string"}


def test_values_nested_deeper_than_the_parser_recurses_are_refused() -> None:
    with pytest.raises(PlanFileError) as info:
        loads("x = " + "[1, " * 1200 + "]" * 1200 + "\n" + GOAL, "plan.toml")
    assert info.value.filename == "plan.toml"
    first = info.value.first
    assert (first.line, first.column, first.code, first.params) == (1, 1, "toml_too_deep", {"limit": 32})


def test_errors_of_text_not_given_a_file_name_name_it_plan() -> None:
    with pytest.raises(PlanFileError) as info:
        loads("x = \n")
    assert str(info.value) == "<plan>:1:5: error: not valid TOML: Invalid value"
    with pytest.raises(PlanFileError) as info:
        loads("x = " + "[" * 40, "plan.toml")
    assert info.value.filename == "plan.toml" and info.value.first.code == "brackets_too_deep"


def test_a_lag_of_infinity_is_refused_where_it_stands() -> None:
    text = 'format_version = "1.0"\n[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 5\nlag = inf\n'
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    first = info.value.first
    assert (first.line, first.column, first.code, first.field) == (6, 7, "lag_not_whole", "lag")
