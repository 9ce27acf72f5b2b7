"""kpidesk.model.diff in detail: what counts as equal, the data a change carries, the order of a metric's
changes, which changes explain an effect, and the metrics a diff marks.
"""

from decimal import Decimal as D

from kpidesk import paths
from kpidesk.model.diff import _equal, diff_plans, path_ids
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")
INBOUND = paths.templates()["inbound"].read_text(encoding="utf-8")
SUM = '''format_version = "1.0"
[plan]
title = "Sum"

[[metric]]
id = "total"
name = "Total"
relation = "sum"
target = 100

[[metric]]
id = "a"
parent = "total"
name = "A"
target = 60

[[metric]]
id = "b"
parent = "total"
name = "B"
target = 40
'''


def plan_of(text):
    return loads(text).plan


def diff(old, new):
    return diff_plans(plan_of(old), plan_of(new))


def test_a_flag_equals_only_a_flag():
    assert _equal(True, True) and _equal(False, False)
    assert not _equal(True, 1) and not _equal(1, True) and not _equal(False, 0) and not _equal(0, False)
    assert not _equal(True, False) and not _equal(False, None)
    assert _equal(D(1), 1) and _equal(D("0.5"), D("0.50"))  # numbers by value
    assert not _equal("1", 1) and not _equal(1, "1") and _equal("a", "a") and _equal(None, None)


def test_an_added_or_removed_metric_carries_its_name_and_row():
    added = diff(TEMPLATE, TEMPLATE.rstrip("\n") + '\n\n[[metric]]\nid = "ads"\nparent = "visits"\nname = "Ads"\n')
    assert dict(added.changes[0].extra) == {"name": "Ads", "row": 0}
    start = TEMPLATE.index('[[metric]]\nid = "unit_price"')
    removed = diff(TEMPLATE, TEMPLATE[:start])
    assert dict(removed.changes[0].extra) == {"name": "Average unit price", "row": 1}


def test_a_metrics_changes_come_in_the_order_of_its_fields_and_periods():
    old = SUM + '\n[metric.actuals]\n"2026-05" = 1\n'
    new = SUM.replace("target = 40", "target = 40\nowner = \"Team B\"") + (
        '\n[metric.phasing]\n"2026-04" = 2\n\n[metric.actuals]\n"2026-04" = 3\n"2026-05" = 2\n')
    got = [(c.metric, c.field) for c in diff(old, new).changes]
    assert got == [("b", "owner"), ("b", "phasing.2026-04"), ("b", "actuals.2026-04"), ("b", "actuals.2026-05")]


def test_only_changes_that_can_move_a_value_explain_it():
    new = TEMPLATE.replace('rate = "50%"  # close rate', 'rate = "40%"  # close rate')
    new = new.replace('owner = "Inside sales"', 'owner = "Field sales"')
    changed = diff(TEMPLATE, new)
    rate = next(c for c in changed.changes if c.field == "rate")
    assert changed.effects and all(effect.because == (rate,) for effect in changed.effects)


def test_effects_after_an_added_metric_are_found():
    # c added before b, and b's target up by 10: the total and b are both forecast 10 more
    c = '[[metric]]\nid = "c"\nparent = "total"\nname = "C"\n\n'
    new = SUM.replace('[[metric]]\nid = "b"', c + '[[metric]]\nid = "b"').replace("target = 40", "target = 50")
    got = {(e.metric, e.field): (e.old, e.new) for e in diff(SUM, new).effects}
    assert got[("b", "forecast")] == (40, 50)


def test_a_formula_reads_the_whole_line_below_what_it_reads():
    plan = plan_of(INBOUND)
    # cost_per_mql reads mqls, the top: every metric below it
    assert path_ids(plan, plan, "cost_per_mql") == {m.id for m in plan.walk()}


def test_a_change_with_no_effect_still_marks_its_metric():
    new = TEMPLATE.replace('owner = "Inside sales"', 'owner = "Field sales"')
    assert diff(TEMPLATE, new).changed_metrics() == {"negotiations"}
    title = TEMPLATE.replace('title = "Web orders FY2026"', 'title = "FY2027"')
    assert diff(TEMPLATE, title).changed_metrics() == set()
