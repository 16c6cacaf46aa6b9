"""The ``store`` command line's contract on SQLite and PostgreSQL: JSON on stdout; refused → exit 2, one
Chinese line on stderr and nothing stored; export readable back by the reader; backup and restore."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planviz.reading import load_plan
from planviz.sample import SAMPLE_PATH, sample_plan
from planviz.template import plan_to_xlsx
from store_backends import pg_cluster, second_url, store_url  # noqa: F401 — fixtures

ROOT = Path(__file__).resolve().parent.parent


def run(db: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PLANVIZ_DB", None)
    return subprocess.run([sys.executable, "-m", "planviz", "store", "--db", db, *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


def ok(db: str, *args: str, stdin: str = "") -> dict:
    done = run(db, *args, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def refused(db: str, *args: str, stdin: str = "") -> str:
    done = run(db, *args, stdin=stdin)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in done.stderr
    return lines[0]


def test_the_whole_contract(store_url, second_url, tmp_path):
    db = store_url
    assert ok(db, "org", "add", "城关党委") == {"id": 1, "name": "城关党委", "kind": "党委", "parent": None}
    assert ok(db, "org", "add", "第一党支部", "--parent", "城关党委")["kind"] == "党支部"
    assert "已存在" in refused(db, "org", "add", "第一党支部")
    user = ok(db, "user", "add", "书记", "--org", "第一党支部", "--role", "editor", stdin="a-long-password\n")
    assert user == {"id": 1, "name": "书记", "org": "第一党支部", "role": "editor"}
    assert "密码" in refused(db, "user", "add", "短", "--org", "第一党支部", "--role", "viewer", stdin="123\n")

    first = ok(db, "add", str(SAMPLE_PATH), "--org", "第一党支部", "--as-of", "2026-03-01")
    plan = sample_plan()
    assert first == {"org": "第一党支部", "year": plan.year, "version": 1, "items": len(plan.items)}
    # A newer spreadsheet of the same plan: everything at 100 %, as of June.
    done = plan.with_items(dataclasses.replace(i, progress=1.0, status="已完成") if i.level != "section" else i
                           for i in plan.items)
    newer = tmp_path / "六月.xlsx"
    newer.write_bytes(plan_to_xlsx(done))
    assert ok(db, "add", str(newer), "--org", "第一党支部", "--as-of", "2026-06-30")["version"] == 2

    history = ok(db, "history", "--org", "第一党支部", "--json")
    assert (history["org"], history["year"]) == ("第一党支部", plan.year)
    rows = history["versions"]
    assert [(r["version"], r["as_of"], r["items"]) for r in rows] == [(1, "2026-03-01", len(plan.items)),
                                                                       (2, "2026-06-30", len(plan.items))]
    assert rows[0]["progress"] == pytest.approx(plan.overall_progress()) and rows[1]["progress"] == 1.0

    march = tmp_path / "三月.xlsx"
    exported = ok(db, "export", "--org", "第一党支部", "--as-of", "2026-04-01", "-o", str(march))
    assert exported["items"] == len(plan.items)
    back = load_plan(march)
    # The canonical workbook lists projects, then tasks: compare the items, not their order.
    assert sorted((i.title, i.level, i.progress) for i in back.items) == \
        sorted((i.title, i.level, i.progress) for i in plan.items)
    assert back.overall_progress() == pytest.approx(plan.overall_progress())
    assert load_plan(tmp_path / "六月.xlsx").overall_progress() == 1.0
    july = tmp_path / "七月.xlsx"
    ok(db, "export", "--org", "第一党支部", "--as-of", "2026-07-01", "-o", str(july))
    assert load_plan(july).overall_progress() == 1.0

    archive = tmp_path / "backup.zip"
    ok(db, "backup", "-o", str(archive))
    restored = ok(second_url, "restore", str(archive))["tables"]
    assert restored["versions"] == 2 and restored["orgs"] == 2 and restored["users"] == 1
    assert ok(second_url, "history", "--org", "第一党支部", "--json") == history


def test_refusals_store_nothing(store_url, tmp_path):
    db = store_url
    ok(db, "org", "add", "第一党支部")
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    refused(db, "add", str(bad), "--org", "第一党支部")
    assert "没有名为" in refused(db, "add", str(SAMPLE_PATH), "--org", "不存在的支部")
    assert "YYYY-MM-DD" in refused(db, "add", str(SAMPLE_PATH), "--org", "第一党支部", "--as-of", "3月1日")
    assert "没有名为" in refused(db, "user", "add", "某人", "--org", "不存在", "--role", "viewer", stdin="long-enough-pw\n")
    assert "还没有保存" in refused(db, "history", "--org", "第一党支部", "--json")
    assert "备份文件" in refused(db, "restore", str(bad))
    bad_role = run(db, "user", "add", "某人", "--org", "第一党支部", "--role", "superuser", stdin="long-enough-pw\n")
    assert bad_role.returncode == 2 and bad_role.stderr.splitlines()[-1].startswith("错误：参数 --role")  # + usage
    # Nothing of the above was stored: the first real save is version 1 and the account name is free.
    assert ok(db, "add", str(SAMPLE_PATH), "--org", "第一党支部")["version"] == 1
    assert ok(db, "user", "add", "某人", "--org", "第一党支部", "--role", "viewer", stdin="long-enough-pw\n")["id"] == 1
