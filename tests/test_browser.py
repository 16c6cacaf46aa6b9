"""The dashboard in a real browser: `streamlit run` on a free port, every page opened in headless chromium."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from live_server import streamlit_server
from playwright.sync_api import Page, sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# url path → page title (tab title and heading); the overview is the default page at "/".
PAGES = {"": "一页纸总览", "upload": "上传与检查", "mindmap": "思维导图", "timeline": "时间轴", "radar": "六度雷达",
         "progress": "进度看板", "present": "演示模式"}
WIDTH = 1440
GBK_CSV = ("序号,工作类别,工作内容,责任人,完成时限\n1,政治建设,学习贯彻全会精神,张三,3月底前\n"
           "2,组织建设,发展党员,李四,七一前\n").encode("gbk")


@pytest.fixture(scope="module")
def server():
    try:
        with streamlit_server() as url:
            yield url
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """Screenshot folder; copied to $PLANVIZ_SHOTS at the end when that is set (to look at them)."""
    folder = tmp_path_factory.mktemp("shots")
    yield folder
    if target := os.environ.get("PLANVIZ_SHOTS"):
        shutil.copytree(folder, target, dirs_exist_ok=True)


IDLE = "!document.querySelector('[data-testid=\"stStatusWidget\"] *')"  # no “running” indicator
IMAGES_LOADED = "Array.from(document.images).every(i => i.complete)"


def _settle(page: Page, heading: str | None = None) -> None:
    """Wait until the page's heading is there, the script run is over and charts and images have drawn."""
    page.wait_for_selector("[data-testid='stMain']", timeout=60_000)
    if heading:
        page.locator("h1", has_text=heading).first.wait_for(timeout=60_000)
    for _ in range(2):  # twice: a run can start just after the first check
        page.wait_for_timeout(600)
        page.wait_for_function(IDLE, timeout=60_000)
    page.wait_for_function(IMAGES_LOADED, timeout=60_000)
    page.wait_for_timeout(800)


