"""Mind map: DOT structure by depth and grouping, colours, hostile labels, big plans."""
from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from planviz import theme
from planviz.charts import build_chart
from planviz.charts.mindmap import mindmap, section_mindmaps
from planviz.stats import UNGROUPED, plan_groups
from planviz.export import dot_bytes
from planviz.model import Item, Plan

NODE = re.compile(r"^\s*(n\d+) \[label=<(.*)> (.*)\]$")
EDGE = re.compile(r"^\s*(n\d+) -> (n\d+)")


def parse(graph) -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
    """(node id → visible label text, node id → attribute text, edges) of a mind map."""
    labels, attrs, edges = {}, {}, []
    for line in graph.body:
        if m := EDGE.match(line):
            edges.append((m.group(1), m.group(2)))
        elif m := NODE.match(line):
            labels[m.group(1)] = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
            attrs[m.group(1)] = m.group(3)
    return labels, attrs, edges


def node_of(labels: dict[str, str], text: str) -> str:
    found = [nid for nid, label in labels.items() if text in label]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("depth, count", [(1, 4), (2, 11), (3, 15)])
def test_node_count_by_depth(small_plan, depth, count):
    # root + 3 groups (政治建设, 组织建设, 未分类) + 7 top-level items + 4 tasks
    labels, _, edges = parse(mindmap(small_plan, depth=depth))
    assert len(labels) == count
    assert len(edges) == count - 1  # a tree


def test_edges_run_root_group_project_task(small_plan):
    labels, _, edges = parse(mindmap(small_plan))
    root = node_of(labels, "测试党支部2026年度党建工作计划")
    assert "测试品牌" in labels[root]  # the slogan under the title
    politics = node_of(labels, "政治建设")
    p1 = node_of(labels, "深入学习贯彻全会精神")
    t1 = node_of(labels, "制定学习计划")
    organization = node_of(labels, "组织建设")
    loose_task = node_of(labels, "支部档案整理")
    assert {(root, politics), (politics, p1), (p1, t1), (organization, loose_task)} <= set(edges)


def test_items_without_section_or_dimension_go_under_ungrouped(small_plan):
    labels, _, edges = parse(mindmap(small_plan))
    ungrouped = node_of(labels, UNGROUPED)
    assert (ungrouped, node_of(labels, "国庆主题活动")) in edges
    by_dimension = parse(mindmap(small_plan, group_by="dimension"))
    assert (node_of(by_dimension[0], UNGROUPED), node_of(by_dimension[0], "国庆主题活动")) in by_dimension[2]


def test_nothing_is_dropped(plan):
    labels, _, _ = parse(mindmap(plan, max_children=1000))
    text = "\n".join(labels.values()).replace("\n", "")
    for item in plan.items:
        head = item.title[:6]
        assert head in text, item.title
    grouped = sum(1 + len(b.tasks) for g in plan_groups(plan) for b in g.branches)
    assert grouped == len(plan.projects) + len(plan.tasks)


def test_group_by_dimension_lists_every_dimension_in_order(small_plan):
    groups = plan_groups(small_plan, "dimension")
    assert [g.name for g in groups] == ["高度", "深度", "精度", "温度", "亮度", "融合度", UNGROUPED]
    assert [b.item.id for b in groups[2].branches] == ["P3", "T6"]
    labels, attrs, _ = parse(mindmap(small_plan, group_by="dimension", depth=1))
    empty = node_of(labels, "亮度")
    assert "暂无项目" in labels[empty] and "dashed" in attrs[empty]
    assert f'fillcolor="{theme.dimension_color("深度")}"' in attrs[node_of(labels, "深度")]


def test_projects_coloured_by_dimension_and_highlights_in_gold(small_plan):
    labels, attrs, _ = parse(mindmap(small_plan))
    p2 = attrs[node_of(labels, "每月集中学习")]
    assert f'color="{theme.dimension_color("深度")}"' in p2
    p3 = attrs[node_of(labels, "发展党员")]
    assert f'color="{theme.dimension_color("精度")}"' in p3
    highlight = node_of(labels, "深入学习贯彻全会精神")
    assert labels[highlight].startswith("★")
    assert f'color="{theme.GOLD}"' in attrs[highlight]


def test_status_and_progress_shown_on_projects(small_plan):
    labels, _, _ = parse(mindmap(small_plan))
    p1 = labels[node_of(labels, "深入学习贯彻全会精神")]
    assert "进行中" in p1 and "35%" in p1 and "张三" in p1
    assert "延期" in labels[node_of(labels, "发展党员")]


def test_cjk_font_named_on_graph_node_and_edge(small_plan):
    source = mindmap(small_plan).source
    for kind in ("graph", "node", "edge"):
        assert re.search(rf'^\s*{kind} \[.*fontname="{theme.FONT_FAMILY}"', source, re.M), kind


