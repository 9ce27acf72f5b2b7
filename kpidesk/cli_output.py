"""What every ``kpidesk`` command shares: exit codes and printing for a terminal.

Kept apart from :mod:`kpidesk.cli` so the commands in modules of their own
(``set``, ``track``, ``diff``, the git driver, ``export``) print and fail the
same way without importing the command line's dispatch.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import IO

from kpidesk.i18n import translate
from kpidesk.model.characters import escape_controls, json_safe
from kpidesk.planfile import PlanFile, PlanFileError, load
from kpidesk.storage.atomic import SaveError

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def say(text: object = "", file: IO[str] | None = None) -> None:
    """Print for a terminal: every control and bidi character escaped (``\\x1b``), line breaks kept.

    Every line the commands print comes through here, so a name, a file name
    or a quoted value cannot colour, move or reorder what the terminal shows.
    """
    print(escape_controls(str(text), keep_newlines=True), file=file)


def say_json(document: object) -> None:
    """Print JSON for a terminal: the same JSON, with DEL, C1 and bidi controls as \\u escapes."""
    say(json_safe(json.dumps(document, ensure_ascii=False, indent=2)))


def _error(message: str) -> None:
    say(translate("Cli", "kpidesk: error: {0}").format(message), file=sys.stderr)


def save_failure(exc: OSError) -> str:
    """Why a save failed, in the language in effect: a SaveError's reason, else the system's own words.

    A sentence of its own loses its final full stop: the commands go on after it ("; the file was not changed").
    """
    if not isinstance(exc, SaveError):
        return str(exc.strerror or exc)
    text = exc.text(translate)
    return text[:-1] if text.endswith((".", "\u3002")) else text


def say_save_warnings(plan_file: PlanFile) -> None:
    """What the last save of ``plan_file`` could not keep (owner, backup...), one warning a line on stderr."""
    for warning in plan_file.save_warnings:
        say(translate("Cli", "kpidesk: warning: {0}").format(warning.text(translate)), file=sys.stderr)


def _open(path: str) -> PlanFile | None:
    try:
        return load(path)
    except PlanFileError as exc:
        say(exc.text(translate), file=sys.stderr)
        return None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space
