"""Values in the words of a diff (kpidesk.model.diff_text) as the tree shows them: money in the plan's
currency, phasing weights with every digit, the KGI set and cleared, rows at the top, and each text
translated in its own context.
"""

from decimal import Decimal as D
from fractions import Fraction as F

from kpidesk import paths
from kpidesk.model.diff import diff_plans
from kpidesk.model.diff_text import conflict_text, derived_text, diff_lines
from kpidesk.model.merge import BOTH, Conflict
from kpidesk.planfile import loads

#: Total (a JPY sum, goal 100) of A (60.4 given) and B (40 given); Budget: money with no currency unit.
PLAN = '''format_version = "1.0"
[plan]
title = "Sum"
currency = "JPY"
start = 2026-04-01
end = 2027-03-31

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
id = "budget"
name = "Budget"
kind = "money"
target = 12.4

[[metric]]
id = "b"
parent = "total"
name = "B"
unit = "JPY"
kind = "money"
target = 40
'''


def lines(old: str, new: str, translate=None) -> list[str]:
    return diff_lines(diff_plans(loads(old).plan, loads(new).plan), translate)


def test_money_reads_rounded_to_the_plans_currency_in_changes_and_causes():
    # 60.4 yen reads 60; the total 100.4 reads 100
    assert lines(PLAN, PLAN.replace("target = 60.4", "target = 70")) == [
        "A: target 60 -> 70", "Effects:",
        "  Total: forecast 100 -> 110 because the target of A went 60 -> 70",
        "  Total: gap 0 -> +10 because the target of A went 60 -> 70",
        "  A: forecast 60 -> 70 because the target of A went 60 -> 70"]
    # a money metric whose unit names no currency is in the plan's: 12.4 and 15.6 yen read 12 and 16
    assert lines(PLAN, PLAN.replace("target = 12.4", "target = 15.6"))[0] == "Budget: target 12 -> 16"


def test_derived_money_is_shown_in_the_plans_currency():
    plan = loads(PLAN).plan
    budget = plan.metrics["budget"]
    assert derived_text(plan, budget, "target", F(62, 5)) == "12"  # 12.4 yen
    assert derived_text(plan, budget, "forecast", F(77, 5)) == "15"  # 15.4 yen
    assert derived_text(plan, budget, "gap", F(-62, 5)) == "-12"
    usd = loads(PLAN.replace('currency = "JPY"', 'currency = "USD"')).plan
    assert derived_text(usd, usd.metrics["budget"], "target", F(62, 5)) == "12.40"  # in cents


def test_a_phasing_weight_is_a_weight_not_money():
    weighted = PLAN + '\n[metric.phasing]\n"2026-04" = 2.5\n'  # B's table: B is the last metric
    assert lines(PLAN, weighted) == ["B: phasing weight of 2026-04 (none) -> 2.5"]


def test_the_kgi_set_and_cleared():
    with_kgi = PLAN.replace('title = "Sum"', 'title = "Sum"\nkgi = "a"')
    assert lines(PLAN, with_kgi) == ["Plan: KGI (none) -> A"]
    assert lines(with_kgi, PLAN) == ["Plan: KGI A -> (none)"]


def test_a_top_metric_reordered_is_placed_under_the_top():
    budget = PLAN[PLAN.index('[[metric]]\nid = "budget"'):PLAN.index('[[metric]]\nid = "b"\n')]
    first = PLAN.replace(budget, "").replace('[[metric]]\nid = "total"', budget + '[[metric]]\nid = "total"')
    assert lines(PLAN, first) == ["Budget: moved from place 2 to place 1 under the top"]


def test_each_text_is_translated_in_its_own_context():
    words = {("Diff", "{metric}: {field} {old} -> {new}"): "{metric}: {field} {old} → {new}",
             ("Fields", "Target"): "Ziel", ("Diff", "Effects:"): "Folgen:", ("Diff", "forecast"): "Prognose",
             ("Diff", "{metric}: {field} {old} -> {new} because {causes}"): "{metric}: {field} {old} → {new} wegen "
                                                                             "{causes}",
             ("Diff", "the {field} of {metric} went {old} -> {new}"): "{field} von {metric} {old} → {new}",
             ("Diff", "{metric}: moved from place {old} to place {new} under {parent}"):
                 "{metric}: Platz {old} → {new} unter {parent}", ("Diff", "the top"): "der Spitze"}

    def translate(context, text):
        return words.get((context, text), text)

    got = lines(PLAN, PLAN.replace("target = 60.4", "target = 70"), translate)
    assert got[:3] == ["A: Ziel 60 → 70", "Folgen:", "  Total: Prognose 100 → 110 wegen Ziel von A 60 → 70"]
    budget = PLAN[PLAN.index('[[metric]]\nid = "budget"'):PLAN.index('[[metric]]\nid = "b"\n')]
    first = PLAN.replace(budget, "").replace('[[metric]]\nid = "total"', budget + '[[metric]]\nid = "total"')
    assert lines(PLAN, first, translate) == ["Budget: Platz 2 → 1 unter der Spitze"]


def test_shares_that_read_alike_once_rounded_show_every_digit():
    plan = loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan
    conflict = Conflict(BOTH, "leads", "share", None, D("0.123456"), D("0.123461"))
    assert conflict_text(conflict, plan, plan, plan) == (
        "Leads (leads), share: changed on both sides: ours 12.3456%, theirs 12.3461% (was (none))")
