"""The command line says why a save failed, and what a save could not keep, in the planner's language.

In English as before the codes; with LANG=ja_JP.UTF-8 in Japanese, through kpidesk.i18n (no Qt).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from read_only import read_only_folder

from kpidesk import i18n
from kpidesk.cli import main

METRICS_NOTE_EN = ("the metrics were an inline array (metric = [...]); they are written as [[metric]] tables now, "
                   "every value kept (comments inside the array could not be kept)")
METRICS_NOTE_JA = ("指標がインライン配列（metric = [...]）で書かれていたため、[[metric]] テーブルに書き直しました。"
                   "値はすべてそのままです（配列内のコメントは残せませんでした）")


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language(None)


def speak(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The environment of a planner whose LANG is ``lang`` (no LANGUAGE, LC_ALL or LC_MESSAGES)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    i18n.set_language(None)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    assert main(["--lang", "en", "new", str(path)]) == 0
    return path


@pytest.fixture
def read_only_plan_folder(plan: Path, monkeypatch: pytest.MonkeyPatch):
    """The plan's folder made read-only for the test."""
    with read_only_folder(plan.parent, monkeypatch) as folder:
        yield folder


@pytest.mark.unprivileged
@pytest.mark.parametrize("lang, expected", [
    ("C.UTF-8", "kpidesk: error: cannot save {plan}: kpidesk may not write in {folder}: the folder is read-only or "
                "belongs to someone else; the file was not changed\n"),
    ("ja_JP.UTF-8", "kpidesk: エラー: {plan} を保存できません: kpidesk は {folder} に書き込めません。フォルダーが"
                    "読み取り専用か、別のユーザーのものです。ファイルは変更していません\n"),
])
def test_set_in_a_read_only_folder_says_why_in_the_planners_language(
        plan: Path, read_only_plan_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys, lang: str,
        expected: str) -> None:
    before = plan.read_bytes()
    capsys.readouterr()
    speak(monkeypatch, lang)
    assert main(["set", str(plan), "visits.rate=20%"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", expected.format(plan=plan, folder=read_only_plan_folder))
    assert plan.read_bytes() == before


@pytest.mark.parametrize("lang, line", [
    ("C.UTF-8", f"kpidesk: warning: inline.toml: {METRICS_NOTE_EN}.\n"),
    ("ja_JP.UTF-8", f"kpidesk: 警告: inline.toml: {METRICS_NOTE_JA}。\n"),
])
def test_what_a_save_could_not_keep_is_said_in_the_planners_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, lang: str, line: str) -> None:
    speak(monkeypatch, lang)
    inline = 'metric = [{id = "goal", name = "Goal", target = 1_000}]\n'
    path = tmp_path / "inline.toml"
    path.write_text(inline, encoding="utf-8")
    assert main(["set", str(path), "goal.target=2000"]) == 0
    assert capsys.readouterr() == ("", line)
    path.write_text(inline, encoding="utf-8")  # an import of actuals saves too, and says so too
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("metric,period,value\ngoal,2026-04,3\n", encoding="utf-8")
    assert main(["actuals", "import", str(path), str(actuals)]) == 0
    out, err = capsys.readouterr()
    assert err == line and out.count("\n") == 1
    assert "[[metric]]" in path.read_text(encoding="utf-8")
