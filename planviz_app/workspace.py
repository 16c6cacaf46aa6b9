"""The dashboard's side of the workspace store: the logged-in account, the saved plan in use, the as-of
date every view counts from, and view-only links. All checks happen in planviz.store, not here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from planviz.model import PlanError
from planviz.store import ROLES, Actor, PlanInfo, Store, history

from . import state

TOKEN_KEY = "pv_ws_token"
OPEN_KEY = "pv_ws_open"  # the SavedPlan in use, when it came from the workspace
AS_OF_KEY = "pv_ws_as_of"
SHARE_PARAM = "share"


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """One store per server process ($PLANVIZ_DB or instance/planviz.db), shared by every session."""
    return Store()


@dataclass(frozen=True)
class SavedLoaded(state.Loaded):
    """A plan in use that came from the workspace: the version's file, rebuilt as of a day."""

    plan_id: int = 0
    as_of: date | None = None
    stamp: str = ""  # versions and events seen: the views' caches follow every new report
    shared: bool = False  # opened through a view-only link: nothing can be changed

    @property
    def key(self) -> str:
        return f"{super().key}|{self.plan_id}|{self.as_of}|{self.stamp}"


# -- accounts ---------------------------------------------------------------------------------------
def actor() -> Actor | None:
    """The logged-in account (checked against the store on every run: an expired session logs out)."""
    token = st.session_state.get(TOKEN_KEY)
    found = store().session_actor(token) if token else None
    if token and found is None:
        st.session_state.pop(TOKEN_KEY, None)
    return found


def login(name: str, password: str) -> Actor:
    """Log in (raises Refused with the Chinese reason); the session token stays in this session only."""
    ip = st.context.ip_address  # the socket's peer: behind a proxy, the proxy (see README, deployment)
    token, who = store().login(name, password, client=ip if isinstance(ip, str) else "")
    st.session_state[TOKEN_KEY] = token
    return who


def logout() -> None:
    token = st.session_state.pop(TOKEN_KEY, None)
    if token:
        store().logout(token)
    if opened():
        state.use(state.read_sample())
        st.session_state.pop(OPEN_KEY, None)


# -- the saved plan in use ----------------------------------------------------------------------------
def opened() -> SavedLoaded | None:
    """The workspace plan this session shows, if the plan in use came from the workspace."""
    current = state.current()
    return current if isinstance(current, SavedLoaded) else None


def as_of() -> date | None:
    """The day the views count from when a workspace plan is open (None: today, nothing open)."""
    current = opened()
    return current.as_of if current else None


def _stamp(snaps, events) -> str:
    return f"v{len(snaps)}e{len(events)}"


def open_plan(who: Actor, plan_id: int, day: date | None = None) -> SavedLoaded:
    """Put the plan as it stood on ``day`` (default today) in use for every page of this session."""
    day = day or store().today()
    snaps, events = store().timeline(who, plan_id)
    return _use(plan_id, snaps, events, day, shared=False, who=who)


def _use(plan_id, snaps, events, day, *, shared: bool, who: Actor | None) -> SavedLoaded:
    plan = history.plan_on(snaps, events, day)
    number = history.snapshot_on(snaps, day).number
    name, data = (store().version_file(who, plan_id, number) if who else ("分享的计划.xlsx", b""))
    loaded = SavedLoaded(plan, data, name, plan_id=plan_id, as_of=day, stamp=_stamp(snaps, events), shared=shared)
    state.use(loaded)
    return loaded


def reopen(day: date | None = None) -> None:
    """Rebuild the open plan (after a report, a save or a new as-of day)."""
    current = opened()
    if current is None:
        return
    day = day or current.as_of
    if current.shared:
        token = st.session_state.get(f"{OPEN_KEY}_link")
        _, snaps, events = store().link_timeline(token)
        _use(current.plan_id, snaps, events, day, shared=True, who=None)
    else:
        who = actor()
        if who is not None:
            open_plan(who, current.plan_id, day)


def open_link(token: str) -> PlanInfo:
    """Open a view-only link's plan (raises Refused when the link is not valid)."""
    info, snaps, events = store().link_timeline(token)
    st.session_state[f"{OPEN_KEY}_link"] = token
    _use(info.id, snaps, events, store().today(), shared=True, who=None)
    return info


# -- hooks for app.py and the pages ------------------------------------------------------------------------
SHARED_PAGES = ("progress", "present")  # what a view-only link opens


