"""What every view shares: groups of the plan tree, per-dimension scores, statuses, timing, overdue work."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import re
from functools import lru_cache

from .dates import RECURRENCE_WORDS
from .model import STATUSES, Item, Plan, PlanError

UNGROUPED = "未分类"
RADAR_METRICS = {"projects": "项目数", "effort": "工作量（任务数）", "progress": "平均进度"}
QUARTERS = ("一季度", "二季度", "三季度", "四季度")
MONTH_LABELS = tuple(f"{m}月" for m in range(1, 13))


@dataclass(frozen=True)
class DimensionStat:
    """One dimension's share of the plan."""

    dimension: str
    projects: int  # projects in this dimension
    effort: int  # tasks under those projects; a project without tasks counts as one
    progress: float | None  # mean reported progress of those projects and tasks


@dataclass(frozen=True)
class KeyFigures:
    """The headline numbers of a plan."""

    sections: int
    projects: int
    tasks: int
    highlights: int
    owners: int
    progress: float | None


def percent(value: float | None, missing: str = "未填报") -> str:
    """A 0–1 share as “83%”, or ``missing`` when nothing was reported."""
    return missing if value is None else f"{value * 100:.0f}%"


def cn_date(day: date) -> str:
    """A date as 2026年3月31日."""
    return f"{day.year}年{day.month}月{day.day}日"


def month_label(day: date, year: int) -> str:
    """1月…12月 in the plan year; 次年1月 or 2025年12月 outside it."""
    if day.year == year:
        return MONTH_LABELS[day.month - 1]
    return f"次年{day.month}月" if day.year == year + 1 else f"{day.year}年{day.month}月"


def is_reported(item: Item) -> bool:
    """Whether an item reports its progress or its status."""
    return item.progress is not None or bool(item.status)


def key_figures(plan: Plan) -> KeyFigures:
    """Counts of sections, projects, tasks, highlights and owners, and overall progress."""
    return KeyFigures(len(plan.sections), len(plan.projects), len(plan.tasks), len(plan.highlights()),
                      len(plan.owners()), plan.overall_progress())


def item_dimension(plan: Plan, item: Item, by_id: dict[str, Item] | None = None) -> str | None:
    """An item's dimension, inherited from its project when the task has none."""
    if item.dimension:
        return item.dimension
    by_id = by_id if by_id is not None else plan.by_id()
    parent = by_id.get(item.parent) if item.parent else None
    return parent.dimension if parent is not None else None


def dimension_stats(plan: Plan) -> list[DimensionStat]:
    """Projects, effort and mean progress for each of the plan's dimensions, in the plan's order."""
    by_id = plan.by_id()
    tasks_of: Counter[str] = Counter(t.parent for t in plan.tasks if t.parent)
    projects: Counter[str] = Counter()
    effort: Counter[str] = Counter()
    progress: dict[str, list[float]] = {d: [] for d in plan.dimensions}
    for item in plan.items:
        if item.level == "section":
            continue
        dim = item_dimension(plan, item, by_id)
        if dim is None:
            continue
        if item.level == "project":
            projects[dim] += 1
            effort[dim] += max(1, tasks_of.get(item.id, 0))
        elif item.parent not in by_id or by_id[item.parent].level != "project":
            effort[dim] += 1  # a task hanging directly under a section
        if item.progress is not None:
            progress.setdefault(dim, []).append(item.progress)
    return [DimensionStat(d, projects[d], effort[d],
                          sum(progress[d]) / len(progress[d]) if progress.get(d) else None)
            for d in plan.dimensions]


def radar_values(plan: Plan, metric: str = "projects") -> dict[str, float]:
    """Value of each of the plan's dimensions, in plan order; progress is a percent 0–100.

    A dimension without projects (or without reported progress) is 0, never left out:
    the gap is what the reader needs to see.
    """
    if metric not in RADAR_METRICS:
        raise PlanError(f"雷达图没有「{metric}」这种指标，可选：{'、'.join(RADAR_METRICS)}")
    out: dict[str, float] = {}
    for stat in dimension_stats(plan):
        if metric == "progress":
            out[stat.dimension] = round(stat.progress * 100, 1) if stat.progress is not None else 0.0
        else:
            out[stat.dimension] = float(getattr(stat, metric))
    return out


def effective_status(item: Item) -> str:
    """The reported status, or one derived from progress when none was reported."""
    if item.status in STATUSES:
        return item.status
    if item.progress is not None and item.progress >= 1:
        return "已完成"
    if item.progress:
        return "进行中"
    return "未开始"


