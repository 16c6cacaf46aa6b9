"""Backup and restore of the whole workspace (every table, the uploaded files too) as one zip file."""
from __future__ import annotations

import base64
import io
import json
import zipfile
from datetime import date, datetime

from sqlalchemy import Date, DateTime, LargeBinary, delete, func, insert, select

from ..model import PlanError
from .auth import Actor, require_admin
from .db import current_revision, is_sqlite
from .models import Base

MANIFEST, TABLES = "manifest.json", "tables.json"


def _to_json(column, value):
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64encode(value).decode()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _from_json(column, value):
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(value)
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def dump(store, actor: Actor) -> bytes:
    """The whole database as zip bytes: a manifest (schema revision) and every row of every table."""
    require_admin(actor)
    tables = {}
    with store._reader.connect() as connection, connection.begin():  # one consistent snapshot
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            tables[table.name] = [{c.name: _to_json(c, row[c.name]) for c in table.columns} for row in rows]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps({"format": 1, "revision": current_revision(store._reader)}))
        archive.writestr(TABLES, json.dumps(tables, ensure_ascii=False))
    return buffer.getvalue()


def load(store, actor: Actor, data: bytes) -> dict[str, int]:
    """Replace the whole database by a backup; returns rows restored per table. All or nothing."""
    require_admin(actor)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            tables = json.loads(archive.read(TABLES))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise PlanError("这不是 planviz 工作区的备份文件") from error
    if manifest.get("revision") != current_revision(store._writer):
        raise PlanError(f"备份的数据库版本（{manifest.get('revision')}）与当前程序不一致，不能恢复")
    known = {t.name: t for t in Base.metadata.sorted_tables}
    if not set(tables) <= set(known):
        raise PlanError("备份文件中有当前程序不认识的表，不能恢复")
    counts = {}
    with store._writer.connect() as connection, connection.begin():
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(delete(table))
        for table in Base.metadata.sorted_tables:
            rows = [{c.name: _from_json(c, row.get(c.name)) for c in table.columns} for row in tables.get(table.name, [])]
            if rows:
                connection.execute(insert(table), rows)
            counts[table.name] = len(rows)
        if not is_sqlite(store._writer):  # ids were given explicitly: move each sequence past them
            for table in Base.metadata.sorted_tables:
                next_id = select(func.coalesce(func.max(table.c.id), 0) + 1).scalar_subquery()
                connection.execute(select(func.setval(func.pg_get_serial_sequence(table.name, "id"), next_id,
                                                      False)))
    return counts
