"""Plans for the render tests: the sample plan and the 200-metric channel plan."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kpidesk import paths

ROOT = Path(__file__).resolve().parents[2]


def _export_plans():
    spec = importlib.util.spec_from_file_location("export_plans", ROOT / "benchmarks" / "export_plans.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return paths.templates()["btob-web"]


@pytest.fixture(scope="session")
def big_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "channels.toml"
    path.write_text(_export_plans().channel_plan_text(200), encoding="utf-8")
    return path
