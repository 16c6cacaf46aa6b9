"""The overview page's brief controls: format, edition with its as-of date, grouping; the main button's label."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def labels(monkeypatch):
    """key → (label, type) of every download button of a run."""
    seen: dict[str, tuple[str, str]] = {}
    real = st.download_button

    def record(label, data, *args, **kwargs):
        seen[kwargs.get("key")] = (label, kwargs.get("type", "secondary"))
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", record)
    return seen


def test_overview_offers_editions_grouping_and_a_main_button_for_the_chosen_format(labels):
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("pages/overview.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="ov_edition").options == ["计划版（年初印发，无进度）", "进度版（截至某日的进度）"]
    assert at.radio(key="ov_group").value == "section"
    assert labels["ov_png"] == ("下载 A4 图片 PNG", "primary")
    at.radio(key="ov_edition").set_value("plan").run()
    assert not [d for d in at.date_input if d.key == "ov_as_of"]  # the plan edition has no as-of day
    at.radio(key="ov_edition").set_value("progress").run()
    at.date_input(key="ov_as_of").set_value(date(2026, 6, 30)).run()
    at.radio(key="ov_group").set_value("dimension").run()
    at.radio(key="ov_fmt").set_value("slide").run()
    assert not at.exception, [e.value for e in at.exception]
    assert labels["ov_slide"] == ("下载 16:9 幻灯片 PNG", "primary")
    assert labels["ov_png"][1] != "primary"
