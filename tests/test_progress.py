"""Progress views: donut, completion bars, planned vs actual, overdue table and the overview figure."""
import dataclasses
import io
from datetime import date

import plotly.graph_objects as go
import pytest
from PIL import Image

from planviz import stats, theme
from planviz.charts import build_chart
from planviz.charts.progress import (NO_PROGRESS, OVERDUE_COLUMNS, completion_by_dimension, completion_by_owner,
                                     overdue_table, planned_vs_actual, progress_overview, status_donut)
from planviz.charts.radar import radar
from planviz.model import STATUSES, Item, Plan
from planviz.stats import planned_progress_on

TODAY = date(2026, 8, 1)


def _blank(plan):
    """The same plan with every progress and status removed (a freshly written plan)."""
    return plan.with_items(dataclasses.replace(i, progress=None, status=None) for i in plan.items)


def _notes(fig):
    return " ".join(a.text for a in fig.layout.annotations)


# -- donut ------------------------------------------------------------------------------------
def test_donut_statuses_counts_and_colours(plan):
    fig = status_donut(plan)
    pies = [t for t in fig.data if isinstance(t, go.Pie)]
    assert len(pies) == 1 == len(fig.data)
    pie = pies[0]
    counts = stats.status_counts(plan)
    assert list(pie.labels) == list(STATUSES)
    assert list(pie.values) == [counts[s] for s in STATUSES]
    assert list(pie.marker.colors) == [theme.status_color(s) for s in STATUSES]
    assert f"{plan.overall_progress() * 100:.0f}%" in pie.title.text
    for status in STATUSES:  # every status named with its count, even the empty ones
        assert f"{status}  <b>{counts[status]}</b> 项" in _notes(fig)


def test_donut_without_progress(plan):
    pie = status_donut(_blank(plan)).data[0]
    assert "计划尚未<br>填报进度" in pie.title.text  # two lines, so it fits a small hole
    assert list(pie.values) == [len(stats.work_items(plan)), 0, 0, 0, 0]


# -- bars -------------------------------------------------------------------------------------
def test_completion_by_dimension_matches_stats_and_colours(plan):
    fig = completion_by_dimension(plan)
    bar = fig.data[0]
    rows = stats.dimension_stats(plan)
    assert list(bar.y) == list(plan.dimensions)
    assert list(bar.x) == pytest.approx([r.progress * 100 for r in rows])
    assert list(bar.text) == [f"{r.progress * 100:.0f}%" for r in rows]
    assert list(bar.marker.color) == [theme.dimension_color(d, plan.dimensions) for d in plan.dimensions]
    top, bottom = fig.layout.yaxis.range
    assert top > bottom  # first dimension on top


def test_dimension_colours_identical_across_figures(plan):
    from planviz.charts.levers import lever_matrix

    bar_colours = list(completion_by_dimension(plan).data[0].marker.color)
    assert list(radar(plan).data[-1].marker.color) == bar_colours
    for text, colour in zip(lever_matrix(plan).layout.xaxis.ticktext, bar_colours):
        assert colour in text
    overview_bar = [t for t in progress_overview(plan, today=TODAY).data if isinstance(t, go.Bar)][0]
    assert list(overview_bar.marker.color) == bar_colours


def test_completion_by_owner_cuts_and_says_how_many(plan):
    everyone = stats.owner_stats(plan)
    fig = completion_by_owner(plan, top=4)
    bar = fig.data[0]
    assert list(bar.y) == [o for o, _, _ in everyone[:4]]
    assert bar.text[0].endswith(f"（{everyone[0][1]} 项）")
    assert f"另有 {len(everyone) - 4} 人" in fig.layout.title.text
    whole = completion_by_owner(plan, top=100)
    assert len(whole.data[0].y) == len(everyone) and "另有" not in whole.layout.title.text


def test_small_plan_bars_show_unreported_values(small_plan):
    bar = completion_by_dimension(small_plan).data[0]
    assert bar.text[3] == "未填报" and bar.x[3] == 0  # 温度: P4 reports nothing
    owners = completion_by_owner(small_plan).data[0]
    assert "钱七" in owners.y


# -- planned vs actual ------------------------------------------------------------------------
def test_planned_curve_monotone_from_zero_to_one(plan):
    fig = planned_vs_actual(plan, today=TODAY)
    curve = fig.data[0]
    assert curve.name == "计划进度"
    ys = list(curve.y)
    assert ys == sorted(ys)
    assert ys[0] < 5 and ys[-1] == pytest.approx(100)
    assert curve.x[0] == date(2026, 1, 1) and curve.x[-1] == date(2026, 12, 31)
    assert list(fig.layout.xaxis.ticktext) == [f"{m}月" for m in range(1, 13)]


