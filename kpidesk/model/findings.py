"""Findings: what the engine and the plan checks tell the planner, as data.

A finding is a stable ``code`` with parameters, never a finished sentence:
the text is made at the edge (:mod:`kpidesk.model.messages` for the command
line and files, Qt's translation in the window) from the plan as it is then,
so a rename shows at once, a translation can work on it and two plans'
findings can be compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from numbers import Rational

from kpidesk.model.exact import Fraction, to_json_number


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: Parameters hold only hashable, plain values: ids, names, numbers and tuples of ids.
#: The parameter's name says which (see the key sets in :mod:`kpidesk.model.messages`).
ParamValue = str | int | Fraction | Decimal | tuple[str, ...]
Params = tuple[tuple[str, ParamValue], ...]
#: A parameter as JSON: numbers as int or float, tuples as lists.
JsonValue = str | int | float | None | list["JsonValue"]


@dataclass(frozen=True)
class Finding:
    """One finding about one metric (or the plan when ``metric`` is None).

    ``check`` groups findings as the command line prints them (``[consistency]``);
    ``code`` names the exact situation (``rate_zero``); ``field`` names the field
    the finding is about, so the command line can point at its line in the file
    and the window at its cell. Parameters that name metrics hold their ids.
    """

    metric: str | None
    severity: Severity
    check: str
    code: str
    args: Params = ()
    field: str | None = None

    @property
    def params(self) -> dict[str, ParamValue]:
        return dict(self.args)

    def as_dict(self) -> dict[str, object]:
        """The finding as data (``calc --json``), parameters as JSON values."""
        return {
            "metric": self.metric,
            "severity": self.severity.value,
            "check": self.check,
            "code": self.code,
            "params": {key: json_value(value) for key, value in self.args},
            "field": self.field,
        }


def finding(metric: str | None, severity: Severity, check: str, code: str, field: str | None = None,
            **params: ParamValue) -> Finding:
    """Make a finding; parameters keep their keyword order."""
    return Finding(metric, severity, check, code, tuple(params.items()), field)


def json_value(value: ParamValue) -> JsonValue:
    """A parameter as JSON: numbers as int or float, tuples as lists."""
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    if isinstance(value, (Rational, Decimal)) and not isinstance(value, bool):
        return to_json_number(value)
    return value
