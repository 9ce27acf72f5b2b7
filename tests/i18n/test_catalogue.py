"""The Japanese translation is complete, keeps every placeholder, and no text of the code escapes it.

``tools/translations.py`` (``python3 dev.py translations``) runs pyside6-lupdate
over the code into resources/i18n/kpidesk_ja.ts and compiles kpidesk_ja.qm.
These tests fail when a new or changed text of the code has no finished
translation, when a translation loses or adds a placeholder, when the
compiled .qm is older than the .ts, and when lupdate would file a text under a
context that Qt never looks up.
"""

import ast
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "kpidesk_ja.ts"
QM = ROOT / "resources" / "i18n" / "kpidesk_ja.qm"
#: {0}, {metric}, {limit:,}, {id!r} (Python's str.format) and %1, %n (Qt's arg()).
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\d+|n)")
#: An accelerator: & before a letter, not && and not an entity such as &nbsp;.
ACCELERATOR = re.compile(r"&(?!&)(?![a-z]+;)(\w)")


def _tools():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tools():
    return _tools()


@pytest.fixture(scope="module")
def entries(tools):
    return tools.entries(TS)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_every_entry_is_finished_and_not_empty(tools, entries):
    assert len(entries) > 500
    assert tools.unfinished("ja") == []


def test_translations_keep_every_placeholder(entries):
    wrong = {key: (placeholders(key[1]), placeholders(tr.text or "")) for key, tr in entries.items()
             if placeholders(key[1]) != placeholders(tr.text or "")}
    assert wrong == {}


def test_translations_keep_accelerators_in_qt_style(entries):
    """'&File' -> 'ファイル(&F)': the same letter, at the end in brackets, as Qt's own Japanese translations."""
    wrong = {}
    for (context, source), translation in entries.items():
        wanted = ACCELERATOR.findall(source)
        if not wanted:
            continue
        text = translation.text or ""
        found = ACCELERATOR.findall(text)
        letter = wanted[0].upper()
        if found != [letter] or f"(&{letter})" not in text:
            wrong[(context, source)] = text
    assert wrong == {}


def test_planners_terms(entries):
    def ja(context, source):
        return entries[(context, source)].text

    assert [ja("MainWindow", s) for s in ("&File", "&Edit", "&View", "&Help")] == \
        ["ファイル(&F)", "編集(&E)", "表示(&V)", "ヘルプ(&H)"]
    assert [ja("PlanTreeModel", s) for s in ("Target", "Actual", "Forecast", "Gap", "Progress")] == \
        ["目標", "実績", "予測", "差異", "進捗"]
    assert [ja("Fields", s) for s in ("Owner", "Data source", "Interval", "Definition", "Countermeasure")] == \
        ["担当", "データソース", "計測頻度", "定義", "対策"]
    assert [ja("Tracking", s) for s in ("ahead", "on track", "behind")] == ["前倒し", "順調", "遅れ"]
    assert ja("Tracking", "Bottleneck: {stage}, at {progress} of its target to date.").startswith("ボトルネック")
    assert "転換率" in ja("PlanTreeModel", "Rate to {0}") and "KGI" in ja("PlanTreeModel", "KGI: the goal of this plan")


def test_the_compiled_qm_is_the_committed_ts(tmp_path, tools):
    fresh = tmp_path / "kpidesk_ja.qm"
    tools.lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run: python3 dev.py translations"


def test_no_text_of_the_code_is_missing_from_the_ts(tools):
    """lupdate over the code into a temporary copy finds nothing the committed .ts lacks."""
    assert tools.missing("ja") == [], "run: python3 dev.py translations, then translate the new entries"


def test_translations_check_command_passes():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _contexts_in_code() -> set[str]:
    """Every context the code translates in: its classes (self.tr) and the first argument of translate calls."""
    found: set[str] = set()
    for path in (ROOT / "kpidesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                found.add(node.name)
            elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in ("translate", "QT_TRANSLATE_NOOP") and isinstance(node.args[0].value, str):
                    found.add(node.args[0].value)
    return found


def test_every_context_is_one_qt_looks_up(entries):
    """A text lupdate files under no class ('tr = self.tr; tr(...)', 'window.tr(...)') is never translated."""
    contexts = {context for context, _source in entries}
    assert "" not in contexts
    assert contexts <= _contexts_in_code(), contexts - _contexts_in_code()


def test_lupdate_finds_the_markers_of_the_qt_free_modules(entries):
    """QT_TRANSLATE_NOOP in the model (named like Qt's macro so that lupdate sees it), the CLI's own words,
    self.tr() in a class and QCoreApplication.translate("Ctx", ...) all reach the .ts in their context."""
    from kpidesk.cli import CALC_HEADERS
    from kpidesk.model import messages, save_messages, schema, tracking_text
    from kpidesk.track_cli import HEADERS

    expected = {("Findings", text) for text in messages.TEMPLATES.values()}
    expected |= {("Explain", text) for text in [*messages.EXPLANATIONS.values(), *messages.RELATION_WORDS.values()]}
    expected |= {("FileErrors", text) for text in [*messages.FILE_ERRORS.values(), *messages.FOUND.values()]}
    expected |= {("EditErrors", text) for text in messages.EDIT_ERRORS.values()}
    expected |= {("SaveErrors", text) for text in save_messages.SAVE_ERRORS.values()}
    expected |= {("Fields", field.label) for field in schema.FIELDS}
    expected |= {("Tracking", text) for text in [*tracking_text.STATUS_WORDS.values(),
                                                 *tracking_text.SENTENCES.values()]}
    expected |= {("Cli", text) for text in [*CALC_HEADERS, *HEADERS] if text}
    expected |= {("MainWindow", "&File"), ("FileGuard", "Reload"), ("KpiTreePrint", "Page {0} of {1}"),
                 ("PreferencesDialog", "Pre&ferences...")}
    assert expected - set(entries) == set()
