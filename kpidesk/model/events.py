"""Plain-Python change events that views follow (the Qt adapters among them).

Structural changes come in pairs (``...ing`` before, ``...ed`` after) because
Qt's item models must announce a change before it happens. Value changes come
once per user action as one :class:`MetricsChanged` with every metric whose
input or computed values changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kpidesk.model.metric import Metric


@dataclass(frozen=True)
class MetricInserting:
    parent: Metric | None
    row: int


@dataclass(frozen=True)
class MetricInserted:
    parent: Metric | None
    row: int
    metric: Metric


@dataclass(frozen=True)
class MetricRemoving:
    parent: Metric | None
    row: int
    metric: Metric


@dataclass(frozen=True)
class MetricRemoved:
    parent: Metric | None
    row: int
    metric: Metric


@dataclass(frozen=True)
class MetricMoving:
    metric: Metric
    old_parent: Metric | None
    old_row: int
    new_parent: Metric | None
    new_row: int  # the row in new_parent before the metric left its old place


@dataclass(frozen=True)
class MetricMoved:
    metric: Metric
    old_parent: Metric | None
    old_row: int


@dataclass(frozen=True)
class MetricsChanged:
    """Inputs or computed values of these metrics changed (one per action)."""

    metrics: frozenset[Metric]
    structure: bool = False  # metrics were added, removed or moved in this action
    #: Those of ``metrics`` whose inputs the action set (a field, being made or unmade the KGI); the
    #: others changed only in calculated values. Lets listeners redo only what reads inputs.
    inputs: frozenset[Metric] = frozenset()


@dataclass(frozen=True)
class PlanInfoChanged:
    field: str


Event = (
    MetricInserting
    | MetricInserted
    | MetricRemoving
    | MetricRemoved
    | MetricMoving
    | MetricMoved
    | MetricsChanged
    | PlanInfoChanged
)
Listener = Callable[[Event], None]


class EventEmitter:
    """Listeners called in the order they connected."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)
