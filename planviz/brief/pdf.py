"""The brief's vector PDF: the same frozen layout model painted with fpdf2, CJK faces embedded as subsets."""
from __future__ import annotations

import io
import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from PIL import ImageFont

from .. import theme
from .layout import FACES, Picture, Shape, Text, _face_source, coverage, font

# fpdf2 keeps per-document state in module-level caches of fontTools objects; one document at a time.
_LOCK = threading.Lock()
_BUILD = threading.Lock()
# Marks and symbols the brief draws beyond ASCII and GB2312.
_EXTRA = "“”‘’…—–·•★☆◆◇●○■□▲△→←↑↓①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳％＋－×÷°℃№〇　"


@lru_cache(maxsize=1)
def _common() -> frozenset[int]:
    """Code points most Chinese text uses: ASCII, GB2312 (6,763 汉字 and its symbols) and the brief's marks."""
    points = set(range(0x20, 0x7F)) | {ord(c) for c in _EXTRA}
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes((hi, lo)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return frozenset(points)


def _common_path(face: str) -> Path:
    path, index = _face_source(face)
    stat = os.stat(path)
    name = f"{Path(path).stem}-{index}-{stat.st_size}-{int(stat.st_mtime)}.otf"  # a new font file, a new copy
    return Path(tempfile.gettempdir()) / "planviz-fonts" / name


def _build_common(face: str, target: Path) -> None:
    """Write the face's common copy (:func:`_common` only) to ``target``, atomically."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path, index = _face_source(face)
    target.parent.mkdir(parents=True, exist_ok=True)
    full = TTFont(path, fontNumber=index, lazy=True)
    options = subset.Options()
    options.layout_features = []  # the brief draws without shaping
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(_common() & coverage(face)))
    subsetter.subset(full)
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    full.save(part)
    os.replace(part, target)  # another process never reads half a file


_BUILDING: set[str] = set()


def _common_face(face: str) -> Path | None:
    """The face's common copy, or None while it is being built in the background (once per machine).

    fpdf2 reads and subsets the whole font for every document: with the full CJK face (65,000 glyphs)
    that takes seconds, with this copy (7,600 glyphs) a fraction of it. Building the copy takes
    half a minute of CPU, so the first documents embed from the full face meanwhile.
    """
    target = _common_path(face)
    if target.exists():
        return target
    with _BUILD:
        if face not in _BUILDING:
            _BUILDING.add(face)
            threading.Thread(target=_build_common, args=(face, target), daemon=True,
                             name=f"planviz-font-{face}").start()
    return None


def prepare_fonts() -> None:
    """Build every face's common copy now (a benchmark or a server's start-up), not in the background."""
    for face in FACES:
        target = _common_path(face)
        if not target.exists():
            _build_common(face, target)


def _font_source(face: str, used: set[str]) -> tuple[str, int]:
    """The file fpdf2 embeds the face from: the common copy when it has every character the page uses,
    else the full face (rare characters, e.g. in names, cost time but are never dropped)."""
    common = _common_face(face) if all(ord(ch) in _common() for ch in used) else None
    return (str(common), 0) if common else _face_source(face)


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
        used: dict[str, set[str]] = {face: set() for face in FACES}
        for t in (t for b in page.blocks for t in b.texts):
            used[t.face].update(t.text)
        for face in FACES:
            path, index = _font_source(face, used[face])
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
