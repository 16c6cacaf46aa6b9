"""Word plans: outline prose and task tables read into the plan model, with places named by paragraph or table row."""
from datetime import date

import pytest

import docs
from planviz.reading import load_plan


def by_title(plan):
    return {item.title: item for item in plan.items}


def test_branch_prose_outline_becomes_sections_projects_and_meta():
    plan = load_plan(docs.branch_prose(), "支部计划.docx")
    assert plan.year == 2026
    assert plan.organization == "中共青禾市第一中学党支部"
    assert plan.title == "中共青禾市第一中学党支部2026年度党建工作计划"
    assert [s.title for s in plan.sections] == ["加强政治建设", "加强组织建设", "推进党建与业务融合"]
    meta = dict(plan.meta)
    assert meta["指导思想"].startswith("以习近平新时代") and "发展党员2名" in meta["工作目标"]
    assert "保障措施" in meta and "前言" in meta
    items = by_title(plan)
    assert "党员理论学习覆盖率达到100%" not in " ".join(items)  # goals stay plan text
    study = items["深入学习贯彻党的二十大精神"]
    assert study.owners == ("张伟",) and (study.start, study.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert study.detail == "每月开展一次集中学习"
    duty = items["落实意识形态工作责任制"]
    assert duty.owners == ("李娜",) and duty.start is None and duty.end == date(2026, 6, 30)
    assert "组织委员" in duty.notes
    members = items["规范发展党员程序"]
    assert members.departments == ("党建办", "工会") and members.end == date(2026, 10, 31)
    assert items["做好党费收缴工作"].recurrence == "quarterly"
    assert plan.issuer == "中共青禾市第一中学党支部" and plan.approved_on == date(2026, 1, 8)


def test_prose_issues_name_paragraphs():
    plan = load_plan(docs.branch_prose(), "支部计划.docx")
    places = [i.where() for i in plan.issues]
    assert all("工作表" not in p and "行" not in p for p in places)
    unnumbered = [i for i in plan.issues if "没有编号" in i.message]
    assert [i.where() for i in unnumbered] == ["第 15 段"]


def test_committee_table_with_merges_and_continued_pages():
    plan = load_plan(docs.committee_table(), "任务分解表.docx")
    assert plan.year == 2026 and plan.organization == "青禾市卫生健康委员会机关党委"
    assert [s.title for s in plan.sections] == ["政治建设", "组织建设", "作风建设"]
    items = by_title(plan)
    assert items["落实“第一议题”制度"].section == "政治建设"  # the merged 类别 cell covers its row
    assert items["开展组织生活会和民主评议党员"].end == date(2026, 2, 28)
    assert items["党风廉政警示教育月"].section == "作风建设"
    assert len(plan.projects) == 6
    assert items["党风廉政警示教育月"].source.sheet == "表 2"
    where = {i.where() for i in plan.issues}
    assert "表 2 第 4 行" in where
    assert any("表 3" in w for w in where)  # the signature table is skipped, and said so
