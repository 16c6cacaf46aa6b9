"""What the coach reports: one Finding per problem, grouped by theme, and the whole Report."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Plan
from ..vocab import SEVERITIES

# Each code's theme, in the order a report shows them. The codes are a contract: other tools match on them.
THEMES: dict[str, tuple[str, ...]] = {
    "亮点项目": ("highlights_none", "highlights_many"),
    "六度覆盖": ("dimension_missing", "dimension_thin"),
    "项目化五要素": ("elements_incomplete",),
    "组织生活": ("routine_missing", "routine_rhythm"),
    "责任与时间": ("owner_overload", "deadline_cluster", "vague_timing"),
    "对照上年": ("copied_from_last_year", "dropped_from_last_year"),
}
CODES: tuple[str, ...] = tuple(code for codes in THEMES.values() for code in codes)
THEME_OF: dict[str, str] = {code: theme for theme, codes in THEMES.items() for code in codes}


@dataclass(frozen=True)
class Finding:
    """One problem: a stable code, a severity, a Chinese message naming the fix, the items and details."""

    code: str
    severity: str  # one of vocab.SEVERITIES
    message: str
    items: tuple[str, ...] = ()  # item ids of the plan checked, as `inspect --json` gives them
    detail: dict = field(default_factory=dict, hash=False)

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown finding code {self.code!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def theme(self) -> str:
        """The theme a report groups this finding under."""
        return THEME_OF[self.code]

    def to_json(self) -> dict:
        """The CLI's JSON shape of one finding."""
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "items": list(self.items), "detail": dict(self.detail)}


@dataclass(frozen=True)
class Comparison:
    """How this year's work items relate to last year's: copied, revised, new and dropped."""

    last_year_title: str
    last_year: int
    copied: int  # same text, or differing only by years and numbers
    revised: int  # a recognisable counterpart, rewritten
    routine: int  # routine work carried over (三会一课 …): repeats every year by rule, no copy
    new: int  # no counterpart last year
    dropped: int  # last year's items with no counterpart this year
    new_items: tuple[str, ...] = ()  # ids of the new items

    def to_json(self) -> dict:
        return {"last_year": {"year": self.last_year, "title": self.last_year_title}, "copied": self.copied,
                "revised": self.revised, "routine": self.routine, "new": self.new, "dropped": self.dropped,
                "new_items": list(self.new_items)}


@dataclass(frozen=True)
class Report:
    """The coach's verdict on one plan: findings in theme order, the score, the comparison if any."""

    plan: Plan
    findings: tuple[Finding, ...]
    score: int  # 0–100, see coach.score
    comparison: Comparison | None = None

    def by_theme(self) -> dict[str, tuple[Finding, ...]]:
        """Findings per theme, in THEMES order; themes without findings are left out."""
        out = {theme: tuple(f for f in self.findings if f.theme == theme) for theme in THEMES}
        return {theme: found for theme, found in out.items() if found}

    def codes(self) -> set[str]:
        """The distinct codes raised."""
        return {f.code for f in self.findings}

    def to_json(self) -> dict:
        """The CLI's ``coach --json`` document."""
        plan = self.plan
        return {
            "plan": {"organization": plan.organization or None, "year": plan.year, "title": plan.display_title},
            "findings": [f.to_json() for f in self.findings],
            "score": self.score,
            "comparison": self.comparison.to_json() if self.comparison else None,
        }
