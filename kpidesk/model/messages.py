r"""The English text of findings and errors, made from their codes and parameters in one place.

The command line, the CSV and the printout call :func:`describe`; the window
calls it with Qt's translation, which finds every template below through the
``QT_TRANSLATE_NOOP`` marker (context ``Findings``). Metric parameters hold
ids and are named when the text is made, so a renamed metric reads right at
once; numbers are rounded as the planner sees them, by :mod:`kpidesk.model.exact`.

Errors (a plan file that cannot be read, a value or an edit that is refused)
are :class:`~kpidesk.model.reasons.Reason` objects; :func:`error_text` makes their
text from :data:`FILE_ERRORS` (context ``FileErrors``: everything reading a
file or a value can say), :data:`EDIT_ERRORS` (context ``EditErrors``:
what only an edit, an override or ``kpidesk set`` refuses) and
:data:`IMPORT_ERRORS` (context ``ImportErrors``: the cells of a CSV file of actuals) and
:data:`~kpidesk.model.save_messages.SAVE_ERRORS` (context ``SaveErrors``: what a save refuses or could not keep).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, cast

from kpidesk.model.display import amount_text, percent_text, signed_text
from kpidesk.model.exact import Number
from kpidesk.model.findings import Finding, Params
from kpidesk.model.numbers import decimal_text
from kpidesk.model.reasons import QT_TRANSLATE_NOOP, Reason, Translate
from kpidesk.model.save_messages import SAVE_CONTEXT, SAVE_ERRORS

if TYPE_CHECKING:
    from kpidesk.model.plan import Plan

CONTEXT = "Findings"


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
    "formula_missing": QT_TRANSLATE_NOOP(
        "Findings", "{metric} is made by a formula, but its formula is not written yet: write it, or choose another "
        "relation."),
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
    "why_share": QT_TRANSLATE_NOOP("Explain", "= {amount} ({parent}) x {share}"),
    "why_share_up": QT_TRANSLATE_NOOP("Explain", "= {amount} ({parent}) x {share}, rounded up"),
    "why_rate": QT_TRANSLATE_NOOP("Explain", "= {amount} ({parent}) / {rate}"),
    "why_rate_up": QT_TRANSLATE_NOOP("Explain", "= {amount} ({parent}) / {rate}, rounded up"),
    "why_rate_rest": QT_TRANSLATE_NOOP(
        "Explain", "= ({amount} ({parent}) less the other parts) / {rate}"),
    "why_rate_rest_up": QT_TRANSLATE_NOOP(
        "Explain", "= ({amount} ({parent}) less the other parts) / {rate}, rounded up"),
    "why_product": QT_TRANSLATE_NOOP("Explain", "= {amount} ({parent}) / the other factors"),
    "why_product_up": QT_TRANSLATE_NOOP("Explain", "= {amount} ({parent}) / the other factors, rounded up"),
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
#: How a metric is made, as a ``relation`` parameter says it (the words of the file, translated in "Explain").
RELATION_WORDS: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("Explain", "none"),
    "funnel": QT_TRANSLATE_NOOP("Explain", "funnel"),
    "sum": QT_TRANSLATE_NOOP("Explain", "sum"),
    "product": QT_TRANSLATE_NOOP("Explain", "product"),
    "share": QT_TRANSLATE_NOOP("Explain", "share"),
    "formula": QT_TRANSLATE_NOOP("Explain", "formula"),
}



def _name(plan: Plan | None, metric_id: object) -> str:
    metric = plan.metrics.get(metric_id) if plan is not None and isinstance(metric_id, str) else None
    return metric.name if metric is not None else str(metric_id)


def arguments(finding: Finding, plan: Plan | None, translate: Translate | None = None) -> dict[str, str]:
    """The parameters of ``finding`` as the text shows them (words such as a relation in ``translate``'s
    language)."""
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
        elif key == "relation" and isinstance(value, str) and value in RELATION_WORDS:
            word = RELATION_WORDS[value]
            shown_args[key] = translate("Explain", word) if translate is not None else word
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
        return template.format(**arguments(finding, plan, translate))
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
        return english.format_map(_Missing(arguments(finding, plan)))


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# ---- errors ---------------------------------------------------------------------------------
ERROR_CONTEXT = "FileErrors"
EDIT_CONTEXT = "EditErrors"
IMPORT_CONTEXT = "ImportErrors"

#: code -> English template of what reading a plan file or a value can refuse (context "FileErrors").
#: A template with ``{reason}`` is a phrase that places another reason (``Reason.inside``).
#: ``{id!r}`` quotes a text as Python does ('leads'); ``{limit:,}`` groups thousands.
FILE_ERRORS: dict[str, str] = {
    # phrases that say where a reason was found
    "in_metric": QT_TRANSLATE_NOOP("FileErrors", "metric {metric!r}: {reason}"),
    "in_metric_key": QT_TRANSLATE_NOOP("FileErrors", "metric {metric!r}, {key}: {reason}"),
    "in_metric_key_value": QT_TRANSLATE_NOOP("FileErrors", "metric {metric!r}, {key}: {reason} ({value})"),
    "in_plan_key": QT_TRANSLATE_NOOP("FileErrors", "plan.{key}: {reason}"),
    "in_period": QT_TRANSLATE_NOOP("FileErrors", "{period}: {reason}"),
    "in_formula": QT_TRANSLATE_NOOP("FileErrors", "the formula is not valid: {reason}"),
    "in_formula_number": QT_TRANSLATE_NOOP("FileErrors", "the number at column {column}: {reason}"),
    # the file as a whole
    "no_such_file": QT_TRANSLATE_NOOP("FileErrors", "no such file"),
    "is_folder": QT_TRANSLATE_NOOP("FileErrors", "this is a folder, not a plan file"),
    "cannot_read": QT_TRANSLATE_NOOP("FileErrors", "cannot read the file: {detail}"),
    "file_too_large": QT_TRANSLATE_NOOP("FileErrors", "the file is {size:,} bytes, over the limit of {limit:,}"),
    "not_utf8": QT_TRANSLATE_NOOP("FileErrors", "the file is not UTF-8 text"),
    "text_too_large": QT_TRANSLATE_NOOP(
        "FileErrors", "the text is {size:,} characters, over the limit of {limit:,}"),
    "key_too_dotted": QT_TRANSLATE_NOOP(
        "FileErrors", "a key with more than {limit} dotted parts; a plan needs at most 3 (metric.actuals.X)"),
    "brackets_too_deep": QT_TRANSLATE_NOOP("FileErrors", "brackets nested more than {limit} levels deep (the limit)"),
    "toml_invalid": QT_TRANSLATE_NOOP("FileErrors", "not valid TOML: {detail}"),
    "toml_too_deep": QT_TRANSLATE_NOOP(
        "FileErrors", "not valid TOML: nested more than {limit} levels deep (the limit)"),
    "number_beyond_any_range": QT_TRANSLATE_NOOP(
        "FileErrors", "a number out of any range: more digits or a larger exponent than a number holds "
        "(the limit is {limit:,})"),
    "version_not_text": QT_TRANSLATE_NOOP("FileErrors", 'format_version must be text such as "1.0"'),
    "version_newer": QT_TRANSLATE_NOOP(
        "FileErrors", "this plan uses format {version}, newer than this kpidesk reads ({supported}); update kpidesk "
        "to open it"),
    "plan_not_table": QT_TRANSLATE_NOOP("FileErrors", "plan must be a table: [plan]"),
    "metrics_not_array": QT_TRANSLATE_NOOP("FileErrors", "metric must be an array of tables: [[metric]]"),
    "no_metrics": QT_TRANSLATE_NOOP(
        "FileErrors", "the plan has no metrics: add a [[metric]] table for the root (the goal)"),
    "too_many_metrics": QT_TRANSLATE_NOOP("FileErrors", "the plan has {count:,} metrics, over the limit of {limit:,}"),
    "metric_not_table": QT_TRANSLATE_NOOP("FileErrors", "each metric must be a table: [[metric]]"),
    # the tree
    "id_missing": QT_TRANSLATE_NOOP(
        "FileErrors", "metric id missing: an id is required, made of letters, digits and _ (not starting with a "
        "digit, at most {limit} characters)"),
    "id_invalid": QT_TRANSLATE_NOOP(
        "FileErrors", "metric id {id!r}: an id is required, made of letters, digits and _ (not starting with a "
        "digit, at most {limit} characters)"),
    "duplicate_id": QT_TRANSLATE_NOOP("FileErrors", "duplicate id {id!r} (first used at line {first_line})"),
    "parent_not_text": QT_TRANSLATE_NOOP("FileErrors", "parent: expected the id of another metric in quotes"),
    "parent_unknown": QT_TRANSLATE_NOOP("FileErrors", "parent {parent!r} is not the id of any metric"),
    "own_parent": QT_TRANSLATE_NOOP("FileErrors", "metric {metric!r} is its own parent"),
    "parent_cycle": QT_TRANSLATE_NOOP("FileErrors", "the parents form a cycle: {cycle}"),
    "no_root": QT_TRANSLATE_NOOP("FileErrors", "the plan has no root: one metric must have no parent"),
    "tree_too_deep": QT_TRANSLATE_NOOP("FileErrors", "the tree is deeper than the limit of {limit} levels"),
    "unknown_id": QT_TRANSLATE_NOOP("FileErrors", "{id!r} is not the id of any metric"),
    "ids_not_metrics": QT_TRANSLATE_NOOP("FileErrors", "{ids} is not another metric of this plan"),
    # one value (kpidesk.model.schema)
    "text_needed": QT_TRANSLATE_NOOP("FileErrors", "expected text in quotes"),
    "text_expected": QT_TRANSLATE_NOOP("FileErrors", "expected text in quotes, found {found}"),
    "text_too_long": QT_TRANSLATE_NOOP("FileErrors", "longer than {limit:,} characters"),
    "control_in_line": QT_TRANSLATE_NOOP(
        "FileErrors", "{character} is not allowed in a name or another one-line text (no control characters)"),
    "control_in_text": QT_TRANSLATE_NOOP(
        "FileErrors", "{character} is not allowed in a text (of the control characters, only line breaks and tabs "
        "are)"),
    "date_expected": QT_TRANSLATE_NOOP("FileErrors", "expected a date such as 2026-04-01"),
    "name_required": QT_TRANSLATE_NOOP("FileErrors", "a name (text in quotes) is required"),
    "name_empty": QT_TRANSLATE_NOOP("FileErrors", "a metric needs a name"),
    "not_a_choice": QT_TRANSLATE_NOOP("FileErrors", "{text!r} is not one of: {choices}"),
    "flag_expected": QT_TRANSLATE_NOOP("FileErrors", "expected true or false, found {found}"),
    "not_a_flag": QT_TRANSLATE_NOOP("FileErrors", "{text!r} is not true or false"),
    "number_expected": QT_TRANSLATE_NOOP("FileErrors", "expected a number, found {found}"),
    "number_missing": QT_TRANSLATE_NOOP("FileErrors", "expected a number"),
    "table_expected": QT_TRANSLATE_NOOP("FileErrors", "expected a table of period = value, such as [metric.actuals]"),
    "period_form": QT_TRANSLATE_NOOP(
        "FileErrors", "{period!r} is not a period: write a month as 2026-04 or an ISO week as 2026-W15"),
    "period_month_range": QT_TRANSLATE_NOOP("FileErrors", "{period!r}: a month is 1 to 12"),
    "period_week_range": QT_TRANSLATE_NOOP("FileErrors", "{period!r}: that year has no such ISO week"),
    "period_not_canonical": QT_TRANSLATE_NOOP("FileErrors", "write the period as {key!r}"),
    "weight_negative": QT_TRANSLATE_NOOP("FileErrors", "a phasing weight cannot be negative"),
    "lag_not_whole": QT_TRANSLATE_NOOP("FileErrors", "a lag is a whole number of periods, not {found}"),
    "lag_range": QT_TRANSLATE_NOOP("FileErrors", "a lag is 0 to {limit} periods"),
    "threshold_percent": QT_TRANSLATE_NOOP(
        "FileErrors", "{text!r} is not a percentage between 0 and 100% (such as \"95%\")"),
    "share_zero": QT_TRANSLATE_NOOP(
        "FileErrors", "a share of 0 % is refused: the parent cannot be calculated back from a part that is 0 % of it "
        "(leave the share out, or remove the part)"),
    "not_an_input": QT_TRANSLATE_NOOP("FileErrors", "{field} is not an input of a metric"),
    # the rules between a metric's fields
    "count_negative": QT_TRANSLATE_NOOP(
        "FileErrors", "a count cannot be negative unless the metric allows it (allow_negative = true)"),
    "money_negative": QT_TRANSLATE_NOOP(
        "FileErrors", "money cannot be negative unless the metric allows it (allow_negative = true)"),
    "count_not_whole": QT_TRANSLATE_NOOP("FileErrors", "a count must be a whole number"),
    # numbers (kpidesk.model.numbers)
    "not_finite": QT_TRANSLATE_NOOP("FileErrors", "expected a finite number, found nan or infinity"),
    "not_a_number": QT_TRANSLATE_NOOP("FileErrors", "{text!r} is not a number"),
    "number_too_long": QT_TRANSLATE_NOOP("FileErrors", "the number is longer than {limit} characters"),
    "out_of_range": QT_TRANSLATE_NOOP(
        "FileErrors", "{text!r} is out of range (at most {limit:,}, at most {places} decimal places)"),
    "too_large": QT_TRANSLATE_NOOP("FileErrors", "{number} is too large (the limit is {limit:,})"),
    "too_many_decimals": QT_TRANSLATE_NOOP(
        "FileErrors", "{number} has {places:,} decimal places; at most {limit} are kept"),
    "too_many_digits": QT_TRANSLATE_NOOP(
        "FileErrors", "{number} has {digits} significant digits; at most {limit} are kept"),
    "percent_too_many_decimals": QT_TRANSLATE_NOOP(
        "FileErrors", "{number} has {places:,} decimals; a percentage has at most {limit}"),
    "rate_out_of_range": QT_TRANSLATE_NOOP("FileErrors", "rate {number} is outside 0-100 %"),
    "rate_out_of_range_bare": QT_TRANSLATE_NOOP(
        "FileErrors", "rate {number} is outside 0-100 %; write {number}% for a percentage"),
    # formulas (kpidesk.model.formula)
    "formula_too_long": QT_TRANSLATE_NOOP("FileErrors", "the formula is longer than {limit} characters"),
    "formula_empty": QT_TRANSLATE_NOOP("FileErrors", "the formula is empty"),
    "formula_character": QT_TRANSLATE_NOOP("FileErrors", "unexpected character {character!r} at column {column}"),
    "formula_unexpected": QT_TRANSLATE_NOOP("FileErrors", "unexpected {token!r} at column {column}"),
    "formula_ends_early": QT_TRANSLATE_NOOP("FileErrors", "the formula ends too early"),
    "formula_unclosed": QT_TRANSLATE_NOOP("FileErrors", "a '(' is not closed"),
    "formula_too_deep": QT_TRANSLATE_NOOP(
        "FileErrors", "signs and parentheses nest deeper than {limit} levels at column {column}"),
    # an error that carries no code (a ValueError from elsewhere): its own text
    "refused": QT_TRANSLATE_NOOP("FileErrors", "{detail}"),
}

#: code -> English template of what an edit, an override or ``kpidesk set`` refuses (context "EditErrors").
EDIT_ERRORS: dict[str, str] = {
    # phrases that say where a reason was found
    "in_metric_field": QT_TRANSLATE_NOOP("EditErrors", "{name}, {field}: {reason}"),
    "in_metric_field_value": QT_TRANSLATE_NOOP("EditErrors", "{name}, {where} {value}: {reason}"),
    "refused_because": QT_TRANSLATE_NOOP(
        "EditErrors", "{name}, {field} {value}: refused, because its {where} is {other} and {reason}"),
    "in_override": QT_TRANSLATE_NOOP("EditErrors", "{override}: {reason}"),
    "in_assignment": QT_TRANSLATE_NOOP("EditErrors", "{assignment!r}: {reason}"),
    # the plan (kpidesk.model.plan, kpidesk.model.edits)
    "id_taken": QT_TRANSLATE_NOOP("EditErrors", "The id {id!r} is already used by another metric."),
    "plan_full": QT_TRANSLATE_NOOP("EditErrors", "A plan holds at most {limit:,} metrics."),
    "parent_not_in_plan": QT_TRANSLATE_NOOP("EditErrors", "The parent {parent!r} is not in this plan."),
    "tree_would_be_too_deep": QT_TRANSLATE_NOOP("EditErrors", "The tree would be deeper than {limit} levels."),
    "only_goal": QT_TRANSLATE_NOOP("EditErrors", "{name} is the only top metric: a plan needs at least one goal."),
    "below_itself": QT_TRANSLATE_NOOP("EditErrors", "{name} cannot move below itself."),
    "formula_reads_it": QT_TRANSLATE_NOOP(
        "EditErrors", "{name} cannot be deleted: the formula of {readers} reads {reads}. Change that formula first."),
    "no_info_field": QT_TRANSLATE_NOOP("EditErrors", "The plan has no field {field!r}."),
    "no_metric": QT_TRANSLATE_NOOP("EditErrors", "No metric has the id {id!r}."),
    "info_too_long": QT_TRANSLATE_NOOP("EditErrors", "The {field} is longer than {limit:,} characters."),
    "no_metric_field": QT_TRANSLATE_NOOP("EditErrors", "A metric has no field {field!r}."),
    "no_period_field": QT_TRANSLATE_NOOP(
        "EditErrors", "A metric has no values by period in {field!r}; those are in: {fields}."),
    "formula_refers_unknown": QT_TRANSLATE_NOOP(
        "EditErrors", "the formula refers to {ids}, which is not another metric of this plan."),
    # evaluations with overrides (kpidesk.model.evaluation)
    "override_no_metric": QT_TRANSLATE_NOOP("EditErrors", "no metric has the id {id!r}."),
    "override_not_variable": QT_TRANSLATE_NOOP("EditErrors", "only {fields} can be varied."),
    "override_number_expected": QT_TRANSLATE_NOOP("EditErrors", "expected a number, found {found}."),
    "override_fraction_range": QT_TRANSLATE_NOOP("EditErrors", "a rate or share is between 0 and 100 %."),
    # kpidesk set
    "assignment_form": QT_TRANSLATE_NOOP("EditErrors", "write ID.FIELD=VALUE, for example visits.rate=10%"),
    "assignment_no_metric": QT_TRANSLATE_NOOP("EditErrors", "no metric has the id {id!r}"),
    "not_settable": QT_TRANSLATE_NOOP("EditErrors", "cannot set {field!r}; settable fields: {fields}"),
    "period_needed": QT_TRANSLATE_NOOP(
        "EditErrors", "name the period: {field}.2026-06=VALUE (a month) or {field}.2026-W15=VALUE (an ISO week)"),
}

#: code -> English template of what importing actuals from a CSV file refuses (context "ImportErrors"):
#: :mod:`kpidesk.model.actuals_csv`. Each bad cell reads ``FILE.csv:ROW:COLUMN: error: <what> (<value>)``.
IMPORT_ERRORS: dict[str, str] = {
    # phrases that say which cell
    "in_csv_cell": QT_TRANSLATE_NOOP("ImportErrors", "{header}: {reason} ({value!r})"),
    "in_csv_cell_metric": QT_TRANSLATE_NOOP("ImportErrors", "{header}, metric {metric!r}: {reason} ({value!r})"),
    # the file as a whole
    "csv_not_text": QT_TRANSLATE_NOOP(
        "ImportErrors", "the file is neither UTF-8 nor Shift_JIS (cp932) text (the byte {byte} at offset {offset:,} "
        "cannot be read)"),
    "csv_invalid": QT_TRANSLATE_NOOP("ImportErrors", "not valid CSV: {detail}"),
    "csv_empty": QT_TRANSLATE_NOOP("ImportErrors", "the file has no rows"),
    "csv_layout": QT_TRANSLATE_NOOP(
        "ImportErrors", "cannot tell how the file is laid out: the first row names the columns metric, period and "
        "value, or a metric column and then one column per period (2026-04, 2026/04, 2026年4月); or every row is a "
        "metric, a period and a value"),
    "csv_no_values": QT_TRANSLATE_NOOP("ImportErrors", "the file holds no values to import"),
    "csv_more_problems": QT_TRANSLATE_NOOP("ImportErrors", "and {count:,} more problems; nothing was imported"),
    # one cell
    "csv_unknown_metric": QT_TRANSLATE_NOOP("ImportErrors", "no metric has this id or name"),
    "csv_ambiguous_name": QT_TRANSLATE_NOOP(
        "ImportErrors", "more than one metric has this name: {ids}; write the id instead"),
    "csv_metric_missing": QT_TRANSLATE_NOOP("ImportErrors", "the metric is missing"),
    "csv_period_missing": QT_TRANSLATE_NOOP("ImportErrors", "the period is missing"),
    "csv_value_missing": QT_TRANSLATE_NOOP("ImportErrors", "the value is missing"),
    "csv_header_missing": QT_TRANSLATE_NOOP(
        "ImportErrors", "a value in a column without a period in its header ({value!r})"),
    "csv_extra_cell": QT_TRANSLATE_NOOP(
        "ImportErrors", "a cell after the last column; in a file separated by commas, a number with a thousands "
        "separator is written in quotes, \"1,200\" ({value!r})"),
    "csv_twice": QT_TRANSLATE_NOOP(
        "ImportErrors", "{period} has a value already, in line {first_line}"),
    "csv_period_column_twice": QT_TRANSLATE_NOOP(
        "ImportErrors", "{period} has a column already, column {first_column}"),
}

#: What a ``found`` parameter names (:func:`kpidesk.model.reasons.kind_of`); other values are type names.
FOUND: dict[str, str] = {
    "bool": QT_TRANSLATE_NOOP("FileErrors", "true/false"),
    "float": QT_TRANSLATE_NOOP("FileErrors", "a binary float (inexact: give a Decimal)"),
    "number": QT_TRANSLATE_NOOP("FileErrors", "a number"),
    "table": QT_TRANSLATE_NOOP("FileErrors", "a table"),
    "array": QT_TRANSLATE_NOOP("FileErrors", "an array"),
    "nothing": QT_TRANSLATE_NOOP("FileErrors", "nothing"),
    "text": QT_TRANSLATE_NOOP("FileErrors", "text"),
    "date": QT_TRANSLATE_NOOP("FileErrors", "a date"),
    "datetime": QT_TRANSLATE_NOOP("FileErrors", "a date and time"),
    "time": QT_TRANSLATE_NOOP("FileErrors", "a time of day"),
}

#: Parameters holding ids in order along a path, shown with arrows (a -> b -> a).
PATH_KEYS = frozenset({"cycle"})


def error_template(code: str) -> tuple[str, str] | None:
    """The translation context and English template of an error code, or None."""
    if code in FILE_ERRORS:
        return ERROR_CONTEXT, FILE_ERRORS[code]
    if code in EDIT_ERRORS:
        return EDIT_CONTEXT, EDIT_ERRORS[code]
    if code in IMPORT_ERRORS:
        return IMPORT_CONTEXT, IMPORT_ERRORS[code]
    if code in SAVE_ERRORS:
        return SAVE_CONTEXT, SAVE_ERRORS[code]
    return None


def error_arguments(args: Params, translate: Translate | None = None) -> dict[str, object]:
    """The parameters of one error phrase as its template takes them.

    Ids, keys and texts stay as they are (the template quotes them with ``!r``),
    whole numbers stay numbers (the template groups them with ``:,``), decimals
    show every digit as stored, tuples are lists of ids, and ``found`` is said in words.
    """
    shown: dict[str, object] = {}
    for key, value in args:
        if key == "found" and isinstance(value, str) and value in FOUND:
            words = FOUND[value]
            shown[key] = translate(ERROR_CONTEXT, words) if translate is not None else words
        elif isinstance(value, tuple):
            shown[key] = (" -> " if key in PATH_KEYS else ", ").join(str(item) for item in value)
        elif isinstance(value, Decimal):
            shown[key] = decimal_text(value)
        else:
            shown[key] = value
    return shown


def _error_phrase(code: str, args: Params, inner: str | None, translate: Translate | None) -> str:
    values = error_arguments(args, translate)
    if inner is not None:
        values["reason"] = inner
    found = error_template(code)
    if found is None:  # never for a code of kpidesk (a test holds every code to a template)
        listed = ", ".join(f"{key}={value}" for key, value in values.items())
        return f"{code} ({listed})" if listed else code
    context, english = found
    template = translate(context, english) if translate is not None else english
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):  # a translation that misnames a parameter
        return english.format_map(_Missing(values))


def error_text(reason: Reason, translate: Translate | None = None) -> str:
    """The text of an error (English unless ``translate`` is given): the reason, then each phrase around it."""
    text = _error_phrase(reason.code, reason.args, None, translate)
    for code, args in reversed(reason.within):
        text = _error_phrase(code, args, text, translate)
    return text
