"""Brief plan table: dimension → project list beside a compact quarter timeline."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from ..charts.style import tint
from ..charts.timeline import QUARTERS, month_label
from .layout import Block, Box, Shape, clean, fit, line, rect, text_width, wrap_balanced
from ..model import Item
from ..stats import span_of, year_bounds
from .base import NO_DIMENSION, RHYTHM_MONTHS, Ctx, diamond, heading, text_at


# -- plan table: dimension → projects (structure) beside their quarter timeline -------------------
@dataclass(frozen=True)
class _Row:
    """One row of the plan table: a project ("entry"), a task under it, “另有 N 项” alone ("more") or
    "none"; ``count`` is how many items of the group are summarized on this row."""

    kind: str
    group: str
    lines: tuple[str, ...]
    height: int
    item: Item | None = None
    count: int = 0

    @property
    def more(self) -> str:
        return f"另有 {self.count} 项" if self.count else ""


def _groups(ctx: Ctx) -> list[tuple[str, tuple[Item, ...]]]:
    """The listed items by dimension, in the plan's order; items without a known dimension last."""
    plan = ctx.plan
    groups = [(d, tuple(i for i in ctx.units if i.dimension == d)) for d in plan.dimensions]
    rest = tuple(i for i in ctx.units if i.dimension not in plan.dimensions)
    return groups + ([(NO_DIMENSION, rest)] if rest else [])


def _sizes(ctx: Ctx) -> dict[str, int]:
    """How many listed items each group holds."""
    return {g: len(items) for g, items in _groups(ctx)}


def _group_rows(ctx: Ctx, group: str, items: tuple[Item, ...], name_w: float, quota: int, tasks: bool,
                max_lines: int) -> list[_Row]:
    """Rows of one group: at most ``quota`` items; the rest are summarized as “另有 N 项”
    at the end of the group's last row (or on a row of its own when none is listed)."""
    st, plan = ctx.style, ctx.plan
    lh, pad = round(st.small * 1.26), st.px(6)
    rows = [] if items else [_Row("none", group, (f"暂无{ctx.noun}",), lh + pad)]
    # Highlights are listed first when the group is cut; the list keeps the plan's order.
    chosen = {i.id for i in sorted(items, key=lambda i: not i.highlight)[:quota]}
    keep = tuple(i for i in items if i.id in chosen)
    hidden = len(items) - len(keep)
    if hidden and not keep:
        rows.append(_Row("more", group, (), lh + pad, count=hidden))
    for n, item in enumerate(keep):
        last = n == len(keep) - 1
        count = hidden if last else 0
        room = name_w - (text_width(f"另有 {count} 项", "sans", st.small) + st.px(24) if count else 0)
        title = ("★" if item.highlight else "") + clean(item.title)
        lines = tuple(wrap_balanced(title, "sans", st.small, room, max_lines))  # no one-character last line
        rows.append(_Row("entry", group, lines, lh * len(lines) + pad, item, count))
        if tasks:
            for task in plan.children(item.id):
                text = tuple(wrap_balanced(clean(task.title), "sans", st.small, name_w - st.px(44), max_lines))
                rows.append(_Row("task", group, text, lh * len(text) + st.px(2), task))
    return rows


def _rows(ctx: Ctx, name_w: float, quotas: dict[str, int], tasks: bool, max_lines: int) -> list[list[_Row]]:
    """Rows of each group, at most ``quotas[group]`` items each (see :func:`_group_rows`)."""
    return [_group_rows(ctx, group, items, name_w, quotas.get(group, len(items)), tasks, max_lines)
            for group, items in _groups(ctx)]