def work_items(plan: Plan) -> tuple[Item, ...]:
    """The items work is reported on: tasks, plus projects that have no tasks."""
    with_tasks = {t.parent for t in plan.tasks}
    return tuple(i for i in plan.items
                 if i.level == "task" or (i.level == "project" and i.id not in with_tasks))


def status_counts(plan: Plan, items: tuple[Item, ...] | None = None) -> dict[str, int]:
    """Count of each status (all five, in order) over ``items`` (default: the work items)."""
    counts = Counter(effective_status(i) for i in (items if items is not None else work_items(plan)))
    return {s: counts.get(s, 0) for s in STATUSES}


def year_bounds(plan: Plan) -> tuple[date, date]:
    """First and last day of the plan year."""
    return date(plan.year, 1, 1), date(plan.year, 12, 31)


def span_of(plan: Plan, item: Item) -> tuple[date, date] | None:
    """The dates an item's work runs over; a bare deadline runs from the plan year's start."""
    if item.end is None and item.start is None:
        return None
    first, _ = year_bounds(plan)
    start = item.start or min(first, item.end)
    end = item.end or item.start
    return (start, end) if start <= end else (end, start)


def expected_progress(plan: Plan, item: Item, on: date) -> float | None:
    """Share of an item's span elapsed on ``on`` (0–1): what its progress should be if on schedule."""
    span = span_of(plan, item)
    if span is None:
        return None
    start, end = span
    if on < start:
        return 0.0
    if on >= end:
        return 1.0
    return ((on - start).days + 1) / ((end - start).days + 1)


def _mean_expected(plan: Plan, dated: list[Item], day: date) -> float | None:
    values = [expected_progress(plan, i, day) for i in dated]
    return sum(values) / len(values) if values else None


def _dated_work(plan: Plan) -> list[Item]:
    return [i for i in work_items(plan) if span_of(plan, i)]


def planned_progress_on(plan: Plan, day: date) -> float | None:
    """Expected overall progress (0–1) on ``day``: the mean elapsed share of the dated work items."""
    return _mean_expected(plan, _dated_work(plan), day)


def planned_curve(plan: Plan, step_days: int = 7) -> list[tuple[date, float]]:
    """Expected overall progress through the plan year, sampled every ``step_days`` and on its last day."""
    first, last = year_bounds(plan)
    days = [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step_days)]
    if days[-1] != last:
        days.append(last)
    dated = _dated_work(plan)  # once, not per sampled day
    return [(day, _mean_expected(plan, dated, day) or 0.0) for day in days]


def is_overdue(item: Item, today: date) -> bool:
    """Past its end date and not finished (paused work is not overdue)."""
    if item.level == "section" or item.end is None or item.end >= today:
        return False
    status = effective_status(item)
    return status not in ("已完成", "暂缓") and not (item.progress is not None and item.progress >= 1)


def overdue_items(plan: Plan, today: date) -> tuple[Item, ...]:
    """Unfinished projects and tasks past their end date, most overdue first."""
    late = [i for i in plan.items if is_overdue(i, today)]
    return tuple(sorted(late, key=lambda i: i.end))


def owner_stats(plan: Plan) -> list[tuple[str, int, float | None]]:
    """(owner, number of work items, mean progress) for every owner, busiest first."""
    rows: dict[str, list[Item]] = {}
    for item in work_items(plan):
        for owner in item.owners:
            rows.setdefault(owner, []).append(item)
    out = []
    for owner, items in rows.items():
        values = [i.progress for i in items if i.progress is not None]
        out.append((owner, len(items), sum(values) / len(values) if values else None))
    return sorted(out, key=lambda r: (-r[1], r[0]))


def lever_counts(plan: Plan) -> dict[tuple[str, str], int]:
    """Projects for each (lever, dimension) pair — the 五大抓手 × 六度 matrix."""
    counts: Counter[tuple[str, str]] = Counter()
    for item in plan.projects:
        if item.lever and item.dimension:
            counts[(item.lever, item.dimension)] += 1
    return {(lv, d): counts.get((lv, d), 0) for lv in plan.levers for d in plan.dimensions}


# -- the plan as a tree of groups (mind map, timeline, brief) ----------------------
@dataclass(frozen=True)
class Branch:
    """A top-level work item (a project, or a task hanging under no project) and its tasks."""

    item: Item
    tasks: tuple[Item, ...]


@dataclass(frozen=True)
class Group:
    """A section or a dimension with its branches, in plan order."""

    name: str
    dimension: str | None  # set when grouping by dimension
    branches: tuple[Branch, ...]


