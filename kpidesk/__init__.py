"""kpidesk: a desktop planner for KGI/KPI trees."""

__version__ = "0.1.0"
