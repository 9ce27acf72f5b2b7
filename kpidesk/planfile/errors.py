"""Errors in plan files, in the ``FILE:LINE:COL: error: text`` form of compilers.

Each :class:`Problem` is a position and a :class:`~kpidesk.model.reasons.Reason`
(a stable code with parameters); its text is made at the edge by
:func:`kpidesk.model.messages.error_text`, in English or through a translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.model.findings import ParamValue
from kpidesk.model.reasons import Reason, Translate, reason


@dataclass(frozen=True)
class Problem:
    """What is wrong at ``line``:``column`` (1-based), and the field of the metric it is about."""

    line: int
    column: int
    reason: Reason
    field: str | None = None

    @property
    def code(self) -> str:
        return self.reason.code

    @property
    def params(self) -> dict[str, ParamValue]:
        """Every parameter of the reason and of the phrases that place it (metric, key...)."""
        return self.reason.params

    @property
    def message(self) -> str:
        """The English text."""
        return self.reason.text()

    def text(self, translate: Translate | None = None) -> str:
        return self.reason.text(translate)

    def format(self, filename: str, translate: Translate | None = None) -> str:
        return f"{filename}:{self.line}:{self.column}: error: {self.text(translate)}"

    def as_dict(self) -> dict[str, object]:
        """The problem as data (JSON): position, field, code, parameters and the English text."""
        return {"line": self.line, "column": self.column, "field": self.field, **self.reason.as_dict(),
                "message": self.message}


def problem(line: int, column: int, code: str, field: str | None = None, **params: ParamValue) -> Problem:
    """A problem whose reason is ``code`` with ``params``."""
    return Problem(line, column, reason(code, **params), field)


class PlanFileError(Exception):
    """A plan file cannot be read; ``problems`` lists every error found."""

    def __init__(self, filename: str, problems: list[Problem]) -> None:
        self.filename = filename
        self.problems = problems
        super().__init__(self.text())

    def text(self, translate: Translate | None = None) -> str:
        """One ``FILE:LINE:COL: error: text`` line per problem (English unless ``translate`` is given)."""
        return "\n".join(p.format(self.filename, translate) for p in self.problems)

    @property
    def first(self) -> Problem:
        return self.problems[0]
