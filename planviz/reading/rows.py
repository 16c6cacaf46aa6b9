"""Table rows → plan items: category rows, outline numbering, skipped rows, ids and the section → project → task tree."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import cells
from .cells import text
from ..dates import CN_NUMERALS, parse_deadline
from .headers import Header, column_letter
from .infer import infer_dimension, named_dimension
from .roles import MARKS, period_of
from ..model import Issue, Item, Source
from ..vocab import STATUSES

_FOOTNOTE = re.compile(r"^(注|说明|备注|附注|填表说明|填写说明)\s*[0-9一二三]?\s*[:：]")
_SIGNATURE = re.compile(r"^(制表人|制表|填表人|填报人|填报单位|审核人|审核|审批人|审批|签字|签名|联系人|联系电话|"
                        r"填报日期|制表日期|日期|报送单位|单位盖章|盖章|负责人[:：]|书记[:：])"
                        r"|[(（]\s*(签字|签名|签章|盖章|公章)\s*[)）]|(签字|签名|盖章)\s*[:：]")  # 支部书记（签字）：
# A full date alone on a row under the table is the date of the signature (2026年1月8日, 二〇二六年一月八日).
_DATE_LINE = re.compile(rf"^(\d{{4}}|[{CN_NUMERALS}]{{4}})\s*年\s*[\d{CN_NUMERALS}]{{1,2}}\s*月"
                        rf"\s*[\d{CN_NUMERALS}]{{1,3}}\s*[日号]$")
_COUNT_NOTE = re.compile(r"\s*[(（]\s*共?\s*\d+\s*项\s*[)）]$")  # “一、政治建设（共3项）”
_DIGIT = re.compile(r"[0-9０-９]")
_TOTAL_FIRST = "合小总共累"  # first characters of _TOTAL: most rows are ruled out by one look
_TOTAL = re.compile(rf"^(?:合\s*计|小\s*计|总\s*计|共\s*计|累\s*计|总\s*数|共\s*[\d{CN_NUMERALS}百]+\s*[项个条件])")
_AROUND = re.compile("前后|左右|期间|当天|当日")  # “七一前后” under 完成时间 is that day, not a deadline
_DETAIL_FIELDS = ("owners", "departments", "deadline", "start", "end", "progress", "status", "goal",
                  "deliverable", "criteria", "marks")
_DEADLINE_WORDS = ("完成", "截止", "时限", "期限")  # a date under such a header is a deadline: no start
_STARS = "★☆"


@dataclass
class Record:
    """A table row read into item fields, before ids and the tree are settled."""

    sheet: str
    row: int  # 1-based, as Excel shows it
    kind: str  # "section" | "work"
    title: str
    rank: int | None = None  # outline depth of its numbering (cells.RANK_*)
    number: str = ""  # outline number (“1”, “2.3”)
    raw_id: str = ""  # id column value that is not an outline number (P01, T001)
    section: str = ""
    parent_ref: str | None = None  # task sheets: the 所属项目 cell
    values: dict = field(default_factory=dict)  # Item keyword arguments


def _excerpt(value: str, size: int = 24) -> str:
    return value if len(value) <= size else value[:size] + "…"


def _pick(value: str, names: tuple[str, ...]) -> str:
    """A vocabulary name written loosely (“高度（政治引领）”) → the name; unknown text stays as written."""
    if value in names:
        return value
    for name in sorted(names, key=len, reverse=True):
        if name in value:
            return name
    return value


_UNTITLED = "（未填写工作内容）"
_GROUP_RANK, _MEASURE_RANK = -1, 99  # 重点任务 | 具体措施 layouts: the group is the project, each measure a task


def read_rows(sheet: str, rows: list, header: Header, year: int, vocab: tuple[tuple[str, ...], tuple[str, ...]],
              cache: dict, issues: list[Issue]) -> list[Record]:
    """Interpret the rows under ``header``: skip blanks, footnotes and signatures (noting each), keep the rest."""
    return _SheetRows(sheet, rows, header, year, vocab, cache, issues).read()


class _SheetRows:
    """The row pass over one sheet; holds what every row needs (column positions, caches, issues)."""

    def __init__(self, sheet: str, rows: list, header: Header, year: int,
                 vocab: tuple[tuple[str, ...], tuple[str, ...]], cache: dict, issues: list[Issue]):
        self.sheet, self.rows, self.header, self.year, self.cache, self.issues = sheet, rows, header, year, cache, issues
        self.dimensions, self.levers = vocab
        self.width = len(header.columns)  # rows are padded with one empty cell, the stand-in for absent columns
        idx: dict[str, list[int]] = {}
        for c in header.columns:
            if c.field:
                idx.setdefault(c.field, []).append(c.index)
        self.label = {c.index: c.label for c in header.columns}
        self.extra_cols = [(c.index, c.label) for c in header.columns if c.field is None]
        self.group_col = None  # 重点任务 | 具体措施: the first title column groups the rows of the second
        if len(idx.get("title", ())) == 2:  # roles.assign kept two titles only where the first groups the second
            first_title, second_title = idx["title"]
            self.group_col, idx["title"] = first_title, [second_title]
        self.periods = []  # month or quarter grid columns: (index, first day, last day, name)
        for i in idx.get("marks", ()):
            period = period_of(self.label[i], year)
            if period:
                self.periods.append((i, *period))
            else:  # mapped by hand to a column that names no month or quarter: kept as the user's own
                self.extra_cols = sorted(self.extra_cols + [(i, self.label[i])])
        self.idx = idx
        self.first = {f: ix[0] for f, ix in idx.items()}
        self.col = {f: self.first.get(f, self.width) for f in (
            "title", "id", "section", "progress", "status", "milestone", "highlight", "dimension", "lever", "parent")}
        self.detail_cols = [i for f in _DETAIL_FIELDS for i in idx.get(f, ())]
        self.several_departments = len(idx.get("departments", ())) > 1
        self.dl_is_deadline = "deadline" in self.first and any(
            w in self.label[self.first["deadline"]] for w in _DEADLINE_WORDS)
        self.is_task_sheet = "parent" in self.first
        self.people: dict[str, tuple] = {}  # split owner/department cells: the same names recur on many rows
        self.open_rank: int | None = None  # outline rank of the category row last opened

    def parse(self, value: str):
        found = self.cache.get(value)
        if found is None:
            found = self.cache[value] = parse_deadline(value, self.year)
        return found

    def read(self) -> list[Record]:
        width, col = self.width, self.col
        header_texts = [text(v) for v in self.rows[self.header.row]][:width]
        out: list[Record] = []
        section_fill = group = ""
        section_when = None  # a category row that is a month or quarter (“3月”, “第二季度”): its rows' time
        in_footnotes = False
        untitled: dict[int, str] = {}  # rows with details but no title → their text when it is a lone cell
        first_issue = len(self.issues)
        for r in range(self.header.row + 1, len(self.rows)):
            row = self.rows[r]
            texts = [text(v) for v in row]
            filled = [i for i, t in enumerate(texts) if t]
            if not filled:
                continue
            n = r + 1
            extra_tail = [(column_letter(i), texts[i]) for i in filled if i >= width]  # cells beyond the header
            row = list(row[:width]) + [""] * (width + 1 - min(len(row), width))
            texts = texts[:width] + [""] * (width + 1 - min(len(texts), width))
            lead = texts[filled[0]] if filled[0] < width else extra_tail[0][1]
            if texts[:width] == header_texts and len(filled) > 1:
                self.skip(n, lead, "是重复的表头")
                continue
            if self.is_total(texts, filled):
                self.skip(n, lead, "是合计行")
                continue
            if len(filled) <= 3 and any(_SIGNATURE.search(texts[i]) for i in filled if i < width) \
                    or len(filled) == 1 and _DATE_LINE.match(lead):
                self.skip(n, lead, "是落款或签字栏")
                continue
            if _FOOTNOTE.match(lead) or (in_footnotes and len(filled) <= 2):
                in_footnotes = True
                self.skip(n, lead, "是表格下方的注释")
                continue
            has_detail = any(texts[i] for i in self.detail_cols)
            heading, rank = self.heading(texts, filled, has_detail, r)
            if heading:
                heading = _COUNT_NOTE.sub("", cells.one_line(heading)) or heading
                out.append(Record(self.sheet, n, "section", heading, rank,
                                  values=self.values(row, texts, n, extra_tail)))  # its 分管领导, 时限 or note
                section_fill = group = ""
                section_when = period_of(heading, self.year)
                continue
            if texts[col["section"]]:
                section_fill = cells.one_line(cells.numbering(texts[col["section"]])[2])
            title_raw = cells.one_line(texts[col["title"]])
            if self.group_col is not None and texts[self.group_col] and texts[self.group_col] != group:
                group = texts[self.group_col]
                rank, number, name = cells.numbering(group)
                id_rank, id_number = cells.id_numbering(texts[col["id"]])
                number = id_number if id_rank is not None else number if rank is not None else ""
                project = Record(self.sheet, n, "work", cells.one_line(name), _GROUP_RANK, number,
                                 section=section_fill)
                out.append(project)
                if not title_raw:  # the group's own row: its details are the project's
                    project.values = self.values(row, texts, n, extra_tail)
                    continue
            if not title_raw and not has_detail:
                self.skip(n, lead, "没有工作内容", "如这是一项工作，请在工作内容列填写。")
                continue
            rank, number, title = cells.numbering(title_raw)
            raw_id = ""
            if texts[col["id"]]:
                id_rank, id_number = cells.id_numbering(texts[col["id"]])
                if id_rank is not None:
                    rank, number = id_rank, id_number
                else:
                    raw_id = id_number
            if self.group_col is not None and group:  # measures are numbered within their project
                rank, number, raw_id = _MEASURE_RANK, "", ""
            values = self.values(row, texts, n, extra_tail)
            if title and (title[0] in _STARS or title[-1] in _STARS):
                title = title.strip(_STARS + " ")
                values["highlight"] = True
            if not title:
                untitled[n] = lead if len(filled) == 1 else ""
                title = _UNTITLED
            parent_ref = texts[col["parent"]] if self.is_task_sheet else None
            if section_when and not values.get("start") and not values.get("end"):
                values.update(start=section_when[0], end=section_when[1], deadline_text=section_when[2])
            out.append(Record(self.sheet, n, "work", title, rank, number, raw_id, section_fill, parent_ref, values))
        # The 落款 under the table (“中共某某党支部” alone, or in the 责任人 column) is not a heading or an item.
        while out and (out[-1].kind == "section" and out[-1].rank is None or untitled.get(out[-1].row)):
            last = out.pop()
            self.skip(last.row, untitled.pop(last.row, last.title), "在表格末尾、下面没有工作项，看作落款")
        for n in untitled:
            self.issues.append(Issue("warning", f"第 {n} 行填写了责任人或时间，但没有填写工作内容。", self.sheet, n,
                                     self.label.get(col["title"]), "请补上这一行要做的工作。"))
        self.issues[first_issue:] = sorted(self.issues[first_issue:], key=lambda i: i.row or 0)
        if self.group_col is not None:
            _sum_up_groups(out)
        return out

    def heading(self, texts: list[str], filled: list[int], has_detail: bool, r: int) -> tuple[str, int | None]:
        """(name, rank) of a category row, else ("", None): “一、政治建设” alone or as 一 | 政治建设, a lone short
        text in the first columns, or a numbered “一、” heading in or before the title column with a
        note, a 分管领导 or a 时限 beside it."""
        if self.is_task_sheet:
            return "", None
        title_col = self.col["title"]
        if not has_detail and len(filled) <= 2:
            heading, rank = _section_heading([texts[i] for i in filled if i < self.width], filled[0],
                                             self.first.get("title"))
            if heading:
                self.open_rank = rank
                return heading, rank
        if not has_detail and filled == [title_col] and self.group_col is None:
            # “（一）理论学习” alone on its row: a category, unless it sits under a shallower one (一、), where
            # it stays a project grouping the numbered rows below it
            rank, _, rest = cells.numbering(texts[title_col])
            if rank is not None and rank != cells.RANK_DOTTED and rest \
                    and (self.open_rank is None or rank <= self.open_rank) and not self.bare_next(r, rank):
                self.open_rank = rank
                return rest, rank
        if has_detail and texts[title_col]:
            return "", None
        lead = [texts[i] for i in filled if i <= title_col and i < self.width]
        if 1 <= len(lead) <= 2:
            heading, rank = _section_heading(lead, filled[0], self.first.get("title"))
            if rank == cells.RANK_CN:
                return heading, rank
        return "", None

    def bare_next(self, r: int, rank: int) -> bool:
        """True when the next filled row is numbered alike with nothing beside it either: a list of bare
        titles (a plan not filled in yet), not a category over its items; also True at the table's end."""
        for row in self.rows[r + 1:]:
            texts = [text(v) for v in row[:self.width]]
            if not any(texts):
                continue
            title = texts[self.col["title"]] if self.col["title"] < len(texts) else ""
            alone = sum(1 for t in texts if t) == 1 and bool(title)
            return alone and cells.numbering(title)[0] == rank
        return True  # nothing under it: no category

    def is_total(self, texts: list[str], filled: list[int]) -> bool:
        """A totals row (合计, 小计, 共28项): its words stand in the first columns, the title cell holds no work."""
        title_col = self.col["title"]
        for i in filled[:3]:
            t = texts[i]
            if i <= title_col and t[0] in _TOTAL_FIRST and len(t) <= 20 and _TOTAL.match(t):
                title = texts[title_col]
                return not title or bool(_TOTAL.match(title))
        return False

    def skip(self, n: int, lead: str, why: str, hint: str = "") -> None:
        self.issues.append(Issue("info", f"第 {n} 行{why}，未作为工作项读取：「{_excerpt(lead)}」", self.sheet, n,
                                 hint=hint))

    def values(self, row: list, texts: list[str], n: int, extra_tail: list) -> dict:
        """Item keyword arguments from one padded row (reading problems become issues)."""
        col, label = self.col, self.label
        values: dict = {}
        _people(values, self.idx, texts, label, self.several_departments, self.people)
        _timing(values, row, texts, self.first, self.dl_is_deadline, self.parse)
        if self.periods:
            _marks(values, texts, self.periods)
        for name in ("goal", "deliverable", "criteria", "short_title", "detail"):
            joined = "；".join(texts[i] for i in self.idx.get(name, ()) if texts[i])
            if joined:
                values[name] = joined
        value = texts[col["progress"]]
        if value:
            progress, ok = cells.parse_progress(row[col["progress"]])
            if ok:
                values["progress"] = progress
            elif not texts[col["status"]] and cells.normalize_status(value)[1]:
                values["status"] = cells.normalize_status(value)[0]  # 进度 written as a status word: 进行中
            else:
                self.issues.append(Issue("warning", f"进度「{value}」无法识别（应在 0%–100% 之间）。", self.sheet, n,
                                         label[col["progress"]], "请填写百分比，如 35%；未开始填 0%。"))
        value = texts[col["status"]]
        if value:
            as_progress = cells.parse_progress(value) if _DIGIT.search(value) else (None, False)
            status, ok = cells.normalize_status(value)
            if as_progress[0] is not None:  # 完成情况 written as “60%” or “完成80%” (not 已完成)
                values.setdefault("progress", as_progress[0])
            elif ok:
                values["status"] = status
            else:
                self.issues.append(Issue("warning", f"状态「{_excerpt(value)}」无法识别。", self.sheet, n,
                                         label[col["status"]], f"请填写：{'、'.join(STATUSES)} 之一。"))
        for name in ("milestone", "highlight"):
            if texts[col[name]]:
                values[name] = cells.parse_flag(row[col[name]])
        if texts[col["dimension"]]:
            values["dimension"] = _pick(texts[col["dimension"]], self.dimensions)
        if texts[col["lever"]]:
            values["lever"] = _pick(texts[col["lever"]], self.levers)
        extra = tuple((lbl, texts[i]) for i, lbl in self.extra_cols if texts[i]) + tuple(extra_tail)
        if extra:
            values["extra"] = extra
        return values


