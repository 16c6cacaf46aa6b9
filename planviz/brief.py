"""One-page brief (一页纸简报): a plan on one A4 page (300 dpi PNG/PDF) or a 16:9 slide, drawn with Pillow.

The page is composed first as a frozen layout model (blocks of text lines and shapes with
their boxes), then painted. Tests assert on the model; painting needs no browser, so a
batch of briefs is fast. Radar and timeline use the same numbers (planviz.stats,
planviz.charts.radar) and colours (planviz.theme) as the plotly figures.
"""
from __future__ import annotations

import io
import math
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image

from . import theme
from .charts.radar import radar_values
from .layout import Block, Box, Picture, Shape, Text, clean, fit, line, paint, rect, text_width, wrap
from .model import Item, Plan, PlanError
from .stats import effective_status, key_figures, overdue_items, span_of, status_counts, work_items

FORMATS = ("a4", "slide")
DPI = 300
QUARTERS = ("一季度", "二季度", "三季度", "四季度")
ELEMENTS = ("目标", "负责人", "时间节点", "成果形式", "评估标准")
RHYTHM = {"weekly": "每周", "monthly": "每月", "quarterly": "每季度", "half-yearly": "每半年", "yearly": "每年"}
MAX_HIGHLIGHTS = 3
NO_DIMENSION = "未归类"


@dataclass(frozen=True)
class Style:
    """Page size and type scale of one format; sizes are pixels on the final image."""

    size: tuple[int, int]
    margin: int
    gutter: int
    title: int
    year: int
    number: int
    h2: int
    body: int
    small: int  # the smallest text on the page (A4: 38 px = 9.1 pt at 300 dpi)
    radius: int
    columns: int  # columns of the dimension → project list

    def px(self, a4_px: float) -> int:
        """A length given for A4, scaled to this format."""
        return round(a4_px * self.small / 38)


STYLES = {
    "a4": Style((2480, 3508), 150, 64, 96, 150, 104, 54, 42, 38, 22, 3),
    "slide": Style((1920, 1080), 56, 28, 50, 78, 50, 27, 22, 20, 12, 1),
}


@dataclass(frozen=True)
class Ctx:
    """What every block composer needs: the plan, its style, palette and the day of the brief."""

    plan: Plan
    style: Style
    pal: theme.Palette
    today: date

    def color(self, item_or_dim) -> str:
        dim = item_or_dim.dimension if isinstance(item_or_dim, Item) else item_or_dim
        return theme.dimension_color(dim, self.plan.dimensions)


