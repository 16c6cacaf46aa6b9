"""Column roles from header words and cell content together: what each column of a plan sheet holds."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from . import cells
from .cells import text
from ..dates import CN_NUMERALS, cn_number, month_span, parse_deadline
from .headers import Column, Header, field_of, header_key, is_not_field
from ..vocab import PEOPLE_SPLIT

SAMPLE = 200  # data rows looked at per column: enough to judge, cheap on 10,000-row plans
TIME_FIELDS = ("deadline", "start", "end")
MARKS = set("●○◎◉•·✓√✔☑✅★☆▲△■□◆◇▶►※✗×Xx") | {"是", "有", "开展", "√√"}
_MONTH = re.compile(rf"^(\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})月份?$")
_QUARTER = re.compile(rf"^(?:第)?([1-4一二三四])季度?$|^Q([1-4])$", re.I)
_NUMBER_ONLY = re.compile(r"^\d{1,2}$")
_PERIOD_PARENT = re.compile(r"月份|月度|时间|进度|安排|计划|节点")  # 月份 merged over 1 | 2 | … | 12
_DEPARTMENT = re.compile(r"(部|办|室|处|科|局|委|会|中心|支部|总支|小组|组|队|院|所|站|馆|单位|公司|车间|党委|各.+)$")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
# The commonest surnames (about nine in ten people): “强基固本” is four characters but no one's name.
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
                "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
                "常温康施牛樊葛邢乔庞颜倪庄聂章鲁岳翟殷詹耿焦俞柳祝舒阮柯凌毕霍涂苗盛翁骆蓝辛柴鲍喻祁房滕屈饶艾"
                "尤穆卓简车项连麦褚娄窦戚岑冷晏卫米柏瞿桂佟臧闵邬卞姬仇栾隋刁沙荣巫寇桑郎甄仲虞敖巩佘池查麻苑迟"
                "邝谈匡鞠惠荆冀郁胥储栗燕楚鄢谌奚皮粟冼蔺楼厉仝郜阚屠豆朴漆巴卿狄晋扈晁芮阙浦戈伏鹿薄邸雍辜羊裘"
                "亓邰赫杭逯茹慕亢嵇湛戎茅於檀昝")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐")
_PROBE_YEAR = 2024  # what kind of time a cell names does not depend on the year; roles are settled before it is known


@dataclass(frozen=True)
class Evidence:
    """What the cells of one column hold, as shares of its non-empty cells."""

    filled: int  # non-empty cells among the sampled rows
    dated: float  # parse as a date, deadline, period or rhythm
    people: float  # lists of 2–4 character names
    departments: float  # names ending like a unit (部, 办, 支部, 中心 …)
    percent: float
    status: float
    marks: float  # ● ✓ √ and the like
    numbered: float  # outline numbers alone (1, 1.2, 一, （一）)
    length: float  # mean length of the texts
    distinct: float  # distinct values / filled
    repeated: float  # share of filled cells equal to the cell above (merged or copied down)


def period_of(label: str, year: int) -> tuple[date, date, str] | None:
    """(first day, last day, name) of a month or quarter column header (“3月”, “月份/3”, “二季度”, “Q2”)."""
    parts = [p for p in label.replace("／", "/").split("/") if p]
    last = header_key(parts[-1]) if parts else ""
    m = _MONTH.match(last)
    if m is None and len(parts) > 1 and _NUMBER_ONLY.match(last) and _PERIOD_PARENT.search(parts[0]):
        m = re.match(r"(\d+)", last)
    if m:
        month = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
        if 1 <= month <= 12:
            first, end = month_span(year, month)
            return first, end, f"{month}月"
        return None
    q = _QUARTER.match(last)
    if q:
        n = q.group(1) or q.group(2)
        n = int(n) if n.isdigit() else cn_number(n)
        return date(year, 3 * n - 2, 1), month_span(year, 3 * n)[1], f"第{'一二三四'[n - 1]}季度"
    return None


def evidence(rows: list, col: int, first_row: int, year: int = _PROBE_YEAR) -> Evidence:
    """Measure one column over the first SAMPLE data rows."""
    values = []
    previous = None
    repeated = 0
    for row in rows[first_row:first_row + SAMPLE]:
        value = row[col] if col < len(row) else None
        t = text(value)
        if not t:
            continue
        if t == previous:
            repeated += 1
        previous = t
        values.append((value, t))
    n = len(values)
    if not n:
        return Evidence(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    dated = people = departments = percent = status = marks = numbered = 0
    length = 0
    seen: dict[str, tuple[int, ...]] = {}  # plans repeat their cells (每月, 张三): each text is judged once
    for value, t in values:
        length += len(t)
        day = cells.as_date(value)
        if day or isinstance(value, float) and 0 < value < 1:  # a date cell, or a fraction formatted as 35%
            dated += day is not None
            percent += day is None
            continue
        found = seen.get(t)
        if found is None:
            found = seen[t] = _judge(t, year)
        marks += found[0]
        numbered += found[1]
        dated += found[2]
        status += found[3]
        percent += found[4]
        people += found[5]
        departments += found[6]
    return Evidence(n, dated / n, people / n, departments / n, percent / n, status / n, marks / n, numbered / n,
                    length / n, len({t for _, t in values}) / n, repeated / n)


def _judge(t: str, year: int) -> tuple[int, ...]:
    """(mark, numbered, dated, status, percent, people, departments) of one cell text, each 0 or 1."""
    if t in MARKS:
        return 1, 0, 0, 0, 0, 0, 0
    numbered = int(cells.id_numbering(t)[0] is not None)
    if len(t) <= 24 and parse_deadline(t, year).kind not in ("unreadable", "blank"):
        return 0, numbered, 1, 0, 0, 0, 0  # 每季度, 全年: times, not names
    status = int(cells.normalize_status(t)[1] and len(t) <= 6)
    percent = int(bool(re.search("[%％]", t)) and len(t) <= 8 and cells.parse_progress(t)[0] is not None)
    people = departments = 0
    parts = [p.strip() for p in PEOPLE_SPLIT.split(t) if p.strip()]
    if parts and len(t) <= 40:
        names = [cells.split_people(p)[0] for p in parts]
        people = int(all(_is_name(n[0] if n else p) for n, p in zip(names, parts)))
        departments = int(all(_DEPARTMENT.search(re.sub(r"[(（].*?[)）]", "", p)) for p in parts))
    return 0, numbered, 0, status, percent, people, departments


def _is_name(word: str) -> bool:
    """A person's name as plans write it: 2–4 Chinese characters under a common surname (张三, 欧阳娜娜)."""
    return bool(_NAME.match(word)) and (word[0] in _SURNAMES or word.startswith(_COMPOUND_SURNAMES))