def _sum_up_groups(records: list[Record]) -> None:
    """A group title without details of its own takes its measures' owners, departments and time span."""
    project = None
    for rec in records:
        if rec.rank == _GROUP_RANK or rec.kind == "section":
            project = rec if rec.rank == _GROUP_RANK and not rec.values else None
            continue
        if project is None or rec.rank != _MEASURE_RANK:
            continue
        own, more = project.values, rec.values
        for key in ("owners", "departments"):
            names = tuple(dict.fromkeys(own.get(key, ()) + more.get(key, ())))
            if names:
                own[key] = names
        first, last = more.get("start") or more.get("end"), more.get("end") or more.get("start")
        if first:
            own["start"] = min(own.get("start", first), first)
            own["end"] = max(own.get("end", last), last)


def _section_heading(parts: list[str], first_col: int, title_col: int | None) -> tuple[str, int | None]:
    """(heading, rank) of a category row: “一、政治建设” (rank RANK_CN), or a lone short text in the first
    columns (rank None); ("", None) for other rows."""
    if len(parts) == 2:
        rank, _ = cells.id_numbering(parts[0])
        return (cells.numbering(parts[1])[2], rank) if rank == cells.RANK_CN else ("", None)
    rank, _, rest = cells.numbering(parts[0])
    if rank == cells.RANK_CN:
        return rest, rank
    lone = rank is None and len(parts[0]) <= 30 and first_col <= max(title_col or 0, 1)
    return (parts[0] if lone else ""), None


