"""The workspace store on SQLite and on a real PostgreSQL: tree, accounts, permissions, links, sessions,
versions, progress events, the plan as of a day, hostile text, soft delete, backup and restore."""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, inspect

from conftest import build_small_plan
from planviz.model import PlanError
from planviz.sample import SAMPLE_PATH, sample_plan
from planviz.store import NOT_FOUND, SYSTEM, Actor, Refused, Store, backup
from planviz.store.auth import ACCOUNT_FAILURES, CLIENT_FAILURES
from store_backends import clock, pg_cluster, second_url, store, store_url  # noqa: F401 — fixtures

PASSWORD = "correct horse 9"
HOSTILE = ("'; DROP TABLE users;--", "<script>alert('x')</script>", '" OR 1=1 --', "<img src=x onerror=alert(1)>",
           "Robert'); DELETE FROM plans; --", "{{7*7}} ${7*7} %s %(x)s")


@pytest.fixture
def tree(store):
    """党委 → 党总支 → two branches, with one account per role."""
    store.add_org(SYSTEM, "城关党委")
    store.add_org(SYSTEM, "机关党总支", parent="城关党委")
    store.add_org(SYSTEM, "第一党支部", parent="机关党总支")
    store.add_org(SYSTEM, "第二党支部", parent="机关党总支")
    store.add_org(SYSTEM, "后勤党支部", parent="城关党委")
    actors = {}
    for name, org, role in (("管理员", "城关党委", "admin"), ("总支审阅", "机关党总支", "committee"),
                            ("一支部编辑", "第一党支部", "editor"), ("一支部党员", "第一党支部", "viewer"),
                            ("二支部编辑", "第二党支部", "editor")):
        user = store.add_user(SYSTEM, name, PASSWORD, org, role)
        actors[name] = Actor(user.id, user.name, user.role, user.org_id)  # what login hands back
    assert store.login("一支部编辑", PASSWORD, "10.0.0.1")[1] == actors["一支部编辑"]
    return actors


def _save(store, actor, org="第一党支部", plan=None, as_of=date(2026, 3, 1)):
    plan = plan or build_small_plan()
    return store.save_version(actor, org, plan, b"raw bytes of the upload", "计划.xlsx", as_of=as_of)


def test_tree_kinds_and_rules(store):
    assert store.add_org(SYSTEM, "城关党委").kind == "党委"
    assert store.add_org(SYSTEM, "机关党总支", parent="城关党委").kind == "党总支"
    branch = store.add_org(SYSTEM, "第一党支部", parent="机关党总支")
    assert (branch.kind, branch.parent_id) == ("党支部", store.org(SYSTEM, "机关党总支").id)
    with pytest.raises(PlanError, match="不能设在"):
        store.add_org(SYSTEM, "下属党总支", parent="第一党支部")
    with pytest.raises(PlanError, match="已存在"):
        store.add_org(SYSTEM, "城关党委")
    with pytest.raises(PlanError, match="上级组织"):
        store.add_org(SYSTEM, "某党支部", parent="没有这个党委")
    assert [o.name for o in store.orgs(SYSTEM)] == ["城关党委", "机关党总支", "第一党支部"]


def test_only_admins_manage_orgs_and_accounts(store, tree):
    for name in ("总支审阅", "一支部编辑", "一支部党员"):
        with pytest.raises(Refused):
            store.add_org(tree[name], "新党支部", parent="机关党总支")
        with pytest.raises(Refused):
            store.add_user(tree[name], "新账号", PASSWORD, "第一党支部", "admin")
    assert store.add_org(tree["管理员"], "新党支部", parent="机关党总支").kind == "党支部"
    with pytest.raises(PlanError, match="密码至少"):
        store.add_user(SYSTEM, "短密码", "123", "第一党支部", "viewer")


