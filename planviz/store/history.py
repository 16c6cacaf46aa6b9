"""A plan through the year, without the database: the plan as it stood on a day (versions + progress
events), what changed between two versions, progress over time and the items that slipped, by month."""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..model import Item, Plan, PlanError
from ..stats import dimension_stats, effective_status, plan_groups, work_items


@dataclass(frozen=True)
class ProgressEvent:
    """One report on one item: the new status and/or progress (None: unchanged) and a note."""

    item_id: str
    day: date
    status: str | None
    progress: float | None
    note: str
    who: str
    recorded_at: datetime


@dataclass(frozen=True)
class Snapshot:
    """One saved version's plan and when it counts from."""

    number: int
    as_of: date
    saved_at: datetime
    plan: Plan


@dataclass(frozen=True)
class VersionChange:
    """Items added, removed and with new progress or status, between an older and a newer plan."""

    added: tuple[Item, ...]
    removed: tuple[Item, ...]
    updated: tuple[tuple[Item, Item], ...]  # (before, after)

    def summary(self) -> str:
        """E.g. “新增 3 项，删除 1 项，12 项进度有更新”."""
        return f"新增 {len(self.added)} 项，删除 {len(self.removed)} 项，{len(self.updated)} 项进度有更新"


def apply_events(plan: Plan, events: list[ProgressEvent]) -> Plan:
    """``plan`` with ``events`` applied in order (day, then recording time); unknown items are ignored."""
    by_id = plan.by_id()
    for e in sorted(events, key=lambda e: (e.day, e.recorded_at)):
        item = by_id.get(e.item_id)
        if item is None:
            continue
        changes = {}
        if e.status is not None:
            changes["status"] = e.status
        if e.progress is not None:
            changes["progress"] = e.progress
        if e.note:
            changes["notes"] = e.note
        by_id[e.item_id] = dataclasses.replace(item, **changes)
    return plan.with_items(by_id[i.id] for i in plan.items)


def snapshot_on(snapshots: list[Snapshot], day: date) -> Snapshot:
    """The newest version that counts on ``day`` (as-of date on or before it)."""
    ready = [s for s in snapshots if s.as_of <= day]
    if not ready:
        raise PlanError(f"{day.isoformat()} 之前还没有保存过这份计划")
    return max(ready, key=lambda s: (s.as_of, s.number))


def plan_on(snapshots: list[Snapshot], events: list[ProgressEvent], day: date) -> Plan:
    """The plan as it stood at the end of ``day``: the version then in force, and every later report
    up to that day (a report counts when it is dated after the version, or was recorded after it)."""
    return version_on(snapshot_on(snapshots, day), events, day)


def version_on(base: Snapshot, events: list[ProgressEvent], day: date) -> Plan:
    """One version's plan with the reports that came after it, up to the end of ``day``."""
    after = [e for e in events if e.day <= day and (e.day > base.as_of or e.recorded_at > base.saved_at)]
    return apply_events(base.plan, after)


def _text_key(item: Item) -> str:
    return re.sub(r"[\s，,。、.；;：:（）()“”\"'-]+", "", item.title)


def match_items(old: Plan, new: Plan) -> list[tuple[Item, Item]]:
    """Pairs (old, new) of the same work: same id and title, then same title, then same id."""
    old_left = {i.id: i for i in old.items}
    new_left = {i.id: i for i in new.items}
    pairs = []

    def take(o: Item, n: Item) -> None:
        pairs.append((o, n))
        del old_left[o.id], new_left[n.id]

    for n in list(new_left.values()):
        o = old_left.get(n.id)
        if o is not None and _text_key(o) == _text_key(n):
            take(o, n)
    by_text = defaultdict(list)
    for o in old_left.values():
        by_text[_text_key(o)].append(o)
    for n in list(new_left.values()):
        candidates = by_text.get(_text_key(n))
        if candidates:
            take(candidates.pop(0), n)
    for n in list(new_left.values()):
        if n.id in old_left:
            take(old_left[n.id], n)
    return pairs


