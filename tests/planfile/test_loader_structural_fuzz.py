"""Valid plans mutated structurally reach the parser and the model, and come out loaded or refused cleanly.

The built-in templates (English and Japanese) are parsed, then keys are dropped,
types swapped, numbers and texts pushed past the limits of
``kpidesk/model/limits.py``, tables duplicated and ids renamed to collide; the
result is written as TOML again and loaded. Either it loads, and then saving and
loading again is stable and ``kpidesk calc`` and ``kpidesk check`` finish; or it
is refused with a PlanFileError whose every message names a line and a column
(and the field, for a metric's key) of the text. Nothing else may escape.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import re
import tomllib
from typing import Any

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpidesk import cli, paths
from kpidesk.model import schema
from kpidesk.model.checks import run_checks
from kpidesk.model.limits import (
    MAX_ABS_AMOUNT,
    MAX_DEPTH,
    MAX_FORMULA_LENGTH,
    MAX_FORMULA_NESTING,
    MAX_ID_LENGTH,
    MAX_LAG,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
)
from kpidesk.planfile import PlanFileError, loads

TEMPLATES = [tomllib.loads(path.read_text(encoding="utf-8"))
             for language in ("en", "ja") for path in paths.templates(language).values()]
METRIC_KEYS = list(schema.METRIC_KEYS) + ["custom"]
PLAN_KEYS = ["title", "owner", "currency", "period", "start", "end", "kgi", "on_track", "behind", "notes"]
#: Values of every TOML type, and values at and past each limit.
ODD_VALUES: list[Any] = [
    "", " ", "text", "solve", "40%", "150%", "-5%", "1,600", "1e9", "nan", "2026-04", "sum", "Funnel", "bogus",
    0, 1, -1, 2, 24, 25, 10**15, 10**15 - 1, -(10**15), 10**18, 0.5, 1.5, -0.25, 1e-13, 1e300, float("inf"),
    float("nan"), True, False, [], [1, "a"], {}, {"2026-04": 1}, {"x": {"y": 1}}, dt.date(2026, 4, 1),
    dt.datetime(2026, 4, 1, 12, 0), dt.time(12, 0),
    "x" * (MAX_NAME_LENGTH + 1), "x" * (MAX_TEXT_LENGTH + 1), "a" * (MAX_ID_LENGTH + 1), "a" * MAX_ID_LENGTH,
    "1" + "0" * 15, "1234567890.1234567", "0." + "0" * 12 + "1", "0.00000000001%", MAX_LAG + 1,
    " + ".join(["a"] * (MAX_FORMULA_LENGTH // 4 + 1)), "-(" * (MAX_FORMULA_NESTING + 1) + "a" + ")" * 51,
    "\x1b[31mred", "name\u202eesrever", "line\nbreak", "tab\there", int(MAX_ABS_AMOUNT), -int(MAX_ABS_AMOUNT) + 1,
]
PERIOD_KEYS = ["2026-04", "2026/04", "2026-13", "2026-W15", "2026-W60", "2026年4月", "april", ""]


def _metrics(doc: dict) -> list:
    metrics = doc.get("metric")
    return metrics if isinstance(metrics, list) else []


@st.composite
def mutated(draw) -> dict:
    """A template's parsed TOML after one to five structural mutations."""
    doc = copy.deepcopy(draw(st.sampled_from(TEMPLATES)))
    for _ in range(draw(st.integers(1, 5))):
        metrics = [m for m in _metrics(doc) if isinstance(m, dict)]
        action = draw(st.sampled_from(["drop", "drop", "swap", "swap", "limit", "duplicate", "collide", "parent",
                                       "periods", "plan", "top", "deep"]))
        metric = draw(st.sampled_from(metrics)) if metrics else None
        if action == "drop" and metric:
            if metric:
                metric.pop(draw(st.sampled_from(sorted(metric))), None)
        elif action in ("swap", "limit") and metric is not None:
            key = draw(st.sampled_from(METRIC_KEYS))
            metric[key] = draw(st.sampled_from(ODD_VALUES[:48] if action == "swap" else ODD_VALUES[36:]))
        elif action == "duplicate" and metric is not None:
            twin = copy.deepcopy(metric)
            if draw(st.booleans()):
                twin["id"] = f"{metric.get('id')}_twin" if isinstance(metric.get("id"), str) else "twin"
            doc["metric"].insert(draw(st.integers(0, len(doc["metric"]))), twin)
        elif action == "collide" and len(metrics) >= 2:
            a, b = draw(st.sampled_from(metrics)), draw(st.sampled_from(metrics))
            a["id"] = b.get("id")
        elif action == "parent" and metric is not None:
            ids = [m.get("id") for m in metrics]
            metric["parent"] = draw(st.sampled_from([*ids, "nobody", metric.get("id")]))
        elif action == "periods" and metric is not None:
            table = metric.setdefault(draw(st.sampled_from(["actuals", "phasing"])), {})
            if isinstance(table, dict):
                table[draw(st.sampled_from(PERIOD_KEYS))] = draw(st.sampled_from(ODD_VALUES))
        elif action == "plan":
            plan = doc.setdefault("plan", {})
            if isinstance(plan, dict):
                plan[draw(st.sampled_from(PLAN_KEYS))] = draw(st.sampled_from(ODD_VALUES))
            else:
                doc["plan"] = {}
        elif action == "top":
            key = draw(st.sampled_from(["format_version", "plan", "metric"]))
            doc[key] = draw(st.sampled_from(["1.0", "2.0", "1", 1, "x", [], {}, [{}], [1]]))
        elif action == "deep" and metrics:  # a chain down to the depth limit or past it
            top = metrics[-1].get("id")
            for depth in range(draw(st.sampled_from([MAX_DEPTH - 2, MAX_DEPTH + 1]))):
                doc["metric"].append({"id": f"deep{depth}", "name": f"Deep {depth}", "parent": top, "rate": 0.5,
                                      "relation": "funnel"})
                top = f"deep{depth}"
    return _without_none(doc)


