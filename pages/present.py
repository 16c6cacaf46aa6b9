"""演示模式：会议用的全屏幻灯片——封面、结构、雷达、时间轴、亮点项目、进度；方向键翻页。"""
from html import escape

import streamlit as st

from planviz.charts.mindmap import mindmap
from planviz.charts.progress import progress_overview
from planviz.charts.radar import radar
from planviz.charts.timeline import timeline
from planviz.deck import MIME as PPTX_MIME, deck_bytes
from planviz.stats import default_edition
from planviz.vocab import EDITIONS
from planviz_app import cards, renders, scripts, slides, state, ui, viewport

ui.require_app()

INDEX_KEY = "pv_slide"
SLIDE_PROJECTS = 5  # projects a group shows on the structure slide
TIMELINE_ROW = 18  # pixels per timeline row on a slide: more rows fold into “另有 N 项”

ui.hide_sidebar()
loaded = state.current()
plan = loaded.plan
pal = state.palette()
st.html(slides.slide_css(pal))
today = ui.today()
deck = slides.deck(plan)
index = min(max(st.session_state.get(INDEX_KEY, 0), 0), len(deck) - 1)


def _go(step: int) -> None:
    st.session_state[INDEX_KEY] = min(max(index + step, 0), len(deck) - 1)


def _chart_slide(kind: str, build) -> None:
    """A chart drawn for this screen's size as an SVG that fills the slide: large type, no scrolling."""
    screen = viewport.current()
    width, height = slides.chart_size(screen.content, screen.height)
    fig = build(width, height)
    svg = renders.slide_svg(f"{loaded.key}|{kind}|{pal}|{today}|{width}x{height}", fig, width, height)
    ui.show_slide_image(svg, title)


kind, title, item = deck[index]
# Controls on top so they stay on screen whatever the slide's height; ← → keys (the buttons' shortcuts,
# shown on them) and a clicker's PageUp / PageDown turn the pages too.
c1, c2, c3, c4 = st.columns([1, 3, 1, 1.6], vertical_alignment="center")  # c4: PPT download and exit
c1.button("上一页", on_click=_go, args=(-1,), disabled=index == 0, shortcut="Left", key="pr_prev",
          width="stretch")
# The sidebar is hidden here, so the counter line says when the sample is on the screen.
sample = "　· 示例计划（非本单位）" if loaded.is_sample else ""
hint = "　· 按 F11 全屏放映" if index == 0 else ""  # on the cover, where a meeting starts
c2.markdown(f'<div class="pv-counter">{index + 1} / {len(deck)}　{escape(title)}{sample}{hint}</div>',
            unsafe_allow_html=True, help="全屏：F11（Mac：Control+Command+F）；翻页：← →、PageUp / PageDown 或翻页笔")
c3.button("下一页", on_click=_go, args=(1,), disabled=index == len(deck) - 1, shortcut="Right",
          key="pr_next", width="stretch", type="primary")
with c4.container(horizontal=True, horizontal_alignment="right"):
    # the deck is built only when the button is clicked: a meeting room may have only an office suite
    st.download_button("PPT", lambda: deck_bytes(plan, palette=pal, as_of=today),
                       file_name=f"{plan.display_title}-会议幻灯片（{EDITIONS[default_edition(plan, today)]}）.pptx",
                       mime=PPTX_MIME, key="pr_pptx", on_click="ignore", icon=":material/download:",
                       help="下载可编辑的 PowerPoint 幻灯片（WPS、LibreOffice 也能打开）")
    st.page_link("pages/overview.py", label="退出演示", icon=":material/close:")
with st.sidebar:  # hidden in this mode; the script still listens
    scripts.clicker_keys("pr_prev", "pr_next")

if kind == "cover":
    st.html(slides.cover(plan))
elif kind == "structure":  # the other chart slides carry their own titles, in this style
    st.html(slides.chart_heading(title))
    # At most five projects a group (the rest folded into “另有 N 项”) keeps the labels readable across a room.
    ui.show_graph(mindmap(plan, depth=2, layout="radial", label_width=14, palette=pal, max_children=SLIDE_PROJECTS),
                  fit_screen=True)
elif kind == "radar":
    _chart_slide(kind, lambda w, h: radar(plan, palette=pal, width=w, height=h))
elif kind == "timeline":
    _chart_slide(kind, lambda w, h: timeline(plan, group_by="section", color_by="dimension", today=today,
                                             palette=pal, width=w, height=h,
                                             max_rows=max(12, (h - 240) // TIMELINE_ROW)))
elif kind == "highlight":
    st.html(cards.highlight_slide(plan, item))
else:
    _chart_slide(kind, lambda w, h: progress_overview(plan, today=today, palette=pal, width=w, height=h))
