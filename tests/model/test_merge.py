"""The three-way merge by metric id and field, on plans (the git driver is tested in tests/cli/test_git.py)."""

from decimal import Decimal

from kpidesk import paths
from kpidesk.model.diff import diff_plans
from kpidesk.model.diff_text import conflict_text
from kpidesk.model.merge import BELOW_DELETED, BOTH, BOTH_ADDED, PARENT_GONE, THEY_DELETED, WE_DELETED, merge_into
from kpidesk.model.plan import Plan
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")


def plan_of(text):
    return loads(text).plan


def edit(text, metric_id, old, new):
    start = text.index(f'[[metric]]\nid = "{metric_id}"')
    end = text.find("\n[[metric]]", start + 1)
    end = len(text) if end < 0 else end + 1
    chunk = text[start:end]
    assert old in chunk, (metric_id, old)
    return text[:start] + chunk.replace(old, new, 1) + text[end:]


def cut(text, metric_id):
    start = text.index(f'[[metric]]\nid = "{metric_id}"')
    end = text.find("\n[[metric]]", start + 1)
    return text[:start] + (text[end + 1:] if end >= 0 else "")


def add(text, metric_id, parent, name, extra=""):
    return text.rstrip("\n") + f'\n\n[[metric]]\nid = "{metric_id}"\nparent = "{parent}"\nname = "{name}"\n{extra}'


def merge(ours_text, theirs_text, base_text=TEMPLATE):
    base, ours, theirs = plan_of(base_text), plan_of(ours_text), plan_of(theirs_text)
    return base, ours, theirs, merge_into(base, ours, theirs)


def test_different_fields_of_one_metric_both_arrive():
    ours = edit(TEMPLATE, "negotiations", 'owner = "Inside sales"', 'owner = "Field sales"')
    theirs = edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"')
    _base, merged, _theirs, result = merge(ours, theirs)
    assert result.clean
    negotiations = merged.metrics["negotiations"]
    assert (negotiations.owner, negotiations.rate) == ("Field sales", Decimal("0.4"))
    assert merged.metrics["visits"].computed.target == 2000  # recalculated: 20 / 40 % / 50 % / 50 % / 10 %
    assert [(c.metric, c.field) for c in result.applied] == [("negotiations", "rate")]


def test_metrics_added_on_both_sides_are_kept():
    ours = add(TEMPLATE, "ads", "visits", "Ad clicks")
    theirs = add(TEMPLATE, "seo", "visits", "Organic clicks", 'owner = "SEO team"\n')
    _base, merged, _theirs, result = merge(ours, theirs)
    assert result.clean
    assert [m.id for m in merged.metrics["visits"].children] == ["ads", "seo"]
    assert merged.metrics["seo"].owner == "SEO team"


def test_the_same_metric_added_alike_on_both_sides_is_one_metric():
    both = add(TEMPLATE, "ads", "visits", "Ad clicks")
    _base, merged, _theirs, result = merge(both, both)
    assert result.clean and [m.id for m in merged.metrics["visits"].children] == ["ads"]
    _base, merged, _theirs, result = merge(both, add(TEMPLATE, "ads", "visits", "Paid clicks"))
    assert [(c.code, c.field, c.ours, c.theirs) for c in result.conflicts] == [
        (BOTH_ADDED, "name", "Ad clicks", "Paid clicks")]
    assert merged.metrics["ads"].name == "Ad clicks"


def test_a_metric_added_with_its_children():
    theirs = add(add(TEMPLATE, "ads", "visits", "Ad clicks"), "impressions", "ads", "Impressions")
    _base, merged, _theirs, result = merge(TEMPLATE, theirs)
    assert result.clean and merged.metrics["impressions"].parent is merged.metrics["ads"]


def test_deleted_on_one_side_untouched_on_the_other_is_deleted():
    _base, merged, _theirs, result = merge(TEMPLATE, cut(TEMPLATE, "unit_price"))
    assert result.clean and "unit_price" not in merged.metrics
    _base, merged, _theirs, result = merge(cut(TEMPLATE, "unit_price"), TEMPLATE)
    assert result.clean and "unit_price" not in merged.metrics


def test_deleted_against_modified_is_a_conflict_and_the_metric_stays_as_ours():
    changed = edit(TEMPLATE, "unit_price", "target = 10_000_000", "target = 12_000_000")
    _base, merged, _theirs, result = merge(changed, cut(TEMPLATE, "unit_price"))
    assert [(c.code, c.metric, c.field) for c in result.conflicts] == [(THEY_DELETED, "unit_price", "target")]
    assert merged.metrics["unit_price"].target == Decimal(12_000_000)
    _base, merged, _theirs, result = merge(cut(TEMPLATE, "unit_price"), changed)
    assert [(c.code, c.metric) for c in result.conflicts] == [(WE_DELETED, "unit_price")]
    assert "unit_price" not in merged.metrics


