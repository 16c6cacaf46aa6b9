"""The dashboard's uploader takes a Word plan: every page shows it, the report names paragraphs and table rows."""
from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

import docs

APP = str(Path(__file__).resolve().parents[1] / "app.py")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _uploaded(name: str, data: bytes) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/upload.py").run()
    next(u for u in at.file_uploader if u.key.startswith("up_file_")).upload(name, data, DOCX)  # key changes when emptied
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _places(at: AppTest) -> str:
    """The check report's places: its one-line notes and the place index of each folded kind's table."""
    lines = [m.value for m in at.markdown if m.value.startswith(("❌", "⚠️", "ℹ️"))]
    folded = [place for t in at.table if "问题" in t.value.columns for place in t.value.index]
    return " ".join(lines + folded)


def test_word_prose_plan_uploads_and_its_report_names_paragraphs():
    at = _uploaded("支部计划.docx", docs.branch_prose())
    plan = at.session_state["pv_loaded"].plan
    assert [s.title for s in plan.sections] == ["加强政治建设", "加强组织建设", "推进党建与业务融合"]
    assert not at.error and "中共青禾市第一中学党支部2026年度党建工作计划" in at.success[0].value
    assert "第 16 段" in _places(at)
    at.switch_page("pages/timeline.py").run()
    assert not at.exception
    assert "落实意识形态工作责任制" in json.dumps(json.loads(at.get("plotly_chart")[0].proto.spec), ensure_ascii=False)


def test_word_table_plan_report_names_table_rows():
    at = _uploaded("任务分解表.docx", docs.committee_table())
    places = _places(at)
    assert "表 2 第 1 行" in places and "表 3" in places and "工作表" not in places
