"""Tests for the canonical template, the plan → Excel writer and the bundled sample plan."""
from __future__ import annotations

import dataclasses
import io
from datetime import date, datetime

import openpyxl
from openpyxl.utils import get_column_letter
import pytest

from planviz.model import DEFAULT_DIMENSIONS, DEFAULT_LEVERS, STATUSES, Item
from planviz.sample import SAMPLE_PATH, TEMPLATE_PATH, sample_plan
from planviz.template import (GUIDE_SHEET, META_SHEET, PROJECT_HEADERS, PROJECT_SHEET, TASK_HEADERS, TASK_SHEET,
                              plan_to_xlsx, template_bytes, write_template)


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _header(ws) -> list:
    return [c.value for c in ws[2] if c.value is not None]


def _records(ws) -> list[dict]:
    """Data rows under the row-2 header as dicts."""
    header = [c.value for c in ws[2]]
    return [dict(zip(header, row)) for row in ws.iter_rows(min_row=3, values_only=True) if any(row)]


def _choices(ws) -> dict[str, str]:
    """Header text → drop-down list formula of that column."""
    header = {c.column_letter: c.value for c in ws[2]}
    out = {}
    for dv in ws.data_validations.dataValidation:
        letter = str(dv.sqref).split(":")[0].rstrip("0123456789")
        out[header[letter]] = dv.formula1
        assert str(dv.sqref).endswith("300"), dv.sqref
    return out


@pytest.fixture(scope="module")
def plan():
    return sample_plan()


@pytest.fixture(scope="module")
def sample_book(plan):
    return _open(plan_to_xlsx(plan))


# -- template ------------------------------------------------------------------------------------------

def test_template_sheets_headers_and_examples(tmp_path):
    path = tmp_path / "模板.xlsx"
    write_template(path, year=2027)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [META_SHEET, PROJECT_SHEET, TASK_SHEET, GUIDE_SHEET]
    assert [c.value for c in wb[META_SHEET][1]] == ["项目", "内容"]
    meta = {k: v for k, v in wb[META_SHEET].iter_rows(min_row=2, values_only=True)}
    assert meta["年度"] == 2027 and meta["六度维度"] == "、".join(DEFAULT_DIMENSIONS)
    assert meta["五大抓手"] == "、".join(DEFAULT_LEVERS)
    assert wb[PROJECT_SHEET]["A1"].value == "重点项目清单（项目化管理）"
    assert wb[TASK_SHEET]["A1"].value == "任务清单"
    assert f"A1:{get_column_letter(len(PROJECT_HEADERS))}1" in {str(r) for r in wb[PROJECT_SHEET].merged_cells.ranges}
    assert _header(wb[PROJECT_SHEET]) == list(PROJECT_HEADERS)
    assert _header(wb[TASK_SHEET]) == list(TASK_HEADERS)
    projects, tasks = _records(wb[PROJECT_SHEET]), _records(wb[TASK_SHEET])
    assert [p["项目编号"] for p in projects] == ["P01", "P02"]
    assert [t["所属项目"] for t in tasks] == ["P01", "P02"]
    assert [p["亮点"] for p in projects] == ["否", "是"]
    assert tasks[0]["完成时限"] == datetime(2027, 3, 31)
    assert wb[PROJECT_SHEET].freeze_panes == "A3" and wb[TASK_SHEET].freeze_panes == "A3"


def test_short_title_and_issuing_fields_round_trip(tmp_path):
    from planviz.reading import load_plan
    from planviz.template import plan_to_xlsx

    plan = sample_plan()
    items = list(plan.items)
    k = next(n for n, i in enumerate(items) if i.level == "project")
    items[k] = dataclasses.replace(items[k], short_title="品牌创建")
    path = tmp_path / "p.xlsx"
    path.write_bytes(plan_to_xlsx(plan.with_items(items)))
    back = load_plan(path)
    assert "简称" in PROJECT_HEADERS and "简称" in TASK_HEADERS
    assert (back.issuer, back.approved_on, back.contact) == (plan.issuer, plan.approved_on, plan.contact)
    assert back.issuer and back.approved_on == date(2026, 1, 9)
    assert back.get(items[k].id).short_title == "品牌创建"


def test_template_drop_downs_and_header_style():
    wb = _open(template_bytes(2027))
    ws = wb[PROJECT_SHEET]
    choices = _choices(ws)
    assert choices["维度"] == '"' + ",".join(DEFAULT_DIMENSIONS) + '"'
    assert choices["抓手"] == '"' + ",".join(DEFAULT_LEVERS) + '"'
    assert choices["状态"] == '"' + ",".join(STATUSES) + '"'
    assert choices["亮点"] == choices["里程碑"] == '"是,否"'
    assert set(_choices(wb[TASK_SHEET])) == {"状态", "里程碑"}
    cell = ws["C2"]
    assert cell.fill.fgColor.rgb.endswith("C8102E")
    assert cell.font.bold and cell.font.color.rgb.endswith("FFFFFF") and cell.font.name
    goal = get_column_letter(PROJECT_HEADERS.index("目标") + 1)
    assert ws[f"{goal}3"].alignment.wrap_text
    assert ws.column_dimensions[goal].width > ws.column_dimensions["A"].width


