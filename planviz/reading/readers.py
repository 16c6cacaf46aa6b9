"""Reads plan spreadsheets (xlsx/xlsm/xls/csv, canonical template or messy office tables) into a Plan."""
from __future__ import annotations

import codecs
import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from . import cells
from .cells import text
from ..dates import CN_NUMERALS, find_year, parse_deadline
from .headers import FIELDS, Header, best_guess_columns, find_header
from ..model import ColumnRole, HeaderError, Issue, Plan, PlanError
from .roles import assign as assign_roles
from .rows import assemble, read_rows
from .safety import MAX_FILE_BYTES, check_container, defuse, run_isolated, sheet_parts
from .validate import validate
from ..vocab import DEFAULT_DIMENSIONS, DEFAULT_LEVERS

__all__ = ["FIELDS", "load_plan"]

_IGNORED_SHEETS = re.compile(r"说明|填写|填表|目录|字典|下拉|选项|参数|示例|样例|使用方法")
_PLAN_SHEET = re.compile(r"计划|任务|清单|台账|要点|安排")  # “2026年工作计划（含填写说明）” is still the plan
_META_SHEETS = {"计划信息", "基本信息", "计划概况", "封面"}
SAMPLE_ROWS = 3  # rows shown under each column when the user maps columns by hand
META_KEYS: dict[str, tuple[str, ...]] = {
    "organization": ("组织名称", "党组织名称", "单位名称", "支部名称", "党组织", "组织", "单位"),
    "year": ("年度", "年份", "计划年度"),
    "title": ("计划标题", "标题", "计划名称"),
    "theme": ("主题", "年度主题", "工作主题"),
    "slogan": ("口号/品牌", "口号", "品牌", "品牌名称", "口号品牌", "党建品牌"),
    "dimensions": ("六度维度", "维度", "六度", "六度模型"),
    "levers": ("五大抓手", "抓手"),
    "issuer": ("印发单位", "发文单位", "制定单位"),
    "approved_on": ("审议通过日期", "审议日期", "通过日期"),
    "contact": ("联系人", "联系方式"),
}
_META_LOOKUP = {cells.header_key(k): f for f, keys in META_KEYS.items() for k in keys}
_PARTY_BODY = re.compile(r"[\u4e00-\u9fff（）()]+(党委|党总支|党支部|党组|总支|支部|党工委|委员会)")  # an organization name
_LIST_SPLIT = re.compile(r"[、，,;；/／\s]+")


@dataclass(frozen=True)
class RawSheet:
    """One worksheet as plain Python values, as handed back from the isolated parser."""

    name: str
    rows: list
    merges: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first col, last row, last col), 0-based
    hidden_columns: frozenset[int] = frozenset()
    hidden_rows: frozenset[int] = frozenset()
    hidden: bool = False


# -- raw reading -----------------------------------------------------------------------------------

def load_plan(source: str | Path | bytes | BinaryIO, name: str | None = None, *, year: int | None = None,
              column_map: dict[str, str] | None = None) -> Plan:
    """Read a plan from a path, bytes or binary file object (``name`` says the file name for uploads).

    ``column_map`` maps header texts as written in the file to field names (see FIELDS) and overrides
    the synonym table. Returns the Plan with reading issues and validate() issues; raises PlanError
    for unusable files and HeaderError when no sheet has a recognisable header.
    """
    data, name = _source_bytes(source, name)
    kind = check_container(data, name)
    notes: list[Issue] = []
    if kind == "csv":
        sheets = [RawSheet(Path(name).stem or "计划", _read_csv(data, name, notes))]
    elif kind != "docx":
        sheets = run_isolated(_read_workbook, data, kind, name)
    unknown = sorted({v for v in (column_map or {}).values() if v not in FIELDS})
    if unknown:  # the caller's bug (the app offers FIELDS only), not a problem of the user's file
        raise ValueError(f"column_map names unknown fields {unknown}; known: {sorted(FIELDS)}")
    cleaned = dict(column_map or {})
    try:
        if kind == "docx":  # a Word plan: its tables and outline prose are read through plan_from_sheets
            from .docx import plan_from_docx

            return plan_from_docx(data, name, year, cleaned)
        return plan_from_sheets(sheets, name, year, cleaned, issues=notes)
    except PlanError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug must still reach the user as one Chinese line
        raise PlanError(f"读取文件「{name}」时遇到无法处理的内容（{type(exc).__name__}）。"
                        f"请检查表格是否有异常的合并单元格或格式，或改用标准模板后重新上传。") from exc