def _full_screenshot(page: Page, path: Path) -> None:
    """Streamlit scrolls inside stMain: grow the viewport to its height, then capture."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": WIDTH, "height": max(800, min(height, 12_000))})
    page.wait_for_timeout(600)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": 900})


def test_every_page_opens_without_errors(server, browser, shots):
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    for path, title in PAGES.items():
        page.goto(f"{server}/{path}")
        _settle(page, None if path == "present" else title)
        assert page.title() == title
        assert page.locator("[data-testid='stException']").count() == 0
        heading = page.locator("h1").first.inner_text()
        assert title in heading or path == "present"  # the presentation opens on its cover slide
        if path != "present":
            assert "当前计划" in page.locator("[data-testid='stSidebar']").inner_text()
        _full_screenshot(page, shots / f"{path or 'overview'}.png")
        assert (shots / f"{path or 'overview'}.png").stat().st_size > 20_000
    page.close()


def test_upload_in_the_browser_changes_the_sidebar(server, browser, shots, tmp_path):
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    page.goto(f"{server}/upload")
    _settle(page, "上传与检查")
    csv = tmp_path / "支部计划.csv"
    csv.write_bytes(GBK_CSV)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(csv))
    page.get_by_text("已读取「支部计划.csv」").wait_for(timeout=60_000)
    _settle(page)
    assert "支部计划.csv" in page.locator("[data-testid='stSidebar']").inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    _full_screenshot(page, shots / "upload_done.png")
    page.close()


def test_presentation_turns_pages_with_arrow_keys(server, browser, shots):
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    page.goto(f"{server}/present")
    _settle(page)
    counter = page.locator(".pv-counter")
    assert counter.inner_text().startswith("1 /")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    page.locator(".pv-cover").click()  # focus the page, not a widget
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.pv-counter')?.innerText.startsWith('2 /')", timeout=30_000)
    _settle(page)
    assert page.locator(".pv-chart-h").inner_text().endswith("计划结构")
    _full_screenshot(page, shots / "present_2.png")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("document.querySelector('.pv-counter')?.innerText.startsWith('1 /')", timeout=30_000)
    _settle(page)
    page.keyboard.press("PageDown")  # what a presentation clicker sends
    page.wait_for_function("document.querySelector('.pv-counter')?.innerText.startsWith('2 /')", timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


def test_a_mistyped_address_gets_a_chinese_message(server, browser):
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    page.goto(f"{server}/no-such-page")
    _settle(page, "一页纸总览")
    dialog = page.locator("[role='dialog']")
    dialog.locator("h2", has_text="页面不存在").wait_for(timeout=30_000)
    assert "您要打开的页面不存在" in dialog.inner_text() and "Page not found" not in dialog.inner_text()
    page.close()


SCROLLS = ("(() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
           " return m.scrollHeight > m.clientHeight + 1; })()")


def test_slides_fill_a_projector_screen_without_scrolling(server, browser, shots):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{server}/present")
    _settle(page)
    cover = page.locator(".pv-cover").bounding_box()
    assert cover["height"] > 0.8 * 1080 and cover["y"] + cover["height"] <= 1080
    assert not page.evaluate(SCROLLS)
    for n in (2, 3, 4):  # structure, radar, timeline
        page.get_by_role("button", name="下一页").click()
        page.wait_for_function(f"document.querySelector('.pv-counter')?.innerText.startsWith('{n} /')",
                               timeout=30_000)
        _settle(page)
    assert "全年时间轴" in page.locator(".pv-counter").inner_text()
    chart = page.locator("img.pv-fill")
    column = page.evaluate("(() => { const c = document.querySelector('[data-testid=\"stMainBlockContainer\"]');"
                           " const s = getComputedStyle(c);"
                           " return c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); })()")
    box = chart.bounding_box()
    natural = chart.evaluate("i => i.naturalWidth")
    assert box["width"] >= 0.95 * column and box["y"] + box["height"] <= 1080
    assert natural < box["width"]  # drawn smaller and scaled up: larger type on a projector
    assert not page.evaluate(SCROLLS)
    page.screenshot(path=str(shots / "present_timeline_1920.png"))
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


# English a user could meet on Streamlit's and plotly's own widgets; none may be on screen or in a tooltip.
ENGLISH = ("Select all", "Show/hide columns", "Download as CSV", "Search", "Fullscreen", "files are not allowed",
           "Download plot as a png", "Zoom", "Pan", "Autoscale", "Reset axes", "Drag and drop", "Browse files",
           "Limit 200MB", "Page not found", "No results", "Clear all", "Produced with Plotly")
NARROW = (1440, 1024, 430)

# Every text box of these kinds must lie inside its container (1 px of rounding allowed):
# metric values in their metric, report lines in their box, plotly titles, subtitles, legends and tick
# labels inside the chart's own svg.
OVERFLOW_JS = """
() => {
  const out = [];
  const inside = (el, box, what) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
      out.push(what + ': ' + (el.textContent || '').trim().slice(0, 40));
  };
  for (const m of document.querySelectorAll('[data-testid="stMetric"]')) {
    const v = m.querySelector('[data-testid="stMetricValue"]');
    if (v) inside(v, m.getBoundingClientRect(), 'metric');
    const t = v && v.querySelector('div');
    if (t && t.scrollWidth > t.clientWidth + 1) out.push('metric cut: ' + t.textContent);
  }
  for (const box of document.querySelectorAll('[data-testid="stVerticalBlockBorderWrapper"]')) {
    for (const p of box.querySelectorAll(':scope [data-testid="stMarkdownContainer"] p')) inside(p, box.getBoundingClientRect(), 'box text');
  }
  for (const chart of document.querySelectorAll('.js-plotly-plot')) {
    const svg = chart.querySelector('svg.main-svg');
    if (!svg) continue;
    const frame = svg.getBoundingClientRect();
    for (const el of chart.querySelectorAll('.gtitle, .gtitle-subtitle, .legend text, .xtick text, .ytick text, .annotation-text'))
      inside(el, frame, 'chart ' + (el.getAttribute('class') || el.closest('[class]').getAttribute('class')));
  }
  return out;
}
"""
ENGLISH_JS = """
(words) => {
  const found = [];
  const text = document.body.innerText;
  const attrs = Array.from(document.querySelectorAll('[aria-label], [title], [data-title], [placeholder]'))
      .flatMap(e => ['aria-label', 'title', 'data-title', 'placeholder'].map(a => e.getAttribute(a) || ''));
  for (const w of words) if (text.includes(w) || attrs.some(a => a.includes(w))) found.push(w);
  return found;
}
"""


CHARTS_DRAWN = ("Array.from(document.querySelectorAll('[data-testid=\"stPlotlyChart\"]'))"
                ".every(c => c.querySelector('.main-svg .gtitle'))")


def _shot_at(page: Page, path: Path, width: int) -> None:
    """Grow the window to the page's height (the resize reruns the page: wait for it and the charts), capture."""
    for _ in range(2):  # a taller window can lengthen the page once more
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": width, "height": max(700, min(height, 14_000))})
        _settle(page)
    page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(path), full_page=True)


