"""The plan's own rules, read by hand on the sample plan (sales > orders > web_orders > negotiations > nurtured >
leads > visits; unit_price under sales; the KGI is web_orders): edit labels, where an added metric lands, the KGI
through deletes, plan facts and the events they send, new ids, period order, formulas on a circle."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from kpidesk import paths
from kpidesk.model import events as ev
from kpidesk.model.edits import AddMetric, RemoveMetric, SetField, SetPeriodValues
from kpidesk.model.findings import Severity
from kpidesk.model.metric import Metric, Relation
from kpidesk.model.plan import PlanError
from kpidesk.planfile import loads


def web_plan():
    return loads(paths.templates()["btob-web"].read_text(encoding="utf-8")).plan


def recorded(plan):
    heard = []
    plan.events.connect(heard.append)
    return heard


def test_an_edit_is_labelled_by_its_field_or_by_the_label_given():
    assert SetField("visits", "target", D(1)).label == "Set target"
    assert SetField("visits", "solve_rate", True).label == "Solve rate"
    assert SetField("visits", "owner", "Ito").label == "Edit owner"
    assert SetField("visits", "target", D(1), label="Paste").label == "Paste"
    assert SetPeriodValues("visits", "budget", {}).label == "Edit budget"


def test_a_metric_added_past_the_end_lands_last_and_its_redo_puts_it_there_again():
    plan = web_plan()
    edit = AddMetric(Metric("events", "Events"), "sales", 99)
    edit.apply(plan)
    assert [m.id for m in plan.metrics["sales"].children] == ["orders", "unit_price", "events"] and edit.row == 2
    edit.revert(plan)
    edit.apply(plan)
    assert plan.metrics["events"].row == 2


def test_deleting_a_metric_outside_the_kgi_keeps_the_kgi_marked():
    plan = web_plan()
    RemoveMetric("unit_price").apply(plan)
    assert plan.info["kgi"] == "web_orders"


def test_a_refused_delete_of_the_kgis_branch_keeps_the_kgi_marked():
    plan = web_plan()
    plan.insert_metric(Metric("cpo", "Cost per order", relation=Relation.FORMULA, formula="orders * 2"), None, 1)
    with pytest.raises(PlanError) as refused:
        RemoveMetric("orders").apply(plan)  # holds web_orders, and cpo's formula reads it
    assert refused.value.reason.code == "formula_reads_it"
    assert plan.info["kgi"] == "web_orders" and "orders" in plan.metrics


def test_a_root_other_than_the_kgi_is_deleted_and_put_back_as_a_root():
    plan = web_plan()
    plan.insert_metric(Metric("stray", "Stray"), None, 1)
    edit = RemoveMetric("stray")
    edit.apply(plan)
    assert [m.id for m in plan.roots] == ["sales"]
    edit.revert(plan)
    assert [m.id for m in plan.roots] == ["sales", "stray"] and plan.info["kgi"] == "web_orders"


@pytest.mark.parametrize("field, value, code, params", [
    ("colour", "red", "no_info_field", {"field": "colour"}),
    ("kgi", "nowhere", "no_metric", {"id": "nowhere"}),
    ("kgi", 5, "no_metric", {"id": 5}),
    ("kgi", ("x",), "no_metric", {"id": "('x',)"}),
    ("title", "t" * 20_001, "info_too_long", {"field": "title", "limit": 20_000}),
])
def test_a_plan_fact_is_refused_with_its_reason(field, value, code, params):
    plan = web_plan()
    with pytest.raises(PlanError) as refused:
        plan.set_info(field, value)
    assert (refused.value.reason.code, dict(refused.value.reason.params)) == (code, params)


def test_a_title_of_exactly_the_limit_is_taken():
    plan = web_plan()
    plan.set_info("title", "t" * 20_000)
    assert len(plan.info["title"]) == 20_000


def test_a_plan_fact_sends_one_event_and_an_unchanged_one_none():
    plan = web_plan()
    heard = recorded(plan)
    plan.set_info("title", "Web orders 2027")
    assert heard == [ev.PlanInfoChanged("title")]
    plan.set_info("title", "Web orders 2027")
    assert heard == [ev.PlanInfoChanged("title")]


def test_a_new_currency_recalculates_without_changing_the_tree():
    plan = web_plan()
    heard = recorded(plan)
    plan.set_info("currency", "USD")
    assert heard[0] == ev.PlanInfoChanged("currency")
    assert [type(e) for e in heard[1:]] == [ev.MetricsChanged] and heard[1].structure is False


def test_a_new_kgi_tells_the_old_and_the_new_one_that_their_inputs_changed():
    plan = web_plan()
    heard = recorded(plan)
    plan.set_info("kgi", "orders")
    assert heard[0] == ev.PlanInfoChanged("kgi")
    changed = [e for e in heard if isinstance(e, ev.MetricsChanged)]
    assert len(changed) == 1
    assert {m.id for m in changed[0].inputs} >= {"orders", "web_orders"}


@pytest.mark.parametrize("base, made", [
    ("売上 Sales!", "sales_2"),  # not ASCII: each becomes "_", trimmed; sales is taken
    ("Åsa Leads", "sa_leads"),
    ("2026 Plan", "m_2026_plan"),  # an id starts with a letter
    ("", "metric"),
    ("New KPI", "new_kpi"),
])
def test_a_new_id_is_made_of_the_ascii_letters_and_digits_of_a_name(base, made):
    assert web_plan().new_id(base) == made


def test_a_new_id_is_cut_to_leave_room_for_a_number_and_counts_up_past_the_taken_ones():
    plan = web_plan()
    assert plan.new_id("7") == "m_7" and plan.new_id("_x_") == "x"
    assert plan.new_id("A" * 100) == "a" * 58  # 58 + "_" + a number of up to 5 digits fit in 64
    plan.insert_metric(Metric("a" * 58, "Long"), None, 1)
    assert plan.new_id("A" * 100) == "a" * 58 + "_2"
    plan.insert_metric(Metric("sales_2", "Sales 2"), None, 1)
    assert plan.new_id("Sales") == "sales_3"


def test_a_new_week_goes_in_calendar_order_and_a_changed_one_stays_where_it_was():
    plan = web_plan()
    visits = plan.metrics["visits"]
    plan.set_field(visits, "actuals", {"2026-W09": D(1), "2026-W10": D(2)})
    SetPeriodValues("visits", "actuals", {"2026-W08": D(3)}).apply(plan)
    assert list(visits.actuals) == ["2026-W08", "2026-W09", "2026-W10"]
    plan.set_field(visits, "actuals", {"2026-W10": D(2), "2026-W09": D(1)})  # as a planner typed them
    SetPeriodValues("visits", "actuals", {"2026-W09": D(5)}).apply(plan)
    assert visits.actuals == {"2026-W10": D(2), "2026-W09": D(5)} and list(visits.actuals) == ["2026-W10", "2026-W09"]


CIRCLE = """[plan]
title = "t"

[[metric]]
id = "aa"
name = "AA"
target = 3

[[metric]]
id = "a"
name = "A"
relation = "formula"
formula = "aa * b"
target = 10

[[metric]]
id = "b"
name = "B"
relation = "formula"
formula = "a / 2"

[[metric]]
id = "c"
name = "C"
relation = "formula"
formula = "aa + 1"
"""


def test_formulas_on_a_circle_are_errors_that_name_the_circle_and_keep_a_given_target():
    """a reads aa and b, b reads a: a and b are on a circle, aa is not, and c (aa + 1) is worked out."""
    plan = loads(CIRCLE).plan
    a, b, c = (plan.metrics[i].computed for i in ("a", "b", "c"))
    assert [(f.severity, f.check, f.code, f.field, dict(f.args)) for f in a.findings] == [
        (Severity.ERROR, "cycle", "formula_cycle", "formula", {"metrics": ("a", "b")})]
    assert [dict(f.args) for f in b.findings] == [{"metrics": ("b", "a")}]
    assert (a.target, a.forecast, b.target, b.forecast) == (F(10), None, None, None)
    assert (c.target, c.findings) == (F(4), ())