def test_template_guide_explains_dimensions_levers_statuses_and_deadlines():
    text = " ".join(str(v) for row in _open(template_bytes(2027))[GUIDE_SHEET].iter_rows(values_only=True)
                    for v in row if v)
    for word in DEFAULT_DIMENSIONS + DEFAULT_LEVERS + STATUSES + ("3月底前", "第二季度", "每季度", "七一前", "负责人"):
        assert word in text, word


def test_write_template_to_binary_file():
    buffer = io.BytesIO()
    write_template(buffer, year=2027)
    assert _open(buffer.getvalue()).sheetnames[1] == PROJECT_SHEET


# -- plan → Excel ----------------------------------------------------------------------------------

def test_writer_rows_match_plan(plan, sample_book):
    projects = _records(sample_book[PROJECT_SHEET])
    tasks = _records(sample_book[TASK_SHEET])
    assert [p["项目编号"] for p in projects] == [p.id for p in plan.projects]
    assert [t["任务编号"] for t in tasks] == [t.id for t in plan.tasks]
    assert [t["所属项目"] for t in tasks] == [t.parent for t in plan.tasks]
    assert [p["项目编号"] for p in projects if p["亮点"] == "是"] == [p.id for p in plan.highlights()]
    assert {p["板块"] for p in projects} == {s.title for s in plan.sections}
    first = plan.projects[0]
    assert projects[0]["负责人"] == first.owner_text and projects[0]["时间节点"] == first.deadline_text
    assert projects[0]["完成时限"].date() == first.end


def test_writer_progress_is_a_percent(plan, sample_book):
    ws = sample_book[PROJECT_SHEET]
    col = PROJECT_HEADERS.index("进度") + 1
    cells = [ws.cell(row=r, column=col) for r in range(3, 3 + len(plan.projects))]
    assert all(c.number_format == "0%" for c in cells)
    assert [c.value for c in cells] == pytest.approx([p.progress for p in plan.projects])


def test_writer_meta(plan, sample_book):
    meta = {k: v for k, v in sample_book[META_SHEET].iter_rows(min_row=2, values_only=True)}
    assert meta["组织名称"] == plan.organization and meta["年度"] == plan.year
    assert meta["计划标题"] == plan.title and meta["口号/品牌"] == plan.slogan and meta["主题"] == plan.theme
    for key, value in plan.meta:
        assert meta[key] == value


def test_writer_keeps_users_own_columns_and_custom_vocabularies(plan):
    items = []
    for item in plan.items:
        if item.id == "P02":
            item = dataclasses.replace(item, extra=(("经费预算（万元）", "0.5"), ("配合科室", "医务科")))
        elif item.id == "T003":
            item = dataclasses.replace(item, extra=(("督办人", "赵海涛"),))
        items.append(item)
    custom = plan.with_items(items).replace(dimensions=("政治", "思想", "组织", "作风", "纪律", "制度"))
    wb = _open(plan_to_xlsx(custom))
    header = _header(wb[PROJECT_SHEET])
    assert header[len(PROJECT_HEADERS):] == ["经费预算（万元）", "配合科室"]
    p02 = next(r for r in _records(wb[PROJECT_SHEET]) if r["项目编号"] == "P02")
    assert (p02["经费预算（万元）"], p02["配合科室"]) == ("0.5", "医务科")
    t003 = next(r for r in _records(wb[TASK_SHEET]) if r["任务编号"] == "T003")
    assert t003["督办人"] == "赵海涛"
    assert _choices(wb[PROJECT_SHEET])["维度"] == '"政治,思想,组织,作风,纪律,制度"'


def test_writer_task_directly_under_section_keeps_its_section(plan):
    loose = Item(id="T900", title="按月收缴党费", level="task", parent="S3", section="", owners=("陈思远",),
                 recurrence="monthly", start=date(2026, 1, 1), end=date(2026, 12, 31))
    wb = _open(plan_to_xlsx(plan.with_items(plan.items + (loose,))))
    row = next(r for r in _records(wb[TASK_SHEET]) if r["任务编号"] == "T900")
    assert row["所属项目"] is None and row["板块"] == "组织建设"
    assert row["时间节点"] == "每月"  # rhythm written in words when the user gave no wording
    assert _header(wb[TASK_SHEET])[:4] == ["任务编号", "所属项目", "板块", "任务内容"]


