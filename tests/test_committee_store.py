"""The committee over the store, on SQLite and PostgreSQL: the table from stored plans and progress, the
review workflow (submit, return with comments, resubmit, approve), the brief's approval date, permissions."""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import build_plan, build_small_plan
from planviz.brief.page import compose_brief
from planviz.cli import main
from planviz.committee import committee_rows, row_json
from planviz.model import PlanError
from planviz.stats import overdue_items, planned_progress_on
from planviz.store import NOT_FOUND, SYSTEM, Actor, Refused, Store, backup
from planviz.store import review
from planviz.store.branches import branch_plans
from store_backends import clock, pg_cluster, second_url, store, store_url  # noqa: F401 — fixtures

PASSWORD = "correct horse 9"
DAY = date(2026, 5, 1)


@pytest.fixture
def tree(store):
    """城关党委 → 机关党总支 → 第一、第二党支部; 后勤党支部 straight under the 党委; one account per role."""
    store.add_org(SYSTEM, "城关党委")
    store.add_org(SYSTEM, "机关党总支", parent="城关党委")
    store.add_org(SYSTEM, "第一党支部", parent="机关党总支")
    store.add_org(SYSTEM, "第二党支部", parent="机关党总支")
    store.add_org(SYSTEM, "后勤党支部", parent="城关党委")
    actors = {}
    for name, org, role in (("党委审阅", "城关党委", "committee"), ("总支审阅", "机关党总支", "committee"),
                            ("总支编辑", "机关党总支", "editor"), ("一支部编辑", "第一党支部", "editor"),
                            ("二支部编辑", "第二党支部", "editor"), ("后勤编辑", "后勤党支部", "editor"),
                            ("一支部党员", "第一党支部", "viewer")):
        user = store.add_user(SYSTEM, name, PASSWORD, org, role)
        actors[name] = Actor(user.id, user.name, user.role, user.org_id)
    return actors


def _stored(store, tree):
    """Plans of three branches, with progress reported on some of their items."""
    ids = {}
    for org, editor, plan in (("第一党支部", "一支部编辑", build_small_plan()),
                              ("第二党支部", "二支部编辑", build_plan(60)),
                              ("后勤党支部", "后勤编辑", build_plan(30))):
        ids[org] = store.save_version(tree[editor], org, plan.replace(organization=org), b"bytes", "计划.xlsx",
                                      as_of=date(2026, 2, 1)).plan_id
    store.record_progress(tree["一支部编辑"], ids["第一党支部"], "P3", progress=1.0, status="已完成",
                          day=date(2026, 4, 20))
    store.record_progress(tree["一支部编辑"], ids["第一党支部"], "T2", progress=0.5, day=date(2026, 4, 25))
    store.record_progress(tree["二支部编辑"], ids["第二党支部"], "P0001", progress=0.9, day=date(2026, 3, 15))
    return ids


def test_table_figures_are_each_stored_plans_own(store, tree):
    ids = _stored(store, tree)
    branches = branch_plans(store, tree["党委审阅"], "城关党委", year=2026, as_of=DAY, with_history=True)
    assert [b.org for b in branches] == ["城关党委", "机关党总支", "第一党支部", "第二党支部", "后勤党支部"]
    assert [b.parent for b in branches] == [None, "城关党委", "机关党总支", "机关党总支", "城关党委"]
    rows = {r.org: r for r in committee_rows(branches, DAY)}
    for org, plan_id in ids.items():
        plan = store.plan_as_of(SYSTEM, plan_id, DAY)  # the plan as the branch's own views show it
        row = rows[org]
        assert (row.state, row.version, row.items) == ("draft", 1, len(plan.items))
        assert (row.projects, row.tasks) == (len(plan.projects), len(plan.tasks))
        assert row.progress == plan.overall_progress()
        assert row.planned == planned_progress_on(plan, DAY)
        assert row.overdue == tuple(i.title for i in overdue_items(plan, DAY))
        assert row.highlights == tuple(p.title for p in plan.highlights())
    assert rows["第一党支部"].last_update == date(2026, 4, 25)
    assert rows["城关党委"].state == "none" and not rows["城关党委"].has_plan
    first = next(b for b in branches if b.org == "第一党支部")
    assert [d for d, _ in first.history] == [date(2026, 2, 1), date(2026, 4, 20), date(2026, 4, 25), DAY]
    assert first.history[-1][1] == rows["第一党支部"].progress
    # An earlier day shows the progress as it then stood.
    before = {r.org: r for r in committee_rows(branch_plans(store, SYSTEM, "城关党委", as_of=date(2026, 4, 1)),
                                               date(2026, 4, 1))}
    assert before["第一党支部"].progress == store.plan_as_of(SYSTEM, ids["第一党支部"], date(2026, 4, 1)).overall_progress()
    assert before["第一党支部"].progress != rows["第一党支部"].progress


