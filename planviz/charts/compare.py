"""Branches side by side: small-multiple six-dimension radars on one scale, progress over time per branch."""
from __future__ import annotations

import math
from datetime import date, timedelta

import plotly.colors
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import theme
from ..committee import BranchPlan
from ..stats import cn_date, planned_curve
from .radar import HOLE, _metric_name, _radial_range, radar_values
from .style import colored_label, escape_text, rgba, style_figure

# Branch lines need many distinct colours that say nothing about dimensions; the rest are drawn faint.
BRANCH_COLORS = plotly.colors.qualitative.Bold
FAINT = "#C9C9C9"


def _left_out(branches: list[BranchPlan], shown: int, with_plan: int) -> str:
    """What the subtitle says about organizations not drawn: without a plan, beyond the limit."""
    notes = []
    if with_plan > shown:
        notes.append(f"另有 {with_plan - shown} 个未显示")
    no_plan = [b.org for b in branches if b.plan is None]
    if no_plan:
        notes.append(f"{len(no_plan)} 个尚未提交计划：{theme.truncate('、'.join(no_plan), 40)}")
    return "；".join(notes)


def radar_grid(branches: list[BranchPlan], *, metric: str = "projects", columns: int = 4, limit: int = 24,
               palette: str = "party", title: str | None = None, width: int = 1600,
               height: int | None = None) -> go.Figure:
    """One small six-dimension radar per branch with a plan, all on the same radial scale and colours.

    Values are charts.radar's (``radar_values``), so each small radar matches the branch's own radar.
    The first ``limit`` branches with a plan are drawn, in the order given; the subtitle names how
    many are left out and which have no plan. Traces: per branch its polygon, then its vertex markers.
    """
    metric_name = _metric_name(metric)
    pal = theme.palette(palette)
    planned = [b for b in branches if b.plan is not None]
    shown = planned[:limit]
    values = [radar_values(b.plan, metric) for b in shown]
    low, high, dtick = _radial_range([v for vals in values for v in vals.values()], metric)
    cols = max(1, min(columns, len(shown)))
    rows = max(1, math.ceil(len(shown) / cols))
    height = height or 180 + 380 * rows
    cells = [[{"type": "polar"} if r * cols + c < max(1, len(shown)) else None for c in range(cols)]
             for r in range(rows)]  # no empty radar frames after the last branch
    fig = make_subplots(rows=rows, cols=cols, specs=cells,
                        subplot_titles=[escape_text(theme.truncate(b.org, 24)) for b in shown] or None,
                        horizontal_spacing=0.06, vertical_spacing=min(0.12, 0.5 / rows))
    fig.update_annotations(font=dict(family=theme.FONT_STACK, size=17, color=pal.ink), yshift=14)
    unit = "%" if metric == "progress" else " 项"
    for n, (branch, vals) in enumerate(zip(shown, values)):
        dims = list(branch.plan.dimensions)
        r = [vals[d] for d in dims]
        colors = [theme.dimension_color(d, branch.plan.dimensions) for d in dims]
        row, col = n // cols + 1, n % cols + 1
        fig.add_trace(go.Scatterpolar(
            r=r + r[:1], theta=dims + dims[:1], mode="lines", fill="toself", fillcolor=rgba(pal.primary, 0.2),
            line=dict(color=pal.accent, width=2.5), hoverinfo="skip", showlegend=False), row=row, col=col)
        fig.add_trace(go.Scatterpolar(
            r=r, theta=dims, mode="markers", showlegend=False, name=escape_text(branch.org),
            marker=dict(color=colors, size=[10 if v == 0 else 9 for v in r], line=dict(color="white", width=1.5)),
            hovertemplate="%{theta}：%{r}" + unit + "<extra>%{fullData.name}</extra>"), row=row, col=col)
        polar = "polar" if n == 0 else f"polar{n + 1}"
        fig.update_layout({polar: dict(
            bgcolor=pal.background, hole=HOLE,
            angularaxis=dict(direction="clockwise", rotation=90, tickmode="array", tickvals=dims,
                             ticktext=[colored_label(theme.truncate(d, 6), c) for d, c in zip(dims, colors)],
                             tickfont=dict(family=theme.FONT_STACK, size=13), linecolor=pal.grid,
                             gridcolor=pal.grid),
            radialaxis=dict(range=[low, high], dtick=dtick, showticklabels=n == 0, angle=60, tickangle=60,
                            tickfont=dict(size=10, color=pal.muted), gridcolor=pal.grid, showline=False,
                            ticksuffix=unit.strip() if metric == "progress" else ""))})
    if not shown:
        fig.add_annotation(text="尚无可比较的计划", xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
                           font=dict(family=theme.FONT_STACK, size=20, color=pal.muted))
    scale = f"同一刻度 0–{high:g}{'%' if metric == 'progress' else ' 项'}"
    subtitle = "　".join(x for x in (f"按{metric_name} · {scale}", _left_out(branches, len(shown), len(planned))) if x)
    return style_figure(fig, title=title or "各支部六度雷达", subtitle=subtitle, palette=pal.name,
                        width=width, height=height, margin=dict(l=60, r=60, t=150, b=40))


