"""load_plan on messy workbooks and CSVs, the canonical template round trip, and unusable files."""
from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from messy import (CSV_ROWS, GROUPED_ITEMS, MERGED_ROWS, OUTLINE_ITEMS, TITLE, grouped_measures, merged_category,
                   outline, plan_csv, unknown_header)
from planviz.reading.cells import one_line, split_people
from planviz.reading.headers import FIELDS, field_of
from planviz.model import HeaderError, PlanError
from planviz.reading import load_plan


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    return load_plan(merged_category(tmp_path_factory.mktemp("m") / "计划.xlsx"))


@pytest.fixture(scope="module")
def outlined(tmp_path_factory):
    return load_plan(outline(tmp_path_factory.mktemp("o") / "计划.xlsx"))


def infos(plan, word):
    return [i for i in plan.issues if i.severity == "info" and word in i.message]


# -- the merged-category workbook ---------------------------------------------------------------

def test_meta_from_title_row(merged):
    assert (merged.year, merged.organization, merged.title) == (2026, "某某街道机关党支部", TITLE)
    assert merged.source_name == "计划.xlsx"


def test_rows_sections_owners_progress_status(merged):
    projects = merged.projects
    assert [(p.title, p.section, p.owners, p.progress, p.status) for p in projects] == list(MERGED_ROWS)
    assert [s.title for s in merged.sections] == ["政治建设", "组织建设", "为民服务"]
    assert all(p.parent == next(s.id for s in merged.sections if s.title == p.section) for p in projects)
    assert [p.id for p in projects] == ["1", "2", "3", "4", "5"]
    assert merged.tasks == ()


def test_sources_are_excel_rows(merged):
    assert [p.source.row for p in merged.projects] == [5, 6, 7, 8, 10]
    assert {p.source.sheet for p in merged.projects} == {"工作计划"}


def test_two_row_header_dates_serials_and_text(merged):
    first, whole_year, monthly, serial, text_dates = merged.projects
    assert (first.start, first.end) == (date(2026, 1, 1), date(2026, 3, 31))  # date cell | 3月底前
    assert (whole_year.start, whole_year.end) == (date(2026, 1, 1), date(2026, 12, 31))  # 全年 in 开始
    assert monthly.recurrence == "monthly"
    assert (serial.start, serial.end) == (date(2026, 3, 1), date(2026, 6, 30))  # datetime | serial 46203
    assert (text_dates.start, text_dates.end) == (date(2026, 4, 1), date(2026, 10, 31))  # 2026.4.1 | 2026/10/31
    assert text_dates.deadline_text == "2026.4.1至2026/10/31"


def test_departments_keep_roles_out_of_names(merged):
    first = merged.projects[0]
    assert first.departments == ("组织部", "宣传部")
    assert "牵头：组织部" in first.notes and "配合：宣传部" in first.notes


def test_extra_and_hidden_columns_are_kept(merged):
    first, second = merged.projects[:2]
    assert first.extras == {"经费（万元）": "2", "内部编码": "X-01"}
    assert second.extras == {"内部编码": "X-02"}
    assert second.notes == "每半年研判一次"
    assert infos(merged, "「内部编码」列在表格中是隐藏的")
    (hidden_row,) = infos(merged, "第 6 行在表格中是隐藏的")
    assert hidden_row.row == 6 and merged.projects[1].source.row == 6  # and the row was read


def test_skipped_rows_are_reported(merged):
    skipped = {i.row: i.message for i in merged.issues if "未作为工作项读取" in i.message}
    assert set(skipped) == {12, 13, 15}
    assert "注释" in skipped[12] and "注：1.时间安排" in skipped[12]
    assert "落款" in skipped[15] and "制表人" in skipped[15]
    assert infos(merged, "工作表「说明」是说明页")


def test_dimension_inferred_when_no_column(merged):
    assert [(p.dimension, p.dimension_inferred) for p in merged.projects] == [
        ("高度", True), ("高度", True), ("精度", True), ("精度", True), ("温度", True)]
    assert len([i for i in merged.issues if "由关键词推断" in i.message]) == 5


# -- the outline workbook -----------------------------------------------------------------------

def test_category_rows_and_numbered_sub_rows(outlined):
    got = [(i.id, i.title, i.level, i.parent, i.section, i.deadline_text) for i in outlined.items]
    assert got == list(OUTLINE_ITEMS)


