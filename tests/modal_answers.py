"""Modal dialogs answered as a person answers them: a click on a button, or keys, on the dialog that shows.

A test asks for the ``modal`` fixture (tests/conftest.py): then its dialogs are the real ones (the
suite's stand-ins stay away), and it queues one answer per dialog it expects before doing what opens
them. A timer looks for the active modal dialog every 10 ms, also inside the dialog's own event loop,
notes what it shows and runs the next answer on it. A dialog nobody expected, or an answer that fails,
is noted and the dialog rejected, so that no test waits for a person; the fixture then fails the test,
as it does when an answer was queued for a dialog that never came.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

Answer = Callable[[QWidget], None]
#: How long a dialog may stay open after its answer before it counts as asking again.
AGAIN_AFTER_S = 0.5
#: How long to wait for a dialog to become the active window (it takes the keys then) before answering anyway.
ACTIVE_WITHIN_S = 1.0


@dataclass
class Shown:
    """What one dialog showed when it was answered."""

    title: str
    text: str = ""  # a message box's text; the class name for other dialogs
    informative: str = ""
    buttons: dict[str, bool] = field(default_factory=dict)  # button text without "&": enabled


def plain(text: str) -> str:
    """A button's text as read, without the "&" that marks its access key."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def buttons_of(dialog: QWidget) -> list[QAbstractButton]:
    if isinstance(dialog, QMessageBox):
        return list(dialog.buttons())
    return [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]


def shown(dialog: QWidget) -> Shown:
    buttons = {plain(b.text()): b.isEnabled() for b in buttons_of(dialog)}
    if isinstance(dialog, QMessageBox):
        return Shown(dialog.windowTitle(), dialog.text(), dialog.informativeText(), buttons)
    return Shown(dialog.windowTitle(), type(dialog).__name__, "", buttons)


def click(text: str) -> Answer:
    """Click the button whose text, read without "&", is ``text`` (it must be there and enabled)."""

    def answer(dialog: QWidget) -> None:
        found = [b for b in buttons_of(dialog) if plain(b.text()) == plain(text)]
        assert len(found) == 1, f"no single button {text!r} among {[plain(b.text()) for b in buttons_of(dialog)]}"
        assert found[0].isEnabled(), f"{text!r} is disabled"
        QTest.mouseClick(found[0], Qt.MouseButton.LeftButton)

    return answer


def key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Answer:
    """Press ``key`` where the dialog has its keyboard focus (Esc cancels, Enter takes the default button)."""

    def answer(dialog: QWidget) -> None:
        target = dialog.focusWidget() or dialog
        QTest.keyClick(target, key, modifier)

    return answer


class ModalAnswers:
    """Answers the dialogs that open, in order, with the answers queued."""

    click = staticmethod(click)
    key = staticmethod(key)

    def __init__(self) -> None:
        self.answers: deque[Answer] = deque()
        self.seen: list[Shown] = []
        self.problems: list[str] = []
        self._last: tuple[QWidget | None, float] = (None, 0.0)  # the dialog answered last, and when
        self._waiting: tuple[QWidget | None, float] = (None, 0.0)  # the dialog showing, and since when
        self._running: list[QWidget] = []  # dialogs whose answers are under way
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def answer(self, *answers: Answer) -> list[Shown]:
        """Queue answers, one per dialog to come; returns the list that notes what each dialog showed."""
        self.answers.extend(answers)
        return self.seen

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        now = time.monotonic()
        if dialog in self._running:
            return  # its answer is still under way (and opened the dialog now on top, or is about to close it)
        last, when = self._last
        if dialog is last and now - when < AGAIN_AFTER_S:
            return  # still closing after its answer; the same dialog asking again comes later (a refused value)
        if dialog is not self._waiting[0]:
            self._waiting = (dialog, now)
        if not dialog.isActiveWindow() and now - self._waiting[1] < ACTIVE_WITHIN_S:
            return  # a person answers once the dialog has the keyboard
        note = shown(dialog)
        if not self.answers:
            self.problems.append(f"a dialog nobody expected: {note}")
            self._dismiss(dialog)
            return
        self.seen.append(note)
        answer = self.answers.popleft()
        self._last = (dialog, now)
        self._running.append(dialog)
        # Answered from a timer of its own: this one must keep looking while the answer runs, for a dialog that
        # the answer opens (a refused value's message); Qt does not run a timer's slot again while it runs.
        QTimer.singleShot(0, lambda: self._run(answer, dialog, note))

    def _run(self, answer: Answer, dialog: QWidget, note: Shown) -> None:
        owner = dialog.parentWidget().window() if dialog.parentWidget() is not None else None
        try:
            answer(dialog)
        except Exception as exc:  # noqa: BLE001 - told at the end of the test; the dialog must not wait
            self.problems.append(f"answering {note}: {exc!r}")
            self._dismiss(dialog)
        finally:
            self._running.remove(dialog)
        self._last = (dialog, time.monotonic())
        if owner is not None and not dialog.isVisible():
            # As a window manager does, the window under the closed dialog is active again (the offscreen
            # platform leaves none active), so that its keys and shortcuts work for what the test types next.
            owner.activateWindow()
            QApplication.processEvents()

    @staticmethod
    def _dismiss(dialog: QWidget) -> None:
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    def finish(self) -> list[str]:
        """Stop looking; what went wrong, if anything (dialogs unexpected, answers never used)."""
        self._timer.stop()
        left = [f"{len(self.answers)} answer(s) queued for dialogs that never opened"] if self.answers else []
        return self.problems + left
