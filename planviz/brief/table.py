"""Brief plan table: the plan's sections (or dimensions), each row what · who · when beside a month timeline."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from .. import theme
from ..model import Item
from ..stats import (UNGROUPED, effective_status, is_overdue, month_label, plan_groups, short_title, span_of,
                     timing_words, year_bounds)
from ..vocab import DIMENSION_MEANINGS
from .base import RHYTHM_MONTHS, Ctx, diamond, heading, text_at
from .layout import Block, Box, Shape, clean, line, rect, shorten, text_width, wrap, wrap_short


@dataclass(frozen=True)
class Density:
    """How tightly the table is set: type size of rows, most lines per cell, row padding."""

    size: int
    lines: int
    pad: int


@dataclass(frozen=True)
class _Row:
    """One row: a group heading ("group"), a project or loose task ("entry"), a task under it ("task"),
    or the names of what the group folds ("fold")."""

    kind: str
    height: int
    group: str = ""
    item: Item | None = None
    what: tuple[str, ...] = ()
    who: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()  # short titles named on a fold row


@dataclass(frozen=True)
class _Cols:
    """Left edges and widths of the table's columns."""

    chip: int  # width of the dimension chip before a title (0 when grouped by dimension)
    what: int
    what_w: int
    who: int
    who_w: int
    when: int
    when_w: int
    axis0: int
    axis1: int


def _groups(ctx: Ctx) -> list[tuple[str, str | None, list[Item]]]:
    """(group name, its dimension, its items in order: each project followed by its tasks); empty groups left out."""
    out = []
    for group in plan_groups(ctx.plan, ctx.group_by):
        items = [i for b in group.branches for i in (b.item, *b.tasks)]
        if items:
            out.append((group.name, group.dimension, items))
    return out


def _columns(ctx: Ctx, x0: int, x1: int) -> _Cols:
    st = ctx.style
    chip = 0
    if ctx.group_by == "section":
        chip = round(max([text_width(d, "bold", st.fine) for d in ctx.plan.dimensions] + [0]) + st.px(30))
    width = x1 - x0
    gap = st.px(24)
    what_w = round(width * 0.39) - chip
    who_w, when_w = round(width * 0.12), round(width * 0.11)
    what = x0 + chip + (st.px(16) if chip else st.px(30))
    who = what + what_w + gap
    when = who + who_w + gap
    axis0 = when + when_w + gap
    return _Cols(chip, what, what_w, who, who_w, when, when_w, axis0, x1)


def _owners(ctx: Ctx, item: Item, size: int, width: float, most: int) -> tuple[str, ...]:
    """Owners (else departments) in at most ``most`` lines, whole names only, “等 N 人” for the rest."""
    names = [clean(n) for n in (item.owners or item.departments) if clean(n)]
    if not names:
        return ("未定",)
    for shown in range(len(names), 0, -1):
        text = "、".join(names[:shown]) + (f" 等{len(names)}人" if shown < len(names) else "")
        lines = wrap(text, "sans", size, width)
        if len(lines) <= most:
            return tuple(lines)
    return (shorten(names[0], "sans", size, width),)


def _entry(ctx: Ctx, item: Item, kind: str, cols: _Cols, d: Density) -> _Row:
    title = ("★" if item.highlight else "") + clean(short_title(item))
    indent = ctx.style.px(40) if kind == "task" else 0
    what = tuple(wrap_short(title, "sans", d.size, cols.what_w - indent, d.lines))
    who = _owners(ctx, item, d.size, cols.who_w, d.lines)
    words = clean(timing_words(item, ctx.plan.year))
    if ctx.progress and is_overdue(item, ctx.as_of):
        words += " 逾期"
    when = tuple(wrap_short(words, "sans", d.size, cols.when_w, d.lines))
    lh = _line_height(d)
    return _Row(kind, lh * max(len(what), len(who), len(when)) + d.pad, item=item, what=what, who=who, when=when)


