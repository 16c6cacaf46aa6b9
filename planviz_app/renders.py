"""Slow renders cached per session by the plan's content key (never by anything shared across users)."""
from __future__ import annotations

from datetime import date

import streamlit as st

from planviz.brief import brief_png
from planviz.model import Plan


@st.cache_data(max_entries=6, ttl=3600, scope="session", show_spinner="正在生成一页纸简报……")
def brief_image(key: str, _plan: Plan, fmt: str, palette: str, today: date, logo: bytes | None) -> bytes:
    """The brief PNG of the plan whose content key is ``key`` (``_plan`` is not hashed)."""
    return brief_png(_plan, fmt=fmt, logo=logo, today=today, palette=palette)
