"""Two dashboard replicas on loopback ports sharing one PostgreSQL: a save in one is seen in the other,
and a card edited in the second shows in the first (the deployment the README describes, minus the proxy)."""
from __future__ import annotations

import pytest
from live_server import streamlit_server
from playwright.sync_api import expect, sync_playwright

from planviz.store import SYSTEM, Store
from store_backends import pg_cluster  # noqa: F401 — fixture
from test_browser import CHROMIUM_ARGS, WIDTH, _settle
from test_store_browser import PASSWORD, _env, _go, _login


def test_a_save_in_one_replica_is_seen_in_the_other(pg_cluster):
    url = pg_cluster.new_database()
    store = Store(url)
    store.add_org(SYSTEM, "第一党支部")
    store.add_user(SYSTEM, "书记", PASSWORD, "第一党支部", "editor")
    try:
        with _env("PLANVIZ_DB", url), streamlit_server() as one, streamlit_server() as two, \
                sync_playwright() as p:
            assert one != two
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            a = browser.new_context(viewport={"width": WIDTH, "height": 900}).new_page()
            _login(a, one)
            a.get_by_role("button", name="保存到工作区").click()
            expect(a.get_by_text("第 1 版：第一次保存")).to_be_visible(timeout=60_000)

            b = browser.new_context(viewport={"width": WIDTH, "height": 900}).new_page()
            _login(b, two)
            b.get_by_role("button", name="打开").click()
            _settle(b, "工作区")
            expect(b.get_by_text("正在查看：第一党支部")).to_be_visible(timeout=60_000)
            _go(b, "进度看板")
            b.get_by_label("进度（%）").fill("55")
            b.get_by_role("button", name="保存进度").click()
            expect(b.get_by_text("已保存：")).to_be_visible(timeout=60_000)

            a.get_by_role("button", name="打开").click()  # rebuild from the database
            _settle(a, "工作区")
            _go(a, "进度看板")
            expect(a.get_by_label("进度（%）")).to_have_value("55")
            browser.close()
    except RuntimeError as error:
        pytest.fail(str(error))
    info = store.find_plan(SYSTEM, "第一党支部")
    assert [e.progress for e in store.timeline(SYSTEM, info.id)[1]] == [0.55]
    store.close()
