"""Dashboard responsiveness: time from uploading a plan to the summary page rendered, under AppTest.

Plans of 30 and 300 items (tests.conftest.build_plan, written with planviz.template.plan_to_xlsx) are
uploaded on 上传与检查, then 一页纸总览 (the summary, with its live brief) is rendered; every other page
is timed once after that, and each kind of presentation slide once on a 1920×1080 screen (the first
chart slide in a process also starts kaleido's browser). Baseline: an AppTest run of a one-line page
in the same process.
Run: .venv/bin/python bench/bench_app.py 2>/dev/null   (stderr only carries Streamlit's AppTest log lines)
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from planviz.template import plan_to_xlsx  # noqa: E402
from tests.conftest import build_plan  # noqa: E402

APP = str(ROOT / "app.py")
SIZES = (30, 300)
REPEATS = 3
OTHER_PAGES = ("pages/upload.py", "pages/mindmap.py", "pages/timeline.py", "pages/radar.py", "pages/progress.py",
               "pages/present.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _check(at: AppTest) -> AppTest:
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return at


def baseline() -> float:
    """Median seconds of one AppTest run of a trivial page."""
    times = []
    for _ in range(REPEATS):
        at = AppTest.from_string('import streamlit as st\nst.title("基准")', default_timeout=60)
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def upload_to_summary(data: bytes, name: str) -> tuple[float, float, AppTest]:
    """(upload and read, summary page) seconds for one fresh session; returns the session too."""
    at = _check(AppTest.from_file(APP, default_timeout=120).run())
    _check(at.switch_page("pages/upload.py").run())
    st.cache_data.clear()  # AppTest sessions may share an id: measure a cold read and a cold brief
    t0 = time.perf_counter()
    at.file_uploader(key="up_file_0").upload(name, data, XLSX)
    _check(at.run())
    t1 = time.perf_counter()
    _check(at.switch_page("pages/overview.py").run())
    t2 = time.perf_counter()
    assert at.session_state["pv_loaded"].name == name, "上传未生效"
    return t1 - t0, t2 - t1, at


SLIDE_KINDS = ("structure", "radar", "timeline", "highlight", "progress")


def slide_turns(data: bytes, name: str) -> dict[str, float]:
    """Seconds to turn to each kind of slide (its first one) on a 1920×1080 screen, in a fresh session."""
    at = _check(AppTest.from_file(APP, default_timeout=120).run())
    at.session_state["pv_viewport_known"] = {"width": 1920, "height": 1080, "content": 1760}
    _check(at.switch_page("pages/upload.py").run())
    at.file_uploader(key="up_file_0").upload(name, data, XLSX)
    _check(at.switch_page("pages/present.py").run())
    st.cache_data.clear()
    seen: dict[str, float] = {}
    while not at.button(key="pr_next").disabled:
        t = time.perf_counter()
        at.button(key="pr_next").click()
        _check(at.run())
        kind = slide_kind(at)
        seen.setdefault(kind, time.perf_counter() - t)
    return seen


def slide_kind(at: AppTest) -> str:
    """Which kind of slide is on screen, read from the counter's title."""
    counter = next(m.value for m in at.markdown if "pv-counter" in m.value)
    for word, kind in (("计划结构", "structure"), ("六度雷达", "radar"), ("时间轴", "timeline"),
                       ("亮点项目", "highlight"), ("进度总览", "progress")):
        if word in counter:
            return kind
    return "cover"


def main() -> None:
    base = baseline()
    print(f"基准（一行页面的一次 AppTest 运行）：{base * 1000:.0f} ms\n")
    print(f"{'条目':>6} {'上传并读取 s':>12} {'总览页 s':>10} {'合计 s':>8} {'合计/基准':>10}")
    per_page: dict[int, dict[str, float]] = {}
    for n in SIZES:
        plan = build_plan(n)
        data = plan_to_xlsx(plan)
        runs = [upload_to_summary(data, f"计划{n}.xlsx") for _ in range(REPEATS)]
        read = statistics.median(r[0] for r in runs)
        summary = statistics.median(r[1] for r in runs)
        total = statistics.median(r[0] + r[1] for r in runs)
        print(f"{len(plan.items):>6} {read:>12.2f} {summary:>10.2f} {total:>8.2f} {total / base:>10.0f}×")
        at = runs[-1][2]
        per_page[n] = {}
        for page in OTHER_PAGES:
            t = time.perf_counter()
            _check(at.switch_page(page).run())
            per_page[n][page] = time.perf_counter() - t
    print("\n上传后切换到其他页面（一次，秒）：")
    print(f"{'页面':<22}" + "".join(f"{n:>10}条" for n in SIZES))
    for page in OTHER_PAGES:
        print(f"{page:<24}" + "".join(f"{per_page[n][page]:>11.2f}" for n in SIZES))
    print("\n演示模式 1920×1080 翻到每一页（首次绘制，秒；图表页含 SVG 渲染）：")
    turns = {n: slide_turns(plan_to_xlsx(build_plan(n)), f"计划{n}.xlsx") for n in SIZES}
    print(f"{'幻灯片':<20}" + "".join(f"{n:>10}条" for n in SIZES))
    for kind in SLIDE_KINDS:
        print(f"{kind:<22}" + "".join(f"{turns[n].get(kind, float('nan')):>11.2f}" for n in SIZES))


if __name__ == "__main__":
    main()
