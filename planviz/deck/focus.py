"""The single slides: cover, mind map picture, radar, one per highlight project, progress, closing."""
from __future__ import annotations

import io

from .. import theme
from ..stats import dimension_stats, effective_status, key_figures, overdue_items, percent, status_counts, when_text
from ..vocab import DIMENSION_MEANINGS, ELEMENTS, STATUSES
from .base import BOTTOM, MARGIN, TOP, H, W, Deck, item_note, notes, shortened_notes, swatch
from .charts import completion_chart, radar_chart, section_completion, status_chart
from .shapes import box, resync, rounded, text
from .text import SLACK, emu, fit_text, line_height, width_of

MINDMAP_CHILDREN = 5  # projects a section shows on the mind map picture, as in the presentation mode


def cover(deck: Deck) -> None:
    """Organization, year, title, theme, slogan, the edition and the headline numbers."""
    plan, pal = deck.plan, deck.pal
    slide = deck.prs.slides.add_slide(deck.prs.slide_layouts[6])
    deck.titles.append("封面")
    box(slide, 0, 0, W, 14, pal.primary, name="顶边")
    box(slide, 0, H - 6, W, 6, pal.accent, name="底边")
    box(slide, 0, 14, W, 300, pal.panel, name="底色")
    if plan.organization:
        text(slide, 80, 52, W - 160, 36, plan.organization, 22, pal.primary, align="center", anchor="middle",
             max_lines=1, min_size=16, name="组织")
    title = plan.display_title
    if plan.organization and title.startswith(plan.organization) and len(title) > len(plan.organization):
        title = title[len(plan.organization):]  # the organization already stands above it
    text(slide, 80, 96, W - 160, 120, title, 40, pal.primary, bold=True, align="center", anchor="middle",
         max_lines=2, min_size=28, name="计划标题")
    if plan.theme:
        text(slide, 80, 222, W - 160, 34, plan.theme, 22, pal.ink, align="center", anchor="middle", max_lines=1,
             min_size=16, name="主题")
    if plan.slogan:
        fitted = fit_text(plan.slogan, W - 320, 34, 18, max_lines=1)
        w = min(W - 300, max(160.0, max(width_of(line, 18) for line in fitted.lines) / SLACK + 60))
        text(slide, (W - w) / 2, 264, w, 34, plan.slogan, 18, "#FFFFFF", align="center", anchor="middle",
             max_lines=1, fill=pal.primary, name="口号", kind="roundRect")
    figures = key_figures(plan)
    numbers = [("工作板块", figures.sections), ("重点项目", figures.projects), ("具体任务", figures.tasks),
               ("亮点项目", figures.highlights), ("责任人", figures.owners)]
    cell = (W - 160) / len(numbers)
    for n, (label, value) in enumerate(numbers):
        x = 80 + n * cell
        text(slide, x, 334, cell, 60, str(value), 40, pal.primary, bold=True, align="center", anchor="middle",
             max_lines=1, name=f"数字：{label}")
        text(slide, x, 398, cell, 24, label, 15, pal.muted, align="center", max_lines=1)
    text(slide, 80, 452, W - 160, 28, f"{plan.year}年度 · {deck.edition_text}", 16, pal.ink, align="center",
         anchor="middle", max_lines=1, name="版本")
    notes(slide, f"{plan.display_title}（{deck.edition_text}）",
          *([f"组织：{plan.organization}"] if plan.organization else []), *([f"主题：{plan.theme}"] if plan.theme else []),
          *([f"口号：{plan.slogan}"] if plan.slogan else []))


def mindmap_slide(deck: Deck) -> None:
    """The mind map as a picture drawn by graphviz (not editable; the structure slides are)."""
    from ..charts.mindmap import mindmap
    from ..export import dot_bytes
    from PIL import Image

    graph = mindmap(deck.plan, depth=2, layout="radial", label_width=14, palette=deck.pal.name,
                    max_children=MINDMAP_CHILDREN)
    data = dot_bytes(graph, "png", dpi=110)
    width, height = Image.open(io.BytesIO(data)).size
    slide = deck.slide("思维导图", "板块 → 项目 · 图片（可在结构页编辑文字）")
    room_w, room_h = W - 2 * MARGIN, BOTTOM - TOP
    scale = min(room_w / width, room_h / height)
    w, h = width * scale, height * scale
    slide.shapes.add_picture(io.BytesIO(data), emu((W - w) / 2), emu(TOP + (room_h - h) / 2), emu(w), emu(h))
    resync(slide)
    notes(slide, "思维导图为图片（由 Graphviz 绘制），每个板块最多显示 "
          f"{MINDMAP_CHILDREN} 个项目；要修改文字请用“计划结构”页。")