def _fit_rows(ctx: Ctx, name_w: float, room: int) -> list[list[_Row]]:
    """The fullest table that fits ``room`` px: with tasks, then projects in two lines, then one line,
    then fewer projects in the largest groups (summarized as “另有 N 项”)."""
    def height(groups: list[list[_Row]]) -> int:
        return _rows_height(ctx, groups)

    sizes = _sizes(ctx)
    unit_ids = {u.id for u in ctx.units}  # once, not per task
    has_tasks = any(i.level == "task" and i.parent in unit_ids for i in ctx.plan.items)
    for tasks, max_lines in ((has_tasks, 2), (False, 2), (False, 1)):
        groups = _rows(ctx, name_w, sizes, tasks, max_lines)
        if height(groups) <= room:
            return groups
    listed = _groups(ctx)
    quotas = dict(sizes)
    while height(groups) > room and max(quotas.values()) > 0:
        largest = max(quotas, key=lambda g: quotas[g])
        quotas[largest] -= 1
        # Only the cut group's rows change: the others are kept, not laid out again.
        groups = [_group_rows(ctx, g, items, name_w, quotas[g], False, 1) if g == largest else rows
                  for (g, items), rows in zip(listed, groups)]
    return groups


def _columns(ctx: Ctx, x0: int, x1: int) -> tuple[int, int, int, int]:
    """Plan table columns: dimension cell width, names' left edge, timeline's left edge, names' width."""
    st = ctx.style
    longest = max(text_width(g, "bold", st.body) for g, _ in _groups(ctx)) if ctx.plan.dimensions else 0
    dim_w = min(max(st.px(170), round(longest) + st.px(50)), st.px(260))
    nx0 = x0 + dim_w + st.px(24)
    gx0 = nx0 + round((x1 - nx0) * st.names)
    return dim_w, nx0, gx0, gx0 - nx0 - st.px(70)


def _rows_height(ctx: Ctx, groups: list[list[_Row]]) -> int:
    return sum(r.height for rows in groups for r in rows) + ctx.style.px(10) * len(groups)


def table_need(ctx: Ctx, width: int) -> int:
    """Height the plan table needs to list every item on one line each (no tasks)."""
    st = ctx.style
    name_w = _columns(ctx, 0, width)[3]
    rows = _rows(ctx, name_w, _sizes(ctx), False, 1)
    return round(st.h2 * 1.25) + st.px(40) + round(st.small * 1.8) + _rows_height(ctx, rows)


def _legend(ctx: Ctx, x: float, y: float) -> tuple[list, float]:
    """Timeline legend (period bar, deadline ◆, recurring bar, today line) from ``x`` on middle line ``y``."""
    st, pal = ctx.style, ctx.pal
    marks = [rect((round(x), round(y - st.px(11)), round(x + st.px(56)), round(y + st.px(11))), fill=pal.muted,
                  radius=st.px(11)),
             text_at(x + st.px(68), y, "时间段", "sans", st.small, pal.muted, "lm")]
    lx = x + st.px(68) + text_width("时间段", "sans", st.small) + st.px(40)
    marks += [diamond(lx + st.px(15), y, st.px(15), pal.muted),
              text_at(lx + st.px(40), y, "截止", "sans", st.small, pal.muted, "lm")]
    lx += st.px(40) + text_width("截止", "sans", st.small) + st.px(40)
    marks += [rect((round(lx), round(y - st.px(11)), round(lx + st.px(56)), round(y + st.px(11))), fill=pal.muted,
                   radius=st.px(11)),
              line([(lx + st.px(28), y - st.px(11)), (lx + st.px(28), y + st.px(11))], pal.background, st.px(6)),
              text_at(lx + st.px(68), y, "周期", "sans", st.small, pal.muted, "lm")]
    lx += st.px(68) + text_width("周期", "sans", st.small)
    if ctx.today.year == ctx.plan.year:
        lx += st.px(40)
        marks += [line([(lx + st.px(8), y - st.px(20)), (lx + st.px(8), y + st.px(20))], pal.primary, st.px(5)),
                  text_at(lx + st.px(30), y, "今日", "sans", st.small, pal.muted, "lm")]
        lx += st.px(30) + text_width("今日", "sans", st.small)
    return marks, lx - x


