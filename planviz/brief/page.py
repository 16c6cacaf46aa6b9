"""The brief page: composing the blocks on A4 or a slide, and PNG/PDF output."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image

from .. import theme
from ..model import Plan, PlanError
from ..vocab import EDITIONS
from .base import DPI, GROUP_BYS, STYLES, Ctx
from .blocks import (figures_block, footer_block, header_block, highlights_block, highlights_min, owners_block,
                     owners_need, radar_block, side_block, summary_block)
from .layout import Block, Text, clean, paint
from .table import densities, plan_table, table_need

@dataclass(frozen=True)
class Brief:
    """The composed page: its format, pixel size and blocks in painting order."""

    fmt: str
    size: tuple[int, int]
    blocks: tuple[Block, ...]
    title: str = ""
    background: str = "#FFFFFF"

    def block(self, kind: str) -> Block | None:
        """The first block of ``kind``, or None."""
        return next((b for b in self.blocks if b.kind == kind), None)

    def texts(self) -> tuple[Text, ...]:
        """Every line of text on the page."""
        return tuple(t for b in self.blocks for t in b.texts)

    def render(self) -> Image.Image:
        """The page painted as an RGB image."""
        return paint(self.size, self.blocks, self.background)

    @property
    def dpi(self) -> int:
        """Resolution stored in the PNG and used for the PDF page size."""
        return DPI if self.fmt == "a4" else 96

    def png(self, image: Image.Image | None = None) -> bytes:
        """The page as PNG (300 dpi for A4); pass ``image`` when it is already rendered."""
        buf = io.BytesIO()
        # compress_level 1: twice as fast as the default for ~5% more bytes.
        (image or self.render()).save(buf, "PNG", dpi=(self.dpi, self.dpi), compress_level=1)
        return buf.getvalue()

    def pdf(self) -> bytes:
        """The same page as a vector PDF: selectable text in the embedded (subset) CJK fonts."""
        from .pdf import page_pdf

        return page_pdf(self)


def compose_brief(plan: Plan, *, fmt: str = "a4", logo: bytes | str | Path | None = None,
                  today: date | None = None, palette: str = "party", edition: str = "plan",
                  as_of: date | None = None, group_by: str | None = None) -> Brief:
    """Lay out the brief of ``plan``: fmt "a4" (2480×3508 px, 300 dpi) or "slide" (1920×1080 px).

    ``edition`` "plan" is the year's plan as distributed (no today line, no progress); "progress"
    reports progress ``as_of`` a day (default ``today``). ``group_by`` "section" groups the table by
    the plan's sections, "dimension" by its dimensions; default: sections when the plan has them.
    """
    if fmt not in STYLES:
        raise PlanError(f"不支持的简报版式「{fmt}」，可选：a4（A4 竖版）或 slide（16:9 幻灯片）")
    if edition not in EDITIONS:
        raise PlanError(f"不支持的简报版本「{edition}」，可选：plan（计划版）或 progress（进度版）")
    if group_by is None:
        group_by = "section" if plan.sections or any(i.section for i in plan.items) else "dimension"
    if group_by not in GROUP_BYS:
        raise PlanError(f"分组方式须为 section（板块）或 dimension（维度），收到「{group_by}」")
    st = STYLES[fmt]
    day = as_of or today or date.today()
    ctx = Ctx(plan, st, theme.palette(palette), day, edition, group_by)
    logo_data = logo_bytes(logo)
    header = header_block(ctx, logo_data)
    footer = footer_block(ctx)
    if fmt == "a4":
        body = _a4(ctx, header.box[3] + round(st.gutter * 1.1), footer.box[1] - st.gutter)
        if body is None:  # a long plan: a lower header and the figures on one line leave the table the page
            header = header_block(ctx, logo_data, compact=True)
            body = _dense(ctx, header.box[3] + round(st.gutter * 0.8), footer.box[1] - st.gutter)
    else:
        body = _slide(ctx, header.box[3] + round(st.gutter * 1.1), footer.box[1] - st.gutter)
    blocks = [header, *body, footer]
    return Brief(fmt, st.size, tuple(blocks), clean(plan.display_title), ctx.pal.background)


def _top_row(ctx: Ctx, y: int, rich: bool) -> list[Block]:
    """A4's first row: the radar beside the figures and the side block (rich), or figures and side block in
    one low strip."""
    st = ctx.style
    x0, x1, gap = st.margin, st.size[0] - st.margin, st.gutter
    if rich:
        radar_w = st.px(880)
        figures = figures_block(ctx, (x0 + radar_w + gap, y, x1, 0), columns=3)
        side = side_block(ctx, (x0 + radar_w + gap, figures.box[3] + st.px(40), x1, 0))
        bottom = max(side.box[3], y + st.px(700))
        return [radar_block(ctx, (x0, y, x0 + radar_w, bottom)), figures, side]
    split = x0 + round((x1 - x0) * 0.58)
    figures = figures_block(ctx, (x0, y, split, 0), columns=3)
    return [figures, side_block(ctx, (split + gap, y, x1, 0))]


def _dense(ctx: Ctx, y: int, bottom: int) -> list[Block]:
    """A long plan (A4 or slide): the figures and work per quarter (or progress) in two lines, then the table."""
    st = ctx.style
    x0, x1 = st.margin, st.size[0] - st.margin
    summary = summary_block(ctx, (x0, y, x1, 0))
    return [summary, *plan_table(ctx, (x0, summary.box[3] + round(st.gutter * 0.8), x1, bottom))]


def _a4(ctx: Ctx, y: int, bottom: int) -> list[Block] | None:
    """A4: the richest arrangement whose table lists every item (radar and highlight cards give way
    first); None when even the tightest table does not fit beside the figures."""
    st = ctx.style
    x0, x1, gap = st.margin, st.size[0] - st.margin, st.gutter
    has_high = bool(ctx.plan.highlights())
    dense = len(densities(ctx)) - 1
    # Highlight cards (the five elements of the signature projects) matter more than the radar.
    tries = [(rich, high) for high in ((True, False) if has_high else (False,)) for rich in (True, False)]
    chosen = None
    for limit in (2, dense - 1):
        for rich, high in tries:
            top = _top_row(ctx, y, rich)
            below = max(b.box[3] for b in top) + gap
            high_h = highlights_min(ctx, x1 - x0) + gap if high else 0
            if bottom - below - high_h >= table_need(ctx, x0, x1, limit):
                chosen = (top, below, high)
                break
        if chosen:
            break
    if chosen is None:
        return None
    top, below, high = chosen
    blocks = list(top)
    if high:
        room = bottom - below - gap - table_need(ctx, x0, x1, 0)
        slot = min(max(room, highlights_min(ctx, x1 - x0)), st.px(900))
        cards = highlights_block(ctx, (x0, below, x1, below + slot), vertical=False)
        blocks.append(cards)
        below = cards.box[3] + gap
    # A short plan leaves room under its table: there the page names who carries the work.
    spare = bottom - below - table_need(ctx, x0, x1, 0)
    owners_h = owners_need(ctx, x1 - x0)
    with_owners = spare >= owners_h + gap
    table = plan_table(ctx, (x0, below, x1, bottom - owners_h - gap if with_owners else bottom))
    blocks += table
    if with_owners:
        at = table[0].box[3] + gap
        blocks.append(owners_block(ctx, (x0, at, x1, at + owners_h)))
    return blocks


def _slide(ctx: Ctx, y: int, bottom: int) -> list[Block]:
    """16:9: figures across the top; radar and the side block at the left, the table at the right."""
    st = ctx.style
    x0, x1, gap = st.margin, st.size[0] - st.margin, st.gutter
    figures = figures_block(ctx, (x0, y, x1, 0), columns=6)
    col = st.px(760)
    if table_need(ctx, x0 + col + gap * 2, x1, len(densities(ctx)) - 1) > bottom - figures.box[3] - gap:
        return _dense(ctx, y, bottom)  # a long plan: the whole width for the table and what it folds
    y = figures.box[3] + gap
    probe = side_block(ctx, (x0, 0, x0 + col, 0))
    side = side_block(ctx, (x0, bottom - probe.box[3], x0 + col, bottom))
    radar = radar_block(ctx, (x0, y, x0 + col, side.box[1] - gap))
    return [figures, radar, side, *plan_table(ctx, (x0 + col + gap * 2, y, x1, bottom))]


def brief_png(plan: Plan, **options) -> bytes:
    """The brief as PNG bytes; options as for :func:`compose_brief`."""
    return compose_brief(plan, **options).png()


def brief_pdf(plan: Plan, **options) -> bytes:
    """The brief as a one-page PDF; options as for :func:`compose_brief`."""
    return compose_brief(plan, **options).pdf()


def logo_bytes(logo: bytes | str | Path | None) -> bytes | None:
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