def test_labels_wrapped_by_display_width(small_plan):
    long_title = "加强和改进新时代党员教育管理工作推动全面从严治党向纵深发展"
    items = [*small_plan.items, Item("P9", long_title, parent="S1", section="政治建设", dimension="高度")]
    graph = mindmap(small_plan.with_items(items), depth=2, label_width=16)
    row = next(line for line in graph.body if "加强和改进" in line)
    cells = [html.unescape(c) for c in re.findall(r"<TD>(?:<[^>]+>)*([^<]*)", row) if c.strip()]
    title_lines = [c for c in cells if "●" not in c and "进行中" not in c and "未开始" not in c][:3]
    assert len(title_lines) == 3
    assert all(theme.display_width(c) <= 16 for c in title_lines)


def test_layouts_choose_the_engine(small_plan):
    assert mindmap(small_plan).engine == "dot"
    assert 'rankdir=LR' in mindmap(small_plan).source
    radial = mindmap(small_plan, layout="radial")
    assert radial.engine == "twopi" and "root=n1" in radial.source
    assert dot_bytes(radial, "svg").startswith(b"<?xml")


def test_bad_options_are_refused(small_plan):
    for options in ({"group_by": "owner"}, {"depth": 4}, {"layout": "circle"}):
        with pytest.raises(ValueError):
            mindmap(small_plan, **options)


HOSTILE = '"引号" \\反斜杠 <尖括号> {花括号} |竖线 &符号'


def test_hostile_labels_render_and_survive(small_plan):
    nasty = [replace(i, title=HOSTILE + "\n第二行" if i.id in ("S1", "P1", "T1") else i.title,
                     owners=("张\\三<b>",) if i.id == "P1" else i.owners)
             for i in small_plan.items]
    nasty = [replace(i, section=HOSTILE) if i.parent == "S1" or i.id == "S1" else i for i in nasty]
    hostile_plan = small_plan.replace(items=tuple(nasty), title=HOSTILE + "\t计划")
    for layout in ("tree", "radial"):
        graph = mindmap(hostile_plan, label_width=80, layout=layout)
        svg = html.unescape(dot_bytes(graph, "svg").decode("utf-8"))
        for part in ('"引号"', "\\反斜杠", "<尖括号>", "{花括号}", "|竖线", "&符号"):
            assert svg.count(part) >= 4, (layout, part)  # root, section, project and task
        assert "第二行" in svg and "张\\三<b>" in svg
    maps = section_mindmaps(hostile_plan, label_width=80)
    assert dot_bytes(maps[0][1], "svg")


def test_big_plan_collapses_and_stays_legible(plan_factory):
    big = plan_factory(300)
    labels, _, edges = parse(mindmap(big))
    folded = [label for label in labels.values() if label.startswith("另有")]
    assert folded and len(labels) <= 150
    assert len(edges) == len(labels) - 1
    # every item is still counted: shown nodes plus the folded numbers cover all of them
    hidden = sum(int(n) for label in folded for n in re.findall(r"\d+", label))
    assert len(labels) - 1 - len(plan_groups(big)) - len(folded) + hidden == len(big.projects) + len(big.tasks)
    png = dot_bytes(mindmap(big), "png", dpi=72)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_max_children_folds_the_rest(small_plan):
    labels, _, edges = parse(mindmap(small_plan, max_children=2, depth=2))
    organization = node_of(labels, "组织建设")
    more = node_of(labels, "另有 3 项")  # 组织建设 has 4 items: 1 shown, 3 folded
    assert (organization, more) in edges


def test_section_mindmaps_split_a_big_plan(plan_factory, small_plan):
    names = [name for name, _ in section_mindmaps(small_plan)]
    assert names == ["政治建设", "组织建设", UNGROUPED]
    big = plan_factory(300)
    maps = section_mindmaps(big, max_children=1000)
    assert len(maps) == 6
    shown = sum(len(parse(g)[0]) - 1 for _, g in maps)  # minus each map's root
    assert shown == len(big.projects) + len(big.tasks)
    labels, _, _ = parse(maps[0][1])
    assert "生成测试党委" in labels["n1"] and maps[0][0] in labels["n1"]


def test_build_chart_dispatches_with_palette(small_plan):
    graph = build_chart(small_plan, "mindmap", palette="neutral")
    assert f'fillcolor="{theme.palette("neutral").primary}"' in graph.source


def test_empty_plan_has_root_and_ungrouped():
    labels, _, edges = parse(mindmap(Plan(year=2026)))
    assert len(labels) == 2 and UNGROUPED in labels["n2"] and edges == [("n1", "n2")]
