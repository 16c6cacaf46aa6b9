"""The canonical plan workbook: blank template with examples, and any Plan written back to Excel."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import BinaryIO, Callable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from . import theme
from .dates import RECURRENCE_WORDS
from .model import STATUSES, Item, Plan

META_SHEET, PROJECT_SHEET, TASK_SHEET, GUIDE_SHEET = "计划信息", "重点项目", "任务清单", "填写说明"
PROJECT_TITLE = "重点项目清单（项目化管理）"
TASK_TITLE = "任务清单"
META_HEADERS = ("项目", "内容")
META_KEYS = ("组织名称", "年度", "计划标题", "主题", "口号/品牌", "六度维度", "五大抓手", "印发单位", "审议通过日期",
             "联系人")
PROJECT_HEADERS = ("项目编号", "板块", "项目名称", "简称", "维度", "抓手", "目标", "负责人", "责任部门", "时间节点",
                   "开始时间", "完成时限", "成果形式", "评估标准", "亮点", "里程碑", "进度", "状态", "备注")
TASK_HEADERS = ("任务编号", "所属项目", "任务内容", "简称", "负责人", "责任部门", "时间节点", "开始时间", "完成时限",
                "里程碑", "进度", "状态", "备注")
# Added after 所属项目 only when some task hangs directly under a section, so its 板块 is not lost.
TASK_SECTION_HEADER = "板块"
YES, NO = "是", "否"
HEADER_ROW = 2  # row 1 holds the merged sheet title on both item sheets
VALIDATION_ROWS = 300  # drop-downs cover at least rows 3..300

# 微软雅黑 is what WPS/Excel users on Windows have; LibreOffice substitutes Noto Sans CJK SC.
EXCEL_FONT = "微软雅黑"
_RED = theme.PARTY_RED.lstrip("#")  # openpyxl wants RRGGBB
HEADER_FILL = PatternFill("solid", fgColor=_RED)
HEADER_FONT = Font(name=EXCEL_FONT, bold=True, color="FFFFFF", size=11)
TITLE_FONT = Font(name=EXCEL_FONT, bold=True, color=_RED, size=14)
BODY_FONT = Font(name=EXCEL_FONT, size=10)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0%"

COLUMN_WIDTHS = {"项目名称": 30, "任务内容": 36, "目标": 40, "成果形式": 26, "评估标准": 32, "备注": 24,
                 "负责人": 14, "责任部门": 18, "时间节点": 12, "开始时间": 12, "完成时限": 12, "板块": 14,
                 "所属项目": 10, "内容": 60, "项目": 14, "简称": 16}

DIMENSION_MEANINGS = {
    "高度": ("政治引领：加强政治建设，贯彻落实上级决策部署", "政治建设、政治引领、学习贯彻、意识形态"),
    "深度": ("理论武装：理论学习和思想建设", "理论学习、中心组、读书、党课、专题研讨"),
    "精度": ("精准落实：标准化规范化、三会一课、纪律作风、督查考核", "标准化、三会一课、组织生活、党费、发展党员、纪律"),
    "温度": ("以人为本：关爱党员、服务群众", "谈心谈话、关爱、慰问、志愿服务、为民办实事、党员成长"),
    "亮度": ("特色创新：打造品牌和亮点", "品牌、特色、创新、示范、亮点、工作室"),
    "融合度": ("党建+业务：以党建推动中心工作", "党建+、融合、攻坚、示范岗、责任区、突击队"),
}
LEVER_MEANINGS = {
    "项目化": "重点工作列成项目清单，每个项目写明目标、负责人、时间节点、成果形式、评估标准五要素",
    "清单化": "日常工作列成任务清单，逐项销号",
    "责任化": "每个项目、每项任务都落实到具体负责人",
    "品牌化": "为特色工作起名称、做标识、抓宣传",
    "数字化": "把计划放到线上任务看板、学习清单和活动日历",
}
STATUS_MEANINGS = {"未开始": "还没有动手", "进行中": "正在推进", "已完成": "已经完成并有成果",
                   "延期": "超过完成时限还没有完成", "暂缓": "因客观原因暂停，请在备注中说明原因"}
DEADLINE_EXAMPLES = (
    ("截止时间", "3月底前、6月30日前、七一前、国庆节前、年底前", "只有完成时限，没有开始时间"),
    ("时间段", "3月、第二季度、上半年、3-5月、3月中旬、全年", "从第一天到最后一天"),
    ("具体日期", "2026-03-31、2026.3.31、2026/3/31", "当天"),
    ("周期性工作", "每月、每季度、每周、每半年、每年", "覆盖全年并按此节奏开展"),
    ("长期工作", "长期坚持、持续推进、常态化", "覆盖全年"),
    ("暂不确定", "适时、根据上级安排", "不画在时间轴上，系统会提醒"),
)
COLUMN_GUIDE = (
    (META_SHEET, "项目 / 内容", "按行填写组织名称、年度、计划标题、主题、口号/品牌；六度维度、五大抓手可改成本单位的叫法，用顿号分隔；"
                            "印发单位、审议通过日期（如 2026-01-15）、联系人印在一页纸简报的页脚"),
    (PROJECT_SHEET, "项目编号", "每个项目一个编号，如 P01、P02，不要重复"),
    (PROJECT_SHEET, "板块", "项目所属的工作板块，如 政治建设、组织建设"),
    (PROJECT_SHEET, "项目名称", "简明写出要做的事"),
    (PROJECT_SHEET, "简称", "可不填；名称较长时写一个 4–12 字的简称，一页纸简报上显示简称"),
    (PROJECT_SHEET, "维度", "从下拉列表选六度之一；不填时系统按板块和名称推断"),
    (PROJECT_SHEET, "抓手", "从下拉列表选五大抓手之一"),
    (PROJECT_SHEET, "目标", "要解决什么问题、达到什么效果，尽量写出数字"),
    (PROJECT_SHEET, "负责人", "写姓名；两人以上用顿号分隔，如 张三、李四"),
    (PROJECT_SHEET, "责任部门", "牵头部门在前，多个部门用顿号分隔"),
    (PROJECT_SHEET, "时间节点", "用平常说法写，如 3月底前、第二季度、每月、全年（写法见下表）"),
    (PROJECT_SHEET, "开始时间 / 完成时限", "可不填；需要写明具体日期时用日期格式，如 2026-03-31"),
    (PROJECT_SHEET, "成果形式", "完成后拿得出的东西，如 制度、台账、报告、案例、视频"),
    (PROJECT_SHEET, "评估标准", "怎样算做好了，如 参学率100%、满意度90%以上"),
    (PROJECT_SHEET, "亮点 / 里程碑", "从下拉列表选 是 或 否；亮点即特色项目，建议1至2个"),
    (PROJECT_SHEET, "进度", "填百分比，如 35%；未开始填 0%"),
    (PROJECT_SHEET, "状态", "从下拉列表选：" + "、".join(STATUSES)),
    (PROJECT_SHEET, "备注", "延期、暂缓时写明原因；右侧可自行增加列，系统会原样保留"),
    (TASK_SHEET, "任务编号", "每项任务一个编号，如 T001"),
    (TASK_SHEET, "所属项目", "填写重点项目表中的项目编号，如 P01"),
    (TASK_SHEET, "板块", "只在有任务不属于任何项目时出现：填写该任务所属的板块，所属项目留空"),
    (TASK_SHEET, "其他各列", "与重点项目表同名列的填法相同"),
)


def _plain(value):
    """Blank cells for empty text, so the sheet holds no empty strings."""
    return None if value == "" else value


def _yes_no(flag: bool) -> str:
    return YES if flag else NO


def _deadline_text(item: Item) -> str:
    """The wording to show in 时间节点: the user's own words, else the rhythm in Chinese."""
    return item.deadline_text or RECURRENCE_WORDS.get(item.recurrence or "", "")