def diff(old: Plan, new: Plan) -> VersionChange:
    """What changed from ``old`` to ``new``; sections are structure, not work, and are not counted."""
    pairs = match_items(old, new)
    matched_old = {o.id for o, _ in pairs}
    matched_new = {n.id for _, n in pairs}
    added = tuple(i for i in new.items if i.id not in matched_new and i.level != "section")
    removed = tuple(i for i in old.items if i.id not in matched_old and i.level != "section")
    updated = tuple((o, n) for o, n in pairs if n.level != "section"
                    and (o.progress != n.progress or effective_status(o) != effective_status(n)))
    return VersionChange(added, removed, updated)


@dataclass(frozen=True)
class ProgressPoint:
    """Overall progress on one day, and by section and by dimension (None: nothing reported)."""

    day: date
    overall: float | None
    by_section: dict[str, float | None]
    by_dimension: dict[str, float | None]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def progress_point(plan: Plan, day: date) -> ProgressPoint:
    sections = {g.name: _mean([i.progress for b in g.branches for i in (b.item, *b.tasks) if i.progress is not None])
                for g in plan_groups(plan, "section")}
    dimensions = {d.dimension: d.progress for d in dimension_stats(plan)}
    return ProgressPoint(day, plan.overall_progress(), sections, dimensions)


def report_days(snapshots: list[Snapshot], events: list[ProgressEvent], until: date) -> list[date]:
    """Every day something was reported (a version's as-of date or an event), and ``until``, in order."""
    days = {s.as_of for s in snapshots} | {e.day for e in events}
    first = min((s.as_of for s in snapshots), default=until)
    return sorted(d for d in days | {until} if first <= d <= until)


def progress_over_time(snapshots: list[Snapshot], events: list[ProgressEvent], until: date) -> list[ProgressPoint]:
    """The reported progress on each report day up to ``until``."""
    return [progress_point(plan_on(snapshots, events, d), d) for d in report_days(snapshots, events, until)]


def last_report_before(snapshots: list[Snapshot], events: list[ProgressEvent], day: date) -> date | None:
    """The latest report day before ``day`` (what “since the last report” counts from)."""
    earlier = [d for d in report_days(snapshots, events, day) if d < day]
    return earlier[-1] if earlier else None


def changes_between(snapshots: list[Snapshot], events: list[ProgressEvent], since: date,
                    until: date) -> VersionChange:
    """What changed between the end of ``since`` and the end of ``until``."""
    return diff(plan_on(snapshots, events, since), plan_on(snapshots, events, until))


def _month_ends(year: int, until: date) -> list[date]:
    ends = []
    for month in range(1, 13):
        end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        if date(year, month, 1) <= until:
            ends.append(min(end, until))
    return ends


def slipped_by_month(snapshots: list[Snapshot], events: list[ProgressEvent], until: date) -> dict[int, tuple[Item, ...]]:
    """Month (1–12) → work items whose deadline fell in that month, up to ``until``, and that were not
    已完成 on their deadline, as the plan stood then (paused work has not slipped)."""
    plan = plan_on(snapshots, events, until)
    slipped: dict[int, tuple[Item, ...]] = {}
    for month_end in _month_ends(plan.year, until):
        due = [i for i in work_items(plan) if i.end and i.end.year == plan.year and i.end.month == month_end.month
               and i.end < until]
        late = []
        for item in due:
            try:
                then = plan_on(snapshots, events, item.end).get(item.id) or item
            except PlanError:  # due before the first save: judged by the first version
                then = item
            if effective_status(then) not in ("已完成", "暂缓"):
                late.append(item)
        slipped[month_end.month] = tuple(late)
    return slipped


__all__ = ["ProgressEvent", "Snapshot", "VersionChange", "ProgressPoint", "apply_events", "plan_on",
           "snapshot_on", "version_on", "match_items", "diff", "progress_point", "progress_over_time", "report_days",
           "last_report_before", "changes_between", "slipped_by_month"]