def _without_none(value: Any) -> Any:
    """TOML has no null: an id copied from a metric that had lost it is left out."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value if v is not None]
    return value


def dump(doc: dict) -> str:
    return tomlkit.dumps(doc)


_LINE = re.compile(r"fuzz\.toml:(\d+):(\d+): error: \S")


def refused_well(text: str, exc: PlanFileError) -> None:
    """Every problem names a line and column of the text, and a metric's key names its field."""
    lines = text.split("\n")
    assert exc.problems
    for problem, line in zip(exc.problems, str(exc).split("\n"), strict=True):
        assert _LINE.match(line), line
        assert 1 <= problem.line <= len(lines) and 1 <= problem.column <= len(lines[problem.line - 1]) + 1, (
            problem, text)
        place = dict(problem.reason.within[0][1]) if problem.reason.within else {}
        if problem.reason.within and problem.reason.within[0][0] == "in_metric_key":
            assert problem.field == place["key"], problem
            named = str(problem.params["period"]) if "in_period" in problem.reason.codes else str(place["key"])
            assert named in lines[problem.line - 1], (problem, text)  # the line of that key (or period)


def calc_and_check(path) -> None:
    """``kpidesk calc``, ``calc --json`` and ``check`` on the file: they finish with an exit code."""
    for argv in (["calc", str(path)], ["calc", "--json", str(path)], ["check", str(path)]):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = cli.main(argv)
        assert code in (0, 1), (argv, code)


def load_or_refuse(doc: dict, path) -> None:
    text = dump(doc)
    try:
        plan_file = loads(text, "fuzz.toml")
    except PlanFileError as exc:
        refused_well(text, exc)
        return
    out = plan_file.dumps()
    if "format_version" in doc:
        assert out == text  # read and saved unchanged: the same bytes
    again = loads(out, "fuzz.toml")
    assert again.dumps() == out
    assert [(m.id, schema.values_of(m)) for m in again.plan.walk()] == [
        (m.id, schema.values_of(m)) for m in plan_file.plan.walk()]
    run_checks(plan_file.plan)
    path.write_text(text, encoding="utf-8")
    calc_and_check(path)


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def plan_path(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "plan.toml"


@fuzz(30)
@given(mutated())
def test_structurally_mutated_plans_load_stably_or_are_refused_with_positions(plan_path, doc):
    load_or_refuse(doc, plan_path)


@pytest.mark.slow
@fuzz(5000)
@given(mutated())
def test_structurally_mutated_plans_many(plan_path, doc):
    load_or_refuse(doc, plan_path)


def test_calc_lists_a_plan_whose_given_value_is_above_the_need(tmp_path):
    """A finding of severity info (given_above_need) made ``kpidesk calc`` fail with a KeyError (found by the fuzz)."""
    path = tmp_path / "plan.toml"
    path.write_text('[[metric]]\nid = "o"\nname = "O"\nrelation = "funnel"\ntarget = 10\n\n'
                    '[[metric]]\nid = "d"\nparent = "o"\nname = "D"\nrate = "50%"\ntarget = 100\n', encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["calc", str(path)]) == 0
    assert "info: d: The given target 100 is above the 20 that the goal needs. [surplus]" in out.getvalue()
