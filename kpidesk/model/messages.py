"""The English text of findings, made from their codes and parameters in one place.

The command line, the CSV and the printout call :func:`describe`; the window
calls it with Qt's translation, which finds every template below through the
``QT_TRANSLATE_NOOP`` marker (context ``Findings``). Metric parameters hold
ids and are named when the text is made, so a renamed metric reads right at
once; numbers are rounded as the planner sees them, by :mod:`kpidesk.model.exact`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from kpidesk.model.display import amount_text, percent_text, signed_text
from kpidesk.model.exact import Number
from kpidesk.model.findings import Finding

if TYPE_CHECKING:
    from kpidesk.model.plan import Plan

CONTEXT = "Findings"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pyside6-lupdate looks for
    return text


#: code -> English template. Placeholders are parameter names (see the key sets below).
TEMPLATES: dict[str, str] = {
    # the engine: relations that cannot be solved
    "missing_share": QT_TRANSLATE_NOOP("Findings", "{parent} is split in shares, but no share is set for {metric}."),
    "shares_over_100": QT_TRANSLATE_NOOP(
        "Findings", "The shares of {metric} add up to {total}, more than 100 %."),
    "underdetermined": QT_TRANSLATE_NOOP(
        "Findings", "{metric} cannot be split between {metrics}: give all of them but one a target."),
    "solve_without_goal": QT_TRANSLATE_NOOP(
        "Findings", "The rate from {metric} to {parent} is to be solved, but {parent} has no target to solve it for."),
    "solve_without_base": QT_TRANSLATE_NOOP(
        "Findings", "To solve the rate from {metric} to {parent}, give {metric} a target."),
    "factor_zero": QT_TRANSLATE_NOOP(
        "Findings", "{metric} is a product with a factor of 0: no value of {driver} reaches {amount}."),
    "base_zero": QT_TRANSLATE_NOOP("Findings", "{metric} is 0, so no rate reaches {amount} of {parent}."),
    "solved_rate_over_100": QT_TRANSLATE_NOOP(
        "Findings", "{parent} would need {rate} of {metric}, more than 100 %: raise {metric}."),
    "missing_rate": QT_TRANSLATE_NOOP("Findings", "No rate is set from {metric} to {parent}."),
    "rate_zero": QT_TRANSLATE_NOOP(
        "Findings", "The rate from {metric} to {parent} is 0 %: no number of {metric} reaches {amount} of {parent}. "
        "Set a rate above 0 %."),
    "given_below_need": QT_TRANSLATE_NOOP(
        "Findings", "The given target {given} is below the {needed} that the goal needs at these rates "
        "(short by {short})."),
    "given_above_need": QT_TRANSLATE_NOOP(
        "Findings", "The given target {given} is above the {needed} that the goal needs."),
    "formula_invalid": QT_TRANSLATE_NOOP("Findings", "The formula is not valid: {reason}"),
    "formula_unknown": QT_TRANSLATE_NOOP(
        "Findings", "The formula refers to {ids}, which is not another metric of this plan."),
    "formula_cycle": QT_TRANSLATE_NOOP("Findings", "The formula of {metric} depends on itself (through {metrics})."),
    "formula_div_zero": QT_TRANSLATE_NOOP("Findings", "The formula of {metric} divides by zero."),
    # the plan checks
    "kgi_not_forecast": QT_TRANSLATE_NOOP(
        "Findings", "{metric} cannot be forecast from the KPIs below it: a rate or a target is missing."),
    "goal_short": QT_TRANSLATE_NOOP(
        "Findings", "If every KPI is met, {metric} reaches {forecast}, short of the goal {target} (gap {gap})."),
    "limit_exceeded": QT_TRANSLATE_NOOP(
        "Findings", "If every KPI is met, {metric} comes to {forecast}, above the limit {target} (gap {gap}); "
        "lower is better here."),
    "no_kgi": QT_TRANSLATE_NOOP("Findings", "The plan has no KGI."),
    "kgi_no_target": QT_TRANSLATE_NOOP("Findings", "The KGI {metric} has no number: give it a target."),
    "kgi_no_unit": QT_TRANSLATE_NOOP("Findings", "The KGI {metric} has no unit (orders, JPY, leads...)."),
    "no_source": QT_TRANSLATE_NOOP("Findings", "{metric} has no data source: it cannot be measured regularly."),
    "no_interval": QT_TRANSLATE_NOOP(
        "Findings", "{metric} has no measuring interval: it cannot be measured regularly."),
    "no_source_no_interval": QT_TRANSLATE_NOOP(
        "Findings", "{metric} has no data source and no measuring interval: it cannot be measured regularly."),
    "no_countermeasure": QT_TRANSLATE_NOOP(
        "Findings", "{metric} has no countermeasure agreed for when it falls short."),
    "too_many_kpis": QT_TRANSLATE_NOOP(
        "Findings", "The plan has {count} KPIs, more than {limit}: a team cannot follow them all."),
    "too_deep": QT_TRANSLATE_NOOP(
        "Findings", "The tree is {count} levels deep at {metric}, more than {limit}: a chain that long is hard "
        "to follow."),
    "name_too_long": QT_TRANSLATE_NOOP(
        "Findings", "The name of {id} has {count} characters, more than {limit}: use a short name and put the "
        "rest in the definition."),
    "not_connected": QT_TRANSLATE_NOOP(
        "Findings", "{metric} is not connected to the tree of the goal: give it a parent."),
    "not_driving": QT_TRANSLATE_NOOP(
        "Findings", "{metric} does not drive {parent}: set how {parent} is made from it (funnel, sum, product "
        "or share)."),
    # the meaning checks (kpidesk.model.meaning)
    "units_disagree": QT_TRANSLATE_NOOP(
        "Findings", "The sum {metric} mixes units: {metrics} are in {units}, in that order. Parts without a rate "
        "are added as they are, so they need the unit of the sum."),
    "share_units_disagree": QT_TRANSLATE_NOOP(
        "Findings", "{metric} is split into shares in different units: {metrics} are in {units}, in that order. "
        "A share of a metric is in its unit."),
    "product_one_factor": QT_TRANSLATE_NOOP(
        "Findings", "{metric} is a product of one factor, {driver}: a product needs at least two (orders x unit "
        "price). Add the other factor, or make {metric} a sum."),
    "money_from_counts": QT_TRANSLATE_NOOP(
        "Findings", "{metric} is money, but it is made of {metrics}, none of them money: a factor in money, such "
        "as an average unit price, is missing."),
    "formula_ignored": QT_TRANSLATE_NOOP(
        "Findings", "{metric} has a formula, but its relation is {relation}, not formula: the formula is not used. "
        "Set the relation to formula to use it, or remove the formula."),
}

#: Why a derived target is what it is (:mod:`kpidesk.model.explain`), context "Explain".
EXPLANATIONS: dict[str, str] = {
    "why_given": QT_TRANSLATE_NOOP("Explain", "Given by you."),
    "why_formula": QT_TRANSLATE_NOOP("Explain", "= {formula}"),
    "why_share": QT_TRANSLATE_NOOP("Explain", "= {amount} of {parent} x {share}"),
    "why_share_up": QT_TRANSLATE_NOOP("Explain", "= {amount} of {parent} x {share}, rounded up"),
    "why_rate": QT_TRANSLATE_NOOP("Explain", "= {amount} of {parent} / {rate}"),
    "why_rate_up": QT_TRANSLATE_NOOP("Explain", "= {amount} of {parent} / {rate}, rounded up"),
    "why_rate_rest": QT_TRANSLATE_NOOP(
        "Explain", "= ({amount} of {parent} that the other parts leave) / {rate}"),
    "why_rate_rest_up": QT_TRANSLATE_NOOP(
        "Explain", "= ({amount} of {parent} that the other parts leave) / {rate}, rounded up"),
    "why_product": QT_TRANSLATE_NOOP("Explain", "= {amount} of {parent} / the other factors"),
    "why_product_up": QT_TRANSLATE_NOOP("Explain", "= {amount} of {parent} / the other factors, rounded up"),
    "why_forward": QT_TRANSLATE_NOOP("Explain", "Calculated from the metrics below ({relation})."),
}

#: Parameters that hold a metric id (shown as the metric's name) or a tuple of ids.
METRIC_KEYS = frozenset({"metric", "parent", "driver", "other"})
METRIC_LIST_KEYS = frozenset({"metrics"})
#: Parameters that hold a fraction shown as a percentage.
PERCENT_KEYS = frozenset({"rate", "share", "total"})
#: Parameters that hold an amount of the finding's metric (or of the metric named by ``of``).
AMOUNT_KEYS = frozenset({"amount", "given", "needed", "forecast", "target", "short"})
#: Parameters shown as a signed number (+5, -8).
SIGNED_KEYS = frozenset({"gap"})

Translate = Callable[[str, str], str]


def _name(plan: Plan | None, metric_id: object) -> str:
    metric = plan.metrics.get(metric_id) if plan is not None and isinstance(metric_id, str) else None
    return metric.name if metric is not None else str(metric_id)


def arguments(finding: Finding, plan: Plan | None) -> dict[str, str]:
    """The parameters of ``finding`` as the text shows them."""
    params = finding.params
    metric_id = params.get("of", finding.metric)
    owner = plan.metrics.get(metric_id) if plan is not None and isinstance(metric_id, str) else None
    currency = plan.engine.currency_of(owner) if plan is not None and owner is not None else ""
    shown_args: dict[str, str] = {"metric": _name(plan, finding.metric)} if finding.metric else {}
    for key, value in params.items():
        # a parameter's name says what its value is (the key sets above): the casts state that, they check nothing
        if key in METRIC_KEYS:
            shown_args[key] = _name(plan, value)
        elif key in METRIC_LIST_KEYS:
            shown_args[key] = ", ".join(_name(plan, item) for item in cast("tuple[str, ...]", value))
        elif key in PERCENT_KEYS:
            shown_args[key] = percent_text(cast(Number, value), up=key == "rate")
        elif key in AMOUNT_KEYS:
            shown_args[key] = amount_text(owner, cast(Number, value), currency)
        elif key in SIGNED_KEYS:
            shown_args[key] = signed_text(cast(Number, value), owner, currency)
        elif isinstance(value, tuple):
            shown_args[key] = ", ".join(str(item) for item in value)
        elif isinstance(value, int) and not isinstance(value, bool):
            shown_args[key] = f"{value:,}"
        else:
            shown_args[key] = str(value)
    return shown_args


def describe(finding: Finding, plan: Plan | None = None, translate: Translate | None = None) -> str:
    """The finding's text for ``plan`` as it is now (English unless ``translate`` is given)."""
    english = TEMPLATES.get(finding.code) or EXPLANATIONS.get(finding.code)
    if english is None:
        return finding.code
    context = CONTEXT if finding.code in TEMPLATES else "Explain"
    template = translate(context, english) if translate is not None else english
    try:
        return template.format(**arguments(finding, plan))
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
        return english.format_map(_Missing(arguments(finding, plan)))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
