"""The meeting deck: native shapes and charts that fit, checked by converting it in real LibreOffice."""
from __future__ import annotations

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
from planviz.deck import build_deck, deck_bytes, default_edition
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