def _ancestor(item: Item, by_id: dict[str, Item], level: str) -> Item | None:
    """The nearest item of ``level`` above ``item`` (None when there is none); cycle-safe."""
    seen = {item.id}
    parent = by_id.get(item.parent) if item.parent else None
    while parent is not None and parent.id not in seen:
        if parent.level == level:
            return parent
        seen.add(parent.id)
        parent = by_id.get(parent.parent) if parent.parent else None
    return None


def _section_of(item: Item, by_id: dict[str, Item]) -> str:
    """The section title above ``item``, else its own section text, else 未分类."""
    section = _ancestor(item, by_id, "section")
    if section is not None:
        return section.title.strip() or UNGROUPED
    return item.section.strip() or UNGROUPED


def plan_groups(plan: Plan, group_by: str = "section") -> list[Group]:
    """Every project and task of ``plan`` placed in a group; nothing is dropped.

    Sections (or the plan's dimensions) come in plan order, then names only items mention,
    then 未分类 for items without one. Grouping by dimension lists every plan dimension,
    empty ones too, so a missing dimension shows as a gap.
    """
    if group_by not in ("section", "dimension"):
        raise PlanError(f"分组方式须为 section（板块）或 dimension（维度），收到「{group_by}」")
    by_id = plan.by_id()
    tops: list[Item] = []
    tasks_of: dict[str, list[Item]] = {}
    for item in plan.items:
        if item.level == "section":
            continue
        project = _ancestor(item, by_id, "project") if item.level == "task" else None
        if project is None:
            tops.append(item)
        else:
            tasks_of.setdefault(project.id, []).append(item)

    order: dict[str, None] = {}
    if group_by == "section":
        for section in plan.sections:
            order.setdefault(section.title.strip() or UNGROUPED, None)
        key_of = {item.id: _section_of(item, by_id) for item in tops}
    else:
        for dim in plan.dimensions:
            order.setdefault(dim, None)
        key_of = {item.id: item_dimension(plan, item, by_id) or UNGROUPED for item in tops}
    for item in tops:
        if key_of[item.id] != UNGROUPED:
            order.setdefault(key_of[item.id], None)
    order.pop(UNGROUPED, None)
    if UNGROUPED in key_of.values() or not order:
        order[UNGROUPED] = None

    members: dict[str, list[Branch]] = {name: [] for name in order}
    for item in tops:
        members[key_of[item.id]].append(Branch(item, tuple(tasks_of.get(item.id, ()))))
    return [Group(name, name if group_by == "dimension" and name != UNGROUPED else None, tuple(branches))
            for name, branches in members.items()]


def when_text(item: Item) -> str:
    """An item's time in words: the plan's own wording with its dates, e.g. “3月底前（3月31日）”."""
    def day(d) -> str:
        return f"{d.month}月{d.day}日" if d.year == year else f"{d.year}年{d.month}月{d.day}日"

    year = (item.end or item.start).year if (item.end or item.start) else None
    dates = ""
    if item.start and item.end and item.start != item.end:
        dates = f"{day(item.start)}—{day(item.end)}"
    elif item.end or item.start:
        dates = day(item.end or item.start)
    text = item.deadline_text.strip()
    if text and dates and text != dates:
        return f"{text}（{dates}）"
    return text or dates or "时间待定"


# -- the plan's own health, against the six-dimension model and the five project elements ----------
@dataclass(frozen=True)
class Check:
    """One line of the plan check: a name, whether it passes, and what is found or missing."""

    name: str
    ok: bool
    detail: str


def plan_checks(plan: Plan) -> list[Check]:
    """How the plan measures up to good practice: six dimensions covered, 1–2 highlight projects,
    projects with all five elements, named owners, dates on the timeline, progress reported."""
    covered = [s.dimension for s in dimension_stats(plan) if s.projects]
    missing = [d for d in plan.dimensions if d not in covered]
    highlights = len(plan.highlights())
    projects = plan.projects
    complete = sum(1 for p in projects if not p.missing_elements())
    work = work_items(plan)
    owned = sum(1 for i in work if i.owners)
    dated = sum(1 for i in work if span_of(plan, i) or i.recurrence)
    reported = sum(1 for i in work if is_reported(i))

    def share(n: int, total: int, noun: str) -> str:
        return f"{n}/{total} {noun}" if total else f"暂无{noun}"

    return [
        Check("六度覆盖", not missing,
              f"{len(covered)}/{len(plan.dimensions)} 个维度有项目" + (f"，缺少{'、'.join(missing)}" if missing else "")),
        Check("亮点项目", 1 <= highlights <= 3,
              f"{highlights} 个" + ("" if highlights else "，建议确定 1–2 个特色项目")),
        Check("项目化五要素", bool(projects) and complete == len(projects),
              share(complete, len(projects), "个项目要素齐全")),
        Check("责任到人", bool(work) and owned == len(work), share(owned, len(work), "项有负责人")),
        Check("时间节点", bool(work) and dated == len(work), share(dated, len(work), "项时间明确")),
        Check("进度填报", bool(work) and reported == len(work), share(reported, len(work), "项已填报进度或状态")),
    ]


