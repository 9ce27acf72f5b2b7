"""File > Compare With (another file, the backup, the last commit) and the "changed on disk" listing."""

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kpidesk import paths
from kpidesk.gui.file_guard import FileGuard
from kpidesk.gui.plan_compare import changes_on_disk
from kpidesk.gui.tree_model import ChangedRole, Column
from kpidesk.planfile import loads

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")


@pytest.fixture
def saved(sample_window, tmp_path):
    """The sample plan saved twice, so that a backup of the first save lies beside it."""
    path = tmp_path / "plan.toml"
    sample_window.document.save_as(path)
    sample_window.document.save()
    return sample_window, path


def row(win, metric_id, role, column=Column.NAME):
    return win.model.data(win.model.index_of(win.document.plan.metrics[metric_id], column), role)


def test_the_file_menu_has_compare_with_after_revert(sample_window):
    texts = [a.text() for a in sample_window.file_menu.actions()]
    assert texts[texts.index("Re&vert to Saved") + 1] == "Compare &With"


def test_compare_with_the_backup_lists_and_marks_the_changes(saved, dialogs):
    win, path = saved
    assert (path.parent / "plan.toml.bak").exists()
    win.document.set_rate("negotiations", "40")
    actions = win.compare_actions
    actions.update_actions()
    assert actions.backup_action.isEnabled() and not actions.clear_action.isEnabled()
    diff = actions.compare_backup()
    assert [(c.metric, c.field) for c in diff.changes] == [("negotiations", "rate")]
    assert dialogs[-1] == ("dialog", "Compare With plan.toml.bak", "DiffDialog")
    # the rate's row and the rows it moved are marked; the rest are not
    assert row(win, "negotiations", ChangedRole)[0] == "Negotiations: rate 50% -> 40%"
    assert row(win, "visits", ChangedRole) == [
        "Visits: target 1,600 -> 2,000 because the rate of Negotiations went 50% -> 40%",
        "Visits: forecast 1,600 -> 2,000 because the rate of Negotiations went 50% -> 40%"]
    assert row(win, "sales", ChangedRole) is None and row(win, "sales", Qt.ItemDataRole.BackgroundRole) is None
    assert row(win, "visits", Qt.ItemDataRole.BackgroundRole, Column.TARGET) is not None
    assert "Visits: target 1,600 -> 2,000" in row(win, "visits", Qt.ItemDataRole.ToolTipRole)
    actions.update_actions()
    assert actions.clear_action.isEnabled()
    actions.clear_action.trigger()
    assert row(win, "visits", ChangedRole) is None


def test_compare_with_another_file(saved, tmp_path):
    win, _path = saved
    other = tmp_path / "other.toml"
    other.write_text(TEMPLATE.replace('name = "Visits"', 'name = "Sessions"'), encoding="utf-8")
    diff = win.compare_actions.compare_file(str(other))
    assert [(c.kind.value, c.old, c.new) for c in diff.changes] == [("renamed", "Sessions", "Visits")]
    assert row(win, "visits", ChangedRole) == ["Sessions: renamed to Visits"]


def test_an_unreadable_file_is_refused(saved, tmp_path, dialogs):
    win, _path = saved
    broken = tmp_path / "broken.toml"
    broken.write_text("[[metric]]\nid = 1\n", encoding="utf-8")
    assert win.compare_actions.compare_file(str(broken)) is None
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("warning", "Compare With") and "broken.toml:2:" in text


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_compare_with_the_last_commit(saved, monkeypatch, dialogs):
    win, path = saved
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(path.parent / "gitconfig"))

    def git(*args):
        subprocess.run(["git", "-C", str(path.parent), *args], check=True, capture_output=True)

    assert win.compare_actions.compare_commit() is None  # not a repository yet
    assert dialogs[-1][0] == "warning" and "no committed version" in dialogs[-1][2]
    git("init", "-q")
    git("-c", "user.name=P", "-c", "user.email=p@example.com", "add", "plan.toml")
    git("-c", "user.name=P", "-c", "user.email=p@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "a")
    win.document.set_field("negotiations", "owner", "Field sales")
    diff = win.compare_actions.compare_commit()
    assert [(c.metric, c.field, c.old, c.new) for c in diff.changes] == [
        ("negotiations", "owner", "Inside sales", "Field sales")]
    assert dialogs[-1][1] == "Compare With the last commit"


def test_changed_on_disk_lists_theirs_and_the_unsaved_changes():
    base = TEMPLATE
    mine = loads(base).plan
    mine.set_field(mine.metrics["visits"], "owner", "Growth team")
    disk = base.replace('rate = "50%"  # close rate', 'rate = "40%"  # close rate')
    text = changes_on_disk(base, mine, "", disk, "plan.toml")
    lines = text.splitlines()
    assert lines[:2] == ["Changed in the file on disk since it was read here:", "  Negotiations: rate 50% -> 40%"]
    assert "    Visits: target and forecast 1,600 -> 2,000 because the rate of Negotiations went 50% -> 40%" in lines
    at = lines.index("Your unsaved changes (reloading loses them):")
    assert lines[at + 1:] == ['  Visits: owner "SEO and ads" -> "Growth team"']


def test_changed_on_disk_falls_back_to_text_for_a_file_that_is_no_plan():
    text = changes_on_disk(TEMPLATE, loads(TEMPLATE).plan, TEMPLATE, "not = [toml", "plan.toml")
    assert text.startswith("The file on disk is not a plan kpidesk can read:\nplan.toml (on disk):1:")
    assert "-not = [toml" in text and "(on disk)" in text  # the text diff, disk to window


def test_the_guard_shows_the_semantic_changes(qtbot, tmp_path: Path):
    from kpidesk.gui.document import Document

    path = tmp_path / "plan.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    document = Document()
    guard = FileGuard(document, folder=tmp_path / "recovery", delay_ms=50)
    guard.auto_prompt = False
    document.open(path)
    path.write_text(TEMPLATE.replace('rate = "10%"', 'rate = "12%"'), encoding="utf-8")
    assert guard.diff().splitlines()[1] == "  Visits: rate 10% -> 12%"
    guard.close()
