"""Keeps a document's work safe while it is open: autosave, shared-file changes, the lock.

One FileGuard watches one Document (duck-typed: ``plan_file``, ``path``,
``is_modified()``, ``undo_stack`` and the signals ``modifiedChanged``,
``planReplaced``, ``pathChanged``, ``saved``):

- unsaved changes go to a private recovery file about two seconds after the
  last change; saving, discarding or a clean exit remove it. The plan's text
  is made on the GUI thread (the plan belongs to it), the file is written by a
  worker thread (:class:`RecoveryWriter`: one write at a time, in order, the
  newest waiting text replacing an older one), so a slow disk never stalls the
  window; removing the file first waits for a write under way;
- the plan's file and its folder are watched; when the content on disk no
  longer matches what was loaded or saved, ``externallyChanged`` is emitted
  and the planner can reload, keep their version or see the differences;
- a save first compares the file on disk with what was loaded (a colleague
  may have saved meanwhile) and asks before overwriting it;
- a lock file tells others the plan is open.

The questions go through ``self.ask(kind, details) -> answer``, which shows a
message box; tests replace it. The file logic lives in ``kpidesk.storage``.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kpidesk import planfile
from kpidesk.gui.guard_dialogs import ask_with_dialogs, unified_diff  # noqa: F401 - unified_diff: tests import it here
from kpidesk.gui.plan_compare import changes_on_disk
from kpidesk.model.reasons import reason_of
from kpidesk.storage import lock as locks
from kpidesk.storage import recovery
from kpidesk.storage.disk import DiskState, read_state, stat_state

AUTOSAVE_DELAY_MS = 2000
CHANGE_SETTLE_MS = 60  # let a writer finish (write, then rename) before we look
_isolated_recovery: str | None = None

Ask = Callable[[str, dict[str, Any]], str]


def recovery_folder() -> Path:
    """Where recovery files live: the application's data folder, or a test folder.

    ``KPIDESK_RECOVERY_DIR`` chooses the folder (tests, portable installs);
    with ``KPIDESK_SETTINGS_ISOLATED`` (the test suite) a throw-away folder is used.
    """
    global _isolated_recovery
    chosen = os.environ.get("KPIDESK_RECOVERY_DIR")
    if chosen:
        return Path(chosen)
    if os.environ.get("KPIDESK_SETTINGS_ISOLATED"):
        if _isolated_recovery is None:
            _isolated_recovery = tempfile.mkdtemp(prefix="kpidesk-recovery-")
        return Path(_isolated_recovery)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def _single_shot(parent: QObject, interval: int) -> QTimer:
    # Set with methods: passing singleShot=True as a constructor keyword drops a
    # reference to Python's True in PySide6 6.12 and crashes the interpreter at exit.
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    return timer


@dataclass(frozen=True)
class RecoveryJob:
    """One recovery write: the plan's text as it was when the job was made, and where it came from."""

    number: int  # jobs of one guard are numbered in the order they were made
    write: Callable[[str, Path | None, str, str], Path]  # RecoveryFile.write
    text: str
    original: Path | None
    title: str
    base_sha256: str

    def run(self) -> tuple[int, str, str]:
        """Write the file: (number, path written, "") or (number, "", why it failed, in the window's language)."""
        try:
            return self.number, str(self.write(self.text, self.original, self.title, self.base_sha256)), ""
        except Exception as exc:  # noqa: BLE001 - on a worker thread nothing else would hear of it
            return self.number, "", reason_of(exc).text(QCoreApplication.translate) or type(exc).__name__


class RecoveryWriter(QObject):
    """Writes recovery files on a worker thread, one at a time and in the order they were asked for.

    A job that is still waiting when a newer one comes is dropped (the newer text holds everything it
    held), so an older text never overwrites a newer one. ``finished`` reaches the thread the writer
    lives on (the GUI thread) through Qt's queued connection. The worker thread lives only while
    there is something to write.
    """

    finished = Signal(int, str, str)  # job number, path written ("" on failure), why it failed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = threading.Condition()
        self._waiting: RecoveryJob | None = None
        self._busy = False
        self._thread: threading.Thread | None = None

    def submit(self, job: RecoveryJob) -> None:
        """Write ``job`` after the write under way, instead of any job still waiting."""
        with self._state:
            self._waiting = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="kpidesk-recovery", daemon=True)
                self._thread.start()
            self._state.notify_all()

    def cancel(self) -> None:
        """Drop the job waiting, if any (a write under way finishes)."""
        with self._state:
            self._waiting = None
            self._state.notify_all()

    def wait(self) -> None:
        """Block until nothing is being written or waits to be, and the worker has told of its last
        write and ended: after this, nothing on the worker touches Qt (the program may exit)."""
        with self._state:
            while self._busy or self._waiting is not None or self._thread is not None:
                self._state.wait()

    def _work(self) -> None:
        while True:
            with self._state:
                job = self._waiting
                if job is None:
                    self._thread = None
                    self._state.notify_all()
                    return
                self._waiting = None
                self._busy = True
            gone = False
            try:
                result = job.run()
                try:
                    self.finished.emit(*result)  # still busy: wait() returns only after the telling
                except RuntimeError:  # the window went away meanwhile: nobody left to tell
                    gone = True
            finally:
                with self._state:
                    self._busy = False
                    if gone:
                        self._thread = None
                    self._state.notify_all()
            if gone:
                return


