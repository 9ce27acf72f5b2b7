"""What the commands print never carries a terminal's escape codes: names, titles and file names are escaped.

The file reader refuses control characters in a plan's texts; these tests put
them where the rules cannot see them (a plan changed in memory, a file name),
to show that the printing itself is safe.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpidesk import cli_output, planfile
from kpidesk.cli import main
from kpidesk.model.characters import forbidden

NASTY = {"visits": "Visits\x1b[31m RED", "leads": "Leads\x00\nnew line", "web_orders": "\u202eWeb orders",
         "negotiations": "Nego\x9b2J"}


def lines_are_clean(text: str) -> bool:
    return all(forbidden(line) is None for line in text.split("\n"))


@pytest.fixture
def nasty_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample, read as usual, with names no file may hold put in memory behind the rules' back."""
    path = tmp_path / "plan.toml"
    assert main(["new", "--template", "btob-web", str(path)]) == 0
    real_load = planfile.load

    def load(name: str) -> planfile.PlanFile:
        plan_file = real_load(name)
        for metric_id, text in NASTY.items():
            plan_file.plan.metrics[metric_id].name = text
        plan_file.plan.metrics["visits"].unit = "\x1b]0;title\x07"
        plan_file.plan.info["title"] = "\x1b[2JPlan"
        return plan_file

    monkeypatch.setattr(cli_output, "load", load)
    return path


@pytest.mark.parametrize("command", [["calc"], ["check"], ["track", "--as-of", "2026-06"]])
def test_names_are_printed_escaped(nasty_plan: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    main([command[0], str(nasty_plan), *command[1:]])
    captured = capsys.readouterr()
    assert lines_are_clean(captured.out) and lines_are_clean(captured.err)
    if command[0] != "check":
        assert "Visits\\x1b[31m RED" in captured.out and "\\u202eWeb orders" in captured.out
        assert "Leads\\x00\\x0anew line" in captured.out  # one row still: the table keeps its shape


def test_the_calc_table_keeps_its_rows_and_columns(nasty_plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["calc", str(nasty_plan)])
    title, header, rule, *rows = capsys.readouterr().out.split("\n\n")[0].splitlines()
    assert title == "\\x1b[2JPlan" and len(rows) == len(planfile.load(nasty_plan).plan.metrics)
    end = header.index("Target") + len("Target")
    assert all(row[end - 1].isdigit() for row in rows)  # every target ends under the header's end


def test_json_gives_the_names_back_exactly_and_prints_none_raw(nasty_plan: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["calc", str(nasty_plan), "--json"], ["track", str(nasty_plan), "--as-of", "2026-06", "--json"]):
        assert main(command) == 0
        out = capsys.readouterr().out
        assert lines_are_clean(out)
        names = {row["id"]: row["name"] for row in json.loads(out)["metrics"]}
        assert {key: names[key] for key in NASTY} == NASTY


def test_a_file_name_with_escape_codes_is_printed_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan\x1b[31m.toml"
    assert main(["check", str(path)]) == cli_output.EXIT_UNREADABLE
    error = capsys.readouterr().err
    assert "plan\\x1b[31m.toml" in error and lines_are_clean(error)
    assert main(["new", str(path)]) == 0
    assert main(["calc", str(path)]) == 0  # a plan without a title: the file name is its title
    out = capsys.readouterr().out
    assert lines_are_clean(out) and "plan\\x1b[31m.toml" in out
