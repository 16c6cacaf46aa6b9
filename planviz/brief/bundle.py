"""Every branch's brief (PNG + PDF) in one ZIP, composed in worker processes with a progress callback."""
from __future__ import annotations

import multiprocessing
import os
import re
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import IO, Callable

from ..committee import BranchPlan
from ..model import Plan, PlanError
from .page import Brief, compose_brief

Progress = Callable[[int, int, str], None]  # (done, total, organization just finished)
NOTE_NAME = "说明.txt"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class BundleResult:
    """What went into the ZIP: organizations whose briefs were written, and the ones left out with why."""

    written: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (organization, reason in Chinese)


def worker_count(jobs: int) -> int:
    """Workers for ``jobs`` briefs: every core but one (the app keeps serving), at least one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(jobs, cores - 1))


def _file_stem(org: str, used: set[str]) -> str:
    """A file name from the organization's name: no path separators or reserved marks, unique in the ZIP."""
    stem = _UNSAFE.sub("_", org).strip(" .") or "未命名组织"
    name, n = stem, 1
    while name in used:
        n += 1
        name = f"{stem}-{n}"
    used.add(name)
    return name


def _lower_priority() -> None:
    """Workers yield the processor to the app's server so other sessions stay responsive."""
    try:
        os.nice(5)
    except OSError:
        pass


def _brief_files(job: tuple[Plan, dict]) -> tuple[bytes, bytes] | str:
    """PNG and PDF of one plan's brief, or the Chinese reason it cannot be made (runs in a worker)."""
    plan, options = job
    try:
        page = compose_brief(plan, **options)
        image = page.render()
        return page.png(image), page.pdf(image)
    except PlanError as exc:
        return str(exc).replace("\n", " ")
    except Exception as exc:  # one odd plan must not stop the other briefs of the batch
        return f"生成时出错（{type(exc).__name__}：{exc}）"


def _results(jobs: list[tuple[Plan, dict]], workers: int):
    """Briefs of ``jobs`` in their order: in this process for one job or no workers, else in a pool."""
    if workers < 1 or len(jobs) <= 1:
        yield from map(_brief_files, jobs)
        return
    # spawn: a clean child, never a fork of a server process that runs threads.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_lower_priority) as pool:
        yield from pool.map(_brief_files, jobs, chunksize=max(1, min(8, len(jobs) // (workers * 8))))


def write_bundle(branches: list[BranchPlan], target: str | os.PathLike | IO[bytes], *,
                 summary: Brief | None = None, workers: int | None = None, progress: Progress | None = None,
                 **brief_options) -> BundleResult:
    """Write ``<organization>.png`` and ``.pdf`` for every branch with a plan into the ZIP ``target``.

    ``brief_options`` go to :func:`compose_brief` (fmt, today, palette, logo…). With ``summary`` the
    committee's page is added as 汇总.png/.pdf. Organizations without a plan, or whose brief cannot be
    made, are listed with the reason in 说明.txt inside the ZIP, never dropped silently.
    ``workers``: processes to use (default :func:`worker_count`; 0 composes in this process).
    """
    with_plan = [b for b in branches if b.plan is not None]
    skipped = [(b.org, "尚未提交计划") for b in branches if b.plan is None]
    workers = worker_count(len(with_plan)) if workers is None else workers
    written: list[str] = []
    used: set[str] = {"汇总"} if summary is not None else set()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zf:  # PNG and PDF are compressed already
        if summary is not None:
            image = summary.render()
            zf.writestr("汇总.png", summary.png(image))
            zf.writestr("汇总.pdf", summary.pdf(image))
        jobs = [(b.plan, brief_options) for b in with_plan]
        for done, (branch, result) in enumerate(zip(with_plan, _results(jobs, workers)), start=1):
            if isinstance(result, str):
                skipped.append((branch.org, f"简报未能生成：{result}"))
            else:
                stem = _file_stem(branch.org, used)
                zf.writestr(f"{stem}.png", result[0])
                zf.writestr(f"{stem}.pdf", result[1])
                written.append(branch.org)
            if progress is not None:
                progress(done, len(with_plan), branch.org)
        if skipped:
            lines = [f"共 {len(branches)} 个组织，已生成 {len(written)} 份简报；以下 {len(skipped)} 个未生成：", ""]
            lines += [f"{org}：{reason}" for org, reason in skipped]
            zf.writestr(NOTE_NAME, "\n".join(lines) + "\n", compress_type=zipfile.ZIP_DEFLATED)
    return BundleResult(tuple(written), tuple(skipped))
