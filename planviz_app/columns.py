"""Column mapping for the upload page: what each column of the file was read as, in the template's field names."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from planviz.model import ColumnRole, Plan
from planviz.reading import FIELDS
from planviz.reading.headers import find_header
from planviz.reading.readers import RawSheet, _read_csv, _read_workbook, _scan_rows, _trim
from planviz.reading.safety import check_container, run_isolated

# One vocabulary with the template and the editor (时间节点 / 开始时间 / 完成时限, 负责人, 板块).
LABELS: dict[str, str] = {**FIELDS, "section": "板块", "owners": "负责人", "deadline": "时间节点",
                          "end": "完成时限", "title": "工作内容", "id": "编号"}
UNUSED = "（不使用，保留为自定义列）"
FIELD_OF_LABEL = {label: field for field, label in LABELS.items()}


def roles(plan: Plan, data: bytes, name: str, column_map: tuple[tuple[str, str], ...]) -> tuple[ColumnRole, ...]:
    """The roles the reader gave the plan's columns: ``Plan.columns`` when the reader filled it, else found again."""
    if plan.columns:
        return plan.columns
    read = {i.source.sheet for i in plan.items if i.source}
    return tuple(r for r in _found(data, name, column_map) if r.sheet in read)


@st.cache_data(max_entries=4, ttl=3600, scope="session", show_spinner="正在查看各列……")
def _found(data: bytes, name: str, column_map: tuple[tuple[str, str], ...]) -> tuple[ColumnRole, ...]:
    """Fallback while the reader leaves Plan.columns empty: each sheet's header found as the reader finds it."""
    kind = check_container(data, name)
    if kind == "csv":
        sheets = [RawSheet(Path(name).stem or "计划", _read_csv(data, name))]
    else:
        sheets = run_isolated(_read_workbook, data, kind, name)
    found = []
    for sheet in sheets:
        rows = _trim(sheet.rows)
        if not rows or sheet.hidden:
            continue
        scan, covered = _scan_rows(sheet, rows, 16)
        header = find_header(scan, dict(column_map), covered, sheet.hidden_columns)
        if header is not None:
            found += [ColumnRole(sheet.name, c.index, c.label, c.field) for c in header.columns]
    return tuple(found)


def label(role: str | None) -> str:
    """The field name shown for a role (the template's wording), or UNUSED."""
    return LABELS.get(role, UNUSED) if role else UNUSED


def options() -> list[str]:
    """Every choice of a mapping select box: unused first, then the fields in the template's words."""
    return [UNUSED, *LABELS.values()]
