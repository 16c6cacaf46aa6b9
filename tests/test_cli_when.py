"""`python -m planviz when`: one expression or a batch on stdin, printed as JSON that agrees with parse_deadline."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from planviz.dates import parse_deadline

ROOT = Path(__file__).resolve().parents[1]
KEYS = {"start", "end", "recurrence"}

BATCH = ["3月底前", "６月３０日前", "三月底前", "第二季度", "二季度", "Q2", "上半年", "3-5月", "3月—5月",
         "3～5月", "3月中旬", "每月", "每季度", "每月15日前", "全年", "长期坚持", "七一前", "国庆节前", "春节前",
         "年底前", "次年1月", "2026.3.31", "2026/3/31", "3月31日前后", "46112", "适时", "根据上级安排",
         "2月30日", "随便写写", "", "   ", "5月、10月", "3月10日至4月15日"]


def when(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planviz", "when", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=120)


def expected(expr: str, year: int) -> dict:
    d = parse_deadline(expr, year)
    return {"start": d.start and d.start.isoformat(), "end": d.end and d.end.isoformat(),
            "recurrence": d.recurrence}


def lines_of(done: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def test_single_expression_prints_one_json_object():
    done = when("3月底前", "--year", "2026")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    [doc] = lines_of(done)
    assert KEYS <= set(doc)
    assert {k: doc[k] for k in KEYS} == {"start": None, "end": "2026-03-31", "recurrence": None}


def test_period_recurrence_and_next_year():
    assert {k: v for k, v in lines_of(when("每季度", "--year", "2027"))[0].items() if k in KEYS} == \
        {"start": "2027-01-01", "end": "2027-12-31", "recurrence": "quarterly"}
    assert lines_of(when("次年1月", "--year", "2030"))[0]["start"] == "2031-01-01"


def test_unreadable_text_prints_nulls_and_succeeds():
    done = when("随便写写", "--year", "2026")
    assert done.returncode == 0
    assert {k: lines_of(done)[0][k] for k in KEYS} == {"start": None, "end": None, "recurrence": None}


def test_year_defaults_to_this_year():
    before = date.today().year
    end = lines_of(when("3月底前"))[0]["end"]
    assert end in (f"{before}-03-31", f"{date.today().year}-03-31")


def test_batch_reads_utf8_stdin_one_output_line_per_input_line():
    text = "\n".join(BATCH) + "\n"
    done = when("--batch", "--year", "2026", stdin=text.encode("utf-8"))
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    docs = lines_of(done)
    assert len(docs) == len(BATCH)
    for expr, doc in zip(BATCH, docs):
        assert KEYS <= set(doc)
        assert {k: doc[k] for k in KEYS} == expected(expr, 2026), expr
    # the batch is not trivially uniform: it shows deadlines, periods, rhythms and nulls
    assert docs[0]["end"] == "2026-03-31" and docs[0]["start"] is None
    assert docs[11]["recurrence"] == "monthly"
    assert docs[16]["end"] == "2026-06-30"
    assert docs[-5]["end"] is None


def test_batch_windows_line_ends_and_bom():
    done = when("--batch", "--year", "2026", stdin="\ufeff七一前\r\n第二季度\r\n每月".encode("utf-8"))
    assert done.returncode == 0
    docs = lines_of(done)
    assert [d["end"] for d in docs] == ["2026-06-30", "2026-06-30", "2026-12-31"]
    assert [d["start"] for d in docs] == [None, "2026-04-01", "2026-01-01"]


def test_batch_with_empty_input_prints_nothing():
    done = when("--batch", "--year", "2026", stdin=b"")
    assert done.returncode == 0
    assert done.stdout == b""


def test_missing_expression_is_a_chinese_error_without_traceback():
    done = when()
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert "错误" in err and "Traceback" not in err
