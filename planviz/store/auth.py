"""Who may do what: roles, the acting user, argon2 password hashes, random tokens and the login limits."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..model import PlanError

ROLES: dict[str, str] = {"admin": "管理员", "committee": "党委（审阅）", "editor": "编辑", "viewer": "只读"}
SESSION_TTL = timedelta(hours=12)
LINK_TTL = timedelta(days=30)
LOGIN_WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES = 5  # failed logins on one account within the window before it is refused
CLIENT_FAILURES = 20  # failed logins from one client (any account) within the window
MIN_PASSWORD = 8

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("planviz-no-such-account")  # unknown accounts cost the same time as known ones


class Refused(PlanError):
    """The acting user may not do this (or the link/session is no longer valid); message in Chinese."""


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf the store acts; every store call that reads or writes takes one."""

    id: int | None
    name: str
    role: str
    org_id: int | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


# The command line is run by whoever holds the database itself: it acts as an administrator.
SYSTEM = Actor(None, "命令行", "admin", None)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise PlanError(f"密码至少 {MIN_PASSWORD} 位")
    return _hasher.hash(password)


def check_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; an unknown account (None) is checked against a dummy hash."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> tuple[str, str]:
    """(token to hand out, its SHA-256 to store)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def may_read(actor: Actor, org_id: int, subtree: set[int]) -> bool:
    """Admin reads all; committee its organization's subtree (``subtree``); editor and viewer their own."""
    if actor.is_admin:
        return True
    if actor.role == "committee":
        return org_id in subtree
    return org_id == actor.org_id


def may_write(actor: Actor, org_id: int) -> bool:
    """Admin writes everywhere; an editor writes its own organization's plans; no one else writes."""
    return actor.is_admin or (actor.role == "editor" and org_id == actor.org_id)


def require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise Refused("只有管理员可以管理组织和账号")
