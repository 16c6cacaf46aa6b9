"""HTML cards for the progress board and the presentation slides (one HTML block per column keeps
a 300-item board fast: a widget per card would be thousands of elements)."""
from __future__ import annotations

from html import escape

from planviz import theme
from planviz.model import Item, Plan
from planviz.stats import effective_status, percent, when_text

CARD_CSS = """<style>
.pv-card {border: 1px solid #E6E0DA; border-left: 4px solid var(--pv-c); border-radius: 6px;
  padding: 6px 8px; margin: 0 0 8px 0; background: #FFFFFF; font-size: 0.86rem; line-height: 1.35;}
.pv-card.late {border-color: #C8102E; background: #FFF4F4;}
.pv-card .t {font-weight: 600; color: #2B2B2B;}
.pv-card .m {color: #6B6B6B; font-size: 0.78rem; margin-top: 2px;}
.pv-card .late-tag {color: #C8102E; font-weight: 600;}
.pv-bar {height: 6px; background: #EEE; border-radius: 3px; margin-top: 5px;}
.pv-bar > div {height: 6px; border-radius: 3px; background: var(--pv-c);}
</style>"""


def progress_text(item: Item) -> str:
    """Progress as a percent, or 未报进度."""
    return percent(item.progress, "未报进度")


def _bar_percent(item: Item) -> int:
    """Filled share of a progress bar, 0–100 (a bad figure never overflows the bar)."""
    return 0 if item.progress is None else max(0, min(100, round(item.progress * 100)))


def _card(item: Item, late: bool) -> str:
    color = theme.status_color(effective_status(item))
    star = "★ " if item.highlight else ""
    tag = '<span class="late-tag">已逾期 · </span>' if late else ""
    owner = escape(item.owner_text or "未定负责人")
    return (f'<div class="pv-card{" late" if late else ""}" style="--pv-c:{color}">'
            f'<div class="t">{star}{escape(item.title)}</div>'
            f'<div class="m">{tag}{owner} · {escape(when_text(item))} · {progress_text(item)}</div>'
            f'<div class="pv-bar"><div style="width:{_bar_percent(item)}%"></div></div></div>')


def board_cards(items: list[Item], late_ids: set[str]) -> str:
    """One status column of the board as HTML: a card per item (title, owner, deadline, progress)."""
    if not items:
        return CARD_CSS + '<div class="pv-card" style="--pv-c:#DDD"><div class="m">暂无</div></div>'
    return CARD_CSS + "".join(_card(i, i.id in late_ids) for i in items)


def highlight_slide(plan: Plan, item: Item) -> str:
    """A highlight project as a large-type slide: the five project elements, progress and tasks."""
    color = theme.dimension_color(item.dimension, plan.dimensions)
    rows = [("目标", item.goal), ("负责人", item.owner_text), ("时间节点", when_text(item)),
            ("成果形式", item.deliverable), ("评估标准", item.criteria)]
    body = "".join(f'<tr><th>{name}</th><td>{escape(value or "（未填写）")}</td></tr>' for name, value in rows)
    tasks = plan.children(item.id)
    task_list = "".join(f"<li>{escape(t.title)}<span> · {escape(when_text(t))}</span></li>" for t in tasks[:6])
    more = f"<li><span>另有 {len(tasks) - 6} 项任务</span></li>" if len(tasks) > 6 else ""
    tags = " · ".join(x for x in (item.dimension, item.lever, item.section) if x)
    return f"""<div class="pv-slide pv-focus" style="--pv-c:{color}">
<div class="pv-kicker">亮点项目 · {escape(tags)}</div>
<h1 class="pv-h">★ {escape(item.title)}</h1>
<table class="pv-five">{body}</table>
<div class="pv-prog">进度 {progress_text(item)} · {effective_status(item)}
<div class="pv-bigbar"><div style="width:{_bar_percent(item)}%"></div></div></div>
{f'<ul class="pv-tasks">{task_list}{more}</ul>' if tasks else ''}
</div>"""