def _style_header(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    """Write one header row: party red fill, white bold text, sensible widths."""
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.fill, cell.font, cell.alignment = HEADER_FILL, HEADER_FONT, CENTER
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0,
                                                 COLUMN_WIDTHS.get(text, 12))


def _write_rows(ws: Worksheet, first_row: int, rows: Sequence[Sequence], headers: Sequence[str]) -> None:
    """Body cells with wrap, dates and percents formatted by their column."""
    for r, values in enumerate(rows, start=first_row):
        for c, (header, value) in enumerate(zip(headers, values), start=1):
            cell = ws.cell(row=r, column=c, value=_plain(value))
            cell.font, cell.alignment = BODY_FONT, WRAP
            if header == "进度":
                cell.number_format = PERCENT_FORMAT
            elif header in ("开始时间", "完成时限"):
                cell.number_format = DATE_FORMAT


def _add_choices(ws: Worksheet, headers: Sequence[str], choices: dict[str, Sequence[str]], last_row: int) -> None:
    """Drop-down lists on the named columns, from the first data row to ``last_row``."""
    for header, values in choices.items():
        if header not in headers or not values:
            continue
        letter = get_column_letter(headers.index(header) + 1)
        listed = "、".join(values)
        dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="请从下拉列表中选择",
                            error=f"「{header}」列请填写：{listed}")
        dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{last_row}")
        ws.add_data_validation(dv)


