"""One-page brief: page sizes, layout model, overflow summaries, glyph coverage and the batch CLI."""
from __future__ import annotations

import dataclasses
import io
import random
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from planviz import brief
from planviz.brief import layout
from planviz.cli.plan import write_briefs
from planviz.model import DEFAULT_DIMENSIONS, Item, Plan
from planviz.stats import default_edition
from planviz.vocab import EDITIONS

YEAR = 2026
TODAY = date(2026, 11, 25)

_TOPICS = ("学习贯彻党的二十届四中全会精神", "“三会一课”规范化建设", "主题党日活动", "党员志愿服务",
           "青年理论学习小组", "党建品牌“红色引擎”创建", "党员示范岗评星", "谈心谈话全覆盖",
           "发展党员质量提升", "党费收缴和使用管理", "廉政风险点排查", "业务攻坚突击队",
           "Workshop on AI 赋能党建 digital-board 试点", "为民办实事清单", "困难党员走访慰问",
           "意识形态工作责任制落实")
_WHEN = (("全年", date(YEAR, 1, 1), date(YEAR, 12, 31), None), ("每月", date(YEAR, 1, 1), date(YEAR, 12, 31), "monthly"),
         ("3月底前", None, date(YEAR, 3, 31), None), ("第二季度", date(YEAR, 4, 1), date(YEAR, 6, 30), None),
         ("七一前", None, date(YEAR, 6, 30), None), ("9-11月", date(YEAR, 9, 1), date(YEAR, 11, 30), None),
         ("适时", None, None, None))


