"""Widgets every page shares: sidebar, figure display, deferred image downloads, sidebar hiding."""
from __future__ import annotations

import base64
import html
from collections.abc import Callable
from datetime import date

import graphviz
import plotly.graph_objects as go
import streamlit as st

from planviz import theme
from planviz.export import dot_bytes, figure_bytes
from planviz.model import PlanError
from planviz.report import counts

from . import scripts, session, state, viewport

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
# No plotly toolbar: its tooltips are English whatever the locale, and every chart has its own download button.
PLOTLY_CONFIG = {"displayModeBar": False, "displaylogo": False, "locale": "zh-CN"}


def require_app() -> None:
    """Make sure the page runs inside app.py's st.navigation, never on its own.

    Streamlit still has its old multipage mode: while a ``pages/`` folder exists and no script has
    called st.navigation yet, a request naming a page runs that file alone (no sidebar, no wide
    layout). Each page calls this first; it turns the old mode off and reruns through app.py.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def today() -> date:
    """The day charts and the board count from (one place, so tests can fix it): the workspace's
    as-of date when a saved plan is open, else today."""
    from . import workspace  # imported here: workspace imports state, as this module does

    return workspace.as_of() or date.today()


def sidebar() -> None:
    """The plan in use (name, year, work items, issues by severity), the palette switch, back to the sample."""
    loaded = state.current()
    plan = loaded.plan
    found = counts(plan)
    with st.sidebar:
        st.markdown("#### 当前计划")
        st.markdown(f"**{plan.display_title}**")
        source = "示例计划（虚构单位）" if loaded.is_sample else loaded.name
        st.caption(f"文件：{source}  \n年度：{plan.year}　{found.items_text()}  \n问题：{found.issues_text()}")
        if not loaded.is_sample:
            with st.popover("改用示例计划", icon=":material/swap_horiz:"):
                st.markdown("改用示例计划后，所有页面都显示示例单位的计划，您上传的计划需要重新上传才能再看到。")
                st.button("确定改用示例计划", key="pv_back_to_sample", type="primary", on_click=state.back_to_sample)
        st.divider()
        st.radio("图表配色", list(state.PALETTES), key=state.PALETTE_KEY, horizontal=True,
                 help="党建红：红金配色；简约：蓝灰配色。对所有图表和导出图片生效。")
        viewport.track()
        session.remember()
        scripts.chinese_words()


SAMPLE_NOTICE = "正在显示**示例计划**（虚构的单位），不是您单位的计划。到「上传与检查」上传本单位的计划表后，所有页面都换成您的计划。"


def sample_notice() -> None:
    """Say on the page itself when the sample is showing instead of the user's plan."""
    if state.current().is_sample:
        st.info(SAMPLE_NOTICE, icon=":material/info:")


STACKS_BELOW_PX = 640  # Streamlit puts st.columns under each other in a window narrower than this
COLUMN_GAP_PX = 16


def figure_width(columns: int = 1) -> int:
    """Pixel width for a figure in one of ``columns`` equal columns, so charts lay out for the width they get."""
    screen = viewport.current()
    if columns == 1 or screen.width < STACKS_BELOW_PX:
        return screen.content
    return (screen.content - COLUMN_GAP_PX * (columns - 1)) // columns


def show_figure(fig: go.Figure, key: str | None = None) -> None:
    """Show a plotly figure as built: theme=None keeps planviz's own template and colours."""
    st.plotly_chart(fig, theme=None, width="stretch", config=PLOTLY_CONFIG, key=key)


def show_graph(graph: graphviz.Digraph, *, fit_screen: bool = False) -> None:
    """Show a graph as an SVG drawn on the server by graphviz with the real CJK font.

    st.graphviz_chart lays the graph out in the browser, which measures Chinese text narrower
    than the font draws it: labels spill out of their boxes (seen in the browser screenshots).
    ``fit_screen`` scales the whole graph into the window, for slides (slides.slide_css styles it).
    """
    svg = dot_bytes(graph, "svg")
    if fit_screen:
        show_slide_image(svg, "思维导图", titled=True)
    elif viewport.current().width < STACKS_BELOW_PX:  # a phone: drawn size, scrolled sideways, never shrunk unreadable
        data = base64.b64encode(svg).decode("ascii")
        st.html(f'<div class="pv-scroll" style="overflow-x:auto"><img alt="思维导图" style="max-width:none" '
                f'src="data:image/svg+xml;base64,{data}"></div>')
        st.caption("图较宽，可左右滑动查看。")
    else:  # drawn size, narrowed to the column if wider: a narrow map blown up to the column is screens tall
        st.image(svg.decode("utf-8"), width="content")


