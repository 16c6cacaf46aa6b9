"""The check report as people read it: issues of one kind folded together, and one count of each severity."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Issue, Plan
from .vocab import SEVERITIES

# What varies between issues of one kind: the quoted values (titles, dates) and numbers.
_QUOTED = re.compile(r"「[^」]*」")
_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")


def issue_kind(issue: Issue) -> tuple[str, str, str]:
    """(severity, message with its values blanked, hint): the same for every issue of one kind."""
    return issue.severity, _NUMBER.sub("N", _QUOTED.sub("「…」", issue.message)), issue.hint


@dataclass(frozen=True)
class IssueGroup:
    """Issues of one kind, in plan order; ``summary`` is the message with its values blanked."""

    severity: str
    summary: str
    hint: str
    issues: tuple[Issue, ...]

    @property
    def count(self) -> int:
        return len(self.issues)


def group_issues(issues: Iterable[Issue]) -> list[IssueGroup]:
    """Issues folded by kind, errors first, then warnings, then notes; each kind where it first appears."""
    kinds: dict[tuple[str, str, str], list[Issue]] = {}
    for issue in issues:
        kinds.setdefault(issue_kind(issue), []).append(issue)
    rank = {severity: k for k, severity in enumerate(SEVERITIES)}
    groups = [IssueGroup(sev, summary, hint, tuple(found)) for (sev, summary, hint), found in kinds.items()]
    return sorted(groups, key=lambda g: rank.get(g.severity, len(rank)))  # stable: plan order within a severity


@dataclass(frozen=True)
class Counts:
    """What a plan holds and what its check found, counted one way for every screen."""

    sections: int
    projects: int
    tasks: int
    errors: int
    warnings: int
    notes: int

    @property
    def work_items(self) -> int:
        """Projects and tasks: the items work is planned in (sections only group them)."""
        return self.projects + self.tasks

    def issues_text(self) -> str:
        return f"错误 {self.errors} 条，提醒 {self.warnings} 条，提示 {self.notes} 条"

    def items_text(self) -> str:
        return f"{self.work_items} 项工作（重点项目 {self.projects} 个，任务 {self.tasks} 项）"


def counts(plan: Plan) -> Counts:
    """Sections, projects and tasks, and issues by severity (a severity outside the three counts as a note)."""
    errors, warnings = len(plan.errors()), len(plan.warnings())
    return Counts(len(plan.sections), len(plan.projects), len(plan.tasks), errors, warnings,
                  len(plan.issues) - errors - warnings)
