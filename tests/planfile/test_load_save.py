"""load() and save(): the errors of files that cannot be read, and what a save writes, checks and remembers."""

from __future__ import annotations

import errno
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.model.reasons import reason
from kpidesk.planfile import FileChanged, PlanFile, PlanFileError, dominant_newline, load, loads, save
from kpidesk.storage.atomic import SaveError

PLAN = ('format_version = "1.0"\n\n[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\n\n'
        '[[metric]]\nid = "leads"\nparent = "goal"\nname = "Leads"\nrate = "10%"\n')
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(PLAN.encode("utf-8"))
    return path


def set_rate(plan_file: PlanFile, rate: str) -> None:
    plan_file.plan.set_field(plan_file.plan.metrics["leads"], "rate", Decimal(rate))


def load_error(path: Path) -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        load(path)
    return info.value


# ---- load ----------------------------------------------------------------------------------
def test_a_missing_file_and_a_folder_are_errors_at_line_one_column_one(tmp_path: Path) -> None:
    for path, words in ((tmp_path / "missing.toml", "no such file"), (tmp_path, "this is a folder, not a plan file")):
        error = load_error(path)
        assert error.filename == str(path)
        assert str(error) == f"{path}:1:1: error: {words}"
        assert (error.first.line, error.first.column) == (1, 1)


@pytest.mark.parametrize("exc, detail, number", [
    (PermissionError(errno.EACCES, "Permission denied"), "Permission denied", errno.EACCES),
    (OSError(errno.EIO, "Input/output error"), "Input/output error", errno.EIO),
    (OSError("the drive went away"), "the drive went away", 0),
])
def test_a_file_that_cannot_be_read_gives_the_systems_words_and_number(
        plan_path: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError, detail: str, number: int) -> None:
    real_read = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self == plan_path:
            raise exc
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    error = load_error(plan_path)
    assert error.filename == str(plan_path)
    assert [(p.line, p.column, p.code, p.params) for p in error.problems] == \
        [(1, 1, "cannot_read", {"detail": detail, "errno": number})]
    assert str(error) == f"{plan_path}:1:1: error: cannot read the file: {detail}"


def test_errors_in_a_file_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'[[metric]]\nid = "a"\nname = "A"\nrate = "x"\n')
    assert str(load_error(bad)).startswith(f"{bad}:4:8: error: ")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'[[metric]]\nid = "a"\nname = "\xc4"\n')
    error = load_error(latin)
    assert error.filename == str(latin) and str(error) == f"{latin}:3:9: error: the file is not UTF-8 text"


def test_a_loaded_file_knows_its_path_byte_order_mark_and_hash(plan_path: Path) -> None:
    plain = load(plan_path)
    assert plain.path == plan_path and plain.bom is False and plain.text == PLAN
    assert plain.base_sha256 == hashlib.sha256(PLAN.encode()).hexdigest()
    plan_path.write_bytes(BOM + PLAN.encode())
    marked = load(plan_path)
    assert marked.bom is True and marked.text == PLAN
    assert marked.base_sha256 == hashlib.sha256(BOM + PLAN.encode()).hexdigest()


def test_the_byte_order_mark_is_written_only_when_the_file_had_one(plan_path: Path) -> None:
    assert load(plan_path).encoded() == PLAN.encode()
    plan_path.write_bytes(BOM + PLAN.encode())
    assert load(plan_path).encoded() == BOM + PLAN.encode()


def test_the_dominant_line_ending_is_the_one_most_lines_use() -> None:
    assert dominant_newline("a\r\nb\r\nc\n") == "\r\n"
    assert dominant_newline("a\r\nb\n") == "\n"  # a tie stays with "\n"
    assert dominant_newline("a\r\nb\nc\nd\n") == "\n"
    assert dominant_newline("no line ends") == "\n"


# ---- save ----------------------------------------------------------------------------------
def test_a_save_writes_where_the_plan_came_from_and_keeps_a_backup(plan_path: Path) -> None:
    plan_file = load(plan_path)
    set_rate(plan_file, "0.2")
    assert save(plan_file) == plan_path
    written = plan_path.read_text(encoding="utf-8")
    assert written == PLAN.replace('rate = "10%"', 'rate = "20%"')
    assert (plan_path.parent / "plan.toml.bak").read_text(encoding="utf-8") == PLAN
    assert plan_file.text == written and plan_file.path == plan_path
    assert plan_file.base_sha256 == hashlib.sha256(written.encode()).hexdigest()


