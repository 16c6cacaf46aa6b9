"""Build and export time of every chart for generated plans of 50, 500 and 5,000 items.

Run: .venv/bin/python bench/bench_charts.py [--sizes 50,500,5000] [--charts mindmap,timeline,...]

Each (chart, size) runs in a fresh subprocess: "cold" is its first export (kaleido starts its
browser), "warm" the second export in the same process. The baseline, measured in the same
run, is a bare ``fig.write_image`` of a one-trace figure (first and second call in a fresh
process). Plotly charts export PNG at the default scale 2; the mind map is `dot` PNG at 200 dpi
as the CLI does. Ratios are chart time ÷ baseline time of the same kind (cold or warm).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARTS = ("mindmap", "timeline", "radar", "levers", "progress")
SIZES = (50, 500, 5000)
CHILD_TIMEOUT = 600


def _build_plan(n_items: int):
    """The generated test plan (tests/conftest.py: build_plan), loaded by path."""
    spec = importlib.util.spec_from_file_location("planviz_test_fixtures", ROOT / "tests" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_plan(n_items)


def child_chart(chart: str, n_items: int) -> dict:
    """Time one chart in this (fresh) process: build, first export, second export."""
    from planviz.charts import build_chart
    from planviz.export import dot_bytes, figure_bytes

    plan = _build_plan(n_items)
    t0 = time.perf_counter()
    fig = build_chart(plan, chart)
    t1 = time.perf_counter()

    def export() -> bytes:
        return dot_bytes(fig, "png", dpi=200) if chart == "mindmap" else figure_bytes(fig, "png")

    first = export()
    t2 = time.perf_counter()
    export()
    t3 = time.perf_counter()
    return {"items": len(plan.items), "build": t1 - t0, "cold": t2 - t1, "warm": t3 - t2, "bytes": len(first)}


def child_baseline() -> dict:
    """Bare plotly export of a one-trace figure: first and second ``write_image`` in this process."""
    import tempfile

    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=["甲", "乙"], y=[1, 2]))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        fig.write_image(f"{tmp}/a.png")
        t1 = time.perf_counter()
        fig.write_image(f"{tmp}/b.png")
        t2 = time.perf_counter()
    return {"cold": t1 - t0, "warm": t2 - t1}


def _run_child(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT, cwd=ROOT, check=False)
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": tail[:80]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--charts", default=",".join(CHARTS))
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        sys.path.insert(0, str(ROOT))
        result = child_baseline() if args.child == ["baseline"] else child_chart(args.child[0], int(args.child[1]))
        print(json.dumps(result))
        return 0

    charts = [c for c in args.charts.split(",")
              if (ROOT / "planviz" / "charts" / f"{c}.py").exists()]  # modules still missing are skipped
    sizes = [int(s) for s in args.sizes.split(",")]
    base = _run_child("baseline")
    print(f"baseline: bare fig.write_image, one-trace figure — cold {base['cold']:.2f} s, warm {base['warm']:.2f} s")
    header = f"{'chart':<9} {'items':>6} {'build s':>8} {'cold s':>8} {'warm s':>8} {'cold/base':>10} {'warm/base':>10} {'PNG KB':>8}"
    print(header)
    print("-" * len(header))
    for chart in charts:
        for size in sizes:
            r = _run_child(chart, str(size))
            if "error" in r:
                print(f"{chart:<9} {size:>6}  failed: {r['error']}")
                continue
            print(f"{chart:<9} {r['items']:>6} {r['build']:>8.3f} {r['cold']:>8.2f} {r['warm']:>8.2f} "
                  f"{r['cold'] / base['cold']:>10.2f} {r['warm'] / base['warm']:>10.2f} {r['bytes'] / 1024:>8.0f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
