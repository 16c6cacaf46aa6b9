"""Dashboard responsiveness in a real browser: upload on 上传与检查 until 一页纸总览 has drawn its brief.

Starts `streamlit run app.py` on a free port and drives headless Debian chromium with Playwright.
Each measurement is a fresh browser session (Streamlit's caches are per session, so every brief is
drawn cold): open 上传与检查 with the sample plan in use, choose the file, wait until the upload page
has finished its run, click 一页纸总览 in the sidebar, stop when the brief preview image has loaded.
Plans: generated plans of 30 and 300 items (tests/conftest.py build_plan, written with
planviz.template.plan_to_xlsx) and the bundled data/sample_plan.xlsx.
Baseline: in a fresh session with the sample plan already in use, click 一页纸总览 and wait for its
preview image (the same page render, without the upload).
Run: .venv/bin/python bench/bench_browser.py   (about 45 s; one server, one browser)
"""
from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import build_plan  # noqa: E402
from live_server import streamlit_server  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from planviz.template import plan_to_xlsx  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SIZES = (30, 300)
REPEATS = 3
TIMEOUT_MS = 90_000
VIEWPORT = {"width": 1440, "height": 900}
SAMPLE = ROOT / "data" / "sample_plan.xlsx"

# Streamlit is idle when its status widget shows no "running" indicator and no element is left stale
# from the previous run (stale ones are replaced or removed when the run ends).
IDLE = ("!document.querySelector('[data-testid=\"stStatusWidget\"] *')"
        " && !document.querySelector('[data-testid=\"stMain\"] [data-stale=\"true\"]')")
BRIEF_LOADED = ("(() => { const i = document.querySelector('[data-testid=\"stMain\"] [data-testid=\"stImage\"] img');"
                " return !!i && i.complete && i.naturalWidth > 0; })()")


def _check(page: Page) -> None:
    if page.locator("[data-testid='stException']").count():
        raise RuntimeError("页面出现异常：" + page.locator("[data-testid='stException']").first.inner_text()[:500])


def _wait_idle(page: Page) -> None:
    page.wait_for_function(IDLE, timeout=TIMEOUT_MS)


def open_upload_page(browser: Browser, url: str) -> Page:
    """A fresh session on 上传与检查 with the sample plan in use, its first run finished."""
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(f"{url}/upload")
    page.locator("h1", has_text="上传与检查").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("正在使用示例计划").wait_for(timeout=TIMEOUT_MS)
    _wait_idle(page)
    _check(page)
    return page


def go_to_summary(page: Page) -> None:
    """Click 一页纸总览 in the sidebar (same session) and wait for the brief preview image."""
    page.locator("[data-testid='stSidebarNav'] a", has_text="一页纸总览").click()
    page.locator("h1", has_text="一页纸总览").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(BRIEF_LOADED, timeout=TIMEOUT_MS)


def upload_to_summary(browser: Browser, url: str, file: Path) -> tuple[float, int]:
    """Seconds from choosing ``file`` on 上传与检查 to the summary's brief loaded; item count from the sidebar."""
    page = open_upload_page(browser, url)
    try:
        t0 = time.perf_counter()
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(file))
        page.get_by_text(f"已读取「{file.name}」").wait_for(timeout=TIMEOUT_MS)
        _wait_idle(page)  # the user sees the check report, then clicks
        go_to_summary(page)
        elapsed = time.perf_counter() - t0
        _check(page)
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        if file.name not in sidebar:
            raise RuntimeError(f"上传未生效：侧栏未显示「{file.name}」")
        return elapsed, int(re.search(r"(\d+) 项工作", sidebar).group(1))
    finally:
        page.close()


def baseline(browser: Browser, url: str) -> float:
    """Seconds from clicking 一页纸总览 (sample plan already in use) to its brief loaded."""
    page = open_upload_page(browser, url)
    try:
        t0 = time.perf_counter()
        go_to_summary(page)
        elapsed = time.perf_counter() - t0
        _check(page)
        return elapsed
    finally:
        page.close()


def plan_files(folder: Path) -> list[tuple[str, Path]]:
    """(row label, file) for every plan uploaded: generated sizes, then the bundled sample."""
    files = []
    for n in SIZES:
        path = folder / f"生成计划{n}.xlsx"
        path.write_bytes(plan_to_xlsx(build_plan(n)))
        files.append((f"生成 {n}", path))
    sample = folder / SAMPLE.name
    sample.write_bytes(SAMPLE.read_bytes())
    files.append(("示例计划", sample))
    return files


def main() -> None:
    started = time.perf_counter()
    with streamlit_server() as url, tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        files = plan_files(Path(tmp))
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            # Warm-up, not timed: the server's first brief and first read import their modules.
            baseline(browser, url)
            upload_to_summary(browser, url, files[0][1])
            base: list[float] = []
            runs: dict[str, list[float]] = {label: [] for label, _ in files}
            items: dict[str, int] = {}
            for _ in range(REPEATS):  # interleaved, so load from other processes spreads over every row
                base.append(baseline(browser, url))
                for label, path in files:
                    seconds, items[label] = upload_to_summary(browser, url, path)
                    runs[label].append(seconds)
        finally:
            browser.close()

    base_median = statistics.median(base)
    print("计时：新会话中在「上传与检查」选择文件起，到点「一页纸总览」后简报预览图加载完成止（含读取、检查报告、"
          f"简报生成）；基准为同样打开总览页但不上传（示例计划已在用）。各 {REPEATS} 次取中位数。\n")
    print(f"{'计划':<10}{'条目':>6}{'上传→总览 s':>14}{'基准 s':>10}{'倍数':>8}")
    for label, _ in files:
        median = statistics.median(runs[label])
        print(f"{label:<10}{items[label]:>7}{median:>14.2f}{base_median:>11.2f}{median / base_median:>9.1f}×")
    print(f"\n各次（秒）：基准 {', '.join(f'{s:.2f}' for s in base)}；"
          + "；".join(f"{label} {', '.join(f'{s:.2f}' for s in runs[label])}" for label, _ in files))
    print(f"总用时 {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