def _people(values: dict, idx: dict, texts: list[str], label: dict, several_departments: bool, memo: dict) -> None:
    """owners and departments (牵头/配合 words kept out of the names, noted in notes) and notes."""
    roles: list[str] = []
    for name in ("owners", "departments"):
        found: list[str] = []
        for i in idx.get(name, ()):
            if not texts[i]:
                continue
            split = memo.get(texts[i])
            if split is None:
                split = memo[texts[i]] = cells.split_people(texts[i])
            names, cell_roles = split
            found.extend(x for x in names if x not in found)
            roles.extend(cell_roles)
            if name == "departments" and several_departments and names and not cell_roles:
                roles.append(f"{label[i]}：{'、'.join(names)}")
        if found:
            values[name] = tuple(found)
    notes = [texts[i] for i in idx.get("notes", ()) if texts[i]]
    if notes or roles:
        values["notes"] = "；".join(notes + roles)


def _timing(values: dict, row: list, texts: list[str], first: dict, dl_is_deadline: bool, parse) -> None:
    """start, end, recurrence and deadline_text from 时间节点 and/or 开始/结束 columns (explicit columns win).

    A date under a 完成时限-like header is a deadline (no start) unless it says 前后 (that day); a period
    written in a lone 开始 or 结束 cell (全年, 第二季度, 每月) spans the whole period, while beside a
    时间节点 cell (下半年 | 年底前) it only gives its own end.
    """
    start = end = recurrence = None
    words = []
    i = first.get("deadline")
    if i is not None and texts[i]:
        day = cells.as_date(row[i])
        found = parse(day.isoformat() if day else texts[i])
        start, end, recurrence = found.start, found.end, found.recurrence
        if dl_is_deadline and found.kind == "date" and not _AROUND.search(texts[i]):
            start = None
        if found.kind != "blank":  # “—”, “无”: no deadline, not a deadline text
            words.append(day.isoformat() if day else texts[i])
    has_deadline_words = bool(words)
    given = {name: first[name] for name in ("start", "end")
             if name in first and texts[first[name]]}
    for name, i in given.items():
        cell_day = day = cells.as_date(row[i])
        if day is None:
            found = parse(texts[i])
            whole = len(given) == 1 and not has_deadline_words  # the only time cell: a period spans itself
            if whole and found.kind != "date" and (found.start or found.end):
                start, end, recurrence = found.start, found.end, found.recurrence or recurrence
                day = None
            else:
                day = (found.start or found.end) if name == "start" else (found.end or found.start)
        if day is not None:
            start, end = (day, end) if name == "start" else (start, day)
        if not has_deadline_words:
            words.append(cell_day.isoformat() if cell_day else texts[i])
    if start:
        values["start"] = start
    if end:
        values["end"] = end
    if recurrence:
        values["recurrence"] = recurrence
    if words:
        values["deadline_text"] = "至".join(words)


