"""The command line on Word plans: inspect (text and JSON), brief and render take a .docx like a workbook."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

import docs

ROOT = Path(__file__).resolve().parents[1]


def planviz(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planviz", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    prose, table = folder / "支部计划.docx", folder / "任务分解表.docx"
    prose.write_bytes(docs.branch_prose())
    table.write_bytes(docs.committee_table())
    return prose, table


def test_inspect_text_names_paragraphs_and_table_rows(files):
    prose, table = files
    done = planviz("inspect", str(prose))
    assert done.returncode == 0, done.stderr
    assert "中共青禾市第一中学党支部2026年度党建工作计划" in done.stdout
    assert "板块 3 个" in done.stdout or "3 个" in done.stdout
    assert "深入学习贯彻党的二十大精神" in done.stdout and "张伟" in done.stdout
    assert "第 16 段：" in done.stdout
    done = planviz("inspect", str(table))
    assert done.returncode == 0, done.stderr
    assert "表 2 第 1 行：" in done.stdout and "工作表" not in done.stdout


def test_inspect_json_carries_paragraph_and_table(files):
    prose, table = files
    doc = json.loads(planviz("inspect", str(prose), "--json").stdout)
    assert doc["plan"]["year"] == 2026 and doc["plan"]["organization"] == "中共青禾市第一中学党支部"
    duty = next(i for i in doc["items"] if i["title"] == "落实意识形态工作责任制")
    assert duty["owner"] == "李娜" and duty["end"] == "2026-06-30" and duty["start"] is None
    assert any(i["paragraph"] == 16 for i in doc["issues"])
    doc = json.loads(planviz("inspect", str(table), "--json").stdout)
    assert any(i["table"] == 3 and i["row"] is None for i in doc["issues"])


def test_brief_and_render_from_a_word_plan(files, tmp_path):
    prose, _ = files
    out = tmp_path / "简报.png"
    done = planviz("brief", str(prose), "-o", str(out))
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        assert image.size == (2480, 3508)
        assert len(image.convert("L").resize((62, 88)).getcolors(256)) > 10  # drawn, not blank
    svg = tmp_path / "导图.svg"
    done = planviz("render", str(prose), "--chart", "mindmap", "-o", str(svg))
    assert done.returncode == 0, done.stderr
    assert "加强组织建设" in svg.read_text(encoding="utf-8")


def test_old_doc_fails_with_one_chinese_line(tmp_path):
    from test_safety import cfb

    old = tmp_path / "旧计划.doc"
    old.write_bytes(cfb({"WordDocument": bytes(5000)}))
    done = planviz("inspect", str(old))
    assert done.returncode == 2
    assert done.stderr.strip().startswith("错误：") and "另存为" in done.stderr and len(done.stderr.splitlines()) == 1
