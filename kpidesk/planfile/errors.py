"""Errors in plan files, in the ``FILE:LINE:COL: error: text`` form of compilers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str
    field: str | None = None

    def format(self, filename: str) -> str:
        return f"{filename}:{self.line}:{self.column}: error: {self.message}"


class PlanFileError(Exception):
    """A plan file cannot be read; ``problems`` lists every error found."""

    def __init__(self, filename: str, problems: list[Problem]) -> None:
        self.filename = filename
        self.problems = problems
        super().__init__("\n".join(p.format(filename) for p in problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]