def test_passwords_are_stored_as_argon2_hashes_only(store, store_url, tree):
    engine = create_engine(store_url)
    with engine.connect() as connection:
        hashes = [row[0] for row in connection.exec_driver_sql("SELECT password_hash FROM users")]
    engine.dispose()
    assert len(hashes) == 5 and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_another_branch_sees_none_of_it(store, tree):
    version = _save(store, tree["一支部编辑"])
    other = tree["二支部编辑"]
    assert store.plans(other) == []
    for call in (lambda: store.plan_info(other, version.plan_id), lambda: store.versions(other, version.plan_id),
                 lambda: store.plan_as_of(other, version.plan_id, date(2026, 4, 1)),
                 lambda: store.version_file(other, version.plan_id, 1),
                 lambda: store.record_progress(other, version.plan_id, "P1", progress=0.9),
                 lambda: store.create_link(other, version.plan_id), lambda: store.delete_plan(other, version.plan_id)):
        with pytest.raises(Refused, match=NOT_FOUND):
            call()
    with pytest.raises(Refused):
        _save(store, other, org="第一党支部")
    with pytest.raises(PlanError):
        store.find_plan(other, "第一党支部")
    assert [o.name for o in store.orgs(other)] == ["第二党支部"]
    # Nothing was written by the refused calls.
    assert store.versions(SYSTEM, version.plan_id)[-1].number == 1
    assert store.timeline(SYSTEM, version.plan_id)[1] == []


def test_viewer_reads_but_never_writes(store, tree):
    version = _save(store, tree["一支部编辑"])
    viewer = tree["一支部党员"]
    assert store.plan_as_of(viewer, version.plan_id, date(2026, 3, 2)).get("P1").progress == 0.35
    for call in (lambda: _save(store, viewer), lambda: store.record_progress(viewer, version.plan_id, "P1", progress=1),
                 lambda: store.create_link(viewer, version.plan_id), lambda: store.delete_plan(viewer, version.plan_id)):
        with pytest.raises(Refused):
            call()
    assert len(store.versions(viewer, version.plan_id)) == 1 and store.timeline(viewer, version.plan_id)[1] == []


def test_committee_reads_its_subtree_only_and_writes_nothing(store, tree):
    first = _save(store, tree["一支部编辑"])
    second = _save(store, tree["二支部编辑"], org="第二党支部")
    logistics = _save(store, tree["管理员"], org="后勤党支部")
    committee = tree["总支审阅"]
    assert {p.id for p in store.plans(committee)} == {first.plan_id, second.plan_id}
    with pytest.raises(Refused, match=NOT_FOUND):
        store.plan_info(committee, logistics.plan_id)
    with pytest.raises(Refused):
        store.record_progress(committee, first.plan_id, "P1", progress=1.0)


def test_versions_keep_bytes_plan_who_and_as_of(store, tree):
    editor = tree["一支部编辑"]
    plan = sample_plan()
    data = SAMPLE_PATH.read_bytes()
    v1 = store.save_version(editor, "第一党支部", plan, data, "示例.xlsx", as_of=date(2026, 2, 1))
    v2 = store.save_version(editor, "第一党支部", plan.with_items(plan.items[:-3]), b"v2", "v2.xlsx")
    assert (v1.number, v2.number, v2.plan_id) == (1, 2, v1.plan_id)
    assert (v2.saved_by, v2.as_of, v2.items) == ("一支部编辑", date(2026, 5, 1), len(plan.items) - 3)
    assert store.version_file(editor, v1.plan_id, 1) == ("示例.xlsx", data)
    with pytest.raises(PlanError, match="不能晚于今天"):
        store.save_version(editor, "第一党支部", plan, data, "x.xlsx", as_of=date(2026, 5, 2))
    snaps, _ = store.timeline(editor, v1.plan_id)
    assert snaps[0].plan == plan and snaps[1].plan.items == plan.items[:-3]


