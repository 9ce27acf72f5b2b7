"""Which changes explain an effect (kpidesk.model.diff.path_ids) and which metrics a diff marks.

On the sample (btob-web): sales -> orders -> web_orders -> negotiations -> nurtured -> leads -> visits,
and unit_price beside orders under sales.
"""

from kpidesk import paths
from kpidesk.model.diff import diff_plans, path_ids
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")
FUNNEL = {"sales", "orders", "web_orders", "negotiations", "nurtured", "leads", "visits"}
#: a top metric that reads two metrics on different branches of the tree
VALUE = ('\n\n[[metric]]\nid = "visit_value"\nname = "Value per visit"\nunit = "JPY"\nkind = "money"\n'
         'relation = "formula"\nformula = "unit_price / visits"\n')


def plan_of(text):
    return loads(text).plan


def cut(text, metric_id):
    start = text.index(f'[[metric]]\nid = "{metric_id}"')
    end = text.find("\n[[metric]]", start + 1)
    return text[:start] + (text[end + 1:] if end >= 0 else "")


def test_the_path_is_the_line_above_and_below_or_above_only():
    plan = plan_of(TEMPLATE)
    assert path_ids(plan, plan, "leads") == {"leads", "visits", "nurtured", "negotiations", "web_orders", "orders",
                                              "sales"}
    assert path_ids(plan, plan, "leads", below=False) == {"leads", "nurtured", "negotiations", "web_orders",
                                                           "orders", "sales"}
    assert path_ids(plan, plan, "sales", below=False) == {"sales"}
    assert path_ids(plan, plan, "sales") == FUNNEL | {"unit_price"}


def test_the_path_of_a_formula_adds_the_lines_of_what_it_reads():
    plan = plan_of(TEMPLATE.rstrip("\n") + VALUE)
    # its own line is itself (a top metric); unit_price's line is sales and unit_price, visits' the funnel
    assert path_ids(plan, plan, "visit_value") == {"visit_value", "unit_price"} | FUNNEL
    assert path_ids(plan, plan, "visit_value", below=False) == {"visit_value", "unit_price"} | FUNNEL


def test_the_path_joins_both_plans():
    old, new = plan_of(TEMPLATE), plan_of(cut(TEMPLATE, "unit_price"))
    assert path_ids(old, new, "unit_price") == {"unit_price", "sales"}  # only the old plan has it
    assert path_ids(new, old, "unit_price") == {"unit_price", "sales"}
    # visits read by the formula in the new plan only
    with_value = plan_of(TEMPLATE.rstrip("\n") + VALUE)
    assert path_ids(old, with_value, "visit_value") == {"visit_value", "unit_price"} | FUNNEL


def test_a_broken_formula_reads_nothing():
    plan = plan_of(TEMPLATE.rstrip("\n") + VALUE)
    plan.metrics["visit_value"].formula = "unit_price / ("
    assert path_ids(plan, plan, "visit_value") == {"visit_value"}


def test_the_metrics_a_diff_marks_are_those_changed_or_affected_that_the_new_plan_has():
    new = TEMPLATE.replace('rate = "50%"  # close rate', 'rate = "40%"  # close rate')
    diff = diff_plans(plan_of(TEMPLATE), plan_of(new))
    # 20 web orders at 40 %: 50 negotiations; every stage below needs more, nothing above changes
    assert diff.changed_metrics() == {"negotiations", "nurtured", "leads", "visits"}
    # a removed metric is not marked: the new plan has no row for it
    removed = diff_plans(plan_of(TEMPLATE), plan_of(cut(TEMPLATE, "unit_price")))
    assert removed.changed_metrics() == {"orders", "web_orders", "negotiations", "nurtured", "leads", "visits"}
