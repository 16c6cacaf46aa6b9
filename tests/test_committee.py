"""Committee table rows, sorting, filters and rankings, checked against each plan's own figures."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from conftest import build_plan, build_small_plan
from planviz.committee import (FILTERS, SORT_KEYS, BranchPlan, committee_row, committee_rows, filter_rows,
                               rank_by_completeness, rank_by_progress, row_json, sort_rows, summarize, table_records)
from planviz.stats import dimension_stats, overdue_items, percent, planned_progress_on
from planviz.vocab import REVIEW_STATE_NAMES, REVIEW_STATES

AS_OF = date(2026, 7, 15)


def branches() -> list[BranchPlan]:
    """Four organizations: a small plan, two generated plans of different size, one without a plan."""
    return [
        BranchPlan("第一党支部", build_small_plan(), "approved", 2, date(2026, 2, 1), date(2026, 7, 1)),
        BranchPlan("第二党支部", build_plan(60), "submitted", 1, date(2026, 3, 1)),
        BranchPlan("第三党支部", build_plan(30), "returned", 3, date(2026, 4, 1)),
        BranchPlan("第四党支部"),
    ]


def test_rows_match_each_plans_own_figures():
    for branch, row in zip(branches(), committee_rows(branches(), AS_OF)):
        assert row.org == branch.org and row.state == branch.state and row.version == branch.version
        plan = branch.plan
        if plan is None:
            assert not row.has_plan and row.items == 0 and row.progress is None and row.completeness is None
            continue
        assert row.items == len(plan.items)
        assert (row.projects, row.tasks) == (len(plan.projects), len(plan.tasks))
        assert row.highlights == tuple(p.title for p in plan.highlights())
        assert row.covered == tuple(s.dimension for s in dimension_stats(plan) if s.projects)
        assert row.progress == plan.overall_progress()
        assert row.planned == planned_progress_on(plan, AS_OF)
        assert row.overdue == tuple(i.title for i in overdue_items(plan, AS_OF))
        assert row.last_update == (branch.last_update or branch.version_date)


def test_small_plan_row_by_hand():
    """The small plan's figures worked out by hand (see conftest.build_small_plan)."""
    plan = build_small_plan()
    row = committee_row(BranchPlan("第一党支部", plan, "draft", 1), AS_OF)
    assert (row.projects, row.tasks, row.items) == (6, 5, 13)
    assert row.highlights == ("深入学习贯彻全会精神",)
    assert row.missing == ("亮度",) and len(row.covered) == 5
    assert row.progress == pytest.approx((0.35 + 1.0 + 0.9 + 0.2) / 4)
    # P1 (6-30, 35 %), P3 (6-30, 延期) and T2 (7-1, nothing reported) are past due on 7-15; T1 is done.
    by_id = plan.by_id()
    assert row.overdue == (by_id["P1"].title, by_id["P3"].title, by_id["T2"].title)
    parts = {p.name: p for p in row.parts}
    assert parts["六度覆盖"].share == pytest.approx(5 / 6) and "缺亮度" in parts["六度覆盖"].detail
    assert parts["亮点项目"].share == 1.0
    assert row.state_name == REVIEW_STATE_NAMES["draft"] == "草稿"


def test_a_plan_without_projects_covers_dimensions_with_its_tasks():
    plan = build_small_plan()
    tasks_only = plan.with_items(dataclasses.replace(i, level="task") if i.level == "project" else i
                                 for i in plan.items)
    row = committee_row(BranchPlan("x", tasks_only, "draft"), AS_OF)
    assert row.projects == 0 and "高度" in row.covered


def test_states_are_checked():
    with pytest.raises(ValueError):
        BranchPlan("x", build_small_plan(), "finished")
    with pytest.raises(ValueError):
        BranchPlan("x", None, "approved")
    assert set(REVIEW_STATE_NAMES) == set(REVIEW_STATES)


def test_sorting_puts_rows_without_a_value_last_both_ways():
    rows = committee_rows(branches(), AS_OF)
    for descending in (False, True):
        ordered = sort_rows(rows, "progress", descending)
        assert ordered[-1].org == "第四党支部"
        values = [r.progress for r in ordered[:-1]]
        assert values == sorted(values, reverse=descending)
    assert [r.org for r in sort_rows(rows, "state")] == ["第四党支部", "第二党支部", "第三党支部", "第一党支部"]
    for key in SORT_KEYS:
        assert len(sort_rows(rows, key)) == len(rows)
    with pytest.raises(ValueError):
        sort_rows(rows, "colour")


