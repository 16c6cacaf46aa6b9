"""The committee's summary page and the ZIP of every branch's brief."""
from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from datetime import date

import pytest
from PIL import Image

from conftest import build_plan, build_small_plan
from planviz.brief.bundle import NOTE_NAME, worker_count, write_bundle
from planviz.brief.committee import compose_summary
from planviz.brief.page import compose_brief
from planviz.committee import BranchPlan, committee_rows, sort_rows, summarize
from planviz.stats import percent

AS_OF = date(2026, 6, 30)


def branches(n: int = 4) -> list[BranchPlan]:
    out = [BranchPlan(f"第{k + 1}党支部", build_plan(20 + 10 * k), ("approved", "submitted", "returned")[k % 3], 1,
                      date(2026, 1, 10)) for k in range(n)]
    return out + [BranchPlan("离退休党支部", build_small_plan(), "draft", 1), BranchPlan("机关党支部")]


def _texts(block) -> str:
    return "".join(t.text for t in block.texts)


def test_summary_page_lists_every_branch_with_its_own_figures():
    bs = branches()
    page = compose_summary(bs, committee="青禾党委", year=2026, as_of=AS_OF, sort_by="progress", descending=True,
                           today=date(2026, 7, 1))
    assert [b.kind for b in page.blocks] == ["header", "figures", "table", "radars", "footer"]
    header = _texts(page.block("header"))
    assert "青禾党委" in header and "2026年度" in header and "2026年6月30日" in header
    rows = committee_rows(bs, AS_OF)
    table = page.block("table")
    assert table.shown == tuple(r.org for r in sort_rows(rows, "progress", True)) and table.hidden == 0
    lines = {}
    for t in table.texts:
        lines.setdefault(t.xy[1], []).append(t.text)
    for row in rows:
        cells = next(v for v in lines.values() if v[0] == row.org)
        assert row.state_name in cells
        if row.has_plan:
            assert f"{row.projects}/{row.tasks}" in cells and str(len(row.overdue)) in cells
            assert f"{len(row.covered)}/{len(row.dimensions)}" in cells
            assert any(c.startswith(percent(row.progress)) for c in cells)
    s = summarize(rows)
    figures = [t.text for t in page.block("figures").texts]
    for value in (s.branches, s.with_plan, s.states["approved"], s.states["submitted"], s.behind, s.overdue):
        assert str(value) in figures
    assert page.block("radars").shown == tuple(r.org for r in sort_rows(rows, "progress", True) if r.has_plan)
    assert "2026年7月1日" in _texts(page.block("footer"))


def test_many_branches_are_named_under_the_table_and_nothing_overlaps():
    bs = [BranchPlan(f"第{k + 1:03d}党支部", build_plan(20), "submitted", 1) for k in range(80)]
    page = compose_summary(bs, committee="青禾党委", year=2026, as_of=AS_OF)
    table, radars = page.block("table"), page.block("radars")
    assert 10 < len(table.shown) < 80 and table.hidden == 80 - len(table.shown)
    tail = _texts(table)
    assert f"另有 {table.hidden} 个组织" in tail and table.shown[-1] in tail
    assert f"共 {table.hidden} 个" in tail or bs[-1].org in tail
    assert len(radars.shown) == 12 and radars.hidden == 68
    ordered = [b for b in page.blocks]
    for upper, lower in zip(ordered, ordered[1:]):
        assert upper.box[3] <= lower.box[1], (upper.kind, lower.kind)
    width = page.size[0]
    for block in page.blocks:
        for t in block.texts:
            x0, _, x1, _ = t.bbox()
            assert 0 <= x0 and x1 <= width, t.text


def test_summary_png_and_pdf(tmp_path):
    page = compose_summary(branches(), committee="青禾党委", year=2026, as_of=AS_OF)
    image = page.render()
    assert image.size == (2480, 3508)
    colours = image.convert("RGB").resize((124, 175)).getcolors(maxcolors=100000)
    assert len(colours) > 50  # drawn, not blank
    png = page.png(image)
    assert Image.open(io.BytesIO(png)).size == (2480, 3508)
    assert page.pdf().startswith(b"%PDF")
    (tmp_path / "summary.png").write_bytes(png)


