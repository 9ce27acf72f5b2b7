"""`kpidesk actuals import PLAN FILE.csv`: the files planners export, imported all or nothing."""

import difflib
from decimal import Decimal as D

import pytest

from kpidesk.cli import main
from kpidesk.planfile import load


@pytest.fixture
def plan_path(tmp_path):
    """The btob-web sample with visits and leads named in Japanese."""
    path = tmp_path / "plan.toml"
    assert main(["new", "--template", "btob-web", str(path)]) == 0
    assert main(["set", str(path), "visits.name=訪問数", "leads.name=リード"]) == 0
    return path


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_wide_shift_jis_file_from_japanese_excel(plan_path, tmp_path, capsys):
    csv_path = tmp_path / "実績.csv"
    csv_path.write_bytes(("指標,2026年4月,2026年5月,2026年6月\r\n"
                          '訪問数,"1,200",1300,1400\r\n'
                          "リード,120,130,\r\n"
                          "Negotiations,6,7,8\r\n").encode("cp932"))
    before = plan_path.read_text(encoding="utf-8")
    code, out, err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert (code, err) == (0, "")
    assert out == "imported 8 values for 3 metrics, 2026-04 to 2026-06; 0 changed, 8 new\n"
    plan = load(plan_path).plan
    assert plan.metrics["visits"].actuals == {"2026-04": D(1200), "2026-05": D(1300), "2026-06": D(1400)}
    assert plan.metrics["leads"].actuals == {"2026-04": D(120), "2026-05": D(130)}
    assert plan.metrics["negotiations"].actuals == {"2026-04": D(6), "2026-05": D(7), "2026-06": D(8)}
    after = plan_path.read_text(encoding="utf-8")
    assert '[metric.actuals]\n"2026-04" = 1200\n"2026-05" = 1300\n"2026-06" = 1400\n' in after
    lines = changed_lines(before, after)
    assert not [line for line in lines if line.startswith("-")]  # only lines added
    assert len(lines) == 14  # per metric: the header, a line per value and a blank line


def test_a_long_utf8_file_with_a_byte_order_mark_changes_the_lines_of_its_values(plan_path, tmp_path, capsys):
    assert main(["set", str(plan_path), "visits.actuals.2026-04=900"]) == 0
    text = plan_path.read_text(encoding="utf-8").replace('"2026-04" = 900\n', '"2026-04" = 900  # from GA4\n')
    plan_path.write_text(text, encoding="utf-8")
    csv_path = tmp_path / "actuals.csv"
    csv_path.write_bytes("\ufeffmetric,period,value\r\nvisits,2026-04,1000\r\nvisits,2026/05,\"1,100\"\r\n"
                         "リード,2026年4月,１００\r\n".encode())
    code, out, _err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert code == 0 and out == "imported 3 values for 2 metrics, 2026-04 to 2026-05; 1 changed, 2 new\n"
    lines = changed_lines(text, plan_path.read_text(encoding="utf-8"))
    assert lines[:3] == ["+ [metric.actuals]", '+ "2026-04" = 100', "+ "]  # leads, a new table
    assert lines[3:] == ['- "2026-04" = 900  # from GA4', '+ "2026-04" = 1000  # from GA4', '+ "2026-05" = 1100']
    saved = plan_path.read_bytes()
    code, out, _err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert out == "imported 3 values for 2 metrics, 2026-04 to 2026-05; 0 changed, 0 new, 3 as they were\n"
    assert plan_path.read_bytes() == saved


def test_one_bad_cell_imports_nothing_and_names_row_column_and_value(plan_path, tmp_path, capsys):
    csv_path = tmp_path / "actuals.csv"
    csv_path.write_bytes("指標,2026年4月,2026年5月\n訪問数,1200,1300\nリード,120,12.5\n".encode("cp932"))
    before = plan_path.read_bytes()
    code, out, err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{csv_path}:3:3: error: 2026年5月, metric 'leads': a count must be a whole number ('12.5')",
        f"kpidesk: error: nothing was imported; {plan_path} was not changed",
    ]
    assert plan_path.read_bytes() == before


