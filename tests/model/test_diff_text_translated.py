"""One change, one effect and a refused conflict, each translated (kpidesk.model.diff_text)."""


from kpidesk import paths
from kpidesk.model.diff import diff_plans
from kpidesk.model.diff_text import change_text, conflict_text, effect_text, listing
from kpidesk.model.merge import REFUSED, Conflict
from kpidesk.model.reasons import Reason
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")


def marked(context, text):
    return f"[{context}] {text}"


def test_a_change_an_effect_and_a_reason_are_translated():
    new = TEMPLATE.replace('rate = "50%"  # close rate', 'rate = "40%"  # close rate')
    diff = diff_plans(loads(TEMPLATE).plan, loads(new).plan)
    assert change_text(diff, diff.changes[0], marked) == "[Diff] Negotiations: [Fields] Rate 50% -> 40%"
    effect = next(e for e in diff.effects if (e.metric, e.field) == ("visits", "target"))
    assert effect_text(diff, effect, marked) == (
        "[Diff] Visits: [Diff] target 1,600 -> 2,000 because [Diff] the [Fields] Rate of Negotiations went "
        "50% -> 40%")
    plan = loads(TEMPLATE).plan
    refused = Conflict(REFUSED, "leads", "owner", None, "A", "B", Reason("share_zero"))
    assert conflict_text(refused, plan, plan, plan, marked).endswith(
        "cannot be applied: [FileErrors] a share of 0 % is refused: the parent cannot be calculated back from a "
        "part that is 0 % of it (leave the share out, or remove the part)")


def test_a_removed_metric_is_named_from_the_old_plan():
    start = TEMPLATE.index('[[metric]]\nid = "unit_price"')
    diff = diff_plans(loads(TEMPLATE).plan, loads(TEMPLATE[:start]).plan)
    assert change_text(diff, diff.changes[0]) == "Average unit price: removed (was under Sales)"


def test_the_listing_writes_choices_bare_and_text_unescaped():
    text = TEMPLATE.replace('name = "Visits"', 'name = "訪問数"')
    lines = listing(loads(text).plan)
    assert "sales.kind = money" in lines and 'visits.name = "訪問数"' in lines
