"""Header synonyms and header-row detection for plan sheets (title rows, two-row headers, column maps)."""
from __future__ import annotations

from dataclasses import dataclass

from .cells import header_key, text

# Canonical field → Chinese label; the app builds its column-mapping choices from it.
# Each field's name as users read it: the template's wording, also in the editor and the column mapping.
FIELDS: dict[str, str] = {
    "title": "工作内容", "section": "板块", "owners": "负责人", "departments": "责任部门",
    "deadline": "时间节点", "start": "开始时间", "end": "完成时限", "dimension": "维度", "lever": "抓手",
    "goal": "目标", "deliverable": "成果形式", "criteria": "评估标准", "progress": "进度", "status": "状态",
    "highlight": "亮点", "milestone": "里程碑", "notes": "备注", "id": "编号", "parent": "所属项目",
    "short_title": "简称",
    "marks": "月份/季度标记", "detail": "具体措施/说明",
}

# Header wordings seen in real plans, by field (compared after header_key normalisation).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号", "项目编号", "任务编号", "序", "号", "no", "No", "NO", "No.", "ID", "id"),
    "section": ("类别", "工作类别", "板块", "所属板块", "工作板块", "类型", "工作类型", "分类", "项目类别", "任务类别",
                "领域", "模块", "大类", "方面", "工作方面", "专项", "方向", "工作方向", "专题", "重点领域", "主要方面",
                "工作版块", "版块", "任务类型"),
    "title": ("工作内容", "工作任务", "重点任务", "具体措施", "工作举措", "项目名称", "任务内容", "任务名称", "工作项目",
              "主要内容", "具体内容", "工作要点", "任务", "项目", "内容", "重点工作", "工作事项", "事项", "措施",
              "具体任务", "活动内容", "活动名称", "主要任务", "主要工作", "工作安排", "重点项目", "活动", "名称",
              "工作措施", "具体工作", "目标任务", "任务事项", "工作重点", "具体举措", "主要举措", "举措", "推进举措",
              "工作举措", "实施举措", "活动主题", "会议主题", "学习主题", "党课主题", "学习内容", "会议内容",
              "任务分解", "细化任务", "分解任务", "工作措施及要求", "主要措施"),
    "owners": ("责任人", "责任领导", "负责人", "分管领导", "具体负责人", "责任人员", "联系人", "牵头领导", "主要负责人",
               "经办人", "承办人", "包保领导", "责任领导责任人", "负责领导", "牵头人", "联系领导", "督办领导", "挂点领导",
               "牵头负责人", "主讲人", "讲课人", "授课人", "主持人", "宣讲人", "责任人员（领导）", "包联领导"),
    "departments": ("牵头部门", "责任部门", "配合部门", "责任单位", "牵头单位", "配合单位", "承办部门", "责任科室",
                    "部门", "单位", "责任主体", "实施部门", "参与部门", "协办部门", "协助部门", "主办部门",
                    "责任处室", "牵头处室", "配合处室", "协办单位", "落实单位", "实施单位", "责任支部", "承办单位",
                    "主责部门", "牵头科室"),
    "deadline": ("完成时限", "时间节点", "时间安排", "完成时间", "时限", "时间", "完成期限", "计划完成时间", "时间要求",
                 "截止时间", "截止日期", "进度安排", "落实时限", "推进时间", "日期", "计划时间", "完成日期",
                 "办结时限", "实施时间", "时间进度", "时间计划", "节点", "活动时间", "活动日期", "开展时间", "频次",
                 "频率", "开展频次", "月份", "月度", "时段", "时间段", "安排时间", "实施周期", "完成节点", "起止时间",
                 "推进时限", "计划进度", "时序进度", "落实时间", "召开时间", "举办时间"),
    "start": ("开始时间", "开始", "起始时间", "开始日期", "起", "启动时间", "计划开始", "起始日期", "始", "计划开始时间", "计划开始日期", "启动日期", "开始月份"),
    "end": ("结束时间", "结束", "结束日期", "止", "截止", "计划结束", "终止时间", "计划完成", "计划完成日期", "计划结束时间", "结束月份", "完成月份"),
    "dimension": ("维度", "六度", "六度维度", "所属维度", "六度模型", "维度分类"),
    "lever": ("抓手", "五大抓手", "工作抓手", "所属抓手"),
    "goal": ("目标", "工作目标", "预期目标", "项目目标", "目的", "目标要求"),
    "deliverable": ("成果形式", "成果", "预期成果", "工作成果", "成果体现", "完成标志", "产出", "成果载体", "预期效果", "预期成效", "成效"),
    "criteria": ("评估标准", "考核标准", "评价标准", "验收标准", "考核指标", "标准", "评估指标", "考评标准", "衡量标准",
                 "考核方式", "评价方式", "考核办法"),
    "progress": ("进度", "完成进度", "进展", "完成比例", "完成率", "进度百分比", "当前进度", "完成度", "进度比例"),
    "status": ("状态", "完成情况", "进展情况", "推进情况", "落实情况", "执行情况", "当前状态", "项目状态", "任务状态"),
    "highlight": ("亮点", "特色", "是否亮点", "亮点项目", "特色项目", "是否特色", "是否亮点项目", "特色亮点"),
    "milestone": ("里程碑", "是否里程碑", "关键节点", "里程碑节点"),
    "notes": ("备注", "说明", "附注", "备考", "其他"),
    "parent": ("所属项目", "上级项目", "归属项目", "项目", "对应项目"),
    "short_title": ("简称", "项目简称", "任务简称", "简要名称"),
}
_LOOKUP: dict[str, str] = {}
for _field, _words in SYNONYMS.items():
    for _word in _words:
        _LOOKUP.setdefault(header_key(_word), _field)
