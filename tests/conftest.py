"""Shared test set-up: Qt runs offscreen, set before any Qt import.

No test may wait for a person: every message box answers at once (Discard
where offered, else Cancel or No) and every other modal dialog is rejected.
What was asked is recorded in the ``dialogs`` fixture. A test that wants
another answer patches the box itself.
"""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KPIDESK_SETTINGS_ISOLATED", "1")
# The suite reads English texts: a planner's own LANGUAGE=ja (or LANG=ja_JP.UTF-8) must not change them.
# LANGUAGE comes first in kpidesk's rule (kpidesk/i18n.py); tests of Japanese set their own environment.
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def dialogs(request, monkeypatch):
    """Answer modal dialogs without blocking; yields the list of (kind, title, text) asked."""
    asked: list[tuple[str, str, str]] = []
    if not any(part in str(request.path) for part in ("gui", "safety", "render")):
        yield asked
        return
    from PySide6.QtWidgets import QDialog, QMessageBox

    buttons = QMessageBox.StandardButton

    def answer(kind):
        def ask(parent, title, text, choices=buttons.Ok, default=buttons.NoButton):
            asked.append((kind, title, text))
            for choice in (buttons.Discard, buttons.Cancel, buttons.No, buttons.Ok):
                if choices & choice:
                    return choice
            return buttons.NoButton
        return staticmethod(ask)

    for kind in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, answer(kind))

    def reject(dialog) -> int:
        asked.append(("dialog", dialog.windowTitle(), type(dialog).__name__))
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", reject)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: (asked.append(("box", box.windowTitle(), box.text())),
                                                          int(buttons.Cancel))[1])
    yield asked


@pytest.fixture
def tracked_plan_path(tmp_path):
    """The sample plan with three months of actuals (see tests/tracked_plan.py), written to a file."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("tracked_plan", Path(__file__).with_name("tracked_plan.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_tracked_plan(tmp_path)


@pytest.fixture(scope="session")
def operation_count():
    """tests/operation_count.py: counts Metric attribute reads and children visited, for O(1) guards."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("operation_count", Path(__file__).with_name("operation_count.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shared_module(name: str) -> None:
    """Load ``tests/NAME.py`` as module ``NAME``: with --import-mode=importlib the tests folder is not on the path,
    and hypothesis strategies are needed at import time, where a fixture cannot reach."""
    import importlib.util
    import sys
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


_shared_module("plan_strategies")  # tests/plan_strategies.py: whole plan files, for properties in any folder
