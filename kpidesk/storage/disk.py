"""What a file on disk looks like now, to notice changes made by other programs.

Size, modification time and inode are cheap to read and catch most changes
(also a replacement by rename, which gives a new inode); the SHA-256 of the
content decides, so a file touched but not changed is no change at all.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class DiskState:
    exists: bool
    size: int = 0
    mtime_ns: int = 0
    inode: int = 0
    sha256: str = ""

    @property
    def quick(self) -> tuple[bool, int, int, int]:
        return self.exists, self.size, self.mtime_ns, self.inode


def stat_state(path: Path) -> DiskState:
    """Size, time and inode only (no hash)."""
    try:
        info = os.stat(path)
    except OSError:
        return DiskState(False)
    return DiskState(True, info.st_size, info.st_mtime_ns, info.st_ino)


def read_state(path: Path) -> tuple[DiskState, bytes | None]:
    """The state with the content's hash, and the content (None when unreadable)."""
    quick = stat_state(path)
    if not quick.exists:
        return quick, None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return quick, None
    return DiskState(True, quick.size, quick.mtime_ns, quick.inode, digest(data)), data
