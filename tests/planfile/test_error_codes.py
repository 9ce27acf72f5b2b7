"""Each problem of a plan file is a position, a stable code and its parameters; the text is made from them."""

import json
import re

import pytest

from kpidesk.model import messages
from kpidesk.model.limits import MAX_DEPTH, MAX_KEY_PARTS, MAX_NESTING
from kpidesk.planfile import PlanFileError, load, loads
from kpidesk.planfile.reader import decode_bytes

HEAD = 'format_version = "1.0"\n'
A = '[[metric]]\nid = "a"\nname = "A"\n'
#: a root "goal" (lines 3-6) and a stage below it whose keys start at line 9
GOAL = HEAD + '\n[[metric]]\nid = "goal"\nname = "Goal"\nrelation = "funnel"\n\n[[metric]]\nid = "b"\nparent = "goal"\n'
NEST = "".join(f'[[metric]]\nid = "m{i}"\nname = "M"\n' + (f'parent = "m{i - 1}"\n' if i else "")
               for i in range(MAX_DEPTH + 1))

#: text -> (line, column, every code from the outermost phrase in, every parameter)
BAD_FILES = [
    ("[[metric]\nid = 1", 1, 9, ("toml_invalid",), {"detail": "Expected ']]' at the end of an array declaration"}),
    ("x = " + "[" * 40 + "]" * 40 + "\n" + A, 1, 5, ("brackets_too_deep",), {"limit": MAX_NESTING}),
    ("x" + ".x" * 20 + " = 1\n" + A, 1, 1, ("key_too_dotted",), {"limit": MAX_KEY_PARTS}),
    (A + "target = 1" + "0" * 5000 + "\n", 4, 10, ("number_beyond_any_range",), {"limit": 10**15}),
    ('format_version = 1\n' + A, 1, 18, ("version_not_text",), {}),
    ('format_version = "2.0"\n' + A, 1, 18, ("version_newer",), {"version": "2.0", "supported": "1.0"}),
    ("plan = 5\n" + A, 1, 8, ("plan_not_table",), {}),
    ('[plan]\ntitle = 5\n' + A, 2, 9, ("in_plan_key", "text_needed"), {"key": "title"}),
    ('[plan]\nnotes = "' + "x" * 20_001 + '"\n' + A, 2, 9, ("in_plan_key", "text_too_long"),
     {"key": "notes", "limit": 20_000}),
    ('[plan]\nstart = 5\n' + A, 2, 9, ("in_plan_key", "date_expected"), {"key": "start"}),
    ('[plan]\nkgi = "nope"\n' + A, 2, 7, ("in_plan_key", "unknown_id"), {"key": "kgi", "id": "nope"}),
    (HEAD, 1, 1, ("no_metrics",), {}),
    ("metric = 5\n", 1, 10, ("metrics_not_array",), {}),
    ("metric = [1]\n", 1, 1, ("metric_not_table",), {}),
    ('[[metric]]\nname = "A"\n', 1, 1, ("id_missing",), {"limit": 64}),
    ('[[metric]]\nid = "9a"\nname = "A"\n', 2, 6, ("id_invalid",), {"id": "9a", "limit": 64}),
    ('[[metric]]\nid = "a"\n', 1, 1, ("in_metric", "name_required"), {"metric": "a"}),
    ('[[metric]]\nid = "a"\nname = "' + "n" * 201 + '"\n', 3, 8, ("in_metric_key", "text_too_long"),
     {"metric": "a", "key": "name", "limit": 200}),
    (A + A.replace('"A"', '"Again"'), 5, 6, ("duplicate_id",), {"id": "a", "first_line": 2}),
    (A + '[[metric]]\nid = "b"\nname = "B"\nparent = 5\n', 7, 10, ("parent_not_text",), {"metric": "b"}),
    (A + '[[metric]]\nid = "b"\nname = "B"\nparent = "nowhere"\n', 7, 10, ("in_metric", "parent_unknown"),
     {"metric": "b", "parent": "nowhere"}),
    (A + 'parent = "a"\n', 4, 10, ("own_parent",), {"metric": "a"}),
    (A + 'parent = "b"\n[[metric]]\nid = "b"\nname = "B"\nparent = "a"\n', 4, 10, ("in_metric", "parent_cycle"),
     {"metric": "a", "cycle": ("a", "b", "a")}),
    (NEST, 4 * MAX_DEPTH, 1, ("tree_too_deep",), {"metric": f"m{MAX_DEPTH}", "limit": MAX_DEPTH}),
    (GOAL + 'name = "B"\nrate = "abc"\n', 12, 8, ("in_metric_key", "not_a_number"),
     {"metric": "b", "key": "rate", "text": "abc"}),
    (GOAL + 'name = "B"\nrate = 1.5\n', 12, 8, ("in_metric_key", "rate_out_of_range"),
     {"metric": "b", "key": "rate", "number": "150%"}),
    (GOAL + 'name = "B"\nrate = "150"\n', 12, 8, ("in_metric_key", "rate_out_of_range_bare"),
     {"metric": "b", "key": "rate", "number": "150"}),
    (A + 'share = "0%"\n', 4, 9, ("in_metric_key", "share_zero"), {"metric": "a", "key": "share"}),
    (A + "target = -5\n", 4, 10, ("in_metric_key_value", "count_negative"),
     {"metric": "a", "key": "target", "value": -5}),
    (A + 'kind = "money"\nactual = -5\n', 5, 10, ("in_metric_key_value", "money_negative"),
     {"metric": "a", "key": "actual", "value": -5}),
    (A + "[metric.actuals]\n'2026-04' = 1.5\n", 5, 13, ("in_metric_key_value", "count_not_whole"),
     {"metric": "a", "key": "actuals.2026-04", "value": 1.5}),
    (A + "target = 1e308\n", 4, 10, ("in_metric_key", "too_large"),
     {"metric": "a", "key": "target", "number": "1e+308", "limit": 10**15}),
    (A + "target = nan\n", 4, 10, ("in_metric_key", "not_finite"), {"metric": "a", "key": "target"}),
    (A + "target = 1e-999999\n", 4, 10, ("in_metric_key", "too_many_decimals"),
     {"metric": "a", "key": "target", "number": "1e-999999", "places": 999_999, "limit": 12}),
    (A + 'rate = "0.00000000001%"\n', 4, 8, ("in_metric_key", "percent_too_many_decimals"),
     {"metric": "a", "key": "rate", "number": "0.00000000001%", "places": 11, "limit": 10}),
    (A + 'target = "' + "1" * 70 + '"\n', 4, 10, ("in_metric_key", "number_too_long"),
     {"metric": "a", "key": "target", "limit": 64}),
    (A + "target = [1]\n", 4, 10, ("in_metric_key", "number_expected"),
     {"metric": "a", "key": "target", "found": "array"}),
    (A + 'kind = "apples"\n', 4, 8, ("in_metric_key", "not_a_choice"),
     {"metric": "a", "key": "kind", "text": "apples",
      "choices": ("count", "money", "percent", "ratio", "score", "number")}),
    (A + 'allow_negative = "yes"\n', 4, 18, ("in_metric_key", "flag_expected"),
     {"metric": "a", "key": "allow_negative", "found": "text"}),
    (A + "unit = 5\n", 4, 8, ("in_metric_key", "text_expected"), {"metric": "a", "key": "unit", "found": "number"}),
    (A + 'notes = "a\\u0000b"\n', 4, 9, ("in_metric_key", "control_in_text"),
     {"metric": "a", "key": "notes", "character": "U+0000 NULL"}),
    (A + 'unit = "a\\u001b[31m"\n', 4, 8, ("in_metric_key", "control_in_line"),
     {"metric": "a", "key": "unit", "character": "U+001B ESCAPE"}),
    (A + "actuals = 5\n", 4, 11, ("in_metric_key", "table_expected"), {"metric": "a", "key": "actuals"}),
    (A + 'relation = "formula"\nformula = "b +"\n', 5, 11, ("in_metric_key", "in_formula", "formula_ends_early"),
     {"metric": "a", "key": "formula"}),
    (A + 'formula = "(a"\n', 4, 11, ("in_metric_key", "in_formula", "formula_unclosed"),
     {"metric": "a", "key": "formula"}),
    (A + 'formula = "2 * 1e99999"\n', 4, 11, ("in_metric_key", "in_formula", "in_formula_number", "too_large"),
     {"metric": "a", "key": "formula", "column": 5, "number": "1e99999", "limit": 10**15}),
    (A + 'relation = "formula"\nformula = "zz * 2"\n', 5, 11, ("in_metric_key", "ids_not_metrics"),
     {"metric": "a", "key": "formula", "ids": ("zz",)}),
]