def make_plan(n_items: int, highlights: int = 2, progress: bool = True, seed: int = 7) -> Plan:
    """A plan of exactly ``n_items`` items (sections + projects + tasks) with realistic, varied fields."""
    rng = random.Random(seed)
    n_sections = max(1, min(6, n_items // 12))
    n_projects = max(1, min((n_items - n_sections) // 4 + 1, n_items - n_sections))
    n_tasks = n_items - n_sections - n_projects
    items: list[Item] = []
    sections = [Item(id=f"S{k}", title=f"{'一二三四五六'[k]}、{DEFAULT_DIMENSIONS[k]}建设", level="section",
                     section=f"{DEFAULT_DIMENSIONS[k]}建设") for k in range(n_sections)]
    projects = []
    for k in range(n_projects):
        sec = sections[k % n_sections]
        text, start, end, rec = _WHEN[k % len(_WHEN)]
        title = _TOPICS[k % len(_TOPICS)] + ("" if k < len(_TOPICS) else f"（第{k // len(_TOPICS) + 1}批）")
        p = rng.random() if progress else None
        projects.append(Item(
            id=f"P{k:03d}", title=title, level="project", parent=sec.id, section=sec.section,
            dimension=DEFAULT_DIMENSIONS[(k * 5) % 6] if k % 11 else None, owners=(f"张{'一二三四五'[k % 5]}", "李明"),
            departments=("党办",), start=start, end=end, recurrence=rec, deadline_text=text,
            goal="围绕中心工作，" + "把党建工作与业务深度融合，形成可复制可推广的经验做法" * (1 + k % 2),
            deliverable="工作台账、案例汇编" if k % 3 else "", criteria="党员参与率100%；群众满意度95%以上",
            progress=p, status=("已完成" if p and p > 0.9 else "进行中") if progress else None,
            highlight=k < highlights))
    for k in range(n_tasks):
        parent = projects[k % n_projects]
        text, start, end, rec = _WHEN[(k + 2) % len(_WHEN)]
        items_p = rng.random() if progress else None
        projects.append(Item(
            id=f"T{k:03d}", title=f"{parent.title[:8]}任务{k + 1}：制定方案并组织实施", level="task",
            parent=parent.id, section=parent.section, owners=("王芳",), start=start, end=end, recurrence=rec,
            deadline_text=text, progress=items_p, milestone=k % 7 == 0))
    items = sections + sorted(projects, key=lambda i: (i.parent or "", i.level != "project", i.id))
    return Plan(year=YEAR, organization="示例市税务局第二党支部", title="", theme="强基提质 融合赋能",
                slogan="红色引擎", items=tuple(items), source_name=f"plan_{n_items}.xlsx")


@pytest.fixture(scope="module")
def sample():
    from planviz.sample import sample_plan
    return sample_plan()


@pytest.fixture(scope="module")
def sample_a4(sample):
    return brief.compose_brief(sample, today=TODAY)


@pytest.fixture(scope="module")
def big():
    return make_plan(300, highlights=5)


def _joined(block) -> str:
    return "".join(t.text for t in block.texts)


# -- page sizes ----------------------------------------------------------------------------------
def test_a4_png_is_2480_by_3508_at_300_dpi_with_a_party_red_header(sample):
    img = Image.open(io.BytesIO(brief.brief_png(sample, today=TODAY)))
    assert img.size == (2480, 3508)
    assert tuple(round(v) for v in img.info["dpi"]) == (300, 300)
    assert img.convert("RGB").getpixel((20, 20)) == (0xC8, 0x10, 0x2E)
    small = img.convert("L").resize((124, 175))
    assert sum(small.histogram()[:200]) > 0.15 * 124 * 175  # a page of content, not blank


def test_slide_png_is_1920_by_1080(sample):
    img = Image.open(io.BytesIO(brief.brief_png(sample, fmt="slide", today=TODAY)))
    assert img.size == (1920, 1080)


def test_pdf_is_one_a4_page(sample_a4):
    data = sample_a4.pdf()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    width, height = (float(v) for v in re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data).groups())
    assert abs(width - 595) < 1 and abs(height - 842) < 1


def test_neutral_palette_changes_the_header_band(sample):
    page = brief.compose_brief(sample, today=TODAY, palette="neutral").render()
    assert page.getpixel((20, 20)) == (0x34, 0x49, 0x5E)


# -- layout model ---------------------------------------------------------------------------------
def _text(page, kind: str | None = None) -> str:
    blocks = [page.block(kind)] if kind else page.blocks
    return "".join(t.text for b in blocks for t in b.texts)


def test_layout_holds_title_theme_and_highlight_projects():
    plan = make_plan(12, highlights=2)
    page = brief.compose_brief(plan, today=TODAY)
    header = _joined(page.block("header"))
    assert plan.organization in header and "2026年度党建工作计划" in header
    assert plan.theme.replace(" ", "") in header.replace(" ", "")
    cards = page.block("highlights")
    assert cards.shown and cards.shown == tuple(p.title for p in plan.highlights())[:len(cards.shown)]
    assert len(cards.shown) + len(cards.named) == len(plan.highlights())  # the rest named under the cards
    for element in brief.ELEMENTS:
        assert _joined(cards).count(element) >= len(cards.shown)


def _work(plan):
    from planviz.stats import work_items
    return work_items(plan)


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_every_item_of_a_60_item_plan_is_listed_with_owner_and_timing(edition):
    from planviz.stats import short_title, timing_words

    plan = make_plan(60)
    page = brief.compose_brief(plan, edition=edition, as_of=date(2026, 9, 15))
    table = page.block("structure")
    assert table.hidden == 0 and table.named == ()
    listed = [i for i in plan.items if i.level != "section"]
    assert sorted(table.shown) == sorted(i.title for i in listed)
    lines = [t.text for t in table.texts]
    text = "".join(lines)
    for item in _work(plan):
        title = short_title(item)
        assert title.replace(" ", "") in text.replace(" ", "") or any(ln.endswith("…") and title.startswith(
            ln.rstrip("…").lstrip("★")) for ln in lines), title
        assert item.owners[0] in text
        assert timing_words(item, plan.year) in text


def test_a_plan_with_sections_is_grouped_by_them_and_rows_carry_dimension_chips():
    plan = make_plan(30)
    page = brief.compose_brief(plan, today=TODAY)
    bold = [t.text for t in page.block("structure").texts if t.face == "bold"]
    for section in plan.sections:
        assert section.title in bold
    assert set(plan.dimensions) & set(bold)  # chips
    by_dim = brief.compose_brief(plan, today=TODAY, group_by="dimension")
    heads = [t.text for t in by_dim.block("structure").texts if t.face == "bold"]
    assert not any(s.title in heads for s in plan.sections)
    assert "政治引领" in _joined(by_dim.block("structure"))


def test_legend_explains_every_dimension():
    from planviz.vocab import DIMENSION_MEANINGS

    text = _joined(brief.compose_brief(make_plan(30), today=TODAY).block("structure"))
    for dim, meaning in DIMENSION_MEANINGS.items():
        assert f"{dim} {meaning}" in text


@pytest.mark.parametrize("n_items", [5, 30, 60, 300])
@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_no_drafter_hint_no_zero_card_and_no_file_name(n_items, edition):
    plan = make_plan(n_items, highlights=0 if n_items == 5 else 2)
    page = brief.compose_brief(plan, edition=edition, as_of=date(2026, 9, 15))
    text = _text(page)
    for hint in ("建议", "尚未标注", "计划体检", "见计划表", "planviz", plan.source_name):
        assert hint not in text
    tiles = [t.text for t in (page.block("figures") or page.block("summary")).texts]
    assert not any(re.fullmatch(r"0\D*", t) for t in tiles)
    assert "计划版" in _joined(page.block("footer")) or "截至" in _joined(page.block("footer"))


def test_plan_edition_has_no_today_line_and_progress_edition_has_one():
    from planviz import theme

    plan = make_plan(30)
    for fmt in brief.FORMATS:
        plain = brief.compose_brief(plan, fmt=fmt, today=TODAY)
        lines = [m for m in plain.block("timeline").marks if getattr(m, "outline", None) == theme.TODAY_COLOR]
        assert lines == [] and "截至" not in _text(plain)
        report = brief.compose_brief(plan, fmt=fmt, edition="progress", as_of=date(2026, 9, 15))
        lines = [m for m in report.block("timeline").marks if getattr(m, "outline", None) == theme.TODAY_COLOR]
        assert lines and len({m.points[0][0] for m in lines}) == 1 and "截至 9月15日" in _text(report)
        assert theme.TODAY_COLOR not in {report.blocks[0].marks[0].fill, *theme.DIMENSION_COLORS.values()}


def test_plan_edition_counts_work_per_quarter_by_active_period():
    plan = Plan(year=YEAR, items=(Item("P1", "暑期实践", dimension="温度", start=date(YEAR, 6, 1),
                                       end=date(YEAR, 8, 31)),
                                  Item("P2", "三会一课", dimension="精度", start=date(YEAR, 1, 1),
                                       end=date(YEAR, 12, 31), recurrence="monthly", deadline_text="每月")))
    page = brief.compose_brief(plan, today=TODAY)
    quarters = page.block("quarters")
    text = _joined(quarters)
    assert "按进行时段计数" in text and "全年持续 1 项" in text
    counts = [t.text for t in quarters.texts if re.fullmatch(r"\d+ 项", t.text)]
    assert counts == ["1 项", "2 项", "2 项", "1 项"]
    assert "6—8月" in _joined(page.block("structure"))


@pytest.mark.parametrize("fmt", brief.FORMATS)
def test_overflow_names_what_it_folds(big, fmt):
    page = brief.compose_brief(big, fmt=fmt, today=TODAY)
    listed = [i for i in big.items if i.level != "section"]
    for kind in ("structure", "timeline"):
        block = page.block(kind)
        assert block.hidden > 0
        assert len(block.shown) + block.hidden == len(listed)
    table = page.block("structure")
    text = _joined(table)
    told = sum(int(n) for n in re.findall(r"另有 (\d+) 项", text))
    assert told == table.hidden == len(table.named)
    if fmt == "a4":  # on A4 every folded item is named
        for name in table.named:
            assert name[:4] in text


@pytest.mark.parametrize("n_items", [5, 60, 300])
@pytest.mark.parametrize("fmt", brief.FORMATS)
def test_text_is_large_enough_inside_the_page_and_never_overlaps(n_items, fmt, sample):
    plan = sample if n_items == 60 else make_plan(n_items, highlights=1 if n_items == 5 else 5)
    page = brief.compose_brief(plan, fmt=fmt, edition="progress", as_of=TODAY)
    minimum = brief.STYLES[fmt].fine  # A4: 7.2 pt at 300 dpi
    width, height = page.size
    boxes = []
    for block in page.blocks:
        bx0, by0, bx1, by1 = block.box
        for t in block.texts:
            assert t.size >= minimum, t
            x0, y0, x1, y1 = t.bbox()
            assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, t
            assert bx0 - 2 <= x0 and x1 <= bx1 + 2 and by0 - 2 <= y0 and y1 <= by1 + 2, (block.kind, t)
            if t.text.strip():
                boxes.append((x0, y0, x1, y1, t.text))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_blocks_do_not_overlap_each_other(big):
    for fmt in brief.FORMATS:
        page = brief.compose_brief(big, fmt=fmt, today=TODAY)
        content = [b for b in page.blocks if b.kind not in ("header", "timeline")]  # timeline shares the table's rows
        for i, a in enumerate(content):
            for b in content[i + 1:]:
                ax0, ay0, ax1, ay1 = a.box
                bx0, by0, bx1, by1 = b.box
                assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, (fmt, a.kind, b.kind)


def test_footer_reads_like_an_issued_document():
    plan = make_plan(12).replace(issuer="中共示例市税务局第二支部委员会", approved_on=date(2026, 1, 12),
                                 contact="王芳 0571-88886666")
    footer = _joined(brief.compose_brief(plan, today=TODAY).block("footer"))
    assert "印发单位：中共示例市税务局第二支部委员会" in footer and "2026年1月12日审议通过" in footer
    assert "联系人：王芳" in footer and "plan_12" not in footer
    bare = _joined(brief.compose_brief(make_plan(12), today=TODAY).block("footer"))
    assert "2026年11月25日" in bare


def test_short_titles_use_the_short_name_or_the_first_clause_and_never_cut_inside_a_name():
    from planviz.stats import short_title

    assert short_title(Item("a", "开展“不忘初心，牢记使命”主题教育，组织专题研讨")) == "开展“不忘初心，牢记使命”主题教育"
    assert short_title(Item("a", "很长的标题，后面还有", short_title="简称")) == "简称"
    title = "学习贯彻《中国共产党支部工作条例（试行）》精神并开展专题研讨和知识竞赛活动"
    for width in (300, 500, 700, 900):
        lines = layout.wrap_short(title, "sans", 38, width, 2)
        joined = "".join(lines)
        assert len(lines) <= 2
        if joined.endswith("…"):
            head = joined[:-1]
            assert head.count("《") == head.count("》")


def test_pdf_has_real_text_with_the_organization_sections_and_titles(tmp_path):
    import subprocess

    plan = make_plan(30)
    page = brief.compose_brief(plan, today=TODAY)
    data = page.pdf()
    assert len(data) < 500_000
    (tmp_path / "b.pdf").write_bytes(data)
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    assert plan.organization in flat
    for section in plan.sections:
        assert "".join(section.title.split()) in flat
    for line in page.block("structure").texts:
        assert "".join(line.text.split()) in flat, line.text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "b.pdf")], capture_output=True, text=True).stdout
    assert "+" in fonts and "yes yes" in fonts  # embedded as a subset


