"""上传与检查：上传计划表、查看检查报告、手工对应表头、改年度、在线修改并下载 Excel。"""
import pandas as pd
import streamlit as st

from planviz import stats, theme
from planviz.model import SEVERITY_NAMES, STATUSES, HeaderError
from planviz.reading import FIELDS
from planviz.reading.safety import MAX_FILE_BYTES
from planviz.template import plan_to_xlsx, template_bytes
from planviz_app import editing, state, ui

ui.require_app()

PENDING_KEY = "pv_pending"  # (bytes, name, HeaderError): a file waiting for its columns to be mapped
ERROR_KEY = "pv_upload_error"
UNUSED = "（不使用）"
TABLE_ROWS = 30
SEVERITY = {key: f"{icon} {SEVERITY_NAMES[key]}" for key, icon in (("error", "❌"), ("warning", "⚠️"), ("info", "ℹ️"))}


def _take(data: bytes, name: str, *, year=None, column_map=None, is_sample=False) -> None:
    """Read a file and make it the session's plan, or keep the message / mapping request."""
    st.session_state.pop(ERROR_KEY, None)
    st.session_state.pop(PENDING_KEY, None)
    loaded, error = state.try_read(data, name, year=year, column_map=column_map, is_sample=is_sample)
    if isinstance(error, HeaderError):
        st.session_state[PENDING_KEY] = (data, name, error)
    elif error is not None:  # most messages already name the file
        st.session_state[ERROR_KEY] = f"无法读取这个文件：{error}" if name in str(error) else f"无法读取「{name}」：{error}"
    else:
        state.use(loaded)


def _on_upload() -> None:
    file = st.session_state.get("up_file")
    if file is not None and file.file_id != st.session_state.get("up_seen"):  # each file is read once
        st.session_state["up_seen"] = file.file_id
        _take(file.getvalue(), file.name, year=st.session_state.get("up_year"))


def _on_year() -> None:
    """Re-read the file waiting for mapping, else the plan in use, with the chosen year."""
    year = st.session_state.get("up_year")
    if PENDING_KEY in st.session_state:
        data, name, _ = st.session_state[PENDING_KEY]
        _take(data, name, year=year)
    else:
        cur = state.current()
        _take(cur.data, cur.name, year=year, column_map=dict(cur.column_map), is_sample=cur.is_sample)


def _on_map(columns: tuple[str, ...]) -> None:
    data, name, _ = st.session_state[PENDING_KEY]
    labels = {label: field for field, label in FIELDS.items()}
    chosen = {col: labels[st.session_state[f"up_map_{i}"]] for i, col in enumerate(columns)
              if st.session_state.get(f"up_map_{i}", UNUSED) != UNUSED}
    _take(data, name, year=st.session_state.get("up_year"), column_map=chosen)


def _apply(corrected, name: str) -> None:
    """Write the corrected plan to the canonical workbook and read it back, so checks run again."""
    _take(plan_to_xlsx(corrected), name, year=corrected.year)


def _place(issue) -> str:
    """Where an issue is, in one short line: 「工作表」第 6 行「列」列 (the column header says it is a place)."""
    return issue.where().removeprefix("工作表")


@st.cache_data(show_spinner=False)
def _template() -> bytes:
    return template_bytes()


st.title("上传与检查")
loaded = state.current()

c1, c2 = st.columns([3, 2])
with c1:
    st.file_uploader(f"上传计划表（xlsx、xlsm、xls、csv 或 Word 的 docx，不超过 {MAX_FILE_BYTES // 1024 // 1024} MB）",
                     type=ui.UPLOAD_TYPES, key="up_file", on_change=_on_upload,
                     help="WPS 或 Excel 做的计划表都可以；标题行、合并单元格、“3月底前”这类写法都能识别。")
with c2:
    st.number_input("计划年度（留空则从表格中识别）", min_value=2000, max_value=2100, value=None, step=1,
                    key="up_year", on_change=_on_year, placeholder="自动识别")
    st.download_button("下载标准模板（Excel）", _template(), file_name="党建工作计划模板.xlsx", mime=ui.MIME["xlsx"],
                       key="up_template", on_click="ignore", icon=":material/download:")

if error := st.session_state.get(ERROR_KEY):
    st.error(error, icon=":material/error:")
    if not loaded.is_sample:  # for the sample, the note below already says so
        st.caption(f"看板仍在使用：{loaded.plan.display_title}（{loaded.name}）")

