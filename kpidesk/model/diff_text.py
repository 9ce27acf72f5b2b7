"""The words of a diff and a merge: one line per change, per effect and per conflict, made at the edge.

The English templates are marked for Qt's ``lupdate`` in context ``Diff``;
field names are the schema's labels (context ``Fields``). The window passes
``QCoreApplication.translate``, the command line prints English. Numbers are
rounded through :mod:`kpidesk.model.display`, as everywhere a planner reads
them; where two different inputs would read the same once rounded
(12.3456 % and 12.3461 %), every digit is shown, so a change never reads as
"12.35% -> 12.35%".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal

from kpidesk.model import schema
from kpidesk.model.diff import Change, ChangeKind, Effect, PlanDiff, Value, metric_fields
from kpidesk.model.display import percent_text, signed_text, value_text
from kpidesk.model.exact import Fraction, to_decimal
from kpidesk.model.merge import Conflict
from kpidesk.model.metric import Metric
from kpidesk.model.numbers import decimal_text
from kpidesk.model.numbers import percent_text as exact_percent
from kpidesk.model.plan import INFO_FIELDS, Plan
from kpidesk.model.reasons import QT_TRANSLATE_NOOP, Translate

CONTEXT = "Diff"
#: Longest text value shown in a line (the JSON holds all of it).
MAX_SHOWN = 60

TEMPLATES: dict[str, str] = {
    # changes
    "added": QT_TRANSLATE_NOOP("Diff", "{metric}: added under {parent}"),
    "added_root": QT_TRANSLATE_NOOP("Diff", "{metric}: added as a top metric"),
    "removed": QT_TRANSLATE_NOOP("Diff", "{metric}: removed (was under {parent})"),
    "removed_root": QT_TRANSLATE_NOOP("Diff", "{metric}: removed (was a top metric)"),
    "renamed": QT_TRANSLATE_NOOP("Diff", "{old}: renamed to {new}"),
    "moved": QT_TRANSLATE_NOOP("Diff", "{metric}: moved from under {old} to under {new}"),
    "reordered": QT_TRANSLATE_NOOP("Diff", "{metric}: moved from place {old} to place {new} under {parent}"),
    "changed": QT_TRANSLATE_NOOP("Diff", "{metric}: {field} {old} -> {new}"),
    "changed_period": QT_TRANSLATE_NOOP("Diff", "{metric}: {field} of {period} {old} -> {new}"),
    "plan": QT_TRANSLATE_NOOP("Diff", "Plan: {field} {old} -> {new}"),
    # effects
    "effect": QT_TRANSLATE_NOOP("Diff", "{metric}: {field} {old} -> {new}"),
    "effect_because": QT_TRANSLATE_NOOP("Diff", "{metric}: {field} {old} -> {new} because {causes}"),
    "cause_changed": QT_TRANSLATE_NOOP("Diff", "the {field} of {metric} went {old} -> {new}"),
    "cause_added": QT_TRANSLATE_NOOP("Diff", "{metric} was added"),
    "cause_removed": QT_TRANSLATE_NOOP("Diff", "{metric} was removed"),
    "cause_moved": QT_TRANSLATE_NOOP("Diff", "{metric} was moved"),
    "cause_plan": QT_TRANSLATE_NOOP("Diff", "the plan's {field} went {old} -> {new}"),
    "causes_and": QT_TRANSLATE_NOOP("Diff", "{first} and {last}"),
    "fields_and": QT_TRANSLATE_NOOP("Diff", "{first} and {last}"),
    # summary
    "same": QT_TRANSLATE_NOOP("Diff", "The plans are the same."),
    "effects_heading": QT_TRANSLATE_NOOP("Diff", "Effects:"),
    # conflicts of a merge
    "conflict_both": QT_TRANSLATE_NOOP(
        "Diff", "{metric}, {field}: changed on both sides: ours {ours}, theirs {theirs} (was {base})"),
    "conflict_both_added": QT_TRANSLATE_NOOP(
        "Diff", "{metric}, {field}: added on both sides with different values: ours {ours}, theirs {theirs}"),
    "conflict_we_deleted": QT_TRANSLATE_NOOP(
        "Diff", "{metric}: deleted on our side, changed on theirs ({field} {base} -> {theirs})"),
    "conflict_they_deleted": QT_TRANSLATE_NOOP(
        "Diff", "{metric}: deleted on their side, changed on ours ({field} {base} -> {ours})"),
    "conflict_parent_gone": QT_TRANSLATE_NOOP(
        "Diff", "{metric}: their side puts it under {theirs}, which our side deleted"),
    "conflict_below_deleted": QT_TRANSLATE_NOOP(
        "Diff", "{metric}: deleted on their side, but our side has {ours} below it"),
    "conflict_refused": QT_TRANSLATE_NOOP("Diff", "{metric}, {field}: their {theirs} cannot be applied: {reason}"),
    "conflict_plan": QT_TRANSLATE_NOOP(
        "Diff", "Plan, {field}: changed on both sides: ours {ours}, theirs {theirs} (was {base})"),
}

#: Words for what has no value, and for the derived values an effect names.
WORDS: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("Diff", "(none)"),
    "derived": QT_TRANSLATE_NOOP("Diff", "derived"),
    "top": QT_TRANSLATE_NOOP("Diff", "the top"),
    "target": QT_TRANSLATE_NOOP("Diff", "target"),
    "rate": QT_TRANSLATE_NOOP("Diff", "solved rate"),
    "forecast": QT_TRANSLATE_NOOP("Diff", "forecast"),
    "gap": QT_TRANSLATE_NOOP("Diff", "gap"),
    "actuals": QT_TRANSLATE_NOOP("Diff", "actual"),
    "phasing": QT_TRANSLATE_NOOP("Diff", "phasing weight"),
    "title": QT_TRANSLATE_NOOP("Diff", "title"),
    "owner": QT_TRANSLATE_NOOP("Diff", "owner"),
    "currency": QT_TRANSLATE_NOOP("Diff", "currency"),
    "period": QT_TRANSLATE_NOOP("Diff", "period"),
    "start": QT_TRANSLATE_NOOP("Diff", "start"),
    "end": QT_TRANSLATE_NOOP("Diff", "end"),
    "kgi": QT_TRANSLATE_NOOP("Diff", "KGI"),
    "on_track": QT_TRANSLATE_NOOP("Diff", "on-track threshold"),
    "behind": QT_TRANSLATE_NOOP("Diff", "behind threshold"),
    "notes": QT_TRANSLATE_NOOP("Diff", "notes"),
}


class _Words:
    """Translation and the plans the names and numbers come from."""

    def __init__(self, translate: Translate | None) -> None:
        self.translate = translate

    def say(self, code: str, **args: str) -> str:
        english = TEMPLATES[code]
        template = self.translate(CONTEXT, english) if self.translate is not None else english
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
            return english.format(**args)

    def word(self, key: str) -> str:
        english = WORDS[key]
        return self.translate(CONTEXT, english) if self.translate is not None else english

    def field(self, field: str) -> str:
        """A metric field's label: the schema's, lower-cased in English ("rate", "data source"), as a
        translation has it in another language."""
        if field in WORDS and field not in schema.BY_NAME:
            return self.word(field)
        label = schema.label(field)
        translated = self.translate(schema.CONTEXT, label) if self.translate is not None else label
        if translated != label:
            return translated  # a language's own case (German nouns keep their capital)
        return label[:1].lower() + label[1:]


def _name(plans: Iterable[Plan], metric_id: object) -> str:
    """A metric's name as the newest plan that has it names it; the id when none has it."""
    if not isinstance(metric_id, str):
        return str(metric_id)
    for plan in plans:
        metric = plan.metrics.get(metric_id)
        if metric is not None:
            return metric.name
    return metric_id