def _source_bytes(source, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "上传的文件"
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            with path.open("rb") as fh:  # one byte past the limit is enough for check_container to refuse it
                return fh.read(MAX_FILE_BYTES + 1), name or path.name
        except FileNotFoundError:
            raise PlanError(f"找不到文件「{path}」，请检查文件名和位置。") from None
        except IsADirectoryError:
            raise PlanError(f"「{path}」是文件夹，不是计划表文件。") from None
        except OSError as exc:
            raise PlanError(f"无法打开文件「{path}」：{exc.strerror or exc}。") from None
    data = source.read(MAX_FILE_BYTES + 1)
    return data, name or Path(getattr(source, "name", "") or "上传的文件").name


def _read_workbook(data: bytes, kind: str, name: str) -> list[RawSheet]:
    """Parse every worksheet (run inside run_isolated: calamine may abort).

    The parsers' own reports on damaged files (a Rust “memory allocation failed” backtrace before an
    abort, 50 lines long) go to /dev/null: the user gets the one Chinese line run_isolated makes of it.
    """
    saved, quiet = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    try:
        return _parse_workbook(data, kind, name)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(quiet)


def _parse_workbook(data: bytes, kind: str, name: str) -> list[RawSheet]:
    """Every worksheet as a RawSheet, read with python-calamine; hidden rows and columns on the side."""
    import python_calamine as pc

    if kind == "xlsx":
        data = defuse(data)  # size hints the parser would allocate from, dropped
    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError:
        raise PlanError(f"文件「{name}」设置了打开密码，无法读取。请去掉密码后重新保存再上传。") from None
    except Exception as exc:  # noqa: BLE001 - calamine raises several unrelated types for damaged files
        raise PlanError(f"文件「{name}」无法作为表格打开（{type(exc).__name__}）。"
                        f"请用 Excel 打开确认内容无误、重新保存后再上传。") from None
    hidden = _hidden_cells(data) if kind == "xlsx" else _hidden_xls(data) if kind == "xls" else {}
    sheets = []
    for meta in book.sheets_metadata:
        if meta.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        sheet = book.get_sheet_by_name(meta.name)
        rows = sheet.to_python(skip_empty_area=False)
        merges = tuple((a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or ()))
        columns, hidden_rows = hidden.get(meta.name, ((), ()))
        sheets.append(RawSheet(meta.name, rows, merges, frozenset(columns), frozenset(hidden_rows),
                               meta.visible != pc.SheetVisibleEnum.Visible))
    return sheets


def _hidden_cells(data: bytes) -> dict[str, tuple[set[int], set[int]]]:
    """(hidden columns, hidden rows) per sheet, 0-based, from a streamed scan of each sheet part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return {name: _hidden_in_part(zf, part) for part, name in sheet_parts(zf).items()}
    except (KeyError, ValueError, OSError, zipfile.BadZipFile):
        return {}  # hidden cells are a nicety; the cells themselves were read by calamine


def _hidden_xls(data: bytes) -> dict[str, tuple[set[int], set[int]]]:
    """(hidden columns, hidden rows) per sheet of a BIFF .xls, 0-based, from xlrd's formatting records."""
    import xlrd

    try:  # xlrd writes its complaints about damaged records to a log, by default stdout
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO())
        return {sheet.name: ({c for c, info in sheet.colinfo_map.items() if info.hidden},
                             {r for r, info in sheet.rowinfo_map.items() if info.hidden})
                for sheet in book.sheets()}
    except Exception:  # noqa: BLE001 - hidden cells are a nicety; calamine has read the cells already
        return {}


