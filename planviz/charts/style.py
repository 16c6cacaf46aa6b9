"""Chart chrome every plotly figure shares: header, escaping, colour mixing."""
from __future__ import annotations

import html

import plotly.graph_objects as go

from .. import theme
from ..theme import shade, tint  # noqa: F401 (charts take them from here)
from .template import apply_theme

# The title sits this many pixels below the figure's top edge, whatever the figure's height.
TITLE_TOP_PX = 24
SUBTITLE_PX = 7.5  # pixels per display column of the 15 px subtitle (a Chinese character is two)
SUBTITLE_LINE_PX = 20


def rgba(hex_color: str, alpha: float) -> str:
    """``#RRGGBB`` as an ``rgba()`` string with the given opacity."""
    r, g, b = theme.rgb(hex_color)
    return f"rgba({r},{g},{b},{alpha})"


def escape_text(text: str) -> str:
    """Plain text made safe for plotly's HTML-like labels (a plan title may contain “<” or “&”)."""
    return html.escape(str(text), quote=False)


def colored_label(text: str, color: str, bold: bool = True) -> str:
    """Plotly rich text: plain ``text`` drawn in ``color``; “<br>” line breaks are kept."""
    text = "<br>".join(escape_text(part) for part in str(text).split("<br>"))
    body = f"<b>{text}</b>" if bold else text
    return f'<span style="color:{color}">{body}</span>'


def style_figure(fig: go.Figure, *, title: str, subtitle: str = "", palette: str = "party",
                 width: int, height: int, margin: dict | None = None) -> go.Figure:
    """The chrome every planviz plotly chart shares: explicit template, CJK fonts, titled header, size.

    The explicit template matters: importing streamlit swaps plotly's default template.
    ``title`` and ``subtitle`` are plain text; they are escaped here.
    """
    pal = theme.palette(palette)
    apply_theme(fig, pal.name)
    margin = dict(margin or dict(l=70, r=70, t=120, b=70))
    # Plotly never wraps a subtitle: break it to the width (15 px type, 7.5 px a display column) and move
    # the plot down by a line for each extra line, so it is never cut in a narrow window.
    lines = theme.wrap_text(subtitle, max(10, int((0.96 * width - 16) / SUBTITLE_PX)), max_lines=3)
    margin["t"] += SUBTITLE_LINE_PX * max(0, len(lines) - 1)
    # A coloured bar before the title is the party-style accent; it scales with any export size.
    heading = f'<span style="color:{pal.primary}">▍</span><b>{escape_text(title)}</b>'
    fig.update_layout(
        title=dict(text=heading, x=0.02, xanchor="left", y=1 - TITLE_TOP_PX / height, yanchor="top",
                   yref="container",
                   font=dict(family=theme.FONT_STACK, size=26, color=pal.ink),
                   subtitle=dict(text="<br>".join(escape_text(line) for line in lines),
                                 font=dict(family=theme.FONT_STACK, size=15, color=pal.muted))),
        width=width, height=height, margin=margin,
    )
    return fig
