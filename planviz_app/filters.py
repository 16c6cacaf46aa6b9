"""Narrow a plan to the work items matching the page filters, keeping their sections and projects."""
from __future__ import annotations

from planviz.model import Plan
from planviz.stats import effective_status, item_dimension


def filter_plan(plan: Plan, *, dimensions=(), sections=(), owners=(), statuses=()) -> Plan:
    """Projects and tasks matching every non-empty filter, plus the items above them.

    A project matches when it or one of its tasks matches, so a project stays visible for the
    tasks of the chosen owner; an empty filter lets everything through.
    """
    if not (dimensions or sections or owners or statuses):
        return plan
    by_id = plan.by_id()

    def section_of(item) -> str:
        if item.section:
            return item.section
        parent = by_id.get(item.parent or "")
        return section_of(parent) if parent is not None else ""

    def matches(item) -> bool:
        return ((not dimensions or item_dimension(plan, item, by_id) in dimensions)
                and (not sections or section_of(item) in sections)
                and (not owners or set(item.owners) & set(owners))
                and (not statuses or effective_status(item) in statuses))

    keep: set[str] = set()
    for item in plan.items:
        if item.level != "section" and matches(item):
            node = item
            while node is not None and node.id not in keep:  # the item and everything above it
                keep.add(node.id)
                node = by_id.get(node.parent or "")
    return plan.with_items(i for i in plan.items if i.id in keep)


def section_names(plan: Plan) -> list[str]:
    """Section names in plan order (section items first, then names only written on items)."""
    seen: dict[str, None] = {s.title: None for s in plan.sections}
    for item in plan.items:
        if item.section:
            seen.setdefault(item.section, None)
    return list(seen)
