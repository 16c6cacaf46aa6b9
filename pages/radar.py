"""六度雷达：六个维度的分布与五大抓手矩阵，可叠加上一年度或其他支部的计划对比。"""
import streamlit as st

from planviz.charts.levers import lever_matrix
from planviz.charts.radar import radar
from planviz.stats import RADAR_METRICS
from planviz_app import state, ui

ui.require_app()

COMPARE_KEY = "pv_compare"

st.title("六度雷达")
plan = state.plan()
pal = state.palette()

c1, c2 = st.columns([2, 3])
metric = c1.radio("衡量指标", list(RADAR_METRICS), format_func=RADAR_METRICS.get, key="rd_metric",
                  help="项目数：各维度的重点项目个数；工作量：各维度下的任务数；平均进度：各维度已报进度的平均值")
with c2:
    ui.compare_uploader(COMPARE_KEY)
compare = st.session_state.get(COMPARE_KEY)
label = None
if compare is not None:
    label = st.text_input("对比计划的图例名称", value=f"{compare.plan.organization}{compare.plan.year}年",
                          key="rd_label")

options = dict(metric=metric, compare=compare.plan if compare else None, compare_label=label or None, palette=pal)
# On screen as wide as the column; the PNG is drawn at print size only when downloaded.
ui.show_figure(radar(plan, width=ui.figure_width(), **options), key="rd_radar")
ui.download_figure("下载雷达图 PNG", lambda: radar(plan, **options), f"{plan.display_title}-六度雷达.png", key="rd_png")

st.divider()
st.caption("五大抓手 × 六度矩阵：每格是同时属于该抓手和该维度的重点项目个数；空白格说明这一组合还没有项目。")
if not any(p.lever for p in plan.projects):
    st.info("这份计划没有“抓手”列，矩阵是空的。在计划表中加一列“抓手”（填写五大抓手之一），或在「上传与检查」的"
            "在线修改中为项目选择抓手后，这里就会显示。", icon=":material/grid_off:")
ui.show_figure(lever_matrix(plan, palette=pal, width=ui.figure_width()), key="rd_levers")
ui.download_figure("下载矩阵图 PNG", lambda: lever_matrix(plan, palette=pal), f"{plan.display_title}-抓手矩阵.png",
                   key="lv_png")
