"""One-page brief: page sizes, layout model, overflow summaries, glyph coverage and the batch CLI."""
from __future__ import annotations

import io
import random
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from planviz import brief, layout
from planviz.model import DEFAULT_DIMENSIONS, Item, Plan

YEAR = 2026
TODAY = date(2026, 11, 25)

_TOPICS = ("学习贯彻党的二十届四中全会精神", "“三会一课”规范化建设", "主题党日活动", "党员志愿服务",
           "青年理论学习小组", "党建品牌“红色引擎”创建", "党员示范岗评星", "谈心谈话全覆盖",
           "发展党员质量提升", "党费收缴和使用管理", "廉政风险点排查", "业务攻坚突击队",
           "Workshop on AI 赋能党建 digital-board 试点", "为民办实事清单", "困难党员走访慰问",
           "意识形态工作责任制落实")
_WHEN = (("全年", date(YEAR, 1, 1), date(YEAR, 12, 31), None), ("每月", date(YEAR, 1, 1), date(YEAR, 12, 31), "monthly"),
         ("3月底前", None, date(YEAR, 3, 31), None), ("第二季度", date(YEAR, 4, 1), date(YEAR, 6, 30), None),
         ("七一前", None, date(YEAR, 6, 30), None), ("9-11月", date(YEAR, 9, 1), date(YEAR, 11, 30), None),
         ("适时", None, None, None))


def make_plan(n_items: int, highlights: int = 2, progress: bool = True, seed: int = 7) -> Plan:
    """A plan of exactly ``n_items`` items (sections + projects + tasks) with realistic, varied fields."""
    rng = random.Random(seed)
    n_sections = max(1, min(6, n_items // 12))
    n_projects = max(1, min((n_items - n_sections) // 4 + 1, n_items - n_sections))
    n_tasks = n_items - n_sections - n_projects
    items: list[Item] = []
    sections = [Item(id=f"S{k}", title=f"{'一二三四五六'[k]}、{DEFAULT_DIMENSIONS[k]}建设", level="section",
                     section=f"{DEFAULT_DIMENSIONS[k]}建设") for k in range(n_sections)]
    projects = []
    for k in range(n_projects):
        sec = sections[k % n_sections]
        text, start, end, rec = _WHEN[k % len(_WHEN)]
        title = _TOPICS[k % len(_TOPICS)] + ("" if k < len(_TOPICS) else f"（第{k // len(_TOPICS) + 1}批）")
        p = rng.random() if progress else None
        projects.append(Item(
            id=f"P{k:03d}", title=title, level="project", parent=sec.id, section=sec.section,
            dimension=DEFAULT_DIMENSIONS[(k * 5) % 6] if k % 11 else None, owners=(f"张{'一二三四五'[k % 5]}", "李明"),
            departments=("党办",), start=start, end=end, recurrence=rec, deadline_text=text,
            goal="围绕中心工作，" + "把党建工作与业务深度融合，形成可复制可推广的经验做法" * (1 + k % 2),
            deliverable="工作台账、案例汇编" if k % 3 else "", criteria="党员参与率100%；群众满意度95%以上",
            progress=p, status=("已完成" if p and p > 0.9 else "进行中") if progress else None,
            highlight=k < highlights))
    for k in range(n_tasks):
        parent = projects[k % n_projects]
        text, start, end, rec = _WHEN[(k + 2) % len(_WHEN)]
        items_p = rng.random() if progress else None
        projects.append(Item(
            id=f"T{k:03d}", title=f"{parent.title[:8]}任务{k + 1}：制定方案并组织实施", level="task",
            parent=parent.id, section=parent.section, owners=("王芳",), start=start, end=end, recurrence=rec,
            deadline_text=text, progress=items_p, milestone=k % 7 == 0))
    items = sections + sorted(projects, key=lambda i: (i.parent or "", i.level != "project", i.id))
    return Plan(year=YEAR, organization="示例市税务局第二党支部", title="", theme="强基提质 融合赋能",
                slogan="红色引擎", items=tuple(items), source_name=f"plan_{n_items}.xlsx")


@pytest.fixture(scope="module")
def sample():
    from planviz.sample import sample_plan
    return sample_plan()
