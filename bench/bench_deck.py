"""Benchmark: the meeting deck (.pptx) for 60 and 300 items, cold and warm, against baselines in the same run.

Run: .venv/bin/python bench/bench_deck.py
Target: each deck in at most 2 s warm. Baselines: an empty python-pptx Presentation saved to memory,
and the 16:9 one-page brief PNG of the same plan (Pillow, no browser).
"""
from __future__ import annotations

import io
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

AS_OF = date(2026, 6, 30)
TARGET = 2.0


def main() -> None:
    from pptx import Presentation

    from bench_brief import timed  # (first call, warm median), as the brief's bench measures
    from conftest import build_plan
    from planviz.brief import brief_png
    from planviz.deck import build_deck, deck_bytes

    def empty() -> bytes:
        out = io.BytesIO()
        Presentation().save(out)
        return out.getvalue()

    _, base = timed(empty)
    rows = [("empty Presentation().save", 0, "", base, base, None)]
    for n in (60, 300):
        plan = build_plan(n)
        slides = len(build_deck(plan, as_of=AS_OF, mindmap=False).titles) + 1
        _, brief = timed(lambda: brief_png(plan, fmt="slide", today=AS_OF))
        rows.append((f"brief 16:9 PNG, {n} items", n, "", brief, brief, None))
        for mindmap in (False, True):
            first, warm = timed(lambda: deck_bytes(plan, as_of=AS_OF, mindmap=mindmap))
            name = f"deck, {n} items" + (" + mind map picture" if mindmap else "")
            rows.append((name, n, slides - (not mindmap), first, warm, brief))
    print(f"{'case':40} {'slides':>6} {'first s':>8} {'warm s':>8} {'× empty':>8} {'× brief':>8} {'≤2 s':>5}")
    for name, _, slides, first, warm, brief in rows:
        ok = "" if brief is None else ("yes" if warm <= TARGET else "NO")
        vs_brief = f"{warm / brief:8.1f}" if brief else f"{'':>8}"
        print(f"{name:40} {slides!s:>6} {first:8.3f} {warm:8.3f} {warm / base:8.1f} {vs_brief} {ok:>5}")


if __name__ == "__main__":
    main()