def name_lines(lead: str, names: list[str], face: str, size: int, width: float) -> list[str]:
    """``lead`` then ``names`` joined by 、 in lines no wider than ``width``, broken only between names
    (a name wider than a line is shortened); widths are summed, so a list of hundreds stays fast."""
    sep = text_width("、", face, size)
    lines, line, used = [], lead, text_width(lead, face, size)
    for n, name in enumerate(names):
        name = shorten(name, face, size, width - sep)
        w = text_width(name, face, size) + (sep if n < len(names) - 1 else 0)
        if used + w > width and line:
            lines.append(line)
            line, used = "", 0.0
        line += name + ("、" if n < len(names) - 1 else "")
        used += w
    return lines + ([line] if line else [])


def _line_height(d: Density) -> int:
    return round(d.size * (1.14 if d.lines == 1 else 1.22))


def _fold_row(ctx: Ctx, items: list[Item], cols: _Cols) -> _Row:
    st = ctx.style
    names = [clean(short_title(i)) for i in items]
    lines = tuple(name_lines(f"另有 {len(items)} 项：", [shorten(n, "sans", st.fine, st.px(380)) for n in names],
                             "sans", st.fine, cols.axis1 - cols.what))  # no bars on a fold row: the full width
    return _Row("fold", round(st.fine * 1.25) * len(lines) + st.px(8), what=lines, folded=tuple(names))


def _group_rows(ctx: Ctx, name: str, items: list[Item], entries: list[_Row], cols: _Cols, quota: int) -> list[_Row]:
    """The group's heading, its first ``quota`` items by priority (highlights, projects, then tasks, in plan
    order) and one fold row naming the rest; ``entries`` are the items' rows, laid out once."""
    st = ctx.style
    rank = sorted(range(len(items)), key=lambda n: (not items[n].highlight, items[n].level == "task", n))
    keep = set(rank[:quota])
    rows = [_Row("group", round(st.body * 1.3), group=name)] + [entries[n] for n in range(len(items)) if n in keep]
    folded = [items[n] for n in range(len(items)) if n not in keep]
    if folded:
        rows.append(_fold_row(ctx, folded, cols))
    return rows


def _entries(ctx: Ctx, items: list[Item], cols: _Cols, d: Density) -> list[_Row]:
    projects = {i.id for i in items if i.level == "project"}
    return [_entry(ctx, item, "task" if item.parent in projects else "entry", cols, d) for item in items]


def _height(groups: list[list[_Row]]) -> int:
    return sum(r.height for rows in groups for r in rows)


def densities(ctx: Ctx) -> list[Density]:
    """The table's settings from airiest to tightest: smaller type and padding before lines are cut."""
    st = ctx.style
    mid = round((st.small + st.fine) / 2)
    return [Density(st.small, 2, st.px(14)), Density(st.small, 2, st.px(6)), Density(mid, 2, st.px(4)),
            Density(st.fine, 2, st.px(4)), Density(st.fine, 1, st.px(2))]


def fit_rows(ctx: Ctx, cols: _Cols, room: int) -> tuple[list[list[_Row]], Density]:
    """The airiest table that fits ``room`` px with every item listed; when none does, the tightest one
    with items folded from the largest groups (named on a fold row, never dropped)."""
    groups = _groups(ctx)
    sizes = [len(items) for _, _, items in groups]
    for d in densities(ctx):
        entries = [_entries(ctx, items, cols, d) for _, _, items in groups]
        rows = [_group_rows(ctx, name, items, e, cols, n) for (name, _, items), e, n in zip(groups, entries, sizes)]
        if _height(rows) <= room:
            return rows, d
    quotas = list(sizes)
    floor = [sum(1 for i in items if i.highlight) for _, _, items in groups]  # highlights stay listed
    while _height(rows) > room and any(q > f for q, f in zip(quotas, floor)):
        big = max((k for k in range(len(quotas)) if quotas[k] > floor[k]), key=lambda k: quotas[k])
        quotas[big] -= 1
        rows[big] = _group_rows(ctx, groups[big][0], groups[big][2], entries[big], cols, quotas[big])
    while _height(rows) > room:  # too many to name in full (a slide, hundreds of items): the longest lists end in 等
        k, n = max(((k, n) for k, g in enumerate(rows) for n, r in enumerate(g) if r.kind == "fold"),
                   key=lambda kn: len(rows[kn[0]][kn[1]].what), default=(None, None))
        if k is None or len(rows[k][n].what) <= 1:
            break
        rows[k][n] = _trim(ctx, rows[k][n])
    return rows, d


