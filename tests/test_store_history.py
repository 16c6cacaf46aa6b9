"""The store's pure parts: the plan's JSON round trip, version diffs, the plan as of a day, slipped items."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from conftest import build_plan, build_small_plan
from planviz.model import Item, PlanError
from planviz.reading import load_plan
from planviz.sample import SAMPLE_PATH, sample_plan
from planviz.stats import planned_curve
from planviz.store import history
from planviz.store.codec import plan_from_json, plan_to_json
from planviz.store.history import ProgressEvent, Snapshot


@pytest.mark.parametrize("make", [sample_plan, build_small_plan, lambda: build_plan(400),
                                  lambda: load_plan(SAMPLE_PATH)])
def test_plan_json_round_trip_is_exact(make):
    plan = make()
    assert plan_from_json(plan_to_json(plan)) == plan


def test_round_trip_keeps_markup_and_quotes():
    plan = build_small_plan()
    odd = "<script>alert(1)</script>'; DROP TABLE plans;-- “引号” \\ \n第二行"
    plan = plan.with_items([dataclasses.replace(plan.items[1], title=odd, extra=(("自定义", odd),))])
    back = plan_from_json(plan_to_json(plan))
    assert back.items[0].title == odd and back.items[0].extras == {"自定义": odd}


def _event(item_id, day, progress=None, status=None, note="", at=None):
    return ProgressEvent(item_id, day, status, progress, note, "张三", at or datetime.combine(day, datetime.min.time()))


def test_diff_counts_added_removed_and_updated_matching_by_id_or_text():
    old = build_small_plan()
    items = list(old.items)
    by_id = {i.id: n for n, i in enumerate(items)}
    # P3 renumbered to X3 (same text): matched by text, not counted as added + removed.
    items[by_id["P3"]] = dataclasses.replace(items[by_id["P3"]], id="X3")
    # P2's title reworded but the id kept: matched by id; its progress changes.
    items[by_id["P2"]] = dataclasses.replace(items[by_id["P2"]], title="每月集中学习（含线上）", progress=0.95)
    items[by_id["T1"]] = dataclasses.replace(items[by_id["T1"]], status="进行中", progress=0.5)
    del items[by_id["P5"]]
    items += [Item("N1", "新增项目一", parent="S1"), Item("N2", "新增项目二", parent="S2"),
              Item("N3", "新增任务", level="task", parent="N1")]
    change = history.diff(old, old.with_items(items))
    assert {i.id for i in change.added} == {"N1", "N2", "N3"}
    assert [i.id for i in change.removed] == ["P5"]
    assert {b.id for b, _ in change.updated} == {"P2", "T1"}
    assert change.summary() == "新增 3 项，删除 1 项，2 项进度有更新"


def test_plan_on_uses_the_version_in_force_and_later_reports_only():
    plan = build_small_plan()
    v1 = Snapshot(1, date(2026, 2, 1), datetime(2026, 2, 1, 9), plan)
    later = plan.with_items(dataclasses.replace(i, progress=0.6) if i.id == "P1" else i for i in plan.items)
    v2 = Snapshot(2, date(2026, 6, 1), datetime(2026, 6, 1, 9), later)
    events = [_event("P1", date(2026, 3, 1), 0.4), _event("P1", date(2026, 7, 1), 0.8, "进行中", "过半"),
              _event("T1", date(2026, 6, 1), 0.3, at=datetime(2026, 6, 1, 10))]  # same day, after v2's save
    assert history.plan_on([v1, v2], events, date(2026, 2, 15)).get("P1").progress == 0.35
    assert history.plan_on([v1, v2], events, date(2026, 3, 1)).get("P1").progress == 0.4
    on_june = history.plan_on([v1, v2], events, date(2026, 6, 1))
    assert on_june.get("P1").progress == 0.6 and on_june.get("T1").progress == 0.3
    july = history.plan_on([v1, v2], events, date(2026, 7, 2)).get("P1")
    assert (july.progress, july.status, july.notes) == (0.8, "进行中", "过半")
    with pytest.raises(PlanError, match="之前还没有保存"):
        history.plan_on([v1, v2], events, date(2026, 1, 1))


def test_progress_over_time_follows_the_reports():
    plan = build_small_plan()
    v1 = Snapshot(1, date(2026, 1, 10), datetime(2026, 1, 10), plan)
    events = [_event("P3", date(2026, 4, 1), 0.5), _event("P3", date(2026, 5, 1), 1.0, "已完成")]
    points = history.progress_over_time([v1], events, date(2026, 6, 1))
    assert [p.day for p in points] == [date(2026, 1, 10), date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1)]
    overall = [p.overall for p in points]
    assert overall[0] < overall[1] < overall[2] == overall[3]
    assert points[0].by_dimension["精度"] == pytest.approx(0.2)
    assert points[2].by_dimension["精度"] == pytest.approx(1.0)
    assert points[2].by_section["组织建设"] > points[0].by_section["组织建设"]
    assert history.last_report_before([v1], events, date(2026, 5, 20)) == date(2026, 5, 1)
    change = history.changes_between([v1], events, date(2026, 4, 1), date(2026, 5, 20))
    assert [(b.progress, a.progress) for b, a in change.updated] == [(0.5, 1.0)]


def test_slipped_by_month_counts_deadlines_passed_without_completion():
    plan = build_small_plan()  # T1 done by 3-31 in the plan; P3 due 6-30 at 20 %, 延期
    v1 = Snapshot(1, date(2026, 1, 5), datetime(2026, 1, 5), plan)
    finished_late = [_event("P3", date(2026, 8, 1), 1.0, "已完成")]
    slipped = history.slipped_by_month([v1], finished_late, date(2026, 10, 15))
    assert [i.id for i in slipped[6]] == ["P3"]  # finished in August: still slipped in June
    assert slipped[3] == () and 11 not in slipped
    on_time = [_event("P3", date(2026, 6, 20), 1.0, "已完成")]
    assert history.slipped_by_month([v1], on_time, date(2026, 10, 15))[6] == ()


def test_history_charts_carry_the_reported_and_planned_numbers():
    from planviz.charts.history import progress_by_group, progress_history, slipped_chart

    plan = build_small_plan()
    v1 = Snapshot(1, date(2026, 1, 10), datetime(2026, 1, 10), plan)
    events = [_event("P3", date(2026, 4, 1), 0.5), _event("P4", date(2026, 5, 1), 0.6, "进行中", "<b>x</b>")]
    points = history.progress_over_time([v1], events, date(2026, 8, 1))
    fig = progress_history(points, plan)
    planned, actual = fig.data
    assert (planned.name, actual.name) == ("计划进度", "实际进度")
    assert list(actual.y) == pytest.approx([p.overall * 100 for p in points])
    assert list(planned.y) == pytest.approx([v * 100 for _, v in planned_curve(plan)])
    assert fig.layout.template.layout.font.family  # an explicit template, not streamlit's
    by_dim = progress_by_group(points, plan, by="dimension")
    assert {t.name for t in by_dim.data} == {"高度", "深度", "精度", "温度"}  # the ones with progress
    temp = next(t for t in by_dim.data if t.name == "温度")
    assert list(temp.y) == pytest.approx([60.0, 60.0])  # reported from May on
    sections = progress_by_group(points, plan, by="section")
    assert {t.name for t in sections.data} >= {"政治建设", "组织建设"}
    slipped = history.slipped_by_month([v1], events, date(2026, 8, 1))
    bars = slipped_chart(slipped, plan).data[0]
    assert list(bars.x) == [f"{m}月" for m in range(1, 9)]
    assert list(bars.y) == [len(slipped[m]) for m in range(1, 9)] and sum(bars.y) >= 2