def _marks(values: dict, texts: list[str], periods: list) -> None:
    """A month or quarter grid row: from the first marked period to the last; words in the grid go to notes."""
    marked = [(first, last, name, texts[i]) for i, first, last, name in periods if texts[i]]
    if not marked:
        return
    if not values.get("start") and not values.get("end"):
        values["start"], values["end"] = min(m[0] for m in marked), max(m[1] for m in marked)
        if len(marked) == len(periods) and len(periods) in (4, 12) and "recurrence" not in values:
            values["recurrence"] = "monthly" if len(periods) == 12 else "quarterly"
    names = "、".join(m[2] for m in marked)
    values["deadline_text"] = "；".join(filter(None, (values.get("deadline_text"), names)))
    words = [f"{name}：{t}" for _, _, name, t in marked if t not in MARKS]
    if words:
        values["notes"] = "；".join(filter(None, (values.get("notes"), *words)))


# -- the tree ------------------------------------------------------------------------------------

@dataclass
class _Node:
    record: Record
    level: str
    section: str
    project: "_Node | None" = None  # outline parent
    id: str = ""


def assemble(sheets: list[tuple[str, list[Record]]], dimensions: tuple[str, ...], issues: list[Issue]) -> list[Item]:
    """Decide levels (category rows, outline numbers, 所属项目 columns), give unique ids and build the items."""
    nodes: list[_Node] = []
    section_rows: dict[str, Record] = {}
    for sheet, records in sheets:
        nodes.extend(_levels(records, section_rows, issues))
    section_ids = {name: f"S{k}" for k, name in enumerate(section_rows, 1)}
    used: dict[str, _Node] = {}
    projects = [x for x in nodes if x.level == "project"]
    prefixes = _project_ids(projects, section_ids, used, issues)
    project_of = {p.id: p for p in projects}
    by_ref: dict[str, str] = {}
    for p in projects:
        for ref in (p.id, p.record.raw_id, p.record.number, p.record.title):
            if ref:
                by_ref.setdefault(ref, p.id)
    counts: dict[str, int] = {}
    for node in nodes:
        if node.level != "task":
            continue
        rec = node.record
        if node.project:
            parent = node.project.id
        elif rec.parent_ref:
            parent = by_ref.get(rec.parent_ref, rec.parent_ref)
        else:
            parent = section_ids[node.section]
        counts[parent] = counts.get(parent, 0) + 1
        if rec.raw_id:
            cands = [rec.raw_id, f"{parent}.{rec.raw_id}"]
        elif rec.rank == cells.RANK_DOTTED:
            cands = [prefixes.get(rec.sheet, "") + rec.number]
        elif rec.number:
            cands = [f"{parent}.{rec.number}"] if node.project else [rec.number, f"{parent}.{rec.number}"]
        else:
            cands = [f"{parent}.{counts[parent]}"]
        node.id = _claim(cands, node, used, issues)
        node.project = node.project or project_of.get(parent)
        node.section = node.section or (node.project.section if node.project else "")
        node.record.parent_ref = parent

    items: list[Item] = []
    placed: set[str] = set()
    by_section: dict[str, tuple[str | None, str | None]] = {}  # (named, inferred) dimension of each section
    for node in nodes:
        rec = node.record
        if node.section and node.section not in placed:
            placed.add(node.section)
            srec = section_rows[node.section]
            own = srec.values if srec.kind == "section" else {}  # a category row's own 责任人 or 时限
            items.append(Item(id=section_ids[node.section], title=node.section, level="section",
                              section=node.section, source=Source(srec.sheet, srec.row), **own))
        if node.level == "section":
            continue
        values = dict(rec.values)
        if node.level == "project":
            parent = section_ids.get(node.section)
            if "dimension" not in values:
                if node.section not in by_section:
                    by_section[node.section] = named_dimension(node.section, dimensions), \
                        infer_dimension(node.section, dimensions)
                named, from_section = by_section[node.section]
                if named:  # a category named by its dimension (“高度：政治引领”) says it for every project in it
                    values.update(dimension=named, dimension_inferred=False)
                else:
                    dim = infer_dimension(rec.title, dimensions) or from_section
                    values.update(dimension=dim, dimension_inferred=dim is not None)
        else:
            parent = rec.parent_ref or None
        items.append(Item(id=node.id, title=rec.title, level=node.level, parent=parent, section=node.section,
                          source=Source(rec.sheet, rec.row), **values))
    return _without_cycles(items, section_ids, issues)


