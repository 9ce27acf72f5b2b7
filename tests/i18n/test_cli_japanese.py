"""The command line speaks Japanese without Qt: LANG=ja_JP.UTF-8 or --lang ja; --lang en keeps English."""

import os
import subprocess
import sys

import pytest

from kpidesk import i18n
from kpidesk.cli import main


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language(None)


@pytest.fixture
def short_plan(tmp_path):
    """The Japanese sample with visits capped at 1,000: the goal falls short, so check has findings."""
    path = tmp_path / "plan.toml"
    assert main(["--lang", "ja", "new", str(path)]) == 0
    assert main(["set", str(path), "visits.target=1000"]) == 0
    return path


def run(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(environment)
    return subprocess.run([sys.executable, "-m", "kpidesk", *args], env=env, capture_output=True, text=True,
                          timeout=60)


def test_lang_ja_from_the_environment_prints_japanese_findings(short_plan):
    done = run("check", str(short_plan), LANG="ja_JP.UTF-8")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(": error: " in line or ": warning: " in line for line in lines)  # the format scripts read
    shortfall = "KPIをすべて達成してもWeb経由の受注数は 12件 で、目標 20件 に届きません（差異 -8）。 [consistency]"
    assert shortfall in done.stdout
    assert "If every KPI" not in done.stdout


def test_lang_option_overrides_the_environment(short_plan):
    english = run("--lang", "en", "check", str(short_plan), LANG="ja_JP.UTF-8")
    assert "If every KPI is met, Web経由の受注数 reaches 12件, short of the goal 20件 (gap -8)." in english.stdout
    japanese = run("check", str(short_plan), "--lang", "ja", LANG="C.UTF-8")
    assert "目標 20件 に届きません" in japanese.stdout
    c_locale = run("check", str(short_plan), LC_ALL="C", LANG="ja_JP.UTF-8")
    assert "If every KPI is met" in c_locale.stdout  # LC_ALL comes before LANG


def test_calc_headers_and_words_in_japanese(short_plan, capsys):
    assert main(["--lang", "ja", "calc", str(short_plan)]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[1].split()
    assert header == ["指標", "目標", "単位", "転換率／構成比", "予測", "差異", "実績"]
    assert "Web経由の受注数（KGI）" in out and "算出" in out and "入力" in out and "転換率 50%" in out
    assert "エラー: web_orders: KPIをすべて達成しても" in out


def test_errors_in_japanese(short_plan, capsys, tmp_path):
    assert main(["--lang", "ja", "set", str(short_plan), "leads.rate=abc"]) == 1
    assert "kpidesk: エラー: " in (err := capsys.readouterr().err) and "'abc' は数値ではありません" in err
    broken = tmp_path / "broken.toml"
    broken.write_text('[plan]\ntitle = "x"\n[[metric]]\nname = "a"\n', encoding="utf-8")
    assert main(["--lang", "ja", "check", str(broken)]) == 2
    assert "指標の ID がありません" in capsys.readouterr().err
    assert main(["--lang", "fr", "check", str(broken)]) == 2
    assert "--lang fr" in capsys.readouterr().err


def test_track_in_japanese_names_the_fiscal_year(short_plan, capsys):
    text = short_plan.read_text(encoding="utf-8").replace('interval = "週次"', 'interval = "月次"')
    short_plan.write_text(text.replace('id = "negotiations"\n', 'id = "negotiations"\nactual = 3\n'), encoding="utf-8")
    assert main(["--lang", "ja", "track", str(short_plan), "--as-of", "2026-06"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ("Web経由の受注数 2026年度：2026年6月30日時点、期間 2026年度（2026年4月〜2027年3月）")
    assert out.splitlines()[1].split()[:3] == ["指標", "目標（累計）", "実績（累計）"]


def test_json_stays_english_for_scripts(short_plan, capsys):
    import json

    assert main(["--lang", "ja", "calc", str(short_plan), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    english = {"goal_short": "If every KPI is met, ", "given_below_need": "The given target "}
    assert findings and all(f["message"].startswith(english[f["code"]]) for f in findings)


def test_japanese_commands_still_never_import_qt(short_plan):
    code = (
        "import sys; from kpidesk.cli import main; "
        f"main(['--lang', 'ja', 'calc', {str(short_plan)!r}]); main(['--lang', 'ja', 'check', {str(short_plan)!r}]); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]; "
        "print('QT', bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "QT []" in result.stdout
