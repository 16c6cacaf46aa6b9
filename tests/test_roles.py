"""Column roles (reading/roles.py), structure rows and what inspect prints about them."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

from corpus import CASES, Y
from planviz.reading import FIELDS, load_plan
from planviz.reading.roles import evidence, period_of

BY_NAME = {c.name: c for c in CASES}


def _plan(name):
    case = BY_NAME[name]
    return load_plan(case.data(), case.name, year=Y)


def test_period_of_month_and_quarter_headers():
    assert period_of("3月", Y) == (date(Y, 3, 1), date(Y, 3, 31), "3月")
    assert period_of("十二月", Y)[:2] == (date(Y, 12, 1), date(Y, 12, 31))
    assert period_of("月份/2", Y)[:2] == (date(Y, 2, 1), date(Y, 2, 28))
    assert period_of("二季度", Y)[:2] == (date(Y, 4, 1), date(Y, 6, 30))
    assert period_of("Q4", Y)[2] == "第四季度"
    assert period_of("13月", Y) is None and period_of("备注", Y) is None and period_of("经费/2", Y) is None


def test_evidence_tells_names_dates_and_repeats_apart():
    rows = [["h1", "h2", "h3"], ["张三、李四", "3月底前", "提升组织力"], ["王五", "每季度", "提升组织力"],
            ["赵六", "2026.5.1", "提升组织力"]]
    people, dates, group = (evidence(rows, c, 1) for c in range(3))
    assert people.people == 1 and people.dated == 0
    assert dates.dated == 1 and dates.people == 0
    assert group.repeated == 2 / 3 and group.distinct == 1 / 3


def test_confidence_is_lower_for_roles_read_from_cells_than_from_exact_headers():
    roles = {c.header: c for c in _plan("odd_headers.xlsx").columns}
    assert roles["落实人"].role == "owners" and roles["工作内容"].role == "title"
    assert roles["落实人"].confidence < roles["工作内容"].confidence


def test_hand_mapping_is_certain(tmp_path):
    case = BY_NAME["odd_headers.xlsx"]
    plan = load_plan(case.data(), case.name, year=Y, column_map={"落实人": "departments"})
    role = next(c for c in plan.columns if c.header == "落实人")
    assert (role.role, role.confidence) == ("departments", 1.0)
    assert plan.projects[0].departments == ("潘婷",)


def test_totals_and_repeated_headers_are_skipped_with_a_note_naming_the_row():
    notes = {(i.row, i.message) for i in _plan("totals.xlsx").issues if i.severity == "info"}
    assert {r for r, m in notes if "合计行" in m} == {4, 5}
    notes = [(i.row, i.message) for i in _plan("subtotals.xlsx").issues if "合计行" in i.message]
    assert [r for r, _ in notes] == [3, 5, 6]
    assert [i.row for i in _plan("repeated_header.xlsx").issues if "重复的表头" in i.message] == [3]


def test_category_rows_of_every_numbering_style_are_sections():
    for name, sections in (("paren_sections.xlsx", ["理论学习", "组织建设"]),
                           ("merged_sections.xlsx", ["政治建设", "作风建设"]),
                           ("parts.xlsx", ["政治理论学习", "服务群众"]), ("yishi.xlsx", ["加强政治建设", "加强队伍建设"])):
        assert [s.title for s in _plan(name).sections] == sections, name


def test_deeper_category_under_an_open_one_groups_its_rows(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["序号", "工作内容", "责任人", "完成时限"], [None, "一、思想建设"], [None, "（一）理论学习"],
                [1, "开展集中学习", "张三", "每月"], [2, "开展专题研讨", "李四", "6月"]):
        ws.append(row)
    wb.save(tmp_path / "p.xlsx")
    plan = load_plan(tmp_path / "p.xlsx", year=Y)
    assert [(i.level, i.title) for i in plan.items] == [("section", "思想建设"), ("project", "理论学习"),
                                                        ("task", "开展集中学习"), ("task", "开展专题研讨")]


def test_month_grid_words_are_kept_in_notes_and_full_rows_are_monthly():
    plan = _plan("quarter_grid.xlsx")
    assert plan.projects[1].notes == "第二季度：调研立项；第三季度：推进实施；第四季度：总结验收"
    assert plan.projects[1].deadline_text == "第二季度、第三季度、第四季度"
    grid = _plan("month_grid.xlsx").projects
    assert grid[2].recurrence == "monthly" and grid[0].recurrence is None


def test_inspect_prints_each_columns_role_and_confidence(tmp_path):
    path = tmp_path / "odd.xlsx"
    path.write_bytes(BY_NAME["odd_headers.xlsx"].data())
    out = subprocess.run([sys.executable, "-m", "planviz", "inspect", str(path), "--year", str(Y)],
                         capture_output=True, text=True, check=True).stdout
    assert "工作表「Sheet1」各列：" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("落实人"))
    assert FIELDS["owners"] in line and "把握" in line and "%" in line


def test_a_list_of_bare_numbered_titles_stays_a_list_of_projects(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["序号", "工作内容", "责任人", "完成时限"], [None, "（一）开展集中学习"], [None, "（二）开展专题研讨"],
                [None, "（三）开展志愿服务"]):
        ws.append(row)
    wb.save(tmp_path / "p.xlsx")
    plan = load_plan(tmp_path / "p.xlsx", year=Y)
    assert [(i.level, i.title) for i in plan.items] == [("project", "开展集中学习"), ("project", "开展专题研讨"),
                                                        ("project", "开展志愿服务")]


def test_an_unknown_field_in_the_column_map_is_a_programmers_error():
    import pytest

    from planviz.model import PlanError

    case = BY_NAME["plain.xlsx"]
    with pytest.raises(ValueError) as caught:
        load_plan(case.data(), case.name, column_map={"工作内容": "titel"})
    assert not isinstance(caught.value, PlanError)
