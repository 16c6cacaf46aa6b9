"""Brief basics: page formats and type scales, the composing context, small drawing helpers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import theme
from .layout import Box, Shape, Text, clean, fit, line, rect, text_width
from ..model import Item, Plan
from ..stats import cn_date, work_items

FORMATS = ("a4", "slide")
GROUP_BYS = {"section": "板块", "dimension": "维度"}


DPI = 300
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
    small: int  # body text of lists (A4: 38 px = 9.1 pt at 300 dpi)
    fine: int  # the smallest text: a dense table and the names of folded items (A4: 30 px = 7.2 pt)
    radius: int

    def px(self, a4_px: float) -> int:
        """A length given for A4, scaled to this format."""
        return round(a4_px * self.small / 38)

    @property
    def rule(self) -> int:
        """Thickness of rules and grid lines."""
        return max(1, self.px(3))


STYLES = {
    "a4": Style((2480, 3508), 150, 64, 92, 92, 54, 42, 38, 30, 22),
    "slide": Style((1920, 1080), 48, 28, 46, 46, 26, 22, 20, 16, 12),
}


@dataclass(frozen=True)
class Ctx:
    """What every block composer needs: the plan, its style and palette, the edition and its day."""

    plan: Plan
    style: Style
    pal: theme.Palette
    as_of: date  # the day progress is counted on (progress edition) or the page was made (plan edition)
    edition: str = "plan"
    group_by: str = "section"

    def color(self, dimension: str | None) -> str:
        """The dimension's colour (grey for 未归类)."""
        return theme.dimension_color(dimension if dimension != NO_DIMENSION else None, self.plan.dimensions)

    @property
    def units(self) -> tuple[Item, ...]:
        """What the radar counts: the projects, or the work items of a plan without projects."""
        return self.plan.projects or work_items(self.plan)

    @property
    def noun(self) -> str:
        """What the counted units are called: 项目, or 事项 for a plan without projects."""
        return "项目" if self.plan.projects else "事项"

    @property
    def progress(self) -> bool:
        """Whether this is the progress edition (today line, progress, overdue)."""
        return self.edition == "progress"

    @property
    def as_of_text(self) -> str:
        """“截至 11月25日” (with the year when it is not the plan's)."""
        day = self.as_of
        return "截至 " + (f"{day.month}月{day.day}日" if day.year == self.plan.year else cn_date(day))


def text_at(x, y, s: str, face: str, size: int, color: str, anchor: str = "lt") -> Text:
    """A line of text at (x, y), with characters the font lacks removed."""
    return Text((round(x), round(y)), clean(s, face), face, size, color, anchor)


def heading(ctx: Ctx, box: Box, title: str, note: str = "") -> tuple[list, int]:
    """Section heading: accent bar, bold title, optional muted note at the right; returns marks, next y."""
    st, pal = ctx.style, ctx.pal
    x0, y0, x1, _ = box
    h = round(st.h2 * 1.25)
    marks = [rect((x0, y0 + st.px(4), x0 + st.px(12), y0 + h - st.px(4)), fill=pal.primary, radius=st.px(4)),
             text_at(x0 + st.px(30), y0 + h / 2, title, "bold", st.h2, pal.ink, "lm")]
    if note:
        room = x1 - x0 - st.px(60) - text_width(title, "bold", st.h2)
        marks.append(text_at(x1, y0 + h / 2, fit(clean(note), "sans", st.small, room), "sans", st.small,
                           pal.muted, "rm"))
    marks.append(line([(x0, y0 + h + st.px(14)), (x1, y0 + h + st.px(14))], pal.grid, st.rule))
    return marks, y0 + h + st.px(40)


def diamond(x: float, y: float, d: float, color: str) -> Shape:
    """A ◆ of half-diagonal ``d`` centred on (x, y): the deadline mark."""
    return Shape("polygon", ((x, y - d), (x + d, y), (x, y + d), (x - d, y)), fill=color)