def dimension_key(plan) -> None:
    """The colour of each dimension, as chips: the key the mind map's colours need."""
    chips = "".join(
        f'<span style="display:inline-flex;align-items:center;gap:.3em;margin:0 1em .2em 0;white-space:nowrap">'
        f'<span style="width:.9em;height:.9em;border-radius:.2em;background:{theme.dimension_color(d, plan.dimensions)}">'
        f'</span>{html.escape(d)}</span>' for d in plan.dimensions)
    st.html(f'<div class="pv-key" style="display:flex;flex-wrap:wrap;font-size:.9rem">'
            f'<span style="margin-right:.8em;color:#666">颜色表示六度维度：</span>{chips}</div>')


def show_slide_image(svg: bytes, alt: str, *, titled: bool = False) -> None:
    """An SVG scaled to fill the slide area (presentation mode); ``titled`` leaves room for a heading."""
    data = base64.b64encode(svg).decode("ascii")
    st.html(f'<img class="pv-fill{" titled" if titled else ""}" alt="{alt}" src="data:image/svg+xml;base64,{data}">')


def download_figure(label: str, fig: go.Figure | Callable[[], go.Figure], file_name: str, *, fmt: str = "png",
                    key: str, width: int | None = None, height: int | None = None, scale: float = 2) -> None:
    """A download button that renders the figure only when clicked (kaleido costs time).

    ``fig`` may be a function that builds it, for a figure made only for the download.
    """
    st.download_button(label, lambda: figure_bytes(fig() if callable(fig) else fig, fmt, width, height, scale),
                       file_name=file_name,
                       mime=MIME[fmt], key=key, on_click="ignore", icon=":material/download:")


def download_graph(label: str, graph: graphviz.Digraph, file_name: str, *, fmt: str = "png", key: str,
                   dpi: int = 200) -> None:
    """A download button that runs graphviz only when clicked."""
    st.download_button(label, lambda: dot_bytes(graph, fmt, dpi=dpi), file_name=file_name, mime=MIME[fmt],
                       key=key, on_click="ignore", icon=":material/download:")


def chinese_widgets() -> None:
    """Chinese wording for the file uploader, whose button and size note Streamlit writes in English;
    metric values that wrap instead of being cut to “8…” in narrow columns."""
    st.html("""<style>
[data-testid="stMetricValue"] > div {white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere;}
[data-testid="stMetricLabel"] p {white-space: normal;}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {font-size: 0;}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "选择文件"; font-size: 0.875rem;}
[data-testid="stFileUploaderDropzoneInstructions"] span {font-size: 0;}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "或把文件拖到这里"; font-size: 0.875rem;}
</style>""")


def palette_shell() -> None:
    """Repaint the page's own chrome in the 简约 palette (the config.toml theme is fixed at server start).

    Covers the sidebar, primary buttons, radios, toggles, the slider and input backgrounds; the
    data tables keep the server theme's header tint.
    """
    if state.palette() != "neutral":
        return
    p = theme.palette("neutral")
    st.html(f"""<style>
section[data-testid="stSidebar"], section[data-testid="stSidebar"] > div {{background-color: #EEF1F4 !important;}}
[data-testid="stHeaderActionElements"] a {{color: {p.primary} !important;}}
[data-testid="stSidebarNavLink"]:hover, [data-testid="stSidebarNavLink"][aria-current="page"] {{
  background-color: {p.grid} !important;}}
button[data-testid="stBaseButton-primary"] {{background-color: {p.primary} !important; border-color: {p.primary} !important;
  color: #FFFFFF !important;}}
button[data-testid="stBaseButton-primary"]:hover {{filter: brightness(1.15);}}
button[data-testid="stBaseButton-secondary"]:hover {{border-color: {p.primary} !important; color: {p.primary} !important;}}
label[data-testid="stRadioOption"] > div > div:first-child {{border-color: {p.grid} !important;
  background-color: #FFFFFF !important;}}
label[data-testid="stRadioOption"][data-selected="true"] > div > div:first-child > div {{background-color: #FFFFFF !important;}}
label[data-testid="stRadioOption"][data-selected="true"] > div > div:first-child {{
  background-color: {p.primary} !important; border-color: {p.primary} !important;}}
[data-testid="stCheckbox"] label:has(input:checked) > div:first-of-type {{background-color: {p.primary} !important;
  border-color: {p.primary} !important;}}
[data-testid="stSlider"] [role="group"] > div > div[data-rac] {{background-color: {p.primary} !important;}}
[data-testid="stSlider"] [role="group"] > div > div:first-child {{filter: grayscale(1);}}
[data-testid="stSliderThumbValue"], [data-testid="stSliderThumbValue"] * {{color: {p.primary} !important;}}
[data-testid="stFileUploaderDropzone"], [data-testid="stNumberInputContainer"], [data-testid="stMultiSelect"] [role="group"],
[data-testid="stSelectbox"] [role="group"], [data-testid="stTextInputRootElement"] {{background-color: {p.panel} !important;
  border-color: {p.grid} !important;}}
button[data-testid="stBaseButton-secondary"] {{border-color: {p.grid} !important;}}
[data-testid="stMetricDelta"] {{color: {p.primary} !important;}}
</style>""")