def _hidden_in_part(zf: zipfile.ZipFile, part: str) -> tuple[set[int], set[int]]:
    columns: set[int] = set()
    rows: set[int] = set()
    carry = b""
    with zf.open(part) as fh:
        while chunk := fh.read(1 << 20):
            buffer = carry + chunk
            cut = buffer.rfind(b"<")  # an element may straddle chunks: keep the last one for the next round
            buffer, carry = buffer[:cut], buffer[cut:]
            for tag, attrs in re.findall(rb"<(?:\w+:)?(col|row)\b([^>]*)>", buffer):
                if b"hidden=" not in attrs:
                    continue
                found = dict(re.findall(rb'(\w+)="([^"]*)"', attrs))
                if found.get(b"hidden") not in (b"1", b"true"):
                    continue
                if tag == b"col":
                    first, last = int(found.get(b"min", 1)), int(found.get(b"max", 1))
                    columns.update(range(first - 1, min(last, first + 255)))
                elif b"r" in found:
                    rows.add(int(found[b"r"]) - 1)
    return columns, rows


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never typed by a user: damaged or odd exports


def _read_csv(data: bytes, name: str = "", notes: list[Issue] | None = None) -> list[list[str]]:
    """CSV rows from UTF-8 (with or without BOM), GBK/GB18030 (even behind a UTF-8 BOM) or UTF-16; , ; or tab.

    Control characters are dropped, with an info note in ``notes`` saying how many."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        content = data.decode("utf-16", errors="replace")
    else:
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
        try:
            content = body.decode("utf-8")
        except UnicodeDecodeError:
            content = body.decode("gb18030", errors="replace")
    content = content.replace("\r\n", "\n").replace("\r", "\n")  # a lone CR (old Mac, damaged files) is a line break
    content, dropped = _CONTROL.subn("", content)
    csv.field_size_limit(MAX_FILE_BYTES)  # one long cell (a whole report pasted in) is text like any other
    if dropped and notes is not None:
        notes.append(Issue("info", f"文件中有 {dropped} 个不可见的控制字符，已删除后读取。",
                           Path(name).stem or "计划", hint="如内容有误，请用 Excel 或 WPS 打开后另存为 xlsx 再上传。"))
    sample = "\n".join(content.split("\n", 30)[:30])
    best, best_score = ",", (-1, -1)
    for sep in (",", ";", "\t"):
        widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=sep) if any(c.strip() for c in r)]
        score = (sum(1 for w in widths if w > 1), max(widths, default=0))
        if score > best_score:
            best, best_score = sep, score
    try:
        return [row for row in csv.reader(io.StringIO(content), delimiter=best)]
    except csv.Error as exc:  # e.g. a NUL byte in a damaged export
        raise PlanError(f"文件「{name}」无法按行读取（{exc}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传。") from None


# -- sheet classification and meta ---------------------------------------------------------------

def _trim(rows: list) -> list:
    end = len(rows)
    while end and not any(text(v) for v in rows[end - 1]):
        end -= 1
    return rows[:end]


def _meta_pairs(rows: list) -> list[tuple[str, str, int]]:
    """(key, value, 1-based row) for key-value rows: the first two filled cells of each row."""
    pairs = []
    for r, row in enumerate(rows):
        filled = [text(v) for v in row if text(v)]
        if len(filled) >= 2:
            pairs.append((filled[0], "、".join(filled[1:]) if len(filled) > 2 else filled[1], r + 1))
        elif len(filled) == 1:
            pairs.append((filled[0], "", r + 1))
    return pairs


def _is_meta_sheet(name: str, rows: list) -> bool:
    if name.strip() in _META_SHEETS:
        return True
    keys = [cells.header_key(k) for k, v, _ in _meta_pairs(rows[:30]) if v]
    return sum(1 for k in keys if k in _META_LOOKUP) >= 3 and len(keys) <= 40


def _read_meta(rows: list) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Key-value rows; lone lines of a cover (某某党委 / 2026年度工作计划) give organization and title."""
    known: dict[str, str] = {}
    other: list[tuple[str, str]] = []
    lines: list[str] = []
    for key, value, _ in _meta_pairs(rows):
        field_name = _META_LOOKUP.get(cells.header_key(key))
        if not value:
            lines.append(key)
        if key in ("项目", "内容") or not value:
            continue
        if field_name and field_name not in known:
            known[field_name] = value
        elif not field_name:
            other.append((key, value))
    org = next((t for t in lines if _PARTY_BODY.fullmatch(t)), "")
    title = next((t for t in lines if find_year(t) and re.search("计划|要点|安排|清单|方案", t)), "")
    if org:
        known.setdefault("organization", org)
    if title:
        known.setdefault("title", title if not org or org in title else org + title)
    return known, other


