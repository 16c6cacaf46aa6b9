"""Twenty browser sessions uploading a plan at the same moment: planviz against a bare Streamlit app that
only echoes the upload, measured in the same run with the same browser.

Each app is served by `streamlit run` on a free loopback port. Twenty browser contexts (one session each)
open the upload page and wait until it is idle; then each chooses its own copy of data/sample_plan.xlsx
(a distinct file name), one right after another. Each page records in the browser the moment its own
file's name is confirmed on screen (planviz: 已读取「name」; echo app: 已收到「name」), and the time counts
from that page's own choice of file. Median and slowest over the 20 sessions; ratio planviz / echo.
Run: .venv/bin/python bench/bench_sessions.py   (about 2–3 minutes)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from live_server import streamlit_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

SESSIONS = 20
TIMEOUT_MS = 300_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SAMPLE = ROOT / "data" / "sample_plan.xlsx"
ECHO_APP = '''import streamlit as st
file = st.file_uploader("上传计划表")
if file is not None:
    st.write(f"已收到「{file.name}」，{len(file.getvalue())} 字节")
'''
IDLE = "!document.querySelector('[data-testid=\"stStatusWidget\"] *')"
WATCH = """(text) => { window.__seen = null; const poll = setInterval(() => {
  if (document.body.innerText.includes(text)) { window.__seen = Date.now(); clearInterval(poll); } }, 20);
  return Date.now(); }"""


@contextmanager
def echo_server(folder: Path):
    """The bare app that only echoes an upload, served like the real one."""
    script = folder / "echo_app.py"
    script.write_text(ECHO_APP, encoding="utf-8")
    with streamlit_server(script) as url:
        yield url


def burst(browser, url: str, files: list[Path], confirm: str) -> list[float]:
    """Seconds, per session, from choosing its file to seeing ``confirm`` with its file's name."""
    contexts = [browser.new_context(viewport={"width": 1280, "height": 800}) for _ in files]
    pages = [c.new_page() for c in contexts]
    try:
        for page in pages:
            page.goto(url)
            page.wait_for_selector("[data-testid='stFileUploaderDropzoneInput']", state="attached", timeout=TIMEOUT_MS)
            page.wait_for_function(IDLE, timeout=TIMEOUT_MS)
        starts = []
        for page, file in zip(pages, files):
            starts.append(page.evaluate(WATCH, confirm.format(name=file.name)))
            page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(file))
        seconds = []
        for page, start in zip(pages, starts):
            page.wait_for_function("window.__seen !== null", timeout=TIMEOUT_MS)
            seconds.append((page.evaluate("window.__seen") - start) / 1000)
        return seconds
    finally:
        for context in contexts:
            context.close()


def main() -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        files = []
        for n in range(SESSIONS):
            path = folder / f"计划{n + 1:02d}.xlsx"
            path.write_bytes(SAMPLE.read_bytes())
            files.append(path)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        results = {}
        try:
            with echo_server(folder) as url:
                burst(browser, url, files[:2], "已收到「{name}」")  # warm-up, not timed
                results["echo"] = burst(browser, url, files, "已收到「{name}」")
            with streamlit_server() as url:
                burst(browser, f"{url}/upload", files[:2], "已读取「{name}」")
                results["planviz"] = burst(browser, f"{url}/upload", files, "已读取「{name}」")
        finally:
            browser.close()
    echo, planviz = results["echo"], results["planviz"]
    print(f"{SESSIONS} 个浏览器会话同时上传示例计划（{SAMPLE.stat().st_size // 1024} KB），从选择文件到本会话页面确认收到为止。\n")
    print(f"{'应用':<14}{'中位数 s':>10}{'最慢 s':>10}{'倍数（中位数）':>16}")
    print(f"{'只回显上传':<12}{statistics.median(echo):>12.2f}{max(echo):>10.2f}{1.0:>13.1f}×")
    print(f"{'planviz':<14}{statistics.median(planviz):>10.2f}{max(planviz):>10.2f}"
          f"{statistics.median(planviz) / statistics.median(echo):>13.1f}×")
    print(f"\n各会话（秒）：回显 {', '.join(f'{s:.2f}' for s in echo)}\nplanviz {', '.join(f'{s:.2f}' for s in planviz)}")
    print(f"总用时 {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
