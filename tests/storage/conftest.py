"""What the storage tests share: a live process of their own, and the signals sent to processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.fixture
def child():
    """A process of the test's own that lives until the test ends (a minute at most)."""
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield running
    running.kill()
    running.wait()


@pytest.fixture
def signals(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Every os.kill call (the tests' own processes only: a wrong signal harms none but them)."""
    sent: list[tuple[int, int]] = []
    real_kill = os.kill

    def recording(pid: int, sig: int) -> None:
        sent.append((pid, sig))
        real_kill(pid, sig)

    monkeypatch.setattr(os, "kill", recording)
    return sent
