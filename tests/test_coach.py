"""The plan coach: each finding code fires on a plan built to trigger it and stays silent otherwise."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planviz.coach import CODES, THEMES, Finding, coach, organization_type
from planviz.coach.lastyear import normalise
from planviz.coach.routine import rhythm_of
from planviz.dates import parse_deadline
from planviz.model import Item, Plan
from planviz.reading import load_plan
from planviz.sample import SAMPLE_PATH, sample_plan
from planviz.template import plan_to_xlsx
from planviz.vocab import SEVERITIES

ROOT = Path(__file__).resolve().parent.parent


# -- building plans ------------------------------------------------------------------------------
def _edit(plan: Plan, **changes: dict) -> Plan:
    """A copy with item ``id`` changed by ``changes[id]`` (a dict of fields)."""
    return plan.with_items(dataclasses.replace(i, **changes[i.id]) if i.id in changes else i for i in plan.items)


def _without(plan: Plan, *ids: str) -> Plan:
    return plan.with_items(i for i in plan.items if i.id not in ids and i.parent not in ids)


def _timed(item: Item, when: str, year: int = 2026) -> Item:
    d = parse_deadline(when, year)
    return dataclasses.replace(item, start=d.start, end=d.end, recurrence=d.recurrence, deadline_text=when)


def _branch(rows: list, organization: str = "测试第一党支部", year: int = 2026) -> Plan:
    """A plan of projects (title, when[, owner]) under one section."""
    items = [Item("S1", "组织建设", level="section", section="组织建设")]
    for n, row in enumerate(rows, 1):
        title, when, *owner = row
        items.append(_timed(Item(f"P{n}", title, parent="S1", section="组织建设", dimension="精度",
                                 owners=(owner[0] if owner else f"委员{n}",)), when, year))
    return Plan(year=year, organization=organization, items=tuple(items))


def _codes(report, code: str) -> list[Finding]:
    return [f for f in report.findings if f.code == code]


def _details(report, code: str, key: str) -> set:
    return {f.detail[key] for f in _codes(report, code)}


@pytest.fixture(scope="module")
def sample() -> Plan:
    return load_plan(SAMPLE_PATH)


# -- the sample --------------------------------------------------------------------------------
def test_sample_gets_only_deserved_findings(sample):
    report = coach(sample)
    incomplete = [p for p in sample.projects if p.missing_elements()]
    assert incomplete, "the sample has two projects without all five elements"
    assert report.codes() == {"elements_incomplete"}
    assert [f.items for f in report.findings] == [(p.id,) for p in incomplete]
    assert [f.detail["missing"] for f in report.findings] == [p.missing_elements() for p in incomplete]
    assert 90 <= report.score < 100


def test_sample_model_and_file_agree(sample):
    assert [f.to_json() for f in coach(sample_plan()).findings] == [f.to_json() for f in coach(sample).findings]


# -- highlights ----------------------------------------------------------------------------------
def test_highlights_none_fires_without_marked_or_named_signature_projects(sample):
    plain = sample.with_items(dataclasses.replace(
        i, highlight=False, section=i.section.replace("品牌创建", "服务"),
        title=i.title.replace("品牌", "工作").replace("特色", "")) for i in sample.items)
    assert [f.code for f in coach(plain).findings if f.theme == "亮点项目"] == ["highlights_none"]
    # Unmarked, but a section still names the brand work: a Word plan has no 亮点 column to mark.
    unmarked = sample.with_items(dataclasses.replace(i, highlight=False) for i in sample.items)
    assert not _codes(coach(unmarked), "highlights_none")
    assert not _codes(coach(sample), "highlights_none")


def test_highlights_many_names_the_marked_projects(sample):
    many = _edit(sample, P01={"highlight": True}, P05={"highlight": True})
    found = _codes(coach(many), "highlights_many")
    assert len(found) == 1
    assert set(found[0].items) == {"P01", "P05", "P13", "P15"}
    assert not _codes(coach(sample), "highlights_many")  # two are just right


# -- six dimensions -------------------------------------------------------------------------------
def test_dimension_missing_names_the_empty_dimension(sample):
    moved = sample.with_items(dataclasses.replace(i, dimension="精度") if i.dimension == "亮度" else i
                              for i in sample.items)
    report = coach(moved)
    assert _details(report, "dimension_missing", "dimension") == {"亮度"}
    assert not _codes(report, "dimension_thin")
    assert not _codes(coach(sample), "dimension_missing")


def test_dimension_thin_fires_far_below_the_average(sample):
    thin = _without(_edit(sample, P15={"dimension": "亮度"}), "T069", "T070")  # 融合度: P16 with one task left
    report = coach(thin)
    found = _codes(report, "dimension_thin")
    assert [f.detail["dimension"] for f in found] == ["融合度"]
    assert "P16" in found[0].items and "P15" not in found[0].items
    assert not _codes(report, "dimension_missing")
    assert not _codes(coach(sample), "dimension_thin")


# -- five elements --------------------------------------------------------------------------------
def test_elements_incomplete_per_project_and_silent_when_complete(sample):
    bare = _edit(sample, P02={"goal": "", "criteria": " "})
    found = {f.items[0]: f.detail["missing"] for f in _codes(coach(bare), "elements_incomplete")}
    assert found["P02"] == ["目标", "评估标准"]
    filled = _edit(sample, P09={"criteria": "全年零投诉"}, P12={"deliverable": "成长档案", "criteria": "结对率100%"})
    assert not _codes(coach(filled), "elements_incomplete")


# -- routine party work -------------------------------------------------------------------------
def test_routine_missing_names_the_routine(sample):
    no_review = _edit(sample, P07={"title": "召开2025年度组织生活会"}, T021={"title": "召开组织生活会，开展批评和自我批评"})
    report = coach(no_review)
    assert _details(report, "routine_missing", "routine") == {"民主评议党员"}
    assert _codes(report, "routine_missing")[0].detail["expected"] == "yearly"
    assert not _codes(coach(sample), "routine_missing")


def test_routine_wording_variants_are_recognised():
    plan = _branch([("支部委员会会议每月召开一次", "全年"), ("党小组学习", "每月"), ("召开支部大会", "每季度"),
                    ("开展“微党课”宣讲", "每季度"), ("党员活动日", "每月"), ("召开专题组织生活会", "1-2月"),
                    ("开展党员民主评议", "2月"), ("按月交纳党费", "全年")])
    report = coach(plan)
    assert not _codes(report, "routine_missing") and not _codes(report, "routine_rhythm")


def test_sanhui_yike_counts_for_the_three_meetings_and_the_lesson():
    report = coach(_branch([("严格落实“三会一课”制度", "长期坚持")]))
    assert _details(report, "routine_missing", "routine") == {"主题党日", "组织生活会", "民主评议党员", "党费"}
    assert not _codes(report, "routine_rhythm")  # the rhythm is not written: nothing to compare
    # "三会一课 每季度" is the rhythm of the lesson and the assembly, not a claim about the monthly meetings.
    assert not _codes(coach(_branch([("落实三会一课制度", "每季度")])), "routine_rhythm")


def test_routine_rhythm_fires_below_the_calendar():
    report = coach(_branch([("召开支委会", "每季度"), ("书记讲党课", "七一前"), ("收缴党费", "每半年")]))
    assert {(f.detail["routine"], f.detail["expected"]) for f in _codes(report, "routine_rhythm")} == {
        ("支委会", "monthly"), ("党课", "quarterly"), ("党费", "quarterly")}
    assert _codes(report, "routine_rhythm")[0].items == ("P1",)


def test_routine_rhythm_silent_at_or_above_the_calendar():
    plan = _branch([("召开支委会", "每月"), ("党课每年不少于4次", "全年"), ("党费收缴", "每季度"),
                    ("召开党员大会", "每月")])
    assert not _codes(coach(plan), "routine_rhythm")


def test_routine_rhythm_from_dated_occurrences():
    quarterly = _branch([(f"召开{m}月支委会", f"{m}月") for m in (3, 6, 9, 12)])
    assert _details(coach(quarterly), "routine_rhythm", "routine") == {"支委会"}
    assert not _codes(coach(_branch([(f"第{q}季度召开党员大会", f"第{q}季度") for q in "一二三四"])), "routine_rhythm")
    assert _details(coach(_branch([("第二季度召开党员大会", "第二季度")])), "routine_rhythm", "routine") == {"党员大会"}
    monthly = _branch([(f"召开{m}月支委会", f"{m}月") for m in range(1, 13)])
    assert not _codes(coach(monthly), "routine_rhythm")


def test_routine_rhythm_read_from_the_sentence_of_a_prose_plan():
    detail = "支委会每月召开一次，党小组会每月一次，党员大会每半年召开一次，党课每季度一次"
    plan = _branch([("严格落实三会一课制度", "全年")])
    plan = _edit(plan, P1={"detail": detail})
    assert _details(coach(plan), "routine_rhythm", "routine") == {"党员大会"}


def test_incidental_mention_is_not_a_meeting_held():
    plan = _branch([("统计随访率，在支委会上通报", "3月"), ("召开支委会", "每月")])
    assert not _codes(coach(plan), "routine_rhythm")
    only = _branch([("统计随访率，在支委会上通报", "3月")])
    assert not _codes(coach(only), "routine_rhythm")  # used, not scheduled: no rhythm to judge


def test_committee_calendar_and_override():
    rows = [("召开支委会", "每月"), ("书记讲党课", "七一前")]
    committee = _branch(rows, organization="某某医院党委")
    assert organization_type(committee) == "committee"
    report = coach(committee)
    assert _details(report, "routine_missing", "routine") == {"理论学习中心组", "民主生活会"}
    assert not _codes(report, "routine_rhythm")  # a branch's routine is not the committee's own
    studied = _branch(rows + [("党委理论学习中心组集中学习", "每月"), ("召开领导班子民主生活会", "1月")],
                      organization="某某医院党委")
    assert not _codes(coach(studied), "routine_missing")
    assert _details(coach(committee, org_type="branch"), "routine_rhythm", "routine") == {"党课"}
    assert organization_type(_branch(rows, organization="某某医院党委第一党支部")) == "branch"


def test_a_custom_calendar_replaces_the_default():
    from planviz.coach import Routine

    plan = _branch([("召开支委会", "每月"), ("开展党员志愿服务", "每季度")])
    strict = ((Routine("志愿服务", r"志愿服务", ("monthly",)), Routine("支委会", r"支委会", ("monthly",))), ())
    report = coach(plan, calendar=strict)
    assert _details(report, "routine_rhythm", "routine") == {"志愿服务"}
    assert not _codes(report, "routine_missing")


def test_a_plan_titled_for_one_routine_is_checked_for_it_only():
    plan = _branch([("新年新征程", "1月中旬"), ("学雷锋志愿服务", "3月"), ("庆祝建党周年", "七一")])
    plan = plan.replace(title="某某中学党支部2026年主题党日活动安排表")
    report = coach(plan)
    assert not _codes(report, "routine_missing")
    assert _details(report, "routine_rhythm", "routine") == {"主题党日"}  # three in a year, not monthly


def test_rhythm_wordings():
    assert rhythm_of("每月召开") == 1
    assert rhythm_of("每季度至少召开1次") == 3
    assert rhythm_of("党课每年不少于4次") == 3
    assert rhythm_of("每两个月一次") == 2
    assert rhythm_of("全年开展3次") == 4
    assert rhythm_of("按季度上缴") == 3
    assert rhythm_of("党课每学期不少于2次") == 3
    assert rhythm_of("每年至少讲1次党课") == 12
    assert rhythm_of("召开组织生活会") is None


# -- owners and time -----------------------------------------------------------------------------
def test_owner_overload_names_the_person_and_the_work(sample):
    tasks = [t.id for t in sample.tasks][:40]
    heavy = _edit(sample, **{t: {"owners": ("王建国",)} for t in tasks})
    found = _codes(coach(heavy), "owner_overload")
    assert [f.detail["owner"] for f in found] == ["王建国"]
    assert set(tasks) <= set(found[0].items)
    assert found[0].detail["count"] > found[0].detail["total"] / 2
    assert not _codes(coach(sample), "owner_overload")
    collective = _edit(sample, **{t: {"owners": ("全体党员",)} for t in tasks})
    assert not _codes(coach(collective), "owner_overload")


def test_deadline_cluster_names_the_month(sample):
    tasks = [t for t in sample.tasks if t.recurrence is None][:30]
    march = sample.with_items(_timed(i, "3月底前") if i in tasks else i for i in sample.items)
    found = _codes(coach(march), "deadline_cluster")
    assert [f.detail["month"] for f in found] == [3]
    assert {t.id for t in tasks} <= set(found[0].items)
    assert not _codes(coach(sample), "deadline_cluster")
    year_end = sample.with_items(_timed(i, "年底前") if i in tasks else i for i in sample.items)
    assert not _codes(coach(year_end), "deadline_cluster")  # by year end: work that runs all year


def test_vague_timing_names_items_without_usable_time(sample):
    extra = Item("P99", "参加上级组织的专题活动", parent="S4", section="关爱党员与为民服务", dimension="温度",
                 owners=("孙悦",), deadline_text="适时")
    task = _edit(sample, T001={"start": None, "end": None, "recurrence": None, "deadline_text": "根据上级安排"})
    plan = task.with_items(task.items + (extra,))
    found = _codes(coach(plan), "vague_timing")
    assert len(found) == 1 and found[0].items == ("P99",)  # T001's project P01 has its dates
    assert "适时" in found[0].message
    assert not _codes(coach(sample), "vague_timing")
    undated_project = _edit(sample, P01={"start": None, "end": None, "recurrence": None, "deadline_text": ""})
    assert not _codes(coach(undated_project), "vague_timing")  # its tasks carry the dates


# -- last year's plan ----------------------------------------------------------------------------
def _last_year(plan: Plan) -> Plan:
    """Last year's version: years and numbers changed, P05 rewritten, P14 gone, a task this year lacks."""
    items = []
    for i in plan.items:
        if "P14" in (i.id, i.parent):
            continue  # this year's new project and its tasks
        title = i.title.replace("2025", "2024").replace("2名", "3名").replace("12名", "10名")
        if i.id == "P05":
            title = "组织党员到红色教育基地参观学习"
        items.append(dataclasses.replace(i, title=f"{title}。"))
    items.append(Item("T900", "举办党史知识竞赛", level="task", parent="P03", section="思想理论武装"))
    return plan.replace(year=2025, title=plan.title.replace("2026", "2025"), items=tuple(items))


