"""进度看板：关键数字、按状态分列的任务看板、逾期清单、按负责人和维度的完成情况、计划与实际进度。"""
import streamlit as st

from planviz.charts.progress import (completion_by_dimension, completion_by_owner, overdue_table, planned_vs_actual,
                                     status_donut)
from planviz.model import STATUSES
from planviz.stats import effective_status, key_figures, overdue_items, percent, work_items
from planviz_app import cards, state, ui, workspace

ui.require_app()

KEY_FIGURE_PX = 110

st.title("进度看板")
plan = state.plan()
pal = state.palette()
today = ui.today()

figures = key_figures(plan)
overdue = overdue_items(plan, today)
with st.container(horizontal=True, gap="medium"):  # wraps onto more lines instead of cutting “83%” to “8…”
    for label, value in (("工作板块", figures.sections), ("重点项目", figures.projects), ("具体任务", figures.tasks),
                         ("亮点项目", figures.highlights), ("负责人", figures.owners),
                         ("总体进度", percent(figures.progress, "—"))):
        st.metric(label, value, width=KEY_FIGURE_PX)
    st.metric("逾期事项", len(overdue), delta="需督办" if overdue else None, delta_color="inverse", delta_arrow="off",
              width=KEY_FIGURE_PX)

st.subheader("任务看板")
items = work_items(plan)
late = {i.id for i in overdue}
columns = st.columns(len(STATUSES))
for column, status in zip(columns, STATUSES):
    in_status = [i for i in items if effective_status(i) == status]
    with column:
        st.markdown(f"**{status}**　{len(in_status)} 项")
        with st.container(height=560, border=False):
            st.html(cards.board_cards(in_status, late))

workspace.progress_form(plan)

st.subheader("逾期清单")
table = overdue_table(plan, today=today)
if table.empty:
    st.success("截至今天没有逾期未完成的工作。")
else:
    st.dataframe(table, hide_index=True, width="stretch")

st.subheader("完成情况")
c1, c2 = st.columns(2)
half = ui.figure_width(2)
with c1:
    ui.show_figure(status_donut(plan, palette=pal, height=460, width=half), key="pg_donut")
with c2:
    ui.show_figure(completion_by_dimension(plan, palette=pal, height=460, width=half), key="pg_dimension")
ui.show_figure(completion_by_owner(plan, palette=pal, width=ui.figure_width()), key="pg_owner")
ui.show_figure(planned_vs_actual(plan, today=today, palette=pal, width=ui.figure_width()), key="pg_curve")
ui.download_figure("下载进度曲线 PNG", lambda: planned_vs_actual(plan, today=today, palette=pal),
                   f"{plan.display_title}-计划与实际进度.png", key="pg_png")
