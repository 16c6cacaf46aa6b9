"""Comparison charts: small-multiple radars on one scale and progress lines per branch."""
from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import pytest

from conftest import build_plan, build_small_plan
from planviz import theme
from planviz.charts.compare import BRANCH_COLORS, FAINT, progress_lines, radar_grid
from planviz.charts.radar import radar_values
from planviz.committee import BranchPlan
from planviz.stats import planned_curve


def history(k: int) -> tuple[tuple[date, float], ...]:
    return tuple((date(2026, m, 28), min(1.0, 0.05 * m * (1 + k / 4))) for m in range(1, 7))


def branches(n: int = 5) -> list[BranchPlan]:
    out = [BranchPlan(f"第{k + 1}党支部", build_plan(20 + 12 * k), "submitted", 1, history=history(k))
           for k in range(n)]
    return out + [BranchPlan("离退休党支部", build_small_plan(), "draft", 1), BranchPlan("机关党支部")]


def _markers(fig: go.Figure) -> list:
    return [t for t in fig.data if t.mode == "markers"]


@pytest.mark.parametrize("metric", ["projects", "effort", "progress"])
def test_small_radars_carry_each_plans_own_values_on_one_scale(metric):
    bs = branches()
    fig = radar_grid(bs, metric=metric)
    with_plan = [b for b in bs if b.plan is not None]
    markers = _markers(fig)
    assert [t.name for t in markers] == [b.org for b in with_plan]
    for trace, branch in zip(markers, with_plan):
        values = radar_values(branch.plan, metric)
        assert list(trace.theta) == list(branch.plan.dimensions)
        assert list(trace.r) == [values[d] for d in branch.plan.dimensions]
        assert list(trace.marker.color) == [theme.dimension_color(d) for d in branch.plan.dimensions]
    polars = [fig.layout[k] for k in fig.layout if k.startswith("polar")]
    assert len(polars) == len(with_plan)
    ranges = {tuple(p.radialaxis.range) for p in polars}
    assert len(ranges) == 1  # one scale for all
    top = ranges.pop()[1]
    assert top >= max(max(t.r) for t in markers)
    if metric == "progress":
        assert top == 100
    assert "机关党支部" in fig.layout.title.subtitle.text  # the branch without a plan is named
    assert "Noto Sans CJK SC" in fig.layout.template.layout.font.family


def test_radar_limit_says_how_many_are_left_out():
    fig = radar_grid(branches(5), limit=3, columns=3)
    assert len(_markers(fig)) == 3
    assert "另有 3 个未显示" in fig.layout.title.subtitle.text


def test_radars_without_any_plan_say_so():
    fig = radar_grid([BranchPlan("机关党支部")])
    assert not _markers(fig)
    assert any("尚无可比较的计划" in a.text for a in fig.layout.annotations)


def test_progress_lines_one_per_branch():
    bs = branches(5)
    fig = progress_lines(bs, today=date(2026, 6, 30), limit=3)
    lines = [t for t in fig.data if t.name != "计划应达（平均）"]
    with_history = [b for b in bs if b.history]
    assert [t.name for t in lines[2:]] == [b.org for b in with_history[:3]]  # faint first, coloured on top
    assert [t.line.color for t in lines[:2]] == [FAINT, FAINT]
    assert [t.line.color for t in lines[2:]] == list(BRANCH_COLORS[:3])
    for trace in lines:
        branch = next(b for b in bs if b.org == trace.name)
        assert list(trace.y) == pytest.approx([v * 100 for _, v in branch.history])
    subtitle = fig.layout.title.subtitle.text
    assert "3 个支部着色" in subtitle and "另有 2 个以灰线显示" in subtitle and "2 个尚无进度记录" in subtitle


def test_progress_lines_planned_curve_is_the_mean_of_the_plans():
    bs = branches(3)
    fig = progress_lines(bs, highlight=("第2党支部",))
    planned = next(t for t in fig.data if t.name == "计划应达（平均）")
    curves = [planned_curve(b.plan, 7) for b in bs if b.plan is not None]
    assert list(planned.y) == pytest.approx([sum(c[k][1] for c in curves) / len(curves) * 100
                                             for k in range(len(curves[0]))])
    coloured = [t for t in fig.data if t.showlegend is not False and t.name != "计划应达（平均）"]
    assert [t.name for t in coloured] == ["第2党支部"]


def test_progress_lines_without_history():
    fig = progress_lines([BranchPlan("机关党支部")], planned=False)
    assert not fig.data
    assert any("尚未填报进度" in a.text for a in fig.layout.annotations)
