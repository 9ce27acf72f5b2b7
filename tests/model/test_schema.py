"""One schema: every field declared once, and one set of rules for the file, `set`, cells and pastes."""

import dataclasses
from decimal import Decimal as D

import pytest

from kpidesk.model import schema
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import INPUT_FIELDS, Plan, PlanError


def build(*specs):
    plan = Plan("t")
    for metric_id, parent, fields in specs:
        plan.attach(Metric(metric_id, metric_id.title(), **fields), plan.metrics.get(parent) if parent else None)
    plan.engine.recalculate_all()
    return plan


def test_every_field_is_a_metric_attribute_with_the_declared_default():
    defaults = {f.name: (f.default if f.default is not dataclasses.MISSING else f.default_factory())
                for f in dataclasses.fields(Metric) if f.default is not dataclasses.MISSING
                or f.default_factory is not dataclasses.MISSING}
    for field in schema.FIELDS:
        if field.is_input and field.name != "name":
            assert defaults[field.name] == field.default, field.name
        if field.default is not None and field.form not in ("id", "parent"):
            assert isinstance(field.default, field.type), field.name


def test_the_file_keys_and_fields_are_the_declared_ones_in_file_order():
    assert schema.METRIC_KEYS == (
        "id", "parent", "name", "unit", "kind", "allow_negative", "better", "relation", "target", "rate", "lag",
        "share", "formula", "actual", "owner", "source", "interval", "definition", "countermeasure", "notes",
        "phasing", "actuals")
    assert INPUT_FIELDS == schema.INPUT_FIELDS and "solve_rate" in INPUT_FIELDS and "id" not in INPUT_FIELDS
    assert schema.DEFAULTS == {"kind": "count", "allow_negative": False, "better": "higher", "relation": "none",
                               "lag": 0}
    assert schema.TEXT_KEYS == ("name", "unit", "owner", "source", "interval", "definition", "countermeasure",
                                "notes")
    assert "allow_negative" in schema.SETTABLE and not {"id", "parent", "actuals", "solve_rate"} & set(
        schema.SETTABLE)


def test_every_csv_column_is_a_field_or_computed():
    for column in schema.CSV_COLUMNS:
        assert (column in schema.CSV_FIELDS) != (column in schema.COMPUTED_COLUMNS), column
    assert set(schema.CSV_FIELDS) <= set(schema.CSV_COLUMNS)


def test_labels_are_plain_english_marked_for_translation():
    import inspect

    source = inspect.getsource(schema)
    for field in schema.FIELDS:
        assert f'QT_TRANSLATE_NOOP("Fields", "{field.label}")' in source, field.name  # pyside6-lupdate finds them
    assert schema.QT_TRANSLATE_NOOP("Fields", "Target") == "Target" and schema.label("rate") == "Rate"


# ---- the kind change of the issue ---------------------------------------------------------
def test_a_kind_change_that_breaks_the_target_is_refused_and_the_metric_stays():
    plan = build(("sales", None, {"kind": Kind.MONEY, "relation": Relation.PRODUCT}),
                 ("unit_price", "sales", {"kind": Kind.MONEY}))
    price = plan.metrics["unit_price"]
    plan.set_field(price, "target", D("2.5"))  # 2.5 JPY: money may have decimals
    with pytest.raises(PlanError) as info:
        plan.set_field(price, "kind", "count")
    assert str(info.value) == ("Unit_Price, kind count: refused, because its target is 2.5 and a count must be a "
                               "whole number")
    assert price.kind is Kind.MONEY and price.target == D("2.5")


@pytest.mark.parametrize("field, value, kind, words", [
    ("target", D(-5), Kind.COUNT, "a count cannot be negative"),
    ("target", D(-5), Kind.MONEY, "money cannot be negative unless the metric allows it (allow_negative = true)"),
    ("actual", D("-0.5"), Kind.MONEY, "money cannot be negative"),
    ("actuals", {"2026-04": D("1.5")}, Kind.COUNT, "actuals.2026-04 1.5: a count must be a whole number"),
    ("actuals", {"2026-04": D(-1)}, Kind.COUNT, "actuals.2026-04 -1: a count cannot be negative"),
    ("share", D(0), Kind.COUNT, "a share of 0 % is refused: the parent cannot be calculated back"),
])
def test_values_that_break_a_rule_are_refused(field, value, kind, words):
    plan = build(("goal", None, {"relation": Relation.SHARE}), ("part", "goal", {"kind": kind}))
    with pytest.raises(PlanError, match=words.replace("(", r"\(").replace(")", r"\)")):
        plan.set_field(plan.metrics["part"], field, value)
    assert getattr(plan.metrics["part"], field) == getattr(Metric("x", "X"), field)


