"""A frozen Plan as JSON and back, losslessly: every dataclass field, dates as ISO text, tuples as lists."""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from functools import cache

from ..model import Plan

FORMAT = 1  # bump when the model changes in a way old JSON cannot be read into


def _encode(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


@cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def _decode(hint, value):
    """``value`` (from JSON) as the type ``hint`` names: dataclass, date, tuple, optional or plain."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner, value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value))
    if hint is date:
        return date.fromisoformat(value)
    if dataclasses.is_dataclass(hint):
        names = {f.name for f in dataclasses.fields(hint)}
        hints = _hints(hint)
        return hint(**{k: _decode(hints[k], v) for k, v in value.items() if k in names})
    return value


def plan_to_json(plan: Plan) -> str:
    """The whole plan (items, issues, columns, meta) as compact JSON text."""
    return json.dumps({"format": FORMAT, "plan": _encode(plan)}, ensure_ascii=False, separators=(",", ":"))


def plan_from_json(text: str) -> Plan:
    """The Plan ``plan_to_json`` wrote; ``plan_from_json(plan_to_json(p)) == p``."""
    document = json.loads(text)
    if document.get("format") != FORMAT:
        raise ValueError(f"unknown stored plan format {document.get('format')!r}")
    return _decode(Plan, document["plan"])
