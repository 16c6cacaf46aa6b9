"""The coach command: findings on a draft plan against good practice and last year's plan."""
from __future__ import annotations

import json
import sys

from ..vocab import SEVERITY_NAMES
from .base import load

ORG_TYPES = ("branch", "general_branch", "committee")


def register(sub) -> None:
    """Add coach to the command line's subparsers."""
    s = sub.add_parser("coach", help="对照好的做法和去年的计划，检查计划草稿并给出修改建议")
    s.add_argument("file", help="今年的计划表文件（xlsx/xlsm/xls/csv）")
    s.add_argument("--last-year", metavar="FILE", help="去年的计划表文件，用于对照是否照搬")
    s.add_argument("--year", type=int, help="今年计划的年度（默认从表格中读取）")
    s.add_argument("--org-type", choices=ORG_TYPES,
                   help="组织类型：branch 党支部、general_branch 党总支、committee 党委（默认从组织名称识别）")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(run=cmd_coach)


def cmd_coach(args) -> int:
    """Print the coach's findings and score, as a Chinese report grouped by theme or as JSON."""
    from ..coach import coach

    plan = load(args.file, args.year)
    last = load(args.last_year, None) if args.last_year else None
    report = coach(plan, last, org_type=args.org_type)
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    titles = {i.id: i.title for i in plan.items}
    print(f"{plan.display_title}　计划体检")
    print(f"得分：{report.score} / 100　发现 {len(report.findings)} 条意见")
    if report.comparison:
        c = report.comparison
        print(f"对照去年（{c.last_year_title}）：照搬 {c.copied} 项，改写 {c.revised} 项，例行工作延续 {c.routine} 项，新增 {c.new} 项，"
              f"去年有而今年没有 {c.dropped} 项")
    for theme, found in report.by_theme().items():
        print(f"\n【{theme}】")
        for f in found:
            print(f"  [{SEVERITY_NAMES[f.severity]}] {f.message}")
            if len(f.items) == 1 and titles.get(f.items[0], "") in f.message:
                continue  # the message already names its one item
            for item_id in f.items:
                print(f"      · {item_id} {titles.get(item_id, '')}")
    if not report.findings:
        print("\n未发现需要修改的地方。")
    return 0
