"""Builders of messy plan workbooks and CSVs, as party-affairs offices really write them (for tests)."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

TITLE = "某某街道机关党支部2026年度党建工作计划"

# The merged-category plan: what each data row should read back as (title, section, owners, progress, status).
MERGED_ROWS = (
    ("学习贯彻党的二十届四中全会精神", "政治建设", ("张三", "李四"), 0.35, "进行中"),
    ("落实意识形态工作责任制", "政治建设", ("张三",), 1.0, "已完成"),
    ("规范“三会一课”", "组织建设", ("王五",), 0.6, "进行中"),
    ("发展党员和党员教育管理", "组织建设", ("王五", "赵六"), 0.0, "未开始"),
    ("开展志愿服务和为民办实事", "为民服务", ("孙七",), None, "延期"),
)


def merged_category(path: Path) -> Path:
    """Title and unit rows, a two-row header (时间安排 over 开始 | 结束), a merged 类别 column,
    owner lists, 牵头/配合 departments, date/serial/text dates, percent cells, status words, a hidden
    column and row, a kept extra column, blank spacer rows, footnotes, a signature row and a 说明 sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "工作计划"
    ws["A1"] = TITLE
    ws.merge_cells("A1:K1")
    ws["A2"] = "填报单位：某某街道机关党支部    日期：2026年1月6日"
    ws.merge_cells("A2:K2")
    header = ["序号", "工作类别", "工作内容", "责任人", "牵头部门", "时间安排", None, "完成进度", "完成情况",
              "经费（万元）", "备注", "内部编码"]
    for c, value in enumerate(header, 1):
        ws.cell(row=3, column=c, value=value)
    ws.merge_cells("F3:G3")
    ws["F4"], ws["G4"] = "开始", "结束"
    for col in "ABCDEHIJKL":
        ws.merge_cells(f"{col}3:{col}4")
    data = [
        [1, "政治建设", "学习贯彻党的二十届四中全会精神", "张三、李四", "组织部（牵头）、宣传部（配合）",
         date(2026, 1, 1), "3月底前", 0.35, "推进中", 2, None, "X-01"],
        [2, None, "落实意识形态工作责任制", "张三", "宣传部", "全年", None, "完成", "完成", None, "每半年研判一次", "X-02"],
        [3, "组织建设", "规范“三会一课”", "王五", "组织部", "每月", None, "60%", "正在进行", 0.5, None, "X-03"],
        [4, None, "发展党员和党员教育管理", "王五/赵六", "组织部", datetime(2026, 3, 1), 46203, 0, "未启动",
         None, None, "X-04"],
        [None] * 12,  # spacer row
        [5, "为民服务", "开展志愿服务和为民办实事", "孙七", "各党小组", "2026.4.1", "2026/10/31", None, "滞后", 3,
         "受天气影响", "X-05"],
    ]
    for r, row in enumerate(data, 5):
        for c, value in enumerate(row, 1):
            ws.cell(row=r, column=c, value=value)
    ws["H5"].number_format = "0%"
    ws.merge_cells("B5:B6")
    ws.merge_cells("B7:B8")
    ws.column_dimensions["L"].hidden = True
    ws.row_dimensions[6].hidden = True  # hidden rows are read like the others
    ws["A12"] = "注：1.时间安排以上级通知为准；"
    ws["A13"] = "2.经费从党组织工作经费中列支。"
    ws["A15"] = "制表人：周八"
    ws["E15"] = "审核：吴九"
    guide = wb.create_sheet("说明")
    guide["A1"] = "本表由支部委员会制定，经支部党员大会讨论通过。"
    wb.save(path)
    return path


# The outline plan: (id, title, level, parent, section, deadline_text).
OUTLINE_ITEMS = (
    ("S1", "政治建设", "section", None, "政治建设", ""),
    ("1.1", "加强政治理论学习", "project", "S1", "政治建设", "全年"),
    ("1.1.1", "每月开展一次集中学习", "task", "1.1", "政治建设", "每月"),
    ("1.1.2", "举办读书班", "task", "1.1", "政治建设", "三月底前"),
    ("1.2", "落实意识形态工作责任制", "project", "S1", "政治建设", "适时"),
    ("S2", "组织建设", "section", None, "组织建设", ""),
    ("2.1", "严格组织生活", "project", "S2", "组织建设", "每季度"),
    ("2.1.1", "召开组织生活会", "task", "2.1", "组织建设", "２月底前"),
    ("2.2", "党费收缴", "project", "S2", "组织建设", "2026.6.30"),
    ("S3", "关爱党员", "section", None, "关爱党员", ""),
    ("3.1", "七一走访慰问困难党员", "project", "S3", "关爱党员", "七一前"),
)


