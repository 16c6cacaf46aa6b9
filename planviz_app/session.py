"""The plan in use across a refresh and new tabs: a random token in a browser cookie → a server-side entry that expires.

The token is 192 random bits made on the server, so nobody can produce another browser's; the entry lives
only in this process (bounded, dropped after TTL seconds unused), and nothing is keyed by file name or content.
"""
from __future__ import annotations

import re
import secrets
import threading
import time
from collections import OrderedDict

import streamlit as st

COOKIE = "pv_session"
TOKEN_KEY = "pv_token"
TTL = 12 * 3600  # a working day: the plan survives a lunch break, not a week on a shared PC
MAX_ENTRIES = 64  # each entry holds a plan and its file (≤ 50 MB): oldest go first
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


class Store:
    """A thread-safe mapping token → value, at most ``max_entries`` long, entries expiring ``ttl`` s after last use."""

    def __init__(self, ttl: float = TTL, max_entries: int = MAX_ENTRIES, clock=time.monotonic):
        self._ttl, self._max, self._clock = ttl, max_entries, clock
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._entries and next(iter(self._entries.values()))[0] + self._ttl < now:
            self._entries.popitem(last=False)

    def get(self, token: str):
        """The value kept for ``token`` (its clock restarts), or None."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            if token not in self._entries:
                return None
            value = self._entries.pop(token)[1]
            self._entries[token] = (now, value)
            return value

    def put(self, token: str, value) -> None:
        with self._lock:
            now = self._clock()
            self._entries.pop(token, None)
            self._entries[token] = (now, value)
            self._expire(now)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def drop(self, token: str) -> None:
        with self._lock:
            self._entries.pop(token, None)

    def __len__(self) -> int:
        return len(self._entries)


@st.cache_resource
def store() -> Store:
    """The one store of this server process."""
    return Store()


def browser_token() -> str | None:
    """The token this browser sent in its cookie, when it has a well-formed one."""
    value = st.context.cookies.get(COOKIE, "")
    return value if isinstance(value, str) and _TOKEN.fullmatch(value) else None  # AppTest has no cookies


def token() -> str:
    """This session's token: the browser's own, else a new random one (written to the cookie by ``remember``)."""
    if TOKEN_KEY not in st.session_state:
        st.session_state[TOKEN_KEY] = browser_token() or secrets.token_urlsafe(24)
    return st.session_state[TOKEN_KEY]


_COOKIE_JS = """
export default function(component) {
  const { data } = component;
  if (!data || !data.token) return;
  const wanted = '%(name)s=' + data.token;
  if (!document.cookie.split('; ').includes(wanted)) {
    document.cookie = wanted + '; path=/; max-age=%(ttl)d; SameSite=Strict';
  }
}
""" % {"name": COOKIE, "ttl": TTL}


@st.cache_resource
def _cookie_writer():
    return st.components.v2.component("planviz_session_cookie", js=_COOKIE_JS, isolate_styles=False)


def remember() -> None:
    """Keep this session's token in the browser's cookie (mounted once per run, in the sidebar)."""
    _cookie_writer()(key="pv_session_cookie", data={"token": token()})