_LOOKUP["项目"] = "title"  # “项目” alone names the work item; only a task sheet's second “项目” is its parent
# Headers that contain a title word (活动, 任务) but name something else: kept as extra columns.
_NOT_FIELDS = {header_key(w) for w in ("活动形式", "活动地点", "活动方式", "活动对象", "参加对象", "参加人员",
                                       "任务来源", "工作依据", "地点", "形式", "经费", "经费预算")}
_FUZZY = sorted(((w, f) for w, f in _LOOKUP.items() if len(w) >= 2), key=lambda wf: -len(wf[0]))

_END_WORDS = {"完成时限", "完成时间", "截止时间", "截止日期", "完成日期", "计划完成时间", "办结时限", "完成期限"}
_START_WORDS = {"开始时间", "开始日期", "起始时间", "起始日期", "开始", "启动时间"}
MULTI_FIELDS = ("owners", "departments", "notes")  # several columns merge into one value
HEADER_SCAN_ROWS = 15
MAX_HEADER_TEXT = 16  # longer cells are content, not headers


def field_of(header) -> str | None:
    """The canonical field a header text names, or None (exact synonym, then the longest contained one)."""
    key = header_key(header)
    if not key or len(key) > MAX_HEADER_TEXT:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    if key in _NOT_FIELDS:
        return None
    for part in key.replace("／", "/").split("/"):
        if part in _LOOKUP:
            return _LOOKUP[part]
    if len(key) > 8 or any(ch.isdigit() for ch in key):  # titles (“2026年工作安排”) are not headers
        return None
    for word, field in _FUZZY:
        if word in key:
            return field
    return None


def is_not_field(header) -> bool:
    """True for headers that name something other than a plan field (活动地点, 经费): kept as the user's own."""
    return header_key(header) in _NOT_FIELDS


def column_letter(index: int) -> str:
    """0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Column:
    """One sheet column as the header names it."""

    index: int
    label: str  # header text as written (two-row headers joined with “/”), or the column letter
    field: str | None  # canonical field, None for columns kept as extra
    hidden: bool = False
    confidence: float = 1.0  # how sure the reader is of ``field`` (0..1), see roles.assign


@dataclass(frozen=True)
class Header:
    """Where a sheet's header is and what each column means."""

    row: int  # 0-based index of the (last) header row
    first_row: int  # 0-based index of the first header row (differs for two-row headers)
    columns: tuple[Column, ...]

    def labels(self) -> dict[str, str]:
        """field → header text of its (first) column."""
        out: dict[str, str] = {}
        for col in self.columns:
            if col.field:
                out.setdefault(col.field, col.label)
        return out


def _row_fields(row: list, column_map: dict[str, str]) -> set[str]:
    fields = set()
    for value in row:
        t = text(value)
        if not t:
            continue
        field = column_map.get(t) or column_map.get(header_key(t)) or field_of(t)
        if field:
            fields.add(field)
    return fields


def score_rows(rows: list[list], column_map: dict[str, str]) -> list[tuple[int, int]]:
    """(score, row index) for the first rows: distinct recognised fields, title counted twice."""
    scores = []
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = _row_fields(row, column_map)
        scores.append((len(fields) + ("title" in fields), i))
    return scores


