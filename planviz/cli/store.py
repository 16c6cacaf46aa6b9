"""The workspace commands: ``store [--db URL] org add | user add | add | history | export | branches | backup | restore``."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from ..model import PlanError
from .base import load

ROLE_CHOICES = ("admin", "committee", "editor", "viewer")  # auth.ROLES; not imported: it loads argon2


def register(sub) -> None:
    """Add ``store`` and its subcommands to the command line's subparsers."""
    s = sub.add_parser("store", help="工作区：保存计划、版本、进度和账号")
    s.add_argument("--db", help="数据库地址（SQLAlchemy URL）；默认读环境变量 PLANVIZ_DB，再默认 instance/planviz.db")
    actions = s.add_subparsers(dest="action", required=True, metavar="操作")

    org = actions.add_parser("org", help="组织").add_subparsers(dest="what", required=True, metavar="操作")
    a = org.add_parser("add", help="新增组织（党委、党总支、党支部）")
    a.add_argument("name", help="组织名称")
    a.add_argument("--parent", help="上级组织名称")
    a.set_defaults(run=cmd_org_add)

    user = actions.add_parser("user", help="账号").add_subparsers(dest="what", required=True, metavar="操作")
    a = user.add_parser("add", help="新增账号（密码从标准输入读取一行）")
    a.add_argument("name", help="账号名")
    a.add_argument("--org", required=True, help="所属组织名称")
    a.add_argument("--role", required=True, choices=ROLE_CHOICES, help="角色：管理员、党委（审阅）、编辑、只读")
    a.set_defaults(run=cmd_user_add)

    a = actions.add_parser("add", help="把计划表保存为新版本")
    a.add_argument("file", help="计划表文件")
    a.add_argument("--org", required=True, help="组织名称")
    a.add_argument("--year", type=int, help="计划年度（默认从表格中读取）")
    a.add_argument("--as-of", help="进度截至日期 YYYY-MM-DD（默认今天）")
    a.set_defaults(run=cmd_add)

    a = actions.add_parser("history", help="计划的各个版本及当时的总体进度")
    a.add_argument("--org", required=True, help="组织名称")
    a.add_argument("--year", type=int, help="计划年度（默认最近一年）")
    a.add_argument("--json", action="store_true", help="以 JSON 输出")
    a.set_defaults(run=cmd_history)

    a = actions.add_parser("export", help="导出某日的计划（含进度）为 Excel")
    a.add_argument("--org", required=True, help="组织名称")
    a.add_argument("--year", type=int, help="计划年度（默认最近一年）")
    a.add_argument("--as-of", help="截至日期 YYYY-MM-DD（默认今天）")
    a.add_argument("-o", "--output", required=True, help="输出文件 .xlsx")
    a.set_defaults(run=cmd_export)

    a = actions.add_parser("branches", help="下属各组织的计划：审议状态、版本、条目、进度、逾期")
    a.add_argument("--org", required=True, help="上级组织名称（列出它及其下属各组织）")
    a.add_argument("--year", type=int, help="计划年度（默认截至日期所在年度）")
    a.add_argument("--as-of", help="截至日期 YYYY-MM-DD（默认今天）")
    a.add_argument("--json", action="store_true", help="以 JSON 输出")
    a.set_defaults(run=cmd_branches)

    a = actions.add_parser("backup", help="备份整个工作区（含上传的原始文件）")
    a.add_argument("-o", "--output", required=True, help="备份文件")
    a.set_defaults(run=cmd_backup)

    a = actions.add_parser("restore", help="从备份恢复整个工作区（替换现有内容）")
    a.add_argument("file", help="备份文件")
    a.set_defaults(run=cmd_restore)


def _open(args):
    from ..store import Store

    return Store(args.db)


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PlanError(f"日期「{text}」须写成 YYYY-MM-DD，如 2026-03-31") from None


def _print(document: dict) -> int:
    print(json.dumps(document, ensure_ascii=False))
    return 0


def cmd_org_add(args) -> int:
    from ..store import SYSTEM

    org = _open(args).add_org(SYSTEM, args.name, parent=args.parent)
    return _print({"id": org.id, "name": org.name, "kind": org.kind, "parent": args.parent})


def cmd_user_add(args) -> int:
    from ..store import SYSTEM

    password = sys.stdin.readline().rstrip("\r\n")
    user = _open(args).add_user(SYSTEM, args.name, password, args.org, args.role)
    return _print({"id": user.id, "name": user.name, "org": args.org, "role": user.role})


def cmd_add(args) -> int:
    from ..store import SYSTEM

    as_of = _day(args.as_of)
    plan = load(args.file, args.year)  # read before the store is touched: a bad file stores nothing
    version = _open(args).save_version(SYSTEM, args.org, plan, Path(args.file).read_bytes(), Path(args.file).name,
                                       as_of=as_of)
    return _print({"org": args.org, "year": plan.year, "version": version.number, "items": version.items})


def cmd_history(args) -> int:
    from ..store import SYSTEM, history
    from ..stats import percent

    store = _open(args)
    info = store.find_plan(SYSTEM, args.org, args.year)
    snapshots, events = store.timeline(SYSTEM, info.id)
    rows = [{"version": s.number, "as_of": s.as_of.isoformat(), "items": len(s.plan.items),
             "progress": history.version_on(s, events, s.as_of).overall_progress()} for s in snapshots]
    if args.json:
        return _print({"org": info.org_name, "year": info.year, "versions": rows})
    print(f"{info.org_name} {info.year} 年度计划，共 {len(rows)} 版")
    for row in rows:
        print(f"  第 {row['version']} 版　截至 {row['as_of']}　{row['items']} 条　总体进度 {percent(row['progress'])}")
    return 0


def cmd_export(args) -> int:
    from ..store import SYSTEM
    from ..template import plan_to_xlsx

    day = _day(args.as_of)
    store = _open(args)
    info = store.find_plan(SYSTEM, args.org, args.year)
    plan = store.plan_as_of(SYSTEM, info.id, day)
    Path(args.output).write_bytes(plan_to_xlsx(plan))
    return _print({"org": info.org_name, "year": info.year, "as_of": (day or store.today()).isoformat(),
                   "items": len(plan.items), "file": args.output})


def cmd_branches(args) -> int:
    from ..committee import committee_rows, row_json
    from ..stats import percent
    from ..store import SYSTEM
    from ..store.branches import branch_plans

    store = _open(args)
    day = _day(args.as_of) or store.today()
    year = args.year or day.year
    rows = committee_rows(branch_plans(store, SYSTEM, args.org, year=year, as_of=day), day)
    if args.json:
        print(json.dumps([row_json(r, year) for r in rows], ensure_ascii=False))
        return 0
    print(f"{args.org} 及下属组织 {year} 年度计划（截至 {day.isoformat()}），共 {len(rows)} 个组织")
    for r in rows:
        figures = f"第 {r.version} 版　{r.items} 条　进度 {percent(r.progress)}　逾期 {len(r.overdue)} 项" if r.has_plan else ""
        print(f"  {r.org}　{r.state_name}　{figures}".rstrip())
    return 0


def cmd_backup(args) -> int:
    from ..store import SYSTEM, backup

    data = backup.dump(_open(args), SYSTEM)
    Path(args.output).write_bytes(data)
    return _print({"file": args.output, "bytes": len(data)})


def cmd_restore(args) -> int:
    from ..store import SYSTEM, backup

    path = Path(args.file)
    if not path.is_file():
        raise PlanError(f"找不到备份文件「{args.file}」")
    return _print({"tables": backup.load(_open(args), SYSTEM, path.read_bytes())})
