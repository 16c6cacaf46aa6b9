"""Builders of realistic plan workbooks, each modelled on one kind of organization and its writing habits (for tests).

Every builder takes a target path and returns it. The tests in test_realistic.py state what a
party-affairs worker expects to see from each file.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment


def _put(ws, row: int, values: list) -> None:
    for c, value in enumerate(values, 1):
        if value is not None:
            ws.cell(row=row, column=c, value=value)


def _plain_sheet(ws, title: str, rows: list) -> None:
    """The plainest plan sheet: a title in A1, 序号 | 工作任务 | 责任人 | 完成时限 on row 2, the rows under it."""
    ws["A1"] = title
    _put(ws, 2, ["序号", "工作任务", "责任人", "完成时限"])
    for r, row in enumerate(rows, 3):
        _put(ws, r, row)


# 1 ------------------------------------------------------------------------------------------------
WPS_TITLE = "中共某某市财政局机关第一党支部2026年度党建工作计划"


def wps_branch(path: Path) -> Path:
    """A 机关党支部 plan typed in WPS: merged title, 填报单位 line, header on row 3, 一、 category rows,
    (一) projects with ① measures under them, 责任领导 + 责任部门 (牵头/配合), deadlines in words, a
    blank spacer row, a ★ highlight, 注： footnotes, a signature line and a date line under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = WPS_TITLE
    ws.merge_cells("A1:F1")
    ws["A2"] = "填报单位：机关第一党支部（盖章）            填报时间：2026年1月8日"
    ws.merge_cells("A2:F2")
    _put(ws, 3, ["序号", "工作内容", "责任领导", "责任部门", "完成时限", "备注"])
    rows = [
        ["一、政治建设"],
        ["（一）", "深入学习贯彻党的二十届四中全会精神", "王书记", "办公室（牵头）、各科室（配合）", "全年", None],
        [None, "①每月组织一次支部集中学习", "李委员", "办公室", "每月", "结合“三会一课”"],
        [None, "②开展专题研讨交流", "李委员", "办公室", "3月底前", None],
        ["（二）", "落实意识形态工作责任制", "王书记", "办公室", "每季度", "每季度研判一次"],
        ["二、组织建设"],
        ["（一）", "严格落实“三会一课”制度", "张委员", "人事科", "长期坚持", None],
        [None, "①召开年度组织生活会", "张委员", "人事科", "2月底前", None],
        ["（二）", "做好发展党员工作", "张委员", "人事科", "七一前", None],
        [],
        ["三、关爱服务"],
        ["（一）", "★开展“七一”走访慰问困难党员", "赵委员", "工会", "七一前", None],
        ["（二）", "参加上级组织的专题活动", "赵委员", None, "适时", None],
    ]
    for r, row in enumerate(rows, 4):
        _put(ws, r, row)
        if len(row) == 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    ws["A18"] = "注：1.完成时限以上级通知为准。"
    ws.merge_cells("A18:F18")
    ws["A19"] = "    2.本计划经支部委员会研究通过。"
    ws.merge_cells("A19:F19")
    ws["D21"] = "支部书记（签字）：王某某"
    ws["D22"] = "2026年1月8日"
    wb.save(path)
    return path


# 2 ------------------------------------------------------------------------------------------------
COMMITTEE_TITLE = "某某集团有限公司党委2026年党建工作要点任务分解表"