if PENDING_KEY in st.session_state:
    data, name, header_error = st.session_state[PENDING_KEY]
    st.warning(str(header_error), icon=":material/table_rows:")
    st.markdown(f"**手动指定各列的含义**（「{name}」工作表「{header_error.sheet}」第 {header_error.header_row} 行）："
                "为每一列选择它的内容，用不到的列选“（不使用）”，至少要指定“工作内容”。")
    options = [UNUSED, *FIELDS.values()]
    grid = st.columns(4)
    for i, column in enumerate(header_error.columns):
        cell = grid[i % 4]
        cell.selectbox(f"第 {i + 1} 列「{column}」", options, key=f"up_map_{i}")
        examples = [row[i] for row in header_error.samples if i < len(row) and row[i]]
        cell.caption("例：" + " ｜ ".join(theme.truncate(e, 16) for e in examples) if examples else "（下方无内容）")
    st.button("按此对应重新读取", type="primary", key="up_remap", on_click=_on_map, args=(header_error.columns,))
    st.stop()

plan = loaded.plan
if loaded.is_sample:
    st.info("正在使用示例计划（一家医院党支部的 2026 年计划）。上传本单位的计划表后，所有页面都会换成您的计划。",
            icon=":material/info:")
else:
    st.success(f"已读取「{loaded.name}」：{plan.display_title}", icon=":material/check_circle:")

st.subheader("计划体检", help="对照六度模型、亮点项目和项目化五要素（目标、负责人、时间节点、成果形式、评估标准）")
checks = stats.plan_checks(plan)
grid = st.columns(3)
for k, check in enumerate(checks):
    mark = ":green[:material/check_circle:]" if check.ok else ":orange[:material/error:]"
    grid[k % 3].markdown(f"{mark} **{check.name}**　{check.detail}")

st.subheader("检查报告")
errors, warnings = plan.errors(), plan.warnings()
m1, m2, m3, m4 = st.columns(4)
m1.metric("条目", len(plan.items))
m2.metric("错误", len(errors))
m3.metric("提醒", len(warnings))
m4.metric("提示", len(plan.issues) - len(errors) - len(warnings))
rank = {severity: k for k, severity in enumerate(SEVERITY)}  # errors first, then warnings, then notes
issues = sorted(plan.issues, key=lambda i: rank.get(i.severity, len(rank)))
report = pd.DataFrame([{"级别": SEVERITY.get(i.severity, i.severity), "位置": _place(i), "问题": i.message,
                        "怎么改": i.hint} for i in issues])
if len(report) > TABLE_ROWS:  # a long report scrolls; a short one is shown in full, text wrapped
    st.dataframe(report, hide_index=True, width="stretch", height=420,
                 column_config={"问题": st.column_config.TextColumn(width="large"),
                                "怎么改": st.column_config.TextColumn(width="large")})
elif len(report):
    # Level and place each on one line; the message and the fix take the width and wrap.
    st.html('<style>[data-testid="stTable"] :is(th, td):nth-child(-n+2) :is(p, div) {white-space: nowrap;}</style>')
    st.table(report.set_index("级别"))
else:
    st.success("没有发现问题。")

st.subheader("在线修改")
st.caption("可直接在表格中修改后点“应用修改”，所有页面随之更新；也可下载修改后的 Excel（保留您表中的其他列）。")
frame = editing.plan_frame(plan)
edited = st.data_editor(
    frame, key=f"up_editor_{loaded.key}", width="stretch", height="auto" if len(frame) <= 12 else 440,
    disabled=["层级"], placeholder="",
    column_config={
        "维度": st.column_config.SelectboxColumn(options=list(plan.dimensions)),
        "抓手": st.column_config.SelectboxColumn(options=list(plan.levers)),
        "状态": st.column_config.SelectboxColumn(options=list(STATUSES)),
        "进度": st.column_config.NumberColumn(min_value=0, max_value=100, step=1, format="%d%%"),
        "亮点": st.column_config.CheckboxColumn(),
        "开始时间": st.column_config.DateColumn(format="YYYY-MM-DD"),
        "完成时限": st.column_config.DateColumn(format="YYYY-MM-DD"),
    })
corrected = editing.apply_edits(plan, edited)
stem = loaded.name.rsplit(".", 1)[0].removesuffix("（修改后）")
with st.container(horizontal=True):
    st.button("应用修改", type="primary", key="up_apply", icon=":material/check:", on_click=_apply,
              args=(corrected, f"{stem}（修改后）.xlsx"))
    st.download_button("下载修改后的 Excel", lambda: plan_to_xlsx(corrected), file_name=f"{stem}（修改后）.xlsx",
                       mime=ui.MIME["xlsx"], key="up_download", on_click="ignore", icon=":material/download:")
