"""Chinese deadline parser: turns 完成时限 cells such as “3月底前”“第二季度”“每月” into a Deadline.

How it works
1. ``parse_deadline`` first handles cells that are not text: blanks, date cells, Excel serial numbers.
2. ``_normalise`` rewrites the text into one canonical spelling, so that every pattern handler sees
   only ASCII digits and 年/月/日: full-width characters, Chinese numerals (三月, 二〇二六年, 第二季度),
   dashes (～ — – 〜), ISO and dotted dates (2026.3.31 → 2026年3月31日, 3/31 → 3月31日), Q2/H1, and
   the numeral festival names (七一 → 建党节, 十一 → 国庆节) which must be protected from the numeral
   conversion (otherwise 七一 would become the number 71).
3. ``_RULES`` is an ordered table of small handlers. Each handler *searches* its pattern inside the
   text (so “6月底前完成” and “启动…召开” words around the expression do not matter); the first handler
   that matches decides. A handler that matches an impossible date (2月30日, 13月, 第5季度) raises
   ValueError, which makes the cell unreadable instead of letting a later, looser handler misread it.

Why the order matters
- recurring first: “每月15日前” is a rhythm, not a deadline on the 15th;
- ranges and lists before single terms: “3-5月” must not be read as “5月”, “3月10日-20日” not as 3月10日;
- a day before its month: “3月31日” must not be read as the period “3月”;
- dated handlers before 长期/持续 words: “持续推进，6月底前完成” has a real deadline;
- 长期/全年持续 before 全年: “全年持续” is ongoing, “全年” a period;
- vague words last: “根据上级安排，3月底前” still has a date.

Conventions chosen where everyday usage is ambiguous (documented so callers can rely on them)
- “X前” with a day (6月30日前) ends on that day; with a festival (七一前, 国庆节前, 春节前) it ends the day
  before; with a period (3月前, 第二季度前) it ends the day before the period starts. “截至X” / “X止”
  end at the end of X. 底/末/尾 (3月底, 一季度末, 年底) are deadlines even without 前.
- “X起/开始” runs from the start of X, “X后” from the day after X, both to 31 December.
- 元旦前 without a year means the coming New Year: 31 December of the plan year.
- A range from the second half of the year back into the first half (11月-2月) ends in the next year.
- 季度 / 月度 on their own are rhythms (each quarter, each month); 年度 on its own is the plan year.
- Steps parted by commas or semicolons, in date order (“3月启动，6月底前完成”, “6月底前完成初稿，
  9月底前定稿”), run from the first step's start to the last step's end. Any other cell with two
  expressions (“七一、国庆期间”, steps going backwards) is read by its first.
- Rhythms the model has no name for (每两月, 隔周, 每半月) cover the whole year without a rhythm, and are
  never misread as a month (每两月 is not 2月); 一年两次 / 半年一次 are half-yearly.
- School holidays: 暑假 is July–August, 寒假 15 January to the end of February.
- A lone dash (—, ——) means “no deadline”, like a blank cell.
- Lunar festivals (春节, 元宵, 中秋, 重阳) and 清明 come from small tables; other years are unreadable.
"""
from __future__ import annotations

import calendar
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable


KINDS = ("date", "deadline", "period", "recurring", "ongoing", "vague", "blank", "unreadable")
# How each rhythm (model.RECURRENCES) is written back in words, e.g. in 时间节点 or a timeline hover.
RECURRENCE_WORDS = {"weekly": "每周", "monthly": "每月", "quarterly": "每季度", "half-yearly": "每半年",
                    "yearly": "每年"}


@dataclass(frozen=True)
class Deadline:
    """One parsed 完成时限 cell: the text as written and the span it means."""

    text: str  # the original text (str() of non-text values), stripped
    start: date | None
    end: date | None
    recurrence: str | None  # "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly" | None
    kind: str  # one of KINDS

    @property
    def readable(self) -> bool:
        """False only when the text means nothing the parser knows (the caller should warn)."""
        return self.kind != "unreadable"


