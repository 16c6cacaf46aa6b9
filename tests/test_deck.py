"""The meeting deck: native shapes and charts that fit, checked by converting it in real LibreOffice."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE

from planviz.cli import main
from planviz.deck import build_deck, deck_bytes
from planviz.stats import default_edition
from planviz.deck.text import EA_FONT, LATIN_FONT, MIN_SIZE
from planviz.vocab import ELEMENTS

AS_OF = date(2026, 6, 30)


def squash(text: str) -> str:
    """Text without white space: pdftotext puts spaces between CJK and digits."""
    return re.sub(r"\s+", "", text)


def convert(pptx: Path, out: Path) -> Path:
    """The deck converted to PDF by LibreOffice headless, in a profile of its own."""
    profile = out / "lo-profile"
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                           "--outdir", str(out), str(pptx)], capture_output=True, text=True, timeout=180)
    pdf = out / (pptx.stem + ".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stderr
    return pdf


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def all_shapes(slide):
    for shape in slide.shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from shape.shapes


@pytest.fixture(scope="module")
def big_plan():
    from conftest import build_plan

    return build_plan(300)


@pytest.fixture(scope="module", params=["sample", "300"])
def converted(request, tmp_path_factory, big_plan):
    """(plan, deck path, pdf path) for the sample plan and a 300-item plan, progress edition."""
    from planviz.sample import sample_plan

    plan = sample_plan() if request.param == "sample" else big_plan
    out = tmp_path_factory.mktemp(f"deck-{request.param}")
    path = out / "deck.pptx"
    path.write_bytes(deck_bytes(plan, as_of=AS_OF))
    assert shutil.which("soffice"), "LibreOffice is missing: bash run.sh test installs libreoffice-impress"
    return plan, path, convert(path, out)


def test_libreoffice_converts_every_slide_and_shows_the_plan(converted):
    plan, path, pdf = converted
    prs = Presentation(str(path))
    assert pdf_pages(pdf) == len(prs.slides)
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert squash(plan.organization) in text
    for section in plan.sections:
        assert squash(section.title) in text
    for item in plan.highlights():
        assert squash(item.title) in text


def test_no_shape_lies_outside_its_slide(converted):
    _, path, _ = converted
    prs = Presentation(str(path))
    for n, slide in enumerate(prs.slides, start=1):
        for shape in all_shapes(slide):
            assert shape.left >= 0 and shape.top >= 0, (n, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (n, shape.name)
            assert shape.top + shape.height <= prs.slide_height, (n, shape.name)


def test_shape_ids_are_unique_on_every_slide(converted):
    _, path, _ = converted
    for slide in Presentation(str(path)).slides:  # a repeated id makes PowerPoint offer to repair the file
        ids = [int(i) for i in slide.shapes._spTree.xpath("//p:cNvPr/@id")]
        assert len(ids) == len(set(ids))


def test_radar_is_a_native_chart_with_the_dimensions(converted):
    plan, path, _ = converted
    prs = Presentation(str(path))
    charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
    radars = [c for c in charts if c.chart_type == XL_CHART_TYPE.RADAR_MARKERS]
    assert len(radars) == 1
    from planviz.charts.radar import radar_values

    assert list(radars[0].plots[0].categories) == list(plan.dimensions)
    assert list(radars[0].plots[0].series[0].values) == list(radar_values(plan, "projects").values())


def test_text_is_named_in_cjk_fonts_and_readable(converted):
    _, path, _ = converted
    prs = Presentation(str(path))
    runs = [r for slide in prs.slides for s in slide.shapes if s.has_text_frame
            for p in s.text_frame.paragraphs for r in p.runs if r.text.strip()]
    assert runs
    for run in runs:
        rPr = run._r.rPr
        assert rPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ea").get("typeface") == EA_FONT
        assert run.font.name == LATIN_FONT
        assert run.font.size.pt >= MIN_SIZE, run.text


def test_pdf_words_stay_on_their_page_and_text_is_set_in_noto_cjk(converted):
    _, _, pdf = converted
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJK" in fonts  # the face the deck was measured with, not a box-drawing fallback
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page[0]), float(page[1])
        for x0, y0, x1, y1 in re.findall(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"',
                                         page[2]):
            assert 0 <= float(x0) and float(x1) <= width + 0.5 and 0 <= float(y0) and float(y1) <= height + 0.5


# -- the deck's own model: no LibreOffice needed ------------------------------------------------------------
@pytest.fixture(scope="module")
def sample():
    from planviz.sample import sample_plan

    return sample_plan()


def texts_of(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def test_every_text_fits_its_box_as_measured_in_the_real_font(big_plan):
    from planviz.deck.text import SLACK, line_height, width_of

    prs = build_deck(big_plan, as_of=AS_OF).prs
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            (para,) = shape.text_frame.paragraphs  # lines are breaks inside one paragraph
            size = para.runs[0].font.size.pt
            bold = bool(para.runs[0].font.bold)
            lines = shape.text_frame.text.split("\v")
            assert len(lines) * line_height(size) <= shape.height / 12700 + 0.01, shape.text_frame.text
            inner = shape.width / 12700
            assert all(width_of(line, size, bold) <= inner * SLACK + 0.5 for line in lines), lines


def test_shortened_titles_are_in_the_notes_in_full_with_their_owners(big_plan):
    prs = build_deck(big_plan, as_of=AS_OF).prs
    checked = 0
    by_id = big_plan.by_id()
    for slide in prs.slides:
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        for shape in slide.shapes:
            if shape.name.startswith("项目：") and shape.text_frame.text.endswith("…"):
                item = by_id[shape.name.removeprefix("项目：")]
                assert item.title in notes and item.owner_text in notes
                checked += 1
    assert checked  # the 300-item plan's long titles are cut on the timeline rows


def test_editions_by_date_and_what_each_shows(sample):
    assert default_edition(sample, date(sample.year - 1, 12, 20)) == "plan"
    assert default_edition(sample, date(sample.year, 1, 1)) == "progress"
    plan_deck = build_deck(sample, as_of=date(sample.year - 1, 12, 20), mindmap=False)
    progress_deck = build_deck(sample, as_of=AS_OF, mindmap=False)
    assert "进度总览" not in plan_deck.titles and "进度总览" in progress_deck.titles
    assert plan_deck.titles[-1] == "结束页" and plan_deck.titles[0] == "封面"
    for deck, has_today in ((plan_deck, False), (progress_deck, True)):
        names = {s.name for slide in deck.prs.slides for s in slide.shapes}
        assert ("今天" in names) == has_today
        cover = " ".join(texts_of(deck.prs.slides[0]))
        assert ("进度版" in cover) == has_today and ("计划版" in cover) != has_today
    charts = [s.chart.chart_type for slide in progress_deck.prs.slides for s in slide.shapes if s.has_chart]
    assert XL_CHART_TYPE.DOUGHNUT in charts and XL_CHART_TYPE.BAR_CLUSTERED in charts


def test_one_slide_per_highlight_with_its_five_elements(sample):
    deck = build_deck(sample, as_of=AS_OF, mindmap=False)
    for item in sample.highlights():
        slide = deck.prs.slides[deck.titles.index(f"★ {item.title}")]
        body = "".join(texts_of(slide))
        for element in ELEMENTS:
            assert element in body
        assert item.owner_text in body


def test_timeline_marks_are_native_shapes_and_split_over_slides(big_plan):
    deck = build_deck(big_plan, as_of=AS_OF, mindmap=False)
    slides = [s for s, t in zip(deck.prs.slides, deck.titles) if t == "全年时间轴"]
    assert len(slides) > 1
    names = [s.name for slide in slides for s in slide.shapes]
    for mark in ("时间段", "截止", "周期刻度", "月份线", "今天"):
        assert mark in names
    rows = [s.text_frame.text for slide in slides for s in slide.shapes if s.name.startswith("项目：")]
    assert len(rows) == len(big_plan.projects)  # every project has its row, none folded away


def test_structure_lists_every_project_as_a_shape(big_plan):
    deck = build_deck(big_plan, as_of=AS_OF, mindmap=False)
    slides = [s for s, t in zip(deck.prs.slides, deck.titles) if t == "计划结构"]
    ids = {s.name.removeprefix("项目：") for slide in slides for s in slide.shapes if s.name.startswith("项目：")}
    assert ids == {p.id for p in big_plan.projects}


def test_neutral_palette_changes_the_accent(sample):
    from planviz import theme

    def fills(palette):
        xml = "".join(slide.shapes._spTree.xml for slide in build_deck(sample, palette=palette, as_of=AS_OF,
                                                                       mindmap=False).prs.slides)
        return xml

    assert theme.palette("party").primary.lstrip("#") in fills("party")
    assert theme.palette("party").primary.lstrip("#") not in fills("neutral").replace(
        theme.dimension_color("高度").lstrip("#"), "")


def test_cli_writes_the_deck_and_names_its_edition(tmp_path, capsys):
    out = tmp_path / "会议.pptx"
    sample_file = Path(__file__).resolve().parent.parent / "data" / "sample_plan.xlsx"
    assert main(["deck", str(sample_file), "-o", str(out), "--edition", "plan", "--palette", "neutral"]) == 0
    assert "计划版" in capsys.readouterr().out
    assert len(Presentation(str(out)).slides) >= 8
    assert main(["deck", str(sample_file), "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["deck", str(sample_file), "-o", str(out), "--as-of", "2026-13-01"]) == 2
    assert "日期" in capsys.readouterr().err


def test_pages_offer_the_deck_download(monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    seen = {}
    real = st.download_button

    def record(label, data, file_name=None, mime=None, key=None, *args, **kwargs):
        seen[key] = (label, data, file_name, mime)
        return real(label, data, file_name, mime, key, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", record)
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/present.py").run()
    assert not at.exception, [e.value for e in at.exception]
    for key in ("ov_pptx", "pr_pptx"):
        label, data, file_name, mime = seen[key]
        assert callable(data) and file_name.endswith(".pptx") and mime.endswith("presentationml.presentation")
        prs = Presentation(io.BytesIO(data()))
        assert len(prs.slides) >= 8


def test_libreoffice_sets_every_word_inside_its_own_box(converted):
    """The real client's layout: each word LibreOffice drew lies inside a text box or chart of its slide,
    so no text spilled out of its box (a wider rendering would wrap to an extra line below it)."""
    _, path, pdf = converted
    prs = Presentation(str(path))
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    assert len(pages) == len(prs.slides)
    for slide, (width, _, words) in zip(prs.slides, pages):
        scale = float(width) / (prs.slide_width / 12700)  # PDF points per slide point (1.0 here)
        boxes = [(s.left / 12700, s.top / 12700, (s.left + s.width) / 12700, (s.top + s.height) / 12700)
                 for s in slide.shapes if s.has_chart or (s.has_text_frame and s.text_frame.text.strip())]
        for x0, y0, x1, y1, word in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', words):
            x0, y0, x1, y1 = (float(v) / scale for v in (x0, y0, x1, y1))
            assert any(bx0 - 1.5 <= x0 and x1 <= bx1 + 1.5 and by0 - 1.5 <= y0 and y1 <= by1 + 1.5
                       for bx0, by0, bx1, by1 in boxes), (word, (x0, y0, x1, y1))
