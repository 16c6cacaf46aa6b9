"""The presentation deck: which slides a plan gets, the cover, and the large-type slide styles."""
from __future__ import annotations

from html import escape

from planviz import theme
from planviz.model import Item, Plan
from planviz.stats import key_figures


def slide_css(palette: str = "party") -> str:
    """Large-type slide styles in the palette's colours."""
    p = theme.palette(palette)
    return f"""<style>
.pv-slide {{font-size: 1.55rem; line-height: 1.6; color: {p.ink};}}
.pv-cover {{text-align: center; padding: 8vh 2rem 6vh 2rem; min-height: 72vh; box-sizing: border-box;
  border-top: 10px solid {p.primary}; border-bottom: 4px solid {p.accent};
  background: linear-gradient({p.panel}, #FFFFFF);}}
.pv-cover .org {{font-size: 1.7rem; color: {p.primary}; letter-spacing: .2em;}}
.pv-cover h1 {{font-size: 3.4rem; color: {p.primary}; margin: 1.2rem 0; line-height: 1.25; text-wrap: balance;}}
.pv-cover .theme {{font-size: 1.9rem; color: {p.ink};}}
.pv-cover .slogan {{display: inline-block; margin-top: 1rem; padding: .2rem 1.4rem; font-size: 1.5rem;
  color: #FFFFFF; background: {p.primary}; border-radius: 2rem;}}
.pv-figs {{display: flex; justify-content: center; gap: 3.5rem; margin-top: 3rem;}}
.pv-figs div {{text-align: center; font-size: 1.2rem; color: {p.muted};}}
.pv-figs b {{display: block; font-size: 3rem; color: {p.primary}; line-height: 1.2;}}
h1.pv-h {{font-size: 2.6rem; color: {p.primary}; border-left: 12px solid var(--pv-c, {p.accent});
  padding-left: 1rem; margin: .3rem 0 1rem 0;}}
.pv-kicker {{font-size: 1.3rem; color: {p.muted};}}
table.pv-five {{width: 100%; border-collapse: collapse; font-size: 1.5rem;}}
table.pv-five th {{width: 8em; text-align: left; color: {p.primary}; vertical-align: top; padding: .4rem 0;}}
table.pv-five td {{padding: .4rem 0; border-bottom: 1px solid #EEE;}}
.pv-prog {{margin-top: 1rem; font-size: 1.4rem;}}
.pv-bigbar {{height: 18px; background: #EEE; border-radius: 9px; margin-top: .4rem;}}
.pv-bigbar > div {{height: 18px; border-radius: 9px; background: var(--pv-c);}}
ul.pv-tasks {{margin-top: 1rem; font-size: 1.25rem; columns: 2;}}
ul.pv-tasks span {{color: {p.muted};}}
.pv-counter {{text-align: center; font-size: 1.2rem; color: {p.muted};}}
</style>"""


def deck(plan: Plan) -> list[tuple[str, str, Item | None]]:
    """(kind, title, item) for each slide: cover, structure, radar, timeline, highlights, progress."""
    slides = [("cover", "封面", None), ("structure", "计划结构", None), ("radar", "六度雷达", None),
              ("timeline", "全年时间轴", None)]
    slides += [("highlight", f"亮点项目：{h.title}", h) for h in plan.highlights()]
    slides.append(("progress", "进度总览", None))
    return slides


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