# -- glyphs ------------------------------------------------------------------------------------------
def _notdef_mask(face: str):
    """Pillow's mask for a code point no CJK font maps (U+10FFFD, private use): the .notdef box."""
    f = layout.font(face, 40)
    return bytes(f.getmask("\U0010FFFD")), f.getbbox("\U0010FFFD")


def _drawn_like_notdef(ch: str, face: str) -> bool:
    f = layout.font(face, 40)
    return (bytes(f.getmask(ch)), f.getbbox(ch)) == _notdef_mask(face)


def test_missing_glyph_checks_agree_on_known_characters():
    for face in layout.FACES:
        have = layout.coverage(face)
        for ch in "党建２０２６年“”（）·★—…％":
            assert ord(ch) in have and not _drawn_like_notdef(ch, face), (face, ch)
        for ch in "🔥\u0e01\U0001F600":
            assert ord(ch) not in have and _drawn_like_notdef(ch, face), (face, ch)


def test_every_drawn_character_is_in_its_font(sample):
    odd = sample.replace(title="🔥青禾医院ก党支部2026年度党建工作计划✅", slogan="红心护航🚑", theme="党建引领 ㉑ 强根基")
    items = list(odd.items)
    items[7] = dataclasses.replace(items[7], title="👍先锋岗 𠀀 建设")
    odd = odd.with_items(items)
    for fmt in brief.FORMATS:
        page = brief.compose_brief(odd, fmt=fmt, today=TODAY)
        chars = {(t.face, ch) for t in page.texts() for ch in t.text}
        for face, ch in chars:
            assert ord(ch) in layout.coverage(face), (face, ch)
            assert ch.isspace() or not _drawn_like_notdef(ch, face), (face, ch)
        assert "青禾医院党支部2026年度党建工作计划" in _joined(page.block("header"))


