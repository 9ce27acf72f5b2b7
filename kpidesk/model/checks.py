"""The checks planners run on a KPI set (see DOMAIN.md: what makes a KPI set good).

Each check has a name that the command line prints in brackets, and every
warning about a threshold names the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.model import formula as formulas
from kpidesk.model.findings import Finding, Severity
from kpidesk.model.metric import DRIVER_RELATIONS, Better, Metric, Relation
from kpidesk.model.numbers import format_number
from kpidesk.model.plan import Plan


@dataclass(frozen=True)
class Thresholds:
    """Where simplicity ends: a team reads a tree at a glance only below these."""

    max_kpis: int = 30
    max_depth: int = 7
    max_name_length: int = 40


def _amount(metric: Metric, value) -> str:
    unit = f" {metric.unit}" if metric.unit else ""
    return f"{format_number(value)}{unit}"


def consistency(plan: Plan) -> list[Finding]:
    """Forward from the KPI targets, is every goal met?"""
    found = []
    kgi = plan.kgi
    goals = [m for m in plan.walk()
             if m is kgi or (m.is_given and (m.drivers() or m.relation is Relation.FORMULA))]
    for metric in goals:
        target, forecast = metric.computed.target, metric.computed.forecast
        if target is None:
            continue
        if forecast is None:
            if metric is kgi:
                found.append(Finding(metric.id, Severity.WARNING, "consistency",
                                     f"{metric.name} cannot be forecast from the KPIs below it: "
                                     "a rate or a target is missing.", "target"))
            continue
        if not metric.falls_short(forecast, target):
            continue
        gap = format_number(forecast - target)
        if metric.better is Better.LOWER:
            text = (f"If every KPI is met, {metric.name} comes to {_amount(metric, forecast)}, above the limit "
                    f"{_amount(metric, target)} (gap +{gap}); lower is better here.")
        else:
            text = (f"If every KPI is met, {metric.name} reaches {_amount(metric, forecast)}, short of the goal "
                    f"{_amount(metric, target)} (gap {gap}).")
        found.append(Finding(metric.id, Severity.ERROR, "consistency", text, "target"))
    return found


def measurable(plan: Plan) -> list[Finding]:
    """The KGI is a number with a unit."""
    kgi = plan.kgi
    if kgi is None:
        return [Finding(None, Severity.ERROR, "measurable", "The plan has no KGI.")]
    found = []
    if kgi.computed.target is None:
        found.append(Finding(kgi.id, Severity.ERROR, "measurable",
                             f"The KGI {kgi.name} has no number: give it a target.", "target"))
    if not kgi.unit.strip():
        found.append(Finding(kgi.id, Severity.WARNING, "measurable",
                             f"The KGI {kgi.name} has no unit (orders, JPY, leads...).", "unit"))
    return found


def _kpis(plan: Plan) -> list[Metric]:
    return [m for m in plan.walk() if m.parent is not None]


def stability(plan: Plan) -> list[Finding]:
    """Each KPI has a data source and a measuring interval."""
    found = []
    for metric in _kpis(plan):
        no_source, no_interval = not metric.source.strip(), not metric.interval.strip()
        if not (no_source or no_interval):
            continue
        missing = " and no ".join(label for label, absent in (("data source", no_source),
                                                               ("measuring interval", no_interval)) if absent)
        found.append(Finding(metric.id, Severity.WARNING, "stability",
                             f"{metric.name} has no {missing}: it cannot be measured regularly.",
                             "source" if no_source else "interval"))
    return found


def countermeasures(plan: Plan) -> list[Finding]:
    """Each KPI that may fall short has a countermeasure agreed in advance."""
    return [
        Finding(m.id, Severity.WARNING, "countermeasure",
                f"{m.name} has no countermeasure agreed for when it falls short.", "countermeasure")
        for m in _kpis(plan)
        if not m.countermeasure.strip() and m.relation is not Relation.FORMULA
    ]


def simplicity(plan: Plan, limits: Thresholds = Thresholds()) -> list[Finding]:
    """Few KPIs, a shallow tree, short names."""
    found = []
    kpis = _kpis(plan)
    if len(kpis) > limits.max_kpis:
        found.append(Finding(None, Severity.WARNING, "simplicity",
                             f"The plan has {len(kpis)} KPIs, more than {limits.max_kpis}: "
                             "a team cannot follow them all."))
    depths: dict[Metric, int] = {}  # in one pass: parents come before their children
    for metric in plan.walk():
        depths[metric] = depths[metric.parent] + 1 if metric.parent is not None else 0
    deepest = max(depths, key=depths.__getitem__, default=None)
    if deepest is not None and depths[deepest] + 1 > limits.max_depth:
        found.append(Finding(deepest.id, Severity.WARNING, "simplicity",
                             f"The tree is {depths[deepest] + 1} levels deep at {deepest.name}, more than "
                             f"{limits.max_depth}: a chain that long is hard to follow."))
    for metric in plan.walk():
        if len(metric.name) > limits.max_name_length:
            found.append(Finding(metric.id, Severity.WARNING, "simplicity",
                                 f"The name of {metric.id} has {len(metric.name)} characters, more than "
                                 f"{limits.max_name_length}: use a short name and put the rest in the "
                                 "definition.", "name"))
    return found


def connected(plan: Plan) -> list[Finding]:
    """Every metric leads to the KGI: it drives its parent, is a formula, or is read by its parent's formula."""
    found = []
    for root in plan.roots[1:]:
        found.append(Finding(root.id, Severity.WARNING, "connected",
                             f"{root.name} is not connected to the tree of the goal: give it a parent.", "parent"))
    for metric in plan.walk():
        parent = metric.parent
        if parent is None or metric.relation is Relation.FORMULA or parent.relation in DRIVER_RELATIONS:
            continue
        if parent.relation is Relation.FORMULA and metric.id in _formula_inputs(parent):
            continue  # an input of the formula above it (budget under cost per MQL)
        found.append(Finding(
            metric.id, Severity.WARNING, "connected",
            f"{metric.name} does not drive {parent.name}: set how {parent.name} is made "
            "from it (funnel, sum, product or share).", "relation"))
    return found


def _formula_inputs(metric: Metric) -> set[str]:
    try:
        return formulas.references(formulas.parse(metric.formula or ""))
    except formulas.FormulaError:
        return set()  # the engine reports the broken formula on the metric itself


CHECKS = (consistency, measurable, stability, countermeasures, simplicity, connected)


def run_checks(plan: Plan) -> list[Finding]:
    """The engine's findings and every plan check, errors first."""
    found = plan.findings()
    for check in CHECKS:
        found.extend(check(plan))
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(found, key=lambda f: order[f.severity])