def plan_table(ctx: Ctx, box: Box) -> tuple[Block, Block]:
    """The plan's shape and timing in one table: dimension cells and item names (block "structure")
    beside bars over the four quarters (block "timeline"): a bar for a period, ◆ for a deadline."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    x0, y0, x1, y1 = box
    n_tasks = len(plan.tasks)
    note = f"六度 → {ctx.noun}　共 {len(ctx.units)} 个{ctx.noun}" + (f"、{n_tasks} 项任务" if n_tasks else "")
    s_marks, top = heading(ctx, box, "计划结构与季度安排", note)
    dim_w, nx0, gx0, name_w = _columns(ctx, x0, x1)
    gx1 = x1
    axis_h = round(st.small * 1.8)
    gap = st.px(10)
    legend, legend_w = _legend(ctx, nx0, top + axis_h / 2)
    in_axis = legend_w <= gx0 - nx0 - st.px(20)  # else under the rows, when it fits there
    groups = _fit_rows(ctx, name_w, y1 - top - axis_h * (1 if in_axis else 2))
    rows_top = top + axis_h
    # A short plan gets airier rows rather than an empty bottom of the page.
    slack = y1 - top - axis_h * (1 if in_axis else 2) - _rows_height(ctx, groups)
    extra = min(slack // max(1, sum(len(rows) for rows in groups)), round(st.small * 1.2))
    groups = [[dataclasses.replace(r, height=r.height + extra) for r in rows] for rows in groups]
    rows_bottom = rows_top + _rows_height(ctx, groups)
    table_bottom = rows_bottom
    if in_axis:
        s_marks += legend
    elif legend_w <= x1 - nx0:
        s_marks += _legend(ctx, nx0, rows_bottom + axis_h / 2)[0]
        table_bottom += axis_h
    y_start, y_end = year_bounds(plan)
    days = (y_end - y_start).days + 1

    def xpos(d: date) -> float:
        d = min(max(d, y_start), y_end)
        return gx0 + (gx1 - gx0) * (d - y_start).days / days

    t_marks: list = []
    for q in range(4):
        qa = xpos(date(plan.year, 3 * q + 1, 1))
        qb = xpos(date(plan.year, 3 * q + 4, 1)) if q < 3 else gx1
        if q % 2 == 0:
            t_marks.append(rect((round(qa), top, round(qb), rows_bottom), fill=pal.panel))
        label = QUARTERS[q] if text_width(QUARTERS[q], "bold", st.small) < qb - qa - st.px(10) else QUARTERS[q][:2]
        t_marks.append(text_at((qa + qb) / 2, top + axis_h / 2, label, "bold", st.small, pal.muted, "mm"))
    sizes = _sizes(ctx)
    shown: list[str] = []
    hidden = 0
    lh, bar = round(st.small * 1.26), st.px(26)
    y = rows_top
    for rows in groups:
        group = rows[0].group
        color = ctx.color(group)
        g_h = sum(r.height for r in rows)
        s_marks.append(rect((x0, y + gap // 2, x0 + dim_w, y + gap // 2 + g_h), fill=tint(color, 0.86),
                            radius=st.px(10)))
        s_marks.append(rect((x0, y + gap // 2, x0 + st.px(10), y + gap // 2 + g_h), fill=color, radius=st.px(5)))
        # The dimension's name on the first row's middle line, its count under it when there is room.
        first = rows[0]
        name_y = y + gap // 2 + max(first.height / 2, st.body * 0.75)
        s_marks.append(text_at(x0 + st.px(30), name_y, fit(group, "bold", st.body, dim_w - st.px(40)), "bold", st.body,
                             color, "lm"))
        count = sizes[group]
        if count and name_y + st.body * 0.6 + st.small * 1.3 <= y + gap // 2 + g_h:
            s_marks.append(text_at(x0 + st.px(30), name_y + st.body * 0.6 + st.px(6), f"{count} 个", "sans", st.small,
                                 pal.muted))
        y += gap // 2
        for row in rows:
            mid = y + (row.height - lh * len(row.lines)) / 2 + lh / 2
            if row.kind in ("entry", "task"):
                item = row.item
                if row.kind == "entry":
                    shown.append(item.title)
                    s_marks.append(Shape("ellipse", ((nx0, mid - st.px(8)), (nx0 + st.px(16), mid + st.px(8))),
                                         fill=color))
                    for n, ln in enumerate(row.lines):
                        s_marks.append(text_at(nx0 + st.px(30), mid + lh * n, ln, "sans", st.small, pal.ink, "lm"))
                else:
                    s_marks.append(line([(nx0 + st.px(34), mid), (nx0 + st.px(56), mid)], pal.muted, st.rule))
                    for n, ln in enumerate(row.lines):
                        s_marks.append(text_at(nx0 + st.px(74), mid + lh * n, ln, "sans", st.small,
                                             tint(pal.ink, 0.35), "lm"))
                t_marks += _bar(ctx, item, mid, xpos, color if row.kind == "entry" else tint(color, 0.35),
                                bar if row.kind == "entry" else bar // 2)
            elif row.kind == "none":
                s_marks.append(text_at(nx0 + st.px(30), mid, row.lines[0], "sans", st.small, pal.muted, "lm"))
            if row.count:
                hidden += row.count
                s_marks.append(text_at(gx0 - st.px(30), mid, row.more, "sans", st.small, pal.primary, "rm"))
            y += row.height
        y += gap - gap // 2
        t_marks.append(line([(nx0, y), (gx1, y)], pal.grid, st.rule))
    if ctx.today.year == plan.year:
        tx = xpos(ctx.today)
        t_marks.append(line([(tx, top + axis_h), (tx, rows_bottom)], pal.primary, st.px(5)))
    structure = Block("structure", (x0, y0, x1, table_bottom), tuple(s_marks), shown=tuple(shown), hidden=hidden)
    timeline = Block("timeline", (gx0, top, gx1, rows_bottom), tuple(t_marks), shown=tuple(shown), hidden=hidden,
                     smooth=True)
    return structure, timeline


def _bar(ctx: Ctx, item: Item, mid: float, xpos, color: str, thick: int) -> list:
    """Timeline mark of one item: a bar for a period, a faint line ending in ◆ for a bare deadline."""
    st = ctx.style
    span = span_of(ctx.plan, item)
    year = ctx.plan.year
    if span is None:
        return [text_at(xpos(date(year, 1, 1)) + st.px(16), mid, "时间待定", "sans", st.small, ctx.pal.muted, "lm")]
    if span[0].year > year or span[1].year < year:  # wholly outside the plan year: say when, at that edge
        day = span[0] if span[0].year > year else span[1]
        when = month_label(day, year)
        if day.year > year:
            label, right = f"{when} →", xpos(date(year, 12, 31))
            today = xpos(ctx.today) if ctx.today.year == year else None
            if today is not None and right - text_width(label, "sans", st.small) - st.px(12) < today:
                right = today - st.px(12)  # keep the words clear of the today line
            return [text_at(right, mid, label, "sans", st.small, color, "rm")]
        return [text_at(xpos(date(year, 1, 1)), mid, f"← {when}", "sans", st.small, color, "lm")]
    if item.start is None:
        xe = xpos(span[1])
        return [line([(xpos(span[0]), mid), (xe, mid)], tint(color, 0.55), max(2, st.px(6))),
                diamond(xe, mid, st.px(17) if thick > st.px(20) else st.px(12), color)]
    xa, xb = xpos(span[0]), max(xpos(span[1]), xpos(span[0]) + st.px(16))
    marks = [rect((round(xa), round(mid - thick / 2), round(xb), round(mid + thick / 2)), fill=color,
                  radius=thick // 2)]
    for month in RHYTHM_MONTHS.get(item.recurrence or "", ()):  # white notches show the rhythm
        x = xpos(date(ctx.plan.year, month, 1))
        if xa + thick < x < xb - thick:
            marks.append(line([(x, mid - thick / 2), (x, mid + thick / 2)], ctx.pal.background, st.px(6)))
    if item.milestone:
        marks.append(diamond(xb, mid, st.px(15), ctx.pal.ink))
    return marks
