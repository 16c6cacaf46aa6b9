"""Cell value parsing for plan spreadsheets: text, numbering, people, progress, status, flags."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from ..dates import CN_NUMERALS, cn_number, serial_day
from ..vocab import PEOPLE_SPLIT as _PEOPLE_SPLIT


# Full-width digits, letters and ％ to half-width, the ideographic space to a space; Chinese
# punctuation (，；（）：) stays as written.
_FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)}
_FULLWIDTH.update({0xFF05: 0x25, 0x3000: 0x20})
_HAS_FULLWIDTH = re.compile("[\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")  # translate is slow
_CN_DIGITS = CN_NUMERALS + "百"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Numbering styles, shallowest first: 一、 (一) 1、 (1) ①. Rank says how deep in the outline.
RANK_CN, RANK_CN_PAREN, RANK_ARABIC, RANK_ARABIC_PAREN, RANK_CIRCLED, RANK_DOTTED = range(6)
_NUMBERING = (
    (RANK_CN, re.compile(rf"^\s*(?:第)?([{_CN_DIGITS}]+)(?:[、.．:：]|部分[:：、]?|是(?=\S)|\s)\s*")),
    (RANK_CN_PAREN, re.compile(rf"^\s*[(（]([{_CN_DIGITS}]+)[)）][、.．]?\s*")),
    (RANK_DOTTED, re.compile(r"^\s*(\d{1,3}(?:[.．]\d{1,3})+)(?:[、.．]|\s+|(?=[^\d.．%万千百亿倍元个次年月日号天]))\s*")),
    (RANK_ARABIC, re.compile(r"^\s*(\d{1,3})(?:[、)）]|[.．](?!\d)|\s+)\s*")),  # “2场党课” is not numbered
    (RANK_ARABIC_PAREN, re.compile(r"^\s*[(（](\d{1,3})[)）][、.．]?\s*")),
    (RANK_CIRCLED, re.compile(rf"^\s*([{_CIRCLED}])\s*")),
)

_POST = re.compile(r"(书记|支书|委员|主任|组长|部长|局长|处长|科长|院长|校长|所长|经理|总监|董事长|主席|干事|组织员|队长|站长|馆长)$")
_POST_AFTER = re.compile(r"^(.+?)\s*[(（]([^()（）]{0,8}(?:书记|支书|委员|主任|组长|部长|局长|处长|科长|院长|校长|所长|"
                         r"经理|总监|董事长|主席|干事|组织员|队长|站长|馆长))[)）]$")  # 张三（组织委员）
_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")
_ROLE_WORDS = re.compile(r"^(牵头|配合|协助|协办|主办|主责|责任)(部门|单位)?[:：]?|[(（](牵头|配合|协助|协办|主办)[)）]$|(牵头|配合|协助)$")

STATUS_SYNONYMS: dict[str, str] = {
    "未开始": "未开始", "未启动": "未开始", "尚未开始": "未开始", "待开始": "未开始", "待启动": "未开始", "计划中": "未开始",
    "进行中": "进行中", "推进中": "进行中", "正在进行": "进行中", "正在推进": "进行中", "实施中": "进行中",
    "在办": "进行中", "开展中": "进行中", "已开展": "进行中", "正在开展": "进行中", "正常推进": "进行中",
    "按计划推进": "进行中", "按计划进行": "进行中", "有序推进": "进行中", "稳步推进": "进行中", "正在实施": "进行中", "持续推进": "进行中", "执行中": "进行中", "启动": "进行中", "已启动": "进行中",
    "已完成": "已完成", "完成": "已完成", "√": "已完成", "✓": "已完成", "✔": "已完成", "已办结": "已完成", "办结": "已完成", "已结束": "已完成", "完毕": "已完成",
    "延期": "延期", "滞后": "延期", "逾期": "延期", "超期": "延期", "延迟": "延期", "推迟": "延期", "未完成": "延期",
    "暂缓": "暂缓", "暂停": "暂缓", "搁置": "暂缓", "取消": "暂缓", "中止": "暂缓",
}
_STATUS_LONGEST_FIRST = tuple(sorted(STATUS_SYNONYMS.items(), key=lambda kv: -len(kv[0])))  # 未完成 before 完成
_PROGRESS_WORDS = {"完成": 1.0, "已完成": 1.0, "全部完成": 1.0, "办结": 1.0, "已办结": 1.0, "√": 1.0, "✓": 1.0, "✔": 1.0,
                   "未开始": 0.0, "未启动": 0.0, "尚未开始": 0.0, "过半": 0.5, "一半": 0.5, "半数": 0.5}
_FALSE = {"否", "×", "✗", "n", "no", "false", "0", "无", "不是", "-", "—"}



def fold(value: str) -> str:
    """Full-width digits and letters (３月, ＡＢ) as half-width, for parsing; same length as ``value``."""
    return value.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(value) else value


def text(value) -> str:
    """A cell as text, as the user wrote it (stripped): numbers without “.0”, dates in ISO form."""
    if type(value) is str:  # the hot path: most cells are text
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip()


def header_key(value) -> str:
    """Normalised header text for synonym lookup: no spaces, line breaks, marks or notes in brackets."""
    t = fold(text(value))
    t = re.sub(r"[(（\[【][^)）\]】]*[)）\]】]", "", t)
    return re.sub(r"[\s*＊:：#№]", "", t)


def numbering(title: str) -> tuple[int | None, str, str]:
    """(rank, number, rest) for a leading outline number like “一、” “(1)” “①” “2.3”; rank None if none."""
    folded = fold(title)
    for rank, pattern in _NUMBERING:
        m = pattern.match(folded)
        if m and m.end() < len(title):
            number = m.group(1)
            if rank == RANK_CIRCLED:
                number = str(_CIRCLED.index(number) + 1)
            elif rank in (RANK_CN, RANK_CN_PAREN):
                number = str(cn_number(number))
            return rank, number.replace("．", "."), title[m.end():].strip()
    return None, "", title.strip()


def id_numbering(value: str) -> tuple[int | None, str]:
    """Rank and number of a value in an id (序号) column: “1” “1.2” “一” “(一)” “①”."""
    v = fold(value).strip().rstrip("、.．")
    if not v:
        return None, ""
    if re.fullmatch(r"\d{1,6}", v):
        return RANK_ARABIC, str(int(v))
    if re.fullmatch(r"\d{1,3}(?:[.．]\d{1,3})+", v):
        return RANK_DOTTED, v.replace("．", ".")
    if re.fullmatch(rf"[{_CN_DIGITS}]+", v):
        return RANK_CN, str(cn_number(v))
    rank, number, rest = numbering(v + " x")
    if rank is not None and rest == "x":
        return rank, number
    return None, v


def split_people(value: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names from “张三、李四（牵头）/王五”: (names, role notes such as “牵头：组织部”).

    A post and a name parted by a space (“村支书 张大山”) or a post in brackets after the name
    (“张大山（村支书）”) are one person: the name, with “村支书：张大山” as its role note, so that
    张大山 counts once wherever he is named.
    """
    names: list[str] = []
    roles: list[str] = []
    for part, post in _people_parts(value):
        m = _ROLE_WORDS.search(part)
        name = _ROLE_WORDS.sub("", part).strip("：:()（） ") if m else part
        if not name:
            continue
        if m:
            role = next(g for g in m.groups() if g)
            roles.append(f"{role}：{name}")
        if post:
            roles.append(f"{post}：{name}")
        if name not in names:
            names.append(name)
    return tuple(names), tuple(roles)


