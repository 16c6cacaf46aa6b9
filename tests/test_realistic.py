"""load_plan on realistic plans (tests/realistic.py): what a party-affairs worker expects to read back."""
from __future__ import annotations

import io
import random
from datetime import date

import pytest
from openpyxl import load_workbook

import realistic as rl
from planviz.model import PlanError
from planviz.reading import load_plan

Y = 2026


def d(month: int, day: int, year: int = Y) -> date:
    return date(year, month, day)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every realistic builder written once: file name → path."""
    folder = tmp_path_factory.mktemp("realistic")
    return {name: build(folder / name) for name, build in rl.BUILDERS.items()}


@pytest.fixture(scope="module")
def plans(built):
    return {name: load_plan(path) for name, path in built.items()}


def tree(plan):
    return [(i.id, i.level, i.title, i.parent) for i in plan.items]


def by_title(plan):
    return {i.title: i for i in plan.items}


def span(item):
    return item.start, item.end


def infos_by_row(plan, sheet):
    return {i.row: i.message for i in plan.issues if i.severity == "info" and i.sheet == sheet and i.row}


def warnings(plan):
    return [i for i in plan.issues if i.severity == "warning"]


# -- every plan: nothing silently dropped, no errors ---------------------------------------------

HEADER_LAST_ROW = {  # file → {plan sheet: last header row (1-based)}
    "wps_branch.xlsx": {"Sheet1": 3}, "committee.xlsx": {"任务分解": 3}, "hospital.xlsx": {"2026年计划": 2},
    "company.xlsx": {"项目清单": 2}, "rare_synonyms.xlsx": {"工作台账": 2},
    "multi_sheet.xlsx": {"党建工作": 2, "党风廉政建设": 2}, "dirty.xlsx": {"2026计划": 3}, "copied.xlsx": {"2026年": 2},
    "ledger.xlsx": {"台账": 4}, "six_dimensions.xlsx": {"六度计划": 3}, "calendar.xlsx": {"主题党日": 2},
    "deadlines.xlsx": {"时限": 2},
}


def _filled_rows(path, sheet, header_row):
    ws = load_workbook(path)[sheet]
    return {cell.row for row in ws.iter_rows(min_row=header_row + 1) for cell in row
            if cell.value is not None and str(cell.value).strip()}


@pytest.mark.parametrize("name", sorted(HEADER_LAST_ROW))
def test_every_filled_row_is_an_item_or_an_info(built, plans, name):
    plan = plans[name]
    for sheet, header_row in HEADER_LAST_ROW[name].items():
        read = {i.source.row for i in plan.items if i.source and i.source.sheet == sheet}
        noted = {i.row for i in plan.issues if i.sheet == sheet and i.row and "未作为工作项读取" in i.message}
        assert _filled_rows(built[name], sheet, header_row) == read | noted
        assert not read & noted


@pytest.mark.parametrize("name", sorted(rl.BUILDERS))
def test_no_errors_and_every_issue_is_located(plans, name):
    plan = plans[name]
    assert plan.errors() == ()
    assert all(i.sheet for i in plan.issues if i.row)
    assert all(i.title and "\n" not in i.title and i.title == i.title.strip() for i in plan.items)


# -- 1. 机关党支部, WPS style --------------------------------------------------------------------

def test_wps_branch_tree(plans):
    plan = plans["wps_branch.xlsx"]
    assert (plan.title, plan.organization, plan.year) == (rl.WPS_TITLE, "中共某某市财政局机关第一党支部", Y)
    assert tree(plan) == [
        ("S1", "section", "政治建设", None),
        ("1.1", "project", "深入学习贯彻党的二十届四中全会精神", "S1"),
        ("1.1.1", "task", "每月组织一次支部集中学习", "1.1"),
        ("1.1.2", "task", "开展专题研讨交流", "1.1"),
        ("1.2", "project", "落实意识形态工作责任制", "S1"),
        ("S2", "section", "组织建设", None),
        ("2.1", "project", "严格落实“三会一课”制度", "S2"),
        ("2.1.1", "task", "召开年度组织生活会", "2.1"),
        ("2.2", "project", "做好发展党员工作", "S2"),
        ("S3", "section", "关爱服务", None),
        ("3.1", "project", "开展“七一”走访慰问困难党员", "S3"),
        ("3.2", "project", "参加上级组织的专题活动", "S3"),
    ]


def test_wps_branch_people_notes_and_highlight(plans):
    items = by_title(plans["wps_branch.xlsx"])
    study = items["深入学习贯彻党的二十届四中全会精神"]
    assert (study.owners, study.departments) == (("王书记",), ("办公室", "各科室"))
    assert study.notes == "牵头：办公室；配合：各科室"
    assert items["每月组织一次支部集中学习"].notes == "结合“三会一课”"
    assert items["开展“七一”走访慰问困难党员"].highlight
    assert [i.title for i in plans["wps_branch.xlsx"].items if i.highlight] == ["开展“七一”走访慰问困难党员"]


def test_wps_branch_deadline_words(plans):
    items = by_title(plans["wps_branch.xlsx"])
    assert span(items["深入学习贯彻党的二十届四中全会精神"]) == (d(1, 1), d(12, 31))  # 全年
    assert items["每月组织一次支部集中学习"].recurrence == "monthly"
    assert span(items["开展专题研讨交流"]) == (None, d(3, 31))  # 3月底前
    assert items["落实意识形态工作责任制"].recurrence == "quarterly"
    ongoing = items["严格落实“三会一课”制度"]  # 长期坚持: the whole year, no rhythm
    assert (span(ongoing), ongoing.recurrence) == ((d(1, 1), d(12, 31)), None)
    assert span(items["召开年度组织生活会"]) == (None, d(2, 28))
    assert span(items["做好发展党员工作"]) == (None, d(6, 30))  # 七一前
    vague = items["参加上级组织的专题活动"]
    assert span(vague) == (None, None) and vague.deadline_text == "适时"
    (note,) = [i for i in plans["wps_branch.xlsx"].issues if i.item_id == vague.id and "不够具体" in i.message]
    assert (note.severity, note.sheet, note.row, note.column) == ("info", "Sheet1", 16, "完成时限")


def test_wps_branch_footnotes_and_signature(plans):
    skipped = infos_by_row(plans["wps_branch.xlsx"], "Sheet1")
    assert "注释" in skipped[18] and "注：1.完成时限" in skipped[18]
    assert "注释" in skipped[19]
    assert "落款" in skipped[21] and "支部书记（签字）" in skipped[21]
    assert "落款" in skipped[22] and "2026年1月8日" in skipped[22]


# -- 2. 党委: merged 类别, two-row header, dates and serials --------------------------------------

def test_committee_sections_and_projects(plans):
    plan = plans["committee.xlsx"]
    assert (plan.organization, plan.year) == ("某某集团有限公司党委", Y)
    assert [s.title for s in plan.sections] == ["政治建设", "基层组织建设", "党建+生产经营"]
    assert [(p.id, p.section) for p in plan.projects] == [
        ("1", "政治建设"), ("2", "政治建设"), ("3", "政治建设"), ("4", "基层组织建设"), ("5", "基层组织建设"),
        ("6", "党建+生产经营")]
    assert plan.tasks == ()


def test_committee_two_row_header_dates_and_serials(plans):
    p1, p2, p3, p4, p5, p6 = plans["committee.xlsx"].projects
    assert span(p1) == (d(1, 1), d(12, 31))  # two date cells
    assert span(p2) == (d(1, 1), d(12, 31)) and p2.deadline_text == "全年"  # a period alone in 开始
    assert span(p3) == (d(4, 1), d(6, 30))  # a date cell | a plain serial 46203
    assert span(p4) == (d(2, 1), d(11, 30))  # two serials formatted as dates
    assert span(p5) == (d(6, 1), d(6, 30))  # 6月
    assert span(p6) == (d(3, 1), d(10, 31))  # 3-10月


def test_committee_lead_and_support_departments(plans):
    p1, p2, *_, p6 = plans["committee.xlsx"].projects
    assert (p1.departments, p1.notes) == (("党委办公室",), "牵头部门：党委办公室")
    assert p2.departments == ("党委办公室", "各党支部")
    assert p2.notes == "牵头部门：党委办公室；配合部门：各党支部"
    assert p6.departments == ("工程部", "党群工作部")
    assert p1.owners == ("党委书记",) and p1.deliverable == "学习记录12次"  # 牵头领导, 完成标志


def test_committee_hidden_column_kept_and_other_sheets_noted(plans):
    plan = plans["committee.xlsx"]
    assert [p.extras for p in plan.projects] == [{"分值": v} for v in ("5", "5", "10", "10", "5", "15")]
    messages = [i.message for i in plan.issues if i.severity == "info"]
    assert "「分值」列在表格中是隐藏的，已照常读取。" in messages
    assert "工作表「说明」是说明页，未作为计划读取。" in messages
    assert "工作表「Sheet3」是空表，已跳过。" in messages


def test_first_topic_is_political(plans):
    assert by_title(plans["committee.xlsx"])["落实“第一议题”制度"].dimension == "高度"


# -- 3. 党总支: 重点任务 merged over 具体措施 -------------------------------------------------------

def test_hospital_groups_and_measures(plans):
    plan = plans["hospital.xlsx"]
    assert tree(plan) == [
        ("S1", "section", "思想建设", None),
        ("1", "project", "加强理论武装", "S1"),
        ("1.1", "task", "每月第一周开展集中学习", "1"),
        ("1.2", "task", "举办“医者仁心”读书班", "1"),
        ("1.3", "task", "书记讲党课", "1"),
        ("S2", "section", "党建+业务", None),
        ("2", "project", "党建引领医疗服务提升", "S2"),
        ("2.1", "task", "组建党员先锋岗", "2"),
        ("2.2", "task", "开展义诊进社区", "2"),
        ("S3", "section", "关爱党员", None),
        ("3", "project", "关心关爱党员医务人员", "S3"),
        ("3.1", "task", "开展谈心谈话", "3"),
        ("3.2", "task", "走访慰问困难党员", "3"),
    ]


def test_hospital_people_and_spans(plans):
    items = by_title(plans["hospital.xlsx"])
    care = items["关心关爱党员医务人员"]
    assert care.owners == ("刘书记", "陈委员") and span(care) == (d(1, 1), d(6, 30))  # from its measures
    clinic = items["开展义诊进社区"]  # 责任人 merged over the group's two rows
    assert clinic.owners == ("周主任",) and clinic.departments == ("医务科", "护理部")
    assert span(items["书记讲党课"]) == (d(7, 1), d(7, 1))  # 七一前后 under 完成时间: that day
    assert span(items["举办“医者仁心”读书班"]) == (d(4, 1), d(6, 30))  # 二季度
    assert span(items["走访慰问困难党员"]) == (None, d(2, 16))  # 春节前


def test_hospital_sign_off_under_the_table_is_not_an_item(plans):
    skipped = infos_by_row(plans["hospital.xlsx"], "2026年计划")
    assert "落款" in skipped[11] and "内科总支部委员会" in skipped[11]
    assert "落款" in skipped[12] and "落款" in skipped[13]
    assert not warnings(plans["hospital.xlsx"])
    assert "中共某某市人民医院内科总支部委员会" not in plans["hospital.xlsx"].owners()


# -- 4. 村党支部 CSV exported by WPS ---------------------------------------------------------------

@pytest.mark.parametrize("encoding,sep", [("gbk", ","), ("gb18030", ";"), ("gbk", "\t"), ("utf-8-sig", ",")])
def test_village_csv(tmp_path, encoding, sep):
    plan = load_plan(rl.village_csv(tmp_path / "村计划.csv", encoding, sep))
    assert (plan.organization, plan.year) == ("某某镇某某村党支部", Y)
    assert [p.title for p in plan.projects] == [row[1] for row in rl.VILLAGE_ROWS[1:]]
    assert [p.source.row for p in plan.projects] == list(range(4, 11))
    first, theme_day, recruit, volunteers, pledge, visit, review = plan.projects
    assert first.owners == ("张大山",) and first.notes == "村支书：张大山"  # a post and a name, one person
    assert plan.owners() == ("张大山", "李小红", "王强", "赵刚")
    assert span(first) == (None, d(3, 31)) and first.deadline_text == "３月底前"  # full-width digit
    assert span(recruit) == (None, d(3, 31))  # 三月底前
    assert theme_day.recurrence == "monthly" and theme_day.notes == "每月5日"
    assert span(volunteers) == (d(4, 1), d(10, 31))
    assert span(pledge) == (None, d(6, 30))
    assert span(visit) == (None, d(2, 16)) and visit.notes == "慰问金由镇党委拨付"  # 春节前: 2026-02-17
    assert span(review) == (d(1, 1, 2027), d(1, 31, 2027))  # 次年1月
    assert not warnings(plan)


# -- 5. 企业 项目化 list ---------------------------------------------------------------------------

def test_company_five_elements_progress_status(plans):
    plan = plans["company.xlsx"]
    projects = plan.projects
    assert [p.id for p in projects] == [row[0] for row in rl.COMPANY_ROWS]
    assert [p.progress for p in projects] == [0.35, 0.35, 1.0, 0.2, 0.0]  # 35%, 0.35, 完成, 20, 0%
    assert [p.status for p in projects] == ["进行中", "进行中", "已完成", "延期", "暂缓"]
    assert [p.highlight for p in projects] == [True, True, False, False, False]
    assert all(p.missing_elements() == [] for p in projects)
    assert (projects[0].goal, projects[0].deliverable, projects[0].criteria) == rl.COMPANY_ROWS[0][2:3] + \
        rl.COMPANY_ROWS[0][5:7]
    assert not [i for i in plan.issues if "五要素" in i.message]
    assert span(projects[1]) == (d(3, 1), d(11, 30)) and projects[3].recurrence == "quarterly"


# -- 6. old .xls --------------------------------------------------------------------------------

def test_old_xls(plans):
    plan = plans["old.xls"]
    assert (plan.organization, plan.year) == ("某某县教育局机关党委", Y)
    assert tree(plan) == [
        ("S1", "section", "思想政治建设", None), ("1", "project", "开展理论学习中心组学习", "S1"),
        ("2", "project", "举办党务干部培训班", "S1"),
        ("S2", "section", "党风廉政建设", None), ("3", "project", "签订党风廉政建设责任书", "S2"),
    ]
    study, training, pledge = plan.projects
    assert (study.recurrence, study.progress) == ("monthly", 0.5)
    assert span(training) == (None, d(5, 20)) and training.progress == 0.0  # a date under 完成时限: a deadline
    assert training.notes == "与教师培训\n结合进行"
    assert span(pledge) == (None, d(3, 31)) and pledge.progress == 1.0  # serial 46112 typed over a date
    assert [p.extras for p in plan.projects] == [{"内部分值": "5"}, {"内部分值": "3"}, {"内部分值": "2"}]
    assert any(i.column == "内部分值" and "隐藏" in i.message for i in plan.issues)


# -- 7. rarer header words -----------------------------------------------------------------------

def test_rare_synonyms(plans):
    plan = plans["rare_synonyms.xlsx"]
    projects = plan.projects
    assert [p.id for p in projects] == ["1", "2", "3", "4"]  # 序号 written 1、 2、
    assert [p.title for p in projects] == ["强化政治引领", "夯实基层基础", "推进清廉机关建设", "打造“红盾先锋”品牌"]
    assert projects[0].detail == "开展“两个确立”专题学习"  # the second title column says how
    assert [p.owners for p in projects] == [("局长",), ("副局长",), ("纪检组长",), ("局长",)]
    assert [span(p) for p in projects] == [(d(1, 1), d(3, 31)), (d(4, 1), d(6, 30)), (d(7, 1), d(9, 30)),
                                           (d(7, 1), d(12, 31))]  # 时间节点 gives the start, 完成时间 the end
    assert [p.status for p in projects] == ["已完成", "进行中", "未开始", "进行中"]  # 落实情况: 已开展2次
    assert projects[2].dimension == "精度"  # 清廉


# -- 8. several plan sheets with cover, meta and guide sheets ---------------------------------------

def test_multi_sheet_plan(plans):
    plan = plans["multi_sheet.xlsx"]
    assert (plan.organization, plan.year, plan.theme, plan.slogan) == (
        "某某大学计算机学院党委", Y, "强基铸魂 育人争先", "“码上先锋”")
    assert plan.title == "某某大学计算机学院党委2026年度工作计划"  # from the cover, not one sheet's title
    assert [(p.id, p.section, p.source.sheet) for p in plan.projects] == [
        ("1", "政治建设", "党建工作"), ("2", "政治建设", "党建工作"), ("3", "组织建设", "党建工作"),
        ("党风廉政建设.1", "压实责任", "党风廉政建设"), ("党风廉政建设.2", "警示教育", "党风廉政建设")]
    assert [s.title for s in plan.sections] == ["政治建设", "组织建设", "压实责任", "警示教育"]
    assert not [i for i in plan.issues if "编号" in i.message]  # numbering from 1 on each sheet is normal
    assert any(i.sheet == "填表说明" and "说明页" in i.message for i in plan.issues)


# -- 9. a dirty sheet ------------------------------------------------------------------------------

def test_sheets_titled_each_for_their_part_leave_the_title_to_be_built(built):
    wb = load_workbook(built["multi_sheet.xlsx"])
    del wb["封面"]
    out = io.BytesIO()
    wb.save(out)
    plan = load_plan(out.getvalue(), "计划.xlsx")
    assert plan.title == "" and plan.display_title == "某某大学计算机学院党委2026年度党建工作计划"


def test_dirty_sheet(plans):
    plan = plans["dirty.xlsx"]
    assert (plan.title, plan.organization) == ("某某社区党委2026年度党建工作计划", "某某社区党委")
    assert [(p.id, p.title, p.owners) for p in plan.projects] == [
        ("1", "开展党史学习教育", ("张三", "李四")),
        ("2", "组织党员参加志愿服务", ("王五", "赵六")),  # a line break inside the cell
        ("2-2", "召开组织生活会", ("孙七", "周八")),
        ("4", "开展年度述职评议", ("吴九",)),  # 责任人 merged over two rows
        ("5", "更新党员信息库", ("吴九",)),
    ]
    p1, _, p3, p4, _ = plan.projects
    assert span(p1) == (None, d(3, 31))
    assert span(p3) == (None, d(12, 31))  # 2026年12月31日前
    assert span(p4) == (d(1, 1, 2027), d(1, 31, 2027))  # 次年1月
    (dup,) = [i for i in plan.issues if "重复" in i.message]
    assert (dup.severity, dup.sheet, dup.row) == ("warning", "2026计划", 6) and "「2-2」" in dup.message
    assert "没有工作内容" in infos_by_row(plan, "2026计划")[7]
    assert any(i.sheet == "Sheet1" and "空表" in i.message for i in plan.issues)


# -- 10. last year's sheet left in the workbook ---------------------------------------------------

def test_last_years_sheet_is_not_read(plans):
    plan = plans["copied.xlsx"]
    assert plan.year == Y
    assert [p.title for p in plan.projects] == ["学习贯彻党的二十届四中全会精神", "开展作风建设专项整治", "召开组织生活会"]
    assert {p.source.sheet for p in plan.projects} == {"2026年"}
    (note,) = [i for i in plan.issues if i.sheet == "2025年"]
    assert note.severity == "info" and "2025年的计划" in note.message


def test_year_option_picks_last_years_sheet(built):
    plan = load_plan(built["copied.xlsx"], year=2025)
    assert [p.title for p in plan.projects] == ["学习贯彻党的二十届三中全会精神", "开展党纪学习教育"]
    assert span(plan.projects[1]) == (None, date(2025, 7, 31))


# -- 11. a ledger kept through the year ---------------------------------------------------------

def test_ledger(plans):
    plan = plans["ledger.xlsx"]
    assert (plan.title, plan.organization) == ("某某街道机关党委2026年度党建工作任务台账", "某某街道机关党委")
    assert [(s.title, s.owners) for s in plan.sections] == [("政治建设", ()), ("组织建设", ("李小红",))]
    projects = plan.projects
    assert [(p.title, p.section) for p in projects][2:] == [("开展“三会一课”检查", "组织建设"),
                                                           ("召开民主生活会", "组织建设"), ("推行党员积分管理", "组织建设")]
    assert [p.owners for p in projects] == [("张三",), ("李小红",), ("王五", "赵六"), ("张三",), ("李小红",)]
    assert plan.owners() == ("张三", "李小红", "王五", "赵六")
    assert [(p.progress, p.status) for p in projects] == [
        (None, "进行中"), (1.0, None), (0.5, "进行中"), (1.0, "已完成"), (0.8, None)]  # 进度 “进行中” “√”; 状态 “完成80%”
    assert span(projects[3]) == (d(1, 1), d(1, 31))
    assert not warnings(plan)


# -- 12. a plan written by the 六度模型 ----------------------------------------------------------

def test_categories_named_by_dimension(plans):
    plan = plans["six_dimensions.xlsx"]
    assert [s.title for s in plan.sections] == ["高度：政治引领", "温度：关爱党员", "融合度：党建+营销"]
    assert [(p.dimension, p.dimension_inferred) for p in plan.projects] == [
        ("高度", False), ("高度", False), ("温度", False), ("温度", False), ("融合度", False)]  # 读书班 stays 高度
    assert not [i for i in plan.issues if "推断" in i.message]


def test_responsibility_merged_over_leader_and_department(plans):
    plan = plans["six_dimensions.xlsx"]
    first = plan.projects[0]
    assert (first.owners, first.departments, first.extra) == (("王书记",), ("党建部",), ())
    assert span(first) == (d(3, 1), d(5, 31))
    assert span(plan.projects[2]) == (d(3, 1), d(3, 10)) and plan.projects[3].recurrence == "weekly"
    assert span(plan.projects[4]) == (None, d(9, 30))  # 国庆节前


# -- 13. an activity calendar and a merged .xls ------------------------------------------------------

def test_activity_calendar_columns(plans):
    plan = plans["calendar.xlsx"]
    new_year, volunteers, july = plan.projects
    assert [p.title for p in plan.projects] == ["新年新征程", "学雷锋志愿服务", "庆祝建党105周年"]
    assert new_year.owners == ("校长",)  # 联系领导
    assert span(new_year) == (d(1, 11), d(1, 20))  # 活动时间 1月中旬, not the 月份 column
    assert span(volunteers) == (d(3, 5), d(3, 5)) and span(july) == (d(7, 1), d(7, 1))
    assert [k for k, _ in new_year.extra] == ["月份", "活动形式", "活动地点", "参加对象"]
    assert new_year.detail == "学习全会精神，制定支部学习计划"  # 活动内容 beside 活动主题 says what is done
    assert new_year.extras["活动地点"] == "党员活动室"


def test_xls_merges(plans):
    plan = plans["old_grouped.xls"]
    assert [(i.level, i.title, i.parent, i.section) for i in plan.items] == [
        ("section", "思想建设", None, "思想建设"), ("project", "理论学习", "S1", "思想建设"),
        ("task", "集中学习", "P1", "思想建设"), ("task", "读书班", "P1", "思想建设"),
        ("project", "谈心谈话", "S1", "思想建设"), ("task", "书记谈心", "P2", "思想建设")]
    items = by_title(plan)
    assert span(items["读书班"]) == (d(3, 1), d(5, 31))  # 开始 3月 | 结束 5月 under the merged 时间安排
    assert items["理论学习"].owners == ("张三", "李四")


# -- 14. no title row: the file name says whose plan and which year -----------------------------

def test_year_and_organization_from_the_file_name(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "工作内容", "责任人", "完成时限"])
    ws.append([1, "召开组织生活会", "张三", "3月底前"])
    path = tmp_path / "某某社区党支部2027年度党建工作计划.xlsx"
    wb.save(path)
    plan = load_plan(path)
    assert (plan.year, plan.organization) == (2027, "某某社区党支部")
    assert span(plan.projects[0]) == (None, date(2027, 3, 31))
    assert not [i for i in plan.issues if "没有找到计划年度" in i.message]
    copy = load_plan(path.read_bytes(), "副本 - 计划.xlsx", year=2027)
    assert copy.organization == ""  # a file name without a party body names no organization


# -- 15. every deadline wording through the reader ---------------------------------------------

def test_deadline_wordings(plans):
    got = [(p.start, p.end, p.recurrence) for p in plans["deadlines.xlsx"].projects]
    assert got == [tuple(row[1:]) for row in rl.DEADLINES]
    unread = [i for i in plans["deadlines.xlsx"].issues if "无法识别" in i.message]
    assert unread == []
    dash = plans["deadlines.xlsx"].projects[-1]
    assert dash.deadline_text == "" and "时间节点" in dash.missing_elements()  # “—” means no deadline


# -- robustness ----------------------------------------------------------------------------------

_JUNK = (None, "", " ", "一、", "①", "注：", 0, -5, 1e9, 46000, "3月底前", "？", "\n", "序号", "工作内容", "２月", "★")


def _mutated_workbook(data: bytes, rng: random.Random) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        cells = [c for row in ws.iter_rows() for c in row
                 if c.value is not None and type(c).__name__ == "Cell" and c.coordinate not in ws.merged_cells]
        for cell in rng.sample(cells, k=min(len(cells), rng.randint(1, 8))):
            cell.value = rng.choice(_JUNK)
        values = [[c.value for c in row] for row in ws.iter_rows()]
        body = values[2:]
        rng.shuffle(body)
        for r, row in enumerate(body, 3):
            for c, value in enumerate(row, 1):
                cell = ws.cell(row=r, column=c)
                if type(cell).__name__ == "Cell":  # merged cells other than the first are read-only
                    cell.value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _mutated_bytes(data: bytes, rng: random.Random) -> bytes:
    blob = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        if op < 0.4:
            blob[rng.randrange(len(blob))] = rng.randrange(256)
        elif op < 0.6:
            blob = blob[:rng.randrange(1, len(blob))]
        else:
            at = rng.randrange(len(blob) + 1)
            blob[at:at] = rng.choice([b",", b"\r", b"\n", b";", b"\t", b"\x00", "注：".encode("gbk"), b"\xef\xbb\xbf"])
    return bytes(blob)


def test_fuzzed_builders_raise_nothing_but_plan_error(built):
    """Seeded: blanked, junked and shuffled cells in every workbook; flipped, cut and inserted bytes in
    the CSV and .xls. load_plan either reads or raises one PlanError."""
    rng = random.Random(20261125)
    for name, path in built.items():
        data = path.read_bytes()
        mutate = _mutated_workbook if name.endswith(".xlsx") else _mutated_bytes
        for _ in range(6):
            blob = mutate(data, rng)
            try:
                load_plan(blob, name)
            except PlanError as exc:  # a damaged file, said in Chinese; never a reader bug dressed as one
                assert str(exc) and "Traceback" not in str(exc) and "无法处理的内容" not in str(exc)


def test_csv_with_a_lone_carriage_return_reads(tmp_path):
    body = "序号,工作内容,责任人,完成时限\r\n1,开展主题党日,张三,每月\r2,召开组织生活会,李四,2月底前\n"
    plan = load_plan(body.encode("gbk"), "计划.csv", year=Y)
    assert [p.title for p in plan.projects] == ["开展主题党日", "召开组织生活会"]



def test_damaged_xls_prints_nothing(built, capfd):
    """xlrd's complaints about a damaged .xls (“file size not 512 + multiple of sector size”) stay out of the
    terminal and the server log."""
    blob = _mutated_bytes(built["old.xls"].read_bytes(), random.Random(14))
    try:
        load_plan(blob, "计划.xls")
    except PlanError:
        pass
    out, _ = capfd.readouterr()
    assert out == ""


def test_parser_crash_reports_stay_out_of_the_terminal(built, capfd):
    """One flipped byte in the merged .xls makes python-calamine ask for 290 GB and abort, after printing
    a 50-line Rust backtrace; the user sees only the one Chinese line."""
    blob = bytearray(built["old_grouped.xls"].read_bytes())
    assert blob[1774] == 0  # the byte the damage goes into (update if the builder changes)
    blob[1774] = ord("H")
    with pytest.raises(PlanError, match="意外退出"):
        load_plan(bytes(blob), "计划.xls")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
