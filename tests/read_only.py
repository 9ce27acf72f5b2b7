"""A folder made read-only for a test, also when the tests run as root (who may write anywhere)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``folder`` read-only while the block runs: its mode 0o555, or as root creating a file in it refused as a
    read-only folder refuses it (.ci/unprivileged runs these tests as another user, for real); writable after."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
    else:
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):
            if Path(path).parent == folder and flags & os.O_CREAT:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)