def _without_cycles(items: list[Item], section_ids: dict[str, str], issues: list[Issue]) -> list[Item]:
    """Parent links that lead back to the item (a row naming itself or a ring of 所属项目) are cut: the item
    goes under its section, with a warning naming the rows, so no view ever walks a cycle."""
    by_id = {item.id: item for item in items}
    out = []
    for item in items:
        seen = [item.id]
        parent = item.parent
        while parent in by_id and parent not in seen:
            seen.append(parent)
            parent = by_id[parent].parent
        if parent not in seen:
            out.append(item)
            continue
        ring = [by_id[i] for i in seen[seen.index(parent):]]
        rows = "、".join(f"第 {x.source.row} 行" for x in ring if x.source)
        why = "所属项目写的是它自己" if len(ring) == 1 else f"所属项目互相指向（{rows}）"
        home = section_ids.get(item.section)
        issues.append(Issue("warning", f"「{_excerpt(item.title)}」的{why}，已改为直接归入"
                                       f"{'板块「' + item.section + '」' if home else '计划'}。",
                            item.source.sheet if item.source else None, item.source.row if item.source else None,
                            hint="请在所属项目列填写它真正所属的项目编号。"))
        item = replace(item, parent=home, level=item.level if home else "project")  # no section: a project of its own
        by_id[item.id] = item
        out.append(item)
    return out


