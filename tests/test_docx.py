"""Word plans: outline prose and task tables read into the plan model, with places named by paragraph or table row."""
import re
from datetime import date

import pytest

import docs
from planviz.reading import load_plan


def by_title(plan):
    return {item.title: item for item in plan.items}


def test_branch_prose_outline_becomes_sections_projects_and_meta():
    plan = load_plan(docs.branch_prose(), "支部计划.docx")
    assert plan.year == 2026
    assert plan.organization == "中共青禾市第一中学党支部"
    assert plan.title == "中共青禾市第一中学党支部2026年度党建工作计划"
    assert [s.title for s in plan.sections] == ["加强政治建设", "加强组织建设", "推进党建与业务融合"]
    meta = dict(plan.meta)
    assert meta["指导思想"].startswith("以习近平新时代") and "发展党员2名" in meta["工作目标"]
    assert "保障措施" in meta and "前言" in meta
    items = by_title(plan)
    assert "党员理论学习覆盖率达到100%" not in " ".join(items)  # goals stay plan text
    study = items["深入学习贯彻党的二十大精神"]
    assert study.owners == ("张伟",) and (study.start, study.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert study.detail == "每月开展一次集中学习"
    duty = items["落实意识形态工作责任制"]
    assert duty.owners == ("李娜",) and duty.start is None and duty.end == date(2026, 6, 30)
    assert "组织委员" in duty.notes
    members = items["规范发展党员程序"]
    assert members.departments == ("党建办", "工会") and members.end == date(2026, 10, 31)
    assert items["做好党费收缴工作"].recurrence == "quarterly"
    assert plan.issuer == "中共青禾市第一中学党支部" and plan.approved_on == date(2026, 1, 8)
    assert "支部委员会审议通过" in dict(plan.meta)["说明"]


def test_prose_issues_name_paragraphs():
    plan = load_plan(docs.branch_prose(), "支部计划.docx")
    places = [i.where() for i in plan.issues]
    assert all("工作表" not in p and "行" not in p for p in places)
    unnumbered = [i for i in plan.issues if "没有编号" in i.message]
    assert [i.where() for i in unnumbered] == ["第 16 段"]


def test_committee_table_with_merges_and_continued_pages():
    plan = load_plan(docs.committee_table(), "任务分解表.docx")
    assert plan.year == 2026 and plan.organization == "青禾市卫生健康委员会机关党委"
    assert [s.title for s in plan.sections] == ["政治建设", "组织建设", "作风建设"]
    items = by_title(plan)
    assert items["落实“第一议题”制度"].section == "政治建设"  # the merged 类别 cell covers its row
    assert items["开展组织生活会和民主评议党员"].end == date(2026, 2, 28)
    assert items["党风廉政警示教育月"].section == "作风建设"
    assert len(plan.projects) == 6
    assert items["党风廉政警示教育月"].source.sheet == "表 2"
    where = {i.where() for i in plan.issues}
    assert "表 2 第 4 行" in where
    assert any("表 3" in w for w in where)  # the signature table is skipped, and said so


def test_key_points_split_one_shi_er_shi_into_tasks_with_bracketed_departments():
    plan = load_plan(docs.key_points(), "工作要点.docx")
    assert plan.organization == "中共青禾县教育局委员会" and plan.title.endswith("党建工作要点")
    items = by_title(plan)
    study = items["深化理论武装"]
    assert study.level == "project"
    tasks = [i.title for i in plan.children(study.id)]
    assert tasks == ["落实党委理论学习中心组学习制度", "开展“青年理论学习小组”活动", "组织党员干部参加网络培训"]
    assert items["开展“青年理论学习小组”活动"].recurrence == "quarterly"
    assert items["开展“青年理论学习小组”活动"].departments == ("机关党委",)
    assert items["组织党员干部参加网络培训"].end == date(2026, 11, 30)
    assert items["严格意识形态工作责任制"].departments == ("办公室", "宣传科")
    steps = items["推进党支部标准化规范化建设"]
    assert (steps.start, steps.end) == (date(2026, 3, 1), date(2026, 12, 31))  # 3月启动 … 12月底前总结
    assert steps.departments == ("组织科", "各党支部") and "牵头：组织科" in steps.notes
    assert items["做好发展党员工作，严格程序"].owners == ("陈明",)
    assert "工作要求" in dict(plan.meta)  # 三、工作要求 is plan text, not a section
    assert [s.title for s in plan.sections] == ["强化政治引领", "夯实基层基础"]


def test_four_level_outline_keeps_projects_and_flattens_deeper_levels_into_tasks():
    plan = load_plan(docs.deep_outline(), "社区.docx")
    assert [s.title for s in plan.sections] == ["党的政治建设", "党风廉政建设"]
    items = by_title(plan)
    assert items["学习教育"].level == "project"
    assert [i.title for i in plan.children(items["学习教育"].id)] == [
        "开展“三会一课”", "支委会每月召开一次", "党课每季度一次", "组织主题党日活动"]
    assert items["组织主题党日活动"].owners == ("周敏",) and items["组织主题党日活动"].recurrence == "monthly"
    assert items["组建党员志愿服务队"].end == date(2026, 3, 31) and items["组建党员志愿服务队"].owners == ("吴磊",)
    assert items["开展警示教育月活动"].end == date(2026, 6, 30)  # 七一前
    wishes = items["开展“微心愿”认领活动"]
    assert wishes.owners == ("吴磊",) and wishes.departments == ("社区居委会",) and wishes.end == date(2026, 5, 31)
    study = items["组织党员学习党章（全体党员）"]  # “全体党员” is who takes part, not an owner: kept in the title
    assert study.owners == () and study.recurrence == "quarterly"
    assert len({i.id for i in plan.items}) == len(plan.items)


def test_heading_styles_and_bullets_make_the_outline():
    plan = load_plan(docs.heading_styles(), "小学.docx")
    assert [s.title for s in plan.sections] == ["政治建设", "组织建设"]
    assert [p.title for p in plan.projects] == ["理论学习", "发展党员"]
    items = by_title(plan)
    assert items["每月第一周开展集中学习"].owners == ("孙丽",) and items["每月第一周开展集中学习"].level == "task"
    assert items["做好入党积极分子培养考察"].end == date(2026, 12, 31)


def test_word_automatic_numbering_is_read_as_typed_numbers():
    plan = load_plan(docs.auto_numbered(), "税务.docx")
    assert [s.title for s in plan.sections] == ["加强思想建设", "推进党建与业务融合"]
    assert [p.title for p in plan.projects][:2] == ["深化理论学习", "加强意识形态阵地管理"]
    items = by_title(plan)
    assert items["开展专题研讨"].level == "task" and items["开展专题研讨"].end == date(2026, 6, 30)
    post = items["开展“党员先锋岗”创建"]
    assert post.owners == ("何平",) and "党支部书记：何平" in post.notes


def test_table_with_category_rows_merged_across():
    plan = load_plan(docs.category_rows_table(), "医院.docx")
    assert [s.title for s in plan.sections] == ["政治建设", "温暖关爱"]
    items = by_title(plan)
    assert items["走访慰问困难党员"].end == date(2026, 2, 16)  # 春节前, 2026
    assert items["落实“第一议题”制度"].owners == ("黄河", "林燕")
    note = [i for i in plan.issues if "注释" in i.message]
    assert [i.where() for i in note] == ["表 1 第 8 行"]


def test_contact_and_signature_tables_are_skipped_and_headings_over_tables_are_captions():
    plan = load_plan(docs.plan_and_contacts(), "村.docx")
    assert [p.title for p in plan.projects] == ["产业党建", "乡村治理"]  # 重点任务 | 具体措施 groups
    assert [t.title for t in plan.tasks] == ["成立茶叶合作社党小组", "开展技术培训2期", "党员联户全覆盖"]
    assert by_title(plan)["开展技术培训2期"].parent == by_title(plan)["产业党建"].id  # merged 重点任务 cell
    skipped = [i for i in plan.issues if "不像工作计划表" in i.message]
    assert [i.table for i in skipped] == [1, 3]
    assert dict(plan.meta)["表 2"] == "年度工作安排"


def test_mixed_prose_and_task_table_are_one_plan():
    plan = load_plan(docs.mixed(), "档案馆.docx")
    titles = [p.title for p in plan.projects]
    assert titles == ["打造“兰台先锋”党建品牌", "开展“档案里的党史”主题党日", "馆藏红色档案数字化", "党员示范岗挂牌"]
    items = by_title(plan)
    assert items["打造“兰台先锋”党建品牌"].source.sheet == "正文"
    assert items["馆藏红色档案数字化"].source.sheet == "表 1" and items["馆藏红色档案数字化"].end == date(2026, 11, 30)
    assert items["开展“档案里的党史”主题党日"].owners == ("谭静",)
    assert "指导思想" in dict(plan.meta) and "附件" in dict(plan.meta)
    assert len({i.id for i in plan.items}) == len(plan.items)


def test_table_continued_without_its_header():
    plan = load_plan(docs.continued_without_header(), "街道.docx")
    assert [p.title for p in plan.projects] == ["召开组织生活会", "开展民主评议党员", "七一表彰优秀党员", "年终述职评议"]
    assert by_title(plan)["七一表彰优秀党员"].source.sheet == "表 2"
    assert by_title(plan)["七一表彰优秀党员"].end == date(2026, 6, 30)


def test_owners_as_posts_steps_and_vague_times_in_sentences():
    plan = load_plan(docs.inline_steps_and_posts(), "学院.docx")
    items = by_title(plan)
    steps = items["实施“双带头人”培育工程"]
    assert steps.owners == ("韩雪",) and (steps.start, steps.end) == (date(2026, 3, 1), date(2026, 11, 30))
    assert "6月中期检查" in steps.detail
    assert items["开展“先锋课堂”系列党课"].owners == ("曹阳", "彭博")
    assert items["建设党员活动室"].departments == ("党建办", "后勤处")
    vague = items["适时组织党员赴红色教育基地开展现场教学"]
    assert vague.end is None and vague.deadline_text == "适时"
    assert any(i.severity == "info" and "不够具体" in i.message and i.paragraph == 5 for i in plan.issues)
    visits = items["走访慰问老党员和困难党员"]
    assert visits.end == date(2026, 2, 16) and visits.owners == ("韩雪",)  # 春节前 in 2026


def test_paragraphs_without_any_outline_are_items_and_said_so():
    plan = load_plan(docs.unnumbered_only(), "公司.docx")
    assert [p.end for p in plan.projects] == [date(2026, 12, 31), date(2026, 6, 30), date(2026, 12, 31)]
    notes = [i.paragraph for i in plan.issues if "没有编号" in i.message]
    assert notes == [2, 3, 4]


def test_dotted_numbers_and_parts():
    plan = load_plan(docs.dotted_outline(), "机关.docx")
    assert [s.title for s in plan.sections] == ["思想建设", "作风建设"]
    items = by_title(plan)
    assert items["建立青年理论学习小组"].owners == ("陶然", "施雨")
    assert items["开展“作风提升年”活动"].departments == ("机关纪委",)


def test_content_controls_and_nested_tables():
    plan = load_plan(docs.wrapped_and_nested(), "融媒.docx")
    assert [p.title for p in plan.projects] == ["打造“融媒先锋”品牌", "开展“新闻+党建”直播"]
    assert dict(plan.meta)["注"].startswith("注：本计划")


@pytest.mark.parametrize("build", [docs.branch_prose, docs.committee_table, docs.key_points, docs.mixed,
                                   docs.plan_and_contacts, docs.auto_numbered])
def test_every_issue_is_placed_in_the_document(build):
    plan = load_plan(build(), "计划.docx")
    for issue in plan.issues:
        assert issue.sheet is None and "工作表" not in issue.message
        if issue.table:
            assert issue.paragraph is None
        assert not re.search(r"第 \d+ 行", issue.message) or issue.table, issue


def test_notice_over_the_plan_leaders_on_sections_and_spaced_keys():
    plan = load_plan(docs.notice_with_leaders(), "通知.docx")
    assert plan.title == "青禾市交通运输局机关党委2026年党建工作要点" and plan.year == 2026
    assert plan.organization == "青禾市交通运输局机关党委"
    assert [s.title for s in plan.sections] == ["强化理论武装", "建强基层组织"]
    assert "苏明" in plan.sections[0].detail  # the 牵头领导 of a section stays readable
    items = by_title(plan)
    study = items["抓好中心组学习"]
    assert study.owners == ("苏明",) and study.deadline_text == "全年"  # keys parted by spaces, said of the whole
    assert [t.title for t in plan.children(study.id)] == ["每月集中学习一次", "每季度开展一次专题研讨"]
    assert items["办好“交通大讲堂”"].departments == ("宣传科",) and items["办好“交通大讲堂”"].end == date(2026, 3, 31)
    assert items["开展支部书记轮训"].owners == ("方圆",) and items["开展支部书记轮训"].end == date(2026, 6, 30)
    assert items["五一前完成“先锋驿站”建设"].end == date(2026, 4, 30)
    assert not any("没有编号" in i.message for i in plan.issues)  # 各党支部： and 现将… are the notice's words
    assert [k for k, _ in plan.meta].count("前言") == 2


def test_fields_under_their_item_ordinal_outline_and_year_line():
    plan = load_plan(docs.fields_on_their_own_line(), "水务.docx")
    assert plan.year == 2026
    items = by_title(plan)
    meetings = items["严格落实“三会一课”"]
    assert meetings.owners == ("杨帆",) and meetings.recurrence == "monthly"
    assert meetings.detail.startswith("坚持每月召开支委会")
    education = items["抓好党员教育管理"]
    assert education.owners == ("龚丽",) and education.end == date(2026, 11, 30)
    assert len(plan.projects) == 2
    signed = [i.paragraph for i in plan.issues if "落款" in i.message]
    assert signed == [7, 8]


def test_monthly_schedule_lines_give_their_month_to_each_item():
    plan = load_plan(docs.monthly_schedule(), "三中.docx")
    items = by_title(plan)
    for title in ("召开专题组织生活会", "开展民主评议党员"):
        assert (items[title].start, items[title].end) == (date(2026, 1, 1), date(2026, 1, 31))
    assert items["开展学雷锋志愿服务活动"].owners == ("龙飞",) and items["开展学雷锋志愿服务活动"].end == date(2026, 3, 31)
    april = items["四月份"]
    assert [t.title for t in plan.children(april.id)] == ["组织清明祭扫烈士墓", "开展读书月活动"]
    assert items["组织清明祭扫烈士墓"].end == date(2026, 4, 30)  # the heading's month
    assert items["开展读书月活动"].end == date(2026, 4, 20)  # its own date wins
    assert "工作目标" in dict(plan.meta) and not any("没有编号" in i.message for i in plan.issues)


def test_a_contact_list_right_after_the_plan_is_not_its_continuation():
    plan = load_plan(docs.plan_then_contacts_same_width(), "文旅.docx")
    assert [i.title for i in plan.items] == ["开展“文旅先锋”志愿服务"]
    assert any(i.table == 2 and "不像工作计划表" in i.message for i in plan.issues)


def test_outline_inside_a_one_cell_frame_table_is_read_as_text():
    plan = load_plan(docs.framed_text(), "气象.docx")
    assert [s.title for s in plan.sections] == ["政治建设"]
    assert [p.title for p in plan.projects] == ["每月开展一次集中学习", "七一前举办专题党课"]
    assert plan.projects[1].end == date(2026, 6, 30) and plan.projects[1].owners == ("卢勇",)


def test_five_elements_written_in_the_sentence():
    plan = load_plan(docs.five_elements(), "医院党委.docx")
    items = by_title(plan)
    service = items["“杏林先锋”党员志愿服务项目"]
    assert service.goal == "全年服务群众2000人次" and service.owners == ("侯静",)
    assert service.end == date(2026, 11, 30) and service.deliverable == "服务台账和案例集"
    assert service.criteria == "群众满意率95%以上" and service.missing_elements() == []
    lessons = items["“医路党课”微课堂"]
    assert lessons.deliverable == "微党课视频4部" and lessons.recurrence == "quarterly"
    assert lessons.missing_elements() == ["目标", "评估标准"]
    assert not any("没有写明" in i.message for i in plan.issues)  # the text has the columns' words: no sheet note
    assert any("缺少项目化五要素中的：目标、评估标准" in i.message and i.paragraph == 4 for i in plan.issues)
