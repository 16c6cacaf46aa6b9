"""思维导图：按板块或维度展开计划，可调层级与布局，可下载 PNG/SVG。"""
import streamlit as st

from planviz.charts.mindmap import mindmap, section_mindmaps
from planviz_app import state, ui

ui.require_app()

SPLIT_FROM = 120  # items above which the map opens split by group

st.title("思维导图")
plan = state.plan()

c1, c2, c3, c4 = st.columns([2, 2, 2, 2])
group_by = c1.radio("分组方式", ["section", "dimension"], horizontal=True, key="mm_group",
                    format_func={"section": "按板块", "dimension": "按六度维度"}.get)
layout = c2.radio("布局", ["tree", "radial"], horizontal=True, key="mm_layout",
                  format_func={"tree": "树状（从左到右）", "radial": "放射状"}.get)
depth = c3.select_slider("展开层级", options=[1, 2, 3], value=3, key="mm_depth",
                         format_func={1: "只看分组", 2: "到项目", 3: "到任务"}.get)
# A big plan opens one map per group: a single map of 300 items is several screens tall.
split = c4.toggle("每个分组单独一张图", value=len(plan.items) > SPLIT_FROM, key=f"mm_split_{state.current().key}",
                  help="条目很多时，分开看更清楚")

options = dict(group_by=group_by, depth=depth, layout=layout, palette=state.palette())
ui.dimension_key(plan)
name = plan.display_title
if split:
    maps = section_mindmaps(plan, **options)
    if not maps:
        st.info("计划中没有可分组的条目。")
    for i, (group, graph) in enumerate(maps):
        with st.expander(group, expanded=i == 0):
            ui.show_graph(graph)
            with st.container(horizontal=True):
                ui.download_graph("下载 PNG", graph, f"{name}-{group}-思维导图.png", key=f"mm_png_{i}")
                ui.download_graph("下载 SVG", graph, f"{name}-{group}-思维导图.svg", fmt="svg", key=f"mm_svg_{i}")
else:
    graph = mindmap(plan, **options)
    ui.show_graph(graph)
    with st.container(horizontal=True):
        ui.download_graph("下载 PNG 图片", graph, f"{name}-思维导图.png", key="mm_png")
        ui.download_graph("下载 SVG 矢量图", graph, f"{name}-思维导图.svg", fmt="svg", key="mm_svg")
st.caption("提示：★ 为亮点项目，颜色对应六度维度；条目过多时部分分支显示为“另有 N 项”。")