def _split_names(value: str) -> tuple[str, ...]:
    return tuple(p for p in _LIST_SPLIT.split(value) if p)  # \s in _LIST_SPLIT takes the ideographic space too


def _organization_from(title: str, strict: bool = False) -> str:
    """“某某党支部2026年度党建工作计划” → “某某党支部”; “某某党委关于印发…的通知” → “某某党委”.

    ``strict`` (file names, where “副本 - ” and the like come first) keeps only names ending in a party body.
    """
    title = re.sub(r"^附件\s*\d*[:：]?\s*", "", title).strip()
    title = re.sub(r"^关于(?:印发|下发|制定|做好)?|[《》〈〉]", "", title)  # 关于印发《某某党委…要点》的通知
    title = re.sub(rf"^(?:(?:19|20)\d{{2}}|[{CN_NUMERALS}]{{4}})\s*年度?", "", title)  # 2026年某某党支部…
    m = (re.match(r"(.+?)关于", title)
         or re.match(rf"(.+?)\s*(?:(?:19|20)\d{{2}}|[{CN_NUMERALS}]{{4}})\s*年", title)
         or re.match(r"(.+?)(?:年度|党建工作|工作计划|工作要点|重点任务|计划)", title))
    org = re.sub(r"(党建|工作|年度)+$", "", m.group(1).strip("“”\"' ")) if m else ""
    if strict and not _PARTY_BODY.fullmatch(org):
        return ""
    return "" if re.fullmatch(r"[\d\s年度]*", org) else org


# -- header region ---------------------------------------------------------------------------------

def _scan_rows(sheet: RawSheet, rows: list, limit: int) -> tuple[list, set[tuple[int, int]]]:
    """The first rows with horizontal merges filled across (for headers), and the merged cells."""
    scan = [list(r) for r in rows[:limit]]
    limit = len(scan)
    covered: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in sheet.merges:
        if c1 == c0 or r0 >= limit or c0 >= len(scan[r0]):
            continue
        for r in range(r0, min(r1, limit - 1) + 1):
            for c in range(c0, min(c1, c0 + 64) + 1):
                covered.add((r, c))
                if c < len(scan[r]) and c > c0:
                    scan[r][c] = scan[r0][c0]
    return scan, covered


def _fill_down(sheet: RawSheet, rows: list, first_data: int) -> None:
    """Vertical merges in the table body (a merged 类别 column, a shared 责任人) apply to every row."""
    for r0, c0, r1, _ in sheet.merges:
        if r1 > r0 and r0 >= first_data and r0 < len(rows) and c0 < len(rows[r0]):
            value = rows[r0][c0]
            for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                if c0 < len(rows[r]) and not text(rows[r][c0]):
                    rows[r][c0] = value


def _title_above(rows: list, header: Header) -> tuple[str, str]:
    """(title, unit line) from the rows above the header."""
    title, unit = "", ""
    for row in rows[:header.first_row]:
        for value in row:
            t = text(value)
            if not t or re.fullmatch(r"附件\s*\d*[:：]?", t):
                continue
            if re.match(r"^(填报|报送)?单位[:：]", t):
                rest = re.sub(r"[(（](盖章|公章|签章)[)）]", "", re.sub(r"^(填报|报送)?单位[:：]\s*", "", t)).split()
                unit = unit or (rest[0] if rest else "")
            elif not title and len(t) >= 4:
                title = t
            break
    return title, unit


