"""The semantic diff: changes by metric id and field, and their effects on derived values.

Expected numbers are worked by hand from the btob-web template: 20 web orders
at a close rate of 50 % need 40 negotiations, at 50 % 80 nurtured leads, at
50 % 160 leads, at 10 % 1,600 visits.
"""

from decimal import Decimal

import pytest

from kpidesk import paths
from kpidesk.model.diff import diff_plans, metric_fields, reordered
from kpidesk.model.diff_text import diff_lines, effect_text, listing
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")


def plan_of(text):
    return loads(text).plan


def table(text, metric_id):
    """The [[metric]] table of ``metric_id``: its start and end in ``text``."""
    start = text.index(f'[[metric]]\nid = "{metric_id}"')
    end = text.find("\n[[metric]]", start + 1)
    return start, len(text) if end < 0 else end + 1


def edit(text, metric_id, old, new):
    start, end = table(text, metric_id)
    chunk = text[start:end]
    assert old in chunk, (metric_id, old)
    return text[:start] + chunk.replace(old, new, 1) + text[end:]


def cut(text, metric_id):
    start, end = table(text, metric_id)
    return text[:start] + text[end:], text[start:end]


def move_unit_price_first(text):
    rest, chunk = cut(text, "unit_price")
    at = text.index('[[metric]]\nid = "orders"')
    return rest[:at] + chunk.rstrip("\n") + "\n\n" + rest[at:]


def add_ads(text):
    return text.rstrip("\n") + '\n\n[[metric]]\nid = "ads"\nparent = "visits"\nname = "Ad clicks"\n'