def _trim(ctx: Ctx, row: _Row) -> _Row:
    """A fold row one line shorter, its last line ending in 等 (the count “另有 N 项” stays)."""
    st = ctx.style
    last = row.what[-2].rstrip("、")
    return dataclasses.replace(row, what=row.what[:-2] + (last + "等",), height=row.height - round(st.fine * 1.25))


def table_need(ctx: Ctx, x0: int, x1: int, density: int = 0) -> int:
    """Height of the whole table with every item listed at the ``density``-th setting (0: airiest)."""
    cols = _columns(ctx, x0, x1)
    d = densities(ctx)[density]
    rows = [_group_rows(ctx, name, items, _entries(ctx, items, cols, d), cols, len(items))
            for name, _, items in _groups(ctx)]
    return _chrome(ctx, x1 - x0) + _height(rows)


def _chrome(ctx: Ctx, width: int) -> int:
    """Height of the table's heading, column-title row and legend."""
    st = ctx.style
    return round(st.h2 * 1.25) + st.px(40) + round(st.small * 1.8) + _legend_height(ctx, width)


# -- legend: what the colours, chips and marks mean -----------------------------------------------
def _legend_items(ctx: Ctx) -> list[tuple[str, object]]:
    """(label, swatch) pairs: the dimensions with their meanings, then the timeline marks."""
    out: list[tuple[str, object]] = []
    for dim in ctx.plan.dimensions:
        meaning = DIMENSION_MEANINGS.get(dim, "")
        out.append((f"{dim} {meaning}".strip(), ("chip", ctx.color(dim))))
    out += [("时间段", ("bar", None)), ("截止日期", ("diamond", None)), ("周期性工作", ("rhythm", None)),
            ("★ 亮点项目", ("none", None))]
    if ctx.progress:
        out += [("已完成部分", ("done", None)), (ctx.as_of_text, ("today", None))]
    return out


def _legend_height(ctx: Ctx, width: int) -> int:
    return len(_legend_lines(ctx, width)) * round(ctx.style.small * 1.6) + ctx.style.px(10)


def _legend_lines(ctx: Ctx, width: int) -> list[list[tuple[str, object, float]]]:
    st = ctx.style
    lines: list[list[tuple[str, object, float]]] = [[]]
    x = 0.0
    for label, swatch in _legend_items(ctx):
        w = st.px(52) + text_width(label, "sans", st.fine) + st.px(40)
        if x + w > width and lines[-1]:
            lines.append([])
            x = 0.0
        lines[-1].append((label, swatch, x))
        x += w
    return lines


