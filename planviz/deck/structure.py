"""Structure slides: sections as headed columns, their projects as cards, flowed over as many slides as needed."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..stats import Branch, plan_groups
from .base import BOTTOM, MARGIN, TOP, W, Deck, notes, shortened_notes
from .shapes import box, rounded, text
from .text import fit_text, line_height

COLUMNS = 4
GAP = 14.0
HEAD_H = 30.0
HEAD_SIZE = 15
CARD_SIZE = 14
CARD_LINES = 2
CARD_PAD = 6.0
CARD_GAP = 6.0
STRIPE = 5.0
COL_W = (W - 2 * MARGIN - (COLUMNS - 1) * GAP) / COLUMNS
ROOM = BOTTOM - TOP


@dataclass(frozen=True)
class Card:
    """One project (or loose task) card: its branch, label and height in points."""

    branch: Branch
    label: str
    height: float


@dataclass
class Block:
    """A section's header and the cards under it within one column."""

    section: str
    continued: bool
    cards: list[Card] = field(default_factory=list)


def _card(branch: Branch) -> Card:
    label = ("★ " if branch.item.highlight else "") + " ".join(branch.item.title.split())
    fitted = fit_text(label, COL_W - 2 * CARD_PAD - STRIPE, line_height(CARD_SIZE) * CARD_LINES, CARD_SIZE)
    return Card(branch, label, fitted.height + 2 * CARD_PAD)


def flow(deck: Deck) -> list[list[Block]]:
    """Columns of blocks: a section starts a new column when it would not fit in what is left of the
    current one but fits in a whole one; a longer section continues (“续”) in the next column."""
    columns: list[list[Block]] = []
    used = ROOM  # no open column yet
    for group in plan_groups(deck.plan, "section"):
        cards = [_card(b) for b in group.branches]
        need = HEAD_H + CARD_GAP + sum(c.height + CARD_GAP for c in cards)
        first = HEAD_H + CARD_GAP + (cards[0].height if cards else 0)
        if used + first > ROOM or (used + need > ROOM and need <= ROOM):
            columns.append([])
            used = 0.0
        block = Block(group.name, False)
        columns[-1].append(block)
        used += HEAD_H + CARD_GAP
        for card in cards:
            if used + card.height > ROOM:
                block = Block(group.name, True)
                columns.append([block])
                used = HEAD_H + CARD_GAP
            block.cards.append(card)
            used += card.height + CARD_GAP
    return columns


def structure_slides(deck: Deck) -> None:
    """The plan's sections and projects as native shapes, COLUMNS columns a slide."""
    columns = flow(deck)
    pages = [columns[n:n + COLUMNS] for n in range(0, len(columns), COLUMNS)] or [[]]
    kf = (len(deck.plan.sections), sum(len(b.cards) for c in columns for b in c))
    for k, page in enumerate(pages):
        kicker = f"{kf[0]} 个板块 · {kf[1]} 个项目" + (f" · 第 {k + 1}/{len(pages)} 页" if len(pages) > 1 else "")
        slide = deck.slide("计划结构", kicker)
        shortened = []
        for c, column in enumerate(page):
            x, y = MARGIN + c * (COL_W + GAP), TOP
            for block in column:
                name = block.section + ("（续）" if block.continued else "")
                head = text(slide, x, y, COL_W, HEAD_H, name, HEAD_SIZE, "#FFFFFF", bold=True, anchor="middle",
                            max_lines=1, min_size=13, fill=deck.pal.primary, margin=8, name=f"板块：{block.section}")
                if head.shortened:
                    notes(slide, f"板块全称：{block.section}")
                y += HEAD_H + CARD_GAP
                for card in block.cards:
                    item = card.branch.item
                    color = deck.color(item.dimension)
                    rounded(slide, x, y, COL_W, card.height, deck.pal.panel,
                            deck.pal.accent if item.highlight else deck.pal.grid, radius=4, name="项目卡片")
                    box(slide, x, y + 3, STRIPE, card.height - 6, color, name=f"维度：{item.dimension or '未归类'}")
                    fitted = text(slide, x + STRIPE + CARD_PAD, y + CARD_PAD, COL_W - 2 * CARD_PAD - STRIPE,
                                  card.height - 2 * CARD_PAD, card.label, CARD_SIZE, deck.pal.ink,
                                  max_lines=CARD_LINES, name=f"项目：{item.id}")
                    if fitted.shortened:
                        shortened.append(item)
                    y += card.height + CARD_GAP
        shortened_notes(slide, shortened)
