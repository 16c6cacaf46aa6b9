"""一页纸总览：计划的一页纸简报实时生成，可下载 PNG、PDF 和 16:9 幻灯片。"""
import streamlit as st

from planviz.brief import brief_pdf, brief_png
from planviz.model import PlanError
from planviz_app import renders, state, ui

ui.require_app()

FORMATS = {"a4": "A4 竖版（打印、发群）", "slide": "16:9 横版（投屏）"}

st.title("一页纸总览")
loaded = state.current()
plan = loaded.plan
pal = state.palette()
today = ui.today()
c1, c2 = st.columns([2, 3])
fmt = c1.radio("版式", list(FORMATS), format_func=FORMATS.get, horizontal=True, key="ov_fmt")
# Any file is accepted (Streamlit's refusal of a type is English); a plan table dropped here is read as the plan.
logo_file = c2.file_uploader("组织标识（可选，PNG 或 JPG 图片）", key="ov_logo",
                             help="计划表请到「上传与检查」上传；拖到这里的计划表也会被读取为当前计划。")
logo = logo_file.getvalue() if logo_file is not None else None
if logo_file is not None and ui.plan_dropped_on_logo(logo_file, c2):
    logo = None
try:
    image = renders.brief_image(loaded.key, plan, fmt, pal, today, logo)
except PlanError as error:  # e.g. the logo is not an image: say so and go on without it
    st.error(str(error), icon=":material/image_not_supported:")
    logo = None
    image = renders.brief_image(loaded.key, plan, fmt, pal, today, logo)
options = dict(logo=logo, today=today, palette=pal)
name = plan.display_title
with st.container(horizontal=True):
    # The chosen format's image is the main (first, red) button.
    st.download_button("A4 图片 PNG", image if fmt == "a4" else lambda: brief_png(plan, fmt="a4", **options),
                       file_name=f"{name}-一页纸简报.png", mime=ui.MIME["png"], key="ov_png", on_click="ignore",
                       icon=":material/download:", type="primary" if fmt == "a4" else "secondary")
    st.download_button("16:9 幻灯片 PNG",
                       image if fmt == "slide" else lambda: brief_png(plan, fmt="slide", **options),
                       file_name=f"{name}-幻灯片.png", mime=ui.MIME["png"], key="ov_slide", on_click="ignore",
                       icon=":material/download:", type="primary" if fmt == "slide" else "secondary")
    st.download_button("A4 打印版 PDF", lambda: brief_pdf(plan, fmt="a4", **options),
                       file_name=f"{name}-一页纸简报.pdf", mime=ui.MIME["pdf"], key="ov_pdf", on_click="ignore",
                       icon=":material/download:")

if fmt == "a4":
    _, mid, _ = st.columns([1, 3, 1])
    mid.image(image, width="stretch", caption="A4 竖版预览")
else:
    st.image(image, width="stretch", caption="16:9 横版预览")