def _legend(ctx: Ctx, x0: int, y0: int, width: int) -> list:
    st, pal = ctx.style, ctx.pal
    marks: list = []
    lh = round(st.small * 1.6)
    for n, entries in enumerate(_legend_lines(ctx, width)):
        y = y0 + st.px(10) + lh * n + lh / 2
        for label, (kind, color), dx in entries:
            x = x0 + dx
            if kind == "chip":
                marks.append(rect((round(x), round(y - st.px(14)), round(x + st.px(40)), round(y + st.px(14))),
                                  fill=color, radius=st.px(6)))
            elif kind in ("bar", "rhythm", "done"):
                marks.append(rect((round(x), round(y - st.px(10)), round(x + st.px(40)), round(y + st.px(10))),
                                  fill=theme.tint(pal.muted, 0.5) if kind == "done" else pal.muted, radius=st.px(10)))
                if kind == "rhythm":
                    marks.append(line([(x + st.px(20), y - st.px(10)), (x + st.px(20), y + st.px(10))],
                                      pal.background, st.px(5)))
                if kind == "done":
                    marks.append(rect((round(x), round(y - st.px(10)), round(x + st.px(24)), round(y + st.px(10))),
                                      fill=pal.muted, radius=st.px(10)))
            elif kind == "diamond":
                marks.append(diamond(x + st.px(20), y, st.px(14), pal.muted))
            elif kind == "today":
                marks.append(line([(x + st.px(20), y - st.px(18)), (x + st.px(20), y + st.px(18))], theme.TODAY_COLOR,
                                  st.px(5)))
            tx = x if kind == "none" else x + st.px(52)
            marks.append(text_at(tx, y, label, "sans", st.fine, pal.ink if kind == "chip" else pal.muted, "lm"))
    return marks


