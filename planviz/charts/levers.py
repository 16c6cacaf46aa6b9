"""Lever matrix (五大抓手 × 六度): how many projects each lever puts into each dimension."""
from __future__ import annotations

import plotly.graph_objects as go

from .. import theme
from ..model import Plan
from ..stats import lever_counts
from .style import colored_label, rgba, style_figure


def lever_grid(plan: Plan) -> list[list[int]]:
    """Project counts as rows (the plan's levers) × columns (the plan's dimensions), in plan order."""
    counts = lever_counts(plan)
    return [[counts[(lever, dim)] for dim in plan.dimensions] for lever in plan.levers]


def unplaced_projects(plan: Plan) -> int:
    """Projects missing a lever or a dimension (or naming one the plan does not list): not in the matrix."""
    return sum(1 for p in plan.projects
               if p.lever not in plan.levers or p.dimension not in plan.dimensions)


def lever_matrix(plan: Plan, *, palette: str = "party", title: str | None = None,
                 width: int = 1200, height: int = 720) -> go.Figure:
    """Heatmap of projects per lever (rows) and dimension (columns) with row and column totals.

    One trace: the heatmap, whose ``z`` is :func:`lever_grid`. Empty cells stay white and
    unlabelled so the gaps stand out; totals are annotations right of the rows and under the columns.
    """
    pal = theme.palette(palette)
    dims, levers = list(plan.dimensions), list(plan.levers)
    z = lever_grid(plan)
    top = max([max(row) for row in z if row] + [1])
    text = [[str(v) if v else "" for v in row] for row in z]
    fig = go.Figure(go.Heatmap(
        z=z, x=dims, y=levers, text=text, texttemplate="%{text}",
        textfont=dict(family=theme.FONT_STACK, size=24),
        colorscale=[[0, "#FFFFFF"], [0.0001, rgba(pal.primary, 0.12)], [1, pal.primary]],
        zmin=0, zmax=top, showscale=False, xgap=3, ygap=3,
        hovertemplate="%{y} × %{x}：%{z} 个项目<extra></extra>"))
    fig.update_xaxes(side="top", tickmode="array", tickvals=dims, showgrid=False, zeroline=False,
                     ticktext=[colored_label("<br>".join(theme.wrap_text(d, 12, max_lines=2)),
                                             theme.dimension_color(d, plan.dimensions)) for d in dims],
                     tickangle=0,
                     tickfont=dict(size=19), ticklabelstandoff=8)
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=levers, showgrid=False, zeroline=False,
                     ticktext=[colored_label(theme.truncate(lv, 12), theme.lever_color(lv, plan.levers))
                               for lv in levers],
                     tickfont=dict(size=19), ticklabelstandoff=14)
    fig.update_layout(plot_bgcolor=pal.panel)
    _add_totals(fig, z, dims, levers, pal)

    total = sum(map(sum, z))
    subtitle = f"{plan.display_title} · 共 {total} 个项目标注了抓手和维度"
    missing = unplaced_projects(plan)
    if missing:
        subtitle += f"，另有 {missing} 个项目未标注，未计入"
    if not total:
        fig.add_annotation(text="计划中的项目尚未标注抓手或维度", xref="paper", yref="paper", x=0.5, y=0.5,
                           showarrow=False, font=dict(size=22, color=pal.muted))
    return style_figure(fig, title=title or "五大抓手 × 六度 矩阵", subtitle=subtitle, palette=pal.name,
                        width=width, height=height, margin=dict(l=130, r=120, t=170, b=90))


def _add_totals(fig: go.Figure, z: list[list[int]], dims: list[str], levers: list[str],
                pal: theme.Palette) -> None:
    """Row totals right of the matrix and column totals under it; a zero total is marked in red."""
    def note(text: str, **pos) -> None:
        fig.add_annotation(text=text, showarrow=False, font=dict(family=theme.FONT_STACK, size=16), **pos)

    for lever, row in zip(levers, z):
        total = sum(row)
        colour = pal.primary if total == 0 else pal.ink
        note(f'<span style="color:{colour}">合计 <b>{total}</b></span>',
             x=1.0, xref="paper", xanchor="left", xshift=14, y=lever, yref="y")
    for j, dim in enumerate(dims):
        total = sum(row[j] for row in z)
        colour = pal.primary if total == 0 else pal.ink
        note(f'<span style="color:{colour}">合计 <b>{total}</b></span>',
             x=dim, xref="x", y=0.0, yref="paper", yanchor="top", yshift=-12)
