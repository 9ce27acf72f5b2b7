"""The TOML plan format: read, write and keep the planner's layout (docs/plan-format.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit
from tomlkit.toml_document import TOMLDocument

from kpidesk.model.plan import Plan
from kpidesk.planfile.codec import FORMAT_VERSION
from kpidesk.planfile.errors import PlanFileError, Problem
from kpidesk.planfile.locate import SourceMap
from kpidesk.planfile.reader import decode_bytes, read_plan
from kpidesk.planfile.writer import render_new, write_plan

BOM = "\ufeff"


@dataclass
class PlanFile:
    """A plan with the text it came from, for lossless saving."""

    plan: Plan
    text: str
    path: Path | None = None
    positions: SourceMap = field(default_factory=SourceMap)
    bom: bool = False
    _document: TOMLDocument | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "untitled.toml"

    def document(self) -> TOMLDocument:
        """The tomlkit document, parsed on first use (reading uses tomllib)."""
        if self._document is None:
            text = self.text
            if "format_version" not in self.plan_keys():
                newline = "\r\n" if "\r\n" in text else "\n"
                text = f'format_version = "{FORMAT_VERSION}"{newline}{newline}' + text
            self._document = tomlkit.parse(text)
        return self._document

    def plan_keys(self) -> set[str]:
        return set(self.positions.top.keys)

    def dumps(self) -> str:
        """The file's text for the plan as it is now (the BOM is added on write)."""
        if not self.text.strip() and self._document is None:
            return render_new(self.plan)
        document = self.document()
        write_plan(document, self.plan)
        return document.as_string()

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
        raise PlanFileError(name, [Problem(1, 1, "no such file")]) from None
    except IsADirectoryError:
        raise PlanFileError(name, [Problem(1, 1, "this is a folder, not a plan file")]) from None
    except OSError as exc:
        raise PlanFileError(name, [Problem(1, 1, f"cannot read the file: {exc.strerror or exc}")]) from None
    bom = data.startswith(b"\xef\xbb\xbf")
    plan_file = loads(decode_bytes(data, name), name, path)
    plan_file.bom = bom
    return plan_file


def save(plan_file: PlanFile, path: str | os.PathLike[str] | None = None) -> Path:
    """Write the plan to ``path`` (default: where it came from) in one step."""
    from kpidesk.storage.atomic import write_atomic

    target = Path(path) if path is not None else plan_file.path
    if target is None:
        raise ValueError("the plan has no file name yet")
    data = plan_file.encoded()
    write_atomic(target, data)
    plan_file.mark_saved(data.decode("utf-8").removeprefix(BOM), target)
    return target


__all__ = ["PlanFile", "PlanFileError", "Problem", "load", "loads", "save", "FORMAT_VERSION"]