def test_a_metric_added_below_one_the_other_side_deleted():
    ours = add(TEMPLATE, "discount", "unit_price", "Discount")
    _base, merged, _theirs, result = merge(ours, cut(TEMPLATE, "unit_price"))
    assert [(c.code, c.metric) for c in result.conflicts] == [(BELOW_DELETED, "unit_price")]
    assert "discount" in merged.metrics and "unit_price" in merged.metrics
    _base, merged, _theirs, result = merge(cut(TEMPLATE, "unit_price"), ours)
    assert [(c.code, c.metric) for c in result.conflicts] == [(PARENT_GONE, "discount")]


def test_the_same_field_to_different_values_is_a_conflict_and_ours_stays():
    ours = edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "45%"')
    theirs = edit(edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"'), "visits",
                  'owner = "SEO and ads"', 'owner = "Growth team"')
    base, merged, theirs_plan, result = merge(ours, theirs)
    (conflict,) = result.conflicts
    assert (conflict.code, conflict.metric, conflict.field) == (BOTH, "negotiations", "rate")
    assert (conflict.base, conflict.ours, conflict.theirs) == (Decimal("0.5"), Decimal("0.45"), Decimal("0.4"))
    assert merged.metrics["negotiations"].rate == Decimal("0.45")
    assert merged.metrics["visits"].owner == "Growth team"  # the rest of theirs arrives
    assert conflict_text(conflict, base, merged, theirs_plan) == (
        "Negotiations (negotiations), rate: changed on both sides: ours 45%, theirs 40% (was 50%)")


def test_the_same_change_on_both_sides_is_no_conflict():
    both = edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"')
    _base, merged, _theirs, result = merge(both, both)
    assert result.clean and not result.applied and merged.metrics["negotiations"].rate == Decimal("0.4")


def test_their_goal_seek_and_periods():
    theirs = edit(TEMPLATE, "visits", 'rate = "10%"', 'rate = "solve"\ntarget = 1000')
    theirs = edit(theirs, "leads", 'by email."',
                  'by email."\n\n[metric.actuals]\n"2026-04" = 12\n"2026-05" = 13\n')
    ours = edit(TEMPLATE, "leads", 'by email."', 'by email."\n\n[metric.actuals]\n"2026-04" = 12\n"2026-06" = 9\n')
    _base, merged, _theirs, result = merge(ours, theirs)
    assert result.clean
    visits, leads = merged.metrics["visits"], merged.metrics["leads"]
    assert visits.solve_rate and visits.rate is None and visits.target == 1000
    assert leads.actuals == {"2026-04": 12, "2026-05": 13, "2026-06": 9}


def test_a_rule_between_fields_holds_once_all_of_theirs_is_in():
    # theirs makes a unit price of 2.5 (money) a count of 3: the kind alone is refused while the target is
    # 2.5, and applied in the schema's order the kind comes first; once the target is in, it holds
    base = edit(TEMPLATE, "unit_price", "target = 10_000_000", "target = 2.5")
    theirs = edit(edit(base, "unit_price", 'kind = "money"', 'kind = "count"'), "unit_price", "target = 2.5",
                  "target = 3")
    _base, merged, _theirs, result = merge(base, theirs, base)
    assert result.clean
    assert (merged.metrics["unit_price"].kind.value, merged.metrics["unit_price"].target) == ("count", 3)


def test_their_move_and_plan_facts():
    theirs = edit(TEMPLATE, "unit_price", 'parent = "sales"', 'parent = "orders"')
    theirs = theirs.replace('title = "Web orders FY2026"', 'title = "Web orders FY2027"')
    _base, merged, _theirs, result = merge(TEMPLATE, theirs)
    assert result.clean
    assert merged.metrics["unit_price"].parent.id == "orders" and merged.info["title"] == "Web orders FY2027"


def test_an_empty_base_merges_two_new_plans():
    merged = plan_of(add(TEMPLATE, "ads", "visits", "Ad clicks"))
    result = merge_into(Plan(), merged, plan_of(TEMPLATE))
    assert result.clean and "ads" in merged.metrics


def test_merging_theirs_into_base_gives_theirs():
    theirs = edit(add(TEMPLATE, "ads", "visits", "Ad clicks"), "negotiations", 'rate = "50%"', 'rate = "40%"')
    _base, merged, theirs_plan, result = merge(TEMPLATE, theirs)
    assert result.clean and diff_plans(theirs_plan, merged).same
