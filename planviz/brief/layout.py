"""Page layout primitives for the brief: fonts, glyph coverage, pixel wrapping, marks and painting."""
from __future__ import annotations

import io
import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from .. import theme
from ..stats import quoted_spans

# Faces the brief draws with: fontconfig family and style, so every path comes from theme.font_file.
FACES: dict[str, tuple[str, str]] = {
    "sans": (theme.FONT_FAMILY, "Regular"),
    "bold": (theme.FONT_FAMILY, "Bold"),
    "serif": (theme.SERIF_FAMILY, "Bold"),
}
SMOOTH = 2  # supersampling factor for shapes of smooth blocks (Pillow draws shapes without anti-aliasing)


# -- fonts and glyph coverage ---------------------------------------------------------
@lru_cache(maxsize=8)
def _face_source(face: str) -> tuple[str, int]:
    """(font file, index of the Simplified Chinese face in it); index 0 of a .ttc is Japanese."""
    path = theme.font_file(*FACES[face])
    if not path.lower().endswith(".ttc"):
        return path, 0
    for index in range(8):
        try:
            name = ImageFont.truetype(path, 12, index=index).getname()[0]
        except OSError:
            break
        if name.endswith(" SC"):
            return path, index
    return path, theme.TTC_INDEX_SC


@lru_cache(maxsize=128)
def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    """The Simplified Chinese face ``face`` ("sans", "bold", "serif") at ``size`` pixels."""
    path, index = _face_source(face)
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.BASIC)


def _sfnt_tables(data: bytes, index: int) -> dict[bytes, tuple[int, int]]:
    """Table tag → (offset, length) of face ``index`` of a .ttc/.otf/.ttf file."""
    base = 0
    if data[:4] == b"ttcf":
        base = struct.unpack_from(">I", data, 12 + 4 * index)[0]
    count = struct.unpack_from(">H", data, base + 4)[0]
    tables = {}
    for n in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, base + 12 + 16 * n)
        tables[tag] = (offset, length)
    return tables


@lru_cache(maxsize=8)
def coverage(face: str) -> frozenset[int]:
    """Code points the face maps to a glyph, read from its cmap (format 12, else format 4)."""
    path, index = _face_source(face)
    with open(path, "rb") as fh:
        data = fh.read()
    cmap, _ = _sfnt_tables(data, index)[b"cmap"]
    subtables = {}
    for n in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * n)
        subtables[(platform, encoding)] = cmap + offset
    points: set[int] = set()
    for key in ((3, 10), (0, 4), (0, 6)):
        at = subtables.get(key)
        if at is not None and struct.unpack_from(">H", data, at)[0] == 12:
            groups = struct.unpack_from(">I", data, at + 12)[0]
            for g in range(groups):
                first, last, _ = struct.unpack_from(">III", data, at + 16 + 12 * g)
                points.update(range(first, last + 1))
            return frozenset(points)
    at = subtables.get((3, 1)) or subtables.get((0, 3))
    if at is None:
        raise RuntimeError(f"字体 {path} 缺少 Unicode 字符映射表")
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    for first, last in zip(starts, ends):
        points.update(range(first, min(last, 0xFFFE) + 1))
    return frozenset(points)


@lru_cache(maxsize=16384)  # the same titles are cleaned by several layouts of one page
def clean(text: str, face: str = "sans") -> str:
    """``text`` on one line with only characters the face can draw (no tofu boxes).

    A missing character is replaced by its compatibility form when the face has that
    (e.g. some enclosed numbers), otherwise dropped (emoji, rare symbols).
    """
    have = coverage(face)
    out = []
    for ch in " ".join(str(text).split()):
        if ord(ch) in have:
            out.append(ch)
            continue
        alt = unicodedata.normalize("NFKC", ch)
        if alt != ch and all(ord(c) in have for c in alt):
            out.append(alt)
    return "".join(out).strip()


# -- measuring and wrapping by pixel width -----------------------------------------------
@lru_cache(maxsize=64)
def _advances(face: str, size: int) -> dict[str, float]:
    """Advance width of each character measured so far in ``face`` at ``size`` (filled by text_width)."""
    return {}