def problems_of(text: str) -> list:
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    return info.value.problems


@pytest.mark.parametrize("text, line, column, codes, params", BAD_FILES,
                         ids=[entry[3][-1] + ("_in" if len(entry[3]) > 1 else "") for entry in BAD_FILES])
def test_a_bad_file_gives_the_code_its_parameters_and_where(text, line, column, codes, params):
    (problem,) = problems_of(text)
    assert (problem.line, problem.column) == (line, column)
    assert problem.reason.codes == codes and problem.code == codes[-1]
    assert problem.params == params
    data = json.loads(json.dumps(problem.as_dict()))
    assert data["code"] == codes[-1] and data["message"] == problem.message
    assert [phrase["code"] for phrase in data["within"]] == list(codes[:-1])


@pytest.mark.parametrize("text, line, column, codes, params", BAD_FILES,
                         ids=[entry[3][-1] + ("_in" if len(entry[3]) > 1 else "") for entry in BAD_FILES])
def test_every_problem_has_a_template_and_is_translated_phrase_by_phrase(text, line, column, codes, params):
    (problem,) = problems_of(text)
    for code in problem.reason.codes:
        assert code in messages.FILE_ERRORS, code  # what reading a file says is in context FileErrors
    assert "{" not in problem.message
    seen = []

    def translate(context: str, template: str) -> str:
        seen.append((context, template))
        return "«" + template + "»"

    translated = problem.text(translate)
    assert translated != problem.message
    assert translated.count("«") == len(codes) + (1 if "found" in params else 0)
    assert {context for context, _ in seen} == {"FileErrors"}


