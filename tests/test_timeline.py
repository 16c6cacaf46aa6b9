"""Timeline: rows, bars, marks per date kind, today line, quarter bands, colours, hover, undated items."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import plotly.graph_objects as go
import pytest

from planviz import theme
from planviz.charts import build_chart
from planviz.charts.timeline import DAY_MS, MONTH_LABELS, QUARTERS, recurrence_dates, timeline, undated_items
from planviz.model import Item, Plan

TODAY = date(2026, 5, 20)


def rows(fig: go.Figure) -> list[str]:
    return list(fig.layout.yaxis.ticktext)


def row_of(fig: go.Figure, text: str) -> int:
    found = [y for y, label in enumerate(rows(fig)) if text in label]
    assert len(found) == 1, (text, found)
    return found[0]


def points(fig: go.Figure, y: int, symbol: str | None = None) -> list:
    """x values of marker points on row ``y`` (optionally of one marker symbol)."""
    out = []
    for trace in fig.data:
        if trace.type != "scatter" or trace.mode != "markers" or trace.y is None:
            continue
        if symbol and trace.marker.symbol != symbol:
            continue
        out += [x for x, yy in zip(trace.x, trace.y) if yy == y]
    return out


def main_bars(fig: go.Figure) -> list[go.Bar]:
    return [t for t in fig.data if t.type == "bar" and "已完成部分" not in t.name]


def bar_at(fig: go.Figure, y: int) -> tuple[go.Bar, int]:
    for trace in main_bars(fig):
        if y in trace.y:
            return trace, list(trace.y).index(y)
    raise AssertionError(f"no bar on row {y}")


def test_rows_grouped_by_section_in_plan_order(small_plan):
    fig = timeline(small_plan, today=TODAY)
    order = ["政治建设", "深入学习贯彻全会精神", "每月集中学习", "组织建设", "发展党员", "困难党员慰问",
             "支部档案整理", "年度述职评议", "未分类", "国庆主题活动"]
    labels = rows(fig)
    assert len(labels) == len(order)
    assert all(want in got for want, got in zip(order, labels))
    assert labels[1].startswith("★")  # the highlight project
    assert list(fig.layout.yaxis.tickvals) == list(range(len(order)))
    assert fig.layout.yaxis.range == (len(order) - 0.5, -0.5)  # first row on top


def test_tasks_follow_their_project(small_plan):
    labels = rows(timeline(small_plan, show_tasks=True, today=TODAY))
    want = ["深入学习贯彻全会精神", "制定学习计划", "七一专题党课", "上级安排的专题研讨", "每月集中学习", "季度学习测试"]
    start = next(i for i, label in enumerate(labels) if want[0] in label)
    assert all(w in labels[start + k] for k, w in enumerate(want))


def test_rows_grouped_by_dimension(small_plan):
    labels = rows(timeline(small_plan, group_by="dimension", today=TODAY))
    headers = [label for label in labels if label.startswith("<b>")]
    assert [next(d for d in ("高度", "深度", "精度", "温度", "亮度", "融合度", "未分类") if d in h)
            for h in headers] == ["高度", "深度", "精度", "温度", "亮度", "融合度", "未分类"]
    assert "暂无项目" in next(h for h in headers if "亮度" in h)


def test_span_bar_runs_from_start_to_end_with_progress(small_plan):
    fig = timeline(small_plan, today=TODAY)
    bar, k = bar_at(fig, row_of(fig, "深入学习贯彻全会精神"))
    assert bar.base[k] == "2026-03-01"
    assert bar.x[k] == 122 * DAY_MS  # 1 March to 30 June, both days included
    assert bar.orientation == "h"
    stripe = next(t for t in fig.data if t.type == "bar" and "已完成部分" in t.name and 1 in t.y)
    assert stripe.x[list(stripe.y).index(1)] == pytest.approx(0.35 * 122 * DAY_MS)
    text = next(t for t in fig.data if t.name == "进度")
    assert "35%" in [s for s, y in zip(text.text, text.y) if y == 1]


def test_deadline_only_is_a_diamond_at_the_deadline(small_plan):
    fig = timeline(small_plan, today=TODAY)
    y = row_of(fig, "发展党员")
    assert points(fig, y, "diamond") == ["2026-06-30"]
    assert not any(y in t.y for t in main_bars(fig))


def test_one_day_and_milestone_marks(small_plan):
    fig = timeline(small_plan, show_tasks=True, today=TODAY)
    assert points(fig, row_of(fig, "七一专题党课"), "star") == ["2026-07-01"]  # a one-day milestone
    assert points(fig, row_of(fig, "国庆主题活动"), "star") == ["2026-10-01"]
    day = replace(small_plan.get("P5"), milestone=False)
    fig = timeline(small_plan.with_items([day if i.id == "P5" else i for i in small_plan.items]), today=TODAY)
    assert points(fig, row_of(fig, "国庆主题活动"), "circle") == ["2026-10-01"]


def test_recurring_items_get_one_tick_per_period(small_plan):
    fig = timeline(small_plan, show_tasks=True, today=TODAY)
    monthly = points(fig, row_of(fig, "每月集中学习"), "line-ns")
    assert len(monthly) == 12 and monthly[0] == "2026-01-16" and monthly[-1] == "2026-12-16"
    assert len(points(fig, row_of(fig, "季度学习测试"), "line-ns")) == 4


@pytest.mark.parametrize("rhythm, count, second_half", [("weekly", 52, 26), ("monthly", 12, 6), ("quarterly", 4, 2),
                                                        ("half-yearly", 2, 1), ("yearly", 1, 1)])
def test_recurrence_dates_over_the_year(rhythm, count, second_half):
    plan = Plan(year=2026)
    whole_year = Item("X", "例会", recurrence=rhythm, start=date(2026, 1, 1), end=date(2026, 12, 31))
    dates = recurrence_dates(plan, whole_year)
    assert len(dates) == count
    assert all(date(2026, 1, 1) <= d <= date(2026, 12, 31) for d in dates)
    no_dates = Item("Y", "例会", recurrence=rhythm)
    assert recurrence_dates(plan, no_dates) == dates  # the plan year by default
    from_july = replace(whole_year, start=date(2026, 7, 1))
    assert len(recurrence_dates(plan, from_july)) == second_half


def test_today_line_only_in_the_plan_year(small_plan):
    def today_shapes(fig):
        return [s for s in fig.layout.shapes if s.name == "今天"]

    fig = timeline(small_plan, today=TODAY)
    [line] = today_shapes(fig)
    assert line.x0 == line.x1 == "2026-05-20"
    assert any("今天" in a.text for a in fig.layout.annotations)
    for other in (date(2025, 5, 20), date(2027, 3, 1)):
        fig = timeline(small_plan, today=other)
        assert not today_shapes(fig)
        assert not any("今天" in (a.text or "") for a in fig.layout.annotations)


def test_quarter_bands_and_chinese_month_ticks(small_plan):
    plan = small_plan.with_items([i for i in small_plan.items if i.id != "P6"])  # stays inside the year
    fig = timeline(plan, today=TODAY)
    assert tuple(fig.layout.xaxis.ticktext) == MONTH_LABELS
    assert [s.name for s in fig.layout.shapes if s.name in QUARTERS] == list(QUARTERS)
    assert [a.text for a in fig.layout.annotations if any(q in a.text for q in QUARTERS)] == \
        [f"<b>{q}</b>" for q in QUARTERS]
    assert fig.layout.xaxis.range[0] < "2026-01-01" and fig.layout.xaxis.range[1] > "2026-12-31"


def test_next_year_items_widen_the_axis(small_plan):
    fig = timeline(small_plan, today=TODAY)
    assert "次年1月" in fig.layout.xaxis.ticktext
    assert fig.layout.xaxis.range[1] > "2027-01-31"


def test_colours_per_dimension(small_plan):
    fig = timeline(small_plan, today=TODAY)
    for name in ("高度", "深度", "精度", "融合度"):
        swatch = next(t for t in fig.data if t.name == name and t.showlegend is not False)
        assert swatch.marker.line.color == theme.dimension_color(name)
    bar, k = bar_at(fig, row_of(fig, "支部档案整理"))
    assert bar.marker.line.color[k] == theme.dimension_color("精度")
    diamond = next(t for t in fig.data if t.type == "scatter" and t.marker.symbol == "diamond")
    assert diamond.marker.color == theme.dimension_color("精度")


def test_colour_by_status(small_plan):
    fig = timeline(small_plan, color_by="status", today=TODAY)
    legend = [t.name for t in fig.data if t.showlegend is not False and t.x == (None,) and t.legendgroup
              and not t.legendgroup.startswith("kind-")]
    assert legend == ["未开始", "进行中", "延期"]
    delayed = next(t for t in fig.data if t.name == "延期" and t.marker.symbol == "diamond")
    assert delayed.marker.color == theme.status_color("延期")


def test_legend_is_chinese_and_lists_mark_kinds(small_plan):
    fig = timeline(small_plan, show_tasks=True, today=TODAY)
    names = [t.name for t in fig.data if t.showlegend is not False]
    assert {"截止时间（仅有期限）", "周期性工作", "里程碑"} <= set(names)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in names)


def test_hover_text(small_plan):
    fig = timeline(small_plan, today=TODAY)
    bar, k = bar_at(fig, row_of(fig, "深入学习贯彻全会精神"))
    hover = bar.text[k]
    for part in ("深入学习贯彻全会精神", "负责人：张三", "3-6月", "状态：进行中", "进度：35%", "维度：高度"):
        assert part in hover
    assert bar.hovertemplate == "%{text}<extra></extra>"
    overdue = timeline(small_plan, today=date(2026, 8, 1))
    diamond = next(t for t in overdue.data if t.type == "scatter" and t.marker.symbol == "diamond")
    assert "（已逾期）" in diamond.text[0]


def test_undated_items_listed_never_dropped(small_plan):
    assert [i.id for i in undated_items(small_plan)] == ["T3", "P4"]
    fig = timeline(small_plan, today=TODAY)
    note = next(a for a in fig.layout.annotations if a.name == "时间待定")
    assert "时间待定（1 项）" in note.text and "困难党员慰问" in note.text
    y = row_of(fig, "困难党员慰问")
    marker = next(t for t in fig.data if t.name == "时间待定")
    assert y in marker.y
    with_tasks = timeline(small_plan, show_tasks=True, today=TODAY)
    note = next(a for a in with_tasks.layout.annotations if a.name == "时间待定")
    assert "时间待定（2 项）" in note.text and "上级安排的专题研讨" in note.text


def test_undated_project_spans_its_dated_tasks(small_plan):
    items = [replace(i, start=None, end=None, deadline_text="") if i.id == "P1" else i for i in small_plan.items]
    fig = timeline(small_plan.with_items(items), today=TODAY)
    bar, k = bar_at(fig, row_of(fig, "深入学习贯彻全会精神"))
    assert bar.base[k] == "2026-01-01"  # T1's bare deadline runs from the year's start (stats.span_of)
    assert bar.x[k] == (date(2026, 7, 1) - date(2026, 1, 1)).days * DAY_MS + DAY_MS
    assert "按所属任务的时间汇总显示" in bar.text[k]


def test_long_and_hostile_labels(small_plan):
    long_title = "加强和改进新时代党员教育管理工作推动全面从严治党向纵深发展<脚本>"
    items = [*small_plan.items, Item("P9", long_title, parent="S1", section="政治建设", dimension="高度",
                                     end=date(2026, 4, 30))]
    fig = timeline(small_plan.with_items(items), today=TODAY)
    label = rows(fig)[row_of(fig, "加强和改进")]
    assert label.endswith("…") and theme.display_width(label) <= 36
    hover = next(t for t in fig.data if t.type == "scatter" and t.marker.symbol == "diamond" and t.name == "高度")
    assert "&lt;脚本&gt;" in hover.text[0] and "<脚本>" not in hover.text[0]


def test_height_grows_with_rows(small_plan, plan_factory):
    small = timeline(small_plan, today=TODAY)
    big = timeline(plan_factory(200), today=TODAY)
    assert big.layout.height > small.layout.height
    assert timeline(small_plan, height=900, today=TODAY).layout.height == 900


def test_explicit_template_and_palette(small_plan):
    party = timeline(small_plan, today=TODAY)
    assert theme.FONT_FAMILY in party.layout.template.layout.font.family
    assert theme.PARTY_RED in party.layout.title.text
    neutral = build_chart(small_plan, "timeline", palette="neutral", today=TODAY)
    assert theme.palette("neutral").primary in neutral.layout.title.text


def test_sample_plan_every_item_has_a_row(plan):
    fig = timeline(plan, show_tasks=True, today=TODAY)
    assert len(rows(fig)) == len(plan.sections) + len(plan.projects) + len(plan.tasks)
    labels = rows(fig)
    for item in plan.projects:
        title = ("★ " if item.highlight else "") + item.title
        assert any(theme.truncate(title, 36) in label for label in labels), item.title


def test_bad_options_are_refused(small_plan):
    with pytest.raises(ValueError):
        timeline(small_plan, group_by="owner")
    with pytest.raises(ValueError):
        timeline(small_plan, color_by="owner")


def test_big_plans_fold_rows_per_group(plan_factory):
    big = plan_factory(2000)  # 498 projects in 6 sections
    fig = timeline(big, today=TODAY)
    labels = rows(fig)
    assert len(labels) <= 300
    folded = [label for label in labels if "未显示" in label]
    assert len(folded) == 6
    shown = sum(1 for label in labels if "重点项目" in label)
    hidden = sum(int(n) for label in folded for n in re.findall(r"另有 (\d+) 项", label))
    assert shown + hidden == len(big.projects)
    all_rows = timeline(big, today=TODAY, max_rows=10_000)
    assert len(rows(all_rows)) == 6 + len(big.projects)


def test_milestone_with_a_span_keeps_its_bar_and_gets_a_star_at_the_end():
    plan = Plan(year=2026, items=(
        Item("P1", "召开组织生活会", dimension="精度", start=date(2026, 1, 1), end=date(2026, 2, 28), milestone=True),
        Item("P2", "七一表彰", dimension="高度", end=date(2026, 6, 30), milestone=True),
    ))
    fig = timeline(plan, today=TODAY)
    y = row_of(fig, "召开组织生活会")
    bar, i = bar_at(fig, y)
    assert bar.base[i] == "2026-01-01"
    assert points(fig, y, "star") == ["2026-02-28"]
    deadline_only = row_of(fig, "七一表彰")
    assert points(fig, deadline_only, "star") == ["2026-06-30"]
    assert all(deadline_only not in t.y for t in main_bars(fig))


def test_width_sets_the_figure_and_caps_the_label_column(plan):
    wide = timeline(plan, today=TODAY)
    narrow = timeline(plan, today=TODAY, width=900)
    assert (wide.layout.width, narrow.layout.width) == (1600, 900)
    assert narrow.layout.margin.l <= round(0.35 * 900)
    longest = max(theme.display_width(re.sub("<[^>]+>", "", t)) for t in rows(narrow))
    assert longest <= (0.35 * 900 - 30) / 8 + 2  # labels were cut to the column


def test_undated_note_can_be_left_out_and_percent_labels_are_not_clipped(small_plan):
    from planviz.charts.timeline import UNDATED_TEXT

    with_note = timeline(small_plan, today=TODAY)
    without = timeline(small_plan, today=TODAY, undated_note=False)
    assert any(a.name == UNDATED_TEXT for a in with_note.layout.annotations)
    assert not any(a.name == UNDATED_TEXT for a in without.layout.annotations)
    assert without.layout.margin.b < with_note.layout.margin.b
    percent = [t for t in with_note.data if t.name == "进度"]
    assert percent and percent[0].cliponaxis is False


def test_milestone_percent_sits_clear_of_the_star():
    plan = Plan(year=2026, items=(Item("P1", "七一表彰", dimension="高度", end=date(2026, 6, 30), milestone=True,
                                       progress=1.0),))
    fig = timeline(plan, today=TODAY)
    label = next(t for t in fig.data if t.name == "进度")
    assert label.x[0] == "2026-07-09"
