"""planviz: read an annual party-building work plan from Excel and show it as maps, charts and a brief."""
from .model import HeaderError, Issue, Item, Plan, PlanError, Source

__all__ = ["Plan", "Item", "Issue", "Source", "PlanError", "HeaderError"]
__version__ = "0.1.0"
