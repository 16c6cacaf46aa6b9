"""The committee's one-page summary (A4): headline figures, one table row per branch, small radars."""
from __future__ import annotations

import math
from datetime import date

from .. import theme
from ..charts.radar import HOLE, radar_values
from ..charts.style import tint
from ..committee import BranchPlan, CommitteeRow, committee_rows, sort_rows, summarize
from ..model import Plan
from ..stats import cn_date, percent
from ..vocab import DIMENSION_MEANINGS
from .base import STYLES, Ctx, heading, text_at
from .layout import Block, Shape, clean, fit, line, rect, text_width
from .page import Brief

RADARS_PER_ROW = 6  # four when that many rows hold every radar: larger radars for a small committee
MAX_RADAR_ROWS = 2
# Review states drawn in the colours the same meaning has elsewhere: done green, in hand blue, sent back red.
STATE_COLORS = {"approved": theme.status_color("已完成"), "submitted": theme.status_color("进行中"),
                "returned": theme.PARTY_RED}
# Table columns: heading and share of the table's width.
COLUMNS = (("组织", 0.2), ("审议状态", 0.1), ("项目/任务", 0.09), ("亮点项目", 0.19), ("六度", 0.07),
           ("进度（实际/应达）", 0.17), ("逾期", 0.06), ("最近更新", 0.12))


def _tiles(ctx: Ctx, rows, box) -> Block:
    """Headline figures in one row of tiles."""
    st, pal = ctx.style, ctx.pal
    s = summarize(rows)
    progress = percent(s.progress, "—") + (f"（应达 {percent(s.planned)}）" if s.planned is not None else "")
    tiles = [("组织", f"{s.branches}", "个"), ("已有计划", f"{s.with_plan}", "个"),
             ("审议通过", f"{s.states['approved']}", "个"), ("待审议", f"{s.states['submitted']}", "个"),
             ("进度落后", f"{s.behind}", "个"), ("逾期事项", f"{s.overdue}", "项")]
    x0, y0, x1, _ = box
    gap = st.px(24)
    tw = (x1 - x0 - gap * (len(tiles) - 1)) / len(tiles)
    th = round(st.number * 1.1 + st.body * 1.6 + st.px(44))
    marks: list = []
    for n, (label, value, unit) in enumerate(tiles):
        tx = x0 + n * (tw + gap)
        marks.append(rect((round(tx), y0, round(tx + tw), y0 + th), fill=pal.panel, radius=st.radius))
        num_w = text_width(value, "serif", st.number)
        unit_w = text_width(unit, "bold", st.h2) + st.px(8)
        left, base = tx + tw / 2 - (num_w + unit_w) / 2, y0 + st.px(22) + st.number
        marks.append(text_at(left, base, value, "serif", st.number, pal.primary, "ls"))
        marks.append(text_at(left + num_w + st.px(8), base, unit, "bold", st.h2, pal.primary, "ls"))
        marks.append(text_at(tx + tw / 2, base + st.px(24), label, "sans", st.body, pal.muted, "mt"))
    y = y0 + th + st.px(36)
    marks.append(text_at(x0, y, fit(f"平均进度 {progress}，统计 {sum(1 for r in rows if r.progress is not None)} "
                                    "份已填报进度的计划", "sans", st.body, x1 - x0), "sans", st.body, pal.ink))
    return Block("figures", (x0, y0, x1, y + round(st.body * 1.3)), tuple(marks))


def _cells(ctx: Ctx, row: CommitteeRow) -> list[tuple[str, str]]:
    """(text, colour) of each column for one row."""
    pal = ctx.pal
    if not row.has_plan:
        return [(row.org, pal.ink), (row.state_name, pal.muted)] + [("", pal.muted)] * (len(COLUMNS) - 2)
    highlights = "、".join(row.highlights) or "未确定"
    cover = f"{len(row.covered)}/{len(row.dimensions)}"
    behind = row.gap is not None and row.gap < 0
    progress = percent(row.progress) + (f" / {percent(row.planned)}" if row.planned is not None else "")
    return [(row.org, pal.ink), (row.state_name, STATE_COLORS.get(row.state, pal.muted)),
            (f"{row.projects}/{row.tasks}", pal.ink),
            (highlights, pal.ink if row.highlights else pal.primary),
            (cover, pal.primary if row.missing else pal.ink),
            (progress, pal.primary if behind else pal.ink),
            (str(len(row.overdue)), pal.primary if row.overdue else pal.ink),
            (f"{row.last_update.month}月{row.last_update.day}日" if row.last_update else "—", pal.muted)]


def _name_lines(lead: str, names: list[str], size: int, width: float, most: int) -> list[str]:
    """``lead`` and whole ``names`` joined by 、 over at most ``most`` lines; what does not fit is counted."""
    lines, current = [], lead
    for n, name in enumerate(names):
        piece = name + ("、" if n < len(names) - 1 else "")
        if text_width(current + piece, "sans", size) <= width:
            current += piece
            continue
        if len(lines) == most - 1:
            rest = f"等，共 {len(names)} 个"
            while current and text_width(current + rest, "sans", size) > width:
                current = current[:-1]
            return lines + [current.rstrip("、") + rest]
        lines.append(current)
        current = piece
    return lines + [current] if names else []


