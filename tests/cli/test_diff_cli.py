"""``kpidesk diff OLD NEW [--json]``: lines, JSON and exit codes (0 same, 1 different, 2 unreadable)."""

import json

import pytest

from kpidesk.cli import main


@pytest.fixture
def plans(tmp_path):
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    assert main(["new", "--template", "btob-web", str(old)]) == 0
    assert main(["new", "--template", "btob-web", str(new)]) == 0
    return old, new


def test_the_same_plan_exits_0(plans, capsys):
    old, new = plans
    new.write_text(new.read_text(encoding="utf-8").replace("# close rate", "# won / met"), encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out == "The plans are the same.\n"


def test_a_rate_change_lists_the_change_then_its_effects(plans, capsys):
    old, new = plans
    assert main(["set", str(new), "negotiations.rate=40%"]) == 0
    capsys.readouterr()
    assert main(["diff", str(old), str(new)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["Negotiations: rate 50% -> 40%", "Effects:"]
    # 20 web orders / 40 % = 50 negotiations, / 50 % = 100 nurtured, / 50 % = 200 leads, / 10 % = 2,000 visits
    assert lines[2:] == [
        "  Negotiations: target and forecast 40 -> 50 because the rate of Negotiations went 50% -> 40%",
        "  Nurtured leads: target and forecast 80 -> 100 because the rate of Negotiations went 50% -> 40%",
        "  Leads: target and forecast 160 -> 200 because the rate of Negotiations went 50% -> 40%",
        "  Visits: target and forecast 1,600 -> 2,000 because the rate of Negotiations went 50% -> 40%",
    ]


def test_json_has_numbers_and_period_fields(plans, capsys):
    old, new = plans
    text = new.read_text(encoding="utf-8").replace(
        'countermeasure = "Raise the search ads budget for the core keywords."',
        'countermeasure = "Raise the search ads budget for the core keywords."\n\n[metric.actuals]\n"2026-04" = 130')
    new.write_text(text, encoding="utf-8")
    assert main(["set", str(new), "negotiations.rate=40%", "sales.target=1,200,000,000"]) == 0
    capsys.readouterr()
    assert main(["diff", str(old), str(new), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["same"] is False
    changes = [{k: c[k] for k in ("kind", "metric", "field", "old", "new")} for c in document["changes"]]
    assert changes == [
        {"kind": "changed", "metric": "sales", "field": "target", "old": 1_000_000_000, "new": 1_200_000_000},
        {"kind": "changed", "metric": "negotiations", "field": "rate", "old": 0.5, "new": 0.4},
        {"kind": "changed", "metric": "visits", "field": "actuals.2026-04", "old": None, "new": 130},
    ]
    effects = {(e["metric"], e["field"]): e for e in document["effects"]}
    # 1,200,000,000 / 10,000,000 = 120 orders, 20 % = 24 web orders, / 40 % = 60 negotiations, / 50 % = 120,
    # / 50 % = 240 leads, / 10 % = 2,400 visits
    assert (effects["orders", "target"]["old"], effects["orders", "target"]["new"]) == (100, 120)
    assert (effects["visits", "target"]["old"], effects["visits", "target"]["new"]) == (1600, 2400)
    assert effects["visits", "target"]["because"] == [{"metric": "sales", "field": "target"},
                                                     {"metric": "negotiations", "field": "rate"}]
    assert effects["orders", "target"]["because"] == [{"metric": "sales", "field": "target"}]
    assert effects["visits", "target"]["message"].startswith("Visits: target 1,600 -> 2,400 because")


def test_an_unreadable_file_exits_2_with_its_position(plans, capsys):
    old, new = plans
    new.write_text(new.read_text(encoding="utf-8").replace('rate = "50%"  # close rate', 'rate = "fifty"'),
                   encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 2
    err = capsys.readouterr().err
    assert f"{new}:60:8: error: metric 'negotiations', rate: 'fifty' is not a number" in err
    assert main(["diff", str(old), str(old.with_name("missing.toml"))]) == 2
    assert "missing.toml:1:1: error: no such file" in capsys.readouterr().err
