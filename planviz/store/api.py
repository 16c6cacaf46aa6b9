"""The store: every read and write of the workspace, each checked against the acting user."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import func, make_url, select
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from ..model import STATUSES, Plan, PlanError
from . import history
from .auth import (ACCOUNT_FAILURES, CLIENT_FAILURES, LINK_TTL, LOGIN_WINDOW, ROLES, SESSION_TTL, SYSTEM, Actor,
                   Refused, check_password, hash_password, may_read, may_write, new_token, require_admin,
                   token_hash)
from .codec import plan_from_json, plan_to_json
from .db import database_url, make_engines, migrate, retrying
from .models import Event, Link, LoginAttempt, LoginSession, Org, PlanRow, User, Version
from .records import KINDS, LinkInfo, OrgInfo, PlanInfo, UserInfo, VersionInfo

# The clock and the database keep UTC; a user's day (today, an as-of date, an approval) is Beijing time.
LOCAL_OFFSET = timedelta(hours=8)

MAX_FILE_BYTES = 50 * 1024 * 1024  # the upload page's limit
MAX_NOTE = 2000
NOT_FOUND = "找不到这份计划，或您没有查看它的权限"  # the same words for both: ids of others' plans leak nothing
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def utc_now() -> datetime:
    """Naive UTC, as every timestamp is stored."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _name(value: str, what: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise PlanError(f"{what}不能为空")
    if len(value) > limit or _CONTROL.search(value):
        raise PlanError(f"{what}「{value[:20]}」不能超过 {limit} 个字，也不能含控制字符")
    return value


def _kind_of(name: str, parent_kind: str | None) -> str:
    """党支部 / 党总支 / 党委 from the name; else the top of the tree, or a branch under a parent."""
    for word, kind in (("总支", "党总支"), ("支部", "党支部"), ("党委", "党委"), ("工委", "党委"), ("党组", "党委")):
        if word in name:
            return kind
    return "党委" if parent_kind is None else "党支部"


def _org(o: Org) -> OrgInfo:
    return OrgInfo(o.id, o.name, o.kind, o.parent_id)


def _version(v: Version) -> VersionInfo:
    return VersionInfo(v.plan_id, v.number, v.as_of, v.saved_at, v.saved_by, v.file_name, v.items)


def _link(k: Link) -> LinkInfo:
    return LinkInfo(k.id, k.plan_id, k.created_at, k.created_by, k.expires_at, k.revoked_at)


def _event(e: Event) -> history.ProgressEvent:
    return history.ProgressEvent(e.item_id, e.day, e.status, e.progress, e.note or "", e.recorded_by,
                                 e.recorded_at)


