"""Commands on one plan file: inspect, when, template, render and brief."""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from ..charts import CHART_NAMES
from ..model import plan_to_json, sheet_place
from ..vocab import LEVEL_NAMES, LEVELS, SEVERITY_NAMES
from .base import PALETTES, fail, load

CHARTS = tuple(CHART_NAMES)
PRINT_WIDTH = 2000  # px: the narrowest PNG that prints sharp on A4


def register(sub) -> None:
    """Add inspect, when, template, render and brief to the command line's subparsers."""
    s = sub.add_parser("inspect", help="读取计划表，显示条目与问题")
    s.add_argument("file", help="计划表文件（xlsx/xlsm/xls/csv，或 Word 计划 docx）")
    s.add_argument("--year", type=int, help="计划年度（默认从表格标题或计划信息中读取）")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(run=cmd_inspect)
    s = sub.add_parser("when", help="解析中文时间表述，如“3月底前”“每季度”")
    s.add_argument("expr", nargs="?", help="时间表述")
    s.add_argument("--year", type=int, help="计划年度（默认今年）")
    s.add_argument("--batch", action="store_true", help="从标准输入逐行读取，每行输出一个 JSON")
    s.set_defaults(run=cmd_when)
    s = sub.add_parser("template", help="生成标准计划模板")
    s.add_argument("-o", "--output", required=True, help="输出文件，如 模板.xlsx")
    s.set_defaults(run=cmd_template)
    s = sub.add_parser("render", help="把计划导出为图片")
    s.add_argument("file", help="计划表文件（xlsx/xlsm/xls/csv，或 Word 计划 docx）")
    s.add_argument("--chart", required=True, choices=CHARTS, help="图表：" + "、".join(CHART_NAMES.values()))
    s.add_argument("-o", "--output", required=True, help="输出文件 .png 或 .svg")
    s.add_argument("--width", type=int, help="图宽（像素，导出时再乘以 --scale）")
    s.add_argument("--height", type=int, help="图高（像素）")
    s.add_argument("--scale", type=float, help="放大倍数（默认 2，PNG 至少 2000 像素宽）")
    s.add_argument("--year", type=int, help="计划年度（默认从表格中读取）")
    s.add_argument("--palette", choices=PALETTES, default="party", help="配色：党建红或简约")
    s.add_argument("--group-by", choices=("section", "dimension"), help="思维导图、时间轴：按板块或按六度维度分组")
    s.add_argument("--layout", choices=("radial", "tree"), default="radial",
                   help="思维导图布局：radial 放射状（默认，适合打印）或 tree 从左到右")
    s.add_argument("--depth", type=int, choices=(1, 2, 3), default=3, help="思维导图层级：1 板块，2 项目，3 任务")
    s.add_argument("--show-tasks", action="store_true", help="时间轴：显示任务")
    s.add_argument("--metric", choices=("projects", "effort", "progress"), default="projects",
                   help="雷达图指标：项目数、工作量或平均进度")
    s.set_defaults(run=cmd_render)
    s = sub.add_parser("brief", help="生成一页纸简报（PNG/PDF）")
    s.add_argument("files", nargs="+", metavar="file", help="一个或多个计划表文件（xlsx/xlsm/xls/csv/docx）")
    s.add_argument("-o", "--output", required=True, help="输出 .png / .pdf，或多个文件时的输出文件夹")
    s.add_argument("--format", choices=("a4", "slide"), default="a4")
    s.add_argument("--logo", help="组织标识图片")
    s.add_argument("--year", type=int, help="计划年度（默认从表格中读取）")
    s.add_argument("--palette", choices=PALETTES, default="party", help="配色：党建红或简约")
    s.add_argument("--edition", choices=("plan", "progress"),
                   help="plan：年度计划（无进度，年初印发）；progress：进展简报（截至某日）。默认：计划年度开始前为 plan，之后为 progress")
    s.add_argument("--as-of", help="进展简报的统计日期 YYYY-MM-DD（默认今天）")
    s.add_argument("--group-by", choices=("section", "dimension"), dest="brief_group_by",
                   help="工作安排按板块（section）或维度（dimension）分组；默认有板块时按板块")
    s.set_defaults(run=cmd_brief)