@pytest.mark.parametrize("width", NARROW)
def test_pages_hold_at_every_width_without_overflow_or_english(server, browser, shots, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    for path, title in PAGES.items():
        if path == "present":
            continue
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{server}/{path}")
        _settle(page, title)
        _shot_at(page, shots / f"w{width}_{path or 'overview'}.png", width)
        assert page.locator("[data-testid='stException']").count() == 0
        found = page.evaluate(OVERFLOW_JS)
        english = page.evaluate(ENGLISH_JS, list(ENGLISH))
        if found or english:
            problems[path or "overview"] = found + english
    # the multiselect's menu and the data table's toolbar, where Streamlit's own English sits
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/timeline")
    _settle(page, "时间轴")
    page.locator("[data-testid='stMultiSelect']").first.click()
    page.wait_for_timeout(600)
    menu_english = page.evaluate(ENGLISH_JS, list(ENGLISH))
    assert "全选" in page.evaluate("document.body.innerText")  # the menu was open, and says it in Chinese
    page.keyboard.press("Escape")
    page.goto(f"{server}/progress")
    _settle(page, "进度看板")
    table = page.locator("[data-testid='stDataFrame']").first  # the sample has overdue work: a table
    table.scroll_into_view_if_needed()
    table.hover()
    page.wait_for_timeout(600)
    buttons = page.locator("[data-testid='stElementToolbarButton'] button").all()
    assert [b.get_attribute("aria-label") for b in buttons] == ["显示/隐藏列", "下载为 CSV", "搜索", "全屏"]
    for button in buttons:
        button.hover()
        page.wait_for_timeout(300)
    menu_english += page.evaluate(ENGLISH_JS, list(ENGLISH))
    context.close()
    assert not problems and not menu_english, (problems, menu_english)


def test_the_plan_survives_a_refresh_and_a_new_tab_but_not_another_browser(server, browser, tmp_path):
    mine = browser.new_context(viewport={"width": WIDTH, "height": 900})
    page = mine.new_page()
    page.goto(f"{server}/upload")
    _settle(page, "上传与检查")
    csv = tmp_path / "我的支部计划.csv"
    csv.write_bytes(GBK_CSV)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(csv))
    page.get_by_text("已读取「我的支部计划.csv」").wait_for(timeout=60_000)
    _settle(page)
    page.reload()
    _settle(page, "上传与检查")
    assert "我的支部计划.csv" in page.locator("[data-testid='stSidebar']").inner_text()
    assert "示例计划" not in page.locator("[data-testid='stMain']").inner_text()
    tab = mine.new_page()
    tab.goto(f"{server}/present")
    _settle(tab)
    assert "示例计划" not in tab.locator(".pv-counter").inner_text()
    other = browser.new_context(viewport={"width": WIDTH, "height": 900})
    stranger = other.new_page()
    stranger.goto(f"{server}/upload")
    _settle(stranger, "上传与检查")
    assert "我的支部计划.csv" not in stranger.locator("[data-testid='stSidebar']").inner_text()
    assert "正在显示示例计划" in stranger.locator("[data-testid='stMain']").inner_text().replace("**", "")
    stranger.goto(f"{server}/present")
    _settle(stranger)
    assert "示例计划" in stranger.locator(".pv-counter").inner_text()
    other.close()
    mine.close()


def test_a_wrong_file_type_gets_a_chinese_message(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    page.goto(f"{server}/upload")
    _settle(page, "上传与检查")
    pdf = tmp_path / "通知.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"0" * 300)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(pdf))
    page.get_by_text("不是计划表支持的文件类型").wait_for(timeout=60_000)
    _settle(page)
    assert not page.evaluate(ENGLISH_JS, list(ENGLISH))
    page.close()
