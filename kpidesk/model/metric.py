"""A metric of the plan: one box of the KPI tree, with what the planner decided."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kpidesk.model.exact import Fraction
from kpidesk.model.findings import Finding

ID_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Kind(StrEnum):
    """What a metric counts; decides rounding and formatting."""

    COUNT = "count"  # whole things: visits, leads, orders (rounded up when back-calculated)
    MONEY = "money"  # amounts in the plan's currency or the metric's unit
    PERCENT = "percent"  # a fraction shown as percent (CVR, share of sales)
    RATIO = "ratio"  # a plain ratio (ROAS 3.2)
    SCORE = "score"  # NPS, lead score
    NUMBER = "number"  # anything else measured


class Relation(StrEnum):
    """How a metric is made from the metrics below it (its drivers)."""

    NONE = "none"  # a leaf, or its children are not drivers
    FUNNEL = "funnel"  # = previous stage x its rate (the rate sits on the child)
    SUM = "sum"  # = sum of the children (each times its rate where it has one)
    PRODUCT = "product"  # = product of the children (sales = orders x unit price)
    SHARE = "share"  # each child is a share of it (web orders = orders x 20 %)
    FORMULA = "formula"  # computed from other metrics by a formula (CPA = cost / orders)


class Better(StrEnum):
    """Which way a metric should move: most grow (leads, orders), costs should shrink (CPA, CAC, bounce rate)."""

    HIGHER = "higher"
    LOWER = "lower"


DRIVER_RELATIONS = frozenset({Relation.FUNNEL, Relation.SUM, Relation.PRODUCT, Relation.SHARE})

#: Text fields a KPI needs in practice (stability, objectivity, countermeasures).
TEXT_FIELDS = ("owner", "source", "interval", "definition", "countermeasure", "notes")


@dataclass(eq=False)
class Computed:
    """What the engine derived for a metric, as exact fractions; replaced, never edited by hand."""

    forward: Fraction | None = None  # what the subtree alone yields (bottom-up)
    required: Fraction | None = None  # what the goal above needs of this metric
    target: Fraction | None = None  # the plan's target: given, required or forward
    forecast: Fraction | None = None  # forward from the KPI targets below
    rate: Fraction | None = None  # the effective rate (solved when goal-seeking)
    findings: tuple[Finding, ...] = ()
    gap: Fraction | None = None  # forecast - target, money settled to its minor unit; 0 when met exactly

    def copy(self) -> Computed:
        return Computed(self.forward, self.required, self.target, self.forecast, self.rate, self.findings, self.gap)

    def same_numbers(self, other: Computed) -> bool:
        """Whether the values other metrics' formulas may read are unchanged."""
        return self.target == other.target and self.forecast == other.forecast

    def same_values(self, other: Computed) -> bool:
        return (
            self.target == other.target
            and self.forecast == other.forecast
            and self.required == other.required
            and self.rate == other.rate
            and self.gap == other.gap
            and self.findings == other.findings
        )


@dataclass(eq=False)
class Metric:
    """One metric. ``target`` is the planner's given target; None means derived.

    ``rate`` and ``share`` describe the edge to the parent: ``rate`` is the
    fraction of this stage that passes to the stage above, ``share`` the part
    of the parent that this metric is.
    """

    id: str
    name: str
    unit: str = ""
    kind: Kind = Kind.COUNT
    allow_negative: bool = False  # a count or money below 0 (a profit, a net change) is allowed
    better: Better = Better.HIGHER
    relation: Relation = Relation.NONE
    target: Decimal | None = None
    rate: Decimal | None = None
    solve_rate: bool = False
    share: Decimal | None = None
    formula: str | None = None
    actual: Decimal | None = None
    lag: int = 0  # periods this stage takes to convert into the stage above
    phasing: dict[str, Decimal] = field(default_factory=dict)  # weights by period (default 1)
    actuals: dict[str, Decimal] = field(default_factory=dict)
    owner: str = ""
    source: str = ""
    interval: str = ""
    definition: str = ""
    countermeasure: str = ""
    notes: str = ""
    parent: Metric | None = field(default=None, repr=False)
    children: list[Metric] = field(default_factory=list, repr=False)
    row: int = field(default=0, repr=False)  # index in parent's children: O(1) for views
    computed: Computed = field(default_factory=Computed, repr=False)

    @property
    def is_given(self) -> bool:
        return self.target is not None

    @property
    def is_whole(self) -> bool:
        return self.kind is Kind.COUNT

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth

    def ancestors(self) -> list[Metric]:
        result, node = [], self.parent
        while node is not None:
            result.append(node)
            node = node.parent
        return result

    def walk(self) -> list[Metric]:
        """This metric and every one below it, parents before children."""
        result, stack = [], [self]
        while stack:
            node = stack.pop()
            result.append(node)
            stack.extend(reversed(node.children))
        return result

    def achievement(self) -> Fraction | None:
        """How far the actual has come towards the target, 1 being met (exact).

        actual / target where higher is better; target / actual where lower is
        better (a CPA of 8,000 against a limit of 10,000 is 1.25: better than
        planned). None without an actual, without a positive target, or with
        an actual of 0 where lower is better (nothing to compare).
        """
        target = self.computed.target
        if self.actual is None or target is None or target <= 0:
            return None
        actual = Fraction(self.actual)
        if self.better is Better.LOWER:
            return target / actual if actual > 0 else None
        return actual / target

    def forecast_falls_short(self) -> bool:
        """Whether the forecast from the KPIs below misses this metric's target (money settled)."""
        gap = self.computed.gap
        if gap is None:
            return False
        return gap > 0 if self.better is Better.LOWER else gap < 0

    def is_driver(self) -> bool:
        """Whether this metric takes part in its parent's relation."""
        return (
            self.parent is not None
            and self.parent.relation in DRIVER_RELATIONS
            and self.relation is not Relation.FORMULA
        )

    def drivers(self) -> list[Metric]:
        if self.relation not in DRIVER_RELATIONS:
            return []
        return [c for c in self.children if c.relation is not Relation.FORMULA]
