"""A corpus of plan workbooks and CSVs built by the tests, each modeled on the layout of a real public plan.

Layouts and header wording follow public plans found with the search tool's ``pages`` corpus (queries
党建工作计划表 序号 工作内容 责任人, 党建工作要点 任务分解, 挂图作战 党建 月份, 三会一课 安排表, 书记项目 立项);
for instance the 挂图作战 plan of a municipal engineering company party committee (zmszgs.ccmcgc.com,
2018: month by month, 责任单位 and 责任人 per task), branch plans of a primary school (wlkjcxx.jnjy.net.cn:
numbered 1. 2. items), a town's 三年行动计划 (一、（一）1. outline) and the 书记项目 of a tobacco bureau
(ycfz.org.cn: 项目清单, 时间表, 任务图). All plan text here is written for the tests.

Each Case gives the sheets (rows, merges), what every work row must read back as, and the role each
column must get.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook

Y = 2026


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: tuple
    merges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    name: str  # file name
    layout: str  # what is modeled
    sheets: tuple[Sheet, ...]
    # (title, section, owners, departments, start, end) per work item in plan order; dates as "M-D" in Y
    expect: tuple[tuple, ...]
    roles: dict = field(default_factory=dict)  # header text → role (None: kept as the user's own)
    csv: str = ""  # encoding when the case is a CSV of its only sheet

    def data(self) -> bytes:
        if self.csv:
            body = "\n".join(",".join(_csv_cell(v) for v in row) for row in self.sheets[0].rows)
            return body.encode(self.csv)
        wb = Workbook()
        wb.remove(wb.active)
        for sheet in self.sheets:
            ws = wb.create_sheet(sheet.name)
            for r, row in enumerate(sheet.rows, 1):
                for c, value in enumerate(row, 1):
                    if value is not None and value != "":
                        ws.cell(row=r, column=c, value=value)
            for ref in sheet.merges:
                ws.merge_cells(ref)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()


def _csv_cell(value) -> str:
    t = "" if value is None else str(value)
    return f'"{t}"' if any(ch in t for ch in ',"\n') else t


def d(month_day: str | None) -> date | None:
    if not month_day:
        return None
    m, dd = month_day.split("-")
    return date(Y, int(m), int(dd))


T = "某某党支部2026年度党建工作计划"
CASES: list[Case] = []


def case(*args, **kwargs) -> None:
    CASES.append(Case(*args, **kwargs))


# 1 the plainest branch table: title row, 序号 | 工作内容 | 责任人 | 完成时限
case("plain.xlsx", "branch table, title row over a one-line header", (Sheet("计划", (
    (T,),
    ("序号", "工作内容", "责任人", "完成时限"),
    (1, "组织全体党员学习新修订的党章", "王丽", "3月底前"),
    (2, "召开年度组织生活会", "陈刚", "2月"),
    (3, "开展党员志愿服务进社区", "王丽、陈刚", "全年"),
), ("A1:D1",)),), (
    ("组织全体党员学习新修订的党章", "", "王丽", "", None, "3-31"),
    ("召开年度组织生活会", "", "陈刚", "", "2-1", "2-28"),
    ("开展党员志愿服务进社区", "", "王丽、陈刚", "", "1-1", "12-31"),
), {"序号": "id", "工作内容": "title", "责任人": "owners", "完成时限": "deadline"})

# 2 merged 工作类别 column, departments, notes
case("merged_category.xlsx", "merged category column beside the items", (Sheet("Sheet1", (
    (T,),
    ("序号", "工作类别", "工作内容", "责任人", "责任部门", "完成时限", "备注"),
    (1, "思想建设", "开展理论学习中心组专题学习", "赵敏", "党办", "每月", ""),
    (2, "", "举办青年理论学习小组读书会", "孙浩", "团委", "6月30日前", "结合读书月"),
    (3, "组织建设", "规范支部委员会会议记录", "赵敏", "组织科", "每季度", ""),
    (4, "", "完成党员信息采集核对", "孙浩", "组织科", "9月底前", ""),
), ("A1:G1", "B3:B4", "B5:B6")),), (
    ("开展理论学习中心组专题学习", "思想建设", "赵敏", "党办", "1-1", "12-31"),
    ("举办青年理论学习小组读书会", "思想建设", "孙浩", "团委", None, "6-30"),
    ("规范支部委员会会议记录", "组织建设", "赵敏", "组织科", "1-1", "12-31"),
    ("完成党员信息采集核对", "组织建设", "孙浩", "组织科", None, "9-30"),
), {"工作类别": "section", "责任部门": "departments", "备注": "notes"})

# 3 任务分解表: 重点任务 merged over its 具体举措 (a committee's 工作要点)
case("breakdown.xlsx", "committee 任务分解表, key task merged over its measures", (Sheet("任务分解", (
    ("某某党委2026年党建工作要点任务分解表",),
    ("序号", "重点任务", "具体举措", "牵头单位", "责任单位", "完成时限"),
    (1, "强化理论武装", "制定党委理论学习中心组年度学习计划", "党委办公室", "各党支部", "2月底前"),
    (None, None, "开展青年干部读书分享活动", "团委", "各党支部", "5月"),
    (2, "建强基层组织", "开展支部标准化建设达标验收", "组织部", "各党支部", "10月底前"),
    (None, None, "选派优秀党员担任支部书记", "组织部", "人事处", "上半年"),
), ("A1:F1", "B3:B4", "A3:A4", "B5:B6", "A5:A6")),), (
    ("强化理论武装", "", "", "党委办公室、各党支部、团委", "2-28", "5-31"),
    ("制定党委理论学习中心组年度学习计划", "", "", "党委办公室、各党支部", None, "2-28"),
    ("开展青年干部读书分享活动", "", "", "团委、各党支部", "5-1", "5-31"),
    ("建强基层组织", "", "", "组织部、各党支部、人事处", "1-1", "10-31"),
    ("开展支部标准化建设达标验收", "", "", "组织部、各党支部", None, "10-31"),
    ("选派优秀党员担任支部书记", "", "", "组织部、人事处", "1-1", "6-30"),
), {"重点任务": "title", "具体举措": "title", "牵头单位": "departments"})

# 4 三会一课及主题党日安排表: 月份 column with 1月 … cells
case("meetings.xlsx", "monthly schedule of 三会一课 and 主题党日, timing in a 月份 column", (Sheet("安排表", (
    ("某某党支部2026年三会一课及主题党日安排表",),
    ("月份", "会议类型", "学习主题", "主讲人", "参加人员"),
    ("1月", "支委会", "研究部署全年党建工作", "刘洋", "支委成员"),
    ("2月", "党员大会", "召开年度组织生活会", "刘洋", "全体党员"),
    ("3月", "党课", "学习雷锋精神专题党课", "周静", "全体党员"),
    ("4月", "主题党日", "清明祭扫革命烈士纪念碑", "周静", "全体党员"),
), ("A1:E1",)),), (
    ("研究部署全年党建工作", "支委会", "刘洋", "", "1-1", "1-31"),
    ("召开年度组织生活会", "党员大会", "刘洋", "", "2-1", "2-28"),
    ("学习雷锋精神专题党课", "党课", "周静", "", "3-1", "3-31"),
    ("清明祭扫革命烈士纪念碑", "主题党日", "周静", "", "4-1", "4-30"),
), {"月份": "deadline", "会议类型": "section", "学习主题": "title", "主讲人": "owners", "参加人员": None})

# 5 计划开始 | 计划完成
case("start_finish.xlsx", "project list with 计划开始 and 计划完成 columns", (Sheet("项目", (
    ("序号", "项目名称", "负责人", "计划开始", "计划完成"),
    (1, "建设党员活动阵地", "黄磊", date(Y, 3, 1), date(Y, 6, 30)),
    (2, "打造红色教育走廊", "林芳", date(Y, 4, 15), date(Y, 9, 30)),
    (3, "开展党员先锋岗评选", "黄磊", "7月", "11月"),
)),), (
    ("建设党员活动阵地", "", "黄磊", "", "3-1", "6-30"),
    ("打造红色教育走廊", "", "林芳", "", "4-15", "9-30"),
    ("开展党员先锋岗评选", "", "黄磊", "", "7-1", "11-30"),
), {"计划开始": "start", "计划完成": "end"})

# 6 （一） category rows inside the table, the rest of the row empty
case("paren_sections.xlsx", "（一） category rows alone in the title column", (Sheet("Sheet1", (
    (T,),
    ("序号", "工作内容", "责任人", "时间节点"),
    (None, "（一）理论学习", None, None),
    (1, "每月开展一次集中学习", "吴迪", "每月"),
    (2, "组织专题研讨交流", "吴迪", "6月底前"),
    (None, "（二）组织建设", None, None),
    (3, "做好发展党员工作", "郑爽", "全年"),
), ("A1:D1",)),), (
    ("每月开展一次集中学习", "理论学习", "吴迪", "", "1-1", "12-31"),
    ("组织专题研讨交流", "理论学习", "吴迪", "", None, "6-30"),
    ("做好发展党员工作", "组织建设", "郑爽", "", "1-1", "12-31"),
), {"时间节点": "deadline"})

# 7 一、 category rows merged across the whole table
case("merged_sections.xlsx", "一、 category rows merged across every column", (Sheet("计划表", (
    (T,),
    ("序号", "工作任务", "责任领导", "责任部门", "完成时间"),
    ("一、政治建设",),
    (1, "落实第一议题制度", "何军", "党办", "每月"),
    ("二、作风建设",),
    (2, "开展作风建设专项检查", "何军", "纪检组", "11月底前"),
), ("A1:E1", "A3:E3", "A5:E5")),), (
    ("落实第一议题制度", "政治建设", "何军", "党办", "1-1", "12-31"),
    ("开展作风建设专项检查", "作风建设", "何军", "纪检组", None, "11-30"),
), {"责任领导": "owners", "完成时间": "deadline"})

# 8 totals rows at the bottom: 合计, 共N项
case("totals.xlsx", "totals rows under the items", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "完成时限", "经费（万元）"),
    (1, "举办党务干部培训班", "高远", "5月", 2),
    (2, "更新党建宣传栏", "高远", "3月底前", 1),
    ("合计", None, None, None, 3),
    ("共2项",),
)),), (
    ("举办党务干部培训班", "", "高远", "", "5-1", "5-31"),
    ("更新党建宣传栏", "", "高远", "", None, "3-31"),
), {"经费（万元）": None})

_MONTHS = tuple(f"{m}月" for m in range(1, 13))

# 9 挂图作战: one column per month, ● where the work happens
case("month_grid.xlsx", "挂图作战 month grid with ● marks", (Sheet("挂图作战", (
    ("某某公司党委2026年党建工作挂图作战表",),
    ("序号", "工作内容", "责任单位", "责任人") + _MONTHS,
    (1, "开展党建工作责任制考核", "党群工作部", "马超", "●", "●") + ("",) * 10,
    (2, "组织七一表彰大会", "党群工作部", "马超") + ("",) * 5 + ("●",) + ("",) * 6,
    (3, "落实三会一课制度", "各党支部", "各支部书记") + ("●",) * 12,
), ("A1:P1",)),), (
    ("开展党建工作责任制考核", "", "马超", "党群工作部", "1-1", "2-28"),
    ("组织七一表彰大会", "", "马超", "党群工作部", "6-1", "6-30"),
    ("落实三会一课制度", "", "各支部书记", "各党支部", "1-1", "12-31"),
), {"1月": "marks", "12月": "marks", "责任单位": "departments"})

# 10 quarter grid with marks and words
case("quarter_grid.xlsx", "quarter grid, ✓ or a few words per quarter", (Sheet("Sheet1", (
    ("序号", "重点工作", "责任人", "一季度", "二季度", "三季度", "四季度"),
    (1, "开展支部书记述职评议", "宋佳", "✓", "", "", ""),
    (2, "推进党建与业务融合项目", "宋佳", "", "调研立项", "推进实施", "总结验收"),
)),), (
    ("开展支部书记述职评议", "", "宋佳", "", "1-1", "3-31"),
    ("推进党建与业务融合项目", "", "宋佳", "", "4-1", "12-31"),
), {"一季度": "marks", "四季度": "marks"})

# 11 WPS CSV in GBK
case("wps.csv", "CSV exported by WPS in GBK", (Sheet("wps", (
    ("序号", "工作内容", "责任人", "牵头部门", "完成时限"),
    ("1", "开展廉政警示教育", "钱进", "纪委办", "4月底前"),
    ("2", "组织党员过政治生日", "钱进、冯月", "组织部", "每月"),
)),), (
    ("开展廉政警示教育", "", "钱进", "纪委办", None, "4-30"),
    ("组织党员过政治生日", "", "钱进、冯月", "组织部", "1-1", "12-31"),
), {"牵头部门": "departments"}, csv="gbk")

# 12 two-row header: 时间安排 over 开始 | 结束
case("two_row_header.xlsx", "时间安排 merged over 开始 | 结束", (Sheet("Sheet1", (
    ("序号", "工作内容", "负责人", "时间安排", None),
    (None, None, None, "开始", "结束"),
    (1, "筹备党员大会换届选举", "邓华", "3月", "5月"),
    (2, "开展主题教育回头看", "邓华", "6月1日", "8月31日"),
), ("D1:E1", "A1:A2", "B1:B2", "C1:C2")),), (
    ("筹备党员大会换届选举", "", "邓华", "", "3-1", "5-31"),
    ("开展主题教育回头看", "", "邓华", "", "6-1", "8-31"),
), {"时间安排/开始": "start", "时间安排/结束": "end"})

# 13 headers the synonym table does not know: the cells say who and when
case("odd_headers.xlsx", "unfamiliar header words, roles from the cells", (Sheet("Sheet1", (
    ("序号", "工作内容", "落实人", "办结节点"),
    (1, "建立党员积分管理台账", "潘婷", "4月底前"),
    (2, "开展结对帮扶困难党员", "潘婷、罗斌", "春节前"),
    (3, "组织党员参加义务植树", "罗斌", "3月12日"),
)),), (
    ("建立党员积分管理台账", "", "潘婷", "", None, "4-30"),
    ("开展结对帮扶困难党员", "", "潘婷、罗斌", "", None, "2-16"),
    ("组织党员参加义务植树", "", "罗斌", "", "3-12", "3-12"),
), {"落实人": "owners", "办结节点": "deadline"})

# 14 书记项目 立项表
case("secretary_project.xlsx", "书记项目 立项表 with the five elements", (Sheet("书记项目", (
    ("项目名称", "项目目标", "主要措施", "责任人", "时间节点", "预期成效"),
    ("红色物业进小区", "解决老旧小区物业缺位问题", "成立小区党小组，选派党员楼长", "曹阳", "6月底前", "形成可推广的工作法"),
    ("青年人才成长计划", "培养十名青年骨干", "实行导师帮带", "曹阳、彭莉", "全年", "年底形成总结报告"),
)),), (
    ("红色物业进小区", "", "曹阳", "", None, "6-30"),
    ("青年人才成长计划", "", "曹阳、彭莉", "", "1-1", "12-31"),
), {"项目目标": "goal", "预期成效": "deliverable", "主要措施": "detail"})

# 15 第一部分 headings and 1. items
case("parts.xlsx", "第一部分 headings alone on their row", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "完成时限"),
    ("第一部分 政治理论学习",),
    (1, "开展读原著学原文活动", "田甜", "每季度"),
    ("第二部分 服务群众",),
    (2, "开展我为群众办实事活动", "田甜", "下半年"),
), ("A2:D2", "A4:D4")),), (
    ("开展读原著学原文活动", "政治理论学习", "田甜", "", "1-1", "12-31"),
    ("开展我为群众办实事活动", "服务群众", "田甜", "", "7-1", "12-31"),
))

# 16 一是 二是 headings in the title column
case("yishi.xlsx", "一是 / 二是 headings in the title column", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "完成时限"),
    (None, "一是加强政治建设", None, None),
    (1, "组织学习贯彻上级会议精神", "袁明", "3月底前"),
    (None, "二是加强队伍建设", None, None),
    (2, "开展党务干部轮训", "袁明", "9月"),
)),), (
    ("组织学习贯彻上级会议精神", "加强政治建设", "袁明", "", None, "3-31"),
    ("开展党务干部轮训", "加强队伍建设", "袁明", "", "9-1", "9-30"),
))

# 17 a repeated header row in the middle (the sheet was printed over two pages)
case("repeated_header.xlsx", "header row repeated for printing", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "完成时限"),
    (1, "制定年度党建工作计划", "常青", "1月底前"),
    ("序号", "工作内容", "责任人", "完成时限"),
    (2, "开展党员冬训", "常青", "12月"),
)),), (
    ("制定年度党建工作计划", "", "常青", "", None, "1-31"),
    ("开展党员冬训", "", "常青", "", "12-1", "12-31"),
))

# 18 牵头领导 | 牵头部门 | 配合部门 (committee plan)
case("lead_support.xlsx", "committee plan, leading and supporting departments", (Sheet("工作要点", (
    ("序号", "工作任务", "牵头领导", "牵头部门", "配合部门", "完成时限"),
    (1, "召开全面从严治党工作会议", "谢东", "党委办公室", "纪委办公室", "2月底前"),
    (2, "开展意识形态工作专项检查", "谢东", "宣传部", "各党支部", "11月"),
)),), (
    ("召开全面从严治党工作会议", "", "谢东", "党委办公室、纪委办公室", None, "2-28"),
    ("开展意识形态工作专项检查", "", "谢东", "宣传部、各党支部", "11-1", "11-30"),
), {"牵头领导": "owners", "配合部门": "departments"})

# 19 主题党日 calendar: 时间 | 主题 | 活动内容 | 活动形式 | 负责人
case("party_day.xlsx", "主题党日 calendar with 活动形式 kept as the user's column", (Sheet("主题党日", (
    ("时间", "活动主题", "活动形式", "负责人"),
    ("1月", "新年送温暖走访慰问", "走访", "韩雪"),
    ("5月", "五四青年座谈会", "座谈", "韩雪"),
    ("7月", "重温入党誓词", "集中活动", "韩雪"),
)),), (
    ("新年送温暖走访慰问", "", "韩雪", "", "1-1", "1-31"),
    ("五四青年座谈会", "", "韩雪", "", "5-1", "5-31"),
    ("重温入党誓词", "", "韩雪", "", "7-1", "7-31"),
), {"时间": "deadline", "活动形式": None})

# 20 festivals and spans in one deadline cell
case("festivals.xlsx", "deadlines naming festivals or a start and an end", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "时间安排"),
    (1, "筹备庆祝建党节系列活动", "石磊", "七一前"),
    (2, "开展国庆主题宣传", "石磊", "9月至10月"),
    (3, "开展五四青年节活动", "石磊", "五四前后"),
)),), (
    ("筹备庆祝建党节系列活动", "", "石磊", "", None, "6-30"),
    ("开展国庆主题宣传", "", "石磊", "", "9-1", "10-31"),
    ("开展五四青年节活动", "", "石磊", "", "5-4", "5-4"),
))

# 21 时段 column: 上半年 / 下半年
case("halves.xlsx", "时段 column with halves of the year", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "时段"),
    (1, "完成支部书记培训", "龙飞", "上半年"),
    (2, "开展党建品牌创建", "龙飞", "下半年"),
)),), (
    ("完成支部书记培训", "", "龙飞", "", "1-1", "6-30"),
    ("开展党建品牌创建", "", "龙飞", "", "7-1", "12-31"),
), {"时段": "deadline"})

# 22 progress ledger: 完成进度 and 完成情况
case("ledger.xlsx", "progress ledger with percent and status words", (Sheet("台账", (
    ("序号", "工作内容", "责任人", "完成时限", "完成进度", "完成情况"),
    (1, "建设党员教育基地", "江河", "10月底前", "40%", "推进中"),
    (2, "开展党费收缴核查", "江河", "3月底前", "100%", "已完成"),
)),), (
    ("建设党员教育基地", "", "江河", "", None, "10-31"),
    ("开展党费收缴核查", "", "江河", "", None, "3-31"),
), {"完成进度": "progress", "完成情况": "status"})

# 23 CSV in UTF-8 with a BOM and semicolons
case("semicolons.csv", "CSV with a BOM and ; between cells", (Sheet("semicolons", (
    ("序号;工作内容;责任人;完成时限",),
    ("1;开展支部共建活动;白雪;二季度",),
    ("2;评选优秀共产党员;白雪;6月底前",),
)),), (
    ("开展支部共建活动", "", "白雪", "", "4-1", "6-30"),
    ("评选优秀共产党员", "", "白雪", "", None, "6-30"),
), csv="utf-8-sig")

# 24 section column written with its number (一、政治建设) and merged down
case("numbered_category.xlsx", "numbered 板块 merged down beside items", (Sheet("Sheet1", (
    ("板块", "序号", "工作内容", "责任人", "完成时限"),
    ("一、政治建设", 1, "开展政治生日活动", "秦岭", "每月"),
    (None, 2, "学习贯彻上级党委全会精神", "秦岭", "4月底前"),
    ("二、廉政建设", 3, "开展廉政谈话", "秦岭", "每半年"),
), ("A2:A3",)),), (
    ("开展政治生日活动", "政治建设", "秦岭", "", "1-1", "12-31"),
    ("学习贯彻上级党委全会精神", "政治建设", "秦岭", "", None, "4-30"),
    ("开展廉政谈话", "廉政建设", "秦岭", "", "1-1", "12-31"),
), {"板块": "section"})

# 25 categories in the 序号 column as 一 二, their names in the title column
case("id_categories.xlsx", "一 / 二 in the 序号 column open the categories", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "完成时限"),
    ("一", "组织建设", None, None),
    (1, "开展支部换届", "金鑫", "10月"),
    ("二", "宣传工作", None, None),
    (2, "更新支部微信公众号", "金鑫", "每周"),
)),), (
    ("开展支部换届", "组织建设", "金鑫", "", "10-1", "10-31"),
    ("更新支部微信公众号", "宣传工作", "金鑫", "", "1-1", "12-31"),
))

# 26 two plan sheets, numbered from 1 again
case("two_sheets.xlsx", "two plan sheets (党建 and 党风廉政建设)", (
    Sheet("党建工作", (("序号", "工作内容", "责任人", "完成时限"), (1, "召开支部党员大会", "余华", "每季度"))),
    Sheet("党风廉政建设", (("序号", "工作内容", "责任人", "完成时限"), (1, "签订廉政责任书", "余华", "3月底前"))),
), (
    ("召开支部党员大会", "", "余华", "", "1-1", "12-31"),
    ("签订廉政责任书", "", "余华", "", None, "3-31"),
))

# 27 owners with posts, 分管领导 and a unit line
case("posts.xlsx", "owners written with their posts", (Sheet("Sheet1", (
    (T,),
    ("填报单位：某某党支部",),
    ("序号", "工作内容", "分管领导", "责任人", "完成时限"),
    (1, "开展支部书记讲党课", "党委副书记 杜峰", "支部书记 邱月", "6月"),
    (2, "组织党员志愿服务日", "党委副书记 杜峰", "组织委员 邱月", "每月"),
), ("A1:E1", "A2:E2")),), (
    ("开展支部书记讲党课", "", "杜峰、邱月", "", "6-1", "6-30"),
    ("组织党员志愿服务日", "", "杜峰、邱月", "", "1-1", "12-31"),
))

# 28 month grid under a merged 月份 header with 1 … 12 below
case("month_numbers.xlsx", "月份 merged over columns numbered 1 to 12", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "月份") + (None,) * 11,
    (None, None, None) + tuple(range(1, 13)),
    (1, "开展党建知识竞赛", "唐宁") + ("",) * 8 + ("√", "√", "", ""),
    (2, "组织党员冬训", "唐宁") + ("√",) + ("",) * 10 + ("√",),
), ("D1:O1", "A1:A2", "B1:B2", "C1:C2")),), (
    ("开展党建知识竞赛", "", "唐宁", "", "9-1", "10-31"),
    ("组织党员冬训", "", "唐宁", "", "1-1", "12-31"),
), {"月份/1": "marks", "月份/12": "marks"})

# 29 a sheet with a 说明 sheet beside it and footnotes under the table
case("with_notes.xlsx", "填表说明 sheet, footnote and signature under the table", (
    Sheet("填表说明", (("请按模板填写",),)),
    Sheet("计划", (
        ("序号", "工作内容", "责任人", "完成时限"),
        (1, "开展党员承诺践诺", "夏雨", "年底前"),
        (2, "组织支部书记述职", "夏雨", "1月"),
        ("注：时间以上级通知为准。",),
        ("制表人：夏雨",),
    )),
), (
    ("开展党员承诺践诺", "", "夏雨", "", None, "12-31"),
    ("组织支部书记述职", "", "夏雨", "", "1-1", "1-31"),
))

# 30 重点任务 written once over blank cells (no merge) with its measures
case("written_once.xlsx", "key task written once, blank below, over its measures", (Sheet("Sheet1", (
    ("序号", "重点任务", "工作措施", "责任人", "完成时限"),
    (1, "深化党建品牌创建", "提炼支部工作法", "陆青", "5月底前"),
    (None, None, "制作品牌宣传册", "陆青", "8月底前"),
    (2, "加强党员队伍建设", "开展党员积分评定", "陆青", "每季度"),
    (None, None, "组织入党积极分子培训", "陆青", "7月"),
)),), (
    ("深化党建品牌创建", "", "陆青", "", "5-31", "8-31"),
    ("提炼支部工作法", "", "陆青", "", None, "5-31"),
    ("制作品牌宣传册", "", "陆青", "", None, "8-31"),
    ("加强党员队伍建设", "", "陆青", "", "1-1", "12-31"),
    ("开展党员积分评定", "", "陆青", "", "1-1", "12-31"),
    ("组织入党积极分子培训", "", "陆青", "", "7-1", "7-31"),
), {"重点任务": "title", "工作措施": "title"})

# 31 小计 rows after each category and a 总计 at the end
case("subtotals.xlsx", "小计 under each category and 总计 at the end", (Sheet("Sheet1", (
    ("序号", "工作类别", "工作内容", "责任人", "完成时限", "经费"),
    (1, "教育培训", "举办入党积极分子培训班", "严冬", "5月", 1.5),
    (None, "小计", None, None, None, 1.5),
    (2, "阵地建设", "改造党员活动室", "严冬", "9月底前", 3),
    (None, "小计", None, None, None, 3),
    ("总计", None, None, None, None, 4.5),
)),), (
    ("举办入党积极分子培训班", "教育培训", "严冬", "", "5-1", "5-31"),
    ("改造党员活动室", "阵地建设", "严冬", "", None, "9-30"),
))

# 32 a title column repeated over an unnamed finer column (header word unknown)
case("unnamed_measures.xlsx", "key task repeated down over measures under an unknown header", (Sheet("Sheet1", (
    ("序号", "重点任务", "推进路径", "责任人", "完成时限"),
    (1, "提升组织力", "开展软弱涣散党组织排查整顿", "胡杨", "6月底前"),
    (2, "提升组织力", "推行支部主题党日规范化", "胡杨", "每月"),
    (3, "强化宣传引导", "建设支部融媒体宣传阵地", "胡杨", "9月"),
    (4, "强化宣传引导", "评选年度身边好党员故事", "胡杨", "12月"),
)),), (
    ("提升组织力", "", "胡杨", "", "1-1", "12-31"),
    ("开展软弱涣散党组织排查整顿", "", "胡杨", "", None, "6-30"),
    ("推行支部主题党日规范化", "", "胡杨", "", "1-1", "12-31"),
    ("强化宣传引导", "", "胡杨", "", "9-1", "12-31"),
    ("建设支部融媒体宣传阵地", "", "胡杨", "", "9-1", "9-30"),
    ("评选年度身边好党员故事", "", "胡杨", "", "12-1", "12-31"),
), {"重点任务": "title", "推进路径": "title"})

# 33 a monthly schedule whose months are category rows above their items (一月份 … )
case("month_rows.xlsx", "month names as category rows over the month's work", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "备注"),
    ("一月份",),
    (1, "召开支部委员会研究年度计划", "范明", ""),
    (2, "开展春节走访慰问", "范明", "困难党员优先"),
    ("二季度",),
    (3, "组织党员集中轮训", "范明", ""),
), ("A2:D2", "A5:D5")),), (
    ("召开支部委员会研究年度计划", "一月份", "范明", "", "1-1", "1-31"),
    ("开展春节走访慰问", "一月份", "范明", "", "1-1", "1-31"),
    ("组织党员集中轮训", "二季度", "范明", "", "4-1", "6-30"),
))

# 34 an unnamed grouping column left of the work, merged down (header word the table does not know)
case("unnamed_group.xlsx", "a merged grouping column under an unfamiliar header", (Sheet("Sheet1", (
    ("工作重心", "序号", "工作内容", "责任人", "完成时限"),
    ("强基固本", 1, "开展支部规范化建设", "贺兰", "6月底前"),
    (None, 2, "落实党员积分管理", "贺兰", "每季度"),
    ("服务发展", 3, "组建党员突击队", "贺兰", "三季度"),
    (None, 4, "开展党员先锋岗创建", "贺兰", "全年"),
), ("A2:A3", "A4:A5")),), (
    ("开展支部规范化建设", "强基固本", "贺兰", "", None, "6-30"),
    ("落实党员积分管理", "强基固本", "贺兰", "", "1-1", "12-31"),
    ("组建党员突击队", "服务发展", "贺兰", "", "7-1", "9-30"),
    ("开展党员先锋岗创建", "服务发展", "贺兰", "", "1-1", "12-31"),
), {"工作重心": "section", "工作内容": "title"})

# 35 two time columns under words the table does not know: the cells say they are times, the order says which
case("unnamed_times.xlsx", "start and end under unfamiliar header words", (Sheet("Sheet1", (
    ("序号", "工作内容", "责任人", "起始", "终了"),
    (1, "开展党史学习教育读书班", "严华", "3月1日", "3月31日"),
    (2, "组织党员志愿服务月活动", "严华", "5月", "6月"),
)),), (
    ("开展党史学习教育读书班", "", "严华", "", "3-1", "3-31"),
    ("组织党员志愿服务月活动", "", "严华", "", "5-1", "6-30"),
), {"起始": "start", "终了": "end"})
