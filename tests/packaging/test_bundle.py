"""The built program: PyInstaller builds the one-folder bundle and packaging/check_bundle.py tries it.

Slow (a build takes one to two minutes) and only where PyInstaller is installed:
``.venv-package/bin/python -m pytest -m slow tests/packaging``. CI builds with
``python3 dev.py package`` and runs the same checks (.ci/run).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (python3 dev.py package installs it)")

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_built_bundle_runs_commands_exports_opens_plans_and_installs(tmp_path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "work"
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--work", str(work)],
                   check=True, cwd=ROOT, timeout=1800)
    bundle = dist / ("kpidesk.app" if sys.platform == "darwin" else "kpidesk")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "check_bundle.py"), str(bundle)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
