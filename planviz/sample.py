"""The bundled sample plan: a fictional hospital party branch's 2026 plan, built in Python."""
from __future__ import annotations

from datetime import date

from pathlib import Path

from .dates import parse_deadline
from .model import Item, Plan

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PATH = REPO_ROOT / "data" / "sample_plan.xlsx"
TEMPLATE_PATH = REPO_ROOT / "data" / "template.xlsx"

YEAR = 2026
ORGANIZATION = "青禾市人民医院第一党支部"

SECTIONS: dict[str, str] = {
    "S1": "政治建设",
    "S2": "思想理论武装",
    "S3": "组织建设",
    "S4": "关爱党员与为民服务",
    "S5": "品牌创建与创新",
    "S6": "党建与业务融合",
}


def _when(text: str) -> dict:
    """Deadline fields for a wording, with the dates and rhythm the reader gives it (3月底前 → end 3月31日)."""
    found = parse_deadline(text, YEAR)
    return {"deadline_text": text, "start": found.start, "end": found.end, "recurrence": found.recurrence}


# Frequently used spans, named by their wording.
MONTHLY = _when("每月")
QUARTERLY = _when("每季度")
HALF_YEARLY = _when("每半年")
WHOLE_YEAR = _when("全年")
BY_MARCH = _when("3月底前")
Q2 = _when("第二季度")
Q3 = _when("第三季度")
BEFORE_JULY_1 = _when("七一前")


def _project(pid: str, sid: str, title: str, dimension: str, lever: str, owners: str, departments: str,
             when: dict, progress: float, status: str, **fields) -> Item:
    """A project item under section ``sid``; owners and departments are written with "、"."""
    return Item(id=pid, title=title, level="project", parent=sid, section=SECTIONS[sid],
                dimension=dimension, lever=lever, owners=tuple(owners.split("、")),
                departments=tuple(departments.split("、")), progress=progress, status=status,
                **when, **fields)


def _tasks(project: Item, first: int, rows: list[tuple]) -> list[Item]:
    """Task items of ``project``, numbered T### from ``first``.

    Each row is (title, owners, departments, when, progress, status[, milestone[, notes]]).
    """
    tasks = []
    for n, (title, owners, departments, when, progress, status, *rest) in enumerate(rows, start=first):
        milestone = bool(rest[0]) if rest else False
        notes = rest[1] if len(rest) > 1 else ""
        tasks.append(Item(id=f"T{n:03d}", title=title, level="task", parent=project.id,
                          section=project.section, owners=tuple(owners.split("、")),
                          departments=tuple(departments.split("、")), progress=progress, status=status,
                          milestone=milestone, notes=notes, **when))
    return tasks


