"""The store under stress: eight processes saving at once lose nothing and never see "database is locked";
a process killed in the middle of a save leaves the previous version whole; a restart keeps everything."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine

from conftest import build_small_plan
from planviz.store import SYSTEM, Store
from store_backends import pg_cluster, store_url  # noqa: F401 — fixtures

ROOT = Path(__file__).resolve().parent.parent
WRITERS, SAVES = 8, 6

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, "tests")
    from conftest import build_small_plan
    from planviz.store import SYSTEM, Store
    url, me, saves, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    store = Store(url)
    plan = build_small_plan()
    (go.parent / f"ready-{me}").write_text("ready")
    while not go.exists():
        time.sleep(0.005)
    for n in range(saves):
        store.save_version(SYSTEM, "第一党支部", plan.replace(title=f"writer {me} save {n}"), f"{me}-{n}".encode(),
                           f"{me}-{n}.xlsx")
        store.record_progress(SYSTEM, 1, "P1", progress=(me * saves + n) / 100, note=f"{me}-{n}")
""")

KILLED = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    sys.path.insert(0, "tests")
    from conftest import build_small_plan
    from planviz.store import SYSTEM, Store
    url, marker = sys.argv[1], Path(sys.argv[2])

    @event.listens_for(Session, "after_flush")
    def stall(session, context):  # the new version is written but not committed: kill me now
        marker.write_text("flushed")
        time.sleep(120)

    store = Store(url)
    store.save_version(SYSTEM, "第一党支部", build_small_plan().replace(title="never committed"), b"v2" * 500_000,
                       "v2.xlsx")
""")


def _python(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _prepared(url: str) -> Store:
    store = Store(url)
    store.add_org(SYSTEM, "第一党支部")
    store.save_version(SYSTEM, "第一党支部", build_small_plan(), b"v1", "v1.xlsx", as_of=date(2026, 1, 5))
    return store


def test_eight_processes_saving_at_once_lose_nothing(store_url, tmp_path):
    store = _prepared(store_url)
    go = tmp_path / "go"
    writers = [_python("-c", WRITER, store_url, str(n), str(SAVES), str(go)) for n in range(WRITERS)]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < WRITERS:  # every writer has opened the store and waits
        assert all(w.poll() is None for w in writers) and time.monotonic() < deadline
        time.sleep(0.05)
    go.write_text("go")
    results = [w.communicate(timeout=300) for w in writers]
    for writer, (_, err) in zip(writers, results):
        assert "locked" not in err.lower()
        assert writer.returncode == 0, err
    versions = store.versions(SYSTEM, 1)
    assert [v.number for v in versions] == list(range(1, 1 + WRITERS * SAVES + 1))
    assert sorted(store.version_file(SYSTEM, 1, v.number)[1] for v in versions[1:]) == \
        sorted(f"{m}-{n}".encode() for m in range(WRITERS) for n in range(SAVES))
    notes = sorted(e.note for e in store.timeline(SYSTEM, 1)[1])
    assert notes == sorted(f"{m}-{n}" for m in range(WRITERS) for n in range(SAVES))


def test_a_process_killed_mid_save_leaves_the_previous_version_whole(store_url, tmp_path):
    store = _prepared(store_url)
    before = store.timeline(SYSTEM, 1)[0]
    marker = tmp_path / "flushed"
    victim = _python("-c", KILLED, store_url, str(marker))
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert victim.poll() is None, victim.communicate()[1]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    store.close()
    reopened = Store(store_url)
    assert reopened.timeline(SYSTEM, 1)[0] == before
    assert reopened.version_file(SYSTEM, 1, 1) == ("v1.xlsx", b"v1")
    if store_url.startswith("sqlite"):
        engine = create_engine(store_url)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        engine.dispose()
    # The killed writer's lock is gone: the next save goes through and is number 2.
    assert reopened.save_version(SYSTEM, "第一党支部", build_small_plan(), b"v2", "v2.xlsx").number == 2
    reopened.close()


def test_a_restart_keeps_everything(store_url):
    saver = _python("-c", textwrap.dedent("""
        import sys
        sys.path.insert(0, "tests")
        from conftest import build_small_plan
        from planviz.store import SYSTEM, Store
        store = Store(sys.argv[1])
        store.add_org(SYSTEM, "第一党支部")
        store.add_user(SYSTEM, "书记", "a-long-password", "第一党支部", "editor")
        store.save_version(SYSTEM, "第一党支部", build_small_plan(), b"file", "f.xlsx")
        store.record_progress(SYSTEM, 1, "P3", progress=0.9, status="进行中", note="重启前")
    """), store_url)
    _, err = saver.communicate(timeout=120)
    assert saver.returncode == 0, err
    store = Store(store_url)
    token, actor = store.login("书记", "a-long-password", "c")
    assert store.session_actor(token) == actor
    item = store.plan_as_of(actor, 1).get("P3")
    assert (item.progress, item.status, item.notes) == (0.9, "进行中", "重启前")
    assert store.version_file(actor, 1, 1) == ("f.xlsx", b"file")
    store.close()


def test_twenty_sessions_saving_card_edits_at_once_lose_nothing(store_url):
    """Streamlit runs each browser session in a thread of one process: 20 threads share one Store."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    store = _prepared(store_url)
    items = [i.id for i in build_small_plan().items if i.level != "section"]
    start = Barrier(20)

    def session(n: int) -> None:
        start.wait()
        for k in range(5):
            store.record_progress(SYSTEM, 1, items[(n + k) % len(items)], progress=k / 10, note=f"{n}-{k}")

    with ThreadPoolExecutor(20) as pool:
        list(pool.map(session, range(20)))  # re-raises any error, "database is locked" included
    notes = sorted(e.note for e in store.timeline(SYSTEM, 1)[1])
    assert notes == sorted(f"{n}-{k}" for n in range(20) for k in range(5))
    store.close()
