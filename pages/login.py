"""登录：用账号登录工作区；已登录时显示账号并可退出。"""
import streamlit as st

from planviz.model import PlanError
from planviz.store import ROLES
from planviz_app import ui, workspace

ui.require_app()

ERROR_KEY, DONE_KEY = "lg_error", "lg_done"


def _login() -> None:  # a callback: runs before the page, so a rerun of the page cannot lose the click
    try:
        workspace.login(st.session_state.get("lg_name", ""), st.session_state.get("lg_password", ""))
    except PlanError as error:
        st.session_state[ERROR_KEY] = str(error)
    else:
        st.session_state[DONE_KEY] = True


if st.session_state.pop(DONE_KEY, False):
    st.switch_page("pages/workspace.py")
st.title("登录工作区")
who = workspace.actor()
if who is not None:
    st.success(f"已登录：{who.name}（{ROLES[who.role]}）")
    st.button("退出登录", on_click=workspace.logout, key="lg_logout")
    st.page_link("pages/workspace.py", label="进入工作区", icon=":material/folder_open:")
else:
    st.caption("不登录也可以上传和查看计划，只是不保存。保存计划、填报进度、查看全年记录需要登录。")
    with st.form("lg_form"):
        st.text_input("账号", key="lg_name")
        st.text_input("密码", type="password", key="lg_password")
        st.form_submit_button("登录", type="primary", on_click=_login)
    if error := st.session_state.pop(ERROR_KEY, None):
        st.error(error)