def _item_sheet(wb: Workbook, name: str, title: str, headers: Sequence[str], rows: Sequence[Sequence],
                choices: dict[str, Sequence[str]]) -> None:
    """One item sheet: merged title in row 1, header in row 2, rows, drop-downs, frozen header."""
    ws = wb.create_sheet(name)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.cell(row=1, column=1, value=title).font = TITLE_FONT
    ws.cell(row=1, column=1).alignment = CENTER
    ws.row_dimensions[1].height = 28
    _style_header(ws, HEADER_ROW, headers)
    _write_rows(ws, HEADER_ROW + 1, rows, headers)
    _add_choices(ws, headers, choices, max(VALIDATION_ROWS, HEADER_ROW + len(rows)))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)


def _extra_headers(items: Sequence[Item], taken: Sequence[str]) -> list[str]:
    """Headers of the users' own columns, in order of first appearance."""
    seen: dict[str, None] = {}
    for item in items:
        for header, _ in item.extra:
            if header not in taken:
                seen.setdefault(header, None)
    return list(seen)


def _extra_values(item: Item, headers: Sequence[str]) -> list:
    own = item.extras
    return [own.get(h) for h in headers]


def _section_lookup(plan: Plan) -> Callable[[Item], str]:
    """The 板块 of an item: its own section name, else the title of its section parent."""
    titles = {s.id: s.title for s in plan.sections}
    return lambda item: item.section or titles.get(item.parent or "", "")


def _project_row(item: Item, section_of: Callable[[Item], str]) -> list:
    return [item.id, section_of(item), item.title, item.short_title, item.dimension, item.lever, item.goal, item.owner_text,
            item.department_text, _deadline_text(item), item.start, item.end, item.deliverable, item.criteria,
            _yes_no(item.highlight), _yes_no(item.milestone), item.progress, item.status, item.notes]


def _task_row(item: Item, section_ids: set[str], section_of: Callable[[Item], str] | None) -> list:
    """A task row; ``section_of`` is given when the sheet carries the extra 板块 column."""
    parent = "" if item.parent in section_ids else (item.parent or "")
    row = [item.id, parent, item.title, item.short_title, item.owner_text, item.department_text, _deadline_text(item),
           item.start, item.end, _yes_no(item.milestone), item.progress, item.status, item.notes]
    if section_of is not None:
        row.insert(2, section_of(item))
    return row


def _meta_sheet(wb: Workbook, plan: Plan) -> None:
    ws = wb.create_sheet(META_SHEET)
    _style_header(ws, 1, META_HEADERS)
    values = (plan.organization, plan.year, plan.title or plan.display_title, plan.theme, plan.slogan,
              "、".join(plan.dimensions), "、".join(plan.levers), plan.issuer,
              plan.approved_on.isoformat() if plan.approved_on else "", plan.contact)
    rows = list(zip(META_KEYS, values)) + [(k, v) for k, v in plan.meta if k not in META_KEYS]
    _write_rows(ws, 2, rows, META_HEADERS)
    ws.freeze_panes = "A2"


def _guide_sheet(wb: Workbook, plan: Plan) -> None:
    """How to fill each column, the dimensions, levers, statuses and deadline wording."""
    ws = wb.create_sheet(GUIDE_SHEET)
    blocks = [
        ("一、各列怎么填", ("工作表", "列", "怎么填"), COLUMN_GUIDE),
        ("二、六度维度", ("维度", "含义", "常见关键词"),
         [(d, *DIMENSION_MEANINGS.get(d, ("本计划自定义的维度", ""))) for d in plan.dimensions]),
        ("三、五大抓手", ("抓手", "含义", ""), [(lv, LEVER_MEANINGS.get(lv, "本计划自定义的抓手"), "") for lv in plan.levers]),
        ("四、状态", ("状态", "什么时候用", ""), [(s, STATUS_MEANINGS[s], "") for s in STATUSES]),
        ("五、时间节点写法", ("类型", "写法举例", "系统怎么理解"), DEADLINE_EXAMPLES),
    ]
    row = 1
    for heading, headers, rows in blocks:
        ws.cell(row=row, column=1, value=heading).font = TITLE_FONT
        _style_header(ws, row + 1, [h for h in headers if h])
        _write_rows(ws, row + 2, rows, headers)
        row += len(rows) + 3
    for letter, width in zip("ABC", (16, 46, 56)):
        ws.column_dimensions[letter].width = width


