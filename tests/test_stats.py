"""Shared plan statistics."""
from datetime import date

import pytest

from planviz import stats
from planviz.model import Item, Plan


def _plan():
    items = (
        Item("S1", "政治建设", level="section"),
        Item("P1", "理论学习", parent="S1", dimension="深度", lever="项目化", start=date(2026, 1, 1),
             end=date(2026, 12, 31), progress=0.5, owners=("张三",)),
        Item("T1", "读书班", level="task", parent="P1", end=date(2026, 3, 31), progress=1.0, owners=("张三",)),
        Item("T2", "专题党课", level="task", parent="P1", end=date(2026, 6, 30), progress=0.2, status="进行中",
             owners=("李四",)),
        Item("P2", "谈心谈话", parent="S1", dimension="温度", lever="责任化", end=date(2026, 2, 28), status="暂缓"),
        Item("P3", "党费收缴", parent="S1", dimension="精度", lever="清单化", end=date(2026, 5, 31), owners=("李四",)),
    )
    return Plan(year=2026, items=items)


def test_dimension_stats_in_plan_order():
    rows = stats.dimension_stats(_plan())
    assert [r.dimension for r in rows] == list(_plan().dimensions)
    deep = rows[1]
    assert (deep.projects, deep.effort) == (1, 2)  # two tasks under one project
    assert deep.progress == pytest.approx((0.5 + 1.0 + 0.2) / 3)
    assert rows[0].projects == 0 and rows[0].progress is None
    assert rows[3].effort == 1  # project without tasks counts once


def test_work_items_and_statuses():
    plan = _plan()
    assert [i.id for i in stats.work_items(plan)] == ["T1", "T2", "P2", "P3"]
    counts = stats.status_counts(plan)
    assert counts == {"未开始": 1, "进行中": 1, "已完成": 1, "延期": 0, "暂缓": 1}


def test_expected_progress_and_overdue():
    plan = _plan()
    p3 = plan.get("P3")
    assert stats.expected_progress(plan, p3, date(2025, 12, 1)) == 0.0
    assert stats.expected_progress(plan, p3, date(2026, 6, 1)) == 1.0
    assert 0 < stats.expected_progress(plan, p3, date(2026, 3, 1)) < 1
    late = stats.overdue_items(plan, date(2026, 7, 1))
    assert [i.id for i in late] == ["P3", "T2"]  # most overdue first; T1 finished, P2 paused


def test_planned_curve_rises_to_one():
    curve = stats.planned_curve(_plan())
    values = [v for _, v in curve]
    assert values == sorted(values)
    assert curve[-1] == (date(2026, 12, 31), 1.0)


def test_owner_and_lever_counts():
    plan = _plan()
    assert stats.owner_stats(plan)[0][0] == "李四"
    counts = stats.lever_counts(plan)
    assert counts[("项目化", "深度")] == 1 and counts[("品牌化", "亮度")] == 0
    assert len(counts) == 5 * 6


def test_key_figures():
    kf = stats.key_figures(_plan())
    assert (kf.sections, kf.projects, kf.tasks, kf.highlights, kf.owners) == (1, 3, 2, 0, 2)


def test_plan_checks_name_what_is_missing():
    checks = {c.name: c for c in stats.plan_checks(_plan())}
    assert list(checks) == ["六度覆盖", "亮点项目", "项目化五要素", "责任到人", "时间节点", "进度填报"]
    assert not checks["六度覆盖"].ok and "缺少高度、亮度、融合度" in checks["六度覆盖"].detail
    assert not checks["亮点项目"].ok and "建议确定 1–2 个" in checks["亮点项目"].detail
    assert checks["项目化五要素"].detail == "0/3 个项目要素齐全"
    assert checks["责任到人"].detail == "3/4 项有负责人" and not checks["责任到人"].ok
    assert checks["时间节点"].ok and checks["时间节点"].detail == "4/4 项时间明确"


def test_plan_checks_pass_on_a_complete_plan():
    from planviz.sample import sample_plan

    checks = {c.name: c.ok for c in stats.plan_checks(sample_plan())}
    assert checks["六度覆盖"] and checks["亮点项目"] and checks["责任到人"] and checks["时间节点"]
    assert not checks["项目化五要素"]  # the sample leaves two projects incomplete on purpose
