"""Checks a plan for problems a party-affairs worker should fix: owners, deadlines, ids, the five project elements.

Severities: error = the data contradicts itself (duplicate id, unknown parent, end before start, progress
outside 0–100%); warning = something is missing or unreadable but the plan still shows (owner, deadline,
unreadable deadline, unknown status or dimension, project elements); info = worth a look (vague deadline
such as 适时, dimension inferred from keywords, columns the sheet does not have).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from ..dates import parse_deadline
from .headers import FIELDS
from ..model import Issue, Item, Plan
from ..vocab import ELEMENTS, STATUSES

# The five project elements (项目化, in vocab.ELEMENTS order: 目标 负责人 时间节点 成果形式 评估标准) and their fields.
ELEMENT_FIELDS: dict[str, tuple[str, ...]] = dict(zip(ELEMENTS, (
    ("goal",), ("owners",), ("deadline", "start", "end"), ("deliverable",), ("criteria",))))


def validate(plan: Plan, *, columns: Mapping[str, Mapping[str, str]] | None = None) -> tuple[Issue, ...]:
    """Every problem of every item, in item order (never stops at the first).

    ``columns`` (sheet → field → header text), given by the reader, names columns as the file
    writes them and tells which columns a sheet has; without it the standard labels are used.
    """
    check = _Checker(plan, columns)
    for item in plan.items:
        check.item(item)
    return tuple(check.sheet_notes() + check.issues)


class _Checker:
    def __init__(self, plan: Plan, columns: Mapping[str, Mapping[str, str]] | None):
        self.plan = plan
        self.columns = columns
        self.by_id: dict[str, Item] = {}  # first item of each id
        for item in plan.items:
            self.by_id.setdefault(item.id, item)
        self.issues: list[Issue] = []
        self.absent: dict[str, list[str]] = {}  # sheet → elements it has no column for

    def column(self, item: Item, field: str) -> str | None:
        if self.columns is None or item.source is None:
            return FIELDS.get(field)
        return self.columns.get(item.source.sheet, {}).get(field)

    def has_column(self, item: Item, element: str) -> bool:
        if self.columns is None or item.source is None or item.source.sheet not in self.columns:
            return True
        sheet = self.columns[item.source.sheet]
        return any(f in sheet for f in ELEMENT_FIELDS[element])

    def add(self, item: Item, severity: str, message: str, field: str | None = None, hint: str = "") -> None:
        src = item.source
        self.issues.append(Issue(severity, message, src.sheet if src else None, src.row if src else None,
                                 self.column(item, field) if field else None, hint, item.id))

    def item(self, item: Item) -> None:
        name = f"「{item.title}」"
        first = self.by_id[item.id]
        if first is not item:
            where = first.source and f"（与工作表「{first.source.sheet}」第 {first.source.row} 行相同）" or ""
            self.add(item, "error", f"编号「{item.id}」重复{where}。", "id", "请给每个项目、任务不同的编号。")
        if item.parent is not None and item.parent not in self.by_id:
            self.add(item, "error", f"{name}的所属项目「{item.parent}」在计划中找不到。", "parent",
                     "请填写重点项目表中已有的项目编号。")
        if item.level == "section":
            return
        if item.progress is not None and not 0 <= item.progress <= 1:
            self.add(item, "error", f"{name}的进度「{item.progress:.0%}」超出 0%–100%。", "progress",
                     "请填写 0% 到 100% 之间的百分比。")
        if item.status is not None and item.status not in STATUSES:
            self.add(item, "warning", f"{name}的状态「{item.status}」无法识别。", "status",
                     "请填写：" + "、".join(STATUSES) + " 之一。")
        if item.dimension is not None and item.dimension not in self.plan.dimensions:
            self.add(item, "warning", f"{name}的维度「{item.dimension}」不在本计划的维度（"
                     + "、".join(self.plan.dimensions) + "）之中。", "dimension", "请从维度列表中选一个。")
        if item.start and item.end and item.end < item.start:
            self.add(item, "error", f"{name}的结束时间 {item.end:%Y-%m-%d} 早于开始时间 {item.start:%Y-%m-%d}。",
                     "end" if self.column(item, "end") else "deadline", "请检查开始和结束时间是否写反。")
        self.deadline_words(item, name)
        self.contradictions(item, name)
        if item.level == "project":
            self.project(item, name)
        else:
            self.task(item, name)

    def deadline_words(self, item: Item, name: str) -> None:
        if not item.deadline_text.strip() or item.start or item.end or item.recurrence:
            return
        kind = parse_deadline(item.deadline_text, self.plan.year).kind
        if kind == "vague":
            self.add(item, "info", f"{name}的时间「{item.deadline_text}」不够具体，时间轴上不显示。", "deadline",
                     "如能确定，请写成“6月底前”“第三季度”等说法。")
        elif kind != "blank":
            self.add(item, "warning", f"{name}的时间「{item.deadline_text}」无法识别。", "deadline",
                     "请写成“3月底前”“2026年3月31日”“第二季度”“每月”等常见说法。")

    def contradictions(self, item: Item, name: str) -> None:
        """Cells of one row that disagree: deadline wording and date, progress and status, dates and plan year."""
        year = self.plan.year
        for found in (deadline_disagrees(item, year) or outside_plan_year(item, year), progress_disagrees(item)):
            if found:
                severity, message, field, hint = found
                self.add(item, severity, f"{name}{message}", field, hint)

    def project(self, item: Item, name: str) -> None:
        missing = item.missing_elements()
        for element in missing:
            if not self.has_column(item, element) and item.source:
                self.absent.setdefault(item.source.sheet, [])
                if element not in self.absent[item.source.sheet]:
                    self.absent[item.source.sheet].append(element)
        missing = [e for e in missing if self.has_column(item, e)]
        if missing:
            field = ELEMENT_FIELDS[missing[0]][0] if len(missing) == 1 else None
            self.add(item, "warning", f"项目{name}缺少项目化五要素中的：{'、'.join(missing)}。", field,
                     "每个项目都应写明目标、负责人、时间节点、成果形式和评估标准。")
        if item.dimension is None:
            self.add(item, "info", f"项目{name}没有维度，也无法从名称推断，六度雷达图不计入。", "dimension",
                     "请在维度列选择一个维度。")
        elif item.dimension_inferred:
            self.add(item, "info", f"项目{name}的维度由关键词推断为「{item.dimension}」，请核对。", "dimension",
                     "如不准确，请在维度列填写。")

    def task(self, item: Item, name: str) -> None:
        parent = self.by_id.get(item.parent or "")
        if not item.owners and not (parent and parent.owners):
            self.add(item, "warning", f"任务{name}没有责任人。", "owners", "请填写负责这项任务的人。")
        if not item.has_timing and not (parent and parent.has_timing):
            self.add(item, "warning", f"任务{name}没有完成时限。", "deadline", "请填写时间，如“6月底前”“每季度”。")

    def sheet_notes(self) -> list[Issue]:
        return [Issue("info", f"工作表「{sheet}」没有{'、'.join(elements)}列，项目化五要素不全。", sheet,
                      hint="可下载标准模板，按“目标、负责人、时间节点、成果形式、评估标准”补齐。")
                for sheet, elements in self.absent.items()]


_FULL_YEAR = re.compile(r"(19|20)\d\d")
Finding = tuple[str, str, str, str] | None  # (severity, message after the item name, field, hint)


def deadline_disagrees(item: Item, year: int) -> Finding:
    """A finding when the 时间节点 wording means another end than the date cell."""
    if item.start and item.end and item.end < item.start:  # already an error about these dates
        return None
    said = parse_deadline(item.deadline_text, year) if item.deadline_text.strip() else None
    if said is None or said.end is None or item.end is None or said.end == item.end:
        return None
    return ("warning", f"的时间节点「{item.deadline_text}」（即 {said.end:%Y-%m-%d}）与完成时限 {item.end:%Y-%m-%d} 不一致。",
            "end", "请核对后把两处改成同一时间，或删去其中一处。")


def outside_plan_year(item: Item, year: int) -> Finding:
    """A start or end date outside the plan's year, unless the wording asks for it without naming a year (次年1月)."""
    for when in (item.start, item.end):
        if when is None or when.year == year:
            continue
        relative = (item.deadline_text.strip() and not _FULL_YEAR.search(item.deadline_text)
                    and parse_deadline(item.deadline_text, year).end == item.end)
        if not relative:
            return ("warning", f"的时间 {when:%Y-%m-%d} 不在计划年度（{year}年）内。",
                    "end" if when == item.end else "start", f"请确认是否写错了年份；本计划是 {year} 年度的计划。")
    return None


def progress_disagrees(item: Item) -> Finding:
    """Progress that contradicts the status: above 0% while 未开始, or below 100% while 已完成."""
    if item.progress is None or item.status not in STATUSES:
        return None
    if item.status == STATUSES[0] and item.progress > 0:
        return ("warning", f"的进度为 {item.progress:.0%}，状态却是「{item.status}」。", "progress",
                "请把状态改成“进行中”，或把进度改为 0%。")
    if item.status == STATUSES[2] and item.progress < 1:
        return ("warning", f"的状态是「{item.status}」，进度却只有 {item.progress:.0%}。", "progress",
                "请把进度改为 100%，或修改状态。")
    return None
