"""One-page brief (一页纸简报): a plan on one A4 page (300 dpi PNG/PDF) or a 16:9 slide, drawn with Pillow.

The page is first composed as a frozen layout model (blocks of text lines and shapes with
their boxes), then painted. Tests assert on the model; painting needs no browser, so a
batch of briefs is fast. Radar and timeline use the same numbers (planviz.stats,
planviz.charts.radar) and colours (planviz.theme) as the plotly figures.
"""
from __future__ import annotations

import dataclasses
import io
import math
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image

from . import theme
from .charts.radar import radar_values
from .layout import (Block, Box, Picture, Shape, Text, clean, fit, line, listing, mix, paint, rect, text_width, wrap,
                     wrap_balanced)
from .model import Item, Plan, PlanError
from .stats import key_figures, overdue_items, span_of, status_counts, when_text, work_items

FORMATS = ("a4", "slide")
DPI = 300
QUARTERS = ("一季度", "二季度", "三季度", "四季度")
ELEMENTS = ("目标", "负责人", "时间节点", "成果形式", "评估标准")
# First months of each period of a recurring item after the first, for the notches on its bar.
RHYTHM_MONTHS = {"weekly": tuple(range(2, 13)), "monthly": tuple(range(2, 13)), "quarterly": (4, 7, 10),
                 "half-yearly": (7,)}
MAX_HIGHLIGHTS = 3
CAPS = {"目标": 4, "负责人": 1, "时间节点": 1, "成果形式": 2, "评估标准": 3}  # most lines per card element
NO_DIMENSION = "未归类"


@dataclass(frozen=True)
class Style:
    """Page size and type scale of one format; sizes are pixels on the final image."""

    size: tuple[int, int]
    margin: int
    gutter: int
    title: int
    number: int
    h2: int
    body: int
    small: int  # the smallest text on the page (A4: 38 px = 9.1 pt at 300 dpi)
    radius: int
    names: float  # share of the plan table (after the dimension cells) given to item names

    def px(self, a4_px: float) -> int:
        """A length given for A4, scaled to this format."""
        return round(a4_px * self.small / 38)

    @property
    def rule(self) -> int:
        return max(1, self.px(3))


STYLES = {
    "a4": Style((2480, 3508), 150, 64, 92, 92, 54, 42, 38, 22, 0.42),
    "slide": Style((1920, 1080), 48, 28, 46, 46, 26, 22, 20, 12, 0.52),
}


@dataclass(frozen=True)
class Ctx:
    """What every block composer needs: the plan, its style, palette and the day of the brief."""

    plan: Plan
    style: Style
    pal: theme.Palette
    today: date

    def color(self, dimension: str | None) -> str:
        return theme.dimension_color(dimension if dimension != NO_DIMENSION else None, self.plan.dimensions)

    @property
    def units(self) -> tuple[Item, ...]:
        """What the brief lists: the projects, or the work items of a plan without projects."""
        return self.plan.projects or work_items(self.plan)

    @property
    def noun(self) -> str:
        return "项目" if self.plan.projects else "事项"


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
    marks.append(line([(x0, y0 + h + st.px(14)), (x1, y0 + h + st.px(14))], pal.grid, st.rule))
    return marks, y0 + h + st.px(40)


def _diamond(x: float, y: float, d: float, color: str) -> Shape:
    return Shape("polygon", ((x, y - d), (x + d, y), (x, y + d), (x - d, y)), fill=color)


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# -- header, key figures, progress, footer ----------------------------------------------------------
def _title_lines(plan: Plan, room: float, size: int) -> tuple[list[str], int]:
    """The title's lines and type size: one line, or two broken after the organization's name when it
    leads the title; a long title steps down in size to fit two, then three lines, before it is cut."""
    title = clean(plan.display_title, "serif")
    org = clean(plan.organization, "serif")
    if text_width(title, "serif", size) <= room:
        return [title], size
    rest = title[len(org):].strip() if org and title.startswith(org) else ""
    if rest and text_width(org, "serif", size) <= room and text_width(rest, "serif", size) <= room:
        return [org, rest], size
    for scale, most in ((1.0, 2), (0.85, 2), (0.72, 3)):
        smaller = round(size * scale)
        lines = wrap_balanced(title, "serif", smaller, room, max_lines=most)
        if len(wrap(title, "serif", smaller, room)) <= most:
            return lines, smaller
    return lines, smaller


