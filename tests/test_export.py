"""Export: PNG/SVG/PDF bytes from plotly and graphviz, and thread safety of the shared browser."""
from __future__ import annotations

import io
import threading
from datetime import date

import plotly.graph_objects as go
import pytest
from PIL import Image

from planviz import theme
from planviz.charts.template import apply_theme
from planviz.charts.mindmap import mindmap
from planviz.charts.timeline import timeline
from planviz.export import DEFAULT_SCALE, dot_bytes, figure_bytes
from planviz.model import PlanError


def _image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def _ink_share(img: Image.Image) -> float:
    """Share of pixels that are not (near) white: 0 for a blank image."""
    gray = img.convert("L").resize((200, max(1, round(200 * img.height / img.width))))
    pixels = list(gray.get_flattened_data())
    return sum(1 for p in pixels if p < 235) / len(pixels)


def _swatch(color: str, title: str) -> go.Figure:
    """A figure whose whole background is ``color``: any pixel tells whose image it is."""
    fig = go.Figure(go.Scatter(x=[1, 2], y=[1, 2], mode="markers"))
    apply_theme(fig)
    fig.update_layout(title=title, paper_bgcolor=color, plot_bgcolor=color)
    return fig


@pytest.fixture(scope="module")
def warm():
    """Starts the shared browser once for this module (the first export costs ~2 s)."""
    figure_bytes(_swatch("#FFFFFF", "预热"), "png", width=200, height=120, scale=1)


def test_png_default_scale_is_print_quality(warm, small_plan):
    fig = timeline(small_plan, today=date(2026, 5, 20))
    img = _image(figure_bytes(fig, "png"))
    assert DEFAULT_SCALE == 2
    assert img.size == (fig.layout.width * 2, fig.layout.height * 2)
    assert img.width >= 2000
    assert _ink_share(img) > 0.05


def test_svg_and_pdf_bytes(warm, small_plan):
    fig = timeline(small_plan, today=date(2026, 5, 20))
    svg = figure_bytes(fig, "svg").decode("utf-8")
    assert svg.lstrip().startswith("<svg") or "<svg" in svg[:500]
    assert "测试党支部2026年度党建工作计划" in svg
    assert "一季度" in svg and "12月" in svg
    assert figure_bytes(fig, "pdf").startswith(b"%PDF")


def test_very_tall_figures_get_a_smaller_scale(warm, monkeypatch):
    import planviz.export as export

    monkeypatch.setattr(export, "MAX_SIDE_PX", 1000)
    img = _image(figure_bytes(_swatch("#00FF00", "很高的图"), "png", width=600, height=800))
    assert img.size == (750, 1000)  # scale 2 lowered to 1.25


def test_unknown_format_is_a_chinese_error():
    with pytest.raises(PlanError, match="不支持的导出格式"):
        figure_bytes(go.Figure(), "jpg")
    with pytest.raises(PlanError, match="不支持的导出格式"):
        dot_bytes("digraph { a }", "gif")


def test_concurrent_exports_each_get_their_own_image(warm):
    """4 threads × 3 figures at once: every caller receives the size and colour it asked for."""
    jobs = {}
    for t in range(4):
        for k in range(3):
            n = t * 3 + k
            color = (40 + 17 * n, 200 - 13 * n, (90 * n) % 256)
            jobs[(t, k)] = ("#%02X%02X%02X" % color, color, 300 + 10 * n, 200 + 6 * n)
    results: dict[tuple[int, int], bytes] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker(t: int) -> None:
        try:
            start.wait()
            for k in range(3):
                hexcolor, _, width, height = jobs[(t, k)]
                results[(t, k)] = figure_bytes(_swatch(hexcolor, f"线程{t}图{k}"), "png", width=width,
                                               height=height, scale=1)
        except BaseException as exc:  # surfaced below, in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert len(results) == 12
    for key, (_, rgb, width, height) in jobs.items():
        img = _image(results[key])
        assert img.size == (width, height), key
        assert img.getpixel((3, 3)) == rgb, key
        assert img.getpixel((width - 4, height - 4)) == rgb, key


def test_mindmap_png_and_svg_with_chinese(small_plan):
    graph = mindmap(small_plan)
    img = _image(dot_bytes(graph, "png", dpi=96))
    assert img.width > 300 and img.height > 300
    assert _ink_share(img) > 0.02
    svg = dot_bytes(graph, "svg").decode("utf-8")
    assert "测试党支部" in svg and "深入学习贯彻全会精神" in svg
    assert 'font-family="Noto Sans CJK SC' in svg


def test_broken_dot_source_is_a_chinese_error():
    with pytest.raises(PlanError, match="思维导图渲染失败"):
        dot_bytes("digraph { a -> }", "svg")