def text_width(text: str, face: str, size: int) -> float:
    """Width in pixels of ``text`` in ``face`` at ``size``: the sum of its characters' advances (the brief
    draws without kerning or shaping), each measured once — wrapping measures many candidate lines."""
    adv = _advances(face, size)
    total = 0.0
    for ch in text:
        w = adv.get(ch)
        if w is None:
            w = adv[ch] = font(face, size).getlength(ch)
        total += w
    return total


def wrap(text: str, face: str, size: int, width: float, max_lines: int | None = None,
         ellipsis: str = "…") -> list[str]:
    """Lines of ``text`` no wider than ``width`` px (theme.wrap_measured's rules, measured in pixels)."""
    return list(_wrap(text, face, size, round(width), max_lines, ellipsis))


@lru_cache(maxsize=8192)  # layouts try several widths and line caps for the same texts
def _wrap(text: str, face: str, size: int, width: int, max_lines: int | None, ellipsis: str) -> tuple[str, ...]:
    return tuple(theme.wrap_measured(text, width, lambda t: text_width(t, face, size), max_lines, ellipsis))


def fit(text: str, face: str, size: int, width: float, ellipsis: str = "…") -> str:
    """``text`` on one line no wider than ``width`` px: whole tokens dropped from the end, then ``ellipsis``."""
    return theme.fit_measured(text, width, lambda t: text_width(t, face, size), ellipsis)


def wrap_balanced(text: str, face: str, size: int, width: float, max_lines: int) -> list[str]:
    """Like :func:`wrap`, but lines of even length (no one-character last line) when it wraps."""
    lines = wrap(text, face, size, width, max_lines)
    if len(lines) < 2 or len(wrap(text, face, size, width)) > max_lines:
        return lines
    low, high = width / len(lines), width
    while high - low > 2:  # the narrowest width that still needs no more lines
        mid = (low + high) / 2
        if len(wrap(text, face, size, mid)) <= len(lines):
            high = mid
        else:
            low = mid
    return wrap(text, face, size, high)


def _heads(text: str) -> list[str]:
    """Heads of ``text`` where it may be cut, longest first: between tokens, never inside a quoted or
    bracketed name (《…》 “…” （…）), without a trailing comma."""
    inside = {n for a, b in quoted_spans(text) for n in range(a + 1, b)}
    out, at = [], 0
    for tok in theme.tokens(text)[:-1]:
        at += len(tok)
        head = text[:at].rstrip(" ，、；：")
        if at not in inside and head:
            out.append(head)
    return out[::-1]


def shorten(text: str, face: str, size: int, width: float, ellipsis: str = "…") -> str:
    """``text`` on one line no wider than ``width`` px; when it must be cut, never inside a word or a name."""
    return wrap_short(text, face, size, width, 1, ellipsis)[0] if text else ""


def wrap_short(text: str, face: str, size: int, width: float, max_lines: int, ellipsis: str = "…") -> list[str]:
    """``text`` in at most ``max_lines`` even lines; a longer text is shortened with … — cut between words
    and never inside 《…》 or “…” (two lines are tried before anything is cut)."""
    lines = wrap(text, face, size, width)
    if len(lines) <= max_lines:
        return wrap_balanced(text, face, size, width, max_lines) if len(lines) > 1 else lines
    for head in _heads(text):
        if len(wrap(head + ellipsis, face, size, width)) <= max_lines:
            return wrap_balanced(head + ellipsis, face, size, width, max_lines)
    return wrap(text, face, size, width, max_lines, ellipsis)


def listing(lead: str, names: list[str], face: str, size: int, width: float) -> str:
    """``lead`` and as many whole ``names`` (joined by 、) as fit in ``width``, then 等 for the rest."""
    shown = ""
    for n, name in enumerate(names):
        more = "等" if n < len(names) - 1 else ""
        candidate = shown + ("、" if shown else "") + name
        if text_width(lead + candidate + more, face, size) > width:
            return lead + (shown + "等" if shown else fit(names[0], face, size, width - text_width(lead, face, size)))
        shown = candidate
    return lead + shown


# -- marks: what the page is made of --------------------------------------------------------
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Text:
    """One line of text; ``xy`` is the anchor point (Pillow anchors, default left-top)."""

    xy: tuple[float, float]
    text: str
    face: str
    size: int
    color: str
    anchor: str = "lt"

    def bbox(self) -> Box:
        """Pixel box the inked text occupies."""
        x0, y0, x1, y1 = font(self.face, self.size).getbbox(self.text, anchor=self.anchor)
        return (int(self.xy[0] + x0), int(self.xy[1] + y0), int(self.xy[0] + x1), int(self.xy[1] + y1))


