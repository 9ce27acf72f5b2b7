"""The Japanese templates: the same plans as the English ones (ids, numbers, results), in Japanese words."""

import re

import pytest

from kpidesk import i18n, paths
from kpidesk.cli import main
from kpidesk.model.checks import run_checks
from kpidesk.model.limits import MAX_NAME_LENGTH
from kpidesk.planfile import load, save

NAMES = ("btob-web", "inbound", "marketing-automation")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
TEXT_FIELDS = ("name", "source", "interval", "definition", "countermeasure", "owner")


@pytest.mark.parametrize("name", NAMES)
def test_same_plan_as_the_english_template(name):
    english, japanese = load(paths.templates("en")[name]), load(paths.templates("ja")[name])
    assert paths.templates("ja")[name].parent.name == "ja"
    assert [m.id for m in english.plan.walk()] == [m.id for m in japanese.plan.walk()]
    for metric in english.plan.walk():
        twin = japanese.plan.metrics[metric.id]
        for field in ("target", "rate", "share", "kind", "better", "relation", "formula", "solve_rate", "actual"):
            assert getattr(twin, field) == getattr(metric, field), (metric.id, field)
        assert (twin.computed.target, twin.computed.forecast, twin.computed.gap) == \
            (metric.computed.target, metric.computed.forecast, metric.computed.gap), metric.id
        assert twin.parent is None if metric.parent is None else twin.parent.id == metric.parent.id
    for key in ("currency", "start", "end", "kgi"):
        assert japanese.plan.info.get(key) == english.plan.info.get(key)
    assert [(f.code, f.metric) for f in run_checks(japanese.plan)] == \
        [(f.code, f.metric) for f in run_checks(english.plan)]


@pytest.mark.parametrize("name", NAMES)
def test_written_in_japanese_with_japanese_comments(name):
    path = paths.templates("ja")[name]
    text = path.read_text(encoding="utf-8")
    plan = load(path).plan
    assert JAPANESE.search(str(plan.info["title"])) and plan.info["period"] == "2026年度"
    for metric in plan.walk():
        assert len(metric.name) <= MAX_NAME_LENGTH
        for field in TEXT_FIELDS:
            value = getattr(metric, field)
            assert not value or JAPANESE.search(value), (metric.id, field, value)
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#") or "  # " in line]
    assert comments and all(JAPANESE.search(line) for line in comments)


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_byte_identical(name, tmp_path):
    source = paths.templates("ja")[name]
    target = tmp_path / "plan.toml"
    target.write_bytes(source.read_bytes())
    save(load(target), target)
    assert target.read_bytes() == source.read_bytes()


def test_language_chooses_the_template_and_names_choose_either(tmp_path, capsys, monkeypatch):
    assert paths.template("btob-web", "ja") == paths.templates("ja")["btob-web"]
    assert paths.template("ja/inbound", "en").parent.name == "ja"
    assert paths.template("en/inbound", "ja").parent.name == "templates"
    assert paths.template("xx/inbound") is None and paths.template("nothing") is None
    try:
        assert main(["--lang", "ja", "new", str(tmp_path / "a.toml")]) == 0  # the default, in Japanese
        assert main(["--lang", "en", "new", "--template", "ja/inbound", str(tmp_path / "b.toml")]) == 0
        assert main(["--lang", "ja", "templates"]) == 0
    finally:
        i18n.set_language(None)
    assert load(tmp_path / "a.toml").plan.info["title"] == "Web経由の受注数 2026年度"
    assert load(tmp_path / "b.toml").plan.info["title"] == "インバウンドのMQL数 2026年度"
    listed = capsys.readouterr().out
    assert "marketing-automation" in listed and "育成からの商談数 2026年度" in listed
