"""Routine party work against the calendar: what is missing, what is held less often than it must be."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import RECURRENCE_WORDS
from ..model import Item, Plan
from ..stats import span_of, year_bounds
from .calendar import CALENDARS, INTERVAL_MONTHS, Bundle, Calendar, Routine, organization_type
from .findings import Finding

_CLAUSES = re.compile(r"[，,；;。！!？?\n]+")
_CN_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "八": 8, "十": 10, "十二": 12}
_N = r"(\d+|十二|[一两二三四五六八十])"
_UNIT_MONTHS = {"周": 0.25, "星期": 0.25, "月": 1, "季度": 3, "季": 3, "半年": 6, "年": 12, "学期": 6}
_UNIT = r"(周|星期|季度|季|半年|学期|年|月)"
_VERBS = r"(?:至少|不少于|原则上|一般|共|累计|召开|开展|举办|举行|组织|讲授?|集中|学习)"
# "每季度至少1次", "每年不少于4次", "每3个月", "按月", "全年4次"; order matters: the longest forms first.
_RHYTHMS = (
    re.compile(rf"每{_N}?个?{_UNIT}(?:度)?{_VERBS}*{_N}次"),
    re.compile(rf"(?:全年|一年|每年|年内){_VERBS}*{_N}次"),
    re.compile(rf"每{_N}?个?{_UNIT}"),
    re.compile(r"按(月|季度|季|年)"),
    re.compile(r"(月度|季度)(?:例会|会议|学习)"),
)
# A mention "在支委会上通报" or "提交支委会研究" uses the meeting; it does not schedule it.
_INCIDENTAL_BEFORE = re.compile(r"(?:在|经|提交|提请|报|由|通过)$")
_INCIDENTAL_AFTER = re.compile(r"^(?:上|研究|审议|讨论|通过|决定)")
# A clause that manages the routine (its plan, records, checks) shows it exists, not when it is held.
_MANAGING = re.compile(r"制定|计划|方案|制度|检查|督查|督导|台账|记录|规范|培训|考核|通报|总结|整改|指导|备案|清单|标准")
_SHORT_DAYS = 92  # an item spanning at most a quarter is one occurrence, not standing work


def _number(token: str | None) -> float:
    if not token:
        return 1
    return float(token) if token.isdigit() else _CN_NUMBERS.get(token, 1)


def rhythm_of(text: str) -> float | None:
    """Months between occurrences a text states ("每月" 1, "每季度至少1次" 3, "每年4次" 3), or None."""
    m = _RHYTHMS[0].search(text)
    if m:
        return _number(m[1]) * _UNIT_MONTHS[m[2]] / max(_number(m[3]), 1)
    m = _RHYTHMS[1].search(text)
    if m:
        return 12 / max(_number(m[1]), 1)
    m = _RHYTHMS[2].search(text)
    if m:
        return _number(m[1]) * _UNIT_MONTHS[m[2]]
    m = _RHYTHMS[3].search(text)
    if m:
        return _UNIT_MONTHS[m[1]]
    m = _RHYTHMS[4].search(text)
    if m:
        return _UNIT_MONTHS[m[1].removesuffix("度")]
    return None


@dataclass
class _Seen:
    """What the plan says about one routine: the items naming it and how often they hold it."""

    items: list[str] = field(default_factory=list)  # items that hold it, else any that name it
    named_only: list[str] = field(default_factory=list)  # items that only use it ("在支委会上通报")
    stated: list[float] = field(default_factory=list)  # rhythms written for this routine itself
    months: set[int] = field(default_factory=set)  # months of one-off occurrences
    standing: bool = False  # named as standing work with no rhythm: the rhythm is not known

    def add(self, item_id: str, held: bool) -> None:
        into = self.items if held else self.named_only
        if item_id not in into:
            into.append(item_id)

    @property
    def concerned(self) -> tuple[str, ...]:
        return tuple(self.items or self.named_only)


def _mentions(clause: str, pattern: str):
    """(held, match) for each mention in a clause; held is False for incidental uses."""
    for m in re.finditer(pattern, clause):
        incidental = _INCIDENTAL_BEFORE.search(clause[:m.start()]) or _INCIDENTAL_AFTER.match(clause[m.end():])
        yield not incidental, m


def _one_off(plan: Plan, item: Item) -> bool:
    """Whether an item happens once: a month or a day, or a deadline ("七一前"), but not "年底前"."""
    span = span_of(plan, item)
    if span is None or item.recurrence:
        return False
    if item.start is None:
        return item.end != year_bounds(plan)[1]  # by year end: standing work, not one meeting
    return (span[1] - span[0]).days <= _SHORT_DAYS


def _named(text: str, routines: tuple[Routine, ...], bundles: tuple[Bundle, ...]):
    """(routine, clause, held, weak) for each routine a text names; weak: via a bundle or a managing clause."""
    by_name = {r.name: r for r in routines}
    named: list[tuple[Routine, str, bool, bool]] = []
    for clause in _CLAUSES.split(text):
        managing = bool(_MANAGING.search(clause))
        for routine in routines:
            named += [(routine, clause, held, managing) for held, _ in _mentions(clause, routine.pattern)]
        for bundle in bundles:
            for held, _ in _mentions(clause, bundle.pattern):
                named += [(by_name[n], clause, held, True) for n in bundle.members if n in by_name]
    return named


def _observe(plan: Plan, item: Item, context: str, routines: tuple[Routine, ...], bundles: tuple[Bundle, ...],
             seen: dict[str, _Seen]) -> None:
    short = _one_off(plan, item)
    text = "，".join(t for t in (item.title, item.detail) if t)
    named = _named(text, routines, bundles)
    if not named:  # an item under a 主题党日 section, or in a 主题党日活动安排表, is one of them
        named = [(r, text, True, weak) for r, _, _, weak in _named(context, routines, bundles)]
    # The item's own rhythm ("每月", or its 时间节点) is this routine's when the item names no other.
    alone = len({r.name for r, *_ in named}) == 1 or all(weak for *_, weak in named)
    item_rhythm = rhythm_of(text) if alone else None
    if item_rhythm is None and item.recurrence:
        item_rhythm = INTERVAL_MONTHS[item.recurrence]
    for routine, clause, held, weak in named:
        s = seen.setdefault(routine.name, _Seen())
        s.add(item.id, held)
        if not held:
            continue
        rhythm = rhythm_of(clause)
        rhythm = item_rhythm if rhythm is None else rhythm
        if weak and rhythm is not None and rhythm > routine.interval:
            rhythm = None  # "三会一课 每季度", "每年检查党课记录": says nothing about how often it is held
        if rhythm is not None:
            s.stated.append(rhythm)
        elif weak or not short:
            s.standing = True
        else:
            s.months.add((item.start or item.end).month)


def routine_findings(plan: Plan, org_type: str | None = None, calendar: Calendar | None = None) -> list[Finding]:
    """routine_missing for calendar work the plan never names; routine_rhythm for work held too rarely.

    ``calendar`` replaces the organization type's own (CALENDARS) when a unit's rules differ.
    """
    routines, bundles = calendar or CALENDARS[org_type or organization_type(plan)]
    # A plan titled for one routine (主题党日活动安排表, 中心组学习计划) is checked for that routine only.
    titled = {r.name for r, *_ in _named(plan.title, routines, bundles)}
    if titled:
        routines = tuple(r for r in routines if r.name in titled)
    seen: dict[str, _Seen] = {}
    for item in plan.items:
        if item.level != "section":
            context = f"{plan.title if titled else ''}，{item.section}"
            _observe(plan, item, context, routines, bundles, seen)
    out: list[Finding] = []
    for routine in routines:
        s = seen.get(routine.name)
        words = "或".join(RECURRENCE_WORDS[r] for r in routine.rhythms)
        if s is None:
            out.append(Finding("routine_missing", routine.severity,
                               f"计划中没有「{routine.name}」{routine.note}：按规定应{words}开展，"
                               f"请单列一项，写明{words}的时间安排和负责人。",
                               detail={"routine": routine.name, "expected": routine.expected}))
            continue
        occurrences = 12 / len(s.months) if s.months else None
        known = s.stated + ([occurrences] if occurrences else [])
        if not known or (not s.stated and s.standing):
            continue  # the rhythm is not written down: nothing to compare
        found = min(known)
        if found > routine.interval:
            out.append(Finding("routine_rhythm", "warning",
                               f"「{routine.name}」安排的频次不够：按规定应{words}开展，计划中约每 {found:g} 个月一次，"
                               f"请在时间节点写明“{RECURRENCE_WORDS[routine.expected]}”或逐次列出。",
                               items=s.concerned,
                               detail={"routine": routine.name, "expected": routine.expected,
                                       "found_months": round(found, 2)}))
    return out