def _people_parts(value: str) -> list[tuple[str, str]]:
    """(name, post) pieces split on 、，;/ and spaces, a post joined to the name after it."""
    parts: list[tuple[str, str]] = []
    for chunk in _PEOPLE_SPLIT.split(value):
        words = chunk.split()
        if len(words) > 1 and all(len(w) == 1 for w in words):  # “张　三”: a two-character name spaced out
            words = ["".join(words[k:k + 2]) for k in range(0, len(words), 2)] if len(words) % 2 == 0 \
                else ["".join(words)]
        k = 0
        while k < len(words):
            word, post = words[k], ""
            m = _POST_AFTER.match(word)
            if m:
                word, post = m.groups()
            if k + 1 < len(words) and _POST.search(word) and not _POST.search(words[k + 1]) \
                    and not _ROLE_WORDS.search(words[k + 1]) and len(words[k + 1]) <= 4:
                word, post = words[k + 1], word
                k += 1
            parts.append((word, post))
            k += 1
    return parts


def one_line(value: str) -> str:
    """Line breaks typed inside a cell (Alt+Enter) removed: “组织党员\n参加志愿服务” → “组织党员参加志愿服务”;
    a line that starts a new numbered point (“1.学习\n2.研讨”) follows a “；”, and a space is kept
    between two Latin letters or digits."""
    if "\n" not in value and "\r" not in value:
        return value
    return _LINE_BREAK.sub(_line_joint, value.strip())


def _line_joint(m: re.Match) -> str:
    before, rest = m.string[m.start() - 1:m.start()], m.string[m.end():]
    if numbering(rest)[0] is not None and before not in "；;。，,、：:":
        return "；"
    after = rest[:1]
    return " " if before.isascii() and before.isalnum() and after.isascii() and after.isalnum() else ""


def parse_progress(value) -> tuple[float | None, bool]:
    """(fraction 0..1, ok). 0.35, 35, “35%”, “完成” → value; blank → (None, True); nonsense or out of range → (None, False)."""
    if value is None or value == "":
        return None, True
    if isinstance(value, bool):
        return (1.0 if value else 0.0), True
    if isinstance(value, (int, float)):
        number = float(value)
        fraction = number if -1e-9 <= number <= 1 else number / 100
    else:
        t = fold(text(value)).replace(" ", "")
        if not t:
            return None, True
        if t in _PROGRESS_WORDS:
            return _PROGRESS_WORDS[t], True
        m = re.fullmatch(r"(?:完成|已完成|进度)?(-?\d+(?:\.\d+)?)(%|％|成)?", t)
        if not m:
            return None, False
        number = float(m.group(1))
        if m.group(2) == "成":
            fraction = number / 10
        elif m.group(2):
            fraction = number / 100
        else:
            fraction = number if number <= 1 else number / 100
    if not 0 <= fraction <= 1:
        return None, False
    return round(fraction, 4), True


def normalize_status(value) -> tuple[str | None, bool]:
    """(status, ok): synonyms folded into 未开始 进行中 已完成 延期 暂缓; blank → (None, True)."""
    t = re.sub(r"\s", "", fold(text(value)))
    if not t:
        return None, True
    if t in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[t], True
    for word, status in _STATUS_LONGEST_FIRST:
        if word in t and not (word == "完成" and "未完成" in t):
            return status, True
    return None, False


def parse_flag(value) -> bool:
    """是/否, √, 1/0, TRUE/FALSE → bool; any other non-blank text counts as yes (someone wrote a note)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    t = fold(text(value)).lower()
    if not t or t in _FALSE:
        return False
    return True


def as_date(value, serial_ok: bool = True) -> date | None:
    """A date from an Excel date cell, a serial number (when ``serial_ok``) or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if serial_ok and isinstance(value, (int, float)) and not isinstance(value, bool):
        return serial_day(float(value))  # dates owns the window: numbers in it in a date column are dates
    return None
