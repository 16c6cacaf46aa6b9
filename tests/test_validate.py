"""validate(): one test per kind of problem, each naming the bad value and its place."""
from __future__ import annotations

from datetime import date

from planviz.reading.infer import infer_dimension, named_dimension
from planviz.model import Item, Plan, Source
from planviz.reading import FIELDS
from planviz.reading.validate import validate

SRC = Source("计划", 5)
FULL = dict(goal="提高参学率", owners=("张三",), deadline_text="3月底前", end=date(2026, 3, 31),
            deliverable="学习记录", criteria="参学率100%", dimension="深度", source=SRC)


def issues_of(*items: Item, **kw):
    return validate(Plan(year=2026, items=(Item("S1", "政治建设", level="section"),) + items), **kw)


def test_complete_project_has_no_issue():
    assert issues_of(Item("P1", "理论学习", parent="S1", **FULL)) == ()


def test_five_elements_listed_in_one_warning():
    project = Item("P1", "理论学习", parent="S1", **{**FULL, "goal": "", "criteria": "", "owners": ()})
    (issue,) = issues_of(project)
    assert issue.severity == "warning" and issue.item_id == "P1"
    assert "理论学习" in issue.message and "目标、负责人、评估标准" in issue.message
    assert (issue.sheet, issue.row) == ("计划", 5)


def test_single_missing_element_names_its_column():
    columns = {"计划": {"title": "工作内容", "owners": "责任领导", "deadline": "时间节点", "goal": "目标",
                      "deliverable": "成果", "criteria": "考核标准"}}
    (issue,) = issues_of(Item("P1", "理论学习", parent="S1", **{**FULL, "owners": ()}), columns=columns)
    assert issue.column == "责任领导" and "负责人" in issue.message


def test_absent_columns_give_one_sheet_note_not_one_per_project():
    columns = {"计划": {"title": "工作内容", "owners": "责任人", "deadline": "完成时限"}}
    bare = {**FULL, "goal": "", "deliverable": "", "criteria": ""}
    issues = issues_of(Item("P1", "学习", parent="S1", **bare), Item("P2", "慰问", parent="S1", **bare),
                       columns=columns)
    assert len(issues) == 1
    assert issues[0].severity == "info" and "目标、成果形式、评估标准" in issues[0].message


def test_task_missing_owner_and_deadline_unless_project_has_them():
    project = Item("P1", "理论学习", parent="S1", **FULL)
    bare = Item("P2", "慰问", parent="S1", dimension="温度", goal="g", deliverable="d", criteria="c", source=SRC)
    issues = issues_of(project, bare, Item("T1", "读书班", level="task", parent="P1", source=Source("计划", 6)),
                       Item("T2", "走访", level="task", parent="P2", source=Source("计划", 8)))
    task_issues = [(i.item_id, i.severity, i.column) for i in issues if i.item_id in ("T1", "T2")]
    assert task_issues == [("T2", "warning", FIELDS["owners"]), ("T2", "warning", FIELDS["deadline"])]
    assert any("走访" in i.message and "没有责任人" in i.message for i in issues)


def test_unreadable_deadline_is_a_warning_and_vague_an_info():
    odd = Item("P1", "理论学习", parent="S1", **{**FULL, "end": None, "deadline_text": "等通知再看吧xx"})
    vague = Item("P2", "研讨", parent="S1", **{**FULL, "end": None, "deadline_text": "适时"})
    found = {(i.item_id, i.severity) for i in issues_of(odd, vague) if "时间「" in i.message}
    assert found == {("P1", "warning"), ("P2", "info")}
    assert any("等通知再看吧xx" in i.message for i in issues_of(odd))


def test_end_before_start_is_an_error():
    item = Item("P1", "理论学习", parent="S1", **{**FULL, "start": date(2026, 5, 1), "end": date(2026, 3, 1)})
    (issue,) = issues_of(item)
    assert issue.severity == "error" and "2026-03-01" in issue.message and "2026-05-01" in issue.message


def test_duplicate_id_is_an_error_pointing_at_the_first():
    first = Item("P1", "理论学习", parent="S1", **FULL)
    second = Item("P1", "组织生活", parent="S1", **{**FULL, "source": Source("计划", 9)})
    (issue,) = issues_of(first, second)
    assert issue.severity == "error" and issue.row == 9 and "P1" in issue.message and "第 5 行" in issue.message


def test_parent_not_found():
    (issue,) = issues_of(Item("T1", "读书班", level="task", parent="P9", owners=("张三",), deadline_text="3月",
                              start=date(2026, 3, 1), end=date(2026, 3, 31), source=SRC))
    assert issue.severity == "error" and "P9" in issue.message and issue.column == "所属项目"


def test_progress_out_of_range():
    (issue,) = issues_of(Item("P1", "理论学习", parent="S1", progress=1.5, **FULL))
    assert issue.severity == "error" and "150%" in issue.message


def test_unknown_status_and_dimension():
    issues = issues_of(Item("P1", "理论学习", parent="S1", status="搁浅", **{**FULL, "dimension": "宽度"}))
    assert {i.severity for i in issues} == {"warning"}
    assert any("搁浅" in i.message for i in issues) and any("宽度" in i.message for i in issues)


def test_inferred_and_missing_dimension_are_infos():
    inferred = Item("P1", "走访慰问", parent="S1", **{**FULL, "dimension": "温度"}, dimension_inferred=True)
    none = Item("P2", "其他工作", parent="S1", **{**FULL, "dimension": None})
    issues = issues_of(inferred, none)
    assert [(i.item_id, i.severity) for i in issues] == [("P1", "info"), ("P2", "info")]
    assert "温度" in issues[0].message and "推断" in issues[0].message


def test_every_problem_is_collected():
    items = [Item(f"P{k}", f"工作{k}", parent="S1", dimension="高度") for k in range(1, 6)]
    issues = issues_of(*items)
    assert len([i for i in issues if "五要素" in i.message]) == 5


def test_sample_plan_has_no_errors(plan):
    assert not [i for i in validate(plan) if i.severity == "error"]


def test_infer_dimension_keywords():
    assert infer_dimension("学习贯彻党的二十大精神") == "高度"
    assert infer_dimension("书记讲党课") == "深度"
    assert infer_dimension("规范“三会一课”") == "精度"
    assert infer_dimension("走访慰问困难党员") == "温度"
    assert infer_dimension("打造“红色引擎”党建品牌") == "亮度"
    assert infer_dimension("党建+业务融合攻坚") == "融合度"
    assert infer_dimension("高度：政治引领") == "高度" and infer_dimension("融合度") == "融合度"
    assert infer_dimension("深度融合党建与业务") == "融合度"
    assert infer_dimension("其他事项") is None
    assert infer_dimension("走访慰问", ("高度", "关爱度")) is None  # a custom vocabulary gets no default name
    assert infer_dimension("关爱度：走访慰问", ("高度", "关爱度")) == "关爱度"


def test_named_dimension_only_at_the_start():
    assert named_dimension("一、温度（关爱党员）") == "温度"
    assert named_dimension("高度：政治引领") == "高度"
    assert named_dimension("高度重视意识形态") is None and named_dimension("政治建设") is None
    assert infer_dimension("清廉机关建设") == "精度" and infer_dimension("落实“第一议题”") == "高度"
    assert infer_dimension("青年党员导师帮带") == "温度"
