"""The command line contract: calc, check, set, new, templates (no Qt on these paths)."""

import json
import subprocess
import sys

import pytest

from kpidesk import paths
from kpidesk.cli import main
from kpidesk.planfile import load


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "plan.toml"
    assert main(["new", "--template", "btob-web", str(path)]) == 0
    return path


def run_json(capsys, path):
    assert main(["calc", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def by_id(document):
    return {m["id"]: m for m in document["metrics"]}


def test_calc_json_has_every_metric_with_numbers(plan_path, capsys):
    document = run_json(capsys, plan_path)
    metrics = by_id(document)
    assert [m["id"] for m in document["metrics"]][:3] == ["sales", "orders", "web_orders"]
    assert metrics["visits"] == metrics["visits"] | {
        "target": 1600, "unit": "visits", "given": False, "forecast": 1600, "gap": 0, "parent": "leads",
    }
    assert metrics["sales"]["given"] is True and isinstance(metrics["sales"]["target"], int)
    assert document["kgi"] == "web_orders"


def test_calc_text_is_tree_indented(plan_path, capsys):
    assert main(["calc", str(plan_path)]) == 0
    out = capsys.readouterr().out
    assert "\n            Visits" in out and "1,600" in out and "Web orders (KGI)" in out


def test_set_rate_and_target_keep_the_file_layout(plan_path, capsys):
    before = plan_path.read_text(encoding="utf-8")
    assert main(["set", str(plan_path), "negotiations.rate=40%", "visits.target=2,000"]) == 0
    after = plan_path.read_text(encoding="utf-8")
    assert 'rate = "40%"  # close rate' in after
    assert before.count("\n") + 1 == after.count("\n")  # one line added (visits target), one replaced
    metrics = by_id(run_json(capsys, plan_path))
    assert metrics["negotiations"]["target"] == 50
    assert metrics["web_orders"]["forecast"] == 20  # 2,000 visits * 10% * 50% * 50% * 40%


def test_set_target_empty_makes_it_derived_again(plan_path, capsys):
    main(["set", str(plan_path), "visits.target=1e3"])
    assert by_id(run_json(capsys, plan_path))["visits"]["given"] is True
    main(["set", str(plan_path), "visits.target="])
    metrics = by_id(run_json(capsys, plan_path))
    assert metrics["visits"]["given"] is False and metrics["visits"]["target"] == 1600


def test_set_share_and_goal_seek(plan_path, capsys):
    assert main(["set", str(plan_path), "web_orders.share=0.25"]) == 0
    assert by_id(run_json(capsys, plan_path))["visits"]["target"] == 2000
    assert main(["set", str(plan_path), "web_orders.share=20%", "visits.target=1000", "visits.rate=solve"]) == 0
    metrics = by_id(run_json(capsys, plan_path))
    assert metrics["visits"]["rate"] == 0.16 and metrics["web_orders"]["forecast"] == 20


@pytest.mark.parametrize("assignment, message", [
    ("visits.rate=140", "outside 0-100 %; write 140% for a percentage"),
    ("nobody.rate=10%", "no metric has the id 'nobody'"),
    ("visits.colour=red", "cannot set 'colour'"),
    ("visits.target=lots", "is not a number"),
    ("visits", "write ID.FIELD=VALUE"),
])
def test_set_refuses_bad_values_and_changes_nothing(plan_path, capsys, assignment, message):
    before = plan_path.read_bytes()
    assert main(["set", str(plan_path), "negotiations.rate=40%", assignment]) == 1
    assert message in capsys.readouterr().err
    assert plan_path.read_bytes() == before


def test_check_exit_codes_and_format(plan_path, tmp_path, capsys):
    assert main(["check", str(plan_path)]) == 0
    main(["set", str(plan_path), "visits.target=1000"])
    capsys.readouterr()
    assert main(["check", str(plan_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    error = next(line for line in lines if ": error: " in line and "[consistency]" in line)
    assert error.startswith(f"{plan_path}:")
    line_number = int(error.split(":")[1])
    assert plan_path.read_text(encoding="utf-8").splitlines()[line_number - 1].startswith(("[[metric]]", "target"))
    broken = tmp_path / "broken.toml"
    broken.write_text("[[metric]\n", encoding="utf-8")
    assert main(["check", str(broken)]) == 2
    assert f"{broken}:1:" in capsys.readouterr().err


def test_templates_are_listed_and_complete(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for name in ("btob-web", "inbound", "marketing-automation"):
        assert name in out
        plan = load(paths.templates()[name]).plan
        assert plan.kgi is not None and plan.kgi.computed.target is not None
        kpis = [m for m in plan.walk() if m.parent is not None]
        assert all(m.source and m.interval for m in kpis), name


def test_headless_commands_do_not_import_qt(plan_path):
    code = (
        "import sys; from kpidesk.cli import main; "
        f"main(['calc', {str(plan_path)!r}]); main(['check', {str(plan_path)!r}]); "
        f"main(['set', {str(plan_path)!r}, 'visits.rate=12%']); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]; "
        "print('QT', bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "QT []" in result.stdout


def test_calc_json_findings_are_codes_with_parameters(plan_path, capsys):
    # 1,000 visits at the sample's rates give 12 web orders against the goal of 20
    assert main(["set", str(plan_path), "visits.target=1000", "negotiations.rate=0%"]) == 0
    capsys.readouterr()
    findings = run_json(capsys, plan_path)["findings"]
    assert findings and all({"code", "params", "message", "severity", "metric", "check"} <= set(f) for f in findings)
    zero = next(f for f in findings if f["code"] == "rate_zero")
    assert zero["metric"] == "negotiations" and zero["field"] == "rate"
    assert zero["params"] == {"parent": "web_orders", "amount": 20, "of": "web_orders"}
    assert zero["message"].startswith("The rate from Negotiations to Web orders is 0 %")


def test_goal_seek_on_the_command_line_meets_the_goal_it_solves_for(plan_path, capsys):
    # 1,190 visits at 10 % are 119 leads; 80 nurtured leads need 80/119 of them: 67.2268... %
    assert main(["set", str(plan_path), "visits.target=1190", "leads.rate=solve"]) == 0
    capsys.readouterr()
    document = run_json(capsys, plan_path)
    metrics = by_id(document)
    assert metrics["leads"]["solved"] is True
    assert metrics["leads"]["rate"] == pytest.approx(80 / 119, abs=1e-12)
    assert (metrics["nurtured"]["forecast"], metrics["web_orders"]["forecast"]) == (80, 20)
    assert [f for f in document["findings"] if f["severity"] == "error"] == []
    assert main(["check", str(plan_path)]) == 0
    assert main(["calc", str(plan_path)]) == 0
    assert "rate 67.23% (solved)" in capsys.readouterr().out