def test_progress_events_rebuild_any_past_day(store, tree, clock):
    editor = tree["一支部编辑"]
    plan_id = _save(store, editor, as_of=date(2026, 3, 1)).plan_id
    store.record_progress(editor, plan_id, "P1", progress=0.5, status="进行中", note="完成两次专题学习",
                          day=date(2026, 4, 1))
    store.record_progress(editor, plan_id, "P1", progress=0.8, day=date(2026, 4, 20))
    assert store.plan_as_of(editor, plan_id, date(2026, 3, 31)).get("P1").progress == 0.35
    april = store.plan_as_of(editor, plan_id, date(2026, 4, 10)).get("P1")
    assert (april.progress, april.status, april.notes) == (0.5, "进行中", "完成两次专题学习")
    assert store.plan_as_of(editor, plan_id).get("P1").progress == 0.8
    events = store.timeline(editor, plan_id)[1]
    assert [(e.progress, e.who) for e in events] == [(0.5, "一支部编辑"), (0.8, "一支部编辑")]
    for bad in (dict(progress=1.5), dict(status="搞定了"), dict(), dict(progress=0.5, day=date(2026, 5, 2))):
        with pytest.raises(PlanError):
            store.record_progress(editor, plan_id, "P1", **bad)
    with pytest.raises(PlanError, match="没有编号"):
        store.record_progress(editor, plan_id, "NOPE", progress=0.1)
    assert len(store.timeline(editor, plan_id)[1]) == 2


def test_hostile_text_in_every_field_is_stored_and_returned_as_given(store, tree):
    for n, text in enumerate(HOSTILE):
        store.add_org(SYSTEM, f"{text}党支部", parent="机关党总支")
        store.add_user(SYSTEM, f"{text}{n}", PASSWORD, f"{text}党支部", "editor")
        token, actor = store.login(f"{text}{n}", PASSWORD, client=text)
        assert store.session_actor(token) == actor
        plan = build_small_plan()
        plan = plan.replace(organization=text, title=text, items=tuple(
            dataclasses.replace(i, title=f"{text}{i.id}", notes=text, owners=(text,)) for i in plan.items))
        version = store.save_version(actor, f"{text}党支部", plan, text.encode(), f"{text}.xlsx")
        store.record_progress(actor, version.plan_id, "P1", progress=0.4, note=text)
        back = store.plan_as_of(actor, version.plan_id)
        assert back.title == text and back.get("P1").notes == text and back.get("T1").owners == (text,)
        assert store.version_file(actor, version.plan_id, 1) == (f"{text}.xlsx", text.encode())
    assert len(store.orgs(SYSTEM)) == 5 + len(HOSTILE)  # no table was dropped, no row deleted
    assert len(store.plans(SYSTEM)) == len(HOSTILE)
    assert len(store.timeline(SYSTEM, store.plans(SYSTEM)[0].id)[1]) == 1


def test_wrong_password_many_times_locks_the_account_then_the_window_passes(store, tree, clock):
    for _ in range(ACCOUNT_FAILURES):
        with pytest.raises(Refused, match="账号或密码不正确"):
            store.login("一支部编辑", "wrong password", "10.0.0.2")
    with pytest.raises(Refused, match="次数过多"):  # even the right password, from another client
        store.login("一支部编辑", PASSWORD, "10.0.0.3")
    store.login("一支部党员", PASSWORD, "10.0.0.2")  # other accounts are not locked out
    clock.advance(minutes=16)
    assert store.login("一支部编辑", PASSWORD, "10.0.0.2")[1].name == "一支部编辑"


def test_one_client_trying_many_accounts_is_limited(store, tree):
    for n in range(CLIENT_FAILURES):
        with pytest.raises(Refused):
            store.login(f"猜测{n}", "guess", "203.0.113.9")
    with pytest.raises(Refused, match="次数过多"):
        store.login("一支部编辑", PASSWORD, "203.0.113.9")
    assert store.login("一支部编辑", PASSWORD, "10.0.0.5")[1].role == "editor"


def test_sessions_are_random_expire_and_end_on_logout(store, tree, clock):
    token, actor = store.login("一支部编辑", PASSWORD, "c")
    token2, _ = store.login("一支部编辑", PASSWORD, "c")
    assert token != token2 and len(token) >= 40
    assert store.session_actor(token) == actor and store.session_actor("forged") is None
    store.logout(token2)
    assert store.session_actor(token2) is None
    clock.advance(hours=13)
    assert store.session_actor(token) is None