def _header(ctx: Ctx, logo: bytes | None) -> Block:
    """Band in the primary colour: logo, organization, title, theme, and the slogan as a gold badge."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    w = st.size[0]
    light = mix(pal.accent, "#FFFFFF", 0.55)
    x, top = st.margin, st.px(90)
    marks: list = []
    side = st.px(240)
    if logo:
        marks.append(rect((x, top, x + side, top + side), fill="#FFFFFF", radius=st.radius))
        marks.append(Picture((x + st.px(20), top + st.px(20), x + side - st.px(20), top + side - st.px(20)), logo))
        x += side + st.px(56)
    slogan = clean(plan.slogan, "serif")
    # A brand name is short; a long slogan steps down in size rather than being cut.
    badge_size, most = next(((z, n) for z, n in ((st.px(60), 2), (st.px(50), 2), (st.px(42), 3))
                             if len(wrap(slogan, "serif", z, st.px(480))) <= n), (st.px(42), 3))
    badge_lines = wrap_balanced(slogan, "serif", badge_size, st.px(480), max_lines=most) if slogan else []
    badge_w = max((text_width(s, "serif", badge_size) for s in badge_lines), default=0)
    badge_w = round(badge_w + st.px(90)) if badge_lines else 0
    room = w - st.margin - x - (badge_w + st.px(70) if badge_w else 0)
    y = top
    org = clean(plan.organization)
    if org and org not in plan.display_title:
        marks.append(_text(x, y, fit(org, "bold", st.body, room), "bold", st.body, light))
        y += round(st.body * 1.6)
    lines, size = _title_lines(plan, room, st.title)
    for ln in lines:
        marks.append(_text(x, y, ln, "serif", size, "#FFFFFF"))
        y += round(size * 1.32)
    tagline = clean(plan.theme)
    if tagline and tagline not in plan.display_title:
        y += st.px(14)
        for ln in wrap(tagline, "sans", st.h2, room, max_lines=2):
            marks.append(_text(x, y, ln, "sans", st.h2, light))
            y += round(st.h2 * 1.4)
    bottom = max(y + st.px(56), top + (side if logo else 0) + st.px(80))
    if badge_lines:
        bh = round(badge_size * 1.3 * len(badge_lines) + st.px(60))
        bx1, by0 = w - st.margin, round((bottom - bh) / 2)
        marks.append(rect((bx1 - badge_w, by0, bx1, by0 + bh), outline=pal.accent, width=st.px(6), radius=st.px(14)))
        for n, ln in enumerate(badge_lines):
            marks.append(_text(bx1 - badge_w / 2, by0 + st.px(30) + badge_size * 1.3 * (n + 0.5), ln, "serif",
                               badge_size, pal.accent, "mm"))
    band = [rect((0, 0, w, bottom), fill=pal.primary), rect((0, bottom, w, bottom + st.px(14)), fill=pal.accent)]
    return Block("header", (0, 0, w, bottom + st.px(14)), tuple(band + marks))


def _figures(ctx: Ctx, box: Box, columns: int) -> Block:
    """Six key-figure tiles (projects, tasks, highlights, owners, dimensions covered, progress or
    sections) in rows of ``columns``."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    kf = key_figures(plan)
    covered = sum(1 for d in plan.dimensions if any(i.dimension == d for i in ctx.units))
    tiles = [("项目", str(kf.projects), "个"), ("任务", str(kf.tasks), "项"), ("亮点项目", str(kf.highlights), "个"),
             ("责任人", str(kf.owners), "人"),
             ("六度覆盖" if len(plan.dimensions) == 6 else "维度覆盖", f"{covered}/{len(plan.dimensions)}", "")]
    if kf.progress is not None:
        tiles.append(("总体进度", str(round(kf.progress * 100)), "%"))
    else:
        tiles.append(("板块", str(kf.sections), "个"))
    x0, y0, x1, _ = box
    gap = st.px(24)
    tw = (x1 - x0 - (columns - 1) * gap) / columns
    th = round(st.number * 1.1 + st.body * 1.6 + st.px(44))
    marks: list = []
    for n, (label, value, unit) in enumerate(tiles):
        tx, ty = x0 + (n % columns) * (tw + gap), y0 + (n // columns) * (th + gap)
        marks.append(rect((round(tx), ty, round(tx + tw), ty + th), fill=pal.panel, radius=st.radius))
        cx = tx + tw / 2
        num_w = text_width(value, "serif", st.number)
        unit_w = text_width(unit, "bold", st.h2) + st.px(8) if unit else 0
        base = ty + st.px(22) + st.number
        left = cx - (num_w + unit_w) / 2
        marks.append(_text(left, base, value, "serif", st.number, pal.primary, "ls"))
        if unit:
            marks.append(_text(left + num_w + st.px(8), base, unit, "bold", st.h2, pal.primary, "ls"))
        marks.append(_text(cx, base + st.px(24), label, "sans", st.body, pal.muted, "mt"))
    rows = math.ceil(len(tiles) / columns)
    return Block("figures", (x0, y0, x1, y0 + rows * th + (rows - 1) * gap), tuple(marks))


def _has_progress(plan: Plan) -> bool:
    return any(i.progress is not None or i.status for i in work_items(plan))


def _progress(ctx: Ctx, box: Box) -> Block:
    """Status of the work items as one stacked bar with counts, and what is overdue on the brief's day."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    counts = status_counts(plan)
    total = sum(counts.values()) or 1
    marks, top = _heading(ctx, box, "进展概况", f"按 {sum(counts.values())} 项工作统计")
    x0, _, x1, _ = box
    bar = st.px(44)
    x = x0
    for status, n in counts.items():
        if n:
            w = (x1 - x0) * n / total
            marks.append(rect((round(x), top, round(x + w), top + bar), fill=theme.status_color(status)))
            x += w
    y, lx = top + bar + st.px(30), x0
    lh = round(st.small * 1.5)
    for status, n in counts.items():
        label = f"{status} {n}"
        step = st.px(44) + text_width(label, "sans", st.small) + st.px(44)
        if lx + step - st.px(44) > x1:
            lx, y = x0, y + lh
        marks.append(rect((round(lx), round(y + lh / 2 - st.px(15)), round(lx + st.px(30)), round(y + lh / 2 + st.px(15))),
                          fill=theme.status_color(status), radius=st.px(6)))
        marks.append(_text(lx + st.px(44), y + lh / 2, label, "sans", st.small, pal.ink, "lm"))
        lx += step
    y += lh
    work = set(work_items(plan))
    late = [i for i in overdue_items(plan, ctx.today) if i in work]
    if late:
        text = listing(f"逾期未完成 {len(late)} 项：", [clean(i.title) for i in late], "sans", st.small, x1 - x0)
        marks.append(_text(x0, y + lh / 2, text, "sans", st.small, pal.primary, "lm"))
        y += lh
    return Block("progress", (x0, box[1], x1, y), tuple(marks))


def _quarter_load(ctx: Ctx, box: Box) -> Block:
    """For plans without progress: how many deadlines fall in each quarter, and how much runs all year."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    counts, yearlong, undated = [0, 0, 0, 0], 0, 0
    for item in work_items(plan):
        span = span_of(plan, item)
        if span is None:
            undated += 1
        elif item.recurrence or (span[1] - span[0]).days > 300:
            yearlong += 1
        elif span[1].year == plan.year:
            counts[(span[1].month - 1) // 3] += 1
    notes = ([f"全年持续 {yearlong} 项"] if yearlong else []) + ([f"时间待定 {undated} 项"] if undated else [])
    marks, top = _heading(ctx, box, "节点分布", "　".join(notes) or "按完成时间统计")
    x0, _, x1, _ = box
    lh = round(st.small * 1.5)
    label_w = text_width("四季度", "sans", st.small) + st.px(30)
    count_w = text_width("000 项", "bold", st.small) + st.px(20)
    high = max(counts + [1])
    for q, n in enumerate(counts):
        mid = top + lh * q + lh / 2
        w = (x1 - x0 - label_w - count_w) * n / high
        marks.append(_text(x0, mid, QUARTERS[q], "sans", st.small, pal.muted, "lm"))
        if n:
            marks.append(rect((x0 + label_w, round(mid - st.px(14)), round(x0 + label_w + w), round(mid + st.px(14))),
                              fill=pal.primary if n == high else mix(pal.primary, "#FFFFFF", 0.45), radius=st.px(6)))
        marks.append(_text(x0 + label_w + w + st.px(16), mid, f"{n} 项", "bold", st.small, pal.ink, "lm"))
    return Block("quarters", (x0, box[1], x1, top + lh * 4), tuple(marks))


def _footer(ctx: Ctx, summarized: bool) -> Block:
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    x0, x1 = st.margin, st.size[0] - st.margin
    y1 = st.size[1] - round(st.margin * 0.6)
    y0 = y1 - round(st.small * 1.9)
    left = f"生成日期：{_cn_date(ctx.today)}"
    if plan.source_name:
        left += f"　　来源文件：{plan.source_name}"
    right = "未列出的条目见计划表 · planviz 一页纸简报" if summarized else "planviz 一页纸简报"
    room = x1 - x0 - text_width(right, "sans", st.small) - st.px(60)
    marks = [line([(x0, y0), (x1, y0)], pal.grid, st.rule),
             _text(x0, y1, fit(clean(left), "sans", st.small, room), "sans", st.small, pal.muted, "ls"),
             _text(x1, y1, right, "sans", st.small, pal.muted, "rs")]
    return Block("footer", (x0, y0, x1, y1 + st.px(12)), tuple(marks))


# -- radar ---------------------------------------------------------------------------------------
def _radar(ctx: Ctx, box: Box) -> Block:
    """Six-dimension radar of project counts, styled like charts.radar: red fill, gold line, coloured vertices."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    marks, top = _heading(ctx, box, "六度雷达", f"各维度{ctx.noun}数")
    x0, _, x1, y1 = box
    values = radar_values(plan, "projects") if plan.projects else {
        d: float(sum(1 for i in ctx.units if i.dimension == d)) for d in plan.dimensions}
    dims = list(plan.dimensions)
    if len(dims) < 3:  # a radar needs three axes at least
        note = f"本计划只设 {len(dims)} 个维度，无法绘制雷达图" if dims else "本计划未设维度，无法绘制雷达图"
        marks.append(_text(x0, top, fit(note, "sans", st.small, x1 - x0), "sans", st.small, pal.muted))
        return Block("radar", box, tuple(marks))
    empty = [d for d in dims if values[d] == 0]
    note_lines = wrap_balanced(f"薄弱维度：{'、'.join(empty)}，建议补充相应{ctx.noun}", "sans", st.small, x1 - x0,
                      max_lines=2) if empty else []
    note_h = round(st.small * 1.45) * len(note_lines)
    label_h = round(st.body * 1.25 + st.small * 1.25)
    label_w = max(max(text_width(d, "bold", st.body), text_width("暂无项目", "sans", st.small)) for d in dims)
    r = max(st.px(80), min((x1 - x0) / 2 - label_w - st.px(30), (y1 - top - note_h) / 2 - label_h - st.px(30)))
    cx, cy = (x0 + x1) / 2, top + (y1 - top - note_h) / 2
    high = max([1.0] + list(values.values()))
    hole = 0.1  # as in charts.radar: empty dimensions stay apart instead of piling up in the centre

    def angle(k: int) -> float:
        return -math.pi / 2 + 2 * math.pi * k / len(dims)

    def at(k: int, frac: float) -> tuple[float, float]:
        return cx + r * frac * math.cos(angle(k)), cy + r * frac * math.sin(angle(k))

    rings = [[at(k, hole + (1 - hole) * f) for k in range(len(dims))] for f in (0.25, 0.5, 0.75, 1.0)]
    pts = [at(k, hole + (1 - hole) * values[d] / high) for k, d in enumerate(dims)]
    marks.append(Shape("polygon", tuple(pts), fill=mix(pal.primary, pal.background, 0.8)))
    for ring in rings:
        marks.append(Shape("polygon", tuple(ring), outline=pal.grid, width=st.rule))
    for k in range(len(dims)):
        marks.append(line([at(k, hole), at(k, 1.0)], pal.grid, st.rule))
    marks.append(Shape("polygon", tuple(pts), outline=pal.accent, width=st.px(9)))
    dot = st.px(17)
    for k, d in enumerate(dims):
        px, py = pts[k]
        marks.append(Shape("ellipse", ((px - dot, py - dot), (px + dot, py + dot)), fill=ctx.color(d),
                           outline="#FFFFFF", width=st.px(5)))
        cos, sin = math.cos(angle(k)), math.sin(angle(k))
        lx, ly = at(k, 1.0)
        lx, ly = lx + st.px(28) * cos, ly + st.px(28) * sin
        h = "l" if cos > 0.3 else "r" if cos < -0.3 else "m"
        ly -= label_h if sin < -0.3 else label_h / 2 if abs(sin) <= 0.3 else 0
        count = f"{values[d]:.0f} 个{ctx.noun}" if values[d] else f"暂无{ctx.noun}"
        marks.append(_text(lx, ly, d, "bold", st.body, ctx.color(d), h + "t"))
        marks.append(_text(lx, ly + st.body * 1.25, count, "sans", st.small,
                           pal.muted if values[d] else pal.primary, h + "t"))
    for n, ln in enumerate(note_lines):
        marks.append(_text(cx, y1 - note_h + round(st.small * 1.45) * n, ln, "sans", st.small, pal.primary, "mt"))
    return Block("radar", box, tuple(marks), smooth=True)


# -- highlight project cards ------------------------------------------------------------------
def _element_value(ctx: Ctx, item: Item, name: str) -> str:
    if name == "目标":
        return item.goal
    if name == "负责人":
        return item.owner_text + (f"（{item.department_text}）" if item.department_text else "")
    if name == "时间节点":
        return when_text(item) if (item.start or item.end or item.deadline_text.strip()) else ""
    return item.deliverable if name == "成果形式" else item.criteria


def _card(ctx: Ctx, item: Item, box: Box, caps: dict[str, int]) -> tuple[list, int]:
    """One highlight card (without its frame); returns its marks and the height it needs with these caps.

    Title with the dimension chip, then the five elements as label + value rows; on a wide card
    负责人 and 时间节点 share one row."""
    st, pal = ctx.style, ctx.pal
    x0, y0, x1, _ = box
    pad = st.px(40)
    ix0, ix1 = x0 + pad, x1 - pad
    y = y0 + pad + st.px(10)
    chip = clean(item.dimension or NO_DIMENSION)
    chip_w = text_width(chip, "bold", st.small) + st.px(36)
    title_h = round(st.h2 * 1.3)
    wide = ix1 - ix0 >= st.px(880)  # wide: chip right of the title, 负责人 and 时间节点 on one row
    cx = ix1 - chip_w if wide else ix0
    marks: list = [rect((round(cx), round(y + title_h / 2 - st.small * 0.7), round(cx + chip_w),
                         round(y + title_h / 2 + st.small * 0.7)), fill=ctx.color(item.dimension), radius=st.px(10)),
                   _text(cx + chip_w / 2, y + title_h / 2, chip, "bold", st.small, "#FFFFFF", "mm")]
    if not wide:
        if item.section:
            marks.append(_text(cx + chip_w + st.px(20), y + title_h / 2,
                               fit(clean(item.section), "sans", st.small, ix1 - cx - chip_w - st.px(20)), "sans",
                               st.small, pal.muted, "lm"))
        y += title_h
    room = ix1 - ix0 - (chip_w + st.px(24) if wide else 0)
    size = next((z for z in (st.h2, round(st.h2 * 0.9), st.body) if text_width(clean(item.title), "bold", z) <= room),
                st.h2)
    title = wrap_balanced(clean(item.title), "bold", size, room, max_lines=2)
    for n, ln in enumerate(title):
        marks.append(_text(ix0, y + title_h * n + title_h / 2, ln, "bold", size, pal.ink, "lm"))
    y += title_h * len(title) + st.px(18)
    label_w = text_width("评估标准", "bold", st.small) + st.px(28)
    lh = round(st.small * 1.4)
    paired = wide
    # The time with its dates when they fit beside the owner, else the plan's own wording alone.
    when = clean(_element_value(ctx, item, "时间节点"))
    if paired and item.deadline_text.strip() and label_w + text_width(when, "sans", st.small) > (ix1 - ix0) * 0.45:
        when = clean(item.deadline_text)
    when_w = min(label_w + text_width(when or "未填写", "sans", st.small), (ix1 - ix0) * 0.45)
    for name in ELEMENTS:
        value = when if name == "时间节点" else clean(_element_value(ctx, item, name))
        x, width = ix0, ix1 - ix0
        if paired and name in ("负责人", "时间节点"):  # time is short: the owner gets the rest of the row
            x, width = (ix0, ix1 - ix0 - when_w - st.px(40)) if name == "负责人" else (ix1 - when_w, when_w)
        marks.append(_text(x, y, name, "bold", st.small, pal.primary))
        if name == "负责人" and item.owners and text_width(value, "sans", st.small) > width - label_w:
            value = listing("", [clean(o) for o in item.owners], "sans", st.small, width - label_w)  # without departments
        lines, ink = (wrap(value, "sans", st.small, width - label_w, max_lines=caps[name]), pal.ink) \
            if value else (["未填写"], pal.muted)
        for n, ln in enumerate(lines):
            marks.append(_text(x + label_w, y + lh * n, ln, "sans", st.small, ink))
        if not (paired and name == "负责人"):
            y += lh * len(lines) + st.px(10)
    return marks, y - y0 + pad - st.px(10)


def _card_slots(ctx: Ctx, items: tuple[Item, ...], box: Box, top: int, vertical: bool):
    """Boxes, line caps and common height for cards of ``items``, or None when they cannot fit."""
    st = ctx.style
    x0, _, x1, y1 = box
    n = len(items)
    if vertical:
        slot = (y1 - top - st.gutter * (n - 1)) / n
        boxes = [(x0, round(top + k * (slot + st.gutter)), x1, 0) for k in range(n)]
    else:
        slot = y1 - top
        cw = (x1 - x0 - st.gutter * (n - 1)) / n
        boxes = [(round(x0 + k * (cw + st.gutter)), top, round(x0 + k * (cw + st.gutter) + cw), 0) for k in range(n)]
    caps = dict(CAPS)
    shorten = ("评估标准", "成果形式", "目标")  # on a tie the goal keeps its lines longest

    def tallest() -> int:
        return max(_card(ctx, it, b, caps)[1] for it, b in zip(items, boxes))

    # Shorten the longest-capped element one line at a time until every card fits its slot.
    while tallest() > slot and max(caps.values()) > 1:
        caps[max(shorten, key=lambda k: caps[k])] -= 1
    height = tallest()
    return (boxes, caps, height) if height <= slot else None


def _highlights_min(ctx: Ctx, width: int) -> int:
    """Height of the highlight row (cards side by side) with one line per element: its smallest readable size."""
    st = ctx.style
    items = ctx.plan.highlights()[:MAX_HIGHLIGHTS]
    if not items:
        return 0
    n = len(items)
    cw = (width - st.gutter * (n - 1)) / n
    ones = dict.fromkeys(CAPS, 1)
    return round(st.h2 * 1.25) + st.px(40) + max(_card(ctx, it, (0, 0, round(cw), 0), ones)[1] for it in items)


def _highlights(ctx: Ctx, box: Box, vertical: bool) -> Block:
    """Up to three highlight projects as cards with the five elements; more are counted, never dropped."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    items = plan.highlights()
    x0, _, x1, y1 = box
    top = box[1] + round(st.h2 * 1.25) + st.px(40)  # below the heading
    shown = items[:MAX_HIGHLIGHTS]
    slots = None
    while shown and slots is None:
        slots = _card_slots(ctx, shown, box, top, vertical)
        if slots is None and len(shown) > 1:
            shown = shown[:-1]
        elif slots is None:  # one card that cannot fit even at one line per element: draw it anyway, cut by caps
            slots = _card_slots(ctx, shown, (x0, top, x1, 10 ** 6), top, vertical)
    hidden = len(items) - len(shown)
    note = f"另有 {hidden} 个亮点项目未列出" if hidden else "项目化五要素"
    marks, top = _heading(ctx, box, "亮点项目", note)
    if not shown:
        msg = "本计划尚未标注亮点项目。建议确定 1–2 个特色项目，写明目标、负责人、时间节点、成果形式和评估标准。"
        lines = wrap(msg, "sans", st.body, x1 - x0)
        for n, ln in enumerate(lines):
            marks.append(_text(x0, top + n * st.body * 1.5, ln, "sans", st.body, pal.muted))
        return Block("highlights", (x0, box[1], x1, round(top + len(lines) * st.body * 1.5)), tuple(marks))
    boxes, caps, height = slots
    for it, b in zip(shown, boxes):
        card, _ = _card(ctx, it, b, caps)
        cap = b[1] + 2 * st.radius
        marks += [rect((b[0], b[1], b[2], b[1] + height), fill=pal.background, outline=pal.grid,
                       width=st.rule, radius=st.radius),
                  rect((b[0], b[1], b[2], cap), fill=ctx.color(it.dimension), radius=st.radius),  # coloured top edge
                  rect((b[0] + st.rule, b[1] + st.px(12), b[2] - st.rule, cap + 1), fill=pal.background)] + card
    return Block("highlights", (x0, box[1], x1, boxes[-1][1] + height), tuple(marks),
                 shown=tuple(it.title for it in shown), hidden=hidden)


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


def _rows(ctx: Ctx, name_w: float, quotas: dict[str, int], tasks: bool, max_lines: int) -> list[list[_Row]]:
    """Rows of each group: at most ``quotas[group]`` items; the rest are summarized as “另有 N 项”
    at the end of the group's last row (or on a row of its own when none is listed)."""
    st, plan = ctx.style, ctx.plan
    lh, pad = round(st.small * 1.26), st.px(6)
    out = []
    for group, items in _groups(ctx):
        rows = [] if items else [_Row("none", group, (f"暂无{ctx.noun}",), lh + pad)]
        # Highlights are listed first when the group is cut; the list keeps the plan's order.
        chosen = {i.id for i in sorted(items, key=lambda i: not i.highlight)[:quotas.get(group, len(items))]}
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
        out.append(rows)
    return out


def _fit_rows(ctx: Ctx, name_w: float, room: int) -> list[list[_Row]]:
    """The fullest table that fits ``room`` px: with tasks, then projects in two lines, then one line,
    then fewer projects in the largest groups (summarized as “另有 N 项”)."""
    def height(groups: list[list[_Row]]) -> int:
        return _rows_height(ctx, groups)

    sizes = {g: len(items) for g, items in _groups(ctx)}
    has_tasks = any(i.level == "task" and i.parent in {u.id for u in ctx.units} for i in ctx.plan.items)
    for tasks, max_lines in ((has_tasks, 2), (False, 2), (False, 1)):
        groups = _rows(ctx, name_w, sizes, tasks, max_lines)
        if height(groups) <= room:
            return groups
    quotas = dict(sizes)
    while height(groups) > room and max(quotas.values()) > 0:
        largest = max(quotas, key=lambda g: quotas[g])
        quotas[largest] -= 1
        groups = _rows(ctx, name_w, quotas, False, 1)
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


def _table_need(ctx: Ctx, width: int) -> int:
    """Height the plan table needs to list every item on one line each (no tasks)."""
    st = ctx.style
    name_w = _columns(ctx, 0, width)[3]
    rows = _rows(ctx, name_w, {g: len(items) for g, items in _groups(ctx)}, False, 1)
    return round(st.h2 * 1.25) + st.px(40) + round(st.small * 1.8) + _rows_height(ctx, rows)


def _legend(ctx: Ctx, x: float, y: float) -> tuple[list, float]:
    """Timeline legend (period bar, deadline ◆, recurring bar, today line) from ``x`` on middle line ``y``."""
    st, pal = ctx.style, ctx.pal
    marks = [rect((round(x), round(y - st.px(11)), round(x + st.px(56)), round(y + st.px(11))), fill=pal.muted,
                  radius=st.px(11)),
             _text(x + st.px(68), y, "时间段", "sans", st.small, pal.muted, "lm")]
    lx = x + st.px(68) + text_width("时间段", "sans", st.small) + st.px(40)
    marks += [_diamond(lx + st.px(15), y, st.px(15), pal.muted),
              _text(lx + st.px(40), y, "截止", "sans", st.small, pal.muted, "lm")]
    lx += st.px(40) + text_width("截止", "sans", st.small) + st.px(40)
    marks += [rect((round(lx), round(y - st.px(11)), round(lx + st.px(56)), round(y + st.px(11))), fill=pal.muted,
                   radius=st.px(11)),
              line([(lx + st.px(28), y - st.px(11)), (lx + st.px(28), y + st.px(11))], pal.background, st.px(6)),
              _text(lx + st.px(68), y, "周期", "sans", st.small, pal.muted, "lm")]
    lx += st.px(68) + text_width("周期", "sans", st.small)
    if ctx.today.year == ctx.plan.year:
        lx += st.px(40)
        marks += [line([(lx + st.px(8), y - st.px(20)), (lx + st.px(8), y + st.px(20))], pal.primary, st.px(5)),
                  _text(lx + st.px(30), y, "今日", "sans", st.small, pal.muted, "lm")]
        lx += st.px(30) + text_width("今日", "sans", st.small)
    return marks, lx - x


def _plan_table(ctx: Ctx, box: Box) -> tuple[Block, Block]:
    """The plan's shape and timing in one table: dimension cells and item names (block "structure")
    beside bars over the four quarters (block "timeline"): a bar for a period, ◆ for a deadline."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    x0, y0, x1, y1 = box
    n_tasks = len(plan.tasks)
    note = f"六度 → {ctx.noun}　共 {len(ctx.units)} 个{ctx.noun}" + (f"、{n_tasks} 项任务" if n_tasks else "")
    s_marks, top = _heading(ctx, box, "计划结构与季度安排", note)
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
    y_start, y_end = date(plan.year, 1, 1), date(plan.year, 12, 31)
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
        t_marks.append(_text((qa + qb) / 2, top + axis_h / 2, label, "bold", st.small, pal.muted, "mm"))
    shown: list[str] = []
    hidden = 0
    lh, bar = round(st.small * 1.26), st.px(26)
    y = rows_top
    for rows in groups:
        group = rows[0].group
        color = ctx.color(group)
        g_h = sum(r.height for r in rows)
        s_marks.append(rect((x0, y + gap // 2, x0 + dim_w, y + gap // 2 + g_h), fill=mix(color, "#FFFFFF", 0.86),
                            radius=st.px(10)))
        s_marks.append(rect((x0, y + gap // 2, x0 + st.px(10), y + gap // 2 + g_h), fill=color, radius=st.px(5)))
        # The dimension's name on the first row's middle line, its count under it when there is room.
        first = rows[0]
        name_y = y + gap // 2 + max(first.height / 2, st.body * 0.75)
        s_marks.append(_text(x0 + st.px(30), name_y, fit(group, "bold", st.body, dim_w - st.px(40)), "bold", st.body,
                             color, "lm"))
        count = sum(1 for i in ctx.units if (i.dimension if i.dimension in plan.dimensions else NO_DIMENSION) == group)
        if count and name_y + st.body * 0.6 + st.small * 1.3 <= y + gap // 2 + g_h:
            s_marks.append(_text(x0 + st.px(30), name_y + st.body * 0.6 + st.px(6), f"{count} 个", "sans", st.small,
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
                        s_marks.append(_text(nx0 + st.px(30), mid + lh * n, ln, "sans", st.small, pal.ink, "lm"))
                else:
                    s_marks.append(line([(nx0 + st.px(34), mid), (nx0 + st.px(56), mid)], pal.muted, st.rule))
                    for n, ln in enumerate(row.lines):
                        s_marks.append(_text(nx0 + st.px(74), mid + lh * n, ln, "sans", st.small,
                                             mix(pal.ink, "#FFFFFF", 0.35), "lm"))
                t_marks += _bar(ctx, item, mid, xpos, color if row.kind == "entry" else mix(color, "#FFFFFF", 0.35),
                                bar if row.kind == "entry" else bar // 2)
            elif row.kind == "none":
                s_marks.append(_text(nx0 + st.px(30), mid, row.lines[0], "sans", st.small, pal.muted, "lm"))
            if row.count:
                hidden += row.count
                s_marks.append(_text(gx0 - st.px(30), mid, row.more, "sans", st.small, pal.primary, "rm"))
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
    if span is None:
        return [_text(xpos(date(ctx.plan.year, 1, 1)) + st.px(16), mid, "时间待定", "sans", st.small, ctx.pal.muted, "lm")]
    if item.start is None:
        xe = xpos(span[1])
        return [line([(xpos(span[0]), mid), (xe, mid)], mix(color, "#FFFFFF", 0.55), max(2, st.px(6))),
                _diamond(xe, mid, st.px(17) if thick > st.px(20) else st.px(12), color)]
    xa, xb = xpos(span[0]), max(xpos(span[1]), xpos(span[0]) + st.px(16))
    marks = [rect((round(xa), round(mid - thick / 2), round(xb), round(mid + thick / 2)), fill=color,
                  radius=thick // 2)]
    for month in RHYTHM_MONTHS.get(item.recurrence or "", ()):  # white notches show the rhythm
        x = xpos(date(ctx.plan.year, month, 1))
        if xa + thick < x < xb - thick:
            marks.append(line([(x, mid - thick / 2), (x, mid + thick / 2)], ctx.pal.background, st.px(6)))
    if item.milestone:
        marks.append(_diamond(xb, mid, st.px(15), ctx.pal.ink))
    return marks


# -- the page ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Brief:
    """The composed page: its format, pixel size and blocks in painting order."""

    fmt: str
    size: tuple[int, int]
    blocks: tuple[Block, ...]
    title: str = ""
    background: str = "#FFFFFF"

    def block(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    def texts(self) -> tuple[Text, ...]:
        """Every line of text on the page."""
        return tuple(t for b in self.blocks for t in b.texts)

    def render(self) -> Image.Image:
        return paint(self.size, self.blocks, self.background)

    @property
    def dpi(self) -> int:
        return DPI if self.fmt == "a4" else 96

    def png(self, image: Image.Image | None = None) -> bytes:
        """The page as PNG (300 dpi for A4); pass ``image`` when it is already rendered."""
        buf = io.BytesIO()
        # compress_level 1: twice as fast as the default for ~5% more bytes.
        (image or self.render()).save(buf, "PNG", dpi=(self.dpi, self.dpi), compress_level=1)
        return buf.getvalue()

    def pdf(self, image: Image.Image | None = None) -> bytes:
        """One PDF page of the rendered image: A4 (595×842 pt) at 300 dpi, or the slide at 96 dpi."""
        buf = io.BytesIO()
        # JPEG at 4:4:4 and high quality keeps red text and thin rules crisp.
        (image or self.render()).save(buf, "PDF", resolution=self.dpi, quality=92, subsampling=0, title=self.title,
                                      producer="planviz")
        return buf.getvalue()


def compose_brief(plan: Plan, *, fmt: str = "a4", logo: bytes | str | Path | None = None,
                  today: date | None = None, palette: str = "party") -> Brief:
    """Lay out the brief of ``plan``: fmt "a4" (2480×3508 px, 300 dpi) or "slide" (1920×1080 px)."""
    if fmt not in STYLES:
        raise PlanError(f"不支持的简报版式「{fmt}」，可选：a4（A4 竖版）或 slide（16:9 幻灯片）")
    st = STYLES[fmt]
    ctx = Ctx(plan, st, theme.palette(palette), today or date.today())
    header = _header(ctx, _logo_bytes(logo))
    gap = st.gutter
    x0, x1 = st.margin, st.size[0] - st.margin
    y = header.box[3] + round(gap * 1.1)
    bottom = _footer(ctx, False).box[1] - gap
    blocks = [header]
    side = _progress if _has_progress(plan) else _quarter_load
    if fmt == "a4":
        radar_w = st.px(880)
        figures = _figures(ctx, (x0 + radar_w + gap, y, x1, 0), columns=3)
        side_box = (x0 + radar_w + gap, figures.box[3] + st.px(40), x1, figures.box[3] + st.px(340))
        status = side(ctx, side_box)
        row_bottom = status.box[3]
        blocks += [_radar(ctx, (x0, y, x0 + radar_w, row_bottom)), figures, status]
        y = row_bottom + gap
        # Highlights get what the plan table leaves, between a readable minimum and a maximum.
        room = bottom - y - gap - _table_need(ctx, x1 - x0)
        slot = min(max(room, _highlights_min(ctx, x1 - x0)), st.px(900))
        high = _highlights(ctx, (x0, y, x1, y + slot), vertical=False)
        blocks.append(high)
        blocks += _plan_table(ctx, (x0, high.box[3] + gap, x1, bottom))
    else:
        col_a, col_c = st.px(920), st.px(1060)
        figures = _figures(ctx, (x0, y, x1, 0), columns=6)
        blocks.append(figures)
        y = figures.box[3] + gap
        probe = side(ctx, (x0, 0, x0 + col_a, st.px(330)))
        blocks.append(side(ctx, (x0, bottom - probe.box[3], x0 + col_a, bottom)))
        blocks.append(_radar(ctx, (x0, y, x0 + col_a, bottom - probe.box[3] - gap)))
        blocks += _plan_table(ctx, (x0 + col_a + gap, y, x1 - col_c - gap, bottom))
        blocks.append(_highlights(ctx, (x1 - col_c, y, x1, bottom), vertical=True))
    blocks.append(_footer(ctx, any(b.hidden for b in blocks)))
    return Brief(fmt, st.size, tuple(blocks), clean(plan.display_title), ctx.pal.background)


def brief_png(plan: Plan, **options) -> bytes:
    """The brief as PNG bytes; options as for :func:`compose_brief`."""
    return compose_brief(plan, **options).png()


def brief_pdf(plan: Plan, **options) -> bytes:
    """The brief as a one-page PDF; options as for :func:`compose_brief`."""
    return compose_brief(plan, **options).pdf()


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
    live = sys.stderr.isatty()  # on a terminal one line redrawn in place, in a log one line per file
    end = "\r" if live and done < total else "\n"
    print(("\r" if live else "") + f"[{bar}] {done}/{total} {name}".ljust(60 if live else 0), end=end,
          file=sys.stderr, flush=True)


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
    # Under a live progress bar (\r) a message must start on a fresh line.
    fresh = "\n" if len(files) > 1 and sys.stderr.isatty() else ""
    for n, (f, targets) in enumerate(zip(files, _targets(files, output, as_folder)), start=1):
        name = Path(f).name
        problem = ""
        try:
            if not Path(f).is_file():
                raise PlanError(f"找不到文件「{f}」，请检查路径")
            page = compose_brief(load_plan(Path(f), year=year), fmt=fmt, logo=logo_data, palette=palette)
            image = page.render()
            for target in targets:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(page.pdf(image) if target.suffix.lower() == ".pdf" else page.png(image))
            written += 1
        except PlanError as exc:
            problem = f"「{name}」未能生成简报：{str(exc).replace(chr(10), ' ')}"
        except OSError as exc:
            problem = f"「{name}」的简报无法写入：{exc.strerror or exc}（{exc.filename or output}）"
        except Exception as exc:  # a reader bug on one odd file must not stop the batch
            problem = f"「{name}」读取或生成时出错（{type(exc).__name__}：{exc}），请检查文件内容"
        if problem:
            failed.append(name)
            print(fresh + problem, file=sys.stderr)
        if len(files) > 1:
            _progress_bar(n, len(files), name)
    where = output if not as_folder else f"{output}{'' if str(output).endswith('/') else '/'}"
    if failed:
        print(f"已生成 {written} 份简报（{where}），{len(failed)} 个文件失败：{'、'.join(failed)}", file=sys.stderr)
        return 1
    print(f"已生成 {written} 份简报：{where}")
    return 0
