"""Progress views: status donut, completion by dimension and owner, planned vs actual, overdue list."""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import theme
from ..model import Plan
from ..vocab import LEVEL_NAMES, STATUSES
from ..stats import (cn_date, dimension_stats, effective_status, overdue_items, owner_stats, percent, planned_curve,
                     planned_progress_on, span_of, status_counts, work_items, year_bounds)
from .style import rgba, style_figure

NO_PROGRESS = "计划尚未填报进度"
OVERDUE_COLUMNS = ("事项", "层级", "负责人", "完成时限", "逾期天数", "进度", "状态")
AHEAD_COLOR = theme.status_color("已完成")  # ahead of plan: the green of finished work
PERCENT_TICKS = (0, 25, 50, 75, 100)
PERCENT_TEXT = tuple(f"{v}%" for v in PERCENT_TICKS)  # ticksuffix is ignored once tickvals are given


# -- panels: each draws into one cell of a (possibly 1×1) subplot grid ----------------------------
def _refs(fig: go.Figure, row: int, col: int) -> tuple[str, str]:
    """Plotly references ("x2", "y2") of the axes in a subplot cell."""
    cell = fig.get_subplot(row, col)
    return cell.xaxis.plotly_name.replace("axis", ""), cell.yaxis.plotly_name.replace("axis", "")


def _panel_note(fig: go.Figure, row: int, col: int, text: str, pal: theme.Palette, *, y: float = 0.5,
                yanchor: str = "middle", size: int = 17, color: str | None = None) -> None:
    """A line of text centred over an xy panel, in its own domain coordinates."""
    x, yy = _refs(fig, row, col)
    fig.add_annotation(text=text, xref=f"{x} domain", yref=f"{yy} domain", x=0.5, y=y, yanchor=yanchor,
                       showarrow=False, font=dict(family=theme.FONT_STACK, size=size, color=color or pal.muted),
                       bgcolor=rgba(pal.background, 0.85))


def _draw_donut(fig: go.Figure, plan: Plan, pal: theme.Palette, row: int, col: int, scale: float = 1.0) -> None:
    """Donut on the left of the cell, and a key with every status and its count on the right.

    Counts sit in the key, not on the slices: small slices (延期, 暂缓) matter most and
    would otherwise get labels that collide.
    """
    counts = status_counts(plan)
    overall = plan.overall_progress()
    cell = fig.get_subplot(row, col)
    (x0, x1), (y0, y1) = cell.x, cell.y
    split = x0 + 0.64 * (x1 - x0)
    if overall is not None:
        centre = f"<b>{percent(overall)}</b><br><span style='font-size:{int(16 * scale)}px'>总体进度</span>"
    else:
        centre = "<br>".join(theme.wrap_text(NO_PROGRESS, 8))
    fig.add_trace(go.Pie(
        labels=list(STATUSES), values=[counts[s] for s in STATUSES], hole=0.62, sort=False,
        direction="clockwise", domain=dict(x=[x0, split], y=[y0, y1]),
        marker=dict(colors=[theme.status_color(s) for s in STATUSES], line=dict(color="white", width=2)),
        textinfo="none", hovertemplate="%{label}：%{value} 项（%{percent}）<extra></extra>",
        title=dict(text=centre, position="middle center",
                   font=dict(family=theme.FONT_STACK, size=int((38 if overall is not None else 18) * scale),
                             color=pal.primary if overall is not None else pal.muted)),
        showlegend=False))  # no row/col: plotly would stretch the donut over the whole cell
    step = 34 * scale  # pixels between key lines
    for n, status in enumerate(STATUSES):
        fig.add_annotation(
            text=(f'<span style="color:{theme.status_color(status)}">●</span> {status}'
                  f'  <b>{counts[status]}</b> 项'),
            xref="paper", yref="paper", x=split + 0.03 * (x1 - x0), y=(y0 + y1) / 2, yshift=(2 - n) * step,
            xanchor="left",
            showarrow=False, font=dict(family=theme.FONT_STACK, size=int(16 * scale), color=pal.ink))


def _draw_dimension_bars(fig: go.Figure, plan: Plan, pal: theme.Palette, row: int, col: int) -> None:
    """Mean progress per dimension in the plan's order and the dimension colours."""
    stats = dimension_stats(plan)
    dims = [s.dimension for s in stats]
    values = [(s.progress or 0) * 100 for s in stats]
    fig.add_trace(go.Bar(
        x=values, y=[theme.truncate(d, 12) for d in dims], orientation="h", name="平均进度",
        marker=dict(color=[theme.dimension_color(d, plan.dimensions) for d in dims]),
        text=[percent(s.progress) for s in stats], textposition="outside", cliponaxis=False,
        textfont=dict(family=theme.FONT_STACK, size=15, color=pal.ink),
        hovertemplate="%{y}：%{text}<extra></extra>", showlegend=False), row=row, col=col)
    _percent_axis(fig, row, col, pal)
    fig.update_layout(bargap=0.35)
    _category_axis(fig, row, col, len(dims), size=16)
    if not any(s.progress is not None for s in stats):
        _panel_note(fig, row, col, NO_PROGRESS, pal)


