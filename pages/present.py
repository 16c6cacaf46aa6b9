"""演示模式：会议用的全屏幻灯片——封面、结构、雷达、时间轴、亮点项目、进度；方向键翻页。"""
import streamlit as st

from planviz.charts.mindmap import mindmap
from planviz.charts.progress import progress_overview
from planviz.charts.radar import radar
from planviz.charts.timeline import timeline
from planviz_app import cards, slides, state, ui

ui.require_app()

INDEX_KEY = "pv_slide"

ui.hide_sidebar()
plan = state.plan()
pal = state.palette()
st.html(slides.slide_css(pal))
today = ui.today()
deck = slides.deck(plan)
index = min(max(st.session_state.get(INDEX_KEY, 0), 0), len(deck) - 1)


def _go(step: int) -> None:
    st.session_state[INDEX_KEY] = min(max(index + step, 0), len(deck) - 1)


kind, title, item = deck[index]
# Controls on top so they stay on screen whatever the slide's height; ← → keys work too.
c1, c2, c3, c4 = st.columns([1, 3, 1, 1], vertical_alignment="center")
c1.button("◀ 上一页", on_click=_go, args=(-1,), disabled=index == 0, shortcut="Left", key="pr_prev",
          width="stretch")
c2.markdown(f'<div class="pv-counter">{index + 1} / {len(deck)}　{title}</div>', unsafe_allow_html=True)
c3.button("下一页 ▶", on_click=_go, args=(1,), disabled=index == len(deck) - 1, shortcut="Right",
          key="pr_next", width="stretch", type="primary")
c4.page_link("pages/overview.py", label="退出演示", icon=":material/close:")

if kind == "cover":
    st.html(slides.cover(plan))
elif kind == "structure":  # the other chart slides carry their own titles
    st.html(f'<h1 class="pv-h">{title}</h1>')
    ui.show_graph(mindmap(plan, depth=2, layout="radial", label_width=14, palette=pal), fit_screen=True)
elif kind == "radar":
    ui.show_figure(radar(plan, palette=pal, height=720), key="pr_radar")
elif kind == "timeline":
    ui.show_figure(timeline(plan, group_by="section", color_by="dimension", today=today, palette=pal),
                   key="pr_timeline")
elif kind == "highlight":
    st.html(cards.highlight_slide(plan, item))
else:
    ui.show_figure(progress_overview(plan, today=today, palette=pal, height=800), key="pr_progress")