# -- logo, empty plans --------------------------------------------------------------------------------
def _png_bytes(color: str, size=(60, 60)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def test_logo_is_drawn_in_the_header(sample):
    page = brief.compose_brief(sample, today=TODAY, logo=_png_bytes("#00AA00"))
    pictures = [m for m in page.block("header").marks if isinstance(m, layout.Picture)]
    assert len(pictures) == 1
    x0, y0, x1, y1 = pictures[0].box
    assert page.render().getpixel(((x0 + x1) // 2, (y0 + y1) // 2)) == (0, 0xAA, 0)
    title = next(t for t in page.block("header").texts if t.face == "serif")
    assert title.xy[0] > x1  # the title moves right of the logo


def test_unreadable_logo_is_a_chinese_error(sample, tmp_path):
    from planviz.model import PlanError

    with pytest.raises(PlanError, match="标识图片"):
        brief.compose_brief(sample, logo=b"not an image")
    with pytest.raises(PlanError, match="无法读取标识图片"):
        brief.compose_brief(sample, logo=tmp_path / "missing.png")


def test_plan_without_highlights_or_items_still_makes_a_page():
    empty = Plan(year=YEAR, organization="某党支部")
    page = brief.compose_brief(empty, today=TODAY)
    assert page.block("highlights") is None
    assert page.block("structure").shown == ()
    assert page.render().size == (2480, 3508)


def test_a_small_plan_without_highlights_names_its_owners_in_the_room_left():
    small = brief.compose_brief(make_plan(8, highlights=0), today=TODAY)
    owners = small.block("owners")
    assert owners is not None and "责任分工" in _joined(owners) and "王芳" in _joined(owners)
    assert owners.box[3] <= small.block("footer").box[1]


def test_work_outside_the_plan_year_is_named_at_the_edge():
    plan = Plan(year=YEAR, items=(
        Item("P1", "召开组织生活会", dimension="精度", start=date(YEAR + 1, 1, 1), end=date(YEAR + 1, 1, 31)),
        Item("P2", "上年度总结", dimension="高度", end=date(YEAR - 1, 12, 31))))
    block = brief.compose_brief(plan, today=TODAY).block("timeline")
    texts = {t.text for t in block.texts}
    assert "次年1月 →" in texts and "← 2025年12月" in texts


def test_the_brief_needs_no_chart_module_and_no_plotly():
    import subprocess
    import sys

    code = "import sys, planviz.brief; print(any(m.startswith(('planviz.charts', 'plotly')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_default_edition_follows_the_plan_year():
    plan = make_plan(5)
    assert default_edition(plan, date(2025, 12, 20)) == "plan"
    assert default_edition(plan, date(2026, 3, 1)) == "progress"


# -- command line -----------------------------------------------------------------------------------
def _write_plans(tmp_path: Path) -> list[str]:
    from planviz.template import plan_to_xlsx

    good1, bad, good2 = tmp_path / "一支部.xlsx", tmp_path / "坏文件.xlsx", tmp_path / "二支部.xlsx"
    good1.write_bytes(plan_to_xlsx(make_plan(40)))
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    good2.write_bytes(plan_to_xlsx(make_plan(12, progress=False)))
    return [str(good1), str(bad), str(good2)]


def test_batch_continues_past_a_bad_file_and_fails_at_the_end(tmp_path, capsys):
    files = _write_plans(tmp_path)
    out = tmp_path / "简报"
    code = write_briefs(files, out, fmt="a4")
    err = capsys.readouterr().err
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["一支部.pdf", "一支部.png", "二支部.pdf", "二支部.png"]
    assert "坏文件.xlsx" in err and "未能生成简报" in err and "Traceback" not in err
    assert "2/3" in err or "3/3" in err  # the progress bar
    assert Image.open(out / "二支部.png").size == (2480, 3508)


def test_cli_single_file_to_png_and_pdf(tmp_path, capsys):
    from planviz.cli import main

    files = _write_plans(tmp_path)
    assert main(["brief", files[0], "-o", str(tmp_path / "a.png"), "--format", "slide"]) == 0
    assert Image.open(tmp_path / "a.png").size == (1920, 1080)
    assert "生成" in capsys.readouterr().err  # says which edition it chose
    assert main(["brief", files[0], "-o", str(tmp_path / "c.png"), "--edition", "progress", "--as-of", "2026-06-30",
                 "--group-by", "dimension"]) == 0
    assert main(["brief", files[0], "-o", str(tmp_path / "d.png"), "--as-of", "6月30日"]) == 2
    assert main(["brief", files[0], "-o", str(tmp_path / "a.pdf")]) == 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert main(["brief", files[1], "-o", str(tmp_path / "b.png")]) == 1
    assert "坏文件.xlsx" in capsys.readouterr().err
    assert not (tmp_path / "b.png").exists()


def test_cli_rejects_a_single_output_file_for_many_plans(tmp_path, capsys):
    files = _write_plans(tmp_path)
    assert write_briefs([files[0], files[2]], tmp_path / "x.png") == 2
    assert "须为文件夹" in capsys.readouterr().err
    assert write_briefs([files[0]], tmp_path / "x.docx") == 2


def test_cut_groups_keep_their_highlight_projects(big):
    page = brief.compose_brief(big, today=TODAY)
    assert {p.title for p in big.highlights()} <= set(page.block("structure").shown)


def test_briefs_composed_in_threads_match_sequential_ones(sample):
    import hashlib
    import threading

    plans = [sample, make_plan(30), make_plan(5, highlights=1), make_plan(120, highlights=3)]

    def digest(plan) -> str:
        return hashlib.md5(brief.compose_brief(plan, fmt="slide", today=TODAY).render().tobytes()).hexdigest()

    expected = [digest(p) for p in plans]
    got: dict[int, str] = {}
    threads = [threading.Thread(target=lambda k=k: got.__setitem__(k, digest(plans[k % 4]))) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[k] for k in range(8)] == [expected[k % 4] for k in range(8)]


@pytest.mark.parametrize("dimensions", [(), ("甲类",), ("政治", "业务", "服务", "品牌", "创新", "融合", "作风", "纪律")])
def test_any_number_of_dimensions(dimensions):
    plan = make_plan(30).replace(dimensions=dimensions)
    for fmt in brief.FORMATS:
        page = brief.compose_brief(plan, fmt=fmt, today=TODAY, group_by="dimension")
        groups = [t.text for t in page.block("structure").texts if t.face == "bold"]
        assert all(d in groups for d in dimensions if any(i.dimension == d for i in plan.items))
        listed = [i for i in plan.items if i.level != "section"]
        assert len(page.block("structure").shown) + page.block("structure").hidden == len(listed)
        if len(dimensions) < 3 and page.block("radar"):
            assert "无法绘制雷达图" in _joined(page.block("radar"))
        page.render()


# -- text helpers ----------------------------------------------------------------------------------
def test_wrap_keeps_latin_words_whole_and_punctuation_off_line_starts():
    text = "围绕 digital-board 建设，推进“党建+业务”融合，形成 Workshop 成果。" * 3
    for width in (300, 420, 700):
        lines = layout.wrap(text, "sans", 38, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(layout.text_width(ln, "sans", 38) <= width for ln in lines)
        assert not any(ln[0] in "，。、；：”）" for ln in lines)
        assert all(word in ln for word in ("digital-board",) for ln in lines if "digital" in ln)
    cut = layout.wrap(text, "sans", 38, 420, max_lines=2)
    assert len(cut) == 2 and cut[-1].endswith("…") and layout.text_width(cut[-1], "sans", 38) <= 420


def test_listing_names_whole_items_then_deng():
    names = ["搭建线上任务看板", "编印品牌案例集", "申报院级党建品牌"]
    text = layout.listing("逾期 3 项：", names, "sans", 38, layout.text_width("逾期 3 项：搭建线上任务看板、编印品牌案例集等", "sans", 38) + 2)
    assert text == "逾期 3 项：搭建线上任务看板、编印品牌案例集等"
    assert layout.listing("", names, "sans", 38, 5000) == "、".join(names)


def test_clean_drops_characters_the_font_cannot_draw():
    assert layout.clean("🔥 红心\u0e01护航 ✅", "sans") == "红心护航"
