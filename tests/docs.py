"""Word plans built with python-docx for the tests: prose outlines, task tables with merges, hostile files."""
from __future__ import annotations

import copy
import io
import zipfile

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def prose(lines: list[str | tuple[str, str]]) -> bytes:
    """A document of paragraphs; ("标题 1", text) uses that heading style."""
    document = docx.Document()
    for line in lines:
        if isinstance(line, tuple):
            style, text = line
            document.add_heading(text, level=int(style[-1]))
        else:
            document.add_paragraph(line)
    return save(document)


def add_table(document, rows: list[list[str]], merges: tuple[tuple[int, int, int, int], ...] = (),
              header_rows: int = 0):
    """A table with ``rows`` (text in each top-left cell of a merge) and merged ranges (r0, c0, r1, c1)."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) not in covered and value:
                table.cell(r, c).text = value
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for r in range(header_rows):
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    return table


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def numbered(document, items: list[tuple[int, str]], formats: tuple[tuple[str, str], ...]) -> None:
    """Paragraphs numbered by Word itself (numbering.xml): ``formats`` gives (numFmt, lvlText) per level."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, (fmt, text) in enumerate(formats):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    for level, text in items:
        paragraph = document.add_paragraph(text)
        p_pr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", str(level)), ("w:numId", "90")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            num_pr.append(el)
        p_pr.insert(0, num_pr)


def rezip(data: bytes, replace: dict[str, bytes] = {}, add: dict[str, bytes] = {},
          compression=zipfile.ZIP_DEFLATED) -> bytes:
    """The same package with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            info = copy.copy(info)
            if info.filename in replace:
                info.compress_type = compression
            dst.writestr(info, replace.get(info.filename, src.read(info.filename)))
        for part, body in add.items():
            dst.writestr(part, body)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


# -- documents modelled on real plans (structure only; the text is made up) -------------------------

def branch_prose() -> bytes:
    """党支部 plan: title over two lines, 指导思想/工作目标, 一、（一）1. outline, inline owners and deadlines."""
    return prose([
        "中共青禾市第一中学党支部",
        "2026年度党建工作计划",
        "（2026年1月8日支部委员会审议通过）",
        "为深入贯彻落实党的二十大精神，推动支部建设全面进步，结合学校实际，制定本计划。",
        "一、指导思想",
        "以习近平新时代中国特色社会主义思想为指导，全面加强支部政治建设、思想建设和组织建设。",
        "二、工作目标",
        "1. 党员理论学习覆盖率达到100%。",
        "2. 全年发展党员2名。",
        "三、重点任务",
        "（一）加强政治建设",
        "1. 深入学习贯彻党的二十大精神，每月开展一次集中学习（责任人：张伟，全年）",
        "2. 落实意识形态工作责任制，定期分析研判，由组织委员李娜负责，于6月30日前完成。",
        "（二）加强组织建设。一是严格落实“三会一课”制度，每月召开支委会；二是规范发展党员程序，"
        "牵头部门：党建办；配合部门：工会，10月底前完成；三是做好党费收缴工作（每季度）。",
        "（三）推进党建与业务融合",
        "开展党员示范岗创建活动，组织党员亮身份、作表率。",
        "1. 打造“红烛先锋”党建品牌，七一前完成品牌标识设计（责任人：王芳、赵强）",
        "四、保障措施",
        "加强组织领导，压实工作责任，支部书记为第一责任人。",
        "中共青禾市第一中学党支部",
        "2026年1月8日",
    ])


def committee_table() -> bytes:
    """党委 工作要点 with a 任务分解表: title and unit line before it, merged 类别 column, a merged header
    over two rows, a table continued on the next page with its header repeated, and a signature table."""
    document = docx.Document()
    document.add_paragraph("附件")
    document.add_paragraph("青禾市卫生健康委员会机关党委2026年党建工作任务分解表")
    document.add_paragraph("填报单位：青禾市卫生健康委员会机关党委")
    header = [["序号", "类别", "工作任务", "责任部门", "时间安排", ""],
              ["", "", "", "", "开始", "结束"]]
    rows = header + [
        ["1", "政治建设", "学习贯彻党的二十大精神", "机关党委", "1月", "12月"],
        ["2", "", "落实“第一议题”制度", "办公室", "1月", "12月"],
        ["3", "组织建设", "规范“三会一课”", "各党支部", "每月", ""],
        ["4", "", "开展组织生活会和民主评议党员", "机关党委", "1月", "2月"],
    ]
    add_table(document, rows, merges=((0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3),
                                      (2, 1, 3, 1), (4, 1, 5, 1)), header_rows=2)
    page_break(document)
    more = header + [
        ["5", "作风建设", "开展作风建设专项整治", "纪检组", "3月", "9月"],
        ["6", "", "党风廉政警示教育月", "纪检组", "第二季度", ""],
    ]
    add_table(document, more, merges=((0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3),
                                      (2, 1, 3, 1)), header_rows=2)
    document.add_paragraph("")
    add_table(document, [["党委书记（签字）：", "", "日期：", ""]])
    return save(document)


def key_points() -> bytes:
    """党委 工作要点: 一是…二是… inside （一） paragraphs, （责任部门：…；完成时限：…） notes, 1．full-width dots."""
    return prose([
        "中共青禾县教育局委员会2026年党建工作要点",
        "2026年，局党委党建工作的总体要求是：坚持以党的政治建设为统领，推动全面从严治党向纵深发展。",
        "一、强化政治引领",
        "（一）深化理论武装。一是落实党委理论学习中心组学习制度，全年集中学习不少于12次；"
        "二是开展“青年理论学习小组”活动（责任部门：机关党委；完成时限：每季度）；"
        "三是组织党员干部参加网络培训，11月底前完成。",
        "（二）严格意识形态工作责任制。（责任部门：办公室、宣传科；完成时限：6月底前）",
        "二、夯实基层基础",
        "1．推进党支部标准化规范化建设，3月启动，9月验收，12月底前总结。（牵头部门：组织科；配合部门：各党支部）",
        "2．做好发展党员工作，严格程序，由组织科长陈明负责，于10月30日前完成。",
        "三、工作要求",
        "各支部要高度重视，结合实际抓好落实。",
    ])


def deep_outline() -> bytes:
    """Four levels: 一、（一）1.（1）, circled ① under them; owners after 负责人：, times in words."""
    return prose([
        "青禾社区党总支2026年工作计划",
        "一、党的政治建设",
        "（一）学习教育",
        "1. 开展“三会一课”，负责人：刘洋，每月",
        "（1）支委会每月召开一次",
        "（2）党课每季度一次（责任人：刘洋）",
        "2. 组织主题党日活动。负责人：周敏；时间：每月15日前后",
        "（二）志愿服务",
        "① 组建党员志愿服务队（负责人：吴磊，第一季度）",
        "② 开展“邻里守望”关爱独居老人行动，全年",
        "③ 开展“微心愿”认领活动（吴磊、社区居委会，六一前）",
        "④ 组织党员学习党章（全体党员，每季度）",
        "二、党风廉政建设",
        "（一）开展警示教育月活动，七一前完成（负责人：郑华）",
    ])


def heading_styles() -> bytes:
    """Headings in Word's own heading styles (标题 1/标题 2) without typed numbers, items as list paragraphs."""
    document = docx.Document()
    document.add_paragraph("青禾小学党支部2026年度党建工作计划")
    document.add_heading("政治建设", level=1)
    document.add_heading("理论学习", level=2)
    document.add_paragraph("每月第一周开展集中学习，责任人：孙丽，每月", style="List Bullet")
    document.add_paragraph("上半年举办读书分享会，责任人：孙丽", style="List Bullet")
    document.add_heading("组织建设", level=1)
    document.add_heading("发展党员", level=2)
    document.add_paragraph("做好入党积极分子培养考察（责任人：钱进，12月底前完成）", style="List Bullet")
    return save(document)