def test_outline_deadline_words(outlined):
    by_id = outlined.by_id()
    assert by_id["1.1.2"].end == date(2026, 3, 31) and by_id["1.1.2"].start is None  # 三月底前
    assert by_id["2.1.1"].end == date(2026, 2, 28)  # ２月底前 (full-width digit)
    assert by_id["3.1"].end == date(2026, 6, 30)  # 七一前
    assert by_id["2.2"].end == date(2026, 6, 30) and by_id["2.2"].start is None  # date under 完成时限
    assert by_id["1.2"].start is None and by_id["1.2"].end is None  # 适时
    vague = [i for i in outlined.issues if i.item_id == "1.2" and "不够具体" in i.message]
    assert vague and vague[0].severity == "info" and vague[0].column == "完成时限"


def test_owners_from_责任领导(outlined):
    assert outlined.by_id()["1.1"].owners == ("张书记",)
    assert outlined.by_id()["1.1.1"].owners == ("李委员",)


def test_merged_key_task_column_groups_its_measures(tmp_path):
    plan = load_plan(grouped_measures(tmp_path / "g.xlsx"), year=2026)
    assert [(i.id, i.title, i.level, i.parent, i.owners) for i in plan.items] == list(GROUPED_ITEMS)
    study = plan.by_id()["1"]
    assert (study.start, study.end) == (date(2026, 1, 1), date(2026, 12, 31))  # spans its measures
    assert plan.by_id()["1.2"].end == date(2026, 3, 31)


def test_two_title_columns_without_groups_keep_the_second_as_detail(tmp_path):
    rows = [["开展学习", "每月集中学习", "张三", "每月"], ["走访慰问", "七一走访", "李四", "七一前"]]
    plan = load_plan(_one_sheet(tmp_path, ["重点任务", "具体措施", "责任人", "完成时限"], rows), year=2026)
    assert [(p.title, p.detail, p.extras) for p in plan.projects] == [("开展学习", "每月集中学习", {}),
                                                                     ("走访慰问", "七一走访", {})]
    assert [c.role for c in plan.columns][:2] == ["title", "detail"]
    assert plan.tasks == ()


# -- headers and column maps --------------------------------------------------------------------

def test_header_synonyms():
    assert field_of("工作任务") == field_of("具体措施") == field_of("项目名称") == "title"
    assert field_of("责任领导") == field_of("负责人") == "owners"
    assert field_of("牵头部门") == field_of("配合部门") == "departments"
    assert field_of("时间节点") == field_of("完成时限（月）") == "deadline"
    assert field_of("完成情况") == "status" and field_of("完成进度") == "progress"
    assert field_of("2026年工作安排") is None
    assert set(FIELDS) >= {"title", "owners", "deadline", "parent", "dimension", "id"}


def test_unknown_header_raises_header_error_with_columns(tmp_path):
    path = unknown_header(tmp_path / "乱表.xlsx")
    with pytest.raises(HeaderError) as caught:
        load_plan(path)
    err = caught.value
    assert (err.sheet, err.header_row, err.columns) == ("Sheet1", 2, ("甲栏", "乙栏", "丙栏"))
    assert "Sheet1" in str(err) and "表头" in str(err)
    assert err.samples == (("开展主题党日", "张三", "3月底前"), ("走访慰问", "李四", "七一前"))


def test_column_map_rereads(tmp_path):
    data = unknown_header(tmp_path / "乱表.xlsx").read_bytes()
    plan = load_plan(data, "乱表.xlsx", column_map={"甲栏": "title", "乙栏": "owners", "丙栏": "deadline"})
    assert [(p.title, p.owners, p.end) for p in plan.projects] == [
        ("开展主题党日", ("张三",), date(2026, 3, 31)), ("走访慰问", ("李四",), date(2026, 6, 30))]
    assert plan.source_name == "乱表.xlsx"


def test_column_map_overrides_synonyms(tmp_path):
    path = plan_csv(tmp_path / "p.csv")
    plan = load_plan(path, column_map={"责任人": "departments"})
    assert plan.projects[0].departments == ("张三", "李四") and plan.projects[0].owners == ()