def test_submit_return_resubmit_approve_and_the_brief_cites_the_approval(store, tree, clock):
    ids = _stored(store, tree)
    plan_id, editor, committee = ids["第一党支部"], tree["一支部编辑"], tree["总支审阅"]
    assert review.plan_review_state(store, committee, plan_id) == "draft"
    review.submit(store, editor, plan_id, "请审议")
    assert review.plan_review_state(store, committee, plan_id) == "submitted"
    clock.advance(days=2)
    review.return_plan(store, committee, plan_id, "亮度维度缺项目", [("P1", "时间节点请细化到月"), (None, "补充联系人")])
    assert review.plan_review_state(store, editor, plan_id) == "returned"
    clock.advance(days=1)
    store.save_version(editor, "第一党支部", build_small_plan().replace(organization="第一党支部", slogan="红心向党"),
                       b"v2", "计划v2.xlsx")
    review.submit(store, editor, plan_id)
    clock.advance(days=3, hours=12)  # 2026-05-07 20:00 UTC is 05-08 in Beijing
    review.approve(store, committee, plan_id, "同意")
    steps = review.review_events(store, tree["一支部党员"], plan_id)
    assert [(s.action, s.version, s.who) for s in steps] == [
        ("submit", 1, "一支部编辑"), ("return", 1, "总支审阅"), ("submit", 2, "一支部编辑"), ("approve", 2, "总支审阅")]
    assert steps[1].note == "亮度维度缺项目"
    assert [(c.item_id, c.text) for c in steps[1].comments] == [("P1", "时间节点请细化到月"), (None, "补充联系人")]
    assert [s.action_name for s in steps] == ["提交审议", "退回修改", "提交审议", "审议通过"]
    assert steps[-1].day == date(2026, 5, 8)

    later = date(2026, 5, 10)
    branch = next(b for b in branch_plans(store, committee, "机关党总支", as_of=later) if b.org == "第一党支部")
    assert (branch.state, branch.version, branch.plan.approved_on) == ("approved", 2, date(2026, 5, 8))
    footer = "".join(t.text for t in compose_brief(branch.plan, today=later).block("footer").texts)
    assert "2026年5月8日" in footer and "审议通过" in footer
    # Before the approval the same plan was still waiting, and its brief cites no approval.
    waiting = next(b for b in branch_plans(store, committee, "机关党总支", as_of=date(2026, 5, 5))
                   if b.org == "第一党支部")
    assert waiting.state == "submitted" and waiting.plan.approved_on is None
    assert "审议通过" not in "".join(t.text for t in compose_brief(waiting.plan).block("footer").texts)
    # A new version after the approval is a new draft; the brief still cites the approval it builds on.
    store.save_version(editor, "第一党支部", build_small_plan().replace(organization="第一党支部"), b"v3", "v3.xlsx",
                       as_of=date(2026, 5, 8))
    again = next(b for b in branch_plans(store, committee, "机关党总支", as_of=date(2026, 5, 8)) if b.org == "第一党支部")
    assert (again.state, again.version, again.plan.approved_on) == ("draft", 3, date(2026, 5, 8))


def test_steps_out_of_order_are_refused(store, tree):
    ids = _stored(store, tree)
    plan_id, editor, committee = ids["第一党支部"], tree["一支部编辑"], tree["总支审阅"]
    with pytest.raises(PlanError, match="待审议"):
        review.approve(store, committee, plan_id)  # a draft cannot be approved
    review.submit(store, editor, plan_id)
    with pytest.raises(PlanError, match="请等待审议"):
        review.submit(store, editor, plan_id)
    with pytest.raises(PlanError, match="写明意见"):
        review.return_plan(store, committee, plan_id, "  ")
    with pytest.raises(PlanError, match="T99"):
        review.return_plan(store, committee, plan_id, "", [("T99", "没有这一条")])
    review.approve(store, committee, plan_id)
    with pytest.raises(PlanError, match="先保存新版本"):
        review.submit(store, editor, plan_id)
    assert [s.action for s in review.review_events(store, committee, plan_id)] == ["submit", "approve"]