def test_zip_holds_every_brief_and_names_what_is_missing():
    bs = branches(2) + [BranchPlan("a/b:党支部", build_plan(12), "draft", 1)]
    calls = []
    buf = io.BytesIO()
    summary = compose_summary(bs, committee="青禾党委", year=2026, as_of=AS_OF)
    result = write_bundle(bs, buf, summary=summary, workers=0, progress=lambda *a: calls.append(a),
                          today=AS_OF)
    with_plan = [b.org for b in bs if b.plan is not None]
    assert result.written == tuple(with_plan)
    assert result.skipped == (("机关党支部", "尚未提交计划"),)
    assert [c[:2] for c in calls] == [(n, len(with_plan)) for n in range(1, len(with_plan) + 1)]
    assert [c[2] for c in calls] == with_plan
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        names = zf.namelist()
        assert {"汇总.png", "汇总.pdf", NOTE_NAME, "a_b_党支部.png", "a_b_党支部.pdf"} <= set(names)
        for org in with_plan[:-1]:
            assert f"{org}.png" in names and f"{org}.pdf" in names
            assert zf.read(f"{org}.pdf").startswith(b"%PDF")
        assert Image.open(io.BytesIO(zf.read("第1党支部.png"))).size == (2480, 3508)
        note = zf.read(NOTE_NAME).decode("utf-8")
        assert "机关党支部：尚未提交计划" in note
        # The brief in the ZIP is the branch's own brief.
        assert zf.read("第1党支部.png") == compose_brief(bs[0].plan, today=AS_OF).png()


def test_pool_gives_the_same_briefs_as_one_process(tmp_path):
    bs = [BranchPlan(f"支部{k}", build_plan(10 + k), "draft", 1) for k in range(3)]
    bs.append(BranchPlan("支部0", build_plan(14), "draft", 1))  # same name: unique file names
    a, b = tmp_path / "pool.zip", tmp_path / "inline.zip"
    seen = []
    pooled = write_bundle(bs, a, workers=2, progress=lambda d, t, o: seen.append(d), today=AS_OF, fmt="slide")
    inline = write_bundle(bs, b, workers=0, today=AS_OF, fmt="slide")
    assert pooled == inline and seen == [1, 2, 3, 4]
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert za.namelist() == zb.namelist()
        assert "支部0-2.png" in za.namelist()
        for name in za.namelist():
            if name.endswith(".png"):
                assert za.read(name) == zb.read(name), name
            else:  # a PDF carries the time it was written
                assert za.read(name).startswith(b"%PDF") and len(za.read(name)) == len(zb.read(name))


def test_a_brief_that_fails_is_reported_not_fatal():
    bad = BranchPlan("坏支部", build_plan(12), "draft", 1)
    result = write_bundle([bad], io.BytesIO(), workers=0, fmt="poster")
    assert result.written == () and result.skipped[0][0] == "坏支部" and "poster" in result.skipped[0][1]


@pytest.mark.parametrize("jobs", [1, 5, 500])
def test_worker_count_leaves_a_core_for_the_app(jobs):
    n = worker_count(jobs)
    assert 1 <= n <= max(1, jobs)


def test_workers_start_under_a_main_script_without_a_guard(tmp_path):
    """The app's __main__ is the page script: workers must not run it again (multiprocessing's spawn would)."""
    script = tmp_path / "page.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path[:0] = [{str(Path(__file__).parent)!r}, {str(Path(__file__).parents[1])!r}]
        from conftest import build_plan
        from planviz.brief.bundle import write_bundle
        from planviz.committee import BranchPlan
        print("page ran", file=sys.stderr)
        result = write_bundle([BranchPlan(f"支部{{k}}", build_plan(10), "draft") for k in range(2)],
                              {str(tmp_path / "out.zip")!r}, workers=2, fmt="slide")
        print(len(result.written))
    """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2" and done.stderr.count("page ran") == 1
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert sorted(zf.namelist()) == ["支部0.pdf", "支部0.png", "支部1.pdf", "支部1.png"]