# -- calendars ------------------------------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system (its 1900 leap-year bug included)
_SERIAL_MIN = (date(1990, 1, 1) - EXCEL_EPOCH).days
_SERIAL_MAX = (date(2100, 12, 31) - EXCEL_EPOCH).days

_FIXED_FESTIVALS = {
    "元旦": (1, 1), "妇女节": (3, 8), "劳动节": (5, 1), "青年节": (5, 4), "儿童节": (6, 1),
    "建党节": (7, 1), "建军节": (8, 1), "教师节": (9, 10), "国庆节": (10, 1),
}
# Lunar festivals and 清明 move every year; outside these tables the cell is unreadable.
_TABLED_FESTIVALS = {
    "春节": {2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
             2027: date(2027, 2, 6), 2028: date(2028, 1, 26), 2029: date(2029, 2, 13),
             2030: date(2030, 2, 3)},
    "清明节": {2024: date(2024, 4, 4), 2025: date(2025, 4, 4), 2026: date(2026, 4, 5),
               2027: date(2027, 4, 5), 2028: date(2028, 4, 4), 2029: date(2029, 4, 4),
               2030: date(2030, 4, 5)},
    "中秋节": {2024: date(2024, 9, 17), 2025: date(2025, 10, 6), 2026: date(2026, 9, 25),
               2027: date(2027, 9, 15), 2028: date(2028, 10, 3), 2029: date(2029, 9, 22),
               2030: date(2030, 9, 12)},
    "重阳节": {2024: date(2024, 10, 11), 2025: date(2025, 10, 29), 2026: date(2026, 10, 18),
               2027: date(2027, 10, 8)},
}
# alias → canonical name; canonical names contain no numerals, so numeral conversion leaves them alone
_FESTIVAL_ALIASES = {
    "元旦": ("元旦节", "元旦"),
    "春节": ("春节", "农历新年"),
    "元宵节": ("元宵节", "元宵"),
    "妇女节": ("三八国际妇女节", "三八妇女节", "国际妇女节", "妇女节", "三八节", "三八"),
    "清明节": ("清明节", "清明"),
    "劳动节": ("五一国际劳动节", "五一劳动节", "国际劳动节", "劳动节", "五一节", "五一"),
    "青年节": ("五四青年节", "青年节", "五四节", "五四"),
    "建党节": ("七一建党节", "建党节", "党的生日", "七一节", "七一"),
    "建军节": ("八一建军节", "建军节", "八一节", "八一"),
    "儿童节": ("六一国际儿童节", "六一儿童节", "国际儿童节", "儿童节", "六一节", "六一"),
    "教师节": ("教师节",),
    "中秋节": ("中秋节", "中秋"),
    "国庆节": ("十一国庆节", "国庆节", "国庆", "十一"),
    "重阳节": ("重阳节", "重阳"),
}


def _festival_day(name: str, year: int) -> date:
    if name in _FIXED_FESTIVALS:
        return date(year, *_FIXED_FESTIVALS[name])
    if name == "元宵节":  # 15th day of the first lunar month
        return _festival_day("春节", year) + timedelta(days=14)
    day = _TABLED_FESTIVALS[name].get(year)
    if day is None:
        raise ValueError(f"{year}年{name}不在日期表内")
    return day


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), _month_end(year, month)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


# -- normalisation --------------------------------------------------------------------------------

CN_NUMERALS = "〇○零一二两三四五六七八九十"  # the digits of Chinese numerals (十 included), for patterns
_CN_NUM = CN_NUMERALS
_CN_VALUE = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def _festival_pattern() -> re.Pattern:
    aliases = sorted(((a, c) for c, names in _FESTIVAL_ALIASES.items() for a in names),
                     key=lambda pair: -len(pair[0]))
    parts = []
    for alias, _ in aliases:
        if all(ch in _CN_NUM for ch in alias):  # 七一, 十一: not in 十一月, 三十一日, 二〇五四年, 十一至十二月
            parts.append(rf"(?<![\d{_CN_NUM}]){alias}(?![\d{_CN_NUM}年月日号周季个次点时]|[、,，和至到~-][\d{_CN_NUM}]+[年月日号])")
        else:
            parts.append(alias)
    return re.compile("|".join(parts))