def cmd_inspect(args) -> int:
    """Print the plan's items and issues, as Chinese text or as JSON."""
    plan = load(args.file, args.year)
    if args.json:
        json.dump(plan_to_json(plan), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{plan.display_title}")
    print(f"组织：{plan.organization or '（未填写）'}　年度：{plan.year}　来源：{plan.source_name}")
    counts = "　".join(f"{LEVEL_NAMES[lv]} {len(plan.of_level(lv))} 个" for lv in LEVELS)
    print(counts)
    _print_columns(plan)
    for item in plan.items:
        indent = "  " * LEVELS.index(item.level)
        when = " ~ ".join(d.isoformat() if d else "？" for d in (item.start, item.end)) if (item.start or item.end) else ""
        bits = [b for b in (item.dimension, item.owner_text, item.deadline_text or when, item.status) if b]
        star = "★" if item.highlight else ""
        print(f"{indent}{star}{item.title}" + (f"　〔{'｜'.join(bits)}〕" if bits else ""))
    if plan.issues:
        print(f"\n发现问题 {len(plan.issues)} 个：")
        for issue in plan.issues:
            print(f"  [{SEVERITY_NAMES.get(issue.severity, issue.severity)}] {issue.where()}：{issue.message}")
    else:
        print("\n未发现问题。")
    return 0


def _print_columns(plan) -> None:
    """Per sheet, the role each column was read as and how sure the reader is (the user checks the guess)."""
    from ..reading import FIELDS

    sheets: dict[str, list] = {}
    for col in plan.columns:
        sheets.setdefault(col.sheet, []).append(col)
    for sheet, columns in sheets.items():
        print(f"{sheet_place(sheet)}各列：")
        for col in columns:
            role = FIELDS.get(col.role, col.role) if col.role else "（保留原列）"
            print(f"  {col.header} → {role}　把握 {round(col.confidence * 100)}%")
    print()


def _when_json(expr: str, year: int) -> dict:
    from ..dates import parse_deadline

    d = parse_deadline(expr, year)
    return {
        "start": d.start.isoformat() if d.start else None,
        "end": d.end.isoformat() if d.end else None,
        "recurrence": d.recurrence,
    }


def _decode_line(raw: bytes) -> str:
    """One stdin line as text: UTF-8 (with or without BOM), else GB18030 as WPS on Windows writes it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _argument_text(value: str) -> str:
    """An argv value decoded as UTF-8 even under a non-UTF-8 locale (surrogate-escaped bytes)."""
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        return os.fsencode(value).decode("utf-8", "replace")
    return value


def cmd_when(args) -> int:
    """Print the start, end and rhythm of one expression, or of each stdin line."""
    year = args.year or date.today().year
    out = sys.stdout
    if args.batch:
        for raw in sys.stdin.buffer:
            line = _decode_line(raw).rstrip("\r\n")
            out.write(json.dumps(_when_json(line, year), ensure_ascii=False) + "\n")
        return 0
    if args.expr is None:
        return fail("请给出时间表述，或使用 --batch 从标准输入读取")
    out.write(json.dumps(_when_json(_argument_text(args.expr), year), ensure_ascii=False) + "\n")
    return 0


def cmd_template(args) -> int:
    """Write the canonical plan template."""
    from ..template import write_template

    out = Path(args.output)
    write_template(out)
    print(f"已生成模板：{out}")
    return 0


def _chart_options(args) -> dict:
    """The render options that apply to the chosen chart."""
    options: dict = {"palette": args.palette}
    if args.chart in ("mindmap", "timeline") and args.group_by:
        options["group_by"] = args.group_by
    if args.chart == "mindmap":
        options.update(layout=args.layout, depth=args.depth)
    elif args.chart == "timeline":
        options["show_tasks"] = args.show_tasks
    elif args.chart == "radar":
        options["metric"] = args.metric
    return options


def cmd_render(args) -> int:
    """Export one chart of a plan as PNG or SVG."""
    from ..charts import build_chart
    from ..export import dot_bytes, figure_bytes

    out = Path(args.output)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        return fail(f"输出文件须以 .png 或 .svg 结尾：{out.name}")
    plan = load(args.file, args.year)
    chart = build_chart(plan, args.chart, **_chart_options(args))
    if args.chart == "mindmap":
        data = dot_bytes(chart, fmt, dpi=200, min_width=PRINT_WIDTH)
    else:
        data = figure_bytes(chart, fmt, width=args.width, height=args.height, scale=args.scale or 2)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"已导出：{out}")
    return 0


def cmd_brief(args) -> int:
    """Write the one-page brief of one or many plans."""
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            return fail(f"--as-of 日期须写成 YYYY-MM-DD，如 2026-06-30（收到「{args.as_of}」）")
    return write_briefs(args.files, Path(args.output), fmt=args.format, logo=args.logo, year=args.year,
                        palette=args.palette, edition=args.edition, as_of=as_of, group_by=args.brief_group_by)


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
                 year: int | None = None, palette: str = "party", edition: str | None = None,
                 as_of: date | None = None, group_by: str | None = None) -> int:
    """Write one brief per plan file; returns the exit code (0 all written, 1 some failed, 2 bad options).

    One file with ``output`` ending in .png or .pdf writes that file. Otherwise ``output`` is a
    folder (created when missing) that receives ``<stem>.png`` and ``<stem>.pdf`` for each file:
    the PNG for screens and chats, the PDF for printing. A bad file is reported and skipped.
    Without ``edition`` each plan gets the plan edition before its year starts and the progress
    edition during it; the choice is printed.
    """
    from ..brief import compose_brief, logo_bytes
    from ..stats import default_edition
    from ..vocab import EDITIONS
    from ..model import PlanError
    from ..reading import load_plan

    output = Path(output)
    suffix = output.suffix.lower()
    as_folder = len(files) > 1 or str(output).endswith(("/", "\\")) or output.is_dir() or not suffix
    if not as_folder and suffix not in (".png", ".pdf"):
        return fail(f"输出文件须以 .png 或 .pdf 结尾（收到「{output.name}」），或给出一个文件夹（以 / 结尾）")
    if as_folder and suffix in (".png", ".pdf") and not output.is_dir():
        return fail(f"有 {len(files)} 个计划文件，-o 须为文件夹（如 简报/），不能是单个文件「{output.name}」")
    try:
        logo_data = logo_bytes(logo)
    except PlanError as exc:
        return fail(str(exc))
    day = as_of or date.today()
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
            plan = load_plan(Path(f), year=year)
            chosen = edition or default_edition(plan, day)
            if edition is None:
                why = f"{plan.year}年尚未开始" if chosen == "plan" else f"{plan.year}年已开始，截至 {day.isoformat()}"
                print(f"{fresh}「{name}」：生成{EDITIONS[chosen]}（{why}；可用 --edition 指定）", file=sys.stderr)
            page = compose_brief(plan, fmt=fmt, logo=logo_data, palette=palette, edition=chosen, as_of=day,
                                 group_by=group_by)
            image = None
            for target in targets:
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.suffix.lower() == ".pdf":
                    target.write_bytes(page.pdf())
                else:
                    image = image or page.render()
                    target.write_bytes(page.png(image))
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
