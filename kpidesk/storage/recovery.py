"""Recovery files: unsaved changes kept on disk, so a crash loses almost nothing.

Each open document writes its own file ``<pid>-<uuid>.kpidesk-recovery`` into
a recovery folder that the caller chooses (the window uses the application's
data folder). The file is JSON: the plan's text and where it came from. A
clean exit removes it; a file whose process is gone is offered at the next
start. Two windows or two running programs never share a file, because the
name holds both the process id and a per-document uuid.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from kpidesk.storage import process
from kpidesk.storage.atomic import write_atomic

SUFFIX = ".kpidesk-recovery"
FORMAT = "kpidesk-recovery"
VERSION = 1


@dataclass(frozen=True)
class RecoveryEntry:
    """A recovery file found on disk."""

    file: Path
    original: Path | None
    title: str
    text: str
    pid: int
    started: str | None
    saved_at: float
    document: str
    base_sha256: str = ""  # the original file's hash when it was opened: tells if it changed since

    @property
    def orphaned(self) -> bool:
        """True when the program that wrote it is gone (crashed or killed)."""
        return not process.is_alive(self.pid, self.started)

    def display_name(self) -> str:
        return str(self.original) if self.original else (self.title or "untitled plan")


class RecoveryFile:
    """The recovery file of one open document."""

    def __init__(self, folder: Path, document: str | None = None) -> None:
        self.folder = Path(folder)
        self.document = document or uuid.uuid4().hex
        self.file = self.folder / f"{os.getpid()}-{self.document}{SUFFIX}"

    def write(self, text: str, original: Path | None, title: str = "", base_sha256: str = "") -> Path:
        """Store ``text`` (the plan's file text) with its metadata; raises SaveError."""
        record = {
            "format": FORMAT,
            "version": VERSION,
            "original": str(original) if original else None,
            "title": title,
            "pid": os.getpid(),
            "started": process.start_time(os.getpid()),
            "user": process.user_name(),
            "host": process.host_name(),
            "saved_at": time.time(),
            "document": self.document,
            "base_sha256": base_sha256,
            "text": text,
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.file, json.dumps(record, ensure_ascii=False).encode("utf-8"), backup=False)
        return self.file

    def remove(self) -> None:
        try:
            self.file.unlink()
        except FileNotFoundError:
            pass

    def exists(self) -> bool:
        return self.file.exists()


def read_entry(file: Path) -> RecoveryEntry | None:
    """Read one recovery file; None when it is not one (or is damaged)."""
    try:
        record = json.loads(Path(file).read_text(encoding="utf-8"))
        if not isinstance(record, dict) or record.get("format") != FORMAT or not isinstance(record.get("text"), str):
            return None
        original = record.get("original")
        return RecoveryEntry(
            file=Path(file),
            original=Path(original) if isinstance(original, str) and original else None,
            title=str(record.get("title") or ""),
            text=record["text"],
            pid=int(record.get("pid") or 0),
            started=record.get("started") if isinstance(record.get("started"), str) else None,
            saved_at=float(record.get("saved_at") or 0.0),
            document=str(record.get("document") or ""),
            base_sha256=str(record.get("base_sha256") or ""),
        )
    except (OSError, ValueError, TypeError):
        return None


def pending(folder: Path) -> list[RecoveryEntry]:
    """Recovery files left by programs that are gone, newest first."""
    try:
        files = sorted(Path(folder).glob(f"*{SUFFIX}"))
    except OSError:
        return []
    entries = [entry for entry in map(read_entry, files) if entry is not None and entry.orphaned]
    return sorted(entries, key=lambda entry: entry.saved_at, reverse=True)


def discard(entry: RecoveryEntry) -> None:
    try:
        entry.file.unlink()
    except FileNotFoundError:
        pass
