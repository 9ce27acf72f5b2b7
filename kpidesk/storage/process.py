"""Who we are and whether another process is still running (for locks and recovery files).

A process id alone is reused after a while, so where the system tells a
process's start time (Linux ``/proc``), it is recorded too: a live process
with the same id but another start time is a different program.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def host_name() -> str:
    return socket.gethostname() or "localhost"


def start_time(pid: int) -> str | None:
    """The start time of process ``pid`` in clock ticks since boot (Linux only), else None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stream:
            text = stream.read()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()
    return fields[19] if len(fields) > 19 else None


def is_alive(pid: int, started: str | None = None) -> bool:
    """Whether process ``pid`` (started at ``started``, if known) still runs on this machine."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return started is None or started == start_time(pid)
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, run by someone else
    now = start_time(pid)
    return started is None or now is None or now == started
