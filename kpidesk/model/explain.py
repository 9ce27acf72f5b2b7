"""Why a derived target is what it is: "= 80 / 50 %, rounded up".

An explanation is a code with parameters, like a finding, made into text at
the edge (:func:`kpidesk.model.messages.describe` with the ``Explain``
templates). It reads the results the engine already has: nothing is
recalculated and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable

from kpidesk.model.exact import Fraction
from kpidesk.model.findings import Finding, Severity, finding
from kpidesk.model.metric import Computed, Kind, Metric, Relation


def _live(metric: Metric) -> Computed:
    return metric.computed


def explain(metric: Metric, computed: Callable[[Metric], Computed] = _live) -> Finding | None:
    """How ``metric``'s target was reached, or None where there is nothing to say (no target)."""
    values = computed(metric)
    target = values.target
    if target is None:
        return None
    if metric.target is not None:
        return _why(metric, "why_given", target=target)
    if metric.relation is Relation.FORMULA:
        return _why(metric, "why_formula", formula=metric.formula or "")
    parent = metric.parent
    required = values.required
    if parent is not None and required is not None and required == target:
        goal = computed(parent).target
        rounded = metric.kind is Kind.COUNT
        if parent.relation is Relation.SHARE and metric.share is not None and goal is not None:
            exact = goal * Fraction(metric.share)
            return _why(metric, "why_share_up" if rounded and exact != target else "why_share",
                        parent=parent.id, amount=goal, share=Fraction(metric.share), of=parent.id)
        rate = values.rate if values.rate is not None else (Fraction(metric.rate) if metric.rate is not None else None)
        if parent.relation in (Relation.FUNNEL, Relation.SUM) and rate:
            need = _need(parent, metric, computed)
            if need is None:
                return None
            code = "why_rate_rest" if len(parent.drivers()) > 1 else "why_rate"
            if rounded and need / rate != target:
                code += "_up"
            return _why(metric, code, parent=parent.id, amount=need, rate=rate, of=parent.id)
        if parent.relation is Relation.PRODUCT and goal is not None:
            return _why(metric, "why_product_up" if rounded else "why_product", parent=parent.id, amount=goal,
                        of=parent.id)
    if metric.drivers():
        return _why(metric, "why_forward", relation=metric.relation.value)
    return None


def _need(parent: Metric, absorber: Metric, computed: Callable[[Metric], Computed]) -> Fraction | None:
    """What the parent's goal leaves for ``absorber``: the goal less the other parts' contributions."""
    goal = computed(parent).target
    if goal is None:
        return None
    need = goal
    for child in parent.drivers():
        if child is absorber:
            continue
        value = computed(child).forward
        rate = computed(child).rate if child.solve_rate else (
            Fraction(child.rate) if child.rate is not None else Fraction(1))
        if value is None or rate is None:
            return None
        need -= value * rate
    return max(need, Fraction(0))


def _why(metric: Metric, code: str, **params: object) -> Finding:
    return finding(metric.id, Severity.INFO, "explain", code, "target", **params)  # type: ignore[arg-type]