def _table(ctx: Ctx, rows, box) -> Block:
    """One line per organization while they fit; the rest named in small type under the table."""
    st, pal = ctx.style, ctx.pal
    x0, y0, x1, y1 = box
    marks, top = heading(ctx, box, "各组织计划一览", "红字：缺亮点、缺维度、进度落后或有逾期")
    lh = round(st.small * 1.75)
    widths = [(x1 - x0) * share for _, share in COLUMNS]
    lefts = [x0 + sum(widths[:k]) for k in range(len(widths))]
    pad = st.px(14)
    for (name, _), left, w in zip(COLUMNS, lefts, widths):
        marks.append(text_at(left + pad, top + lh / 2, fit(name, "bold", st.small, w - 2 * pad), "bold", st.small,
                             pal.muted, "lm"))
    y = top + lh
    marks.append(line([(x0, y), (x1, y)], pal.grid, st.rule))
    rest_h = round(st.small * 1.45) * 3
    fits = max(0, int((y1 - y - rest_h) // lh))
    shown = list(rows) if len(rows) * lh <= y1 - y else list(rows)[:fits]
    for n, row in enumerate(shown):
        if n % 2:
            marks.append(rect((x0, y, x1, y + lh), fill=pal.panel))
        for (text, color), left, w in zip(_cells(ctx, row), lefts, widths):
            marks.append(text_at(left + pad, y + lh / 2, fit(clean(text), "sans", st.small, w - 2 * pad), "sans",
                                 st.small, color, "lm"))
        y += lh
    hidden = list(rows)[len(shown):]
    for ln in _name_lines(f"另有 {len(hidden)} 个组织：", [clean(r.org) for r in hidden], st.small, x1 - x0, 3):
        marks.append(text_at(x0, y + st.px(16), ln, "sans", st.small, pal.muted))
        y += round(st.small * 1.45)
    return Block("table", (x0, y0, x1, y), tuple(marks), shown=tuple(r.org for r in shown), hidden=len(hidden))


def _mini_radar(ctx: Ctx, plan: Plan, values: dict[str, float], high: float, box) -> list:
    """A small radar of one plan: rings, spokes, the red polygon and vertices in the dimension colours."""
    st, pal = ctx.style, ctx.pal
    x0, y0, x1, y1 = box
    dims = list(plan.dimensions)
    if len(dims) < 3:
        return [text_at((x0 + x1) / 2, (y0 + y1) / 2, "维度不足三个", "sans", st.small, pal.muted, "mm")]
    r = min(x1 - x0, y1 - y0) / 2 - st.px(20)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2

    def at(k: int, frac: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * k / len(dims)
        return cx + r * frac * math.cos(a), cy + r * frac * math.sin(a)

    pts = [at(k, HOLE + (1 - HOLE) * values.get(d, 0.0) / high) for k, d in enumerate(dims)]
    marks: list = [Shape("polygon", tuple(pts), fill=tint(pal.primary, 0.8))]
    for f in (0.5, 1.0):
        marks.append(Shape("polygon", tuple(at(k, HOLE + (1 - HOLE) * f) for k in range(len(dims))),
                           outline=pal.grid, width=st.rule))
    marks += [line([at(k, HOLE), at(k, 1.0)], pal.grid, st.rule) for k in range(len(dims))]
    marks.append(Shape("polygon", tuple(pts), outline=pal.accent, width=st.px(6)))
    dot = st.px(11)
    for (px, py), d in zip(pts, dims):
        marks.append(Shape("ellipse", ((px - dot, py - dot), (px + dot, py + dot)),
                           fill=theme.dimension_color(d, plan.dimensions), outline="#FFFFFF", width=st.px(3)))
    return marks


def _radars(ctx: Ctx, pairs, box) -> Block:
    """Small radars of the first branches with a plan, on one scale, with a legend of the dimension colours."""
    st, pal = ctx.style, ctx.pal
    x0, y0, x1, y1 = box
    total = sum(1 for b, _ in pairs if b.plan is not None)
    per_row = 4 if total <= 4 * MAX_RADAR_ROWS else RADARS_PER_ROW
    drawn = [(b, r) for b, r in pairs if b.plan is not None][:per_row * MAX_RADAR_ROWS]
    values = [radar_values(b.plan, "projects") for b, _ in drawn]
    high = max([1.0] + [v for vals in values for v in vals.values()])
    note = f"各维度项目数，同一刻度（外圈 {high:.0f} 个）" + (f"；按表中顺序列前 {len(drawn)} 个" if total > len(drawn) else "")
    marks, top = heading(ctx, box, "六度雷达", note)
    lx = x0
    dims = drawn[0][0].plan.dimensions if drawn else ()
    for d in dims:
        label = f"{d} {DIMENSION_MEANINGS.get(d, '')}".strip()
        marks.append(Shape("ellipse", ((lx, top + st.px(8)), (lx + st.px(30), top + st.px(38))),
                           fill=theme.dimension_color(d, dims)))
        marks.append(text_at(lx + st.px(42), top + st.px(23), label, "bold", st.small, theme.dimension_color(d, dims),
                             "lm"))
        lx += st.px(42) + text_width(label, "bold", st.small) + st.px(48)
    top += st.px(70)
    n_rows = max(1, math.ceil(len(drawn) / per_row))
    cw = (x1 - x0) / per_row
    ch = min((y1 - top) / n_rows, cw + st.small * 1.5)
    for n, ((branch, row), vals) in enumerate(zip(drawn, values)):
        cx0, cy0 = x0 + (n % per_row) * cw, top + (n // per_row) * ch
        name_h = round(st.small * 1.5)
        marks += _mini_radar(ctx, branch.plan, vals, high, (cx0, cy0, cx0 + cw, cy0 + ch - name_h))
        marks.append(text_at(cx0 + cw / 2, cy0 + ch - name_h / 2, fit(clean(branch.org), "sans", st.small, cw - st.px(20)),
                             "sans", st.small, pal.ink, "mm"))
    if not drawn:
        marks.append(text_at(x0, top, "尚无已提交的计划", "sans", st.small, pal.muted))
    return Block("radars", box, tuple(marks), shown=tuple(b.org for b, _ in drawn), hidden=total - len(drawn),
                 smooth=True)


def radar_rows_needed(branches: list[BranchPlan]) -> int:
    """Rows of small radars the page gives its branches (one or two)."""
    n = sum(1 for b in branches if b.plan is not None)
    return max(1, min(MAX_RADAR_ROWS, math.ceil(n / (4 if n <= 4 * MAX_RADAR_ROWS else RADARS_PER_ROW))))


def compose_summary(branches: list[BranchPlan], *, committee: str, year: int, as_of: date,
                    sort_by: str = "tree", descending: bool = False, today: date | None = None,
                    palette: str = "party") -> Brief:
    """The committee's summary page of ``branches`` on ``as_of``: rows sorted as :func:`sort_rows` sorts."""
    st = STYLES["a4"]
    made = today or date.today()
    ctx = Ctx(Plan(year=year, organization=committee), st, theme.palette(palette), made)
    pal = ctx.pal
    rows = committee_rows(branches, as_of)
    by_row = {id(r): b for r, b in zip(rows, branches)}
    ordered = sort_rows(rows, sort_by, descending)
    pairs = [(by_row[id(r)], r) for r in ordered]
    w, h = st.size
    x0, x1 = st.margin, w - st.margin

    title = f"{year}年度各组织党建工作计划汇总"
    band_h = st.px(90) + round(st.body * 1.6) + round(st.title * 1.32) + round(st.h2 * 1.4) + st.px(60)
    head = [rect((0, 0, w, band_h), fill=pal.primary), rect((0, band_h, w, band_h + st.px(14)), fill=pal.accent),
            text_at(x0, st.px(90), fit(clean(committee), "bold", st.body, x1 - x0), "bold", st.body,
                    tint(pal.accent, 0.55)),
            text_at(x0, st.px(90) + round(st.body * 1.6), fit(clean(title), "serif", st.title, x1 - x0), "serif",
                    st.title, "#FFFFFF"),
            text_at(x0, st.px(90) + round(st.body * 1.6) + round(st.title * 1.32) + st.px(10),
                    f"截至 {cn_date(as_of)} · 共 {len(rows)} 个组织", "sans", st.h2, tint(pal.accent, 0.55))]
    blocks = [Block("header", (0, 0, w, band_h + st.px(14)), tuple(head))]
    y = band_h + st.px(14) + st.gutter
    tiles = _tiles(ctx, rows, (x0, y, x1, 0))
    blocks.append(tiles)
    foot_y0 = h - round(st.margin * 0.6) - round(st.small * 1.9)
    # The table takes what it needs above the smallest room the radars can live with; they get the rest.
    radar_min = st.px(130) + radar_rows_needed(branches) * st.px(400)
    table = _table(ctx, ordered, (x0, tiles.box[3] + st.gutter, x1, foot_y0 - 2 * st.gutter - radar_min))
    blocks.append(table)
    blocks.append(_radars(ctx, pairs, (x0, table.box[3] + 2 * st.gutter, x1, foot_y0 - st.gutter)))
    foot = [line([(x0, foot_y0), (x1, foot_y0)], pal.grid, st.rule),
            text_at(x0, h - round(st.margin * 0.6), f"生成日期：{cn_date(made)}", "sans", st.small, pal.muted, "ls"),
            text_at(x1, h - round(st.margin * 0.6), "planviz 计划汇总", "sans", st.small, pal.muted, "rs")]
    blocks.append(Block("footer", (x0, foot_y0, x1, h - round(st.margin * 0.6) + st.px(12)), tuple(foot)))
    return Brief("a4", st.size, tuple(blocks), clean(f"{committee}{title}"), pal.background)
