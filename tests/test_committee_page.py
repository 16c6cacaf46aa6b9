"""The committee page under AppTest: login required, the table of the subtree, a decision, downloads."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import build_plan, build_small_plan
from planviz.store import SYSTEM, Store
from planviz.store import review
from planviz_app import workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PASSWORD = "correct horse 9"


@pytest.fixture
def ws(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'ws.db'}"
    monkeypatch.setenv("PLANVIZ_DB", url)
    workspace.store.clear()  # the app's one store follows this test's database
    store = Store(url)
    store.add_org(SYSTEM, "城关党委")
    for name in ("第一党支部", "第二党支部", "第三党支部"):
        store.add_org(SYSTEM, name, parent="城关党委")
    store.add_org(SYSTEM, "邻县党委")
    store.add_org(SYSTEM, "邻县党支部", parent="邻县党委")
    store.add_user(SYSTEM, "审阅", PASSWORD, "城关党委", "committee")
    store.add_user(SYSTEM, "一支部编辑", PASSWORD, "第一党支部", "editor")
    today = date.today()
    ids = {}
    for org, plan in (("第一党支部", build_small_plan()), ("第二党支部", build_plan(40)), ("邻县党支部", build_plan(20))):
        ids[org] = store.save_version(SYSTEM, org, plan.replace(year=today.year, organization=org), b"x", "计划.xlsx",
                                      as_of=date(today.year, 1, 1)).plan_id
    review.submit(store, SYSTEM, ids["第一党支部"])
    yield store, ids
    store.close()
    workspace.store.clear()


def _page(store, account: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[workspace.TOKEN_KEY] = store.login(account, PASSWORD)[0]
    at.run()
    at.switch_page("pages/committee.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_login_is_asked_first(ws):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/committee.py").run()
    assert not at.exception
    assert any("请先用党委" in i.value for i in at.info) and not at.dataframe


def test_committee_sees_its_subtree_with_states(ws):
    store, ids = ws
    at = _page(store, "审阅")
    table = at.dataframe[0].value
    assert list(table["组织"]) == ["城关党委", "第一党支部", "第二党支部", "第三党支部"]  # never 邻县
    assert list(table["审议状态"]) == ["未提交", "待审议", "草稿", "未提交"]
    assert table["项目"].iloc[1] == len(build_small_plan().projects)
    assert [m.value for m in at.metric][:3] == ["4", "2", "1"]
    assert len(at.get("plotly_chart")) == 2
    at.multiselect(key="cm_states").set_value(["submitted"]).run()
    assert list(at.dataframe[0].value["组织"]) == ["第一党支部"]


def test_an_editor_sees_its_own_review_and_resubmits(ws):
    store, ids = ws
    review.return_plan(store, SYSTEM, ids["第一党支部"], "请补充亮度项目", [("P1", "时间请细化")])
    at = _page(store, "一支部编辑")
    assert not at.dataframe  # no table of other organizations
    text = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "退回修改" in text and "请补充亮度项目" in text and "时间请细化" in text
    at.button(key="cm_submit").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert review.plan_review_state(store, SYSTEM, ids["第一党支部"]) == "submitted"

