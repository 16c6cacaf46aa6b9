"""The committee's view over its branches' plans: one row per organization, sorting, filters and rankings."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Plan
from .stats import (dimension_stats, overdue_items, percent, planned_progress_on, span_of, work_items)
from .vocab import ELEMENTS, REVIEW_STATE_NAMES, REVIEW_STATES


@dataclass(frozen=True)
class BranchPlan:
    """One organization of the subtree and its plan as it stood on the as-of date (None: no plan yet)."""

    org: str
    plan: Plan | None = None
    state: str = "none"  # one of REVIEW_STATES
    version: int | None = None
    version_date: date | None = None  # when the latest version was saved
    last_update: date | None = None  # latest progress report (default: the version's date)
    history: tuple[tuple[date, float], ...] = ()  # overall progress (0–1) on past days, oldest first
    parent: str | None = None  # the organization above it, for grouping

    def __post_init__(self):
        if self.state not in REVIEW_STATES:
            raise ValueError(f"unknown review state {self.state!r}")
        if self.plan is None and self.state != "none":
            raise ValueError(f"{self.org}: state {self.state!r} without a plan")


@dataclass(frozen=True)
class Part:
    """One part of a plan's completeness: its name, a share 0–1 and what was found, in words."""

    name: str
    share: float
    detail: str


@dataclass(frozen=True)
class CommitteeRow:
    """What the committee table shows of one organization on the as-of date."""

    org: str
    parent: str | None
    state: str
    version: int | None
    version_date: date | None
    last_update: date | None
    year: int | None
    items: int  # every item of the plan (sections, projects, tasks)
    projects: int
    tasks: int
    highlights: tuple[str, ...]  # highlight project titles
    dimensions: tuple[str, ...]  # the plan's own dimensions
    covered: tuple[str, ...]  # dimensions with at least one project
    progress: float | None  # overall reported progress, 0–1 (as in the progress views)
    planned: float | None  # expected progress on the as-of date, 0–1
    overdue: tuple[str, ...]  # titles of overdue projects and tasks, most overdue first
    parts: tuple[Part, ...]  # completeness of the plan (empty without a plan)

    @property
    def has_plan(self) -> bool:
        """Whether the organization has a plan at all."""
        return self.year is not None

    @property
    def state_name(self) -> str:
        """The review state in Chinese."""
        return REVIEW_STATE_NAMES[self.state]

    @property
    def missing(self) -> tuple[str, ...]:
        """The plan's dimensions without any project."""
        return tuple(d for d in self.dimensions if d not in self.covered)

    @property
    def gap(self) -> float | None:
        """Reported minus expected progress (0–1 points): above zero is ahead of the plan."""
        if self.progress is None or self.planned is None:
            return None
        return self.progress - self.planned

    @property
    def completeness(self) -> float | None:
        """Mean of the completeness parts, 0–1; None without a plan."""
        return sum(p.share for p in self.parts) / len(self.parts) if self.parts else None


def _parts(plan: Plan, covered: tuple[str, ...]) -> tuple[Part, ...]:
    """How complete the plan is as a plan: dimensions, highlights, five elements, owners and dates."""
    dims = plan.dimensions
    missing = [d for d in dims if d not in covered]
    n_high = len(plan.highlights())
    projects = plan.projects
    work = work_items(plan)
    whole = sum(1 for p in projects if not p.missing_elements())
    owned = sum(1 for i in work if i.owners)
    dated = sum(1 for i in work if span_of(plan, i) or i.recurrence)
    high_share = 1.0 if 1 <= n_high <= 3 else 0.5 if n_high > 3 else 0.0
    high_text = f"亮点项目 {n_high} 个" + ("（偏多，宜聚焦 1–2 个）" if n_high > 3 else "" if n_high else "（尚未确定）")
    element_share = (sum(len(ELEMENTS) - len(p.missing_elements()) for p in projects) / (len(ELEMENTS) * len(projects))
                     if projects else 0.0)

    def share(n: int, total: int) -> float:
        return n / total if total else 0.0

    return (
        Part("六度覆盖", share(len(covered), len(dims)),
             f"六度覆盖 {len(covered)}/{len(dims)}" + (f"（缺{'、'.join(missing)}）" if missing else "")),
        Part("亮点项目", high_share, high_text),
        Part("项目化五要素", element_share,
             f"{whole}/{len(projects)} 个项目五要素齐全" if projects else "没有项目化的重点项目"),
        Part("责任到人", share(owned, len(work)), f"{percent(share(owned, len(work)))} 的事项有负责人"),
        Part("时间节点", share(dated, len(work)), f"{percent(share(dated, len(work)))} 的事项时间明确"),
    )


