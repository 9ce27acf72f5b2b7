"""Formula metrics (CPA = cost / orders): parsed once, re-evaluated only when what they read changed.

A formula reads the targets and forecasts of other metrics by id. The pass
keeps each formula's parsed tree (until its text changes) and an index from
every id to the formulas that read it, so an edit evaluates only the formulas
that read a changed metric, and the formulas that read those, in dependency
order. Formulas that read each other in a circle get a finding and no value;
repairing the circle re-evaluates every formula that was part of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kpidesk.model import formula as formulas
from kpidesk.model.exact import Fraction, exact
from kpidesk.model.findings import Finding, Severity, finding
from kpidesk.model.metric import Computed, Metric, Relation

if TYPE_CHECKING:
    from kpidesk.model.inputs import Inputs


@dataclass(frozen=True)
class Parsed:
    text: str
    node: formulas.Node | None
    error: str | None
    refs: frozenset[str]


class FormulaPass:
    """The formula metrics of one plan and what they read."""

    def __init__(self, metrics: Mapping[str, Metric], computed: Callable[[Metric], Computed],
                 inputs: Inputs) -> None:
        self._metrics = metrics
        self._c = computed
        self._inputs = inputs
        self._parsed: dict[Metric, Parsed] = {}
        self._readers: dict[str, set[Metric]] = {}
        self._pending: set[Metric] = set()  # formulas to evaluate at the next run whatever changed
        self._pending_ids: set[str] = set()  # ids that appeared or went: their readers are evaluated
        self.findings: dict[Metric, list[Finding]] = {}

    # ---- the index --------------------------------------------------------------
    def reset(self) -> None:
        """Forget everything and index the plan's formulas afresh (a full recalculation)."""
        self._parsed.clear()
        self._readers.clear()
        self._pending.clear()
        self._pending_ids.clear()
        self.findings.clear()
        for metric in self._metrics.values():
            self.track(metric)

    def track(self, metric: Metric) -> None:
        """Take note of a metric that was added or whose relation or formula may have changed."""
        is_formula = metric.relation is Relation.FORMULA and self._metrics.get(metric.id) is metric
        old = self._parsed.get(metric)
        text = metric.formula or ""
        if old is not None and (not is_formula or old.text != text):
            self._unindex(metric, old)
            self._parsed.pop(metric)
            old = None
        if is_formula and old is None:
            parsed = _parse(text)
            self._parsed[metric] = parsed
            for ref in parsed.refs:
                self._readers.setdefault(ref, set()).add(metric)
        if is_formula:
            self._pending.add(metric)  # its own inputs (a given target) may have changed
        else:
            self.findings.pop(metric, None)
        self._pending_ids.add(metric.id)

    def forget(self, metric: Metric) -> None:
        old = self._parsed.pop(metric, None)
        if old is not None:
            self._unindex(metric, old)
        self._pending.discard(metric)
        self.findings.pop(metric, None)
        self._pending_ids.add(metric.id)

    def _unindex(self, metric: Metric, parsed: Parsed) -> None:
        for ref in parsed.refs:
            readers = self._readers.get(ref)
            if readers is not None:
                readers.discard(metric)
                if not readers:
                    del self._readers[ref]

    def has_pending(self) -> bool:
        return bool(self._pending or self._pending_ids)

    def references(self, metric: Metric) -> frozenset[str]:
        parsed = self._parsed.get(metric)
        return parsed.refs if parsed is not None else frozenset()

    # ---- evaluation ---------------------------------------------------------------
    def run(self, changed_ids: Iterable[str] | None,
            remember: Callable[[Metric], None] | None = None) -> set[Metric]:
        """Evaluate the formulas that read ``changed_ids`` (None: all); returns those evaluated."""
        if changed_ids is None:
            affected = set(self._parsed)
        else:
            affected = {m for m in self._pending if m in self._parsed}
            queue = list(set(changed_ids) | self._pending_ids)
            seen_ids: set[str] = set()
            while queue:
                metric_id = queue.pop()
                if metric_id in seen_ids:
                    continue
                seen_ids.add(metric_id)
                for reader in self._readers.get(metric_id, ()):
                    if reader not in affected:
                        affected.add(reader)
                    queue.append(reader.id)
        self._pending.clear()
        self._pending_ids.clear()
        if not affected:
            return set()
        if remember is not None:
            for metric in affected:
                remember(metric)
        ordered, stuck = self._order(affected)
        for metric in ordered:
            self._evaluate(metric)
        if stuck:
            circles = {m for m in stuck if self._circle_through(m, stuck)}
            self._mark_cycles(circles, stuck)
            rest, _ = self._order(stuck - circles)  # what only reads a circle, now that it is settled
            for metric in rest:
                self._evaluate(metric)
        return affected

    def _order(self, affected: set[Metric]) -> tuple[list[Metric], set[Metric]]:
        """Formulas of ``affected``, each after those of ``affected`` it reads, and those on or behind a circle."""
        waiting: dict[Metric, int] = {}
        dependants: dict[Metric, list[Metric]] = {}
        for metric in affected:
            count = 0
            for ref in self._parsed[metric].refs:
                source = self._metrics.get(ref)
                if source is not None and source in affected and source is not metric:
                    count += 1
                    dependants.setdefault(source, []).append(metric)
            waiting[metric] = count
        ready = sorted((m for m, count in waiting.items() if count == 0), key=lambda m: m.id, reverse=True)
        order: list[Metric] = []
        while ready:
            metric = ready.pop()
            order.append(metric)
            for reader in dependants.get(metric, ()):
                waiting[reader] -= 1
                if waiting[reader] == 0:
                    ready.append(reader)
        return order, {m for m, count in waiting.items() if count > 0}

    def _mark_cycles(self, circles: set[Metric], stuck: set[Metric]) -> None:
        """Formulas on a circle get a finding, their given target (if any) and no forecast."""
        for metric in sorted(circles, key=lambda m: m.id):
            computed = self._c(metric)
            computed.forecast = None
            computed.target = self._inputs.target(metric)
            circle = self._circle_through(metric, stuck)
            self.findings[metric] = [finding(metric.id, Severity.ERROR, "cycle", "formula_cycle", "formula",
                                             metrics=tuple(m.id for m in circle))]

    def _circle_through(self, start: Metric, stuck: set[Metric]) -> list[Metric]:
        """The formulas on a path from ``start`` back to itself, or [] when there is none."""
        stack: list[tuple[Metric, list[Metric]]] = [(start, [start])]
        seen: set[Metric] = set()
        while stack:
            metric, path = stack.pop()
            for ref in sorted(self._parsed[metric].refs):
                source = self._metrics.get(ref)
                if source is None or source not in stuck:
                    continue
                if source is start:
                    return path
                if source not in seen:
                    seen.add(source)
                    stack.append((source, [*path, source]))
        return []

    def _evaluate(self, metric: Metric) -> None:
        computed = self._c(metric)
        given = self._inputs.target(metric)
        parsed = self._parsed[metric]
        if parsed.node is None:
            if not parsed.text.strip():  # the relation was set first, the formula is still to be written
                problem = finding(metric.id, Severity.ERROR, "formula", "formula_missing", "formula")
            else:  # the loader and the edits refuse such a formula: a plan built in code may hold one
                problem = finding(metric.id, Severity.ERROR, "formula", "formula_invalid", "formula",
                                  reason=parsed.error or "")
            self.findings[metric] = [problem]
            computed.target, computed.forecast = given, None
            return
        missing = tuple(sorted(r for r in parsed.refs if r not in self._metrics or r == metric.id))
        if missing:
            self.findings[metric] = [finding(metric.id, Severity.ERROR, "formula", "formula_unknown", "formula",
                                             ids=missing)]
            computed.target, computed.forecast = given, None
            return
        found: list[Finding] = []
        values: dict[str, Fraction | None] = {}
        for attr in ("target", "forecast"):
            def lookup(metric_id: str, attr: str = attr) -> Fraction | None:
                value: Fraction | None = getattr(self._c(self._metrics[metric_id]), attr)
                return value

            try:
                values[attr] = evaluate(parsed.node, lookup)
            except ZeroDivisionError:
                values[attr] = None
                if not found:
                    found.append(finding(metric.id, Severity.WARNING, "impossible", "formula_div_zero", "formula"))
        computed.target = given if given is not None else values["target"]
        computed.forecast = values["forecast"]
        self.findings[metric] = found


def _parse(text: str) -> Parsed:
    try:
        node = formulas.parse(text)
    except formulas.FormulaError as exc:
        return Parsed(text, None, str(exc), frozenset())
    return Parsed(text, node, None, frozenset(formulas.references(node)))


def evaluate(node: formulas.Node, lookup: Callable[[str], Fraction | None]) -> Fraction | None:
    """Evaluate exactly with values from ``lookup``; None when a value is unknown.

    Raises ZeroDivisionError for a division by zero, which the pass reports.
    """
    if isinstance(node, formulas.Num):
        return exact(node.value)
    if isinstance(node, formulas.Ref):
        return lookup(node.metric_id)
    if isinstance(node, formulas.Neg):
        inner = evaluate(node.operand, lookup)
        return None if inner is None else -inner
    left = evaluate(node.left, lookup)
    right = evaluate(node.right, lookup)
    if left is None or right is None:
        return None
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0:
        raise ZeroDivisionError
    return left / right
