"""Brief blocks: header, key figures, progress strip, radar, highlight cards and footer."""
from __future__ import annotations

import math

from .. import theme
from ..charts.radar import HOLE, radar_values
from ..charts.style import tint
from ..charts.timeline import QUARTERS
from .layout import Block, Box, Picture, Shape, clean, fit, line, listing, rect, text_width, wrap, wrap_balanced
from ..model import Item, Plan
from ..stats import (cn_date, is_reported, key_figures, overdue_items, plan_checks, span_of, status_counts, when_text,
                     work_items)
from ..vocab import ELEMENTS
from .base import CAPS, MAX_HIGHLIGHTS, NO_DIMENSION, Ctx, heading, text_at


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


def header_block(ctx: Ctx, logo: bytes | None) -> Block:
    """Band in the primary colour: logo, organization, title, theme, and the slogan as a gold badge."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    w = st.size[0]
    light = tint(pal.accent, 0.55)
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
        marks.append(text_at(x, y, fit(org, "bold", st.body, room), "bold", st.body, light))
        y += round(st.body * 1.6)
    lines, size = _title_lines(plan, room, st.title)
    for ln in lines:
        marks.append(text_at(x, y, ln, "serif", size, "#FFFFFF"))
        y += round(size * 1.32)
    tagline = clean(plan.theme)
    if tagline and tagline not in plan.display_title:
        y += st.px(14)
        for ln in wrap(tagline, "sans", st.h2, room, max_lines=2):
            marks.append(text_at(x, y, ln, "sans", st.h2, light))
            y += round(st.h2 * 1.4)
    bottom = max(y + st.px(56), top + (side if logo else 0) + st.px(80))
    if badge_lines:
        bh = round(badge_size * 1.3 * len(badge_lines) + st.px(60))
        bx1, by0 = w - st.margin, round((bottom - bh) / 2)
        marks.append(rect((bx1 - badge_w, by0, bx1, by0 + bh), outline=pal.accent, width=st.px(6), radius=st.px(14)))
        for n, ln in enumerate(badge_lines):
            marks.append(text_at(bx1 - badge_w / 2, by0 + st.px(30) + badge_size * 1.3 * (n + 0.5), ln, "serif",
                               badge_size, pal.accent, "mm"))
    band = [rect((0, 0, w, bottom), fill=pal.primary), rect((0, bottom, w, bottom + st.px(14)), fill=pal.accent)]
    return Block("header", (0, 0, w, bottom + st.px(14)), tuple(band + marks))


def figures_block(ctx: Ctx, box: Box, columns: int) -> Block:
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
        marks.append(text_at(left, base, value, "serif", st.number, pal.primary, "ls"))
        if unit:
            marks.append(text_at(left + num_w + st.px(8), base, unit, "bold", st.h2, pal.primary, "ls"))
        marks.append(text_at(cx, base + st.px(24), label, "sans", st.body, pal.muted, "mt"))
    rows = math.ceil(len(tiles) / columns)
    return Block("figures", (x0, y0, x1, y0 + rows * th + (rows - 1) * gap), tuple(marks))


def has_progress(plan: Plan) -> bool:
    """Whether any item reports progress or a status."""
    return any(is_reported(i) for i in work_items(plan))


def progress_block(ctx: Ctx, box: Box) -> Block:
    """Status of the work items as one stacked bar with counts, and what is overdue on the brief's day."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    counts = status_counts(plan)
    total = sum(counts.values()) or 1
    marks, top = heading(ctx, box, "进展概况", f"按 {sum(counts.values())} 项工作统计")
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
        marks.append(text_at(lx + st.px(44), y + lh / 2, label, "sans", st.small, pal.ink, "lm"))
        lx += step
    y += lh
    work = set(work_items(plan))
    late = [i for i in overdue_items(plan, ctx.today) if i in work]
    if late:
        text = listing(f"逾期未完成 {len(late)} 项：", [clean(i.title) for i in late], "sans", st.small, x1 - x0)
        marks.append(text_at(x0, y + lh / 2, text, "sans", st.small, pal.primary, "lm"))
        y += lh
    return Block("progress", (x0, box[1], x1, y), tuple(marks))


