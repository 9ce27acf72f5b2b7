"""Meaning checks: a plan whose numbers add up can still say something that makes no sense.

Each check looks at one metric (``units_disagree_of(metric) -> Finding | None``,
so that the plan checks can run them all in one walk of the plan and recheck
only the metrics an edit touched); its finding has a stable code, and its
text is in :mod:`kpidesk.model.messages`. They look at units, kinds and
relations only, never at computed values, so they hold for any numbers:

* ``units_disagree``: the parts of a sum (those without a rate) and the sum
  itself are in more than one unit (orders + JPY).
* ``share_units_disagree``: a metric split into shares and its parts are in
  more than one unit (a share of orders is orders).
* ``product_one_factor``: a product of one factor is that factor (sales = orders
  after the unit price was deleted).
* ``money_from_counts``: a money metric made from its drivers, none of them
  money and some of them counts (sales in JPY = orders).
* ``formula_ignored``: a formula on a metric whose relation is not
  ``formula`` is not used.

Units are compared without case and surrounding spaces; a metric without a
unit is not compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kpidesk.model.findings import Finding, Severity, finding
from kpidesk.model.metric import Kind, Metric, Relation

CHECK = "meaning"


def _mixed_units(members: Iterable[Metric]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(ids, units) of the members with a unit when there is more than one unit among them."""
    pairs = [(m.id, m.unit.strip()) for m in members if m.unit.strip()]
    if len({unit.casefold() for _, unit in pairs}) < 2:
        return None
    return tuple(i for i, _ in pairs), tuple(u for _, u in pairs)


def units_disagree_of(metric: Metric) -> Finding | None:
    """A sum and its parts share a unit (parts with a rate turn their unit into the sum's)."""
    if metric.relation is not Relation.SUM:
        return None
    parts = [m for m in metric.drivers() if m.rate is None and not m.solve_rate]
    mixed = _mixed_units([metric, *parts])
    if mixed is None:
        return None
    return finding(metric.id, Severity.WARNING, CHECK, "units_disagree", field="unit",
                   metrics=mixed[0], units=mixed[1])


def share_units_disagree_of(metric: Metric) -> Finding | None:
    """A metric split into shares and its parts share a unit (20 % of orders are orders)."""
    if metric.relation is not Relation.SHARE:
        return None
    mixed = _mixed_units([metric, *metric.drivers()])
    if mixed is None:
        return None
    return finding(metric.id, Severity.WARNING, CHECK, "share_units_disagree", field="unit",
                   metrics=mixed[0], units=mixed[1])


def product_one_factor_of(metric: Metric) -> Finding | None:
    """A product has at least two factors."""
    if metric.relation is not Relation.PRODUCT:
        return None
    drivers = metric.drivers()
    if len(drivers) != 1:
        return None
    return finding(metric.id, Severity.WARNING, CHECK, "product_one_factor", field="relation", driver=drivers[0].id)


def money_from_counts_of(metric: Metric) -> Finding | None:
    """Money is not made of counts alone: orders need a price to become sales."""
    if metric.kind is not Kind.MONEY or metric.relation not in (Relation.SUM, Relation.PRODUCT, Relation.FUNNEL):
        return None
    drivers = metric.drivers()
    if not drivers or any(d.kind is Kind.MONEY for d in drivers):
        return None
    if not any(d.kind is Kind.COUNT for d in drivers):
        return None
    return finding(metric.id, Severity.WARNING, CHECK, "money_from_counts", field="relation",
                   metrics=tuple(d.id for d in drivers))


def formula_ignored_of(metric: Metric) -> Finding | None:
    """A formula is used only with ``relation = "formula"``; elsewhere it is reported, not dropped."""
    if not metric.formula or metric.relation is Relation.FORMULA:
        return None
    return finding(metric.id, Severity.WARNING, CHECK, "formula_ignored", field="formula",
                   relation=metric.relation.value)


MetricCheck = Callable[[Metric], Finding | None]

#: Every meaning check of one metric, in the order their findings are listed.
METRIC_CHECKS: tuple[MetricCheck, ...] = (
    units_disagree_of, share_units_disagree_of, product_one_factor_of, money_from_counts_of, formula_ignored_of,
)