def owner_heading(plan: Plan, top: int) -> str:
    """Heading of the owner bars; says how many owners were left out when the list is cut."""
    hidden = len(owner_stats(plan)) - top
    return f"责任人完成情况（前 {top} 人，另有 {hidden} 人）" if hidden > 0 else "责任人完成情况"


def _draw_owner_bars(fig: go.Figure, plan: Plan, pal: theme.Palette, row: int, col: int, top: int) -> None:
    """Busiest owners first; the heading (see :func:`owner_heading`) names the ones left out."""
    rows = owner_stats(plan)
    shown = rows[:top]
    values = [(p or 0) * 100 for _, _, p in shown]
    fig.add_trace(go.Bar(
        x=values, y=[theme.truncate(o, 12) for o, _, _ in shown], orientation="h", name="平均进度",
        marker=dict(color=pal.primary, line=dict(width=0)),
        text=[f"{percent(p)}（{n} 项）" for _, n, p in shown], textposition="outside", cliponaxis=False,
        textfont=dict(family=theme.FONT_STACK, size=14, color=pal.ink),
        hovertemplate="%{y}：%{text}<extra></extra>", showlegend=False), row=row, col=col)
    _percent_axis(fig, row, col, pal, room=135)
    fig.update_layout(bargap=0.35)
    _category_axis(fig, row, col, len(shown), size=15)
    if not rows:
        _panel_note(fig, row, col, "计划中的事项尚未填写负责人", pal)
    elif not any(p is not None for _, _, p in shown):
        _panel_note(fig, row, col, NO_PROGRESS, pal)


def _category_axis(fig: go.Figure, row: int, col: int, n: int, size: int) -> None:
    """First category on top; at least six slots, so two or three bars do not turn into slabs."""
    fig.update_yaxes(range=[max(n, 6) - 0.5, -0.5], autorange=False, tickfont=dict(size=size),
                     ticklabelstandoff=6, row=row, col=col)


def _percent_axis(fig: go.Figure, row: int, col: int, pal: theme.Palette, room: float = 115) -> None:
    """0–100% value axis; ``room`` leaves space right of 100% for the labels outside the bars."""
    fig.update_xaxes(range=[0, room], tickvals=PERCENT_TICKS, ticktext=PERCENT_TEXT, gridcolor=pal.grid, tickangle=0,
                     zeroline=True, zerolinecolor=pal.grid, tickfont=dict(size=13, color=pal.muted),
                     row=row, col=col)


def _fit_percent_axis(fig: go.Figure, width: int) -> None:
    """In a narrow figure five percent labels run into each other: keep 0%, 50% and 100%."""
    if width < NARROW_AXIS_PX:
        fig.update_xaxes(tickvals=PERCENT_TICKS[::2], ticktext=PERCENT_TEXT[::2])


