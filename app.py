"""planviz dashboard entry point: page navigation, the session's plan and the sidebar."""
import streamlit as st

from planviz.model import PlanError
from planviz_app import ui, workspace

st.set_page_config(page_icon="🚩", layout="wide")

PAGES = {
    "计划": [
        st.Page("pages/upload.py", title="上传与检查", icon=":material/upload_file:", url_path="upload"),
        st.Page("pages/overview.py", title="一页纸总览", icon=":material/article:", url_path="overview",
                default=True),
        st.Page("pages/coach.py", title="体检与建议", icon=":material/fact_check:", url_path="coach"),
    ],
    "图表": [
        st.Page("pages/mindmap.py", title="思维导图", icon=":material/account_tree:", url_path="mindmap"),
        st.Page("pages/timeline.py", title="时间轴", icon=":material/timeline:", url_path="timeline"),
        st.Page("pages/radar.py", title="六度雷达", icon=":material/radar:", url_path="radar"),
        st.Page("pages/progress.py", title="进度看板", icon=":material/view_kanban:", url_path="progress"),
    ],
    "会议": [
        st.Page("pages/present.py", title="演示模式", icon=":material/slideshow:", url_path="present"),
    ],
    "工作区": [  # saving needs an account; anonymous use is upload-and-view, as before
        st.Page("pages/workspace.py", title="工作区", icon=":material/folder_open:", url_path="workspace"),
        st.Page("pages/login.py", title="登录", icon=":material/login:", url_path="login"),
    ],
    "审议": [
        st.Page("pages/committee.py", title="党委审阅", icon=":material/fact_check:", url_path="committee"),
    ],
}

link_error = workspace.follow_share_link()
page = st.navigation(workspace.visible(PAGES))
ui.sidebar()
workspace.sidebar()
if link_error:
    st.error(link_error, icon=":material/link_off:")
ui.chinese_widgets()
ui.palette_shell()
if page.url_path != "present":  # the presentation says it on its own counter line
    ui.sample_notice()
try:
    page.run()
except PlanError as error:  # a plan a view cannot use: the Chinese reason, never a traceback
    st.error(str(error), icon=":material/error:")
