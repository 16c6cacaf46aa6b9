"""The year so far, from the workspace's reports: progress against the planned curve, progress by section
or dimension over time, and the work that slipped each month (inputs from planviz.store.history)."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from .. import theme
from ..model import Item, Plan
from ..stats import planned_curve, year_bounds
from .style import escape_text, rgba, style_figure

PERCENT_TICKS = (0, 25, 50, 75, 100)
MONTHS = tuple(f"{m}月" for m in range(1, 13))


def _percent_axes(fig: go.Figure, plan: Plan, pal: theme.Palette) -> None:
    first, last = year_bounds(plan)
    fig.update_xaxes(range=[first, last], tickmode="array", ticktext=list(MONTHS), gridcolor=pal.grid,
                     tickvals=[first.replace(month=m) for m in range(1, 13)], tickfont=dict(size=14))
    fig.update_yaxes(range=[0, 105], tickvals=PERCENT_TICKS, ticktext=[f"{v}%" for v in PERCENT_TICKS],
                     gridcolor=pal.grid, tickfont=dict(size=13, color=pal.muted))
    fig.update_layout(legend=dict(orientation="h", x=1, xanchor="right", y=0.975, yanchor="top", yref="container"))


def progress_history(points, plan: Plan, *, palette: str = "party", width: int = 1400, height: int = 620
                     ) -> go.Figure:
    """Overall progress on each report day (the store's ``ProgressPoint`` list) against the planned curve."""
    pal = theme.palette(palette)
    fig = go.Figure()
    curve = planned_curve(plan)
    fig.add_trace(go.Scatter(x=[d for d, _ in curve], y=[v * 100 for _, v in curve], mode="lines", name="计划进度",
                             line=dict(color=pal.accent, width=3, shape="spline", smoothing=0.4),
                             fill="tozeroy", fillcolor=rgba(pal.accent, 0.12),
                             hovertemplate="%{x|%m月%d日} 应完成 %{y:.0f}%<extra></extra>"))
    reported = [p for p in points if p.overall is not None]
    fig.add_trace(go.Scatter(x=[p.day for p in reported], y=[p.overall * 100 for p in reported], name="实际进度",
                             mode="lines+markers", line=dict(color=pal.primary, width=3, shape="hv"),
                             marker=dict(size=9, color=pal.primary),
                             hovertemplate="%{x|%m月%d日} 实际完成 %{y:.0f}%<extra></extra>"))
    _percent_axes(fig, plan, pal)
    subtitle = f"{plan.display_title} · 共 {len(reported)} 次填报" if reported else "尚无填报进度"
    return style_figure(fig, title="全年进度：实际与计划", subtitle=subtitle, palette=pal.name, width=width,
                        height=height, margin=dict(l=80, r=60, t=140, b=60))


def progress_by_group(points, plan: Plan, *, by: str = "section", palette: str = "party", width: int = 1400,
                      height: int = 620) -> go.Figure:
    """One line per section (``by="section"``) or per dimension over the report days."""
    pal = theme.palette(palette)
    fig = go.Figure()
    names = list(dict.fromkeys(n for p in points for n in (p.by_section if by == "section" else p.by_dimension)))
    for n, name in enumerate(names):
        series = [(p.day, (p.by_section if by == "section" else p.by_dimension).get(name)) for p in points]
        series = [(d, v) for d, v in series if v is not None]
        if not series:
            continue
        color = theme.dimension_color(name, plan.dimensions) if by == "dimension" else _cycle(n)
        fig.add_trace(go.Scatter(x=[d for d, _ in series], y=[v * 100 for _, v in series], name=escape_text(name),
                                 mode="lines+markers", line=dict(color=color, width=2.5, shape="hv"),
                                 hovertemplate=f"{escape_text(name)} %{{x|%m月%d日}} %{{y:.0f}}%<extra></extra>"))
    _percent_axes(fig, plan, pal)
    # Many names: the legend goes under the plot, where it can take several rows without meeting the title.
    fig.update_layout(legend=dict(orientation="h", x=0, xanchor="left", y=-0.12, yanchor="top", yref="paper"))
    fig.update_xaxes(tickangle=0, tickfont=dict(size=12))
    title = "各板块进度变化" if by == "section" else "各维度进度变化"
    return style_figure(fig, title=title, subtitle=plan.display_title, palette=pal.name, width=width,
                        height=height, margin=dict(l=70, r=30, t=120, b=150))


def _cycle(n: int) -> str:
    """Section colours: the dimension colours in turn (sections have no colour of their own)."""
    colors = list(theme.dimension_colors().values())
    return colors[n % len(colors)]


def slipped_chart(slipped: dict[int, tuple[Item, ...]], plan: Plan, *, palette: str = "party", width: int = 1400,
                  height: int = 520) -> go.Figure:
    """Bars: how many items passed their deadline each month without being finished."""
    pal = theme.palette(palette)
    months = sorted(slipped)
    counts = [len(slipped[m]) for m in months]
    fig = go.Figure(go.Bar(x=[MONTHS[m - 1] for m in months], y=counts, marker_color=pal.primary,
                           text=[str(c) if c else "" for c in counts], textposition="outside",
                           hovertemplate="%{x} 到期未完成 %{y} 项<extra></extra>"))
    fig.update_xaxes(tickfont=dict(size=14))
    top = max(counts + [1])
    fig.update_yaxes(gridcolor=pal.grid, tickformat="d", dtick=max(1, math.ceil(top / 5)), range=[0, top * 1.25])
    total = sum(counts)
    subtitle = f"{plan.display_title} · 合计 {total} 项" if total else "到期事项均按时完成"
    return style_figure(fig, title="逾期未完成事项（按到期月份）", subtitle=subtitle, palette=pal.name,
                        width=width, height=height, margin=dict(l=70, r=50, t=130, b=60))
