"""Counting work instead of timing it: Metric attribute reads and visits of children's lists.

A constant-time operation reads the same number of attributes and list elements in a plan
of 100 metrics as in one of 1,000; a walk over the tree or a search of a list does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kpidesk.model.metric import Metric
from kpidesk.model.plan import Plan


class CountingList(list):  # type: ignore[type-arg]
    """A list of children that counts every element it hands out or compares."""

    visits = 0

    def __iter__(self) -> Iterator[Any]:
        for item in super().__iter__():
            CountingList.visits += 1
            yield item

    def __getitem__(self, index: Any) -> Any:
        CountingList.visits += 1
        return super().__getitem__(index)

    def index(self, item: Any, *args: Any) -> int:
        found = super().index(item, *args)
        CountingList.visits += found + 1
        return found

    def __contains__(self, item: Any) -> bool:
        CountingList.visits += len(self)
        return super().__contains__(item)

    def count(self, item: Any) -> int:
        CountingList.visits += len(self)
        return super().count(item)


def counting_children(plan: Plan) -> None:
    """Make every metric's list of children count what is read from it."""
    for metric in plan.metrics.values():
        metric.children = CountingList(metric.children)


def operations(monkeypatch: Any, action: Callable[[], object]) -> int:
    """Metric attribute reads plus children's elements visited while ``action`` runs."""
    reads = 0
    original = Metric.__getattribute__

    def counting(self: Metric, name: str) -> Any:
        nonlocal reads
        reads += 1
        return original(self, name)

    CountingList.visits = 0
    with monkeypatch.context() as patch:
        patch.setattr(Metric, "__getattribute__", counting)
        action()
    return reads + CountingList.visits
