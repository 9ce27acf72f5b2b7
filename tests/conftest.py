"""Shared test set-up: Qt runs offscreen, set before any Qt import.

No test may wait for a person: every message box answers at once (Discard
where offered, else Cancel or No) and every other modal dialog is rejected.
What was asked is recorded in the ``dialogs`` fixture. A test that asks for the
``modal`` fixture gets the real dialogs instead and answers them as a person
does (tests/modal_answers.py).
"""

import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KPIDESK_SETTINGS_ISOLATED", "1")
# Qt's own dialogs (the file dialog) keep their state in the user's config, QtProject.conf: a test run
# keeps it in a folder of its own, as it does kpidesk's settings, and leaves the user's as they were.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kpidesk-test-config-")
# The suite reads English texts: a planner's own LANGUAGE=ja (or LANG=ja_JP.UTF-8) must not change them.
# LANGUAGE comes first in kpidesk's rule (kpidesk/i18n.py); tests of Japanese set their own environment.
os.environ["LANGUAGE"] = "en"

# Property tests: a fifth of each test's examples in the default run, all of them with
# HYPOTHESIS_PROFILE=ci (CI's second run, .ci/run); tests/property_examples.py scales the counts.
# No deadline and no "generation is slow" check: on a busy machine (or two test processes on two
# cores) they fail on the clock, not on a fault of the code or the strategy.
_UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("default-run", max_examples=20, **_UNTIMED)
settings.register_profile("ci", max_examples=100, **_UNTIMED)
# Mutation runs (dev.py mutate): the same examples for every mutant, and no shrinking, which costs many
# times the test's own time on a failure that has already killed the mutant.
settings.register_profile("mutation", max_examples=20, derandomize=True, database=None,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate], **_UNTIMED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default-run"))
sys.path.insert(0, str(Path(__file__).parent))  # for property_examples


@pytest.fixture(autouse=True)
def dialogs(request, monkeypatch):
    """Answer modal dialogs without blocking; yields the list of (kind, title, text) asked."""
    asked: list[tuple[str, str, str]] = []
    if "modal" in request.fixturenames:  # real dialogs, answered by the test; checked after the test's own end
        request.getfixturevalue("qapp")
        answers = _helper("modal_answers").ModalAnswers()
        request.node.modal_answers = answers
        yield asked
        problems = answers.finish()
        assert not problems, problems
        return
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
    return _helper("tracked_plan").write_tracked_plan(tmp_path)


def _helper(name: str):
    """A helper module of tests/ by file name (tests/ is no package: pytest imports with importlib)."""
    import importlib.util
    import sys
    from pathlib import Path

    if name not in sys.modules:  # once: dataclasses look their module up there
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def modal(request, dialogs):
    """Real modal dialogs, answered by clicks and keys queued with ``modal.answer(...)`` (tests/modal_answers.py).

    The test fails when a dialog came that nobody expected (it is rejected, also while the test's windows
    close) or an answer was left unused.
    """
    return request.node.modal_answers


@pytest.fixture(scope="session")
def operation_count():
    """tests/operation_count.py: counts Metric attribute reads and children visited, for O(1) guards."""
    return _helper("operation_count")


# ---- tests that need a read-only folder or a file another user owns (marked unprivileged) ----------
#: Set by .ci/unprivileged, which runs ``-m unprivileged`` as a user other than root: there a skip
#: of such a test is a failure, as the run exists to do what root can only pretend.
UNPRIVILEGED_RUN = os.environ.get("KPIDESK_TEST_UNPRIVILEGED") == "1"
#: A folder the user may write, holding files another user owns (mode 0666); .ci/unprivileged makes it.
FOREIGN_FILES = "KPIDESK_TEST_FOREIGN_FILES"


def pytest_sessionstart(session):
    if UNPRIVILEGED_RUN and hasattr(os, "geteuid") and os.geteuid() == 0:
        raise pytest.UsageError("KPIDESK_TEST_UNPRIVILEGED=1 is for a run as a user other than root")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if UNPRIVILEGED_RUN and report.skipped and item.get_closest_marker("unprivileged"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in the unprivileged run, which must run it for real: {reason}"


@pytest.fixture
def give_away(monkeypatch):
    """Makes a file belong to another user, so that a save cannot keep its owner; returns a function.

    As root (who may give a file to anyone) it changes the owner to 4242 and makes ``os.fchown``
    refuse, as the system does for everyone else. As another user it puts in the file's place a
    file another user owns, from the folder named by KPIDESK_TEST_FOREIGN_FILES, holding the
    same bytes; without such a file the test is skipped (and fails in the unprivileged run).
    """
    import errno

    def give(path: Path) -> None:
        if os.geteuid() == 0:
            os.chown(path, 4242, 4242)

            def refuse(fd, uid, gid):
                raise PermissionError(errno.EPERM, "Operation not permitted")

            monkeypatch.setattr(os, "fchown", refuse)
            return
        folder = os.environ.get(FOREIGN_FILES)
        for candidate in sorted(Path(folder).iterdir()) if folder else []:
            if candidate.stat().st_uid == os.geteuid():
                continue
            claimed = path.with_name(f".{path.name}.foreign")
            try:
                os.replace(candidate, claimed)  # moved out of the folder: no other test gets it
            except FileNotFoundError:
                continue  # taken by a test running at the same time
            with open(claimed, "r+b") as stream:  # another user's file, writable by all
                stream.write(path.read_bytes())
                stream.truncate()
            os.replace(claimed, path)
            assert path.stat().st_uid != os.geteuid()
            return
        pytest.skip(f"needs a file owned by someone else: {FOREIGN_FILES} names no folder holding one")

    return give


_helper("plan_strategies")  # tests/plan_strategies.py: whole plan files, for properties in any folder (at import)
