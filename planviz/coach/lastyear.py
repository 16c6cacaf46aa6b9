"""Comparison with last year's plan: items copied over, revised, new and dropped (rapidfuzz matching)."""
from __future__ import annotations

import re

import numpy as np
from rapidfuzz import fuzz, process

from ..model import Item, Plan
from .calendar import CALENDARS, organization_type
from .findings import Comparison, Finding

COPIED = 92  # similarity (0–100) of normalised texts at or above which an item is last year's
COUNTERPART = 60  # …and at or above which it is at least a rewrite of a last-year item

_YEAR = re.compile(r"(?:19|20)\d{2}\s*(?:年度|年)?|[〇零一二三四五六七八九]{4}\s*(?:年度|年)")
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.]|\d+(?:\.\d+)*[、．.）)]?"
                        r"|[①-⑳]|第[一二三四五六七八九十\d]+[条项部分])\s*")
_DIGITS = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?")
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """A title with its numbering, years, numbers, punctuation and spaces taken out."""
    text = _NUMBERING.sub("", text)
    text = _YEAR.sub("", text)
    text = _DIGITS.sub("", text)
    return _NOT_WORD.sub("", text)


def _text(item: Item) -> str:
    """What an item says: its title and, in a prose plan, the rest of its sentence."""
    return normalise(item.title + item.detail)


def _sameness(item: Item, source: Item) -> str:
    """How close a copy is, in words: word for word, or only years and numbers changed."""
    same = _NOT_WORD.sub("", item.title + item.detail) == _NOT_WORD.sub("", source.title + source.detail)
    return "完全相同" if same else "基本相同（只改了年份、数字或个别字）"


def _work(plan: Plan) -> list[Item]:
    return [i for i in plan.items if i.level != "section" and _text(i)]


def _is_routine(plan: Plan, item: Item) -> bool:
    """Routine party work (三会一课 …) comes back every year by rule: repeating it is no copy."""
    routines, bundles = CALENDARS[organization_type(plan)]
    return any(re.search(p, item.title) for p in [r.pattern for r in routines] + [b.pattern for b in bundles])


def _counterparts(a: list[str], b: list[str], scores: np.ndarray) -> np.ndarray:
    """Similarity that also sees a rewrite or a part of a text (WRatio), computed only where
    plain ratio found no counterpart: WRatio costs about 80 times as much."""
    alike = scores.copy()
    rows = np.flatnonzero(scores.max(axis=1) < COUNTERPART)
    cols = np.flatnonzero(scores.max(axis=0) < COUNTERPART)
    if len(rows):
        alike[rows, :] = process.cdist([a[r] for r in rows], b, scorer=fuzz.WRatio)
    if len(cols):
        alike[:, cols] = process.cdist(a, [b[c] for c in cols], scorer=fuzz.WRatio)
    return alike


def compare_last_year(plan: Plan, last: Plan) -> tuple[list[Finding], Comparison]:
    """copied_from_last_year per copied item, dropped_from_last_year per vanished one, and the counts."""
    ours, theirs = _work(plan), _work(last)
    if not ours or not theirs:
        scores = alike = None
    else:
        a, b = [_text(i) for i in ours], [_text(i) for i in theirs]
        scores = process.cdist(a, b, scorer=fuzz.ratio)  # the same text: copied
        alike = _counterparts(a, b, scores)
    findings: list[Finding] = []
    copied = revised = routine = 0
    new: list[str] = []
    for row, item in enumerate(ours):
        if alike is None or alike[row].max() < COUNTERPART:
            new.append(item.id)
            continue
        best = int(scores[row].argmax())
        similarity = float(scores[row][best])
        source = theirs[best]
        if similarity >= COPIED and _is_routine(plan, item):
            routine += 1
        elif similarity >= COPIED:
            copied += 1
            findings.append(Finding(
                "copied_from_last_year", "warning",
                f"「{item.title}」与去年计划的「{source.title}」{_sameness(item, source)}：请结合今年的形势任务和"
                "去年的落实情况重新谋划，写出今年的新目标、新举措。",
                items=(item.id,),
                detail={"last_year_title": source.title, "last_year_id": source.id,
                        "similarity": round(similarity, 1)}))
        else:
            revised += 1
    for col, source in enumerate(theirs):
        if alike is not None and alike[:, col].max() >= COUNTERPART:
            continue
        findings.append(Finding(
            "dropped_from_last_year", "info",
            f"去年计划中的「{source.title}」今年没有对应的工作：如已完成或不再开展可不列；如需延续，请补入计划。",
            detail={"last_year_title": source.title, "last_year_id": source.id}))
    dropped = sum(1 for f in findings if f.code == "dropped_from_last_year")
    return findings, Comparison(last.display_title, last.year, copied, revised, routine, len(new), dropped, tuple(new))
