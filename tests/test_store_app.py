"""The workspace in the dashboard (AppTest): anonymous use saves nothing; log in, save the plan, edit a card,
see an earlier day through the as-of date; another branch sees nothing; view-only links."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planviz.sample import SAMPLE_PATH, sample_plan
from planviz.store import SYSTEM, Store
from planviz_app import workspace

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PASSWORD = "branch-secret-1"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "workspace.db"
    monkeypatch.setenv("PLANVIZ_DB", f"sqlite:///{path}")
    workspace.store.clear()  # the server's one store follows the URL of this test
    yield path
    workspace.store.clear()


@pytest.fixture
def accounts(db):
    store = Store(f"sqlite:///{db}")
    store.add_org(SYSTEM, "城关党委")
    store.add_org(SYSTEM, "第一党支部", parent="城关党委")
    store.add_org(SYSTEM, "第二党支部", parent="城关党委")
    store.add_user(SYSTEM, "一支部书记", PASSWORD, "第一党支部", "editor")
    store.add_user(SYSTEM, "二支部书记", PASSWORD, "第二党支部", "editor")
    return store


def _run(target) -> AppTest:
    """Run the app (``target``: the AppTest, or a widget just set or clicked)."""
    at = target.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    return _run(at)


def _login(name: str, password: str = PASSWORD) -> AppTest:
    at = _app()
    _run(at.switch_page("pages/login.py"))
    at.text_input(key="lg_name").input(name)
    at.text_input(key="lg_password").input(password)
    return _run(at.button(key="FormSubmitter:lg_form-登录").click())


def test_anonymous_use_opens_on_the_sample_and_stores_nothing(db):
    at = _app()
    assert at.session_state["pv_loaded"].is_sample
    _run(at.switch_page("pages/workspace.py"))
    assert "请先登录" in " ".join(i.value for i in at.info)
    for page in ("pages/progress.py", "pages/login.py", "pages/overview.py"):
        _run(at.switch_page(page))
    assert not db.exists()


def test_wrong_password_is_refused_in_chinese(accounts):
    at = _login("一支部书记", "not the password")
    assert [e.value for e in at.error] == ["账号或密码不正确"]
    assert workspace.TOKEN_KEY not in at.session_state


def test_save_edit_and_look_back(accounts):
    at = _login("一支部书记")
    assert at.session_state[workspace.TOKEN_KEY]
    _run(at.switch_page("pages/workspace.py"))
    at.date_input(key="ws_as_of_save").set_value(date.today() - timedelta(days=10))
    at = _run(at.button(key="ws_save").click())
    assert any("第 1 版：第一次保存" in s.value for s in at.success)
    info = accounts.find_plan(SYSTEM, "第一党支部")
    assert accounts.version_file(SYSTEM, info.id, 1)[1] == SAMPLE_PATH.read_bytes()

    _run(at.switch_page("pages/progress.py"))
    item = next(i for i in sample_plan().items if i.level == "task" and (i.progress or 0) < 0.5)
    at.selectbox(key="ws_card").set_value(item.id)
    _run(at)
    at.selectbox(key=f"ws_status_{item.id}").set_value("进行中")
    at.number_input(key=f"ws_pct_{item.id}").set_value(85)
    at.date_input(key=f"ws_day_{item.id}").set_value(date.today())
    at.text_area(key=f"ws_note_{item.id}").input("<b>已完成大半</b>")
    at = _run(at.button(key="FormSubmitter:ws_progress-保存进度").click())
    events = accounts.timeline(SYSTEM, info.id)[1]
    assert [(e.item_id, e.progress, e.status, e.note, e.who) for e in events] == \
        [(item.id, 0.85, "进行中", "<b>已完成大半</b>", "一支部书记")]
    assert at.session_state["pv_loaded"].plan.get(item.id).progress == 0.85

    # The as-of date in the sidebar: the day the version was saved shows the earlier progress.
    at.date_input(key=workspace.AS_OF_KEY).set_value(date.today() - timedelta(days=5))
    _run(at)
    assert at.session_state["pv_loaded"].plan.get(item.id).progress == item.progress
    _run(at.switch_page("pages/workspace.py"))
    assert not at.exception

    # Another branch's secretary sees none of it.
    other = _login("二支部书记")
    _run(other.switch_page("pages/workspace.py"))
    assert "还没有保存过计划" in " ".join(c.value for c in other.caption)
    assert other.selectbox(key="ws_org").options == ["第二党支部"]


def test_view_only_link_opens_board_and_presentation_until_revoked(accounts):
    info_plan = sample_plan()
    version = accounts.save_version(SYSTEM, "第一党支部", info_plan, SAMPLE_PATH.read_bytes(), "计划.xlsx")
    token, link = accounts.create_link(SYSTEM, version.plan_id)
    at = _app(share=token)
    loaded = at.session_state["pv_loaded"]
    assert loaded.shared and loaded.plan == info_plan
    _run(at.switch_page("pages/progress.py"))
    assert "填报进度" not in [s.value for s in at.subheader]  # read only
    accounts.revoke_link(SYSTEM, link.id)
    refused = _app(share=token)
    assert "链接无效、已撤销或已过期" in [e.value for e in refused.error]
    assert refused.session_state["pv_loaded"].is_sample