def committee_row(branch: BranchPlan, as_of: date) -> CommitteeRow:
    """The table row of one organization on ``as_of``; every figure comes from its own plan."""
    plan = branch.plan
    last = branch.last_update or branch.version_date
    if plan is None:
        return CommitteeRow(branch.org, branch.parent, branch.state, branch.version, branch.version_date, last,
                            None, 0, 0, 0, (), (), (), None, None, (), ())
    stats = dimension_stats(plan)
    # A plan without projects lists its work items instead (as the brief does): then tasks cover dimensions.
    covered = tuple(s.dimension for s in stats if s.projects or (not plan.projects and s.effort))
    return CommitteeRow(
        branch.org, branch.parent, branch.state, branch.version, branch.version_date, last, plan.year,
        len(plan.items), len(plan.projects), len(plan.tasks), tuple(p.title for p in plan.highlights()),
        plan.dimensions, covered, plan.overall_progress(), planned_progress_on(plan, as_of),
        tuple(i.title for i in overdue_items(plan, as_of)), _parts(plan, covered))


def committee_rows(branches: list[BranchPlan], as_of: date) -> tuple[CommitteeRow, ...]:
    """One row per organization, in the order given."""
    return tuple(committee_row(b, as_of) for b in branches)


# -- sorting and filtering --------------------------------------------------------------------------
SORT_KEYS: dict[str, str] = {
    "tree": "组织架构顺序", "org": "组织名称", "state": "审议状态", "progress": "实际进度", "gap": "进度差（实际 − 应达）",
    "overdue": "逾期事项", "completeness": "计划完整度", "covered": "六度覆盖", "highlights": "亮点项目",
    "projects": "项目数", "tasks": "任务数", "last_update": "最近更新", "version_date": "最近版本",
}


def _sort_value(row: CommitteeRow, key: str):
    if key == "state":
        return REVIEW_STATES.index(row.state)
    if key == "overdue":
        return len(row.overdue) if row.has_plan else None
    if key in ("covered", "highlights"):
        return len(getattr(row, key)) if row.has_plan else None
    return getattr(row, key)


def sort_rows(rows, by: str = "tree", descending: bool = False) -> list[CommitteeRow]:
    """Rows sorted by one of SORT_KEYS; rows without a value (no plan, nothing reported) always come last."""
    if by not in SORT_KEYS:
        raise ValueError(f"unknown sort key {by!r}")
    if by == "tree":  # the order given: the organization tree, depth first
        return list(rows)[::-1] if descending else list(rows)
    have = [r for r in rows if _sort_value(r, by) is not None]
    lack = [r for r in rows if _sort_value(r, by) is None]
    return sorted(have, key=lambda r: (_sort_value(r, by), r.org), reverse=descending) + lack


FILTERS: dict[str, str] = {
    "no_plan": "尚未提交计划", "behind": "进度落后于计划", "overdue": "有逾期事项",
    "no_highlight": "缺少亮点项目", "missing_dimension": "六度有缺项",
}


_TESTS = {
    "no_plan": lambda r: not r.has_plan,
    "behind": lambda r: r.gap is not None and r.gap < 0,
    "overdue": lambda r: bool(r.overdue),
    "no_highlight": lambda r: r.has_plan and not r.highlights,
    "missing_dimension": lambda r: r.has_plan and bool(r.missing),
}


def filter_rows(rows, *, states=(), search: str = "", only=()) -> list[CommitteeRow]:
    """Rows in one of ``states`` (all when empty), whose name contains ``search``, meeting every filter in ``only``."""
    unknown = [name for name in only if name not in FILTERS]
    if unknown:
        raise ValueError(f"unknown filters {unknown}")
    needle = search.strip()
    return [r for r in rows if (not states or r.state in states) and needle in r.org
            and all(_TESTS[name](r) for name in only)]


# -- table, summary, JSON ------------------------------------------------------------------------------
TABLE_COLUMNS = ("组织", "审议状态", "版本", "最近版本", "项目", "任务", "亮点项目", "六度覆盖", "缺少维度",
                 "实际进度", "应达进度", "逾期", "最近更新", "计划完整度")


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def table_records(rows) -> list[dict]:
    """The table as records with Chinese column names; percents are numbers 0–100 (None: no figure)."""
    out = []
    for r in rows:
        out.append(dict(zip(TABLE_COLUMNS, (
            r.org, r.state_name, r.version, r.version_date, r.projects if r.has_plan else None,
            r.tasks if r.has_plan else None, "、".join(r.highlights) or ("无" if r.has_plan else ""),
            f"{len(r.covered)}/{len(r.dimensions)}" if r.has_plan else "", "、".join(r.missing),
            _pct(r.progress), _pct(r.planned), len(r.overdue) if r.has_plan else None, r.last_update,
            _pct(r.completeness)))))
    return out


