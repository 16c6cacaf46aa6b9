"""Static export: the only module that runs kaleido (plotly → PNG/SVG/PDF) or graphviz's `dot`."""
from __future__ import annotations

import atexit
import math
import subprocess
import threading

import graphviz
import plotly.graph_objects as go
import plotly.io as pio

from .model import PlanError

FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH, DEFAULT_HEIGHT = 1200, 700
DEFAULT_SCALE = 2  # print quality: pixels = layout size × 2
# Chromium returns broken bytes, not an error, for screenshots much taller than this (seen at 70,000 px).
MAX_SIDE_PX = 32_000
_MAGIC = {"png": (b"\x89PNG",), "svg": (b"<svg", b"<?xml"), "pdf": (b"%PDF",)}

# kaleido's sync server is not thread-safe (images go to the wrong caller), and streamlit
# serves each session on its own thread: every export goes through this lock.
_LOCK = threading.Lock()
_server_started = False


def _ensure_server() -> None:
    """Start kaleido's persistent browser once per process, so later exports cost ~0.2 s, not ~2 s."""
    global _server_started
    if _server_started:
        return
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    pio.defaults.headers = None  # with the server on, silences a per-call warning
    _server_started = True


def _stop_server() -> None:
    global _server_started
    if _server_started:
        import kaleido

        try:
            kaleido.stop_sync_server(silence_warnings=True)
        except Exception:  # at interpreter exit the browser may already be gone
            pass
        _server_started = False


atexit.register(_stop_server)


def _format_of(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise PlanError(f"不支持的导出格式「{fmt}」，请选择 PNG、SVG 或 PDF")
    return fmt


# What a crashed, hung or missing browser raises (choreographer's errors derive from these).
_BROWSER_ERRORS = (RuntimeError, OSError, TimeoutError)


def _render(fig: go.Figure, fmt: str, width: int | None, height: int | None, scale: float | None) -> bytes:
    """One kaleido export; call with ``_LOCK`` held. A browser that died gets one fresh restart."""
    width = int(width or fig.layout.width or DEFAULT_WIDTH)
    height = int(height or fig.layout.height or DEFAULT_HEIGHT)
    # a very tall figure gets a smaller scale rather than a broken image
    scale = min(scale or DEFAULT_SCALE, MAX_SIDE_PX / width, MAX_SIDE_PX / height)
    opts = dict(format=fmt, width=width, height=height, scale=scale)
    failure: Exception | None = None
    for _ in range(2):
        try:
            _ensure_server()
            data = pio.to_image(fig, **opts)
            if not data.lstrip()[:5].startswith(_MAGIC[fmt]):
                raise PlanError("图片导出失败：图表过大，请按板块筛选或减少显示的条目后再导出")
            return data
        except _BROWSER_ERRORS as exc:
            _stop_server()  # the next round starts a fresh browser
            failure = exc
    raise PlanError(f"图片导出失败（{type(failure).__name__}），请确认已安装 Chromium 浏览器后重试") from failure


def figure_bytes(fig: go.Figure, fmt: str = "png", width: int | None = None, height: int | None = None,
                 scale: float | None = None) -> bytes:
    """Render a plotly figure to image bytes with one shared browser, serialized across threads.

    Size defaults to the figure's layout (else 1200×700); ``scale`` defaults to 2, so a PNG is
    print quality (a 1200-wide figure gives 2400 pixels), lowered so no side exceeds 32,000 pixels.
    """
    fmt = _format_of(fmt)
    with _LOCK:
        return _render(fig, fmt, width, height, scale)


def _run_graphviz(prog: str, fmt: str, source: str, extra: list[str], timeout: float) -> bytes:
    try:
        done = subprocess.run([prog, f"-T{fmt}", *extra], input=source.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)
    except FileNotFoundError as exc:
        raise PlanError("未找到 Graphviz（dot 命令），请先安装 graphviz") from exc
    except subprocess.TimeoutExpired as exc:
        raise PlanError("思维导图过大，渲染超时，请减少层级或按板块拆分后再导出") from exc
    if done.returncode != 0 or not done.stdout:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise PlanError(f"思维导图渲染失败：{detail[0] if detail else '未知错误'}")
    return done.stdout


# Small maps are rendered at a higher dpi so a PNG is print-size; the cap keeps huge maps sane.
MAX_DOT_DPI = 600


def dot_bytes(graph: graphviz.Digraph | graphviz.Graph | str, fmt: str = "png", dpi: int | None = None,
              engine: str | None = None, timeout: float = 60, min_width: int | None = None) -> bytes:
    """Render DOT source with graphviz's ``dot`` (or ``engine``) to image bytes.

    With ``min_width`` (PNG only) the dpi is raised, up to MAX_DOT_DPI, until the image is at least
    that many pixels wide: a small map still prints sharp.
    """
    fmt = _format_of(fmt)
    source = graph if isinstance(graph, str) else graph.source
    prog = engine or (graph.engine if not isinstance(graph, str) else "dot")
    if fmt == "png" and min_width:
        # -Tplain's first line is "graph <scale> <width in inches> <height in inches>".
        head = _run_graphviz(prog, "plain", source, [], timeout).split(b"\n", 1)[0].split()
        width_in = float(head[2]) if len(head) >= 4 else 0
        if width_in > 0:
            dpi = min(MAX_DOT_DPI, max(dpi or 96, math.ceil(min_width / width_in)))
    extra = [f"-Gdpi={dpi}"] if dpi and fmt == "png" else []
    return _run_graphviz(prog, fmt, source, extra, timeout)