_FESTIVAL_RE = _festival_pattern()
_FESTIVAL_CANON = {a: c for c, names in _FESTIVAL_ALIASES.items() for a in names}
_REPEATED_FESTIVAL = re.compile(rf"({'|'.join(_FESTIVAL_ALIASES)})\1+")


def cn_number(digits: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 〇 → 0 (the small numbers of outlines and months)."""
    if "十" not in digits:
        n = 0
        for ch in digits:
            n = n * 10 + _CN_VALUE.get(ch, 0)
        return n
    tens, _, ones = digits.partition("十")
    return (_CN_VALUE.get(tens, 1) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)


def _cn_numeral(m: re.Match) -> str:
    run = m.group()
    if "十" in run:
        pm = re.fullmatch(r"([一二两三四五六七八九])?十([一二三四五六七八九])?", run)
        if not pm:
            return run
        return str(cn_number(run))
    digits = "".join(str(_CN_VALUE[ch]) for ch in run)
    if len(run) == 2 and m.string.startswith("月", m.end()):  # 三四月 = March to April
        return f"{digits[0]}-{digits[1]}"
    return digits


# (pattern, replacement) applied in order after NFKC, whitespace and numeral conversion
_REWRITES: tuple[tuple[str, str], ...] = (
    (r"[~〜～—–−‐‑‒―﹣－]+|-{2,}", "-"),  # every dash and wave is a range separator
    (r"截止到|截止至|截至到|截止|截至", "截至"),
    (r"之前|以前", "前"),
    (r"之后|以后", "后"),
    (r"为止", "止"),
    (r"左右", "前后"),
    (r"开始", "起"),
    (r"月份", "月"),
    (r"号", "日"),
    (r"日\d{1,2}(?:[时点](?:\d{1,2}分?)?|:\d{2})", "日"),  # 3月31日24时前, 5月20日17:00前: the day counts
    (r"季(?!度)", "季度"),
    (r"(\d{4})年?Q([1-4])", r"\1年第\2季度"),
    (r"Q([1-4])", r"第\1季度"),
    (r"(\d{4})年?H([12])", r"\1年H\2"),
    (r"H1", "上半年"),
    (r"H2", "下半年"),
    (r"(?<!\d)(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?!\d)", r"\1年\2月\3日"),  # 2026.3.31, 2026-03-31
    (r"(?<!\d)(\d{4})[./-](\d{1,2})(?![\d./])", r"\1年\2月"),  # 2026.3
    (r"(?<![\d.])(\d{1,2})[./·•](\d{1,2})(?![\d./])", r"\1月\2日"),  # 3.31, 3/31
    (r"(\d{1,2})月(\d{1,2})(?![\d日次])", r"\1月\2日"),  # 3月31前, but not 1月1次
)
_COMPILED_REWRITES = tuple((re.compile(p), r) for p, r in _REWRITES)
_TIME_OF_DAY = re.compile(r"(?<=\d)[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?")  # 2026-03-31 00:00:00
_DROP = re.compile(r"[\s\u200b-\u200f\ufeff“”‘’\"'「」『』《》〈〉]+")


def _normalise(text: str) -> str:
    """One canonical spelling: ASCII digits, 年/月/日 dates, '-' ranges, canonical festival names."""
    text = _TIME_OF_DAY.sub("", unicodedata.normalize("NFKC", text))
    text = _DROP.sub("", text).upper()
    text = _FESTIVAL_RE.sub(lambda m: _FESTIVAL_CANON[m.group()], text)
    text = _REPEATED_FESTIVAL.sub(r"\1", text)  # 十一国庆 → 国庆节国庆节 → 国庆节
    text = re.sub(rf"[{_CN_NUM}]+", _cn_numeral, text)
    for pattern, replacement in _COMPILED_REWRITES:
        text = pattern.sub(replacement, text)
    return text


# -- building blocks shared by the handlers -------------------------------------------------------

_NEXT_YEAR = "次年|明年|翌年|来年|下一年"
_SEP = r"起?(?:-|至|到)"
# part of a month → (first day, last day), 0 standing for the month's last day
_MONTH_PARTS = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20), "下旬": (21, 0),
                "上中旬": (1, 20), "中下旬": (11, 0), "上半月": (1, 15), "下半月": (16, 0),
                "底": (0, 0), "末": (0, 0), "尾": (0, 0)}
_PART = "(?P<{0}>" + "|".join(sorted(_MONTH_PARTS, key=len, reverse=True)) + ")?"  # longest first
_Span = tuple  # (kind, start, end, recurrence)


def _y(name: str = "y") -> str:
    """Optional year prefix: 2026年, 2026年度, 次年 …"""
    return rf"(?P<{name}>\d{{4}}年度?|{_NEXT_YEAR})?"


def _year_of(m: re.Match, base: int, name: str = "y") -> int:
    token = m.group(name)
    if not token:
        return base
    return int(token[:4]) if token[:4].isdigit() else base + 1


def _month_part(year: int, month: int, part: str | None) -> tuple[date, date]:
    """First and last day of a month or of a part of it (上旬, 3月初, 中下旬, 下半月, 月底 …)."""
    last = _month_end(year, month).day
    first, final = _MONTH_PARTS[part] if part else (1, 0)
    return date(year, month, first or last), date(year, month, final or last)


def _quarter(year: int, q: int) -> tuple[date, date]:
    if not 1 <= q <= 4:
        raise ValueError(f"没有第{q}季度")
    return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _term(text: str, m: re.Match, year: int, start: date, end: date, shape: str) -> _Span:
    """Read a single time expression with what surrounds it (前, 前后, 截至, 起, 后).

    shape: "day" (a date), "point" (底/末: the last day of something), "festival", or "span" (a period).
    """
    before, after = text[:m.start()], text[m.end():]
    if after.startswith(("前后", "期间")):  # around that day: the day itself
        return ("date" if start == end else "period", start, end, None)
    if before.endswith(("至", "到")) or after.startswith("止"):  # 截至6月, 即日起至6月: up to the end
        return ("deadline", None, end, None)
    if after.startswith("前"):
        if shape in ("day", "point"):
            return ("deadline", None, end, None)
        return ("deadline", None, start - timedelta(days=1), None)
    if after.startswith(("起", "后")):
        first = start if after.startswith("起") else end + timedelta(days=1)
        return ("period", first, date(max(year, first.year), 12, 31), None)
    if shape == "point":
        return ("deadline", None, end, None)
    return ("date" if start == end else "period", start, end, None)


# -- handlers -------------------------------------------------------------------------------------

_RECURRENCE = {"周": "weekly", "星期": "weekly", "月": "monthly", "季度": "quarterly", "季": "quarterly",
               "半年": "half-yearly", "学期": "half-yearly", "年": "yearly"}


def _recurring(m: re.Match, text: str, year: int) -> _Span:
    rhythm = m["r1"] or m["r2"] or m["r3"]
    return ("recurring", *_year_span(_year_of(m, year)), _RECURRENCE[rhythm])


def _day_range(m: re.Match, text: str, year: int) -> _Span:
    y1 = _year_of(m, year)
    start = date(y1, int(m["m1"]), int(m["d1"]))
    y2 = _year_of(m, y1, "y2")
    end = date(y2, int(m["m2"] or start.month), int(m["d2"]))
    if _crosses_new_year(start, end, m):
        end = date(y2 + 1, end.month, end.day)
    return _checked_period(start, end)


def _month_range(m: re.Match, text: str, year: int) -> _Span:
    y1 = _year_of(m, year)
    start = _month_part(y1, int(m["m1"]), m["p1"])[0]
    y2 = _year_of(m, y1, "y2")
    end = _month_part(y2, int(m["m2"]), m["p2"])[1]
    if _crosses_new_year(start, end, m):
        end = _month_part(y2 + 1, int(m["m2"]), m["p2"])[1]
    return _checked_period(start, end)


def _quarter_range(m: re.Match, text: str, year: int) -> _Span:
    y = _year_of(m, year)
    return _checked_period(_quarter(y, int(m["q1"]))[0], _quarter(y, int(m["q2"]))[1])


def _month_list(m: re.Match, text: str, year: int) -> _Span:
    y = _year_of(m, year)
    months = [int(n) for n in re.findall(r"\d{1,2}", m["months"])]
    return _checked_period(_month_part(y, months[0], None)[0], _month_part(y, months[-1], None)[1])


def _quarter_list(m: re.Match, text: str, year: int) -> _Span:
    y = _year_of(m, year)
    quarters = [int(n) for n in re.findall(r"\d", m["quarters"])]
    return _checked_period(_quarter(y, quarters[0])[0], _quarter(y, quarters[-1])[1])


def _crosses_new_year(start: date, end: date, m: re.Match) -> bool:
    """11月-2月 runs into next year; 5月-3月 is a slip of the pen and stays unreadable."""
    return end < start and not m["y2"] and start.month >= 7 and end.month <= 6


def _checked_period(start: date, end: date) -> _Span:
    if end < start:
        raise ValueError("结束早于开始")
    return ("period", start, end, None)


def _day(m: re.Match, text: str, year: int) -> _Span:
    day = date(_year_of(m, year), int(m["m"]), int(m["d"]))
    return _term(text, m, year, day, day, "day")


def _month(m: re.Match, text: str, year: int) -> _Span:
    start, end = _month_part(_year_of(m, year), int(m["m"]), m["p"])
    return _term(text, m, year, start, end, "point" if m["p"] in ("底", "末", "尾") else "span")


def _quarter_term(m: re.Match, text: str, year: int) -> _Span:
    start, end = _quarter(_year_of(m, year), int(m["q"]))
    if m["p"] == "初":  # first month of the quarter
        return _term(text, m, year, start, _month_end(start.year, start.month), "span")
    if m["p"]:
        return _term(text, m, year, end, end, "point")
    return _term(text, m, year, start, end, "span")


def _half(m: re.Match, text: str, year: int) -> _Span:
    y = _year_of(m, year)
    start, end = (date(y, 1, 1), date(y, 6, 30)) if m["h"] == "上" else (date(y, 7, 1), date(y, 12, 31))
    if m["p"]:
        return _term(text, m, year, end, end, "point")
    return _term(text, m, year, start, end, "span")


def _year_point(m: re.Match, text: str, year: int) -> _Span:
    y = _year_of(m, year)
    part = m["p"]
    if part == "初":  # 年初: January
        return _term(text, m, year, date(y, 1, 1), date(y, 1, 31), "span")
    day = date(y, 6, 30) if part == "中" else date(y, 12, 31)
    return _term(text, m, year, day, day, "point")


def _festival(m: re.Match, text: str, year: int) -> _Span:
    name = m["f"]
    y = _year_of(m, year)
    if name == "元旦" and not m["y"] and text.startswith("前", m.end()):
        y += 1  # 元旦前 in a plan means before the coming New Year
    day = _festival_day(name, y)
    return _term(text, m, year, day, day, "festival")


def _ongoing(m: re.Match, text: str, year: int) -> _Span:
    return ("ongoing", *_year_span(year), None)


def _whole_year(m: re.Match, text: str, year: int) -> _Span:
    token = m.groupdict().get("y")
    y = int(token) if token else year + 1 if m.groupdict().get("n") else year
    return ("period", *_year_span(y), None)


def _times_a_year(m: re.Match, text: str, year: int) -> _Span:
    rhythm = "half-yearly" if m["half"] else {"2": "half-yearly", "4": "quarterly", "12": "monthly"}[m["n"]]
    return ("recurring", *_year_span(year), rhythm)


def _school_holiday(m: re.Match, text: str, year: int) -> _Span:
    y = _year_of(m, year)
    start, end = (date(y, 7, 1), date(y, 8, 31)) if m["h"] == "暑" else (date(y, 1, 15), _month_end(y, 2))
    return _term(text, m, year, start, end, "span")


def _vague(m: re.Match, text: str, year: int) -> _Span:
    return ("vague", None, None, None)


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    build: Callable[[re.Match, str, int], _Span]


def _rule(name: str, pattern: str, build: Callable[[re.Match, str, int], _Span]) -> _Rule:
    return _Rule(name, re.compile(pattern), build)


_FESTIVALS = "|".join(_FESTIVAL_ALIASES)

# Ordered: see the module docstring for why.
_RULES: tuple[_Rule, ...] = (
    _rule("times a year", r"(?:每|1)年(?P<n>2|4|12)次|(?P<half>半年)1次", _times_a_year),
    _rule("recurring", rf"{_y()}(?:(?:每|按|逐)个?(?P<r1>周|星期|月|季度|半年|学期|年)"
                       rf"|(?<!\d)1个?(?P<r2>周|月|季度|半年|年)1次"
                       rf"|(?<![\d第上本下当每按逐])(?P<r3>月|季)度)", _recurring),  # 季度 alone: each quarter
    # a rhythm the model has no name for (每两月, 隔周, 每半月): the whole year, like 长期坚持 — not “2月”
    _rule("other rhythm", r"每(?:[2-9]|半)个?(?:周|星期|月|季度)|隔(?:周|月)|双(?:周|月)", _ongoing),
    _rule("day range", rf"{_y()}(?P<m1>\d{{1,2}})月(?P<d1>\d{{1,2}})日?{_SEP}{_y('y2')}"
                       rf"(?:(?P<m2>\d{{1,2}})月)?(?P<d2>\d{{1,2}})日", _day_range),
    _rule("month range", rf"{_y()}(?P<m1>\d{{1,2}})(?:月{_PART.format('p1')})?{_SEP}{_y('y2')}"
                         rf"(?P<m2>\d{{1,2}})月{_PART.format('p2')}", _month_range),
    _rule("quarter range", rf"{_y()}第?(?P<q1>\d)(?:季度)?{_SEP}第?(?P<q2>\d)季度", _quarter_range),
    _rule("month list", rf"{_y()}(?P<months>(?:\d{{1,2}}月?[、,和及与])+\d{{1,2}}月)", _month_list),
    _rule("quarter list", rf"{_y()}第?(?P<quarters>(?:\d(?:季度)?[、,和及与]第?)+\d)季度", _quarter_list),
    _rule("day", rf"{_y()}(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日", _day),
    _rule("month", rf"{_y()}(?P<m>\d{{1,2}})月{_PART.format('p')}", _month),
    _rule("quarter", rf"{_y()}第?(?P<q>\d)季度(?P<p>初|末|底)?", _quarter_term),
    _rule("half", rf"{_y()}(?P<h>[上下])半年(?P<p>末|底)?", _half),
    _rule("year point", rf"(?P<y>\d{{4}}年?|{_NEXT_YEAR}|次|明|来|翌)?年度?(?P<p>底|末|终|中|初)|岁末",
          _year_point),  # 岁末 leaves p empty: the year's end
    _rule("festival", rf"{_y()}(?P<f>{_FESTIVALS})", _festival),
    _rule("school holiday", rf"{_y()}(?P<h>[暑寒])假", _school_holiday),
    _rule("ongoing", r"长期|持续|常态|常年|经常|日常|贯穿全年|(?<!不)定期|即日起", _ongoing),
    _rule("whole year", rf"(?:(?P<y>\d{{4}})(?:年度?)?|(?P<n>{_NEXT_YEAR}))?(?:全年|年内|年度内|本年度?|整年|年度)",
          _whole_year),
    _rule("explicit year", r"(?<!\d)(?P<y>(?:19|20|21)\d{2})(?:年度?(?:内|全年)?)?(?!\d)", _whole_year),
    _rule("next year", rf"(?P<n>{_NEXT_YEAR})度?(?:内|全年)?", _whole_year),
    _rule("vague", r"适时|上级|按要求|根据要求|视情|另行|待定|另定|需要|按需|不定期|随时|择期|待通知|届时",
          _vague),
)

_BLANK_TEXTS = {"", "nan", "none", "nat", "<na>", "null", "-", "/", "无", "暂无", "—", "——", "－", "--", "／", "\\"}


def serial_day(number: float) -> date | None:
    """The day an Excel serial number means, when it lies in the plan window (1990 … 2100), else None."""
    if not math.isfinite(number) or not _SERIAL_MIN <= number <= _SERIAL_MAX:
        return None
    return EXCEL_EPOCH + timedelta(days=int(number))


def _one_day(text: str, day: date) -> Deadline:
    return Deadline(text, day, day, None, "date")


def parse_deadline(value, year: int) -> Deadline:
    """Read one 完成时限 cell of a plan for ``year``; never raises, unknown text is kind "unreadable"."""
    if value is None or (isinstance(value, (float, date)) and value != value):  # NaN, NaT
        return Deadline("", None, None, None, "blank")
    if isinstance(value, date):
        return _one_day(str(value).strip(), value.date() if isinstance(value, datetime) else value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and serial_day(float(value)):
        return _one_day(str(value), serial_day(float(value)))
    text = str(value).replace("\ufeff", "").strip()
    if text.lower() in _BLANK_TEXTS:  # pandas' NA shows as "<NA>": not worth keeping as text
        return Deadline(text if isinstance(value, str) else "", None, None, None, "blank")
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text) and serial_day(float(text)):  # a serial number kept as text
        return _one_day(text, serial_day(float(text)))
    return _parse_text(text, year)


@lru_cache(maxsize=8192)  # plans repeat the same few wordings (每月, 全年, 3月底前) on many rows and in many views
def _parse_text(text: str, year: int) -> Deadline:
    norm = _normalise(text)
    found = _steps(norm, year) or _between(norm, year) or _read(norm, year)
    if found is None:
        return Deadline(text, None, None, None, "unreadable")
    return Deadline(text, *found[1:], found[0])


def _read(norm: str, year: int) -> _Span | None:
    """The first rule that matches decides; None when none does or it matched an impossible date."""
    for rule in _RULES:
        m = rule.pattern.search(norm)
        if m is None:
            continue
        try:
            return rule.build(m, norm, year)
        except (ValueError, OverflowError):  # impossible date or out of the festival table
            return None
    return None


_DATED = ("date", "period", "deadline")
# Between steps: a comma or 、, or right after a starting word (“3月启动6月底前完成”).
_STEP_BREAK = re.compile(r"[,;、]|(?<=启动)(?=\S)|(?<=部署)(?=\S)|(?<=动员)(?=\S)")
_BETWEEN = re.compile(r"(?<!截)[至到]")


def _between(norm: str, year: int) -> _Span | None:
    """Two times joined by 至 or 到 (五四至七一, 元旦至春节, 3月中旬至5月底): from the first's start to the
    second's end. None unless both sides read as times and the second ends after the first begins."""
    parts = _BETWEEN.split(norm)
    if len(parts) != 2 or not all(parts):
        return None
    first, last = _read(parts[0], year), _read(parts[1], year)
    if not first or not last or first[0] not in _DATED or last[0] not in _DATED:
        return None
    start, end = first[1] or first[2], last[2]
    if end is None or start is None or end < start:
        return None
    return ("period", start, end, None)


def _steps(norm: str, year: int) -> _Span | None:
    """Steps in order (“3月启动，6月验收，9月底前总结”, “6月底前完成初稿，9月底前定稿”): from the first
    step's start (none when it is a deadline) to the last step's end. None when there are fewer than two
    dated steps or they go backwards."""
    if not _STEP_BREAK.search(norm):
        return None
    steps = [found for part in _STEP_BREAK.split(norm) if (found := _read(part, year)) and found[0] in _DATED]
    when = [step[1] or step[2] for step in steps]  # where each step sits (“3月起” runs on to December)
    if len(steps) < 2 or when != sorted(when):
        return None
    start, end = steps[0][1], steps[-1][2]
    return ("period", start, end, None) if start else ("deadline", None, end, None)


def find_year(text: str) -> int | None:
    """The plan year named in a title (“某某党支部2026年度党建工作计划”, “二〇二六年”), or None.

    With several years (“2025年工作总结暨2026年工作计划”) the latest is the plan year.
    """
    norm = _normalise(str(text or ""))
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20|21)\d{2})年", norm)]
    if not years:
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)", norm)]
    return max(years) if years else None
