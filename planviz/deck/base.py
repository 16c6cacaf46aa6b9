"""The deck's frame: slide size, editions, the composing context, slide headings, footers and notes."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import theme
from ..model import Item, Plan, PlanError
from ..stats import cn_date
from ..vocab import EDITIONS
from .shapes import box, text

W, H = 960.0, 540.0  # points: 13.333 × 7.5 in, 16:9
MARGIN = 36.0
TOP = 88.0  # where a content slide's body starts, under its heading
BOTTOM = H - 40.0  # where the body ends, above the footer
def check_edition(edition: str) -> str:
    """``edition`` when it is one of EDITIONS (PlanError in Chinese otherwise)."""
    if edition not in EDITIONS:
        raise PlanError(f"幻灯片版本须为 plan（计划版）或 progress（进度版），收到「{edition}」")
    return edition


@dataclass
class Deck:
    """What every slide composer needs, and the notes and slide titles gathered while composing."""

    prs: object  # pptx.Presentation
    plan: Plan
    pal: theme.Palette
    edition: str
    as_of: date
    titles: list[str] = field(default_factory=list)

    @property
    def progress(self) -> bool:
        """Whether this is the progress edition (today line, progress slides)."""
        return self.edition == "progress"

    @property
    def edition_text(self) -> str:
        """The edition as the deck names it, e.g. 进度版 · 截至2026年6月30日."""
        if self.progress:
            return f"{EDITIONS['progress']} · 截至{cn_date(self.as_of)}"
        return EDITIONS["plan"]

    def color(self, dimension: str | None) -> str:
        """A dimension's colour, identical to every other view's."""
        return theme.dimension_color(dimension, self.plan.dimensions)

    def slide(self, title: str, kicker: str = ""):
        """A new blank slide with its heading (accent bar, title, optional muted kicker at the right)."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[6])
        self.titles.append(title)
        box(slide, MARGIN, 30, 6, 34, self.pal.primary, name="标题色条")
        room = W - 2 * MARGIN - 16
        kick_w = min(300.0, room * 0.4) if kicker else 0
        fitted = text(slide, MARGIN + 16, 26, room - kick_w, 42, title, 26, self.pal.ink, bold=True,
                      anchor="middle", max_lines=1, min_size=20, name="标题")
        if kicker:
            kick = text(slide, W - MARGIN - kick_w, 26, kick_w, 42, kicker, 13, self.pal.muted, align="right",
                 anchor="middle", max_lines=1, min_size=12, name="说明")
        box(slide, MARGIN, 74, W - 2 * MARGIN, 1, self.pal.grid, name="分隔线")
        if fitted.shortened:
            notes(slide, f"标题全文：{title}")
        if kicker and kick.shortened:
            notes(slide, f"说明全文：{kicker}")
        return slide


def notes(slide, *lines: str) -> None:
    """Append ``lines`` to the slide's speaker notes."""
    frame = slide.notes_slide.notes_text_frame
    old = frame.text
    frame.text = "\n".join([old, *lines] if old else lines)


def item_note(item: Item) -> str:
    """One notes line naming an item in full: title, owners and time."""
    from ..stats import when_text

    bits = [f"负责人：{item.owner_text}" if item.owners else "负责人：未填写", f"时间：{when_text(item)}"]
    return f"· {' '.join(item.title.split())}（{'；'.join(bits)}）"


def shortened_notes(slide, items: list[Item]) -> None:
    """Notes listing, in full, the items whose titles this slide had to shorten."""
    if items:
        notes(slide, "本页简写的条目全称：", *(item_note(i) for i in items))


def footers(deck: Deck) -> None:
    """Organization and edition at the bottom left, page number at the right, on every slide but the cover."""
    slides = list(deck.prs.slides)
    left = f"{deck.plan.organization or deck.plan.display_title} · {deck.plan.year}年度 · {deck.edition_text}"
    for n, slide in enumerate(slides[1:], start=2):
        text(slide, MARGIN, H - 30, W * 0.7, 20, left, 12, deck.pal.muted, max_lines=1, name="页脚")
        text(slide, W - MARGIN - 80, H - 30, 80, 20, f"{n} / {len(slides)}", 12, deck.pal.muted,
             align="right", max_lines=1, name="页码")


def swatch(slide, x: float, y: float, size: float, color: str):
    """A small square key of ``color``."""
    return box(slide, x, y, size, size, color, name="图例")