# -- the plan --------------------------------------------------------------------------------------

@dataclass
class _Sheet:
    """A sheet that holds plan rows: its header and the title and unit lines above it."""

    raw: RawSheet
    rows: list
    header: Header
    title: str
    unit: str


def plan_from_sheets(sheets: list[RawSheet], name: str, year_option: int | None,
                     column_map: dict[str, str], *, issues: tuple[Issue, ...] | list[Issue] = ()) -> Plan:
    """Sort the sheets (meta, guide, plan), settle year and organization, read the rows, validate.

    ``issues`` are notes the caller found before (while decoding the file); they come first in the plan's."""
    issues = list(issues)
    meta: dict[str, str] = {}
    meta_other: list[tuple[str, str]] = []
    plan_sheets: list[_Sheet] = []
    unread: list[tuple[RawSheet, list]] = []
    for sheet in sheets:
        rows = _trim(sheet.rows)
        if not rows:
            issues.append(Issue("info", f"工作表「{sheet.name}」是空表，已跳过。", sheet.name))
        elif sheet.hidden:
            issues.append(Issue("info", f"工作表「{sheet.name}」已隐藏，未读取。", sheet.name,
                                hint="如其中有计划内容，请在 Excel 中取消隐藏后重新上传。"))
        elif _is_meta_sheet(sheet.name, rows):
            known, other = _read_meta(rows)
            meta = {**known, **meta}
            meta_other.extend(other)
        elif _IGNORED_SHEETS.search(sheet.name) and not _PLAN_SHEET.search(sheet.name):
            issues.append(Issue("info", f"工作表「{sheet.name}」是说明页，未作为计划读取。", sheet.name))
        else:
            scan, covered = _scan_rows(sheet, rows, 16)
            header = find_header(scan, column_map, covered, sheet.hidden_columns)
            if header is None:
                unread.append((sheet, rows))
                continue
            rows = [list(r) for r in rows]
            _fill_down(sheet, rows, header.row + 1)
            header = assign_roles(header, rows, column_map)
            plan_sheets.append(_Sheet(sheet, rows, header, *_title_above(rows, header)))
    if not plan_sheets:
        raise _header_error(unread, name)
    for sheet, rows in unread:
        issues.append(Issue("info", f"工作表「{sheet.name}」没有找到表头（如“工作内容”“责任人”“完成时限”），"
                                    f"其中 {len(rows)} 行未读取。", sheet.name,
                            hint="如其中有计划内容，请把表头改成常见写法，或在页面上手动指定各列。"))

    sheet_years = [find_year(s.raw.name) or find_year(s.title) for s in plan_sheets]
    year = year_option or _year_of(meta.get("year", "")) or find_year(meta.get("title", "")) \
        or max(filter(None, sheet_years), default=None) or find_year(Path(name).stem)  # 2026年党建工作计划.xlsx
    if not year:
        year = date.today().year
        issues.append(Issue("info", f"表格中没有找到计划年度，按今年（{year}年）计算时间。",
                            hint="可在标题中写明年度，如“2026年度党建工作计划”，或在页面上选择年度。"))
    elif any(y not in (None, year) for y in sheet_years) and year in sheet_years:
        kept = []  # last year's sheet left in the workbook (plans are written by copying it) is not this plan
        for sheet, sheet_year in zip(plan_sheets, sheet_years):
            if sheet_year in (None, year):
                kept.append(sheet)
            else:
                issues.append(Issue("info", f"工作表「{sheet.raw.name}」是{sheet_year}年的计划，不属于{year}年度，"
                                            f"未读取。", sheet.raw.name,
                                    hint="如要查看那一年的计划，请在页面上选择对应年度。"))
        plan_sheets = kept
    titles = list(dict.fromkeys(s.title for s in plan_sheets if s.title))
    # Sheets titled each for their own part (党建工作, 党风廉政建设) leave the plan title to be built.
    title = meta.get("title") or (titles[0] if len(titles) == 1 else "")
    organization = meta.get("organization") or _organization_from(title or (titles or [""])[0]) \
        or next((s.unit for s in plan_sheets if s.unit), "") or _organization_from(Path(name).stem, strict=True)
    dimensions = _split_names(meta["dimensions"]) if meta.get("dimensions") else DEFAULT_DIMENSIONS
    levers = _split_names(meta["levers"]) if meta.get("levers") else DEFAULT_LEVERS

    deadlines: dict[str, object] = {}  # parsed deadline per distinct text: plans repeat 每月, 全年 …
    records = []
    for sheet in plan_sheets:
        for col in sheet.header.columns:
            if col.hidden:
                issues.append(Issue("info", f"「{col.label}」列在表格中是隐藏的，已照常读取。", sheet.raw.name,
                                    column=col.label))
        hidden_rows = sorted(r + 1 for r in sheet.raw.hidden_rows if sheet.header.row < r < len(sheet.rows))
        if hidden_rows:
            shown = "、".join(map(str, hidden_rows[:10])) + (f" 等 {len(hidden_rows)}" if len(hidden_rows) > 10 else "")
            issues.append(Issue("info", f"第 {shown} 行在表格中是隐藏的，已照常读取。", sheet.raw.name, hidden_rows[0],
                                hint="如这些行不属于计划，请在表格中删除后重新上传。"))
        records.append((sheet.raw.name, read_rows(sheet.raw.name, sheet.rows, sheet.header, year,
                                                  (dimensions, levers), deadlines, issues)))
    items = assemble(records, dimensions, issues)
    approved = parse_deadline(meta["approved_on"], year) if meta.get("approved_on") else None
    if approved is not None and (approved.kind != "date" or approved.end is None):
        issues.append(Issue("warning", f"审议通过日期「{meta['approved_on']}」无法识别，简报页脚不显示该日期。",
                            hint="请写成日期，如 2026-01-15 或 2026年1月15日。"))
        approved = None
    plan = Plan(year=year, organization=organization, title=title, theme=meta.get("theme", ""),
                slogan=meta.get("slogan", ""), dimensions=dimensions, levers=levers, items=tuple(items),
                source_name=name, meta=tuple(meta_other), issuer=meta.get("issuer", ""),
                approved_on=approved.end if approved else None, contact=meta.get("contact", ""),
                columns=tuple(ColumnRole(s.raw.name, c.index, c.label, c.field, c.confidence)
                              for s in plan_sheets for c in s.header.columns))
    columns = {s.raw.name: s.header.labels() for s in plan_sheets}
    return plan.with_issues(issues + list(validate(plan, columns=columns)))


def _header_error(unread: list[tuple[RawSheet, list]], name: str) -> PlanError:
    if not unread:
        return PlanError(f"文件「{name}」中没有可读取的计划表（只有空表、说明页或计划信息）。"
                         f"请在工作表中填写工作内容、责任人、完成时限等列后再上传。")
    sheet, rows = max(unread, key=lambda sr: len(sr[1]))
    row, columns = best_guess_columns(rows)
    filled = [r for r in rows[row + 1:] if any(text(v) for v in r)][:SAMPLE_ROWS]
    samples = tuple(tuple(text(r[i]) if i < len(r) else "" for i in range(len(columns))) for r in filled)
    return HeaderError(f"工作表「{sheet.name}」中没有找到可识别的表头（如“工作内容”“责任人”“完成时限”）。"
                       f"请把表头改成常见写法，或手动指定各列的含义。", sheet.name, row + 1, columns, samples)


def _year_of(value: str) -> int | None:
    m = re.search(r"(19|20)\d{2}", value)
    return int(m.group(0)) if m else find_year(value) if value else None