@dataclass(frozen=True)
class Shape:
    """A rectangle ("rect", optional ``radius``), "ellipse", "line" or "polygon" over ``points``."""

    kind: str
    points: tuple[tuple[float, float], ...]
    fill: str | None = None
    outline: str | None = None
    width: int = 1
    radius: int = 0


@dataclass(frozen=True)
class Picture:
    """An image (e.g. the organization's logo) fitted into ``box`` keeping its proportions."""

    box: Box
    data: bytes


Mark = Text | Shape | Picture


@dataclass(frozen=True)
class Block:
    """A region of the page: its marks, and for lists what is shown and what is summarized."""

    kind: str
    box: Box
    marks: tuple[Mark, ...] = ()
    shown: tuple[str, ...] = ()  # names listed in full
    hidden: int = 0  # how many more are summarized as “另有 N 项”
    named: tuple[str, ...] = ()  # the summarized ones, named in small type
    smooth: bool = False  # paint shapes supersampled (radar, timeline)

    @property
    def texts(self) -> tuple[Text, ...]:
        """The block's text lines."""
        return tuple(m for m in self.marks if isinstance(m, Text))


def rect(box: Box, fill: str | None = None, outline: str | None = None, width: int = 1,
         radius: int = 0) -> Shape:
    """A rectangle over ``box``, optionally with rounded corners."""
    return Shape("rect", ((box[0], box[1]), (box[2], box[3])), fill, outline, width, radius)


def line(points, color: str, width: int = 1) -> Shape:
    """A polyline through ``points``."""
    return Shape("line", tuple(points), None, color, width)


# -- painting ---------------------------------------------------------------------------------
def _draw_shape(draw: ImageDraw.ImageDraw, shape: Shape, scale: float, dx: float, dy: float) -> None:
    pts = [((x - dx) * scale, (y - dy) * scale) for x, y in shape.points]
    width = max(1, round(shape.width * scale))
    if shape.kind == "rect":
        draw.rounded_rectangle(pts, radius=round(shape.radius * scale), fill=shape.fill,
                               outline=shape.outline, width=width)
    elif shape.kind == "ellipse":
        draw.ellipse(pts, fill=shape.fill, outline=shape.outline, width=width)
    elif shape.kind == "polygon":
        draw.polygon(pts, fill=shape.fill, outline=shape.outline, width=width)
    elif shape.kind == "line":
        draw.line(pts, fill=shape.outline, width=width, joint="curve")


def _paste_picture(page: Image.Image, pic: Picture) -> None:
    logo = Image.open(io.BytesIO(pic.data))
    logo.load()
    logo = logo.convert("RGBA")
    x0, y0, x1, y1 = pic.box
    logo.thumbnail((x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
    at = (x0 + (x1 - x0 - logo.width) // 2, y0 + (y1 - y0 - logo.height) // 2)
    page.paste(logo, at, logo)


def paint(size: tuple[int, int], blocks: tuple[Block, ...], background: str = "#FFFFFF") -> Image.Image:
    """Draw the blocks in order onto a new RGB page: shapes and pictures first, then text."""
    page = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(page)
    for block in blocks:
        shapes = [m for m in block.marks if isinstance(m, Shape)]
        if block.smooth and shapes:
            x0, y0, x1, y1 = block.box
            layer = Image.new("RGBA", ((x1 - x0) * SMOOTH, (y1 - y0) * SMOOTH), (0, 0, 0, 0))
            ldraw = ImageDraw.Draw(layer)
            for shape in shapes:
                _draw_shape(ldraw, shape, SMOOTH, x0, y0)
            layer = layer.resize((x1 - x0, y1 - y0), Image.Resampling.BOX)
            page.paste(layer, (x0, y0), layer)
        else:
            for shape in shapes:
                _draw_shape(draw, shape, 1, 0, 0)
        for mark in block.marks:
            if isinstance(mark, Picture):
                _paste_picture(page, mark)
        for mark in block.texts:
            draw.text(mark.xy, mark.text, font=font(mark.face, mark.size), fill=mark.color, anchor=mark.anchor)
    return page