def radar_slide(deck: Deck) -> None:
    """The six-dimension radar as a native chart, with a key of dimensions and their numbers."""
    plan, pal = deck.plan, deck.pal
    slide = deck.slide("六度雷达", "按项目数 · 图表可编辑")
    radar_chart(slide, plan, pal, MARGIN, TOP, 520, BOTTOM - TOP)
    stats = dimension_stats(plan)
    x, y = 590.0, TOP + 10
    row = min(62.0, (BOTTOM - TOP - 60) / max(1, len(stats)))
    compact = row < 48  # many dimensions: one line each, without the meaning
    for stat in stats:
        color = deck.color(stat.dimension)
        swatch(slide, x, y + 5, 14, color)
        text(slide, x + 22, y, 110, 24, stat.dimension, 16 if not compact else 14, color, bold=True, max_lines=1,
             min_size=12)
        figures = f"{stat.projects} 个项目 · 任务 {stat.effort} 项"
        if deck.progress:
            figures += f" · 进度 {percent(stat.progress)}"
        if compact:
            text(slide, x + 134, y, W - MARGIN - x - 134, 24, figures, 13, pal.ink, max_lines=1)
        else:
            text(slide, x + 134, y, W - MARGIN - x - 134, 24, DIMENSION_MEANINGS.get(stat.dimension, ""), 14,
                 pal.muted, max_lines=1)
            text(slide, x + 22, y + 24, W - MARGIN - x - 22, 22, figures, 13, pal.ink, max_lines=1)
        y += row
    empty = [s.dimension for s in stats if not s.projects]
    if empty:
        text(slide, x, BOTTOM - 44, W - MARGIN - x, 40, f"薄弱维度：{'、'.join(empty)}（0 项），建议补充相应项目",
             13, pal.primary, max_lines=2, name="薄弱维度")
    notes(slide, "六度雷达（项目数）：" + "；".join(f"{s.dimension} {s.projects} 项" for s in stats),
          "雷达图是可编辑的图表：右键“编辑数据”可修改数值。")


def _allot(texts: list[str], width: float, size: float, rows: int) -> list[int]:
    """Lines for each text within ``rows`` lines in all: one each, then one more at a time to every
    text still cut, in turn, so a long goal does not leave the criteria a single line."""
    need = [max(1, len(fit_text(t, width, 10_000, size).lines)) for t in texts]
    got = [1] * len(texts)
    left = rows - len(texts)
    while left > 0 and any(g < n for g, n in zip(got, need)):
        for k, (g, n) in enumerate(zip(got, need)):
            if g < n and left > 0:
                got[k] += 1
                left -= 1
    return got


