"""Mind map of a plan (graphviz): plan → sections or dimensions → projects → tasks."""
from __future__ import annotations

import html
import re

import graphviz

from .. import theme
from ..model import Item, Plan
from ..stats import Branch, Group, effective_status, item_dimension, percent, plan_groups, when_text
from .style import tint

GROUP_BYS = ("section", "dimension")
LAYOUTS = {"tree": "dot", "radial": "twopi"}
# Above this many nodes a map is collapsed automatically (max_children=None), to stay legible.
AUTO_COLLAPSE_NODES = 150
AUTO_MAX_CHILDREN = 8
# Control characters, bidi overrides (they reverse the text after them), lone surrogates and non-characters.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
TOOLTIP_CHARS = 300  # graphviz refuses quoted strings over 16,384 characters; a tooltip needs far fewer


# -- drawing ----------------------------------------------------------------------
def _clean(text: str) -> str:
    return _CONTROL_CHARS.sub("", str(text))


def _wrap(text: str, width: int, max_lines: int | None = None) -> list[str]:
    """``text`` wrapped by display width into balanced lines (no lone last character)."""
    text = _clean(text)[:width * (max_lines or 8) * 2 + 1]  # enough for the lines drawn; “…” still shows a cut
    full = theme.wrap_text(text, width)
    if len(full) > 1 and (max_lines is None or len(full) <= max_lines):
        balanced = theme.wrap_text(text, -(-theme.display_width(text) // len(full)) + 1)
        return balanced if len(balanced) == len(full) else full
    return theme.wrap_text(text, width, max_lines=max_lines) or [""]


def _rows(lines: list[str], size: int | None = None, color: str | None = None, bold: bool = False) -> str:
    """Table rows, one per line: graphviz crowds CJK lines joined with <BR/>."""
    out = []
    for line in lines:
        text = html.escape(line, quote=False) or " "
        if bold:
            text = f"<B>{text}</B>"
        font = "".join((f' POINT-SIZE="{size}"' if size else "", f' COLOR="{color}"' if color else ""))
        if font:
            text = f"<FONT{font}>{text}</FONT>"
        out.append(f"<TR><TD>{text}</TD></TR>")
    return "".join(out)


def _table(rows: str) -> str:
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{rows}</TABLE>'


def _limit(children: tuple, cap: int | None) -> tuple[tuple, int]:
    """The children to draw and how many are folded into one “另有 N 项” node."""
    if cap is None or len(children) <= cap:
        return children, 0
    keep = max(1, cap - 1)
    return children[:keep], len(children) - keep


def _tooltip(*parts: str) -> str:
    """A plain tooltip; graphviz.escape keeps backslashes and <…> literal."""
    text = _clean(" · ".join(p for p in parts if p)).replace("\n", " ").replace("\r", " ")
    return graphviz.escape(theme.truncate(text[:TOOLTIP_CHARS + 1], TOOLTIP_CHARS))


class _Builder:
    """Collects nodes and edges of one mind map; node ids are generated, never user text."""

    def __init__(self, plan: Plan, engine: str, label_width: int, palette_name: str, max_children: int | None):
        self.plan = plan
        self.by_id = plan.by_id()
        self.pal = theme.palette(palette_name)
        self.label_width = max(4, int(label_width))
        self.max_children = max_children
        self.count = 0
        font = theme.FONT_FAMILY
        self.graph = graphviz.Digraph("mindmap", engine=engine)
        graph_attr = dict(fontname=font, bgcolor=self.pal.background, pad="0.4", charset="UTF-8",
                          outputorder="edgesfirst")
        if engine == "dot":
            graph_attr.update(rankdir="LR", nodesep="0.12", ranksep="0.55", splines="spline")
        else:
            graph_attr.update(overlap="false", splines="true", ranksep="2.2")
        self.graph.attr("graph", **graph_attr)
        self.graph.attr("node", fontname=font, fontsize="12", shape="box", style="rounded,filled",
                        penwidth="1.2", margin="0.14,0.06", color=self.pal.grid, fillcolor=self.pal.background,
                        fontcolor=self.pal.ink)
        self.graph.attr("edge", fontname=font, arrowhead="none", penwidth="1.6", color=self.pal.grid)

    def _id(self) -> str:
        self.count += 1
        return f"n{self.count}"

    def node(self, label: str, **attrs) -> str:
        node_id = self._id()
        self.graph.node(node_id, label=f"<{label}>", **attrs)
        return node_id

    def edge(self, tail: str, head: str, color: str, width: float) -> None:
        self.graph.edge(tail, head, color=color, penwidth=f"{width:g}")

    # nodes by kind
    def root(self, title: str, subtitle: str = "") -> str:
        rows = _rows(_wrap(title, max(self.label_width, 20), 4), bold=True)
        if subtitle:
            rows += _rows(_wrap(subtitle, 28, 2), size=12, color=theme.LIGHT_GOLD)
        return self.node(_table(rows), fontsize="20", fillcolor=self.pal.primary, color=self.pal.accent,
                         penwidth="3", fontcolor="#FFFFFF", margin="0.25,0.15", tooltip=_tooltip(title))

    def group_color(self, group: Group) -> str:
        """A dimension group's colour, else the palette's primary colour."""
        return theme.dimension_color(group.dimension, self.plan.dimensions) if group.dimension else self.pal.primary

    def group(self, group: Group) -> str:
        rows = _rows(_wrap(group.name, self.label_width, 2), bold=True)
        if not group.branches:
            rows += _rows(["暂无项目"], size=10)
        attrs = dict(fontsize="16", margin="0.16,0.08", tooltip=_tooltip(group.name))
        if group.dimension:
            color = self.group_color(group)
            attrs.update(fillcolor=color, color=color, fontcolor="#FFFFFF",
                         style="rounded,filled" + ("" if group.branches else ",dashed"))
        else:
            attrs.update(fillcolor=self.pal.panel, color=self.pal.primary, fontcolor=self.pal.primary, penwidth="2")
        return self.node(_table(rows), **attrs)

    def project(self, item: Item) -> tuple[str, str]:
        """The node of a top-level work item; returns (node id, its dimension colour)."""
        dim = item_dimension(self.plan, item, self.by_id)
        color = theme.dimension_color(dim, self.plan.dimensions)
        status = effective_status(item)
        title = ("★ " if item.highlight else "") + item.title
        facts = [status]
        if item.progress is not None:
            facts.append(percent(item.progress))
        if item.owners:
            facts.append(theme.truncate(item.owner_text[:11], 10))  # cut first: truncate measures the whole text
        status_line = (f'<TR><TD><FONT POINT-SIZE="9" COLOR="{theme.status_color(status)}">●</FONT>'
                       f'<FONT POINT-SIZE="9" COLOR="{self.pal.muted}"> '
                       f'{html.escape(" · ".join(facts), quote=False)}</FONT></TD></TR>')
        title_rows = _rows(_wrap(title, self.label_width, 3), bold=item.highlight)
        attrs = dict(fillcolor=tint(color, 0.86), color=color, fontsize="12",
                     tooltip=_tooltip(title, dim or "", item.owner_text, when_text(item), status))
        if item.highlight:
            attrs.update(fillcolor=theme.LIGHT_GOLD, color=theme.GOLD, penwidth="3")
        return self.node(_table(title_rows + status_line), **attrs), color

    def task(self, item: Item, color: str) -> str:
        title = ("◆ " if item.milestone else "") + item.title
        return self.node(_table(_rows(_wrap(title, self.label_width + 4, 2))), fontsize="10",
                         fillcolor=self.pal.background, color=tint(color, 0.45), penwidth="0.8",
                         margin="0.08,0.02", fontcolor=self.pal.ink,
                         tooltip=_tooltip(item.title, item.owner_text, when_text(item), effective_status(item)))

    def more(self, hidden: int, color: str, tasks: int = 0) -> str:
        lines = [f"另有 {hidden} 项"] + ([f"（含任务 {tasks} 项）"] if tasks else [])
        return self.node(_table(_rows(lines)), fontsize="10", fillcolor=self.pal.panel, color=color,
                         style="rounded,filled,dashed", fontcolor=self.pal.muted)

    # the tree
    def groups(self, parent: str, groups: list[Group], depth: int) -> None:
        for group in groups:
            gid = self.group(group)
            gcolor = self.group_color(group)
            self.edge(parent, gid, gcolor, 3.2)
            if depth >= 2:
                self.branches(gid, group.branches, depth, gcolor)

    def branches(self, parent: str, branches: tuple[Branch, ...], depth: int, group_color: str) -> None:
        shown, hidden = _limit(branches, self.max_children)
        for branch in shown:
            pid, color = self.project(branch.item)
            self.edge(parent, pid, color, 2.2)
            if depth >= 3 and branch.tasks:
                tasks, folded = _limit(branch.tasks, self.max_children)
                for task in tasks:
                    self.edge(pid, self.task(task, color), tint(color, 0.35), 1.1)
                if folded:
                    self.edge(pid, self.more(folded, color), tint(color, 0.35), 1.1)
        if hidden:
            tasks = sum(len(b.tasks) for b in branches[len(shown):]) if depth >= 3 else 0
            self.edge(parent, self.more(hidden, group_color, tasks), group_color, 1.6)


def _node_count(groups: list[Group], depth: int, cap: int | None) -> int:
    """Nodes a map of ``groups`` draws when each parent shows at most ``cap`` children."""
    def drawn(children: tuple) -> int:  # children drawn, the “另有 N 项” node included
        kept, folded = _limit(children, cap)
        return len(kept) + (1 if folded else 0)

    total = 1 + len(groups)
    for group in groups:
        if depth >= 2:
            total += drawn(group.branches)
            if depth >= 3:
                total += sum(drawn(b.tasks) for b in _limit(group.branches, cap)[0])
    return total


def _cap(groups: list[Group], depth: int, max_children: int | None) -> int | None:
    """The children limit: as asked, or for max_children=None the largest (≤ 8) that keeps
    the map within AUTO_COLLAPSE_NODES, and none for maps that fit already."""
    if max_children is not None:
        return max(1, int(max_children))
    if _node_count(groups, depth, None) <= AUTO_COLLAPSE_NODES:
        return None
    for cap in range(AUTO_MAX_CHILDREN, 2, -1):
        if _node_count(groups, depth, cap) <= AUTO_COLLAPSE_NODES:
            return cap
    return 2


def _check(group_by: str, depth: int, layout: str) -> str:
    if group_by not in GROUP_BYS:
        raise ValueError(f"思维导图的分组方式须为 section（板块）或 dimension（维度），收到「{group_by}」")
    if depth not in (1, 2, 3):
        raise ValueError(f"思维导图的层级须为 1、2 或 3，收到「{depth}」")
    if layout not in LAYOUTS:
        raise ValueError(f"思维导图的布局须为 tree（树状）或 radial（放射状），收到「{layout}」")
    return LAYOUTS[layout]


def mindmap(plan: Plan, *, group_by: str = "section", depth: int = 3, layout: str = "tree",
            label_width: int = 16, palette: str = "party", max_children: int | None = None) -> graphviz.Digraph:
    """The plan as a mind map: root → groups → projects → tasks, down to ``depth`` (1–3).

    ``layout`` "tree" reads left to right (dot), "radial" spreads around the root (twopi).
    Projects take their dimension's colour; highlight projects are starred and gold. A group or
    project with more than ``max_children`` children shows the first ones and an “另有 N 项”
    node; None collapses (to at most 8 children) only maps that would exceed 150 nodes.
    """
    engine = _check(group_by, depth, layout)
    groups = plan_groups(plan, group_by)
    builder = _Builder(plan, engine, label_width, palette, _cap(groups, depth, max_children))
    if engine == "twopi":
        builder.graph.attr("graph", root="n1")
    root = builder.root(plan.display_title, plan.slogan or plan.theme)
    builder.groups(root, groups, depth)
    return builder.graph


def section_mindmaps(plan: Plan, *, group_by: str = "section", depth: int = 3, layout: str = "tree",
                     label_width: int = 16, palette: str = "party",
                     max_children: int | None = None) -> list[tuple[str, graphviz.Digraph]]:
    """One mind map per section (or per dimension), for plans too big for one page.

    Each map's root is the group, with the plan title beneath; options as for ``mindmap``
    (depth 1 gives the root alone). Returns (group name, graph) pairs in plan order; groups
    without items are left out.
    """
    engine = _check(group_by, depth, layout)
    out = []
    for group in plan_groups(plan, group_by):
        if not group.branches:
            continue
        builder = _Builder(plan, engine, label_width, palette, _cap([group], depth, max_children))
        if engine == "twopi":
            builder.graph.attr("graph", root="n1")
        root = builder.root(group.name, plan.display_title)
        if depth >= 2:
            builder.branches(root, group.branches, depth, builder.group_color(group))
        out.append((group.name, builder.graph))
    return out