def _coarser(coarse: Evidence, fine: Evidence) -> bool:
    """True when the first column repeats over runs of the second: projects over their tasks."""
    if coarse.filled < 2 or fine.filled < 2 or coarse.distinct * coarse.filled >= fine.distinct * fine.filled:
        return False
    return coarse.repeated >= 0.2 or coarse.filled <= 0.7 * fine.filled  # merged or copied down, or written once


def assign(header: Header, rows: list, column_map: dict[str, str] | None = None) -> Header:
    """The header with each column's role settled from its header word and its cells, and a confidence."""
    mapped = column_map or {}
    data = header.row + 1
    ev = {c.index: evidence(rows, c.index, data) for c in header.columns}
    cols = {c.index: c for c in header.columns}
    by_hand = {c.index for c in header.columns
               if c.label in mapped or header_key(c.label) in mapped}

    def has(field: str) -> bool:
        return any(c.field == field for c in cols.values())

    def put(index: int, field: str | None, confidence: float) -> None:
        cols[index] = replace(cols[index], field=field, confidence=round(confidence, 2))

    # header words first: an exact synonym is surer than a word found inside a longer header
    for c in header.columns:
        if c.index in by_hand:
            put(c.index, c.field, 1.0)
        elif c.field:
            exact = field_of(c.label.split("/")[-1]) == c.field and len(header_key(c.label)) <= 6
            put(c.index, c.field, _agreement(c.field, ev[c.index], 0.9 if exact else 0.7))
        else:
            put(c.index, None, 0.5)
    free = [c.index for c in header.columns if c.index not in by_hand]

    # month and quarter grids (挂图作战): one column per period, marks or words where the work happens
    periods = {i: period_of(cols[i].label, _PROBE_YEAR) for i in free}
    grid = [i for i, p in periods.items() if p and cols[i].field in (None, *TIME_FIELDS, "notes")]
    if len(grid) >= 3:
        for i in grid:
            put(i, "marks", 0.9 if ev[i].marks >= 0.5 or not ev[i].filled else 0.75)

    # columns the header does not name: their cells decide, for roles nobody else holds (time columns
    # only when no header names a time; two of them are then ordered below)
    named_time = any(cols[i].field in TIME_FIELDS for i in cols)
    for i in free:
        c, e = cols[i], ev[i]
        if c.field or not e.filled or is_not_field(c.label):
            continue
        guess = _from_content(e, i == min(cols), has, named_time)
        if guess:
            field, confidence = guess
            put(i, field, confidence)

    # two time columns: start and end when one follows the other (计划开始 | 计划完成); when one lies
    # inside the other (月份 “1月” beside 活动时间 “1月中旬”) the narrower is the time, the wider kept as written
    timed = [i for i in sorted(cols) if i not in by_hand and (cols[i].field in TIME_FIELDS or cols[i].field is None
                                                              and field_of(cols[i].label) in TIME_FIELDS)]
    if len(timed) == 2 and {cols[i].field for i in timed} != {"start", "end"}:
        first, second = timed
        order = _order(rows, first, second, data)
        if order == "follows":
            put(first, "start", 0.8)
            put(second, "end", 0.8)
        elif order in ("inside", "around"):
            narrow, wide = (second, first) if order == "inside" else (first, second)
            put(narrow, "deadline", 0.75)
            put(wide, None, 0.6)

    # a title column repeated over a finer text column: the coarser names the project, the finer its tasks
    titles = [i for i in sorted(cols) if cols[i].field == "title"]
    if titles and not has("section"):  # an unnamed text column left of the titles, repeated over them: 板块
        coarse = next((i for i in sorted(cols) if i < titles[0] and cols[i].field is None and i in free
                       and not is_not_field(cols[i].label) and ev[i].dated < 0.5 and ev[i].people < 0.5
                       and ev[i].numbered < 0.5 and _coarser(ev[i], ev[titles[0]])), None)
        if coarse is not None:
            put(coarse, "section", 0.6)
    if len(titles) == 1:
        t = titles[0]
        finer = next((i for i in sorted(cols) if i > t and cols[i].field is None and i in free
                      and not is_not_field(cols[i].label) and ev[i].length >= 6 and ev[i].dated < 0.5
                      and _coarser(ev[t], ev[i])), None)
        if finer is not None:
            put(finer, "title", 0.7)
    elif len(titles) >= 2:  # 重点任务 | 具体措施: projects over their measures, else the second says more of the same work
        first, second = titles[:2]
        if not grouped(rows, data, first, second):
            put(second, "detail", 0.6)
        for extra in titles[2:]:
            put(extra, "detail", 0.5)
    elif not titles:
        texts = [i for i in free if cols[i].field is None and ev[i].length >= 6 and ev[i].dated < 0.5
                 and not is_not_field(cols[i].label)]
        if texts:
            best = max(texts, key=lambda i: (ev[i].length * ev[i].distinct, -i))
            put(best, "title", 0.6)
    return replace(header, columns=tuple(cols[i] for i in sorted(cols)))


