"""The corpus of real-layout plans: every work row read right, every column's role, nothing silently lost."""
from __future__ import annotations

import pytest

from planviz.reading import load_plan
from planviz.reading.cells import (id_numbering, normalize_status, numbering, one_line, parse_progress,
                                   split_people, text)
from planviz.vocab import PEOPLE_SPLIT
from planviz.reading.roles import MARKS
from corpus import CASES, Y, d


def _plan(case):
    return load_plan(case.data(), case.name, year=Y)


def _row(item) -> tuple:
    return (item.title, item.section, item.owner_text, item.department_text, item.start, item.end)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_work_row_reads_right(case):
    plan = _plan(case)
    work = [i for i in plan.items if i.level != "section"]
    want = [(t, s, o, dep, d(a), d(b)) for t, s, o, dep, a, b in case.expect]
    assert [_row(i) for i in work] == want


@pytest.mark.parametrize("case", [c for c in CASES if c.roles], ids=[c.name for c in CASES if c.roles])
def test_column_roles(case):
    plan = _plan(case)
    got = {c.header: c.role for c in plan.columns}
    assert {h: got.get(h, "（无此列）") for h in case.roles} == case.roles
    assert all(0 < c.confidence <= 1 for c in plan.columns)


def _haystack(plan) -> str:
    parts = []
    for item in plan.items:
        parts += [item.id, item.title, item.section, item.notes, item.goal, item.deliverable, item.criteria,
                  item.deadline_text, item.detail, item.status or "", *item.owners, *item.departments]
        parts += [f"{k}{v}" for k, v in item.extra]
        parts += [x.isoformat() for x in (item.start, item.end) if x]
    return "\n".join(parts)


def _kept(value: str, items, haystack: str) -> bool:
    """A cell's words are somewhere in the plan: as written, without its outline number, name by name."""
    if value in MARKS or one_line(value) in haystack or numbering(one_line(value))[2] in haystack:
        return True
    if id_numbering(value)[0] is not None and len(value) <= 4:
        return True  # an outline number (序号): it gave the item its place in the tree
    names = [n for part in PEOPLE_SPLIT.split(value) if part for n in split_people(part)[0]]
    if names and all(n in haystack for n in names):
        return True
    progress, ok = parse_progress(value)
    if ok and progress is not None and any(i.progress == progress for i in items):
        return True
    status, ok = normalize_status(value)
    return ok and any(i.status == status for i in items)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_nothing_in_a_work_row_is_lost(case):
    plan = _plan(case)
    haystack = _haystack(plan)
    work_rows = {(i.source.sheet, i.source.row) for i in plan.items if i.level != "section" and i.source}
    sheets = {s.name: s for s in case.sheets}
    lost = []
    for sheet_name, row in sorted(work_rows):
        sheet = sheets.get(sheet_name) or case.sheets[0]
        cells = sheet.rows[row - 1]
        if case.csv and len(cells) == 1:
            cells = str(cells[0]).split(";")
        for value in cells:
            t = text(value)
            if t and not _kept(t, plan.items, haystack):
                lost.append((row, t))
    assert lost == []


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
