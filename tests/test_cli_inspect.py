"""`python -m planviz inspect`: the JSON shape, the readable summary and unusable files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from messy import outline, unknown_header

ROOT = Path(__file__).resolve().parents[1]
ITEM_KEYS = {"id", "parent", "level", "title", "section", "dimension", "lever", "owner", "department", "start",
             "end", "recurrence", "progress", "status", "milestone", "highlight"}


def inspect(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planviz", "inspect", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def outline_file(tmp_path_factory):
    return outline(tmp_path_factory.mktemp("cli") / "计划.xlsx")


def test_json_shape(outline_file):
    done = inspect(str(outline_file), "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == {"plan", "items", "issues"}
    assert doc["plan"] == {"organization": "某某街道机关党支部", "year": 2026,
                           "title": "某某街道机关党支部2026年度党建工作计划"}
    assert all(set(item) == ITEM_KEYS for item in doc["items"])
    assert all(set(issue) == {"severity", "sheet", "row", "column", "paragraph", "table", "message"} for issue in doc["issues"])
    by_id = {item["id"]: item for item in doc["items"]}
    assert by_id["1.1.2"] == {
        "id": "1.1.2", "parent": "1.1", "level": "task", "title": "举办读书班", "section": "政治建设",
        "dimension": None, "lever": None, "owner": "李委员", "department": None, "start": None,
        "end": "2026-03-31", "recurrence": None, "progress": None, "status": None, "milestone": False,
        "highlight": False}
    assert by_id["1.1.1"]["recurrence"] == "monthly" and by_id["1.1.1"]["start"] == "2026-01-01"
    assert by_id["S1"]["level"] == "section" and by_id["1.1"]["dimension"] == "深度"
    vague = [i for i in doc["issues"] if i["row"] == 8 and "适时" in i["message"]]
    assert vague and vague[0]["severity"] == "info" and vague[0]["sheet"] == "计划"


def test_json_joins_owners(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["工作内容", "责任人", "完成时限"])
    wb.active.append(["开展学习", "张三，李四", "3月底前"])
    wb.save(tmp_path / "p.xlsx")
    doc = json.loads(inspect(str(tmp_path / "p.xlsx"), "--json", "--year", "2026").stdout)
    assert doc["items"][0]["owner"] == "张三、李四" and doc["plan"]["year"] == 2026


def test_readable_summary(outline_file):
    done = inspect(str(outline_file))
    assert done.returncode == 0, done.stderr
    assert "某某街道机关党支部2026年度党建工作计划" in done.stdout
    assert "板块 3 个" in done.stdout and "项目 5 个" in done.stdout and "任务 3 个" in done.stdout
    assert "举办读书班" in done.stdout and "适时" in done.stdout


@pytest.mark.parametrize("make", [
    lambda d: unknown_header(d / "乱表.xlsx"),
    lambda d: (d / "坏.xlsx", (d / "坏.xlsx").write_bytes(b"PK\x03\x04broken"))[0],
    lambda d: (d / "空.csv", (d / "空.csv").write_bytes(b""))[0],
    lambda d: d / "不存在.xlsx",
])
def test_unusable_file_exits_2_with_one_chinese_line(tmp_path, make):
    path = make(tmp_path)
    for args in ((str(path),), (str(path), "--json")):
        done = inspect(*args)
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in done.stderr
        assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