def _projects_and_tasks() -> list[Item]:
    """Every project followed by its tasks, in plan order."""
    done, going = "已完成", "进行中"
    plan: list[tuple[Item, list[tuple]]] = [
        (_project(
            "P01", "S1", "深入学习贯彻党的二十届四中全会精神", "高度", "清单化", "王建国", "支部委员会",
            _when("上半年"), 1.0, done,
            goal="把全会精神和上级卫生健康工作部署学深悟透，转化为科室推进高质量发展的具体举措",
            deliverable="专题学习记录、研讨发言材料汇编、落实举措清单",
            criteria="党员参学率100%；形成落实举措不少于5条并逐项销号"),
         [("制定专题学习计划，明确学习篇目和时间安排", "王建国", "支部委员会", _when("1月底前"), 1.0, done),
          ("召开专题研讨会，每名支委结合分管工作交流发言", "王建国、李晓梅", "支部委员会", _when("3月"), 1.0, done, True),
          ("结合科室工作梳理落实举措清单，逐项销号", "李晓梅", "支部委员会", _when("6月底前"), 1.0, done)]),
        (_project(
            "P02", "S1", "落实全面从严治党主体责任和意识形态工作责任制", "高度", "责任化", "王建国", "支部委员会",
            WHOLE_YEAR, 0.85, going,
            goal="压实书记第一责任人责任和支委“一岗双责”，守好科室意识形态阵地",
            deliverable="责任清单、意识形态形势研判记录、书记抓党建述职报告",
            criteria="责任清单签订率100%；每半年研判意识形态形势1次；全年不发生意识形态责任事件"),
         [("签订支委“一岗双责”责任清单", "王建国", "支部委员会", _when("2月底前"), 1.0, done),
          ("研判意识形态形势，规范科室工作群和宣传栏管理", "刘芳", "支部委员会", HALF_YEARLY, 0.5, going),
          ("书记年度抓党建述职，接受党员评议", "王建国", "支部委员会", _when("12月下旬"), 0.0, "未开始", True)]),
        (_project(
            "P03", "S2", "“每月一学”党员理论学习", "深度", "清单化", "刘芳", "支部委员会、各党小组",
            MONTHLY, 0.9, going,
            goal="原原本本学、专题研讨学、线上自主学相结合，提高党员理论素养",
            deliverable="年度学习清单、学习笔记、学习强国积分台账",
            criteria="全年集中学习不少于12次；党员人均学习笔记不少于1万字；学习强国月活跃率90%以上"),
         [("印发年度学习清单，按月列明学习篇目", "刘芳", "支部委员会", _when("1月底前"), 1.0, done),
          ("每月集中学习1次，各党小组轮流领学", "周敏、吴磊", "各党小组", MONTHLY, 0.92, going),
          ("通报学习强国积分和学习笔记检查情况", "刘芳", "支部委员会", QUARTERLY, 0.75, going),
          ("世界读书日前后举办“医者读经典”读书分享会", "孙悦", "团支部", _when("4月"), 1.0, done)]),
        (_project(
            "P04", "S2", "书记讲党课和“医者讲堂”", "深度", "项目化", "王建国、李晓梅", "支部委员会",
            QUARTERLY, 0.75, going,
            goal="书记和支委带头讲党课，邀请老专家讲医德传承，把党课讲到党员心里",
            deliverable="党课讲稿4篇、“医者讲堂”视频3期",
            criteria="每季度党课不少于1次；党员满意度测评90%以上"),
         [("书记讲专题党课", "王建国", "支部委员会", BEFORE_JULY_1, 1.0, done, True),
          ("支委轮流讲党课", "李晓梅、陈思远", "支部委员会", QUARTERLY, 0.75, going),
          ("邀请退休老专家讲医德传承故事，录制“医者讲堂”视频", "刘芳", "支部委员会、宣传科", Q3, 1.0, done)]),
        (_project(
            "P05", "S2", "红色教育基地现场教学", "深度", "项目化", "刘芳", "支部委员会",
            Q3, 0.2, "暂缓", notes="受医院等级评审迎检影响暂缓，拟调整到次年第二季度",
            goal="组织党员赴革命传统教育基地现场学习，传承红色基因",
            deliverable="现场教学方案、党员心得体会",
            criteria="党员参加率90%以上；每名党员提交心得体会1篇"),
         [("联系教育基地，制定现场教学方案", "刘芳", "支部委员会", _when("8月底前"), 1.0, done),
          ("组织党员赴红色教育基地现场教学", "刘芳", "支部委员会", _when("9月"), 0.0, "暂缓")]),
        (_project(
            "P06", "S3", "严格落实“三会一课”和主题党日制度", "精度", "清单化", "陈思远", "支部委员会、各党小组",
            MONTHLY, 0.9, going,
            goal="按规定召开支委会、党小组会、党员大会，按时上党课，开展主题党日，做到程序规范、记录完整",
            deliverable="会议记录本、“三会一课”台账、主题党日活动记录",
            criteria="支委会、党小组会每月1次，党员大会每季度1次，党课每季度1次；记录完整率100%"),
         [("每月召开支委会，研究支部重要事项", "王建国", "支部委员会", MONTHLY, 0.92, going),
          ("每月召开党小组会", "周敏、吴磊、郑华", "各党小组", MONTHLY, 0.92, going),
          ("每季度召开党员大会", "王建国", "支部委员会", QUARTERLY, 0.75, going),
          ("每月第一个周五开展主题党日活动", "陈思远", "支部委员会", MONTHLY, 0.92, going)]),
        (_project(
            "P07", "S3", "召开2025年度组织生活会和民主评议党员", "精度", "责任化", "王建国、陈思远", "支部委员会",
            _when("1-2月"), 1.0, done, milestone=True,
            goal="认真开展批评和自我批评，客观公正评议每名党员",
            deliverable="谈心谈话记录、对照检查材料、民主评议结果、整改清单",
            criteria="会前谈心谈话全覆盖；评议结果按时报院党委；整改事项6月底前全部完成"),
         [("开展会前学习研讨和谈心谈话", "王建国、李晓梅", "支部委员会", _when("1月中旬"), 1.0, done),
          ("召开组织生活会，开展民主评议党员", "王建国", "支部委员会", _when("2月上旬"), 1.0, done, True),
          ("制定整改清单，逐项落实并向党员通报", "陈思远", "支部委员会", _when("6月底前"), 1.0, done)]),
        (_project(
            "P08", "S3", "党费收缴和发展党员", "精度", "责任化", "陈思远", "支部委员会",
            WHOLE_YEAR, 0.85, going,
            goal="按时足额收缴党费；坚持标准、严格程序发展党员",
            deliverable="党费收缴台账、发展党员档案",
            criteria="党费按月足额收缴，收缴率100%；全年发展党员1至2名，程序合规率100%"),
         [("每月收缴党费，按季度上缴并公示", "陈思远", "支部委员会", MONTHLY, 0.92, going),
          ("重新核定党员党费缴纳基数", "陈思远", "支部委员会", BY_MARCH, 1.0, done),
          ("确定入党积极分子2名，落实培养联系人", "陈思远", "支部委员会", _when("上半年"), 1.0, done),
          ("接收预备党员1名，召开接收预备党员大会", "王建国", "支部委员会", _when("第四季度"), 0.6, going)]),
        (_project(
            "P09", "S3", "医德医风和廉洁从医教育", "精度", "清单化", "赵海涛", "支部委员会、医务科",
            _when("1-9月"), 1.0, done, notes="评估标准待支委会研究后补充",
            goal="加强纪律作风建设，筑牢廉洁从医防线",
            deliverable="廉洁风险点清单、警示教育记录、专项整治自查报告"),
         [("梳理科室廉洁风险点，制定防控措施", "赵海涛", "支部委员会", BY_MARCH, 1.0, done),
          ("观看警示教育片，开展以案促改", "赵海涛", "支部委员会", Q2, 1.0, done),
          ("开展收受“红包”、回扣问题专项整治自查", "赵海涛、黄志刚", "医务科、心内科", _when("9月底前"), 1.0, done)]),
        (_project(
            "P10", "S4", "党员谈心谈话和关爱帮扶", "温度", "责任化", "李晓梅", "支部委员会、科室工会小组",
            QUARTERLY, 0.8, going,
            goal="掌握党员思想、工作和家庭情况，对一线党员、困难党员、老党员应访尽访",
            deliverable="党员“连心卡”、谈心谈话记录、关爱帮扶台账",
            criteria="支委与每名党员每季度谈心至少1次；困难党员、老党员走访慰问全覆盖"),
         [("建立党员“连心卡”，掌握每名党员基本情况和困难诉求", "李晓梅", "支部委员会", _when("2月底前"), 1.0, done),
          ("支委分片包联，每季度与党员谈心谈话", "李晓梅、陈思远、刘芳", "支部委员会", QUARTERLY, 0.75, going),
          ("走访慰问老党员和困难党员", "王建国", "支部委员会、科室工会小组", BEFORE_JULY_1, 1.0, done),
          ("开展一线医护心理减压和职业倦怠干预活动", "孙悦", "团支部、科室工会小组", Q3, 1.0, done)]),
        (_project(
            "P11", "S4", "“红心护航”志愿服务进社区", "温度", "项目化", "孙悦、林静", "团支部、护理部",
            MONTHLY, 0.85, going,
            goal="组织党员到联建社区开展义诊和健康宣教，为群众办实事",
            deliverable="义诊记录、服务群众台账、为民办实事清单",
            criteria="全年义诊不少于12次，服务群众1000人次以上；群众满意度95%以上"),
         [("与青禾街道东湖社区签订党建联建协议", "王建国", "支部委员会", BY_MARCH, 1.0, done),
          ("学雷锋纪念日到社区开展志愿服务", "孙悦", "团支部", _when("3月5日"), 1.0, done),
          ("每月第三个周六到社区开展义诊和慢病宣教", "孙悦", "团支部、护理部", MONTHLY, 0.92, going),
          ("在社区建设“健康小屋”，配备血压血糖自测设备", "林静", "护理部", Q3, 0.3, "暂缓", False,
           "社区用房改造未完成，经联建双方商定暂缓，场地交付后恢复")]),
        (_project(
            "P12", "S4", "“青苗计划”青年医护成长", "温度", "项目化", "孙悦、郑华", "团支部、科教科",
            _when("5-12月"), 0.6, going,
            goal="为35岁以下青年医护配备党员导师，帮助青年在业务和思想上共同成长，把业务骨干培养成党员"),
         [("为12名青年医护结对党员导师", "孙悦", "团支部", _when("五四前"), 1.0, done, True),
          ("每季度举办青年医护病例分享会", "郑华", "团支部、科教科", QUARTERLY, 0.5, going)]),
        (_project(
            "P13", "S5", "“红心护航”慢病患者出院延续服务", "亮度", "品牌化", "李晓梅、林静", "护理部、心内科、内分泌科",
            WHOLE_YEAR, 0.8, going, highlight=True,
            goal="针对出院慢病患者随访不及时、再入院率偏高的问题，党员医护每人包联30名出院患者，"
                 "提供用药指导和定期随访，出院患者30天随访率由去年的42%提高到85%以上",
            deliverable="党员包联责任区名单、随访工作台账、典型案例集、品牌标识和宣传片",
            criteria="30天随访率85%以上；慢病患者30天非计划再入院率下降2个百分点；患者满意度95%以上；"
                     "形成院级以上党建品牌案例1个"),
         [("确定“红心护航”品牌名称、标识和宣传口号", "刘芳", "支部委员会、宣传科", BY_MARCH, 1.0, done, True),
          ("划分党员包联责任区，每名党员包联30名出院患者", "李晓梅", "护理部、心内科、内分泌科", _when("4月"), 1.0, done),
          ("开通“红心护航”随访热线和线上随访群", "林静", "护理部", _when("5月底前"), 1.0, done),
          ("统计随访率和再入院率，在支委会上通报", "林静", "护理部", MONTHLY, 0.92, going),
          ("编印品牌案例集，申报院级党建品牌", "刘芳", "支部委员会、宣传科", _when("10月底前"), 0.6, "延期", True,
           "案例素材尚未收齐，调整到12月中旬完成")]),
        (_project(
            "P14", "S5", "“数字党建”线上任务看板", "亮度", "数字化", "孙悦", "院党办、信息科",
            Q2, 0.7, "延期", notes="信息科排期调整，看板上线推迟到12月底前",
            goal="把年度计划、任务清单、学习清单和活动日历放到线上，党员随时查看，负责人按时更新进度",
            deliverable="线上任务看板、支部活动日历",
            criteria="任务进度每月更新率100%；党员知晓率100%"),
         [("梳理年度计划，形成项目清单和任务清单", "孙悦", "支部委员会", _when("1月底前"), 1.0, done),
          ("搭建线上任务看板和活动日历", "孙悦", "院党办、信息科", Q2, 0.7, "延期", True, "信息科排期调整"),
          ("培训各党小组长在线更新任务进度", "孙悦", "支部委员会", _when("12月"), 0.0, "未开始")]),
        (_project(
            "P15", "S6", "胸痛救治提速党员攻坚行动", "融合度", "项目化", "黄志刚、王建国", "心内科、急诊科、医务科",
            _when("3-10月"), 1.0, done, highlight=True,
            goal="针对急性心梗患者救治环节多、衔接慢的问题，组建党员攻坚小组优化胸痛中心流程，"
                 "平均入门至球囊扩张时间（D-to-B）由78分钟缩短到60分钟以内",
            deliverable="胸痛救治流程图、党员攻坚小组工作台账、质控分析报告",
            criteria="平均D-to-B时间60分钟以内；90分钟内达标率90%以上；通过胸痛中心年度质控检查"),
         [("成立党员攻坚小组，分析近两年救治数据找准堵点", "黄志刚", "心内科", BY_MARCH, 1.0, done),
          ("与急诊科、导管室联合演练，优化绕行急诊直达导管室流程", "黄志刚、吴磊", "心内科、急诊科", Q2, 1.0, done, True),
          ("党员带头24小时值守，落实导管室“一键启动”", "吴磊", "心内科", _when("6-10月"), 1.0, done),
          ("评估攻坚成效，形成质控分析报告", "黄志刚", "心内科、医务科", _when("10月底前"), 1.0, done, True)]),
        (_project(
            "P16", "S6", "党员示范岗和党员责任区", "融合度", "责任化", "李晓梅", "心内科、呼吸内科、内分泌科",
            WHOLE_YEAR, 0.85, going,
            goal="在病区、门诊设立党员示范岗，党员亮身份、亮承诺、亮服务，带动科室医疗质量提升",
            deliverable="示范岗名单和公开承诺、季度评星记录",
            criteria="设立示范岗不少于6个；示范岗所在病区患者满意度高于全院平均水平"),
         [("评选设立党员示范岗，党员佩戴党徽上岗", "李晓梅", "心内科、呼吸内科、内分泌科", BY_MARCH, 1.0, done),
          ("每季度开展示范岗“评星”，结果在科室公示", "李晓梅", "支部委员会", QUARTERLY, 0.75, going),
          ("总结示范岗经验，推荐年度优秀共产党员", "王建国", "支部委员会", _when("年底前"), 0.0, "未开始")]),
    ]
    items: list[Item] = []
    next_task = 1
    for project, task_rows in plan:
        items.append(project)
        items.extend(_tasks(project, next_task, task_rows))
        next_task += len(task_rows)
    return items