def _workbook(plan: Plan) -> Workbook:
    """The four-sheet canonical workbook for ``plan``."""
    wb = Workbook()
    wb.remove(wb.active)
    _meta_sheet(wb, plan)
    section_of = _section_lookup(plan)
    section_ids = {s.id for s in plan.sections}
    yes_no = (YES, NO)

    projects = plan.projects
    extra = _extra_headers(projects, PROJECT_HEADERS)
    _item_sheet(wb, PROJECT_SHEET, PROJECT_TITLE, PROJECT_HEADERS + tuple(extra),
                [_project_row(p, section_of) + _extra_values(p, extra) for p in projects],
                {"维度": plan.dimensions, "抓手": plan.levers, "状态": STATUSES, "亮点": yes_no, "里程碑": yes_no})

    tasks = plan.tasks
    with_section = any(t.parent in section_ids for t in tasks)
    headers = TASK_HEADERS[:2] + (TASK_SECTION_HEADER,) + TASK_HEADERS[2:] if with_section else TASK_HEADERS
    extra = _extra_headers(tasks, headers)
    _item_sheet(wb, TASK_SHEET, TASK_TITLE, headers + tuple(extra),
                [_task_row(t, section_ids, section_of if with_section else None) + _extra_values(t, extra)
                 for t in tasks],
                {"状态": STATUSES, "里程碑": yes_no})
    _guide_sheet(wb, plan)
    wb.active = 1  # open on 重点项目
    return wb


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def plan_to_xlsx(plan: Plan) -> bytes:
    """Any Plan as a canonical workbook (计划信息、重点项目、任务清单、填写说明); users' own columns kept."""
    return _save(_workbook(plan))


def plan_year(today: date | None = None) -> int:
    """The year a plan written today is for: plans are drafted from October for the coming year."""
    today = today or date.today()
    return today.year + 1 if today.month >= 10 else today.year


def example_plan(year: int | None = None) -> Plan:
    """The two example projects and tasks shown in the blank template."""
    year = year or plan_year()
    note = "示例行，填写时请覆盖或删除"
    projects = (
        Item(id="P01", title="深入学习贯彻上级重要会议精神", section="政治建设", dimension="高度", lever="清单化",
             goal="全体党员学深悟透，形成落实举措", owners=("张三",), departments=("支部委员会",),
             deadline_text="上半年", deliverable="学习记录、研讨材料、落实举措清单",
             criteria="党员参学率100%；落实举措逐项销号", progress=0.0, status="未开始", notes=note),
        Item(id="P02", title="“××先锋”党建品牌创建", section="品牌创建", dimension="亮度", lever="品牌化",
             goal="围绕本单位难点问题打造特色项目，党建带动业务", owners=("张三", "李四"),
             departments=("支部委员会", "业务科室"), deadline_text="全年", deliverable="品牌标识、工作台账、典型案例",
             criteria="形成可推广的案例1个；业务指标明显改善", progress=0.0, status="未开始", highlight=True,
             notes=note),
    )
    tasks = (
        Item(id="T001", title="制定专题学习计划", level="task", parent="P01", section="政治建设", owners=("张三",),
             departments=("支部委员会",), deadline_text="3月底前", end=date(year, 3, 31), progress=0.0,
             status="未开始", notes=note),
        Item(id="T002", title="确定品牌名称和标识", level="task", parent="P02", section="品牌创建", owners=("李四",),
             departments=("支部委员会",), deadline_text="第二季度", progress=0.0, status="未开始", milestone=True,
             notes=note),
    )
    return Plan(year=year, organization="××党支部", title=f"××党支部{year}年度党建工作计划",
                theme="（填写年度主题）", slogan="（填写口号或品牌名称）", items=projects + tasks)


def template_bytes(year: int | None = None) -> bytes:
    """The blank template as .xlsx bytes (for a download button)."""
    return plan_to_xlsx(example_plan(year))


def write_template(target: str | Path | BinaryIO, year: int | None = None) -> None:
    """Write the blank template (with two example projects and tasks) to a path or binary file."""
    data = template_bytes(year)
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    else:
        target.write(data)