def _levels(records: list[Record], section_rows: dict[str, Record], issues: list[Issue]) -> list[_Node]:
    """Category rows open sections; a deeper outline number under a project makes a task of it."""
    out: list[_Node] = []
    current_section = ""
    project_rank: int | None = None
    project: _Node | None = None
    for rec in records:
        if rec.kind == "section":
            current_section = rec.title
            section_rows.setdefault(rec.title, rec)
            out.append(_Node(rec, "section", rec.title))
            project_rank, project = None, None
            continue
        section = rec.section or current_section
        if section and section not in section_rows:
            section_rows[section] = rec
        if project and section != project.section:
            project_rank, project = None, None
        if rec.parent_ref is not None:  # a task sheet: 所属项目 names the parent
            if rec.parent_ref or section:  # blank 所属项目 with a 板块: a task right under its section
                out.append(_Node(rec, "task", section))
                continue
            issues.append(Issue("warning", f"第 {rec.row} 行没有填写所属项目，已作为独立项目读取。", rec.sheet,
                                rec.row, hint="请填写它所属的项目编号。"))
            out.append(_Node(rec, "project", section))
            continue
        if project and (rec.rank == cells.RANK_DOTTED and "." in rec.number
                        or rec.rank is not None and project_rank is not None and rec.rank > project_rank):
            out.append(_Node(rec, "task", section, project))
            continue
        project = _Node(rec, "project", section)
        if rec.rank is not None and rec.rank != cells.RANK_DOTTED:
            project_rank = rec.rank if project_rank is None else min(project_rank, rec.rank)
        out.append(project)
    return out


