"""A lock file beside an open plan, so colleagues on a shared drive see who has it open.

``.~PLAN.toml.lock`` (the name office programs use, so sync clients skip it)
holds JSON: user, host, pid, since. A lock left by a kpidesk of the same user
on the same machine whose process is gone (a crash) is taken over silently;
any other lock is reported to the caller, who asks the planner.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kpidesk.storage import process
from kpidesk.storage.atomic import write_atomic


class LockState(Enum):
    FREE = "free"  # no lock: take it
    STALE = "stale"  # our own user and host, process gone: take it over silently
    OURS = "ours"  # this very process holds it (another window of ours)
    OTHER = "other"  # someone else, another machine, or a live process: ask


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str
    started: str | None = None
    token: str = ""

    def describe(self) -> str:
        return f"{self.user} on {self.host} (since {self.since})"


def lock_path(plan: Path) -> Path:
    plan = Path(plan)
    return plan.with_name(f".~{plan.name}.lock")


def read_lock(plan: Path) -> LockInfo | None:
    """The lock on ``plan``, or None when there is none. An unreadable lock counts as someone else's."""
    path = lock_path(plan)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return LockInfo("someone", "another computer", 0, "")
    try:
        record = json.loads(raw)
        return LockInfo(str(record["user"]), str(record["host"]), int(record["pid"]), str(record.get("since", "")),
                        record.get("started"), str(record.get("token", "")))
    except (ValueError, KeyError, TypeError):
        return LockInfo("someone", "another computer", 0, "")


def state_of(info: LockInfo | None) -> LockState:
    if info is None:
        return LockState.FREE
    same_place = info.user == process.user_name() and info.host == process.host_name()
    if same_place and info.pid == os.getpid():
        return LockState.OURS
    if same_place and not process.is_alive(info.pid, info.started):
        return LockState.STALE
    return LockState.OTHER


def held_by_other(plan: Path) -> LockInfo | None:
    """Who holds ``plan`` open in a kpidesk window, when it is not this process and not a crashed one of ours.

    For writers without a window (``kpidesk set``): such a lock means a live
    window of another process, or of another user or machine (whose process
    cannot be checked from here), has the plan open.
    """
    info = read_lock(plan)
    return info if state_of(info) is LockState.OTHER else None


class PlanLock:
    """Our lock on one plan file; ``release()`` removes it only while it is still ours."""

    def __init__(self, plan: Path) -> None:
        self.plan = Path(plan)
        self.path = lock_path(self.plan)
        self.token = uuid.uuid4().hex
        self.held = False

    def _record(self) -> bytes:
        return json.dumps({
            "user": process.user_name(),
            "host": process.host_name(),
            "pid": os.getpid(),
            "started": process.start_time(os.getpid()),
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "token": self.token,
            "program": "kpidesk",
        }).encode("utf-8")

    def try_acquire(self) -> tuple[LockState, LockInfo | None]:
        """Take the lock if it is free or stale; otherwise leave it and say whose it is.

        A folder where no lock can be written (read-only) gives FREE with
        ``held`` False: the plan opens, unlocked.
        """
        info = read_lock(self.plan)
        state = state_of(info)
        if state is LockState.FREE:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:  # someone took it a moment ago
                other = read_lock(self.plan)
                return (LockState.OTHER, other) if other is not None else (LockState.FREE, None)
            except OSError:
                return LockState.FREE, None
            with os.fdopen(fd, "wb") as stream:
                stream.write(self._record())
            self.held = True
        elif state is LockState.STALE:
            self.take()
        return state, info

    def take(self) -> None:
        """Write our lock over whatever is there ("open anyway", or a stale lock)."""
        try:
            write_atomic(self.path, self._record(), backup=False)
            self.held = True
        except OSError:
            self.held = False

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        info = read_lock(self.plan)
        if info is not None and info.token == self.token:
            try:
                self.path.unlink()
            except OSError:
                pass