def follow_share_link() -> str | None:
    """Open the plan of a ``?share=TOKEN`` link once per token; the Chinese reason when it cannot be opened."""
    token = st.query_params.get(SHARE_PARAM)
    if not token or st.session_state.get(f"{OPEN_KEY}_link") == token and opened():
        return None
    try:
        open_link(token)
    except PlanError as error:
        return str(error)
    return None


def visible(pages: dict) -> dict:
    """The navigation for this session: only the board and the presentation through a view-only link."""
    current = opened()
    if current is None or not current.shared:
        return pages
    return {"分享": [p for group in pages.values() for p in group if p.url_path in SHARED_PAGES]}


def sidebar() -> None:
    """Who is logged in, and the as-of date of an open workspace plan."""
    current = opened()
    who = actor()
    with st.sidebar:
        if current is not None:
            first = min(v.as_of for v in store().timeline(who, current.plan_id)[0]) if who else None
            st.session_state[AS_OF_KEY] = current.as_of  # follows saves and reports that moved the day
            st.date_input("截至日期（各页面按这一天显示）", key=AS_OF_KEY,
                          min_value=first, max_value=store().today(), format="YYYY-MM-DD",
                          on_change=lambda: reopen(st.session_state[AS_OF_KEY]))
            if current.shared:
                st.caption("通过分享链接查看，只读")
        if who is not None:
            st.caption(f"已登录：{who.name}（{ROLES[who.role]}）")


def may_edit() -> bool:
    """Whether to offer the progress form (a hint only: the store checks every write itself)."""
    current, who = opened(), actor()
    return bool(current and not current.shared and who and who.role in ("admin", "editor"))


def record(item_id: str, status: str, percent: float, note: str, day: date) -> None:
    """Append a progress report on the open plan, then show the plan as of that day (or later)."""
    current, who = opened(), actor()
    if current is None or who is None:
        raise PlanError("请先登录并打开工作区中的计划")
    store().record_progress(who, current.plan_id, item_id, status=status, progress=percent / 100, note=note,
                            day=day)
    open_plan(who, current.plan_id, max(current.as_of, day))


def progress_form(plan) -> None:
    """The board's card editor: pick a card, set its status, percent and a note; each save is one event."""
    from planviz.stats import effective_status, work_items
    from planviz.vocab import STATUSES

    if not may_edit():
        if opened() is None and actor() is not None:
            st.caption("在“工作区”页打开已保存的计划后，可以在这里填报进度。")
        return
    items = work_items(plan)
    if not items:
        return
    st.subheader("填报进度")
    labels = {i.id: f"{i.id}　{i.title}" for i in items}
    chosen = st.selectbox("选择卡片", list(labels), format_func=labels.get, key="ws_card")
    item = plan.get(chosen)

    def submit() -> None:  # a callback: runs before the page, so a rerun of the page cannot lose it
        get = st.session_state.get
        try:
            record(chosen, get(f"ws_status_{chosen}"), get(f"ws_pct_{chosen}"), get(f"ws_note_{chosen}", ""),
                   get(f"ws_day_{chosen}"))
        except PlanError as error:
            st.session_state["ws_progress_error"] = str(error)
        else:
            st.session_state["ws_saved"] = (f"已保存：{item.title}　{get(f'ws_status_{chosen}')}　"
                                            f"{get(f'ws_pct_{chosen}')}%")

    with st.form("ws_progress", border=True):
        c1, c2, c3 = st.columns([1, 1, 1])
        c1.selectbox("状态", STATUSES, index=STATUSES.index(effective_status(item)), key=f"ws_status_{chosen}")
        c2.number_input("进度（%）", min_value=0, max_value=100, step=5, key=f"ws_pct_{chosen}",
                        value=round((item.progress or 0) * 100))
        c3.date_input("填报日期", value=min(opened().as_of, store().today()), max_value=store().today(),
                      format="YYYY-MM-DD", key=f"ws_day_{chosen}")
        st.text_area("进展说明", value="", max_chars=2000, key=f"ws_note_{chosen}", placeholder="如：已召开专题学习会 2 次")
        st.form_submit_button("保存进度", type="primary", on_click=submit)
    if error := st.session_state.pop("ws_progress_error", None):
        st.error(error)
    if saved := st.session_state.pop("ws_saved", None):
        st.success(saved)
