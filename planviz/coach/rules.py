"""The plan's own checks: highlights, six-dimension coverage, five elements, owners and timing."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Item, Plan
from ..stats import dimension_stats, span_of, work_items, year_bounds
from ..vocab import DIMENSION_MEANINGS
from .findings import Finding

MAX_HIGHLIGHTS = 2  # practice: one or two signature projects
THIN_SHARE = 0.4  # a dimension under 40% of the plan's average is far below it
OWNER_SHARE = 0.5  # one person owning more than half of the work
MIN_OWNED = 4  # fewer owned items than this say nothing about load
CLUSTER_SHARE = 0.4  # this share of the deadlines in one month is a pile-up
MIN_CLUSTER = 5  # …and at least this many of them
MIN_DEADLINES = 8
DEADLINE_SPAN_DAYS = 92  # a span longer than a quarter is a stretch of work, not a deadline
# Words that name a signature project when the plan marks none (Word plans have no 亮点 column).
_SIGNATURE = re.compile(r"亮点|特色|品牌|书记项目|示范(?:点|支部|党支部)|标杆|样板")
# Owner cells that name a body, not one person: they cannot be overloaded.
_COLLECTIVE = re.compile(r"全体|各|所有|班子|委员会|支委会|^支委$|^党员$|(?:部|办|科|室|处|所|中心|组|队|支部|总支|党委)$")


def highlight_findings(plan: Plan) -> list[Finding]:
    """highlights_none when no project is (or is named as) a signature one; highlights_many above two."""
    marked = plan.highlights()
    if len(marked) > MAX_HIGHLIGHTS:
        return [Finding("highlights_many", "warning",
                        f"亮点项目有 {len(marked)} 个，多了就不成其为亮点：请集中力量保留 1–2 个最能解决本单位实际问题的，"
                        "其余作为一般重点项目。",
                        items=tuple(i.id for i in marked), detail={"count": len(marked)})]
    if marked or any(_SIGNATURE.search(f"{p.section} {p.title}") for p in plan.projects):
        return []
    return [Finding("highlights_none", "warning",
                    "计划还没有亮点项目：请从本单位的难点、痛点中选定 1–2 个特色项目，起好品牌名称，"
                    "在计划中标明为亮点（Excel 计划在“亮点”列填“是”），并写明目标和成效。")]


def dimension_findings(plan: Plan) -> list[Finding]:
    """dimension_missing for a dimension with no work; dimension_thin for one far below the plan's average."""
    stats = dimension_stats(plan)
    if not any(s.effort for s in stats):
        return []  # nothing is placed on a dimension: the radar has nothing to say
    mean = sum(s.effort for s in stats) / len(stats)
    mean_projects = sum(s.projects for s in stats) / len(stats)
    out = []
    for s in stats:
        if s.effort == 0:
            out.append(Finding("dimension_missing", "warning",
                               f"六度中的「{s.dimension}」没有安排任何工作：请补充相应的项目或任务"
                               f"（如{_example(s.dimension)}）。",
                               detail={"dimension": s.dimension}))
        elif s.effort < THIN_SHARE * mean and s.projects <= mean_projects / 2:
            out.append(Finding("dimension_thin", "info",
                               f"「{s.dimension}」只有 {s.effort} 项工作，远低于各维度平均的 {mean:.1f} 项："
                               f"请充实这一维度（如{_example(s.dimension)}）。",
                               items=tuple(i.id for i in _of_dimension(plan, s.dimension)),
                               detail={"dimension": s.dimension, "effort": s.effort, "average": round(mean, 1)}))
    return out


def _of_dimension(plan: Plan, dimension: str) -> list[Item]:
    return [p for p in plan.items if p.level != "section" and p.dimension == dimension]


def _example(dimension: str) -> str:
    return f"{DIMENSION_MEANINGS[dimension]}方面的工作" if dimension in DIMENSION_MEANINGS else "这一方面的工作"


def element_findings(plan: Plan) -> list[Finding]:
    """elements_incomplete for each project lacking any of the five elements (项目化)."""
    out = []
    for project in plan.projects:
        missing = project.missing_elements()
        if missing:
            out.append(Finding("elements_incomplete", "warning",
                               f"项目「{project.title}」缺少项目化五要素中的{'、'.join(missing)}：请补写，"
                               "让每个重点项目都有目标、负责人、时间节点、成果形式和评估标准。",
                               items=(project.id,), detail={"missing": missing}))
    return out