def sample_plan() -> Plan:
    """The bundled sample: 6 sections, 16 projects (2 highlights), 54 tasks, all six dimensions and five levers."""
    sections = [Item(id=sid, title=name, level="section", section=name) for sid, name in SECTIONS.items()]
    return Plan(
        year=YEAR,
        organization=ORGANIZATION,
        title=f"{ORGANIZATION}{YEAR}年度党建工作计划",
        theme="党建引领强根基 红心护航守健康",
        slogan="红心护航",
        items=tuple(sections + _projects_and_tasks()),
        source_name="sample_plan.xlsx",
        meta=(("党员人数", "38名（正式党员35名，预备党员3名）"),),
        issuer="中共青禾市人民医院第一支部委员会",
        approved_on=date(YEAR, 1, 9),
        contact="组织委员 李晓梅",
    )


def write_data_files() -> None:
    """Regenerate data/sample_plan.xlsx and data/template.xlsx from code."""
    from .template import plan_to_xlsx, write_template

    SAMPLE_PATH.parent.mkdir(parents=True, exist_ok=True)
    SAMPLE_PATH.write_bytes(plan_to_xlsx(sample_plan()))
    write_template(TEMPLATE_PATH)


if __name__ == "__main__":
    write_data_files()
    print(f"已生成：{SAMPLE_PATH}\n已生成：{TEMPLATE_PATH}")
