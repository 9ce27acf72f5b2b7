"""Following the plan as of a date: target and actual to date, progress, pace and status.

Tracking is an evaluation: it reads the plan's targets (as the engine has
them) and the actuals by period, and changes nothing. For each metric, as of
a day (a month's last day when a month is asked for):

* phased metrics (counts, money): the target to date is the phased target of
  every period before that day's period, carry-in included, and of that period
  the part of its days gone (a week that runs into July counts its June days);
  the actual to date is the sum of the actuals of the periods begun by then; the pace is where the metric ends the
  plan at the progress so far (evenly phased: the run rate);
* levels (rates, prices, formulas): the target itself against the latest
  actual; a formula without actuals of its own is computed from the actuals
  to date of the metrics it reads (cost per lead = cost to date / leads to date).

Progress is actual / target to date (target / actual for ``better = "lower"``)
and gives the status against the plan's thresholds (on track from 95 %,
behind under 90 %, a warning band between). A funnel stage also gets its
actual conversion rate: the stage above to date over this stage to date,
``lag`` periods earlier.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kpidesk.model import formula as formulas
from kpidesk.model.exact import Fraction, exact
from kpidesk.model.formula_pass import evaluate as evaluate_formula
from kpidesk.model.metric import Better, Metric, Relation
from kpidesk.model.numbers import NumberError, parse_rate
from kpidesk.model.periods import Period, Span, parse_period, plan_span
from kpidesk.model.phasing import Phasing, earlier, phase_plan
from kpidesk.model.plan import Plan

#: Default thresholds: on track from 95 % of the target to date, behind under 90 % (a warning between).
ON_TRACK = Fraction(95, 100)
BEHIND = Fraction(90, 100)


class Status(StrEnum):
    """A traffic light; the value is the code the JSON and the translations use."""

    AHEAD = "ahead"
    ON_TRACK = "on_track"
    WARNING = "warning"
    BEHIND = "behind"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Thresholds:
    on_track: Fraction = ON_TRACK
    behind: Fraction = BEHIND

    def status(self, progress: Fraction | None) -> Status:
        if progress is None:
            return Status.NO_DATA
        if progress > 1:
            return Status.AHEAD
        if progress >= self.on_track:
            return Status.ON_TRACK
        if progress >= self.behind:
            return Status.WARNING
        return Status.BEHIND


@dataclass(frozen=True)
class Progress:
    """One metric as of the as-of period (None: nothing to say)."""

    metric_id: str
    phased: bool
    target: Fraction | None  # for the whole plan (carry-in included)
    target_to_date: Fraction | None
    actual_to_date: Fraction | None
    progress: Fraction | None
    pace: Fraction | None
    status: Status
    carry_in: Fraction | None = None
    #: For a funnel stage: the rate seen so far into the stage above, and the plan's.
    actual_rate: Fraction | None = None
    planned_rate: Fraction | None = None


@dataclass(frozen=True)
class Tracking:
    """The whole plan as of a date."""

    as_of: dt.date
    span: Span
    thresholds: Thresholds
    metrics: Mapping[str, Progress]
    phasing: Mapping[str, Phasing]

    def __getitem__(self, metric_id: str) -> Progress:
        return self.metrics[metric_id]


def thresholds_of(info: Mapping[str, object]) -> Thresholds:
    """The plan's ``on_track`` and ``behind`` (``"95%"``), each falling back to its default."""
    def read(key: str, default: Fraction) -> Fraction:
        text = info.get(key)
        if not isinstance(text, str) or not text.strip():
            return default
        try:
            return exact(parse_rate(text))
        except NumberError:
            return default
    on_track, behind = read("on_track", ON_TRACK), read("behind", BEHIND)
    return Thresholds(on_track, min(behind, on_track))


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def as_of_date(text: str | None, span: Span, today: dt.date) -> dt.date:
    """``2026-06`` (the month's last day), ``2026-W27`` (the week's), ``2026-06-15``, or today; moved into the
    plan's span."""
    if text is None or not text.strip():
        return span.clamp(today)
    if _DAY.fullmatch(text.strip()):  # not fromisoformat alone: it reads 2026-W27 as the week's Monday
        try:
            return span.clamp(dt.date.fromisoformat(text.strip()))
        except ValueError:
            pass  # 2026-02-30: the period parser says what is wrong
    return span.clamp(parse_period(text).last_day)  # PeriodError when it is neither


