"""Each plan check as a function of its own, over the whole plan: the reference that ``run_checks`` (one walk)
and ``LiveChecks`` (only what an edit touched) are compared with. Written the plain way on purpose: a check
here reads as the rule in DOMAIN.md, so a fault of the fast versions shows as a difference."""

from __future__ import annotations

from collections.abc import Callable

from kpidesk.model import meaning
from kpidesk.model.checks import Results, Thresholds, _live, measurable
from kpidesk.model.engine import falls_short
from kpidesk.model.findings import Finding, Severity, finding
from kpidesk.model.meaning import MetricCheck
from kpidesk.model.metric import DRIVER_RELATIONS, Better, Metric, Relation
from kpidesk.model.plan import Plan


def consistency(plan: Plan, computed: Results = _live) -> list[Finding]:
    """Forward from the KPI targets, is every goal met? (money compared in its minor unit)."""
    found = []
    kgi = plan.kgi
    goals = [m for m in plan.walk()
             if m is kgi or (m.is_given and (m.drivers() or m.relation is Relation.FORMULA))]
    for metric in goals:
        values = computed(metric)
        target, forecast = values.target, values.forecast
        if target is None:
            continue
        if forecast is None:
            if metric is kgi:
                found.append(finding(metric.id, Severity.WARNING, "consistency", "kgi_not_forecast", "target"))
            continue
        gap = values.gap
        if gap is None or not falls_short(metric, gap):  # no gap never falls short
            continue
        code = "limit_exceeded" if metric.better is Better.LOWER else "goal_short"
        found.append(finding(metric.id, Severity.ERROR, "consistency", code, "target",
                             forecast=forecast, target=target, gap=gap))
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
        code = "no_source_no_interval" if no_source and no_interval else "no_source" if no_source else "no_interval"
        found.append(finding(metric.id, Severity.WARNING, "stability", code, "source" if no_source else "interval"))
    return found


def countermeasures(plan: Plan) -> list[Finding]:
    """Each KPI that may fall short has a countermeasure agreed in advance."""
    return [
        finding(m.id, Severity.WARNING, "countermeasure", "no_countermeasure", "countermeasure")
        for m in _kpis(plan)
        if not m.countermeasure.strip() and m.relation is not Relation.FORMULA
    ]


def simplicity(plan: Plan, limits: Thresholds = Thresholds()) -> list[Finding]:
    """Few KPIs, a shallow tree, short names."""
    found = []
    kpis = _kpis(plan)
    if len(kpis) > limits.max_kpis:
        found.append(finding(None, Severity.WARNING, "simplicity", "too_many_kpis",
                             count=len(kpis), limit=limits.max_kpis))
    depths: dict[Metric, int] = {}  # in one pass: parents come before their children
    for metric in plan.walk():
        depths[metric] = depths[metric.parent] + 1 if metric.parent is not None else 0
    deepest = max(depths, key=depths.__getitem__, default=None)
    if deepest is not None and depths[deepest] + 1 > limits.max_depth:
        found.append(finding(deepest.id, Severity.WARNING, "simplicity", "too_deep",
                             count=depths[deepest] + 1, limit=limits.max_depth))
    for metric in plan.walk():
        if len(metric.name) > limits.max_name_length:
            found.append(finding(metric.id, Severity.WARNING, "simplicity", "name_too_long", "name",
                                 id=metric.id, count=len(metric.name), limit=limits.max_name_length))
    return found


def connected(plan: Plan) -> list[Finding]:
    """Every metric leads to the KGI: it drives its parent, is a formula, or is read by its parent's formula."""
    found = []
    for root in plan.roots[1:]:
        found.append(finding(root.id, Severity.WARNING, "connected", "not_connected", "parent"))
    for metric in plan.walk():
        parent = metric.parent
        if parent is None or metric.relation is Relation.FORMULA or parent.relation in DRIVER_RELATIONS:
            continue
        if parent.relation is Relation.FORMULA and metric.id in plan.engine.formulas.references(parent):
            continue  # an input of the formula above it (budget under cost per MQL)
        found.append(finding(metric.id, Severity.WARNING, "connected", "not_driving", "relation", parent=parent.id))
    return found


def _over_plan(check: MetricCheck) -> Callable[[Plan], list[Finding]]:
    """The check of one metric as a check of the plan: its findings in walk order."""

    def run(plan: Plan) -> list[Finding]:
        return [f for m in plan.walk() if (f := check(m)) is not None]

    return run


units_disagree = _over_plan(meaning.units_disagree_of)
share_units_disagree = _over_plan(meaning.share_units_disagree_of)
product_one_factor = _over_plan(meaning.product_one_factor_of)
money_from_counts = _over_plan(meaning.money_from_counts_of)
formula_ignored = _over_plan(meaning.formula_ignored_of)
#: Every meaning check of a plan, in the order their findings are listed.
MEANING_CHECKS = (units_disagree, share_units_disagree, product_one_factor, money_from_counts, formula_ignored)


def meaning_findings(plan: Plan) -> list[Finding]:
    """The findings of every meaning check, check by check."""
    return [f for check in MEANING_CHECKS for f in check(plan)]


#: Checks that read calculated values, so that an evaluation of a variant can run them too.
RESULT_CHECKS = (consistency, measurable)
#: Checks of what the planner wrote down (texts and the tree's shape).
PLAN_CHECKS = (stability, countermeasures, simplicity, connected, *MEANING_CHECKS)
#: Every check, in the order its findings are listed.
CHECKS = (*RESULT_CHECKS, *PLAN_CHECKS)

