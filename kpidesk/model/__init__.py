"""The plan model: metrics, relations, recalculation and checks. No Qt here, ever."""

from kpidesk.model.findings import Finding, Severity
from kpidesk.model.metric import Kind, Metric, Relation
from kpidesk.model.plan import Plan, PlanError

__all__ = ["Finding", "Kind", "Metric", "Plan", "PlanError", "Relation", "Severity"]