def committee(path: Path) -> Path:
    """A 党委 table: merged 类别 column with numbered categories, 牵头部门 and 配合部门 columns, a two-row
    header (时间安排 over 开始 | 结束), Excel date cells and a plain serial number, a hidden 分值 column,
    an extra 说明 sheet and an empty Sheet3."""
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解"
    ws["A1"] = COMMITTEE_TITLE
    ws.merge_cells("A1:J1")
    _put(ws, 2, ["类别", "序号", "重点工作", "牵头领导", "牵头部门", "配合部门", "时间安排", None, "完成标志", "分值"])
    _put(ws, 3, [None] * 6 + ["开始", "结束"])
    ws.merge_cells("G2:H2")
    for col in "ABCDEFIJ":
        ws.merge_cells(f"{col}2:{col}3")
    rows = [
        ["一、政治建设", 1, "召开党委理论学习中心组学习会", "党委书记", "党委办公室", None,
         datetime(2026, 1, 1), datetime(2026, 12, 31), "学习记录12次", 5],
        [None, 2, "落实“第一议题”制度", "党委书记", "党委办公室", "各党支部", "全年", None, "会议纪要", 5],
        [None, 3, "开展巡察整改“回头看”", "纪委书记", "纪检监察室", None, datetime(2026, 4, 1), 46203, "整改报告", 10],
        ["二、基层组织建设", 4, "推进党支部标准化规范化建设", "党委副书记", "党群工作部", "各党支部",
         46054, 46356, "达标验收", 10],
        [None, 5, "开展“两优一先”评选表彰", "党委副书记", "党群工作部", None, "6月", None, "表彰决定", 5],
        ["三、党建+生产经营", 6, "组建党员突击队攻坚重点项目", "总经理", "工程部", "党群工作部",
         "3-10月", None, "项目节点完成", 15],
    ]
    for r, row in enumerate(rows, 4):
        _put(ws, r, row)
    for cell in ("G4", "H4", "G6", "G7", "H7"):
        ws[cell].number_format = "yyyy-mm-dd"  # the serial 46203 in H6 stays a plain number
    ws.merge_cells("A4:A6")
    ws.merge_cells("A7:A8")
    ws.column_dimensions["J"].hidden = True
    guide = wb.create_sheet("说明")
    guide["A1"] = "1.本表由党群工作部汇总，每季度更新一次。"
    guide["A2"] = "2.分值用于年度考核，不对外公开。"
    wb.create_sheet("Sheet3")
    wb.save(path)
    return path


# 3 ------------------------------------------------------------------------------------------------
HOSPITAL_TITLE = "某某市人民医院内科党总支2026年度党建工作计划"


def hospital(path: Path) -> Path:
    """A 党总支 plan: 工作板块 merged down, 重点任务 merged over several 具体措施 rows (with ①② in the
    measures), 责任人 merged over a group, 配合部门, 完成时间, and a 落款 (unit, 盖章, date) under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2026年计划"
    ws["A1"] = HOSPITAL_TITLE
    ws.merge_cells("A1:G1")
    _put(ws, 2, ["序号", "工作板块", "重点任务", "具体措施", "责任人", "配合部门", "完成时间"])
    rows = [
        [1, "思想建设", "加强理论武装", "①每月第一周开展集中学习", "刘书记", "党办", "每月"],
        [None, None, None, "②举办“医者仁心”读书班", "陈委员", "党办", "二季度"],
        [None, None, None, "③书记讲党课", "刘书记", None, "七一前后"],
        [2, "党建+业务", "党建引领医疗服务提升", "①组建党员先锋岗", "周主任", "医务科", "3月底前"],
        [None, None, None, "②开展义诊进社区", None, "医务科、护理部", "每季度"],
        [3, "关爱党员", "关心关爱党员医务人员", "①开展谈心谈话", "刘书记", None, "上半年"],
        [None, None, None, "②走访慰问困难党员", "陈委员", "工会", "春节前"],
    ]
    for r, row in enumerate(rows, 3):
        _put(ws, r, row)
    for rng in ("A3:A5", "B3:B5", "C3:C5", "A6:A7", "B6:B7", "C6:C7", "E6:E7", "A8:A9", "B8:B9", "C8:C9"):
        ws.merge_cells(rng)
    ws["E11"] = "中共某某市人民医院内科总支部委员会"  # the 落款, with no 注： line above it
    ws["E12"] = "（盖章）"
    ws["E13"] = "二〇二六年一月十日"
    wb.save(path)
    return path


# 4 ------------------------------------------------------------------------------------------------
VILLAGE_ROWS = (
    ("序号", "工作内容", "责任人", "完成时限", "备注"),
    ("1", "召开支部党员大会，学习中央一号文件", "村支书 张大山", "３月底前", ""),
    ("2", "开展“主题党日”活动", "张大山、李小红", "每月", "每月5日"),
    ("3", "发展党员1名", "李小红", "三月底前", ""),
    ("4", "组织党员参加人居环境整治志愿服务", "王强，赵刚", "4-10月", ""),
    ("5", "七一前开展党员承诺践诺", "张大山", "七一前", ""),
    ("6", "走访慰问老党员、困难党员", "李小红", "春节前", "慰问金由镇党委拨付"),
    ("7", "召开组织生活会和民主评议党员", "张大山", "次年1月", ""),
)


def village_csv(path: Path, encoding: str = "gbk", sep: str = ",") -> Path:
    """A 村党支部 plan saved by WPS as CSV: title line, blank line, then the table; GBK by default."""
    lines = ["某某镇某某村党支部2026年度党建工作计划" + sep * 4, sep * 4]
    lines += [sep.join(row) for row in VILLAGE_ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


# 5 ------------------------------------------------------------------------------------------------
COMPANY_TITLE = "某某科技股份有限公司党支部2026年度党建项目清单"
COMPANY_ROWS = (  # 编号, 名称, 目标, 负责人, 时间节点, 成果形式, 评估标准, 进度, 状态, 亮点
    ("XM01", "“红色引擎”党建品牌创建", "形成一个有辨识度的党建品牌", "孙书记", "6月底前", "品牌手册、标识",
     "职工知晓率80%以上", "35%", "推进中", "是"),
    ("XM02", "党员技术攻关突击队", "攻克两项关键技术", "钱总", "3月启动，6月中期评估，11月底前验收", "攻关报告",
     "通过公司验收", 0.35,
     "推进中", "是"),
    ("XM03", "“三会一课”数字化台账", "台账全部线上化", "吴委员", "第一季度", "线上台账", "抽查合格率100%", "完成",
     "已完成", None),
    ("XM04", "青年党员导师帮带", "结对10对", "郑委员", "每季度", "帮带记录", "结对满意度90%", 20, "滞后", "否"),
    ("XM05", "党员志愿服务进社区", "全年服务200小时", "王委员", "全年", "服务台账", "服务时长达标", "0%", "暂停",
     None),
)


def company(path: Path) -> Path:
    """A company 项目化 list: 项目编号 | 项目名称 | 五要素 (时间节点 as milestones) | 进度 (35%, 0.35, 完成, 20) |
    状态 words | 是否亮点."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目清单"
    ws["A1"] = COMPANY_TITLE
    ws.merge_cells("A1:J1")
    _put(ws, 2, ["项目编号", "项目名称", "目标", "负责人", "时间节点", "成果形式", "评估标准", "完成进度", "状态",
                 "是否亮点"])
    for r, row in enumerate(COMPANY_ROWS, 3):
        _put(ws, r, list(row))
    ws["H4"].number_format = "0%"
    wb.save(path)
    return path


