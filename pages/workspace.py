"""工作区：保存当前计划、打开已保存的计划、版本和变化、全年进度记录、分享链接。"""
from datetime import timedelta
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from planviz.charts.history import progress_by_group, progress_history, slipped_chart
from planviz.model import PlanError
from planviz.stats import cn_date, percent
from planviz.store import history
from planviz.store.auth import may_write
from planviz.vocab import LEVEL_NAMES
from planviz_app import state, ui, workspace

ui.require_app()

st.title("工作区")
who = workspace.actor()
if who is None:
    st.info("请先登录。不登录也可以上传和查看计划，只是不保存。")
    st.page_link("pages/login.py", label="去登录", icon=":material/login:")
    st.stop()
store = workspace.store()
pal = state.palette()
loaded = state.current()
opened = workspace.opened()


def _message(text: str) -> None:
    st.session_state["ws_message"] = text


# -- save the plan in use ---------------------------------------------------------------------------
# Buttons act in callbacks: they run before the page, so no rerun of the page can lose a click.
def _save() -> None:
    org, as_of = st.session_state["ws_org"], st.session_state["ws_as_of_save"]
    try:
        before = [p for p in store.plans(who) if p.org_name == org and p.year == loaded.plan.year]
        previous = None
        if before:  # compare with the plan as it then stood, reports included
            snaps, events = store.timeline(who, before[0].id)
            earlier = [s for s in snaps if s.as_of <= as_of] or snaps
            previous = history.plan_on(snaps, events, max(s.as_of for s in earlier))
        version = store.save_version(who, org, loaded.plan, loaded.data, loaded.name, as_of=as_of)
    except PlanError as error:
        st.session_state["ws_error"] = str(error)
        return
    change = history.diff(previous, loaded.plan).summary() if previous else "第一次保存"
    workspace.open_plan(who, version.plan_id, as_of)
    _message(f"已保存为「{org}」{loaded.plan.year} 年度计划第 {version.number} 版：{change}")


st.subheader("保存当前计划")
writable = [o.name for o in store.orgs(who) if may_write(who, o.id)]
if not writable:
    st.caption("您的账号只能查看，不能保存计划。")
else:
    c1, c2, c3 = st.columns([2, 1, 1])
    c1.selectbox("保存到", writable, key="ws_org")
    c2.date_input("进度截至", value=store.today(), max_value=store.today(), format="YYYY-MM-DD", key="ws_as_of_save")
    c3.write("")
    c3.button("保存到工作区", type="primary", key="ws_save", on_click=_save)
if error := st.session_state.pop("ws_error", None):
    st.error(error)
if message := st.session_state.pop("ws_message", None):
    st.success(message)

# -- saved plans -----------------------------------------------------------------------------------------
st.subheader("已保存的计划")
plans = store.plans(who)
if not plans:
    st.caption("还没有保存过计划。")
else:
    labels = {p.id: f"{p.org_name} · {p.year} 年度（{p.versions} 版）" for p in plans}
    ids = list(labels)
    default = ids.index(opened.plan_id) if opened and opened.plan_id in labels else 0
    c1, c2 = st.columns([3, 1])
    c1.selectbox("计划", ids, index=default, format_func=labels.get, key="ws_pick")
    c2.write("")
    c2.button("打开", key="ws_open", on_click=lambda: workspace.open_plan(who, st.session_state["ws_pick"]))

if opened is None or opened.shared:
    st.stop()

# -- the open plan: versions, history, links --------------------------------------------------------------
info = store.plan_info(who, opened.plan_id)
snaps, events = store.timeline(who, opened.plan_id)
day = opened.as_of
plan = loaded.plan
st.text(f"正在查看：{info.org_name} {info.year} 年度计划，截至 {cn_date(day)}（在侧边栏改截至日期）")

st.subheader("版本")
rows = []
for n, snap in enumerate(snaps):
    change = history.diff(snaps[n - 1].plan, snap.plan).summary() if n else "第一次保存"
    rows.append({"版本": snap.number, "进度截至": snap.as_of.isoformat(), "条目": len(snap.plan.items),
                 "总体进度": percent(history.version_on(snap, events, snap.as_of).overall_progress()),
                 "与上一版相比": change})
