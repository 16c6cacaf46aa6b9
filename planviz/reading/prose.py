"""Word plans in outline prose (一、（一）1.（1）① 一是…) and their tables → sheets for plan_from_sheets → a Plan."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import cells, inline
from ..dates import find_year, parse_deadline
from .docx import PROSE_SHEET, Document, Para, Place, Table, cn_numeral, relocate, relocate_header_error
from .headers import HEADER_SCAN_ROWS, field_of
from ..model import HeaderError, Issue, Plan, PlanError
from .readers import _PARTY_BODY, RawSheet, _organization_from, plan_from_sheets
from .rows import _DATE_LINE, _FOOTNOTE, _SIGNATURE

# Headings whose text is the plan's own words about itself, kept as plan text (Plan.meta), not work items.
_META = re.compile(r"^(指导思想|总体要求|总体思路|工作思路|基本思路|工作目标|总体目标|主要目标|目标要求|基本原则|工作原则|"
                   r"保障措施|工作保障|组织保障|工作要求|有关要求|相关要求|组织领导|工作机制|背景|前言)"
                   r"(?=$|[:：。，,\s（(和及与])")
# “三、重点任务” over （一）（二）…: a wrapper, its children are the plan's sections.
_WRAPPER = re.compile(r"^(?:(?:19|20)\d{2}年)?(?:年度)?(?:主要|重点|具体|核心|年度)?(?:工作)?"
                      r"(?:任务|工作|措施|举措|安排|内容|重点|工作任务)(?:[及和与](?:措施|举措|分工|安排|责任分工))?(?:安排|清单)?$")
_SIGNED = re.compile(r"[^：:，,。]{0,12}(书记|负责人|联系人|委员|主任|审核|制表)[:：]\s*[^：:，,。]{0,12}")  # 党支部书记：杨帆
_ORDINAL = re.compile(r"^\s*第[一二三四五六七八九十]{1,3}[，,、]\s*")  # 第一，加强… (the outline's own words)
_OTHER_TABLE = re.compile(r"姓名|职务|职称|电话|手机|邮箱|签字|签名|盖章|日期")
_TITLE_WORDS = re.compile(r"计划|要点|安排|方案|清单|分解表|台账|任务表")
_UNIT_LINE = re.compile(r"^(?:填报|报送|制定)?(?:单位|党组织|组织名称|支部名称)[:：]\s*(\S+)")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?")
_ENUM = re.compile(r"(?:^|(?<=[。；;，,：:]))\s*([一二三四五六七八九十]{1,3})是[，,：:]?")  # 一是…二是…
_INLINE_NUM = re.compile(r"(?:^|(?<=[。；;：:]))\s*(\d{1,2})[.．、](?!\d)")  # “主要内容：1.研究…；2.分析…”
_INLINE_PAREN = re.compile(r"(?:^|(?<=[。；;：:，,]))\s*[（(](\d{1,2})[)）]")
_INLINE_CIRCLED = re.compile(r"(?:^|(?<=[。；;：:，,]))\s*([①②③④⑤⑥⑦⑧⑨⑩])")
_ENUMERATIONS = ((_ENUM, cells.cn_number), (_INLINE_NUM, int), (_INLINE_PAREN, int),
                 (_INLINE_CIRCLED, lambda c: "①②③④⑤⑥⑦⑧⑨⑩".index(c) + 1))

_DETAIL_CLAUSE = re.compile(r"由.{2,16}负责")  # a clause saying who: a sentence of work


@dataclass
class _Node:
    """One outline entry: a numbered paragraph, an unnumbered one inside the outline, or one 一是… part."""

    para: Para
    depth: int
    text: str  # without its number
    numbered: bool
    children: list["_Node"] = field(default_factory=list)

    @property
    def heading_like(self) -> bool:
        """A short heading (加强政治建设) rather than a sentence of work: it names a group when it has children."""
        clean = inline.fields(self.text)[0]  # “一、政治建设（责任领导：王书记）” is still a heading
        head, _, rest = inline.first_sentence(clean)
        return len(head) <= inline.SHORT_TITLE and not rest.strip() and not _DETAIL_CLAUSE.search(clean)

    @property
    def category(self) -> bool:
        """A heading with work under it: a section of the plan (an owner or time it names is kept as its detail)."""
        return self.heading_like and bool(self.children)


def plan_from_document(document: Document, name: str, year: int | None, column_map: dict[str, str]) -> Plan:
    """Tables through the sheet logic, the outline as one more sheet; locations named by table row or paragraph."""
    reader = _Reader(document, column_map)
    sheets, places, details = reader.sheets()
    if not sheets:
        raise PlanError(f"文档「{name}」中没有找到计划内容：既没有含“工作内容”“责任人”“完成时限”等表头的表格，"
                        f"也没有“一、”“（一）”“1.”这样编号的工作条目。请按这样的格式整理后再上传。")
    doc_year = year or find_year(reader.title) or reader.lead_year()
    try:
        plan = plan_from_sheets(sheets, name, doc_year, column_map)
    except HeaderError as error:
        raise relocate_header_error(error, places) from None
    plan = relocate(plan, places, details)
    organization = reader.organization or plan.organization
    meta = tuple(reader.meta) + plan.meta
    issues = list(plan.issues) + reader.issues
    issues.sort(key=lambda i: (i.table or 0, i.row or 0) if i.table else (0, i.paragraph or 0))
    return plan.replace(title=reader.title or plan.title, organization=organization, meta=meta,
                        issuer=reader.issuer, approved_on=reader.approved_on).with_issues(issues)


class _Reader:
    """One pass over the document's blocks: title lines, meta text, the outline and the tables."""

    def __init__(self, document: Document, column_map: dict[str, str]):
        self.blocks = list(document.blocks)
        self.column_map = column_map  # the user's own column names: their table is a plan table
        self.title = self.organization = self.issuer = ""
        self.approved_on = None
        self.lead_lines: list[str] = []
        self.meta: list[tuple[str, str]] = []
        self.issues: list[Issue] = []

    def lead_year(self) -> int | None:
        """The year in a 年度 line over the table; a 填报日期 (late in the year before) is a last resort."""
        dated = [t for t in self.lead_lines if find_year(t)]
        ranked = sorted(dated, key=lambda t: (0 if "年度" in t else 2 if re.search("填报|日期|时间|印发", t) else 1))
        return find_year(ranked[0]) if ranked else None

    # -- the sheets ------------------------------------------------------------------------------
    def sheets(self) -> tuple[list[RawSheet], dict, dict]:
        tables = self.table_sheets()
        roots = self.outline(has_tables=bool(tables))
        sheets, places = [], {}
        for sheet, sheet_places in tables:
            sheets.append(sheet)
            places[sheet.name] = sheet_places
        details: dict[tuple[str, int], str] = {}
        if roots:
            rows, prose_places, prose_details = _outline_rows(roots)
            prose = RawSheet(PROSE_SHEET, rows)
            first_para = roots[0].para.number
            first_table = min((p.table for _, ps in tables for p in ps.values()), default=None)
            before = first_table is None or self._before_table(first_para, first_table)
            sheets.insert(0 if before else len(sheets), prose)
            places[PROSE_SHEET] = prose_places
            details.update({(PROSE_SHEET, r): d for r, d in prose_details.items()})
        return sheets, places, details

    def _before_table(self, paragraph: int, table: int) -> bool:
        for block in self.blocks:
            if isinstance(block, Para) and block.number == paragraph:
                return True
            if isinstance(block, Table) and block.number == table:
                return False
        return True

    def table_sheets(self) -> list[tuple[RawSheet, dict[int, Place]]]:
        """Plan-like tables as sheets (a table continued on the next page joined to it); others noted and left."""
        groups: list[list[Table]] = []
        previous = None
        for block in self.blocks:
            if isinstance(block, Table):
                if previous is not None and groups and _continues(groups[-1], block, self.column_map):
                    groups[-1].append(block)
                else:
                    groups.append([block])
            previous = block if isinstance(block, Table) else None
        plan_like = [g for g in groups if _plan_like(g[0], self.column_map)]
        if not plan_like and groups and not self._numbered_paragraphs():
            plan_like = [max(groups, key=lambda g: sum(len(t.rows) for t in g))]  # let the header check speak
        out = []
        for group in groups:
            first = group[0]
            if group not in plan_like:
                sample = "｜".join(c for c in (first.rows[0] if first.rows else ()) if c)[:30]
                self.issues.append(Issue("info", f"表 {first.number} 不像工作计划表（如签字栏、通讯录），未作为计划读取"
                                                 + (f"：「{sample}」" if sample else "。"), table=first.number,
                                         hint="如其中有计划内容，请给表格加上“工作内容”“责任人”“完成时限”等表头。"))
                continue
            rows, merges, sheet_places = [], [], {}
            for table in group:
                skip = _repeated_header(first, table) if table is not first else 0
                if skip:
                    self.issues.append(Issue("info", f"表 {table.number} 接续表 {first.number}（跨页续表），"
                                                     f"其前 {skip} 行是重复的表头，未作为工作项读取。",
                                             table=table.number, row=1))
                offset = len(rows) - skip
                rows.extend(list(r) for r in table.rows[skip:])
                merges.extend((a + offset, b, c + offset, d) for a, b, c, d in table.merges if a >= skip)
                for r in range(skip, len(table.rows)):
                    sheet_places[offset + r + 1] = Place(table=table.number, row=r + 1)
            out.append((RawSheet(f"表 {first.number}", rows, tuple(merges)), sheet_places))
        return out

    def _numbered_paragraphs(self) -> bool:
        return any(isinstance(b, Para) and _marker(b)[0] is not None for b in self.blocks)

    # -- the outline -----------------------------------------------------------------------------
    def outline(self, has_tables: bool) -> list[_Node]:
        """Title and lead lines, meta blocks, signatures; the rest as a tree of outline nodes."""
        stack: list[tuple] = []  # marker keys of the open outline levels, shallowest first
        roots: list[_Node] = []
        path: list[_Node] = []  # the open node at each depth
        meta_depth: int | None = None  # inside a 指导思想/保障措施 block opened at this depth
        started = False
        loose: list[Para] = []  # unnumbered paragraphs outside any outline: lead text, captions
        last: _Node | None = None  # the node made from the block just before
        for para in self.blocks:
            if isinstance(para, Table):
                if last is not None and last.numbered and last.heading_like and not last.children and path:
                    # “二、年度工作安排” over a table: the table's caption, not a piece of work
                    del path[-1]
                    (path[-1].children if path else roots).remove(last)
                    self.meta.append((f"表 {para.number}", last.text))
                last = None
                continue
            last = None
            key, rest = _marker(para)
            if started and key is None and path and meta_depth is None and inline.only_fields(para.text):
                path[-1].text += f"（{para.text}）"  # “负责人：张伟　时间：每月” on the line under its item
                continue
            if self.signature(para, started, meta_depth is not None):
                continue
            if key is not None and key[0] == "heading" and not started and _title_like(para.text):
                key = None  # the title in a heading style (标题 1) or as a 通知 over the plan
            if key is not None:
                while key in stack and stack[-1] != key:
                    stack.pop()
                if key not in stack:
                    stack.append(key)
                depth = stack.index(key)
                if meta_depth is not None and depth <= meta_depth:
                    meta_depth = None
                if meta_depth is not None:
                    self._meta_text(para.text)
                    continue
                if _META.match(rest):
                    meta_depth = depth
                    self._meta_open(rest)
                    continue
                started = True
                node = _Node(para, depth, rest, True)
            else:
                if meta_depth is not None:
                    self._meta_text(para.text)
                    continue
                if not started:
                    loose.append(para)
                    continue
                if _ATTACHMENT.match(para.text) or _FOOTNOTE.match(para.text):
                    self.meta.append(("附件" if _ATTACHMENT.match(para.text) else "注", para.text))
                    continue
                parent = path[-1] if path else None
                depth = parent.depth + 1 if parent and parent.heading_like else (parent.depth if parent else 0)
                node = _Node(para, depth, para.text, False)
                self.unnumbered(para)
            del path[depth:]
            (path[-1].children if path else roots).append(node)
            path.append(node)
            last = node
        items_from_lead = self.lead(loose, has_tables or bool(roots))
        roots.extend(_Node(p, 0, p.text, False) for p in items_from_lead)
        return _flatten_wrappers(roots)

    def signature(self, para: Para, started: bool, in_meta: bool) -> bool:
        """落款 (the organization alone, the date alone) and 签字 lines: issuer and approval date, noted.

        Inside 保障措施 and the like, “组长：王书记” is the plan's own text: only the 落款 ends it."""
        text = para.text
        if _UNIT_LINE.match(text):
            return False  # “填报单位：…” over a table names the organization
        if started and _PARTY_BODY.fullmatch(text.removeprefix("中共").strip()) and not _marker(para)[0]:
            self.issuer = self.issuer or text
        elif started and _DATE_LINE.match(text) and len(text) <= 16:
            found = parse_deadline(text, find_year(text) or 2000)
            self.approved_on = self.approved_on or found.end
        elif in_meta or not (_SIGNATURE.search(text) and len(text) <= 40 and (re.search("[:：（(]", text) or len(text) <= 8)
                             or _SIGNED.fullmatch(text)):
            return False  # “审核发展对象材料” starts like a 审核 line but is work
        self.issues.append(Issue("info", f"这一段是落款或签字栏，未作为工作项读取：「{text[:24]}」",
                                 paragraph=para.number))
        return True

    def lead(self, loose: list[Para], has_items: bool) -> list[Para]:
        """Lines before the outline: title, unit and year lines, captions; a preamble kept as plan text.

        With no outline and no plan table they are the only content: each becomes an item (noted)."""
        items = []
        for para in loose:
            text = para.text
            self.lead_lines.append(text)
            unit = _UNIT_LINE.match(text)
            if unit:
                self.organization = self.organization or re.sub(r"[(（](盖章|公章)[)）]", "", unit.group(1))
            elif not self.title and _title_like(text) and not _ATTACHMENT.fullmatch(text):
                title = _ATTACHMENT.sub("", text).strip()
                inner = re.search(r"《([^》]+)》", title)
                if inner and re.search("通知|意见|决定", title) and _TITLE_WORDS.search(inner.group(1)):
                    title = inner.group(1)  # 关于印发《…工作要点》的通知: the plan is the 《》 part
                org_line = next((t for t in self.lead_lines[:-1] if _PARTY_BODY.fullmatch(t.removeprefix("中共"))), "")
                self.title = title if not org_line or org_line in title else org_line + title
                self.organization = self.organization or _organization_from(self.title) or org_line
            elif _PARTY_BODY.fullmatch(text.removeprefix("中共")):
                self.organization = self.organization or text  # the organization's line over or under the title
            elif _ATTACHMENT.fullmatch(text):
                continue  # “附件1” alone: the caption follows
            elif re.fullmatch(r"[(（][^()（）]*(通过|印发|修订|制定)[^()（）]*[)）]", text):
                self.meta.append(("说明", text.strip("（）()")))  # （2026年1月8日支部委员会审议通过）
                day = re.search(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", text)
                if day and "通过" in text:
                    self.approved_on = self.approved_on or parse_deadline(day.group(0), 2000).end
            elif _FOOTNOTE.match(text):
                self.meta.append(("注", text))
            elif _META.match(text):
                key = _META.match(text).group(1)
                self.meta.append((key, re.sub(r"^[^：:]*[:：]", "", text, count=1).strip() or text))
            elif has_items or len(text) > 120:
                self.meta.append(("前言", text))
            else:
                items.append(para)
                self.unnumbered(para)
        return items

    def unnumbered(self, para: Para) -> None:
        self.issues.append(Issue("info", f"这一段没有编号，已作为一项工作读取：「{para.text[:24]}」",
                                 paragraph=para.number, hint="如这段不是工作项，请在文档中删去或改写为说明文字。"))

    def _meta_open(self, heading: str) -> None:
        key = _META.match(heading).group(1)
        rest = heading[len(key):].lstrip("：:。，, ").strip()
        self.meta.append((key, rest))

    def _meta_text(self, text: str) -> None:
        key, value = self.meta[-1]
        self.meta[-1] = (key, f"{value}\n{text}" if value else text)


# -- outline → rows --------------------------------------------------------------------------------

_HEADER = ["序号", "工作内容", "责任人", "责任部门", "完成时限", "目标", "成果形式", "评估标准"]
_ELEMENT_FIELDS = ("goal", "deliverable", "criteria")  # the last three columns, kept only when the text names them


def _outline_rows(roots: list[_Node]) -> tuple[list[list[str]], dict[int, Place], dict[int, str]]:
    """The outline as table rows (sections, projects, tasks), the paragraph of each row and each row's detail.

    The 序号 cell carries the level: 一 for a section, (一) for a project, 1 for a task, so that the
    sheet logic builds the same section → project → task tree and ids as for a spreadsheet.
    """
    rows: list[list[str]] = [list(_HEADER)]
    places: dict[int, Place] = {}
    details: dict[int, str] = {}

    def emit(node: _Node, number: str, section: bool = False) -> None:
        title, detail, owners, departments, deadline, elements = _item_text(node)
        said = dict(elements)
        cells = [owners, departments, deadline] + [said.get(f, "") for f in _ELEMENT_FIELDS]
        if section:  # a category row holds no owner or time: they stay readable as its detail
            detail = "；".join([detail] * bool(detail) + [f"{label}：{value}" for label, value in
                                                         zip(_HEADER[2:], cells) if value])
            cells = [""] * len(cells)
        rows.append([number, title] + cells)
        places[len(rows)] = Place(paragraph=node.para.number)
        if detail:
            details[len(rows)] = detail

    def tasks(nodes: list[_Node], counter: list[int]) -> None:
        for node in nodes:
            counter[0] += 1
            emit(node, str(counter[0]))
            tasks(node.children, counter)

    roots = _expanded(roots)
    groups = [r for r in roots if r.category]
    sectioned = len(groups) >= max(1, len(roots) // 2)
    k_section = k_project = 0
    for root in roots:
        if sectioned and root.category:
            k_section += 1
            emit(root, cn_numeral(min(k_section, 99)), section=True)
            for k, project in enumerate(root.children, 1):
                emit(project, f"({cn_numeral(min(k, 99))})")
                tasks(project.children, [0])
            continue
        k_project += 1
        emit(root, f"({cn_numeral(min(k_project, 99))})")
        tasks(root.children, [0])
    if not any(any(row[5:]) for row in rows[1:]):
        rows = [row[:5] for row in rows]  # no 目标/成果/标准 anywhere: the sheet note says so once
    return rows, places, details


def _expanded(nodes: list[_Node]) -> list[_Node]:
    """The tree with paragraphs that run 一是…二是… (1.…2.…, (1)…(2)…, ①…②…) split into one node per part,
    a lead clause before the parts keeping them as its children. A schedule line (“3月份：召开…；开展…”)
    gives its month to each of its parts, a month heading (“四月份”) to each item under it."""
    out: list[_Node] = []
    for node in nodes:
        when = ""
        label = inline.TIME_LABEL.match(node.text)
        if label and node.text[label.end():].strip():
            when, node.text = label.group(1), node.text[label.end():].strip()
        elif inline.TIME.fullmatch(node.text.strip(" ：:")) and node.children:
            for child in node.children:
                child.text = _timed(child.text, node.text.strip(" ：:"))
        node.children = _expanded(node.children)
        parts = _enumeration(node.text)
        if parts is None and when and re.search("[；;]", node.text):
            parts = "", [p.strip(" 。") for p in re.split("[；;]", node.text) if p.strip(" 。")]
        if not parts:
            node.text = _timed(node.text, when) if when else node.text
            out.append(node)
            continue
        lead, pieces = parts
        children = [_Node(node.para, node.depth + 1, _timed(piece, when) if when else piece, True) for piece in pieces]
        if lead:
            node.text = _timed(lead, when) if when else lead
            node.children = children + node.children
            out.append(node)
        else:
            children[-1].children.extend(node.children)
            out.extend(children)
    return out


def _timed(text: str, when: str) -> str:
    """``text`` with a time it does not say itself (the month of a 月度安排 line) put in brackets."""
    return text if inline.fields(text)[3] else f"{text}（{when}）"


def _enumeration(text: str) -> tuple[str, list[str]] | None:
    """(lead, parts) when the text runs 一是…二是… (or 1.…2.…) counting up from one; None otherwise."""
    for pattern, value in _ENUMERATIONS:
        marks = [m for m in pattern.finditer(text)]
        if len(marks) < 2:
            continue
        numbers = [value(m.group(1)) for m in marks]
        if numbers != list(range(1, len(marks) + 1)):
            continue
        lead = text[:marks[0].start()].strip(" ：:，,。；;")
        pieces = [text[m.end():(marks[k + 1].start() if k + 1 < len(marks) else len(text))].strip(" ；;，,。")
                  for k, m in enumerate(marks)]
        tail = re.search(rf"[。；;]\s*((?:{inline.KEY})\s*[:：].*)$", pieces[-1])
        if lead and tail:  # “…；（2）…。责任人：苏明 完成时限：全年” is said of the whole paragraph
            pieces[-1] = pieces[-1][:tail.start()]
            lead = f"{lead}（{tail.group(1)}）"
        return lead, [p for p in pieces if p]
    return None


def _flatten_wrappers(roots: list[_Node]) -> list[_Node]:
    """“三、重点任务” holding （一）（二）…: its children take its place."""
    out: list[_Node] = []
    for node in roots:
        if node.numbered and _WRAPPER.match(node.text.strip("。：: ")) and node.children:
            out.extend(node.children)
        else:
            out.append(node)
    lone = [n for n in out if n.children]
    if len(out) == 1 and lone and lone[0].heading_like and any(c.children for c in lone[0].children):
        return lone[0].children  # the one heading over everything (三、聚焦五项任务), whatever its words
    return out


def _item_text(node: _Node) -> tuple[str, str, str, str, str, tuple]:
    """(title, detail, owners, departments, deadline, other elements) of one node's text; clauses that only
    say who or when (由李娜负责, 于6月30日前完成) are left out of the title: the owner and deadline hold them."""
    clean, owners, departments, deadline, elements = inline.fields(node.text)
    clauses = re.split(r"(?<=[，,；;。])", clean)
    kept = "".join(c for c in clauses if not inline.WHO_OR_WHEN.fullmatch(c.strip(" ，,；;。"))).strip(" ，,；;")
    head, _, rest = inline.first_sentence(kept or clean)
    return head or clean[:inline.MAX_TITLE], rest.strip(), owners, departments, deadline, elements


def _title_like(text: str) -> bool:
    """A plan title line: short, no full stop, naming a plan (计划, 要点 …) or a year."""
    return len(text) <= 80 and not text.endswith(("。", "；", "：", ":")) \
        and bool(_TITLE_WORDS.search(text) or find_year(text) and _PARTY_BODY.search(text)) and not _META.match(text)


def _marker(para: Para) -> tuple[tuple | None, str]:
    """(outline key, text after the number): the numbering style decides the level, as in Word's outline."""
    if inline.TIME_LABEL.match(para.text) or inline.TIME.fullmatch(para.text.strip(" ：:")):
        return ("time",), para.text  # a 月度安排: “3月份：…” lines and “四月份” headings are its outline
    ordinal = _ORDINAL.match(para.text)
    if ordinal:
        return ("ordinal",), para.text[ordinal.end():].strip()
    rank, number, rest = cells.numbering(para.text)
    if rank is not None:
        return (("dotted", number.count(".")) if rank == cells.RANK_DOTTED else ("rank", rank)), rest
    if para.heading is not None:
        return ("heading", para.heading), para.text
    if para.bullet:
        return ("bullet",), para.text
    return None, para.text


def _continues(group: list[Table], table: Table, column_map: dict[str, str]) -> bool:
    """A table right after another, as wide, repeating its header row or starting without one: the same table."""
    first = group[0]
    if not table.rows or not first.rows or len(table.rows[0]) != len(first.rows[0]):
        return False
    return table.rows[0] in first.rows[:3] or not _plan_like(table, column_map) and not any(
        field_of(c) or _OTHER_TABLE.search(c) for c in table.rows[0] if c)  # a contact list is not a continuation


def _repeated_header(first: Table, table: Table) -> int:
    """How many leading rows of a continued table repeat the first table's header rows."""
    k = 0
    while k < min(len(table.rows), len(first.rows), 4) and table.rows[k] == first.rows[k]:
        k += 1
    return k


def _plan_like(table: Table, column_map: dict[str, str]) -> bool:
    """A header naming the work (工作内容, 重点任务 …) and one more known column, or a column the user mapped."""
    for row in table.rows[:HEADER_SCAN_ROWS]:
        if column_map and any(c in column_map for c in row if c):
            return True
        fields = [field_of(c) for c in row if c]
        if "title" in fields and len([f for f in fields if f]) >= 2:
            return True
    return False
