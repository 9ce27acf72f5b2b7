"""Which language kpidesk speaks: --lang, the window's preference, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG."""

import pytest

from kpidesk import i18n


@pytest.mark.parametrize(("tag", "language"), [
    ("ja", "ja"), ("ja_JP.UTF-8", "ja"), ("ja-JP", "ja"), ("ja_JP.eucJP@euro", "ja"), ("JA", "ja"),
    ("C", "en"), ("C.UTF-8", "en"), ("POSIX", "en"), ("en_GB.UTF-8", "en"),
    ("fr_FR.UTF-8", None), ("fr:ja:en", "ja"), ("de:fr", None),
])
def test_language_of_locale_names(tag, language):
    assert i18n.language_of(tag) == language


@pytest.mark.parametrize(("environ", "language"), [
    ({}, "en"),
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL before LANG
    ({"LANG": "C", "LC_MESSAGES": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "ja_JP.UTF-8", "LC_MESSAGES": "", "LC_ALL": ""}, "ja"),  # empty is unset
    ({"LANGUAGE": "ja", "LC_ALL": "C.UTF-8"}, "ja"),  # LANGUAGE first, as the rule says
    ({"LANGUAGE": "en", "LANG": "ja_JP.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),  # a language kpidesk lacks: English
])
def test_system_language_reads_the_environment_in_order(environ, language):
    assert i18n.system_language(environ) == language


def test_option_then_preference_then_environment():
    env = {"LANG": "ja_JP.UTF-8"}
    assert i18n.language(None, None, env) == "ja"
    assert i18n.language("en", None, env) == "en"
    assert i18n.language(None, "en", env) == "en"
    assert i18n.language("ja", "en", {}) == "ja"
    assert i18n.language(None, "system", env) == "ja"
    assert i18n.language("system", "en", env) == "en"  # --lang system: no option, the preference decides


@pytest.mark.parametrize(("argv", "requested", "rest"), [
    (["--lang", "ja", "calc", "p.toml"], "ja", ["calc", "p.toml"]),
    (["calc", "p.toml", "--lang=en"], "en", ["calc", "p.toml"]),
    (["check", "p.toml"], None, ["check", "p.toml"]),
    (["set", "p.toml", "--", "--lang"], None, ["set", "p.toml", "--", "--lang"]),
])
def test_lang_option_is_taken_wherever_it_stands(argv, requested, rest):
    assert i18n.take_lang_option(argv) == (requested, rest)


@pytest.mark.parametrize("argv", [["--lang"], ["--lang", "fr", "calc"], ["--lang=klingon"]])
def test_lang_option_refuses_what_kpidesk_does_not_speak(argv):
    with pytest.raises(ValueError):
        i18n.take_lang_option(argv)


def test_catalogue_reads_finished_entries_only(tmp_path, monkeypatch):
    ts = tmp_path / "i18n" / "kpidesk_ja.ts"
    ts.parent.mkdir()
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context><name>Cli</name>
<message><source>Metric</source><translation>指標</translation></message>
<message><source>Target</source><translation type="unfinished">目標?</translation></message>
<message><source>Gap</source><translation></translation></message>
<message><source>Old</source><translation type="vanished">古い</translation></message>
</context>
</TS>
""", encoding="utf-8")
    monkeypatch.setattr(i18n.paths, "resources_dir", lambda: tmp_path)
    i18n.catalogue.cache_clear()
    try:
        assert i18n.catalogue("ja") == {("Cli", "Metric"): "指標"}
        translate = i18n.translator("ja")
        assert translate("Cli", "Metric") == "指標"
        assert translate("Cli", "Target") == "Target"  # unfinished: English, as Qt does
        assert i18n.translator("en")("Cli", "Metric") == "Metric"
    finally:
        i18n.catalogue.cache_clear()


def test_the_window_language_is_not_taken_for_the_option(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    try:
        assert i18n.set_language(None) == "en" and i18n.requested() is None
        assert i18n.use_language("ja") == "ja" and i18n.current() == "ja" and i18n.requested() is None
        assert i18n.set_language("ja") == "ja" and i18n.requested() == "ja"
        assert i18n.set_language("system") == "en" and i18n.requested() is None
    finally:
        i18n.set_language(None)