def test_committee_sees_exactly_its_subtree_and_never_edits(store, tree):
    ids = _stored(store, tree)
    committee = tree["总支审阅"]
    assert [b.org for b in branch_plans(store, committee, "机关党总支")] == ["机关党总支", "第一党支部", "第二党支部"]
    with pytest.raises(PlanError, match="没有名为「城关党委」的组织"):
        branch_plans(store, committee, "城关党委")  # above its subtree
    with pytest.raises(PlanError, match="后勤党支部"):
        branch_plans(store, committee, "后勤党支部")  # a sibling's branch
    sibling = ids["后勤党支部"]
    review.submit(store, tree["后勤编辑"], sibling)
    for attempt in (lambda: review.review_events(store, committee, sibling),
                    lambda: review.approve(store, committee, sibling),
                    lambda: review.return_plan(store, committee, sibling, "越级意见")):
        with pytest.raises(Refused, match=NOT_FOUND):
            attempt()
    review.approve(store, tree["党委审阅"], sibling)  # the 党委 above it may
    # Comment and decide, never edit: no saving, no progress, no submitting for the branch.
    first = ids["第一党支部"]
    with pytest.raises(Refused):
        store.save_version(committee, "第一党支部", build_small_plan(), b"x", "x.xlsx")
    with pytest.raises(Refused):
        store.record_progress(committee, first, "P1", progress=1.0)
    with pytest.raises(Refused, match="不能提交"):
        review.submit(store, committee, first)
    assert len(store.versions(SYSTEM, first)) == 1 and review.review_events(store, SYSTEM, first) == []


def test_only_the_committee_above_decides(store, tree):
    ids = _stored(store, tree)
    first = ids["第一党支部"]
    review.submit(store, tree["一支部编辑"], first)
    for who in ("一支部编辑", "一支部党员"):
        with pytest.raises(Refused, match="上级党组织"):
            review.approve(store, tree[who], first)
    with pytest.raises(Refused, match=NOT_FOUND):
        review.submit(store, tree["二支部编辑"], first)  # another branch's editor does not even see it
    own = store.save_version(tree["总支编辑"], "机关党总支", build_plan(20), b"x", "总支.xlsx").plan_id
    review.submit(store, tree["总支编辑"], own)
    with pytest.raises(Refused, match="本组织自己的计划"):
        review.approve(store, tree["总支审阅"], own)
    review.return_plan(store, tree["党委审阅"], own, "请补充融合度项目")
    assert review.plan_review_state(store, tree["总支编辑"], own) == "returned"


def test_review_steps_survive_backup_and_restore(store, tree, second_url):
    ids = _stored(store, tree)
    review.submit(store, tree["一支部编辑"], ids["第一党支部"])
    review.return_plan(store, tree["总支审阅"], ids["第一党支部"], "", [("P1", "请细化")])
    data = backup.dump(store, SYSTEM)
    other = Store(second_url)
    try:
        backup.load(other, SYSTEM, data)
        steps = review.review_events(other, SYSTEM, ids["第一党支部"])
        assert [(s.action, [(c.item_id, c.text) for c in s.comments]) for s in steps] == [
            ("submit", []), ("return", [("P1", "请细化")])]
        backup.load(store, SYSTEM, data)  # restoring over a workspace with review steps replaces them
        assert len(review.review_events(store, SYSTEM, ids["第一党支部"])) == 2
    finally:
        other.close()


def test_cli_branches_json(store, tree, store_url, capsys):
    ids = _stored(store, tree)
    review.submit(store, tree["一支部编辑"], ids["第一党支部"])
    assert main(["store", "--db", store_url, "branches", "--org", "机关党总支", "--year", "2026",
                 "--as-of", DAY.isoformat(), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    rows = committee_rows(branch_plans(store, SYSTEM, "机关党总支", year=2026, as_of=DAY), DAY)
    assert printed == [row_json(r, 2026) for r in rows]
    assert [(p["org"], p["state"], p["version"]) for p in printed] == [
        ("机关党总支", "none", None), ("第一党支部", "submitted", 1), ("第二党支部", "draft", 1)]
    assert set(printed[1]) == {"org", "year", "state", "version", "items", "progress", "overdue"}
    assert printed[0]["year"] == 2026 and printed[0]["overdue"] is None
    assert main(["store", "--db", store_url, "branches", "--org", "无此组织", "--json"]) == 2
    err = capsys.readouterr().err
    assert "无此组织" in err and len(err.strip().splitlines()) == 1
    assert main(["store", "--db", store_url, "branches", "--org", "机关党总支", "--as-of", "5月1日"]) == 2


def test_two_workspaces_never_share_cached_plans(store, tree, second_url):
    """Version ids repeat across databases: what one workspace's table caches never shows in another's."""
    other = Store(second_url)
    try:
        for where, plan in ((store, build_small_plan()), (other, build_plan(40))):
            if where is other:
                where.add_org(SYSTEM, "城关党委")
                where.add_org(SYSTEM, "第一党支部", parent="城关党委")
            where.save_version(SYSTEM, "第一党支部", plan, b"x", "x.xlsx", as_of=date(2026, 2, 1))
        mine, theirs = (next(b for b in branch_plans(w, SYSTEM, "城关党委", as_of=DAY) if b.org == "第一党支部")
                        for w in (store, other))
        assert len(mine.plan.items) == len(build_small_plan().items)
        assert len(theirs.plan.items) == len(build_plan(40).items)
    finally:
        other.close()
