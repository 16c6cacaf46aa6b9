"""一页纸总览：计划的一页纸简报实时生成（计划版或进度版），可下载 PNG、PDF 和 16:9 幻灯片。"""
from datetime import date

import streamlit as st

from planviz.brief import GROUP_BYS, brief_pdf, brief_png
from planviz.deck import MIME as PPTX_MIME, deck_bytes
from planviz.model import PlanError
from planviz.stats import default_edition
from planviz.vocab import EDITIONS
from planviz_app import renders, state, ui

ui.require_app()

FORMATS = {"a4": "A4 竖版（打印、发群）", "slide": "16:9 横版（投屏）"}
EDITION_LABELS = {"plan": f"{EDITIONS['plan']}（年初印发，无进度）", "progress": f"{EDITIONS['progress']}（截至某日的进度）"}
GROUP_LABELS = {k: f"按{v}" for k, v in GROUP_BYS.items()}

st.title("一页纸总览")
loaded = state.current()
plan = loaded.plan
pal = state.palette()
today = ui.today()
c1, c2, c3 = st.columns([2, 3, 2])
fmt = c1.radio("版式", list(FORMATS), format_func=FORMATS.get, horizontal=True, key="ov_fmt")
edition = c2.radio("版本", list(EDITIONS), format_func=EDITION_LABELS.get, horizontal=True, key="ov_edition",
                   index=list(EDITIONS).index(default_edition(plan, today)))
has_sections = bool(plan.sections or any(i.section for i in plan.items))
group_by = c3.radio("工作安排分组", list(GROUP_BYS), format_func=GROUP_LABELS.get, horizontal=True,
                    key="ov_group", index=0 if has_sections else 1)
d1, d2 = st.columns([2, 5])
as_of = today
if edition == "progress":
    as_of = d1.date_input("统计截至", value=min(max(today, date(plan.year, 1, 1)), date(plan.year, 12, 31)),
                          key="ov_as_of", format="YYYY-MM-DD")
# Any file is accepted (Streamlit's refusal of a type is English); a plan table dropped here is read as the plan.
logo_file = d2.file_uploader("组织标识（可选，PNG 或 JPG 图片）", key="ov_logo",
                             help="计划表请到「上传与检查」上传；拖到这里的计划表也会被读取为当前计划。")
logo = logo_file.getvalue() if logo_file is not None else None
if logo_file is not None and ui.plan_dropped_on_logo(logo_file, d2):
    logo = None
choice = dict(edition=edition, group_by=group_by)
try:
    image = renders.brief_image(loaded.key, plan, fmt, pal, as_of, logo, **choice)
except PlanError as error:  # e.g. the logo is not an image: say so and go on without it
    st.error(str(error), icon=":material/image_not_supported:")
    logo = None
    image = renders.brief_image(loaded.key, plan, fmt, pal, as_of, logo, **choice)
options = dict(logo=logo, today=as_of, as_of=as_of, palette=pal, **choice)
name = f"{plan.display_title}-{EDITIONS[edition]}"
a4_png = image if fmt == "a4" else lambda: brief_png(plan, fmt="a4", **options)
slide_png = image if fmt == "slide" else lambda: brief_png(plan, fmt="slide", **options)
with st.container(horizontal=True):  # the main button is the format on screen
    if fmt == "a4":
        st.download_button("下载 A4 图片 PNG", a4_png, file_name=f"{name}.png", mime=ui.MIME["png"], key="ov_png",
                           on_click="ignore", icon=":material/download:", type="primary")
    else:
        st.download_button("下载 16:9 幻灯片 PNG", slide_png, file_name=f"{name}-幻灯片.png", mime=ui.MIME["png"],
                           key="ov_slide", on_click="ignore", icon=":material/download:", type="primary")
    st.download_button("A4 打印版 PDF（文字可复制）", lambda: brief_pdf(plan, fmt="a4", **options),
                       file_name=f"{name}.pdf", mime=ui.MIME["pdf"], key="ov_pdf", on_click="ignore",
                       icon=":material/download:")
    if fmt == "a4":
        st.download_button("16:9 幻灯片 PNG", slide_png, file_name=f"{name}-幻灯片.png", mime=ui.MIME["png"],
                           key="ov_slide", on_click="ignore", icon=":material/download:")
    else:
        st.download_button("A4 图片 PNG", a4_png, file_name=f"{name}.png", mime=ui.MIME["png"], key="ov_png",
                           on_click="ignore", icon=":material/download:")
    st.download_button(f"会议幻灯片 PPT（{EDITIONS[edition]}）",
                       lambda: deck_bytes(plan, palette=pal, edition=edition, as_of=as_of),
                       file_name=f"{plan.display_title}-会议幻灯片（{EDITIONS[edition]}）.pptx", mime=PPTX_MIME,
                       key="ov_pptx",
                       on_click="ignore", icon=":material/download:",
                       help="可编辑的 PowerPoint 幻灯片：封面、结构、雷达、时间轴、亮点项目、进度；WPS、LibreOffice 也能打开")

caption = f"{FORMATS[fmt].split('（')[0]}预览 · {EDITIONS[edition]}" + (
    f" · 截至 {as_of.month}月{as_of.day}日" if edition == "progress" else "")
if fmt == "a4":
    _, mid, _ = st.columns([1, 3, 1])
    mid.image(image, width="stretch", caption=caption)
else:
    st.image(image, width="stretch", caption=caption)
