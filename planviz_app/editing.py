"""The plan as an editable table (projects and tasks) and the edits written back onto the items."""
from __future__ import annotations

import dataclasses
import re
from datetime import date

import pandas as pd

from planviz.model import Item, Plan

LEVEL_NAMES = {"project": "项目", "task": "任务"}
# (column, Item field) for the plain-text columns, in table order.
TEXT_COLUMNS = (("板块", "section"), ("工作内容", "title"), ("维度", "dimension"), ("抓手", "lever"),
                ("负责人", "owners"), ("责任部门", "departments"), ("时间节点", "deadline_text"))
DATE_COLUMNS = (("开始时间", "start"), ("完成时限", "end"))
DETAIL_COLUMNS = (("目标", "goal"), ("成果形式", "deliverable"), ("评估标准", "criteria"), ("备注", "notes"))
LIST_FIELDS = ("owners", "departments")
_SPLIT = re.compile(r"[、，,；;/\s]+")


def _cell(item: Item, field: str) -> str:
    value = getattr(item, field)
    if field in LIST_FIELDS:
        return "、".join(value)
    return value or ""


def extra_headers(plan: Plan) -> list[str]:
    """The user's own columns (kept on items as ``extra``), in order of first appearance."""
    seen: dict[str, None] = {}
    for item in plan.items:
        for header, _ in item.extra:
            seen.setdefault(header, None)
    return list(seen)


def plan_frame(plan: Plan) -> pd.DataFrame:
    """One row per project and task, indexed by item id; progress is a percent (0–100)."""
    extras = extra_headers(plan)
    rows = []
    for item in plan.items:
        if item.level == "section":
            continue
        row = {"层级": LEVEL_NAMES[item.level]}
        row |= {col: _cell(item, field) for col, field in TEXT_COLUMNS}
        row |= {col: getattr(item, field) for col, field in DATE_COLUMNS}
        row["进度"] = None if item.progress is None else round(item.progress * 100, 1)
        row["状态"] = item.status
        row["亮点"] = item.highlight
        row |= {col: _cell(item, field) for col, field in DETAIL_COLUMNS}
        own = item.extras
        row |= {h: own.get(h, "") for h in extras}
        rows.append((item.id, row))
    frame = pd.DataFrame([r for _, r in rows], index=pd.Index([i for i, _ in rows], name="编号"))
    for col, _ in DATE_COLUMNS:  # typed as dates even when the column is empty, for the date editor
        frame[col] = pd.to_datetime(frame[col]).dt.date if len(frame) else pd.Series(dtype="object")
    return frame


def _blank(value) -> bool:
    """An empty editor cell: None, NaN or NaT."""
    return value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


def _text(value) -> str:
    return "" if _blank(value) else str(value).strip()


def _date(value) -> date | None:
    if _blank(value):
        return None
    return value.date() if isinstance(value, pd.Timestamp) else value


def apply_edits(plan: Plan, frame: pd.DataFrame) -> Plan:
    """The plan with every project and task updated from the edited table (rows matched by id).

    When the deadline wording changed but its dates did not, the dates are cleared so that reading
    the written-back workbook parses the new wording.
    """
    rows = frame.to_dict("index")
    extras = extra_headers(plan)
    items = []
    for item in plan.items:
        row = rows.get(item.id)
        if row is None:
            items.append(item)
            continue
        changes = {}
        for col, field in TEXT_COLUMNS + DETAIL_COLUMNS:
            value = _text(row.get(col))
            changes[field] = tuple(n for n in _SPLIT.split(value) if n) if field in LIST_FIELDS else value
        for field in ("dimension", "lever"):
            changes[field] = changes[field] or None
        if changes["dimension"] != item.dimension:
            changes["dimension_inferred"] = False  # the user chose it
        start, end = _date(row.get("开始时间")), _date(row.get("完成时限"))
        if changes["deadline_text"] != item.deadline_text and (start, end) == (item.start, item.end):
            start = end = None
        changes |= {"start": start, "end": end}
        progress = row.get("进度")
        changes["progress"] = None if _blank(progress) else min(max(float(progress), 0), 100) / 100
        changes["status"] = _text(row.get("状态")) or None
        changes["highlight"] = bool(row.get("亮点"))
        changes["extra"] = tuple((h, _text(row.get(h))) for h in extras if _text(row.get(h)))
        items.append(dataclasses.replace(item, **changes))
    return plan.with_items(items)
