"""Who we are, and whether a process still runs: the facts locks and recovery files rest on."""

from __future__ import annotations

import ctypes
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from kpidesk.storage import process


# ---- names ---------------------------------------------------------------------------------
def test_without_a_user_name_the_user_id_stands_in(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_name() -> str:
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(process.getpass, "getuser", no_name)
    if hasattr(os, "getuid"):
        assert process.user_name() == str(os.getuid())
    monkeypatch.delattr(os, "getuid", raising=False)
    assert process.user_name() == "unknown"


def test_the_host_name_is_the_systems_or_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(process.socket, "gethostname", lambda: "desk-7")
    assert process.host_name() == "desk-7"
    monkeypatch.setattr(process.socket, "gethostname", lambda: "")
    assert process.host_name() == "localhost"


# ---- start time ----------------------------------------------------------------------------
def fields_after_name(count: int, start: str = "4242") -> str:
    """``count`` fields after the name in /proc/PID/stat: the state, then numbers; the 20th is the start time."""
    fields = ["S", *(str(n) for n in range(1, 19)), start, *(str(n) for n in range(20, count))]
    return " ".join(fields[:count])


def stat_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes) -> None:
    """/proc/PID/stat of every pid reads ``content`` (opened with the caller's own encoding and errors)."""
    fake = tmp_path / "stat"
    fake.write_bytes(content)

    def opening(path, *args, **kwargs):
        assert str(path).startswith("/proc/") and str(path).endswith("/stat")
        return open(fake, *args, **kwargs)

    monkeypatch.setattr(process, "open", opening, raising=False)


@pytest.mark.parametrize("name", [b"python3", b"a) b (c", b"we ) ird)", b"\xe3\x83\x86\xe3\x82\xb9\xff)"])
def test_the_start_time_is_the_twentieth_field_after_the_name(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: bytes) -> None:
    """The name may hold spaces, brackets and bytes of any encoding: the fields count from its last ")"."""
    stat_file(monkeypatch, tmp_path, b"1234 (" + name + b") " + fields_after_name(40).encode() + b"\n")
    assert process.start_time(1234) == "4242"


def test_a_stat_line_of_twenty_fields_has_a_start_time_and_one_of_nineteen_none(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stat_file(monkeypatch, tmp_path, b"1234 (x) " + fields_after_name(20).encode())
    assert process.start_time(1234) == "4242"
    stat_file(monkeypatch, tmp_path, b"1234 (x) " + fields_after_name(19).encode())
    assert process.start_time(1234) is None


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux /proc only")
def test_the_start_time_of_a_real_process(child: subprocess.Popen) -> None:
    text = Path(f"/proc/{child.pid}/stat").read_text(encoding="ascii", errors="replace")
    assert process.start_time(child.pid) == text.rsplit(")", 1)[1].split()[19]
    assert process.start_time(2**22 + 1) is None  # no such process


# ---- alive ---------------------------------------------------------------------------------
def test_no_pid_is_no_process() -> None:
    assert process.is_alive(0) is False
    assert process.is_alive(-5) is False


def test_this_process_is_alive_unless_it_started_at_another_time() -> None:
    me = os.getpid()
    assert process.is_alive(me) is True
    if process.start_time(me) is not None:
        assert process.is_alive(me, process.start_time(me)) is True
        assert process.is_alive(me, "1") is False


def test_a_running_child_is_alive_only_with_its_own_start_time(child: subprocess.Popen, signals: list) -> None:
    started = process.start_time(child.pid)
    assert process.is_alive(child.pid) is True
    if started is not None:  # where the system tells it: a pid reused by another program is not alive
        assert process.is_alive(child.pid, started) is True
        assert process.is_alive(child.pid, str(int(started) + 1)) is False
    assert signals and all(sig == 0 for _, sig in signals)
    assert child.poll() is None


def test_a_finished_process_is_not_alive(child: subprocess.Popen) -> None:
    child.kill()
    child.wait()
    assert process.is_alive(child.pid) is False


def test_pid_one_is_a_process_like_any_other(monkeypatch: pytest.MonkeyPatch) -> None:
    probed: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: probed.append((pid, sig)))  # nothing is sent to init
    assert process.is_alive(1) is True
    assert probed == [(1, 0)]


def test_a_process_of_another_user_is_alive(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_ours(pid: int, sig: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", not_ours)
    monkeypatch.setattr(process, "start_time", lambda pid: None)
    assert process.is_alive(4321, "99") is True  # its start time cannot be read: alive


class FakeKernel32:
    """OpenProcess and CloseHandle as Windows has them: a handle for a running process, 0 for none."""

    def __init__(self, running: set[int]) -> None:
        self.running = running
        self.calls: list[tuple] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:  # noqa: N802 - the Windows name
        self.calls.append(("OpenProcess", access, inherit, pid))
        return 1000 + pid if pid in self.running else 0

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        self.calls.append(("CloseHandle", handle))
        return 1


def test_on_windows_a_process_is_alive_when_it_can_be_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = FakeKernel32({4321})
    monkeypatch.setattr(process, "sys", SimpleNamespace(platform="win32"))
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    assert process.is_alive(4321) is True
    assert kernel32.calls == [("OpenProcess", 0x1000, False, 4321), ("CloseHandle", 5321)]
    kernel32.calls.clear()
    assert process.is_alive(4322) is False
    assert kernel32.calls == [("OpenProcess", 0x1000, False, 4322)]
