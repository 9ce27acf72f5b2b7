"""Saves replace the file in one step, keep its form, and fail without damage."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from read_only import read_only_folder

import kpidesk.storage.atomic as atomic
from kpidesk import paths
from kpidesk.model.edits import SetField
from kpidesk.planfile import load, loads, save
from kpidesk.storage.atomic import SaveError, backup_path, write_atomic

TEMPLATE = paths.templates()["btob-web"].read_text(encoding="utf-8")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX))


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    return path


def edited(path: Path):
    plan_file = load(path)
    SetField("visits", "rate", Decimal("0.2")).apply(plan_file.plan)
    return plan_file


def assert_failed_cleanly(path: Path, before: bytes, plan_file, message_part: str, exc: SaveError) -> None:
    assert path.read_bytes() == before, "the old file must be unchanged"
    assert leftovers(path.parent) == [], "no temporary file may be left"
    assert plan_file.text == before.decode("utf-8"), "the plan must still count as unsaved"
    assert message_part in str(exc)
    assert "Errno" not in str(exc) and "Error" not in str(exc)


# ---- success -----------------------------------------------------------------------------
def test_save_replaces_content_and_keeps_a_backup(plan_path: Path) -> None:
    before = plan_path.read_bytes()
    plan_file = edited(plan_path)
    save(plan_file)
    assert 'rate = "20%"' in plan_path.read_text(encoding="utf-8")
    assert backup_path(plan_path).read_bytes() == before
    assert leftovers(plan_path.parent) == []


def test_save_keeps_permissions(plan_path: Path) -> None:
    os.chmod(plan_path, 0o640)
    save(edited(plan_path))
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o640


def test_new_file_gets_normal_permissions_not_the_temp_files(tmp_path: Path) -> None:
    write_atomic(tmp_path / "new.toml", b"x = 1\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o666 & ~umask


def test_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path, plan_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(plan_path.name)
    plan_file = edited(link)
    save(plan_file)
    assert link.is_symlink()
    assert 'rate = "20%"' in plan_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("form", ["crlf", "bom", "no-final-newline", "crlf-bom-no-final-newline"])
def test_file_form_is_kept(tmp_path: Path, form: str) -> None:
    text = TEMPLATE
    if "no-final-newline" in form:
        text = text.rstrip("\n")
    if "crlf" in form:
        text = text.replace("\n", "\r\n")
    data = ("\ufeff" if "bom" in form else "").encode() + text.encode("utf-8")
    path = tmp_path / "plan.toml"
    path.write_bytes(data)
    plan_file = load(path)
    SetField("visits", "rate", Decimal("0.2")).apply(plan_file.plan)
    from kpidesk.model.edits import AddMetric
    from kpidesk.model.metric import Metric

    AddMetric(Metric("ads", "Ads", notes="Ads\nclicks"), "visits", 0).apply(plan_file.plan)  # new lines from tomlkit
    save(plan_file)
    out = path.read_bytes()
    assert out.startswith(b"\xef\xbb\xbf") == ("bom" in form)
    if "crlf" in form:
        assert out.count(b"\n") == out.count(b"\r\n")
    else:
        assert b"\r\n" not in out
    assert out.endswith(b"\n") == ("no-final-newline" not in form)
    again = load(path)
    assert again.plan.metrics["ads"].notes == "Ads\nclicks"
    assert again.plan.metrics["visits"].rate == Decimal("0.2")


# ---- failures ----------------------------------------------------------------------------
@pytest.mark.unprivileged
def test_read_only_folder(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = plan_path.read_bytes()
    plan_file = edited(plan_path)
    with read_only_folder(plan_path.parent, monkeypatch), pytest.raises(SaveError) as info:
        save(plan_file)
    monkeypatch.undo()
    assert_failed_cleanly(plan_path, before, plan_file, "read-only", info.value)


@pytest.mark.unprivileged
def test_read_only_file(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = plan_path.read_bytes()
    plan_file = edited(plan_path)
    os.chmod(plan_path, 0o444)
    if os.geteuid() == 0:
        monkeypatch.setattr(os, "access", lambda path, mode: not (Path(path) == plan_path and mode == os.W_OK))
    with pytest.raises(SaveError) as info:
        save(plan_file)
    os.chmod(plan_path, 0o644)
    assert_failed_cleanly(plan_path, before, plan_file, "read-only", info.value)


def test_missing_folder(tmp_path: Path) -> None:
    plan_file = loads(TEMPLATE)
    with pytest.raises(SaveError) as info:
        save(plan_file, tmp_path / "gone" / "plan.toml")
    assert "does not exist" in str(info.value)
    assert plan_file.path is None


def test_name_not_allowed(tmp_path: Path) -> None:
    plan_file = loads(TEMPLATE)
    with pytest.raises(SaveError) as info:
        save(plan_file, tmp_path / ("x" * 300 + ".toml"))
    assert "too long" in str(info.value)
    assert leftovers(tmp_path) == []


def test_disk_full_with_a_patched_write(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = plan_path.read_bytes()
    plan_file = edited(plan_path)
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as info:
        save(plan_file)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert_failed_cleanly(plan_path, before, plan_file, "full", info.value)


def _tmpfs(path: Path) -> bool:
    path.mkdir()
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


def test_disk_full_on_a_small_tmpfs(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    if not _tmpfs(folder):
        pytest.skip("mounting a 64 KiB tmpfs needs root on Linux; the patched-write test covers ENOSPC")
    try:
        path = folder / "plan.toml"
        path.write_text(TEMPLATE, encoding="utf-8")
        before = path.read_bytes()
        plan_file = load(path)
        SetField("visits", "notes", "x" * 19_000).apply(plan_file.plan)
        for name in ("filler1", "filler2"):  # leave less room than the new plan needs
            try:
                (folder / name).write_bytes(b"\0" * 24_000)
            except OSError:
                break
        with pytest.raises(SaveError) as info:
            save(plan_file)
        assert path.read_bytes() == before
        assert leftovers(folder) == []
        assert "full" in str(info.value)
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_rename_refused_is_retried_then_reported(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = plan_path.read_bytes()
    plan_file = edited(plan_path)
    attempts: list[str] = []

    def refuse(source, target):
        attempts.append(str(target))
        raise PermissionError(errno.EACCES, "Access is denied", str(target))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError) as info:
        atomic.write_atomic(plan_path, plan_file.encoded(), backup=False, backoff=(0.0, 0.0, 0.0))
    monkeypatch.undo()
    assert len(attempts) == 4
    assert_failed_cleanly(plan_path, before, plan_file, "another program", info.value)


def test_rename_refused_once_then_succeeds(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    calls = []

    def flaky(source, target):
        calls.append(target)
        if len(calls) == 1:
            raise PermissionError(errno.EACCES, "sharing violation", str(target))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", flaky)
    write_atomic(plan_path, b"x = 1\n", backup=False, backoff=(0.0,))
    assert plan_path.read_bytes() == b"x = 1\n"


@pytest.mark.unprivileged
def test_owner_that_cannot_be_kept_is_reported(plan_path: Path, give_away) -> None:
    give_away(plan_path)  # tests/conftest.py: a real other owner, or as root a refused fchown
    warnings = write_atomic(plan_path, b"x = 1\n")
    assert any("owner" in str(w) for w in warnings)


def test_next_save_removes_temporaries_of_a_killed_save(plan_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = plan_path.parent / f".{plan_path.name}.{dead.stdout.strip()}.abcd{atomic.TEMP_SUFFIX}"
    stale.write_bytes(b"half a plan")
    save(edited(plan_path))
    assert not stale.exists()


def test_a_platform_without_fchmod_still_saves(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has os.fchmod only from Python 3.13: a save there must not fail for want of it."""
    monkeypatch.delattr(os, "fchmod")
    write_atomic(plan_path, b"title = 'saved without fchmod'\n")
    assert plan_path.read_bytes() == b"title = 'saved without fchmod'\n"
