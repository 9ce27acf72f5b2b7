"""write_atomic at its edges: names refused, every message a failure gives, backups, and what a save keeps.

Each test states the planner-visible result by hand: the exact message, the file's mode, owner and
extended attributes, the temporary file's name and mode, and what is left on disk when a save stops.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import kpidesk.storage.atomic as atomic
from kpidesk.storage.atomic import SaveError, backup_path, check_name, explain, write_atomic

RENAME_HELD = ("plan.toml could not be replaced: another program (a sync client, a virus scanner, another window) "
               "holds it, or the folder is read-only. The file was left as it was; try again in a moment.")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"old = 1\n")
    return path


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


# ---- SaveError ---------------------------------------------------------------------------
def test_a_save_error_is_an_oserror_with_the_planners_text() -> None:
    error = SaveError("The disk is full.", "/plans/plan.toml", errno.ENOSPC)
    assert (error.errno, error.strerror, str(error)) == (errno.ENOSPC, "The disk is full.", "The disk is full.")
    assert error.args == (errno.ENOSPC, "The disk is full.")
    assert error.path == Path("/plans/plan.toml") and error.code == errno.ENOSPC
    bare = SaveError("Nothing was saved.")
    assert (bare.errno, bare.strerror, bare.path, bare.code) == (0, "Nothing was saved.", None, None)


# ---- names -------------------------------------------------------------------------------
def test_dot_dot_and_a_nul_character_are_no_file_names(tmp_path: Path) -> None:
    for path, shown in ((tmp_path / "..", "'..'"), (tmp_path / "a\x00b.toml", "'a\\x00b.toml'")):
        with pytest.raises(SaveError) as info:
            check_name(path)
        assert str(info.value) == f"The file name {shown} is not allowed."
        assert info.value.path == path and info.value.code == errno.EINVAL


def test_a_name_may_have_255_bytes_but_not_256(tmp_path: Path) -> None:
    check_name(tmp_path / ("x" * 255))
    check_name(tmp_path / ("\u3042" * 85))  # 85 kana of 3 bytes: 255 bytes
    for name, characters in (("x" * 256, 256), ("\u3042" * 86, 86)):
        with pytest.raises(SaveError) as info:
            check_name(tmp_path / name)
        assert str(info.value) == f"The file name is too long ({characters} characters); choose a shorter one."
        assert info.value.path == tmp_path / name and info.value.code == errno.ENAMETOOLONG


def test_names_only_windows_refuses_are_fine_elsewhere(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("the Windows rules apply here")
    for name in ("CON", "con.toml", "a<b.toml", "a:b.toml", "plan.", "plan "):
        check_name(tmp_path / name)


@pytest.mark.parametrize("name", ["CON", "con.toml", "Lpt9.toml", "aux", "a<b.toml", "a:b.toml", 'a"b', "a?b",
                                  "tab\there.toml", "plan.", "plan "])
def test_windows_refuses_reserved_names_bad_characters_and_trailing_dots(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = tmp_path / name
    monkeypatch.setattr(atomic, "sys", SimpleNamespace(platform="win32"))
    with pytest.raises(SaveError) as info:
        check_name(path)
    assert str(info.value) == f"The file name {name!r} is not allowed on Windows."
    assert info.value.path == path and info.value.code == errno.EINVAL


@pytest.mark.parametrize("name", ["plan.toml", "CONSOLE.toml", "report.con", "com10.toml", "my plan.toml"])
def test_windows_takes_ordinary_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = tmp_path / name
    monkeypatch.setattr(atomic, "sys", SimpleNamespace(platform="win32"))
    check_name(path)


# ---- messages ----------------------------------------------------------------------------
def expected_messages(path: Path) -> list[tuple[OSError, str, str]]:
    folder = path.parent
    full = f"The disk holding {folder} is full; free some space or save somewhere else."
    bad_name = "The file name 'plan.toml' is not allowed here; choose another name."
    return [
        (OSError(errno.ENOSPC, "No space left on device"), "write", full),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "write", full),
        (OSError(errno.EROFS, "Read-only file system"), "write",
         f"The drive holding {folder} is read-only; save the plan somewhere else."),
        (OSError(errno.ENOENT, "No such file or directory"), "rename",
         f"The folder {folder} does not exist (was it moved, or a drive disconnected?)."),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "write", bad_name),
        (OSError(errno.EINVAL, "Invalid argument"), "write", bad_name),
        (OSError(errno.EILSEQ, "Invalid or incomplete multibyte or wide character"), "write", bad_name),
        (OSError(errno.EISDIR, "Is a directory"), "write", f"{path} is a folder, not a file."),
        (OSError(errno.EACCES, "Permission denied"), "rename", RENAME_HELD),
        (OSError(errno.EACCES, "Permission denied"), "write",
         f"kpidesk may not write in {folder}: the folder is read-only or belongs to someone else."),
        (OSError(errno.EIO, "Input/output error"), "rename",
         f"The plan could not be saved to {path}: Input/output error."),
        (OSError("the link dropped"), "write", f"The plan could not be saved to {path}: the link dropped."),
    ]


def test_every_failure_has_its_own_message(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    for exc, step, message in expected_messages(path):
        error = explain(exc, path, step)
        assert str(error) == message, (exc, step)
        assert error.path == path and error.code == exc.errno


def test_without_edquot_or_eilseq_no_other_error_passes_for_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Platforms without EDQUOT or EILSEQ: a missing errno, or EPERM (1), keeps its own message."""
    path = tmp_path / "plan.toml"
    monkeypatch.delattr(errno, "EDQUOT")
    monkeypatch.delattr(errno, "EILSEQ")
    assert str(explain(OSError("the link dropped"), path, "write")) == \
        f"The plan could not be saved to {path}: the link dropped."
    assert str(explain(OSError(1, "Operation not permitted"), path, "write")) == \
        f"kpidesk may not write in {tmp_path}: the folder is read-only or belongs to someone else."
    assert str(explain(OSError(errno.ENOSPC, "No space left on device"), path, "write")).startswith("The disk holding")


