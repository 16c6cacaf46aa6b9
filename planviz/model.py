"""The plan model every reader produces and every view consumes: Plan, Item, Issue."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .vocab import (DEFAULT_DIMENSIONS, DEFAULT_LEVERS, LEVELS, RECURRENCES, SEVERITIES,  # noqa: F401
                    SEVERITY_NAMES, STATUSES)


class PlanError(Exception):
    """A file that cannot be used at all; the message is Chinese and shown to the user as is."""


class HeaderError(PlanError):
    """No recognisable header: carries what the user needs to map columns by hand."""

    def __init__(self, message: str, sheet: str | None = None, header_row: int | None = None,
                 columns: tuple[str, ...] = (), samples: tuple[tuple[str, ...], ...] = ()):
        super().__init__(message)
        self.sheet = sheet
        self.header_row = header_row  # 1-based row the columns were taken from
        self.columns = columns  # header texts (or column letters) offered for mapping
        self.samples = samples  # a few rows under that row, one text per column: what each column holds


@dataclass(frozen=True)
class Source:
    """Where a value came from: sheet name and 1-based spreadsheet row."""

    sheet: str
    row: int


def sheet_place(sheet: str) -> str:
    """How users read a sheet's name: 工作表「计划」, or 「表 2」 for a Word document's table (named so already)."""
    return f"「{sheet}」" if re.fullmatch(r"表 \d+", sheet) else f"工作表「{sheet}」"


@dataclass(frozen=True)
class ColumnRole:
    """What the reader took one column of a sheet (or document table) to be, and how sure it was."""

    sheet: str
    index: int  # 0-based column
    header: str  # the header text as written (or the column letter)
    role: str | None  # a reading.FIELDS key, or None: kept as the user's own column
    confidence: float = 1.0  # 0..1


@dataclass(frozen=True)
class Issue:
    """One problem found while reading or validating a plan."""

    severity: str  # one of SEVERITIES
    message: str  # Chinese, names the bad value
    sheet: str | None = None
    row: int | None = None  # 1-based, as Excel shows it
    column: str | None = None  # header text as the user wrote it (or the column letter)
    hint: str = ""  # plain-language fix, Chinese
    item_id: str | None = None
    paragraph: int | None = None  # 1-based paragraph of a Word document (prose plans)
    table: int | None = None  # 1-based table of a Word document; ``row`` is then that table's row

    def where(self) -> str:
        """Chinese location text, e.g. “工作表「计划」第 5 行「完成时限」列”, “表 2 第 5 行”, “第 12 段”."""
        parts = []
        if self.paragraph:
            parts.append(f"第 {self.paragraph} 段")
        if self.table:
            parts.append(f"表 {self.table} ")
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.row:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"「{self.column}」列")
        return "".join(parts).strip()


@dataclass(frozen=True)
class Item:
    """A section, project or task of the plan. Change it with ``dataclasses.replace``."""

    id: str
    title: str
    level: str = "project"  # one of LEVELS
    parent: str | None = None
    section: str = ""
    dimension: str | None = None
    dimension_inferred: bool = False
    lever: str | None = None
    owners: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    recurrence: str | None = None  # one of RECURRENCES
    deadline_text: str = ""
    goal: str = ""
    deliverable: str = ""
    criteria: str = ""
    progress: float | None = None  # 0..1
    status: str | None = None  # one of STATUSES
    milestone: bool = False
    highlight: bool = False
    notes: str = ""
    short_title: str = ""  # 简称, when the plan gives one
    detail: str = ""  # the rest of a long sentence whose first clause is the title
    extra: tuple[tuple[str, str], ...] = ()  # unknown columns, kept in their order
    source: Source | None = None

    @property
    def owner_text(self) -> str:
        """Owners joined with 、 (empty when none)."""
        return "、".join(self.owners)

    @property
    def department_text(self) -> str:
        """Departments joined with 、 (empty when none)."""
        return "、".join(self.departments)

    @property
    def extras(self) -> dict[str, str]:
        """The user's own columns as a dict, header → value."""
        return dict(self.extra)

    @property
    def has_timing(self) -> bool:
        """Whether the item says when: dates, a rhythm or at least its own wording of a time."""
        return bool(self.end or self.start or self.recurrence or self.deadline_text.strip())

    def missing_elements(self) -> list[str]:
        """The five project elements (项目化) this item lacks, in their canonical order."""
        have = {  # in vocab.ELEMENTS order
            "目标": bool(self.goal.strip()),
            "负责人": bool(self.owners),
            "时间节点": self.has_timing,
            "成果形式": bool(self.deliverable.strip()),
            "评估标准": bool(self.criteria.strip()),
        }
        return [name for name, ok in have.items() if not ok]


