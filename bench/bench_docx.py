"""Benchmark: load_plan on Word plans (prose outline and task table) vs a bare python-docx parse of the same file.

Run: .venv/bin/python bench/bench_docx.py [items ...]   (default 50 500 2000)
Times are the best of three runs in this process; the ratio is planviz's time over the bare parse.
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import docx  # noqa: E402

import docs  # noqa: E402 - importable once tests/ is on sys.path (above)
from planviz.reading import load_plan  # noqa: E402

MONTHS = ("3月底前", "每月", "第二季度", "6月30日前", "全年", "七一前", "11月底前", "每季度")


def prose_plan(n: int) -> bytes:
    lines = ["青禾市某某党支部2026年度党建工作计划", "一、指导思想", "坚持以党的政治建设为统领。", "二、重点任务"]
    for k in range(n):
        if k % 10 == 0:
            lines.append(f"（{k // 10 + 1}）第{k // 10 + 1}项重点工作")
        lines.append(f"{k % 10 + 1}. 开展第{k}项学习教育活动，组织党员集中研讨，由组织委员李娜负责，"
                     f"于{MONTHS[k % len(MONTHS)]}完成。")
    return docs.prose(lines)


def table_plan(n: int) -> bytes:
    document = docx.Document()
    document.add_paragraph("青禾市某某党委2026年党建工作任务分解表")
    rows = [["序号", "类别", "工作任务", "责任部门", "完成时限"]]
    rows += [[str(k + 1), f"类别{k // 20}" if k % 20 == 0 else "", f"第{k}项工作任务", "机关党委",
              MONTHS[k % len(MONTHS)]] for k in range(n)]
    merges = tuple((1 + k, 1, min(k + 20, n), 1) for k in range(0, n, 20) if min(k + 20, n) > 1 + k)
    docs.add_table(document, rows, merges)
    return docs.save(document)


def best(func, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times)


def main(sizes: list[int]) -> None:
    print(f"{'文档':<6}{'条目':>7}{'大小KB':>9}{'python-docx s':>15}{'load_plan s':>13}{'倍数':>7}{'读出条目':>9}")
    for n in sizes:
        for kind, build in (("正文", prose_plan), ("表格", table_plan)):
            data = build(n)
            bare = best(lambda: docx.Document(io.BytesIO(data)))
            items = []
            ours = best(lambda: items.append(len(load_plan(data, "计划.docx").items)))
            print(f"{kind:<6}{n:>7}{len(data) / 1024:>9.0f}{bare:>15.3f}{ours:>13.3f}{ours / bare:>7.1f}{items[-1]:>9}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 500, 2000])
