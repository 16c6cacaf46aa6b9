"""Store test fixtures shared by the tests/test_store*.py modules: ``store_url`` runs a test once on a
SQLite file and once on a fresh database of a throw-away PostgreSQL cluster (skipped, with the reason,
only where PostgreSQL is not installed). Import the fixtures by name into each module."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

import pg

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster():
    reason = pg.missing_reason()
    if reason:
        pytest.skip(reason)
    with pg.cluster() as running:
        yield running


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workspace.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def second_url(store_url, request, tmp_path):
    """Another empty database on the same backend as ``store_url``."""
    if store_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'second.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


class Clock:
    """A settable clock for the store (naive UTC), so expiry is tested without waiting."""

    def __init__(self, now: datetime = datetime(2026, 5, 1, 8, 0)):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()  # 2026-05-01 08:00 UTC: 16:00 in Beijing, the same day


@pytest.fixture
def store(store_url, clock):
    """A Store on each backend, on the settable clock."""
    from planviz.store import Store

    opened = Store(store_url, clock=clock)
    yield opened
    opened.close()