def _text(value: str) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= MAX_SHOWN else shown[: MAX_SHOWN - 2] + '…"'


def _exact(field: str, value: Value) -> str:
    """Every digit, as the file writes it."""
    if isinstance(value, Decimal):
        return exact_percent(value) if schema.BY_NAME.get(field) and schema.BY_NAME[field].form in (
            "rate", "share") else decimal_text(value)
    return "" if value is None else str(value)


def value_words(words: _Words, plan: Plan | None, metric_id: str | None, field: str, value: Value) -> str:
    """An input's value as a planner reads it: '40%', '1,600', '"Inside sales"', 'derived', '(none)'."""
    name, _, _period = field.partition(".")
    if value is None:
        return words.word("derived" if name == "target" else "none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        if name in ("rate", "kind", "better", "relation") or (metric_id is None and name in ("kgi", "currency")):
            return value
        if metric_id is None and name in ("on_track", "behind"):
            return value
        return _text(value)
    if isinstance(value, int) and not isinstance(value, Decimal):
        return str(value)
    form = schema.BY_NAME[name].form if name in schema.BY_NAME else ""
    if form in ("rate", "share"):
        return percent_text(value)
    metric = plan.metrics.get(metric_id) if plan is not None and metric_id is not None else None
    if name == "phasing" or metric is None:
        return decimal_text(value)
    return value_text(metric, value, plan.engine.currency_of(metric) if plan is not None else "")


def _pair(words: _Words, old_plan: Plan | None, new_plan: Plan | None, metric_id: str | None, field: str,
          old: Value, new: Value) -> tuple[str, str]:
    """Old and new values as text; every digit where rounding would make them read the same."""
    before = value_words(words, old_plan, metric_id, field, old)
    after = value_words(words, new_plan, metric_id, field, new)
    if before == after and isinstance(old, Decimal) and isinstance(new, Decimal):
        before, after = _exact(field.partition(".")[0], old), _exact(field.partition(".")[0], new)
    return before, after


def change_text(diff: PlanDiff, change: Change, translate: Translate | None = None) -> str:
    """One change in a line."""
    return _change(_Words(translate), diff.old, diff.new, change)


def _change(words: _Words, old: Plan, new: Plan, change: Change) -> str:
    plans = (new, old)
    metric = _name(plans, change.metric)
    kind = change.kind
    if kind is ChangeKind.PLAN:
        before, after = _pair(words, old, new, None, change.field, change.old, change.new)
        if change.field == "kgi":
            before = _name(plans, change.old) if change.old else before
            after = _name(plans, change.new) if change.new else after
        return words.say("plan", field=words.word(change.field), old=before, new=after)
    if kind is ChangeKind.ADDED:
        if change.new is None:
            return words.say("added_root", metric=metric)
        return words.say("added", metric=metric, parent=_name(plans, change.new))
    if kind is ChangeKind.REMOVED:
        name = str(change.extra.get("name") or change.metric)
        if change.old is None:
            return words.say("removed_root", metric=name)
        return words.say("removed", metric=name, parent=_name((old, new), change.old))
    if kind is ChangeKind.RENAMED:
        return words.say("renamed", old=str(change.old), new=str(change.new))
    if kind is ChangeKind.MOVED:
        if change.old == change.new:
            extra = change.extra
            parent = _name(plans, change.new) if change.new is not None else words.word("top")
            return words.say("reordered", metric=metric, parent=parent, old=_place(extra.get("old_row")),
                             new=_place(extra.get("new_row")))
        return words.say("moved", metric=metric,
                         old=_name(plans, change.old) if change.old is not None else words.word("top"),
                         new=_name(plans, change.new) if change.new is not None else words.word("top"))
    before, after = _pair(words, old, new, change.metric, change.field, change.old, change.new)
    name, _, period = change.field.partition(".")
    if period:
        return words.say("changed_period", metric=metric, field=words.word(name), period=period, old=before,
                         new=after)
    return words.say("changed", metric=metric, field=words.field(name), old=before, new=after)


def _place(row: Value) -> str:
    """A row among siblings as a planner counts: the first is 1."""
    return str(row + 1) if isinstance(row, int) else "?"


def _cause(words: _Words, old: Plan, new: Plan, change: Change) -> str:
    plans = (new, old)
    metric = _name(plans, change.metric)
    if change.kind is ChangeKind.ADDED:
        return words.say("cause_added", metric=metric)
    if change.kind is ChangeKind.REMOVED:
        return words.say("cause_removed", metric=str(change.extra.get("name") or metric))
    if change.kind is ChangeKind.MOVED:
        return words.say("cause_moved", metric=metric)
    before, after = _pair(words, old, new, change.metric, change.field, change.old, change.new)
    if change.kind is ChangeKind.PLAN:
        return words.say("cause_plan", field=words.word(change.field), old=before, new=after)
    return words.say("cause_changed", field=words.field(change.base_field), metric=metric, old=before, new=after)


def derived_text(plan: Plan, metric: Metric, field: str, value: Fraction | None) -> str:
    """A derived value as the tree shows it: a target or forecast, a signed gap, a solved rate (rounded up)."""
    if value is None:
        return "-"
    currency = plan.engine.currency_of(metric)
    if field == "gap":
        return signed_text(value, metric, currency)
    if field == "rate":
        return percent_text(value, up=True)
    return value_text(metric, value, currency)


def effect_text(diff: PlanDiff, effect: Effect, translate: Translate | None = None) -> str:
    """One effect in a line, with the changes that explain it."""
    return _effect(_Words(translate), diff, effect)


def _effect(words: _Words, diff: PlanDiff, effect: Effect, fields: tuple[str, ...] = ()) -> str:
    """``fields``: the fields that share this effect's values and causes (one line for target and forecast)."""
    before_metric, metric = diff.old.metrics[effect.metric], diff.new.metrics[effect.metric]
    before = derived_text(diff.old, before_metric, effect.field, effect.old)
    after = derived_text(diff.new, metric, effect.field, effect.new)
    if before == after and effect.old is not None and effect.new is not None:
        before, after = str(to_decimal(effect.old)), str(to_decimal(effect.new))
    named = [words.word(f) for f in fields or (effect.field,)]
    field = named[0] if len(named) == 1 else words.say("fields_and", first=", ".join(named[:-1]), last=named[-1])
    args = {"metric": metric.name, "field": field, "old": before, "new": after}
    if not effect.because:
        return words.say("effect", **args)
    causes = [_cause(words, diff.old, diff.new, change) for change in effect.because]
    joined = causes[0] if len(causes) == 1 else words.say("causes_and", first=", ".join(causes[:-1]),
                                                          last=causes[-1])
    return words.say("effect_because", causes=joined, **args)


def diff_lines(diff: PlanDiff, translate: Translate | None = None) -> list[str]:
    """The diff as lines: one per change, then a heading and one per effect; a sentence when nothing changed."""
    words = _Words(translate)
    if diff.same:
        return [words.say("same")]
    lines = [_change(words, diff.old, diff.new, change) for change in diff.changes]
    if diff.effects:
        lines.append(words.say("effects_heading"))
        lines += ["  " + _effect(words, diff, group[0], tuple(e.field for e in group))
                  for group in grouped_effects(diff.effects)]
    return lines


def grouped_effects(effects: Iterable[Effect]) -> list[list[Effect]]:
    """Effects in runs that read as one line: the same metric, values and causes (a derived target and
    its forecast both 40 -> 50); gaps and solved rates stand alone."""
    groups: list[list[Effect]] = []
    for effect in effects:
        last = groups[-1][-1] if groups else None
        if (last is not None and last.metric == effect.metric and last.old == effect.old
                and last.new == effect.new and last.because == effect.because
                and {last.field, effect.field} <= {"target", "forecast"}):
            groups[-1].append(effect)
        else:
            groups.append([effect])
    return groups


def conflict_text(conflict: Conflict, base: Plan, ours: Plan, theirs: Plan, translate: Translate | None = None) -> str:
    """One conflict of a merge in a line: the metric, the field and both sides' values."""
    words = _Words(translate)
    plans = (ours, theirs, base)
    metric = _name(plans, conflict.metric)
    if conflict.metric is not None and metric != conflict.metric:
        metric = f"{metric} ({conflict.metric})"
    field = conflict.field
    name = field.partition(".")[0]
    label = words.field(name) if name in schema.BY_NAME else (words.word(name) if name in WORDS else name)
    if "." in field:
        label = f"{label} {field.partition('.')[2]}"
    metric_id = conflict.metric

    def shown(plan: Plan, value: Value) -> str:
        if name == "parent":
            return _name(plans, value) if value is not None else words.word("top")
        return value_words(words, plan, metric_id, field, value)

    ours_text, theirs_text = shown(ours, conflict.ours), shown(theirs, conflict.theirs)
    if ours_text == theirs_text and isinstance(conflict.ours, Decimal) and isinstance(conflict.theirs, Decimal):
        ours_text, theirs_text = _exact(name, conflict.ours), _exact(name, conflict.theirs)
    args = {"metric": metric, "field": label, "ours": ours_text, "theirs": theirs_text,
            "base": shown(base, conflict.base)}
    if conflict.code == "conflict_below_deleted":
        args["ours"] = ", ".join(_name(plans, item) for item in str(conflict.ours or "").split(","))
    if conflict.code == "conflict_refused":
        args["reason"] = conflict.reason.text(translate) if conflict.reason is not None else ""
    return words.say(conflict.code, **args)


def listing(plan: Plan) -> list[str]:
    """The plan as ``ID.FIELD = VALUE`` lines, the plan's facts first, then metric by metric in tree order.

    For ``git diff`` (a textconv): every line names its metric, so a hunk says
    what it is about wherever the table sits in the file; values are exact, as
    the file holds them (``10%``, ``1600``, ``"Inside sales"``), never rounded,
    so that a change always shows. Stable: the same plan gives the same lines.
    """
    lines: list[str] = []
    for key in INFO_FIELDS:
        value = plan.info.get(key)
        if value:
            lines.append(f"plan.{key} = {_listed('', value)}")
    for metric in plan.walk():
        lines.append("")
        if metric.parent is not None:
            lines.append(f"{metric.id}.parent = {metric.parent.id}")
        for key, value in metric_fields(metric).items():
            lines.append(f"{metric.id}.{key} = {_listed(key, value)}")
    return lines


def _listed(field: str, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return _exact(field.partition(".")[0], value)
    if isinstance(value, str) and field not in ("rate", "kind", "better", "relation"):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


__all__ = ["TEMPLATES", "WORDS", "change_text", "conflict_text", "derived_text", "diff_lines", "effect_text",
           "grouped_effects", "listing", "value_words"]
