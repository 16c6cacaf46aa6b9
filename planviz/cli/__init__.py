"""Command line: ``python -m planviz --help``; each module of this package adds its commands."""
from __future__ import annotations

import sys

from ..model import PlanError
from . import plan, store
from .base import Parser, fail

# Each module's register(sub) adds its subcommands, each with set_defaults(run=function).
COMMAND_MODULES = (plan, store)


def parser() -> Parser:
    """The whole command line's parser."""
    p = Parser(prog="python -m planviz", description="planviz：年度党建工作计划可视化工具")
    sub = p.add_subparsers(dest="command", required=True, metavar="命令")
    for module in COMMAND_MODULES:
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (2: the file or the arguments cannot be used)."""
    # Chinese output must survive a POSIX-locale terminal or a pipe.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except PlanError as exc:  # the one edge where library errors become user messages
        return fail(str(exc).replace("\n", " "))
    except KeyboardInterrupt:
        return fail("已取消", 130)
    except BrokenPipeError:
        return 0
