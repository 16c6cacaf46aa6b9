"""The calendar of routine party work (三会一课 and the rest) as data, one per organization type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Plan

# Months between two occurrences of each rhythm (vocab.RECURRENCES): what "at least as often" compares.
INTERVAL_MONTHS: dict[str, float] = {"weekly": 0.25, "monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}


@dataclass(frozen=True)
class Routine:
    """One piece of routine work: its name, how titles write it, how often it must happen."""

    name: str
    pattern: str  # regex over item titles, in the usual wordings
    rhythms: tuple[str, ...]  # acceptable rhythms (vocab.RECURRENCES); the slowest one is the minimum
    severity: str = "warning"  # of routine_missing: info where the work only applies to some units
    note: str = ""  # appended to the missing message (why it may not apply)

    @property
    def expected(self) -> str:
        """The slowest acceptable rhythm: the work must happen at least this often."""
        return max(self.rhythms, key=INTERVAL_MONTHS.__getitem__)

    @property
    def interval(self) -> float:
        """Most months allowed between two occurrences."""
        return INTERVAL_MONTHS[self.expected]


@dataclass(frozen=True)
class Bundle:
    """A name that stands for several routines at once, e.g. 三会一课 for the three meetings and the lesson."""

    pattern: str
    members: tuple[str, ...]


BRANCH = (
    Routine("支委会", r"支委会|支委(?:扩大)?会议|支部委员会(?:会议|例会)|召开(?:党?支部|总支)委员会|总支委(?:员)?会", ("monthly",)),
    Routine("党小组会", r"党小组(?:会|学习|活动|集中学习|组织生活|生活会)", ("monthly",), severity="info",
            note="（未设党小组的支部可不列）"),
    Routine("党员大会", r"党员大会|支部大会|全体党员(?:会议|会)|党员会议", ("quarterly",)),
    Routine("党课", r"党课", ("quarterly",)),
    Routine("主题党日", r"主题党日|党日活动|党员活动日|固定党日|支部活动日", ("monthly",)),
    Routine("组织生活会", r"组织生活会|民主生活会", ("yearly",)),  # some branches still say 民主生活会
    Routine("民主评议党员", r"民主评议|评议党员", ("yearly",)),
    Routine("党费", r"党费", ("monthly", "quarterly")),
)
BRANCH_BUNDLES = (Bundle(r"三会一课", ("支委会", "党小组会", "党员大会", "党课")),)

COMMITTEE = (
    Routine("理论学习中心组", r"中心组", ("monthly",)),
    Routine("民主生活会", r"民主生活会", ("yearly",)),
)

Calendar = tuple[tuple[Routine, ...], tuple[Bundle, ...]]  # (routines, bundles)
# Organization type → its calendar. A 党总支 keeps a branch's routine (its committee is 总支委员会).
CALENDARS: dict[str, Calendar] = {
    "branch": (BRANCH, BRANCH_BUNDLES),
    "general_branch": (BRANCH, BRANCH_BUNDLES),
    "committee": (COMMITTEE, ()),
}
ORG_TYPE_NAMES = {"branch": "党支部", "general_branch": "党总支", "committee": "党委"}

# The last of these words in an organization's name says what it is: 某医院党委第一党支部 is a branch.
_ORG_WORDS = re.compile(r"党工委|工委|党委|党组|党总支|总支|党支部|支部")
_ORG_TYPE_OF = {"党工委": "committee", "工委": "committee", "党委": "committee", "党组": "committee",
                "党总支": "general_branch", "总支": "general_branch", "党支部": "branch", "支部": "branch"}


def organization_type(plan: Plan) -> str:
    """The plan's organization type (a CALENDARS key), read from its organization name or title."""
    for text in (plan.organization, plan.title, plan.issuer):
        words = _ORG_WORDS.findall(text or "")
        if words:
            return _ORG_TYPE_OF[words[-1]]
    return "branch"