def test_negative_money_and_counts_where_the_metric_allows_them():
    plan = build(("profit", None, {"kind": Kind.MONEY}), ("net_customers", None, {}))
    profit = plan.metrics["profit"]
    plan.set_field(profit, "allow_negative", True)
    plan.set_field(profit, "target", D(-3_000_000))
    plan.set_field(profit, "actuals", {"2026-04": D("-12.5")})
    with pytest.raises(PlanError, match="allow_negative false: refused, because its target is -3000000"):
        plan.set_field(profit, "allow_negative", False)
    assert profit.allow_negative is True
    net = plan.metrics["net_customers"]
    plan.set_field(net, "allow_negative", True)
    plan.set_field(net, "target", D(-4))
    with pytest.raises(PlanError, match="whole number"):
        plan.set_field(net, "target", D("-4.5"))


def test_percent_ratio_score_and_number_may_be_negative():
    for kind in (Kind.PERCENT, Kind.RATIO, Kind.SCORE, Kind.NUMBER):
        plan = build(("nps", None, {"kind": kind}))
        plan.set_field(plan.metrics["nps"], "target", D("-0.25"))
        with pytest.raises(PlanError, match="a count cannot be negative"):
            plan.set_field(plan.metrics["nps"], "kind", Kind.COUNT)


def test_a_rate_of_zero_is_allowed_but_a_share_of_zero_is_not():
    plan = build(("goal", None, {"relation": Relation.FUNNEL}), ("stage", "goal", {}))
    plan.set_field(plan.metrics["stage"], "rate", D(0))  # the engine reports it (no number of stages reaches it)
    plan.set_field(plan.metrics["stage"], "share", D("0.000000000001"))
    with pytest.raises(PlanError, match="0 %"):
        plan.set_field(plan.metrics["stage"], "share", D("0.000"))


@pytest.mark.parametrize("field, value, words", [
    ("target", D("1e-999999"), "decimal places; at most 12"),
    ("target", D("1e999999"), "too large"),
    ("actual", D("1.23456789012345678"), "significant digits|decimal places"),
    ("target", 2.5, "binary float"),
    ("rate", D("0.0000000000001"), "decimal places"),
    ("allow_negative", "yes", "expected true or false"),
    ("formula", "-" * 60 + "1", "nest deeper than 50"),
    ("unit", "x\x00", "U\\+0000 NULL is not allowed in a name"),
])
def test_every_value_is_bounded_on_the_model_path_too(field, value, words):
    plan = build(("a", None, {}))
    with pytest.raises(PlanError, match=words):
        plan.set_field(plan.metrics["a"], field, value)


def test_a_formula_is_allowed_on_any_relation_and_a_formula_relation_without_one():
    """The window sets the relation first and the formula after, or the other way round; both orders work."""
    plan = build(("a", None, {}), ("b", "a", {}))
    b = plan.metrics["b"]
    plan.set_field(b, "relation", Relation.FORMULA)  # no formula yet: the engine reports it
    assert any(f.metric == "b" and f.field == "formula" for f in plan.findings())
    plan.set_field(b, "formula", "a * 2")
    plan.set_field(b, "relation", Relation.NONE)  # kept, and reported by the meaning checks (formula_ignored)
    assert b.formula == "a * 2"


def test_rules_are_one_function_for_reader_and_plan():
    values = schema.values_of(Metric("x", "X", kind=Kind.COUNT, target=D("2.5"), actuals={"2026-05": D(-1)}))
    assert [(r.field, r.where, r.reason) for r in schema.metric_problems(values)] == [
        ("target", "target", "a count must be a whole number"),
        ("actuals", "actuals.2026-05",
         "a count cannot be negative unless the metric allows it (allow_negative = true)"),
    ]


def test_typed_text_for_every_settable_field():
    parse = schema.parse_text
    assert parse(schema.INPUTS["rate"], "0.015%") == D("0.00015")
    assert parse(schema.INPUTS["rate"], "0.015", window=True) == D("0.00015")
    assert parse(schema.INPUTS["share"], "") is None
    assert parse(schema.INPUTS["allow_negative"], " Yes ") is True
    assert parse(schema.INPUTS["target"], "1,000") == D(1000)
    assert parse(schema.INPUTS["formula"], "  ") is None
    metric = Metric("x", "X", rate=D("0.00015"), allow_negative=True, target=D("2.50"), kind=Kind.MONEY)
    for name, text in (("rate", "0.015%"), ("allow_negative", "true"), ("target", "2.50"), ("kind", "money"),
                       ("formula", ""), ("unit", "")):
        assert schema.edit_text(schema.INPUTS[name], metric) == text
