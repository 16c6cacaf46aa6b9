"""Slow renders (brief, slide images) cached per session by the plan's content key, never shared across users."""
from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st

from planviz.brief import brief_png
from planviz.export import figure_bytes
from planviz.model import Plan


@st.cache_data(max_entries=6, ttl=3600, scope="session", show_spinner="正在生成一页纸简报……")
def brief_image(key: str, _plan: Plan, fmt: str, palette: str, today: date, logo: bytes | None,
                edition: str = "plan", group_by: str | None = None) -> bytes:
    """The brief PNG of the plan whose content key is ``key`` (``_plan`` is not hashed); the progress
    edition counts as of ``today``."""
    return brief_png(_plan, fmt=fmt, logo=logo, today=today, palette=palette, edition=edition, as_of=today,
                     group_by=group_by)


@st.cache_data(max_entries=24, ttl=3600, scope="session", show_spinner="正在绘制幻灯片……")
def slide_svg(key: str, _fig: go.Figure, width: int, height: int) -> bytes:
    """The figure as an SVG of exactly ``width``×``height`` (``key`` names plan, slide, palette and day)."""
    return figure_bytes(_fig, "svg", width, height, 1)
