"""`python -m planviz render` and `template`: every chart from the sample and a messy workbook, exit codes."""
from __future__ import annotations

import subprocess
import sys

import pytest
from PIL import Image

from messy import merged_category
from planviz.cli import main
from planviz.sample import SAMPLE_PATH

CHARTS = ("mindmap", "timeline", "radar", "levers", "progress")


def _ink_share(path) -> float:
    """Share of non-white pixels: 0 for a blank image."""
    img = Image.open(path).convert("L")
    img.thumbnail((300, 300))
    pixels = list(img.get_flattened_data())
    return sum(1 for p in pixels if p < 235) / len(pixels)


@pytest.fixture(scope="module")
def messy_file(tmp_path_factory):
    return merged_category(tmp_path_factory.mktemp("messy") / "街道机关党支部计划.xlsx")


@pytest.mark.parametrize("chart", CHARTS)
def test_render_png_from_sample_and_messy_workbook(chart, messy_file, tmp_path, capsys):
    for source in (SAMPLE_PATH, messy_file):
        out = tmp_path / f"{chart}-{source.stem}.png"
        assert main(["render", str(source), "--chart", chart, "-o", str(out)]) == 0
        img = Image.open(out)
        assert img.width >= 2000, (chart, source.name, img.size)
        assert _ink_share(out) > 0.01
    assert "已导出" in capsys.readouterr().out


def test_render_options_reach_the_chart(tmp_path):
    svg = tmp_path / "导图.svg"
    assert main(["render", str(SAMPLE_PATH), "--chart", "mindmap", "--layout", "tree", "--depth", "1",
                 "--group-by", "dimension", "-o", str(svg)]) == 0
    text = svg.read_text(encoding="utf-8")
    assert "融合度" in text and "“红心护航”" not in text  # depth 1: groups only, no projects


def test_render_refuses_unknown_suffix_and_unusable_file(tmp_path):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    done = subprocess.run([sys.executable, "-m", "planviz", "render", str(bad), "--chart", "radar", "-o",
                           str(tmp_path / "x.png")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("错误：") and "坏文件.xlsx" in done.stderr and "Traceback" not in done.stderr
    assert main(["render", str(SAMPLE_PATH), "--chart", "radar", "-o", str(tmp_path / "x.jpg")]) == 2


def test_template_command_writes_a_readable_template(tmp_path):
    from planviz.reading import load_plan

    out = tmp_path / "模板.xlsx"
    assert main(["template", "-o", str(out)]) == 0
    plan = load_plan(out)
    assert len(plan.projects) == 2 and not plan.errors()


def test_command_line_mistakes_and_help_are_chinese():
    def run(*args):
        return subprocess.run([sys.executable, "-m", "planviz", *args], capture_output=True, text=True, timeout=60)

    missing = run("inspect")
    assert missing.returncode == 2 and "错误：缺少必填参数：file" in missing.stderr and "error" not in missing.stderr
    wrong = run("render", "x.xlsx", "--chart", "饼图", "-o", "x.png")
    assert wrong.returncode == 2 and "参数 --chart 的取值" in wrong.stderr and "mindmap" in wrong.stderr
    helped = run("render", "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("用法：") and "显示本帮助并退出" in helped.stdout
    assert "usage" not in helped.stdout and "options" not in helped.stdout