def test_copied_and_dropped_from_last_year(sample):
    report = coach(sample, _last_year(sample))
    copied = {f.items[0]: f.detail["last_year_title"] for f in _codes(report, "copied_from_last_year")}
    assert copied["P01"] == "深入学习贯彻党的二十届四中全会精神。"
    assert copied["T025"] == "确定入党积极分子3名，落实培养联系人。"  # differs only by a number
    assert "P05" not in copied and "P14" not in copied  # P05 rewritten, P14 new
    assert "T016" not in copied  # 每月召开支委会: routine work comes back every year by rule
    dropped = _codes(report, "dropped_from_last_year")
    assert [f.detail["last_year_title"] for f in dropped] == ["举办党史知识竞赛"]
    assert dropped[0].severity == "info"
    c = report.comparison
    assert c.copied == len(copied) and c.dropped == 1
    p14 = {"P14"} | {t.id for t in sample.tasks if t.parent == "P14"}
    assert p14 <= set(c.new_items) and c.new == len(c.new_items)
    assert c.copied + c.revised + c.routine + c.new == len([i for i in sample.items if i.level != "section"])
    assert report.score < coach(sample).score
    assert not {"copied_from_last_year", "dropped_from_last_year"} & coach(sample).codes()


def test_normalise_drops_years_numbering_numbers_and_punctuation():
    assert normalise("1、召开2025年度组织生活会。") == normalise("（一）召开 2026年组织生活会") == "召开组织生活会"
    assert normalise("①确定入党积极分子2名") == normalise("确定入党积极分子３名")
    assert normalise("二〇二五年度工作总结") == "工作总结"


