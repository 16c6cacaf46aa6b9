"""时间轴：全年工作按时间排开，可按维度、板块、负责人、状态筛选，可下载 PNG。"""
import streamlit as st

from planviz.charts.timeline import timeline, undated_items
from planviz.model import STATUSES
from planviz_app import state, ui, viewport
from planviz_app.filters import filter_plan, section_names

ui.require_app()

GROUPS = {"section": "按板块", "dimension": "按六度维度"}
COLORS = {"dimension": "按维度着色", "status": "按状态着色"}

st.title("时间轴")
plan = state.plan()

f1, f2, f3, f4 = st.columns(4)
dimensions = f1.multiselect("维度", list(plan.dimensions), key="tl_dims", placeholder="全部维度")
sections = f2.multiselect("板块", section_names(plan), key="tl_sections", placeholder="全部板块")
owners = f3.multiselect("负责人", list(plan.owners()), key="tl_owners", placeholder="全部负责人")
statuses = f4.multiselect("状态", list(STATUSES), key="tl_statuses", placeholder="全部状态")
o1, o2, o3 = st.columns([2, 2, 2])
group_by = o1.radio("分组", list(GROUPS), format_func=GROUPS.get, horizontal=True, key="tl_group")
color_by = o2.radio("着色", list(COLORS), format_func=COLORS.get, horizontal=True, key="tl_color")
show_tasks = o3.toggle("显示任务", value=False, key="tl_tasks", help="打开后在项目下逐条显示任务")

shown = filter_plan(plan, dimensions=dimensions, sections=sections, owners=owners, statuses=statuses)
if not shown.projects and not shown.tasks:
    st.info("没有符合筛选条件的工作，请放宽筛选条件。")
    st.stop()
options = dict(group_by=group_by, color_by=color_by, show_tasks=show_tasks, today=ui.today(),
               palette=state.palette())
# On screen the chart is as wide as the page's column and leaves the “时间待定” note to the list under
# it; the PNG keeps the print width (1600 px) and the note, and is only built when downloaded.
ui.show_figure(timeline(shown, width=viewport.current().content, undated_note=False, **options), key="tl_chart")
ui.download_figure("下载时间轴 PNG（打印尺寸）", lambda: timeline(shown, **options), f"{plan.display_title}-时间轴.png",
                   key="tl_png")

undated = undated_items(shown)
if undated:
    with st.expander(f"未排入时间轴的工作（{len(undated)} 项，没有可识别的时间）"):
        st.dataframe([{"工作": i.title, "时间节点": i.deadline_text or "（未填写）", "负责人": i.owner_text}
                      for i in undated], hide_index=True, width="stretch")
