"""计划体检与建议：对照好的做法和去年的计划，逐条指出哪些条目有问题、怎么改。"""
import pandas as pd
import streamlit as st

from planviz.charts.radar import radar
from planviz.coach import THEMES, coach, organization_type
from planviz.coach.calendar import ORG_TYPE_NAMES
from planviz.model import SEVERITY_NAMES
from planviz.stats import RADAR_METRICS, when_text
from planviz_app import state, ui

ui.require_app()

LAST_KEY = "co_last"  # last year's plan (state.Loaded), filled by ui.compare_uploader
ICONS = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}
SHOW = {"error": st.error, "warning": st.warning, "info": st.info}

st.title("计划体检与建议")
plan = state.plan()
st.caption("对照六度模型、亮点项目、项目化五要素、组织生活的规定频次，以及去年的计划，逐条指出问题和改法。"
           "这些建议只在这里显示，不会出现在一页纸简报里。")

c1, c2 = st.columns([2, 3])
detected = organization_type(plan)
org_type = c1.selectbox("组织类型（决定对照哪些组织生活制度）", list(ORG_TYPE_NAMES), format_func=ORG_TYPE_NAMES.get,
                        index=list(ORG_TYPE_NAMES).index(detected), key="co_org_type",
                        help="党支部、党总支对照“三会一课”、主题党日、组织生活会、民主评议党员、党费；党委对照理论学习中心组和民主生活会。")
with c2:
    ui.compare_uploader(LAST_KEY)
last = st.session_state.get(LAST_KEY)
report = coach(plan, last.plan if last else None, org_type=org_type)

m = st.columns(4)
m[0].metric("体检得分", f"{report.score} 分", help="满分 100，按发现的问题扣分（扣分规则见说明文档）")
m[1].metric("意见条数", len(report.findings))
m[2].metric("需要修改", sum(1 for f in report.findings if f.severity != "info"))
if report.comparison:
    c = report.comparison
    m[3].metric("照搬去年", f"{c.copied} 项", help="与去年计划的条目相同，或只改了年份、数字")
    st.caption(f"对照「{c.last_year_title}」：照搬 {c.copied} 项，改写 {c.revised} 项，新增 {c.new} 项，"
               f"去年有而今年没有 {c.dropped} 项。")

by_id = plan.by_id()


def _items_table(ids: tuple[str, ...]) -> None:
    rows = [{"编号": i, "条目": by_id[i].title, "负责人": by_id[i].owner_text, "时间": when_text(by_id[i])}
            for i in ids if i in by_id]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch",
                     column_config={"条目": st.column_config.TextColumn(width="large")})


MANY = 3  # more findings of one code than this are listed in one table, not one box each


def _finding_rows(found) -> pd.DataFrame:
    rows = []
    for f in found:
        if not f.items:  # last year's item: named in the detail, not in this plan
            rows.append({"编号": f"去年 {f.detail.get('last_year_id', '')}", "条目": f.detail.get("last_year_title", ""),
                         "意见": f.message})
        rows += [{"编号": i, "条目": by_id[i].title, "意见": f.message} for i in f.items if i in by_id]
    return pd.DataFrame(rows)


if not report.findings:
    st.success("没有发现需要修改的地方。", icon=":material/check_circle:")
groups = report.by_theme()
for theme, codes in THEMES.items():
    found = groups.get(theme, ())
    st.subheader(f"{theme}（{len(found)} 条）" if found else f"{theme}：未发现问题")
    for code in codes:
        of_code = [f for f in found if f.code == code]
        if len(of_code) > MANY:
            worst = of_code[0].severity
            SHOW[worst](f"**{SEVERITY_NAMES[worst]}**　共 {len(of_code)} 条，逐条见下表。", icon=ICONS[worst])
            st.dataframe(_finding_rows(of_code), hide_index=True, width="stretch",
                         column_config={"意见": st.column_config.TextColumn(width="large")})
            continue
        for finding in of_code:
            SHOW[finding.severity](f"**{SEVERITY_NAMES[finding.severity]}**　{finding.message}",
                                   icon=ICONS[finding.severity])
            _items_table(finding.items)

if last is not None:
    st.subheader("六度对比：今年与去年")
    metric = st.radio("衡量指标", list(RADAR_METRICS)[:2], format_func=RADAR_METRICS.get, horizontal=True,
                      key="co_metric")
    ui.show_figure(radar(plan, metric=metric, compare=last.plan, palette=state.palette(), title="六度对比"),
                   key="co_radar")
