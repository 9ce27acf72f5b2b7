"""Why a value, an edit or a plan file is refused, as data: a stable code with parameters.

A :class:`Reason` is what :class:`~kpidesk.model.findings.Finding` is for the
engine's findings: ``code`` names the exact situation (``not_a_number``,
``too_large``), the parameters hold plain values (ids, keys, the text typed,
numbers, limits), and the English text is made from them at the edge, in one
place (:func:`kpidesk.model.messages.error_text`), so a translation and a
diff can work on them.

A reason often sits inside a phrase that says where it was found: ``metric
'leads', rate: 'abc' is not a number`` is the reason ``not_a_number`` inside
``in_metric_key``. :meth:`Reason.inside` adds such a phrase; ``within`` keeps
them (outermost first), each with its own parameters, and the text is made
from the inside out.

:class:`ReasonError` is the ``ValueError`` that carries a reason:
``NumberError``, ``FieldValueError``, ``FormulaError`` and ``PlanError`` are
ReasonErrors, so ``str(exc)`` is the English text and ``exc.reason`` the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.model.findings import Params, ParamValue, json_value

#: ``translate(context, text)``: Qt's ``QCoreApplication.translate`` in the window.
Translate = Callable[[str, str], str]
#: A phrase around a reason: its code and its own parameters.
Frame = tuple[str, Params]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pyside6-lupdate looks for
    """Mark ``text`` for lupdate in ``context``: the Qt-free modules' templates are translated where they are shown."""
    return text


@dataclass(frozen=True)
class Reason:
    """Why something is refused: ``code`` and its parameters, inside the phrases of ``within``."""

    code: str
    #: The reason's own parameters (:attr:`params` adds those of the phrases around it).
    args: Params = ()
    #: The phrases that place the reason (``in_metric_key``...), outermost first.
    within: tuple[Frame, ...] = ()

    @property
    def params(self) -> dict[str, ParamValue]:
        """Every parameter: those of the phrases around it (metric, key...) and the reason's own."""
        merged: dict[str, ParamValue] = {}
        for _code, args in self.within:
            merged.update(args)
        merged.update(self.args)
        return merged

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code, outermost phrase first and the reason's own last."""
        return (*(code for code, _args in self.within), self.code)

    def inside(self, code: str, **params: ParamValue) -> Reason:
        """This reason inside one more phrase: ``reason.inside("in_metric_key", metric="a", key="rate")``."""
        return Reason(self.code, self.args, ((code, tuple(params.items())), *self.within))

    def text(self, translate: Translate | None = None) -> str:
        """The text (English unless ``translate`` is given)."""
        from kpidesk.model.messages import error_text  # here: messages imports this module

        return error_text(self, translate)

    def __str__(self) -> str:
        return self.text()

    def as_dict(self) -> dict[str, object]:
        """The reason as data (JSON): code, parameters and the phrases around it."""
        return {
            "code": self.code,
            "params": {key: json_value(value) for key, value in self.args},
            "within": [{"code": code, "params": {key: json_value(value) for key, value in args}}
                       for code, args in self.within],
        }


def reason(code: str, **params: ParamValue) -> Reason:
    """Make a reason; parameters keep their keyword order."""
    return Reason(code, tuple(params.items()))


class ReasonError(ValueError):
    """A ValueError that says why as a :class:`Reason`; ``str()`` is the English text.

    Raised as ``NumberError("too_large", number="1e308", limit=10**15)`` or with a
    reason made elsewhere: ``PlanError(exc.reason.inside("in_metric_field", ...))``.
    """

    def __init__(self, why: Reason | str, /, **params: ParamValue) -> None:
        made = why if isinstance(why, Reason) else reason(why, **params)
        super().__init__(made)
        self.reason = made

    @property
    def code(self) -> str:
        return self.reason.code

    @property
    def params(self) -> dict[str, ParamValue]:
        return self.reason.params

    def text(self, translate: Translate | None = None) -> str:
        return self.reason.text(translate)

    def __str__(self) -> str:
        return self.reason.text()


def reason_of(exc: BaseException) -> Reason:
    """The reason an exception carries (a ReasonError, a failed save); another exception's text as the
    ``refused`` reason."""
    carried = getattr(exc, "reason", None)
    if isinstance(carried, Reason):
        return carried
    return reason("refused", detail=str(exc))


def kind_of(value: object) -> str:
    """What a value is, as a code for a ``found`` parameter (``bool``, ``table``...; else its type's name).

    :data:`kpidesk.model.messages.FOUND` says each in words ("true/false", "a table").
    """
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, float):
        return "float"
    if isinstance(value, (int, Decimal)):
        return "number"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, list):
        return "array"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.datetime):  # before date: a datetime is a date
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    return type(value).__name__


__all__ = ["QT_TRANSLATE_NOOP", "Reason", "ReasonError", "Translate", "kind_of", "reason", "reason_of"]