def test_the_error_lines_read_as_before_and_can_be_translated():
    text = A + 'rate = "x"\n[[metric]]\nid = "b"\nname = "B"\ntarget = "y"\n'
    with pytest.raises(PlanFileError) as info:
        loads(text, "plan.toml")
    error = info.value
    assert str(error) == ("plan.toml:4:8: error: metric 'a', rate: 'x' is not a number\n"
                          "plan.toml:8:10: error: metric 'b', target: 'y' is not a number")
    assert [p.code for p in error.problems] == ["not_a_number", "not_a_number"]
    shouted = error.text(lambda context, template: re.sub(r"(^|\})([^{]*)", lambda m: m.group(0).upper(), template))
    assert shouted.splitlines() == ["plan.toml:4:8: error: METRIC 'a', rate: 'x' IS NOT A NUMBER",
                                    "plan.toml:8:10: error: METRIC 'b', target: 'y' IS NOT A NUMBER"]


def test_files_that_cannot_be_read_have_codes_too(tmp_path):
    cases = []
    for path in (tmp_path / "missing.toml", tmp_path):
        with pytest.raises(PlanFileError) as info:
            load(path)
        cases.append(info.value.first.code)
    binary = tmp_path / "latin1.toml"
    binary.write_bytes(A.replace("A", "\xc4").encode("latin-1"))
    with pytest.raises(PlanFileError) as info:
        load(binary)
    cases.append(info.value.first.code)
    assert (info.value.first.line, info.value.first.column) == (3, 9)
    with pytest.raises(PlanFileError) as info:
        decode_bytes(b" " * (16 * 1024 * 1024 + 1), "big.toml")
    cases.append(info.value.first.code)
    assert info.value.first.params == {"size": 16 * 1024 * 1024 + 1, "limit": 16 * 1024 * 1024}
    assert cases == ["no_such_file", "is_folder", "not_utf8", "file_too_large"]
    assert str(info.value) == "big.toml:1:1: error: the file is 16,777,217 bytes, over the limit of 16,777,216"
