"""Six-dimension radar (六度雷达): how a plan's projects, effort or progress spread over its dimensions."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from .. import theme
from ..model import Plan
from ..stats import RADAR_METRICS, dimension_stats, radar_values  # noqa: F401 (tests import it from here)
from .style import colored_label, escape_text, rgba, style_figure

# Units on the radial axis and at the vertices, per metric.
_UNITS = {"projects": "项", "effort": "项", "progress": "%"}
# Second plan in a comparison: a cool colour that no dimension uses, so the two polygons never blend.
COMPARE_COLOR = "#4A5A73"
HOLE = theme.RADAR_HOLE


def _metric_name(metric: str) -> str:
    if metric not in RADAR_METRICS:
        raise ValueError(f"雷达图没有「{metric}」这种指标，可选：{'、'.join(RADAR_METRICS)}")
    return RADAR_METRICS[metric]


def plan_label(plan: Plan, other: Plan | None = None) -> str:
    """Legend name of a plan: its year, with the organization when the compared plans differ in it."""
    if other is not None and plan.organization != other.organization and plan.organization:
        return f"{plan.organization} {plan.year}年"
    return f"{plan.year}年"


def _format(value: float, metric: str) -> str:
    return f"{value:.0f}%" if metric == "progress" else f"{value:.0f} {_UNITS[metric]}"


def _vertex_texts(plan: Plan, r: list[float], metric: str) -> list[str]:
    """Value labels at the vertices; a dimension nobody reported progress for says so instead of 0%."""
    if metric != "progress":
        return [_format(v, metric) for v in r]
    reported = [stat.progress is not None for stat in dimension_stats(plan)]
    if not any(reported):  # six “未填报” at the centre would pile up: the note under the chart says it once
        return ["" for _ in r]
    return [_format(v, metric) if known else "未填报" for v, known in zip(r, reported)]


def _radial_range(values: list[float], metric: str) -> tuple[float, float, float]:
    """(min, max, dtick) for the radial axis: a round top a little above the largest value."""
    if metric == "progress":
        return 0, 100, 20
    top = max(values + [1.0])
    dtick = max(1, math.ceil(top / 5))
    return 0, dtick * math.ceil(top * 1.12 / dtick), dtick


def radar(plan: Plan, *, metric: str = "projects", compare: Plan | None = None,
          compare_label: str | None = None, palette: str = "party", title: str | None = None,
          width: int = 1100, height: int = 860) -> go.Figure:
    """The six-dimension radar of ``plan`` for ``metric`` ("projects", "effort" or "progress").

    With ``compare`` a second plan (e.g. last year's) is overlaid as a dashed polygon and a
    legend names both. Traces: the plan polygon, the comparison polygon when given, and last
    the plan's vertex markers (dimension colours, values as text).
    """
    metric_name = _metric_name(metric)
    pal = theme.palette(palette)
    dims = list(plan.dimensions)
    values = radar_values(plan, metric)
    r = [values[d] for d in dims]
    colors = [theme.dimension_color(d, plan.dimensions) for d in dims]
    unit = _UNITS[metric]
    label = plan_label(plan, compare)

    fig = go.Figure()
    fig.add_trace(go.Scatterpolar(
        r=r + r[:1], theta=dims + dims[:1], mode="lines", fill="toself",
        fillcolor=rgba(pal.primary, 0.2), line=dict(color=pal.accent, width=3.5),
        name=label, legendgroup="plan", hoverinfo="skip", showlegend=compare is not None))
    all_values = list(r)
    if compare is not None:
        theirs = radar_values(compare, metric)
        cr = [theirs.get(d, 0.0) for d in dims]  # dimensions the other plan lacks count as 0
        all_values += cr
        name = compare_label or plan_label(compare, plan)
        if name == label:
            name = f"{name}（对比）"
        fig.add_trace(go.Scatterpolar(
            r=cr + cr[:1], theta=dims + dims[:1], mode="lines", name=name,
            line=dict(color=COMPARE_COLOR, width=2.5, dash="dash"),
            hovertemplate="%{theta}：%{r}" + unit + f"<extra>{name}</extra>"))

    # Vertices last, so their values are drawn over the comparison polygon.
    fig.add_trace(go.Scatterpolar(
        r=r, theta=dims, mode="markers+text", name=label, legendgroup="plan", showlegend=False,
        marker=dict(color=colors, size=[16 if v == 0 else 14 for v in r], line=dict(color="white", width=2)),
        text=_vertex_texts(plan, r, metric), textposition="top center",
        # A white halo keeps the values readable where the comparison polygon crosses them.
        textfont=dict(family=theme.FONT_STACK, size=17, color=pal.ink,
                      shadow="0 0 3px white, 0 0 3px white, 0 0 2px white"),
        hovertemplate="%{theta}：%{r}" + unit + f"<extra>{label}</extra>"))

    low, high, dtick = _radial_range(all_values, metric)
    fig.update_layout(
        polar=dict(
            bgcolor=pal.background,
            hole=HOLE,
            domain=dict(x=[0.05, 0.95], y=[0.07, 0.99]),
            angularaxis=dict(
                direction="clockwise", rotation=90, tickmode="array", tickvals=dims,
                ticktext=[colored_label("<br>".join(theme.wrap_text(d, 10, max_lines=2)), c)
                          for d, c in zip(dims, colors)],
                tickfont=dict(family=theme.FONT_STACK, size=20), linecolor=pal.grid, gridcolor=pal.grid),
            radialaxis=dict(
                range=[low, high], dtick=dtick, ticksuffix=unit if metric == "progress" else f" {unit}",
                # Drawn between the first two axes, clear of the vertex labels.
                angle=60, tickangle=60, tickfont=dict(size=12, color=pal.muted), gridcolor=pal.grid,
                linecolor=pal.grid, showline=False)),
        legend=dict(orientation="h", x=1.0, xanchor="right", y=0.975, yanchor="top", yref="container",
                    font=dict(size=15)),
        showlegend=compare is not None,
    )
    _note_gaps(fig, dims, r, metric, pal)
    subtitle = f"{plan.display_title} · 按{metric_name}"
    return style_figure(fig, title=title or "六度雷达", subtitle=subtitle, palette=pal.name,
                        width=width, height=height, margin=dict(l=60, r=60, t=120, b=50))


def _note_gaps(fig: go.Figure, dims: list[str], r: list[float], metric: str, pal: theme.Palette) -> None:
    """Name the empty dimensions under the chart: a gap is the first thing a secretary should see."""
    empty = [escape_text(d) for d, v in zip(dims, r) if v == 0]
    if not empty:
        return
    if metric == "progress" and len(empty) == len(dims):
        text = "各维度都还没有填报进度（在计划表的“进度”列填写后显示）"
    elif metric == "progress":
        text = f"尚无进度的维度：{'、'.join(empty)}"
    else:
        text = f"薄弱维度：{'、'.join(empty)}（0 项），建议补充相应项目"
    fig.add_annotation(text=text, xref="paper", yref="paper", x=0.0, y=0.0, xanchor="left", yanchor="bottom",
                       showarrow=False, font=dict(family=theme.FONT_STACK, size=15, color=pal.primary),
                       bgcolor=theme.LIGHT_GOLD if pal.name == "party" else pal.panel, borderpad=6)