def _draw_planned(fig: go.Figure, plan: Plan, pal: theme.Palette, row: int, col: int, today: date) -> None:
    """Planned curve over the plan year, the today line, and today's actual vs planned progress."""
    first, last = year_bounds(plan)
    curve = planned_curve(plan)
    dated = any(span_of(plan, i) for i in work_items(plan))
    fig.add_trace(go.Scatter(
        x=[d for d, _ in curve], y=[v * 100 for _, v in curve], mode="lines", name="计划进度",
        line=dict(color=pal.accent, width=3.5, shape="spline", smoothing=0.4),
        fill="tozeroy", fillcolor=rgba(pal.accent, 0.14),
        hovertemplate="%{x|%m月%d日} 应完成 %{y:.0f}%<extra></extra>"), row=row, col=col)
    x, y = _refs(fig, row, col)
    fig.update_xaxes(range=[first, last], tickmode="array",
                     tickvals=[date(plan.year, m, 1) for m in range(1, 13)], ticktext=[f"{m}月" for m in range(1, 13)],
                     showgrid=True, gridcolor=pal.grid, tickfont=dict(size=14), row=row, col=col)
    fig.update_yaxes(range=[0, 105], tickvals=PERCENT_TICKS, ticktext=PERCENT_TEXT, gridcolor=pal.grid,
                     tickfont=dict(size=13, color=pal.muted), ticklabelstandoff=8, row=row, col=col)
    if not dated:
        _panel_note(fig, row, col, "事项均未填写完成时限，无法计算计划进度", pal, y=0.6)

    if today < first:
        _panel_note(fig, row, col, f"{plan.year} 年尚未开始", pal, y=0.75)
        return
    on = min(today, last)
    label = "今天" if today <= last else "年末"
    fig.add_shape(type="line", x0=on, x1=on, y0=0, y1=1, xref=x, yref=f"{y} domain",
                  line=dict(color=pal.primary, width=2, dash="dot"))
    # Inside the plot, so it never meets the panel title above it.
    fig.add_annotation(text=f"{label} {on.month}月{on.day}日", x=on, xref=x, y=1.0, yref=f"{y} domain",
                       yanchor="top", xanchor="right" if on.month > 10 else "left",
                       xshift=-6 if on.month > 10 else 6, showarrow=False, font=dict(size=14, color=pal.primary),
                       bgcolor=rgba(pal.background, 0.85))
    actual = plan.overall_progress()
    if actual is None:
        _panel_note(fig, row, col, NO_PROGRESS, pal, y=0.75, color=pal.primary)
        return
    planned = planned_progress_on(plan, on)
    fig.add_trace(go.Scatter(
        x=[on], y=[actual * 100], mode="markers", name="实际进度",
        marker=dict(color=pal.primary, size=16, symbol="diamond", line=dict(color="white", width=2)),
        hovertemplate=f"{on.month}月{on.day}日 实际完成 {percent(actual)}<extra></extra>"), row=row, col=col)
    text = f"实际完成 <b>{percent(actual)}</b>"
    colour = pal.primary
    if planned is not None:  # None when no work item has dates
        gap = (actual - planned) * 100
        colour = AHEAD_COLOR if gap >= 0 else pal.primary
        words = (f"超前 {gap:.0f} 个百分点" if gap >= 0.5 else
                 f"落后 {-gap:.0f} 个百分点" if gap <= -0.5 else "与计划持平")
        fig.add_trace(go.Scatter(
            x=[on], y=[planned * 100], mode="markers", name="计划应达",
            marker=dict(color=pal.accent, size=12, line=dict(color="white", width=2)),
            hovertemplate=f"{on.month}月{on.day}日 计划应完成 {percent(planned)}<extra></extra>"), row=row, col=col)
        fig.add_shape(type="line", x0=on, x1=on, y0=planned * 100, y1=actual * 100, xref=x, yref=y,
                      line=dict(color=colour, width=4))
        text += f"　计划应达 {percent(planned)}<br><b>{words}</b>"
    # The call-out sits left of (or, early in the year, right of) the markers, clear of the curve.
    left = on > date(plan.year, 3, 1)
    fig.add_annotation(
        text=text, x=on, y=actual * 100, xref=x, yref=y, ax=-40 if left else 40, ay=60 if actual > 0.4 else -60,
        xanchor="right" if left else "left", showarrow=True, arrowhead=0, arrowwidth=1.5, arrowcolor=colour,
        align="right" if left else "left", font=dict(family=theme.FONT_STACK, size=16, color=colour),
        bgcolor=rgba(pal.background, 0.92), bordercolor=colour, borderwidth=1.5, borderpad=8)


# -- single figures -----------------------------------------------------------------------------
def _subtitle(plan: Plan, extra: str = "") -> str:
    return f"{plan.display_title}{' · ' + extra if extra else ''}"


def status_donut(plan: Plan, *, palette: str = "party", title: str | None = None,
                 width: int = 1100, height: int = 760) -> go.Figure:
    """Donut of the five statuses over the work items; the centre shows overall progress."""
    pal = theme.palette(palette)
    fig = make_subplots(rows=1, cols=1, specs=[[{"type": "domain"}]])
    # The key's longest line (“● 已完成  32 项”) is about 8 em: smaller type where the figure is narrow.
    _draw_donut(fig, plan, pal, 1, 1, scale=min(1.3, max(0.8, width / 760)))
    n = len(work_items(plan))
    return style_figure(fig, title=title or "事项状态", subtitle=_subtitle(plan, f"共 {n} 项工作"),
                        palette=pal.name, width=width, height=height, margin=dict(l=60, r=40, t=140, b=50))


def completion_by_dimension(plan: Plan, *, palette: str = "party", title: str | None = None,
                            width: int = 1100, height: int = 620) -> go.Figure:
    """Horizontal bars: mean reported progress of each dimension, in dimension colours."""
    pal = theme.palette(palette)
    fig = make_subplots(rows=1, cols=1)
    _draw_dimension_bars(fig, plan, pal, 1, 1)
    _fit_percent_axis(fig, width)
    return style_figure(fig, title=title or "各维度完成情况", subtitle=_subtitle(plan, "平均进度"),
                        palette=pal.name, width=width, height=height, margin=dict(l=110, r=60, t=130, b=60))


