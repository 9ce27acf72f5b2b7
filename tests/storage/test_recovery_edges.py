"""Recovery files: every field written and read back, damaged files refused, the newest offered first."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from kpidesk.storage import process, recovery
from kpidesk.storage.recovery import RecoveryEntry, RecoveryFile, read_entry

GONE = 99_999_999  # no process has this id


def record(**fields) -> dict:
    return {"format": recovery.FORMAT, "text": "x = 1\n", **fields}


def write_record(folder: Path, name: str, content: object) -> Path:
    path = folder / f"{name}{recovery.SUFFIX}"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def test_the_file_records_the_text_where_it_came_from_and_who_wrote_it(tmp_path: Path) -> None:
    kept = RecoveryFile(tmp_path, "doc-1")
    before = time.time()
    path = kept.write("title = '売上'\n", Path("/plans/plan.toml"), "Sales", "ab" * 32)
    assert path == kept.file == tmp_path / f"{os.getpid()}-doc-1{recovery.SUFFIX}"
    saved = json.loads(path.read_bytes().decode("utf-8"))
    assert saved.pop("saved_at") == pytest.approx((before + time.time()) / 2, abs=5)
    assert saved == {"format": "kpidesk-recovery", "version": 1, "original": "/plans/plan.toml", "title": "Sales",
                     "pid": os.getpid(), "started": process.start_time(os.getpid()), "user": process.user_name(),
                     "host": process.host_name(), "document": "doc-1", "base_sha256": "ab" * 32,
                     "text": "title = '売上'\n"}


def test_an_untitled_new_plan_has_no_original_title_or_base(tmp_path: Path) -> None:
    kept = RecoveryFile(tmp_path)
    kept.write("x = 1\n", None)
    saved = json.loads(kept.file.read_text(encoding="utf-8"))
    assert (saved["original"], saved["title"], saved["base_sha256"]) == (None, "", "")
    entry = read_entry(kept.file)
    assert (entry.original, entry.title, entry.base_sha256, entry.document) == (None, "", "", kept.document)


def test_the_text_is_stored_as_utf8_a_person_can_read(tmp_path: Path) -> None:
    kept = RecoveryFile(tmp_path)
    kept.write('title = "売上計画"\n', None)
    assert "売上計画".encode() in kept.file.read_bytes()


def test_the_recovery_folder_is_made_with_its_parents(tmp_path: Path) -> None:
    kept = RecoveryFile(tmp_path / "data" / "recovery")
    kept.write("x = 1\n", None)
    assert read_entry(kept.file).text == "x = 1\n"


def test_writing_again_keeps_no_backup(tmp_path: Path) -> None:
    kept = RecoveryFile(tmp_path)
    kept.write("x = 1\n", None)
    kept.write("x = 2\n", None)
    assert [p.name for p in tmp_path.iterdir()] == [kept.file.name]
    assert read_entry(kept.file).text == "x = 2\n"


def test_every_field_is_read_back(tmp_path: Path) -> None:
    path = write_record(tmp_path, "1-a", record(original="/plans/plan.toml", title="Sales", pid=4321, started="987",
                                                saved_at=12.5, document="doc-1", base_sha256="cd" * 32))
    assert read_entry(path) == RecoveryEntry(path, Path("/plans/plan.toml"), "Sales", "x = 1\n", 4321, "987", 12.5,
                                             "doc-1", "cd" * 32)


def test_fields_left_out_or_empty_have_their_defaults(tmp_path: Path) -> None:
    bare = write_record(tmp_path, "1-a", record())
    assert read_entry(bare) == RecoveryEntry(bare, None, "", "x = 1\n", 0, None, 0.0, "", "")
    empty = write_record(tmp_path, "1-b", record(original="", title=None, pid=None, started=987, saved_at=None,
                                                 document=None, base_sha256=None))
    assert read_entry(empty) == RecoveryEntry(empty, None, "", "x = 1\n", 0, None, 0.0, "", "")


@pytest.mark.parametrize("content", [
    {"format": "other", "text": "x = 1\n"},
    {"text": "x = 1\n"},
    {"format": recovery.FORMAT, "text": 5},
    [recovery.FORMAT, "x = 1\n"],
    "just text",
])
def test_anything_else_is_not_a_recovery_file(tmp_path: Path, content: object) -> None:
    assert read_entry(write_record(tmp_path, "1-a", content)) is None


def test_pending_offers_the_newest_first(tmp_path: Path) -> None:
    for name, saved_at in (("1-a", 100.0), ("1-b", 300.0), ("1-c", 200.0)):
        write_record(tmp_path, name, record(pid=GONE, saved_at=saved_at, text=name))
    assert [entry.text for entry in recovery.pending(tmp_path)] == ["1-b", "1-c", "1-a"]


def test_the_name_shown_is_the_file_else_the_title_else_untitled(tmp_path: Path) -> None:
    def entry(original: Path | None, title: str) -> RecoveryEntry:
        return RecoveryEntry(tmp_path / "r", original, title, "", GONE, None, 0.0, "d")

    assert entry(Path("/plans/plan.toml"), "Sales").display_name() == str(Path("/plans/plan.toml"))
    assert entry(None, "Sales").display_name() == "Sales"
    assert entry(None, "").display_name() == "untitled plan"
