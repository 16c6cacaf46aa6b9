"""上传与检查：上传计划表、改计划信息、调整列对应、查看检查报告、在线修改并下载 Excel。"""
import pandas as pd
import streamlit as st

from planviz import stats, theme
from planviz.model import HeaderError, sheet_place
from planviz.vocab import SEVERITY_NAMES, STATUSES
from planviz.reading.headers import column_letter
from planviz.reading.safety import MAX_FILE_BYTES
from planviz.report import counts, group_issues
from planviz.template import plan_to_xlsx, template_bytes
from planviz_app import columns, editing, state, ui

ui.require_app()

PENDING_KEY = "pv_pending"  # (bytes, name, HeaderError): a file waiting for its columns to be mapped
ERROR_KEY = "pv_upload_error"
TABLE_ROWS = 30
MAP_COLUMNS = 4  # mapping boxes per row
SEVERITY = {key: f"{icon} {SEVERITY_NAMES[key]}" for key, icon in (("error", "❌"), ("warning", "⚠️"), ("info", "ℹ️"))}


def _take(data: bytes, name: str, *, year=None, column_map=None, is_sample=False) -> None:
    """Read a file and make it the session's plan, or keep the message / mapping request."""
    st.session_state.pop(ERROR_KEY, None)
    st.session_state.pop(PENDING_KEY, None)
    identity = dict(state.current().identity) if name == state.current().name else None
    loaded, error = ui.read_upload(data, name, year=year, column_map=column_map, is_sample=is_sample,
                                   identity=identity)
    if isinstance(error, HeaderError):
        st.session_state[PENDING_KEY] = (data, name, error)
    elif error is not None:  # most messages already name the file; the box is emptied so it shows no broken file
        st.session_state[ERROR_KEY] = f"无法读取这个文件：{error}" if name in str(error) else f"无法读取「{name}」：{error}"
        state.clear_uploader()
    else:
        state.use(loaded)


def _on_upload() -> None:
    file = st.session_state.get(state.upload_key())
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


def _chosen(headers: dict[str, str]) -> dict[str, str]:
    """header text → field from the mapping boxes (widget key → header), unused columns left out."""
    return {header: columns.FIELD_OF_LABEL[st.session_state[k]] for k, header in headers.items()
            if st.session_state.get(k, columns.UNUSED) in columns.FIELD_OF_LABEL}


def _on_map(headers: dict[str, str]) -> None:
    data, name, _ = st.session_state[PENDING_KEY]
    _take(data, name, year=st.session_state.get("up_year"), column_map=_chosen(headers))


def _on_remap(headers: dict[str, str]) -> None:
    """Read the plan in use again with the columns as the user set them."""
    cur = state.current()
    _take(cur.data, cur.name, year=cur.year, column_map=_chosen(headers), is_sample=cur.is_sample)


