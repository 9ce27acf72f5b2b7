"""Every kind of merge conflict in words (kpidesk.model.diff_text.conflict_text), on the sample plan.

The conflicts are made directly, so each line of text is checked for the conflict it describes; the
merge that finds them is tested in test_merge.py. Names come from the sample (btob-web): "Leads",
"Visits", "Sales" (JPY), "Average unit price", "Orders".
"""

from decimal import Decimal as D

import pytest

from kpidesk import paths
from kpidesk.model.diff_text import conflict_text
from kpidesk.model.merge import (
    BELOW_DELETED,
    BOTH,
    BOTH_ADDED,
    PARENT_GONE,
    PLAN,
    REFUSED,
    THEY_DELETED,
    WE_DELETED,
    Conflict,
)
from kpidesk.model.reasons import Reason
from kpidesk.planfile import load


@pytest.fixture(scope="module")
def plan():
    return load(paths.templates()["btob-web"]).plan


def text(plan, conflict, translate=None):
    return conflict_text(conflict, plan, plan, plan, translate)


@pytest.mark.parametrize("conflict, expected", [
    # a metric the plans have is named, its id beside it
    (Conflict(BOTH, "leads", "rate", D("0.5"), D("0.45"), D("0.4")),
     "Leads (leads), rate: changed on both sides: ours 45%, theirs 40% (was 50%)"),
    # a metric none of the plans has is its id alone, not "ghost (ghost)"
    (Conflict(BOTH_ADDED, "ghost", "owner", None, "A team", "B team"),
     'ghost, owner: added on both sides with different values: ours "A team", theirs "B team"'),
    (Conflict(WE_DELETED, "visits", "rate", D("0.1"), None, D("0.2")),
     "Visits (visits): deleted on our side, changed on theirs (rate 10% -> 20%)"),
    # a field of one period: the field's label and the period; an actual that was not there is "(none)"
    (Conflict(WE_DELETED, "visits", "actuals.2026-04", None, None, D(1200)),
     "Visits (visits): deleted on our side, changed on theirs (actuals by period 2026-04 (none) -> 1,200)"),
    # money in the plan's currency (JPY: no decimals); a target that was not there is "derived"
    (Conflict(THEY_DELETED, "sales", "target", D(1_000_000_000), D(1_200_000_000)),
     "Sales (sales): deleted on their side, changed on ours (target 1,000,000,000 -> 1,200,000,000)"),
    (Conflict(THEY_DELETED, "sales", "target", None, D(5)),
     "Sales (sales): deleted on their side, changed on ours (target derived -> 5)"),
    (Conflict(PARENT_GONE, "discount", "parent", None, None, "unit_price"),
     "discount: their side puts it under Average unit price, which our side deleted"),
    (Conflict(PARENT_GONE, "discount", "parent", None, None, None),
     "discount: their side puts it under the top, which our side deleted"),
    # the metrics our side has below it, each by name (an id no plan has stays an id)
    (Conflict(BELOW_DELETED, "unit_price", "parent", None, "discount,orders", None),
     "Average unit price (unit_price): deleted on their side, but our side has discount, Orders below it"),
    (Conflict(REFUSED, "leads", "share", None, None, D(0), Reason("share_zero")),
     "Leads (leads), share: their 0% cannot be applied: a share of 0 % is refused: the parent cannot be "
     "calculated back from a part that is 0 % of it (leave the share out, or remove the part)"),
    (Conflict(REFUSED, "leads", "owner", None, "A", "B"),
     'Leads (leads), owner: their "B" cannot be applied: '),
    # the plan's facts: no metric, the plan's own words for its fields
    (Conflict(PLAN, None, "title", "Web orders FY2026", "FY2027", "Web FY2027"),
     'Plan, title: changed on both sides: ours "FY2027", theirs "Web FY2027" (was "Web orders FY2026")'),
    (Conflict(PLAN, None, "kgi", "web_orders", "orders", "sales"),
     "Plan, KGI: changed on both sides: ours orders, theirs sales (was web_orders)"),
    # a field kpidesk has no word for is shown as it is named
    (Conflict(PLAN, None, "colour", None, "red", "blue"),
     'Plan, colour: changed on both sides: ours "red", theirs "blue" (was (none))'),
])
def test_each_conflict_reads_as_one_line_naming_metric_field_and_both_sides(plan, conflict, expected):
    assert text(plan, conflict) == expected


def test_values_that_read_the_same_once_rounded_are_shown_with_every_digit(plan):
    # 12.3456 % and 12.3461 % both round to 12.35 %
    rates = Conflict(BOTH, "leads", "rate", D("0.5"), D("0.123456"), D("0.123461"))
    assert text(plan, rates) == ("Leads (leads), rate: changed on both sides: ours 12.3456%, theirs 12.3461% "
                                 "(was 50%)")
    # 10.4 and 10.2 yen both show as 10
    amounts = Conflict(BOTH, "sales", "target", D(9), D("10.4"), D("10.2"))
    assert text(plan, amounts) == "Sales (sales), target: changed on both sides: ours 10.4, theirs 10.2 (was 9)"
    # different once rounded: rounded
    apart = Conflict(BOTH, "sales", "target", D(9), D("10.4"), D("12.2"))
    assert text(plan, apart) == "Sales (sales), target: changed on both sides: ours 10, theirs 12 (was 9)"


def test_a_translation_gives_the_sentence_and_the_field_label(plan):
    def translate(context, english):
        return {"{metric}, {field}: changed on both sides: ours {ours}, theirs {theirs} (was {base})":
                "{metric} / {field}: beide geändert: unsere {ours}, ihre {theirs} (vorher {base})",
                "Rate": "Quote"}.get(english, english)

    conflict = Conflict(BOTH, "leads", "rate", D("0.5"), D("0.45"), D("0.4"))
    assert text(plan, conflict, translate) == "Leads (leads) / Quote: beide geändert: unsere 45%, ihre 40% (vorher 50%)"
