"""Native, editable PowerPoint charts: the six-dimension radar, the status doughnut, completion by section."""
from __future__ import annotations

import math

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import (XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE,
                            XL_TICK_LABEL_POSITION)
from pptx.oxml.ns import qn
from pptx.util import Pt

from .. import theme
from ..charts.radar import radar_values
from ..model import Plan
from ..stats import RADAR_METRICS, plan_groups, status_counts
from ..vocab import STATUSES
from .shapes import resync
from .text import emu, name_fonts, rgb_color

RADAR_METRIC = "projects"  # the presentation mode's radar: projects per dimension


def _chart(slide, kind, data, x, y, w, h, size: float):
    chart = slide.shapes.add_chart(kind, emu(x), emu(y), emu(w), emu(h), data).chart
    resync(slide)
    chart.has_title = False  # the slide's heading names it
    chart.font.size = Pt(size)
    name_fonts(chart.font._rPr)  # axis, legend and label text in the named CJK fonts
    return chart


def radar_chart(slide, plan: Plan, pal: theme.Palette, x, y, w, h, size: float = 14):
    """The radar of projects per dimension: the plotly radar's numbers (charts.radar.radar_values)."""
    values = radar_values(plan, RADAR_METRIC)
    data = CategoryChartData(number_format="0")
    data.categories = list(plan.dimensions)
    data.add_series(RADAR_METRICS[RADAR_METRIC], [values[d] for d in plan.dimensions])
    chart = _chart(slide, XL_CHART_TYPE.RADAR_MARKERS, data, x, y, w, h, size)
    chart.has_legend = False
    top = max(values.values(), default=0)
    axis = chart.value_axis
    step = max(1, math.ceil(top / 4))
    # headroom over the largest value keeps its label clear of the dimension names
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, step * (math.ceil(top * 1.25 / step) or 1), step
    axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE  # the points carry their values
    series = chart.plots[0].series[0]
    series.format.line.color.rgb = rgb_color(pal.primary)
    series.format.line.width = Pt(2.5)
    series.smooth = False
    for n, dim in enumerate(plan.dimensions):
        marker = series.points[n].marker
        marker.style = XL_MARKER_STYLE.CIRCLE
        marker.size = 11
        marker.format.fill.solid()
        marker.format.fill.fore_color.rgb = rgb_color(theme.dimension_color(dim, plan.dimensions))
        marker.format.line.color.rgb = rgb_color("#FFFFFF")
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = '0" 项"'
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(size)
    plot.data_labels.font.bold = True
    name_fonts(plot.data_labels.font._rPr)
    for n, dim in enumerate(plan.dimensions):
        if not values[dim]:  # empty dimensions meet at the centre: their “0 项” would pile up there
            label = plot.data_labels._element.get_or_add_dLbl_for_point(n)
            for child in list(label)[1:]:
                label.remove(child)
            label.append(label.makeelement(qn("c:delete"), {"val": "1"}))
    return chart


def status_chart(slide, plan: Plan, x, y, w, h, size: float = 14):
    """Doughnut of the work items' statuses (the slide draws its key: LibreOffice lays a chart legend over the ring)."""
    counts = status_counts(plan)
    data = CategoryChartData(number_format="0")
    data.categories = list(STATUSES)
    data.add_series("事项数", [counts[s] for s in STATUSES])
    chart = _chart(slide, XL_CHART_TYPE.DOUGHNUT, data, x, y, w, h, size)
    chart.has_legend = False
    for n, status in enumerate(STATUSES):
        point = chart.plots[0].series[0].points[n]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = rgb_color(theme.status_color(status))
    return chart


def section_completion(plan: Plan) -> list[tuple[str, float | None, int]]:
    """(section, mean reported progress of its work items, number of work items) in plan order.

    Work items as in stats.work_items: tasks, and projects without tasks.
    """
    out = []
    for group in plan_groups(plan, "section"):
        work = [t for b in group.branches for t in (b.tasks or (b.item,))]
        reported = [i.progress for i in work if i.progress is not None]  # as Plan.overall_progress
        out.append((group.name, sum(reported) / len(reported) if reported else None, len(work)))
    return out


def completion_chart(slide, rows: list[tuple[str, float | None, int]], labels: list[str], pal: theme.Palette,
                     x, y, w, h, size: float = 14):
    """Bars of completion (percent) by section, first section on top; unreported sections say so."""
    data = CategoryChartData(number_format='0"%"')
    data.categories = labels
    data.add_series("完成率", [round((p or 0) * 100) for _, p, _ in rows])
    chart = _chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, data, x, y, w, h, size)
    chart.has_legend = False
    chart.category_axis.reverse_order = True
    chart.category_axis.format.line.color.rgb = rgb_color(pal.grid)
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, 100, 25
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = rgb_color(pal.grid)
    axis.tick_labels.number_format = '0"%"'
    axis.tick_labels.number_format_is_linked = False
    plot = chart.plots[0]
    plot.gap_width = 60
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = rgb_color(pal.primary)
    plot.has_data_labels = True
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    plot.data_labels.number_format = '0"%"'
    plot.data_labels.number_format_is_linked = False
    for n, (_, progress, _) in enumerate(rows):
        if progress is None:  # a section nobody reported on is not 0 % done
            frame = series.points[n].data_label.text_frame
            frame.text = "未填报"
            name_fonts(frame.paragraphs[0].runs[0]._r.get_or_add_rPr())
    return chart
