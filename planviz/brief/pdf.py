"""The brief's vector PDF: the same frozen layout model painted with fpdf2, CJK faces embedded as subsets."""
from __future__ import annotations

import io
import threading
from functools import lru_cache

from fpdf import FPDF
from PIL import ImageFont

from .. import theme
from .layout import FACES, Picture, Shape, Text, _face_source, font

# fpdf2 keeps per-document state in module-level caches of fontTools objects; one document at a time.
_LOCK = threading.Lock()


@lru_cache(maxsize=4096)
def _baseline(text: str, face: str, size: int, anchor: str) -> tuple[float, float]:
    """Offset from a Pillow anchor point to the left end of the baseline (where PDF text starts)."""
    f: ImageFont.FreeTypeFont = font(face, size)
    ax, ay, _, _ = f.getbbox(text, anchor=anchor)
    bx, by, _, _ = f.getbbox(text, anchor="ls")
    return ax - bx, ay - by


def _rgb(color: str | None) -> tuple[int, int, int]:
    return theme.rgb(color or "#000000")


def page_pdf(page) -> bytes:
    """One PDF page of ``page`` (a brief.page.Brief): A4 at 300 dpi is 595×842 pt, the slide 96 dpi."""
    k = 72 / page.dpi  # points per pixel
    w, h = page.size
    with _LOCK:
        pdf = FPDF(unit="pt", format=(w * k, h * k))
        pdf.set_auto_page_break(False)
        pdf.set_margin(0)
        pdf.set_title(page.title)
        pdf.set_producer("planviz")
        pdf.set_creator("planviz")
        for face in FACES:
            path, index = _face_source(face)
            pdf.add_font(face, fname=path, collection_font_number=index)
        pdf.add_page()
        pdf.set_fill_color(*_rgb(page.background))
        pdf.rect(0, 0, w * k, h * k, style="F")
        for block in page.blocks:
            for mark in block.marks:
                if isinstance(mark, Shape):
                    _shape(pdf, mark, k)
                elif isinstance(mark, Picture):
                    x0, y0, x1, y1 = mark.box
                    pdf.image(io.BytesIO(mark.data), x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k,
                              keep_aspect_ratio=True)
            for mark in block.texts:
                _text(pdf, mark, k)
        return bytes(pdf.output())


def _text(pdf: FPDF, t: Text, k: float) -> None:
    if not t.text:
        return
    dx, dy = _baseline(t.text, t.face, t.size, t.anchor)
    pdf.set_font(t.face, size=t.size * k)
    pdf.set_text_color(*_rgb(t.color))
    pdf.text((t.xy[0] + dx) * k, (t.xy[1] + dy) * k, t.text)


def _shape(pdf: FPDF, s: Shape, k: float) -> None:
    style = ("F" if s.fill else "") + ("D" if s.outline else "")
    if not style:
        return
    if s.fill:
        pdf.set_fill_color(*_rgb(s.fill))
    if s.outline:
        pdf.set_draw_color(*_rgb(s.outline))
        pdf.set_line_width(max(s.width, 1) * k)
    pts = [(x * k, y * k) for x, y in s.points]
    if s.kind == "rect":
        (x0, y0), (x1, y1) = pts
        r = min(s.radius * k, (x1 - x0) / 2, (y1 - y0) / 2)
        if r > 0:
            pdf.rect(x0, y0, x1 - x0, y1 - y0, style=style, round_corners=True, corner_radius=r)
        else:
            pdf.rect(x0, y0, x1 - x0, y1 - y0, style=style)
    elif s.kind == "ellipse":
        (x0, y0), (x1, y1) = pts
        pdf.ellipse(x0, y0, x1 - x0, y1 - y0, style=style)
    elif s.kind == "polygon":
        pdf.polygon(pts, style=style)
    elif s.kind == "line":
        pdf.set_line_width(max(s.width, 1) * k)
        pdf.polyline(pts, style="D")