def _mean_planned(branches: list[BranchPlan], step_days: int) -> list[tuple[date, float]]:
    """Expected progress through the year, averaged over the plans (all of one year)."""
    plans = [b.plan for b in branches if b.plan is not None]
    curves = [planned_curve(p, step_days) for p in plans]
    if not curves:
        return []
    length = min(len(c) for c in curves)
    return [(curves[0][k][0], sum(c[k][1] for c in curves) / len(curves)) for k in range(length)]


def progress_lines(branches: list[BranchPlan], *, today: date | None = None, highlight: tuple[str, ...] = (),
                   limit: int = 10, planned: bool = True, palette: str = "party", title: str | None = None,
                   width: int = 1500, height: int = 760) -> go.Figure:
    """Overall progress over time, one line per branch (from its progress history).

    The branches in ``highlight`` (else the first ``limit`` with a history) get a colour and a legend
    entry; the others are drawn as faint lines, so none is left out. With ``planned`` the mean
    planned curve of the plans is drawn dashed, and ``today`` as a dotted line.
    Traces: the planned curve when drawn, the faint lines, then the coloured lines.
    """
    pal = theme.palette(palette)
    with_history = [b for b in branches if b.history]
    named = [b for b in with_history if b.org in highlight] if highlight else with_history[:limit]
    faint = [b for b in with_history if b not in named]
    years = sorted({b.plan.year for b in branches if b.plan is not None})
    fig = go.Figure()
    if planned and years:
        curve = _mean_planned([b for b in branches if b.plan is not None and b.plan.year == years[-1]], 7)
        fig.add_trace(go.Scatter(
            x=[d for d, _ in curve], y=[v * 100 for _, v in curve], mode="lines", name="计划应达（平均）",
            line=dict(color=pal.accent, width=3, dash="dash"),
            hovertemplate="%{x|%m月%d日} 平均应完成 %{y:.0f}%<extra></extra>"))
    for b in faint:
        fig.add_trace(go.Scatter(
            x=[d for d, _ in b.history], y=[v * 100 for _, v in b.history], mode="lines", name=escape_text(b.org),
            line=dict(color=FAINT, width=1.2), showlegend=False, legendgroup="faint",
            hovertemplate="%{x|%m月%d日} 完成 %{y:.0f}%<extra>%{fullData.name}</extra>"))
    for n, b in enumerate(named):
        color = BRANCH_COLORS[n % len(BRANCH_COLORS)]
        fig.add_trace(go.Scatter(
            x=[d for d, _ in b.history], y=[v * 100 for _, v in b.history], mode="lines+markers",
            name=escape_text(theme.truncate(b.org, 20)), line=dict(color=color, width=3),
            marker=dict(size=7, color=color),
            hovertemplate="%{x|%m月%d日} 完成 %{y:.0f}%<extra>%{fullData.name}</extra>"))
    if years:
        first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
        fig.update_xaxes(range=[first, last + timedelta(days=1)], tickmode="array",
                         tickvals=[date(y, m, 1) for y in years for m in range(1, 13)],
                         ticktext=[f"{m}月" for _ in years for m in range(1, 13)], showgrid=True,
                         gridcolor=pal.grid, tickfont=dict(size=14))
    if today is not None:
        fig.add_vline(x=today, line=dict(color=pal.primary, width=2, dash="dot"))
        fig.add_annotation(text=f"截至 {today.month}月{today.day}日", x=today, y=1, yref="paper", yanchor="top",
                           xanchor="right" if today.month > 10 else "left", xshift=-6 if today.month > 10 else 6,
                           showarrow=False, font=dict(size=14, color=pal.primary),
                           bgcolor=rgba(pal.background, 0.85))
    fig.update_yaxes(range=[0, 105], tickvals=(0, 25, 50, 75, 100), ticktext=("0%", "25%", "50%", "75%", "100%"),
                     gridcolor=pal.grid, tickfont=dict(size=13, color=pal.muted), title=None)
    fig.update_layout(legend=dict(orientation="v", x=1.01, xanchor="left", y=1, yanchor="top",
                                  font=dict(size=14)), hovermode="closest")
    if not with_history:
        fig.add_annotation(text="各支部尚未填报进度", xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
                           font=dict(family=theme.FONT_STACK, size=20, color=pal.muted))
    notes = [f"{len(named)} 个支部着色"] + ([f"另有 {len(faint)} 个以灰线显示"] if faint else [])
    silent = len(branches) - len(with_history)
    if silent:
        notes.append(f"{silent} 个尚无进度记录")
    if today is not None:
        notes.append(f"统计至 {cn_date(today)}")
    return style_figure(fig, title=title or "各支部进度变化", subtitle="，".join(notes), palette=pal.name,
                        width=width, height=height, margin=dict(l=80, r=220, t=140, b=60))
