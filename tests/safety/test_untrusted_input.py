"""Bad input of every kind gives a PlanFileError with a clear message, in bounded time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property_examples import examples

from kpidesk import paths
from kpidesk.model.limits import MAX_KEY_PARTS, MAX_NAME_LENGTH, MAX_NESTING, MAX_TEXT_LENGTH
from kpidesk.planfile import PlanFileError, load, loads

TEMPLATES = [path.read_text(encoding="utf-8") for path in paths.templates().values()]
BASE = 'format_version = "1.0"\n[[metric]]\nid = "a"\nname = "A"\n'
TOKENS = ["[", "]", "[[", "]]", "=", '"', "'", '"""', "#", "\n", "\r\n", ".", ",", "{", "}", " ", "metric", "plan",
          "parent", "id", "rate", "target", "share", "relation", "formula", "actuals", '"solve"', "nan", "inf",
          "-inf", "1e308", "-1", "0", "1.5", '"150%"', '"10%"', "true", "2026-04-01", "\\u0000", "\\", "\x00",
          "\ufeff", "訪問", "\U0001f600", '"a"', '"sales"', '"visits"', "/", "*", "(", ")"]


@st.composite
def mutated_plans(draw) -> str:
    """A template with a few random edits: cuts, insertions, duplicated and swapped lines."""
    text = draw(st.sampled_from(TEMPLATES))
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["cut", "insert", "duplicate", "swap", "replace-value"]))
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        if action == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 200)):]
        elif action == "insert":
            text = text[:at] + "".join(draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8))) + text[at:]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            if action == "duplicate":
                lines.insert(index, lines[index])
            elif action == "swap":
                other = draw(st.integers(0, len(lines) - 1))
                lines[index], lines[other] = lines[other], lines[index]
            elif "=" in lines[index]:
                key = lines[index].split("=", 1)[0]
                lines[index] = key + "= " + draw(st.sampled_from(TOKENS[17:]))
            text = "\n".join(lines)
    return text


def only_plan_file_errors(text: str) -> None:
    try:
        loads(text, "fuzz.toml")
    except PlanFileError as exc:
        assert str(exc).startswith("fuzz.toml:"), str(exc)


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@fuzz(examples(300))
@given(mutated_plans())
def test_mutated_plans_give_only_plan_file_errors(text: str) -> None:
    only_plan_file_errors(text)


@fuzz(examples(200))
@given(st.binary(max_size=2000))
def test_random_bytes_give_only_plan_file_errors(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "plan.toml"
    path.write_bytes(data)
    try:
        load(path)
    except PlanFileError:
        pass


@pytest.mark.slow
@fuzz(10_000)
@given(mutated_plans())
def test_mutated_plans_many(text: str) -> None:
    only_plan_file_errors(text)


@pytest.mark.slow
@fuzz(10_000)
@given(st.one_of(st.binary(max_size=4000), st.builds(lambda t, b: t.encode() + b, st.sampled_from(TEMPLATES),
                                                     st.binary(max_size=200))))
def test_random_bytes_many(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "plan.toml"
    path.write_bytes(data)
    try:
        load(path)
    except PlanFileError:
        pass


HOSTILE = {
    "deep arrays": ("x = " + "[" * 5000 + "]" * 5000 + "\n" + BASE, f"nested more than {MAX_NESTING}"),
    "deep inline tables": ("x = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n" + BASE, f"more than {MAX_NESTING}"),
    "interleaved arrays": ("x = " + "[1," * 3000 + "]" * 3000 + "\n" + BASE, f"more than {MAX_NESTING}"),
    "long dotted key": ("x" + ".x" * 100_000 + " = 1\n" + BASE, f"more than {MAX_KEY_PARTS} dotted parts"),
    "long dotted table": ("[x" + " . x" * 100_000 + "]\n" + BASE, f"more than {MAX_KEY_PARTS} dotted parts"),
    "long string": (BASE + 'notes = "' + "a" * 1_000_000 + '"\n', f"longer than {MAX_TEXT_LENGTH:,}"),
    "long name": (BASE.replace('"A"', '"' + "a" * 5000 + '"'), f"longer than {MAX_NAME_LENGTH:,}"),
    "nan": (BASE + "target = nan\n", "finite"),
    "inf rate": (BASE + "rate = inf\n", "finite"),
    "huge": (BASE + "target = 1e308\n", "too large"),
    "negative count": (BASE + "target = -5\n", "cannot be negative"),
    "rate above 100": (BASE + 'rate = "150%"\n', "outside 0-100 %"),
    "bare rate above 1": (BASE + "rate = 1.5\n", "outside 0-100 %"),
    "text for a number": (BASE + 'target = "lots"\n', "not a number"),
    "too many metrics": ('format_version = "1.0"\n' + '[[metric]]\nid = "m"\nname = "M"\n' * 50_001,
                         "over the limit of 50,000"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_with_a_message_naming_the_problem(name: str) -> None:
    text, message = HOSTILE[name]
    with pytest.raises(PlanFileError) as info:
        loads(text, "hostile.toml")
    assert message in str(info.value)
    assert str(info.value).startswith("hostile.toml:")


def calls_to_load(text: str) -> int:
    """The Python and built-in function calls that loading ``text`` makes: a measure of work, not of time."""
    calls = 0

    def count(frame, event, arg) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        plan = loads(text).plan
    finally:
        sys.setprofile(None)
    assert plan.metrics["a"].name == "A"
    return calls


def test_many_dotted_keys_sharing_a_prefix_load_in_linear_work() -> None:
    """Keys under one dotted prefix: four times the keys, about four times the calls (quadratic would be 16)."""
    def dotted(count: int) -> str:
        return BASE + "".join(f"x.y.z.k{i} = 1\n" for i in range(count))

    small, large = calls_to_load(dotted(1_000)), calls_to_load(dotted(4_000))
    assert small > 1_000  # every key was counted
    assert large < 4.5 * small, (small, large)


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    with path.open("wb") as stream:
        stream.write(BASE.encode())
        stream.truncate(17 * 1024 * 1024)
    with pytest.raises(PlanFileError) as info:
        load(path)
    assert "over the limit" in str(info.value)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.replace("A", "\xc4").encode("latin-1"))
    with pytest.raises(PlanFileError) as info:
        load(path)
    assert "not UTF-8" in str(info.value) and ":4:" in str(info.value)
