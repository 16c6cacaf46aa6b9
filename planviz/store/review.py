"""The committee's review (审议定稿): submit 提交审议, return 退回修改 with comments, approve 审议通过.

Every step is an appended ``review_events`` row (who, when, which version) with its comments in
``review_comments`` (on an item, or on the plan when ``item_id`` is None); nothing is overwritten.
Permissions are checked here: an editor (or admin) submits its own organization's plan; a committee
member decides on plans in its subtree, never its own organization's and never a sibling's (those
are "not found"), and never edits a plan (the store's writes refuse it).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..model import PlanError
from ..vocab import REVIEW_ACTIONS, REVIEW_STATE_NAMES
from .api import LOCAL_OFFSET, MAX_NOTE, Store
from .auth import Actor, Refused, may_write
from .codec import plan_from_json
from .models import Base, Org, PlanRow, Version


class ReviewRow(Base):
    """One review step on one version of a plan."""

    __tablename__ = "review_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # a REVIEW_ACTIONS key
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(100))


class CommentRow(Base):
    """A comment of a review step, on one item of the plan or (item_id None) on the plan."""

    __tablename__ = "review_comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("review_events.id"), index=True)
    item_id: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class Comment:
    item_id: str | None  # None: on the plan as a whole
    text: str


@dataclass(frozen=True)
class ReviewEvent:
    """One step of the review, as the plan's review timeline shows it."""

    id: int
    plan_id: int
    version: int
    action: str  # submit | return | approve
    note: str
    comments: tuple[Comment, ...]
    at: datetime  # UTC
    who: str

    @property
    def action_name(self) -> str:
        return REVIEW_ACTIONS[self.action]

    @property
    def day(self) -> date:
        """The local (Beijing) day of the step (steps are stored in UTC)."""
        return (self.at + LOCAL_OFFSET).date()


# -- the state, from the steps alone ---------------------------------------------------------------
_STATE_AFTER = {"submit": "submitted", "return": "returned", "approve": "approved"}


def review_state(events: list[ReviewEvent], latest_version: int | None) -> str:
    """none (no plan) | draft | submitted | returned | approved, for the plan's latest version.

    A version saved after the last step is a new draft: what was decided was an earlier version.
    """
    if latest_version is None:
        return "none"
    if not events:
        return "draft"
    last = max(events, key=lambda e: (e.at, e.id))
    return _STATE_AFTER[last.action] if last.version == latest_version else "draft"


def approved_on(events: list[ReviewEvent], version: int) -> date | None:
    """Day the plan was last approved at ``version`` or an earlier version (what the brief cites)."""
    days = [e.day for e in events if e.action == "approve" and e.version <= version]
    return max(days) if days else None


def state_name(state: str) -> str:
    return REVIEW_STATE_NAMES[state]


# -- reading and writing ----------------------------------------------------------------------------------
def _events(s: Session, plan_ids: list[int]) -> dict[int, list[ReviewEvent]]:
    """Every review step of these plans with its comments, oldest first, by plan."""
    if not plan_ids:
        return {}
    rows = list(s.scalars(select(ReviewRow).where(ReviewRow.plan_id.in_(plan_ids)).order_by(ReviewRow.id)))
    comments: dict[int, list[Comment]] = {}
    if rows:
        for c in s.scalars(select(CommentRow).where(CommentRow.event_id.in_([r.id for r in rows]))
                           .order_by(CommentRow.id)):
            comments.setdefault(c.event_id, []).append(Comment(c.item_id, c.text))
    out: dict[int, list[ReviewEvent]] = {}
    for r in rows:
        out.setdefault(r.plan_id, []).append(ReviewEvent(r.id, r.plan_id, r.version, r.action, r.note or "",
                                                         tuple(comments.get(r.id, ())), r.at, r.by))
    return out


def review_events(store: Store, actor: Actor, plan_id: int) -> list[ReviewEvent]:
    """The plan's review steps, oldest first (anyone who may read the plan sees them)."""
    def work(s: Session):
        store._live_plan(s, actor, plan_id)
        return _events(s, [plan_id]).get(plan_id, [])
    return store._read(work)


