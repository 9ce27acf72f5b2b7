"""Replace a file in one step, so a crash leaves the old file or the new one.

The new content goes to a temporary file in the same folder, is flushed and
synced to disk, gets the old file's permissions, then is renamed over the old
file (one step on every file system kpidesk supports); the folder is synced
too, so the rename itself survives a power cut. Any failure removes the
temporary file, leaves the old file as it was and raises :class:`SaveError`,
whose message says what went wrong in the planner's words.

What a save refuses or could not keep is a :class:`~kpidesk.model.reasons.Reason`
(a code with parameters, templates in :mod:`kpidesk.model.save_messages`):
``SaveError.reason``, and the warnings :func:`write_atomic` returns. Their
text is made where it is shown, in English or through a translation.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import time
from pathlib import Path

from kpidesk.model.reasons import Reason, Translate, reason, reason_of

TEMP_SUFFIX = ".kpidesk-tmp"
BACKUP_SUFFIX = ".bak"
#: Pauses between attempts when a rename is refused (a sync client or virus
#: scanner holding the file open for a moment, as happens on Windows).
RENAME_BACKOFF = (0.05, 0.1, 0.2, 0.4)

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_WINDOWS_BAD_CHARS = set('<>:"/\\|?*') | {chr(i) for i in range(32)}


class SaveError(OSError):
    """A save that did not happen: why as a :class:`Reason`; ``str()`` is its English text for the planner.

    It is an OSError so that callers which catch OSError keep working, but its
    text never shows an errno or a Python exception name. ``why`` is a reason,
    or a message already made (kept as the ``refused`` reason, shown as it is);
    ``code`` is the errno.
    """

    def __init__(self, why: Reason | str, path: Path | str | None = None, code: int | None = None) -> None:
        self.reason = why if isinstance(why, Reason) else reason("refused", detail=why)
        self.message = self.reason.text()
        super().__init__(code or 0, self.message)
        self.path = Path(path) if path is not None else None
        self.code = code

    def text(self, translate: Translate | None = None) -> str:
        """The message (English unless ``translate`` is given)."""
        return self.reason.text(translate)

    def __str__(self) -> str:
        return self.message


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def check_name(path: Path) -> None:
    """Refuse names that no file system takes, and on Windows the reserved ones."""
    name = path.name
    if not name or name in (".", "..") or "\x00" in str(path):
        raise SaveError(reason("name_not_allowed", name=name), path, errno.EINVAL)
    if len(name.encode("utf-8", "surrogateescape")) > 255:
        raise SaveError(reason("file_name_too_long", count=len(name)), path, errno.ENAMETOOLONG)
    if sys.platform == "win32":
        stem = name.split(".")[0].upper()
        bad = sorted(set(name) & _WINDOWS_BAD_CHARS)
        if stem in _WINDOWS_RESERVED or bad or name.endswith((" ", ".")):
            raise SaveError(reason("name_not_allowed_windows", name=name), path, errno.EINVAL)


def explain(exc: OSError, path: Path, step: str) -> SaveError:
    """Turn an OSError from ``step`` (write, rename) into a reason a planner can act on."""
    folder = str(path.parent)
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        why = reason("disk_full", folder=folder)
    elif code == errno.EROFS:
        why = reason("drive_read_only", folder=folder)
    elif code == errno.ENOENT:
        why = reason("folder_missing", folder=folder)
    elif code in (errno.ENAMETOOLONG, errno.EINVAL, getattr(errno, "EILSEQ", -1)):
        why = reason("name_not_allowed_here", name=path.name)
    elif code == errno.EISDIR:
        why = reason("is_a_folder", path=str(path))
    elif isinstance(exc, PermissionError) and step == "rename":
        why = reason("replace_blocked", name=path.name)
    elif isinstance(exc, PermissionError):
        why = reason("folder_not_writable", folder=folder)
    else:  # the system's own words: no code of ours says more
        why = reason("save_failed", path=str(path), detail=str(exc.strerror or exc))
    return SaveError(why, path, code)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own temp files are never still being written when we start a save
    if sys.platform == "win32":
        return True  # no cheap probe: the age test below decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temporaries(path: Path, *, max_age: float = 3600.0) -> list[Path]:
    """Remove temporary files a killed save of ``path`` left behind; returns them."""
    removed: list[Path] = []
    prefix = f".{path.name}."
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        middle = entry.name[len(prefix): -len(TEMP_SUFFIX)]
        pid_text = middle.split(".")[0]
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if not pid_text.isdigit():
            continue  # a temporary file of another name (NAME.bak) that starts the same
        if _pid_alive(int(pid_text)) and age < max_age:
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _copy_metadata(fd: int, old: os.stat_result | None, source: Path, warnings: list[Reason]) -> None:
    if not hasattr(os, "fchmod"):
        # Windows before Python 3.13: no fchmod; a file there has only a read-only flag, and a
        # read-only plan cannot be replaced anyway, so the new file's default mode is the right one
        return
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:
            warnings.append(reason("owner_not_kept", name=source.name))
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(source)
        except OSError:
            names = []
        lost = []
        for name in names:
            try:
                os.setxattr(fd, name, os.getxattr(source, name))
            except OSError:
                lost.append(name)
        if lost:
            warnings.append(reason("attributes_not_kept", name=source.name, names=tuple(lost)))


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some network file systems cannot sync a folder; the rename is done anyway
    finally:
        os.close(fd)


def _replace(temporary: str, target: Path, backoff: tuple[float, ...]) -> None:
    for pause in (*backoff, None):
        try:
            os.replace(temporary, target)
            return
        except PermissionError:
            if pause is None:
                raise
            time.sleep(pause)


def _write_file(folder: Path, target: Path, data: bytes, old: os.stat_result | None, warnings: list[Reason],
                backoff: tuple[float, ...]) -> None:
    temporary = folder / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise explain(exc, target, "write") from None
    step = "write"
    try:
        with os.fdopen(fd, "wb") as stream:
            view = memoryview(data)
            while view:
                written = stream.write(view)
                view = view[written:]
            stream.flush()
            os.fsync(stream.fileno())
            _copy_metadata(stream.fileno(), old, target, warnings)
        step = "rename"
        _replace(str(temporary), target, backoff)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, SaveError):
            raise explain(exc, target, step) from None
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes, *, backup: bool = True,
                 backoff: tuple[float, ...] = RENAME_BACKOFF) -> list[Reason]:
    """Replace ``path`` with ``data`` in one step; returns the reasons of what could not be kept.

    A symbolic link stays a link: the file it points to is replaced. With
    ``backup`` the previous content is kept as ``NAME.bak`` beside that file.
    Raises :class:`SaveError`; then the old file is unchanged and no temporary
    file is left.
    """
    path = Path(path)
    check_name(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent
    if not folder.is_dir():
        code = errno.ENOENT if not folder.exists() else errno.ENOTDIR
        raise explain(OSError(code, os.strerror(code)), target, "write")
    warnings: list[Reason] = []
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise explain(exc, target, "write") from None
    if old is not None:
        if stat.S_ISDIR(old.st_mode):
            raise explain(OSError(errno.EISDIR, "is a folder"), target, "write")
        if not os.access(target, os.W_OK):
            raise SaveError(reason("file_read_only", name=target.name), target, errno.EACCES)
    clean_stale_temporaries(target)
    clean_stale_temporaries(backup_path(target))
    if backup and old is not None:
        try:
            _write_file(folder, backup_path(target), target.read_bytes(), old, [], ())
        except (OSError, SaveError) as exc:
            if getattr(exc, "code", None) in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                raise
            warnings.append(reason_of(exc).inside("no_backup"))
    _write_file(folder, target, data, old, warnings, backoff)
    _fsync_folder(folder)
    return warnings


__all__ = ["SaveError", "write_atomic", "clean_stale_temporaries", "backup_path", "check_name"]
