"""One-page brief (一页纸简报): a plan on one A4 page (300 dpi PNG/PDF) or a 16:9 slide, drawn with Pillow.

The page is first composed as a frozen layout model (blocks of text lines and shapes with
their boxes), then painted. Tests assert on the model; painting needs no browser, so a
batch of briefs is fast. Radar and timeline use the same numbers (planviz.stats,
planviz.charts.radar) and colours (planviz.theme) as the plotly figures.
"""
from ..vocab import ELEMENTS
from .base import FORMATS, STYLES
from .batch import write_briefs
from .page import Brief, brief_pdf, brief_png, compose_brief

__all__ = ["Brief", "compose_brief", "brief_png", "brief_pdf", "write_briefs", "FORMATS", "STYLES", "ELEMENTS"]
