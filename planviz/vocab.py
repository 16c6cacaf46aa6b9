"""The domain's words, defined once: dimensions, levers, levels, statuses, rhythms, elements, severities."""
from __future__ import annotations

import re

DEFAULT_DIMENSIONS: tuple[str, ...] = ("高度", "深度", "精度", "温度", "亮度", "融合度")  # 六度模型
DIMENSION_MEANINGS: dict[str, str] = {  # one short line each, for legends
    "高度": "政治引领", "深度": "理论武装", "精度": "规范执行", "温度": "关爱为民", "亮度": "品牌创新",
    "融合度": "党建+业务",
}
DEFAULT_LEVERS: tuple[str, ...] = ("项目化", "清单化", "责任化", "品牌化", "数字化")  # 五大抓手
STATUSES: tuple[str, ...] = ("未开始", "进行中", "已完成", "延期", "暂缓")
LEVELS: tuple[str, ...] = ("section", "project", "task")
LEVEL_NAMES: dict[str, str] = {"section": "板块", "project": "项目", "task": "任务"}
RECURRENCES: tuple[str, ...] = ("weekly", "monthly", "quarterly", "half-yearly", "yearly")
ELEMENTS: tuple[str, ...] = ("目标", "负责人", "时间节点", "成果形式", "评估标准")  # 项目化 five elements
EDITIONS: dict[str, str] = {"plan": "计划版", "progress": "进度版"}  # of the brief and the deck: distributed at the year's start / a progress report
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "提醒", "info": "提示"}  # as users read them
PEOPLE_SPLIT = re.compile(r"[、，,;；/／]+")  # between names in an owner or department cell
# 审议定稿: where a branch's plan stands in the committee's review, and the steps that move it.
REVIEW_STATES: tuple[str, ...] = ("none", "draft", "submitted", "returned", "approved")
REVIEW_STATE_NAMES: dict[str, str] = {"none": "未提交", "draft": "草稿", "submitted": "待审议",
                                      "returned": "退回修改", "approved": "审议通过"}
REVIEW_ACTIONS: dict[str, str] = {"submit": "提交审议", "return": "退回修改", "approve": "审议通过"}
