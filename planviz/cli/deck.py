"""The deck command: an editable 16:9 PowerPoint of a plan (python -m planviz deck FILE -o OUT.pptx)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .base import PALETTES, fail, load

def register(sub) -> None:
    """Add ``deck`` to the command line's subparsers."""
    s = sub.add_parser("deck", help="生成可编辑的会议幻灯片（PowerPoint .pptx）")
    s.add_argument("file", help="计划表文件（xlsx/xlsm/xls/csv）")
    s.add_argument("-o", "--output", required=True, help="输出文件 .pptx")
    s.add_argument("--palette", choices=PALETTES, default="party", help="配色：党建红或简约")
    s.add_argument("--edition", choices=("plan", "progress"),
                   help="版本：plan 计划版（无进度）或 progress 进度版；默认计划年度开始前为计划版，之后为进度版")
    s.add_argument("--as-of", help="进度截至日期 YYYY-MM-DD（默认今天）")
    s.add_argument("--year", type=int, help="计划年度（默认从表格中读取）")
    s.set_defaults(run=cmd_deck)


def cmd_deck(args) -> int:
    """Write the deck of one plan."""
    out = Path(args.output)
    if out.suffix.lower() != ".pptx":
        return fail(f"输出文件须以 .pptx 结尾：{out.name}")
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        return fail(f"日期「{args.as_of}」无法识别，请写成 2026-06-30 的形式")
    plan = load(args.file, args.year)
    from ..deck import build_deck

    deck = build_deck(plan, palette=args.palette, edition=args.edition, as_of=as_of)
    out.parent.mkdir(parents=True, exist_ok=True)
    deck.prs.save(out)
    print(f"已生成幻灯片（{deck.edition_text}，共 {len(deck.titles)} 页）：{out}")
    return 0