# 6 ------------------------------------------------------------------------------------------------
XLS_TITLE = "某某县教育局机关党委2026年度党建工作计划"


def old_xls(path: Path) -> Path:
    """A BIFF .xls from old Office: merged title, header on row 2, category rows (一、 merged across, and
    二 | 党风廉政建设 in two cells), an Excel date, a plain serial number, progress as a fraction,
    a line break in a note, a hidden 内部分值 column."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("计划表")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 5, XLS_TITLE)
    for c, value in enumerate(["序号", "工作任务", "责任人", "完成时限", "进度", "备注"]):
        ws.write(1, c, value)
    ws.write_merge(2, 2, 0, 5, "一、思想政治建设")
    ws.write(3, 0, 1)
    ws.write(3, 1, "开展理论学习中心组学习")
    ws.write(3, 2, "局党委书记")
    ws.write(3, 3, "每月")
    ws.write(3, 4, 0.5)
    ws.write(4, 0, 2)
    ws.write(4, 1, "举办党务干部培训班")
    ws.write(4, 2, "组织科")
    ws.write(4, 3, datetime(2026, 5, 20), day)
    ws.write(4, 4, 0)
    ws.write(4, 5, "与教师培训\n结合进行")
    ws.write(5, 0, "二")  # the category number in 序号, its name in 工作任务
    ws.write(5, 1, "党风廉政建设")
    ws.write(6, 0, 3)
    ws.write(6, 1, "签订党风廉政建设责任书")
    ws.write(6, 2, "纪检组长")
    ws.write(6, 3, 46112)  # a serial number someone typed over a date
    ws.write(6, 4, 1)
    ws.write(1, 6, "内部分值")
    for r, value in ((3, 5), (4, 3), (6, 2)):
        ws.write(r, 6, value)
    ws.col(6).hidden = True
    wb.save(str(path))
    return path


# 7 ------------------------------------------------------------------------------------------------
def rare_synonyms(path: Path) -> Path:
    """Rarer header words: 工作举措 | 具体措施 | 牵头领导 | 时间节点 | 完成时间 | 落实情况, 序号 as 1、 2、,
    具体措施 written once per row (not grouped), 落实情况 in free words."""
    wb = Workbook()
    ws = wb.active
    ws.title = "工作台账"
    ws["A1"] = "某某区市场监管局党组2026年党建工作台账"
    ws.merge_cells("A1:G1")
    _put(ws, 2, ["序号", "工作举措", "具体措施", "牵头领导", "时间节点", "完成时间", "落实情况"])
    rows = [
        ["1、", "强化政治引领", "开展“两个确立”专题学习", "局长", "1月", "3月31日", "已完成"],
        ["2、", "夯实基层基础", "开展支部书记轮训", "副局长", "二季度", "6月30日", "正在推进"],
        ["3、", "推进清廉机关建设", "开展廉政警示教育", "纪检组长", "7月起", "2026.9.30", "尚未开始"],
        ["4、", "打造“红盾先锋”品牌", "评选“红盾先锋”示范岗", "局长", "下半年", "年底前", "已开展2次"],
    ]
    for r, row in enumerate(rows, 3):
        _put(ws, r, row)
    wb.save(path)
    return path


# 8 ------------------------------------------------------------------------------------------------
def multi_sheet(path: Path) -> Path:
    """封面 and 计划信息 meta sheets, a 填表说明 sheet, then two plan sheets (党建工作, 党风廉政建设),
    each numbered from 1 and with its own categories."""
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A3"] = "某某大学计算机学院党委"
    cover["A5"] = "2026年度工作计划"
    meta = wb.create_sheet("计划信息")
    for r, row in enumerate([("项目", "内容"), ("组织名称", "某某大学计算机学院党委"), ("年度", "2026"),
                             ("年度主题", "强基铸魂 育人争先"), ("党建品牌", "“码上先锋”")], 1):
        _put(meta, r, list(row))
    guide = wb.create_sheet("填表说明")
    guide["A1"] = "完成时限请写“3月底前”“每月”等。"
    for name, rows in (
        ("党建工作", [["一、政治建设"], [1, "学习贯彻全会精神", "院党委书记", "每月"],
                      [2, "意识形态阵地管理", "院党委副书记", "每季度"],
                      ["二、组织建设"], [3, "教工党支部“双带头人”培育", "组织员", "年底前"]]),
        ("党风廉政建设", [["一、压实责任"], [1, "签订党风廉政建设责任书", "院党委书记", "3月底前"],
                          ["二、警示教育"], [2, "开展警示教育月活动", "纪检委员", "5月"]]),
    ):
        _plain_sheet(wb.create_sheet(name), f"计算机学院党委2026年{name}计划", rows)
    wb.save(path)
    return path


# 9 ------------------------------------------------------------------------------------------------
def dirty(path: Path) -> Path:
    """Trailing spaces, line breaks inside cells, 责任人 merged across data rows, an empty sheet first,
    a row with only 备注, duplicate 序号, owners split by spaces, 、 and ，, 2026年12月31日前 and 次年1月."""
    wb = Workbook()
    empty = wb.active
    empty.title = "Sheet1"
    ws = wb.create_sheet("2026计划")
    ws["A1"] = "  某某社区党委2026年度党建工作计划  "
    _put(ws, 3, ["序号 ", "工作\n内容", "责任人", "完成\n时限", "备注 "])
    rows = [
        [1, "开展党史学习教育  ", "张三 李四", "3月底前 ", None],
        [2, "组织党员\n参加志愿服务", "王五、赵六", "每月", None],
        [2, "召开组织生活会", "孙七，周八", "2026年12月31日前", None],
        [None, None, None, None, "以上工作视情况调整"],
        [4, "开展年度述职评议", None, "次年1月", None],
        [5, "更新党员信息库", None, "6月底前", None],
    ]
    for r, row in enumerate(rows, 4):
        _put(ws, r, row)
    ws.merge_cells("C8:C9")
    ws["C8"] = "吴九"
    ws["B5"].alignment = Alignment(wrap_text=True)
    wb.save(path)
    return path


# 10 -----------------------------------------------------------------------------------------------
def copied_from_last_year(path: Path) -> Path:
    """This year's plan written by copying last year's sheet, which is still in the workbook (first)."""
    wb = Workbook()
    last_year = wb.active
    last_year.title = "2025年"
    _plain_sheet(last_year, "某某街道社区党委2025年度党建工作计划",
                 [[1, "学习贯彻党的二十届三中全会精神", "李书记", "全年"], [2, "开展党纪学习教育", "李书记", "7月底前"]])
    _plain_sheet(wb.create_sheet("2026年"), "某某街道社区党委2026年度党建工作计划",
                 [[1, "学习贯彻党的二十届四中全会精神", "李书记", "全年"], [2, "开展作风建设专项整治", "王委员", "二季度"],
                  [3, "召开组织生活会", "李书记", "次年1月"]])
    wb.save(path)
    return path


# 11 -----------------------------------------------------------------------------------------------
def ledger(path: Path) -> Path:
    """A 工作台账 kept through the year: 附件1, title and unit lines with the header on row 4, category
    rows with a count (共2项), one of them with its 分管领导, two-character names spaced out to line up
    (张　三), 进度 written as status words or ticks, 状态 in office phrases or as “完成80%”."""
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws["A1"] = "附件1"
    ws["A2"] = "某某街道机关党委2026年度党建工作任务台账"
    ws.merge_cells("A2:F2")
    ws["A3"] = "填报单位：某某街道机关党委（盖章）"
    ws["E3"] = "填报日期：2026年3月2日"
    _put(ws, 4, ["序号", "工作内容", "责任人", "完成时限", "进度", "状态"])
    rows = [
        ["一、政治建设（共2项）"],
        [1, "开展“第一议题”学习", "张　三", "每月", "进行中", None],
        [2, "召开党委会专题研究党建工作", "李小红", "每季度", "√", None],
        ["二、组织建设（共3项）", None, "李小红"],  # the category's 分管领导 on its own row
        [3, "开展“三会一课”检查", "王　五　赵　六", "6月30日前", "50%", "正常推进"],
        [4, "召开民主生活会", "张　三", "2026年1月", 1, "已完成"],
        [5, "推行党员积分管理", "李小红", "年底前", None, "完成80%"],
    ]
    for r, row in enumerate(rows, 5):
        _put(ws, r, row)
    ws.merge_cells("A8:B8")
    wb.save(path)
    return path


# 12 -----------------------------------------------------------------------------------------------
def six_dimensions(path: Path) -> Path:
    """A branch that already writes its plan by the 六度模型: categories named by dimension (一、高度：政治引领),
    a two-row header with 责任 merged over 领导 | 部门, 完成时限（时间节点）."""
    wb = Workbook()
    ws = wb.active
    ws.title = "六度计划"
    ws["A1"] = "某某供电公司营销党支部2026年度“六度”党建工作计划"
    ws.merge_cells("A1:E1")
    _put(ws, 2, ["序号", "工作内容", "责任", None, "完成时限（时间节点）"])
    _put(ws, 3, [None, None, "领导", "部门"])
    ws.merge_cells("C2:D2")
    for col in "ABE":
        ws.merge_cells(f"{col}2:{col}3")
    rows = [
        ["一、高度：政治引领"],
        [1, "开展专题读书班", "王书记", "党建部", "3-5月"],
        [2, "落实“第一议题”制度", "王书记", "党建部", "每月"],
        ["二、温度：关爱党员"],
        [3, "组织党员技能培训", "李委员", "人资部", "3月上旬"],
        [4, "开展谈心谈话", "李委员", "党建部", "每周"],
        ["三、融合度：党建+营销"],
        [5, "党员服务队进社区", "张经理", "营销部", "国庆节前"],
    ]
    for r, row in enumerate(rows, 4):
        _put(ws, r, row)
    wb.save(path)
    return path


# 13 -----------------------------------------------------------------------------------------------
def activity_calendar(path: Path) -> Path:
    """A 主题党日 activity calendar: 月份 | 活动主题 | 活动内容 | 活动形式 | 活动时间 | 活动地点 | 参加对象 |
    联系领导 — words that contain 活动 but are not all the activity's name."""
    wb = Workbook()
    ws = wb.active
    ws.title = "主题党日"
    ws["A1"] = "某某中学党支部2026年主题党日活动安排表"
    ws.merge_cells("A1:H1")
    _put(ws, 2, ["月份", "活动主题", "活动内容", "活动形式", "活动时间", "活动地点", "参加对象", "联系领导"])
    rows = [
        ["1月", "新年新征程", "学习全会精神，制定支部学习计划", "集中学习", "1月中旬", "党员活动室", "全体党员", "校长"],
        ["3月", "学雷锋志愿服务", "组织党员到社区开展志愿服务", "志愿服务", "3月5日前后", "某某社区", "全体党员", "副校长"],
        ["7月", "庆祝建党105周年", "重温入党誓词，表彰优秀党员", "主题党日", "七一", "学校礼堂", "全体党员、入党积极分子", "校长"],
    ]
    for r, row in enumerate(rows, 3):
        _put(ws, r, row)
    wb.save(path)
    return path