def test_a_folder_given_by_a_relative_name_is_named_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("plan.toml").mkdir()
    with pytest.raises(SaveError) as info:
        write_atomic("plan.toml", b"x = 1\n")
    assert str(info.value) == "plan.toml is a folder, not a file."
    assert info.value.path == Path("plan.toml") and info.value.code == errno.EISDIR


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "plans").write_bytes(b"not a folder")
    target = tmp_path / "plans" / "plan.toml"
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"x = 1\n")
    assert str(info.value) == f"The plan could not be saved to {target}: Not a directory."
    assert info.value.path == target and info.value.code == errno.ENOTDIR


def test_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "plan.toml"
    with pytest.raises(SaveError) as info:
        write_atomic(target, b"x = 1\n")
    assert str(info.value) == \
        f"The folder {tmp_path / 'gone'} does not exist (was it moved, or a drive disconnected?)."
    assert info.value.code == errno.ENOENT


def test_a_link_to_itself_is_reported_not_followed(tmp_path: Path) -> None:
    loop = tmp_path / "plan.toml"
    loop.symlink_to("plan.toml")
    with pytest.raises(SaveError) as info:
        write_atomic(loop, b"x = 1\n")
    assert str(info.value) == f"The plan could not be saved to {loop}: Too many levels of symbolic links."
    assert info.value.path == loop and info.value.code == errno.ELOOP
    assert loop.is_symlink() and leftovers(tmp_path) == []


def test_a_read_only_file_says_so_and_names_itself(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: not (Path(path) == plan and mode == os.W_OK))
    with pytest.raises(SaveError) as info:
        write_atomic(plan, b"x = 1\n")
    assert str(info.value) == "plan.toml is read-only; save under another name, or make it writable first."
    assert info.value.path == plan and info.value.code == errno.EACCES
    assert plan.read_bytes() == b"old = 1\n"


