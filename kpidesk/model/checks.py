"""The checks planners run on a KPI set (see DOMAIN.md: what makes a KPI set good).

Each check has a name that the command line prints in brackets, and every
warning about a threshold names the threshold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kpidesk.model import events as ev
from kpidesk.model import meaning
from kpidesk.model.engine import falls_short
from kpidesk.model.events import Event
from kpidesk.model.findings import Finding, Severity, finding
from kpidesk.model.metric import DRIVER_RELATIONS, Better, Computed, Kind, Metric, Relation
from kpidesk.model.plan import Plan


@dataclass(frozen=True)
class Thresholds:
    """Where simplicity ends: a team reads a tree at a glance only below these."""

    max_kpis: int = 30
    max_depth: int = 7
    max_name_length: int = 40


Results = Callable[[Metric], Computed]


def _live(metric: Metric) -> Computed:
    return metric.computed


def measurable(plan: Plan, computed: Results = _live) -> list[Finding]:
    """The KGI is a number with a unit."""
    kgi = plan.kgi
    if kgi is None:
        return [finding(None, Severity.ERROR, "measurable", "no_kgi")]
    found = []
    if computed(kgi).target is None:
        found.append(finding(kgi.id, Severity.ERROR, "measurable", "kgi_no_target", "target"))
    if not kgi.unit.strip():
        found.append(finding(kgi.id, Severity.WARNING, "measurable", "kgi_no_unit", "unit"))
    return found


# ---- all checks in one walk ------------------------------------------------------------------
# A finding's place in the listing: the engine's findings, then each check's (consistency, measurable,
# stability, countermeasure, simplicity, connected, meaning's; PLACES is their number). A place marked "plan"
# holds findings about the plan as a whole or that need the whole tree (the KGI's, the counts, the deepest
# metric, the other roots); every other place holds at most one finding per metric (the engine's: any number),
# so a metric's findings are a few (place, finding) pairs and can be rechecked alone.
(ENGINE, CONSISTENCY, MEASURABLE, STABILITY, COUNTERMEASURE, SIMPLICITY, NAME_LENGTH, ROOTS, DRIVING,
 UNITS, SHARE_UNITS, PRODUCT, MONEY, FORMULA_IGNORED) = range(14)
PLACES = 14
#: Relations some meaning check looks at (a funnel only when it is money: money_from_counts).
_MEANING_RELATIONS = frozenset({Relation.SUM, Relation.SHARE, Relation.PRODUCT})
_LIMITS = Thresholds()
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def value_findings(metric: Metric, values: Computed, kgi: Metric | None) -> list[tuple[int, Finding]]:
    """The findings of ``metric`` that read its calculated ``values``: the engine's and consistency's."""
    found = [(ENGINE, f) for f in values.findings] if values.findings else []
    if metric is kgi or (metric.target is not None and (metric.relation is Relation.FORMULA or metric.drivers())):
        result = _consistency_of(metric, values, kgi)
        if result is not None:
            found.append((CONSISTENCY, result))
    return found


def _consistency_of(metric: Metric, values: Computed, kgi: Metric | None) -> Finding | None:
    target, forecast = values.target, values.forecast
    if target is None:
        return None
    if forecast is None:
        if metric is kgi:
            return finding(metric.id, Severity.WARNING, "consistency", "kgi_not_forecast", "target")
        return None
    gap = values.gap
    if gap is None or not falls_short(metric, gap):  # no gap never falls short
        return None
    code = "limit_exceeded" if metric.better is Better.LOWER else "goal_short"
    return finding(metric.id, Severity.ERROR, "consistency", code, "target", forecast=forecast, target=target, gap=gap)


def input_findings(plan: Plan, metric: Metric, limits: Thresholds = _LIMITS) -> list[tuple[int, Finding]]:
    """The findings of ``metric`` that read what the planner wrote: texts, its parent's and its parts' relations.

    Written for speed (it runs for every metric of a plan): the checks that cannot apply are skipped first.
    Each finding comes with its place; the order of the pairs means nothing.
    """
    found: list[tuple[int, Finding]] = []
    parent = metric.parent
    relation = metric.relation
    if parent is not None:
        if not (metric.source.strip() and metric.interval.strip()):
            no_source, no_interval = not metric.source.strip(), not metric.interval.strip()
            code = ("no_source_no_interval" if no_source and no_interval else
                    "no_source" if no_source else "no_interval")
            found.append((STABILITY, finding(metric.id, Severity.WARNING, "stability", code,
                                             "source" if no_source else "interval")))
        if relation is not Relation.FORMULA:
            if not metric.countermeasure.strip():
                found.append((COUNTERMEASURE, finding(metric.id, Severity.WARNING, "countermeasure",
                                                      "no_countermeasure", "countermeasure")))
            if parent.relation not in DRIVER_RELATIONS and not (
                    parent.relation is Relation.FORMULA and metric.id in plan.engine.formulas.references(parent)):
                found.append((DRIVING, finding(metric.id, Severity.WARNING, "connected", "not_driving", "relation",
                                               parent=parent.id)))
    if len(metric.name) > limits.max_name_length:
        found.append((NAME_LENGTH, finding(metric.id, Severity.WARNING, "simplicity", "name_too_long", "name",
                                           id=metric.id, count=len(metric.name), limit=limits.max_name_length)))
    if metric.formula or relation in _MEANING_RELATIONS or (relation is Relation.FUNNEL and metric.kind is Kind.MONEY):
        for place, check in enumerate(meaning.METRIC_CHECKS, start=UNITS):
            result = check(metric)
            if result is not None:
                found.append((place, result))
    return found


def plan_findings(plan: Plan, computed: Results, kpis: int, deepest: Metric | None, depth: int,
                  limits: Thresholds = Thresholds()) -> list[tuple[int, Finding]]:
    """The findings about the plan as a whole: the KGI's, the number of KPIs, the deepest metric, other roots."""
    found = [(MEASURABLE, f) for f in measurable(plan, computed)]
    if kpis > limits.max_kpis:
        found.append((SIMPLICITY, finding(None, Severity.WARNING, "simplicity", "too_many_kpis",
                                          count=kpis, limit=limits.max_kpis)))
    if deepest is not None and depth + 1 > limits.max_depth:
        found.append((SIMPLICITY, finding(deepest.id, Severity.WARNING, "simplicity", "too_deep",
                                          count=depth + 1, limit=limits.max_depth)))
    for root in plan.roots[1:]:
        found.append((ROOTS, finding(root.id, Severity.WARNING, "connected", "not_connected", "parent")))
    return found