# -- words a reader of a printed page needs: short titles, timing, work per quarter -------------------
# A clause ends at these marks, but never inside a quoted or bracketed name.
_CLAUSE_END = "，。；;！？"
_OPENERS = {"《": "》", "“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "‘": "’"}
_NUMBERING = re.compile(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.．、]|[①-⑳])\s*")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted or bracketed name (《…》 “…” （…） …): places a line never breaks."""
    spans, stack = [], []
    for n, ch in enumerate(text):
        if ch in _OPENERS:
            stack.append((n, _OPENERS[ch]))
        elif stack and ch == stack[-1][1]:
            start, _ = stack.pop()
            if not stack:
                spans.append((start, n + 1))
    return spans


def short_title(item: Item) -> str:
    """What a page calls an item: its 简称 when the plan gives one, else its title's first clause
    (cut only at a clause mark outside quotes), without leading numbering like 1、 or （一）."""
    if item.short_title.strip():
        return " ".join(item.short_title.split())
    return _first_clause(item.title)


@lru_cache(maxsize=16384)
def _first_clause(text: str) -> str:
    title = _NUMBERING.sub("", " ".join(text.split())) or text.strip()
    inside = {n for a, b in quoted_spans(title) for n in range(a, b)}
    for n, ch in enumerate(title):
        if ch in _CLAUSE_END and n not in inside and n >= 4:  # a clause of 1–3 characters is no title
            return title[:n]
    return title.rstrip("。")


def _month_span(a: date, b: date) -> str | None:
    """“6—8月” / “6月” when the span covers whole months of one year, else None."""
    if a.day != 1 or (b + timedelta(days=1)).day != 1 or a.year != b.year:
        return None
    return f"{a.month}月" if a.month == b.month else f"{a.month}—{b.month}月"


def timing_words(item: Item, year: int) -> str:
    """An item's timing in a few words beside its bar: the plan's own wording (3月底前, 每月, 6—8月),
    else words made from its dates; “时间待定” when it has none."""
    text = " ".join(item.deadline_text.split())
    if text:
        return text
    if item.recurrence:
        return RECURRENCE_WORDS.get(item.recurrence, "")
    if item.end is None and item.start is None:
        return "时间待定"

    def day(d: date) -> str:
        return f"{d.month}月{d.day}日" if d.year == year else f"{d.year}年{d.month}月{d.day}日"

    if item.start is None:
        return f"{day(item.end)}前"
    end = item.end or item.start
    if item.start == end:
        return day(end)
    if (item.start, end) == year_bounds(Plan(year)):
        return "全年"
    return _month_span(item.start, end) or f"{day(item.start)}—{day(end)}"


@dataclass(frozen=True)
class QuarterLoad:
    """Work items active in each quarter (an item running June–August counts in Q2 and Q3),
    how many of them run all year, and how many have no dates."""

    active: tuple[int, int, int, int]
    yearlong: int
    undated: int

    @property
    def busiest(self) -> int:
        """0-based index of the quarter with the most active work (the first on a tie)."""
        return self.active.index(max(self.active))


def quarter_load(plan: Plan) -> QuarterLoad:
    """Work per quarter counted by the period each work item is active, so year-round work shows in
    every quarter; a bare deadline (3月底前) has no known start and counts in its deadline's quarter."""
    active, yearlong, undated = [0, 0, 0, 0], 0, 0
    first, last = year_bounds(plan)
    for item in work_items(plan):
        span = span_of(plan, item)
        if span is None:
            undated += 1
            continue
        a, b = max(span[0] if item.start else span[1], first), min(span[1], last)
        if a > b:
            continue
        if (a, b) == (first, last):
            yearlong += 1
        for q in range((a.month - 1) // 3, (b.month - 1) // 3 + 1):
            active[q] += 1
    return QuarterLoad(tuple(active), yearlong, undated)


def default_edition(plan: Plan, day: date) -> str:
    """The edition (vocab.EDITIONS) a day calls for: the plan before its year starts, progress from then on."""
    return "plan" if day < date(plan.year, 1, 1) else "progress"
