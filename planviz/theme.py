"""Colours, fonts, the plotly template and CJK-aware text wrapping shared by every view."""
from __future__ import annotations

import copy
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import plotly.graph_objects as go
import plotly.io as pio

from .model import DEFAULT_DIMENSIONS, DEFAULT_LEVERS, STATUSES

# Named explicitly everywhere: graphviz, Pillow and a bare chromium have no CJK fallback.
FONT_FAMILY = "Noto Sans CJK SC"
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
    '"SimHei", "WenQuanYi Micro Hei", sans-serif'
)
SERIF_FAMILY = "Noto Serif CJK SC"

# Party red with gold accents; neutral is for units that prefer a plain look.
PARTY_RED = "#C8102E"
DARK_RED = "#9E0B22"
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
    return STATUS_COLORS.get(status or "", UNKNOWN_COLOR)


def lever_color(lever: str | None, levers: tuple[str, ...] = DEFAULT_LEVERS) -> str:
    if lever in LEVER_COLORS:
        return LEVER_COLORS[lever]
    if lever in levers:
        return tuple(LEVER_COLORS.values())[levers.index(lever) % len(LEVER_COLORS)]
    return UNKNOWN_COLOR


# -- plotly template -----------------------------------------------------------
@lru_cache(maxsize=4)
def _template(name: str) -> go.layout.Template:
    pal = palette(name)
    base = copy.deepcopy(pio.templates["plotly_white"])
    base.layout.font = dict(family=FONT_STACK, size=14, color=pal.ink)
    base.layout.title = dict(font=dict(family=FONT_STACK, size=22, color=pal.ink), x=0.02, xanchor="left")
    base.layout.paper_bgcolor = pal.background
    base.layout.plot_bgcolor = pal.background
    base.layout.colorway = list(DIMENSION_COLORS.values())
    base.layout.hoverlabel = dict(font=dict(family=FONT_STACK, size=13))
    base.layout.legend = dict(font=dict(family=FONT_STACK, size=13))
    return base


def plotly_template(name: str = "party") -> go.layout.Template:
    """An explicit template for every figure: streamlit swaps plotly's default one on import."""
    return copy.deepcopy(_template(name))


def apply_theme(fig: go.Figure, name: str = "party") -> go.Figure:
    """Give ``fig`` the planviz template and CJK fonts; returns the same figure."""
    fig.update_layout(template=plotly_template(name), font_family=FONT_STACK)
    return fig


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
def char_width(ch: str) -> int:
    """Display width of one character: 2 for wide/full-width (CJK), 1 otherwise."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Display width of ``text`` in half-width columns."""
    return sum(char_width(ch) for ch in text)


# Characters that must not start a line (Chinese line-breaking rules, 避头尾).
_NO_LINE_START = set("，。、；：？！）》」』”’%,.;:?!)]}")


def wrap_text(text: str, width: int, max_lines: int | None = None, ellipsis: str = "…") -> list[str]:
    """Wrap ``text`` to lines of at most ``width`` display columns.

    CJK characters break anywhere, Latin words stay whole when they fit, and closing
    punctuation never starts a line. With ``max_lines`` the last kept line ends in ``ellipsis``.
    """
    text = " ".join(str(text).split())
    if width <= 1 or not text:
        return [text] if text else []
    tokens: list[str] = []
    buf = ""
    for ch in text:  # Latin words and numbers become one token, each CJK char its own
        if char_width(ch) == 1 and not ch.isspace():
            buf += ch
            continue
        if buf:
            tokens.append(buf)
            buf = ""
        tokens.append(ch)
    if buf:
        tokens.append(buf)

    lines: list[str] = []
    line = ""
    for tok in tokens:
        if display_width(line + tok) <= width or (tok in _NO_LINE_START and display_width(line) <= width):
            line += tok
            continue
        if display_width(tok) > width:  # an over-long word: cut it
            for ch in tok:
                if display_width(line + ch) > width and line:
                    lines.append(line)
                    line = ""
                line += ch
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = tok.lstrip()
    if line.strip():
        lines.append(line.rstrip())

    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        while last and display_width(last + ellipsis) > width:
            last = last[:-1]
        kept[-1] = last + ellipsis
        return kept
    return lines


def truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut to ``width`` display columns, ending in ``ellipsis`` when cut."""
    text = str(text)
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch + ellipsis) > width:
            break
        out += ch
    return out + ellipsis


__all__ = [
    "FONT_FAMILY", "FONT_STACK", "SERIF_FAMILY", "PARTY_RED", "GOLD", "DIMENSION_COLORS", "STATUS_COLORS",
    "STATUSES", "Palette", "palette", "dimension_color", "dimension_colors", "status_color", "lever_color",
    "plotly_template", "apply_theme", "font_file", "TTC_INDEX_SC", "char_width", "display_width",
    "wrap_text", "truncate",
]
