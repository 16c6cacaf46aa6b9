"""Six-dimension radar: values, order, colours, comparison overlay, gaps and custom dimensions."""
import io
from datetime import date

import plotly.graph_objects as go
import pytest
from PIL import Image

from planviz import stats, theme
from planviz.charts import build_chart
from planviz.charts.radar import COMPARE_COLOR, radar, radar_values
from planviz.model import Item, Plan


def _plan(year=2026, organization="测试党支部", dimensions=None, spread=None):
    """One project per (dimension, count) in ``spread``, each with one task at 50 %."""
    dimensions = dimensions or ("高度", "深度", "精度", "温度", "亮度", "融合度")
    spread = spread if spread is not None else {dimensions[0]: 3, dimensions[1]: 1, dimensions[3]: 2}
    items = [Item("S1", "板块", level="section")]
    for dim, n in spread.items():
        for k in range(n):
            pid = f"P-{dim}-{k}"
            items.append(Item(pid, f"{dim}项目{k}", parent="S1", dimension=dim, lever="项目化",
                              end=date(year, 6, 30), progress=0.8))
            items.append(Item(f"T-{dim}-{k}", "任务", level="task", parent=pid, progress=0.5))
    return Plan(year=year, organization=organization, dimensions=tuple(dimensions), items=tuple(items))


def _vertices(fig):
    return fig.data[-1]


@pytest.mark.parametrize("metric", ["projects", "effort", "progress"])
def test_values_match_shared_stats(plan, metric):
    values = radar_values(plan, metric)
    rows = stats.dimension_stats(plan)
    assert list(values) == list(plan.dimensions)
    for row in rows:
        expected = (row.progress or 0) * 100 if metric == "progress" else getattr(row, metric)
        assert values[row.dimension] == pytest.approx(expected, abs=0.05)
    fig = radar(plan, metric=metric)
    assert list(_vertices(fig).r) == pytest.approx([values[d] for d in plan.dimensions])


def test_traces_theta_order_and_closed_polygon(plan):
    fig = radar(plan)
    assert [type(t) for t in fig.data] == [go.Scatterpolar, go.Scatterpolar]
    polygon, vertices = fig.data
    assert vertices.mode == "markers+text"
    dims = list(plan.dimensions)
    assert list(vertices.theta) == dims
    assert list(polygon.theta) == dims + dims[:1]  # closed
    assert polygon.r[0] == polygon.r[-1]
    assert polygon.fill == "toself"


def test_vertex_and_axis_colours_are_dimension_colours(plan):
    fig = radar(plan)
    expected = [theme.dimension_color(d, plan.dimensions) for d in plan.dimensions]
    assert list(_vertices(fig).marker.color) == expected
    ticktext = fig.layout.polar.angularaxis.ticktext
    for text, dim, colour in zip(ticktext, plan.dimensions, expected):
        assert dim in text and colour in text


def test_compare_overlay_adds_dashed_trace_with_legend():
    this, last = _plan(2026), _plan(2025, spread={"高度": 1, "亮度": 4})
    fig = radar(this, compare=last)
    assert len(fig.data) == 3
    overlay = fig.data[1]
    assert overlay.name == "2025年" and fig.data[0].name == "2026年"
    assert overlay.line.dash == "dash" and overlay.line.color == COMPARE_COLOR
    assert list(overlay.r[:-1]) == [1, 0, 0, 0, 4, 0]
    assert fig.layout.showlegend is True
    assert radar(this).layout.showlegend is False

    named = radar(this, compare=last, compare_label="上年计划")
    assert named.data[1].name == "上年计划"


def test_compare_names_organizations_when_they_differ():
    fig = radar(_plan(2026, "一支部"), compare=_plan(2026, "二支部"))
    assert (fig.data[0].name, fig.data[1].name) == ("一支部 2026年", "二支部 2026年")
    same = radar(_plan(2026), compare=_plan(2026))
    assert same.data[0].name != same.data[1].name  # never two identical legend entries


def test_compare_plan_with_other_dimensions_counts_missing_as_zero():
    other = _plan(2025, dimensions=("高度", "深度", "新维度"), spread={"新维度": 2, "深度": 2})
    fig = radar(_plan(), compare=other)
    assert list(fig.data[1].r[:-1]) == [0, 2, 0, 0, 0, 0]


def test_empty_dimensions_stay_on_the_chart_and_are_named():
    fig = radar(_plan())
    values = list(_vertices(fig).r)
    assert len(values) == 6 and values.count(0) == 3
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "薄弱维度" in notes and "精度" in notes and "亮度" in notes and "融合度" in notes
    full = radar(_plan(spread={d: 1 for d in ("高度", "深度", "精度", "温度", "亮度", "融合度")}))
    assert not full.layout.annotations


def test_progress_metric_is_percent_and_says_when_not_reported():
    fig = radar(_plan(), metric="progress")
    assert list(fig.layout.polar.radialaxis.range) == [0, 100]
    assert fig.layout.polar.radialaxis.ticksuffix == "%"
    texts = list(_vertices(fig).text)
    assert texts[0] == f"{(0.8 * 3 + 0.5 * 3) / 6 * 100:.0f}%"
    assert texts[2] == "未填报"


def test_custom_dimension_names():
    dims = ("政治引领", "思想武装", "组织建设", "作风建设", "纪律建设")
    plan = _plan(dimensions=dims, spread={"政治引领": 2, "纪律建设": 1})
    fig = radar(plan)
    assert list(_vertices(fig).theta) == list(dims)
    assert list(_vertices(fig).r) == [2, 0, 0, 0, 1]
    assert list(_vertices(fig).marker.color) == [theme.dimension_color(d, dims) for d in dims]
    assert len(set(_vertices(fig).marker.color)) == 5


def test_unknown_metric_is_a_chinese_error(plan):
    with pytest.raises(ValueError, match="指标"):
        radar(plan, metric="budget")


def test_plan_without_items_does_not_crash():
    fig = radar(Plan(year=2026), metric="progress")
    assert list(_vertices(fig).r) == [0] * 6


def test_figure_chrome_and_dispatch(plan):
    fig = build_chart(plan, "radar", palette="neutral")
    assert fig.layout.width >= 1000 and fig.layout.height >= 700
    assert "Noto Sans CJK SC" in fig.layout.template.layout.font.family
    assert "六度雷达" in fig.layout.title.text
    assert plan.display_title in fig.layout.title.subtitle.text
    assert fig.data[0].line.color == theme.palette("neutral").accent
    assert radar(plan, title="我的雷达").layout.title.text.endswith("<b>我的雷达</b>")


def test_markup_in_plan_names_is_escaped():
    plan = _plan(organization="A&B<党委>", dimensions=("高度<1>", "深度", "精度"), spread={"深度": 1})
    fig = radar(plan, title="雷达<b>")
    assert "A&amp;B&lt;党委&gt;" in fig.layout.title.subtitle.text
    assert fig.layout.title.text.endswith("<b>雷达&lt;b&gt;</b>")
    assert "高度&lt;1&gt;" in fig.layout.polar.angularaxis.ticktext[0]
    assert "高度&lt;1&gt;" in fig.layout.annotations[0].text


def test_png_export_is_not_blank(plan):
    from planviz.export import figure_bytes

    png = figure_bytes(radar(plan, compare=_plan(2025)), "png", scale=1)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (1100, 860)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text, polygon, markers — not a flat page
