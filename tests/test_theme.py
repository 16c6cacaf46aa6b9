"""Theme: colours, template, fonts and CJK wrapping."""
import subprocess
import sys

import plotly.graph_objects as go
import plotly.io as pio

from planviz import theme
from planviz.charts.template import apply_theme


def test_dimension_colours_fixed_and_positional_for_custom_names():
    assert theme.dimension_color("高度") == theme.PARTY_RED
    custom = ("政治", "理论", "规范", "关爱", "品牌", "业务")
    assert theme.dimension_color("关爱", custom) == theme.DIMENSION_COLORS["温度"]
    assert len(set(theme.dimension_colors().values())) == 6
    assert theme.dimension_color(None) == theme.UNKNOWN_COLOR


def test_status_colours_cover_all_statuses():
    assert set(theme.STATUS_COLORS) == set(theme.STATUSES)


def test_apply_theme_ignores_default_template():
    old = pio.templates.default
    try:
        pio.templates.default = "plotly_dark"  # what an import of streamlit does to the default
        fig = apply_theme(go.Figure(go.Bar(x=[1], y=[1])))
        assert fig.layout.template.layout.paper_bgcolor == "#FFFFFF"
        assert "Noto Sans CJK SC" in fig.layout.font.family
    finally:
        pio.templates.default = old


def test_theme_is_pure_and_template_takes_its_red_from_it():
    code = "import sys, planviz.theme, planviz.template, planviz.stats; print('plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    import planviz.template as template
    assert not hasattr(template, "PARTY_RED")
    assert template.HEADER_FILL.fgColor.rgb.endswith(theme.PARTY_RED.lstrip("#"))


def test_today_line_colour_is_used_by_no_dimension_status_or_lever():
    used = set(theme.DIMENSION_COLORS.values()) | set(theme.EXTRA_DIMENSION_COLORS) | set(
        theme.STATUS_COLORS.values()) | set(theme.LEVER_COLORS.values())
    assert theme.TODAY_COLOR not in used


def test_neutral_palette_differs():
    assert theme.palette("neutral").primary != theme.palette("party").primary
    assert theme.palette("无此配色") == theme.palette("party")


def test_display_width_counts_cjk_as_two():
    assert theme.display_width("党建ab") == 6
    assert theme.display_width("３月") == 4


def test_wrap_text_respects_width_and_punctuation():
    text = "学习贯彻党的二十届四中全会精神，开展专题研讨ABC活动。"
    lines = theme.wrap_text(text, 12)
    assert "".join(lines) == text
    assert all(theme.display_width(line) <= 14 for line in lines)  # closing punctuation may hang
    assert not any(line[0] in "，。" for line in lines)


def test_wrap_text_keeps_latin_words_and_limits_lines():
    lines = theme.wrap_text("开展 Party building 主题活动", 10)
    assert any("building" in line for line in lines)
    cut = theme.wrap_text("一二三四五六七八九十" * 3, 10, max_lines=2)
    assert len(cut) == 2 and cut[-1].endswith("…")


def test_truncate():
    assert theme.truncate("学习贯彻党的二十届", 10) == "学习贯彻…"
    assert theme.truncate("短", 10) == "短"


def test_font_file_is_cjk():
    assert theme.font_file().endswith(".ttc")


def test_opening_marks_never_end_a_line_and_quotes_count_wide():
    assert theme.display_width("“党”") == 6
    lines = theme.wrap_text("开展主题党日“红色教育”活动", 12)
    assert "".join(lines) == "开展主题党日“红色教育”活动"
    assert not any(line.endswith("“") for line in lines)


def test_wrap_measured_by_pixels_matches_columns_when_measure_is_columns():
    text = "学习贯彻党的二十届四中全会精神"
    assert theme.wrap_measured(text, 10, theme.display_width) == theme.wrap_text(text, 10)
    assert theme.wrap_measured(text, 100, lambda s: 10 * len(s)) == ["学习贯彻党的二十届四", "中全会精神"]
