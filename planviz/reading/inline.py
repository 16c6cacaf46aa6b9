"""What one sentence of a Word plan says besides its work: owner, department and time, and where its title ends."""
from __future__ import annotations

import re
from functools import lru_cache

from . import cells
from ..dates import parse_deadline

_OWNER_KEYS = "责任人|负责人|责任领导|牵头领导|分管领导|联系领导|具体负责人|主要负责人|牵头负责人|责任人员"
_DEPT_KEYS = "责任部门|牵头部门|配合部门|协办部门|责任单位|牵头单位|配合单位|协办单位|责任科室|责任处室|实施部门|责任主体"
_TIME_KEYS = "完成时限|完成时间|时间节点|时间安排|落实时限|截止时间|完成期限|时限|时间"
# The other project elements (项目化五要素), when a sentence names them: field → keys
ELEMENT_KEYS = {"goal": "目标|预期目标|项目目标", "deliverable": "成果形式|预期成果|成果体现|成果",
                "criteria": "评估标准|考核标准|验收标准|评价标准|衡量标准"}
_ELEMENT_KEY = "|".join(ELEMENT_KEYS.values())
KEY = rf"(?:{_OWNER_KEYS}|{_DEPT_KEYS}|{_TIME_KEYS}|{_ELEMENT_KEY}|牵头|配合)"
# “责任人：张伟” up to the next punctuation, or the next key after spaces (“责任人：苏明  完成时限：全年”)
KEYED = re.compile(rf"({KEY})\s*[:：]\s*((?:(?!\s+{KEY}\s*[:：])[^；;。，,）)】\]\n])+)")
_BY = re.compile(r"由\s*([^，,；;。（）()\s]{2,16}?)\s*(?:具体)?(?:负责|牵头|组织实施|承办|抓落实|落实)")
_LEAD_HELP = re.compile(r"([^，,；;。（）()\s由]{2,12}?)牵头[，,、]\s*([^，,；;。（）()\s]{2,24}?)(?:等)?(?:配合|协助|参与)")
_CLAUSE_OWNER = re.compile(r"(?:^|(?<=[，,；;]))\s*([^，,；;。由]{2,30}?)(?:亲自|具体|共同|统一)?负责(?=[。；;]?$|[。；;])")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")  # a name, a post and name (组织委员李娜) or a department
_NOT_NAME = re.compile(r"党员|全体|群众|同志|各级|以上|以下|左右|一次|活动|学习|会议")
_DEPT_END = re.compile(r"(办公室|办|部|室|处|科|中心|工会|委会|协会|学会|联合会|团委|团支部|妇委会|妇联|委员会|支委会|党小组|小组|支部|党委|总支|"
                       r"工作组|委|组|队|所|站|馆|院|校|公司|单位|部门|各科室|各处室)$")
_CN_NUM = "一二三四五六七八九十"
TIME = re.compile(
    r"(?:(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}|(?:(?:19|20)\d{2}\s*年\s*)?(?:次年\s*)?"
    rf"(?:[0-9０-９{_CN_NUM}]{{1,3}}\s*(?:[-—～~至到]\s*[0-9０-９{_CN_NUM}]{{1,2}}\s*)?月份?"
    rf"(?:\s*[0-9０-９{_CN_NUM}]{{1,3}}\s*[日号])?(?:上旬|中旬|下旬|初|中|底|末)?"
    rf"|第?[一二三四1-4]\s*季度(?:末|底)?|上半年|下半年|年初|年中|年底|年末|全年|年内"
    r"|每(?:周|月|季度?|半年|年)|按(?:周|月|季度?|年)|长期坚持|常态化开展|常态化|持续推进|适时"
    r"|七一|五一|五四|六一|国庆节?|春节|元旦|八一|建党节))(?:前后|以前|之前|前|期间|起|左右)?")
TIME_LABEL = re.compile(rf"^\s*((?:{TIME.pattern}))\s*[:：]\s*")  # “3月份：” in a 月度工作安排
_DATED = ("date", "period", "deadline")
_PROBE_YEAR = 2026
SHORT_TITLE = 16  # a whole sentence up to this long is the title; longer ones keep their first clause
MAX_TITLE = 40


WHO_OR_WHEN = re.compile(rf"(?:由\s*[^，,；;。]{{2,16}}(?:具体)?(?:负责|牵头|组织实施|承办|抓落实|落实)"
                          rf"|[^，,；;。]{{2,12}}牵头|[^，,；;。]{{2,24}}(?:配合|协助)"
                          rf"|(?:于|在)?(?:{TIME.pattern})(?:完成|结束|办结|前完成|推进|实施|进行)?)")


def first_sentence(text: str) -> tuple[str, str, str]:
    """(title, separator, detail): the whole of a short sentence, else its first clause (never cut inside
    brackets or quotes: “（吴磊、社区居委会，六一前）” stays whole)."""
    text = text.strip()
    body = text.rstrip("。；;！!")
    masked = re.sub(r"[（(【\[“][^（）()【】\[\]“”]*[）)】\]”]", lambda m: "＿" * len(m.group(0)), body)
    if len(body) <= SHORT_TITLE and not re.search(r"[。；;！!]", masked):
        return body, "", ""
    for pattern in (r"[。；;！!：:]", r"[，,]"):
        m = re.search(pattern, masked)
        if m and 2 <= m.start() <= MAX_TITLE:
            return text[:m.start()].strip(), m.group(0), text[m.end():].strip()
    return body, "", ""