def test_actual_marker_today_line_and_gap(small_plan):
    fig = planned_vs_actual(small_plan, today=TODAY)
    actual = next(t for t in fig.data if t.name == "实际进度")
    planned = next(t for t in fig.data if t.name == "计划应达")
    assert actual.x[0] == TODAY and actual.y[0] == pytest.approx(small_plan.overall_progress() * 100)
    assert planned.y[0] == pytest.approx(planned_progress_on(small_plan, TODAY) * 100)
    assert any(s.x0 == TODAY and s.line.dash == "dot" for s in fig.layout.shapes)
    notes = _notes(fig)
    assert "今天 8月1日" in notes
    gap = (small_plan.overall_progress() - planned_progress_on(small_plan, TODAY)) * 100
    assert (f"落后 {-gap:.0f} 个百分点" if gap < 0 else f"超前 {gap:.0f} 个百分点") in notes


def test_planned_vs_actual_before_and_after_the_year(small_plan):
    before = planned_vs_actual(small_plan, today=date(2025, 12, 1))
    assert "尚未开始" in _notes(before) and not before.layout.shapes
    after = planned_vs_actual(small_plan, today=date(2027, 3, 1))
    assert "年末 12月31日" in _notes(after)


def test_planned_vs_actual_without_progress_or_dates(small_plan):
    fig = planned_vs_actual(_blank(small_plan), today=TODAY)
    assert NO_PROGRESS in _notes(fig) and len(fig.data) == 1
    undated = Plan(year=2026, items=(Item("P1", "无时限项目", progress=0.5),))
    fig = planned_vs_actual(undated, today=TODAY)
    assert "未填写完成时限" in _notes(fig)
    assert set(fig.data[0].y) == {0}


# -- overdue table ----------------------------------------------------------------------------
def test_overdue_table_rows_and_columns(small_plan):
    table = overdue_table(small_plan, today=TODAY)
    assert tuple(table.columns) == OVERDUE_COLUMNS == ("事项", "层级", "负责人", "完成时限", "逾期天数", "进度", "状态")
    # P1 and P3 ended 6-30, T2 on 7-1; T1 is finished, T6/P5 are later, P4/T3 undated, P6 next year.
    assert list(table["事项"]) == ["深入学习贯彻全会精神", "发展党员", "七一专题党课"]
    assert list(table["层级"]) == ["项目", "项目", "任务"]
    assert list(table["负责人"]) == ["张三", "王五", "李四"]
    assert list(table["完成时限"]) == ["2026-06-30", "2026-06-30", "2026-07-01"]
    assert list(table["逾期天数"]) == [32, 32, 31]
    assert list(table["进度"]) == ["35%", "20%", "未填报"]
    assert list(table["状态"]) == ["进行中", "延期", "未开始"]


def test_overdue_table_empty_when_nothing_is_late(small_plan):
    table = overdue_table(small_plan, today=date(2026, 1, 15))
    assert table.empty and tuple(table.columns) == OVERDUE_COLUMNS


# -- overview ---------------------------------------------------------------------------------
def test_overview_combines_the_panels(plan):
    fig = progress_overview(plan, today=TODAY)
    kinds = [type(t).__name__ for t in fig.data]
    assert kinds == ["Pie", "Bar", "Bar", "Scatter", "Scatter", "Scatter"]
    assert (fig.layout.width, fig.layout.height) == (1600, 1000)
    titles = _notes(fig)
    for heading in ("事项状态", "各维度完成情况", "责任人完成情况", "计划进度与实际进度"):
        assert heading in titles
    assert "进度总览" in fig.layout.title.text and "2026年8月1日" in fig.layout.title.subtitle.text
    assert "Noto Sans CJK SC" in fig.layout.template.layout.font.family
    owner_bar = fig.data[2]
    assert len(owner_bar.y) == min(10, len(stats.owner_stats(plan)))


@pytest.mark.parametrize("make", [lambda p: _blank(p), lambda p: Plan(year=2026)])
def test_overview_without_progress_does_not_crash(plan, make):
    fig = progress_overview(make(plan), today=TODAY, palette="neutral")
    assert NO_PROGRESS in _notes(fig) and "填报进度" in fig.data[0].title.text
    for build in (status_donut, completion_by_dimension, completion_by_owner, planned_vs_actual):
        assert isinstance(build(make(plan)), go.Figure)
    assert tuple(overdue_table(make(plan), today=TODAY).columns) == OVERDUE_COLUMNS


def test_every_figure_has_export_size_and_template(plan):
    figures = [status_donut(plan), completion_by_dimension(plan), completion_by_owner(plan),
               planned_vs_actual(plan, today=TODAY), build_chart(plan, "progress", palette="party")]
    for fig in figures:
        assert fig.layout.width >= 1000 and fig.layout.height >= 500
        assert fig.layout.template.layout.paper_bgcolor == theme.palette("party").background
        assert fig.layout.title.text


def test_overview_png_is_not_blank(plan):
    from planviz.export import figure_bytes

    png = figure_bytes(progress_overview(plan, today=TODAY), "png", scale=1)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (1600, 1000)
    assert len(image.getcolors(maxcolors=1 << 20)) > 50