def quarter_load_block(ctx: Ctx, box: Box) -> Block:
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
    marks, top = heading(ctx, box, "节点分布", "　".join(notes) or "按完成时间统计")
    x0, _, x1, _ = box
    lh = round(st.small * 1.5)
    label_w = text_width("四季度", "sans", st.small) + st.px(30)
    count_w = text_width("000 项", "bold", st.small) + st.px(20)
    high = max(counts + [1])
    for q, n in enumerate(counts):
        mid = top + lh * q + lh / 2
        w = (x1 - x0 - label_w - count_w) * n / high
        marks.append(text_at(x0, mid, QUARTERS[q], "sans", st.small, pal.muted, "lm"))
        if n:
            marks.append(rect((x0 + label_w, round(mid - st.px(14)), round(x0 + label_w + w), round(mid + st.px(14))),
                              fill=pal.primary if n == high else tint(pal.primary, 0.45), radius=st.px(6)))
        marks.append(text_at(x0 + label_w + w + st.px(16), mid, f"{n} 项", "bold", st.small, pal.ink, "lm"))
    return Block("quarters", (x0, box[1], x1, top + lh * 4), tuple(marks))


def footer_block(ctx: Ctx, summarized: bool) -> Block:
    """Footer rule, generation date and source file; says when items are summarized."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    x0, x1 = st.margin, st.size[0] - st.margin
    y1 = st.size[1] - round(st.margin * 0.6)
    y0 = y1 - round(st.small * 1.9)
    left = f"生成日期：{cn_date(ctx.today)}"
    if plan.approved_on:  # 审议定稿: the approved version's date is what the page cites
        left = f"审议通过日期：{cn_date(plan.approved_on)}　　{left}"
    if plan.source_name:
        left += f"　　来源文件：{plan.source_name}"
    right = "未列出的条目见计划表 · planviz 一页纸简报" if summarized else "planviz 一页纸简报"
    room = x1 - x0 - text_width(right, "sans", st.small) - st.px(60)
    marks = [line([(x0, y0), (x1, y0)], pal.grid, st.rule),
             text_at(x0, y1, fit(clean(left), "sans", st.small, room), "sans", st.small, pal.muted, "ls"),
             text_at(x1, y1, right, "sans", st.small, pal.muted, "rs")]
    return Block("footer", (x0, y0, x1, y1 + st.px(12)), tuple(marks))


# -- radar ---------------------------------------------------------------------------------------
def radar_block(ctx: Ctx, box: Box) -> Block:
    """Six-dimension radar of project counts, styled like charts.radar: red fill, gold line, coloured vertices."""
    st, pal, plan = ctx.style, ctx.pal, ctx.plan
    marks, top = heading(ctx, box, "六度雷达", f"各维度{ctx.noun}数")
    x0, _, x1, y1 = box
    values = radar_values(plan, "projects") if plan.projects else {
        d: float(sum(1 for i in ctx.units if i.dimension == d)) for d in plan.dimensions}
    dims = list(plan.dimensions)
    if len(dims) < 3:  # a radar needs three axes at least
        note = f"本计划只设 {len(dims)} 个维度，无法绘制雷达图" if dims else "本计划未设维度，无法绘制雷达图"
        marks.append(text_at(x0, top, fit(note, "sans", st.small, x1 - x0), "sans", st.small, pal.muted))
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
    def angle(k: int) -> float:
        return -math.pi / 2 + 2 * math.pi * k / len(dims)

    def at(k: int, frac: float) -> tuple[float, float]:
        return cx + r * frac * math.cos(angle(k)), cy + r * frac * math.sin(angle(k))

    rings = [[at(k, HOLE + (1 - HOLE) * f) for k in range(len(dims))] for f in (0.25, 0.5, 0.75, 1.0)]
    pts = [at(k, HOLE + (1 - HOLE) * values[d] / high) for k, d in enumerate(dims)]
    marks.append(Shape("polygon", tuple(pts), fill=tint(pal.primary, 0.8)))
    for ring in rings:
        marks.append(Shape("polygon", tuple(ring), outline=pal.grid, width=st.rule))
    for k in range(len(dims)):
        marks.append(line([at(k, HOLE), at(k, 1.0)], pal.grid, st.rule))
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
        marks.append(text_at(lx, ly, d, "bold", st.body, ctx.color(d), h + "t"))
        marks.append(text_at(lx, ly + st.body * 1.25, count, "sans", st.small,
                           pal.muted if values[d] else pal.primary, h + "t"))
    for n, ln in enumerate(note_lines):
        marks.append(text_at(cx, y1 - note_h + round(st.small * 1.45) * n, ln, "sans", st.small, pal.primary, "mt"))
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
                   text_at(cx + chip_w / 2, y + title_h / 2, chip, "bold", st.small, "#FFFFFF", "mm")]
    if not wide:
        if item.section:
            marks.append(text_at(cx + chip_w + st.px(20), y + title_h / 2,
                               fit(clean(item.section), "sans", st.small, ix1 - cx - chip_w - st.px(20)), "sans",
                               st.small, pal.muted, "lm"))
        y += title_h
    room = ix1 - ix0 - (chip_w + st.px(24) if wide else 0)
    size = next((z for z in (st.h2, round(st.h2 * 0.9), st.body) if text_width(clean(item.title), "bold", z) <= room),
                st.h2)
    title = wrap_balanced(clean(item.title), "bold", size, room, max_lines=2)
    for n, ln in enumerate(title):
        marks.append(text_at(ix0, y + title_h * n + title_h / 2, ln, "bold", size, pal.ink, "lm"))
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
        marks.append(text_at(x, y, name, "bold", st.small, pal.primary))
        if name == "负责人" and item.owners and text_width(value, "sans", st.small) > width - label_w:
            value = listing("", [clean(o) for o in item.owners], "sans", st.small, width - label_w)  # without departments
        lines, ink = (wrap(value, "sans", st.small, width - label_w, max_lines=caps[name]), pal.ink) \
            if value else (["未填写"], pal.muted)
        for n, ln in enumerate(lines):
            marks.append(text_at(x + label_w, y + lh * n, ln, "sans", st.small, ink))
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


def highlights_min(ctx: Ctx, width: int) -> int:
    """Height of the highlight row (cards side by side) with one line per element: its smallest readable size."""
    st = ctx.style
    items = ctx.plan.highlights()[:MAX_HIGHLIGHTS]
    if not items:
        return 0
    n = len(items)
    cw = (width - st.gutter * (n - 1)) / n
    ones = dict.fromkeys(CAPS, 1)
    return round(st.h2 * 1.25) + st.px(40) + max(_card(ctx, it, (0, 0, round(cw), 0), ones)[1] for it in items)


def highlights_block(ctx: Ctx, box: Box, vertical: bool) -> Block:
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
    marks, top = heading(ctx, box, "亮点项目", note)
    if not shown:
        msg = "本计划尚未标注亮点项目。建议确定 1–2 个特色项目，写明目标、负责人、时间节点、成果形式和评估标准。"
        lines = wrap(msg, "sans", st.body, x1 - x0)
        for n, ln in enumerate(lines):
            marks.append(text_at(x0, top + n * st.body * 1.5, ln, "sans", st.body, pal.muted))
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


# -- plan check ------------------------------------------------------------------------------------
CHECK_COLUMNS = 2


def _check_row_height(ctx: Ctx) -> int:
    return round(ctx.style.small * 2.1)


def checks_need(ctx: Ctx) -> int:
    """Height the plan check takes: its heading and one row per pair of checks."""
    rows = -(-len(plan_checks(ctx.plan)) // CHECK_COLUMNS)
    return round(ctx.style.h2 * 1.25) + ctx.style.px(40) + rows * _check_row_height(ctx)


def checks_block(ctx: Ctx, box: Box) -> Block:
    """计划体检: the plan against the six-dimension model and the five project elements,
    a green ✓ or an amber ! per check, in two columns (shown where the page has room)."""
    st, pal = ctx.style, ctx.pal
    checks = plan_checks(ctx.plan)
    passed = sum(c.ok for c in checks)
    marks, top = heading(ctx, box, "计划体检", f"对照六度模型和项目化五要素：{passed}/{len(checks)} 项达标")
    x0, _, x1, _ = box
    col_w = (x1 - x0 - st.gutter * (CHECK_COLUMNS - 1)) / CHECK_COLUMNS
    lh, r = _check_row_height(ctx), st.px(22)
    name_w = max(text_width(c.name, "bold", st.body) for c in checks) + st.px(24)
    for k, check in enumerate(checks):
        cx = x0 + (k % CHECK_COLUMNS) * (col_w + st.gutter)
        mid = top + (k // CHECK_COLUMNS) * lh + lh / 2
        color = theme.STATUS_COLORS["已完成"] if check.ok else theme.STATUS_COLORS["暂缓"]
        marks.append(Shape("ellipse", ((cx, mid - r), (cx + 2 * r, mid + r)), fill=color))
        marks.append(text_at(cx + r, mid, "✓" if check.ok else "!", "bold", st.small, "#FFFFFF", "mm"))
        tx = cx + 2 * r + st.px(18)
        marks.append(text_at(tx, mid, check.name, "bold", st.body, pal.ink, "lm"))
        room = cx + col_w - tx - name_w
        marks.append(text_at(tx + name_w, mid, fit(clean(check.detail), "sans", st.small, room), "sans", st.small,
                             pal.muted if check.ok else pal.ink, "lm"))
    rows = -(-len(checks) // CHECK_COLUMNS)
    return Block("checks", (x0, box[1], x1, top + rows * lh), tuple(marks))
