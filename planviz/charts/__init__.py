"""Figures of a plan: mind map (graphviz), timeline, radar, lever matrix and progress (plotly)."""
from __future__ import annotations

from ..model import Plan

CHART_NAMES = {"mindmap": "思维导图", "timeline": "时间轴", "radar": "六度雷达", "levers": "抓手矩阵",
               "progress": "进度总览"}


def build_chart(plan: Plan, name: str, **options):
    """The named chart of ``plan``: a graphviz.Digraph for "mindmap", else a plotly Figure."""
    if name == "mindmap":
        from .mindmap import mindmap
        return mindmap(plan, **options)
    if name == "timeline":
        from .timeline import timeline
        return timeline(plan, **options)
    if name == "radar":
        from .radar import radar
        return radar(plan, **options)
    if name == "levers":
        from .levers import lever_matrix
        return lever_matrix(plan, **options)
    if name == "progress":
        from .progress import progress_overview
        return progress_overview(plan, **options)
    raise ValueError(f"没有名为「{name}」的图表，可选：{'、'.join(CHART_NAMES)}")
