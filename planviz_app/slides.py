"""The presentation deck: which slides a plan gets, the cover, and the large-type slide styles."""
from __future__ import annotations

from html import escape

from planviz import theme
from planviz.model import Item, Plan
from planviz.stats import key_figures


# Height of what stands above and below a slide (controls, paddings), in CSS pixels.
CHROME = 112
# Charts are drawn for a screen this wide and scaled up on wider ones, so type grows with the projector.
DESIGN_WIDTH = 1280
MAX_ZOOM = 1.6


def chart_size(content_width: int, window_height: int) -> tuple[int, int]:
    """Layout size (width, height) of a chart slide that, scaled to the column's width, fills the screen."""
    zoom = min(MAX_ZOOM, max(1.0, content_width / DESIGN_WIDTH))
    height = max(360, window_height - CHROME)
    return round(content_width / zoom), round(height / zoom)


def slide_css(palette: str = "party") -> str:
    """Large-type slide styles in the palette's colours; sizes follow the window (vw, vh)."""
    p = theme.palette(palette)
    return f"""<style>
.pv-slide {{font-size: clamp(1.15rem, 1.35vw, 2rem); line-height: 1.6; color: {p.ink};}}
.pv-cover {{text-align: center; padding: 2vh 2rem; min-height: calc(100vh - {CHROME}px); box-sizing: border-box;
  display: flex; flex-direction: column; justify-content: center; align-items: center;
  border-top: 10px solid {p.primary}; border-bottom: 4px solid {p.accent};
  background: linear-gradient({p.panel}, #FFFFFF);}}
.pv-cover .org {{font-size: clamp(1.4rem, 1.9vw, 2.6rem); color: {p.primary}; letter-spacing: .2em;}}
.pv-cover h1 {{font-size: clamp(2.6rem, 4.2vw, 5.6rem); color: {p.primary}; margin: 1.5vh 0; line-height: 1.25;
  text-wrap: balance; padding: 0;}}
.pv-cover .theme {{font-size: clamp(1.5rem, 2.1vw, 3rem); color: {p.ink};}}
.pv-cover .slogan {{display: inline-block; margin-top: 2vh; padding: .2em 1.2em; font-size: clamp(1.3rem, 1.6vw, 2.2rem);
  color: #FFFFFF; background: {p.primary}; border-radius: 2em;}}
.pv-figs {{display: flex; justify-content: center; gap: 4vw; margin-top: 6vh;}}
.pv-figs div {{text-align: center; font-size: clamp(1.1rem, 1.3vw, 1.8rem); color: {p.muted};}}
.pv-figs b {{display: block; font-size: clamp(2.6rem, 3.8vw, 5.2rem); color: {p.primary}; line-height: 1.2;}}
h1.pv-h {{font-size: clamp(2rem, 2.6vw, 3.6rem); color: {p.primary}; border-left: 12px solid var(--pv-c, {p.accent});
  padding: 0 0 0 1rem; margin: .2rem 0 .8rem 0; line-height: 1.3;}}
.pv-focus {{min-height: calc(100vh - {CHROME}px); display: flex; flex-direction: column; justify-content: center;
  font-size: clamp(1.15rem, 1.5vw, 2.2rem);}}
.pv-chart-h {{font-size: clamp(1.6rem, 1.9vw, 2.6rem); font-weight: 700; color: {p.ink}; margin: .2rem 0 0 2%;}}
.pv-chart-h span {{color: {p.primary};}}
.pv-kicker {{font-size: .8em; color: {p.muted};}}
table.pv-five {{width: 100%; border-collapse: collapse; font-size: 1em;}}
table.pv-five th {{width: 6em; text-align: left; color: {p.primary}; vertical-align: top; padding: .35em 0;}}
table.pv-five td {{padding: .35em 0; border-bottom: 1px solid #EEE;}}
.pv-prog {{margin-top: .8em; font-size: .95em;}}
.pv-bigbar {{height: .6em; background: #EEE; border-radius: .3em; margin-top: .3em;}}
.pv-bigbar > div {{height: .6em; border-radius: .3em; background: var(--pv-c);}}
ul.pv-tasks {{margin-top: .8em; font-size: .85em; columns: 2; column-gap: 3em;}}
ul.pv-tasks span {{color: {p.muted}; white-space: nowrap;}}
.pv-counter {{text-align: center; font-size: 1.2rem; color: {p.muted}; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis;}}
img.pv-fill {{display: block; width: 100%; height: auto; object-fit: contain; max-height: calc(100vh - {CHROME}px);}}
img.pv-fill.titled {{max-height: calc(100vh - {CHROME}px - 3.4vw);}}
</style>"""


def deck(plan: Plan) -> list[tuple[str, str, Item | None]]:
    """(kind, title, item) for each slide: cover, structure, radar, timeline, highlights, progress."""
    slides = [("cover", "封面", None), ("structure", "计划结构", None), ("radar", "六度雷达", None),
              ("timeline", "全年时间轴", None)]
    slides += [("highlight", f"亮点项目：{h.title}", h) for h in plan.highlights()]
    slides.append(("progress", "进度总览", None))
    return slides


def chart_heading(title: str) -> str:
    """A slide heading drawn like the plotly charts' own titles (bar, bold ink), for the slides that lack one."""
    return f'<div class="pv-chart-h"><span>▍</span>{escape(title)}</div>'


def cover(plan: Plan) -> str:
    """The cover slide: organization, title, theme, slogan and the headline numbers."""
    figures = key_figures(plan)
    numbers = [("工作板块", figures.sections), ("重点项目", figures.projects), ("具体任务", figures.tasks),
               ("亮点项目", figures.highlights), ("责任人", figures.owners)]
    figs = "".join(f"<div><b>{n}</b>{label}</div>" for label, n in numbers)
    org = f'<div class="org">{escape(plan.organization)}</div>' if plan.organization else ""
    theme = f'<div class="theme">{escape(plan.theme)}</div>' if plan.theme else ""
    slogan = f'<div class="slogan">{escape(plan.slogan)}</div>' if plan.slogan else ""
    title = plan.display_title
    if plan.organization and title.startswith(plan.organization) and len(title) > len(plan.organization):
        title = title[len(plan.organization):]  # the organization already stands above the title
    return (f'<div class="pv-slide pv-cover">{org}<h1>{escape(title)}</h1>{theme}{slogan}'
            f'<div class="pv-figs">{figs}</div></div>')