def _span(value, t: str) -> tuple[date, date, bool] | None:
    """(first day, last day, open) of a time cell; open: a deadline (…前) with no start of its own."""
    day = cells.as_date(value)
    if day:
        return day, day, False
    found = parse_deadline(t, _PROBE_YEAR)
    if found.end is None:
        return None
    return found.start or found.end, found.end, found.start is None


def _order(rows: list, first: int, second: int, data: int) -> str | None:
    """How the spans of two time columns relate on most rows: "follows" (the second ends later, 开始 | 完成),
    "inside" (the second lies within the first), "around" (the first lies within the second), or None."""
    counts = {"follows": 0, "inside": 0, "around": 0}
    both = 0
    for row in rows[data:data + SAMPLE]:
        a = text(row[first]) if first < len(row) else ""
        b = text(row[second]) if second < len(row) else ""
        if not a or not b:
            continue
        sa, sb = _span(row[first], a), _span(row[second], b)
        if not sa or not sb:
            continue
        both += 1
        if sa[:2] == sb[:2]:
            continue
        if sa[0] <= sb[0] and sa[1] <= sb[1]:
            # a deadline (3月底前) says when work ends, never when it starts: no evidence of 开始 | 完成
            counts["follows"] += not sa[2]
        elif sa[0] <= sb[0] and sb[1] <= sa[1]:
            counts["inside"] += 1
        elif sb[0] <= sa[0] and sa[1] <= sb[1]:
            counts["around"] += 1
    if not both:
        return None
    kind, n = max(counts.items(), key=lambda kv: kv[1])
    return kind if n * 2 > both else None