CASES = {
    "rename": (
        lambda t: edit(t, "visits", 'name = "Visits"', 'name = "Site visits"'),
        [("renamed", "visits", "name", "Visits", "Site visits")],
        {},
    ),
    "reorder": (
        move_unit_price_first,
        [("moved", "unit_price", "parent", "sales", "sales")],
        {},
    ),
    "reparent": (
        lambda t: edit(t, "unit_price", 'parent = "sales"', 'parent = "orders"'),
        [("moved", "unit_price", "parent", "sales", "orders")],
        None,  # the product loses a factor: effects exist, not checked here
    ),
    "close rate 50% -> 40%": (
        lambda t: edit(t, "negotiations", 'rate = "50%"', 'rate = "40%"'),
        [("changed", "negotiations", "rate", Decimal("0.5"), Decimal("0.4"))],
        # every stage below the close rate needs more; web orders and the gap stay
        {("negotiations", "target"): (40, 50), ("negotiations", "forecast"): (40, 50),
         ("nurtured", "target"): (80, 100), ("nurtured", "forecast"): (80, 100),
         ("leads", "target"): (160, 200), ("leads", "forecast"): (160, 200),
         ("visits", "target"): (1600, 2000), ("visits", "forecast"): (1600, 2000)},
    ),
    "visits given as a capacity of 1,000": (
        lambda t: edit(t, "visits", 'rate = "10%"', 'rate = "10%"\ntarget = 1000'),
        [("changed", "visits", "target", None, Decimal(1000))],
        # forward: 1,000 x 10 % = 100 leads, x 50 % = 50, x 50 % = 25, x 50 % = 12.5 -> 12 web orders,
        # 12 / 20 % = 60 orders, x 10,000,000 = 600,000,000 sales; the targets still come from the goal,
        # so the gaps open: 100 - 160 = -60 ... 12 - 20 = -8; visits meet their own given 1,000 (gap 0)
        {("visits", "forecast"): (1600, 1000),
         ("leads", "forecast"): (160, 100), ("leads", "gap"): (0, -60),
         ("nurtured", "forecast"): (80, 50), ("nurtured", "gap"): (0, -30),
         ("negotiations", "forecast"): (40, 25), ("negotiations", "gap"): (0, -15),
         ("web_orders", "forecast"): (20, 12), ("web_orders", "gap"): (0, -8),
         ("orders", "forecast"): (100, 60), ("orders", "gap"): (0, -40),
         ("sales", "forecast"): (1_000_000_000, 600_000_000), ("sales", "gap"): (0, -400_000_000)},
    ),
    "owner": (
        lambda t: edit(t, "negotiations", 'owner = "Inside sales"', 'owner = "Field sales"'),
        [("changed", "negotiations", "owner", "Inside sales", "Field sales")],
        {},
    ),
    "an actual per period": (
        lambda t: edit(t, "visits", 'core keywords."', 'core keywords."\n\n[metric.actuals]\n"2026-04" = 130'),
        [("changed", "visits", "actuals.2026-04", None, Decimal(130))],
        {},
    ),
    "goal seek": (
        lambda t: edit(t, "visits", 'rate = "10%"', 'rate = "solve"\ntarget = 1000'),
        [("changed", "visits", "target", None, Decimal(1000)), ("changed", "visits", "rate", Decimal("0.1"), "solve")],
        None,
    ),
    "added": (
        add_ads,
        [("added", "ads", "parent", None, "visits")],
        {},
    ),
    "removed": (
        lambda t: cut(t, "unit_price")[0],
        [("removed", "unit_price", "parent", "sales", None)],
        None,
    ),
    "plan title": (
        lambda t: t.replace('title = "Web orders FY2026"', 'title = "Web orders FY2027"'),
        [("plan", None, "title", "Web orders FY2026", "Web orders FY2027")],
        {},
    ),
    "comments and layout only": (
        lambda t: t.replace("# close rate", "# the close rate, from CRM").replace("\n\n[[metric]]", "\n\n\n[[metric]]"),
        [],
        {},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_diff_cases(name):
    change_text, expected_changes, expected_effects = CASES[name]
    old, new = plan_of(TEMPLATE), plan_of(change_text(TEMPLATE))
    diff = diff_plans(old, new)
    got = [(c.kind.value, c.metric, c.field, c.old, c.new) for c in diff.changes]
    assert got == expected_changes
    assert diff.same is (not expected_changes)
    if expected_effects is not None:
        effects = {(e.metric, e.field): (e.old, e.new) for e in diff.effects}
        assert effects == expected_effects


def test_each_effect_of_a_rate_names_the_rate():
    new = plan_of(edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"'))
    diff = diff_plans(plan_of(TEMPLATE), new)
    (rate,) = diff.changes
    assert all(e.because == (rate,) for e in diff.effects)


def test_a_change_off_the_path_explains_nothing():
    # the unit price is a sibling of orders under sales: the funnel below orders is not on its path
    new = plan_of(edit(TEMPLATE, "unit_price", "target = 10_000_000", "target = 12_500_000"))
    diff = diff_plans(plan_of(TEMPLATE), new)
    effects = {(e.metric, e.field): e for e in diff.effects}
    # 1,000,000,000 / 12,500,000 = 80 orders, 20 % of them = 16 web orders, / 50 % = 32 negotiations
    assert (effects["orders", "target"].old, effects["orders", "target"].new) == (100, 80)
    assert (effects["web_orders", "target"].old, effects["web_orders", "target"].new) == (20, 16)
    assert (effects["negotiations", "target"].old, effects["negotiations", "target"].new) == (40, 32)
    # the unit price is not above, below or on the line of orders, so no cause is claimed
    assert effects["orders", "target"].because == ()


def test_text_names_the_cause_once_for_target_and_forecast():
    new = plan_of(edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"'))
    lines = diff_lines(diff_plans(plan_of(TEMPLATE), new))
    assert lines[0] == "Negotiations: rate 50% -> 40%"
    assert lines[1] == "Effects:"
    assert "  Visits: target and forecast 1,600 -> 2,000 because the rate of Negotiations went 50% -> 40%" in lines


def test_text_of_gap_and_capacity():
    new = plan_of(edit(TEMPLATE, "visits", 'rate = "10%"', 'rate = "10%"\ntarget = 1000'))
    diff = diff_plans(plan_of(TEMPLATE), new)
    lines = diff_lines(diff)
    assert lines[0] == "Visits: target derived -> 1,000"
    gap = next(e for e in diff.effects if (e.metric, e.field) == ("web_orders", "gap"))
    assert effect_text(diff, gap) == "Web orders: gap 0 -> -8 because the target of Visits went derived -> 1,000"


def test_rates_that_round_alike_show_every_digit():
    new = plan_of(edit(TEMPLATE, "visits", 'rate = "10%"', 'rate = "10.001%"'))
    lines = diff_lines(diff_plans(plan_of(TEMPLATE), new))
    assert lines[0] == "Visits: rate 10% -> 10.001%"


def test_other_lines():
    text = edit(add_ads(TEMPLATE), "visits", 'name = "Visits"', 'name = "Site visits"')
    text = text.replace('title = "Web orders FY2026"', 'title = "Web orders FY2027"')
    text = edit(text, "negotiations", 'owner = "Inside sales"', 'owner = "Field sales"')
    text = edit(text, "unit_price", 'parent = "sales"', 'parent = "orders"')
    lines = diff_lines(diff_plans(plan_of(TEMPLATE), plan_of(move_unit_price_first(TEMPLATE))))
    assert lines == ["Average unit price: moved from place 2 to place 1 under Sales"]
    lines = diff_lines(diff_plans(plan_of(TEMPLATE), plan_of(text)))
    assert lines[:5] == [  # the plan, then in the new tree's order
        'Plan: title "Web orders FY2026" -> "Web orders FY2027"',
        'Negotiations: owner "Inside sales" -> "Field sales"',
        "Visits: renamed to Site visits",
        "Ad clicks: added under Site visits",
        "Average unit price: moved from under Sales to under Orders",
    ]
    lines = diff_lines(diff_plans(plan_of(TEMPLATE), plan_of(cut(TEMPLATE, "unit_price")[0])))
    assert lines[0] == "Average unit price: removed (was under Sales)"
    assert diff_lines(diff_plans(plan_of(TEMPLATE), plan_of(TEMPLATE))) == ["The plans are the same."]


def test_reordered_counts_the_fewest_moves():
    old = plan_of(TEMPLATE)
    assert reordered(old, plan_of(move_unit_price_first(TEMPLATE))) == {"unit_price"}
    # a sibling removed before another shifts its row but moves nothing
    assert reordered(old, plan_of(cut(TEMPLATE, "orders")[0].replace(
        'parent = "orders"', 'parent = "sales"'))) == set()


def test_metric_fields_leave_defaults_out():
    plan = plan_of(TEMPLATE)
    fields = metric_fields(plan.metrics["visits"])
    assert fields["rate"] == Decimal("0.1") and "kind" not in fields and "lag" not in fields
    assert metric_fields(plan.metrics["sales"])["kind"] == "money"


def test_listing_is_one_line_per_field_in_tree_order():
    lines = listing(plan_of(TEMPLATE))
    assert lines[0] == 'plan.title = "Web orders FY2026"'
    assert "plan.start = 2026-04-01" in lines
    at = lines.index("visits.parent = leads")
    assert lines[at + 1:at + 3] == ['visits.name = "Visits"', 'visits.unit = "visits"']
    assert "visits.rate = 10%" in lines and "sales.target = 1000000000" in lines
    ids = [line.split(".")[0] for line in lines if line and not line.startswith("plan.")]
    assert list(dict.fromkeys(ids)) == ["sales", "orders", "web_orders", "negotiations", "nurtured", "leads",
                                        "visits", "unit_price"]
    assert listing(plan_of(TEMPLATE.replace("# close rate", ""))) == lines


def test_texts_are_marked_for_translation_in_context_diff():
    """pyside6-lupdate finds a template only as a literal in a QT_TRANSLATE_NOOP call with its context."""
    import ast
    from pathlib import Path

    from kpidesk.model import diff_text, merge

    tree = ast.parse(Path(diff_text.__file__).read_text(encoding="utf-8"))
    seen = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id in (
                "TEMPLATES", "WORDS"):
            seen.add(node.target.id)
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                assert isinstance(value, ast.Call) and value.func.id == "QT_TRANSLATE_NOOP", key.value
                assert [a.value for a in value.args][0] == "Diff", key.value
    assert seen == {"TEMPLATES", "WORDS"}
    codes = {getattr(merge, name) for name in dir(merge) if name.isupper() and isinstance(getattr(merge, name), str)}
    assert codes and codes <= set(diff_text.TEMPLATES)


def test_a_translation_is_used_and_a_broken_one_falls_back_to_english():
    new = plan_of(edit(TEMPLATE, "negotiations", 'rate = "50%"', 'rate = "40%"'))
    diff = diff_plans(plan_of(TEMPLATE), new)
    german = {"{metric}: {field} {old} -> {new}": "{metric}: {field} {old} → {new}", "Rate": "Quote"}
    lines = diff_lines(diff, lambda context, text: german.get(text, text))
    assert lines[0] == "Negotiations: Quote 50% → 40%"
    broken = diff_lines(diff, lambda context, text: text.replace("{old}", "{alt}"))
    assert broken[0] == "Negotiations: rate 50% -> 40%"