def _on_identity(key: str) -> None:
    """Use the organization, title, theme and slogan typed in the 计划信息 form on every page and download."""
    cur = state.current()
    state.use(cur.renamed({f: st.session_state.get(f"up_{f}_{key}", "") for f in state.IDENTITY_FIELDS}))


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
    st.file_uploader(f"上传计划表（{ui.upload_types()}，不超过 {MAX_FILE_BYTES // 1024 // 1024} MB）",
                     key=state.upload_key(), on_change=_on_upload,
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
    headers = {}
    for i, column in enumerate(header_error.columns):
        if i % MAP_COLUMNS == 0:
            grid = st.columns(MAP_COLUMNS)
        cell = grid[i % MAP_COLUMNS]
        headers[f"up_map_{i}"] = column
        cell.selectbox(f"第 {i + 1} 列「{column}」", columns.options(), key=f"up_map_{i}")
        examples = [row[i] for row in header_error.samples if i < len(row) and row[i]]
        cell.caption("例：" + " ｜ ".join(theme.truncate(e, 16) for e in examples) if examples else "（下方无内容）")
    st.button("按此对应重新读取", type="primary", key="up_remap", on_click=_on_map, args=(headers,))
    st.stop()

plan = loaded.plan
if not loaded.is_sample and ERROR_KEY not in st.session_state:  # app.py's notice says when it is the sample
    st.success(f"已读取「{loaded.name}」：{plan.display_title}", icon=":material/check_circle:")

with st.expander("计划信息（组织名称、标题、主题、口号）", expanded=not loaded.is_sample and not plan.title):
    st.caption("这里填写的内容用于所有页面、一页纸简报、幻灯片和下载文件的名称；留空则按表格中读到的。年度在上方选择。")
    with st.form(f"up_identity_{loaded.key}", border=False):
        i1, i2 = st.columns(2)
        i1.text_input("组织名称", value=plan.organization, key=f"up_organization_{loaded.key}",
                      placeholder="如：某某党支部")
        i2.text_input("计划标题", value=plan.title, key=f"up_title_{loaded.key}", placeholder=plan.display_title)
        i1.text_input("主题", value=plan.theme, key=f"up_theme_{loaded.key}", placeholder="如：强基固本 争创一流")
        i2.text_input("口号/品牌", value=plan.slogan, key=f"up_slogan_{loaded.key}", placeholder="如：红心向党")
        st.form_submit_button("保存计划信息", type="primary", on_click=_on_identity, args=(loaded.key,))

with st.expander("调整列对应（每一列读作什么）"):
    roles = plan.columns  # what the reader took each column of each sheet or Word table to be
    if not roles:
        st.caption("这份计划没有可调整的列。")
    else:
        st.caption("下面是每一列被识别成的内容。认错的列请改选，再点“按此对应重新读取”；用不到的列选“不使用”，"
                   "它会作为自定义列保留。")
        headers = {}
        for sheet in dict.fromkeys(r.sheet for r in roles):
            st.markdown(f"**{sheet_place(sheet)}**")
            in_sheet = [r for r in roles if r.sheet == sheet]
            twice = {h for h in (r.header for r in in_sheet) if sum(r.header == h for r in in_sheet) > 1}
            for k, role in enumerate(in_sheet):
                key = f"up_col_{loaded.key}_{sheet}_{role.index}"
                # the reader takes a column letter where one header text names two columns (责任分工 | 责任分工)
                headers[key] = column_letter(role.index) if role.header in twice else role.header
                choices = columns.options()
                if k % MAP_COLUMNS == 0:  # a row of boxes at a time: stacked on a phone they keep column order
                    grid = st.columns(MAP_COLUMNS)
                grid[k % MAP_COLUMNS].selectbox(f"第 {role.index + 1} 列「{role.header}」", choices, key=key,
                                      index=choices.index(columns.label(role.role)))
        st.button("按此对应重新读取", type="primary", key="up_remap_all", on_click=_on_remap, args=(headers,))

st.subheader("计划体检", help="对照六度模型、亮点项目和项目化五要素（目标、负责人、时间节点、成果形式、评估标准）")
checks = stats.plan_checks(plan)
grid = st.columns(3)
for k, check in enumerate(checks):
    mark = ":green[:material/check_circle:]" if check.ok else ":orange[:material/error:]"
    grid[k % 3].markdown(f"{mark} **{check.name}**　{check.detail}")

st.subheader("检查报告")
found = counts(plan)
with st.container(horizontal=True, gap="medium"):  # wraps onto a second line in a narrow window
    for label, value, note in (("工作项", found.work_items, f"重点项目 {found.projects} 个，任务 {found.tasks} 项"),
                               ("错误", found.errors, None), ("提醒", found.warnings, None), ("提示", found.notes, None)):
        st.metric(label, value, help=note, width=150)
if found.sections:
    st.caption(f"另有 {found.sections} 个工作板块（板块只用来分组，不算工作项）。")
groups = group_issues(plan.issues)
if not groups:
    st.success("没有发现问题。")
for group in groups:
    first = group.issues[0]
    with st.container(border=True):
        if group.count == 1:
            st.markdown(f"{SEVERITY.get(group.severity, group.severity)}　{_place(first)}")
            st.markdown(first.message)
        else:  # one kind repeated: one line, the places in an expander
            st.markdown(f"{SEVERITY.get(group.severity, group.severity)}　**{group.count} 处**：{group.summary}")
        if group.hint:
            st.caption(f"怎么改：{group.hint}")
        if group.count > 1:
            with st.expander(f"逐条查看（{group.count} 处）"):
                rows = [{"位置": _place(i), "问题": i.message} for i in group.issues]
                if len(rows) > TABLE_ROWS:
                    st.dataframe(rows, hide_index=True, width="stretch", height=360,
                                 column_config={"问题": st.column_config.TextColumn(width="large")})
                else:
                    st.table(pd.DataFrame(rows).set_index("位置"))

st.subheader("在线修改")
st.caption("可直接在表格中修改后点“应用修改”，所有页面随之更新。下载的 Excel 是标准模板的格式（计划信息、重点项目、"
           "任务清单三张表）：每一项工作的内容和您表中自己加的列都保留，原表的标题行、合并单元格和列的顺序不保留。")
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