# A plain table in the most common shape (序号 | 工作任务 | 责任人 | 完成时限, 一、 category rows), two years.
PAIR_2026 = [
    ("一、政治建设", None, None),
    ("深入学习贯彻党的二十届四中全会精神，开展专题研讨", "张明", "上半年"),
    ("落实“第一议题”制度，支委会会前学习习近平总书记最新重要讲话", "张明", "每月"),
    ("开展意识形态工作专题研判", "李华", "每半年"),
    ("二、组织建设", None, None),
    ("严格落实“三会一课”制度", "李华", "全年"),
    ("召开2025年度组织生活会，开展民主评议党员", "张明", "1-2月"),
    ("每月第一个星期五开展主题党日活动", "王芳", "每月"),
    ("按月收缴党费，每季度公示", "王芳", "每月"),
    ("发展党员1名，培养入党积极分子2名", "李华", "年底前"),
    ("三、党建与业务融合", None, None),
    ("开展“办税提速”党员攻坚行动，压缩企业办税时间", "张明", "3-9月"),
    ("设立党员先锋岗，亮身份亮承诺", "赵强", "3月底前"),
    ("四、关爱党员", None, None),
    ("开展谈心谈话", "张明", "每季度"),
    ("走访慰问老党员、困难党员", "王芳", "七一前"),
    ("五、品牌建设", None, None),
    ("打造“税心向党”党建品牌，形成案例", "张明", "全年"),
]