def _project_ids(projects: list[_Node], section_ids: dict[str, str], used: dict[str, _Node],
                 issues: list[Issue]) -> dict[str, str]:
    """File numbers as ids; numbers restarting in every section get the section's number in front.

    A sheet numbered from 1 again after another sheet (党建工作, 党风廉政建设) is normal, not a duplicate:
    its ids get the sheet name in front (“党风廉政建设.1”). Returns that prefix per sheet.
    """
    by_sheet: dict[str, list[_Node]] = {}
    for p in projects:
        by_sheet.setdefault(p.record.sheet, []).append(p)
    serial = 0
    prefixes: dict[str, str] = {}
    for sheet, group in by_sheet.items():
        numbers = [p.record.raw_id or p.record.number for p in group if p.record.raw_id or p.record.number]
        scoped = {(p.section, p.record.raw_id or p.record.number) for p in group}
        restart = len(set(numbers)) < len(numbers) and len(scoped) == len(group)
        prefix = prefixes[sheet] = f"{sheet}." if not restart and any(n in used for n in numbers) else ""
        for p in group:
            own = p.record.raw_id or p.record.number
            if not own:
                serial += 1
                cands = [f"P{serial}"]
            elif restart and p.section:
                cands = [f"{section_ids[p.section][1:]}.{own}"]
            else:
                cands = [prefix + own]
            p.id = _claim(cands, p, used, issues)
    return prefixes


def _claim(cands: list[str], node: _Node, used: dict[str, _Node], issues: list[Issue]) -> str:
    for cand in cands:
        if cand not in used:
            used[cand] = node
            return cand
    base, k = cands[0], 2
    while f"{base}-{k}" in used:
        k += 1
    other = used[base].record
    issues.append(Issue("warning", f"编号「{base}」重复（与工作表「{other.sheet}」第 {other.row} 行相同），"
                                   f"本行改记为「{base}-{k}」。", node.record.sheet, node.record.row,
                        hint="请给每个项目、任务不同的编号。"))
    used[f"{base}-{k}"] = node
    return f"{base}-{k}"

