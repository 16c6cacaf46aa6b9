"""The committee's branches from the store: each organization of a subtree with its plan as of a day."""
from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..committee import BranchPlan
from ..model import Plan
from . import history
from .api import Store
from .auth import Actor
from .codec import plan_from_json
from .models import Event, Org, PlanRow, Version
from .review import _events, approved_on, review_state

_CACHE_SIZE = 4096  # decoded versions and built branches kept per process: versions never change
_lock = threading.Lock()
# (database, version id, saved at) → decoded plan; the time tells a restored workspace's version apart.
_plans: OrderedDict[tuple, Plan] = OrderedDict()
_built: OrderedDict[tuple, BranchPlan] = OrderedDict()  # what went into a branch → the branch


def _remember(cache: OrderedDict, key, make):
    with _lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    value = make()
    with _lock:
        cache[key] = value
        while len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
    return value


def _tree_order(orgs: list[Org], root: int, members: set[int]) -> list[Org]:
    """The subtree depth first from ``root``, children in the order they were added."""
    children: dict[int | None, list[Org]] = {}
    for o in orgs:
        children.setdefault(o.parent_id, []).append(o)
    by_id = {o.id: o for o in orgs}
    out, todo = [], [by_id[root]]
    while todo:
        current = todo.pop()
        if current.id in members:
            out.append(current)
            todo.extend(reversed(children.get(current.id, [])))
    return out


def branch_plans(store: Store, actor: Actor, org: str, *, year: int | None = None, as_of: date | None = None,
                 with_history: bool = False) -> list[BranchPlan]:
    """Every organization of ``org``'s subtree (itself first) with its ``year`` plan as it stood on ``as_of``.

    ``org`` must be visible to ``actor`` (a committee member sees its own subtree only). The plan is
    the version then in force with the progress reported up to that day, its review state on that
    day, and ``approved_on`` set when that version (or an earlier one) was approved. With
    ``with_history`` each branch carries its overall progress on every report day.
    """
    day = as_of or store.today()
    year = year or day.year
    root = store.org(actor, org)

    def work(s: Session) -> list[BranchPlan]:
        members = store._subtree(s, root.id)
        orgs = _tree_order(store._all_orgs(s), root.id, members)
        parents = {o.id: o.name for o in orgs}
        rows = {r.org_id: r for r in s.scalars(select(PlanRow).where(
            PlanRow.org_id.in_(members), PlanRow.year == year, PlanRow.deleted_at.is_(None)))}
        plan_ids = [r.id for r in rows.values()]
        versions: dict[int, list] = {}
        for v in s.execute(select(Version.id, Version.plan_id, Version.number, Version.as_of, Version.saved_at)
                           .where(Version.plan_id.in_(plan_ids)).order_by(Version.number)):
            versions.setdefault(v.plan_id, []).append(v)
        events: dict[int, list[history.ProgressEvent]] = {}
        last_event: dict[int, int] = {}
        for e in s.execute(select(Event.id, Event.plan_id, Event.item_id, Event.day, Event.status, Event.progress,
                                  Event.note, Event.recorded_by, Event.recorded_at)
                           .where(Event.plan_id.in_(plan_ids), Event.day <= day).order_by(Event.id)):
            events.setdefault(e.plan_id, []).append(history.ProgressEvent(
                e.item_id, e.day, e.status, e.progress, e.note or "", e.recorded_by, e.recorded_at))
            last_event[e.plan_id] = e.id
        reviews = _events(s, plan_ids)

        def decoded(version) -> Plan:
            return _remember(_plans, (store.url, version.id, version.saved_at), lambda: plan_from_json(s.scalar(
                select(Version.plan_json).where(Version.id == version.id))))

        out = []
        for o in orgs:
            parent = parents.get(o.parent_id) if o.id != root.id else None
            row = rows.get(o.id)
            ready = [v for v in versions.get(row.id, []) if v.as_of <= day] if row else []
            if not ready:
                out.append(BranchPlan(o.name, parent=parent))
                continue
            steps = [e for e in reviews.get(row.id, []) if e.day <= day]
            current = history.snapshot_on([history.Snapshot(v.number, v.as_of, v.saved_at, None) for v in ready], day)
            chosen = next(v for v in ready if v.number == current.number)
            key = (store.url, o.name, parent, chosen.id, chosen.saved_at, len(ready), last_event.get(row.id), len(events.get(row.id, [])),
                   max((e.id for e in steps), default=None), day, with_history)
            out.append(_remember(_built, key, lambda: _branch(o.name, parent, ready, chosen, events.get(row.id, []),
                                                              steps, day, decoded, with_history)))
        return out
    return store._read(work)


def _branch(name: str, parent: str | None, ready: list, chosen, events: list[history.ProgressEvent], steps: list,
            day: date, decoded, with_history: bool) -> BranchPlan:
    """One branch from its versions in force by ``day`` (``chosen`` the one then current), reports and steps."""
    base = history.Snapshot(chosen.number, chosen.as_of, chosen.saved_at, decoded(chosen))
    plan = history.version_on(base, events, day)
    approved = approved_on(steps, chosen.number)
    if approved is not None:
        plan = plan.replace(approved_on=approved)
    line: tuple = ()
    if with_history:
        full = [history.Snapshot(v.number, v.as_of, v.saved_at, decoded(v)) for v in ready]
        line = tuple((d, history.plan_on(full, events, d).overall_progress())
                     for d in history.report_days(full, events, day))
        line = tuple((d, p) for d, p in line if p is not None)
    last = max([e.day for e in events] + [chosen.as_of])
    return BranchPlan(name, plan, review_state(steps, chosen.number), chosen.number, chosen.saved_at.date(), last,
                      line, parent)