class Store:
    """The workspace database. ``Store(url)`` opens (and creates or migrates) it; see the package docs."""

    def __init__(self, url: str | None = None, *, clock: Callable[[], datetime] = utc_now):
        self.url = database_url(url)
        self.clock = clock
        try:
            parsed = make_url(self.url)
            where = parsed.render_as_string(hide_password=True)
            if parsed.get_backend_name() not in ("sqlite", "postgresql"):
                raise PlanError(f"工作区数据库只支持 SQLite 和 PostgreSQL，收到 {where}")
            self._reader, self._writer = make_engines(self.url)
        except (ArgumentError, NoSuchModuleError, ImportError) as error:
            raise PlanError("数据库地址无法识别：应为 SQLAlchemy 地址，如 sqlite:///路径/planviz.db 或 "
                            "postgresql+psycopg://用户@主机/库名") from error
        except OSError as error:
            raise PlanError(f"无法打开工作区数据库 {where}：{error.strerror}") from error
        try:
            migrate(self._writer)
        except OperationalError as error:  # unreachable server, unwritable file: a message, not a traceback
            raise PlanError(f"无法打开工作区数据库 {where}：{str(error.orig).strip().splitlines()[0]}") from error

    def close(self) -> None:
        self._reader.dispose()
        self._writer.dispose()

    def today(self) -> date:
        """The user's today: the day in Beijing time."""
        return (self.clock() + LOCAL_OFFSET).date()

    # -- transactions -----------------------------------------------------------------
    def _read(self, work):
        with Session(self._reader) as session:
            return work(session)

    def _write(self, work):
        def attempt():
            with Session(self._writer) as session, session.begin():
                return work(session)
        return retrying(attempt)

    # -- organizations and accounts -------------------------------------------------------
    def add_org(self, actor: Actor, name: str, parent: str | None = None) -> OrgInfo:
        """A new organization under ``parent`` (by name); admin only."""
        require_admin(actor)
        name = _name(name, "组织名称", 200)

        def work(s: Session) -> OrgInfo:
            if s.scalar(select(Org).where(Org.name == name)):
                raise PlanError(f"组织「{name}」已存在")
            up = None
            if parent:
                up = s.scalar(select(Org).where(Org.name == parent))
                if up is None:
                    raise PlanError(f"没有名为「{parent}」的上级组织")
            kind = _kind_of(name, up.kind if up else None)
            if up and KINDS.index(kind) <= KINDS.index(up.kind):
                raise PlanError(f"{kind}「{name}」不能设在{up.kind}「{up.name}」之下")
            org = Org(name=name, kind=kind, parent_id=up.id if up else None, created_at=self.clock())
            s.add(org)
            s.flush()
            return _org(org)
        return self._write(work)

    def _all_orgs(self, s: Session) -> list[Org]:
        return list(s.scalars(select(Org).order_by(Org.id)))

    def _subtree(self, s: Session, root: int | None) -> set[int]:
        children: dict[int | None, list[int]] = {}
        for o in self._all_orgs(s):
            children.setdefault(o.parent_id, []).append(o.id)
        found, todo = set(), [root] if root is not None else []
        while todo:
            current = todo.pop()
            found.add(current)
            todo.extend(children.get(current, []))
        return found

    def orgs(self, actor: Actor) -> list[OrgInfo]:
        """The organizations ``actor`` may see, in creation order."""
        def work(s: Session):
            subtree = self._subtree(s, actor.org_id)
            return [_org(o) for o in self._all_orgs(s) if may_read(actor, o.id, subtree)]
        return self._read(work)

    def org(self, actor: Actor, name: str) -> OrgInfo:
        """The visible organization called ``name``."""
        for o in self.orgs(actor):
            if o.name == name:
                return o
        raise PlanError(f"没有名为「{name}」的组织，或您没有查看它的权限")

    def add_user(self, actor: Actor, name: str, password: str, org: str, role: str) -> UserInfo:
        """A new account of organization ``org`` (by name) with ``role``; admin only."""
        require_admin(actor)
        name = _name(name, "账号名", 100)
        if role not in ROLES:
            raise PlanError(f"角色须为 {'、'.join(ROLES)} 之一")
        hashed = hash_password(password)  # before the transaction: argon2 takes a moment

        def work(s: Session) -> UserInfo:
            if s.scalar(select(User).where(User.name == name)):
                raise PlanError(f"账号「{name}」已存在")
            home = s.scalar(select(Org).where(Org.name == org))
            if home is None:
                raise PlanError(f"没有名为「{org}」的组织")
            user = User(name=name, org_id=home.id, role=role, password_hash=hashed, created_at=self.clock())
            s.add(user)
            s.flush()
            return UserInfo(user.id, user.name, user.org_id, user.role)
        return self._write(work)

    # -- logging in ---------------------------------------------------------------------
    def login(self, name: str, password: str, client: str = "") -> tuple[str, Actor]:
        """(session token, actor) for a right password; refused after too many failures on the account
        or from the client within LOGIN_WINDOW, even with the right password."""
        name, client = (name or "").strip()[:100], (client or "")[:100]
        since = self.clock() - LOGIN_WINDOW

        def look(s: Session):
            count = lambda column, value: s.scalar(  # noqa: E731
                select(func.count()).select_from(LoginAttempt).where(column == value, LoginAttempt.at >= since))
            return (s.scalar(select(User).where(User.name == name)), count(LoginAttempt.account, name),
                    count(LoginAttempt.client, client) if client else 0)
        user, by_account, by_client = self._read(look)
        if by_account >= ACCOUNT_FAILURES or by_client >= CLIENT_FAILURES:
            raise Refused(f"登录失败次数过多，请 {LOGIN_WINDOW.seconds // 60} 分钟后再试")
        if not check_password(user.password_hash if user else None, password or ""):
            self._write(lambda s: s.add(LoginAttempt(account=name, client=client, at=self.clock())))
            raise Refused("账号或密码不正确")
        token, hashed = new_token()
        now = self.clock()
        self._write(lambda s: s.add(LoginSession(token_hash=hashed, user_id=user.id, created_at=now,
                                                 expires_at=now + SESSION_TTL)))
        return token, Actor(user.id, user.name, user.role, user.org_id)

    def session_actor(self, token: str | None) -> Actor | None:
        """The user of a live session token, or None (unknown, ended or expired)."""
        if not token:
            return None

        def work(s: Session):
            row = s.execute(select(LoginSession, User).join(User, User.id == LoginSession.user_id)
                            .where(LoginSession.token_hash == token_hash(token))).first()
            if row is None or row[0].ended_at is not None or row[0].expires_at <= self.clock():
                return None
            return Actor(row[1].id, row[1].name, row[1].role, row[1].org_id)
        return self._read(work)

    def logout(self, token: str) -> None:
        def work(s: Session):
            row = s.scalar(select(LoginSession).where(LoginSession.token_hash == token_hash(token)))
            if row is not None and row.ended_at is None:
                row.ended_at = self.clock()
        self._write(work)

    # -- plans and versions ----------------------------------------------------------------
    def _live_plan(self, s: Session, actor: Actor, plan_id: int, write: bool = False) -> PlanRow:
        row = s.get(PlanRow, plan_id, with_for_update=write or None) if isinstance(plan_id, int) else None
        if row is None or row.deleted_at is not None:
            raise Refused(NOT_FOUND)
        if not may_read(actor, row.org_id, self._subtree(s, actor.org_id)):
            raise Refused(NOT_FOUND)
        if write and not may_write(actor, row.org_id):
            raise Refused("您的账号只能查看，不能修改这份计划")
        return row

    def _info(self, s: Session, row: PlanRow) -> PlanInfo:
        count = s.scalar(select(func.count()).select_from(Version).where(Version.plan_id == row.id))
        return PlanInfo(row.id, row.org_id, s.get(Org, row.org_id).name, row.year, count)

    def save_version(self, actor: Actor, org: str, plan: Plan, data: bytes, file_name: str, *,
                     as_of: date | None = None) -> VersionInfo:
        """Keep ``plan`` (read from ``data``, the file as uploaded) as the next version of ``org``'s plan
        for ``plan.year``, as of ``as_of`` (default today); the plan is created on its first save."""
        if len(data) > MAX_FILE_BYTES:
            raise PlanError("文件超过 50 MB，不能保存")
        file_name = _name(file_name, "文件名", 300)
        as_of = as_of or self.today()
        if as_of > self.today():
            raise PlanError("进度截至日期不能晚于今天")
        encoded = plan_to_json(plan)

        def work(s: Session) -> VersionInfo:
            home = s.scalar(select(Org).where(Org.name == org))
            if home is None or not may_read(actor, home.id, self._subtree(s, actor.org_id)):
                raise Refused(f"没有名为「{org}」的组织，或您没有查看它的权限")
            if not may_write(actor, home.id):
                raise Refused(f"您的账号不能修改「{org}」的计划")
            row = s.scalar(select(PlanRow).where(PlanRow.org_id == home.id, PlanRow.year == plan.year,
                                                 PlanRow.deleted_at.is_(None)).with_for_update())
            if row is None:
                row = PlanRow(org_id=home.id, year=plan.year, created_at=self.clock(), created_by=actor.name)
                s.add(row)
                s.flush()
            number = (s.scalar(select(func.max(Version.number)).where(Version.plan_id == row.id)) or 0) + 1
            version = Version(plan_id=row.id, number=number, as_of=as_of, saved_at=self.clock(),
                              saved_by=actor.name, file_name=file_name, file_bytes=data, plan_json=encoded,
                              items=len(plan.items))
            s.add(version)
            s.flush()
            return _version(version)
        return self._write(work)

    def save_with_change(self, actor: Actor, org: str, plan: Plan, data: bytes, file_name: str, *,
                         as_of: date | None = None) -> tuple[VersionInfo, str]:
        """``save_version`` and what changed against the plan as it stood, e.g. “新增 3 项，删除 1 项，
        12 项进度有更新” (“第一次保存” for a new plan)."""
        day = as_of or self.today()
        before = [p for p in self.plans(actor) if p.org_name == org and p.year == plan.year]
        previous = history.standing_before(*self.timeline(actor, before[0].id), day) if before else None
        version = self.save_version(actor, org, plan, data, file_name, as_of=day)
        return version, history.diff(previous, plan).summary() if previous else "第一次保存"

    def plans(self, actor: Actor) -> list[PlanInfo]:
        """Every live plan ``actor`` may see, by organization then year."""
        def work(s: Session):
            subtree = self._subtree(s, actor.org_id)
            rows = s.scalars(select(PlanRow).where(PlanRow.deleted_at.is_(None))
                             .order_by(PlanRow.org_id, PlanRow.year))
            return [self._info(s, r) for r in rows if may_read(actor, r.org_id, subtree)]
        return self._read(work)

    def find_plan(self, actor: Actor, org: str, year: int | None = None) -> PlanInfo:
        """``org``'s plan for ``year`` (default: its latest year)."""
        found = [p for p in self.plans(actor) if p.org_name == org and (year is None or p.year == year)]
        if not found:
            raise PlanError(f"「{org}」还没有保存{f' {year} 年度的' if year else '过'}计划，或您没有查看它的权限")
        return max(found, key=lambda p: p.year)

    def plan_info(self, actor: Actor, plan_id: int) -> PlanInfo:
        return self._read(lambda s: self._info(s, self._live_plan(s, actor, plan_id)))

    def versions(self, actor: Actor, plan_id: int) -> list[VersionInfo]:
        """The plan's versions, oldest first."""
        def work(s: Session):
            self._live_plan(s, actor, plan_id)
            return [_version(v) for v in s.scalars(select(Version).where(Version.plan_id == plan_id)
                                                   .order_by(Version.number))]
        return self._read(work)

    def version_file(self, actor: Actor, plan_id: int, number: int) -> tuple[str, bytes]:
        """(file name, the bytes as uploaded) of one version: for a download, never to be rendered."""
        def work(s: Session):
            self._live_plan(s, actor, plan_id)
            v = s.scalar(select(Version).where(Version.plan_id == plan_id, Version.number == number))
            if v is None:
                raise PlanError(f"这份计划没有第 {number} 版")
            return v.file_name, v.file_bytes
        return self._read(work)

    def delete_plan(self, actor: Actor, plan_id: int) -> None:
        """Soft delete: the plan disappears from every view; its rows stay, marked who and when."""
        def work(s: Session):
            row = self._live_plan(s, actor, plan_id, write=True)
            row.deleted_at, row.deleted_by = self.clock(), actor.name
        self._write(work)

    # -- progress --------------------------------------------------------------------------
    def _timeline(self, s: Session, plan_id: int) -> tuple[list[history.Snapshot], list[history.ProgressEvent]]:
        snaps = [history.Snapshot(v.number, v.as_of, v.saved_at, plan_from_json(v.plan_json))
                 for v in s.scalars(select(Version).where(Version.plan_id == plan_id).order_by(Version.number))]
        events = [_event(e) for e in s.scalars(select(Event).where(Event.plan_id == plan_id).order_by(Event.id))]
        return snaps, events

    def timeline(self, actor: Actor, plan_id: int) -> tuple[list[history.Snapshot], list[history.ProgressEvent]]:
        """Every version's plan and every progress event: what ``history`` rebuilds the year from."""
        return self._read(lambda s: (self._live_plan(s, actor, plan_id), self._timeline(s, plan_id))[1])

    def plan_as_of(self, actor: Actor, plan_id: int, day: date | None = None) -> Plan:
        """The plan as it stood at the end of ``day`` (default today), progress reports merged in."""
        snaps, events = self.timeline(actor, plan_id)
        return history.plan_on(snaps, events, day or self.today())

    def record_progress(self, actor: Actor, plan_id: int, item_id: str, *, status: str | None = None,
                        progress: float | None = None, note: str = "", day: date | None = None
                        ) -> history.ProgressEvent:
        """Append one progress report on an item of the plan's latest version."""
        if status is not None and status not in STATUSES:
            raise PlanError(f"状态须为 {'、'.join(STATUSES)} 之一")
        if progress is not None and not 0 <= progress <= 1:
            raise PlanError("进度须在 0% 到 100% 之间")
        note = (note or "").strip()
        if len(note) > MAX_NOTE:
            raise PlanError(f"说明不能超过 {MAX_NOTE} 个字")
        if status is None and progress is None and not note:
            raise PlanError("请填写状态、进度或说明")
        day = day or self.today()
        if day > self.today():
            raise PlanError("不能填报将来日期的进度")

        def work(s: Session):
            self._live_plan(s, actor, plan_id, write=True)
            latest = s.scalar(select(Version).where(Version.plan_id == plan_id).order_by(Version.number.desc()))
            if latest is None or plan_from_json(latest.plan_json).get(item_id) is None:
                raise PlanError(f"计划中没有编号为「{item_id}」的条目")
            event = Event(plan_id=plan_id, item_id=item_id, day=day, status=status, progress=progress,
                          note=note, recorded_at=self.clock(), recorded_by=actor.name)
            s.add(event)
            s.flush()
            return _event(event)
        return self._write(work)

    # -- view-only links -----------------------------------------------------------------------
    def create_link(self, actor: Actor, plan_id: int, ttl: timedelta = LINK_TTL) -> tuple[str, LinkInfo]:
        """(token, link) of a new view-only link; those who may change the plan may share it."""
        token, hashed = new_token()

        def work(s: Session):
            self._live_plan(s, actor, plan_id, write=True)
            now = self.clock()
            link = Link(plan_id=plan_id, token_hash=hashed, created_at=now, created_by=actor.name,
                        expires_at=now + ttl)
            s.add(link)
            s.flush()
            return token, _link(link)
        return self._write(work)

    def links(self, actor: Actor, plan_id: int) -> list[LinkInfo]:
        def work(s: Session):
            self._live_plan(s, actor, plan_id)
            return [_link(k) for k in s.scalars(select(Link).where(Link.plan_id == plan_id).order_by(Link.id))]
        return self._read(work)

    def revoke_link(self, actor: Actor, link_id: int) -> None:
        def work(s: Session):
            link = s.get(Link, link_id) if isinstance(link_id, int) else None
            if link is None:
                raise Refused("找不到这个链接")
            self._live_plan(s, actor, link.plan_id, write=True)
            if link.revoked_at is None:
                link.revoked_at, link.revoked_by = self.clock(), actor.name
        self._write(work)

    def link_plan(self, token: str | None) -> PlanInfo:
        """The plan a live view-only link opens; refused when unknown, revoked, expired or deleted."""
        def work(s: Session):
            link = s.scalar(select(Link).where(Link.token_hash == token_hash(token or "")))
            if link is None or not _link(link).active(self.clock()):
                raise Refused("链接无效、已撤销或已过期")
            row = s.get(PlanRow, link.plan_id)
            if row.deleted_at is not None:
                raise Refused("链接无效、已撤销或已过期")
            return self._info(s, row)
        return self._read(work)

    def link_timeline(self, token: str | None) -> tuple[PlanInfo, list[history.Snapshot],
                                                          list[history.ProgressEvent]]:
        """The linked plan and its versions and events, and nothing else of its organization."""
        info = self.link_plan(token)
        snaps, events = self._read(lambda s: self._timeline(s, info.id))
        return info, snaps, events