def _owners(item: Item, by_id: dict[str, Item]) -> tuple[str, ...]:
    """An item's owners; a task without its own answers to its project's."""
    if item.owners or item.parent not in by_id:
        return item.owners
    return by_id[item.parent].owners


def owner_findings(plan: Plan) -> list[Finding]:
    """owner_overload when one person owns more than half of the owned work items."""
    by_id = plan.by_id()
    owned = [(i, _owners(i, by_id)) for i in work_items(plan)]
    owned = [(i, people) for i, people in owned if people]
    if len(owned) < MIN_OWNED:
        return []
    load = Counter(p for _, people in owned for p in set(people) if not _COLLECTIVE.search(p))
    out = []
    for person, count in load.most_common():
        if count <= OWNER_SHARE * len(owned):
            break
        out.append(Finding("owner_overload", "warning",
                           f"「{person}」一人负责 {count} 项工作，超过全部 {len(owned)} 项的一半：请把任务分给其他支委和党员，"
                           "做到责任到人、人人有责。",
                           items=tuple(i.id for i, people in owned if person in people),
                           detail={"owner": person, "count": count, "total": len(owned)}))
    return out


def _deadline_month(plan: Plan, item: Item) -> int | None:
    """The month an item falls due, or None for rhythms, long stretches and "by year end" standing work."""
    span = span_of(plan, item)
    if span is None or item.recurrence or item.end is None or item.end.year != plan.year:
        return None
    first, last = year_bounds(plan)
    if item.end == last and item.start in (None, first):
        return None  # 年底前 / 全年: the work runs all year
    if item.start is not None and (span[1] - span[0]).days > DEADLINE_SPAN_DAYS:
        return None
    return item.end.month


def deadline_findings(plan: Plan) -> list[Finding]:
    """deadline_cluster when a large share of the deadlines fall in one month."""
    due = [(i, _deadline_month(plan, i)) for i in work_items(plan)]
    due = [(i, m) for i, m in due if m is not None]
    if len(due) < MIN_DEADLINES:
        return []
    out = []
    for month, count in sorted(Counter(m for _, m in due).items()):
        if count >= MIN_CLUSTER and count >= CLUSTER_SHARE * len(due):
            out.append(Finding("deadline_cluster", "warning",
                               f"{count} 项工作（占有时限工作的 {count / len(due):.0%}）都在 {month} 月到期，"
                               "届时难以兼顾：请按轻重缓急错开时间节点，把部分工作分到其他月份。",
                               items=tuple(i.id for i, m in due if m == month),
                               detail={"month": month, "count": count, "total": len(due)}))
    return out


def timing_findings(plan: Plan) -> list[Finding]:
    """vague_timing for work that says no usable time (neither dates nor a rhythm), nor does its project."""
    by_id = plan.by_id()

    def usable(item: Item) -> bool:
        return bool(span_of(plan, item) or item.recurrence)

    timed_parents = {i.parent for i in plan.items if i.level == "task" and usable(i)}
    # A task answers to its project's time; a project's time may be its tasks' dates.
    vague = [i for i in plan.items if i.level != "section" and not usable(i) and i.id not in timed_parents
             and not (i.parent in by_id and by_id[i.parent].level == "project" and usable(by_id[i.parent]))]
    if not vague:
        return []
    said = [i.deadline_text for i in vague if i.deadline_text.strip()]
    return [Finding("vague_timing", "warning",
                    f"{len(vague)} 项工作没有明确的时间" + (f"（写的是“{said[0]}”等）" if said else "") +
                    "：请写明完成时限（如“3月底前”“第二季度”）或频次（如“每月”），以便排进时间轴和督促落实。",
                    items=tuple(i.id for i in vague), detail={"count": len(vague)})]


def plan_findings(plan: Plan) -> list[Finding]:
    """Every check that needs only this year's plan, except the routine calendar."""
    return (highlight_findings(plan) + dimension_findings(plan) + element_findings(plan)
            + owner_findings(plan) + deadline_findings(plan) + timing_findings(plan))