# ---- backups -----------------------------------------------------------------------------
def test_the_previous_content_is_kept_by_default(plan: Path) -> None:
    assert write_atomic(plan, b"new = 2\n") == []
    assert plan.read_bytes() == b"new = 2\n" and backup_path(plan).read_bytes() == b"old = 1\n"


def test_the_backup_of_a_private_plan_stays_private(plan: Path) -> None:
    os.chmod(plan, 0o600)
    write_atomic(plan, b"new = 2\n")
    assert stat.S_IMODE(backup_path(plan).stat().st_mode) == 0o600
    assert stat.S_IMODE(plan.stat().st_mode) == 0o600


def refuse_backup(monkeypatch: pytest.MonkeyPatch, plan: Path, exc: OSError) -> None:
    """os.open refuses the temporary file of the backup only."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if Path(path).name.startswith(f".{plan.name}{atomic.BACKUP_SUFFIX}."):
            raise exc
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_while_backing_up_stops_the_save(plan: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    refuse_backup(monkeypatch, plan, OSError(code, os.strerror(code)))
    with pytest.raises(SaveError) as info:
        write_atomic(plan, b"new = 2\n")
    assert str(info.value) == f"The disk holding {plan.parent} is full; free some space or save somewhere else."
    assert plan.read_bytes() == b"old = 1\n" and not backup_path(plan).exists()


def test_another_backup_failure_is_a_warning_and_the_save_goes_on(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_backup(monkeypatch, plan, OSError(errno.EIO, "Input/output error"))
    warnings = write_atomic(plan, b"new = 2\n")
    assert [str(w) for w in warnings] == [f"No backup copy was made (The plan could not be saved to "
                                          f"{backup_path(plan)}: Input/output error.)."]
    assert plan.read_bytes() == b"new = 2\n"


@pytest.mark.parametrize("exc", [OSError("the link dropped"), OSError(1, "Operation not permitted")])
def test_without_edquot_a_backup_failure_is_still_only_a_warning(
        plan: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError) -> None:
    monkeypatch.delattr(errno, "EDQUOT")
    refuse_backup(monkeypatch, plan, exc)
    warnings = write_atomic(plan, b"new = 2\n")
    assert len(warnings) == 1 and str(warnings[0]).startswith("No backup copy was made (")
    assert plan.read_bytes() == b"new = 2\n"


def test_a_plan_that_cannot_be_read_for_its_backup_is_still_saved(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = Path.read_bytes

    def unreadable(self: Path) -> bytes:
        if self == plan:
            raise OSError(errno.EIO, "Input/output error")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    warnings = write_atomic(plan, b"new = 2\n")
    assert len(warnings) == 1 and str(warnings[0]).startswith("No backup copy was made (")
    monkeypatch.undo()
    assert plan.read_bytes() == b"new = 2\n" and not backup_path(plan).exists()


# ---- the temporary file --------------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_the_temporary_file_is_private_and_named_for_the_stale_file_cleaner(
        plan: Path, monkeypatch: pytest.MonkeyPatch, umask_022: None) -> None:
    seen: list[tuple[str, int]] = []
    real_fsync = os.fsync

    def looking(fd: int) -> None:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode):
            seen.append((Path(os.readlink(f"/proc/self/fd/{fd}")).name, stat.S_IMODE(info.st_mode)))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", looking)
    write_atomic(plan, b"new = 2\n", backup=False)
    assert len(seen) == 1
    name, mode = seen[0]
    assert re.fullmatch(rf"\.plan\.toml\.{os.getpid()}\.[0-9a-f]{{8}}\.kpidesk-tmp", name), name
    assert mode == 0o600  # half-written content is never readable by others


def test_a_file_already_at_the_temporary_name_is_never_written_through(
        plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """O_EXCL: a link planted at the temporary name cannot redirect the save into another file."""
    victim = plan.parent / "victim.txt"
    victim.write_bytes(b"precious\n")
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda n: "deadbeef")
    monkeypatch.setattr(atomic, "clean_stale_temporaries", lambda path, **kwargs: [])
    planted = plan.parent / f".plan.toml.{os.getpid()}.deadbeef{atomic.TEMP_SUFFIX}"
    planted.symlink_to(victim.name)
    with pytest.raises(SaveError) as info:
        write_atomic(plan, b"new = 2\n", backup=False)
    assert str(info.value) == f"The plan could not be saved to {plan}: File exists."
    assert victim.read_bytes() == b"precious\n" and plan.read_bytes() == b"old = 1\n"


def test_an_interrupted_save_leaves_the_old_file_and_no_temporary(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(plan, b"new = 2\n", backup=False)
    monkeypatch.undo()
    assert plan.read_bytes() == b"old = 1\n" and leftovers(plan.parent) == []


def test_the_folder_is_synced_after_the_rename(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name != "posix":
        pytest.skip("folders are synced on POSIX systems only")
    synced: list[tuple[bool, int]] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        info = os.fstat(fd)
        synced.append((stat.S_ISDIR(info.st_mode), info.st_ino))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    write_atomic(plan, b"new = 2\n", backup=False)
    assert synced[-1] == (True, plan.parent.stat().st_ino)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fdinfo")
def test_the_folder_is_opened_as_a_folder_for_its_sync(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """O_DIRECTORY: if the folder were swapped for a file meanwhile, the open fails instead of syncing it."""
    flags: list[int] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            info = Path(f"/proc/self/fdinfo/{fd}").read_text(encoding="ascii")
            flags.append(int(re.search(r"^flags:\s*([0-7]+)", info, re.MULTILINE).group(1), 8))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    write_atomic(plan, b"new = 2\n", backup=False)
    assert len(flags) == 1
    assert flags[0] & os.O_DIRECTORY and flags[0] & os.O_ACCMODE == os.O_RDONLY


# ---- what a save keeps -------------------------------------------------------------------
def test_refused_chown_of_ones_own_file_is_no_warning(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some network drives refuse every chown: a plan that is already ours needs none."""
    if not hasattr(os, "fchown"):
        pytest.skip("no fchown here")

    def refuse(fd, uid, gid):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse)
    assert write_atomic(plan, b"new = 2\n") == []


