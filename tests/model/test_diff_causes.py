"""What a diff names as the cause of an effect: a metric added or removed, and the plan's currency for money.

A small plan: Total (JPY, a sum with a goal of 100) of A (60.4 given) and B (40 given), so the total is
forecast at 100.4, shown as 100 yen.
"""

from kpidesk.model.diff import diff_plans
from kpidesk.model.diff_text import diff_lines
from kpidesk.planfile import loads

SUM = '''format_version = "1.0"
[plan]
title = "Sum"
currency = "JPY"

[[metric]]
id = "total"
name = "Total"
unit = "JPY"
kind = "money"
relation = "sum"
target = 100

[[metric]]
id = "a"
parent = "total"
name = "A"
unit = "JPY"
kind = "money"
target = 60.4

[[metric]]
id = "b"
parent = "total"
name = "B"
unit = "JPY"
kind = "money"
target = 40
'''
C = '\n[[metric]]\nid = "c"\nparent = "total"\nname = "C"\nunit = "JPY"\nkind = "money"\ntarget = 10\n'


def lines(old: str, new: str) -> list[str]:
    return diff_lines(diff_plans(loads(old).plan, loads(new).plan))


def test_a_part_removed_or_added_is_the_cause():
    without_b = SUM[:SUM.index('[[metric]]\nid = "b"')]
    assert lines(SUM, without_b) == ["B: removed (was under Total)", "Effects:",
                                     "  Total: forecast 100 -> 60 because B was removed",  # 60.4 yen
                                     "  Total: gap 0 -> -40 because B was removed"]  # -39.6 yen
    assert lines(SUM, SUM + C) == ["C: added under Total", "Effects:",
                                   "  Total: forecast 100 -> 110 because C was added",
                                   "  Total: gap 0 -> +10 because C was added"]


def test_the_currency_is_a_cause_of_money_only():
    both = SUM.replace('currency = "JPY"', 'currency = "USD"').replace("target = 40", "target = 50")
    because = " because the plan's currency went JPY -> USD and the target of B went 40 -> 50"
    assert lines(SUM, both) == ["Plan: currency JPY -> USD", "B: target 40 -> 50", "Effects:",
                                "  Total: forecast 100 -> 110" + because, "  Total: gap 0 -> +10" + because,
                                "  B: forecast 40 -> 50" + because]
    counts = SUM.replace('kind = "money"', 'kind = "count"').replace("60.4", "60")
    both = counts.replace('currency = "JPY"', 'currency = "USD"').replace("target = 40", "target = 50")
    because = " because the target of B went 40 -> 50"
    assert lines(counts, both) == ["Plan: currency JPY -> USD", "B: target 40 -> 50", "Effects:",
                                   "  Total: forecast 100 -> 110" + because, "  Total: gap 0 -> +10" + because,
                                   "  B: forecast 40 -> 50" + because]


def test_values_that_read_alike_show_their_digits():
    # A from 60.4 to 60.3: the total is 100 yen either way, so every digit is shown; the gap, settled to
    # whole yen, is 0 both times: no effect
    assert lines(SUM, SUM.replace("target = 60.4", "target = 60.3")) == [
        "A: target 60.4 -> 60.3", "Effects:",
        "  Total: forecast 100.4 -> 100.3 because the target of A went 60.4 -> 60.3",
        "  A: forecast 60.4 -> 60.3 because the target of A went 60.4 -> 60.3"]
