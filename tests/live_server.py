"""`streamlit run app.py` on a free local port, for the browser tests and the browser bench."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(proc: subprocess.Popen, url: str, log: IO[bytes], limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            return
        except OSError:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError("streamlit 未能启动：" + log.read().decode("utf-8", "replace")[-2000:])
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit 在 {limit:.0f} 秒内未就绪")
            time.sleep(0.3)


def _stop(proc: subprocess.Popen) -> None:
    """Terminate the server's process group; kill it if it lingers."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@contextmanager
def streamlit_server(script: Path | str = "app.py") -> Iterator[str]:
    """``script`` (default: the app) served on 127.0.0.1 (yields its base URL); stopped on exit, children too.

    Raises RuntimeError (with the end of streamlit's stderr) when the server exits or is not
    healthy within 60 s.
    """
    port = _free_port()
    # Its own process group, so the parser children it starts stop with it. stderr goes to a file, not
    # a pipe nobody reads while it runs: a full pipe would block the server mid-run.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_healthy(proc, url, log)
            yield url
        finally:
            _stop(proc)
