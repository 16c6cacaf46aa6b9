"""Two small browser scripts: Streamlit's English dialogs in Chinese, and presentation-clicker keys."""
from __future__ import annotations

import json

import streamlit as st

# Streamlit's own dialog texts that a user can meet (an old or mistyped link), in Chinese.
DIALOG_WORDS = {
    "Page not found": "页面不存在",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "您要打开的页面不存在，已为您打开首页（一页纸总览）。",
}

_DIALOG_JS = """
export default function(component) {
  const words = %(words)s;
  const translate = () => {
    for (const node of document.querySelectorAll('[role="dialog"] h2, [role="dialog"] div')) {
      if (node.children.length === 0 && words[node.textContent.trim()]) node.textContent = words[node.textContent.trim()];
    }
  };
  const observer = new MutationObserver(translate);
  observer.observe(document.body, {childList: true, subtree: true});
  translate();
  const stop = setTimeout(() => observer.disconnect(), 20000);  // the dialog only comes with the first page
  return () => { observer.disconnect(); clearTimeout(stop); };
}
""" % {"words": json.dumps(DIALOG_WORDS, ensure_ascii=False)}

# Presentation clickers send PageDown/PageUp; the ← → keys are the buttons' own shortcuts.
_CLICKER_JS = """
export default function(component) {
  const { data } = component;
  const press = (event) => {
    const key = {PageDown: data.next, PageUp: data.prev}[event.key];
    if (!key || event.target.closest('input, textarea, [contenteditable="true"]')) return;
    const button = document.querySelector('.st-key-' + key + ' button');
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  };
  document.addEventListener('keydown', press);
  return () => document.removeEventListener('keydown', press);
}
"""


@st.cache_resource
def _dialogs():
    return st.components.v2.component("planviz_dialog_words", js=_DIALOG_JS, isolate_styles=False)


@st.cache_resource
def _clicker():
    return st.components.v2.component("planviz_clicker_keys", js=_CLICKER_JS, isolate_styles=False)


def chinese_dialogs() -> None:
    """Put Streamlit's “Page not found” dialog into Chinese (mounted once per run, in the sidebar)."""
    _dialogs()(key="pv_dialog_words")


def clicker_keys(prev_key: str, next_key: str) -> None:
    """PageUp / PageDown press the buttons whose widget keys are ``prev_key`` / ``next_key``."""
    _clicker()(key="pv_clicker_keys", data={"prev": prev_key, "next": next_key})