def test_a_save_without_backup_leaves_none(plan_path: Path) -> None:
    plan_file = load(plan_path)
    set_rate(plan_file, "0.2")
    save(plan_file, backup=False)
    assert sorted(p.name for p in plan_path.parent.iterdir()) == ["plan.toml"]


def test_save_as_writes_the_new_file_and_the_plan_is_that_files_now(plan_path: Path) -> None:
    plan_file = load(plan_path)
    other = plan_path.parent / "copy.toml"
    other.write_text("someone else's file\n", encoding="utf-8")  # replaced on purpose: Save As over it
    set_rate(plan_file, "0.3")
    assert save(plan_file, other) == other
    assert plan_path.read_text(encoding="utf-8") == PLAN
    assert 'rate = "30%"' in other.read_text(encoding="utf-8")
    assert plan_file.path == other and plan_file.text == other.read_text(encoding="utf-8")


def test_a_plan_never_saved_needs_a_name() -> None:
    with pytest.raises(ValueError, match="^the plan has no file name yet$"):
        save(loads(PLAN))


def test_a_file_changed_by_someone_else_is_not_overwritten_then_or_after_a_save(plan_path: Path) -> None:
    plan_file = load(plan_path)
    set_rate(plan_file, "0.2")
    save(plan_file)
    theirs = PLAN.replace("Goal", "Their goal")
    plan_path.write_text(theirs, encoding="utf-8")  # after our save: the version we saved is gone
    set_rate(plan_file, "0.4")
    with pytest.raises(FileChanged):
        save(plan_file)
    assert plan_path.read_text(encoding="utf-8") == theirs


def test_a_byte_order_mark_is_kept_and_not_part_of_the_text(plan_path: Path) -> None:
    plan_path.write_bytes(BOM + PLAN.encode())
    plan_file = load(plan_path)
    set_rate(plan_file, "0.2")
    save(plan_file)
    data = plan_path.read_bytes()
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    assert plan_file.text == data[3:].decode("utf-8")


def test_text_that_does_not_read_back_is_not_written(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_file = load(plan_path)
    monkeypatch.setattr(PlanFile, "encoded", lambda self: PLAN.split("\n\n[[metric]]\nid = \"leads\"")[0].encode())
    with pytest.raises(SaveError) as info:
        save(plan_file)
    assert str(info.value) == ("The plan was not saved: the text made for plan.toml does not read back as this plan "
                               "(metric 'leads' would be missing). plan.toml and its backup were left as they were.")
    assert info.value.path == plan_path
    assert plan_path.read_text(encoding="utf-8") == PLAN and not (plan_path.parent / "plan.toml.bak").exists()


def test_a_reshaped_file_says_so_once_after_its_save(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text('metric = [{id = "goal", name = "Goal", target = 1_000}]\n', encoding="utf-8")
    plan_file = load(path)
    save(plan_file, backup=False)
    assert [str(w) for w in plan_file.save_warnings] == [
        "inline.toml: the metrics were an inline array (metric = [...]); they are written as [[metric]] tables now, "
        "every value kept (comments inside the array could not be kept)."]
    assert plan_file.reshaped == []
    save(plan_file, backup=False)
    assert plan_file.save_warnings == []


def test_warnings_of_the_write_itself_are_passed_on(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kpidesk.planfile as planfile

    kept = [reason("owner_not_kept", name="plan.toml")]
    monkeypatch.setattr(planfile, "replace_unless_changed", lambda *args, **kwargs: kept)
    plan_file = load(plan_path)
    save(plan_file)
    assert plan_file.save_warnings == kept


def test_mark_saved_keeps_the_path_unless_given_one(plan_path: Path) -> None:
    plan_file = load(plan_path)
    plan_file.mark_saved("x = 1\n")
    assert (plan_file.text, plan_file.path) == ("x = 1\n", plan_path)
    plan_file.mark_saved("y = 2\n", plan_path.parent / "other.toml")
    assert (plan_file.text, plan_file.path) == ("y = 2\n", plan_path.parent / "other.toml")
