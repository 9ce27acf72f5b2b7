"""Runs kpidesk's window as ``kpidesk FILE`` does (kpidesk.gui.app.run), driven from outside.

``edit FILE``: makes two edits once the window is up and prints ``recovery PATH``
when the autosave wrote them; the test then kills the process.
``restore FILE``: answers "Restore" when the window offers recovery, prints
what the window holds as JSON, saves and closes the window cleanly.
"""

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import kpidesk.gui.file_guard as file_guard
from kpidesk.gui.app import run
from kpidesk.gui.main_window import MainWindow

app = QApplication(sys.argv[:1])
mode, path = sys.argv[1], sys.argv[2]
asked: list[str] = []
reported: list[bool] = []


def window() -> MainWindow:
    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))


def edit() -> None:
    w = window()
    w.guard.recoveryWritten.connect(lambda written: print("recovery", written, flush=True))
    w.guard.set_autosave_delay(100)  # the test waits for the recovery file: no need to wait the 2 s
    w.document.set_rate("visits", "20")
    w.document.rename("leads", "Leads (web)")


def answer(parent, kind: str, details: dict) -> str:
    asked.append(kind)
    if kind == "recover":
        QTimer.singleShot(0, report)  # once the edits are restored, not after a fixed time
    return {"recover": "restore"}.get(kind, "cancel")


def report() -> None:
    if reported:
        return
    reported.append(True)
    w = window()
    document = w.document
    print(json.dumps({
        "asked": asked,
        "modified": document.is_modified(),
        "rate": str(document.plan.metrics["visits"].rate),
        "name": document.plan.metrics["leads"].name,
        "path": str(document.path),
        "read_only": w.guard.read_only,
    }), flush=True)
    w.files.save()
    w.close()


if mode == "edit":
    QTimer.singleShot(300, edit)
else:
    file_guard.ask_with_dialogs = answer
    QTimer.singleShot(5000, report)  # what the window holds if recovery is never offered
sys.exit(run(path))
