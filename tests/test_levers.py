"""Lever matrix: counts per lever and dimension, order, totals, blanks, custom names."""
import plotly.graph_objects as go

from planviz import stats, theme
from planviz.charts import build_chart
from planviz.charts.levers import lever_grid, lever_matrix, unplaced_projects
from planviz.model import Item, Plan


def _plan(levers=("项目化", "清单化", "责任化", "品牌化", "数字化"),
          dimensions=("高度", "深度", "精度", "温度", "亮度", "融合度")):
    pairs = [(levers[0], dimensions[0]), (levers[0], dimensions[0]), (levers[2], dimensions[3]),
             (levers[4], dimensions[-1]), (None, dimensions[1]), (levers[1], None), ("不在表内", dimensions[0])]
    items = [Item("S1", "板块", level="section")]
    items += [Item(f"P{n}", f"项目{n}", parent="S1", lever=lv, dimension=d) for n, (lv, d) in enumerate(pairs)]
    items.append(Item("T1", "任务不计入矩阵", level="task", parent="P0", dimension=dimensions[0]))
    return Plan(year=2026, levers=tuple(levers), dimensions=tuple(dimensions), items=tuple(items))


def _totals(fig):
    return [a.text for a in fig.layout.annotations if "合计" in a.text]


def test_z_equals_shared_counts_in_plan_order(plan):
    fig = lever_matrix(plan)
    assert [type(t) for t in fig.data] == [go.Heatmap]
    heat = fig.data[0]
    counts = stats.lever_counts(plan)
    assert [list(row) for row in heat.z] == [[counts[(lv, d)] for d in plan.dimensions] for lv in plan.levers]
    assert list(heat.x) == list(plan.dimensions) and list(heat.y) == list(plan.levers)
    assert fig.layout.yaxis.autorange == "reversed"  # first lever on top, as in the plan
    assert sum(map(sum, heat.z)) == sum(1 for p in plan.projects if p.lever and p.dimension)


def test_zero_cells_are_blank_and_counts_written():
    fig = lever_matrix(_plan())
    heat = fig.data[0]
    assert lever_grid(_plan())[0][0] == 2
    assert heat.text[0][0] == "2" and heat.text[0][1] == ""
    assert heat.colorscale[0][1] == "#FFFFFF" and heat.zmin == 0
    assert heat.text[2][3] == "1" and heat.text[4][5] == "1"


def test_row_and_column_totals():
    fig = lever_matrix(_plan())
    totals = _totals(fig)
    assert len(totals) == 5 + 6
    rows, cols = totals[:5], totals[5:]
    assert "<b>2</b>" in rows[0] and "<b>0</b>" in rows[1] and "<b>1</b>" in rows[4]
    assert "<b>2</b>" in cols[0] and "<b>0</b>" in cols[1]
    assert theme.PARTY_RED in rows[1]  # an empty lever is marked in red


def test_projects_outside_the_matrix_are_reported():
    plan = _plan()
    assert unplaced_projects(plan) == 3  # no lever, no dimension, unknown lever
    assert "另有 3 个项目未标注" in lever_matrix(plan).layout.title.subtitle.text


def test_labels_carry_dimension_and_lever_colours(plan):
    fig = lever_matrix(plan)
    for text, dim in zip(fig.layout.xaxis.ticktext, plan.dimensions):
        assert dim in text and theme.dimension_color(dim, plan.dimensions) in text
    for text, lever in zip(fig.layout.yaxis.ticktext, plan.levers):
        assert lever in text and theme.lever_color(lever, plan.levers) in text


def test_custom_levers_and_dimensions():
    plan = _plan(levers=("一", "二", "三", "四", "五", "六"), dimensions=("甲", "乙", "丙", "丁"))
    fig = lever_matrix(plan)
    assert list(fig.data[0].y) == ["一", "二", "三", "四", "五", "六"]
    assert list(fig.data[0].x) == ["甲", "乙", "丙", "丁"]
    z = [list(r) for r in fig.data[0].z]
    assert z[0] == [2, 0, 0, 0] and z[2] == [0, 0, 0, 1] and z[4] == [0, 0, 0, 1] and z[5] == [0, 0, 0, 0]


def test_plan_without_tagged_projects_says_so():
    fig = lever_matrix(Plan(year=2026))
    assert sum(map(sum, fig.data[0].z)) == 0
    assert any("尚未标注" in a.text for a in fig.layout.annotations)


def test_chrome_and_dispatch(plan):
    fig = build_chart(plan, "levers", palette="neutral")
    assert fig.layout.width >= 1000
    assert "Noto Sans CJK SC" in fig.layout.template.layout.font.family
    assert "抓手" in fig.layout.title.text
    assert fig.data[0].colorscale[-1][1] == theme.palette("neutral").primary
