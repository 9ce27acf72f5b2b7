"""The document's intent methods for cells and rows: clear, goal seek, take back, a new stage or source."""

from __future__ import annotations

import pytest

from kpidesk.gui.document import Document


@pytest.fixture
def doc(qapp):
    document = Document()
    document.new("btob-web")
    return document


def target(doc, metric_id):
    return doc.plan.metrics[metric_id].computed.target


def test_a_value_set_to_what_it_is_is_no_undo_step(doc):
    assert doc.set_rate("visits", "10%")
    assert doc.set_target("visits", "")  # derived, and stays derived
    assert doc.set_target("sales", "1,000,000,000")
    assert doc.undo_stack.count() == 0 and not doc.is_modified()


def test_clear_cell_makes_a_target_derived_and_ends_a_goal_seek(doc):
    doc.set_target("visits", "2,000")
    assert doc.clear_cell("visits", "target")
    assert doc.plan.metrics["visits"].target is None and target(doc, "visits") == 1600
    assert doc.undo_stack.undoText() == "Clear target of Visits"
    doc.set_target("visits", "1,000")
    doc.solve_rate("visits")
    assert doc.clear_cell("visits", "rate")
    visits = doc.plan.metrics["visits"]
    assert visits.rate is None and not visits.solve_rate
    doc.undo_stack.undo()
    assert visits.solve_rate and str(visits.rate) == "0.1"
    assert not doc.clear_cell("visits", "name") and "cannot be cleared" in doc.last_error


def test_take_back_removes_an_untouched_new_row_without_a_redo_step(doc):
    doc.set_rate("visits", "20")
    new_id = doc.add_metric("visits")
    assert doc.is_fresh(new_id)
    assert doc.take_back(new_id)
    assert new_id not in doc.plan.metrics
    assert doc.undo_stack.count() == 1 and not doc.undo_stack.canRedo()
    assert doc.undo_stack.undoText() == "Set rate of Visits"


def test_a_new_row_that_was_touched_is_not_taken_back(doc):
    new_id = doc.add_metric("visits")
    doc.rename(new_id, "Ads")
    assert not doc.is_fresh(new_id) and not doc.take_back(new_id)
    other = doc.add_metric("visits")
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert doc.is_fresh(other), "undo and redo bring back the same step"
    doc.undo_stack.undo()
    assert not doc.take_back(other)


def test_take_back_after_a_clean_state_leaves_the_plan_unmodified(doc, tmp_path):
    doc.save_as(tmp_path / "plan.toml")
    new_id = doc.add_metric("sales")
    assert doc.is_modified()
    doc.take_back(new_id)
    assert not doc.is_modified()


def test_goal_seek_reports_the_rate_and_warns_above_the_plans_rate(doc):
    reports = []
    doc.reported.connect(reports.append)
    doc.set_target("visits", "1,000")
    assert doc.set_rate("visits", "solve")
    assert doc.plan.metrics["visits"].computed.rate == pytest.approx(0.16)
    assert reports[-1] == "Warning: the goal needs a rate of 16% from Visits to Leads, above the 10% the plan had."
    assert doc.undo_stack.undoText() == "Solve rate of Visits"
    assert doc.set_rate("visits", "12%")  # a given rate ends the goal seek
    assert not doc.plan.metrics["visits"].solve_rate


def test_goal_seek_refuses_where_there_is_no_rate(doc):
    assert not doc.solve_rate("sales") and "top of its tree" in doc.last_error
    assert not doc.solve_rate("web_orders") and "no rate" in doc.last_error  # a share of orders
    assert not doc.set_share("web_orders", "solve") and "solve" in doc.last_error


def test_a_new_stage_goes_between_the_stage_and_its_stage_and_changes_no_number(doc):
    before = {m.id: m.computed.target for m in doc.plan.walk()}
    new_id = doc.add_stage("negotiations", "Webinars")
    new = doc.plan.metrics[new_id]
    assert new.parent.id == "negotiations" and [m.id for m in new.children] == ["nurtured"]
    assert new.relation.value == "funnel" and str(new.rate) == "1"
    assert {m: v for m, v in ((m.id, m.computed.target) for m in doc.plan.walk()) if m != new_id} == before
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Add Webinars as a stage before Negotiations"
    assert doc.is_fresh(new_id)
    doc.undo_stack.undo()
    assert doc.plan.metrics["nurtured"].parent.id == "negotiations" and new_id not in doc.plan.metrics


def test_a_new_source_makes_a_sum_and_starts_at_zero(doc):
    new_id = doc.add_source("leads", "Events")
    leads = doc.plan.metrics["leads"]
    assert leads.relation.value == "sum" and leads.children[-1].id == new_id
    assert doc.plan.metrics[new_id].unit == "leads" and target(doc, new_id) == 0
    assert target(doc, "visits") == 1600 and not doc.findings_by_metric.get("leads")
    doc.set_target(new_id, "40")
    assert target(doc, "visits") == 1200  # 160 leads - 40 from events = 120, / 10 %
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert leads.relation.value == "funnel" and len(leads.children) == 1


def test_breaks_funnel_only_for_a_funnel_stage_that_has_its_stage(doc):
    assert doc.breaks_funnel("leads") and doc.breaks_funnel("web_orders")
    assert not doc.breaks_funnel("visits") and not doc.breaks_funnel("sales") and not doc.breaks_funnel(None)


def test_moves_into_funnel_only_for_a_second_stage(doc):
    assert doc.moves_into_funnel("unit_price", "leads")
    assert not doc.moves_into_funnel("visits", "leads"), "the stage itself, among its stage's children"
    assert not doc.moves_into_funnel("unit_price", "orders") and not doc.moves_into_funnel("unit_price", None)
    assert doc.indent_place("unit_price") == ("orders", 1) and doc.indent_place("sales") is None
    assert doc.outdent_place("visits") == ("nurtured", 1) and doc.outdent_place("sales") is None


def test_a_moved_stage_keeps_its_given_target_and_rate_and_share_give_way(doc):
    doc.set_target("unit_price", "12,000,000")
    assert doc.move_as_stage("web_orders", "leads") is False, "a metric made of stages cannot go in between"
    assert "made of the metrics below it" in doc.last_error
    assert doc.move_as_stage("unit_price", "leads")
    price = doc.plan.metrics["unit_price"]
    assert price.rate == 1 and price.share is None and price.target == 12_000_000
    assert doc.undo_stack.undoText() == "Move Average unit price in as a stage before Leads"
    doc.undo_stack.undo()
    assert price.parent.id == "sales" and price.rate is None and price.relation.value == "none"


def test_a_moved_source_with_a_target_keeps_it(doc):
    doc.set_target("unit_price", "5")
    assert doc.move_as_source("unit_price", "leads", 0)
    assert [m.id for m in doc.plan.metrics["leads"].children] == ["unit_price", "visits"]
    assert doc.plan.metrics["unit_price"].target == 5 and doc.undo_stack.count() == 2


def test_delete_says_what_went(doc):
    reports = []
    doc.reported.connect(reports.append)
    doc.delete_metric("visits")
    doc.delete_metric("nurtured")
    assert reports == ["Deleted Visits. Undo brings it back.",
                       "Deleted Nurtured leads and the metric below it. Undo brings them back."]
    assert doc.given_values(doc.plan.metrics["sales"])[:2] == ["Sales: target ¥1,000,000,000",
                                                                "Web orders: share 20%"]
