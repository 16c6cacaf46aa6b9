"""Timeline of a plan (plotly): one row per project (tasks optional) over the plan year."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import plotly.graph_objects as go

from .. import theme
from ..dates import RECURRENCE_WORDS
from ..model import STATUSES, Item, Plan
from ..stats import (MONTH_LABELS, QUARTERS, UNGROUPED, Group, effective_status, is_overdue,  # noqa: F401
                     item_dimension, month_label, percent, plan_groups, span_of, when_text, year_bounds)
from .style import escape_text, shade, style_figure, tint
from .template import apply_theme

COLOR_BYS = ("dimension", "status")
RECURRENCE_MONTHS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}
KIND_NAMES = {"deadline": "截止时间（仅有期限）", "day": "单日活动", "recurring": "周期性工作", "milestone": "里程碑"}
KIND_SYMBOLS = {"deadline": "diamond", "day": "circle", "recurring": "line-ns", "milestone": "star"}
UNDATED_TEXT = "时间待定"
LABEL_WIDTH = 36  # display columns of a row label, at most
# Row labels: at most this share of the figure width; pixels per display column and padding.
LABEL_SHARE, LABEL_PX, LABEL_PAD = 0.35, 8, 30
ROW_HEIGHT = 28  # pixels per row
COMPACT_ROWS = 200  # above this many rows they shrink, down to MIN_ROW_HEIGHT, to keep exports printable
MIN_ROW_HEIGHT = 16
MAX_ROWS = 300  # default row limit: a 5,000-item plan would take ~35 s to export (bench/bench_charts.py)
DAY_MS = 86_400_000
MONTH_LABEL_PX = 34  # a month's width below which its label drops “月” (“10月” in 13 px type is ~30 px)
LEGEND_ENTRY_PX = 118  # a legend entry's width (swatch and a short name), for counting the legend's lines
LEGEND_LINE_PX = 26


@dataclass(frozen=True)
class Row:
    """One line of the timeline: a group header, a project (or loose task) or a task."""

    kind: str  # "group", "project", "task" or "more" (a count of folded rows)
    label: str  # tick text, escaped, with markup
    width: int  # display columns of the label's visible text
    item: Item | None = None
    group: str = ""


# -- dates ----------------------------------------------------------------------------
def _placement(plan: Plan, item: Item) -> str | None:
    """How an item is drawn: recurring, span, milestone, deadline, day, or None (undated).

    A milestone with a real span keeps its bar (and gets a star at its end).
    """
    if item.recurrence:
        return "recurring"
    if span_of(plan, item) is None:
        return None
    if item.start is not None and item.end is not None and item.start != item.end:
        return "span"
    if item.milestone:
        return "milestone"
    return "deadline" if item.start is None else "day"


def undated_items(plan: Plan) -> list[Item]:
    """Projects and tasks the timeline cannot place: no start, end or rhythm, in plan order."""
    return [i for i in plan.items if i.level != "section" and _placement(plan, i) is None]


def recurrence_dates(plan: Plan, item: Item) -> list[date]:
    """The middle day of each period of an item's rhythm within its span (default: the plan year).

    Monthly gives 12 dates over a whole year, quarterly 4, half-yearly 2, yearly 1, weekly 52–53.
    """
    first = item.start or date(plan.year, 1, 1)
    last = item.end or date(plan.year, 12, 31)
    if item.recurrence == "weekly":
        return [first + timedelta(days=3 + 7 * k) for k in range(((last - first).days + 1) // 7)]
    months = RECURRENCE_MONTHS.get(item.recurrence or "")
    if not months:
        return []
    out = []
    year, month = first.year, 1 + (first.month - 1) // months * months  # periods aligned to the year
    while date(year, month, 1) <= last:
        start = date(year, month, 1)
        nxt = date(year + (month + months - 1) // 12, (month + months - 1) % 12 + 1, 1)
        middle = start + (nxt - start) / 2
        if first <= middle <= last:
            out.append(middle)
        year, month = nxt.year, nxt.month
    return out


# -- rows and hover text ------------------------------------------------------------------
def _esc(text: str) -> str:
    """One-line, escaped text for plotly labels (cells may hold newlines)."""
    return escape_text(" ".join(str(text).split()))


def _rows(groups: list[Group], show_tasks: bool, color_of, muted: str, max_rows: int,
          label_width: int = LABEL_WIDTH) -> list[Row]:
    """Header, project and task rows; past ``max_rows`` each group keeps an equal share of rows
    and one “另有 N 项” row counts what it folds away."""
    def size(branch) -> int:
        return 1 + (len(branch.tasks) if show_tasks else 0)

    total = len(groups) + sum(size(b) for g in groups for b in g.branches)
    quota = None if total <= max_rows else max(2, (max_rows - 2 * len(groups)) // max(1, len(groups)))
    rows = []
    for group in groups:
        color = color_of(group.dimension) if group.dimension else None
        name = _esc(theme.truncate(group.name, label_width))
        label = f"<b>{name}</b>" if color is None else f"<b><span style='color:{color}'>■</span> {name}</b>"
        if not group.branches:
            label += " <span style='color:#A0A0A0'>（暂无项目）</span>"
        rows.append(Row("group", label, theme.display_width(group.name) + 14, group=group.name))
        used = 0
        for k, branch in enumerate(group.branches):
            if quota is not None and used + size(branch) > quota and k:
                rest = group.branches[k:]
                tasks = sum(len(b.tasks) for b in rest) if show_tasks else 0
                text = f"另有 {len(rest)} 项" + (f"（含任务 {tasks} 项）" if tasks else "") + "未显示"
                rows.append(Row("more", f"<i><span style='color:{muted}'>{_esc(text)}</span></i>",
                                theme.display_width(text), group=group.name))
                break
            used += size(branch)
            text = ("★ " if branch.item.highlight else "") + branch.item.title
            text = theme.truncate(" ".join(text.split()), label_width)
            label = f"<b>{_esc(text)}</b>" if show_tasks and branch.tasks else _esc(text)
            rows.append(Row("project", label, theme.display_width(text), branch.item, group.name))
            if show_tasks:  # tasks in a smaller, muted type: right-aligned labels cannot be indented
                for task in branch.tasks:
                    text = theme.truncate(" ".join(task.title.split()), label_width)
                    rows.append(Row("task", f"<span style='font-size:12px;color:{muted}'>{_esc(text)}</span>",
                                    theme.display_width(text), task, group.name))
    return rows


def _hover(plan: Plan, item: Item, dim: str | None, today: date, note: str = "") -> str:
    status = effective_status(item)
    lines = [f"<b>{_esc(item.title)}</b>"]
    if item.section:
        lines.append(f"板块：{_esc(item.section)}")
    lines.append(f"维度：{_esc(dim or UNGROUPED)}")
    lines.append(f"负责人：{_esc(item.owner_text) or '未填写'}")
    when = when_text(item)
    if item.recurrence:
        when += f"，{RECURRENCE_WORDS.get(item.recurrence, '')}"
    lines.append(f"时间：{_esc(when)}")
    state = f"状态：{status}"
    if is_overdue(item, today):
        state += "（已逾期）"
    lines.append(state)
    if item.progress is not None:
        lines.append(f"进度：{percent(item.progress)}")
    if note:
        lines.append(note)
    return "<br>".join(lines)


# -- traces, one set per colour key ----------------------------------------------------------
class _Series:
    """Points of one colour key (a dimension or a status), turned into a few traces."""

    def __init__(self, name: str, color: str):
        self.name = name
        self.color = color
        self.bars: dict[str, list] = {"y": [], "base": [], "x": [], "text": [], "line": [], "progress": []}
        self.marks: dict[str, dict[str, list]] = {k: {"x": [], "y": [], "text": []} for k in KIND_SYMBOLS}
        self.rhythm_lines: dict[str, list] = {"x": [], "y": []}

    def bar(self, y: int, start: date, end: date, hover: str, overdue: bool, progress: float | None) -> None:
        self.bars["y"].append(y)
        self.bars["base"].append(start.isoformat())
        self.bars["x"].append(((end - start).days + 1) * DAY_MS)  # the end day is included
        self.bars["text"].append(hover)
        self.bars["line"].append(theme.PARTY_RED if overdue else self.color)
        self.bars["progress"].append(progress)

    def mark(self, kind: str, y: int, day: date, hover: str) -> None:
        self.marks[kind]["x"].append(day.isoformat())
        self.marks[kind]["y"].append(y)
        self.marks[kind]["text"].append(hover)

    def traces(self) -> list[go.BaseTraceType]:
        out: list[go.BaseTraceType] = []
        common = dict(legendgroup=self.name, name=self.name, hovertemplate="%{text}<extra></extra>",
                      showlegend=False)
        if self.rhythm_lines["x"]:
            out.append(go.Scatter(x=self.rhythm_lines["x"], y=self.rhythm_lines["y"], mode="lines",
                                  line=dict(color=tint(self.color, 0.55), width=2), hoverinfo="skip",
                                  legendgroup=self.name, name=self.name, showlegend=False))
        if self.bars["y"]:
            out.append(go.Bar(orientation="h", y=self.bars["y"], base=self.bars["base"], x=self.bars["x"],
                              text=self.bars["text"], textposition="none", width=0.62,
                              marker=dict(color=tint(self.color, 0.35), line=dict(color=self.bars["line"], width=1.5)),
                              **common))
            done = [(y, b, x * min(1.0, max(0.0, p))) for y, b, x, p in
                    zip(self.bars["y"], self.bars["base"], self.bars["x"], self.bars["progress"]) if p]
            if done:  # a darker stripe over the finished share of each bar
                out.append(go.Bar(orientation="h", y=[d[0] for d in done], base=[d[1] for d in done],
                                  x=[d[2] for d in done], width=0.26, marker=dict(color=shade(self.color, 0.25)),
                                  hoverinfo="skip", legendgroup=self.name, name=f"{self.name}（已完成部分）",
                                  showlegend=False))
        for kind, pts in self.marks.items():
            if not pts["x"]:
                continue
            marker = dict(symbol=KIND_SYMBOLS[kind], size=13, color=self.color,
                          line=dict(color="#FFFFFF", width=1))
            if kind == "recurring":
                marker = dict(symbol="line-ns", size=14, color=self.color, line=dict(color=self.color, width=2.5))
            elif kind == "milestone":
                marker.update(size=17, line=dict(color=theme.GOLD, width=1.5))
            out.append(go.Scatter(x=pts["x"], y=pts["y"], text=pts["text"], mode="markers", marker=marker,
                                  **common))
        # the colour key appears once in the legend, as a plain swatch
        out.append(go.Scatter(x=[None], y=[None], mode="markers", name=self.name, legendgroup=self.name,
                              marker=dict(symbol="square", size=13, color=tint(self.color, 0.2),
                                          line=dict(color=self.color, width=1))))
        return out


def _check(group_by: str, color_by: str) -> None:
    if group_by not in ("section", "dimension"):
        raise ValueError(f"时间轴的分组方式须为 section（板块）或 dimension（维度），收到「{group_by}」")
    if color_by not in COLOR_BYS:
        raise ValueError(f"时间轴的着色方式须为 dimension（维度）或 status（状态），收到「{color_by}」")


def timeline(plan: Plan, *, group_by: str = "section", color_by: str = "dimension", show_tasks: bool = False,
             today: date | None = None, palette: str = "party", height: int | None = None,
             max_rows: int | None = None, width: int = 1600, undated_note: bool = True) -> go.Figure:
    """The plan on a year calendar: bars from start to end, grouped by section or dimension.

    Deadline-only items are diamonds at the deadline, one-day items dots, milestones stars,
    recurring items a tick per period; the finished share is a darker stripe with its percent.
    ``today`` (default: the real date) draws a “今天” line when it falls in the plan year.
    Undated items keep their row (“时间待定”) and are listed under the chart. Beyond
    ``max_rows`` rows (default 300) each group shows its first items and a “另有 N 项未显示” row.
    ``width`` is the figure's pixel width (1600 prints well; the dashboard passes its column's
    width); row labels take at most LABEL_SHARE of it. ``undated_note=False`` leaves out the list of
    undated items under the chart, for screens that list them beside it.
    """
    _check(group_by, color_by)
    today = today or date.today()
    pal = theme.palette(palette)
    by_id = plan.by_id()

    def dim_color(dim: str | None) -> str:
        return theme.dimension_color(dim, plan.dimensions)

    groups = plan_groups(plan, group_by)
    label_columns = max(8, min(LABEL_WIDTH, int((LABEL_SHARE * width - LABEL_PAD) / LABEL_PX)))
    rows = _rows(groups, show_tasks, dim_color, pal.muted, max_rows or MAX_ROWS, label_columns)
    tasks_of = {b.item.id: b.tasks for g in groups for b in g.branches}
    keys = [*plan.dimensions, UNGROUPED] if color_by == "dimension" else list(STATUSES)
    series: dict[str, _Series] = {}
    progress_text: dict[str, list] = {"x": [], "y": [], "text": []}
    undated_text: dict[str, list] = {"x": [], "y": []}
    undated: list[Item] = []  # shown rows without any date
    year_start, year_end = year_bounds(plan)
    lo, hi = year_start, year_end

    for y, row in enumerate(rows):
        item = row.item
        if item is None:
            continue
        dim = item_dimension(plan, item, by_id)
        key = (dim or UNGROUPED) if color_by == "dimension" else effective_status(item)
        color = dim_color(dim) if color_by == "dimension" else theme.status_color(key)
        s = series.setdefault(key, _Series(key, color))
        hover = _hover(plan, item, dim, today)
        kind = _placement(plan, item)
        right = None  # last day drawn, where the percent goes
        if kind == "span":
            s.bar(y, item.start, item.end, hover, is_overdue(item, today), item.progress)
            if item.milestone:
                s.mark("milestone", y, item.end, hover)
            right = item.end
        elif kind == "recurring":
            ticks = recurrence_dates(plan, item)
            first, last = item.start or year_start, item.end or year_end
            s.rhythm_lines["x"] += [first.isoformat(), last.isoformat(), None]
            s.rhythm_lines["y"] += [y, y, None]
            for day in ticks:
                s.mark("recurring", y, day, hover)
            right = last
        elif kind in ("deadline", "day", "milestone"):
            day = item.end or item.start
            s.mark(kind, y, day, hover)
            right = day
        else:
            dated = [span_of(plan, t) for t in tasks_of.get(item.id, ()) if _placement(plan, t)]
            if dated and row.kind == "project":  # an undated project spans its tasks' dates
                first, last = min(d[0] for d in dated), max(d[1] for d in dated)
                s.bar(y, first, last, _hover(plan, item, dim, today, "（按所属任务的时间汇总显示）"), False, None)
                right = last
            else:
                undated.append(item)
                undated_text["x"].append((year_start + timedelta(days=4)).isoformat())
                undated_text["y"].append(y)
        if right is not None:
            lo, hi = min(lo, item.start or right), max(hi, right)
            if item.progress is not None:
                gap = 3 if kind in ("span", "recurring") or kind is None else 7  # clear of the marker
                if item.milestone:
                    gap = 9  # the star is the widest marker
                progress_text["x"].append((right + timedelta(days=gap)).isoformat())
                progress_text["y"].append(y)
                progress_text["text"].append(percent(item.progress))

    fig = go.Figure()
    apply_theme(fig, palette)
    ordered = sorted(series.values(), key=lambda s: keys.index(s.name) if s.name in keys else len(keys))
    for s in ordered:
        fig.add_traces(s.traces())
    if progress_text["x"]:
        fig.add_trace(go.Scatter(x=progress_text["x"], y=progress_text["y"], text=progress_text["text"],
                                 mode="text", textposition="middle right", name="进度", cliponaxis=False,
                                 textfont=dict(size=11, color=pal.muted), hoverinfo="skip", showlegend=False))
    if undated_text["x"]:
        fig.add_trace(go.Scatter(x=undated_text["x"], y=undated_text["y"], mode="text", name=UNDATED_TEXT,
                                 text=[UNDATED_TEXT] * len(undated_text["x"]), textposition="middle right",
                                 textfont=dict(size=11, color=theme.UNKNOWN_COLOR), hoverinfo="skip",
                                 showlegend=False))
    for kind, name in KIND_NAMES.items():  # a legend of the marks, in neutral grey
        used = any(s.marks[kind]["x"] for s in series.values())
        if used:
            marker = dict(symbol=KIND_SYMBOLS[kind], size=12, color=pal.muted)
            if kind == "recurring":
                marker["line"] = dict(color=pal.muted, width=2.5)
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker=marker, name=name,
                                     legendgroup=f"kind-{kind}"))

    _layout(fig, plan, rows, undated if undated_note else [], pal, lo, hi, today, group_by, color_by, height, width)
    return fig


def _layout(fig: go.Figure, plan: Plan, rows: list[Row], undated: list[Item], pal: theme.Palette, lo: date,
            hi: date, today: date, group_by: str, color_by: str, height: int | None, width: int) -> None:
    """Axes, quarter bands, group bands, the today line, the undated list and the size."""
    year = plan.year
    n = len(rows)
    left = min(round(LABEL_SHARE * width), LABEL_PAD + LABEL_PX * max([r.width for r in rows] + [12]))
    band_start = -left / (width - left - 40)  # group bands reach under the row labels
    shapes, notes = [], []
    for q, name in enumerate(QUARTERS):
        q0, q1 = date(year, 3 * q + 1, 1), date(year + (q == 3), (3 * q + 3) % 12 + 1, 1)
        shapes.append(dict(type="rect", xref="x", yref="paper", x0=q0.isoformat(), x1=q1.isoformat(), y0=0, y1=1,
                           fillcolor=pal.panel if q % 2 else pal.background, line=dict(width=0), layer="below",
                           name=name))
        notes.append(dict(x=(q0 + (q1 - q0) / 2).isoformat(), y=1, xref="x", yref="paper", yanchor="bottom",
                          yshift=30, text=f"<b>{name}</b>", showarrow=False,
                          font=dict(size=14, color=pal.primary)))
    for y, row in enumerate(rows):
        if row.kind == "group":
            shapes.append(dict(type="rect", xref="paper", yref="y", x0=band_start, x1=1, y0=y - 0.5, y1=y + 0.5,
                               fillcolor=theme.LIGHT_GOLD if pal.name == "party" else pal.grid, opacity=0.55,
                               line=dict(width=0), layer="below", name=f"分组：{row.group}"))
            if y:
                shapes.append(dict(type="line", xref="paper", yref="y", x0=band_start, x1=1, y0=y - 0.5, y1=y - 0.5,
                                   line=dict(color=pal.accent, width=1)))
    if lo <= today <= hi and today.year == year:
        shapes.append(dict(type="line", xref="x", yref="paper", x0=today.isoformat(), x1=today.isoformat(),
                           y0=0, y1=1, line=dict(color=pal.primary, width=2, dash="dash"), name="今天"))
        notes.append(dict(x=today.isoformat(), y=0, xref="x", yref="paper", yanchor="top", showarrow=False,
                          text=f"<b>今天 {today.month}月{today.day}日</b>", font=dict(size=12, color="#FFFFFF"),
                          bgcolor=pal.primary, borderpad=3, name="今天"))

    note_lines: list[str] = []
    if undated:
        names = "、".join(theme.truncate(i.title, 24) for i in undated)
        note_lines = theme.wrap_text(f"时间待定（{len(undated)} 项）：{names}", max(40, (width - 60) * 2 // 13),
                                     max_lines=5)  # 12 px type: 6.5 px a column
        notes.append(dict(x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top", yshift=-30,
                          align="left", showarrow=False, name=UNDATED_TEXT,
                          text="<br>".join(_esc(line) for line in note_lines),
                          font=dict(size=12, color=pal.muted)))

    top = 150
    # The legend wraps onto more lines in a narrow figure; it grows upwards from the bottom edge, so the
    # margin grows with it and the “今天” tag under the plot stays clear of it.
    legend_lines = math.ceil(LEGEND_ENTRY_PX * (len(plan.dimensions if color_by == "dimension" else STATUSES) + 3)
                             / max(width - 40, 1))
    bottom = 64 + LEGEND_LINE_PX * legend_lines + 20 * len(note_lines)
    row_height = max(MIN_ROW_HEIGHT, min(ROW_HEIGHT, ROW_HEIGHT * COMPACT_ROWS // max(n, 1)))
    height = height or top + bottom + max(n, 3) * row_height
    group_word = "板块" if group_by == "section" else "维度"
    color_word = "维度" if color_by == "dimension" else "状态"
    style_figure(fig, title="时间轴", palette=pal.name, width=width, height=height,
                 subtitle=f"{plan.display_title} · 按{group_word}分组 · 颜色表示{color_word} · 深色条为已完成部分",
                 margin=dict(l=left, r=40, t=top, b=bottom))
    fig.update_layout(
        barmode="overlay", bargap=0.3,
        shapes=shapes, annotations=notes, hovermode="closest",
        legend=dict(orientation="h", x=0, xanchor="left", y=0, yref="container", yanchor="bottom",
                    font=dict(size=13), title=dict(text=f"{color_word}：")),
    )
    first, last = min(lo, date(year, 1, 1)), max(hi, date(year, 12, 31))
    month_starts = [date(y, m, 1) for y in range(first.year, last.year + 1) for m in range(1, 13)
                    if date(first.year, first.month, 1) <= date(y, m, 1) <= last]
    short = (width - left - 40) / max(len(month_starts), 1) < MONTH_LABEL_PX  # “3月” would not fit: “3”
    fig.update_xaxes(type="date", side="top",
                     range=[(first - timedelta(days=3)).isoformat(), (last + timedelta(days=18)).isoformat()],
                     tickvals=[d.replace(day=15).isoformat() for d in month_starts],
                     ticktext=[month_label(d, year) if not short else str(d.month) for d in month_starts],
                     tickangle=0, ticks="", showgrid=False,
                     zeroline=False, tickfont=dict(size=13, color=pal.ink), showline=True, linecolor=pal.grid,
                     minor=dict(tickvals=[d.isoformat() for d in month_starts] + [date(last.year + 1, 1, 1).isoformat()
                                if last.month == 12 else date(last.year, last.month + 1, 1).isoformat()],
                                showgrid=True, gridcolor=pal.grid, griddash="dot", ticks=""))
    fig.update_yaxes(range=[n - 0.5, -0.5], tickvals=list(range(n)), ticktext=[r.label for r in rows],
                     showgrid=False, zeroline=False, ticks="",
                     tickfont=dict(size=13 if row_height >= 24 else 11, color=pal.ink),
                     automargin=False)