def _place_in_walk(metric: Metric) -> tuple[int, ...]:
    """The rows from the root down to ``metric``: sorted, they give the walk's order (parents first)."""
    rows = [metric.row]
    rows.extend(ancestor.row for ancestor in metric.ancestors())
    return tuple(reversed(rows))


def listing(places: list[list[Finding]]) -> list[Finding]:
    """The findings place after place, errors first (a stable sort keeps each place's order)."""
    return sorted((f for place in places for f in place), key=lambda f: _SEVERITY_ORDER[f.severity])


def run_checks(plan: Plan, computed: Results = _live) -> list[Finding]:
    """The engine's findings and every plan check, errors first.

    ``computed`` gives the results to check (default: the live plan's), so an
    evaluation of a variant is checked by the same rules. One walk of the plan
    runs every check (the same findings, in the same order, as running each
    check of tests/checks_one_by_one.py in turn).
    """
    kgi = plan.kgi
    places: list[list[Finding]] = [[] for _ in range(PLACES)]
    depths: dict[Metric, int] = {}
    deepest, most, kpis = None, -1, 0
    for metric in plan.walk():
        parent = metric.parent
        if parent is not None:
            kpis += 1
            depth = depths[parent] + 1
        else:
            depth = 0
        depths[metric] = depth
        if depth > most:
            deepest, most = metric, depth
        for place, result in value_findings(metric, computed(metric), kgi):
            places[place].append(result)
        for place, result in input_findings(plan, metric):
            places[place].append(result)
    for place, result in plan_findings(plan, computed, kpis, deepest, most):
        places[place].append(result)
    return listing(places)


