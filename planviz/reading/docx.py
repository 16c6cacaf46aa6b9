"""Word plans (.docx): the body as paragraphs and tables (merges resolved from the XML), read into one Plan."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field, replace

from ..model import HeaderError, Issue, Plan, PlanError, Source
from .safety import run_isolated

MAX_PARAGRAPHS = 100_000  # a long plan has a few hundred; more is a generated or hostile file
MAX_TABLE_CELLS = 500_000
_CHUNK = 1 << 20
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(p|tc)(?=[\s/>])")  # any namespace prefix: the parser accepts them all
MAX_GRID_COLUMNS = 256  # a plan table has 4–12
PROSE_SHEET = "正文"  # the sheet the outline prose is handed to plan_from_sheets as


@dataclass(frozen=True)
class Para:
    """One non-empty body paragraph: its text (with Word's automatic number written out) and outline hints."""

    number: int  # 1-based among the non-empty paragraphs outside tables: “第 N 段”
    text: str
    heading: int | None = None  # 0-based outline level of a heading style (标题 1 → 0), else None
    auto_number: str = ""  # the number Word draws (“一、”, “（1）”), already in front of ``text``
    bullet: bool = False  # a bulleted list paragraph


@dataclass(frozen=True)
class Table:
    """One top-level table: cell texts on Word's grid, merges as (first row, first col, last row, last col)."""

    number: int  # 1-based among the document's top-level tables: “表 N”
    rows: tuple[tuple[str, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...] = ()
    header_rows: int = 0  # leading rows marked “在各页顶端以标题行形式重复出现”


@dataclass(frozen=True)
class Document:
    """The body of a Word document in reading order."""

    blocks: tuple[Para | Table, ...] = field(default_factory=tuple)


def plan_from_docx(data: bytes, name: str, year: int | None, column_map: dict[str, str]) -> Plan:
    """Read a Word plan: parse in the isolated child, then tables and outline prose into one Plan."""
    from .prose import plan_from_document  # prose builds on this module's blocks

    document = run_isolated(read_document, data, name)
    return plan_from_document(document, name, year, column_map)


# -- parsing (runs in the isolated child) -----------------------------------------------------------

def read_document(data: bytes, name: str) -> Document:
    """Every body paragraph and top-level table of the main document part, in order."""
    _check_counts(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise PlanError(f"文件「{name}」无法作为 Word 文档打开（{type(exc).__name__}）。"
                        f"请用 Word 或 WPS 打开确认内容无误、另存为 docx 后再上传。") from None
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many types for damaged parts
        raise PlanError(f"文件「{name}」的内容已损坏，无法读取（{type(exc).__name__}）。"
                        f"请用 Word 或 WPS 打开、另存为 docx 后再上传。") from None
    numbers = _Numbering(doc)
    blocks: list[Para | Table] = []
    paragraphs = tables = 0
    from docx.text.paragraph import Paragraph

    def paragraph(element) -> None:
        nonlocal paragraphs
        style = Paragraph(element, doc).style
        text = _paragraph_text(element)
        prefix, bullet = numbers.prefix(element, style)
        if text:
            paragraphs += 1
            blocks.append(Para(paragraphs, (prefix + text) if prefix else text, _heading_level(element, style),
                               prefix, bullet))

    for element in _body_elements(doc.element.body):
        if element.tag != _W + "tbl":
            paragraph(element)
            continue
        tables += 1
        table = _table(element, tables)
        if table.rows and len(table.rows[0]) == 1:  # a one-column table is a frame drawn round the text
            for inner in element.iter(_W + "p"):
                paragraph(inner)
        else:
            blocks.append(table)
    return Document(tuple(blocks))


def _check_counts(data: bytes, name: str) -> None:
    """Refuse absurd paragraph or table-cell counts in one streaming pass, before python-docx builds a tree."""
    paragraphs = cells = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if not (info.filename.startswith("word/") and info.filename.endswith(".xml")):
                continue
            with zf.open(info) as part:
                carry = b""
                while chunk := part.read(_CHUNK):
                    buffer = carry + chunk
                    cut = buffer.rfind(b"<", max(0, len(buffer) - 64))  # keep a tag split between chunks whole
                    cut = len(buffer) if cut < 0 else cut
                    done, carry = buffer[:cut], buffer[cut:]
                    for tag in _ELEMENT.findall(done):
                        paragraphs += tag == b"p"
                        cells += tag == b"tc"
                    if paragraphs > MAX_PARAGRAPHS or cells > MAX_TABLE_CELLS:
                        raise PlanError(f"文件「{name}」中的段落或表格单元格多得异常（超过 {MAX_PARAGRAPHS:,} 段"
                                        f"或 {MAX_TABLE_CELLS:,} 个单元格），疑似异常文件，已拒绝读取。"
                                        f"若这是正常的计划，请删除无关内容后另存为 docx 再上传。")


def _body_elements(body):
    """Paragraphs and tables of the body in order; content controls (w:sdt) are looked into."""
    for child in body.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_elements(content)


def _heading_level(element, style) -> int | None:
    """Outline level from the paragraph's own outlineLvl, else from its style (标题 1/Heading 1 and the like)."""
    for holder in (element, getattr(style, "element", None)):
        while holder is not None:
            lvl = holder.find(f"{_W}pPr/{_W}outlineLvl")
            if lvl is not None and (lvl.get(_W + "val") or "").isdigit() and int(lvl.get(_W + "val")) < 9:
                return int(lvl.get(_W + "val"))
            holder = None
    name = (getattr(style, "name", "") or "").lower()
    m = re.fullmatch(r"(?:heading|标题)\s*(\d)", name)
    return int(m.group(1)) - 1 if m else None


_TEXT_TAGS = (_W + "t", _W + "tab", _W + "br", _W + "cr")
_OWN_TEXT_STOPS = {_W + "txbxContent", _W + "del"}  # a text box's own paragraphs; deleted text (tracked)


def _paragraph_text(p) -> str:
    """All of a paragraph's text as Word shows it: runs inside tracked insertions, smart tags, fields and
    inline content controls too (python-docx's ``text`` reads only direct runs), tabs as spaces."""
    out = []
    for el in p.iter(*_TEXT_TAGS):
        ancestor = el.getparent()
        while ancestor is not None and ancestor is not p and ancestor.tag not in _OWN_TEXT_STOPS:
            ancestor = ancestor.getparent()
        if ancestor is not p:
            continue
        out.append(el.text or "" if el.tag == _W + "t" else " " if el.tag == _W + "tab" else "\n")
    return "".join(out).strip()


def _cell_text(tc) -> str:
    """A cell's paragraphs joined by line breaks (nested tables included), as Excel cells keep Alt+Enter."""
    lines = []
    for p in tc.iter(_W + "p"):
        line = _paragraph_text(p)
        if line:
            lines.append(line)
    return "\n".join(lines)


def _table(tbl, number: int) -> Table:
    """Cells on Word's grid: horizontal spans (gridSpan, gridBefore) and vertical merges (vMerge) as ranges.

    python-docx's ``row.cells`` repeats a merged cell in every grid position it covers; the XML says
    where each merge starts, which is what the sheet logic needs (text in the first cell, blanks after).
    """
    grid: list[list[str]] = []
    merges: list[list[int]] = []
    open_vertical: dict[int, list[int]] = {}  # grid column → the merge range it continues
    header_rows, in_header = 0, True
    for r, tr in enumerate(tbl.iterchildren(_W + "tr")):
        trpr = tr.find(_W + "trPr")
        repeated = trpr is not None and trpr.find(_W + "tblHeader") is not None \
            and trpr.find(_W + "tblHeader").get(_W + "val", "1") not in ("0", "false")
        in_header = in_header and repeated
        header_rows += in_header
        before = trpr.find(_W + "gridBefore") if trpr is not None else None
        col = _count(before, 0)
        row = [""] * col
        continued: set[int] = set()
        for tc in tr.iterchildren(_W + "tc"):
            tcpr = tc.find(_W + "tcPr")
            span_el = tcpr.find(_W + "gridSpan") if tcpr is not None else None
            span = max(1, _count(span_el, 1))
            vmerge = tcpr.find(_W + "vMerge") if tcpr is not None else None
            kind = None if vmerge is None else (vmerge.get(_W + "val") or "continue")
            if kind == "continue" and col in open_vertical:
                open_vertical[col][2] = r
                continued.add(col)
                row.extend([""] * span)
            else:
                row.extend([_cell_text(tc)] + [""] * (span - 1))
                if span > 1 or kind == "restart":
                    merge = [r, col, r, col + span - 1]
                    merges.append(merge)
                    if kind == "restart":
                        open_vertical[col] = merge
                        continued.add(col)
            col += span
            if col > MAX_GRID_COLUMNS:
                raise PlanError(f"表 {number} 有超过 {MAX_GRID_COLUMNS} 列，疑似异常文件，已拒绝读取。"
                                f"若这是正常的计划，请删除无关的列后另存为 docx 再上传。")
        for c in [c for c in open_vertical if c not in continued]:
            del open_vertical[c]  # a vertical merge ends where the next row has no continuing cell
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    rows = tuple(tuple(row + [""] * (width - len(row))) for row in grid)
    kept = tuple(tuple(m) for m in merges if m[2] > m[0] or m[3] > m[1])
    return Table(number, rows, kept, header_rows)


def _count(element, default: int) -> int:
    """A w:val count (gridSpan, gridBefore) as a small non-negative number; junk counts as ``default``."""
    value = element.get(_W + "val", "") if element is not None else ""
    return min(int(value), MAX_GRID_COLUMNS + 1) if value.isdigit() else default


# -- Word's automatic numbering --------------------------------------------------------------------

_CN = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (outline numbers)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else cn_numeral(tens)) + "十" + (_CN[ones] if ones else "")


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
               "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"):
        return cn_numeral(n)
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


def _val(element, attribute: str, default: int) -> int:
    """A numeric attribute of a numbering element (ilvl, start), bounded; junk or absence gives ``default``."""
    value = element.get(_W + attribute, "") if element is not None else ""
    return min(int(value), 10_000) if value.isdigit() else default


class _Numbering:
    """Writes out the numbers Word draws for list paragraphs (numbering.xml), counting as Word does."""

    def __init__(self, doc):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (numFmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.iterchildren(_W + "abstractNum"):
            abstract[a.get(_W + "abstractNumId")] = {
                _val(lvl, "ilvl", 0): lvl for lvl in a.iterchildren(_W + "lvl")}
        for num in root.iterchildren(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            lvls = abstract.get(ref.get(_W + "val") if ref is not None else None, {})
            overrides = {_val(o, "ilvl", 0): o for o in num.iterchildren(_W + "lvlOverride")}
            for ilvl, lvl in lvls.items():
                start_el = lvl.find(_W + "start")
                start = _val(start_el, "val", 1)
                override = overrides.get(ilvl)
                if override is not None and override.find(_W + "startOverride") is not None:
                    start = _val(override.find(_W + "startOverride"), "val", start)
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                self.levels[(num.get(_W + "numId"), ilvl)] = (
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "") if text is not None else "", start)

    def prefix(self, element, style) -> tuple[str, bool]:
        """(number text, is a bullet) for one paragraph; ("", False) when it is not a list paragraph."""
        num_id, ilvl = None, 0
        for holder in (element, getattr(style, "element", None)):
            numpr = holder.find(f"{_W}pPr/{_W}numPr") if holder is not None else None
            if numpr is None:
                continue
            id_el, lvl_el = numpr.find(_W + "numId"), numpr.find(_W + "ilvl")
            num_id = num_id or (id_el.get(_W + "val") if id_el is not None else None)
            if lvl_el is not None:
                ilvl = _val(lvl_el, "val", 0)
            break
        if not num_id or num_id == "0" or (num_id, ilvl) not in self.levels:
            return "", False
        fmt, text, _ = self.levels[(num_id, ilvl)]
        if fmt == "bullet":
            return "", True
        counts = self.counters.setdefault(num_id, [0] * 9)
        if not 0 <= ilvl < 9:
            return "", False
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else self.levels[(num_id, ilvl)][2]

        def level_text(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            level = self.levels.get((num_id, k))
            if level is None:
                return ""
            return _format_number(counts[k] or level[2], level[0])

        return re.sub(r"%(\d)", level_text, text), False


# -- locations ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    """Where a row of a sheet handed to plan_from_sheets is in the document: a table row or a paragraph."""

    table: int | None = None
    row: int | None = None  # 1-based row of that table
    paragraph: int | None = None

    def text(self) -> str:
        return f"第 {self.paragraph} 段" if self.paragraph else f"表 {self.table} 第 {self.row} 行"


def relocate(plan: Plan, places: dict[str, dict[int, Place]], details: dict[tuple[str, int], str]) -> Plan:
    """Issues and item sources named by table row or paragraph instead of the sheets the reader was given.

    ``places`` maps sheet name → 1-based sheet row → place; ``details`` gives prose items their detail.
    """
    issues = [_relocated(issue, places) for issue in plan.issues]
    items = []
    for item in plan.items:
        src = item.source
        place = places.get(src.sheet, {}).get(src.row) if src else None
        if place is not None:
            detail = details.get((src.sheet, src.row), item.detail)
            # Source(sheet, row): 表 N and its row, or 正文 and the paragraph number.
            where = Source(f"表 {place.table}", place.row) if place.table else Source(src.sheet, place.paragraph)
            item = replace(item, source=where, detail=detail)
        items.append(item)
    columns = tuple(c for c in plan.columns if c.sheet != PROSE_SHEET)  # the outline has no columns of its own
    return plan.with_items(items).with_issues(issues).replace(columns=columns)


def _relocated(issue: Issue, places: dict[str, dict[int, Place]]) -> Issue:
    sheet_places = places.get(issue.sheet or "")
    if sheet_places is None:
        return issue
    own = sheet_places.get(issue.row) if issue.row else None

    def row(m: re.Match) -> str:  # “第 5 行”, or “工作表「表 2」第 5 行” naming another sheet's row
        named = m.group(1)
        place = (places.get(named, {}) if named else sheet_places).get(int(m.group(2)))
        if place is None:
            return m.group(0)
        if place.paragraph:
            return f"第 {place.paragraph} 段"
        return f"第 {place.row} 行" if not named and own is not None and own.table == place.table else place.text()

    message = re.sub(r"(?:工作表「([^」]*)」)?第 (\d+) 行", row, issue.message)
    message = re.sub(r"工作表「([^」]*)」", lambda m: m.group(1) + " " if m.group(1) in places else m.group(0),
                     message)
    message = message.replace("正文 没有", "正文中没有写明").replace("列，项目化五要素不全", "，项目化五要素不全") \
        if issue.sheet == PROSE_SHEET else message
    table = own.table if own else _table_of(issue.sheet)
    column = issue.column if issue.sheet != PROSE_SHEET else None  # prose has no columns
    return replace(issue, message=message, sheet=None, row=own.row if own and own.table else None, column=column,
                   paragraph=own.paragraph if own else issue.paragraph, table=table)



def _table_of(sheet: str | None) -> int | None:
    m = re.fullmatch(r"表 (\d+)", sheet or "")
    return int(m.group(1)) if m else None


def relocate_header_error(error: HeaderError, places: dict[str, dict[int, Place]]) -> HeaderError:
    """The column-mapping request with the table named as 表 N (its header row as the table's row)."""
    place = places.get(error.sheet or "", {}).get(error.header_row or 0)
    message = re.sub(r"工作表「(表 \d+)」", r"\1", str(error))
    row = place.row if place and place.row else error.header_row
    return HeaderError(message, error.sheet, row, error.columns, error.samples)
