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
from planviz.model import DEFAULT_DIMENSIONS, Item, Plan

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
def test_layout_holds_title_theme_and_highlight_projects(sample, sample_a4):
    header = _joined(sample_a4.block("header"))
    assert sample.organization in header and "2026年度党建工作计划" in header
    assert sample.theme.replace(" ", "") in header.replace(" ", "")
    cards = sample_a4.block("highlights")
    assert cards.shown == tuple(p.title for p in sample.highlights())
    for project in sample.highlights():
        assert project.title in _joined(cards)
    for element in brief.ELEMENTS:
        assert _joined(cards).count(element) >= len(sample.highlights())


def test_sample_lists_every_project_in_structure_and_timeline(sample, sample_a4):
    for kind in ("structure", "timeline"):
        block = sample_a4.block(kind)
        assert block.hidden == 0
        assert sorted(block.shown) == sorted(p.title for p in sample.projects)


def test_radar_and_key_figures_use_the_shared_numbers(sample, sample_a4):
    from planviz.charts.radar import radar_values

    radar = [t.text for t in sample_a4.block("radar").texts]
    for dim, value in radar_values(sample, "projects").items():
        assert dim in radar and f"{value:.0f} 个项目" in radar
    figures = [t.text for t in sample_a4.block("figures").texts]
    assert str(len(sample.projects)) in figures and str(len(sample.tasks)) in figures
    assert str(round(sample.overall_progress() * 100)) in figures


@pytest.mark.parametrize("fmt", brief.FORMATS)
def test_overflow_is_summarized_and_counts_add_up(big, fmt):
    page = brief.compose_brief(big, fmt=fmt, today=TODAY)
    for kind in ("structure", "timeline"):
        block = page.block(kind)
        assert block.hidden > 0
        assert len(block.shown) + block.hidden == len(big.projects)
        assert len(set(block.shown)) == len(block.shown)
    told = sum(int(n) for n in re.findall(r"另有 (\d+) 项", _joined(page.block("structure"))))
    assert told == page.block("structure").hidden
    cards = page.block("highlights")
    assert len(cards.shown) + cards.hidden == len(big.highlights()) == 5
    assert f"另有 {cards.hidden} 个亮点项目" in _joined(cards)
    assert "未列出的条目见计划表" in _joined(page.block("footer"))


@pytest.mark.parametrize("n_items", [5, 60, 300])
@pytest.mark.parametrize("fmt", brief.FORMATS)
def test_text_is_large_enough_inside_the_page_and_never_overlaps(n_items, fmt, sample):
    plan = sample if n_items == 60 else make_plan(n_items, highlights=1 if n_items == 5 else 5)
    page = brief.compose_brief(plan, fmt=fmt, today=TODAY)
    minimum = 38 if fmt == "a4" else 20  # A4: 9 pt at 300 dpi
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
    assert "尚未标注亮点项目" in _joined(page.block("highlights"))
    assert page.block("structure").shown == ()
    assert page.render().size == (2480, 3508)


def test_a_small_plan_gets_the_plan_check_in_the_room_it_leaves():
    small = brief.compose_brief(make_plan(8, highlights=0), today=TODAY)
    checks = small.block("checks")
    assert checks is not None
    text = _joined(checks)
    assert "计划体检" in text and "六度覆盖" in text and "建议确定 1–2 个特色项目" in text
    assert checks.box[3] <= small.block("footer").box[1]
    assert brief.compose_brief(make_plan(300), today=TODAY).block("checks") is None  # no room on a full page


def test_work_outside_the_plan_year_is_named_at_the_edge_clear_of_the_today_line():
    plan = Plan(year=YEAR, items=(
        Item("P1", "召开组织生活会", dimension="精度", start=date(YEAR + 1, 1, 1), end=date(YEAR + 1, 1, 31)),
        Item("P2", "上年度总结", dimension="高度", end=date(YEAR - 1, 12, 31))))
    block = brief.compose_brief(plan, today=TODAY).block("timeline")
    texts = {t.text: t for t in block.texts}
    assert "次年1月 →" in texts and "← 2025年12月" in texts
    grid_right = block.box[2]
    today_x = block.box[0] + (grid_right - block.box[0]) * (TODAY - date(YEAR, 1, 1)).days / 365
    assert texts["次年1月 →"].bbox()[2] < today_x  # the words end before the today line


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
    code = brief.write_briefs(files, out, fmt="a4")
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
    assert main(["brief", files[0], "-o", str(tmp_path / "a.pdf")]) == 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert main(["brief", files[1], "-o", str(tmp_path / "b.png")]) == 1
    assert "坏文件.xlsx" in capsys.readouterr().err
    assert not (tmp_path / "b.png").exists()


def test_cli_rejects_a_single_output_file_for_many_plans(tmp_path, capsys):
    files = _write_plans(tmp_path)
    assert brief.write_briefs([files[0], files[2]], tmp_path / "x.png") == 2
    assert "须为文件夹" in capsys.readouterr().err
    assert brief.write_briefs([files[0]], tmp_path / "x.docx") == 2


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
        page = brief.compose_brief(plan, fmt=fmt, today=TODAY)
        groups = [t.text for t in page.block("structure").texts if t.face == "bold"]
        assert all(d in groups for d in dimensions)
        assert len(page.block("structure").shown) + page.block("structure").hidden == len(plan.projects)
        if len(dimensions) < 3:
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