def highlight_slide(deck: Deck, item) -> None:
    """One highlight project: its five elements, progress (progress edition) and its tasks."""
    plan, pal = deck.plan, deck.pal
    color = deck.color(item.dimension)
    tags = " · ".join(x for x in (item.dimension, item.lever, item.section) if x)
    slide = deck.slide(f"★ {' '.join(item.title.split())}", f"亮点项目 · {tags}" if tags else "亮点项目")
    values = {"目标": item.goal, "负责人": item.owner_text, "时间节点": when_text(item),
              "成果形式": item.deliverable, "评估标准": item.criteria}
    texts = [" ".join((values[e] or "（未填写）").split()) for e in ELEMENTS]
    size = 16
    left_w = 560.0
    value_x = MARGIN + 96
    value_w = MARGIN + left_w - value_x
    lh = line_height(size)
    gap = 12.0
    rows = int((BOTTOM - TOP - gap * len(ELEMENTS)) // lh)
    lines = _allot(texts, value_w, size, rows)
    y = TOP
    cut = False
    for name, value, n in zip(ELEMENTS, texts, lines):
        h = n * lh
        text(slide, MARGIN, y, 90, lh, name, size, pal.primary, bold=True, max_lines=1, name=f"要素：{name}")
        fitted = text(slide, value_x, y, value_w, h, value, size, pal.ink, max_lines=n, name=f"内容：{name}")
        cut = cut or fitted.shortened
        y += h + gap / 2
        box(slide, MARGIN, y - 0.5, left_w, 0.75, pal.grid, name="分隔")
        y += gap / 2
    x = MARGIN + left_w + 28
    right_w = W - MARGIN - x
    ry = TOP
    rounded(slide, x - 12, TOP - 4, right_w + 12, BOTTOM - TOP + 4, pal.panel, radius=6, name="右栏")
    if deck.progress:
        status = effective_status(item)
        text(slide, x, ry, right_w - 8, 40, f"进度 {percent(item.progress)}", 24, pal.ink, bold=True, max_lines=1)
        text(slide, x, ry + 40, right_w - 8, 22, status, 14, theme.status_color(status), bold=True, max_lines=1)
        box(slide, x, ry + 68, right_w - 12, 10, "#E6E6E6", name="进度槽")
        if item.progress:
            box(slide, x, ry + 68, (right_w - 12) * min(1.0, item.progress), 10, color, name="进度条")
        ry += 92
    tasks = plan.children(item.id)
    text(slide, x, ry, right_w - 8, 24, f"具体任务（{len(tasks)} 项）" if tasks else "具体任务：暂无", 15, pal.ink,
         bold=True, max_lines=1)
    ry += 28
    task_size = 13
    room = BOTTOM - ry - 6
    shown = 0
    cut_tasks = []
    for n, task in enumerate(tasks):
        label = f"· {' '.join(task.title.split())}（{when_text(task)}）"
        more_h = line_height(task_size) if n < len(tasks) - 1 else 0
        fitted = fit_text(label, right_w - 8, 2 * line_height(task_size), task_size)
        if fitted.height + more_h > room:
            break
        text(slide, x, ry, right_w - 8, fitted.height, label, task_size, pal.ink, max_lines=2, name=f"任务：{task.id}")
        ry += fitted.height + 4
        room -= fitted.height + 4
        shown += 1
        if fitted.shortened:
            cut_tasks.append(task)
    if shown < len(tasks):
        text(slide, x, ry, right_w - 8, line_height(task_size), f"另有 {len(tasks) - shown} 项任务（见备注）",
             task_size, pal.muted, max_lines=1)
    notes(slide, item_note(item), *(f"{e}：{values[e] or '未填写'}" for e in ELEMENTS) if cut else ())
    if shown < len(tasks):
        notes(slide, "本页未列出的任务：", *(item_note(t) for t in tasks[shown:]))
    shortened_notes(slide, cut_tasks)


def progress_slide(deck: Deck) -> None:
    """Status doughnut and completion by section as native charts, with the headline numbers."""
    plan, pal = deck.plan, deck.pal
    slide = deck.slide("进度总览", f"截至{deck.as_of.month}月{deck.as_of.day}日 · 图表可编辑")
    late = overdue_items(plan, deck.as_of)
    head = [("总体进度", percent(plan.overall_progress())), ("逾期事项", f"{len(late)} 项")]
    for n, (label, value) in enumerate(head):
        x = MARGIN + n * 200
        text(slide, x, TOP - 4, 190, 44, value, 28, pal.primary, bold=True, max_lines=1, name=f"数字：{label}")
        text(slide, x, TOP + 40, 190, 22, label, 14, pal.muted, max_lines=1)
    side = min(260.0, BOTTOM - TOP - 76)
    status_chart(slide, plan, MARGIN, TOP + 72, side, side)
    counts = status_counts(plan)
    key_y = TOP + 72 + side / 2 - len(STATUSES) * 14
    for n, status in enumerate(STATUSES):
        swatch(slide, MARGIN + side + 16, key_y + n * 28 + 5, 12, theme.status_color(status))
        text(slide, MARGIN + side + 34, key_y + n * 28, 110, 24, f"{status} {counts[status]} 项", 14, pal.ink,
             max_lines=1, name=f"状态：{status}")
    rows = section_completion(plan)
    label_room = 150.0
    labels, cut = [], []
    for name, _, _ in rows:
        fitted = fit_text(name, label_room, line_height(13), 13, max_lines=1)
        labels.append(fitted.lines[0] if fitted.lines else name)
        if fitted.shortened:
            cut.append(name)
    text(slide, 470, TOP, W - MARGIN - 470, 24, "各板块完成率（已填报事项的平均进度）", 15, pal.ink, bold=True, max_lines=1)
    completion_chart(slide, rows, labels, pal, 470, TOP + 28, W - MARGIN - 470, BOTTOM - TOP - 28, size=13)
    notes(slide, "各板块完成率：" + "；".join(f"{n} {percent(p)}（{k} 项）" for n, p, k in rows))
    if cut:
        notes(slide, "板块全称：" + "、".join(cut))
    if late:
        notes(slide, "逾期事项：", *(item_note(i) for i in late))


def closing(deck: Deck) -> None:
    """Thanks, the organization and what the meeting is asked to do."""
    plan, pal = deck.plan, deck.pal
    slide = deck.prs.slides.add_slide(deck.prs.slide_layouts[6])
    deck.titles.append("结束页")
    box(slide, 0, 0, W, 14, pal.primary, name="顶边")
    box(slide, 0, H - 6, W, 6, pal.accent, name="底边")
    text(slide, 80, 150, W - 160, 90, "谢　谢", 54, pal.primary, bold=True, align="center", anchor="middle",
         max_lines=1, name="致谢")
    ask = "请各位同志对照任务抓好落实" if deck.progress else "请各位同志提出意见建议"
    text(slide, 80, 250, W - 160, 36, ask, 22, pal.ink, align="center", anchor="middle", max_lines=1)
    who = " · ".join(x for x in (plan.organization, plan.slogan) if x)
    if who:
        text(slide, 80, 300, W - 160, 30, who, 18, pal.muted, align="center", anchor="middle", max_lines=1)
    if plan.contact:
        text(slide, 80, 340, W - 160, 26, f"联系人：{plan.contact}", 15, pal.muted, align="center", max_lines=1)
