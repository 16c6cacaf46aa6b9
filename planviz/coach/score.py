"""The coach's score, 0–100: 100 less a capped penalty per theme.

    score = round(100 − Σ penalties), never below 0, where
    highlights_none 10 · highlights_many 5
    dimension_missing 8 each (at most 24) · dimension_thin 3 each (at most 9)
    elements_incomplete 15 × (missing elements ÷ (5 × projects))
    routine_missing 5 each, 2 for an info one (at most 20) · routine_rhythm 3 each (at most 12)
    owner_overload 8 · deadline_cluster 4 (at most 8)
    vague_timing 10 × (vague items ÷ work items)
    copied_from_last_year 40 × (copied items ÷ work items) · dropped_from_last_year 0 (information only)
"""
from __future__ import annotations

from ..model import Plan
from .findings import Finding

# code → (points per finding, cap); the share-based codes are computed below.
_EACH = {"highlights_none": (10, 10), "highlights_many": (5, 5), "dimension_missing": (8, 24),
         "dimension_thin": (3, 9), "routine_rhythm": (3, 12), "owner_overload": (8, 8),
         "deadline_cluster": (4, 8), "dropped_from_last_year": (0, 0)}
_ROUTINE_MISSING = {"warning": 5, "info": 2}
_ROUTINE_CAP = 20
_ELEMENTS, _VAGUE, _COPIED = 15, 10, 40


def score(plan: Plan, findings: list[Finding]) -> int:
    """The plan's score under the formula above."""
    penalty = 0.0
    for code, (points, cap) in _EACH.items():
        penalty += min(cap, points * sum(1 for f in findings if f.code == code))
    penalty += min(_ROUTINE_CAP, sum(_ROUTINE_MISSING[f.severity] for f in findings if f.code == "routine_missing"))
    work = max(1, sum(1 for i in plan.items if i.level != "section"))
    projects = len(plan.projects)
    if projects:
        missing = sum(len(f.detail["missing"]) for f in findings if f.code == "elements_incomplete")
        penalty += _ELEMENTS * missing / (5 * projects)
    penalty += _VAGUE * sum(len(f.items) for f in findings if f.code == "vague_timing") / work
    penalty += _COPIED * sum(1 for f in findings if f.code == "copied_from_last_year") / work
    return max(0, round(100 - penalty))