@dataclass(frozen=True)
class Plan:
    """A whole annual plan: meta, items in a section → project → task tree, and issues."""

    year: int
    organization: str = ""
    title: str = ""
    theme: str = ""  # 主题
    slogan: str = ""  # slogan or brand name
    dimensions: tuple[str, ...] = DEFAULT_DIMENSIONS
    levers: tuple[str, ...] = DEFAULT_LEVERS
    items: tuple[Item, ...] = ()
    issues: tuple[Issue, ...] = ()
    source_name: str = ""  # file name the plan was read from
    meta: tuple[tuple[str, str], ...] = ()  # other key-value meta, kept as given
    issuer: str = ""  # 印发单位
    approved_on: date | None = None  # 审议通过日期
    contact: str = ""  # 联系人
    columns: tuple[ColumnRole, ...] = ()  # the role each read column was given

    # -- views -------------------------------------------------------------
    @property
    def display_title(self) -> str:
        """Title for headings: the plan title, or one built from organization and year."""
        if self.title:
            return self.title
        org = self.organization or "本单位"
        return f"{org}{self.year}年度党建工作计划"

    def by_id(self) -> dict[str, Item]:
        """Every item by its id."""
        return {item.id: item for item in self.items}

    def get(self, item_id: str) -> Item | None:
        """The item with ``item_id``, or None."""
        return self.by_id().get(item_id)

    def of_level(self, level: str) -> tuple[Item, ...]:
        """Items of one level (section, project or task), in plan order."""
        return tuple(item for item in self.items if item.level == level)

    @property
    def sections(self) -> tuple[Item, ...]:
        """The section items, in plan order."""
        return self.of_level("section")

    @property
    def projects(self) -> tuple[Item, ...]:
        """The project items, in plan order."""
        return self.of_level("project")

    @property
    def tasks(self) -> tuple[Item, ...]:
        """The task items, in plan order."""
        return self.of_level("task")

    def children(self, item_id: str | None) -> tuple[Item, ...]:
        """Items whose parent is ``item_id`` (None: the top level)."""
        return tuple(item for item in self.items if item.parent == item_id)

    def highlights(self) -> tuple[Item, ...]:
        """Projects marked as highlights (亮点/特色)."""
        return tuple(item for item in self.projects if item.highlight)

    def owners(self) -> tuple[str, ...]:
        """Every distinct owner, in order of first appearance."""
        seen: dict[str, None] = {}
        for item in self.items:
            for owner in item.owners:
                seen.setdefault(owner, None)
        return tuple(seen)

    def overall_progress(self) -> float | None:
        """Mean progress of the work items that report one, or None when none do."""
        values = [i.progress for i in self.items if i.level != "section" and i.progress is not None]
        return sum(values) / len(values) if values else None

    def errors(self) -> tuple[Issue, ...]:
        """Issues of severity error."""
        return tuple(i for i in self.issues if i.severity == "error")

    def warnings(self) -> tuple[Issue, ...]:
        """Issues of severity warning."""
        return tuple(i for i in self.issues if i.severity == "warning")

    # -- copies --------------------------------------------------------------
    def replace(self, **changes) -> "Plan":
        """A copy with ``changes`` applied (the plan itself is frozen)."""
        return dataclasses.replace(self, **changes)

    def with_items(self, items: Iterable[Item]) -> "Plan":
        """A copy holding ``items``."""
        return dataclasses.replace(self, items=tuple(items))

    def with_issues(self, issues: Iterable[Issue]) -> "Plan":
        """A copy holding ``issues``."""
        return dataclasses.replace(self, issues=tuple(issues))



def item_to_json(item: Item) -> dict:
    """The CLI's JSON shape of one item (see README: inspect --json)."""
    return {
        "id": item.id,
        "parent": item.parent,
        "level": item.level,
        "title": item.title,
        "section": item.section or None,
        "dimension": item.dimension,
        "lever": item.lever,
        "owner": item.owner_text or None,
        "department": item.department_text or None,
        "start": item.start.isoformat() if item.start else None,
        "end": item.end.isoformat() if item.end else None,
        "recurrence": item.recurrence,
        "progress": item.progress,
        "status": item.status,
        "milestone": item.milestone,
        "highlight": item.highlight,
    }


def issue_to_json(issue: Issue) -> dict:
    """The CLI's JSON shape of one issue."""
    return {
        "severity": issue.severity,
        "sheet": issue.sheet,
        "row": issue.row,
        "column": issue.column,
        "paragraph": issue.paragraph,
        "table": issue.table,
        "message": issue.message,
    }


def plan_to_json(plan: Plan) -> dict:
    """The CLI's ``inspect --json`` document."""
    return {
        "plan": {"organization": plan.organization or None, "year": plan.year, "title": plan.display_title},
        "items": [item_to_json(i) for i in plan.items],
        "issues": [issue_to_json(i) for i in plan.issues],
    }
