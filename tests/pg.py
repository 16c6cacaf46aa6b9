"""A throw-away PostgreSQL 15 cluster for the store tests: initdb in a temp dir owned by postgres, started
on a unix socket only (no TCP), a fresh database per test, stopped and removed at the end."""
from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("PLANVIZ_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "planviz"


def missing_reason() -> str | None:
    """Why a cluster cannot be started here, or None."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 未安装（{PG_BIN}/initdb 不存在）：跳过 PostgreSQL 上的存储测试"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "没有 postgres 系统用户：跳过 PostgreSQL 上的存储测试"
    return None


def _as_postgres(*command: str) -> None:
    line = " ".join(f"'{part}'" for part in command)
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        command = ("su", "postgres", "-s", "/bin/sh", "-c", line)
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def _free_port() -> int:  # only names the socket file; nothing listens on TCP
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A running cluster; ``new_database()`` gives the URL of an empty database on it."""

    def __init__(self, root: Path, port: int):
        self.root, self.port = root, port
        self._names = itertools.count(1)

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@/{database}?host={self.root}&port={self.port}"

    def new_database(self) -> str:
        from sqlalchemy import create_engine, text

        name = f"t{os.getpid()}_{next(self._names)}"
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)


@contextmanager
def cluster():
    """Start a cluster for the duration of the block (raises RuntimeError when it cannot start)."""
    root = Path(tempfile.mkdtemp(prefix="planviz-pg-"))
    postgres = pwd.getpwnam("postgres")
    os.chown(root, postgres.pw_uid, postgres.pw_gid)
    data, port = root / "data", _free_port()
    started = False
    try:
        _as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8")
        _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w",
                     "-o", f"-k {root} -p {port} -c listen_addresses= -c fsync=off", "start")
        started = True
        yield Cluster(root, port)
    finally:
        if started:
            _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