@lru_cache(maxsize=4096)  # asked again for the same text when the outline is shaped
def fields(text: str) -> tuple[str, str, str, str, tuple[tuple[str, str], ...]]:
    """(text without its bracketed notes, owners, departments, deadline, other elements as (field, text))
    found inline in one sentence."""
    owners: list[str] = []
    departments: list[str] = []
    times: list[str] = []
    elements: list[tuple[str, str]] = []

    def keyed(segment: str) -> bool:
        found = False
        for m in KEYED.finditer(segment):
            key, value = m.group(1), m.group(2).strip()
            found = True
            if re.fullmatch(_OWNER_KEYS, key):
                owners.extend(_people(value))
            elif re.fullmatch(_DEPT_KEYS, key) or key in ("牵头", "配合"):
                role = "牵头" if "牵头" in key else "配合" if re.search("配合|协办", key) else ""
                departments.extend(f"{role}：{v}" if role else v for v in _names(value))
            elif re.fullmatch(_ELEMENT_KEY, key):
                elements.append((next(f for f, keys in ELEMENT_KEYS.items() if re.fullmatch(keys, key)), value))
            else:
                times.append(re.sub(r"(完成|结束|办结)$", "", value))
        return found

    def bracket(m: re.Match) -> str:
        inner = m.group(1)
        was_keyed = keyed(inner)
        pieces = [p.strip() for p in re.split(r"[，,；;、\s]+", KEYED.sub("", inner)) if p.strip()]
        whens = [re.sub(r"(前完成|完成|开展|结束)$", lambda t: "前" if t.group(0) == "前完成" else "", p) for p in pieces]
        is_time = [bool(TIME.fullmatch(w)) and _kind(w) not in ("blank", "unreadable") for w in whens]
        who = [p for p, t in zip(pieces, is_time) if not t]
        if any(is_time) and all(_NAME.fullmatch(p) and not _NOT_NAME.search(p) for p in who):
            # “（张伟，3月底前完成）”, “（党建办、工会，每季度）”: names beside a time are its owners
            times.extend(w for w, t in zip(whens, is_time) if t)
            for name in who:
                (departments if _DEPT_END.search(name) else owners).extend([name] if _DEPT_END.search(name)
                                                                           else _people(name))
            return ""
        if any(is_time):  # “（全体党员，每季度）”: the time is read, the rest stays as written
            times.extend(w for w, t in zip(whens, is_time) if t)
            return "（" + "，".join(who) + "）"
        return "" if was_keyed and not pieces else m.group(0) if not was_keyed else "（" + "，".join(pieces) + "）"

    clean = re.sub(r"[（(【\[]([^（）()【】\[\]]{1,80})[）)】\]]", bracket, text)
    if keyed(clean):
        clean = KEYED.sub("", clean)
        clean = re.sub(r"[；;，,]\s*(?=[；;。，,]|$)", "", clean).strip(" ；;，,")
    for m in _LEAD_HELP.finditer(clean):
        departments.extend([f"牵头：{m.group(1)}"] + [f"配合：{n}" for n in _names(m.group(2))])
    by = [m.group(1) for m in _BY.finditer(clean)] or [
        m.group(1) for m in _CLAUSE_OWNER.finditer(clean) if not TIME.search(m.group(1))]
    for who in by:
        for name in _names(who):
            (departments if _DEPT_END.search(name) else owners).extend(
                [name] if _DEPT_END.search(name) else _people(name))
    if not times:
        times = _time_phrases(clean)
    if not clean.endswith(("。", "；")) and text.endswith("。"):
        clean += "。"
    return clean.strip(), "、".join(dict.fromkeys(owners)), "、".join(dict.fromkeys(departments)), \
        "，".join(dict.fromkeys(times)), tuple(elements)


def _names(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"[、，,/／和及]", value) if p.strip()]


def _people(value: str) -> list[str]:
    """Names, a post written straight before a name (组织委员李娜) parted by a space so the owner splitter
    takes 李娜 as the owner and the post as her role."""
    out = []
    for piece in _names(value):
        if " " not in piece and len(piece) > 3:
            for cut in (len(piece) - 2, len(piece) - 3):
                spaced = piece[:cut] + " " + piece[cut:]
                names, roles = cells.split_people(spaced)
                if names == (piece[cut:],) and roles:
                    piece = spaced
                    break
        out.append(piece)
    return out


@lru_cache(maxsize=4096)
def _kind(phrase: str) -> str:
    """What a time phrase is (deadline, period, recurring, vague …); the plan year is not known yet and does
    not change the kind, so a year the festival tables cover stands in."""
    return parse_deadline(phrase, _PROBE_YEAR).kind


def _time_phrases(text: str) -> list[str]:
    """The time words of a sentence: the completion date (于…前完成) first, else a rhythm (每月), else the first."""
    found = []
    for m in TIME.finditer(text):
        phrase = m.group(0).strip()
        kind = _kind(phrase)
        if kind in ("blank", "unreadable"):
            continue
        tail = text[m.end():m.end() + 2]
        score = 3 if tail.startswith(("完成", "前完成", "结束", "办结")) or text[max(0, m.start() - 1):m.start()] in "于在" \
            else 2 if kind == "recurring" else 0 if kind == "vague" else 1
        found.append((score, phrase, kind))
    if not found:
        return []
    dated = [p for _, p, k in found if k in _DATED]
    if len(dated) >= 2 and _kind("，".join(dated)) in ("period", "deadline") \
            and not any(k == "recurring" for _, _, k in found):
        return ["，".join(dated)]
    best = max(found, key=lambda f: f[0])
    return [best[1]]


def only_fields(text: str) -> bool:
    """A line that is nothing but 责任人/责任部门/完成时限 keys and their values."""
    return bool(KEYED.search(text)) and not re.sub(r"[\s，,；;。、]", "", KEYED.sub("", text))