def _pair_2025() -> list:
    rows = [(t.replace("2025", "2024").replace("四中全会", "三中全会").replace("1名", "2名"), o, w)
            for t, o, w in PAIR_2026 if "办税提速" not in t]  # new this year
    rows.insert(9, ("组织党员参观廉政教育基地", "赵强", "9月"))  # not continued this year
    return rows


def _table(path: Path, title: str, rows: list) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["A1"] = title
    for c, header in enumerate(("序号", "工作任务", "责任人", "完成时限"), 1):
        ws.cell(2, c, header)
    n = 0
    for r, (text, owner, when) in enumerate(rows, 3):
        if owner is None:
            ws.cell(r, 1, text)
        else:
            n += 1
            for c, value in enumerate((n, text, owner, when), 1):
                ws.cell(r, c, value)
    wb.save(path)
    return path


def test_a_plain_table_pair_from_excel(tmp_path):
    this = load_plan(_table(tmp_path / "2026.xlsx", "某某区税务局第二党支部2026年度党建工作计划", PAIR_2026))
    last = load_plan(_table(tmp_path / "2025.xlsx", "某某区税务局第二党支部2025年度党建工作计划", _pair_2025()))
    report = coach(this, last)
    title = {i.id: i.title for i in this.items}
    assert report.codes() == {"elements_incomplete", "copied_from_last_year", "dropped_from_last_year"}
    assert len(_codes(report, "elements_incomplete")) == len(this.projects)  # no 目标/成果/评估 columns at all
    copied = {title[f.items[0]] for f in _codes(report, "copied_from_last_year")}
    assert "深入学习贯彻党的二十届四中全会精神，开展专题研讨" in copied  # only the plenum's number changed
    assert "发展党员1名，培养入党积极分子2名" in copied
    assert not any(w in t for t in copied for w in ("三会一课", "组织生活会", "主题党日", "党费", "办税提速"))
    assert [f.detail["last_year_title"] for f in _codes(report, "dropped_from_last_year")] == ["组织党员参观廉政教育基地"]
    c = report.comparison
    assert (c.copied, c.routine, c.new, c.dropped) == (len(copied), 5, 1, 1)  # 第一议题 rides on the 支委会
    assert [title[i] for i in c.new_items] == ["开展“办税提速”党员攻坚行动，压缩企业办税时间"]


