"""`kpidesk set FILE visits.actuals.2026-06=1200`: one period's value, one line of the file."""

import difflib

import pytest

from kpidesk.cli import main
from kpidesk.planfile import load

VISITS_END = 'countermeasure = "Raise the search ads budget for the core keywords."\n'


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "plan.toml"
    assert main(["new", "--template", "btob-web", str(path)]) == 0
    return path


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def set_and_diff(path, *assignments: str) -> list[str]:
    before = path.read_text(encoding="utf-8")
    assert main(["set", str(path), *assignments]) == 0
    return changed_lines(before, path.read_text(encoding="utf-8"))


def test_the_first_actual_makes_the_table_then_each_period_is_one_line(plan_path):
    assert set_and_diff(plan_path, "visits.actuals.2026-06=1200") == \
        ["+ [metric.actuals]", '+ "2026-06" = 1200', "+ "]  # and a blank line before the next table
    text = plan_path.read_text(encoding="utf-8")
    assert VISITS_END + '\n[metric.actuals]\n"2026-06" = 1200\n\n[[metric]]\nid = "unit_price"' in text
    assert set_and_diff(plan_path, "visits.actuals.2026/06=1,300") == ['- "2026-06" = 1200', '+ "2026-06" = 1300']
    assert set_and_diff(plan_path, "visits.actuals.2026年7月=１，４００") == ['+ "2026-07" = 1400']
    assert set_and_diff(plan_path, "visits.actuals.2026-05=1100") == ['+ "2026-05" = 1100']
    assert '[metric.actuals]\n"2026-05" = 1100\n"2026-06" = 1300\n"2026-07" = 1400\n' in \
        plan_path.read_text(encoding="utf-8")
    assert set_and_diff(plan_path, "visits.actuals.2026-06=") == ['- "2026-06" = 1300']
    assert load(plan_path).plan.metrics["visits"].actuals == {"2026-05": 1100, "2026-07": 1400}


def test_comments_in_the_table_stay(plan_path):
    text = plan_path.read_text(encoding="utf-8").replace(
        VISITS_END, VISITS_END + '\n[metric.actuals]  # sessions, from GA4\n"2026-04" = 900  # bot traffic removed\n')
    plan_path.write_text(text, encoding="utf-8")
    assert set_and_diff(plan_path, "visits.actuals.2026-04=950", "visits.actuals.2026-05=1000") == \
        ['- "2026-04" = 900  # bot traffic removed', '+ "2026-04" = 950  # bot traffic removed', '+ "2026-05" = 1000']
    assert "[metric.actuals]  # sessions, from GA4\n" in plan_path.read_text(encoding="utf-8")


def test_phasing_weights_are_set_the_same_way(plan_path):
    assert set_and_diff(plan_path, "visits.phasing.2026-12=2", "visits.phasing.2026-W15=0.5") == \
        ["+ [metric.phasing]", '+ "2026-12" = 2', '+ "2026-W15" = 0.5', "+ "]
    assert load(plan_path).plan.metrics["visits"].phasing == {"2026-12": 2, "2026-W15": 0.5}


@pytest.mark.parametrize("assignment, words", [
    ("visits.actuals.2026-06=2.5", "Visits, actuals.2026-06 2.5: a count must be a whole number"),
    ("visits.actuals.2026-06=-1", "Visits, actuals.2026-06 -1: a count cannot be negative"),
    ("visits.actuals.2026-06=lots", "'visits.actuals.2026-06=lots': 'lots' is not a number"),
    ("visits.actuals.2026-13=1", "'visits.actuals.2026-13=1': '2026-13': a month is 1 to 12"),
    ("visits.actuals.April=1", "'April' is not a period: write a month as 2026-04 or an ISO week as 2026-W15"),
    ("visits.actuals=1", "name the period: actuals.2026-06=VALUE (a month) or actuals.2026-W15=VALUE"),
    ("visits.phasing.2026-12=-2", "Visits, phasing: 2026-12: a phasing weight cannot be negative"),
    ("unit_price.actuals.2026-04=-5", "Average unit price, actuals.2026-04 -5: money cannot be negative"),
])
def test_a_refused_period_value_names_it_and_the_file_stays(plan_path, capsys, assignment, words):
    before = plan_path.read_bytes()
    assert main(["set", str(plan_path), "visits.actuals.2026-04=1", assignment]) == 1
    err = capsys.readouterr().err
    assert words in err and "nothing was changed" in err
    assert plan_path.read_bytes() == before


def test_an_unknown_field_lists_the_period_fields_too(plan_path, capsys):
    assert main(["set", str(plan_path), "visits.colour=red"]) == 1
    err = capsys.readouterr().err
    assert "settable fields: name, unit," in err and "notes, phasing.PERIOD, actuals.PERIOD;" in err