class FileGuard(QObject):
    """Autosave, change watching and locking for one document."""

    externallyChanged = Signal(str)  # the plan's file on disk changed (path)
    recoveryWritten = Signal(str)  # a recovery file was written (its path)
    problem = Signal(str)  # something the planner should know (autosave failed, lock lost...)

    def __init__(self, document: Any, parent: QObject | None = None, *, folder: Path | None = None,
                 widget: QWidget | None = None, delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__(parent)
        self.document = document
        self.widget = widget
        self.recovery = recovery.RecoveryFile(folder or recovery_folder())
        self.lock: locks.PlanLock | None = None
        self.read_only = False
        self.known: DiskState | None = None  # the file as last loaded or saved
        self.notified_sha = ""  # the disk content we last told the planner about
        self.ask: Ask = self._ask_with_dialogs
        self.auto_prompt = True
        self._path: Path | None = None  # the file of the document, to tell an open from a revert
        self._next_read_only: bool | None = None  # the planner's answer in prepare_open
        self._watched: Path | None = None
        self._quick: tuple[bool, int, int, int] | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_disk_event)
        self._watcher.directoryChanged.connect(self._on_disk_event)
        self._autosave = _single_shot(self, delay_ms)
        self._autosave.timeout.connect(lambda: self.write_recovery())
        self._writer = RecoveryWriter(self)
        self._writer.finished.connect(self._recovery_finished)
        self._jobs = 0  # recovery jobs made
        self._dropped_upto = 0  # jobs made before the file was last removed: their results are old news
        self._settle = _single_shot(self, CHANGE_SETTLE_MS)
        self._settle.timeout.connect(self.check_disk)
        document.undo_stack.indexChanged.connect(self._on_edit)
        document.modifiedChanged.connect(self._on_modified)
        document.planReplaced.connect(self._on_replaced)
        document.saved.connect(self._on_saved)
        self._on_replaced()

    # ---- autosave ---------------------------------------------------------------------------
    def _alive(self) -> bool:
        """False while the document is being destroyed (its undo stack emits on the way out)."""
        return shiboken6.isValid(self.document) and shiboken6.isValid(self.document.undo_stack)

    def set_autosave_delay(self, delay_ms: int) -> None:
        """How long after the last edit the recovery file is written (Edit > Preferences)."""
        self._autosave.setInterval(max(100, int(delay_ms)))

    @property
    def autosave_delay(self) -> int:
        return self._autosave.interval()

    def _on_edit(self, *args: Any) -> None:
        if self._alive() and self.document.is_modified():
            self._autosave.start()  # restarting it: one write ~2 s after the last change

    def _on_modified(self, modified: bool) -> None:
        if modified:
            self._autosave.start()
        else:
            self._autosave.stop()
            self.remove_recovery()

    def write_recovery(self, *, wait: bool = False) -> bool:
        """Keep the unsaved plan in the recovery file; without unsaved changes, remove the file.

        The text is made here, on the GUI thread; the file is written by the worker, and
        ``recoveryWritten`` (or ``problem``) follows on the GUI thread when it is. With ``wait`` the
        file is written before this returns (after any write under way), for callers that act on it.
        False when there was nothing to keep or (with ``wait``) the write failed.
        """
        if not self._alive():
            return False
        if not self.document.is_modified():
            self.remove_recovery()
            return False
        plan_file = self.document.plan_file
        self._jobs += 1
        job = RecoveryJob(self._jobs, self.recovery.write, plan_file.dumps(), self.document.path,
                          plan_file.plan.info.get("title") or "",
                          self.known.sha256 if self.known and self.known.exists else "")
        if not wait:
            self._writer.submit(job)
            return True
        self._writer.cancel()
        self._writer.wait()
        return self._recovery_finished(*job.run())

    def wait_for_recovery(self) -> None:
        """Block until the recovery write under way (and any waiting) is done."""
        self._writer.wait()

    def remove_recovery(self) -> None:
        """Remove the recovery file, after the write under way: a write never brings it back."""
        self._writer.cancel()
        self._writer.wait()
        self._dropped_upto = self._jobs
        self.recovery.remove()

    def _recovery_finished(self, number: int, written: str, error: str) -> bool:
        if number <= self._dropped_upto:
            return False  # written before the file was removed, and removed since
        if error:
            self.problem.emit(self.tr("Unsaved changes could not be kept for recovery: {0}").format(error))
            return False
        self.recoveryWritten.emit(written)
        return True

    # ---- what is on disk --------------------------------------------------------------------
    def _on_replaced(self) -> None:
        path = self.document.path
        if path != self._path:
            self.read_only = bool(self._next_read_only)
        self._path = path
        self.notified_sha = ""
        self._take_disk_state(path)
        self._watch(path)
        self._lock(path)
        if self.document.is_modified():
            self._autosave.start()

    def _on_saved(self, path: str) -> None:
        self._path = Path(path)
        self._take_disk_state(Path(path))
        self.read_only = False
        self._watch(Path(path))
        self._lock(Path(path))
        self.remove_recovery()
        warnings = getattr(self.document.plan_file, "save_warnings", [])
        if warnings:  # saved, but something of the old file could not be kept (owner, attributes): reasons
            self.problem.emit(" ".join(note.text(QCoreApplication.translate) for note in warnings))

    def _take_disk_state(self, path: Path | None) -> None:
        self.known, _ = read_state(path) if path is not None else (None, None)
        self._quick = self.known.quick if self.known else None

    def adopt_base(self, sha256: str) -> None:
        """After a recovery: the file counts as changed if it differs from what the crashed window read."""
        if self.known is not None and sha256 and self.known.sha256 != sha256:
            self.known = DiskState(True, -1, -1, -1, sha256)

    def _watch(self, path: Path | None) -> None:
        old = [*self._watcher.files(), *self._watcher.directories()]
        if old:
            self._watcher.removePaths(old)
        self._watched = path
        if path is None:
            return
        targets = [str(path.parent)] + ([str(path)] if path.exists() else [])
        self._watcher.addPaths(targets)

    def _on_disk_event(self, *args: Any) -> None:
        self._settle.start()

    def check_disk(self) -> bool:
        """Compare the file with what was loaded or saved; True (and a signal) when it changed."""
        path = self._watched
        if path is None:
            return False
        if path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))  # a rename replaced the file: watch the new one
        quick = stat_state(path).quick
        if quick == self._quick:
            return False
        self._quick = quick
        state, _ = read_state(path)
        known_sha = self.known.sha256 if self.known else ""
        if state.sha256 == known_sha or (not state.exists and not known_sha) or state.sha256 == self.notified_sha:
            return False
        self.notified_sha = state.sha256
        self.externallyChanged.emit(str(path))
        if self.auto_prompt:
            QTimer.singleShot(0, self.resolve_external_change)
        return True

    def disk_changed(self) -> bool:
        """Whether the file on disk differs from the one loaded or last saved here."""
        path = self.document.path
        if path is None or self.known is None:
            return False
        state, _ = read_state(path)
        if not state.exists:
            return False  # deleted or moved away: saving puts it back, nothing is overwritten
        return state.sha256 != self.known.sha256

    def resolve_external_change(self) -> str:
        """Ask what to do about the changed file: "reload", "keep" (or "diff" first)."""
        path = self.document.path
        if path is None or not self.disk_changed():
            return "none"
        kind = "changed-modified" if self.document.is_modified() else "changed"
        while True:
            answer = self.ask(kind, {"path": str(path)})
            if answer != "diff":
                break
            self.ask("diff", {"path": str(path), "diff": self.diff()})
        if answer == "reload":
            self.reload()
        return answer

    def diff(self) -> str:
        """What changed on disk since the file was read here, and this window's unsaved changes, by metric and
        field (a text diff when the file on disk is no plan)."""
        path = self.document.path
        if path is None:
            return ""
        _, data = read_state(path)
        try:
            theirs = planfile.decode_bytes(data or b"", str(path)) if data is not None else ""
        except planfile.PlanFileError as exc:
            return exc.text(QCoreApplication.translate)
        plan_file = self.document.plan_file
        return changes_on_disk(plan_file.text, plan_file.plan, plan_file.dumps(), theirs, path.name)

    def reload(self) -> None:
        """Read the file again (the planner chose the version on disk)."""
        self.document.revert()

    def before_save(self, target: Path | None = None) -> bool:
        """Call before writing: False when the planner chose not to overwrite (or may not)."""
        path = Path(target) if target is not None else self.document.path
        same_file = path is not None and path == self.document.path
        if same_file and self.read_only:
            self.ask("read-only", {"path": str(path)})
            return False
        if same_file and self.disk_changed():
            seen, _ = read_state(path)  # the version the planner is asked about
            if self.ask("overwrite", {"path": str(path)}) != "overwrite":
                return False
            # consent to replace that version only: a save that lands later (even while the question
            # is open) is found by planfile.save, which then refuses instead of overwriting it
            self.document.plan_file.base_sha256 = seen.sha256 if seen.exists else None
        return True

    # ---- lock -------------------------------------------------------------------------------------
    def check_lock(self, path: Path) -> str:
        """Before opening ``path``: "open", "read-only" or "cancel" (asks when someone else holds it)."""
        state, info = locks.state_of(locks.read_lock(path)), locks.read_lock(path)
        if state is not locks.LockState.OTHER or info is None:
            return "open"
        return self.ask("locked", {"path": str(path), "who": info.describe()})

    def open_read_only(self, read_only: bool) -> None:
        self.read_only = read_only

    def prepare_open(self, path: Path) -> bool:
        """Before the document opens ``path``: ask about someone else's lock; False to cancel."""
        answer = self.check_lock(Path(path))
        if answer == "cancel":
            return False
        self._next_read_only = answer == "read-only"
        return True

    def _lock(self, path: Path | None) -> None:
        if self.lock is not None and self.lock.plan == path:
            return
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if path is None or self.read_only:
            return
        consented, self._next_read_only = self._next_read_only is not None, None
        self.lock = locks.PlanLock(path)
        state, info = self.lock.try_acquire()
        if state is not locks.LockState.OTHER:
            return
        if not consented:  # opened without prepare_open: ask now; "cancel" keeps it read-only
            answer = self.ask("locked", {"path": str(path), "who": info.describe() if info else ""})
            if answer != "open":
                self.read_only = True
                self.lock = None
                return
        self.lock.take()  # the planner chose "open anyway"

    def offer_recovery(self) -> str:
        """At start: offer what crashed windows left; the newest goes into this window's document."""
        restored: list[recovery.RecoveryEntry] = []

        def restore_one(entry: recovery.RecoveryEntry) -> bool:
            if restored or self.document.is_modified():
                return False  # one plan per window: the others stay for the next start
            if restore(self.document, self, entry):
                restored.append(entry)
                return True
            return False

        return offer_recovery(self.ask, restore_one, self.recovery.folder)

    # ---- the end ------------------------------------------------------------------------------------
    def close(self) -> None:
        """A clean end: no recovery file, no lock, no watch."""
        self._end(keep_unsaved=False)

    def suspend(self) -> None:
        """The session ends with nobody to ask (logout, SIGTERM): keep the unsaved work, free the plan."""
        self._end(keep_unsaved=True)

    def _end(self, keep_unsaved: bool) -> None:
        self._autosave.stop()
        self._settle.stop()
        if keep_unsaved:
            self.write_recovery(wait=True)  # writes unsaved changes; with none, removes the file
        else:
            self.remove_recovery()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self._watch(None)

    # ---- questions -----------------------------------------------------------------------------------
    def _ask_with_dialogs(self, kind: str, details: dict[str, Any]) -> str:
        return ask_with_dialogs(self.widget, kind, details)