def best_guess_columns(rows: list[list]) -> tuple[int, tuple[str, ...]]:
    """The most header-like row (0-based) and its texts, for a HeaderError the user can map by hand."""
    ranked = [(score, sum(1 for v in rows[i] if text(v)), -i) for score, i in score_rows(rows, {})]
    index = -max(ranked, default=(0, 0, 0))[2]  # most recognised words, then the fullest row, then the first
    row = rows[index] if rows else []
    texts = [text(v) for v in row]
    while texts and not texts[-1]:
        texts.pop()
    return index, tuple(t or column_letter(i) for i, t in enumerate(texts))


def find_header(rows: list[list], column_map: dict[str, str], h_merges: set[tuple[int, int]],
                hidden: frozenset[int] = frozenset()) -> Header | None:
    """Locate the header under any title rows and name each column; None when no row looks like one.

    ``h_merges`` holds (row, col) cells covered by a horizontal merge (value already filled across),
    which is how a two-row header (时间安排 over 开始 | 结束) shows itself.
    """
    scores = score_rows(rows, column_map)
    if not scores:
        return None
    score, first = max(scores, key=lambda si: (si[0], -si[1]))
    fields = _row_fields(rows[first], column_map)
    if not (score >= 3 and "title" in fields or column_map and fields):
        return None
    top = rows[first]
    width = max(len(top), max((len(r) for r in rows[first:first + 2]), default=0))
    sub = rows[first + 1] if first + 1 < len(rows) else []
    two_rows = _is_sub_header(top, sub, first, h_merges, column_map)
    labels: list[tuple[int, str, str]] = []  # (index, label, key used for the field)
    for c in range(width):
        parent = text(top[c]) if c < len(top) else ""
        child = text(sub[c]) if two_rows and c < len(sub) else ""
        if child and child != parent and parent:
            label = f"{parent}/{child}"
            child_field = column_map.get(child) or field_of(child)
            joined = parent + child  # 责任 over 领导 | 部门: “责任领导”
            key = label if label in column_map else (child if child_field else joined if field_of(joined) else parent)
        else:
            label = parent or child
            key = label
        labels.append((c, label, key))
    taken: dict[str, int] = {}
    titles: list[int] = []
    has_task_id = any(header_key(lbl) == "任务编号" for _, lbl, _ in labels)
    order = sorted(labels, key=lambda t: (t[0] in hidden, t[0]))  # visible columns claim fields first
    named: dict[int, Column] = {}
    for c, label, key in order:
        field = column_map.get(label) or column_map.get(key) or column_map.get(column_letter(c)) \
            if column_map else None
        if field is None and not (column_map and (label in column_map or key in column_map)):
            field = field_of(key)
        if field not in FIELDS:
            field = None
        k = header_key(key)
        if field == "id" and k == "项目编号" and has_task_id:
            field = "parent"
        if field == "title" and k == "项目" and "title" in taken:
            field = "parent"
        if field and field in taken and field not in MULTI_FIELDS:
            if field == "title" and len(titles) == 1:  # 重点任务 | 具体措施: maybe projects and their tasks
                titles.append(c)
            elif field == "deadline" and k in _END_WORDS and "end" not in taken:
                field = "end"
            elif field == "deadline" and k in _START_WORDS and "start" not in taken:
                field = "start"
            else:
                field = None
        if field:
            taken.setdefault(field, c)
            if field == "title" and not titles:
                titles.append(c)
        named[c] = Column(c, label or column_letter(c), field, c in hidden)
    columns = [named[c] for c in sorted(named)]
    return Header(first + (1 if two_rows else 0), first, tuple(columns))


def _is_sub_header(top: list, sub: list, r: int, h_merges: set[tuple[int, int]],
                   column_map: dict[str, str]) -> bool:
    """True when the row under the header is its second line: filled only under merged header cells,
    with short header words (开始 | 结束), never with long content."""
    under_merge = False
    for c, value in enumerate(sub):
        t = text(value)
        if not t:
            continue
        parent = text(top[c]) if c < len(top) else ""
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        month = numeric and (r, c) in h_merges and float(value).is_integer() and 1 <= value <= 12  # 月份 over 1 … 12
        if len(header_key(t)) > MAX_HEADER_TEXT or numeric and t != parent and not month:
            return False
        if (r, c) in h_merges:
            if not (column_map.get(t) or field_of(t)) and len(t) > 6:
                return False
            under_merge = True
        elif t != parent:  # a cell not under a merged header must repeat it (vertical merge) or be blank
            return False
    return under_merge