# -- the sample itself -----------------------------------------------------------------------------

def test_sample_is_rich_and_consistent(plan):
    ids = [i.id for i in plan.items]
    assert len(ids) == len(set(ids))
    assert len(plan.sections) == 6 and 12 <= len(plan.projects) <= 16 and 40 <= len(plan.tasks) <= 60
    assert {p.dimension for p in plan.projects} == set(DEFAULT_DIMENSIONS)
    assert {p.lever for p in plan.projects} == set(DEFAULT_LEVERS)
    assert len({i.status for i in plan.items if i.level != "section"}) >= 4
    assert len(plan.highlights()) == 2
    by_id = plan.by_id()
    for project in plan.projects:
        assert by_id[project.parent].level == "section" and project.section == by_id[project.parent].title
    for task in plan.tasks:
        assert by_id[task.parent].level == "project" and task.owners and task.deadline_text
    incomplete = [p.id for p in plan.projects if p.missing_elements()]
    assert 1 <= len(incomplete) <= 2
    assert any(len(p.owners) == 2 for p in plan.projects)
    assert any(i.milestone for i in plan.items)


def test_sample_dates_agree_with_wording(plan):
    for item in plan.projects + plan.tasks:
        assert item.end is not None and item.end.year == plan.year, item.id
        if item.deadline_text.endswith("前"):
            assert item.start is None, item.id
        if item.deadline_text.startswith("每"):
            assert item.recurrence and (item.start, item.end) == (date(2026, 1, 1), date(2026, 12, 31)), item.id
        assert 0 <= item.progress <= 1 and item.status in STATUSES, item.id
        assert (item.status == "已完成") == (item.progress == 1), item.id


def _cell_values(wb) -> dict[str, list[tuple]]:
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}


def test_bundled_files_match_the_code(plan, sample_book):
    assert _cell_values(openpyxl.load_workbook(SAMPLE_PATH)) == _cell_values(sample_book)
    bundled = openpyxl.load_workbook(TEMPLATE_PATH)
    assert bundled.sheetnames == [META_SHEET, PROJECT_SHEET, TASK_SHEET, GUIDE_SHEET]
    assert _header(bundled[PROJECT_SHEET]) == list(PROJECT_HEADERS)


# -- round trip through the reader -------------------------------------------------------------------

ROUND_TRIP_FIELDS = ("title", "level", "parent", "section", "dimension", "lever", "owners", "departments", "start",
                     "end", "recurrence", "deadline_text", "goal", "deliverable", "criteria", "progress", "status",
                     "milestone", "highlight", "notes")


def test_sample_round_trips_through_the_reader(plan, tmp_path):
    from planviz.reading import load_plan

    path = tmp_path / "sample_plan.xlsx"
    path.write_bytes(plan_to_xlsx(plan))
    loaded = load_plan(path)
    assert (loaded.organization, loaded.year, loaded.title, loaded.theme, loaded.slogan, loaded.meta) == (
        plan.organization, plan.year, plan.title, plan.theme, plan.slogan, plan.meta)
    assert [s.title for s in loaded.sections] == [s.title for s in plan.sections]
    assert [i.id for i in loaded.projects] == [i.id for i in plan.projects]
    assert [i.id for i in loaded.tasks] == [i.id for i in plan.tasks]
    got = loaded.by_id()
    for item in plan.projects + plan.tasks:
        for name in ROUND_TRIP_FIELDS:
            assert getattr(got[item.id], name) == getattr(item, name), (item.id, name)
    assert not loaded.errors()
    assert {i.item_id for i in loaded.warnings() if i.item_id} == {p.id for p in plan.projects if p.missing_elements()}


def test_template_and_users_columns_round_trip(plan):
    from planviz.reading import load_plan

    template = load_plan(template_bytes(2027), name="模板.xlsx")
    assert template.year == 2027
    assert [i.id for i in template.projects + template.tasks] == ["P01", "P02", "T001", "T002"]
    assert [p.id for p in template.highlights()] == ["P02"] and template.get("T002").parent == "P02"

    loose = Item(id="T900", title="按月收缴党费", level="task", parent="S3", section="组织建设", owners=("陈思远",),
                 recurrence="monthly", start=date(2026, 1, 1), end=date(2026, 12, 31))
    items = [dataclasses.replace(i, extra=(("经费预算（万元）", "0.5"),)) if i.id == "P02" else i for i in plan.items]
    loaded = load_plan(plan_to_xlsx(plan.with_items(items + [loose])), name="回写.xlsx")
    assert loaded.get("P02").extra == (("经费预算（万元）", "0.5"),)
    task = loaded.get("T900")
    assert (task.level, task.parent, task.section, task.recurrence) == ("task", "S3", "组织建设", "monthly")
