"""The TOML plan format: read, write and keep the planner's layout (docs/plan-format.md)."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kpidesk.model import events as ev
from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan
from kpidesk.model.reasons import Reason
from kpidesk.planfile.codec import FORMAT_VERSION
from kpidesk.planfile.errors import PlanFileError, Problem, problem
from kpidesk.planfile.locate import SourceMap, scan
from kpidesk.planfile.reader import decode_bytes, read_plan
from kpidesk.planfile.shapes import as_tables
from kpidesk.planfile.verify import unsafe_to_write
from kpidesk.planfile.writer import PlanWriter, render_new
from kpidesk.storage.atomic import SaveError
from kpidesk.storage.disk import digest
from kpidesk.storage.savelock import FileChanged, replace_unless_changed

BOM = "\ufeff"
_LONE_LF = re.compile(r"(?<!\r)\n")


@functools.lru_cache(maxsize=4)  # asked of the same loaded text after every edit (a str keeps its hash)
def dominant_newline(text: str) -> str:
    """The line ending most lines of ``text`` use ("\\r\\n" or "\\n")."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf > text.count("\n") - crlf else "\n"


def keep_layout(text: str, original: str) -> str:
    """Give new text the original's line endings and its missing final newline.

    tomlkit keeps the lines it read, but writes the lines it adds with "\\n";
    in a CRLF file those become CRLF too (TOML reads both the same, also in
    multi-line strings).
    """
    if original and dominant_newline(original) == "\r\n":
        text = _LONE_LF.sub("\r\n", text)
    if original and not original.endswith("\n"):
        text = text.rstrip("\r\n")
    return text


@dataclass
class PlanFile:
    """A plan with the text it came from, for lossless saving."""

    plan: Plan
    text: str
    path: Path | None = None
    positions: SourceMap = field(default_factory=SourceMap)
    bom: bool = False
    #: What the last save could not keep (owner, extended attributes, backup), or changed in the file's shape,
    #: as reasons: their text is made where they are shown (``reason.text(translate)``).
    save_warnings: list[Reason] = field(default_factory=list)
    #: How the text was brought to the shape kpidesk writes (an inline array of metrics...), until it is saved.
    reshaped: list[Reason] = field(default_factory=list)
    #: SHA-256 of the file's bytes as loaded or last saved: a save over ``path`` replaces only that
    #: version (someone else's save in between is never overwritten). None: not known, not checked.
    base_sha256: str | None = None
    _writer: PlanWriter | None = field(default=None, repr=False)
    #: The metrics whose fields were set since the text was last made; None: look at every metric (the first
    #: time, and after a change of the tree's shape). Spares the writer a comparison of every field of every
    #: metric after each edit: the autosave of a large plan makes its text often.
    _touched: set[Metric] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.plan.events.connect(self._note)

    def _note(self, event: ev.Event) -> None:
        """After each action: what it set, or (metrics added, removed or moved) that every metric is looked at."""
        if isinstance(event, ev.MetricsChanged):
            if event.structure:
                self._touched = None
            elif self._touched is not None:
                self._touched.update(event.inputs)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "untitled.toml"

    def dumps(self) -> str:
        """The file's text for the plan as it is now (the BOM is added on write)."""
        if self._writer is None:
            if not self.text.strip():
                return render_new(self.plan)
            text, self.reshaped = as_tables(self.text, self.positions)
            self._writer = PlanWriter(text, scan(text))
        touched, self._touched = self._touched, set()
        return keep_layout(self._writer.write(self.plan, touched), self.text)

    def encoded(self) -> bytes:
        return ((BOM if self.bom else "") + self.dumps()).encode("utf-8")

    def mark_saved(self, text: str, path: Path | None = None) -> None:
        self.text = text
        if path is not None:
            self.path = path


def loads(text: str, filename: str = "<plan>", path: Path | None = None) -> PlanFile:
    """Read plan text; raises PlanFileError."""
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    plan, positions = read_plan(text, filename)
    return PlanFile(plan, text, path, positions, bom)


def load(path: str | os.PathLike[str]) -> PlanFile:
    """Read a plan file; every failure is a PlanFileError naming the file."""
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(name, [problem(1, 1, "no_such_file")]) from None
    except IsADirectoryError:
        raise PlanFileError(name, [problem(1, 1, "is_folder")]) from None
    except OSError as exc:
        # the system's own words (and its error number, for a program): no code of ours says more
        raise PlanFileError(name, [problem(1, 1, "cannot_read", detail=str(exc.strerror or exc),
                                           errno=exc.errno or 0)]) from None
    bom = data.startswith(b"\xef\xbb\xbf")
    plan_file = loads(decode_bytes(data, name), name, path)
    plan_file.bom = bom
    plan_file.base_sha256 = digest(data)
    return plan_file


def save(plan_file: PlanFile, path: str | os.PathLike[str] | None = None, *, backup: bool = True) -> Path:
    """Write the plan to ``path`` (default: where it came from) in one step.

    The text is read back first (:mod:`~kpidesk.planfile.verify`): text that
    would not open again as this very plan is never written. Saving over the
    file the plan came from replaces only the version it was read from
    (``base_sha256``), checked under an exclusive lock held until the rename:
    when someone else saved it meanwhile, :class:`FileChanged` (a SaveError)
    is raised and nothing is written. On failure a
    :class:`~kpidesk.storage.atomic.SaveError` (an OSError whose text is for
    the planner; ``reason`` says why) leaves the file on disk, its backup and
    ``plan_file`` as they were. What could not be kept (owner, extended
    attributes) is listed in ``plan_file.save_warnings`` (reasons); the previous
    content is kept as ``NAME.bak``.
    """
    target = Path(path) if path is not None else plan_file.path
    if target is None:
        raise ValueError("the plan has no file name yet")
    data = plan_file.encoded()
    why = unsafe_to_write(plan_file.plan, data.decode("utf-8").removeprefix(BOM), str(target))
    if why is not None:
        raise SaveError(why.inside("not_read_back", name=target.name), target)
    same_file = plan_file.path is not None and os.path.realpath(target) == os.path.realpath(plan_file.path)
    warnings = replace_unless_changed(target, data, plan_file.base_sha256 if same_file else None, backup=backup)
    plan_file.base_sha256 = digest(data)
    plan_file.mark_saved(data.decode("utf-8").removeprefix(BOM), target)
    plan_file.save_warnings = [note.inside("reshaped_in_file", name=target.name) for note in plan_file.reshaped]
    plan_file.save_warnings += warnings
    plan_file.reshaped = []
    return target


__all__ = ["PlanFile", "PlanFileError", "Problem", "load", "loads", "save", "FORMAT_VERSION", "keep_layout",
           "FileChanged"]