def test_year_option_wins(tmp_path):
    plan = load_plan(outline(tmp_path / "o.xlsx"), year=2027)
    assert plan.year == 2027 and plan.by_id()["1.1.2"].end == date(2027, 3, 31)


def test_missing_year_is_an_info_issue(tmp_path):
    path = plan_csv(tmp_path / "p.csv")
    plan = load_plan(path)
    assert plan.year == date.today().year
    assert infos(plan, "没有找到计划年度")


# -- CSV encodings and separators ---------------------------------------------------------------

@pytest.mark.parametrize("encoding,sep,bom", [
    ("utf-8", ",", False), ("utf-8", ";", True), ("gbk", "\t", False), ("gb18030", ";", False),
    ("gbk", ",", True),  # GBK behind a UTF-8 BOM
])
def test_csv_variants(tmp_path, encoding, sep, bom):
    plan = load_plan(plan_csv(tmp_path / "计划.csv", encoding, sep, bom), year=2026)
    got = [(p.id, p.title, p.owners, p.progress, p.status) for p in plan.projects]
    assert got == [("1", "开展主题党日活动", ("张三", "李四"), 0.5, "进行中"),
                   ("2", "召开组织生活会", ("王五",), 1.0, "已完成"),
                   ("3", "党建品牌创建", ("赵六",), 0.0, "未开始")]
    assert len(plan.projects) == len(CSV_ROWS) - 1
    assert plan.projects[2].start == date(2026, 7, 1) and plan.projects[2].end == date(2026, 9, 30)


# -- cell values --------------------------------------------------------------------------------

