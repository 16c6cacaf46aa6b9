"""Colours, fonts and CJK-aware text wrapping shared by every view; pure (no plotly: the template lives in charts)."""
from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .vocab import DEFAULT_DIMENSIONS, DEFAULT_LEVERS, STATUSES

# Named explicitly everywhere: graphviz, Pillow and a bare chromium have no CJK fallback.
FONT_FAMILY = "Noto Sans CJK SC"
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
    '"SimHei", "WenQuanYi Micro Hei", sans-serif'
)
SERIF_FAMILY = "Noto Serif CJK SC"

# Party red with gold accents; neutral is for units that prefer a plain look.
PARTY_RED = "#C8102E"
GOLD = "#D4A017"
LIGHT_GOLD = "#F6E7B4"
INK = "#2B2B2B"
MUTED = "#6B6B6B"
GRID = "#E6E0DA"
PAPER = "#FFFFFF"
CREAM = "#FFF8EE"

# One fixed colour per dimension, identical in every figure.
DIMENSION_COLORS: dict[str, str] = {
    "高度": "#C8102E",  # political leadership: party red
    "深度": "#1F4E9A",  # theory: deep blue
    "精度": "#2A8C82",  # precision: teal
    "温度": "#E8772E",  # people: warm orange
    "亮度": "#D4A017",  # brand: gold
    "融合度": "#6A3D9A",  # integration: purple
}
# Extra colours for plans that rename or add dimensions; picked by position.
EXTRA_DIMENSION_COLORS = ("#8C564B", "#17BECF", "#7F7F7F", "#BCBD22", "#E377C2")
UNKNOWN_COLOR = "#A0A0A0"
# The as-of line of a progress brief: near-black, a colour no dimension, status or lever uses.
TODAY_COLOR = "#111111"
# Share of a radar's radius left empty at the centre: empty dimensions stay apart instead of piling up there.
RADAR_HOLE = 0.1

STATUS_COLORS: dict[str, str] = {
    "未开始": "#B0B0B0",
    "进行中": "#2F7ED8",
    "已完成": "#2E9E4F",
    "延期": "#C8102E",
    "暂缓": "#E0A100",
}

LEVER_COLORS: dict[str, str] = dict(zip(DEFAULT_LEVERS, ("#C8102E", "#D4A017", "#1F4E9A", "#E8772E", "#2A8C82")))


@dataclass(frozen=True)
class Palette:
    """A colour scheme for figure chrome (titles, accents, backgrounds)."""

    name: str
    primary: str
    accent: str
    ink: str
    muted: str
    background: str
    panel: str
    grid: str


PALETTES: dict[str, Palette] = {
    "party": Palette("party", PARTY_RED, GOLD, INK, MUTED, PAPER, CREAM, GRID),
    "neutral": Palette("neutral", "#34495E", "#5D8AA8", "#222222", "#707070", PAPER, "#F4F6F8", "#E3E6EA"),
}


def palette(name: str = "party") -> Palette:
    """The named palette ("party" or "neutral"); unknown names fall back to party."""
    return PALETTES.get(name, PALETTES["party"])


def rgb(color: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as its three channels."""
    h = color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def mix(color: str, other: str, t: float) -> str:
    """``color`` moved ``t`` (0–1) of the way towards ``other``: tints and shades without alpha."""
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(rgb(color), rgb(other)))


def tint(color: str, share: float) -> str:
    """``color`` mixed with white: share 0 is the colour, 1 is white."""
    return mix(color, "#FFFFFF", share)


def shade(color: str, share: float) -> str:
    """``color`` mixed with black: share 0 is the colour, 1 is black."""
    return mix(color, "#000000", share)


def dimension_color(dimension: str | None, dimensions: tuple[str, ...] = DEFAULT_DIMENSIONS) -> str:
    """Colour of a dimension; a plan's own names reuse the default colour of the same position."""
    if not dimension:
        return UNKNOWN_COLOR
    if dimension in DIMENSION_COLORS:
        return DIMENSION_COLORS[dimension]
    if dimension in dimensions:
        pos = dimensions.index(dimension)
        defaults = list(DIMENSION_COLORS.values())
        if pos < len(defaults):
            return defaults[pos]
        return EXTRA_DIMENSION_COLORS[(pos - len(defaults)) % len(EXTRA_DIMENSION_COLORS)]
    return UNKNOWN_COLOR


def dimension_colors(dimensions: tuple[str, ...] = DEFAULT_DIMENSIONS) -> dict[str, str]:
    """Colour for each of a plan's dimensions, in order."""
    return {d: dimension_color(d, dimensions) for d in dimensions}


def status_color(status: str | None) -> str:
    """Colour of a status (grey when unknown)."""
    return STATUS_COLORS.get(status or "", UNKNOWN_COLOR)


def lever_color(lever: str | None, levers: tuple[str, ...] = DEFAULT_LEVERS) -> str:
    """Colour of a lever (五大抓手); a plan's own names reuse the default of the same position."""
    if lever in LEVER_COLORS:
        return LEVER_COLORS[lever]
    if lever in levers:
        return tuple(LEVER_COLORS.values())[levers.index(lever) % len(LEVER_COLORS)]
    return UNKNOWN_COLOR


# -- fonts for Pillow and graphviz -------------------------------------------------
@lru_cache(maxsize=8)
def font_file(family: str = FONT_FAMILY, style: str = "Regular") -> str:
    """Path of the font file fontconfig picks for ``family``; raises when no CJK font is installed."""
    pattern = f"{family}:style={style}"
    out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False)
    path = out.stdout.strip()
    if not path or "CJK" not in path and "Han" not in path:
        raise RuntimeError(f"未找到中文字体 {family}，请安装 fonts-noto-cjk")
    return path