# -- the table ------------------------------------------------------------------------------------------
def plan_table(ctx: Ctx, box: Box) -> tuple[Block, Block]:
    """The plan's structure and timing in one table: group headings, one row per item with what, who and
    when (block "structure"), beside bars over the twelve months (block "timeline")."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    x0, y0, x1, y1 = box
    groups = _groups(ctx)
    total = sum(len(items) for _, _, items in groups)
    by = "按板块" if ctx.group_by == "section" else "按维度"
    s_marks, top = heading(ctx, box, "工作安排", f"{by}分组 · 共 {total} 项 · 每项写明做什么、谁负责、何时完成")
    cols = _columns(ctx, x0, x1)
    axis_h = round(st.small * 1.8)
    legend_h = _legend_height(ctx, x1 - x0)
    room = y1 - top - axis_h - legend_h
    rows, density = fit_rows(ctx, cols, room)
    n_rows = sum(len(r) for r in rows)
    extra = min(max(0, room - _height(rows)) // max(1, n_rows), round(st.small * 0.9))  # airier, not an empty foot
    rows = [[dataclasses.replace(r, height=r.height + extra) for r in g] for g in rows]
    rows_top = top + axis_h
    rows_bottom = rows_top + _height(rows)
    for label, x in (("工作事项", cols.what), ("负责人", cols.who), ("时间", cols.when)):
        s_marks.append(text_at(x, top + axis_h / 2, label, "bold", st.fine, pal.muted, "lm"))
    y_start, y_end = year_bounds(plan)
    days = (y_end - y_start).days + 1

    def xpos(d: date) -> float:
        d = min(max(d, y_start), y_end)
        return cols.axis0 + (cols.axis1 - cols.axis0) * (d - y_start).days / days

    t_marks: list = []
    # The first and third quarters shaded (the quarters read at a glance) behind item rows only: a group
    # heading and a fold row run across the timeline.
    runs, y = [(top, rows_top)], rows_top
    for row in (r for g in rows for r in g):
        if row.kind in ("entry", "task"):
            if runs[-1][1] == y:
                runs[-1] = (runs[-1][0], y + row.height)
            else:
                runs.append((y, y + row.height))
        y += row.height
    for q in range(0, 12, 6):
        for a, b in runs:
            t_marks.append(rect((round(xpos(date(plan.year, q + 1, 1))), a, round(xpos(date(plan.year, q + 4, 1))), b),
                                fill=pal.panel))
    month_w = (cols.axis1 - cols.axis0) / 12
    long = text_width("12月", "bold", st.fine) <= month_w - st.px(6)
    for m in range(12):
        cx = xpos(date(plan.year, m + 1, 1)) + month_w / 2
        label = month_label(date(plan.year, m + 1, 1), plan.year) if long or m == 0 else str(m + 1)
        t_marks.append(text_at(cx, top + axis_h / 2, label, "bold", st.fine, pal.muted, "mm"))
    shown: list[str] = []
    named: list[str] = []
    lh = _line_height(density)
    y = rows_top
    for g, group_rows in zip(groups, rows):
        name, dim, _ = g
        color = ctx.color(dim) if dim else pal.primary
        for row in group_rows:
            if row.kind == "group":
                s_marks.append(rect((x0, y + st.px(6), x1, y + row.height - st.px(4)), fill=theme.tint(color, 0.88),
                                    radius=st.px(8)))
                s_marks.append(rect((x0, y + st.px(6), x0 + st.px(10), y + row.height - st.px(4)), fill=color,
                                    radius=st.px(4)))
                label = clean(name if name != UNGROUPED else ("未归类" if dim is None and ctx.group_by == "dimension"
                                                               else UNGROUPED))
                meaning = DIMENSION_MEANINGS.get(name, "") if ctx.group_by == "dimension" else ""
                count = f"{len(g[2])} 项" + (f" · {meaning}" if meaning else "")
                head_w = cols.axis0 - x0 - st.px(60) - text_width(count, "sans", st.fine)
                label = shorten(label, "bold", st.body, head_w)
                mid = y + (row.height + st.px(2)) / 2
                s_marks.append(text_at(x0 + st.px(30), mid, label, "bold", st.body, theme.shade(color, 0.15), "lm"))
                s_marks.append(text_at(x0 + st.px(50) + text_width(label, "bold", st.body), mid, count, "sans",
                                       st.fine, pal.muted, "lm"))
            elif row.kind == "fold":
                named += row.folded
                for n, ln in enumerate(row.what):
                    s_marks.append(text_at(cols.what, y + st.px(4) + round(st.fine * 1.25) * n, ln, "sans", st.fine,
                                           pal.muted))
            else:
                item = row.item
                shown.append(item.title)
                mid0 = y + (row.height - lh * max(len(row.what), len(row.who), len(row.when))) / 2 + lh / 2
                indent = st.px(40) if row.kind == "task" else 0
                ink = pal.ink if row.kind == "entry" else theme.tint(pal.ink, 0.2)
                late = ctx.progress and is_overdue(item, ctx.as_of)
                if row.kind == "entry" and cols.chip and item.dimension:
                    dim_name = clean(item.dimension)
                    chip_color = ctx.color(item.dimension)
                    s_marks.append(rect((x0 + st.px(10), round(mid0 - density.size * 0.62), x0 + cols.chip,
                                         round(mid0 + density.size * 0.62)), fill=chip_color, radius=st.px(8)))
                    s_marks.append(text_at(x0 + st.px(10) + (cols.chip - st.px(10)) / 2, mid0, dim_name, "bold",
                                           st.fine, "#FFFFFF", "mm"))
                if row.kind == "task":  # a small ring, not a dash (a dash reads as 一)
                    r = st.px(7)
                    s_marks.append(Shape("ellipse", ((cols.what + st.px(12) - r, mid0 - r),
                                                     (cols.what + st.px(12) + r, mid0 + r)),
                                         outline=theme.tint(pal.muted, 0.3), width=st.px(3)))
                for n, ln in enumerate(row.what):
                    s_marks.append(text_at(cols.what + indent, mid0 + lh * n, ln,
                                           "bold" if row.kind == "entry" and item.highlight else "sans",
                                           density.size, ink, "lm"))
                for n, ln in enumerate(row.who):
                    s_marks.append(text_at(cols.who, mid0 + lh * n, ln, "sans", density.size, pal.ink, "lm"))
                for n, ln in enumerate(row.when):
                    s_marks.append(text_at(cols.when, mid0 + lh * n, ln, "sans", density.size,
                                           pal.primary if late else pal.ink, "lm"))
                bar_color = ctx.color(item.dimension or _parent_dimension(ctx, item))
                t_marks += _bar(ctx, item, mid0, xpos, bar_color if row.kind == "entry" else theme.tint(bar_color, 0.3),
                                st.px(24) if row.kind == "entry" else st.px(16))
            y += row.height
        t_marks.append(line([(x0, y), (x1, y)], pal.grid, st.rule))
    if ctx.progress and ctx.as_of.year == plan.year:
        tx = xpos(ctx.as_of)
        for a, b in runs:  # like the shading: never through a heading or the names of folded items
            t_marks.append(line([(tx, max(a, top + axis_h * 0.8)), (tx, b)], theme.TODAY_COLOR, st.px(5)))
    s_marks += _legend(ctx, x0, rows_bottom, x1 - x0)
    bottom = rows_bottom + legend_h
    structure = Block("structure", (x0, y0, x1, bottom), tuple(s_marks), shown=tuple(shown), hidden=len(named),
                      named=tuple(named))
    timeline = Block("timeline", (cols.axis0, top, cols.axis1, rows_bottom), tuple(t_marks), shown=tuple(shown),
                     hidden=len(named), smooth=True)
    return structure, timeline


def _parent_dimension(ctx: Ctx, item: Item) -> str | None:
    parent = ctx.plan.get(item.parent) if item.parent else None
    return parent.dimension if parent is not None else None


def _bar(ctx: Ctx, item: Item, mid: float, xpos, color: str, thick: int) -> list:
    """Timeline mark of one item: a bar for a period (notched for a rhythm), a faint line ending in ◆ for a
    bare deadline, the time in words at the edge for work outside the year; in the progress edition the done
    share of the bar is solid and the rest pale."""
    st = ctx.style
    span = span_of(ctx.plan, item)
    year = ctx.plan.year
    if span is None:
        return []  # “时间待定” is in the time column
    if span[0].year > year or span[1].year < year:  # wholly outside the plan year: point to that edge
        after = span[0].year > year
        when = month_label(span[0] if after else span[1], year)
        if after:
            return [text_at(xpos(date(year, 12, 31)), mid, f"{when} →", "sans", st.fine, color, "rm")]
        return [text_at(xpos(date(year, 1, 1)), mid, f"← {when}", "sans", st.fine, color, "lm")]
    if item.start is None:
        xe = xpos(span[1])
        return [line([(xpos(span[0]), mid), (xe, mid)], theme.tint(color, 0.6), max(2, st.px(5))),
                diamond(xe, mid, st.px(16) if thick > st.px(20) else st.px(12), color)]
    xa, xb = xpos(span[0]), max(xpos(span[1]), xpos(span[0]) + st.px(16))
    fill = color
    marks: list = []
    if ctx.progress:
        done = 1.0 if effective_status(item) == "已完成" else (item.progress or 0.0)
        fill = theme.tint(color, 0.6)
        marks.append(rect((round(xa), round(mid - thick / 2), round(xb), round(mid + thick / 2)), fill=fill,
                          radius=thick // 2))
        if done > 0:
            marks.append(rect((round(xa), round(mid - thick / 2), round(xa + (xb - xa) * min(done, 1.0)),
                               round(mid + thick / 2)), fill=color, radius=thick // 2))
    else:
        marks.append(rect((round(xa), round(mid - thick / 2), round(xb), round(mid + thick / 2)), fill=fill,
                          radius=thick // 2))
    for month in RHYTHM_MONTHS.get(item.recurrence or "", ()):  # white notches show the rhythm
        x = xpos(date(year, month, 1))
        if xa + thick < x < xb - thick:
            marks.append(line([(x, mid - thick / 2), (x, mid + thick / 2)], ctx.pal.background, st.px(5)))
    if item.milestone:
        marks.append(diamond(xb, mid, st.px(15), ctx.pal.ink))
    return marks

