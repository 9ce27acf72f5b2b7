"""The recalculation engine: targets back from the goal, forecasts forward from the KPIs.

Every value is an exact fraction (:mod:`kpidesk.model.exact`). Three values per metric:

* ``forward``: what the metric's subtree alone yields, bottom-up (a given value
  is its own forward value). Used where nothing above anchors a metric.
* ``target``: the given value, else what the goal above requires (back-
  calculated, counts rounded up), else ``forward``.
* ``forecast``: forward from the targets of the KPIs at the leaves (counts
  rounded down): if every KPI is met, this is what follows. ``forecast -
  target`` is the gap (money settled to the currency's minor unit first).

In a sum or product one driver absorbs the goal: the one marked to solve its
rate (goal seek), else the only driver without a value, else the only driver
that is not given. Given values never move.

The engine reads a plan's inputs through :class:`Inputs`, which may override
some of them, and keeps its results in a store: the metrics' own ``computed``
for the live plan, a separate dictionary for an evaluation of a variant
(:mod:`kpidesk.model.evaluation`), which changes nothing in the plan.

An edit recalculates only what it can affect: the forward values on the path
to the root, the targets below the highest metric whose forward value changed
(descending only where something changed), the forecasts above every metric
whose target changed, and the formulas that read any of those. Problems
become findings, never exceptions.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from kpidesk.model.display import unit_currency
from kpidesk.model.exact import ONE, ZERO, Fraction, ceil_whole, floor_whole, minor_digits, round_to
from kpidesk.model.findings import Finding, Severity, finding
from kpidesk.model.formula_pass import FormulaPass
from kpidesk.model.inputs import Inputs
from kpidesk.model.metric import DRIVER_RELATIONS, Better, Computed, Kind, Metric, Relation
from kpidesk.model.running_sum import RUNNING_SUM_FROM, RunningSum

_RATED = (Relation.FUNNEL, Relation.SUM, Relation.PRODUCT)

class Engine:
    """Keeps the results of a plan's metrics up to date (see the module's text)."""

    def __init__(self, roots: list[Metric], metrics: dict[str, Metric], info: Mapping[str, Any] | None = None,
                 *, inputs: Inputs | None = None, store: dict[Metric, Computed] | None = None) -> None:
        self._roots = roots
        self._metrics = metrics
        self._info = info if info is not None else {}
        self.inputs = inputs or Inputs()
        self._store = store
        self._c: Callable[[Metric], Computed] = (lambda m: m.computed) if store is None else store.__getitem__
        self._edge_findings: dict[Metric, list[Finding]] = {}
        self._node_findings: dict[Metric, list[Finding]] = {}
        self._sums: dict[tuple[Metric, bool], RunningSum] = {}  # (parent, of forecasts?) -> running sum
        self.running_sum_from = RUNNING_SUM_FROM  # the tests lower it to exercise running sums on small plans
        self.formulas = FormulaPass(metrics, self._c, self.inputs)

    def _put(self, metric: Metric, computed: Computed) -> None:
        if self._store is None:
            metric.computed = computed
        else:
            self._store[metric] = computed

    # ---- public -----------------------------------------------------------
    def recalculate_all(self) -> set[Metric]:
        """Recalculate everything; returns the metrics whose values changed."""
        store = self._store
        before = {m: self._c(m) for m in self._metrics.values()} if store is None or store else {}
        self._edge_findings.clear()
        self._node_findings.clear()
        self._sums.clear()
        for metric in self._metrics.values():
            self._put(metric, Computed())
        self.formulas.reset()
        order = [m for root in self._roots for m in root.walk()]
        for metric in reversed(order):
            self._c(metric).forward = self._forward(metric)
        for root in self._roots:
            self._assign_root(root)
        for metric in order:
            self._assign_children(metric)
        for metric in reversed(order):
            computed = self._c(metric)
            computed.forecast = self._forecast(metric)
        self.formulas.run(None)
        self._publish(order)
        if not before:
            return set(self._metrics.values())
        return {m for m, old in before.items() if not old.same_values(self._c(m))} | (
            set(self._metrics.values()) - set(before)
        )

    def recalculate(self, dirty: Iterable[Metric]) -> set[Metric]:
        """Recalculate what edits to ``dirty`` (inputs or children) can affect."""
        dirty = {m for m in dirty if self._metrics.get(m.id) is m}
        for metric in dirty:  # added metrics and changed relations or formulas are always dirty
            self.formulas.track(metric)
            self._sums.pop((metric, False), None)  # its parts may have come, gone or changed kind
            self._sums.pop((metric, True), None)
            self._stale(metric, False)
            self._stale(metric, True)
        if not dirty and not self.formulas.has_pending():
            return set()
        snapshot: dict[Metric, Computed] = {}

        def remember(metric: Metric) -> None:
            if metric not in snapshot:
                snapshot[metric] = self._c(metric).copy()

        # 1. forward values up each dirty path, until they stop changing
        path: set[Metric] = set()
        tops: set[Metric] = set()
        for metric in sorted(dirty, key=lambda m: -m.depth):
            node: Metric | None = metric
            top = metric
            while node is not None:
                path.add(node)
                value = self._forward(node)
                if value == self._c(node).forward and node not in dirty:
                    break
                remember(node)
                self._c(node).forward = value
                self._stale(node, False)
                top = node
                node = node.parent
            tops.add(top)
        for node in list(path):
            path.update(node.ancestors())

        # 2. targets below the parent of each highest change
        starts: set[Metric | None] = {top.parent for top in tops}
        touched: set[Metric] = set()
        if None in starts:
            starts.discard(None)
            for root in self._roots:
                remember(root)
                self._assign_root(root)
                touched.add(root)
                starts.add(root)
        firsts = {s for s in starts if s is not None and not any(a in starts for a in s.ancestors())}
        moved = path | dirty
        for start in firsts:
            stack: list[tuple[Metric, bool]] = [(start, start in touched)]
            while stack:
                parent, goal_changed = stack.pop()
                remember(parent)
                only = None
                if not goal_changed and parent.relation is Relation.SHARE and parent not in dirty:
                    # the goal and every share stand: only the parts that changed need assigning
                    only = [m for m in moved if m.parent is parent]
                    if any(m in dirty for m in only):
                        only = None  # a share changed: the shares' total may be over 100 % now
                children = parent.children if only is None else only
                before = {}
                for child in children:
                    computed = self._c(child)
                    before[child] = (computed.target, computed.required, computed.rate)
                    remember(child)
                self._assign_children(parent, only)
                touched.add(parent)
                for child in children:
                    computed = self._c(child)
                    now = (computed.target, computed.required, computed.rate)
                    if now[2] != before[child][2]:
                        self._stale(child, True)  # a solved rate feeds the forecast
                    if now != before[child] or child in path:
                        touched.add(child)
                        stack.append((child, now[0] != before[child][0] or child in dirty))

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
            if value != self._c(node).forecast or node in dirty or node in touched:
                remember(node)
                self._c(node).forecast = value
                self._stale(node, True)
                if node.parent is not None and node.parent not in seen:
                    heapq.heappush(heap, (-node.parent.depth, id(node.parent), node.parent))

        # 4. the formulas that read anything that changed
        changed_ids = {m.id for m, old in snapshot.items() if not old.same_numbers(self._c(m))}
        changed_ids.update(m.id for m in dirty)
        evaluated = self.formulas.run(changed_ids, remember)
        self._publish(set(snapshot) | evaluated)
        return {m for m, old in snapshot.items() if not old.same_values(self._c(m))} | dirty

    def forget(self, metrics: Iterable[Metric]) -> None:
        """Drop what is kept about metrics that left the plan."""
        for metric in metrics:
            self._edge_findings.pop(metric, None)
            self._node_findings.pop(metric, None)
            self.formulas.forget(metric)

    # ---- forward ------------------------------------------------------------
    def _rate_for(self, child: Metric, parent: Metric, solved: bool = False) -> Fraction | None:
        """The factor of a driver's contribution; None where it is not known.

        A rate being solved is unknown going forward and in the solve itself;
        only forecasts (computed after the solve) use the solved value.
        """
        if self.inputs.solving(child):
            return self._c(child).rate if solved else None
        rate = self.inputs.rate(child)
        if rate is not None:
            return rate
        return None if parent.relation is Relation.FUNNEL else ONE

    def _stale(self, child: Metric, forecast: bool) -> None:
        """Mark a child's contribution to its parent's running sum as out of date."""
        parent = child.parent
        if parent is not None:
            running = self._sums.get((parent, forecast))
            if running is not None:
                running.stale.add(child)

    def _part(self, parent: Metric, child: Metric, forecast: bool) -> tuple[Fraction | None, Fraction | None] | None:
        """A driver's (value, share or rate) in ``parent``'s running sum; None when it is no driver."""
        if child.parent is not parent or child.relation is Relation.FORMULA or self._metrics.get(child.id) is not child:
            return None
        computed = self._c(child)
        value = computed.forecast if forecast else computed.forward
        if parent.relation is Relation.SHARE:
            return value, self.inputs.share(child)
        rate = self._rate_for(child, parent, forecast)
        if value is None or rate is None:
            return None, None
        return value * rate, ONE

    def _running(self, metric: Metric, forecast: bool) -> Fraction | None:
        """``_combine`` for a wide additive parent, re-adding only what changed since the last time."""
        key = (metric, forecast)
        running = self._sums.get(key)
        if running is None:
            running = self._sums[key] = RunningSum()
            for child in metric.children:
                running.put(child, self._part(metric, child, forecast))
        else:
            for child in running.stale:
                running.put(child, self._part(metric, child, forecast))
        running.stale.clear()
        if running.unknown or not running.parts:
            return None
        if metric.relation is Relation.SHARE:
            if running.shares == 0:
                return None
            result = running.total / running.shares
        else:
            result = running.total
        return floor_whole(result) if metric.kind is Kind.COUNT else result

    def _combine(self, metric: Metric, value_of: Callable[[Metric], Fraction | None],
                 solved: bool = False) -> Fraction | None:
        if metric.relation is not Relation.PRODUCT and len(metric.children) >= self.running_sum_from \
                and metric.relation in DRIVER_RELATIONS:
            return self._running(metric, solved)
        drivers = metric.drivers()
        if not drivers:
            return None
        result: Fraction
        if metric.relation is Relation.SHARE:
            total, shares = ZERO, ZERO
            for child in drivers:
                value, share = value_of(child), self.inputs.share(child)
                if value is None or share is None:
                    return None
                total += value
                shares += share
            if shares == 0:
                return None
            result = total / shares
        else:
            product = metric.relation is Relation.PRODUCT
            result = ONE if product else ZERO
            for child in drivers:
                value, rate = value_of(child), self._rate_for(child, metric, solved)
                if value is None or rate is None:
                    return None
                if product:
                    result *= value * rate
                else:
                    result += value * rate
        return floor_whole(result) if metric.kind is Kind.COUNT else result

    def _forward(self, metric: Metric) -> Fraction | None:
        target = self.inputs.target(metric)
        if target is not None:
            return target
        return self._combine(metric, lambda c: self._c(c).forward)

    def _forecast(self, metric: Metric) -> Fraction | None:
        if metric.relation is Relation.FORMULA:
            return self._c(metric).forecast  # the formula pass owns it
        if metric.relation not in DRIVER_RELATIONS or all(c.relation is Relation.FORMULA for c in metric.children):
            return self._c(metric).target
        return self._combine(metric, lambda c: self._c(c).forecast, solved=True)

    # ---- targets ------------------------------------------------------------
    def _assign_root(self, root: Metric) -> None:
        computed = self._c(root)
        computed.required = None
        computed.rate = None  # a root has no edge upwards (also one that was a child until a move)
        if root.relation is not Relation.FORMULA:
            given = self.inputs.target(root)
            computed.target = given if given is not None else computed.forward
        self._edge_findings.pop(root, None)

    def _assign_children(self, parent: Metric, only: list[Metric] | None = None) -> None:
        """Set required, target and solved rate of every child of ``parent`` (or of ``only`` those).

        ``only`` is for a share parent whose goal and shares stand: each part's
        need is its own share of the goal, so the other parts keep theirs.
        """
        children = parent.children if only is None else only
        node_findings: list[Finding] = []
        edge: dict[Metric, list[Finding]] = {c: [] for c in children}
        required: dict[Metric, Fraction] = {}
        solved: dict[Metric, Fraction] = {}
        goal = self._c(parent).target
        if parent.relation is Relation.SHARE:
            drivers = [c for c in children if c.relation is not Relation.FORMULA]
            self._split_shares(parent, drivers, goal, required, edge, node_findings)
        elif parent.relation in _RATED:
            drivers = parent.drivers()
            if drivers:
                self._solve_absorber(parent, drivers, goal, required, solved, edge, node_findings)
        inputs = self.inputs
        for child in children:
            computed = self._c(child)
            computed.required = required.get(child)
            computed.rate = solved.get(child) if inputs.solving(child) else inputs.rate(child)
            if child.relation is not Relation.FORMULA:
                given = inputs.target(child)
                if given is not None:
                    computed.target = given
                    self._compare_given(child, given, edge[child])
                elif computed.required is not None:
                    computed.target = computed.required
                else:
                    computed.target = computed.forward
            self._edge_findings[child] = edge[child]
        if only is None:
            self._node_findings[parent] = node_findings

    def _split_shares(self, parent: Metric, drivers: list[Metric], goal: Fraction | None,
                      required: dict[Metric, Fraction], edge: dict[Metric, list[Finding]],
                      node_findings: list[Finding]) -> None:
        total = ZERO
        for child in drivers:
            share = self.inputs.share(child)
            if share is None:
                edge[child].append(finding(child.id, Severity.ERROR, "missing-share", "missing_share", "share",
                                           parent=parent.id))
                continue
            total += share
            if goal is not None:
                value = goal * share
                required[child] = ceil_whole(value) if child.kind is Kind.COUNT else value
        if total > ONE:
            node_findings.append(finding(parent.id, Severity.ERROR, "conflict", "shares_over_100", "relation",
                                         total=total))

    def _value(self, child: Metric) -> Fraction | None:
        given = self.inputs.target(child)
        return given if given is not None else self._c(child).forward

    def _pick_absorber(self, parent: Metric, drivers: list[Metric], goal: Fraction | None,
                       node_findings: list[Finding]) -> Metric | None:
        """The driver that takes what the goal leaves (see the module's text), or None."""
        unknown = [c for c in drivers if self.inputs.solving(c) or self._value(c) is None]
        if len(unknown) > 1:
            named = [c for c in unknown if not self.inputs.solving(c)] or unknown
            if len(named) > 1 or goal is None:
                if goal is not None:
                    node_findings.append(finding(parent.id, Severity.ERROR, "underdetermined", "underdetermined",
                                                 "relation", metrics=tuple(c.id for c in named)))
                return None
            unknown = named
        if unknown:
            return unknown[0]
        derived = [c for c in drivers if self.inputs.target(c) is None]
        if len(derived) == 1:
            return derived[0]
        if not derived and len(drivers) == 1:
            return drivers[0]  # a given stage: say what the goal needs of it
        return None

    def _solve_absorber(self, parent: Metric, drivers: list[Metric], goal: Fraction | None,
                        required: dict[Metric, Fraction], solved: dict[Metric, Fraction],
                        edge: dict[Metric, list[Finding]], node_findings: list[Finding]) -> None:
        absorber = self._pick_absorber(parent, drivers, goal, node_findings)
        if absorber is None:
            return
        if goal is None:
            if self.inputs.solving(absorber):
                edge[absorber].append(finding(absorber.id, Severity.WARNING, "goal-seek", "solve_without_goal",
                                              "rate", parent=parent.id))
            return
        others = [c for c in drivers if c is not absorber]
        if parent.relation is Relation.PRODUCT:
            divisor = ONE
            for child in others:
                factor, rate = self._value(child), self._rate_for(child, parent)
                if factor is None or rate is None:
                    return
                divisor *= factor * rate
            if divisor == 0:
                node_findings.append(finding(parent.id, Severity.ERROR, "impossible", "factor_zero", "relation",
                                             driver=absorber.id, amount=goal))
                return
            need = goal / divisor
        else:
            need = goal
            for child in others:
                part, rate = self._value(child), self._rate_for(child, parent)
                if part is None or rate is None:
                    return  # a missing rate is reported on that child
                need -= part * rate
            need = max(need, ZERO)
        if self.inputs.solving(absorber):
            self._solve_rate(absorber, parent, need, solved, edge[absorber])
            return
        rate = self._rate_for(absorber, parent)
        if rate is None:
            edge[absorber].append(finding(absorber.id, Severity.ERROR, "missing-rate", "missing_rate", "rate",
                                          parent=parent.id))
            return
        if rate == 0:
            edge[absorber].append(finding(absorber.id, Severity.ERROR, "impossible", "rate_zero", "rate",
                                          parent=parent.id, amount=goal, of=parent.id))
            return
        amount = need / rate
        required[absorber] = ceil_whole(amount) if absorber.kind is Kind.COUNT else amount

    def _solve_rate(self, absorber: Metric, parent: Metric, need: Fraction, solved: dict[Metric, Fraction],
                    findings: list[Finding]) -> None:
        """Goal seek: the smallest rate at which ``absorber`` yields ``need`` (exact, so it meets it)."""
        base = self._value(absorber)
        if base is None:
            findings.append(finding(absorber.id, Severity.ERROR, "goal-seek", "solve_without_base", "rate",
                                    parent=parent.id))
            return
        if base == 0:
            findings.append(finding(absorber.id, Severity.ERROR, "impossible", "base_zero", "target",
                                    parent=parent.id, amount=need, of=parent.id))
            return
        rate = need / base
        solved[absorber] = rate
        if rate > ONE:
            findings.append(finding(absorber.id, Severity.ERROR, "impossible", "solved_rate_over_100", "rate",
                                    parent=parent.id, rate=rate))

    def _compare_given(self, child: Metric, given: Fraction, findings: list[Finding]) -> None:
        """A given value that differs from what the goal needs: say so on it."""
        needed = self._c(child).required
        if needed is None:
            return
        shortfall = self.settled(child, needed) - self.settled(child, given)
        if shortfall == 0:
            return
        if shortfall > 0:
            findings.append(finding(child.id, Severity.WARNING, "conflict", "given_below_need", "target",
                                    given=given, needed=needed, short=shortfall))
        else:
            findings.append(finding(child.id, Severity.INFO, "surplus", "given_above_need", "target",
                                    given=given, needed=needed))

    # ---- money and gaps ---------------------------------------------------------
    def currency_of(self, metric: Metric) -> str:
        """The currency a money metric is counted in: its unit when that is a currency, else the plan's."""
        return unit_currency(metric) or str(self._info.get("currency") or "")

    def settled(self, metric: Metric, value: Fraction) -> Fraction:
        """A value as compared with a goal: money to its currency's minor unit, others exact."""
        if metric.kind is not Kind.MONEY:
            return value
        return Fraction(round_to(value, minor_digits(self.currency_of(metric))))

    def _gap(self, metric: Metric, computed: Computed) -> Fraction | None:
        if computed.forecast is None or computed.target is None:
            return None
        return self.settled(metric, computed.forecast) - self.settled(metric, computed.target)

    # ---- findings ---------------------------------------------------------------
    def _publish(self, metrics: Iterable[Metric]) -> None:
        for metric in metrics:
            computed = self._c(metric)
            computed.gap = self._gap(metric, computed)
            found = (self._node_findings.get(metric, []) + self.formulas.findings.get(metric, [])
                     + self._edge_findings.get(metric, []))
            computed.findings = tuple(found)


def falls_short(metric: Metric, gap: Fraction | None) -> bool:
    """Whether a gap (forecast - target, settled) misses the target in the metric's direction."""
    if gap is None:
        return False
    return gap > 0 if metric.better is Better.LOWER else gap < 0