def track(plan: Plan, as_of: dt.date | None = None, *, today: dt.date | None = None,
          target_of: Callable[[Metric], Fraction | None] | None = None) -> Tracking:
    """Every metric of ``plan`` as of ``as_of`` (default: today, moved into the plan's span).

    ``target_of`` gives a metric's target (default: the live engine's); an
    evaluation's results can stand in for it.
    """
    today = today or dt.date.today()
    span = plan_span(plan.info, as_of or today)
    day = span.clamp(as_of or today)
    thresholds = thresholds_of(plan.info)
    metrics = list(plan.walk())
    phasing = phase_plan(metrics, span)
    target_of = target_of or (lambda m: m.computed.target)
    found: dict[str, Progress] = {}
    to_date: dict[str, Fraction | None] = {}
    for metric in metrics:
        phases = phasing[metric.id]
        target = target_of(metric)
        if phases.phased:
            found[metric.id] = _cumulative(metric, phases, day, target, thresholds)
        else:
            found[metric.id] = _level(metric, day, target, thresholds)
        to_date[metric.id] = found[metric.id].actual_to_date
    for metric in metrics:  # formulas of actuals, then the rates seen, once every actual is known
        progress = found[metric.id]
        if metric.relation is Relation.FORMULA and progress.actual_to_date is None and metric.formula:
            progress = _formula_progress(metric, progress, to_date, thresholds)
        if metric.parent is not None and metric.parent.relation is Relation.FUNNEL:
            progress = _with_rates(metric, progress, phasing, day)
        found[metric.id] = progress
    return Tracking(day, span, thresholds, found, phasing)


def _actual_sum(metric: Metric, first: Period, day: dt.date) -> Fraction | None:
    """The actuals of every period from ``first`` that began by ``day`` (months or weeks alike)."""
    total: Fraction | None = None
    start = first.first_day
    for key, value in metric.actuals.items():
        begins = parse_period(key).first_day
        if start <= begins <= day:
            total = (total or Fraction(0)) + exact(value)
    return total


def _ratio(metric: Metric, actual: Fraction | None, target: Fraction | None) -> Fraction | None:
    if actual is None or target is None:
        return None
    if metric.better is Better.LOWER:
        return target / actual if actual else None
    return actual / target if target else None


def _cumulative(metric: Metric, phases: Phasing, day: dt.date, target: Fraction | None,
                thresholds: Thresholds) -> Progress:
    actual = _actual_sum(metric, phases.first, day)
    if target is None:  # nothing to measure against, but the actuals still feed formulas and rates
        return Progress(metric.id, True, None, None, actual, None, None, Status.NO_DATA)
    target_to_date = phases.due_by(target, day)
    progress = _ratio(metric, actual, target_to_date)
    pace = None
    if actual is not None and target_to_date:
        pace = target * actual / target_to_date
    return Progress(metric.id, True, target, target_to_date, actual, progress, pace,
                    thresholds.status(progress), carry_in=phases.carry_in(target))


def _latest_actual(metric: Metric, day: dt.date) -> Fraction | None:
    dated = [(parse_period(k).first_day, v) for k, v in metric.actuals.items()]
    seen = [pair for pair in dated if pair[0] <= day]
    if seen:
        return exact(max(seen, key=lambda pair: pair[0])[1])
    return exact(metric.actual) if metric.actual is not None else None


def _level(metric: Metric, day: dt.date, target: Fraction | None, thresholds: Thresholds) -> Progress:
    actual = _latest_actual(metric, day)
    progress = _ratio(metric, actual, target)
    return Progress(metric.id, False, target, target, actual, progress, actual, thresholds.status(progress))


def _formula_progress(metric: Metric, progress: Progress, to_date: Mapping[str, Fraction | None],
                      thresholds: Thresholds) -> Progress:
    assert metric.formula is not None
    try:
        node = formulas.parse(metric.formula)
    except formulas.FormulaError:
        return progress
    actual = evaluate_formula(node, lambda ref: to_date.get(ref))
    if actual is None:
        return progress
    ratio = _ratio(metric, actual, progress.target)
    return Progress(metric.id, False, progress.target, progress.target, actual, ratio, actual,
                    thresholds.status(ratio))


def _with_rates(metric: Metric, progress: Progress, phasing: Mapping[str, Phasing], day: dt.date) -> Progress:
    """The rate seen so far from this stage into the stage above: what the stage above gained to
    date over what this stage gained ``lag`` periods earlier."""
    parent = metric.parent
    assert parent is not None
    planned = metric.computed.rate
    mine, theirs = phasing[metric.id], phasing[parent.id]
    parent_actual = _actual_sum(parent, theirs.first, day)
    own_actual = _actual_sum(metric, mine.first, earlier(day, metric.lag, mine.weekly))
    rate = parent_actual / own_actual if parent_actual is not None and own_actual else None
    return Progress(progress.metric_id, progress.phased, progress.target, progress.target_to_date,
                    progress.actual_to_date, progress.progress, progress.pace, progress.status,
                    progress.carry_in, rate, planned)


__all__ = ["Progress", "Status", "Thresholds", "Tracking", "as_of_date", "thresholds_of", "track"]
