"""The brief page: composing the blocks on A4 or a slide, and PNG/PDF output."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image

from .. import theme
from .layout import Block, Text, clean, paint
from ..model import Plan, PlanError
from .base import DPI, STYLES, Ctx
from .blocks import (checks_block, checks_need, figures_block, footer_block, has_progress, header_block,
                     highlights_block, highlights_min, progress_block, quarter_load_block, radar_block)
from .table import plan_table, table_need


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
    header = header_block(ctx, logo_bytes(logo))
    gap = st.gutter
    x0, x1 = st.margin, st.size[0] - st.margin
    y = header.box[3] + round(gap * 1.1)
    bottom = footer_block(ctx, False).box[1] - gap
    blocks = [header]
    side = progress_block if has_progress(plan) else quarter_load_block
    if fmt == "a4":
        radar_w = st.px(880)
        figures = figures_block(ctx, (x0 + radar_w + gap, y, x1, 0), columns=3)
        side_box = (x0 + radar_w + gap, figures.box[3] + st.px(40), x1, figures.box[3] + st.px(340))
        status = side(ctx, side_box)
        row_bottom = status.box[3]
        blocks += [radar_block(ctx, (x0, y, x0 + radar_w, row_bottom)), figures, status]
        y = row_bottom + gap
        # Highlights get what the plan table leaves, between a readable minimum and a maximum.
        need = table_need(ctx, x1 - x0)
        room = bottom - y - gap - need
        slot = min(max(room, highlights_min(ctx, x1 - x0)), st.px(900))
        high = highlights_block(ctx, (x0, y, x1, y + slot), vertical=False)
        blocks.append(high)
        top = high.box[3] + gap
        # A small plan leaves room under its table: there the page says how the plan measures up.
        check_room = checks_need(ctx) + round(gap * 1.2)
        with_checks = bottom - top - need >= check_room
        table = plan_table(ctx, (x0, top, x1, bottom - check_room if with_checks else bottom))
        blocks += table
        if with_checks:
            below = max(b.box[3] for b in table) + round(gap * 1.2)
            blocks.append(checks_block(ctx, (x0, below, x1, bottom)))
    else:
        col_a, col_c = st.px(920), st.px(1060)
        figures = figures_block(ctx, (x0, y, x1, 0), columns=6)
        blocks.append(figures)
        y = figures.box[3] + gap
        probe = side(ctx, (x0, 0, x0 + col_a, st.px(330)))
        blocks.append(side(ctx, (x0, bottom - probe.box[3], x0 + col_a, bottom)))
        blocks.append(radar_block(ctx, (x0, y, x0 + col_a, bottom - probe.box[3] - gap)))
        blocks += plan_table(ctx, (x0 + col_a + gap, y, x1 - col_c - gap, bottom))
        blocks.append(highlights_block(ctx, (x1 - col_c, y, x1, bottom), vertical=True))
    blocks.append(footer_block(ctx, any(b.hidden for b in blocks)))
    return Brief(fmt, st.size, tuple(blocks), clean(plan.display_title), ctx.pal.background)


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