def old_xls_grouped(path: Path) -> Path:
    """A .xls whose 类别 column, 重点任务 column and two-row header are merged cells (BIFF merges)."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("计划")
    ws.write_merge(0, 0, 0, 5, "某某医院党委2026年度党建工作计划")
    for c, label in enumerate(["类别", "重点任务", "具体措施", "责任人"]):
        ws.write_merge(1, 2, c, c, label)
    ws.write_merge(1, 1, 4, 5, "时间安排")
    ws.write(2, 4, "开始")
    ws.write(2, 5, "结束")
    ws.write_merge(3, 5, 0, 0, "思想建设")
    ws.write_merge(3, 4, 1, 1, "理论学习")
    for r, row in enumerate([["集中学习", "张三", "1月", "12月"], ["读书班", "李四", "3月", "5月"]], 3):
        for c, value in enumerate(row, 2):
            ws.write(r, c, value)
    ws.write(5, 1, "谈心谈话")
    for c, value in enumerate(["书记谈心", "王五", "全年"], 2):
        ws.write(5, c, value)
    wb.save(str(path))
    return path


# 15 -----------------------------------------------------------------------------------------------
DEADLINES = (  # every way domain.md says deadlines are written: (cell, start, end, recurrence) for 2026
    (datetime(2026, 3, 31), None, date(2026, 3, 31), None),  # a date under 完成时限 is a deadline
    (46112, None, date(2026, 3, 31), None),
    ("2026.3.31", None, date(2026, 3, 31), None),
    ("2026/3/31", None, date(2026, 3, 31), None),
    ("3月底前", None, date(2026, 3, 31), None),
    ("6月30日前", None, date(2026, 6, 30), None),
    ("第二季度", date(2026, 4, 1), date(2026, 6, 30), None),
    ("二季度", date(2026, 4, 1), date(2026, 6, 30), None),
    ("上半年", date(2026, 1, 1), date(2026, 6, 30), None),
    ("3-5月", date(2026, 3, 1), date(2026, 5, 31), None),
    ("3月上旬", date(2026, 3, 1), date(2026, 3, 10), None),
    ("3月中旬", date(2026, 3, 11), date(2026, 3, 20), None),
    ("3月下旬", date(2026, 3, 21), date(2026, 3, 31), None),
    ("每月", date(2026, 1, 1), date(2026, 12, 31), "monthly"),
    ("每季度", date(2026, 1, 1), date(2026, 12, 31), "quarterly"),
    ("全年", date(2026, 1, 1), date(2026, 12, 31), None),
    ("长期坚持", date(2026, 1, 1), date(2026, 12, 31), None),
    ("七一前", None, date(2026, 6, 30), None),
    ("国庆节前", None, date(2026, 9, 30), None),
    ("年底前", None, date(2026, 12, 31), None),
    ("次年1月", date(2027, 1, 1), date(2027, 1, 31), None),
    ("适时", None, None, None),
    ("３月底前", None, date(2026, 3, 31), None),
    ("三月底前", None, date(2026, 3, 31), None),
    ("每两月", date(2026, 1, 1), date(2026, 12, 31), None),  # office wordings beyond domain.md's list
    ("一年两次", date(2026, 1, 1), date(2026, 12, 31), "half-yearly"),
    ("暑假期间", date(2026, 7, 1), date(2026, 8, 31), None),
    ("3月启动，6月底前完成", date(2026, 3, 1), date(2026, 6, 30), None),
    ("—", None, None, None),
)


def deadline_words(path: Path) -> Path:
    """One row per deadline wording of DEADLINES under a 完成时限 header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "时限"
    ws["A1"] = "某某党支部2026年度党建工作计划"
    _put(ws, 2, ["序号", "工作内容", "责任人", "完成时限"])
    for k, (cell, *_) in enumerate(DEADLINES, 1):
        _put(ws, k + 2, [k, f"第{k}项工作", "张三", cell])
    ws.cell(row=3, column=4).number_format = "yyyy-mm-dd"
    wb.save(path)
    return path


BUILDERS = {
    "wps_branch.xlsx": wps_branch,
    "committee.xlsx": committee,
    "hospital.xlsx": hospital,
    "village_gbk.csv": village_csv,
    "company.xlsx": company,
    "old.xls": old_xls,
    "rare_synonyms.xlsx": rare_synonyms,
    "multi_sheet.xlsx": multi_sheet,
    "dirty.xlsx": dirty,
    "copied.xlsx": copied_from_last_year,
    "ledger.xlsx": ledger,
    "six_dimensions.xlsx": six_dimensions,
    "calendar.xlsx": activity_calendar,
    "old_grouped.xls": old_xls_grouped,
    "deadlines.xlsx": deadline_words,
}