def test_filters():
    rows = committee_rows(branches(), AS_OF)
    assert [r.org for r in filter_rows(rows, only=["no_plan"])] == ["第四党支部"]
    assert [r.org for r in filter_rows(rows, only=["missing_dimension"])] == ["第一党支部"]
    behind = filter_rows(rows, only=["behind"])
    assert behind and all(r.progress < r.planned for r in behind)
    assert [r.org for r in filter_rows(rows, states=("returned", "approved"))] == ["第一党支部", "第三党支部"]
    assert [r.org for r in filter_rows(rows, search="第二")] == ["第二党支部"]
    assert filter_rows(rows, only=["overdue", "no_plan"]) == []
    assert set(FILTERS) >= {"no_plan", "behind", "overdue", "no_highlight", "missing_dimension"}
    with pytest.raises(ValueError):
        filter_rows(rows, only=["late"])


def test_progress_ranking_gives_a_reason_for_every_place():
    bs = branches()
    rows = committee_rows(bs, AS_OF)
    ranking = rank_by_progress(rows)
    by_org = {r.org: r for r in rows}
    ranked = [r for r in ranking if r.rank is not None]
    gaps = [round(by_org[r.org].gap * 100) for r in ranked]
    assert gaps == sorted(gaps, reverse=True) and [r.score for r in ranked] == gaps
    assert ranked[0].rank == 1 and "本项最高" in ranked[0].reason
    for above, place in zip(ranked, ranked[1:]):
        row = by_org[place.org]
        assert f"第 {place.rank} 名" in place.reason and percent(row.progress) in place.reason
        assert f"应达 {percent(row.planned)}" in place.reason
        assert f"比上一名（{above.org}）" in place.reason
    assert ranking[-1] == dataclasses.replace(ranking[-1], rank=None, org="第四党支部", score=None)
    assert "尚未提交计划" in ranking[-1].reason


def test_equal_scores_share_a_place_and_say_so():
    twin = build_plan(30)
    rows = committee_rows([BranchPlan("甲支部", twin, "draft"), BranchPlan("乙支部", twin, "draft"),
                           BranchPlan("丙支部", twin.with_items(dataclasses.replace(i, progress=None)
                                                                 for i in twin.items), "draft")], AS_OF)
    ranking = {r.org: r for r in rank_by_progress(rows)}
    assert [ranking[o].rank for o in ("甲支部", "乙支部", "丙支部")] == [1, 1, None]
    assert "与乙支部并列" in ranking["甲支部"].reason and "与甲支部并列" in ranking["乙支部"].reason
    assert "尚未填报进度" in ranking["丙支部"].reason


def test_completeness_ranking_names_what_is_missing():
    full = build_plan(60)
    thin = full.with_items(i for i in full.items if i.dimension != "温度" or i.level != "project")
    rows = committee_rows([BranchPlan("薄弱支部", thin, "draft"), BranchPlan("齐全支部", full, "draft"),
                           BranchPlan("空白支部")], AS_OF)
    ranking = rank_by_completeness(rows)
    assert [r.org for r in ranking] == ["齐全支部", "薄弱支部", "空白支部"]
    assert "六度覆盖 6/6" in ranking[0].reason
    assert "缺温度" in ranking[1].reason and "主要差在六度覆盖" in ranking[1].reason
    assert "比上一名（齐全支部）" in ranking[1].reason
    assert ranking[2].rank is None


def test_table_json_and_summary():
    rows = committee_rows(branches(), AS_OF)
    records = table_records(rows)
    assert records[0]["组织"] == "第一党支部" and records[0]["六度覆盖"] == "5/6" and records[0]["缺少维度"] == "亮度"
    assert records[0]["实际进度"] == round(rows[0].progress * 100, 1)
    assert records[3]["审议状态"] == "未提交" and records[3]["项目"] is None
    doc = row_json(rows[1])
    assert set(doc) == {"org", "year", "state", "version", "items", "progress", "overdue"}
    assert doc == {"org": "第二党支部", "year": 2026, "state": "submitted", "version": 1,
                   "items": len(build_plan(60).items), "progress": build_plan(60).overall_progress(),
                   "overdue": len(overdue_items(build_plan(60), AS_OF))}
    s = summarize(rows)
    assert (s.branches, s.with_plan) == (4, 3)
    assert s.states == {"none": 1, "draft": 0, "submitted": 1, "returned": 1, "approved": 1}
    assert s.overdue == sum(len(r.overdue) for r in rows)
    assert s.progress == pytest.approx(sum(r.progress for r in rows[:3]) / 3)