def hide_sidebar() -> None:
    """Hide the sidebar and its toggle, the top padding and the page's focus frame, for full-screen presentation."""
    st.html("""<style>
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"],
button[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"] {display: none !important;}
div[data-testid="stMainBlockContainer"] {padding-top: 1.2rem; padding-bottom: 1rem;}
[data-testid="stMain"]:focus, [data-testid="stMain"]:focus-visible {outline: none !important;}
</style>""")


UPLOAD_TYPES = ["xlsx", "xlsm", "xls", "csv", "docx"]


def upload_types() -> str:
    """The accepted types as the uploaders' labels write them: “xlsx、xlsm、xls、csv”."""
    return "、".join(UPLOAD_TYPES)


def is_plan_file(name: str) -> bool:
    """True for a file name with one of the plan types' extensions."""
    return name.rsplit(".", 1)[-1].lower() in UPLOAD_TYPES if "." in name else False


def read_upload(data: bytes, name: str, **options) -> tuple[state.Loaded | None, PlanError | None]:
    """``state.try_read`` for an uploaded file; another type gets a Chinese message, not Streamlit's English one.

    The uploaders accept any file (their own refusal is English) and the type is checked here.
    """
    if not is_plan_file(name):
        return None, PlanError(f"「{name}」不是计划表支持的文件类型。请上传 {upload_types()} 格式的计划表"
                               f"（可先“下载标准模板”照着填写）。")
    return state.try_read(data, name, **options)


def plan_dropped_on_logo(file, place) -> bool:
    """True when the file on the logo box is a plan table: it is read as the plan (once) and ``place`` says so."""
    if not is_plan_file(file.name):
        return False
    if st.session_state.get("ov_logo_seen") != file.file_id:  # read once, not on every rerun
        st.session_state["ov_logo_seen"] = file.file_id
        st.session_state.pop("ov_logo_error", None)
        taken, error = read_upload(file.getvalue(), file.name)
        if taken is not None:
            state.use(taken)
            st.rerun()
        st.session_state["ov_logo_error"] = str(error)
    if error_text := st.session_state.get("ov_logo_error"):
        place.error(f"这个文件是计划表，不是标识图片，但没能读取：{error_text}请到「上传与检查」页面上传。",
                    icon=":material/error:")
    else:
        place.success(f"「{file.name}」是计划表，已读取为当前计划。以后上传计划表请用「上传与检查」页面。",
                      icon=":material/check_circle:")
    return True


def _load_compare(target_key: str) -> None:
    file = st.session_state.get(f"{target_key}_file")
    st.session_state.pop(f"{target_key}_error", None)
    st.session_state.pop(target_key, None)
    if file is None:
        return
    loaded, error = read_upload(file.getvalue(), file.name)
    if error is not None:
        st.session_state[f"{target_key}_error"] = str(error)
    else:
        st.session_state[target_key] = loaded


def compare_uploader(target_key: str) -> None:
    """Uploader for a second plan to overlay; the read plan lands in session_state[target_key]."""
    st.file_uploader(f"叠加对比：上传另一份计划（如上一年度的计划，或兄弟支部的计划；{upload_types()}）",
                     key=f"{target_key}_file", on_change=_load_compare, args=(target_key,))
    if error := st.session_state.get(f"{target_key}_error"):
        st.error(error)
    elif loaded := st.session_state.get(target_key):
        st.caption(f"对比计划：{loaded.plan.display_title}（{len(loaded.plan.projects)} 个项目）")