def test_several_bad_cells_are_all_listed(plan_path, tmp_path, capsys):
    csv_path = tmp_path / "actuals.csv"
    csv_path.write_text("metric;period;value\nvisits;2026-04;-3\nnobody;2026-04;1\nleads;2026-14;2\n",
                        encoding="utf-8")
    before = plan_path.read_bytes()
    code, _out, err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert code == 1 and err.splitlines()[:3] == [
        f"{csv_path}:2:3: error: value, metric 'visits': a count cannot be negative unless the metric allows it "
        "(allow_negative = true) ('-3')",
        f"{csv_path}:3:1: error: metric: no metric has this id or name ('nobody')",
        f"{csv_path}:4:2: error: period: '2026-14': a month is 1 to 12 ('2026-14')",
    ]
    assert plan_path.read_bytes() == before


def test_semicolons_and_thousands_separators_without_a_header(plan_path, tmp_path, capsys):
    csv_path = tmp_path / "actuals.csv"
    csv_path.write_text("visits;2026-04;1,200\nvisits;2026-05;1 300\nunit_price;2026-04;9.500.000\n",
                        encoding="utf-8")
    code, _out, err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert code == 1 and "'9.500.000' is not a number" in err  # a decimal comma is not guessed at
    csv_path.write_text("visits;2026-04;1,200\nvisits;2026-05;1 300\nunit_price;2026-04;9,500,000\n",
                        encoding="utf-8")
    code, out, _err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert code == 0 and out == "imported 3 values for 2 metrics, 2026-04 to 2026-05; 0 changed, 3 new\n"
    plan = load(plan_path).plan
    assert plan.metrics["visits"].actuals == {"2026-04": D(1200), "2026-05": D(1300)}
    assert plan.metrics["unit_price"].actuals == {"2026-04": D(9500000)}
    assert 'target = 10_000_000' in plan_path.read_text(encoding="utf-8")
    assert '"2026-04" = 9_500_000' in plan_path.read_text(encoding="utf-8")


def test_a_name_two_metrics_share_is_refused(plan_path, tmp_path, capsys):
    assert main(["set", str(plan_path), "nurtured.name=リード"]) == 0
    csv_path = tmp_path / "actuals.csv"
    csv_path.write_text("指標,2026-04\nリード,5\n", encoding="utf-8")
    before = plan_path.read_bytes()
    code, _out, err = run(capsys, "actuals", "import", str(plan_path), str(csv_path))
    assert code == 1
    assert f"{csv_path}:2:1: error: 指標: more than one metric has this name: nurtured, leads; write the id " \
           "instead ('リード')" in err
    assert plan_path.read_bytes() == before


def test_a_dry_run_says_what_would_change_and_saves_nothing(plan_path, tmp_path, capsys):
    csv_path = tmp_path / "actuals.csv"
    csv_path.write_text("id,2026-04\nvisits,1000\n", encoding="utf-8")
    before = plan_path.read_bytes()
    code, out, _err = run(capsys, "actuals", "import", "--dry-run", str(plan_path), str(csv_path))
    assert code == 0
    assert out == f"would import 1 value for 1 metric, 2026-04; 0 changed, 1 new (dry run: {plan_path} was not " \
                  "changed)\n"
    assert plan_path.read_bytes() == before


def test_files_that_cannot_be_read_exit_2(plan_path, tmp_path, capsys):
    code, _out, err = run(capsys, "actuals", "import", str(plan_path), str(tmp_path / "missing.csv"))
    assert code == 2 and "cannot read" in err and "missing.csv" in err
    csv_path = tmp_path / "actuals.csv"
    csv_path.write_text("id,2026-04\nvisits,1000\n", encoding="utf-8")
    code, _out, err = run(capsys, "actuals", "import", str(tmp_path / "missing.toml"), str(csv_path))
    assert code == 2 and "no such file" in err


def test_the_help_lists_the_command(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert "actuals import: read actuals per period from a CSV file" in " ".join(capsys.readouterr().out.split())
