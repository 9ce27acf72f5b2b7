"""Evaluate a plan, or a variant of it, without touching it.

:func:`evaluate` runs the same rules as the live plan's incremental engine on
the plan's inputs plus optional overrides (``{"leads.rate": "12%"}``) and
returns the results; the plan, its metrics and its listeners see nothing.
Scenarios, sensitivity probes, periods and the two sides of a diff are all
evaluations; only an undoable edit changes the live plan.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from numbers import Rational

from kpidesk.model.engine import Engine
from kpidesk.model.exact import Fraction
from kpidesk.model.findings import Finding
from kpidesk.model.inputs import SOLVE, Inputs
from kpidesk.model.metric import Computed, Metric
from kpidesk.model.numbers import NumberError, parse_amount, parse_rate
from kpidesk.model.plan import Plan, PlanError
from kpidesk.model.reasons import kind_of, reason

#: The inputs an override may change.
OVERRIDABLE = ("target", "rate", "share")

#: A parsed override: the field's new value, None for "derived", or :data:`SOLVE` for a rate.
Override = Fraction | str | None


@dataclass(frozen=True)
class Evaluation:
    """The results of one evaluation: a :class:`Computed` per metric id."""

    plan: Plan
    results: Mapping[str, Computed]
    overrides: Mapping[tuple[str, str], Override]

    def __getitem__(self, metric_id: str) -> Computed:
        return self.results[metric_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.results)

    def computed(self, metric: Metric) -> Computed:
        return self.results[metric.id]

    def is_given(self, metric: Metric) -> bool:
        """Whether the metric's target is an input in this evaluation (given or overridden)."""
        key = (metric.id, "target")
        return self.overrides[key] is not None if key in self.overrides else metric.target is not None

    def findings(self) -> list[Finding]:
        return [f for m in self.plan.walk() for f in self.results[m.id].findings]


def parse_overrides(plan: Plan, overrides: Mapping[str, object]) -> dict[tuple[str, str], Override]:
    """``{"leads.rate": "12%"}`` -> ``{("leads", "rate"): Fraction(3, 25)}``; PlanError names a bad key or value."""
    parsed: dict[tuple[str, str], Override] = {}
    for key, value in overrides.items():
        metric_id, _, field = key.rpartition(".")
        if metric_id not in plan.metrics:
            raise PlanError(reason("override_no_metric", id=metric_id).inside("in_override", override=key))
        if field not in OVERRIDABLE:
            raise PlanError(reason("override_not_variable", fields=tuple(OVERRIDABLE)).inside("in_override",
                                                                                              override=key))
        parsed[(metric_id, field)] = _value(key, field, value)
    return parsed


def _value(key: str, field: str, value: object) -> Override:
    if value is None or (field == "rate" and isinstance(value, str) and value.strip().lower() == SOLVE):
        return SOLVE if value is not None else None
    try:
        if isinstance(value, str):
            return Fraction(parse_amount(value) if field == "target" else parse_rate(value))
        if isinstance(value, (Rational, Decimal)) and not isinstance(value, bool):
            number = Fraction(value)
        else:
            raise PlanError(reason("override_number_expected", found=kind_of(value)).inside("in_override",
                                                                                             override=key))
    except NumberError as exc:
        raise PlanError(exc.reason.inside("in_override", override=key)) from None
    if field != "target" and not 0 <= number <= 1:
        raise PlanError(reason("override_fraction_range").inside("in_override", override=key))
    return number


def evaluate(plan: Plan, overrides: Mapping[str, object] | None = None) -> Evaluation:
    """The plan's results with ``overrides`` applied, computed afresh; the plan is not changed."""
    parsed = parse_overrides(plan, overrides or {})
    store: dict[Metric, Computed] = {}
    engine = Engine(plan.roots, plan.metrics, plan.info, inputs=Inputs(parsed), store=store)
    engine.recalculate_all()
    return Evaluation(plan, {m.id: c for m, c in store.items()}, parsed)
