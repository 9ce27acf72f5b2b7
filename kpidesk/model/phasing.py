"""Phasing: a yearly count or money target cut into the periods that must deliver it.

Each phased metric gets a *shape*: the part of its target that falls in each
period, exact fractions summing to 1. A metric with phasing weights of its
own (``[metric.phasing]``, weight 1 for a period it does not name) is shaped
by them over the plan's periods. Any other metric takes the shape of the
metric it feeds, moved earlier by its ``lag``: negotiations that close two
months later (``lag = 2``) are needed in May for the orders of July, so the
negotiations for April's and May's orders fall before the plan starts, a
*carry-in*, and the last two months need none for this plan.

Rates and shares are never phased, nor are levels: a formula (CPA, CVR), and
the factors of a product other than the first count or money one (the unit
price in sales = orders x unit price). A phased target is the metric's
target times its shape, so the periods add up to the target exactly; the
window and the printout round what they show.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kpidesk.model.exact import Fraction
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.periods import Period, Span, is_weekly, parse_period, period_of

#: Kinds that add up over time (a count of orders, an amount of money); the others are levels.
CUMULATIVE_KINDS = (Kind.COUNT, Kind.MONEY)
#: Relations through which a child takes its parent's shape.
FLOWING = (Relation.FUNNEL, Relation.SHARE, Relation.SUM, Relation.PRODUCT)

class Shape:
    """The part of a target that falls in each period (summing to 1), with running sums.

    Shapes are shared: every metric that inherits its parent's shape unchanged
    holds the same object, and one shift serves every metric with the same
    parent shape, periods and lag.
    """

    __slots__ = ("weights", "order", "running")

    def __init__(self, weights: Mapping[Period, Fraction]) -> None:
        self.weights = dict(weights)
        self.order = sorted(self.weights)
        total, running = Fraction(0), []
        for period in self.order:
            total += self.weights[period]
            running.append(total)
        self.running = running

    def __bool__(self) -> bool:
        return bool(self.weights)

    def before(self, first: Period) -> Fraction:
        """The part due in every period before ``first`` (carry-in and periods gone)."""
        index = bisect_left(self.order, first)
        return self.running[index - 1] if index else Fraction(0)


NOT_PHASED = Shape({})


@dataclass(frozen=True)
class Phasing:
    """How one metric's target falls over time (an empty ``shape``: a level, not phased)."""

    weekly: bool
    shape: Shape
    #: The plan's own periods for this metric, in order.
    periods: tuple[Period, ...]
    #: The plan's first and last day (a period cut by them counts for its days inside).
    start: dt.date
    end: dt.date
    #: The phasing an inherited shape came from, and how many periods earlier it is: what is due
    #: by a day is read there, day by day (a week that straddles two months is not due evenly
    #: over its days).
    source: Phasing | None = None
    lag: int = 0

    @property
    def phased(self) -> bool:
        return bool(self.shape)

    @property
    def first(self) -> Period:
        """The first period that must deliver part of the target: a carry-in before the plan, or its start."""
        return self.shape.order[0] if self.shape else self.periods[0]

    @property
    def carry_in_periods(self) -> tuple[Period, ...]:
        """Periods before the plan starts that must deliver part of the target (lag)."""
        start = self.periods[0]
        return tuple(p for p in self.shape.order if p < start)

    def targets(self, target: Fraction) -> dict[Period, Fraction]:
        """The target of every period of the plan (0 where nothing is due)."""
        weights = self.shape.weights
        return {p: target * weights.get(p, Fraction(0)) for p in self.periods}

    def carry_in(self, target: Fraction) -> Fraction:
        return target * self.shape.before(self.periods[0])

    def due_by(self, target: Fraction, day: dt.date) -> Fraction:
        """The target due by the end of ``day``: every period before the one holding it, and that one
        for the part of its days gone (within the plan), so a week that runs into the next month
        counts only its days up to the as-of date."""
        return target * self.due_share(day)

    def due_share(self, day: dt.date) -> Fraction:
        """The part of the target due by the end of ``day`` (see :meth:`due_by`)."""
        if self.source is not None:
            return self.source.due_share(later(day, self.lag, self.weekly))
        current = period_of(day, self.weekly)
        due = self.shape.before(current)
        weight = self.shape.weights.get(current)
        if weight:
            inside_first = current.first_day if current < self.periods[0] else max(current.first_day, self.start)
            inside_last = min(current.last_day, self.end)
            days = (inside_last - inside_first).days + 1
            gone = min(max((day - inside_first).days + 1, 0), days)
            due += weight * Fraction(gone, days)
        return due


