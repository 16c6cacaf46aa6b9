"""Odd and hostile inputs: declared ranges, count hints, parent cycles, control characters, any text in the map."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook

from planviz.charts.mindmap import mindmap
from planviz.export import dot_bytes
from planviz.model import Item, Plan
from planviz.reading import load_plan


def _workbook(rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "计划"
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _rezip(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info.filename)))
    return out.getvalue()


ROWS = [["序号", "工作内容", "责任人", "完成时限"]] + [[i, f"开展第{i}项工作", "张三", "3月底前"] for i in range(1, 40)]


def test_whole_sheet_declared_range_with_40_rows_reads():
    """Formatting whole columns leaves <dimension ref="A1:XFD1048576"/> over a few real rows."""
    def declare(name, body):
        if "worksheets/" not in name:
            return body
        body = re.sub(rb"<dimension[^>]*/>", b"", body)
        return body.replace(b"<sheetViews>", b'<dimension ref="A1:XFD1048576"/><sheetViews>', 1)

    data = _rezip(_workbook(ROWS), declare)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert b"XFD1048576" in zf.read("xl/worksheets/sheet1.xml")
    plan = load_plan(data, "全列格式.xlsx", year=2026)
    assert len(plan.projects) == 39 and plan.projects[-1].title == "开展第39项工作"


def _shared_strings_workbook(count: str) -> bytes:
    """A hand-written workbook whose sharedStrings part declares ``count`` strings (python-calamine
    pre-allocates from it and aborts the process on an absurd one)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    strings = ["工作内容", "责任人", "完成时限", "开展学习", "张三", "3月底前"]
    cells = lambda r, first: "".join(f'<c r="{c}{r}" t="s"><v>{first + k}</v></c>' for k, c in enumerate("ABC"))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '</Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        f'</Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="计划" '
        f'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
        f'org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/'
        f'sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        f'</Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst {ns} count="{count}" uniqueCount="{count}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>",
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {ns}><sheetData><row r="1">{cells(1, 0)}'
        f'</row><row r="2">{cells(2, 3)}</row></sheetData></worksheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return out.getvalue()


@pytest.mark.parametrize("count", ["4000000000", "18446744073709551615"])
def test_absurd_shared_string_count_is_ignored(count):
    plan = load_plan(_shared_strings_workbook(count), "计数.xlsx", year=2026)
    assert [(p.title, p.owners) for p in plan.projects] == [("开展学习", ("张三",))]


def _task_sheet(rows) -> bytes:
    return _workbook([["任务编号", "所属项目", "任务内容", "负责人", "完成时限"]] + rows)


def test_self_parent_and_parent_rings_are_cut_with_a_warning_naming_the_rows(tmp_path):
    data = _task_sheet([["T1", "T1", "自己指自己", "张三", "3月"], ["T2", "T3", "甲指乙", "李四", "4月"],
                        ["T3", "T2", "乙指甲", "王五", "5月"]])
    path = tmp_path / "环.xlsx"
    path.write_bytes(data)
    plan = load_plan(path, year=2026)
    warnings = [(i.row, i.message) for i in plan.warnings()]
    assert any(r == 2 and "它自己" in m for r, m in warnings)
    assert any("第 3 行、第 4 行" in m for _, m in warnings)
    out = subprocess.run([sys.executable, "-m", "planviz", "inspect", "--json", str(path)], capture_output=True,
                         text=True, check=True).stdout
    parent = {i["id"]: i["parent"] for i in json.loads(out)["items"]}
    for start in parent:  # no chain of parents comes back to where it started
        seen, at = set(), start
        while at is not None:
            assert at not in seen
            seen.add(at)
            at = parent.get(at)


def test_csv_with_control_characters_reads_with_a_note():
    data = "序号,工作内容,责任人,完成时限\n1,开展\x01学习\x07,张三,3月底前\n2,走访\x00慰问,李四,七一前\n".encode()
    plan = load_plan(data, "导出.csv", year=2026)
    assert [p.title for p in plan.projects] == ["开展学习", "走访慰问"]
    assert any("控制字符" in i.message and i.severity == "info" for i in plan.issues)


ODD = "\"引号\" \\反斜杠\\ <尖括号> &amp; ‮反向‬ \x07 \ud800 \ufffe 🎉 " + "很长的工作内容" * 3000


def test_any_text_renders_in_the_mind_map():
    plan = Plan(year=2026, title=ODD, slogan=ODD, items=(
        Item(id="S1", title=ODD, level="section", section=ODD),
        Item(id="P1", title=ODD, parent="S1", section=ODD, owners=(ODD,)),
        Item(id="P1.1", title=ODD, level="task", parent="P1", section=ODD),
    ))
    graph = mindmap(plan)
    longest = max(len(q) for q in re.findall(r'"(?:[^"\\]|\\.)*"', graph.source))
    assert longest < 16_384
    svg = dot_bytes(graph, "svg")
    assert svg.startswith(b"<?xml") and "很长的工作内容".encode() in svg and "…".encode() in svg


def test_csv_with_one_very_long_cell_reads():
    long_text = "组织党员深入学习" * 40_000  # 320,000 characters in one cell: past csv's default field limit
    data = f"序号,工作内容,责任人,完成时限\n1,开展学习,张三,3月底前\n2,走访慰问,李四,{long_text}\n".encode()
    plan = load_plan(data, "长文本.csv", year=2026)
    assert [p.title for p in plan.projects] == ["开展学习", "走访慰问"]
    assert plan.projects[1].deadline_text == long_text
