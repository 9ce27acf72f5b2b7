"""Run ``python -m kpidesk ARGS...`` the moment a barrier file appears, so that two commands start together.

Usage: ``python barrier_run.py READY BARRIER ARGS...``: imports kpidesk's
command line first (so start-up time does not decide who goes first),
creates READY, waits for BARRIER, then runs the module exactly as
``python -m kpidesk ARGS...`` does.
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path

import kpidesk.cli  # noqa: F401 - imported before the barrier, as a warm start

ready, barrier, *arguments = sys.argv[1:]
Path(ready).touch()
deadline = time.monotonic() + 60
while not Path(barrier).exists():
    if time.monotonic() > deadline:
        sys.exit("the barrier never came")
    time.sleep(0.0005)
sys.argv = ["kpidesk", *arguments]
runpy.run_module("kpidesk", run_name="__main__", alter_sys=True)