def _one_sheet(tmp_path, header, rows, name="t.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.title = "计划"
    ws.append(header)
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def test_progress_and_status_words(tmp_path):
    rows = [["开展学习一", "张三", "3月底前", v, s] for v, s in (
        ("35%", "推进中"), (0.35, "正在进行"), (35, "未启动"), ("已完成", "完成"), ("过半", "逾期"), ("", "暂停"))]
    plan = load_plan(_one_sheet(tmp_path, ["工作内容", "责任人", "完成时限", "进度", "状态"], rows), year=2026)
    assert [p.progress for p in plan.projects] == [0.35, 0.35, 0.35, 1.0, 0.5, None]
    assert [p.status for p in plan.projects] == ["进行中", "进行中", "未开始", "已完成", "延期", "暂缓"]
    # every word is read; the one warning is the contradiction 35% with 未启动 (validate.progress_disagrees)
    flagged = [i for i in plan.issues if i.severity != "info" and i.column in ("进度", "状态")]
    assert [(i.item_id, "状态却是「未开始」" in i.message) for i in flagged] == [("P3", True)]


def test_bad_progress_and_status_are_warnings_naming_the_value(tmp_path):
    rows = [["开展学习", "张三", "3月底前", "150%", "搞定了吗"], ["走访", "李四", "每月", "很多", "进行中"]]
    plan = load_plan(_one_sheet(tmp_path, ["工作内容", "责任人", "完成时限", "进度", "状态"], rows), year=2026)
    bad = [(i.severity, i.row, i.column) for i in plan.issues if "无法识别" in i.message]
    assert bad == [("warning", 2, "进度"), ("warning", 2, "状态"), ("warning", 3, "进度")]
    assert any("150%" in i.message for i in plan.issues) and any("搞定了吗" in i.message for i in plan.issues)
    assert plan.projects[0].progress is None and plan.projects[0].status is None


def test_owner_lists_and_star_highlight(tmp_path):
    rows = [["★打造“红色先锋”品牌", "张三，李四;王五 赵六/钱七", "组织部（牵头）", "全年", "是"],
            ["开展学习", "张三", "宣传部", "每月", "否"]]
    header = ["工作内容", "责任人", "责任部门", "时间节点", "里程碑"]
    brand, study = load_plan(_one_sheet(tmp_path, header, rows), year=2026).projects
    assert brand.owners == ("张三", "李四", "王五", "赵六", "钱七")
    assert brand.title == "打造“红色先锋”品牌" and brand.highlight and brand.milestone
    assert brand.departments == ("组织部",) and "牵头：组织部" in brand.notes
    assert not study.highlight and not study.milestone


@pytest.mark.parametrize("cell,names,roles", [
    ("村支书 张大山", ("张大山",), ("村支书：张大山",)),  # a post and a name: one person
    ("党委书记 王明、李四", ("王明", "李四"), ("党委书记：王明",)),
    ("局长 副局长", ("局长", "副局长"), ()),  # two posts: two owners
    ("张　三、李小红", ("张三", "李小红"), ()),  # spaced out to line up with three-character names
    ("王　五　赵　六", ("王五", "赵六"), ()),
    ("张三 李四", ("张三", "李四"), ()),
    ("张三（组织委员）、李四", ("张三", "李四"), ("组织委员：张三",)),  # the post in brackets after the name
    ("王书记（牵头）", ("王书记",), ("牵头：王书记",)),
])
def test_people_cells(cell, names, roles):
    assert split_people(cell) == (names, roles)


def test_line_breaks_inside_cells():
    assert one_line("组织党员\n参加志愿服务") == "组织党员参加志愿服务"
    assert one_line("开展 PPT\r\nAI 培训") == "开展 PPT AI 培训"
    assert one_line("无换行") == "无换行"
    assert one_line("1.每月集中学习\n2.举办读书班") == "1.每月集中学习；2.举办读书班"  # points stay apart
    assert one_line("①学习；\n②研讨") == "①学习；②研讨"


def test_status_words_in_the_progress_column(tmp_path):
    rows = [["开展学习", "张三", "每月", "进行中", ""], ["走访", "李四", "每月", "√", ""],
            ["讲党课", "王五", "七一前", "已完成", "正常推进"]]
    plan = load_plan(_one_sheet(tmp_path, ["工作内容", "责任人", "完成时限", "进度", "状态"], rows), year=2026)
    assert [(p.progress, p.status) for p in plan.projects] == [(None, "进行中"), (1.0, None), (1.0, "进行中")]
    assert not [i for i in plan.issues if i.severity == "warning"]


def test_sign_off_rows_under_the_table(tmp_path):
    rows = [[1, "开展学习", "张三", "3月底前"], [], [None, None, "支部书记（签字）：王某某"], ["党支部（盖章）"],
            [None, "二〇二六年一月八日"], [None, None, "中共某某党支部"]]
    plan = load_plan(_one_sheet(tmp_path, ["序号", "工作内容", "责任人", "完成时限"], rows), year=2026)
    assert [i.title for i in plan.items] == ["开展学习"]
    skipped = {i.row: i.message for i in plan.issues if "未作为工作项读取" in i.message}
    assert sorted(skipped) == [4, 5, 6, 7] and all("落款" in m for m in skipped.values())
    assert not [i for i in plan.issues if i.severity == "warning"]


def test_category_rows_with_a_note_or_a_leader(tmp_path):
    wb = Workbook()
    ws = wb.active
    for row in (["某党支部2026年计划"], ["序号", "工作内容", "责任人", "完成时限", "备注"],
                ["一、政治建设", None, None, None, "牵头：王书记"], [1, "学习", "李四", "每月"],
                [None, "二、组织建设（共2项）", None, None, "共2项"], [2, "党课", "李四", "每季度"],
                ["三、作风建设", None, "张委员", "全年"], [3, "专项整治", "王五", "二季度"]):
        ws.append(row)
    for rng in ("A3:B3", "A7:B7"):
        ws.merge_cells(rng)
    wb.save(tmp_path / "c.xlsx")
    plan = load_plan(tmp_path / "c.xlsx")
    assert [(i.level, i.title, i.parent) for i in plan.items] == [
        ("section", "政治建设", None), ("project", "学习", "S1"), ("section", "组织建设", None),
        ("project", "党课", "S2"), ("section", "作风建设", None), ("project", "专项整治", "S3")]
    politics, organisation, style = plan.sections
    assert politics.notes == "牵头：王书记" and organisation.notes == "共2项"
    assert style.owners == ("张委员",) and (style.start, style.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert not [i for i in plan.issues if i.severity == "warning" or "未作为工作项读取" in i.message]


@pytest.mark.parametrize("title,organization", [
    ("某某党支部2026年度党建工作计划", "某某党支部"),
    ("关于印发《某某党委2026年党建工作要点》的通知", "某某党委"),
    ("2026年某某党支部党建工作计划", "某某党支部"),  # the year first
    ("2026年度某某社区党委党建工作计划", "某某社区党委"),
    ("《某某党支部2026年度党建工作计划》", "某某党支部"),
    ("附件2：某某党委2026年党建工作任务清单", "某某党委"),
    ("某某党支部关于2026年党建工作的安排", "某某党支部"),
    ("2026年党建工作计划", ""),
])
def test_organization_from_the_title_row(tmp_path, title, organization):
    wb = Workbook()
    ws = wb.active
    for row in ([title], ["工作内容", "责任人", "完成时限"], ["开展学习", "张三", "每月"]):
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    plan = load_plan(tmp_path / "t.xlsx")
    assert (plan.organization, plan.year) == (organization, 2026)


def test_plan_sheet_named_with_its_guide_is_read(tmp_path):
    wb = Workbook()
    guide = wb.active
    guide.title = "填写说明"
    guide.append(["工作内容", "写明要做的工作"])
    ws = wb.create_sheet("2026年工作计划（含填写说明）")
    for row in (["工作内容", "责任人", "完成时限"], ["开展学习", "张三", "每月"]):
        ws.append(row)
    wb.save(tmp_path / "g.xlsx")
    plan = load_plan(tmp_path / "g.xlsx")
    assert [p.title for p in plan.projects] == ["开展学习"]
    assert any(i.sheet == "填写说明" and "说明页" in i.message for i in plan.issues)


def test_time_node_beside_a_deadline_column(tmp_path):
    rows = [["开展学习", "张三", "下半年", "年底前"], ["讲党课", "李四", "七一前后", ""]]
    plan = load_plan(_one_sheet(tmp_path, ["工作内容", "责任人", "时间节点", "完成时间"], rows), year=2026)
    assert (plan.projects[0].start, plan.projects[0].end) == (date(2026, 7, 1), date(2026, 12, 31))
    only = load_plan(_one_sheet(tmp_path, ["工作内容", "责任人", "完成时间"], [["讲党课", "李四", "七一前后"]],
                                "o.xlsx"), year=2026)
    assert (only.projects[0].start, only.projects[0].end) == (date(2026, 7, 1), date(2026, 7, 1))


def test_dimension_column_read_loosely(tmp_path):
    rows = [["开展学习", "张三", "每月", "深度（理论武装）"], ["走访慰问", "李四", "每月", ""]]
    plan = load_plan(_one_sheet(tmp_path, ["工作内容", "责任人", "完成时限", "维度"], rows), year=2026)
    assert [(p.dimension, p.dimension_inferred) for p in plan.projects] == [("深度", False), ("温度", True)]


def test_meta_sheet_names_dimensions(tmp_path):
    wb = Workbook()
    meta = wb.active
    meta.title = "计划信息"
    for row in (("项目", "内容"), ("组织名称", "某某党委"), ("年度", "2027"), ("六度维度", "高度、深度、温度"),
                ("口号/品牌", "红色引擎")):
        meta.append(row)
    ws = wb.create_sheet("重点项目")
    ws.append(["项目名称", "负责人", "时间节点", "维度"])
    ws.append(["开展学习", "张三", "3月底前", "温度"])
    path = tmp_path / "m.xlsx"
    wb.save(path)
    plan = load_plan(path)
    assert (plan.organization, plan.year, plan.slogan) == ("某某党委", 2027, "红色引擎")
    assert plan.dimensions == ("高度", "深度", "温度")
    assert plan.projects[0].end == date(2027, 3, 31)


def test_repeated_header_and_duplicate_ids(tmp_path):
    rows = [[1, "开展学习", "张三", "每月"], ["序号", "工作内容", "责任人", "完成时限"], [1, "走访", "李四", "每月"]]
    plan = load_plan(_one_sheet(tmp_path, ["序号", "工作内容", "责任人", "完成时限"], rows), year=2026)
    assert [p.id for p in plan.projects] == ["1", "1-2"]
    assert any(i.row == 3 and "重复的表头" in i.message for i in plan.issues)
    dup = [i for i in plan.issues if "编号「1」重复" in i.message]
    assert dup and dup[0].row == 4 and dup[0].severity == "warning"


def test_task_sheet_links_by_project_id_or_title(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "重点项目"
    ws.append(["项目编号", "项目名称", "负责人", "时间节点"])
    ws.append(["P01", "理论学习", "张三", "全年"])
    ws.append(["P02", "关爱党员", "李四", "全年"])
    tasks = wb.create_sheet("任务清单")
    tasks.append(["任务编号", "所属项目", "任务内容", "负责人", "时间节点"])
    tasks.append(["T1", "P01", "读书班", "王五", "3月"])
    tasks.append(["T2", "关爱党员", "走访慰问", "", "七一前"])
    tasks.append(["T3", "P09", "不存在的项目", "赵六", "5月"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    plan = load_plan(path, year=2026)
    assert [(t.id, t.parent, t.level) for t in plan.tasks] == [("T1", "P01", "task"), ("T2", "P02", "task"),
                                                               ("T3", "P09", "task")]
    missing = [i for i in plan.issues if i.item_id == "T3" and i.severity == "error"]
    assert missing and "P09" in missing[0].message and missing[0].column == "所属项目"


def test_rows_beyond_the_header_are_kept(tmp_path):
    rows = [["开展学习", "张三", "每月", None, "多写的一格"]]
    plan = load_plan(_one_sheet(tmp_path, ["工作内容", "责任人", "完成时限"], rows), year=2026)
    assert plan.projects[0].extra == (("E", "多写的一格"),)


# -- the canonical template ---------------------------------------------------------------------

def test_sample_round_trip(tmp_path):
    from planviz.sample import sample_plan
    from planviz.template import plan_to_xlsx

    original = sample_plan()
    plan = load_plan(plan_to_xlsx(original), "sample.xlsx")
    keys = ("id", "title", "level", "parent", "section", "dimension", "lever", "owners", "departments", "start",
            "end", "recurrence", "deadline_text", "goal", "deliverable", "criteria", "progress", "status",
            "milestone", "highlight", "notes", "extra")

    def rows(p):  # by id: sections come before their first project here, all first in the sample
        return {i.id: tuple(getattr(i, k) for k in keys) for i in p.items}

    assert rows(plan) == rows(original)
    assert [i.id for i in plan.projects + plan.tasks] == [i.id for i in original.projects + original.tasks]
    assert (plan.year, plan.organization, plan.title, plan.theme, plan.slogan, plan.meta) == (
        original.year, original.organization, original.title, original.theme, original.slogan, original.meta)
    assert not plan.errors()
    assert plan.projects[0].source.sheet == "重点项目" and plan.tasks[0].source.sheet == "任务清单"


def test_template_file_reads(tmp_path):
    from planviz.template import template_bytes

    plan = load_plan(template_bytes(2026), "模板.xlsx")
    assert plan.year == 2026 and plan.projects


# -- unusable files -----------------------------------------------------------------------------

@pytest.mark.parametrize("data,name", [
    (b"", "空.xlsx"),
    (b"PK\x03\x04 not really a zip", "坏.xlsx"),
    (b"%PDF-1.7 a pdf", "计划.xlsx"),
    (b"\x89PNG\r\n\x1a\n0000", "计划.csv"),
])
def test_unusable_files_raise_plan_error(data, name):
    with pytest.raises(PlanError) as caught:
        load_plan(data, name)
    assert name in str(caught.value)


def test_truncated_workbook_raises_plan_error(tmp_path):
    data = merged_category(tmp_path / "m.xlsx").read_bytes()
    with pytest.raises(PlanError):
        load_plan(data[: len(data) // 2], "半截.xlsx")


def test_missing_path_raises_plan_error(tmp_path):
    with pytest.raises(PlanError, match="找不到文件"):
        load_plan(tmp_path / "没有.xlsx")


def test_workbook_without_plan_sheets(tmp_path):
    wb = Workbook()
    wb.active.title = "填写说明"
    wb.active["A1"] = "请按模板填写"
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(PlanError) as caught:
        load_plan(buffer.getvalue(), "说明.xlsx")
    assert not isinstance(caught.value, HeaderError) and "没有可读取的计划表" in str(caught.value)


def test_file_object_source(tmp_path):
    path = outline(tmp_path / "o.xlsx")
    with path.open("rb") as fh:
        plan = load_plan(fh)
    assert plan.source_name == "o.xlsx" and len(plan.projects) == 5
    assert load_workbook(path).sheetnames == ["计划"]  # the reader leaves the file untouched
