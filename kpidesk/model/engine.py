"""The recalculation engine: targets back from the goal, forecasts forward from the KPIs.

Three values per metric, each from one direction:

* ``forward``: what the metric's subtree alone yields, bottom-up (a given value
  is its own forward value). Used where nothing above anchors a metric.
* ``target``: the given value, else what the goal above requires (back-
  calculated, counts rounded up), else ``forward``.
* ``forecast``: forward from the targets of the KPIs at the leaves (counts
  rounded down): if every KPI is met, this is what follows. ``forecast -
  target`` is the gap.

In a sum or product one driver absorbs the goal: the one marked to solve its
rate (goal seek), else the only driver without a value, else the only driver
that is not given. Given values never move.

An edit recalculates only what it can affect: the forward values on the path
to the root, the targets below the highest metric whose forward value changed
(descending only where something changed), and the forecasts above every
metric whose target changed. Problems become findings, never exceptions.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from decimal import Decimal

from kpidesk.model import formula as formulas
from kpidesk.model.findings import Finding, Severity
from kpidesk.model.metric import Computed, Metric, Relation
from kpidesk.model.numbers import ONE, ZERO, ceil_whole, floor_whole, format_number, format_percent

_RATED = (Relation.FUNNEL, Relation.SUM, Relation.PRODUCT)


def _finding(metric: Metric, severity: Severity, check: str, message: str, field: str | None = None) -> Finding:
    return Finding(metric.id, severity, check, message, field)


def _amount(metric: Metric, value: Decimal) -> str:
    unit = f" {metric.unit}" if metric.unit else ""
    return f"{format_number(value)}{unit}"


class Engine:
    """Keeps ``metric.computed`` of every metric of a plan up to date."""

    def __init__(self, roots: list[Metric], metrics: dict[str, Metric]) -> None:
        self._roots = roots
        self._metrics = metrics
        self._edge_findings: dict[Metric, list[Finding]] = {}
        self._node_findings: dict[Metric, list[Finding]] = {}
        #: The formula metrics, kept up to date from each recalculation's dirty metrics: finding
        #: them by scanning every metric made one edit O(n) (80 % of an edit at 10,000 metrics).
        self._formula_set: dict[Metric, None] = {}

    # ---- public -----------------------------------------------------------
    def recalculate_all(self) -> set[Metric]:
        """Recalculate everything; returns the metrics whose values changed."""
        before = {m: m.computed for m in self._metrics.values()}
        self._formula_set = {m: None for m in self._metrics.values() if m.relation is Relation.FORMULA}
        self._edge_findings.clear()
        self._node_findings.clear()
        fresh = {m: Computed() for m in self._metrics.values()}
        for metric, computed in fresh.items():
            metric.computed = computed
        order = [m for root in self._roots for m in root.walk()]
        for metric in reversed(order):
            metric.computed.forward = self._forward(metric)
        for root in self._roots:
            self._assign_root(root)
        for metric in order:
            self._assign_children(metric)
        for metric in reversed(order):
            metric.computed.forecast = self._forecast(metric)
        self._formulas()
        self._publish(order)
        return {m for m, old in before.items() if not old.same_values(m.computed)} | (
            set(self._metrics.values()) - set(before)
        )

    def recalculate(self, dirty: Iterable[Metric]) -> set[Metric]:
        """Recalculate what edits to ``dirty`` (inputs or children) can affect."""
        dirty = {m for m in dirty if self._metrics.get(m.id) is m}
        for metric in dirty:  # added metrics and changed relations are always dirty
            if metric.relation is Relation.FORMULA:
                self._formula_set[metric] = None
            else:
                self._formula_set.pop(metric, None)
        if not dirty:
            self._formulas()
            return set()
        snapshot: dict[Metric, Computed] = {}

        def remember(metric: Metric) -> None:
            if metric not in snapshot:
                old = metric.computed
                snapshot[metric] = Computed(
                    old.forward, old.required, old.target, old.forecast, old.rate, old.findings
                )

        # 1. forward values up each dirty path, until they stop changing
        path: set[Metric] = set()
        tops: set[Metric] = set()
        for metric in sorted(dirty, key=lambda m: -m.depth):
            node: Metric | None = metric
            top = metric
            while node is not None:
                path.add(node)
                value = self._forward(node)
                if value == node.computed.forward and node not in dirty:
                    break
                remember(node)
                node.computed.forward = value
                top = node
                node = node.parent
            tops.add(top)
        for node in list(path):
            path.update(node.ancestors())

        # 2. targets below the parent of each highest change
        starts = {top.parent for top in tops}
        touched: set[Metric] = set()
        if None in starts:
            starts.discard(None)
            for root in self._roots:
                remember(root)
                self._assign_root(root)
                touched.add(root)
                starts.add(root)
        starts = {s for s in starts if s is not None and not any(a in starts for a in s.ancestors())}
        for start in starts:
            stack = [start]
            while stack:
                parent = stack.pop()
                for child in parent.children:
                    remember(child)
                remember(parent)
                before = {c: (c.computed.target, c.computed.required, c.computed.rate) for c in parent.children}
                self._assign_children(parent)
                touched.add(parent)
                for child in parent.children:
                    now = (child.computed.target, child.computed.required, child.computed.rate)
                    if now != before[child] or child in path:
                        touched.add(child)
                        stack.append(child)

        # 3. forecasts above every metric whose target changed
        heap = [(-m.depth, id(m), m) for m in touched | dirty]
        heapq.heapify(heap)
        seen: set[Metric] = set()
        while heap:
            _, _, node = heapq.heappop(heap)
            if node in seen:
                continue
            seen.add(node)
            value = self._forecast(node)
            if value != node.computed.forecast or node in dirty or node in touched:
                remember(node)
                node.computed.forecast = value
                if node.parent is not None and node.parent not in seen:
                    heapq.heappush(heap, (-node.parent.depth, id(node.parent), node.parent))

        for metric in self._formula_metrics():
            remember(metric)
        self._formulas()
        self._publish(snapshot)
        return {m for m, old in snapshot.items() if not old.same_values(m.computed)} | dirty

    def forget(self, metrics: Iterable[Metric]) -> None:
        """Drop what is kept about metrics that left the plan."""
        for metric in metrics:
            self._edge_findings.pop(metric, None)
            self._node_findings.pop(metric, None)
            self._formula_set.pop(metric, None)

    # ---- forward ------------------------------------------------------------
    def _rate_for(self, child: Metric, parent: Metric, solved: bool = False) -> Decimal | None:
        """The factor of a driver's contribution; None where it is not known.

        A rate being solved is unknown going forward and in the solve itself;
        only forecasts (computed after the solve) use the solved value.
        """
        if child.solve_rate:
            return child.computed.rate if solved else None
        if child.rate is not None:
            return child.rate
        return None if parent.relation is Relation.FUNNEL else ONE

    def _combine(self, metric: Metric, value_of, solved: bool = False) -> Decimal | None:
        drivers = metric.drivers()
        if not drivers:
            return None
        if metric.relation is Relation.SHARE:
            total, shares = ZERO, ZERO
            for child in drivers:
                value = value_of(child)
                if value is None or child.share is None:
                    return None
                total += value
                shares += child.share
            if shares == 0:
                return None
            result = total / shares
        else:
            result = ZERO if metric.relation is not Relation.PRODUCT else ONE
            for child in drivers:
                value, rate = value_of(child), self._rate_for(child, metric, solved)
                if value is None or rate is None:
                    return None
                if metric.relation is Relation.PRODUCT:
                    result *= value * rate
                else:
                    result += value * rate
        return floor_whole(result) if metric.is_whole else result

    def _forward(self, metric: Metric) -> Decimal | None:
        if metric.target is not None:
            return metric.target
        return self._combine(metric, lambda c: c.computed.forward)

    def _forecast(self, metric: Metric) -> Decimal | None:
        if not metric.drivers():
            return metric.computed.target
        return self._combine(metric, lambda c: c.computed.forecast, solved=True)

    # ---- targets ------------------------------------------------------------
    def _assign_root(self, root: Metric) -> None:
        computed = root.computed
        computed.required = None
        computed.rate = None  # a root has no edge upwards (also one that was a child until a move)
        computed.target = root.target if root.target is not None else computed.forward
        self._edge_findings.pop(root, None)

    def _assign_children(self, parent: Metric) -> None:
        """Set required, target and solved rate of every child of ``parent``."""
        node_findings: list[Finding] = []
        edge: dict[Metric, list[Finding]] = {c: [] for c in parent.children}
        required: dict[Metric, Decimal] = {}
        solved: dict[Metric, Decimal] = {}
        goal = parent.computed.target
        drivers = parent.drivers()
        if parent.relation is Relation.SHARE:
            self._split_shares(parent, drivers, goal, required, edge, node_findings)
        elif parent.relation in _RATED and drivers:
            self._solve_absorber(parent, drivers, goal, required, solved, edge, node_findings)
        for child in parent.children:
            computed = child.computed
            computed.required = required.get(child)
            computed.rate = solved.get(child, child.rate if not child.solve_rate else None)
            if child.target is not None:
                computed.target = child.target
                self._compare_given(child, edge[child])
            elif computed.required is not None:
                computed.target = computed.required
            else:
                computed.target = computed.forward
            self._edge_findings[child] = edge[child]
        self._node_findings[parent] = node_findings

    def _split_shares(self, parent, drivers, goal, required, edge, node_findings) -> None:
        total = ZERO
        for child in drivers:
            if child.share is None:
                edge[child].append(
                    _finding(child, Severity.ERROR, "missing-share",
                             f"{parent.name} is split in shares, but no share is set for {child.name}.", "share")
                )
                continue
            total += child.share
            if goal is not None:
                value = goal * child.share
                required[child] = ceil_whole(value) if child.is_whole else value
        if total > ONE:
            node_findings.append(
                _finding(parent, Severity.ERROR, "conflict",
                         f"The shares of {parent.name} add up to {format_percent(total)}, more than 100 %.", "relation")
            )

    def _solve_absorber(self, parent, drivers, goal, required, solved, edge, node_findings) -> None:
        def value(child: Metric) -> Decimal | None:
            return child.target if child.target is not None else child.computed.forward

        unknown = [c for c in drivers if c.solve_rate or value(c) is None]
        if len(unknown) > 1:
            named = [c for c in unknown if not c.solve_rate] or unknown
            if len(named) > 1 or goal is None:
                if goal is not None:
                    names = ", ".join(c.name for c in named)
                    node_findings.append(
                        _finding(parent, Severity.ERROR, "underdetermined",
                                 f"{parent.name} cannot be split between {names}: give all of them "
                                 "but one a target.", "relation")
                    )
                return
            unknown = named
        if unknown:
            absorber = unknown[0]
        else:
            derived = [c for c in drivers if c.target is None]
            if len(derived) == 1:
                absorber = derived[0]
            elif not derived and len(drivers) == 1:
                absorber = drivers[0]  # a given stage: say what the goal needs of it
            else:
                return
        if goal is None:
            if absorber.solve_rate:
                edge[absorber].append(
                    _finding(absorber, Severity.WARNING, "goal-seek",
                             f"The rate from {absorber.name} to {parent.name} is to be solved, "
                             f"but {parent.name} has no target to solve it for.", "rate")
                )
            return
        others = [c for c in drivers if c is not absorber]
        if parent.relation is Relation.PRODUCT:
            divisor = ONE
            for child in others:
                factor, rate = value(child), self._rate_for(child, parent)
                if factor is None or rate is None:
                    return
                divisor *= factor * rate
            if divisor == 0:
                node_findings.append(
                    _finding(parent, Severity.ERROR, "impossible",
                             f"{parent.name} is a product with a factor of 0: no value of "
                             f"{absorber.name} reaches {_amount(parent, goal)}.", "relation")
                )
                return
            need = goal / divisor
        else:
            need = goal
            for child in others:
                part, rate = value(child), self._rate_for(child, parent)
                if part is None or rate is None:
                    return  # a missing rate is reported on that child
                need -= part * rate
            need = max(need, ZERO)
        if absorber.solve_rate:
            base = value(absorber)
            if base is None:
                edge[absorber].append(
                    _finding(absorber, Severity.ERROR, "goal-seek",
                             f"To solve the rate from {absorber.name} to {parent.name}, "
                             f"give {absorber.name} a target.", "rate")
                )
                return
            if base == 0:
                edge[absorber].append(
                    _finding(absorber, Severity.ERROR, "impossible",
                             f"{absorber.name} is 0, so no rate reaches {_amount(parent, need)}.", "target")
                )
                return
            rate = need / base
            solved[absorber] = rate
            if rate > ONE:
                edge[absorber].append(
                    _finding(absorber, Severity.ERROR, "impossible",
                             f"{parent.name} would need {format_percent(rate.quantize(Decimal('0.0001')))} "
                             f"of {absorber.name}, more than 100 %: raise {absorber.name}.", "rate")
                )
            return
        rate = self._rate_for(absorber, parent)
        if rate is None:
            edge[absorber].append(
                _finding(absorber, Severity.ERROR, "missing-rate",
                         f"No rate is set from {absorber.name} to {parent.name}.", "rate")
            )
            return
        if rate == 0:
            edge[absorber].append(
                _finding(absorber, Severity.ERROR, "impossible",
                         f"The rate from {absorber.name} to {parent.name} is 0 %: no number of "
                         f"{absorber.name} reaches {_amount(parent, goal)}. Set a rate above 0 %.", "rate")
            )
            return
        amount = need / rate
        required[absorber] = ceil_whole(amount) if absorber.is_whole else amount

    def _compare_given(self, child: Metric, findings: list[Finding]) -> None:
        """A given value that differs from what the goal needs: say so on it."""
        needed = child.computed.required
        given = child.target
        if needed is None or given is None or needed == given:
            return
        if given < needed:
            findings.append(
                _finding(child, Severity.WARNING, "conflict",
                         f"The given target {_amount(child, given)} is below the "
                         f"{_amount(child, needed)} that the goal needs at these rates "
                         f"(short by {format_number(needed - given)}).", "target")
            )
        else:
            findings.append(
                _finding(child, Severity.INFO, "surplus",
                         f"The given target {_amount(child, given)} is above the "
                         f"{_amount(child, needed)} that the goal needs.", "target")
            )

    # ---- formulas -------------------------------------------------------------
    def _formula_metrics(self) -> list[Metric]:
        return list(self._formula_set)

    def _formulas(self) -> None:
        """Evaluate formula metrics in dependency order (few per plan)."""
        pending = self._formula_metrics()
        done: set[str] = set()
        for _ in range(len(pending) + 1):
            if not pending:
                break
            waiting = []
            for metric in pending:
                try:
                    node = formulas.parse(metric.formula or "")
                except formulas.FormulaError as exc:
                    self._node_findings[metric] = [
                        _finding(metric, Severity.ERROR, "formula", f"The formula is not valid: {exc}", "formula")
                    ]
                    metric.computed.target = metric.target
                    metric.computed.forecast = None
                    done.add(metric.id)
                    continue
                refs = formulas.references(node)
                if any(r in self._metrics and self._metrics[r].relation is Relation.FORMULA and r not in done
                       for r in refs if r != metric.id):
                    waiting.append(metric)
                    continue
                self._evaluate_formula(metric, node, refs)
                done.add(metric.id)
            if len(waiting) == len(pending):
                for metric in waiting:
                    self._node_findings[metric] = [
                        _finding(metric, Severity.ERROR, "cycle", "The formula depends on itself.", "formula")
                    ]
                break
            pending = waiting

    def _evaluate_formula(self, metric: Metric, node, refs: set[str]) -> None:
        missing = sorted(r for r in refs if r not in self._metrics or r == metric.id)
        if missing:
            self._node_findings[metric] = [
                _finding(metric, Severity.ERROR, "formula",
                         f"The formula refers to {', '.join(missing)}, which is not another metric of this plan.",
                         "formula")
            ]
            metric.computed.target, metric.computed.forecast = metric.target, None
            return
        findings: list[Finding] = []
        values = {}
        for attr in ("target", "forecast"):
            try:
                values[attr] = formulas.evaluate(node, lambda r, a=attr: getattr(self._metrics[r].computed, a))
            except ZeroDivisionError:
                values[attr] = None
                if not findings:
                    findings.append(
                        _finding(metric, Severity.WARNING, "impossible",
                                 f"The formula of {metric.name} divides by zero.", "formula")
                    )
        metric.computed.target = metric.target if metric.target is not None else values["target"]
        metric.computed.forecast = values["forecast"]
        self._node_findings[metric] = findings

    # ---- findings ---------------------------------------------------------------
    def _publish(self, metrics: Iterable[Metric]) -> None:
        for metric in set(metrics) | set(self._formula_metrics()):
            found = self._node_findings.get(metric, []) + self._edge_findings.get(metric, [])
            metric.computed.findings = tuple(found)
