"""Streamlit dashboard under AppTest: every page on the sample, uploads, column mapping, edits, downloads."""
from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path

import pytest
import streamlit as st
from PIL import Image
from streamlit.testing.v1 import AppTest

from planviz.reading import FIELDS, load_plan
from planviz.reading.safety import MAX_FILE_BYTES
from planviz.sample import sample_plan
from planviz.template import plan_to_xlsx

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = {"pages/upload.py": "上传与检查", "pages/overview.py": "一页纸总览", "pages/mindmap.py": "思维导图",
         "pages/timeline.py": "时间轴", "pages/radar.py": "六度雷达", "pages/progress.py": "进度看板"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GBK_CSV = ("序号,工作类别,工作内容,责任人,完成时限\n1,政治建设,学习贯彻全会精神,张三,3月底前\n"
           "2,组织建设,发展党员,李四,七一前\n3,组织建设,党费收缴,王五,每季度\n").encode("gbk")
ODD_CSV = "甲列,乙列,丙列\n学习贯彻全会精神,张三,3月底前\n发展党员,李四,七一前\n".encode("gbk")


@pytest.fixture
def downloads(monkeypatch):
    """Every st.download_button of a run: key → (data or callable, file name, mime)."""
    seen: dict[str, tuple] = {}
    real = st.download_button

    def record(label, data, file_name=None, mime=None, key=None, *args, **kwargs):
        seen[key] = (data, file_name, mime)
        return real(label, data, file_name, mime, key, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", record)
    return seen


def _content(entry) -> bytes:
    data = entry[0]
    return data() if callable(data) else data


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _on(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _plan(at: AppTest):
    return at.session_state["pv_loaded"].plan


def _uploader(at: AppTest):
    """The plan uploader (its key changes each time it is emptied)."""
    return next(u for u in at.file_uploader if u.key.startswith("up_file_"))


def _upload(at: AppTest, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    _on(at, "pages/upload.py")
    _uploader(at).upload(name, data, mime)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _chart(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def _text(spec: dict) -> str:
    return json.dumps(spec, ensure_ascii=False)


def _png_is_drawn(data: bytes, min_size=(400, 300)) -> None:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size[0] >= min_size[0] and image.size[1] >= min_size[1]
    colours = image.resize((200, 200)).getcolors(40000)
    assert colours is not None and len(colours) > 20  # more than a blank page


def test_every_page_shows_the_sample_plan_without_errors():
    at = _app()
    sample = sample_plan()
    assert _plan(at).display_title == sample.display_title
    sidebar = " ".join(m.value for m in [*at.sidebar.markdown, *at.sidebar.caption])
    assert sample.display_title in sidebar and f"年度：{sample.year}" in sidebar
    assert f"{len(sample.projects) + len(sample.tasks)} 项工作（重点项目 {len(sample.projects)} 个" in sidebar
    for page, title in PAGES.items():
        _on(at, page)
        assert [t.value for t in at.title] == [title]
        assert not at.error
    # the board has a card for every work item, with its owner
    board = " ".join(h.proto.body for h in at.get("html"))
    assert all(p.title in board for p in sample.projects if not sample.children(p.id))
    assert at.metric[1].value == str(len(sample.projects))
    _on(at, "pages/present.py")
    cover = " ".join(h.proto.body for h in at.get("html"))
    assert sample.organization in cover and "2026年度党建工作计划" in cover
    styles = " ".join(h.proto.body for h in at.get("html"))
    assert 'section[data-testid="stSidebar"]' in styles and "display: none" in styles


def test_gbk_csv_upload_replaces_the_plan_for_every_page():
    at = _upload(_app(), "计划.csv", GBK_CSV)
    plan = _plan(at)
    assert [p.title for p in plan.projects] == ["学习贯彻全会精神", "发展党员", "党费收缴"]
    assert plan.projects[0].owners == ("张三",)
    assert any("计划.csv" in c.value for c in at.sidebar.caption)
    _on(at, "pages/timeline.py")
    chart = _text(_chart(at))
    assert "发展党员" in chart and "学习贯彻全会精神" in chart


def test_corrupt_and_oversized_files_get_chinese_messages_and_keep_the_plan():
    at = _upload(_app(), "坏文件.xlsx", b"PK\x03\x04" + b"\x00garbage" * 50, XLSX)
    assert len(at.error) == 1 and "坏文件.xlsx" in at.error[0].value and "损坏" in at.error[0].value
    assert _plan(at).display_title == sample_plan().display_title
    _uploader(at).upload("大文件.csv", b"a" * (MAX_FILE_BYTES + 1), "text/csv")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "大文件.csv" in at.error[0].value and "MB" in at.error[0].value
    assert _plan(at).display_title == sample_plan().display_title


def test_unrecognised_headers_are_mapped_by_hand_and_reread():
    at = _upload(_app(), "表头不规范.csv", ODD_CSV)
    assert "没有找到可识别的表头" in at.warning[0].value
    boxes = [b for b in at.selectbox if b.key and b.key.startswith("up_map_")]
    assert [b.label for b in boxes] == ["第 1 列「甲列」", "第 2 列「乙列」", "第 3 列「丙列」"]
    examples = [c.value for c in at.caption if c.value.startswith("例：")]
    assert examples[0].startswith("例：学习贯彻全会精神") and "张三" in examples[1]
    for box, label in zip(boxes, ("工作内容", "负责人", "时间节点")):
        box.set_value(label)
    at.button(key="up_remap").click()
    at.run()
    assert not at.exception and not at.warning
    plan = _plan(at)
    assert [(i.title, i.owners) for i in plan.projects] == [("学习贯彻全会精神", ("张三",)), ("发展党员", ("李四",))]
    assert plan.projects[0].end is not None and plan.projects[0].end.month == 3


def test_year_override_rereads_the_plan():
    at = _on(_app(), "pages/upload.py")
    at.number_input(key="up_year").set_value(2027)
    at.run()
    assert _plan(at).year == 2027
    assert at.session_state["pv_loaded"].is_sample


def test_edits_apply_to_every_page_and_download_as_excel_with_own_columns(downloads):
    plan = sample_plan()
    first = plan.projects[0]
    own = plan.with_items(i.__class__(**{**i.__dict__, "extra": (("督办意见", "按期推进"),)}) if i.id == first.id
                          else i for i in plan.items)
    at = _upload(_app(), "带自定义列.xlsx", plan_to_xlsx(own), XLSX)
    frame = at.data_editor[0].value
    row = list(frame.index).index(first.id)
    assert "督办意见" in frame.columns
    key = next(k for k in at.session_state if k.startswith("up_editor_"))
    at.session_state[key] = {"edited_rows": {row: {"工作内容": "学习贯彻全会精神（修订）", "进度": 40}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    written = load_plan(_content(downloads["up_download"]), "修改后.xlsx")
    changed = written.get(first.id)
    assert changed.title == "学习贯彻全会精神（修订）" and changed.progress == pytest.approx(0.4)
    assert changed.extras.get("督办意见") == "按期推进"
    at.button(key="up_apply").click()
    at.run()
    assert not at.exception
    assert _plan(at).get(first.id).title == "学习贯彻全会精神（修订）"
    assert "修改后" in at.session_state["pv_loaded"].name


def test_downloads_hold_real_files(downloads):
    at = _app()  # the overview page: brief PNG, PDF and slide
    a4 = _content(downloads["ov_png"])
    assert Image.open(io.BytesIO(a4)).size == (2480, 3508)
    assert _content(downloads["ov_pdf"]).startswith(b"%PDF")
    assert Image.open(io.BytesIO(_content(downloads["ov_slide"]))).size == (1920, 1080)
    _on(at, "pages/upload.py")
    template = load_plan(_content(downloads["up_template"]), "模板.xlsx")
    assert template.projects
    _on(at, "pages/mindmap.py")
    assert _content(downloads["mm_svg"]).lstrip().startswith((b"<?xml", b"<svg"))
    _png_is_drawn(_content(downloads["mm_png"]))
    _on(at, "pages/timeline.py")
    timeline_png = _content(downloads["tl_png"])
    _png_is_drawn(timeline_png)
    assert Image.open(io.BytesIO(timeline_png)).size[0] == 3200  # print width, not the screen's
    _on(at, "pages/radar.py")
    _png_is_drawn(_content(downloads["rd_png"]))


def test_timeline_filters_and_palette_switch():
    at = _on(_app(), "pages/timeline.py")
    everything = _text(_chart(at))
    owner = sample_plan().projects[0].owners[0]
    at.multiselect(key="tl_owners").set_value([owner])
    at.run()
    mine = _text(_chart(at))
    others = [p.title for p in sample_plan().projects if owner not in p.owners
              and not any(owner in t.owners for t in sample_plan().children(p.id))]
    assert len(mine) < len(everything) and not any(t in mine for t in others)
    assert "#C8102E" in mine.upper()
    at.sidebar.radio(key="pv_palette").set_value("简约")
    at.run()
    assert "#34495E" in _text(_chart(at)).upper()


def test_radar_overlays_a_second_plan():
    at = _on(_app(), "pages/radar.py")
    before = len(_chart(at)["data"])
    last_year = sample_plan().replace(year=2025, title="")
    at.file_uploader(key="pv_compare_file").upload("去年计划.xlsx", plan_to_xlsx(last_year), XLSX)
    at.run()
    assert not at.exception and not at.error
    spec = _chart(at)
    assert len(spec["data"]) == before + 1
    assert "2025" in _text(spec)


def test_presentation_steps_through_slides():
    at = _on(_app(), "pages/present.py")
    counter = lambda: next(m.value for m in at.markdown if "pv-counter" in m.value)  # noqa: E731
    highlights = sample_plan().highlights()
    total = 5 + len(highlights)
    assert f"1 / {total}" in counter() and at.button(key="pr_prev").disabled
    for _ in range(4):
        at.button(key="pr_next").click()
        at.run()
    assert f"5 / {total}" in counter() and not at.exception
    assert highlights[0].title in " ".join(h.proto.body for h in at.get("html"))


def test_sessions_do_not_see_each_others_uploads():
    first = _upload(_app(), "计划.csv", GBK_CSV)
    second = _on(_app(), "pages/upload.py")
    assert len(_plan(first).projects) == 3
    assert _plan(second).display_title == sample_plan().display_title


def test_a_logo_that_is_not_an_image_gets_a_message_and_the_brief_still_shows():
    at = _app()
    at.file_uploader(key="ov_logo").upload("标识.png", b"not an image at all", "image/png")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "不是可识别的图片" in at.error[0].value
    assert at.get("image")  # the brief preview is still there


def test_filter_plan_keeps_matching_work_and_everything_above_it():
    from planviz_app.filters import filter_plan

    from conftest import build_small_plan

    plan = build_small_plan()
    by_owner = filter_plan(plan, owners=["李四"])
    assert [i.id for i in by_owner.items] == ["S1", "P1", "T2", "P2", "T4"]
    by_dimension = filter_plan(plan, dimensions=["精度"], statuses=["延期"])
    assert [i.id for i in by_dimension.items] == ["S2", "P3"]
    assert filter_plan(plan) is plan


def test_edited_deadline_wording_is_parsed_again_when_written_back():
    from planviz_app.editing import apply_edits, plan_frame

    plan = sample_plan()
    target = next(p for p in plan.projects if p.end and p.deadline_text)
    frame = plan_frame(plan)
    frame.loc[target.id, "时间节点"] = "9月底前"
    frame.loc[target.id, "负责人"] = "张三，李四"
    edited = apply_edits(plan, frame)
    changed = edited.get(target.id)
    assert changed.owners == ("张三", "李四") and (changed.start, changed.end) == (None, None)
    reread = load_plan(plan_to_xlsx(edited), "修改后.xlsx").get(target.id)
    assert reread.end is not None and (reread.end.month, reread.end.day) == (9, 30)
    untouched = next(p for p in plan.projects if p.id != target.id)
    assert apply_edits(plan, plan_frame(plan)).get(untouched.id).end == untouched.end


def _slide_svg(at: AppTest) -> bytes:
    """The SVG of the chart slide on screen (an <img class="pv-fill"> with a data URL)."""
    body = next(h.proto.body for h in at.get("html") if 'class="pv-fill' in h.proto.body)
    return base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", body).group(1))


def test_chart_slides_are_drawn_for_the_screen_they_are_shown_on():
    from planviz_app.slides import chart_size

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["pv_viewport_known"] = {"width": 1920, "height": 1080, "content": 1760}
    at.run()
    _on(at, "pages/present.py")
    for _ in range(2):  # cover → structure → radar
        at.button(key="pr_next").click()
        at.run()
    width, height = chart_size(1760, 1080)
    assert (width, height) == (1280, 704)  # drawn at 1280 and scaled ×1.375: larger type on the projector
    svg = _slide_svg(at)
    assert f'width="{width}" height="{height}"'.encode() in svg[:400]
    assert "高度".encode() in svg
    at.session_state["pv_viewport_known"] = {"width": 1280, "height": 720, "content": 1120}
    at.run()
    assert 'width="1120" height="608"'.encode() in _slide_svg(at)[:400]


def test_timeline_on_screen_is_as_wide_as_the_page_column():
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["pv_viewport_known"] = {"width": 1280, "height": 720, "content": 860}
    at.run()
    _on(at, "pages/timeline.py")
    assert _chart(at)["layout"]["width"] == 860


def test_neutral_palette_repaints_the_page_chrome():
    at = _app()
    chrome = lambda: [h.proto.body for h in at.get("html") if "stRadioOption" in h.proto.body]  # noqa: E731
    assert not chrome()
    at.sidebar.radio(key="pv_palette").set_value("简约")
    at.run()
    css = " ".join(chrome())
    assert "#34495E" in css and 'section[data-testid="stSidebar"]' in css and "#C8102E" not in css


def test_unreadable_files_are_named_once_in_a_plain_message():
    at = _upload(_app(), "扫描件.xlsx", b"%PDF-1.4\n" + b"0" * 400, XLSX)
    message = at.error[0].value
    assert message.startswith("无法读取这个文件：") and message.count("扫描件.xlsx") == 1 and "PDF" in message
    _uploader(at).upload("空文件.xlsx", b"", XLSX)
    at.run()
    assert not at.exception
    message = at.error[0].value
    assert message.count("空文件.xlsx") == 1 and "空" in message.replace("空文件.xlsx", "")


CONTRADICTIONS_CSV = ("工作内容,负责人,时间节点,完成时限,进度,状态\n"
                      "学习贯彻全会精神,张三,3月底前,2027-03-31,,\n发展党员,李四,七一前,,20%,未开始\n"
                      "党费收缴,王五,每季度,,,\n主题党日,赵六,每月,,,\n").encode()


def _report_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(("❌", "⚠️", "ℹ️"))]


def test_check_report_folds_one_kind_into_one_line_with_the_places_in_an_expander():
    at = _upload(_app(), "矛盾.csv", CONTRADICTIONS_CSV)
    plan = _plan(at)
    inferred = [i for i in plan.issues if "由关键词推断" in i.message]
    assert len(inferred) >= 3
    lines = _report_lines(at)
    folded = [line for line in lines if "由关键词推断" in line]
    assert folded == [f"ℹ️ 提示　**{len(inferred)} 处**：项目「…」的维度由关键词推断为「…」，请核对。"]
    levels = [line.split("　")[0] for line in lines]
    order = ["❌ 错误", "⚠️ 提醒", "ℹ️ 提示"]
    assert levels == sorted(levels, key=order.index)  # errors first, then warnings, then notes
    places = next(t.value for t in at.table if "问题" in t.value.columns and any("推断" in m for m in t.value["问题"]))
    assert len(places) == len(inferred) and all(p.startswith("「") and "行" in p for p in places.index)
    # contradictions are flagged: the wording and the date cell, progress with 未开始
    text = " ".join(lines + [m.value for m in at.markdown])
    assert "「3月底前」（即 2026-03-31）与完成时限 2027-03-31 不一致" in text
    assert "进度为 20%，状态却是「未开始」" in text


def test_one_count_of_work_items_and_issues_in_sidebar_and_report():
    at = _upload(_app(), "矛盾.csv", CONTRADICTIONS_CSV)
    plan = _plan(at)
    metrics = {m.label: m.value for m in at.metric}
    errors, warnings = len(plan.errors()), len(plan.warnings())
    notes = len(plan.issues) - errors - warnings
    assert metrics == {"工作项": str(len(plan.projects) + len(plan.tasks)), "错误": str(errors),
                       "提醒": str(warnings), "提示": str(notes)}
    sidebar = " ".join(c.value for c in at.sidebar.caption)
    assert f"错误 {errors} 条，提醒 {warnings} 条，提示 {notes} 条" in sidebar
    at = _on(_app(), "pages/upload.py")  # the template-like sample: sections are not counted as work items
    sample = sample_plan()
    assert {m.label: m.value for m in at.metric}["工作项"] == str(len(sample.projects) + len(sample.tasks))
    assert any(f"另有 {len(sample.sections)} 个工作板块" in c.value for c in at.caption)


def test_a_big_plan_opens_its_mind_map_split_by_group():
    from conftest import build_plan

    at = _upload(_app(), "大计划.xlsx", plan_to_xlsx(build_plan(150)), XLSX)
    _on(at, "pages/mindmap.py")
    assert at.toggle[0].value is True
    assert len(at.expander) == 6  # one map per section
    at = _on(_app(), "pages/mindmap.py")
    assert at.toggle[0].value is False and not at.expander  # the 76-item sample stays one map


def test_upload_page_shows_the_plan_check():
    at = _on(_app(), "pages/upload.py")
    text = " ".join(m.value for m in at.markdown)
    assert "**六度覆盖**" in text and "6/6 个维度有项目" in text
    assert "**项目化五要素**" in text and ":orange[" in text  # two sample projects lack elements


def test_the_plan_comes_back_after_a_refresh_for_the_same_browser_only(monkeypatch):
    from planviz_app import session

    token = "t" * 40  # what the cookie of one browser carries
    monkeypatch.setattr(session, "browser_token", lambda: token)
    first = _upload(_app(), "计划.csv", GBK_CSV)
    assert len(_plan(first).projects) == 3
    again = _app()  # a refresh or a new tab: a new session, the same cookie
    assert not again.session_state["pv_loaded"].is_sample and len(_plan(again).projects) == 3
    assert not [i for i in again.info if "示例计划" in i.value]
    monkeypatch.setattr(session, "browser_token", lambda: None)  # another browser: no cookie, a fresh token
    other = _app()
    assert other.session_state["pv_loaded"].is_sample
    assert other.session_state["pv_token"] != token and len(other.session_state["pv_token"]) >= 32


def test_the_server_store_is_bounded_and_forgets_after_its_time():
    from planviz_app.session import Store

    now = [0.0]
    store = Store(ttl=100, max_entries=2, clock=lambda: now[0])
    store.put("a", 1)
    store.put("b", 2)
    store.put("c", 3)
    assert store.get("a") is None and store.get("b") == 2 and len(store) == 2
    now[0] = 90
    assert store.get("c") == 3  # used: its clock restarts
    now[0] = 150
    assert store.get("b") is None and store.get("c") == 3


def test_every_page_says_when_the_sample_is_showing():
    at = _app()
    for page in PAGES:
        _on(at, page)
        assert any("示例计划" in i.value and "不是您单位的计划" in i.value for i in at.info), page
    _on(at, "pages/present.py")
    assert any("示例计划（非本单位）" in m.value for m in at.markdown if "pv-counter" in m.value)
    _upload(at, "计划.csv", GBK_CSV)
    for page in PAGES:
        _on(at, page)
        assert not any("不是您单位的计划" in i.value for i in at.info), page
    _on(at, "pages/present.py")
    assert not any("示例计划" in m.value for m in at.markdown if "pv-counter" in m.value)


def test_back_to_the_sample_asks_first_and_empties_the_uploader():
    at = _upload(_app(), "计划.csv", GBK_CSV)
    assert _uploader(at).value is not None
    assert not at.session_state["pv_loaded"].is_sample  # the popover's button alone switches, nothing before it
    at.sidebar.button(key="pv_back_to_sample").click()
    at.run()
    assert at.session_state["pv_loaded"].is_sample
    assert _uploader(at).value is None and _uploader(at).key != "up_file_0"


def test_plan_identity_is_editable_and_used_everywhere(downloads):
    at = _upload(_app(), "计划.csv", GBK_CSV)
    key = at.session_state["pv_loaded"].key
    at.text_input(key=f"up_organization_{key}").input("城东街道第二党支部")
    at.text_input(key=f"up_title_{key}").input("城东街道第二党支部2026年党建工作要点")
    at.text_input(key=f"up_theme_{key}").input("强基固本")
    at.button(key=next(b.key for b in at.button if b.key and "FormSubmitter" in b.key)).click()
    at.run()
    plan = _plan(at)
    assert (plan.organization, plan.title, plan.theme) == ("城东街道第二党支部", "城东街道第二党支部2026年党建工作要点", "强基固本")
    assert any("城东街道第二党支部2026年党建工作要点" in m.value for m in at.sidebar.markdown)
    at.number_input(key="up_year").set_value(2027)  # re-read for another year: the identity stays
    at.run()
    assert _plan(at).year == 2027 and _plan(at).title == "城东街道第二党支部2026年党建工作要点"
    _on(at, "pages/overview.py")
    assert downloads["ov_png"][1].startswith("城东街道第二党支部2026年党建工作要点")
    _on(at, "pages/present.py")
    assert "强基固本" in " ".join(h.proto.body for h in at.get("html"))


TWO_ROW_CSV = ("工作内容,责任分工,责任分工,完成时限\n,牵头,配合,\n学习贯彻全会精神,办公室,组织科,3月底前\n"
               "发展党员,组织科,各支部,七一前\n").encode()


def test_column_mapping_is_always_offered_prefilled_and_rereads():
    at = _upload(_app(), "两行表头.csv", GBK_CSV)
    boxes = {b.label: b for b in at.selectbox if b.key and b.key.startswith("up_col_")}
    assert boxes["第 3 列「工作内容」"].value == "工作内容"
    assert boxes["第 4 列「责任人」"].value == "负责人" and boxes["第 5 列「完成时限」"].value == "时间节点"
    boxes["第 4 列「责任人」"].set_value("责任部门")  # the user says this column holds departments
    at.button(key="up_remap_all").click()
    at.run()
    assert not at.exception
    first = _plan(at).projects[0]
    assert first.departments == ("张三",) and first.owners == ()
    # 责任分工 over 牵头 | 配合 read as two columns of one name: each is set on its own
    at = _upload(_app(), "两行表头.csv", TWO_ROW_CSV)
    assert not any(p.owners for p in _plan(at).projects)
    boxes = {b.label: b for b in at.selectbox if b.key and b.key.startswith("up_col_")}
    boxes["第 2 列「责任分工」"].set_value("负责人")
    boxes["第 3 列「责任分工」"].set_value("责任部门")
    at.button(key="up_remap_all").click()
    at.run()
    first = next(p for p in _plan(at).projects if p.title == "学习贯彻全会精神")
    assert (first.owners, first.departments) == (("办公室",), ("组织科",))


def test_wrong_file_types_and_plans_on_the_logo_uploader_get_chinese_answers():
    at = _upload(_app(), "通知.pdf", b"%PDF-1.4\n" + b"0" * 300, "application/pdf")
    assert "不是计划表支持的文件类型" in at.error[0].value and "xlsx" in at.error[0].value
    assert _uploader(at).value is None  # the rejected file is not left in the box
    assert not at.success  # no green “已读取” of an older plan under the red message
    at = _app()  # a plan table dropped on the overview's logo box is read as the plan
    at.file_uploader(key="ov_logo").upload("支部计划.csv", GBK_CSV, "text/csv")
    at.run()
    assert not at.exception and len(_plan(at).projects) == 3
    assert any("已读取为当前计划" in s.value and "上传与检查" in s.value for s in at.success)


def test_the_chosen_format_is_the_main_download_button():
    at = _app()
    kinds = lambda: {b.key: b.proto.type for b in at.get("download_button")}  # noqa: E731
    assert kinds()["ov_png"] == "primary" and kinds()["ov_slide"] == "secondary"
    at.radio(key="ov_fmt").set_value("slide")
    at.run()
    assert kinds()["ov_png"] == "secondary" and kinds()["ov_slide"] == "primary"


def test_small_fixes_on_the_chart_pages():
    at = _on(_app(), "pages/mindmap.py")
    key = " ".join(h.proto.body for h in at.get("html") if "pv-key" in h.proto.body)
    assert all(d in key for d in sample_plan().dimensions)  # the colour key of the mind map
    no_levers = sample_plan().with_items(i.__class__(**{**i.__dict__, "lever": None}) for i in sample_plan().items)
    at = _upload(_app(), "无抓手.xlsx", plan_to_xlsx(no_levers), XLSX)
    _on(at, "pages/radar.py")
    assert any("没有“抓手”列" in i.value for i in at.info)
    _on(at, "pages/present.py")
    assert any("F11" in m.value for m in at.markdown if "pv-counter" in m.value)
    _on(at, "pages/upload.py")
    assert any("标准模板的格式" in c.value and "不保留" in c.value for c in at.caption)


def test_radar_without_any_progress_says_so_once():
    from planviz.charts.radar import radar

    bare = sample_plan().with_items(i.__class__(**{**i.__dict__, "progress": None}) for i in sample_plan().items)
    fig = radar(bare, metric="progress")
    assert not any(t for t in fig.data[-1].text)  # no pile of “未填报” at the centre
    notes = [a.text for a in fig.layout.annotations]
    assert sum("还没有填报进度" in n for n in notes) == 1


def test_chinese_words_cover_streamlits_own_english():
    from planviz_app.scripts import UI_PREFIXES, UI_WORDS

    for english in ("Select all", "Show/hide columns", "Download as CSV", "Search", "Page not found"):
        assert english in UI_WORDS and not re.search("[A-Za-z]", UI_WORDS[english].replace("CSV", ""))
    assert "Fullscreen: " in UI_PREFIXES
    from planviz_app.ui import PLOTLY_CONFIG

    assert PLOTLY_CONFIG["displayModeBar"] is False  # plotly's English tooltips never show


def test_one_vocabulary_of_field_names_in_template_editor_and_mapping():
    from planviz.template import PROJECT_HEADERS, TASK_HEADERS
    from planviz_app import columns, editing

    editor = [c for c, _ in editing.TEXT_COLUMNS + editing.DATE_COLUMNS + editing.DETAIL_COLUMNS]
    for field, word in (("deadline", "时间节点"), ("start", "开始时间"), ("end", "完成时限"), ("owners", "负责人"),
                        ("departments", "责任部门"), ("section", "板块"), ("goal", "目标")):
        assert FIELDS[field] == word and word in columns.options() and word in editor, word
        assert word in PROJECT_HEADERS + TASK_HEADERS, word


def test_charts_lay_out_for_a_narrow_column():
    from datetime import date

    from planviz.charts.progress import completion_by_dimension, planned_vs_actual, status_donut
    from planviz.charts.timeline import timeline

    plan = sample_plan()
    wide, narrow = timeline(plan, width=1600), timeline(plan, width=420)
    assert narrow.layout.xaxis.tickangle == 0 and "1月" not in narrow.layout.xaxis.ticktext
    assert "1月" in wide.layout.xaxis.ticktext
    assert narrow.layout.margin.b > wide.layout.margin.b  # the legend's extra lines get room under the today tag
    subtitle = narrow.layout.title.subtitle.text
    assert "<br>" in subtitle and "<br>" not in wide.layout.title.subtitle.text
    assert narrow.layout.margin.t > wide.layout.margin.t  # a wrapped subtitle moves the plot down
    curve = planned_vs_actual(plan, today=date(2026, 9, 1), width=420)
    assert curve.layout.legend.y == 0 and curve.layout.legend.yanchor == "bottom"  # clear of the title
    assert planned_vs_actual(plan, today=date(2026, 9, 1), width=1400).layout.legend.y > 0.9
    assert list(completion_by_dimension(plan, width=300).layout.xaxis.ticktext) == ["0%", "50%", "100%"]
    key = lambda fig: [a.font.size for a in fig.layout.annotations if "项" in a.text]  # noqa: E731
    assert max(key(status_donut(plan, width=420))) < max(key(status_donut(plan, width=1100)))
