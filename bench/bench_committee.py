"""Benchmark: the committee over 500 stored branches × 60 items — the table cold and warm, and the ZIP of
500 briefs with its progress and the app process's responsiveness meanwhile; ratios against baselines
measured in the same run.

Run: .venv/bin/python bench/bench_committee.py [--branches 500] [--briefs 500]
Target: the committee table (store → rows) under 1 s warm; the ZIP built in worker processes.
"""
from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import build_plan  # noqa: E402
from planviz.brief.bundle import worker_count, write_bundle  # noqa: E402
from planviz.brief.page import compose_brief  # noqa: E402
from planviz.committee import committee_rows  # noqa: E402
from planviz.stats import key_figures  # noqa: E402
from planviz.store import SYSTEM, Store, review  # noqa: E402
from planviz.store import branches as store_branches  # noqa: E402

AS_OF = date(2026, 6, 30)
COMMITTEE = "城关党委"


def _fill(store: Store, n: int) -> list[int]:
    """A 党委, ten 党总支 and ``n`` branches with a 60-item plan each, four progress reports and review steps."""
    store.add_org(SYSTEM, COMMITTEE)
    for g in range(10):
        store.add_org(SYSTEM, f"第{g + 1}党总支", parent=COMMITTEE)
    base = build_plan(60)
    work = [i.id for i in base.items if i.level != "section"]
    ids = []
    for k in range(n):
        org = f"第{k + 1:03d}党支部"
        store.add_org(SYSTEM, org, parent=f"第{k % 10 + 1}党总支")
        plan = base.replace(organization=org).with_items(
            dataclasses.replace(i, progress=((k + j) % 11) / 10) if i.progress is not None else i
            for j, i in enumerate(base.items))
        plan_id = store.save_version(SYSTEM, org, plan, b"bench", "计划.xlsx", as_of=date(2026, 1, 15)).plan_id
        for m, item in enumerate(work[k % 7::15][:4]):
            store.record_progress(SYSTEM, plan_id, item, progress=min(1.0, 0.25 * (m + 1)), day=date(2026, 2 + m, 10))
        if k % 2:
            review.submit(store, SYSTEM, plan_id)
        if k % 4 == 1:
            review.approve(store, SYSTEM, plan_id)
        ids.append(plan_id)
    return ids


def _median(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _clear_caches() -> None:
    store_branches._plans.clear()
    store_branches._built.clear()


class Pinger(threading.Thread):
    """What another session asks of the app process meanwhile: one plan's key figures every 50 ms."""

    def __init__(self, plan):
        super().__init__(daemon=True)
        self.plan, self.times, self.stop = plan, [], threading.Event()

    def run(self):
        while not self.stop.is_set():
            t0 = time.perf_counter()
            for _ in range(20):
                key_figures(self.plan)
            self.times.append(time.perf_counter() - t0)
            time.sleep(0.05)

    def median(self, seconds: float | None = None) -> float:
        if seconds is not None:
            time.sleep(seconds)
        self.stop.set()
        self.join()
        return statistics.median(self.times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--branches", type=int, default=500)
    ap.add_argument("--briefs", type=int, default=500)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-committee-"))
    try:
        store = Store(f"sqlite:///{folder / 'ws.db'}")
        t0 = time.perf_counter()
        ids = _fill(store, args.branches)
        fill = time.perf_counter() - t0
        print(f"stored {args.branches} branches × 60 items (+4 reports each) in {fill:.1f} s")

        def table():
            return committee_rows(store_branches.branch_plans(store, SYSTEM, COMMITTEE, year=2026, as_of=AS_OF),
                                  AS_OF)

        _clear_caches()
        t0 = time.perf_counter()
        rows = table()
        cold = time.perf_counter() - t0
        warm = _median(table)
        plans = [store.plan_as_of(SYSTEM, i, AS_OF) for i in ids]
        naive = _median(lambda: [store.plan_as_of(SYSTEM, i, AS_OF) for i in ids], repeat=1)
        pure = _median(lambda: committee_rows([store_branches.BranchPlan(f"b{k}", p) for k, p in enumerate(plans)],
                                              AS_OF))
        assert len(rows) == args.branches + 11
        with_history = _median(lambda: committee_rows(store_branches.branch_plans(
            store, SYSTEM, COMMITTEE, year=2026, as_of=AS_OF, with_history=True), AS_OF), repeat=3)
        print()
        print(f"| committee table, {len(rows)} rows | seconds | × baseline |")
        print("|---|---:|---:|")
        for name, value in (("baseline: rows from plans already in memory (committee_rows only)", pure),
                            ("store → rows, cold (empty caches)", cold), ("store → rows, warm", warm),
                            ("store → rows, with each branch's progress history, warm", with_history),
                            ("one plan_as_of per branch (no shared queries, no cache)", naive)):
            print(f"| {name} | {value:.3f} | {value / pure:.2f} |")
        print(f"\ntarget warm < 1 s: {'met' if warm < 1 else 'NOT met'} ({warm:.3f} s)")

        briefs = store_branches.branch_plans(store, SYSTEM, COMMITTEE, year=2026, as_of=AS_OF)
        briefs = [b for b in briefs if b.plan is not None][:args.briefs]
        sample = briefs[:min(20, len(briefs))]
        t0 = time.perf_counter()
        for b in sample:
            page = compose_brief(b.plan, today=AS_OF)
            page.png(), page.pdf()
        serial = (time.perf_counter() - t0) / len(sample)

        idle = Pinger(briefs[0].plan)
        idle.start()
        idle_ping = idle.median(3)
        busy = Pinger(briefs[0].plan)
        busy.start()
        seen = []
        workers = worker_count(len(briefs))
        t0 = time.perf_counter()
        result = write_bundle(briefs, folder / "briefs.zip", today=AS_OF,
                              progress=lambda d, t, o: seen.append((time.perf_counter() - t0, d)))
        total = time.perf_counter() - t0
        busy_ping = busy.median()
        size = (folder / "briefs.zip").stat().st_size
        gaps = [b[0] - a[0] for a, b in zip([(0.0, 0)] + seen, seen)]
        print()
        print(f"| ZIP of {len(briefs)} A4 briefs (PNG + PDF), {workers} worker process(es) | value | × baseline |")
        print("|---|---:|---:|")
        print(f"| baseline: one brief composed + PNG + PDF in this process (mean of {len(sample)}) | "
              f"{serial:.3f} s | 1.00 |")
        print(f"| ZIP total | {total:.1f} s | {total / (serial * len(briefs)):.2f} of serial |")
        print(f"| per brief in the ZIP | {total / len(briefs):.3f} s | {total / len(briefs) / serial:.2f} |")
        print(f"| progress callbacks | {len(seen)} (longest gap {max(gaps):.2f} s) | |")
        print(f"| ZIP size | {size / 1e6:.0f} MB | |")
        print(f"| app process, 20 × key_figures: idle median | {idle_ping * 1000:.1f} ms | 1.00 |")
        print(f"| app process, 20 × key_figures: during the ZIP | {busy_ping * 1000:.1f} ms | "
              f"{busy_ping / idle_ping:.2f} |")
        assert len(result.written) == len(briefs) and len(seen) == len(briefs)
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