def row_json(row: CommitteeRow, year: int | None = None) -> dict:
    """The CLI's ``store branches --json`` shape of one row; ``year`` names the year asked for when it has no plan."""
    return {"org": row.org, "year": row.year or year, "state": row.state, "version": row.version,
            "items": row.items, "progress": row.progress, "overdue": len(row.overdue) if row.has_plan else None}


@dataclass(frozen=True)
class Summary:
    """The committee's headline numbers over its rows."""

    branches: int
    with_plan: int
    states: dict[str, int]  # count per review state, every state listed
    progress: float | None  # mean overall progress of the plans that report it
    planned: float | None  # mean expected progress of those same plans
    behind: int  # plans behind their own schedule
    overdue: int  # overdue items, all plans together


def summarize(rows) -> Summary:
    """Counts of plans and states, mean progress against planned, plans behind and items overdue."""
    reported = [r for r in rows if r.progress is not None]
    planned = [r.planned for r in reported if r.planned is not None]
    return Summary(
        len(rows), sum(1 for r in rows if r.has_plan), {s: sum(1 for r in rows if r.state == s) for s in REVIEW_STATES},
        sum(r.progress for r in reported) / len(reported) if reported else None,
        sum(planned) / len(planned) if planned else None,
        sum(1 for r in rows if r.gap is not None and r.gap < 0), sum(len(r.overdue) for r in rows))


# -- rankings (晒一晒、比一比) --------------------------------------------------------------------------
@dataclass(frozen=True)
class Ranked:
    """One organization's place in a ranking, and why it stands there (None: not ranked)."""

    rank: int | None
    org: str
    score: float | None
    reason: str


def _ranked(rows, score, describe, compare, unranked) -> list[Ranked]:
    """Rows ordered by ``score`` (highest first; equal scores share a rank); every rank says why."""
    scored = sorted(((score(r), r) for r in rows if score(r) is not None), key=lambda p: (-p[0], p[1].org))
    out: list[Ranked] = []
    rank = 0
    for n, (value, row) in enumerate(scored):
        prev = scored[n - 1] if n else None
        if prev is None or prev[0] != value:
            rank = n + 1
        tied = [r.org for v, r in scored if v == value and r is not row]
        text = f"第 {rank} 名" + (f"（与{'、'.join(tied)}并列）" if tied else "") + "：" + describe(row)
        above = next((r for v, r in reversed(scored[:n]) if v > value), None)
        text += "；" + (compare(row, above) if above is not None else "本项最高")
        out.append(Ranked(rank, row.org, value, text))
    for row in rows:
        if score(row) is None:
            out.append(Ranked(None, row.org, None, unranked(row)))
    return out


def _progress_score(row: CommitteeRow) -> float | None:
    # Against the plan's own schedule, so a plan whose work falls late in the year is not punished.
    if row.progress is None:
        return None
    value = row.gap if row.gap is not None else row.progress
    return float(round(value * 100))  # whole points: the reasons speak in whole points too


def _progress_words(row: CommitteeRow) -> str:
    text = f"实际完成 {percent(row.progress)}"
    if row.planned is not None:
        gap = row.gap * 100
        text += f"，按时限应达 {percent(row.planned)}，" + (
            f"超前 {gap:.0f} 个百分点" if gap >= 0.5 else f"落后 {-gap:.0f} 个百分点" if gap <= -0.5 else "与计划持平")
    else:
        text += "（事项均无完成时限，按实际进度排）"
    return text + (f"，逾期 {len(row.overdue)} 项" if row.overdue else "，无逾期事项")


def rank_by_progress(rows) -> list[Ranked]:
    """Ranking by progress against each plan's own schedule (实际 − 应达), with the reason for each place."""
    def compare(row, above):
        diff = _progress_score(above) - _progress_score(row)
        return f"比上一名（{above.org}）少 {diff:.0f} 个百分点"

    def unranked(row):
        return "尚未提交计划，未参与排名" if not row.has_plan else "尚未填报进度，未参与排名"

    return _ranked(rows, _progress_score, _progress_words, compare, unranked)


def _completeness_score(row: CommitteeRow) -> float | None:
    return None if row.completeness is None else float(round(row.completeness * 100))


def rank_by_completeness(rows) -> list[Ranked]:
    """Ranking by plan completeness (六度、亮点、五要素、责任人、时间节点), with the reason for each place."""
    def describe(row):
        return f"完整度 {_completeness_score(row):.0f} 分，" + "，".join(p.detail for p in row.parts)

    def compare(row, above):
        diff = _completeness_score(above) - _completeness_score(row)
        mine = {p.name: p.share for p in row.parts}
        weakest = max(above.parts, key=lambda p: p.share - mine.get(p.name, 0.0))
        return f"比上一名（{above.org}）低 {diff:.0f} 分，主要差在{weakest.name}"

    return _ranked(rows, _completeness_score, describe, compare, lambda row: "尚未提交计划，未参与排名")
