"""Benchmark: planviz load_plan (read + parse + validate) vs a bare pandas.read_excel(engine="openpyxl").

Run: .venv/bin/python bench/bench_load.py [rows ...]   (default 100 1000 10000 100000)
Each planviz run happens in a fresh child process, so its peak memory (VmHWM of the child, ru_maxrss
of the isolated parser it forks) is its own. Times are the best of a few runs for the small sizes.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from messy import big_plan  # noqa: E402 - importable once tests/ is on sys.path (above)

BASELINE_BUDGET_S = 60.0  # skip the openpyxl baseline when it would take longer than this

_CHILD = """
import json, resource, sys, time
from planviz.reading import load_plan
t = time.perf_counter()
plan = load_plan(sys.argv[1])
elapsed = time.perf_counter() - t
# VmHWM, not RUSAGE_SELF: ru_maxrss survives exec and would report the benchmark's own size.
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
peak = max(hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # the isolated parser
print(json.dumps({"seconds": elapsed, "peak_mb": peak / 1024, "items": len(plan.items), "issues": len(plan.issues)}))
"""


def planviz_run(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def pandas_run(path: Path) -> float:
    import pandas as pd

    t = time.perf_counter()
    pd.read_excel(path, engine="openpyxl", header=1)
    return time.perf_counter() - t


def main(sizes: list[int]) -> None:
    print(f"{'rows':>8} | {'planviz s':>9} | {'peak MB':>7} | {'items':>7} | {'pandas+openpyxl s':>17} | "
          f"{'ratio':>6}")
    print("-" * 72)
    seconds_per_row = None
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = big_plan(Path(tmp) / f"plan_{rows}.xlsx", rows)
            repeats = 3 if rows <= 10_000 else 1
            runs = [planviz_run(path) for _ in range(repeats)]
            best = min(runs, key=lambda r: r["seconds"])
            estimate = seconds_per_row * rows if seconds_per_row else 0
            if estimate > BASELINE_BUDGET_S:
                baseline_text, ratio_text = f"skipped (~{estimate:.0f} s)", "-"
            else:
                baseline = min(pandas_run(path) for _ in range(repeats))
                seconds_per_row = baseline / rows
                baseline_text, ratio_text = f"{baseline:.3f}", f"{best['seconds'] / baseline:.2f}"
            print(f"{rows:>8} | {best['seconds']:>9.3f} | {best['peak_mb']:>7.0f} | {best['items']:>7} | "
                  f"{baseline_text:>17} | {ratio_text:>6}", flush=True)
    print("\nratio = planviz time / bare pandas.read_excel(openpyxl) time on the same file (below 1: planviz's "
          "whole load is faster; target < 1.0 and < 1 s at 10,000 rows). "
          "planviz time includes the isolated parser process, row interpretation and validate().")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000, 100_000])
