"""Refusals are codes with parameters; their text is made from templates in one place, and can be translated."""

import ast
import json
import os
import re
from decimal import Decimal as D
from pathlib import Path

import pytest

import kpidesk
from kpidesk.model import messages, save_messages, schema
from kpidesk.model.formula import FormulaError, parse
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.numbers import NumberError, parse_amount, parse_rate, to_decimal
from kpidesk.model.plan import Plan, PlanError
from kpidesk.model.reasons import Reason, ReasonError, kind_of, reason, reason_of

SOURCE = Path(kpidesk.__file__).parent
#: Calls whose first argument is an error code, and where the code stands in the others.
FIRST_ARGUMENT = {"NumberError", "FieldValueError", "FormulaError", "PlanError", "FieldError", "ReasonError",
                  "PeriodError",
                  "reason", "inside"}


def shout(context: str, text: str) -> str:
    """A fake translation: upper case outside the placeholders, which must stay as they are."""
    return "".join(part if part.startswith("{") else part.upper() for part in re.split(r"(\{[^}]*\})", text))


def _constants(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def codes_in_source() -> dict[str, str]:
    """Every error code kpidesk's source raises or makes, with where it stands."""
    found: dict[str, str] = {}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in FIRST_ARGUMENT:
                index = 0
            elif name == "problem":  # self.problem(pos, code, ...) in the reader, problem(line, column, code, ...)
                index = 1 if isinstance(func, ast.Attribute) else 2
            elif name == "Rule":
                index = 2
            else:
                continue
            if len(node.args) > index:
                for code in _constants(node.args[index]):
                    found.setdefault(code, f"{path.relative_to(SOURCE.parent)}:{node.lineno}")
    return found


# ---- every code has a template, every template a code -------------------------------------------
def test_every_code_in_the_source_has_a_template_and_every_template_is_used():
    if os.environ.get("MUTANT_UNDER_TEST") or "mutants" in SOURCE.parts:
        # mutmut's copy of the source (its clean run too) spells codes as its mutants do
        pytest.skip("reads the source, which a mutation run rewrites")
    used = codes_in_source()
    templates = messages.FILE_ERRORS | messages.EDIT_ERRORS | messages.IMPORT_ERRORS | save_messages.SAVE_ERRORS
    missing = {code: where for code, where in used.items() if code not in templates}
    assert not missing, f"codes without a template: {missing}"
    assert set(templates) - set(used) == set(), "templates that nothing makes"
    assert len(used) >= 90  # the scan sees the raising sites (it would find nothing if the call shapes changed)


def test_error_codes_are_their_own_and_plain_words():
    file_codes, edit_codes, import_codes = set(messages.FILE_ERRORS), set(messages.EDIT_ERRORS), \
        set(messages.IMPORT_ERRORS)
    save_codes = set(save_messages.SAVE_ERRORS)
    assert not file_codes & edit_codes and not (file_codes | edit_codes) & import_codes
    assert not (file_codes | edit_codes | import_codes) & save_codes
    assert not (file_codes | edit_codes | import_codes | save_codes) & (set(messages.TEMPLATES) |
                                                                        set(messages.EXPLANATIONS))
    for code in file_codes | edit_codes | import_codes | save_codes:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", code), code


def test_templates_are_marked_for_translation_in_their_context():
    """pyside6-lupdate finds a template only as a literal in a QT_TRANSLATE_NOOP call with its context."""
    trees = [ast.parse(Path(module.__file__).read_text(encoding="utf-8")) for module in (messages, save_messages)]
    contexts = {"FILE_ERRORS": "FileErrors", "EDIT_ERRORS": "EditErrors", "IMPORT_ERRORS": "ImportErrors",
                "FOUND": "FileErrors", "SAVE_ERRORS": "SaveErrors"}
    seen = set()
    for node in (node for tree in trees for node in ast.walk(tree)):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id in contexts:
            seen.add(node.target.id)
            assert isinstance(node.value, ast.Dict)
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                assert isinstance(value, ast.Call) and isinstance(value.func, ast.Name), key
                assert value.func.id == "QT_TRANSLATE_NOOP", key
                context, text = value.args
                assert isinstance(context, ast.Constant) and context.value == contexts[node.target.id], key
                assert isinstance(text, ast.Constant) and isinstance(text.value, str), key
    assert seen == set(contexts)


# ---- codes and parameters ----------------------------------------------------------------------
@pytest.mark.parametrize("call, code, params", [
    (lambda: parse_amount("1e999999"), "too_large", {"number": "1e999999", "limit": 10**15}),
    (lambda: parse_amount("lots"), "not_a_number", {"text": "lots"}),
    (lambda: parse_amount("0.00000000001%"), "percent_too_many_decimals",
     {"number": "0.00000000001%", "places": 11, "limit": 10}),
    (lambda: parse_amount("1234567.123456789"), "too_many_digits",
     {"number": "1234567.123456789", "digits": 16, "limit": 15}),
    (lambda: parse_rate("150"), "rate_out_of_range_bare", {"number": "150"}),
    (lambda: parse_rate("150%"), "rate_out_of_range", {"number": "150%"}),
    (lambda: to_decimal([1]), "number_expected", {"found": "array"}),
    (lambda: to_decimal(float("nan")), "not_finite", {}),
    (lambda: parse("(a"), "formula_unclosed", {}),
    (lambda: parse("a $ b"), "formula_character", {"character": "$", "column": 3}),
    (lambda: parse("2 * 1e99999"), "too_large", {"column": 5, "number": "1e99999", "limit": 10**15}),
    (lambda: schema.check(schema.BY_NAME["kind"], "apples"), "not_a_choice",
     {"text": "apples", "choices": ("count", "money", "percent", "ratio", "score", "number")}),
    (lambda: schema.check(schema.BY_NAME["actuals"], {"2026-04": "x"}), "number_expected",
     {"period": "2026-04", "found": "text"}),
])
def test_value_errors_carry_a_code_and_plain_parameters(call, code, params):
    with pytest.raises(ReasonError) as info:
        call()
    assert info.value.code == code and info.value.params == params
    assert isinstance(info.value, ValueError)  # callers that catch ValueError still do
    json.dumps(info.value.reason.as_dict())


def plan_with_money_part() -> Plan:
    plan = Plan("t")
    plan.attach(Metric("goal", "Goal", relation=Relation.SHARE), None)
    plan.attach(Metric("part", "Part", kind=Kind.MONEY, target=D("2.5")), plan.metrics["goal"])
    plan.engine.recalculate_all()
    return plan


def test_an_edit_refused_by_a_rule_carries_the_rule_and_the_phrase_around_it():
    plan = plan_with_money_part()
    with pytest.raises(PlanError) as info:
        plan.set_field(plan.metrics["part"], "kind", "count")
    error = info.value
    assert error.code == "count_not_whole" and error.reason.codes == ("refused_because", "count_not_whole")
    assert error.params == {"metric": "part", "name": "Part", "field": "kind", "value": D("2.5"), "where": "target",
                            "other": D("2.5")}
    assert str(error) == "Part, kind count: refused, because its target is 2.5 and a count must be a whole number"
    assert error.reason.as_dict()["within"] == [{"code": "refused_because", "params": {
        "metric": "part", "name": "Part", "field": "kind", "value": "count", "where": "target", "other": 2.5}}]


@pytest.mark.parametrize("action, code, params", [
    (lambda p: p.set_field(p.metrics["part"], "share", D(0)), "share_zero",
     {"metric": "part", "name": "Part", "field": "share"}),
    (lambda p: p.set_field(p.metrics["part"], "formula", "zz + 1"), "formula_refers_unknown",
     {"metric": "part", "name": "Part", "field": "formula", "ids": ("zz",)}),
    (lambda p: p.set_field(p.metrics["part"], "colour", "red"), "no_metric_field", {"field": "colour"}),
    (lambda p: p.insert_metric(Metric("part", "P"), None, 0), "id_taken", {"id": "part"}),
    (lambda p: p.remove_metric(p.metrics["goal"]), "only_goal", {"metric": "goal", "name": "Goal"}),
    (lambda p: p.move_metric(p.metrics["goal"], p.metrics["part"], 0), "below_itself",
     {"metric": "goal", "name": "Goal"}),
    (lambda p: p.set_info("kgi", "zz"), "no_metric", {"id": "zz"}),
])
def test_plan_errors_carry_a_code_and_parameters(action, code, params):
    plan = plan_with_money_part()
    with pytest.raises(PlanError) as info:
        action(plan)
    assert info.value.code == code and info.value.params == params


def test_an_override_and_an_assignment_name_where_the_reason_was_found():
    from kpidesk import paths
    from kpidesk.cli import parse_assignment
    from kpidesk.model.evaluation import evaluate
    from kpidesk.planfile import loads

    with pytest.raises(PlanError) as info:
        evaluate(plan_with_money_part(), {"part.target": "many"})
    assert info.value.reason.codes == ("in_override", "not_a_number")
    assert info.value.params == {"override": "part.target", "text": "many"}
    plan_file = loads(paths.templates()["btob-web"].read_text(encoding="utf-8"))
    with pytest.raises(PlanError) as info:
        parse_assignment(plan_file, "visits.colour=red")
    assert info.value.reason.codes == ("in_assignment", "not_settable")
    assert info.value.params["field"] == "colour" and "rate" in info.value.params["fields"]


# ---- the text, in English and translated ----------------------------------------------------------
def test_the_text_is_made_from_the_inside_out_with_the_parameters_as_the_planner_reads_them():
    why = reason("too_large", number="1e99999", limit=10**15).inside("in_formula_number", column=5)
    why = why.inside("in_formula").inside("in_metric_key", metric="cpa", key="formula")
    assert why.codes == ("in_metric_key", "in_formula", "in_formula_number", "too_large")
    assert str(why) == ("metric 'cpa', formula: the formula is not valid: the number at column 5: 1e99999 is too "
                        "large (the limit is 1,000,000,000,000,000)")
    assert str(reason("parent_cycle", cycle=("a", "b", "a"))) == "the parents form a cycle: a -> b -> a"
    assert str(reason("count_negative", value=D("-5")).inside(
        "in_metric_key_value", metric="a", key="target", value=D("-5E+3"))).endswith("(-5000)")


def test_a_translation_changes_every_phrase_and_keeps_the_parameters():
    why = reason("number_expected", found=kind_of({})).inside("in_metric_key", metric="leads", key="target")
    assert why.text() == "metric 'leads', target: expected a number, found a table"
    assert why.text(shout) == "METRIC 'leads', target: EXPECTED A NUMBER, FOUND A TABLE"
    contexts = []
    why.text(lambda context, text: contexts.append(context) or text)
    assert contexts == ["FileErrors", "FileErrors", "FileErrors"]  # the reason, the word for a table, the phrase
    plan = plan_with_money_part()
    with pytest.raises(PlanError) as info:
        plan.set_field(plan.metrics["part"], "kind", "count")
    assert info.value.text(shout) == ("Part, kind count: REFUSED, BECAUSE ITS target IS 2.5 AND A COUNT MUST BE "
                                      "A WHOLE NUMBER")  # the names, fields and values are the plan's own


def test_a_translation_that_names_a_parameter_wrongly_falls_back_to_english():
    why = reason("too_large", number="1e99", limit=10**15)
    assert why.text(lambda context, text: "{nombre} est trop grand") == "1e99 is too large (the limit is " \
                                                                           "1,000,000,000,000,000)"


def test_an_exception_without_a_code_keeps_its_text():
    assert reason_of(ValueError("something else")) == Reason("refused", (("detail", "something else"),))
    assert str(reason_of(ValueError("something else")).inside("in_period", period="2026-04")) == \
        "2026-04: something else"
    with pytest.raises(NumberError) as info:
        parse_amount("x")
    assert reason_of(info.value) is info.value.reason


def test_a_formula_error_keeps_its_position():
    with pytest.raises(FormulaError) as info:
        parse("a + )")
    assert info.value.position == 4 and info.value.params == {"token": ")", "column": 5}