def grouped(rows: list, first_row: int, group_col: int, item_col: int) -> bool:
    """True when the first of two title columns repeats (merged or written once) over rows of the second."""
    previous = ""
    for row in rows[first_row:]:
        group = text(row[group_col]) if group_col < len(row) else ""
        item = text(row[item_col]) if item_col < len(row) else ""
        if item and previous and (not group or group == previous):
            return True
        previous = group or previous
    return False


def _agreement(field: str, e: Evidence, base: float) -> float:
    """How well a column's cells bear out what its header says (blank columns keep the header's word)."""
    if not e.filled:
        return base
    support = {
        "deadline": e.dated, "start": e.dated, "end": e.dated, "owners": e.people, "departments": e.departments,
        "progress": e.percent + e.status, "status": e.status + e.percent,
        "id": max(e.numbered, 1.0 if e.length <= 8 and e.distinct >= 0.9 else 0.0),
        "title": 1.0 if e.length >= 4 and e.dated < 0.5 else 0.3, "section": 1.0 - e.dated,
    }.get(field)
    if support is None:
        return base
    return max(0.3, min(1.0, base * (0.7 + 0.4 * min(support, 1.0))))


def _from_content(e: Evidence, first: bool, has, named_time: bool) -> tuple[str, float] | None:
    """The role a column's cells point to, when that role is still free, with how sure that is."""
    if first and e.numbered >= 0.8 and e.length <= 6 and not has("id"):
        return "id", 0.6 + 0.3 * e.numbered
    if e.marks >= 0.8:
        return None  # marks under an unknown header: a flag column the user names by hand
    if e.dated >= 0.7 and e.length <= 24 and not named_time:
        return "deadline", 0.5 + 0.4 * e.dated
    if e.percent >= 0.7 and not has("progress"):
        return "progress", 0.5 + 0.4 * e.percent
    if e.status >= 0.7 and not has("status"):
        return "status", 0.5 + 0.4 * e.status
    if e.departments >= 0.7 and e.length <= 30 and not has("departments"):
        return "departments", 0.5 + 0.3 * e.departments
    if e.people >= 0.7 and e.length <= 16 and not has("owners"):
        return "owners", 0.5 + 0.3 * e.people
    return None
