"""The workspace store: saved plans, versions, progress events and accounts in one database (SQLAlchemy).

Open it with ``Store(url=None)``: the URL given, else ``$PLANVIZ_DB``, else the SQLite file
``instance/planviz.db`` (WAL, busy timeout). Opening runs the Alembic migrations in ``migrations/``
(revision ``0001_workspace`` first; later revisions set ``down_revision`` to the head before them).
Nothing outside this package writes SQL.

Every call that reads or writes takes the acting user, an ``Actor`` (``store.login`` gives one;
``auth.SYSTEM`` is the command line's administrator) and checks it: ``Refused`` (a ``PlanError``,
Chinese message) when not allowed; other ``PlanError`` for bad input. Roles (``auth.ROLES``): admin
everything; committee reads its organization's subtree; editor reads and writes its own organization;
viewer reads its own organization. Another organization's plan id is "not found" (``NOT_FOUND``).

API (``Store`` methods):
- organizations and accounts (admin): ``add_org(actor, name, parent=None) -> OrgInfo`` (kind 党委/党总支/
  党支部 from the name, or by position), ``orgs(actor)``, ``org(actor, name)``,
  ``add_user(actor, name, password, org, role) -> UserInfo``;
- sessions: ``login(name, password, client) -> (token, Actor)`` (rate-limited per account and client),
  ``session_actor(token) -> Actor | None``, ``logout(token)``;
- plans: ``save_version(actor, org, plan, data, file_name, as_of=None) -> VersionInfo``,
  ``save_with_change(...) -> (VersionInfo, "新增 3 项，删除 1 项，12 项进度有更新")``,
  ``plans(actor)``, ``find_plan(actor, org, year=None) -> PlanInfo``, ``plan_info(actor, plan_id)``,
  ``versions(actor, plan_id)``, ``version_file(actor, plan_id, number) -> (name, bytes)``,
  ``delete_plan(actor, plan_id)`` (soft);
- progress: ``record_progress(actor, plan_id, item_id, status=, progress=, note=, day=)``,
  ``timeline(actor, plan_id) -> (snapshots, events)``, ``plan_as_of(actor, plan_id, day) -> Plan``;
  ``history`` rebuilds from a timeline: ``plan_on``, ``diff(old, new).summary()``, ``version_changes``,
  ``progress_over_time``, ``changes_between``, ``last_report_before``, ``slipped_by_month``;
- view-only links: ``create_link(actor, plan_id, ttl) -> (token, LinkInfo)``, ``links``,
  ``revoke_link(actor, link_id)``, ``link_plan(token) -> PlanInfo``, ``link_timeline(token)``;
- ``backup.dump(store, actor) -> bytes`` and ``backup.load(store, actor, data)``: everything, files too.
Records (``records``): ``OrgInfo``, ``UserInfo``, ``PlanInfo``, ``VersionInfo``, ``LinkInfo`` (frozen).

Adding tables (e.g. reviews): declare them on ``models.Base`` in ``models.py`` (or in a module that
``models.py`` imports at its end, so every process sees them), and add a revision under ``migrations/versions/`` with ``down_revision = "0001_workspace"`` (or the head
at the time); ``backup`` follows ``Base.metadata``, so new tables are backed up and restored too.
"""
from .api import NOT_FOUND, Store
from .auth import ROLES, SYSTEM, Actor, Refused
from .records import KINDS, LinkInfo, OrgInfo, PlanInfo, UserInfo, VersionInfo
from . import review  # noqa: E402,F401 — its tables (revision 0002_review) belong to Base.metadata: backup, restore

__all__ = ["Store", "Actor", "Refused", "SYSTEM", "ROLES", "KINDS", "NOT_FOUND", "OrgInfo", "UserInfo",
           "PlanInfo", "VersionInfo", "LinkInfo"]