def mix(color: str, other: str, t: float) -> str:
    """``color`` moved ``t`` (0–1) of the way towards ``other``; used for tints on white paper."""
    a = [int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    b = [int(other.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(a, b))


def _text(x, y, s: str, face: str, size: int, color: str, anchor: str = "lt") -> Text:
    return Text((round(x), round(y)), clean(s, face), face, size, color, anchor)


def _heading(ctx: Ctx, box: Box, title: str, note: str = "") -> tuple[list, int]:
    """Section heading: accent bar, bold title, optional muted note at the right; returns marks, next y."""
    st, pal = ctx.style, ctx.pal
    x0, y0, x1, _ = box
    h = round(st.h2 * 1.25)
    marks = [rect((x0, y0 + st.px(4), x0 + st.px(12), y0 + h - st.px(4)), fill=pal.primary, radius=st.px(4)),
             _text(x0 + st.px(30), y0 + h / 2, title, "bold", st.h2, pal.ink, "lm")]
    if note:
        room = x1 - x0 - st.px(60) - text_width(title, "bold", st.h2)
        marks.append(_text(x1, y0 + h / 2, fit(clean(note), "sans", st.small, room), "sans", st.small,
                           pal.muted, "rm"))
    marks.append(line([(x0, y0 + h + st.px(14)), (x1, y0 + h + st.px(14))], pal.grid, max(1, st.px(3))))
    return marks, y0 + h + st.px(40)


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _when(ctx: Ctx, item: Item) -> str:
    """How the plan words an item's timing, else its span."""
    if item.deadline_text.strip():
        return item.deadline_text.strip()
    rhythm = RHYTHM.get(item.recurrence or "", "")
    span = span_of(ctx.plan, item)
    if span is None:
        return rhythm
    if item.start is None:
        text = f"{span[1].month}月{span[1].day}日前"
    elif span[0] == span[1]:
        text = f"{span[0].month}月{span[0].day}日"
    else:
        text = f"{span[0].month}月{span[0].day}日—{span[1].month}月{span[1].day}日"
    return f"{rhythm}（{text}）" if rhythm else text


# -- header, key figures, footer -------------------------------------------------------------
def _header(ctx: Ctx, logo: bytes | None) -> Block:
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    w = st.size[0]
    light = mix(pal.accent, "#FFFFFF", 0.55)
    x = st.margin
    marks: list = []
    if logo:
        side = st.px(230)
        marks.append(rect((x, st.px(120), x + side, st.px(120) + side), fill="#FFFFFF", radius=st.radius))
        marks.append(Picture((x + st.px(18), st.px(138), x + side - st.px(18), st.px(102) + side), logo))
        x += side + st.px(56)
    year_w = round(text_width(str(plan.year), "serif", st.year)) + st.px(20)
    room = w - st.margin - year_w - st.px(60) - x
    y = st.px(110)
    org = plan.organization.strip()
    if org and org not in plan.display_title:
        marks.append(_text(x, y, fit(clean(org), "bold", st.body, room), "bold", st.body, light))
        y += round(st.body * 1.6)
    lines = wrap(clean(plan.display_title, "serif"), "serif", st.title, room, max_lines=2)
    for ln in lines:
        marks.append(_text(x, y, ln, "serif", st.title, "#FFFFFF"))
        y += round(st.title * 1.3)
    tagline = "　".join(s for s in (plan.theme.strip(), plan.slogan.strip()) if s and s not in plan.display_title)
    if plan.slogan.strip() and plan.slogan.strip() in plan.theme:
        tagline = plan.theme.strip()
    if tagline:
        y += st.px(10)
        for ln in wrap(clean(tagline), "sans", st.h2, room, max_lines=2):
            marks.append(_text(x, y, ln, "sans", st.h2, light))
            y += round(st.h2 * 1.4)
    bottom = max(y + st.px(70), st.px(120) + (st.px(230) if logo else 0) + st.px(70), st.px(420))
    yr_x = w - st.margin
    marks.append(_text(yr_x, bottom / 2 - st.px(10), str(plan.year), "serif", st.year, pal.accent, "rs"))
    marks.append(_text(yr_x, bottom / 2 + st.px(30), "年度工作计划", "bold", st.body, light, "rt"))
    band = [rect((0, 0, w, bottom), fill=pal.primary), rect((0, bottom, w, bottom + st.px(14)), fill=pal.accent)]
    return Block("header", (0, 0, w, bottom + st.px(14)), tuple(band + marks))


def _figures(ctx: Ctx, top: int) -> Block:
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    kf = key_figures(plan)
    tiles = [("项目", kf.projects, "个"), ("任务", kf.tasks, "项"), ("亮点项目", kf.highlights, "个"),
             ("责任人", kf.owners, "人")]
    if kf.progress is not None:
        tiles.append(("总体进度", round(kf.progress * 100), "%"))
    x0, x1 = st.margin, st.size[0] - st.margin
    h = round(st.number * 1.25 + st.body * 1.9)
    cell = (x1 - x0) / len(tiles)
    marks: list = [rect((x0, top, x1, top + h), fill=pal.panel, radius=st.radius)]
    for n, (label, value, unit) in enumerate(tiles):
        cx = x0 + cell * n + cell / 2
        if n:
            marks.append(line([(x0 + cell * n, top + h * 0.2), (x0 + cell * n, top + h * 0.8)], pal.grid,
                              max(1, st.px(3))))
        num, unit_w = str(value), text_width(unit, "bold", st.h2)
        num_w = text_width(num, "serif", st.number)
        left = cx - (num_w + unit_w + st.px(8)) / 2
        base = top + st.px(30) + st.number
        marks.append(_text(left, base, num, "serif", st.number, pal.primary, "ls"))
        marks.append(_text(left + num_w + st.px(8), base, unit, "bold", st.h2, pal.primary, "ls"))
        marks.append(_text(cx, base + st.px(26), label, "sans", st.body, pal.muted, "mt"))
    return Block("figures", (x0, top, x1, top + h), tuple(marks))


def _footer(ctx: Ctx, summarized: bool) -> Block:
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    x0, x1 = st.margin, st.size[0] - st.margin
    y1 = st.size[1] - round(st.margin * 0.55)
    y0 = y1 - round(st.small * 1.9)
    left = f"生成日期：{_cn_date(ctx.today)}"
    if plan.source_name:
        left += f"　　来源文件：{plan.source_name}"
    right = "未列出的条目见计划表 · planviz 一页纸简报" if summarized else "planviz 一页纸简报"
    room = x1 - x0 - text_width(right, "sans", st.small) - st.px(60)
    marks = [line([(x0, y0), (x1, y0)], pal.grid, max(1, st.px(3))),
             _text(x0, y1, fit(clean(left), "sans", st.small, room), "sans", st.small, pal.muted, "ls"),
             _text(x1, y1, right, "sans", st.small, pal.muted, "rs")]
    return Block("footer", (x0, y0, x1, y1 + st.px(12)), tuple(marks))


# -- radar ---------------------------------------------------------------------------------------
def _radar(ctx: Ctx, box: Box) -> Block:
    """Six-dimension radar of project counts, drawn like charts.radar: red fill, gold line, coloured vertices."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    marks, top = _heading(ctx, box, "六度雷达", "各维度项目数")
    x0, _, x1, y1 = box
    values = radar_values(plan, "projects")
    dims = list(plan.dimensions)
    empty = [d for d in dims if values[d] == 0]
    note_h = round(st.small * 1.5) if empty else 0
    label_h = round(st.body * 1.2 + st.small * 1.2)
    label_w = max(text_width(d, "bold", st.body) for d in dims) + st.px(20)
    r = min((x1 - x0) / 2 - label_w - st.px(20), (y1 - note_h - top) / 2 - label_h - st.px(10))
    cx, cy = (x0 + x1) / 2, top + label_h + st.px(10) + r
    high = max([1.0] + list(values.values()))
    hole = 0.1  # as in charts.radar: empty dimensions stay apart instead of piling up in the centre

    def at(k: int, frac: float) -> tuple[float, float]:
        ang = -math.pi / 2 + 2 * math.pi * k / len(dims)
        return cx + r * frac * math.cos(ang), cy + r * frac * math.sin(ang)

    rings = [[at(k, hole + (1 - hole) * f) for k in range(len(dims))] for f in (0.25, 0.5, 0.75, 1.0)]
    pts = [at(k, hole + (1 - hole) * values[d] / high) for k, d in enumerate(dims)]
    marks.append(Shape("polygon", tuple(rings[-1]), fill=pal.background))
    marks.append(Shape("polygon", tuple(pts), fill=mix(pal.primary, pal.background, 0.8)))
    for ring in rings:
        marks.append(Shape("polygon", tuple(ring), outline=pal.grid, width=max(1, st.px(3))))
    for k in range(len(dims)):
        marks.append(line([at(k, hole), at(k, 1.0)], pal.grid, max(1, st.px(3))))
    marks.append(Shape("polygon", tuple(pts), outline=pal.accent, width=st.px(9)))
    dot = st.px(17)
    for k, d in enumerate(dims):
        px, py = pts[k]
        marks.append(Shape("ellipse", ((px - dot, py - dot), (px + dot, py + dot)), fill=ctx.color(d),
                           outline="#FFFFFF", width=st.px(5)))
        lx, ly = at(k, 1.0)
        ang = -math.pi / 2 + 2 * math.pi * k / len(dims)
        gap = st.px(26)
        lx, ly = lx + gap * math.cos(ang), ly + gap * math.sin(ang)
        h = "l" if math.cos(ang) > 0.3 else "r" if math.cos(ang) < -0.3 else "m"
        if math.sin(ang) < -0.3:
            ly -= label_h
        elif abs(math.sin(ang)) <= 0.3:
            ly -= label_h / 2
        count = f"{values[d]:.0f} 个项目" if values[d] else "暂无项目"
        marks.append(_text(lx, ly, d, "bold", st.body, ctx.color(d), h + "t"))
        marks.append(_text(lx, ly + st.body * 1.25, count, "sans", st.small,
                           pal.muted if values[d] else pal.primary, h + "t"))
    if empty:
        note = fit(f"薄弱维度：{'、'.join(empty)}，建议补充相应项目", "sans", st.small, x1 - x0)
        marks.append(_text(cx, y1, note, "sans", st.small, pal.primary, "ms"))
    return Block("radar", box, tuple(marks), smooth=True)


# -- quarter timeline -------------------------------------------------------------------------
def _timeline_rows(ctx: Ctx, projects: tuple[Item, ...], room: int) -> list[Item]:
    """The projects to draw in ``room`` rows (one row kept for “另有 N 个” when some are left out):
    highlights first, then dated ones; drawn in time order."""
    if len(projects) > room:
        ranked = sorted(projects, key=lambda p: (not p.highlight, span_of(ctx.plan, p) is None))
        chosen = {p.id for p in ranked[:max(room - 1, 0)]}
        projects = tuple(p for p in projects if p.id in chosen)
    far = date(ctx.plan.year + 1, 12, 31)
    return sorted(projects, key=lambda p: (span_of(ctx.plan, p) or (far, far)))


def _timeline(ctx: Ctx, box: Box) -> Block:
    """Projects as rows over the four quarters: a bar for a period, a line ending in ◆ for a deadline."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    projects = plan.projects or work_items(plan)
    noun = "项目" if plan.projects else "事项"
    marks, top = _heading(ctx, box, "季度安排", f"共 {len(projects)} 个{noun}")
    x0, _, x1, y1 = box
    label_w = round((x1 - x0) * 0.4)
    gx0, gx1 = x0 + label_w, x1
    axis_h = round(st.small * 1.8)
    legend_h = round(st.small * 1.8)
    row_h = round(st.small * 1.55)
    room = max(1, (y1 - top - axis_h - legend_h) // row_h)
    shown = _timeline_rows(ctx, projects, room)
    hidden = len(projects) - len(shown)
    y_start, y_end = date(plan.year, 1, 1), date(plan.year, 12, 31)
    days = (y_end - y_start).days + 1

    def xpos(d: date) -> float:
        d = min(max(d, y_start), y_end)
        return gx0 + (gx1 - gx0) * (d - y_start).days / days

    rows_bottom = top + axis_h + row_h * (len(shown) + (1 if hidden else 0))
    for q in range(4):
        qa, qb = xpos(date(plan.year, 3 * q + 1, 1)), (xpos(date(plan.year, 3 * q + 4, 1)) if q < 3 else gx1)
        if q % 2 == 0:
            marks.append(rect((round(qa), top, round(qb), rows_bottom), fill=pal.panel))
        marks.append(_text((qa + qb) / 2, top + axis_h / 2, QUARTERS[q], "bold", st.small, pal.muted, "mm"))
    marks.append(line([(gx0, top + axis_h), (gx1, top + axis_h)], pal.grid, max(1, st.px(3))))
    bar = st.px(26)
    for n, item in enumerate(shown):
        y = top + axis_h + row_h * n
        mid = y + row_h / 2
        color = ctx.color(item)
        marks.append(Shape("ellipse", ((x0, mid - st.px(9)), (x0 + st.px(18), mid + st.px(9))), fill=color))
        title = ("★" if item.highlight else "") + clean(item.title)
        marks.append(_text(x0 + st.px(32), mid, fit(title, "sans", st.small, label_w - st.px(52)), "sans",
                           st.small, pal.ink, "lm"))
        span = span_of(plan, item)
        if span is None:
            marks.append(_text(gx0 + st.px(16), mid, "时间待定", "sans", st.small, pal.muted, "lm"))
        elif item.start is None:  # a bare deadline: thin line from the year's start, ◆ at the deadline
            xe = xpos(span[1])
            marks.append(line([(gx0, mid), (xe, mid)], mix(color, "#FFFFFF", 0.45), max(2, st.px(6))))
            d = st.px(17)
            marks.append(Shape("polygon", ((xe, mid - d), (xe + d, mid), (xe, mid + d), (xe - d, mid)), fill=color))
        else:
            xa, xb = xpos(span[0]), max(xpos(span[1]), xpos(span[0]) + st.px(16))
            marks.append(rect((round(xa), round(mid - bar / 2), round(xb), round(mid + bar / 2)), fill=color,
                              radius=bar // 2))
            if item.milestone:
                d = st.px(17)
                marks.append(Shape("polygon", ((xb, mid - d), (xb + d, mid), (xb, mid + d), (xb - d, mid)),
                                   fill=pal.ink))
    if hidden:
        y = top + axis_h + row_h * len(shown) + row_h / 2
        marks.append(_text(x0 + st.px(32), y, f"另有 {hidden} 个{noun}未列出（共 {len(projects)} 个）", "sans",
                           st.small, pal.primary, "lm"))
    if ctx.today.year == plan.year:
        tx = xpos(ctx.today)
        marks.append(line([(tx, top + axis_h), (tx, rows_bottom)], pal.primary, max(1, st.px(4))))
    ly = rows_bottom + legend_h / 2 + st.px(6)
    legend = [("bar", "时间段"), ("diamond", "截止时间")] + ([("today", "今日")] if ctx.today.year == plan.year else [])
    lx = gx0
    for kind, label in legend:
        if kind == "bar":
            marks.append(rect((round(lx), round(ly - st.px(11)), round(lx + st.px(56)), round(ly + st.px(11))),
                              fill=pal.muted, radius=st.px(11)))
        elif kind == "diamond":
            d = st.px(15)
            marks.append(Shape("polygon", ((lx + d, ly - d), (lx + 2 * d, ly), (lx + d, ly + d), (lx, ly)),
                               fill=pal.muted))
        else:
            marks.append(line([(lx + st.px(20), ly - st.px(20)), (lx + st.px(20), ly + st.px(20))], pal.primary,
                              max(1, st.px(4))))
        lx += st.px(70)
        marks.append(_text(lx, ly, label, "sans", st.small, pal.muted, "lm"))
        lx += text_width(label, "sans", st.small) + st.px(60)
    return Block("timeline", box, tuple(marks), shown=tuple(p.title for p in shown), hidden=hidden, smooth=True)


# -- highlight project cards ------------------------------------------------------------------
def _element_value(ctx: Ctx, item: Item, name: str) -> str:
    if name == "目标":
        return item.goal
    if name == "负责人":
        return item.owner_text + (f"（{item.department_text}）" if item.department_text else "")
    if name == "时间节点":
        return _when(ctx, item)
    return item.deliverable if name == "成果形式" else item.criteria


def _card(ctx: Ctx, item: Item, box: Box, caps: dict[str, int], draw: bool) -> tuple[list, int]:
    """One highlight card; returns its marks and the height it needs with these line caps."""
    st, pal = ctx.style, ctx.pal
    x0, y0, x1, _ = box
    pad = st.px(40)
    ix0, ix1 = x0 + pad, x1 - pad
    marks: list = []
    color = ctx.color(item)
    y = y0 + pad
    chip = clean(item.dimension or NO_DIMENSION)
    chip_w = text_width(chip, "bold", st.small) + st.px(36)
    marks.append(_text(ix0, y, "★ 亮点项目", "bold", st.small, pal.accent))
    marks.append(rect((round(ix1 - chip_w), y - st.px(4), ix1, y + round(st.small * 1.3)), fill=color,
                      radius=st.px(10)))
    marks.append(_text(ix1 - chip_w / 2, y + st.small * 0.65 - st.px(4), chip, "bold", st.small, "#FFFFFF", "mm"))
    y += round(st.small * 1.6)
    for ln in wrap(clean(item.title), "bold", st.h2, ix1 - ix0, max_lines=2):
        marks.append(_text(ix0, y, ln, "bold", st.h2, pal.ink))
        y += round(st.h2 * 1.3)
    y += st.px(14)
    label_w = text_width("评估标准", "bold", st.small) + st.px(28)
    lh = round(st.small * 1.42)
    for name in ELEMENTS:
        value = clean(_element_value(ctx, item, name))
        marks.append(_text(ix0, y, name, "bold", st.small, pal.primary))
        if value:
            lines = wrap(value, "sans", st.small, ix1 - ix0 - label_w, max_lines=caps[name])
            ink = pal.ink
        else:
            lines, ink = ["未填写"], pal.muted
        for ln in lines:
            marks.append(_text(ix0 + label_w, y, ln, "sans", st.small, ink))
            y += lh
        y += st.px(12)
    height = y - y0 + pad - st.px(12)
    if draw:
        marks = [rect((x0, y0, x1, y0 + height), fill=pal.background, outline=pal.grid, width=max(1, st.px(3)),
                      radius=st.radius),
                 rect((x0, y0, x1, y0 + st.px(12)), fill=color, radius=st.px(6))] + marks
    return marks, height


def _highlights(ctx: Ctx, box: Box, vertical: bool) -> Block:
    """Up to three highlight projects as cards with the five elements; more are counted, none dropped."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    items = plan.highlights()
    shown, hidden = items[:MAX_HIGHLIGHTS], max(0, len(items) - MAX_HIGHLIGHTS)
    note = f"另有 {hidden} 个亮点项目未列出" if hidden else "项目化五要素"
    marks, top = _heading(ctx, box, "亮点项目", note)
    x0, _, x1, y1 = box
    if not shown:
        msg = "本计划尚未标注亮点项目。建议确定 1–2 个特色项目，写明目标、负责人、时间节点、成果形式和评估标准。"
        for n, ln in enumerate(wrap(msg, "sans", st.body, x1 - x0)):
            marks.append(_text(x0, top + n * st.body * 1.5, ln, "sans", st.body, pal.muted))
        return Block("highlights", box, tuple(marks))
    n = len(shown)
    if vertical:
        slot_h = (y1 - top - st.gutter * (n - 1)) / n
        boxes = [(x0, round(top + k * (slot_h + st.gutter)), x1, 0) for k in range(n)]
        limit = slot_h
    else:
        cw = (x1 - x0 - st.gutter * (n - 1)) / n
        boxes = [(round(x0 + k * (cw + st.gutter)), top, round(x0 + k * (cw + st.gutter) + cw), 0) for k in range(n)]
        limit = y1 - top
    caps = {"目标": 4, "负责人": 1, "时间节点": 1, "成果形式": 2, "评估标准": 3}
    # Shorten the long elements one line at a time until every card fits its slot.
    while max(_card(ctx, it, b, caps, False)[1] for it, b in zip(shown, boxes)) > limit:
        longest = max(("目标", "评估标准", "成果形式"), key=lambda k: caps[k])
        if caps[longest] == 1:
            break
        caps[longest] -= 1
    height = max(_card(ctx, it, b, caps, False)[1] for it, b in zip(shown, boxes))
    for it, b in zip(shown, boxes):
        card, _ = _card(ctx, it, b, caps, True)
        if not vertical:  # equal heights side by side
            card[0] = rect((b[0], b[1], b[2], b[1] + height), fill=pal.background, outline=pal.grid,
                           width=max(1, st.px(3)), radius=st.radius)
        marks += card
    bottom = (boxes[-1][1] + height) if vertical else top + height
    return Block("highlights", (x0, box[1], x1, bottom), tuple(marks),
                 shown=tuple(it.title for it in shown), hidden=hidden)


def _highlights_height(ctx: Ctx, width: int) -> int:
    """Height the highlight row needs on A4 (cards side by side, at most ~1000 px)."""
    probe = _highlights(ctx, (0, 0, width, 1000), vertical=False)
    return probe.box[3] - probe.box[1]


# -- plan structure: dimension → projects, flowed over columns ------------------------------------
@dataclass(frozen=True)
class _Unit:
    """One row of the structure list: a group heading, a project, a task under it, or “另有 N 项”."""

    kind: str  # "head", "entry", "task", "more", "none"
    group: str
    lines: tuple[str, ...]
    height: int
    item: Item | None = None
    count: int = 0


def _groups(ctx: Ctx) -> list[tuple[str, tuple[Item, ...]]]:
    """Projects (or, in a plan without projects, its work items) by dimension, in the plan's order."""
    plan = ctx.plan
    items = plan.projects or work_items(plan)
    groups = [(d, tuple(i for i in items if i.dimension == d)) for d in plan.dimensions]
    rest = tuple(i for i in items if i.dimension not in plan.dimensions)
    return groups + ([(NO_DIMENSION, rest)] if rest else [])


def _units(ctx: Ctx, col_w: int, quotas: dict[str, int], tasks: bool, max_lines: int) -> list[list[_Unit]]:
    """Rows of each group: at most ``quotas[group]`` projects, the rest summarized in one row."""
    st, plan = ctx.style, ctx.plan
    lh = round(st.small * 1.4)
    head_h = round(st.body * 1.9)
    out = []
    for group, items in _groups(ctx):
        rows = [_Unit("head", group, (group,), head_h, count=len(items))]
        if not items:
            rows.append(_Unit("none", group, ("暂无项目",), lh))
        keep = items[:quotas.get(group, len(items))]
        for item in keep:
            n_tasks = len([t for t in plan.children(item.id) if t.level == "task"])
            title = ("★" if item.highlight else "") + clean(item.title)
            suffix_w = text_width(f"{n_tasks}项", "sans", st.small) + st.px(24) if n_tasks and not tasks else 0
            lines = tuple(wrap(title, "sans", st.small, col_w - st.px(40) - suffix_w, max_lines=max_lines))
            rows.append(_Unit("entry", group, lines, lh * len(lines) + st.px(8), item, n_tasks))
            if tasks:
                for task in plan.children(item.id):
                    text = fit(clean(task.title), "sans", st.small, col_w - st.px(84))
                    rows.append(_Unit("task", group, (text,), lh, task))
        if len(items) > len(keep):
            rows.append(_Unit("more", group, (f"另有 {len(items) - len(keep)} 项",), lh + st.px(8),
                              count=len(items) - len(keep)))
        out.append(rows)
    return out


def _flow(groups: list[list[_Unit]], col_h: int, columns: int, gap: int) -> list[tuple[int, int, _Unit]] | None:
    """Place groups top to bottom, column after column; a split group repeats its heading (续).
    Returns (column, y, unit) for every row, or None when the rows do not fit."""
    placed: list[tuple[int, int, _Unit]] = []
    col, y = 0, 0
    for rows in groups:
        head, body = rows[0], rows[1:]
        if y and y + head.height + body[0].height > col_h:
            col, y = col + 1, 0
        if col >= columns or head.height + body[0].height > col_h:
            return None
        placed.append((col, y, head))
        y += head.height
        for unit in body:
            if y + unit.height > col_h:
                col, y = col + 1, 0
                if col >= columns or head.height + unit.height > col_h:
                    return None
                placed.append((col, y, _Unit("cont", head.group, head.lines, head.height, count=head.count)))
                y += head.height
            placed.append((col, y, unit))
            y += unit.height
        y += gap
    return placed


def _fit_structure(ctx: Ctx, col_w: int, col_h: int) -> tuple[list[tuple[int, int, _Unit]], int]:
    """The fullest structure list that fits: with tasks, then projects only, then one line each,
    then fewer projects in the largest groups (summarized). Returns placements and the height used."""
    st = ctx.style
    gap = st.px(30)
    sizes = {g: len(items) for g, items in _groups(ctx)}
    for tasks, max_lines in ((True, 2), (False, 2), (False, 1)):
        groups = _units(ctx, col_w, sizes, tasks, max_lines)
        if _flow(groups, col_h, st.columns, gap) is not None:
            break
    else:
        quotas = dict(sizes)
        while True:
            groups = _units(ctx, col_w, quotas, False, 1)
            if _flow(groups, col_h, st.columns, gap) is not None or max(quotas.values()) == 0:
                break
            largest = max(quotas, key=lambda g: quotas[g])
            quotas[largest] -= 1
    # Balance the columns: the smallest height that still fits (binary search).
    low, high = 1, col_h
    while low < high:
        mid = (low + high) // 2
        if _flow(groups, mid, st.columns, gap) is None:
            low = mid + 1
        else:
            high = mid
    placed = _flow(groups, high, st.columns, gap) or []
    return placed, max((y + u.height for _, y, u in placed), default=0)


def _structure(ctx: Ctx, box: Box) -> Block:
    """The plan's shape: each dimension with its projects (and tasks when there is room)."""
    st, pal = ctx.style, ctx.pal
    x0, _, x1, y1 = box
    groups = _groups(ctx)
    total = sum(len(items) for _, items in groups)
    noun = "项目" if ctx.plan.projects else "事项"
    marks, top = _heading(ctx, box, "计划结构", f"六度 → {noun}　共 {total} 个")
    col_w = round((x1 - x0 - st.gutter * (st.columns - 1)) / st.columns)
    placed, used = _fit_structure(ctx, col_w, y1 - top)
    shown: list[str] = []
    hidden = 0
    lh = round(st.small * 1.4)
    for col, y, unit in placed:
        x = x0 + col * (col_w + st.gutter)
        y += top
        color = ctx.color(unit.group if unit.group != NO_DIMENSION else None)
        if unit.kind in ("head", "cont"):
            mid = y + st.body * 0.8
            marks.append(rect((x, round(mid - st.px(16)), x + st.px(32), round(mid + st.px(16))), fill=color,
                              radius=st.px(6)))
            marks.append(_text(x + st.px(48), mid, unit.group, "bold", st.body, pal.ink, "lm"))
            note = f"{unit.count} 个{noun}" + ("（续）" if unit.kind == "cont" else "")
            nx = x + st.px(48) + text_width(unit.group, "bold", st.body) + st.px(20)
            marks.append(_text(nx, mid, note, "sans", st.small, pal.muted, "lm"))
            marks.append(line([(x, round(y + unit.height - st.px(12))), (x + col_w, round(y + unit.height - st.px(12)))],
                              mix(color, "#FFFFFF", 0.6), max(1, st.px(3))))
        elif unit.kind == "entry":
            shown.append(unit.item.title)
            marks.append(Shape("ellipse", ((x + st.px(6), y + lh / 2 - st.px(7)), (x + st.px(20), y + lh / 2 + st.px(7))),
                               fill=color))
            for n, ln in enumerate(unit.lines):
                marks.append(_text(x + st.px(40), y + lh * n + lh / 2, ln, "sans", st.small, pal.ink, "lm"))
            if unit.count and not any(u.kind == "task" and u.item.parent == unit.item.id for _, _, u in placed):
                marks.append(_text(x + col_w, y + lh / 2, f"{unit.count}项", "sans", st.small, pal.muted, "rm"))
        elif unit.kind == "task":
            marks.append(line([(x + st.px(46), y + lh / 2), (x + st.px(66), y + lh / 2)], pal.muted, max(1, st.px(3))))
            marks.append(_text(x + st.px(84), y + lh / 2, unit.lines[0], "sans", st.small, mix(pal.ink, "#FFFFFF", 0.3), "lm"))
        elif unit.kind in ("more", "none"):
            hidden += unit.count
            marks.append(_text(x + st.px(40), y + lh / 2, unit.lines[0], "sans", st.small,
                               pal.primary if unit.kind == "more" else pal.muted, "lm"))
    return Block("structure", (x0, box[1], x1, top + used), tuple(marks), shown=tuple(shown), hidden=hidden)


# -- progress summary ----------------------------------------------------------------------------
def _has_progress(plan: Plan) -> bool:
    return any(i.progress is not None or i.status for i in work_items(plan))


def _progress(ctx: Ctx, box: Box) -> Block:
    """Status of the work items as one stacked bar with counts, and what is overdue today."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    counts = status_counts(plan)
    total = sum(counts.values()) or 1
    overall = plan.overall_progress()
    note = f"总体进度 {round(overall * 100)}%" if overall is not None else ""
    marks, top = _heading(ctx, box, "进展概况", note)
    x0, _, x1, _ = box
    bar = st.px(44)
    x = x0
    for status, n in counts.items():
        if not n:
            continue
        w = (x1 - x0) * n / total
        marks.append(rect((round(x), top, round(x + w), top + bar), fill=theme.status_color(status)))
        x += w
    y = top + bar + st.px(30)
    lx = x0
    for status, n in counts.items():
        marks.append(rect((round(lx), round(y + st.px(4)), round(lx + st.px(30)), round(y + st.px(34))),
                          fill=theme.status_color(status), radius=st.px(6)))
        label = f"{status} {n}"
        marks.append(_text(lx + st.px(44), y + st.px(19), label, "sans", st.small, pal.ink, "lm"))
        lx += st.px(44) + text_width(label, "sans", st.small) + st.px(56)
    late = [i for i in overdue_items(plan, ctx.today) if i in work_items(plan)]
    if late:
        names = "、".join(clean(i.title) for i in late)
        text = fit(f"逾期未完成 {len(late)} 项：{names}", "sans", st.small, x1 - lx)
        marks.append(_text(lx, y + st.px(19), text, "sans", st.small, pal.primary, "lm"))
    bottom = y + round(st.small * 1.3)
    return Block("progress", (x0, box[1], x1, bottom), tuple(marks))


# -- the page ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Brief:
    """The composed page: its format, pixel size and blocks in painting order."""

    fmt: str
    size: tuple[int, int]
    blocks: tuple[Block, ...]
    background: str = "#FFFFFF"

    def block(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    def texts(self) -> tuple[Text, ...]:
        """Every line of text on the page."""
        return tuple(t for b in self.blocks for t in b.texts)

    def render(self) -> Image.Image:
        return paint(self.size, self.blocks, self.background)

    def png(self) -> bytes:
        buf = io.BytesIO()
        dpi = DPI if self.fmt == "a4" else 96
        self.render().save(buf, "PNG", dpi=(dpi, dpi), compress_level=3)
        return buf.getvalue()

    def pdf(self) -> bytes:
        """One PDF page of the rendered image: A4 (595×842 pt) at 300 dpi, or the slide at 96 dpi."""
        buf = io.BytesIO()
        # JPEG at 4:4:4 and high quality keeps red text and thin rules crisp.
        self.render().save(buf, "PDF", resolution=DPI if self.fmt == "a4" else 96, quality=92, subsampling=0,
                           title=self.title)
        return buf.getvalue()

    @property
    def title(self) -> str:
        header = self.block("header")
        return " ".join(t.text for t in header.texts if t.face == "serif" and not t.text.isdigit()) if header else ""


def _logo_bytes(logo: bytes | str | Path | None) -> bytes | None:
    """The logo as image bytes; an unreadable file or non-image raises PlanError in Chinese."""
    if logo is None or isinstance(logo, bytes):
        data = logo
    else:
        try:
            data = Path(logo).read_bytes()
        except OSError as exc:
            raise PlanError(f"无法读取标识图片「{logo}」：{exc.strerror or exc}，请检查文件路径") from None
    if data is None:
        return None
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.verify()
    except Exception:
        raise PlanError(f"标识图片「{logo if not isinstance(logo, bytes) else '上传的图片'}」不是可识别的图片，"
                        "请使用 PNG 或 JPG 格式") from None
    return data


def compose_brief(plan: Plan, *, fmt: str = "a4", logo: bytes | str | Path | None = None,
                  today: date | None = None, palette: str = "party") -> Brief:
    """Lay out the brief of ``plan``: fmt "a4" (2480×3508 px, 300 dpi) or "slide" (1920×1080 px)."""
    if fmt not in STYLES:
        raise PlanError(f"不支持的简报版式「{fmt}」，可选：a4（A4 竖版）或 slide（16:9 幻灯片）")
    st = STYLES[fmt]
    ctx = Ctx(plan, st, theme.palette(palette), today or date.today())
    header = _header(ctx, _logo_bytes(logo))
    gap = st.gutter
    y = header.box[3] + gap
    figures = _figures(ctx, y)
    y = figures.box[3] + round(gap * 1.2)
    x0, x1 = st.margin, st.size[0] - st.margin
    footer = _footer(ctx, False)
    bottom = footer.box[1] - gap
    blocks = [header, figures]
    if fmt == "a4":
        n = len(plan.projects or work_items(plan))
        row_h = min(max(st.px(900), st.px(280) + round(st.small * 1.55) * n), st.px(1200))
        radar_w = st.px(900)
        blocks += [_radar(ctx, (x0, y, x0 + radar_w, y + row_h)),
                   _timeline(ctx, (x0 + radar_w + gap, y, x1, y + row_h))]
        y += row_h + round(gap * 1.2)
        high = _highlights(ctx, (x0, y, x1, y + st.px(1000)), vertical=False)
        blocks.append(high)
        y = high.box[3] + round(gap * 1.2)
        if _has_progress(plan):
            probe = _progress(ctx, (x0, 0, x1, 0))
            h = probe.box[3] - probe.box[1]
            blocks.append(_progress(ctx, (x0, bottom - h, x1, bottom)))
            bottom -= h + round(gap * 1.2)
        blocks.append(_structure(ctx, (x0, y, x1, bottom)))
    else:
        col_a, col_c = st.px(1000), st.px(1150)
        left = (x0, y, x0 + col_a, bottom)
        if _has_progress(plan):
            probe = _progress(ctx, (x0, 0, x0 + col_a, 0))
            h = probe.box[3] - probe.box[1]
            blocks.append(_progress(ctx, (x0, bottom - h, x0 + col_a, bottom)))
            left = (x0, y, x0 + col_a, bottom - h - gap)
        blocks += [_radar(ctx, left),
                   _timeline(ctx, (x0 + col_a + gap, y, x1 - col_c - gap, bottom)),
                   _highlights(ctx, (x1 - col_c, y, x1, bottom), vertical=True)]
    summarized = any(b.hidden for b in blocks)
    blocks.append(_footer(ctx, summarized))
    return Brief(fmt, st.size, tuple(blocks), ctx.pal.background)


def brief_png(plan: Plan, **options) -> bytes:
    """The brief as PNG bytes; options as for :func:`compose_brief`."""
    return compose_brief(plan, **options).png()


def brief_pdf(plan: Plan, **options) -> bytes:
    """The brief as a one-page PDF; options as for :func:`compose_brief`."""
    return compose_brief(plan, **options).pdf()


# -- command line: one or many files ---------------------------------------------------------------
def _targets(files: list[str], output: Path, as_folder: bool) -> list[list[Path]]:
    """Output paths per input: the named file, or in a folder ``stem.png`` and ``stem.pdf`` (unique stems)."""
    if not as_folder:
        return [[output]]
    out, used = [], set()
    for f in files:
        stem, n = Path(f).stem or "简报", 1
        while stem in used:
            n += 1
            stem = f"{Path(f).stem}-{n}"
        used.add(stem)
        out.append([output / f"{stem}.png", output / f"{stem}.pdf"])
    return out


def _progress_bar(done: int, total: int, name: str) -> None:
    width = 24
    filled = round(width * done / total)
    bar = "█" * filled + "░" * (width - filled)
    end = "\r" if sys.stderr.isatty() and done < total else "\n"
    print(f"\r[{bar}] {done}/{total} {name}".ljust(60), end=end, file=sys.stderr, flush=True)


def write_briefs(files: list[str], output: Path, fmt: str = "a4", logo: str | None = None,
                 year: int | None = None, palette: str = "party") -> int:
    """Write one brief per plan file; returns the exit code (0 all written, 1 some failed, 2 bad options).

    One file with ``output`` ending in .png or .pdf writes that file. Otherwise ``output`` is a
    folder (created when missing) that receives ``<stem>.png`` and ``<stem>.pdf`` for each file:
    the PNG for screens and chats, the PDF for printing. A bad file is reported and skipped.
    """
    from .readers import load_plan

    output = Path(output)
    suffix = output.suffix.lower()
    as_folder = len(files) > 1 or str(output).endswith(("/", "\\")) or output.is_dir() or not suffix
    if not as_folder and suffix not in (".png", ".pdf"):
        print(f"错误：输出文件须以 .png 或 .pdf 结尾（收到「{output.name}」），或给出一个文件夹（以 / 结尾）",
              file=sys.stderr)
        return 2
    if as_folder and suffix in (".png", ".pdf") and not output.is_dir():
        print(f"错误：有 {len(files)} 个计划文件，-o 须为文件夹（如 简报/），不能是单个文件「{output.name}」",
              file=sys.stderr)
        return 2
    try:
        logo_data = _logo_bytes(logo)
    except PlanError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    failed: list[str] = []
    written = 0
    for n, (f, targets) in enumerate(zip(files, _targets(files, output, as_folder)), start=1):
        name = Path(f).name
        try:
            plan = load_plan(Path(f), year=year)
            brief = compose_brief(plan, fmt=fmt, logo=logo_data, palette=palette)
            for target in targets:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(brief.pdf() if target.suffix.lower() == ".pdf" else brief.png())
            written += 1
        except PlanError as exc:
            failed.append(name)
            print(f"\n「{name}」未能生成简报：{str(exc).replace(chr(10), ' ')}", file=sys.stderr)
        except OSError as exc:
            failed.append(name)
            print(f"\n「{name}」的简报无法写入：{exc.strerror or exc}（{exc.filename or output}）", file=sys.stderr)
        if len(files) > 1:
            _progress_bar(n, len(files), name)
    where = output if not as_folder else f"{output}{'' if str(output).endswith('/') else '/'}"
    if failed:
        print(f"已生成 {written} 份简报（{where}），{len(failed)} 个文件失败：{'、'.join(failed)}", file=sys.stderr)
        return 1
    print(f"已生成 {written} 份简报：{where}")
    return 0
