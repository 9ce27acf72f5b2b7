"""An exclusive operating-system lock held while a save checks a plan file and replaces it.

Two saves of one plan (two ``kpidesk set`` commands, a window and a script)
each read the file, change it and write it back. Without a lock both can
read the same version, and the second rename throws away the first save's
change while both report success. A save therefore holds this lock from the
moment it compares the file on disk with the version it read until its rename
is done: the second save waits, then finds the file changed and does not
overwrite it (``kpidesk set`` applies its edits again to the new version).

The lock is ``fcntl.flock`` (``msvcrt.locking`` on Windows) on a sidecar
file ``.~PLAN.toml.save-lock`` beside the plan (the ``.~`` prefix that sync
clients skip). The holder removes the sidecar before it lets go; a waiter
that then gets the lock on the removed file sees that the name now names
another file (or none) and tries again, so there is never more than one
holder. The lock is advisory: programs other than kpidesk do not take it,
which is why the save still compares the content it is about to replace.
Where no lock can be taken (a read-only folder, a file system without
locks), the save goes ahead unlocked and the comparison still stands.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kpidesk.model.reasons import Reason, reason
from kpidesk.storage.atomic import SaveError, write_atomic
from kpidesk.storage.disk import read_state

#: How long a save waits for another save of the same plan before it gives up.
WAIT_SECONDS = 10.0


def save_lock_path(plan: Path) -> Path:
    """The sidecar file locked while ``plan`` is saved (of the file a symbolic link points to)."""
    plan = Path(os.path.realpath(plan))
    return plan.with_name(f".~{plan.name}.save-lock")


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_named(fd: int, path: Path) -> bool:
    """Whether the file we locked is still the one at ``path`` (its last holder may have removed it)."""
    try:
        mine, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)


def _acquire(path: Path, plan: Path, wait: float) -> int | None:
    """The descriptor of the locked sidecar, or None where no lock can be taken; SaveError after ``wait``."""
    deadline = time.monotonic() + wait
    pause = 0.002
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError:
            return None  # a read-only folder: the save itself will say what is wrong
        try:
            if _try_lock(fd):
                if _still_named(fd, path):
                    return fd
                _unlock(fd)
        except OSError:  # no locks on this file system (ENOLCK, EOPNOTSUPP)
            os.close(fd)
            return None
        os.close(fd)
        if time.monotonic() >= deadline:
            raise SaveError(reason("save_lock_timeout", name=plan.name, seconds=round(wait)), plan, errno.EAGAIN)
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


@contextmanager
def save_lock(plan: str | os.PathLike[str], *, wait: float = WAIT_SECONDS) -> Iterator[bool]:
    """Hold the save lock of ``plan`` for the ``with`` block; yields whether a lock is held.

    Raises :class:`SaveError` when another save holds it for longer than ``wait`` seconds.
    """
    plan = Path(plan)
    path = save_lock_path(plan)
    fd = _acquire(path, plan, wait)
    if fd is None:
        yield False
        return
    try:
        yield True
    finally:
        if sys.platform != "win32":
            try:
                path.unlink()  # before letting go: a waiter on this file finds it gone and opens the next one
            except OSError:
                pass
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        if sys.platform == "win32":  # pragma: no cover - an open file cannot be removed there
            try:
                path.unlink()
            except OSError:
                pass  # another save has it open: it stays, and is locked in turn


class FileChanged(SaveError):
    """The file on disk is no longer the version the save was to replace: it was left as it is."""

    def __init__(self, path: Path) -> None:
        super().__init__(reason("file_changed", name=path.name), path, errno.EAGAIN)


def replace_unless_changed(path: str | os.PathLike[str], data: bytes, expected: str | None, *,
                           backup: bool = True) -> list[Reason]:
    """Replace ``path`` with ``data`` (:func:`write_atomic`) only while its content hashes to ``expected``.

    The comparison and the rename happen under :func:`save_lock`, so two
    kpidesk saves of one file take turns and the second sees the first's
    change. ``expected`` None replaces whatever is there (a new file, Save
    As); a file that is gone is written again (nothing is overwritten).
    Raises :class:`FileChanged`, or :class:`SaveError` as ``write_atomic`` does.
    """
    path = Path(path)
    with save_lock(path):
        if expected is not None:
            state, _ = read_state(path)
            if state.exists and state.sha256 != expected:
                raise FileChanged(path)
        return write_atomic(path, data, backup=backup)


__all__ = ["save_lock", "save_lock_path", "WAIT_SECONDS", "FileChanged", "replace_unless_changed"]
