"""Plans in a real git repository: ``git-setup``, the textconv, and ``git merge`` through the merge driver.

Git runs the driver as a command (``python -m kpidesk merge-driver``); the
tests give it this checkout on PYTHONPATH and an empty global configuration,
so that nothing of the machine's git set-up takes part.
"""

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import kpidesk
from kpidesk.cli import main
from kpidesk.planfile import load

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CHECKOUT = str(Path(kpidesk.__file__).resolve().parent.parent)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """An empty repository with a committed sample plan, git isolated from the machine's configuration."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [CHECKOUT, os.environ.get("PYTHONPATH")])))
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(key, raising=False)
    path = tmp_path / "repo"
    path.mkdir()
    monkeypatch.chdir(path)
    git("init", "-q", "-b", "main")
    git("config", "user.name", "Planner")
    git("config", "user.email", "planner@example.com")
    git("config", "commit.gpgsign", "false")
    assert main(["new", "--template", "btob-web", "plan.toml"]) == 0
    git("add", "plan.toml")
    git("commit", "-q", "-m", "the plan")
    return path


def git(*args, check=True):
    result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {result.stdout}{result.stderr}")
    return result


def replace(path, old, new):
    text = Path(path).read_text(encoding="utf-8")
    assert old in text
    Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path, text):
    with Path(path).open("a", encoding="utf-8") as file:
        file.write(text)


def branches(ours, theirs):
    """Commit ``theirs`` on a branch and ``ours`` on main, then merge the branch into main."""
    git("checkout", "-q", "-b", "theirs")
    theirs()
    git("commit", "-q", "-am", "theirs")
    git("checkout", "-q", "main")
    ours()
    git("commit", "-q", "-am", "ours")
    return git("merge", "--no-edit", "theirs", check=False)


def close_rate(value):
    return lambda: replace("plan.toml", 'rate = "50%"  # close rate', f'rate = "{value}"  # close rate')


def owner():
    replace("plan.toml", 'owner = "Inside sales"', 'owner = "Field sales"')


def setup(capsys, *args):
    assert main(["git-setup", *args]) == 0
    return capsys.readouterr().out


def test_setup_writes_the_drivers_and_the_attribute_once(repo, capsys):
    out = setup(capsys)
    assert "set: git config merge.kpidesk.driver" in out and "added to" in out
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "*.toml diff=kpidesk merge=kpidesk\n"
    driver = git("config", "--get-all", "merge.kpidesk.driver").stdout.strip()
    assert driver.endswith("-m kpidesk merge-driver %O %A %B %L %P") and os.path.isabs(driver.split()[0].strip("'"))
    assert git("config", "--get-all", "diff.kpidesk.textconv").stdout.strip().endswith("-m kpidesk textconv")
    again = setup(capsys)
    assert "set:" not in again and "added" not in again
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "*.toml diff=kpidesk merge=kpidesk\n"
    assert len(git("config", "--get-all", "merge.kpidesk.driver").stdout.splitlines()) == 1


def test_setup_global_outside_a_repository(tmp_path, repo, capsys, monkeypatch):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert main(["git-setup"]) == 2
    assert "not inside a git work tree" in capsys.readouterr().err
    setup(capsys, "--global")
    attributes = Path(os.environ["XDG_CONFIG_HOME"]) / "git" / "attributes"
    assert attributes.read_text(encoding="utf-8") == "*.toml diff=kpidesk merge=kpidesk\n"
    assert "merge-driver" in git("config", "--global", "--get", "merge.kpidesk.driver").stdout


def test_adjacent_lines_conflict_without_the_driver(repo):
    # the reason for the driver: git alone sees the rate and the owner on neighbouring lines
    result = branches(owner, close_rate("40%"))
    assert result.returncode != 0 and "CONFLICT" in result.stdout


def test_adjacent_fields_merge_cleanly_with_the_driver(repo, capsys):
    setup(capsys)
    git("add", ".gitattributes")
    git("commit", "-q", "-m", "kpidesk merges plans")
    result = branches(owner, close_rate("40%"))
    assert result.returncode == 0, result.stdout + result.stderr
    negotiations = load(repo / "plan.toml").plan.metrics["negotiations"]
    assert (str(negotiations.rate), negotiations.owner) == ("0.4", "Field sales")
    text = (repo / "plan.toml").read_text(encoding="utf-8")
    assert 'rate = "40%"  # close rate\nowner = "Field sales"' in text  # our comment and layout stay
    assert not list(repo.glob("*.bak")) and not list(repo.glob(".merge_file*"))


def test_metrics_added_on_both_branches_are_both_kept(repo, capsys):
    setup(capsys)
    git("add", ".gitattributes")
    git("commit", "-q", "-m", "kpidesk merges plans")
    result = branches(lambda: append("plan.toml", '\n[[metric]]\nid = "ads"\nparent = "visits"\nname = "Ad clicks"\n'),
                      lambda: append("plan.toml", '\n[[metric]]\nid = "seo"\nparent = "visits"\nname = "Organic"\n'))
    assert result.returncode == 0, result.stdout + result.stderr
    plan = load(repo / "plan.toml").plan
    assert [m.id for m in plan.metrics["visits"].children] == ["ads", "seo"]


def test_the_same_field_on_both_branches_is_a_conflict(repo, capsys):
    setup(capsys)
    git("add", ".gitattributes")
    git("commit", "-q", "-m", "kpidesk merges plans")
    result = branches(close_rate("45%"), close_rate("40%"))
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "plan.toml: conflict: Negotiations (negotiations), rate: changed on both sides: ours 45%, theirs 40% " \
           "(was 50%)" in said
    assert load(repo / "plan.toml").plan.metrics["negotiations"].rate == Decimal("0.45")  # a plan still, ours kept
    assert "plan.toml" in git("diff", "--name-only", "--diff-filter=U").stdout


def test_a_toml_file_that_is_no_plan_merges_as_git_would(repo, capsys):
    setup(capsys)
    Path("tool.toml").write_text("[tool]\nname = 'a'\nlevel = 1\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "a tool file")
    result = branches(lambda: replace("tool.toml", "level = 1", "level = 2"),
                      lambda: replace("tool.toml", "level = 1", "level = 3"))
    assert result.returncode != 0
    text = Path("tool.toml").read_text(encoding="utf-8")
    assert "<<<<<<< ours\nlevel = 2\n=======\nlevel = 3\n>>>>>>> theirs\n" in text


def test_git_diff_shows_the_metric_of_each_changed_field(repo, capsys):
    setup(capsys)
    assert main(["set", "plan.toml", "negotiations.rate=40%"]) == 0
    diff = git("diff", "plan.toml").stdout
    assert "-negotiations.rate = 50%\n+negotiations.rate = 40%\n" in diff


def test_textconv_prints_a_file_that_is_no_plan_as_it_is(repo, capsys):
    Path("tool.toml").write_text("[tool]\nname = 'a'\n", encoding="utf-8")
    assert main(["textconv", "tool.toml"]) == 0
    assert capsys.readouterr().out == "[tool]\nname = 'a'\n"
    assert main(["textconv", "plan.toml"]) == 0
    assert "negotiations.rate = 50%\n" in capsys.readouterr().out
