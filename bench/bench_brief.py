"""Benchmark: one-page brief (cold, warm, batch) against a bare one-trace plotly export in the same run.

Run: .venv/bin/python bench/bench_brief.py
Target: a 60-item plan's A4 PNG and its vector PDF each in at most 0.5 s warm; a batch of 20 plans starts
no browser. The old PDF (the page as one JPEG) is timed in the same run as the PDF's baseline.
"""
from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

TODAY = date(2026, 11, 25)


def _cold() -> None:
    """Child process: time the imports and the first brief of a fresh interpreter."""
    t0 = time.perf_counter()
    from planviz.brief import compose_brief
    from test_brief import make_plan

    plan = make_plan(60)
    t1 = time.perf_counter()
    compose_brief(plan, today=TODAY).png()
    t2 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "first": t2 - t1}))


def _batch(folder: str) -> None:
    """Child process: a batch of plan files to PNG + PDF; reports time and whether a browser was needed."""
    from planviz.cli.plan import write_briefs

    files = sorted(str(p) for p in Path(folder).glob("*.xlsx"))
    t0 = time.perf_counter()
    code = write_briefs(files, Path(folder) / "out", fmt="a4", edition="plan")
    elapsed = time.perf_counter() - t0
    print(json.dumps({"files": len(files), "seconds": elapsed, "code": code,
                      "kaleido": "kaleido" in sys.modules or "choreographer" in sys.modules}))


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(fn, repeat: int = 3) -> tuple[float, float]:
    """(first call, median of the following ``repeat`` calls) in seconds."""
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    rest = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        rest.append(time.perf_counter() - t0)
    return first, statistics.median(rest)


def main() -> None:
    import plotly.graph_objects as go

    from planviz.brief import layout
    from planviz.brief import compose_brief
    from planviz.sample import sample_plan
    from planviz.template import plan_to_xlsx
    from test_brief import make_plan

    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        fig = go.Figure(go.Bar(x=["一", "二", "三"], y=[1, 3, 2]))
        base_cold, base_warm = timed(lambda: fig.write_image(f"{tmp}/base.png", width=800, height=500), repeat=2)
        rows += [("基线 fig.write_image 单图（首次，含启动浏览器）", base_cold),
                 ("基线 fig.write_image 单图（再次，每次启动浏览器）", base_warm)]
        import kaleido
        import plotly.io as pio

        kaleido.start_sync_server(silence_warnings=True)  # the app's way: one browser kept open
        pio.defaults.headers = None
        server_cold, base = timed(lambda: fig.write_image(f"{tmp}/base.png", width=800, height=500))
        kaleido.stop_sync_server(silence_warnings=True)
        rows += [("基线 同上，常驻浏览器（首次）", server_cold), ("基线 同上，常驻浏览器（再次）= 比较基准", base)]

        cold = _child("--cold")
        rows += [("简报 60 项 A4 PNG 冷启动：导入模块", cold["import"]),
                 ("简报 60 项 A4 PNG 冷启动：首份简报", cold["first"])]

        from planviz.brief import prepare_fonts

        prepare_fonts()  # the PDF's font copies are built once per machine: not part of a warm run
        plans = {"示例计划（76 项）": sample_plan(), "60 项": make_plan(60), "300 项": make_plan(300, highlights=5),
                 "5 项": make_plan(5, highlights=1, progress=False)}
        for name, plan in plans.items():
            for fmt, kind, edition in (("a4", "png", "plan"), ("a4", "png", "progress"), ("a4", "pdf", "progress"),
                                       ("slide", "png", "progress")):
                def run(plan=plan, fmt=fmt, kind=kind, edition=edition):
                    layout._wrap.cache_clear()  # warm fonts, but no text measured before: as for a new plan
                    page = compose_brief(plan, fmt=fmt, edition=edition, as_of=TODAY)
                    return page.pdf() if kind == "pdf" else page.png()
                _, warm = timed(run)
                rows.append((f"简报 {name} {fmt.upper()} {kind.upper()} {edition}（热，中位数）", warm))
        page60 = compose_brief(plans["60 项"], edition="progress", as_of=TODAY)
        _, jpeg_pdf = timed(lambda: page60.render().save(io.BytesIO(), "PDF", resolution=300, quality=92,
                                                           subsampling=0))
        _, vector_pdf = timed(page60.pdf)
        rows += [("  60 项 PDF 旧做法：整页 JPEG（绘制 + 编码）", jpeg_pdf), ("  60 项 PDF 现做法：矢量、嵌入字体子集", vector_pdf)]
        page = compose_brief(plans["60 项"], today=TODAY)
        _, compose = timed(lambda: (layout._wrap.cache_clear(), compose_brief(plans["60 项"], today=TODAY)))
        _, render = timed(page.render)
        image = page.render()
        _, encode = timed(lambda: page.png(image))
        rows += [("  其中 60 项：排版模型", compose), ("  其中 60 项：绘制", render), ("  其中 60 项：PNG 编码", encode)]

        for k in range(20):
            n = (5, 30, 60, 120, 300)[k % 5]
            Path(tmp, f"计划{k:02d}.xlsx").write_bytes(plan_to_xlsx(make_plan(n, seed=k)))
        batch = _child("--batch", tmp)
        rows.append((f"批量 {batch['files']} 份（读表 + PNG + PDF，新进程）", batch["seconds"]))
        rows.append(("  批量平均每份", batch["seconds"] / batch["files"]))

    width = max(len(r[0]) for r in rows) + 2
    print(f"{'项目':<{width}}{'秒':>8}{'÷ 比较基准':>12}")
    for label, seconds in rows:
        print(f"{label:<{width}}{seconds:>8.2f}{seconds / base:>12.1f}")
    print(f"\n批量退出码 {batch['code']}；批量进程是否启动浏览器（kaleido 已导入）：{'是' if batch['kaleido'] else '否'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--cold"]:
        _cold()
    elif sys.argv[1:2] == ["--batch"]:
        _batch(sys.argv[2])
    else:
        main()
