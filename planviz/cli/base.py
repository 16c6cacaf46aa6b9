"""The command line's shared parts: a Chinese argparse, the one error line, loading a plan file."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# Named here, not read from planviz.theme: importing it loads plotly, which most commands do not need.
PALETTES = ("party", "neutral")


# argparse speaks English; these are its messages a user can meet, in Chinese.
_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.+)", r"缺少必填参数：\1"),
    (r"argument (\S+): invalid choice: (.+) \(choose from (.+)\)", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"argument (\S+): invalid \w+ value: (.+)", r"参数 \1 的值 \2 无效"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面需要一个值"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
)


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Chinese."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str):
        for pattern, chinese in _ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, chinese, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n")


def fail(message: str, code: int = 2) -> int:
    """Print one Chinese error line on stderr; returns the exit code."""
    print(f"错误：{message}", file=sys.stderr)
    return code


def load(path: str, year: int | None):
    """The plan in ``path`` (raises PlanError with the Chinese reason when it cannot be used)."""
    from ..reading import load_plan

    return load_plan(Path(path), year=year)
