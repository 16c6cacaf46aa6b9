"""党委审阅：下属各组织的计划一览、审议（退回修改、审议通过）、对比图表、排名、汇总与批量简报下载。"""
import dataclasses
import tempfile
from pathlib import Path

import streamlit as st

from planviz.brief.bundle import write_bundle
from planviz.brief.committee import compose_summary
from planviz.charts.compare import progress_lines, radar_grid
from planviz.committee import (FILTERS, SORT_KEYS, TABLE_COLUMNS, committee_rows, filter_rows, rank_by_completeness,
                               rank_by_progress, sort_rows, summarize, table_records)
from planviz.model import PlanError
from planviz.stats import percent
from planviz.store import Store
from planviz.store import review
from planviz.store.branches import branch_plans
from planviz.vocab import REVIEW_STATE_NAMES
from planviz_app import state, ui, workspace

ui.require_app()

ERROR_KEY = "cm_error"  # a refused review step, shown on the next run
OPEN_KEY = "cm_open_now"
PERCENT_COLUMNS = ("实际进度", "应达进度", "计划完整度")


def _timeline(steps, plan) -> None:
    """The review steps of a plan, oldest first, each with its comments on items or on the plan."""
    titles = plan.by_id()
    for step in steps:
        st.markdown(f"- {step.day.isoformat()}　**{step.action_name}**（第 {step.version} 版，{step.who}）"
                    + (f"：{step.note}" if step.note else ""))
        for c in step.comments:
            where = f"「{titles[c.item_id].title}」" if c.item_id in titles else "整份计划"
            st.caption(f"　　对{where}：{c.text}")
    if not steps:
        st.caption("尚无审议记录")


def _act(step, *args, **kwargs) -> None:
    """A review step from a button's callback (callbacks survive the reruns a page may make)."""
    try:
        step(*args, **kwargs)
    except PlanError as error:
        st.session_state[ERROR_KEY] = str(error)


def _show_error() -> None:
    if ERROR_KEY in st.session_state:
        st.error(st.session_state.pop(ERROR_KEY))


def _decide(step, store: Store, actor, plan_id: int) -> None:
    """Return or approve with the comments typed in the form."""
    target, item_note = st.session_state.get("cm_item"), st.session_state.get("cm_item_note", "")
    comments = [(target, item_note)] if target and item_note.strip() else []
    _act(step, store, actor, plan_id, st.session_state.get("cm_note", ""), comments)


def _open(actor, plan_id: int, branch, day) -> None:
    """The branch's plan as of ``day`` in use for every page, read-only for a committee (the store refuses its writes)."""
    loaded = workspace.open_plan(actor, plan_id, day)
    # The brief of the opened plan cites its approval, as the committee's table does.
    state.use(dataclasses.replace(loaded, plan=loaded.plan.replace(approved_on=branch.plan.approved_on)))
    st.session_state[OPEN_KEY] = True


def _own_plan(store: Store, actor) -> None:
    """For a branch's own accounts: where its plan stands in the review; an editor submits it here."""
    own = next((o.name for o in store.orgs(actor) if o.id == actor.org_id), None)
    year = st.number_input("年度", min_value=2000, max_value=2100, value=ui.today().year, step=1, key="cm_own_year")
    try:
        info = store.find_plan(actor, own, int(year))
    except PlanError as error:
        st.info(str(error))
        return
    st.markdown(f"#### {own} {info.year} 年度计划　·　{REVIEW_STATE_NAMES[review.plan_review_state(store, actor, info.id)]}")
    _timeline(review.review_events(store, actor, info.id), store.plan_as_of(actor, info.id))
    if actor.role == "editor":
        st.button("提交审议（最新版本）", key="cm_submit", type="primary", on_click=_act,
                  args=(review.submit, store, actor, info.id))
    _show_error()


st.title("党委审阅")
store = workspace.store()
actor = workspace.actor()
if actor is None:
    st.info("请先用党委（审阅）或管理员账号登录。", icon=":material/login:")
    st.page_link("pages/login.py", label="登录", icon=":material/login:")
    st.stop()
if actor.role not in ("committee", "admin"):
    st.caption("下属各组织一览供党委（审阅）和管理员账号使用；这里是本组织计划的审议情况。")
    _own_plan(store, actor)
    st.stop()

visible = store.orgs(actor)
own = [o.name for o in visible if o.id == actor.org_id] or [o.name for o in visible if o.parent_id is None]
names = own + [o.name for o in visible if o.name not in own]
if not names:
    st.info("工作区中还没有组织。管理员可用命令 `python -m planviz store org add` 新建。")
    st.stop()
c1, c2, c3 = st.columns([3, 1, 2])
org = c1.selectbox("组织", names, key="cm_org", help="列出它和它下属的各组织")
as_of = c3.date_input("截至日期", value=ui.today(), key="cm_as_of", format="YYYY-MM-DD")
year = c2.number_input("年度", min_value=2000, max_value=2100, value=as_of.year, step=1, key="cm_year")
branches = branch_plans(store, actor, org, year=int(year), as_of=as_of, with_history=True)
rows = committee_rows(branches, as_of)
pal = state.palette()

s = summarize(rows)
m = st.columns(6)
m[0].metric("组织", s.branches)
m[1].metric("已有计划", s.with_plan)
m[2].metric("待审议", s.states["submitted"])
m[3].metric("审议通过", s.states["approved"])
m[4].metric("平均进度", percent(s.progress, "—"), help=f"按时限应达 {percent(s.planned, '—')}")
m[5].metric("逾期事项", s.overdue)