class LiveChecks:
    """The findings of :func:`run_checks`, kept up to date as the plan changes by rechecking only what a change
    can affect, so that a window can show them after every action at any size of plan.

    It follows ``plan.events`` (connect it before the views, so that it has seen a change's events when they
    ask) and rechecks on :meth:`refresh`: a metric whose inputs were set, with its parent (whose checks read
    its parts' units, kinds and relations) and, if its relation or formula changed, its children (whose
    checks read their parent's); a metric whose calculated values alone changed, only in what reads values;
    the metrics added, and the parents that gained, lost or reordered children. The few checks of the
    plan as a whole run every time; the metrics are kept by depth (a change of the tree's shape costs the
    metrics it moved), and the first of the deepest in the walk's order is picked among them only when the
    plan is too deep to pass. :meth:`findings` lists them as ``run_checks`` does, walking the plan only when
    the order of the metrics that have findings may have changed.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._values: dict[Metric, list[tuple[int, Finding]]] = {}  # only metrics that have such findings
        self._inputs: dict[Metric, list[tuple[int, Finding]]] = {}
        self._shape: dict[Metric, tuple[Relation, str | None]] = {}  # what its children's checks read of it
        self._kgi: Metric | None = None
        self._deepest: tuple[Metric | None, int] = (None, -1)
        self._depth: dict[Metric, int] = {}  # each metric's depth, and the metrics at each depth
        self._at_depth: dict[int, set[Metric]] = {}
        #: The first of the deepest metrics in the walk's order (when too deep), and the metrics placed since it
        #: was picked: only they can come before it, unless it moved or left (then it is picked again).
        self._first_deep: Metric | None = None
        self._placed: list[Metric] = []
        self._whole: list[tuple[int, Finding]] = []
        self._ordered: list[Metric] | None = None  # the metrics with findings, in walk order
        self._listing: list[Finding] | None = None  # None: to be listed again
        self._stale_inputs: set[Metric] = set()
        self._stale_values: set[Metric] = set()
        self._structure = False
        self._everything = True
        self.rechecked = 0  # metrics rechecked by the last refresh (tests see that an edit rechecks a few)
        plan.events.connect(self._on_event)

    def close(self) -> None:
        """Stop following the plan."""
        self.plan.events.disconnect(self._on_event)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, ev.MetricsChanged):
            for metric in event.inputs:
                self._stale_inputs.add(metric)
                if metric.parent is not None:
                    self._stale_inputs.add(metric.parent)
            self._stale_values.update(event.metrics)
            self._structure |= event.structure
        elif isinstance(event, ev.MetricInserted):
            self._stale_inputs.update(event.metric.walk())
            self._place(event.metric)
            self._changed_parent(event.parent)
        elif isinstance(event, ev.MetricRemoved):
            for metric in event.metric.walk():
                self._forget(metric)
            self._changed_parent(event.parent)
        elif isinstance(event, ev.MetricMoved):
            self._stale_inputs.add(event.metric)
            self._place(event.metric)
            self._changed_parent(event.old_parent)
            self._changed_parent(event.metric.parent)

    def _changed_parent(self, parent: Metric | None) -> None:
        """``parent`` gained, lost or reordered children (None: the roots)."""
        if parent is not None:
            self._stale_inputs.add(parent)
        self._structure = True

    def _place(self, top: Metric) -> None:
        """``top`` and the metrics below it are (now) where they are in the tree: count them at their depths."""
        depths, at_depth = self._depth, self._at_depth
        stack = [(top, top.depth)]
        while stack:
            metric, depth = stack.pop()
            old = depths.get(metric)
            if old is not None:
                at_depth[old].discard(metric)
            self._placed.append(metric)
            depths[metric] = depth
            at_depth.setdefault(depth, set()).add(metric)
            stack.extend((child, depth + 1) for child in metric.children)

    def _deepest_now(self) -> tuple[Metric | None, int]:
        """The greatest depth, and its first metric in the walk's order where it is too deep to pass (else None:
        plan_findings names the deepest metric only then)."""
        most = max((depth for depth, metrics in self._at_depth.items() if metrics), default=-1)
        first, placed, self._placed = self._first_deep, self._placed, []
        if most + 1 <= Thresholds().max_depth:
            self._first_deep = None
            return None, most
        if first is None or first in placed or self._depth.get(first) != most:
            first = min(self._at_depth[most], key=_place_in_walk)
        else:
            first = min([first, *(m for m in placed if self._depth.get(m) == most)], key=_place_in_walk)
        self._first_deep = first
        return first, most

    def _forget(self, metric: Metric) -> None:
        """``metric`` left the plan: so did its findings."""
        depth = self._depth.pop(metric, None)
        if depth is not None:
            self._at_depth[depth].discard(metric)
        had = self._values.pop(metric, None) is not None
        if self._inputs.pop(metric, None) is not None or had:
            self._ordered = self._listing = None
        self._shape.pop(metric, None)

    def refresh(self) -> None:
        """Recheck what changed since the last refresh; :meth:`findings` then lists them anew if they changed."""
        plan = self.plan
        if self._everything:
            self._check_everything()
            return
        kgi = plan.kgi
        if kgi is not self._kgi:  # the KGI by default is the first root: a change of the roots changes it
            self._stale_inputs.update(m for m in (kgi, self._kgi) if m is not None)
            self._kgi = kgi
        inputs, values = self._stale_inputs, self._stale_values
        self._stale_inputs, self._stale_values = set(), set()
        changed = False
        children: list[Metric] = []
        for metric in inputs:
            if plan.metrics.get(metric.id) is not metric:
                continue
            shape = (metric.relation, metric.formula)
            if self._shape.get(metric, shape) != shape and metric.children:
                children.extend(metric.children)
            self._shape[metric] = shape
            changed |= self._store(self._inputs, metric, input_findings(plan, metric))
        for metric in children:
            if metric not in inputs:
                changed |= self._store(self._inputs, metric, input_findings(plan, metric))
        for metric in inputs | values:
            if plan.metrics.get(metric.id) is metric:
                changed |= self._store(self._values, metric, value_findings(metric, metric.computed, kgi))
        self.rechecked = len(inputs | values) + len(children)
        if self._structure:
            self._structure = False
            self._ordered = None
            self._deepest = self._deepest_now()
        whole = plan_findings(plan, _live, len(plan.metrics) - len(plan.roots), *self._deepest)
        if whole != self._whole:
            self._whole = whole
            changed = True
        if changed or self._ordered is None:
            self._listing = None

    def _store(self, table: dict[Metric, list[tuple[int, Finding]]], metric: Metric,
               found: list[tuple[int, Finding]]) -> bool:
        """Keep ``metric``'s findings in ``table``; whether they differ from the ones kept before."""
        old = table.get(metric)
        if found:
            if old == found:
                return False
            table[metric] = found
            if old is None and metric not in (self._inputs if table is self._values else self._values):
                self._ordered = None  # a metric with findings for the first time
            return True
        if old is None:
            return False
        del table[metric]
        if metric not in (self._inputs if table is self._values else self._values):
            self._ordered = None
        return True

    def _check_everything(self) -> None:
        plan = self.plan
        self._everything = self._structure = False
        self._stale_inputs, self._stale_values = set(), set()
        self._values, self._inputs, self._shape = {}, {}, {}
        self._kgi = kgi = plan.kgi
        for metric in plan.walk():
            self._shape[metric] = (metric.relation, metric.formula)
            found = value_findings(metric, metric.computed, kgi)
            if found:
                self._values[metric] = found
            found = input_findings(plan, metric)
            if found:
                self._inputs[metric] = found
        self.rechecked = len(plan.metrics)
        self._depth, self._at_depth, self._first_deep = {}, {}, None
        for root in plan.roots:
            self._place(root)
        self._deepest = self._deepest_now()
        self._whole = plan_findings(plan, _live, len(plan.metrics) - len(plan.roots), *self._deepest)
        self._ordered = None
        self._listing = None

    def findings(self) -> list[Finding]:
        """Every finding, as :func:`run_checks` lists them (the list is shared: do not change it)."""
        if self._listing is None:
            if self._ordered is None:
                values, inputs = self._values, self._inputs
                found = values.keys() | inputs.keys()
                if len(found) * 16 < len(self.plan.metrics):  # a few: put them in order, not the whole plan
                    self._ordered = sorted(found, key=_place_in_walk)
                else:
                    self._ordered = [m for m in self.plan.walk() if m in values or m in inputs]
            places: list[list[Finding]] = [[] for _ in range(PLACES)]
            for metric in self._ordered:
                for place, result in self._values.get(metric, ()):
                    places[place].append(result)
                for place, result in self._inputs.get(metric, ()):
                    places[place].append(result)
            for place, result in self._whole:
                places[place].append(result)
            self._listing = listing(places)
        return self._listing
