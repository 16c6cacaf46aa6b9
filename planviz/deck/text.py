"""Text that fits: slide text measured in the real CJK face (brief.layout's Pillow fonts), wrapped or cut to its box."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pptx.oxml.ns import qn
from pptx.util import Emu

from .. import theme
from ..brief.layout import clean, font

# Named in every run: the face we measure with, and the east-asian face Windows, Office and WPS have.
# A run names one east-asian face only: 微软雅黑, which every Windows (PowerPoint, WPS) has; where it is
# missing (Linux) LibreOffice falls back to the installed CJK face, Noto Sans CJK SC, the one measured here.
# 思源黑体 (Source Han Sans SC) is that same design under Adobe's name, with the same metrics.
LATIN_FONT = theme.FONT_FAMILY  # Noto Sans CJK SC: Latin letters and digits, as measured
EA_FONT = "微软雅黑"
LANG = "zh-CN"
PX_PER_PT = 4  # measure at 4 px a point: Pillow's hinting at 12 px would round widths
# Room left on every line for office suites whose font is a little wider than the one measured here.
SLACK = 0.94
MIN_SIZE = 12  # pt: the smallest text on a slide, readable from the back of a meeting room


def emu(points: float) -> Emu:
    """A length in points as EMU."""
    return Emu(round(points * 12700))


def face_of(bold: bool) -> str:
    """brief.layout's face name for regular or bold text."""
    return "bold" if bold else "sans"


@lru_cache(maxsize=64)
def line_height(size: float) -> float:
    """Points one single-spaced line takes: the face's ascent + descent (LibreOffice's 100% spacing)."""
    ascent, descent = font("sans", round(size * PX_PER_PT)).getmetrics()
    return (ascent + descent) / PX_PER_PT


# LibreOffice and WPS put about a quarter em between Chinese and Latin letters or digits (“2026 年”).
AUTOSPACE = 0.25


def _is_western(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_asian(ch: str) -> bool:
    return theme.char_width(ch) == 2 and ch.isalnum()  # ideographs, not marks


def measurer(face: str, px: int):
    """A width function in pixels for ``face`` at ``px``, counting the spacing office suites add."""
    length = font(face, px).getlength

    def measure(text: str) -> float:
        gaps = sum(1 for a, b in zip(text, text[1:])
                   if (_is_western(a) and _is_asian(b)) or (_is_asian(a) and _is_western(b)))
        return length(text) + gaps * AUTOSPACE * px

    return measure


def width_of(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` on one line, as an office suite sets it."""
    px = round(size * PX_PER_PT)
    return measurer(face_of(bold), px)(text) / PX_PER_PT


@lru_cache(maxsize=8192)  # structure and timeline pages measure the same titles more than once
def _wrap(text: str, face: str, px: int, width: int, max_lines: int | None) -> tuple[str, ...]:
    return tuple(theme.wrap_measured(text, width, measurer(face, px), max_lines))


@dataclass(frozen=True)
class Fitted:
    """Text laid out for a box: its lines, and whether anything had to be cut."""

    lines: tuple[str, ...]
    size: float
    bold: bool
    shortened: bool

    @property
    def height(self) -> float:
        """Points the lines take."""
        return len(self.lines) * line_height(self.size)


def fit_text(text: str, width: float, height: float, size: float, bold: bool = False,
             max_lines: int | None = None, min_size: float | None = None) -> Fitted:
    """``text`` wrapped to ``width`` × ``height`` points; the type steps down to ``min_size`` before
    lines are cut (the last kept line ends in …)."""
    face = face_of(bold)
    text = clean(text, face)
    size_now = size
    min_size = max(MIN_SIZE, min_size) if min_size else size
    while True:
        rows = int(height // line_height(size_now))
        if rows < 1 and size_now > min_size:  # not even one line: smaller type first
            size_now = max(min_size, size_now - 1)
            continue
        rows = max(1, min(rows, max_lines) if max_lines else rows)
        room = round(width * SLACK * PX_PER_PT)
        px = round(size_now * PX_PER_PT)
        full = _wrap(text, face, px, room, None)
        if len(full) <= rows or size_now <= min_size:
            lines = _wrap(text, face, px, room, rows)
            return Fitted(tuple(lines), size_now, bold, len(full) > rows)
        size_now = max(min_size, size_now - 1)


def name_fonts(rPr) -> None:
    """Latin, east-asian and complex-script typefaces and the language on run properties ``rPr``."""
    rPr.set("lang", LANG)
    rPr.set("altLang", "en-US")
    latin = rPr.get_or_add_latin()
    latin.set("typeface", LATIN_FONT)
    for tag in ("a:cs", "a:ea"):  # schema order: latin, ea, cs
        old = rPr.find(qn(tag))
        if old is not None:
            rPr.remove(old)
        latin.addnext(rPr.makeelement(qn(tag), {"typeface": EA_FONT if tag == "a:ea" else LATIN_FONT}))


def name_theme_fonts(prs) -> None:
    """The theme's heading and body fonts: text a user adds to the deck gets the same faces."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    for scheme in root.iter(qn("a:majorFont"), qn("a:minorFont")):
        scheme.find(qn("a:latin")).set("typeface", LATIN_FONT)
        scheme.find(qn("a:ea")).set("typeface", EA_FONT)
        for script in scheme.iter(qn("a:font")):
            if script.get("script") == "Hans":
                script.set("typeface", EA_FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rgb_color(color: str):
    """``#RRGGBB`` as python-pptx's RGBColor."""
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(color.lstrip("#").upper())
