"""Column mapping for the upload page: what each column of the file was read as, in the template's field names."""
from __future__ import annotations

from planviz.reading import FIELDS

# FIELDS speaks the template's words (时间节点 / 开始时间 / 完成时限, 负责人, 板块), as the editor does.
UNUSED = "（不使用，保留为自定义列）"
FIELD_OF_LABEL = {label: field for field, label in FIELDS.items()}


def label(role: str | None) -> str:
    """The field name shown for a role (the template's wording), or UNUSED."""
    return FIELDS.get(role, UNUSED) if role else UNUSED


def options() -> list[str]:
    """Every choice of a mapping select box: unused first, then the fields in the template's words."""
    return [UNUSED, *FIELDS.values()]
