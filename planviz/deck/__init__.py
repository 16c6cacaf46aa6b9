"""Meeting deck (会议幻灯片): an editable 16:9 PowerPoint of the plan, native shapes and charts (python-pptx).

The story follows the presentation mode: cover, structure, mind map (a graphviz picture), radar,
timeline, one slide per highlight project, progress (progress edition), closing. Every text is
measured in the real CJK face (brief.layout) and wrapped or shortened to its box; speaker notes
carry in full what a slide shortened.
"""
from __future__ import annotations

import io
from datetime import date

from pptx import Presentation

from .. import theme
from ..model import Plan
from ..stats import default_edition
from .base import H, W, Deck, check_edition, footers
from .focus import closing, cover, highlight_slide, mindmap_slide, progress_slide, radar_slide
from .structure import structure_slides
from .text import emu, name_theme_fonts
from .timeline import timeline_slides

MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def build_deck(plan: Plan, *, palette: str = "party", edition: str | None = None, as_of: date | None = None,
               mindmap: bool = True) -> Deck:
    """The deck of ``plan``: edition "plan" or "progress" (default: stats.default_edition)."""
    as_of = as_of or date.today()
    edition = check_edition(edition or default_edition(plan, as_of))
    prs = Presentation()
    prs.slide_width, prs.slide_height = emu(W), emu(H)
    name_theme_fonts(prs)
    deck = Deck(prs, plan, theme.palette(palette), edition, as_of)
    cover(deck)
    structure_slides(deck)
    if mindmap:
        mindmap_slide(deck)
    radar_slide(deck)
    timeline_slides(deck)
    for item in plan.highlights():
        highlight_slide(deck, item)
    if deck.progress:
        progress_slide(deck)
    closing(deck)
    footers(deck)
    return deck


def deck_bytes(plan: Plan, **options) -> bytes:
    """The deck as .pptx bytes (options as for :func:`build_deck`)."""
    out = io.BytesIO()
    build_deck(plan, **options).prs.save(out)
    return out.getvalue()


__all__ = ["build_deck", "deck_bytes", "MIME"]
