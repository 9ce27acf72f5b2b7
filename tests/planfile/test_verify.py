"""The check before a save: the text about to be written must read back as the plan in memory.

Each difference is named in words, for the message that stops the save.
"""

from __future__ import annotations

from kpidesk.planfile import loads
from kpidesk.planfile.verify import unsafe_to_write

PLAN = ('format_version = "1.0"\n\n[plan]\ntitle = "Mine"\n\n'
        '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\n\n'
        '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\nrate = "10%"\n\n'
        '[[metric]]\nid = "b"\nparent = "goal"\nname = "B"\nrate = "20%"\n')
A = 'id = "a"\nparent = "goal"\nname = "A"\nrate = "10%"'
B = 'id = "b"\nparent = "goal"\nname = "B"\nrate = "20%"'


def why(text: str) -> str | None:
    """The English text of why ``text`` must not replace the plan (a reason), or None."""
    found = unsafe_to_write(loads(PLAN).plan, text, "plan.toml")
    return None if found is None else found.text()


def test_the_same_plan_is_safe_to_write() -> None:
    assert why(PLAN) is None
    assert why(PLAN.replace("[plan]\n", "# a comment\n[plan]\n")) is None  # layout is no difference


def test_a_metric_lost_or_added_is_named() -> None:
    assert why(PLAN.split("\n\n[[metric]]\nid = \"b\"")[0] + "\n") == "metric 'b' would be missing"
    assert why(PLAN.split("\n\n[[metric]]\nid = \"a\"")[0] + "\n") == "metric 'a' would be missing"
    assert why(PLAN + '\n[[metric]]\nid = "c"\nparent = "goal"\nname = "C"\n') == "metric 'c' would appear"


def test_siblings_in_another_order_are_a_difference() -> None:
    assert why(PLAN.replace(A, "@").replace(B, A).replace("@", B)) == "the metrics would be in another order"


def test_a_changed_value_in_a_later_metric_is_named_with_both_values() -> None:
    assert why(PLAN.replace('rate = "20%"', 'rate = "30%"')) == \
        "metric 'b', rate: Decimal('0.3') instead of Decimal('0.2')"


def test_a_changed_parent_is_a_difference_even_where_the_order_is_the_same() -> None:
    assert why(PLAN.replace('id = "b"\nparent = "goal"', 'id = "b"\nparent = "a"')) == \
        "metric 'b', parent: 'a' instead of 'goal'"


def test_a_changed_fact_of_the_plan_is_named() -> None:
    assert why(PLAN.replace('title = "Mine"', 'title = "Other"')) == "plan.title: 'Other' instead of 'Mine'"
    assert why(PLAN.replace('title = "Mine"\n', 'title = "Mine"\nowner = "Sales"\n')) == \
        "plan.owner: 'Sales' instead of None"


def test_text_that_is_no_plan_gives_the_readers_position_and_words() -> None:
    assert why("x = \n") == "it would not open again (line 1, column 5: not valid TOML: Invalid value)"
    assert why(PLAN.replace('rate = "20%"', 'rate = "lots"')) == \
        "it would not open again (line 21, column 8: metric 'b', rate: 'lots' is not a number)"