def test_view_only_links_expire_and_can_be_revoked(store, tree, clock):
    editor = tree["一支部编辑"]
    plan_id = _save(store, editor).plan_id
    token, link = store.create_link(editor, plan_id, ttl=timedelta(days=7))
    info, snaps, events = store.link_timeline(token)
    assert (info.id, info.org_name, len(snaps)) == (plan_id, "第一党支部", 1)
    with pytest.raises(Refused):
        store.link_plan("not-a-token")
    token2, link2 = store.create_link(editor, plan_id)
    with pytest.raises(Refused):
        store.revoke_link(tree["二支部编辑"], link2.id)
    store.revoke_link(editor, link2.id)
    with pytest.raises(Refused, match="已撤销"):
        store.link_plan(token2)
    clock.advance(days=8)
    with pytest.raises(Refused, match="已过期"):
        store.link_plan(token)
    assert [k.revoked_at is not None for k in store.links(editor, plan_id)] == [False, True]


def test_soft_delete_hides_the_plan_and_keeps_who_and_when(store, store_url, tree, clock):
    editor = tree["一支部编辑"]
    plan_id = _save(store, editor).plan_id
    token, _ = store.create_link(editor, plan_id)
    store.delete_plan(editor, plan_id)
    assert store.plans(SYSTEM) == []
    with pytest.raises(Refused):
        store.plan_info(editor, plan_id)
    with pytest.raises(Refused):
        store.link_plan(token)
    engine = create_engine(store_url)
    with engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT deleted_by, deleted_at FROM plans").one()
    engine.dispose()
    assert row[0] == "一支部编辑" and row[1] is not None
    assert _save(store, editor).number == 1  # a new plan for the same year starts again


def test_migrations_create_every_table_and_reopen_is_a_no_op(store, store_url):
    engine = create_engine(store_url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"orgs", "users", "plans", "versions", "events", "links", "sessions", "login_failures",
            "alembic_version"} <= names
    store.add_org(SYSTEM, "城关党委")
    again = Store(store_url)
    assert [o.name for o in again.orgs(SYSTEM)] == ["城关党委"]
    again.close()


def test_backup_and_restore_bring_back_everything(store, tree, clock, second_url):
    editor = tree["一支部编辑"]
    plan_id = _save(store, editor).plan_id
    store.record_progress(editor, plan_id, "P1", progress=0.7, note="<b>半年</b>")
    data = backup.dump(store, SYSTEM)
    with pytest.raises(Refused):
        backup.dump(store, editor)
    fresh = Store(second_url, clock=clock)
    counts = backup.load(fresh, SYSTEM, data)
    assert counts["versions"] == 1 and counts["users"] == 5
    assert fresh.plan_as_of(SYSTEM, plan_id).get("P1").notes == "<b>半年</b>"
    assert fresh.version_file(SYSTEM, plan_id, 1)[1] == b"raw bytes of the upload"
    assert fresh.login("一支部编辑", PASSWORD, "c")[1].name == "一支部编辑"
    assert fresh.save_version(SYSTEM, "第一党支部", build_small_plan(), b"x", "x.xlsx").number == 2
    with pytest.raises(PlanError, match="备份文件"):
        backup.load(fresh, SYSTEM, b"not a zip")
    assert fresh.versions(SYSTEM, plan_id)[-1].number == 2  # the failed restore changed nothing
    fresh.close()


def test_a_newer_spreadsheet_of_the_same_plan_says_what_changed(store, tree):
    editor = tree["一支部编辑"]
    plan = build_small_plan()
    first, change = store.save_with_change(editor, "第一党支部", plan, b"v1", "v1.xlsx", as_of=date(2026, 3, 1))
    assert (first.number, change) == (1, "第一次保存")
    store.record_progress(editor, first.plan_id, "P3", progress=0.6, day=date(2026, 4, 1))
    items = [i for i in plan.items if i.id != "P5"]  # dropped
    items = [dataclasses.replace(i, progress=0.6) if i.id == "P3" else i for i in items]  # as reported: no change
    items = [dataclasses.replace(i, progress=0.5, status="进行中") if i.id == "T6" else i for i in items]
    items += [dataclasses.replace(plan.get("P4"), id=f"N{n}", title=f"新项目{n}") for n in range(3)]
    second, change = store.save_with_change(editor, "第一党支部", plan.with_items(items), b"v2", "v2.xlsx",
                                            as_of=date(2026, 4, 30))
    assert second.number == 2 and change == "新增 3 项，删除 1 项，1 项进度有更新"