def auto_numbered() -> bytes:
    """Numbers drawn by Word (numbering.xml: 一、（一）1.), not typed into the text."""
    document = docx.Document()
    document.add_paragraph("青禾市税务局第三党支部2026年党建工作计划")
    numbered(document, [
        (0, "加强思想建设"),
        (1, "深化理论学习"),
        (2, "每月组织一次集中学习（责任人：冯刚）"),
        (2, "开展专题研讨，第二季度（责任人：冯刚）"),
        (1, "加强意识形态阵地管理"),
        (0, "推进党建与业务融合"),
        (1, "开展“党员先锋岗”创建，由党支部书记何平负责，全年推进"),
    ], (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")))
    return save(document)


def category_rows_table() -> bytes:
    """A 计划表 whose category rows (“一、政治建设”) are merged across the whole table, owners in one column,
    a two-line cell and a note line under the table."""
    document = docx.Document()
    document.add_paragraph("青禾市第二人民医院第一党支部2026年度党建工作计划表")
    rows = [
        ["序号", "工作内容", "责任人", "完成时限", "备注"],
        ["一、政治建设", "", "", "", ""],
        ["1", "学习贯彻全会精神\n开展专题研讨", "支部书记 黄河", "3月底前", ""],
        ["2", "落实“第一议题”制度", "黄河、林燕", "每月", ""],
        ["二、温暖关爱", "", "", "", ""],
        ["3", "走访慰问困难党员", "林燕", "春节前", "重点：退休党员"],
        ["4", "开展“医路同行”志愿服务", "吕方", "每季度", ""],
        ["注：时间如有调整，以上级通知为准。", "", "", "", ""],
    ]
    add_table(document, rows, merges=((1, 0, 1, 4), (4, 0, 4, 4), (7, 0, 7, 4)))
    return save(document)


def plan_and_contacts() -> bytes:
    """Several tables: a contact list before the plan table and a 签字 table after; only the plan is read."""
    document = docx.Document()
    document.add_paragraph("青禾镇东山村党支部2026年党建工作计划")
    document.add_paragraph("一、支部委员分工")
    add_table(document, [["姓名", "职务", "联系电话"], ["赵大山", "村支书", "139000000"], ["钱小雨", "组织委员", "138000000"]])
    document.add_paragraph("二、年度工作安排")
    add_table(document, [["序号", "重点任务", "具体措施", "责任人", "时间节点"],
                         ["1", "产业党建", "成立茶叶合作社党小组", "赵大山", "4月底前"],
                         ["", "", "开展技术培训2期", "钱小雨", "上半年"],
                         ["2", "乡村治理", "党员联户全覆盖", "钱小雨", "全年"]],
              merges=((1, 0, 2, 0), (1, 1, 2, 1)))
    add_table(document, [["支部书记（签字）：", "", "日期：", ""]])
    return save(document)


def mixed() -> bytes:
    """Prose outline first, then 附件 with a 任务分解表: both are read into one plan."""
    document = docx.Document()
    for line in ["青禾市档案馆党支部2026年党建工作计划",
                 "一、指导思想",
                 "坚持以党的政治建设为统领，推动党建与档案业务深度融合。",
                 "二、主要任务",
                 "（一）打造“兰台先锋”党建品牌，9月底前完成品牌手册（责任人：邹明）",
                 "（二）开展“档案里的党史”主题党日，由宣传委员谭静负责，每季度",
                 "附件：2026年党建与业务融合任务分解表"]:
        document.add_paragraph(line)
    add_table(document, [["序号", "工作任务", "责任人", "完成时间"],
                         ["1", "馆藏红色档案数字化", "邹明", "11月30日"],
                         ["2", "党员示范岗挂牌", "谭静", "5月"]])
    return save(document)


def continued_without_header() -> bytes:
    """A table split by a page break, the second part without its header row."""
    document = docx.Document()
    document.add_paragraph("青禾街道机关党支部2026年度工作计划")
    add_table(document, [["序号", "工作内容", "责任人", "完成时限"],
                         ["1", "召开组织生活会", "冯敏", "2月底前"],
                         ["2", "开展民主评议党员", "冯敏", "2月底前"]])
    page_break(document)
    add_table(document, [["3", "七一表彰优秀党员", "蒋涛", "七一前"],
                         ["4", "年终述职评议", "冯敏", "12月"]])
    return save(document)


def inline_steps_and_posts() -> bytes:
    """Sentences carrying the owner as a post and a name, steps in time, a 每月 rhythm with a deadline."""
    return prose([
        "青禾职业学院机电系党总支2026年党建工作计划",
        "1. 实施“双带头人”培育工程，3月启动，6月中期检查，11月底前验收，由党总支书记韩雪负责。",
        "2. 开展“先锋课堂”系列党课，每月一讲，宣传委员曹阳、组织委员彭博负责。",
        "3. 建设党员活动室，党建办牵头，后勤处配合，8月底前完成。",
        "4. 适时组织党员赴红色教育基地开展现场教学。",
        "5. 走访慰问老党员和困难党员，春节前完成，由党总支书记韩雪负责。",
    ])


def unnumbered_only() -> bytes:
    """No outline at all: each paragraph after the title is one piece of work (read, and said so)."""
    return prose([
        "青禾物流公司党支部2026年工作打算",
        "每月开展一次主题党日活动。",
        "6月底前完成支部换届选举。",
        "第四季度组织党员评议。",
    ])


def dotted_outline() -> bytes:
    """Numbered 1 / 1.1 / 1.2 in the text (第一部分 as the part heading), the dotted style some offices use."""
    return prose([
        "青禾市机关事务管理局党支部2026年党建工作计划",
        "第一部分 思想建设",
        "1.1 开展“学思想、强党性”读书班，4月底前完成（责任人：陶然）",
        "1.2 建立青年理论学习小组，负责人：陶然、施雨，每季度",
        "第二部分 作风建设",
        "2.1 开展“作风提升年”活动，全年推进，由机关纪委负责",
    ])


def wrapped_and_nested() -> bytes:
    """Paragraphs inside a content control (w:sdt), a row starting after a gridBefore gap and a cell holding
    a nested table: read as Word shows them."""
    document = docx.Document()
    document.add_paragraph("青禾县融媒体中心党支部2026年党建工作计划")
    table = add_table(document, [["序号", "工作内容", "责任人", "完成时限"],
                          ["1", "打造“融媒先锋”品牌", "柏青", "9月底前"],
                          ["2", "", "柏青", "每月"]])
    inner = table.cell(2, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "开展“新闻+党建”直播"
    body = document.element.body
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    paragraph = document.add_paragraph("注：本计划经支委会审议通过。")
    content.append(paragraph._p)
    body.insert(len(body) - 1, sdt)  # before sectPr
    return save(document)


def notice_with_leaders() -> bytes:
    """A 通知 wrapping the plan: the title names it in 《》, sections name a 牵头领导, keys parted by spaces,
    inline (1)(2) parts, square-bracket notes and dates written 2026.3.31."""
    document = docx.Document()
    document.add_heading("关于印发《青禾市交通运输局机关党委2026年党建工作要点》的通知", level=1)
    for line in [
        "各党支部：",
        "现将《青禾市交通运输局机关党委2026年党建工作要点》印发给你们，请结合实际认真贯彻落实。",
        "一、强化理论武装（牵头领导：苏明）",
        "1. 抓好中心组学习。（1）每月集中学习一次；（2）每季度开展一次专题研讨。责任人：苏明  完成时限：全年",
        "2. 办好“交通大讲堂”【责任部门：宣传科】，2026.3.31前完成首期。",
        "二、建强基层组织（牵头领导：方圆）",
        "1. 开展支部书记轮训，责任人：方圆 时间：二季度",
        "2. 五一前完成“先锋驿站”建设。",
    ]:
        document.add_paragraph(line)
    return save(document)


def fields_on_their_own_line() -> bytes:
    """第一，第二， as the outline; 负责人/时间 on the line under each item; a 书记： signature line; the year
    only in a 年度 line (the 填报日期 is the year before)."""
    return prose([
        "青禾市水务集团第二党支部年度党建工作计划",
        "计划年度：2026年度",
        "第一，严格落实“三会一课”。坚持每月召开支委会，每季度上一次党课。",
        "负责人：杨帆　时间：每月",
        "第二，抓好党员教育管理。",
        "责任人：龚丽；完成时限：11月底前",
        "党支部书记：杨帆",
        "填报日期：2025年12月20日",
    ])


def monthly_schedule() -> bytes:
    """A 月度工作安排 after the outline: “3月份：…；…” lines and a “四月份” heading over numbered items."""
    return prose([
        "青禾市第三中学党总支2026年党建工作计划",
        "一、工作目标",
        "支部组织生活规范率100%。",
        "二、月度工作安排",
        "1月份：召开专题组织生活会；开展民主评议党员。",
        "3月份：开展学雷锋志愿服务活动（负责人：龙飞）",
        "四月份",
        "1. 组织清明祭扫烈士墓",
        "2. 开展读书月活动，4月20日前完成",
    ])


def plan_then_contacts_same_width() -> bytes:
    """A plan table followed at once by a contact list as wide as it: two tables, not one continued."""
    document = docx.Document()
    document.add_paragraph("青禾县文旅局党支部2026年党建工作计划")
    add_table(document, [["序号", "工作内容", "责任人", "完成时限"], ["1", "开展“文旅先锋”志愿服务", "邓超", "每月"]])
    add_table(document, [["姓名", "职务", "联系电话", "备注"], ["邓超", "支部书记", "13900000000", ""]])
    return save(document)


def framed_text() -> bytes:
    """The whole outline typed inside a one-cell table (a frame round the text), as some offices do."""
    document = docx.Document()
    document.add_paragraph("青禾县气象局党支部2026年党建工作计划")
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    cell.text = "一、政治建设"
    for line in ("1. 每月开展一次集中学习（责任人：卢勇）", "2. 七一前举办专题党课（责任人：卢勇）"):
        cell.add_paragraph(line)
    return save(document)


def five_elements() -> bytes:
    """Projects written with all five elements (项目化五要素) in the sentence, as the better practice asks."""
    return prose([
        "青禾市中心医院党委2026年党建工作项目清单",
        "一、特色品牌项目",
        "（一）“杏林先锋”党员志愿服务项目。目标：全年服务群众2000人次；责任人：侯静；"
        "完成时限：11月底前；成果形式：服务台账和案例集；评估标准：群众满意率95%以上。",
        "（二）“医路党课”微课堂。负责人：严亮，每季度，成果形式：微党课视频4部。",
    ])
