"""Findings: what the engine and the plan checks tell the planner."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One message about one metric (or the plan when ``metric`` is None).

    ``field`` names the field the finding is about, so the command line can
    point at its line in the file and the window at its cell.
    """

    metric: str | None
    severity: Severity
    check: str
    message: str
    field: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "metric": self.metric,
            "severity": self.severity.value,
            "check": self.check,
            "message": self.message,
        }
