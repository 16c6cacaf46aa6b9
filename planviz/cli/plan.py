"""Commands on one plan file: inspect, when, template, render and brief."""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from ..charts import CHART_NAMES
from ..model import plan_to_json
from ..vocab import LEVEL_NAMES, SEVERITY_NAMES
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
    counts = "　".join(f"{LEVEL_NAMES[lv]} {len(plan.of_level(lv))} 个" for lv in ("section", "project", "task"))
    print(counts)
    for item in plan.items:
        indent = {"section": "", "project": "  ", "task": "    "}[item.level]
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
    from ..brief import write_briefs

    return write_briefs(args.files, Path(args.output), fmt=args.format, logo=args.logo, year=args.year,
                        palette=args.palette)


