"""Six-dimension (六度模型) inference from a section or title by keywords."""
from __future__ import annotations

import re

from ..dates import CN_NUMERALS
from ..vocab import DEFAULT_DIMENSIONS

# Keywords from domain.md, a few common variants added; longer words weigh more (more specific).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "高度": ("政治建设", "政治引领", "学习贯彻", "两个维护", "两个确立", "意识形态", "上级部署", "政治站位",
           "政治生态", "旗帜鲜明讲政治", "贯彻落实", "第一议题"),
    "深度": ("理论学习", "中心组", "读书", "党课", "思想建设", "学习强国", "专题研讨", "学习教育", "主题教育",
           "理论武装", "集中学习", "学习", "研讨"),
    "精度": ("标准化", "规范化", "三会一课", "组织生活", "党费", "发展党员", "纪律", "作风", "考核", "督查", "党风廉政",
           "廉政", "支委会", "党员大会", "民主评议", "组织建设", "换届", "台账", "监督", "制度", "清廉", "廉洁",
           "警示教育", "主题党日", "述职", "评议", "承诺践诺", "基层组织", "巡察"),
    "温度": ("谈心谈话", "关爱", "慰问", "志愿服务", "为民办实事", "党员成长", "赋能", "培训", "困难党员", "帮扶",
           "走访", "服务群众", "暖心", "我为群众办实事", "关怀", "志愿", "帮带", "结对"),
    "亮度": ("品牌", "特色", "创新", "示范", "亮点", "先锋", "红色", "沉浸式", "工作室", "标识", "宣传", "典型",
           "评选", "表彰"),
    "融合度": ("党建+", "党建＋", "融合", "攻坚", "业务", "中心工作", "示范岗", "责任区", "突击队", "生产经营",
            "科研", "医疗", "教学", "双提升", "双促进", "发展"),
}


# A lookahead finds the longest keyword starting at every position, so overlapping words all count.
_PATTERN = re.compile("(?=(" + "|".join(sorted((re.escape(w) for ws in KEYWORDS.values() for w in ws),
                                               key=len, reverse=True)) + "))")
_DIMENSION_OF = {w: name for name, ws in KEYWORDS.items() for w in ws}


def named_dimension(text: str, dimensions: tuple[str, ...] = DEFAULT_DIMENSIONS) -> str | None:
    """The dimension a text names at its start (“高度：政治引领”, “一、温度（关爱党员）”), else None.

    “深度融合…” or “高度重视…” do not count: the name must stand alone or be followed by a delimiter.
    """
    head = text.lstrip(" " + CN_NUMERALS + "、.．()（）0123456789")
    named = [name for name in dimensions
             if head.startswith(name) and head[len(name):len(name) + 1] in ("", *"：:、 ·-—（(|/")]
    return max(named, key=len) if named else None


def infer_dimension(text: str, dimensions: tuple[str, ...] = DEFAULT_DIMENSIONS) -> str | None:
    """The dimension a section or title most likely belongs to, or None when nothing matches.

    A dimension named at the start of the text (“高度：政治引领”) wins; otherwise keyword hits are
    weighed by keyword length (longer is more specific), ties going to the keyword found first.
    Only names in ``dimensions`` are returned, so custom vocabularies never get a default name they
    do not use.
    """
    if not text:
        return None
    named = named_dimension(text, dimensions)
    if named:
        return named
    weight: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in _PATTERN.finditer(text):
        word = m.group(1)
        name = _DIMENSION_OF[word]
        if name in dimensions:
            weight[name] = weight.get(name, 0) + len(word)
            first.setdefault(name, m.start())
    if not weight:
        return None
    return max(weight, key=lambda name: (weight[name], -first[name]))
