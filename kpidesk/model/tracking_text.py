"""The words of tracking: status names and the bottleneck sentence, made at the edge.

The English templates are marked for Qt's ``lupdate`` in context
``Tracking``; the window passes ``QCoreApplication.translate``, the command
line prints English. Numbers are rounded here, through :mod:`display`, as
everywhere a planner reads them.
"""

from __future__ import annotations

from kpidesk.model.bottleneck import RATE, Bottleneck
from kpidesk.model.display import percent_text, value_text
from kpidesk.model.plan import Plan
from kpidesk.model.reasons import QT_TRANSLATE_NOOP, Translate
from kpidesk.model.tracking import Status, Tracking

CONTEXT = "Tracking"

STATUS_WORDS: dict[Status, str] = {
    Status.AHEAD: QT_TRANSLATE_NOOP("Tracking", "ahead"),
    Status.ON_TRACK: QT_TRANSLATE_NOOP("Tracking", "on track"),
    Status.WARNING: QT_TRANSLATE_NOOP("Tracking", "warning"),
    Status.BEHIND: QT_TRANSLATE_NOOP("Tracking", "behind"),
    Status.NO_DATA: QT_TRANSLATE_NOOP("Tracking", "no data"),
}

SENTENCES: dict[str, str] = {
    "bottleneck_rate": QT_TRANSLATE_NOOP(
        "Tracking", "Bottleneck: {stage}, the rate into {above} is {actual} against {planned} planned."),
    "bottleneck_volume": QT_TRANSLATE_NOOP(
        "Tracking", "Bottleneck: {stage}, at {progress} of its target to date."),
    "reforecast_short": QT_TRANSLATE_NOOP(
        "Tracking", "At the rates so far the plan ends at {forecast} {kgi} against {target}: "
        "{stage} costs {cost} of the {short} missing."),
    "reforecast_met": QT_TRANSLATE_NOOP(
        "Tracking", "At the rates so far the plan still ends at {forecast} {kgi} against {target}."),
    "owner": QT_TRANSLATE_NOOP("Tracking", "Owner: {owner}."),
    "countermeasure": QT_TRANSLATE_NOOP("Tracking", "Countermeasure: {countermeasure}"),
    "no_bottleneck": QT_TRANSLATE_NOOP("Tracking", "No stage falls short so far."),
}


def _say(code: str, translate: Translate | None, **args: str) -> str:
    english = SENTENCES[code]
    template = translate(CONTEXT, english) if translate is not None else english
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
        return english.format(**args)


def status_text(status: Status, translate: Translate | None = None) -> str:
    english = STATUS_WORDS[status]
    return translate(CONTEXT, english) if translate is not None else english


def bottleneck_lines(plan: Plan, tracking: Tracking, found: Bottleneck | None,
                     translate: Translate | None = None) -> list[str]:
    """The bottleneck in sentences: what, who, what to do, and what it costs the KGI."""
    if found is None:
        return [_say("no_bottleneck", translate)]
    metric = plan.metrics[found.metric_id]
    seen = tracking[metric.id]
    if found.reason == RATE and seen.actual_rate is not None and seen.planned_rate is not None:
        above = metric.parent.name if metric.parent is not None else ""
        lines = [_say("bottleneck_rate", translate, stage=metric.name, above=above,
                      actual=percent_text(seen.actual_rate), planned=percent_text(seen.planned_rate))]
    else:
        lines = [_say("bottleneck_volume", translate, stage=metric.name,
                      progress=percent_text(seen.progress or 0))]
    if found.owner:
        lines.append(_say("owner", translate, owner=found.owner))
    if found.countermeasure:
        lines.append(_say("countermeasure", translate, countermeasure=found.countermeasure))
    kgi = plan.kgi
    if kgi is not None and found.kgi_reforecast is not None and found.kgi_target is not None:
        currency = plan.engine.currency_of(kgi)
        forecast = value_text(kgi, found.kgi_reforecast, currency)
        target = value_text(kgi, found.kgi_target, currency)
        if found.kgi_reforecast < found.kgi_target:
            short = found.kgi_target - found.kgi_reforecast
            cost = min(found.kgi_cost or 0, short)
            lines.append(_say("reforecast_short", translate, forecast=forecast, kgi=kgi.name, target=target,
                              stage=metric.name, cost=value_text(kgi, cost, currency),
                              short=value_text(kgi, short, currency)))
        else:
            lines.append(_say("reforecast_met", translate, forecast=forecast, kgi=kgi.name, target=target))
    return lines


__all__ = ["STATUS_WORDS", "SENTENCES", "bottleneck_lines", "status_text"]
