"""One-page brief (一页纸简报): a plan on one A4 page (300 dpi PNG, vector PDF) or a 16:9 slide.

The page is first composed as a frozen layout model (blocks of text lines and shapes with
their boxes), then painted: by Pillow into a PNG, by fpdf2 into a PDF with real text. Tests
assert on the model; PNG and PDF never diverge. Numbers come from planviz.stats, colours
from planviz.theme, as in the plotly figures. Two editions: the year's plan and a progress report.
"""
from ..vocab import ELEMENTS
from .base import FORMATS, GROUP_BYS, STYLES
from .page import Brief, brief_pdf, brief_png, compose_brief, logo_bytes
from .pdf import prepare_fonts

__all__ = ["Brief", "compose_brief", "brief_png", "brief_pdf", "logo_bytes", "FORMATS",
           "STYLES", "GROUP_BYS", "ELEMENTS", "prepare_fonts"]