def outline(path: Path) -> Path:
    """Category rows (一、政治建设 merged across), 1. projects restarting per section with (1)/① sub-rows,
    words for deadlines (三月底前, ２月底前, 适时, 七一前), no dimension column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "计划"
    ws.append([TITLE])
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["序号", "工作任务", "责任领导", "责任部门", "完成时限"])
    rows = [
        ["一、政治建设"],
        [1, "加强政治理论学习", "张书记", "办公室", "全年"],
        [None, "（1）每月开展一次集中学习", "李委员", None, "每月"],
        [None, "（2）举办读书班", "李委员", None, "三月底前"],
        [2, "落实意识形态工作责任制", "张书记", "办公室", "适时"],
        ["二、组织建设"],
        [1, "严格组织生活", "王委员", "组织科", "每季度"],
        [None, "①召开组织生活会", None, None, "２月底前"],
        [2, "党费收缴", "王委员", "组织科", "2026.6.30"],
        ["三、关爱党员"],
        [1, "七一走访慰问困难党员", "赵委员", "工会", "七一前"],
    ]
    for row in rows:
        ws.append(row)
        if len(row) == 1:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
    wb.save(path)
    return path


# The grouped plan: (id, title, level, parent, owners).
GROUPED_ITEMS = (
    ("1", "加强理论学习", "project", None, ("张三", "李四")),
    ("1.1", "每月集中学习", "task", "1", ("张三",)),
    ("1.2", "举办读书班", "task", "1", ("李四",)),
    ("1.3", "开展专题研讨", "task", "1", ("张三",)),
    ("2", "关爱党员", "project", None, ("王五",)),
    ("2.1", "走访慰问困难党员", "task", "2", ("王五",)),
    ("2.2", "开展谈心谈话", "task", "2", ("王五",)),
)


def grouped_measures(path: Path) -> Path:
    """重点任务 merged down over its 具体措施 rows (序号 merged with it): projects and their tasks."""
    wb = Workbook()
    ws = wb.active
    ws.title = "重点任务"
    ws.append(["序号", "重点任务", "具体措施", "责任人", "完成时限"])
    ws.append([1, "加强理论学习", "每月集中学习", "张三", "每月"])
    ws.append([None, None, "举办读书班", "李四", "3月底前"])
    ws.append([None, None, "开展专题研讨", "张三", "第二季度"])
    ws.append([2, "关爱党员", "走访慰问困难党员", "王五", "七一前"])
    ws.append([None, None, "开展谈心谈话", "王五", "每季度"])
    for rng in ("A2:A4", "B2:B4", "A5:A6", "B5:B6"):
        ws.merge_cells(rng)
    wb.save(path)
    return path


def unknown_header(path: Path) -> Path:
    """A sheet whose header words planviz does not know (the user must map columns)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2026年工作安排"])
    ws.append(["甲栏", "乙栏", "丙栏"])
    ws.append(["开展主题党日", "张三", "3月底前"])
    ws.append(["走访慰问", "李四", "七一前"])
    wb.save(path)
    return path


CSV_ROWS = (
    ("序号", "工作内容", "责任人", "完成时限", "进度", "状态"),
    ("1", "开展主题党日活动", "张三、李四", "每月", "50%", "推进中"),
    ("2", "召开组织生活会", "王五", "2月底前", "完成", "已完成"),
    ("3", "党建品牌创建", "赵六", "第三季度", "0", "未启动"),
)


def plan_csv(path: Path, encoding: str = "utf-8", sep: str = ",", bom: bool = False) -> Path:
    """The CSV_ROWS table as WPS/Excel export it: GBK, GB18030, UTF-8 with BOM (even GBK behind a BOM)."""
    body = "\r\n".join(sep.join(row) for row in CSV_ROWS) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode(encoding))
    return path


def big_plan(path: Path, rows: int) -> Path:
    """A flat plan of ``rows`` projects with twelve columns (for bench/bench_load.py)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("计划")
    ws.append(["某某党委2026年度党建工作计划"])
    ws.append(["序号", "类别", "工作内容", "维度", "目标", "责任人", "责任部门", "完成时限", "成果形式", "评估标准",
               "进度", "状态"])
    sections = ("政治建设", "思想建设", "组织建设", "作风建设", "纪律建设", "品牌创建")
    deadlines = ("3月底前", "每月", "第二季度", "全年", "6月30日前", "七一前", "每季度", "年底前")
    statuses = ("未开始", "进行中", "已完成", "推进中", "滞后")
    for i in range(1, rows + 1):
        ws.append([i, sections[i % 6], f"第{i}项重点工作：开展专题学习和志愿服务", "" if i % 3 else "温度",
                   "提高党员参与率", f"责任人{i % 37}、副职{i % 11}", "组织部", deadlines[i % 8], "活动记录",
                   "参与率90%以上", (i % 101) / 100, statuses[i % 5]])
    wb.save(path)
    return path