# ---- recovery at start ----------------------------------------------------------------------------
def restore(document: Any, guard: FileGuard, entry: recovery.RecoveryEntry) -> bool:
    """Put a recovered plan into ``document`` as unsaved changes; the old recovery file goes once
    the new one is written. False (the file stays) when the text cannot be read."""
    name = str(entry.original) if entry.original else "recovered.toml"
    try:
        plan_file = planfile.loads(entry.text, name, entry.original)
    except planfile.PlanFileError as exc:
        guard.problem.emit(exc.text(QCoreApplication.translate))
        return False
    if entry.original is not None:
        try:
            plan_file.bom = entry.original.read_bytes().startswith(b"\xef\xbb\xbf")
        except OSError:
            pass
    plan_file.base_sha256 = entry.base_sha256 or None  # the version the crashed window had read
    document.replace(plan_file, modified=True)
    guard.adopt_base(entry.base_sha256)
    if guard.write_recovery(wait=True):  # the old file goes only once the new one is on disk
        recovery.discard(entry)
    return True


def offer_recovery(ask: Ask, restore_one: Callable[[recovery.RecoveryEntry], bool],
                   folder: Path | None = None) -> str:
    """At start: offer what crashed windows left. "restore", "later", "discard" or "none"."""
    entries = recovery.pending(folder or recovery_folder())
    if not entries:
        return "none"
    answer = ask("recover", {"names": ", ".join(e.display_name() for e in entries), "entries": entries})
    if answer == "restore":
        for entry in entries:
            restore_one(entry)
    elif answer == "discard":
        for entry in entries:
            recovery.discard(entry)
    return answer
