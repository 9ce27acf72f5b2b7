"""What the engine calculates from: a plan's own inputs, with optional overrides.

A pure evaluation of a variant (:mod:`kpidesk.model.evaluation`) overrides a
few inputs; the live plan overrides none, and then each input is read
directly from its metric, as a full recalculation reads every one several
times.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kpidesk.model.exact import Fraction, exact
from kpidesk.model.metric import Metric

#: An override: the field's new value (a number, None for "derived", or ``SOLVE`` for a rate).
SOLVE = "solve"


class Inputs:
    """The inputs the engine calculates from: a plan's own, with optional overrides.

    ``overrides`` maps ``(metric id, field)`` to a value for ``target``, ``rate``
    or ``share`` (an exact Fraction or None; a rate may also be :data:`SOLVE`).
    """

    def __init__(self, overrides: Mapping[tuple[str, str], Any] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._ids = {metric_id for metric_id, _ in self.overrides}

    def _overridden(self, metric: Metric, field: str) -> tuple[bool, Any]:
        if self._ids and metric.id in self._ids and (metric.id, field) in self.overrides:
            return True, self.overrides[(metric.id, field)]
        return False, None

    @staticmethod
    def _exact(value: Any) -> Fraction | None:
        """An override's number: overrides are exact already (evaluation.parse_overrides); None and SOLVE have none."""
        return value if isinstance(value, Fraction) else None

    # The plan's own inputs are read directly (the common case: a full recalculation reads
    # each metric's inputs several times); overrides only where a metric has one.
    def target(self, metric: Metric) -> Fraction | None:
        if self._ids:
            found, value = self._overridden(metric, "target")
            if found:
                return self._exact(value)
        value = metric.target
        return None if value is None else exact(value)

    def solving(self, metric: Metric) -> bool:
        if self._ids:
            found, value = self._overridden(metric, "rate")
            if found:
                return bool(value == SOLVE)
        return metric.solve_rate

    def rate(self, metric: Metric) -> Fraction | None:
        if self._ids:
            found, value = self._overridden(metric, "rate")
            if found:
                return self._exact(value)
        value = metric.rate
        return None if value is None else exact(value)

    def share(self, metric: Metric) -> Fraction | None:
        if self._ids:
            found, value = self._overridden(metric, "share")
            if found:
                return self._exact(value)
        value = metric.share
        return None if value is None else exact(value)