def completion_by_owner(plan: Plan, *, top: int = 15, palette: str = "party", title: str | None = None,
                        width: int = 1100, height: int | None = None) -> go.Figure:
    """Horizontal bars: mean progress per owner (busiest first, at most ``top``), with item counts."""
    pal = theme.palette(palette)
    fig = make_subplots(rows=1, cols=1)
    _draw_owner_bars(fig, plan, pal, 1, 1, top)
    _fit_percent_axis(fig, width)
    shown = min(top, len(owner_stats(plan)))
    return style_figure(fig, title=title or owner_heading(plan, top),
                        subtitle=_subtitle(plan, "平均进度（负责事项数）"), palette=pal.name,
                        width=width, height=height or max(520, 230 + 42 * shown),
                        margin=dict(l=120, r=60, t=130, b=80))


WIDE_LEGEND_PX = 1000
NARROW_AXIS_PX = 600  # below this figure width a percent axis shows every other label  # the legend fits beside the title from this figure width on


def planned_vs_actual(plan: Plan, *, today: date | None = None, palette: str = "party",
                      title: str | None = None, width: int = 1400, height: int = 650) -> go.Figure:
    """Planned progress curve over the year against the reported overall progress today."""
    pal = theme.palette(palette)
    fig = make_subplots(rows=1, cols=1)
    _draw_planned(fig, plan, pal, 1, 1, today or date.today())
    if width < NARROW_AXIS_PX:  # twelve “10月” labels would turn sideways: level month numbers
        fig.update_xaxes(ticktext=[str(m) for m in range(1, 13)], tickangle=0, title=dict(text="月份", standoff=4))
        fig.update_annotations(selector=dict(showarrow=True), font_size=13, borderpad=5)  # the call-out clears the axis
    wide = width >= WIDE_LEGEND_PX  # beside the title on a wide figure; under the plot where it would overprint it
    fig.update_layout(legend=dict(orientation="h", x=1, xanchor="right", y=0.975, yanchor="top", yref="container")
                      if wide else dict(orientation="h", x=0, xanchor="left", y=0, yanchor="bottom", yref="container"))
    return style_figure(fig, title=title or "计划进度与实际进度",
                        subtitle=_subtitle(plan, "按完成时限推算应完成比例"), palette=pal.name,
                        width=width, height=height, margin=dict(l=80, r=60, t=140, b=60 if wide else 100))


def overdue_table(plan: Plan, *, today: date | None = None) -> pd.DataFrame:
    """Unfinished projects and tasks past their deadline, most overdue first, with Chinese columns."""
    today = today or date.today()
    rows = [{
        "事项": item.title,
        "层级": LEVEL_NAMES.get(item.level, item.level),
        "负责人": item.owner_text or "未填写",
        "完成时限": item.end.isoformat(),
        "逾期天数": (today - item.end).days,
        "进度": percent(item.progress),
        "状态": effective_status(item),
    } for item in overdue_items(plan, today)]
    return pd.DataFrame(rows, columns=list(OVERDUE_COLUMNS))


def progress_overview(plan: Plan, *, today: date | None = None, palette: str = "party", top: int = 10,
                      title: str | None = None, width: int = 1600, height: int = 1000) -> go.Figure:
    """One figure for ``render --chart progress``: status donut, by dimension, by owner, planned vs actual."""
    pal = theme.palette(palette)
    today = today or date.today()
    fig = make_subplots(
        rows=2, cols=3,
        specs=[[{"type": "domain"}, {"type": "xy"}, {"type": "xy"}], [{"type": "xy", "colspan": 3}, None, None]],
        column_widths=[0.34, 0.3, 0.36], row_heights=[0.58, 0.42], horizontal_spacing=0.09,
        vertical_spacing=0.14,
        subplot_titles=("事项状态", "各维度完成情况", owner_heading(plan, top), "计划进度与实际进度"))
    fig.update_annotations(font=dict(family=theme.FONT_STACK, size=19, color=pal.ink), yshift=10)
    _draw_donut(fig, plan, pal, 1, 1)
    _draw_dimension_bars(fig, plan, pal, 1, 2)
    _draw_owner_bars(fig, plan, pal, 1, 3, top)
    _draw_planned(fig, plan, pal, 2, 1, today)
    fig.update_layout(showlegend=False)
    key = f"共 {len(work_items(plan))} 项工作 · 统计日 {cn_date(today)}"
    return style_figure(fig, title=title or "进度总览", subtitle=_subtitle(plan, key), palette=pal.name,
                        width=width, height=height, margin=dict(l=70, r=50, t=140, b=60))
