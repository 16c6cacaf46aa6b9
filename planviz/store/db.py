"""Opening the database: the URL (PLANVIZ_DB or the default SQLite file), SQLite's WAL and busy timeout,
Alembic migrations run on open, and the retry that rides out a briefly locked database."""
from __future__ import annotations

import contextlib
import fcntl
import os
import random
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

ENV_URL = "PLANVIZ_DB"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "instance"  # README: 工作区数据库 instance/planviz.db
DEFAULT_FILE = "planviz.db"
BUSY_TIMEOUT_MS = 15_000
ATTEMPTS = 12  # a write that still meets a lock or a racing insert after this many tries is reported
MIGRATIONS = Path(__file__).with_name("migrations")
PG_MIGRATION_LOCK = 4_711_011  # pg_advisory_lock key: one process migrates at a time


def database_url(url: str | None = None) -> str:
    """The URL given, else $PLANVIZ_DB, else the default SQLite file (its folder created on first use)."""
    url = url or os.environ.get(ENV_URL)
    if url:
        return url
    DEFAULT_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DIR / DEFAULT_FILE}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(engine: Engine, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # WAL keeps the database whole on a crash
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection):
        # Writers take the write lock when they start, so a busy writer waits (busy timeout) instead of
        # failing at its first write after reading; readers start deferred and never wait in WAL mode.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engines(url: str) -> tuple[Engine, Engine]:
    """(reader, writer) engines for ``url``; the same engine twice except on SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        return engine, engine
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engines = []
    for immediate in (False, True):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_pragmas(engine, immediate)
        engines.append(engine)
    return engines[0], engines[1]


def _alembic_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration's revision id."""
    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextlib.contextmanager
def _migration_lock(engine: Engine, connection):
    """One migrating process at a time: a lock file beside a SQLite file, an advisory lock on PostgreSQL."""
    if is_sqlite(engine):
        path = engine.url.database
        if not path or path == ":memory:":
            yield
            return
        with open(f"{path}.migrate-lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
    else:
        connection.execute(select(func.pg_advisory_lock(PG_MIGRATION_LOCK)))
        connection.commit()
        try:
            yield
        finally:
            connection.execute(select(func.pg_advisory_unlock(PG_MIGRATION_LOCK)))
            connection.commit()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates every table on a new database)."""
    head = head_revision()
    if current_revision(engine) == head:
        return
    with engine.connect() as connection, _migration_lock(engine, connection):
        command.upgrade(_alembic_config(connection), "head")
        connection.commit()


def _is_lock(error: OperationalError) -> bool:
    message = str(error.orig).lower()
    return "locked" in message or "busy" in message or "deadlock" in message


def retrying(work):
    """Run ``work()`` (one whole transaction) again when the database was locked or a racing insert
    collided; ``work`` checks everything again on each try, so a real conflict is still reported."""
    for attempt in range(ATTEMPTS):
        try:
            return work()
        except OperationalError as error:
            if not _is_lock(error) or attempt == ATTEMPTS - 1:
                raise
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
        time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
