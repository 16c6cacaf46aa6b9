"""Shared test fixtures: the bundled sample plan, a small hand-built plan and a plan generator.

Fixtures (stable; other test files rely on them):
- ``plan``: ``planviz.sample.sample_plan()``, built once per session.
- ``small_plan``: 2 sections, 6 projects, 5 tasks covering every date kind (see ``build_small_plan``).
- ``plan_factory``: ``build_plan(n_items, year=2026)``, a generated plan of about ``n_items`` items.
Plain functions ``build_small_plan`` and ``build_plan`` are importable too (bench/ uses ``build_plan``).
"""
from __future__ import annotations

from datetime import date

import pytest

from planviz.model import DEFAULT_DIMENSIONS, DEFAULT_LEVERS, STATUSES, Item, Plan

YEAR = 2026


def build_small_plan() -> Plan:
    """A 2026 plan with one item of every date kind, ids chosen to be read in assertions.

    S1 政治建设: P1 (高度, span 3-1..6-30, 35 %, highlight) with T1 (deadline 3-31 only),
    T2 (one day 7-1, milestone), T3 (undated 适时); P2 (深度, monthly, whole year) with
    T4 (quarterly). S2 组织建设: P3 (精度, deadline 6-30 only, 延期); P4 (温度, undated, no tasks);
    T6 (task directly under the section, 精度, 9-1..9-30); P6 (融合度, next year 2027-1-1..1-31).
    Top level: P5 (no section, no dimension, one day 10-1, milestone).
    """
    d = lambda m, day, y=YEAR: date(y, m, day)  # noqa: E731 — keeps the table below readable
    items = [
        Item("S1", "政治建设", level="section", section="政治建设"),
        Item("P1", "深入学习贯彻全会精神", parent="S1", section="政治建设", dimension="高度", lever="清单化",
             owners=("张三",), start=d(3, 1), end=d(6, 30), deadline_text="3-6月", progress=0.35,
             status="进行中", highlight=True),
        Item("T1", "制定学习计划", level="task", parent="P1", section="政治建设", owners=("张三",),
             end=d(3, 31), deadline_text="3月底前", progress=1.0, status="已完成"),
        Item("T2", "七一专题党课", level="task", parent="P1", section="政治建设", owners=("李四",),
             start=d(7, 1), end=d(7, 1), deadline_text="七一", milestone=True),
        Item("T3", "上级安排的专题研讨", level="task", parent="P1", section="政治建设", deadline_text="适时"),
        Item("P2", "每月集中学习", parent="S1", section="政治建设", dimension="深度", lever="清单化",
             owners=("李四",), start=d(1, 1), end=d(12, 31), recurrence="monthly", deadline_text="每月",
             progress=0.9, status="进行中"),
        Item("T4", "季度学习测试", level="task", parent="P2", section="政治建设", owners=("李四",),
             start=d(1, 1), end=d(12, 31), recurrence="quarterly", deadline_text="每季度"),
        Item("S2", "组织建设", level="section", section="组织建设"),
        Item("P3", "发展党员", parent="S2", section="组织建设", dimension="精度", lever="责任化",
             owners=("王五",), end=d(6, 30), deadline_text="七一前", progress=0.2, status="延期"),
        Item("P4", "困难党员慰问", parent="S2", section="组织建设", dimension="温度", lever="责任化",
             owners=("赵六",), deadline_text="根据上级安排"),
        Item("T6", "支部档案整理", level="task", parent="S2", section="组织建设", dimension="精度",
             owners=("王五",), start=d(9, 1), end=d(9, 30), deadline_text="9月"),
        Item("P6", "年度述职评议", parent="S2", section="组织建设", dimension="融合度", lever="项目化",
             owners=("张三",), start=d(1, 1, YEAR + 1), end=d(1, 31, YEAR + 1), deadline_text="次年1月"),
        Item("P5", "国庆主题活动", owners=("钱七",), start=d(10, 1), end=d(10, 1), deadline_text="国庆节",
             milestone=True),
    ]
    return Plan(year=YEAR, organization="测试党支部", items=tuple(items), slogan="测试品牌")


def build_plan(n_items: int, year: int = YEAR) -> Plan:
    """A deterministic plan of about ``n_items`` items: 6 sections, one project per 4 items, tasks.

    Date kinds cycle through spans, deadlines, single days, monthly/quarterly rhythms,
    milestones and undated items; every 7th project is a highlight.
    """
    sections = ("政治建设", "思想理论武装", "组织建设", "关爱党员与为民服务", "品牌创建与创新", "党建与业务融合")
    items = [Item(f"S{i + 1}", name, level="section", section=name) for i, name in enumerate(sections)]
    n_projects = max(1, (n_items - len(items)) // 4)
    n_tasks = max(0, n_items - len(items) - n_projects)

    def when(k: int) -> dict:
        m = k % 12 + 1
        kind = k % 6
        if kind == 0:
            return dict(start=date(year, m, 1), end=date(year, min(12, m + 2), 28), deadline_text=f"{m}-{min(12, m + 2)}月")
        if kind == 1:
            return dict(end=date(year, m, 28), deadline_text=f"{m}月底前")
        if kind == 2:
            return dict(start=date(year, m, 15), end=date(year, m, 15), deadline_text=f"{m}月15日")
        if kind == 3:
            return dict(start=date(year, 1, 1), end=date(year, 12, 31), recurrence="monthly", deadline_text="每月")
        if kind == 4:
            return dict(start=date(year, 1, 1), end=date(year, 12, 31), recurrence="quarterly", deadline_text="每季度")
        return dict(deadline_text="适时")

    projects = []
    for p in range(n_projects):
        sid = p % len(sections)
        projects.append(Item(
            f"P{p + 1:04d}", f"第{p + 1}号重点项目：{sections[sid]}专项推进工作", parent=f"S{sid + 1}",
            section=sections[sid], dimension=DEFAULT_DIMENSIONS[p % 6], lever=DEFAULT_LEVERS[p % 5],
            owners=(f"负责人{p % 9 + 1}",), progress=(p % 11) / 10, status=STATUSES[p % 5],
            highlight=p % 7 == 0, milestone=p % 13 == 5, **when(p)))
    items += projects
    for t in range(n_tasks):
        project = projects[t % n_projects]
        items.append(Item(f"T{t + 1:05d}", f"任务{t + 1}：落实{project.title[:6]}的具体措施", level="task",
                          parent=project.id, section=project.section, owners=(f"党员{t % 17 + 1}",),
                          progress=(t % 5) / 4, milestone=t % 11 == 3, **when(t + 3)))
    return Plan(year=year, organization="生成测试党委", items=tuple(items))


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The bundled sample plan (planviz.sample.sample_plan())."""
    from planviz.sample import sample_plan

    return sample_plan()


@pytest.fixture
def small_plan() -> Plan:
    """A small hand-built plan covering every date kind; see ``build_small_plan``."""
    return build_small_plan()


@pytest.fixture
def plan_factory():
    """``build_plan(n_items, year=2026)``: a generated plan of about ``n_items`` items."""
    return build_plan
