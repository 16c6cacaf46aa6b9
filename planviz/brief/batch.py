"""Briefs from the command line: one or many plan files, a progress bar, failures reported at the end."""
from __future__ import annotations

import sys
from pathlib import Path

from ..model import PlanError
from .page import compose_brief, logo_bytes


def _targets(files: list[str], output: Path, as_folder: bool) -> list[list[Path]]:
    """Output paths per input: the named file, or in a folder ``stem.png`` and ``stem.pdf`` (unique stems)."""
    if not as_folder:
        return [[output]]
    out, used = [], set()
    for f in files:
        stem, n = Path(f).stem or "简报", 1
        while stem in used:
            n += 1
            stem = f"{Path(f).stem}-{n}"
        used.add(stem)
        out.append([output / f"{stem}.png", output / f"{stem}.pdf"])
    return out


def _progress_bar(done: int, total: int, name: str) -> None:
    width = 24
    filled = round(width * done / total)
    bar = "█" * filled + "░" * (width - filled)
    live = sys.stderr.isatty()  # on a terminal one line redrawn in place, in a log one line per file
    end = "\r" if live and done < total else "\n"
    print(("\r" if live else "") + f"[{bar}] {done}/{total} {name}".ljust(60 if live else 0), end=end,
          file=sys.stderr, flush=True)


def write_briefs(files: list[str], output: Path, fmt: str = "a4", logo: str | None = None,
                 year: int | None = None, palette: str = "party") -> int:
    """Write one brief per plan file; returns the exit code (0 all written, 1 some failed, 2 bad options).

    One file with ``output`` ending in .png or .pdf writes that file. Otherwise ``output`` is a
    folder (created when missing) that receives ``<stem>.png`` and ``<stem>.pdf`` for each file:
    the PNG for screens and chats, the PDF for printing. A bad file is reported and skipped.
    """
    from ..reading import load_plan

    output = Path(output)
    suffix = output.suffix.lower()
    as_folder = len(files) > 1 or str(output).endswith(("/", "\\")) or output.is_dir() or not suffix
    if not as_folder and suffix not in (".png", ".pdf"):
        print(f"错误：输出文件须以 .png 或 .pdf 结尾（收到「{output.name}」），或给出一个文件夹（以 / 结尾）",
              file=sys.stderr)
        return 2
    if as_folder and suffix in (".png", ".pdf") and not output.is_dir():
        print(f"错误：有 {len(files)} 个计划文件，-o 须为文件夹（如 简报/），不能是单个文件「{output.name}」",
              file=sys.stderr)
        return 2
    try:
        logo_data = logo_bytes(logo)
    except PlanError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    failed: list[str] = []
    written = 0
    # Under a live progress bar (\r) a message must start on a fresh line.
    fresh = "\n" if len(files) > 1 and sys.stderr.isatty() else ""
    for n, (f, targets) in enumerate(zip(files, _targets(files, output, as_folder)), start=1):
        name = Path(f).name
        problem = ""
        try:
            if not Path(f).is_file():
                raise PlanError(f"找不到文件「{f}」，请检查路径")
            page = compose_brief(load_plan(Path(f), year=year), fmt=fmt, logo=logo_data, palette=palette)
            image = page.render()
            for target in targets:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(page.pdf(image) if target.suffix.lower() == ".pdf" else page.png(image))
            written += 1
        except PlanError as exc:
            problem = f"「{name}」未能生成简报：{str(exc).replace(chr(10), ' ')}"
        except OSError as exc:
            problem = f"「{name}」的简报无法写入：{exc.strerror or exc}（{exc.filename or output}）"
        except Exception as exc:  # a reader bug on one odd file must not stop the batch
            problem = f"「{name}」读取或生成时出错（{type(exc).__name__}：{exc}），请检查文件内容"
        if problem:
            failed.append(name)
            print(fresh + problem, file=sys.stderr)
        if len(files) > 1:
            _progress_bar(n, len(files), name)
    where = output if not as_folder else f"{output}{'' if str(output).endswith('/') else '/'}"
    if failed:
        print(f"已生成 {written} 份简报（{where}），{len(failed)} 个文件失败：{'、'.join(failed)}", file=sys.stderr)
        return 1
    print(f"已生成 {written} 份简报：{where}")
    return 0
