"""Meaning checks: units, factors and kinds that make no sense are findings with a code and parameters."""

from decimal import Decimal as D
from types import SimpleNamespace

import checks_one_by_one as one_by_one

from kpidesk import paths
from kpidesk.model.edits import RemoveMetric
from kpidesk.model.findings import Severity
from kpidesk.model.messages import TEMPLATES, describe
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan
from kpidesk.planfile import load


def build(*specs):
    plan = Plan("t")
    for metric_id, parent, fields in specs:
        plan.attach(Metric(metric_id, metric_id.replace("_", " ").title(), **fields),
                    plan.metrics.get(parent) if parent else None)
    plan.engine.recalculate_all()
    return plan


def text(found, plan):
    """The finding's English text: metric names from the plan (no amount is shown, so no currency is asked)."""
    return describe(found, SimpleNamespace(metrics=plan.metrics, engine=SimpleNamespace(currency_of=lambda m: "")))


def codes(findings):
    return [(f.metric, f.code, f.params) for f in findings]


def test_the_template_is_clean_of_meaning_findings():
    plan = load(paths.templates()["btob-web"]).plan
    assert one_by_one.meaning_findings(plan) == []


def test_deleting_the_unit_price_leaves_money_made_of_orders_and_is_reported():
    plan = load(paths.templates()["btob-web"]).plan
    RemoveMetric("unit_price").apply(plan)
    found = one_by_one.meaning_findings(plan)
    assert codes(found) == [
        ("sales", "product_one_factor", {"driver": "orders"}),
        ("sales", "money_from_counts", {"metrics": ("orders",)}),
    ]
    assert all(f.severity is Severity.WARNING and f.check == "meaning" for f in found)
    assert text(found[1], plan) == ("Sales is money, but it is made of Orders, none of them money: a factor in "
                                        "money, such as an average unit price, is missing.")
    assert text(found[0], plan).startswith("Sales is a product of one factor, Orders: a product needs at least two")


def test_the_parts_of_a_sum_share_its_unit():
    plan = build(("leads", None, {"relation": Relation.SUM, "unit": "leads"}),
                 ("web", "leads", {"unit": "leads"}),
                 ("events", "leads", {"unit": "JPY"}),
                 ("ads", "leads", {"unit": "clicks", "rate": D("0.02")}),  # a weighted part: clicks x rate = leads
                 ("plain", "leads", {}))  # no unit: not compared
    found = one_by_one.units_disagree(plan)
    assert codes(found) == [("leads", "units_disagree", {"metrics": ("leads", "web", "events"),
                                                         "units": ("leads", "leads", "JPY")})]
    assert found[0].field == "unit"
    assert text(found[0], plan) == ("The sum Leads mixes units: Leads, Web, Events are in leads, leads, JPY, in "
                                        "that order. Parts without a rate are added as they are, so they need the "
                                        "unit of the sum.")


def test_units_compare_without_case_and_spaces():
    plan = build(("orders", None, {"relation": Relation.SUM, "unit": "Orders "}), ("web", "orders", {"unit": "orders"}))
    assert one_by_one.units_disagree(plan) == []


def test_the_parts_of_a_share_share_its_unit():
    plan = build(("orders", None, {"relation": Relation.SHARE, "unit": "orders"}),
                 ("web_orders", "orders", {"unit": "orders", "share": D("0.2")}),
                 ("shop_sales", "orders", {"unit": "JPY", "share": D("0.8")}))
    assert codes(one_by_one.share_units_disagree(plan)) == [
        ("orders", "share_units_disagree", {"metrics": ("orders", "web_orders", "shop_sales"),
                                            "units": ("orders", "orders", "JPY")})]


def test_a_product_of_two_factors_and_money_made_with_money_are_fine():
    plan = build(("sales", None, {"relation": Relation.PRODUCT, "kind": Kind.MONEY, "unit": "JPY"}),
                 ("orders", "sales", {"unit": "orders"}),
                 ("price", "sales", {"kind": Kind.MONEY, "unit": "JPY"}))
    assert one_by_one.meaning_findings(plan) == []


def test_money_summed_from_counts_is_reported_but_not_money_from_ratios():
    plan = build(("revenue", None, {"relation": Relation.SUM, "kind": Kind.MONEY}),
                 ("deals", "revenue", {}),
                 ("roas", None, {"relation": Relation.PRODUCT, "kind": Kind.MONEY}),
                 ("a", "roas", {"kind": Kind.RATIO}), ("b", "roas", {"kind": Kind.PERCENT}))
    assert codes(one_by_one.money_from_counts(plan)) == [("revenue", "money_from_counts", {"metrics": ("deals",)})]


def test_a_formula_on_another_relation_is_reported_not_dropped():
    plan = build(("cost", None, {}), ("cpa", "cost", {"relation": Relation.SUM, "formula": "cost / 2"}),
                 ("cvr", "cost", {"relation": Relation.FORMULA, "formula": "cost * 2"}))
    found = one_by_one.formula_ignored(plan)
    assert codes(found) == [("cpa", "formula_ignored", {"relation": "sum"})]
    assert found[0].field == "formula"
    assert text(found[0], plan) == ("Cpa has a formula, but its relation is sum, not formula: the formula is not "
                                        "used. Set the relation to formula to use it, or remove the formula.")


def test_every_meaning_code_has_a_template_and_names_metrics_by_id():
    plan = load(paths.templates()["btob-web"]).plan
    RemoveMetric("unit_price").apply(plan)
    plan.set_field(plan.metrics["visits"], "formula", "leads * 2")
    plan.set_field(plan.metrics["orders"], "unit", "JPY")
    found = one_by_one.meaning_findings(plan)
    assert {f.code for f in found} == {"product_one_factor", "money_from_counts", "formula_ignored",
                                       "share_units_disagree"}
    for item in found:
        assert item.code in TEMPLATES and "{" not in text(item, plan)
        ids = [v for k, v in item.params.items() if k in ("metric", "parent", "driver", "other")]
        ids += [i for k, v in item.params.items() if k == "metrics" for i in v]
        assert all(i in plan.metrics for i in ids)
    plan.set_field(plan.metrics["orders"], "name", "All orders")  # a rename shows at once
    share = next(f for f in found if f.code == "share_units_disagree")
    assert "All orders" in text(share, plan)


def test_each_finding_is_a_warning_of_the_meaning_check_on_the_field_to_fix():
    """The window selects the finding's field (the unit, the relation, the formula) when a planner picks it."""
    plan = build(("leads", None, {"relation": Relation.SUM, "unit": "leads"}), ("paid", "leads", {"unit": "JPY"}),
                 ("orders", None, {"relation": Relation.SHARE, "unit": "orders"}),
                 ("web", "orders", {"unit": "JPY", "share": D("0.2")}),
                 ("sales", None, {"relation": Relation.PRODUCT, "kind": Kind.MONEY}), ("deals", "sales", {}),
                 ("cpa", None, {"relation": Relation.SUM, "formula": "leads / 2"}))
    found = one_by_one.meaning_findings(plan)
    assert [(f.metric, f.code, f.check, f.severity, f.field) for f in found] == [
        ("leads", "units_disagree", "meaning", Severity.WARNING, "unit"),
        ("orders", "share_units_disagree", "meaning", Severity.WARNING, "unit"),
        ("sales", "product_one_factor", "meaning", Severity.WARNING, "relation"),
        ("sales", "money_from_counts", "meaning", Severity.WARNING, "relation"),
        ("cpa", "formula_ignored", "meaning", Severity.WARNING, "formula"),
    ]