st.subheader("各组织计划一览")
f1, f2, f3, f4, f5 = st.columns([2, 2, 3, 2, 1])
states = f1.multiselect("审议状态", list(REVIEW_STATE_NAMES), format_func=REVIEW_STATE_NAMES.get, key="cm_states")
search = f2.text_input("名称包含", key="cm_search")
only = f3.multiselect("只看", list(FILTERS), format_func=FILTERS.get, key="cm_only")
sort_by = f4.selectbox("排序", list(SORT_KEYS), format_func=SORT_KEYS.get, key="cm_sort")
descending = f5.toggle("倒序", key="cm_desc")
shown = sort_rows(filter_rows(rows, states=states, search=search, only=only), sort_by, descending)
picked = st.dataframe(
    table_records(shown), hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
    key="cm_table", column_order=TABLE_COLUMNS,
    column_config={name: st.column_config.NumberColumn(name, format="%.0f%%") for name in PERCENT_COLUMNS})
st.caption(f"显示 {len(shown)} / {len(rows)} 个组织。点选一行可审议或只读打开该组织的计划。")

selected = [n for n in picked.selection.rows if n < len(shown)]  # a selection made before the filter changed
chosen = shown[selected[0]] if selected else None
branch = next((b for b in branches if b.org == chosen.org), None) if chosen else None
if chosen is not None and branch is not None and branch.plan is not None:
    with st.container(border=True):
        st.markdown(f"#### {chosen.org}　·　{chosen.state_name}　·　第 {chosen.version} 版")
        info = store.find_plan(actor, chosen.org, int(year))
        _timeline(review.review_events(store, actor, info.id), branch.plan)
        st.button("只读打开该组织的看板", key="cm_open", on_click=_open, args=(actor, info.id, branch, as_of))
        if st.session_state.pop(OPEN_KEY, False):
            st.switch_page("pages/overview.py")
        if chosen.state == "submitted":
            items = {i.id: i.title for i in branch.plan.items if i.level != "section"}
            st.text_area("对整份计划的意见", key="cm_note")
            st.selectbox("针对条目的意见（可选）", [""] + list(items),
                         format_func=lambda k: items.get(k, "（不针对具体条目）"), key="cm_item")
            st.text_input("条目意见", key="cm_item_note")
            b1, b2 = st.columns(2)
            b1.button("退回修改", key="cm_return", on_click=_decide, args=(review.return_plan, store, actor, info.id))
            b2.button("审议通过", key="cm_approve", type="primary", on_click=_decide,
                      args=(review.approve, store, actor, info.id))
        _show_error()

ordered = {r.org: n for n, r in enumerate(shown)}
picked_branches = sorted((b for b in branches if b.org in ordered), key=lambda b: ordered[b.org])  # as filtered
tab_radar, tab_lines, tab_rank = st.tabs(["六度雷达对比", "进度变化", "排名（晒一晒、比一比）"])
with tab_radar:
    metric = st.radio("指标", ["projects", "effort", "progress"], horizontal=True, key="cm_metric",
                      format_func={"projects": "项目数", "effort": "工作量", "progress": "平均进度"}.get)
    ui.show_figure(radar_grid(picked_branches, metric=metric, palette=pal), key="cm_radars")
with tab_lines:
    ui.show_figure(progress_lines(picked_branches, today=as_of, palette=pal), key="cm_lines")
with tab_rank:
    r1, r2 = st.columns(2)
    for column, title, ranking in ((r1, "按进度（实际 − 应达）", rank_by_progress(shown)),
                                   (r2, "按计划完整度", rank_by_completeness(shown))):
        column.markdown(f"**{title}**")
        column.dataframe([{"名次": f"第 {r.rank} 名" if r.rank else "未排名", "组织": r.org, "理由": r.reason} for r in ranking], hide_index=True,
                         width="stretch", key=f"cm_rank_{title}")

st.subheader("下载")
d1, d2 = st.columns(2)


def _summary():
    return compose_summary(picked_branches, committee=org, year=int(year), as_of=as_of, sort_by=sort_by,
                           descending=descending, today=ui.today(), palette=pal)


with d1:  # drawn only when clicked
    st.download_button("汇总一页纸 PNG", lambda: _summary().png(), f"{org}{year}年度计划汇总.png", "image/png",
                       key="cm_sum_png", on_click="ignore", icon=":material/download:")
    st.download_button("汇总一页纸 PDF", lambda: _summary().pdf(), f"{org}{year}年度计划汇总.pdf", "application/pdf",
                       key="cm_sum_pdf", on_click="ignore", icon=":material/download:")
with d2:
    fmt = st.radio("简报版式", ["a4", "slide"], horizontal=True, key="cm_fmt",
                   format_func={"a4": "A4 竖版", "slide": "16:9 横版"}.get)
    if st.button(f"生成 {sum(1 for b in picked_branches if b.plan)} 份简报（ZIP）", key="cm_zip"):
        bar = st.progress(0.0, text="正在生成简报……")
        target = Path(tempfile.mkdtemp(prefix="planviz-zip-")) / "简报.zip"
        done = write_bundle(picked_branches, target, summary=_summary(), today=as_of, fmt=fmt, palette=pal,
                            progress=lambda n, total, name: bar.progress(n / total, text=f"{n}/{total} {name}"))
        bar.progress(1.0, text=f"已生成 {len(done.written)} 份" + (f"，{len(done.skipped)} 个未生成（见 说明.txt）"
                                                               if done.skipped else ""))
        st.download_button("下载 ZIP", target.read_bytes(), f"{org}{year}年度各组织简报.zip", "application/zip",
                           key="cm_zip_download")
        target.unlink()
        target.parent.rmdir()
