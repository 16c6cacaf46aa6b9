"""Static export: the only module that runs kaleido (plotly → PNG/SVG/PDF) or graphviz's `dot`."""
from __future__ import annotations

import atexit
import subprocess
import threading
from typing import Iterable

import graphviz
import plotly.graph_objects as go
import plotly.io as pio

from .model import PlanError

FORMATS = ("png", "svg", "pdf")

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
    atexit.register(_stop_server)
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


def _format_of(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise PlanError(f"不支持的导出格式「{fmt}」，请选择 PNG、SVG 或 PDF")
    return fmt


def figure_bytes(fig: go.Figure, fmt: str = "png", width: int | None = None, height: int | None = None,
                 scale: float | None = None) -> bytes:
    """Render a plotly figure to image bytes with one shared browser, serialized across threads."""
    fmt = _format_of(fmt)
    width = int(width or fig.layout.width or 1200)
    height = int(height or fig.layout.height or 700)
    with _LOCK:
        _ensure_server()
        return pio.to_image(fig, format=fmt, width=width, height=height, scale=scale or 1)


def figures_bytes(figs: Iterable[tuple[go.Figure, dict]], fmt: str = "png") -> list[bytes]:
    """Render several figures in one locked pass; each entry is (figure, {width, height, scale})."""
    fmt = _format_of(fmt)
    out = []
    with _LOCK:
        _ensure_server()
        for fig, opts in figs:
            out.append(pio.to_image(fig, format=fmt, width=int(opts.get("width") or fig.layout.width or 1200),
                                    height=int(opts.get("height") or fig.layout.height or 700),
                                    scale=opts.get("scale") or 1))
    return out


def dot_bytes(graph: graphviz.Digraph | graphviz.Graph | str, fmt: str = "png", dpi: int | None = None,
              engine: str | None = None, timeout: float = 60) -> bytes:
    """Render DOT source with graphviz's ``dot`` (or ``engine``) to image bytes."""
    fmt = _format_of(fmt)
    source = graph if isinstance(graph, str) else graph.source
    prog = engine or (graph.engine if not isinstance(graph, str) else "dot")
    cmd = [prog, f"-T{fmt}"]
    if dpi and fmt == "png":
        cmd.append(f"-Gdpi={dpi}")
    try:
        done = subprocess.run(cmd, input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError as exc:
        raise PlanError("未找到 Graphviz（dot 命令），请先安装 graphviz") from exc
    except subprocess.TimeoutExpired as exc:
        raise PlanError("思维导图过大，渲染超时，请减少层级或按板块拆分后再导出") from exc
    if done.returncode != 0 or not done.stdout:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise PlanError(f"思维导图渲染失败：{detail[0] if detail else '未知错误'}")
    return done.stdout
