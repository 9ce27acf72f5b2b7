"""The start-up check that refuses a PySide6 known to crash this Python, and the dependency markers behind it."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from PySide6.QtWidgets import QApplication

from kpidesk import cli, qtcheck
from kpidesk.render import cli as export_cli

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = "PySide6 6.12.0 crashes Python 3.11 (test)"


def test_the_known_bad_release_is_refused_on_python_311_only() -> None:
    message = qtcheck.known_problem((3, 11, 7), "6.12.0")
    assert message and "6.12.0" in message and "3.11" in message and "!=6.12.0" in message
    assert qtcheck.known_problem((3, 12, 1), "6.12.0") is None  # None and True are immortal there
    assert qtcheck.known_problem((3, 11, 7), "6.11.3") is None


def test_the_probe_sees_a_call_that_takes_a_reference_from_none() -> None:
    nones = [None] * 1000
    assert qtcheck.loses_references(nones.pop, None)  # each pop hands back a reference it owned: the bug's shape
    assert not qtcheck.loses_references(lambda: None, None)


def test_the_pyside6_these_tests_run_on_passes_the_check() -> None:
    assert qtcheck.problem() is None


def test_importing_the_window_code_raises_a_clear_import_error(monkeypatch) -> None:
    monkeypatch.setattr(qtcheck, "problem", lambda: MESSAGE)
    with pytest.raises(ImportError, match="crashes Python"):
        qtcheck.require()


def test_the_window_command_refuses_before_opening_a_window(monkeypatch, capsys) -> None:
    monkeypatch.setattr(qtcheck, "problem", lambda: MESSAGE)
    before = len(QApplication.topLevelWidgets())
    assert cli.main([]) == cli.EXIT_UNREADABLE
    assert f"the window cannot start: {MESSAGE}" in capsys.readouterr().err
    assert len(QApplication.topLevelWidgets()) == before


def test_export_refuses_before_drawing(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setattr(qtcheck, "problem", lambda: MESSAGE)
    out = tmp_path / "tree.pdf"
    plan = ROOT / "resources" / "templates" / "btob-web.toml"
    assert export_cli.main([str(plan), "--pdf", str(out)]) == export_cli.EXIT_UNREADABLE
    assert MESSAGE in capsys.readouterr().err
    assert not out.exists()


def _pyside_requirements() -> list[Requirement]:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return [r for r in map(Requirement, dependencies) if r.name.lower() == "pyside6-essentials"]


def _allowed(version: str, python: str) -> bool:
    """Whether pip may install PySide6 ``version`` on ``python`` under pyproject.toml's requirements."""
    environment = {"python_version": python, "python_full_version": python + ".0"}
    applying = [r for r in _pyside_requirements() if r.marker is None or r.marker.evaluate(environment)]
    assert applying, f"no PySide6 requirement applies on Python {python}"
    return all(r.specifier.contains(version, prereleases=True) for r in applying)


@pytest.mark.parametrize("bad", sorted(qtcheck.KNOWN_BAD))
def test_pyproject_excludes_every_known_bad_release_where_it_crashes(bad: str) -> None:
    assert not _allowed(bad, "3.11")
    assert _allowed(bad, "3.12") and _allowed(bad, "3.13")
    assert _allowed("6.11.3", "3.11")


def test_this_interpreter_is_one_the_markers_cover() -> None:
    assert _allowed("6.11.3", f"{sys.version_info[0]}.{sys.version_info[1]}")
