"""Two small browser scripts: Streamlit's own English words in Chinese, and presentation-clicker keys."""
from __future__ import annotations

import json

import streamlit as st

# Streamlit's own English that a user can meet: dialogs (an old or mistyped link), the multiselect's
# “Select all”, the data tables' toolbar, column menu and tooltips. Matched on a whole text or attribute.
UI_WORDS = {
    "Page not found": "页面不存在",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "您要打开的页面不存在，已为您打开首页（一页纸总览）。",
    "Select all": "全选", "Clear all": "全部清除", "Clear": "清除", "No results": "没有匹配的选项",
    "No options to select": "没有可选的内容", "Show/hide columns": "显示/隐藏列", "Download as CSV": "下载为 CSV",
    "Search": "搜索", "Fullscreen": "全屏", "Close fullscreen": "退出全屏", "Add row": "添加一行",
    "Delete row(s)": "删除所选行", "Sort ascending": "升序排列", "Sort descending": "降序排列",
    "Pin column": "固定此列", "Unpin column": "取消固定", "Hide column": "隐藏此列", "Autosize": "自动列宽",
    "Format": "格式", "Copy": "复制", "Type to search": "输入以搜索", "Choose an option": "请选择",
    "Close": "关闭", "Remove file": "移除文件", "Reset all": "全部重置", "Exit fullscreen": "退出全屏",
}
# Labels Streamlit builds as “Fullscreen: <caption>”: the English head is replaced, the rest kept.
UI_PREFIXES = {"Fullscreen: ": "全屏查看：", "Exit fullscreen: ": "退出全屏：", "Close fullscreen: ": "退出全屏："}

_WORDS_JS = """
export default function(component) {
  const words = %(words)s;
  const prefixes = Object.entries(%(prefixes)s);
  const say = (v) => {
    const t = v.trim();
    if (words[t]) return words[t];
    for (const [head, zh] of prefixes) if (t.startsWith(head)) return zh + t.slice(head.length);
    return null;
  };
  const ATTRS = ['aria-label', 'title', 'placeholder'];
  const fix = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.nodeValue.trim(), zh = t && say(t);
      if (zh) n.nodeValue = n.nodeValue.replace(t, zh);
    }
    const els = root.querySelectorAll ? [root, ...root.querySelectorAll('[aria-label], [title], [placeholder]')] : [];
    for (const el of els) {
      for (const a of ATTRS) {
        const v = el.getAttribute && el.getAttribute(a), zh = v && say(v);
        if (zh) el.setAttribute(a, zh);
      }
    }
  };
  const observer = new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === 'childList') c.addedNodes.forEach((n) => fix(n.nodeType === 3 ? n.parentNode || n : n));
      else if (c.type === 'characterData') fix(c.target.parentNode || document.body);
      else fix(c.target);
    }
  });
  observer.observe(document.body, {childList: true, subtree: true, characterData: true,
                                   attributes: true, attributeFilter: ATTRS});
  fix(document.body);
  return () => observer.disconnect();
}
""" % {"words": json.dumps(UI_WORDS, ensure_ascii=False), "prefixes": json.dumps(UI_PREFIXES, ensure_ascii=False)}

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
def _words():
    return st.components.v2.component("planviz_ui_words", js=_WORDS_JS, isolate_styles=False)


@st.cache_resource
def _clicker():
    return st.components.v2.component("planviz_clicker_keys", js=_CLICKER_JS, isolate_styles=False)


def chinese_words() -> None:
    """Put Streamlit's own English (dialogs, “Select all”, table toolbars) into Chinese; mounted once per run."""
    _words()(key="pv_ui_words")


def clicker_keys(prev_key: str, next_key: str) -> None:
    """PageUp / PageDown press the buttons whose widget keys are ``prev_key`` / ``next_key``."""
    _clicker()(key="pv_clicker_keys", data={"prev": prev_key, "next": next_key})
