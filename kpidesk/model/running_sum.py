"""Running sums of an additive parent's parts, kept between edits (see :class:`RunningSum`)."""

from __future__ import annotations

from kpidesk.model.exact import ZERO, Fraction
from kpidesk.model.metric import Metric


class RunningSum:
    """The drivers' contributions to an additive parent (sum, funnel, share), kept between edits.

    A parent with thousands of parts (a goal split into channels) would
    otherwise add them all up again after every edit below any one of them;
    with this, an edit re-adds only the parts marked stale.
    """

    __slots__ = ("parts", "total", "shares", "unknown", "stale")

    def __init__(self) -> None:
        self.parts: dict[Metric, tuple[Fraction | None, Fraction | None]] = {}
        self.total = ZERO
        self.shares = ZERO
        self.unknown = 0
        self.stale: set[Metric] = set()

    def put(self, child: Metric, part: tuple[Fraction | None, Fraction | None] | None) -> None:
        """Replace ``child``'s (value, share) contribution; None removes it."""
        old = self.parts.pop(child, None)
        if old is not None:
            self._count(old, -1)
        if part is not None:
            self.parts[child] = part
            self._count(part, 1)

    def _count(self, part: tuple[Fraction | None, Fraction | None], sign: int) -> None:
        value, share = part
        if value is None or share is None:
            self.unknown += sign
            return
        self.total += sign * value
        self.shares += sign * share


#: Parents with fewer drivers are added up directly: a running sum costs more than it saves there.
RUNNING_SUM_FROM = 16
