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

fig = radar(plan, metric=metric, compare=compare.plan if compare else None, compare_label=label or None,
            palette=pal)
ui.show_figure(fig, key="rd_radar")
ui.download_figure("下载雷达图 PNG", fig, f"{plan.display_title}-六度雷达.png", key="rd_png")

st.divider()
st.caption("五大抓手 × 六度矩阵：每格是同时属于该抓手和该维度的重点项目个数；空白格说明这一组合还没有项目。")
matrix = lever_matrix(plan, palette=pal)
ui.show_figure(matrix, key="rd_levers")
ui.download_figure("下载矩阵图 PNG", matrix, f"{plan.display_title}-抓手矩阵.png", key="lv_png")
