"""Plan model: tree views, copies, JSON shape."""
import dataclasses
from datetime import date

import pytest

from planviz.model import Issue, Item, Plan, Source, plan_to_json


def _plan():
    items = (
        Item("S1", "政治建设", level="section", section="政治建设"),
        Item("P1", "学习贯彻全会精神", parent="S1", section="政治建设", dimension="高度", owners=("张三", "李四"),
             end=date(2026, 3, 31), deadline_text="3月底前", progress=0.5, highlight=True),
        Item("T1", "专题研讨", level="task", parent="P1", owners=("张三",), progress=1.0, source=Source("任务清单", 3)),
        Item("P2", "谈心谈话", parent="S1", dimension="温度", owners=("王五",)),
    )
    return Plan(year=2026, organization="示例党支部", items=items,
                issues=(Issue("warning", "缺少负责人", sheet="计划", row=5, column="责任人"),))


def test_tree_views():
    plan = _plan()
    assert [i.id for i in plan.sections] == ["S1"]
    assert [i.id for i in plan.projects] == ["P1", "P2"]
    assert [i.id for i in plan.tasks] == ["T1"]
    assert [i.id for i in plan.children("S1")] == ["P1", "P2"]
    assert [i.id for i in plan.highlights()] == ["P1"]
    assert plan.owners() == ("张三", "李四", "王五")
    assert plan.overall_progress() == pytest.approx(0.75)


def test_items_are_frozen_and_copied():
    plan = _plan()
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.items[1].title = "x"
    changed = plan.with_items(dataclasses.replace(i, progress=None) for i in plan.items)
    assert changed.overall_progress() is None
    assert plan.overall_progress() is not None


def test_display_title_falls_back_to_organization_and_year():
    assert _plan().display_title == "示例党支部2026年度党建工作计划"
    assert _plan().replace(title="自定义标题").display_title == "自定义标题"


def test_missing_elements_lists_the_five_in_order():
    item = Item("P9", "空项目")
    assert item.missing_elements() == ["目标", "负责人", "时间节点", "成果形式", "评估标准"]
    full = dataclasses.replace(item, goal="g", owners=("a",), deadline_text="全年", deliverable="d", criteria="c")
    assert full.missing_elements() == []


def test_issue_where_names_sheet_row_column():
    assert _plan().issues[0].where() == "工作表「计划」第 5 行「责任人」列"


def test_plan_json_shape():
    doc = plan_to_json(_plan())
    assert set(doc) == {"plan", "items", "issues"}
    assert doc["plan"] == {"organization": "示例党支部", "year": 2026, "title": "示例党支部2026年度党建工作计划"}
    p1 = doc["items"][1]
    assert set(p1) == {"id", "parent", "level", "title", "section", "dimension", "lever", "owner", "department",
                       "start", "end", "recurrence", "progress", "status", "milestone", "highlight"}
    assert p1["owner"] == "张三、李四" and p1["end"] == "2026-03-31" and p1["start"] is None
    assert doc["items"][3]["department"] is None
    assert doc["issues"][0] == {"severity": "warning", "sheet": "计划", "row": 5, "column": "责任人",
                                "paragraph": None, "table": None, "message": "缺少负责人"}


def test_issue_where_names_word_places():
    assert Issue("info", "x", table=2, row=5).where() == "表 2 第 5 行"
    assert Issue("info", "x", table=3).where() == "表 3"
    assert Issue("info", "x", paragraph=12).where() == "第 12 段"
