"""Word plans built with python-docx for the tests: prose outlines, task tables with merges, hostile files."""
from __future__ import annotations

import copy
import io
import zipfile

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def prose(lines: list[str | tuple[str, str]]) -> bytes:
    """A document of paragraphs; ("标题 1", text) uses that heading style."""
    document = docx.Document()
    for line in lines:
        if isinstance(line, tuple):
            style, text = line
            document.add_heading(text, level=int(style[-1]))
        else:
            document.add_paragraph(line)
    return save(document)


def add_table(document, rows: list[list[str]], merges: tuple[tuple[int, int, int, int], ...] = (),
              header_rows: int = 0):
    """A table with ``rows`` (text in each top-left cell of a merge) and merged ranges (r0, c0, r1, c1)."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) not in covered and value:
                table.cell(r, c).text = value
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for r in range(header_rows):
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    return table


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def numbered(document, items: list[tuple[int, str]], formats: tuple[tuple[str, str], ...]) -> None:
    """Paragraphs numbered by Word itself (numbering.xml): ``formats`` gives (numFmt, lvlText) per level."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, (fmt, text) in enumerate(formats):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    for level, text in items:
        paragraph = document.add_paragraph(text)
        p_pr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", str(level)), ("w:numId", "90")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            num_pr.append(el)
        p_pr.insert(0, num_pr)


def rezip(data: bytes, replace: dict[str, bytes] = {}, add: dict[str, bytes] = {},
          compression=zipfile.ZIP_DEFLATED) -> bytes:
    """The same package with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(copy.copy(info), replace.get(info.filename, src.read(info.filename)))
        for part, body in add.items():
            dst.writestr(part, body)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


# -- documents modelled on real plans (structure only; the text is made up) -------------------------

def branch_prose() -> bytes:
    """党支部 plan: title over two lines, 指导思想/工作目标, 一、（一）1. outline, inline owners and deadlines."""
    return prose([
        "中共青禾市第一中学党支部",
        "2026年度党建工作计划",
        "为深入贯彻落实党的二十大精神，推动支部建设全面进步，结合学校实际，制定本计划。",
        "一、指导思想",
        "以习近平新时代中国特色社会主义思想为指导，全面加强支部政治建设、思想建设和组织建设。",
        "二、工作目标",
        "1. 党员理论学习覆盖率达到100%。",
        "2. 全年发展党员2名。",
        "三、重点任务",
        "（一）加强政治建设",
        "1. 深入学习贯彻党的二十大精神，每月开展一次集中学习（责任人：张伟，全年）",
        "2. 落实意识形态工作责任制，定期分析研判，由组织委员李娜负责，于6月30日前完成。",
        "（二）加强组织建设。一是严格落实“三会一课”制度，每月召开支委会；二是规范发展党员程序，"
        "牵头部门：党建办；配合部门：工会，10月底前完成；三是做好党费收缴工作（每季度）。",
        "（三）推进党建与业务融合",
        "开展党员示范岗创建活动，组织党员亮身份、作表率。",
        "1. 打造“红烛先锋”党建品牌，七一前完成品牌标识设计（责任人：王芳、赵强）",
        "四、保障措施",
        "加强组织领导，压实工作责任，支部书记为第一责任人。",
        "中共青禾市第一中学党支部",
        "2026年1月8日",
    ])


def committee_table() -> bytes:
    """党委 工作要点 with a 任务分解表: title and unit line before it, merged 类别 column, a merged header
    over two rows, a table continued on the next page with its header repeated, and a signature table."""
    document = docx.Document()
    document.add_paragraph("附件")
    document.add_paragraph("青禾市卫生健康委员会机关党委2026年党建工作任务分解表")
    document.add_paragraph("填报单位：青禾市卫生健康委员会机关党委")
    header = [["序号", "类别", "工作任务", "责任部门", "时间安排", ""],
              ["", "", "", "", "开始", "结束"]]
    rows = header + [
        ["1", "政治建设", "学习贯彻党的二十大精神", "机关党委", "1月", "12月"],
        ["2", "", "落实“第一议题”制度", "办公室", "1月", "12月"],
        ["3", "组织建设", "规范“三会一课”", "各党支部", "每月", ""],
        ["4", "", "开展组织生活会和民主评议党员", "机关党委", "1月", "2月"],
    ]
    add_table(document, rows, merges=((0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3),
                                      (2, 1, 3, 1), (4, 1, 5, 1)), header_rows=2)
    page_break(document)
    more = header + [
        ["5", "作风建设", "开展作风建设专项整治", "纪检组", "3月", "9月"],
        ["6", "", "党风廉政警示教育月", "纪检组", "第二季度", ""],
    ]
    add_table(document, more, merges=((0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3),
                                      (2, 1, 3, 1)), header_rows=2)
    document.add_paragraph("")
    add_table(document, [["党委书记（签字）：", "", "日期：", ""]])
    return save(document)