def plan_review_state(store: Store, actor: Actor, plan_id: int) -> str:
    """The review state of the plan's latest version."""
    def work(s: Session):
        store._live_plan(s, actor, plan_id)
        return review_state(_events(s, [plan_id]).get(plan_id, []), _latest(s, plan_id).number)
    return store._read(work)


def _latest(s: Session, plan_id: int) -> Version:
    return s.scalar(select(Version).where(Version.plan_id == plan_id).order_by(Version.number.desc()))


def _may_decide(store: Store, s: Session, actor: Actor, row: PlanRow) -> None:
    """Admin, or a committee member of an organization above the plan's (not the plan's own)."""
    if actor.is_admin:
        return
    org = s.get(Org, row.org_id)
    if actor.role != "committee":
        raise Refused(f"只有上级党组织的审议人员可以审议「{org.name}」的计划")
    if row.org_id == actor.org_id:
        raise Refused(f"「{org.name}」的计划须由上级党组织审议，不能审议本组织自己的计划")


def _clean(text: str, what: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_NOTE:
        raise PlanError(f"{what}不能超过 {MAX_NOTE} 个字")
    return text


def _step(store: Store, actor: Actor, plan_id: int, action: str, note: str,
          comments: list[tuple[str | None, str]]) -> ReviewEvent:
    note = _clean(note, "意见")
    given = [(item, _clean(text, "意见")) for item, text in comments]
    given = [(item, text) for item, text in given if text]
    if action == "return" and not note and not given:
        raise PlanError("退回修改时请写明意见（对整份计划或对具体条目）")

    def work(s: Session) -> ReviewEvent:
        row = store._live_plan(s, actor, plan_id)
        org = s.get(Org, row.org_id)
        latest = _latest(s, plan_id)
        state = review_state(_events(s, [plan_id]).get(plan_id, []), latest.number)
        if action == "submit":
            if not may_write(actor, row.org_id):
                raise Refused(f"您的账号不能提交「{org.name}」的计划")
            if state in ("submitted", "approved"):
                raise PlanError(f"「{org.name}」第 {latest.number} 版已{state_name(state)}，"
                                + ("请等待审议" if state == "submitted" else "如有修改请先保存新版本"))
        else:
            _may_decide(store, s, actor, row)
            if state != "submitted":
                raise PlanError(f"「{org.name}」的计划当前为「{state_name(state)}」，只有待审议的计划可以"
                                f"{REVIEW_ACTIONS[action]}")
        if given:
            items = plan_from_json(latest.plan_json).by_id()
            unknown = [item for item, _ in given if item is not None and item not in items]
            if unknown:
                raise PlanError(f"第 {latest.number} 版中没有编号为「{'」「'.join(unknown)}」的条目")
        event = ReviewRow(plan_id=plan_id, version=latest.number, action=action, note=note, at=store.clock(),
                          by=actor.name)
        s.add(event)
        s.flush()
        for item, text in given:
            s.add(CommentRow(event_id=event.id, item_id=item, text=text))
        return ReviewEvent(event.id, plan_id, latest.number, action, note,
                           tuple(Comment(i, t) for i, t in given), event.at, actor.name)
    return store._write(work)


def submit(store: Store, actor: Actor, plan_id: int, note: str = "") -> ReviewEvent:
    """提交审议: the plan's latest version goes to the committee (its editor or an admin)."""
    return _step(store, actor, plan_id, "submit", note, [])


def return_plan(store: Store, actor: Actor, plan_id: int, note: str = "",
                comments: list[tuple[str | None, str]] = ()) -> ReviewEvent:
    """退回修改 with comments on the plan (``note``) and/or on items ((item_id, text) pairs)."""
    return _step(store, actor, plan_id, "return", note, list(comments))


def approve(store: Store, actor: Actor, plan_id: int, note: str = "",
            comments: list[tuple[str | None, str]] = ()) -> ReviewEvent:
    """审议通过 of the submitted version."""
    return _step(store, actor, plan_id, "approve", note, list(comments))
