"""The workspace in a real browser: log in, save the plan, edit a card; a new browser context logs in
again and sees the edit (the store is a SQLite file named by PLANVIZ_DB for the server)."""
from __future__ import annotations

import os
from contextlib import contextmanager

import pytest
from live_server import streamlit_server
from playwright.sync_api import Page, expect, sync_playwright

from planviz.sample import sample_plan
from planviz.stats import work_items
from planviz.store import SYSTEM, Store
from test_browser import CHROMIUM_ARGS, WIDTH, _settle

PASSWORD = "browser-secret-1"


@contextmanager
def _env(name: str, value: str):
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


@pytest.fixture(scope="module")
def workspace_server(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('ws') / 'workspace.db'}"
    store = Store(url)
    store.add_org(SYSTEM, "第一党支部")
    store.add_user(SYSTEM, "书记", PASSWORD, "第一党支部", "editor")
    try:
        with _env("PLANVIZ_DB", url), streamlit_server() as server:
            yield server, store
    except RuntimeError as error:
        pytest.fail(str(error))


def _login(page: Page, server: str) -> None:
    page.goto(f"{server}/login")
    _settle(page, "登录工作区")
    page.get_by_label("账号").fill("书记")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    _settle(page, "工作区")


def _go(page: Page, title: str) -> None:
    """Follow the sidebar link (a new page load would start a new, logged-out session)."""
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
    _settle(page, title)


def test_login_save_edit_and_see_it_from_a_new_context(workspace_server):
    server, store = workspace_server
    card = work_items(sample_plan())[0]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        first = browser.new_context(viewport={"width": WIDTH, "height": 900}).new_page()
        _login(first, server)
        first.get_by_role("button", name="保存到工作区").click()
        expect(first.get_by_text("第 1 版：第一次保存")).to_be_visible(timeout=60_000)
        _go(first, "进度看板")
        first.get_by_label("进度（%）").fill("85")
        first.get_by_label("进展说明").fill("浏览器里填报的进展")
        first.get_by_role("button", name="保存进度").click()
        expect(first.get_by_text("已保存：")).to_be_visible(timeout=60_000)
        assert first.locator("[data-testid='stException']").count() == 0

        second = browser.new_context(viewport={"width": WIDTH, "height": 900}).new_page()
        _login(second, server)
        second.get_by_role("button", name="打开").click()
        _settle(second, "工作区")
        _go(second, "进度看板")
        expect(second.get_by_label("进度（%）")).to_have_value("85")
        assert "85%" in second.locator("[data-testid='stMain']").inner_text()
        assert second.locator("[data-testid='stException']").count() == 0
        browser.close()
    info = store.find_plan(SYSTEM, "第一党支部")
    events = store.timeline(SYSTEM, info.id)[1]
    assert [(e.item_id, e.progress, e.note, e.who) for e in events] == [(card.id, 0.85, "浏览器里填报的进展", "书记")]