def is_level(metric: Metric, parent_is_level: bool | None = None) -> bool:
    """A value that holds at a point in time instead of adding up: it is not phased.

    ``parent_is_level`` saves walking up the tree when the caller knows it.
    """
    if metric.kind not in CUMULATIVE_KINDS or metric.relation is Relation.FORMULA:
        return True
    parent = metric.parent
    if parent is None:
        return False
    if parent.relation is Relation.PRODUCT and _phased_factor(parent) is not metric:
        return True
    if parent.relation not in FLOWING:
        return False  # under a formula (a budget under cost per lead) or a plain parent: its own time
    return is_level(parent) if parent_is_level is None else parent_is_level


def _phased_factor(product: Metric) -> Metric | None:
    """The one factor of a product that adds up over time (orders, not the unit price)."""
    factors = [c for c in product.children if c.kind in CUMULATIVE_KINDS and c.relation is not Relation.FORMULA]
    counts = [c for c in factors if c.kind is Kind.COUNT]
    chosen = counts or factors
    return chosen[0] if chosen else None


def phase_plan(metrics: Iterable[Metric], span: Span) -> dict[str, Phasing]:
    """The phasing of every metric, parents before children (``metrics`` in tree order)."""
    result: dict[str, Phasing] = {}
    shifted: dict[tuple[int, bool, int], Shape] = {}  # (parent shape, weekly, lag) -> shape
    own: dict[tuple[bool, frozenset[tuple[str, object]]], Shape] = {}
    for metric in metrics:
        weekly = is_weekly(metric.interval)
        periods = span.periods(weekly)
        above = result.get(metric.parent.id) if metric.parent is not None else None
        if is_level(metric, None if above is None else not above.phased):
            result[metric.id] = Phasing(weekly, NOT_PHASED, periods, span.start, span.end)
            continue
        inherited = above if metric.parent is not None and metric.parent.relation in FLOWING else None
        if metric.phasing or inherited is None or not inherited.phased:
            key = (weekly, frozenset(metric.phasing.items()))
            shape = own.get(key) or own.setdefault(key, Shape(_own_weights(metric.phasing, span, periods)))
            result[metric.id] = Phasing(weekly, shape, periods, span.start, span.end)
            continue
        if weekly == inherited.weekly and not metric.lag:
            shape = inherited.shape
        else:
            step = (id(inherited.shape), weekly, metric.lag)
            shape = shifted.get(step) or shifted.setdefault(step, Shape(_shifted(inherited, weekly, metric.lag, span)))
        result[metric.id] = Phasing(weekly, shape, periods, span.start, span.end, inherited, metric.lag)
    return result


def _own_weights(weights: Mapping[str, object], span: Span, periods: tuple[Period, ...]) -> dict[Period, Fraction]:
    """Weights over the plan's periods (1 unless given), a period cut by the plan's start or end
    counting for the part of its days inside the plan."""
    given = {parse_period(key): Fraction(str(value)) for key, value in weights.items()}
    raw: dict[Period, Fraction] = {}
    for period in periods:
        first, last = max(period.first_day, span.start), min(period.last_day, span.end)
        inside = Fraction((last - first).days + 1, (period.last_day - period.first_day).days + 1)
        raw[period] = given.get(period, Fraction(1)) * inside
    total = sum(raw.values(), Fraction(0))
    if total == 0:  # every weight 0: nothing to spread by, so evenly
        return {p: Fraction(1, len(periods)) for p in periods}
    return {p: w / total for p, w in raw.items() if w}


def _shifted(parent: Phasing, weekly: bool, lag: int, span: Span) -> dict[Period, Fraction]:
    """The parent's shape in this metric's periods, ``lag`` of them earlier."""
    if weekly == parent.weekly:
        return {p.shifted(-lag): w for p, w in parent.shape.weights.items()}
    shape: dict[Period, Fraction] = {}
    for period, weight in parent.shape.weights.items():  # across months and weeks: day by day
        first = max(period.first_day, span.start) if period >= parent.periods[0] else period.first_day
        last = min(period.last_day, span.end)
        days = (last - first).days + 1
        each = weight / days
        for offset in range(days):
            day = earlier(first + dt.timedelta(days=offset), lag, weekly)
            key = period_of(day, weekly)
            shape[key] = shape.get(key, Fraction(0)) + each
    return shape


def later(day: dt.date, lag: int, weekly: bool) -> dt.date:
    """``day``, ``lag`` weeks or months later: what :func:`earlier` moved, moved back."""
    return earlier(day, -lag, weekly)


def earlier(day: dt.date, lag: int, weekly: bool) -> dt.date:
    """``day``, ``lag`` weeks or months earlier: the same day of the month, a month's last day
    staying its last (30 June two months on is 31 August)."""
    if not lag:
        return day
    if weekly:
        return day - dt.timedelta(weeks=lag)
    month = Period(day.year, day.month)
    moved = month.shifted(-lag)
    if day == month.last_day:
        return moved.last_day
    return moved.first_day.replace(day=min(day.day, moved.last_day.day))


__all__ = ["Phasing", "Shape", "earlier", "is_level", "phase_plan", "CUMULATIVE_KINDS"]
