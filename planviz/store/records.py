"""What the store hands back: frozen records of organizations, accounts, plans, versions and links."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

KINDS: tuple[str, ...] = ("党委", "党总支", "党支部")  # the tree, top to bottom


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    kind: str  # one of KINDS
    parent_id: int | None


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    org_id: int
    role: str  # one of auth.ROLES


@dataclass(frozen=True)
class PlanInfo:
    id: int
    org_id: int
    org_name: str
    year: int
    versions: int


@dataclass(frozen=True)
class VersionInfo:
    plan_id: int
    number: int  # 1, 2, … per plan
    as_of: date
    saved_at: datetime  # UTC
    saved_by: str
    file_name: str
    items: int


@dataclass(frozen=True)
class LinkInfo:
    id: int
    plan_id: int
    created_at: datetime
    created_by: str
    expires_at: datetime
    revoked_at: datetime | None

    def active(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at