versions = {v.number: v for v in store.versions(who, opened.plan_id)}
for row in rows:
    v = versions[row["版本"]]
    row["保存人"], row["保存时间（UTC）"] = v.saved_by, v.saved_at.strftime("%Y-%m-%d %H:%M")
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
pick = st.selectbox("下载原始文件", list(versions), format_func=lambda n: f"第 {n} 版：{versions[n].file_name}",
                    key="ws_file_pick")
name, data = store.version_file(who, opened.plan_id, pick)
st.download_button("下载", data, file_name=name, mime="application/octet-stream", key="ws_file", on_click="ignore",
                   icon=":material/download:")

st.subheader("全年进度记录")
points = history.progress_over_time(snaps, events, day)
ui.show_figure(progress_history(points, plan, palette=pal), key="ws_hist")
c1, c2 = st.columns(2)
with c1:
    ui.show_figure(progress_by_group(points, plan, by="section", palette=pal, height=620), key="ws_sections")
with c2:
    ui.show_figure(progress_by_group(points, plan, by="dimension", palette=pal, height=620), key="ws_dims")

since = history.last_report_before(snaps, events, day)
st.markdown(f"**自上次填报（{cn_date(since)}）以来的变化**" if since else "**尚无更早的填报**")
if since:
    change = history.changes_between(snaps, events, since, day)
    st.caption(change.summary())
    table = [{"事项": after.title, "层级": LEVEL_NAMES.get(after.level, after.level),
              "原进度": percent(before.progress), "现进度": percent(after.progress),
              "原状态": before.status or "—", "现状态": after.status or "—"} for before, after in change.updated]
    table += [{"事项": i.title, "层级": LEVEL_NAMES.get(i.level, i.level), "现状态": "新增"} for i in change.added]
    table += [{"事项": i.title, "层级": LEVEL_NAMES.get(i.level, i.level), "原状态": "删除"} for i in change.removed]
    if table:
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")

slipped = history.slipped_by_month(snaps, events, day)
ui.show_figure(slipped_chart(slipped, plan, palette=pal), key="ws_slipped")
late = [{"到期月份": f"{m}月", "事项": i.title, "完成时限": i.end.isoformat(), "负责人": i.owner_text or "未填写"}
        for m, items in slipped.items() for i in items]
if late:
    st.dataframe(pd.DataFrame(late), hide_index=True, width="stretch")

st.subheader("分享链接（只读）")
st.caption("持链接的人不用登录，就能看这份计划的进度看板和演示模式；可随时撤销。")
if may_write(who, info.org_id):
    c1, c2 = st.columns([1, 3])
    c1.number_input("有效天数", min_value=1, max_value=365, value=30, key="ws_link_days")
    c2.write("")

    def _share() -> None:
        token, _ = store.create_link(who, opened.plan_id, ttl=timedelta(days=int(st.session_state["ws_link_days"])))
        base = urlsplit(st.context.url if isinstance(st.context.url, str) else "")
        st.session_state["ws_link_url"] = f"{base.scheme}://{base.netloc}/progress?share={token}"

    c2.button("生成分享链接", key="ws_link_new", on_click=_share)
    if url := st.session_state.get("ws_link_url"):
        st.code(url, language=None)
links = store.links(who, opened.plan_id)
now = store.clock()
for link in links:
    state_text = "已撤销" if link.revoked_at else ("已过期" if not link.active(now) else "有效")
    c1, c2 = st.columns([4, 1])
    c1.text(f"{link.created_by} 于 {link.created_at:%Y-%m-%d} 创建，{link.expires_at:%Y-%m-%d} 到期 · {state_text}")
    if link.active(now) and may_write(who, info.org_id):
        c2.button("撤销", key=f"ws_revoke_{link.id}", on_click=store.revoke_link, args=(who, link.id))
