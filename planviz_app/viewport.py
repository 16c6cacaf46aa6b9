"""The browser window's size and the main column's width, reported by a small script, for sizing charts."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

KEY = "pv_viewport"
# A change smaller than this (pixels) is not reported: a scrollbar coming and going must not rerun the page.
TOLERANCE = 24

_JS = """
export default function(component) {
  const { setStateValue, data } = component;
  const known = data || {};
  const measure = () => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    let content = 0;
    if (main) {
      const css = getComputedStyle(main);
      content = Math.round(main.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight));
    }
    return {width: window.innerWidth, height: window.innerHeight, content: content};
  };
  const far = (a, b) => Math.abs((a || 0) - (b || 0)) >= %(tolerance)d;
  let timer = null;
  const report = () => {
    const size = measure();
    if (far(size.width, known.width) || far(size.height, known.height) || far(size.content, known.content)) {
      Object.assign(known, size);
      setStateValue('size', size);
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  window.addEventListener('resize', later);
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const observer = main ? new ResizeObserver(later) : null;  // the sidebar opening changes the column
  if (observer) observer.observe(main);
  later();
  return () => {
    window.removeEventListener('resize', later);
    if (observer) observer.disconnect();
    clearTimeout(timer);
  };
}
""" % {"tolerance": TOLERANCE}


@dataclass(frozen=True)
class Viewport:
    """Window width and height and the main column's content width, in CSS pixels."""

    width: int
    height: int
    content: int


# Until the browser has reported (and under AppTest): a 1440×900 window with the sidebar open.
DEFAULT = Viewport(1440, 900, 1040)


@st.cache_resource
def _component():
    return st.components.v2.component("planviz_viewport", js=_JS, isolate_styles=False)


def track() -> None:
    """Mount the size reporter (once per run, from app.py); a changed size reruns the page."""
    _component()(key=KEY, data=dict(st.session_state.get(f"{KEY}_known", {})), default={"size": None},
                 on_size_change=_remember)


def _remember() -> None:
    size = st.session_state.get(KEY, {}).get("size")
    if size:
        st.session_state[f"{KEY}_known"] = size


def current() -> Viewport:
    """The last reported size, or DEFAULT."""
    size = st.session_state.get(f"{KEY}_known") or {}
    try:
        width, height, content = int(size["width"]), int(size["height"]), int(size["content"])
    except (KeyError, TypeError, ValueError):
        return DEFAULT
    if width < 320 or height < 240:
        return DEFAULT
    return Viewport(width, height, content if content >= 300 else max(300, width - 400))