# -- the findings themselves -------------------------------------------------------------------
def test_every_code_has_a_theme_and_findings_validate():
    assert set(CODES) == {c for codes in THEMES.values() for c in codes}
    assert len(CODES) == 12
    with pytest.raises(ValueError):
        Finding("no_such_code", "warning", "…")
    with pytest.raises(ValueError):
        Finding("vague_timing", "fatal", "…")


# -- the command line ----------------------------------------------------------------------------
def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planviz", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def _bad_plan(sample: Plan) -> Plan:
    """A draft with problems of several kinds, each on known items."""
    heavy = _edit(sample, **{t.id: {"owners": ("王建国",)} for t in sample.tasks[:40]})
    return _edit(heavy, P01={"highlight": True}, P05={"highlight": True}, P03={"goal": ""},
                 T016={"title": "召开支委会", "recurrence": "quarterly", "deadline_text": "每季度"},
                 P06={"title": "严格落实主题党日制度"})


def test_cli_json_contract_and_ids_match_inspect(sample, tmp_path):
    this, last = tmp_path / "今年.xlsx", tmp_path / "去年.xlsx"
    this.write_bytes(plan_to_xlsx(_bad_plan(sample)))
    last.write_bytes(plan_to_xlsx(_last_year(sample)))
    out = _cli("coach", str(this), "--last-year", str(last), "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["plan"] == {"organization": sample.organization, "year": 2026, "title": sample.title}
    assert isinstance(doc["score"], int) and 0 <= doc["score"] <= 100
    for f in doc["findings"]:
        assert set(f) == {"code", "severity", "message", "items", "detail"}
        assert f["code"] in CODES and f["severity"] in SEVERITIES and f["message"]
    codes = {f["code"] for f in doc["findings"]}
    assert {"highlights_many", "elements_incomplete", "owner_overload", "routine_rhythm",
            "copied_from_last_year", "dropped_from_last_year"} <= codes
    inspected = json.loads(_cli("inspect", str(this), "--json").stdout)
    titles = {i["id"]: i["title"] for i in inspected["items"]}
    assert all(i in titles for f in doc["findings"] for i in f["items"])
    many = next(f for f in doc["findings"] if f["code"] == "highlights_many")
    assert {titles[i] for i in many["items"]} == {sample.get(p).title for p in ("P01", "P05", "P13", "P15")}
    rhythm = next(f for f in doc["findings"] if f["code"] == "routine_rhythm")
    assert rhythm["detail"]["routine"] == "支委会" and "召开支委会" in {titles[i] for i in rhythm["items"]}
    assert doc["comparison"]["dropped"] == 1


def test_cli_text_report_is_grouped_by_theme(tmp_path, sample):
    path = tmp_path / "计划.xlsx"
    path.write_bytes(plan_to_xlsx(_bad_plan(sample)))
    out = _cli("coach", str(path))
    assert out.returncode == 0, out.stderr
    assert "得分：" in out.stdout and "【亮点项目】" in out.stdout and "【责任与时间】" in out.stdout
    assert "P01 深入学习贯彻党的二十届四中全会精神" in out.stdout
    assert out.stdout.index("【亮点项目】") < out.stdout.index("【项目化五要素】") < out.stdout.index("【组织生活】")


def test_cli_unusable_file_is_one_chinese_line(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    out = _cli("coach", str(bad))
    assert out.returncode == 2 and out.stderr.startswith("错误：") and "Traceback" not in out.stderr


# -- the page ------------------------------------------------------------------------------------
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_coach_page_shows_findings_by_theme_and_compares_last_year(sample):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/coach.py").run()
    assert not at.exception, [e.value for e in at.exception]
    headings = [s.value for s in at.subheader]
    assert len(headings) == len(THEMES) and headings[2] == "项目化五要素（2 条）"
    assert all(h.endswith("未发现问题") for k, h in enumerate(headings) if k != 2)
    boxes = [w.value for w in at.warning]
    assert len(boxes) == 2 and "医德医风和廉洁从医教育" in boxes[0] and "评估标准" in boxes[0]
    tables = [d.value for d in at.dataframe]
    assert [list(t["条目"]) for t in tables] == [["医德医风和廉洁从医教育"], ["“青苗计划”青年医护成长"]]
    assert not at.get("plotly_chart")  # the radar waits for last year's plan

    at.file_uploader[0].upload("去年.xlsx", plan_to_xlsx(_last_year(sample)), XLSX).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(s.value == "六度对比：今年与去年" for s in at.subheader)
    assert len(at.get("plotly_chart")) == 1
    report = coach(sample, _last_year(sample))
    captions = " ".join(c.value for c in at.caption)
    assert f"照搬 {report.comparison.copied} 项" in captions
    copied = [f for f in report.findings if f.code == "copied_from_last_year"]
    listed = [t for t in (d.value for d in at.dataframe) if "意见" in t.columns]
    assert listed and set(listed[0]["条目"]) == {sample.get(f.items[0]).title for f in copied}
    assert any("举办党史知识竞赛" in box.value for box in at.info)  # last year's item this year lacks

    at.selectbox(key="co_org_type").set_value("committee").run()
    assert not at.exception
    assert any("理论学习中心组" in w.value for w in at.warning)
