"""The plotly template every chart carries: built from theme's palettes and CJK fonts."""
from __future__ import annotations

import copy
from functools import lru_cache

import plotly.graph_objects as go
import plotly.io as pio

from .. import theme


@lru_cache(maxsize=4)
def _template(name: str) -> go.layout.Template:
    pal = theme.palette(name)
    base = copy.deepcopy(pio.templates["plotly_white"])
    base.layout.font = dict(family=theme.FONT_STACK, size=14, color=pal.ink)
    base.layout.title = dict(font=dict(family=theme.FONT_STACK, size=22, color=pal.ink), x=0.02, xanchor="left")
    base.layout.paper_bgcolor = pal.background
    base.layout.plot_bgcolor = pal.background
    base.layout.colorway = list(theme.DIMENSION_COLORS.values())
    base.layout.hoverlabel = dict(font=dict(family=theme.FONT_STACK, size=13))
    base.layout.legend = dict(font=dict(family=theme.FONT_STACK, size=13))
    return base


def plotly_template(name: str = "party") -> go.layout.Template:
    """An explicit template for every figure: streamlit swaps plotly's default one on import."""
    return copy.deepcopy(_template(name))


def apply_theme(fig: go.Figure, name: str = "party") -> go.Figure:
    """Give ``fig`` the planviz template and CJK fonts; returns the same figure."""
    fig.update_layout(template=plotly_template(name), font_family=theme.FONT_STACK)
    return fig