def test_owner_and_group_are_kept(plan: Path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("giving a file to another owner needs root")
    os.chown(plan, 4242, 4243)
    assert write_atomic(plan, b"new = 2\n", backup=False) == []
    info = plan.stat()
    assert (info.st_uid, info.st_gid) == (4242, 4243)


def set_attributes(path: Path, names: list[str]) -> None:
    try:
        for name in names:
            os.setxattr(path, name, f"value of {name}".encode())
    except (AttributeError, OSError):
        pytest.skip("no user extended attributes on this file system")


def test_extended_attributes_are_kept(plan: Path) -> None:
    set_attributes(plan, ["user.kpidesk.a", "user.kpidesk.b"])
    assert write_atomic(plan, b"new = 2\n", backup=False) == []
    assert sorted(os.listxattr(plan)) == ["user.kpidesk.a", "user.kpidesk.b"]
    assert os.getxattr(plan, "user.kpidesk.b") == b"value of user.kpidesk.b"


def test_extended_attributes_that_cannot_be_kept_are_named(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_attributes(plan, ["user.kpidesk.a", "user.kpidesk.b"])
    names = os.listxattr(plan)
    assert sorted(names) == ["user.kpidesk.a", "user.kpidesk.b"]

    def refuse(*args):
        raise OSError(errno.ENOTSUP, "Operation not supported")

    monkeypatch.setattr(os, "setxattr", refuse)
    warnings = write_atomic(plan, b"new = 2\n", backup=False)
    assert [str(w) for w in warnings] == [f"Extended attributes of plan.toml could not be kept: {', '.join(names)}."]
    assert plan.read_bytes() == b"new = 2\n"
