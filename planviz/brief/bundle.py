"""Every branch's brief (PNG + PDF) in one ZIP, composed in worker processes with a progress callback."""
from __future__ import annotations

import os
import pickle
import queue
import re
import struct
import subprocess
import sys
import threading
import zipfile
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
    """PNG and PDF of one plan's brief, or the Chinese reason it cannot be made."""
    plan, options = job
    try:
        page = compose_brief(plan, **options)
        return page.png(), page.pdf()
    except PlanError as exc:
        return str(exc).replace("\n", " ")
    except Exception as exc:  # one odd plan must not stop the other briefs of the batch
        return f"生成时出错（{type(exc).__name__}：{exc}）"


# -- the worker processes ------------------------------------------------------------------------------
# Workers are started as ``python -m planviz.brief.bundle``, not by multiprocessing: spawn and forkserver
# re-run the parent's __main__ in every child, and in the app that is the Streamlit page script.
def _send(stream: IO[bytes], value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]):
    head = stream.read(8)
    if len(head) < 8:
        return _CLOSED
    (size,) = struct.unpack(">Q", head)
    return pickle.loads(stream.read(size))  # only ever from our own worker or parent


_CLOSED = object()
_DIED = "生成简报的子进程意外退出"


def _work(jobs: queue.Queue, results: dict, ready: threading.Condition) -> None:
    """Feed one worker process jobs until none are left; a dead worker fails the job it held."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=env)
    try:
        while True:
            try:
                index, job = jobs.get_nowait()
            except queue.Empty:
                break
            try:
                _send(proc.stdin, job)
                result = _receive(proc.stdout)
            except (OSError, pickle.PickleError, EOFError):
                result = _CLOSED
            with ready:
                results[index] = _DIED if result is _CLOSED else result
                ready.notify_all()
            if result is _CLOSED:
                break
    finally:
        proc.stdin.close()
        proc.wait()


def _results(jobs: list[tuple[Plan, dict]], workers: int):
    """Briefs of ``jobs`` in their order: in this process for one job or no workers, else in worker processes."""
    if workers < 1 or len(jobs) <= 1:
        yield from map(_brief_files, jobs)
        return
    todo: queue.Queue = queue.Queue()
    for entry in enumerate(jobs):
        todo.put(entry)
    results: dict[int, object] = {}
    ready = threading.Condition()
    threads = [threading.Thread(target=_work, args=(todo, results, ready), daemon=True)
               for _ in range(min(workers, len(jobs)))]
    for t in threads:
        t.start()
    for index in range(len(jobs)):
        with ready:
            while index not in results and any(t.is_alive() for t in threads):
                ready.wait(0.5)
            result = results.pop(index, _DIED)  # no worker left to make it: every one died
        yield result
    for t in threads:
        t.join()


def _serve() -> None:
    """A worker: briefs for the jobs read on stdin, answers on stdout, until stdin closes."""
    _lower_priority()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the answers
    jobs = sys.stdin.buffer
    while (job := _receive(jobs)) is not _CLOSED:
        _send(answers, _brief_files(job))


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
            zf.writestr("汇总.png", summary.png())
            zf.writestr("汇总.pdf", summary.pdf())
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


if __name__ == "__main__":
    _serve()