# In NotoSansCJK-*.ttc the Simplified Chinese face is index 2 (0 is Japanese).
TTC_INDEX_SC = 2


# -- CJK-aware text width and wrapping ---------------------------------------------
# Ambiguous-width marks that CJK fonts draw full width.
_WIDE_AMBIGUOUS = set("“”‘’…—※·°")
# Chinese line-breaking rules (避头尾): marks that must not start a line, and marks that must not end one.
NO_LINE_START = set("，。、；：？！）》」』】”’%,.;:?!)]}…")
NO_LINE_END = set("“‘（《「『【([{")


def char_width(ch: str) -> int:
    """Display width of one character: 2 for wide/full-width (CJK), 1 otherwise."""
    if unicodedata.east_asian_width(ch) in ("W", "F") or ch in _WIDE_AMBIGUOUS:
        return 2
    return 1


def display_width(text: str) -> int:
    """Display width of ``text`` in half-width columns."""
    return sum(char_width(ch) for ch in text)


def tokens(text: str) -> list[str]:
    """Break units: Latin words and numbers stay whole; each CJK character or space is its own token."""
    out: list[str] = []
    buf = ""
    for ch in text:
        if char_width(ch) == 1 and not ch.isspace():
            buf += ch
            continue
        if buf:
            out.append(buf)
            buf = ""
        out.append(ch)
    if buf:
        out.append(buf)
    return out


def fit_measured(text: str, width: float, measure: Callable[[str], float], ellipsis: str = "…",
                 cut: bool = False) -> str:
    """``text`` on one line no wider than ``width``: whole tokens dropped from the end, then ``ellipsis``.

    ``cut`` marks text already known to continue (the last kept line of a wrapped paragraph).
    """
    if not cut and measure(text) <= width:
        return text
    parts = tokens(text)
    while parts and measure("".join(parts).rstrip(" ，、；：") + ellipsis) > width:
        parts.pop()
    return "".join(parts).rstrip(" ，、；：") + ellipsis


def wrap_measured(text: str, width: float, measure: Callable[[str], float], max_lines: int | None = None,
                  ellipsis: str = "…") -> list[str]:
    """Lines of ``text`` no wider than ``width`` as ``measure`` counts (columns, pixels…).

    CJK breaks anywhere, Latin words stay whole, a closing mark never starts a line (the last
    character comes down with it) and an opening mark never ends one. Past ``max_lines`` the last
    kept line ends in ``ellipsis``.
    """
    lines: list[str] = []
    line = ""
    for tok in tokens(text):
        if measure(line + tok) <= width:
            line += tok
            continue
        if tok in NO_LINE_START and line:
            before = tokens(line)
            if len(before) > 1 and measure(before[-1] + tok) <= width:
                lines.append("".join(before[:-1]).rstrip())
                line = before[-1] + tok
            else:  # nothing to carry: let the mark hang
                line += tok
            continue
        if measure(tok) > width:  # a word longer than the line: the only case cut inside a word
            for ch in tok:
                if line and measure(line + ch) > width:
                    lines.append(line)
                    line = ""
                line += ch
            continue
        carry = ""
        if len(line) > 1 and line[-1] in NO_LINE_END:
            line, carry = line[:-1], line[-1]
        if line.strip():
            lines.append(line.rstrip())
        line = carry + tok.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = fit_measured(kept[-1], width, measure, ellipsis, cut=True)
        return kept
    return lines


def wrap_text(text: str, width: int, max_lines: int | None = None, ellipsis: str = "…") -> list[str]:
    """Wrap ``text`` (white space folded) to lines of at most ``width`` display columns."""
    text = " ".join(str(text).split())
    if width <= 1 or not text:
        return [text] if text else []
    return wrap_measured(text, width, display_width, max_lines, ellipsis)


def truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut to ``width`` display columns, ending in ``ellipsis`` when cut."""
    return fit_measured(str(text), width, display_width, ellipsis)


__all__ = [
    "FONT_FAMILY", "FONT_STACK", "SERIF_FAMILY", "PARTY_RED", "GOLD", "DIMENSION_COLORS", "STATUS_COLORS",
    "STATUSES", "Palette", "palette", "dimension_color", "dimension_colors", "status_color", "lever_color",
    "font_file", "TTC_INDEX_SC", "char_width", "display_width",
    "wrap_text", "truncate", "wrap_measured", "fit_measured", "tokens", "NO_LINE_START", "NO_LINE_END",
]
