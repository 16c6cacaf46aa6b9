"""Timeline slides as native shapes: a month grid, bars, deadline diamonds, recurring ticks, the today line."""
from __future__ import annotations

from datetime import date

from .. import theme
from ..charts.timeline import KIND_NAMES, MONTH_LABELS, QUARTERS, _placement as placement, recurrence_dates
from ..stats import percent, plan_groups, span_of, when_text, year_bounds
from .base import BOTTOM, MARGIN, TOP, W, Deck, notes, shortened_notes
from .shapes import box, diamond, text
from .text import SLACK, width_of

LABEL_W = 250.0
GRID_X = MARGIN + LABEL_W + 8
GRID_W = W - MARGIN - GRID_X
HEAD_H = 38.0  # quarter and month labels
ROW_H = 22.0
ROW_SIZE = 12
LEGEND_H = 22.0
TODAY_H = 20.0  # under the rows, for the today label (progress edition)
KINDS = {"span": "时间段", **KIND_NAMES}  # the plotly timeline's legend words, and its bars


def capacity(deck: Deck) -> int:
    """Rows a timeline slide holds under its month labels, above the today label and the legend."""
    return int((BOTTOM - TOP - HEAD_H - LEGEND_H - (TODAY_H if deck.progress else 0)) // ROW_H)


def _paginate(deck: Deck, rows: int) -> list[list[tuple[str, object]]]:
    """Pages of at most ``rows`` rows: ("group", name) or ("item", item); a group continued on a new
    page repeats its header, and a header never ends a page."""
    pages: list[list[tuple[str, object]]] = [[]]
    for group in plan_groups(deck.plan, "section"):
        if len(pages[-1]) + 2 > rows:
            pages.append([])
        pages[-1].append(("group", group.name))
        for branch in group.branches:
            if len(pages[-1]) >= rows:
                pages.append([("group", f"{group.name}（续）")])
            pages[-1].append(("item", branch.item))
    return [p for p in pages if p]


def _rows(deck: Deck) -> list[list[tuple[str, object]]]:
    """As few pages as the rows need, filled evenly (no page of one lone row)."""
    most = capacity(deck)
    pages = _paginate(deck, most)
    total = sum(len(p) for p in pages)
    for rows in range(-(-total // len(pages)), most):
        even = _paginate(deck, rows)
        if len(even) == len(pages):
            return even
    return pages


def timeline_slides(deck: Deck) -> None:
    """The plan year on a month grid, one row per project, over as many slides as the rows need."""
    pages = _rows(deck)
    for k, rows in enumerate(pages):
        kicker = "按板块 · 颜色表示维度" + (f" · 第 {k + 1}/{len(pages)} 页" if len(pages) > 1 else "")
        slide = deck.slide("全年时间轴", kicker)
        _grid(deck, slide, len(rows))
        shortened = []
        for n, (kind, value) in enumerate(rows):
            y = TOP + HEAD_H + n * ROW_H
            if kind == "group":
                band = theme.LIGHT_GOLD if deck.pal.name == "party" else deck.pal.grid
                box(slide, MARGIN, y + 1, W - 2 * MARGIN, ROW_H - 2, band, name="分组")
                fitted = text(slide, MARGIN + 6, y, LABEL_W + GRID_W, ROW_H, value, 13, deck.pal.ink, bold=True,
                              anchor="middle", max_lines=1, name=f"板块：{value}")
                if fitted.shortened:
                    notes(slide, f"板块全称：{value}")
                continue
            if _row(deck, slide, value, y).shortened:
                shortened.append(value)
        _today(deck, slide, len(rows))
        _legend(deck, slide)
        shortened_notes(slide, shortened)


def _x(deck: Deck, day: date) -> float:
    """Horizontal position of ``day``, clamped to the plan year's grid."""
    first, last = year_bounds(deck.plan)
    day = min(max(day, first), last)
    return GRID_X + ((day - first).days + 0.5) / ((last - first).days + 1) * GRID_W


def _grid(deck: Deck, slide, n_rows: int) -> None:
    pal = deck.pal
    bottom = TOP + HEAD_H + n_rows * ROW_H
    month_w = GRID_W / 12
    for q, name in enumerate(QUARTERS):
        x = GRID_X + 3 * q * month_w
        if q % 2:
            box(slide, x, TOP, 3 * month_w, bottom - TOP, pal.panel, name=f"季度：{name}")
        text(slide, x, TOP, 3 * month_w, 18, name, 12, pal.primary, bold=True, align="center", max_lines=1)
    for m, label in enumerate(MONTH_LABELS):
        x = GRID_X + m * month_w
        text(slide, x, TOP + 19, month_w, 18, label, 12, pal.ink, align="center", max_lines=1)
        box(slide, x, TOP + HEAD_H, 0.5, bottom - TOP - HEAD_H, pal.grid, name="月份线")
    box(slide, GRID_X + GRID_W - 0.5, TOP + HEAD_H, 0.5, bottom - TOP - HEAD_H, pal.grid, name="月份线")


def _row(deck: Deck, slide, item, y: float):
    """One project row: its label and its mark on the grid; returns the label's fitting."""
    pal = deck.pal
    color = deck.color(item.dimension)
    label = ("★ " if item.highlight else "") + " ".join(item.title.split())
    fitted = text(slide, MARGIN + 6, y, LABEL_W - 6, ROW_H, label, ROW_SIZE, pal.ink, anchor="middle",
                  max_lines=1, name=f"项目：{item.id}")
    mid = y + ROW_H / 2
    kind = placement(deck.plan, item)
    first, last = year_bounds(deck.plan)
    span = span_of(deck.plan, item)
    if span and (span[1] < first or span[0] > last):  # e.g. 次年1月: said in words at that edge of the grid
        right = span[0] > last
        text(slide, GRID_X + 4, y, GRID_W - 8, ROW_H, when_text(item) + (" →" if right else ""), ROW_SIZE, color,
             align="right" if right else "left", anchor="middle", max_lines=1, name="计划年度外")
        return fitted
    if kind == "recurring":
        x0, x1 = _x(deck, item.start or first), _x(deck, item.end or last)
        box(slide, x0, mid - 1, max(1.0, x1 - x0), 2, theme.mix(color, "#FFFFFF", 0.5), name="周期")
        for day in recurrence_dates(deck.plan, item):
            box(slide, _x(deck, day) - 1.25, mid - 6, 2.5, 12, color, name="周期刻度")
    elif kind == "span":
        x0, x1 = _x(deck, item.start), _x(deck, item.end)
        w = max(3.0, x1 - x0)
        box(slide, x0, mid - 6, w, 12, theme.mix(color, "#FFFFFF", 0.45), color, line_width=0.75, name="时间段")
        if deck.progress and item.progress:
            box(slide, x0, mid - 2.5, w * min(1.0, item.progress), 5, theme.mix(color, "#000000", 0.2),
                name="已完成部分")
        if item.milestone:
            box(slide, x1 - 6, mid - 6, 12, 12, theme.GOLD, kind="star5", name="里程碑")
    elif kind == "deadline":
        diamond(slide, _x(deck, item.end), mid, 6.5, color)
    elif kind == "day":
        box(slide, _x(deck, item.start) - 5, mid - 5, 10, 10, color, "#FFFFFF", kind="ellipse", name="单日")
    elif kind == "milestone":
        box(slide, _x(deck, item.end or item.start) - 7, mid - 7, 14, 14, color, theme.GOLD,
            kind="star5", name="里程碑")
    else:
        text(slide, GRID_X + 4, y, 120, ROW_H, "时间待定", ROW_SIZE, theme.UNKNOWN_COLOR, anchor="middle",
             max_lines=1)
    if deck.progress and kind is not None and item.progress is not None:
        right = _x(deck, span[1]) if span else GRID_X + GRID_W
        if right + 50 <= GRID_X + GRID_W:
            gap = 14 if item.milestone else 8  # clear of the star
            text(slide, right + gap, y, 36, ROW_H, percent(item.progress), 12, pal.muted, anchor="middle",
                 max_lines=1)
    return fitted


def _today(deck: Deck, slide, n_rows: int) -> None:
    """The as-of day as a line over the grid: the progress edition only, inside the plan year."""
    first, last = year_bounds(deck.plan)
    if not deck.progress or not first <= deck.as_of <= last:
        return
    x = _x(deck, deck.as_of)
    bottom = TOP + HEAD_H + n_rows * ROW_H
    box(slide, x - 0.75, TOP + HEAD_H, 1.5, bottom - TOP - HEAD_H, deck.pal.primary, name="今天")
    label = f"今天 {deck.as_of.month}月{deck.as_of.day}日"
    w = 92.0
    left = min(max(x - w / 2, GRID_X), GRID_X + GRID_W - w)
    text(slide, left, bottom + 1, w, 18, label, 12, "#FFFFFF", bold=True, align="center", anchor="middle",
         max_lines=1, fill=deck.pal.primary, name="今天标签")


def _legend(deck: Deck, slide) -> None:
    """What the marks mean, in neutral grey, along the bottom of the grid."""
    pal = deck.pal
    y = BOTTOM - LEGEND_H + 4
    x = GRID_X
    grey = pal.muted
    for kind, name in KINDS.items():
        mid = y + 7
        if kind == "span":
            box(slide, x, mid - 5, 22, 10, theme.mix(grey, "#FFFFFF", 0.45), grey, name="图例")
            x += 26
        elif kind == "deadline":
            diamond(slide, x + 6, mid, 6, grey)
            x += 16
        elif kind == "day":
            box(slide, x + 1, mid - 5, 10, 10, grey, kind="ellipse", name="图例")
            x += 16
        elif kind == "milestone":
            box(slide, x, mid - 6, 12, 12, grey, kind="star5", name="图例")
            x += 16
        else:
            for k in range(3):
                box(slide, x + 2 + 7 * k, mid - 5, 2, 10, grey, name="图例")
            x += 24
        w = width_of(name, 12) / SLACK + 4
        text(slide, x, y - 2, w, 18, name, 12, pal.ink, anchor="middle", max_lines=1)
        x += w + 14
