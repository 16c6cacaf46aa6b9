"""The plan coach: checks a draft against good practice and last year's plan (see coach.coach)."""
from __future__ import annotations

from ..model import Plan
from .calendar import CALENDARS, Bundle, Calendar, Routine, organization_type
from .findings import CODES, THEMES, Comparison, Finding, Report
from .lastyear import compare_last_year
from .routine import routine_findings
from .rules import plan_findings
from .score import score

__all__ = ["CALENDARS", "Bundle", "Calendar", "Routine", "CODES", "THEMES", "Comparison", "Finding", "Report", "coach", "organization_type"]


def coach(plan: Plan, last_year: Plan | None = None, *, org_type: str | None = None,
          calendar: Calendar | None = None) -> Report:
    """Every finding on ``plan`` (with ``last_year``'s plan, the comparison too) and its score.

    ``org_type`` (a CALENDARS key) overrides the type read from the organization's name;
    ``calendar`` replaces the routine calendar altogether.
    """
    if org_type is not None and org_type not in CALENDARS:
        raise ValueError(f"unknown organization type {org_type!r}")
    findings = plan_findings(plan) + routine_findings(plan, org_type, calendar)
    comparison = None
    if last_year is not None:
        more, comparison = compare_last_year(plan, last_year)
        findings += more
    order = {code: i for i, code in enumerate(CODES)}
    findings.sort(key=lambda f: order[f.code])  # stable: plan order within a code
    return Report(plan, tuple(findings), score(plan, findings), comparison)
