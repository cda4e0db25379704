"""Data issues: every validation problem with its tab and cell, filterable."""

import streamlit as st

from kbo_dashboard.intake.issues import SEVERITIES, count_by_severity
from kbo_dashboard.ui import cached, fit, frame, state
from kbo_dashboard.ui.page_tables import issues_table, label
from kbo_dashboard.ui.state import tr

snap = state.snapshot()
st.title(tr("page.issues"))
comp = frame.page_start(snap)
lang = state.lang()

frame = cached.issues(snap)
if frame.empty:
    st.success(tr("issues_page.none"), icon=":material/task_alt:")
    st.stop()

counts = count_by_severity(comp.issues)
for column, severity in zip(st.columns(len(SEVERITIES)), SEVERITIES):
    column.metric(label("severity", severity, lang), counts.get(severity, 0))

filters = st.columns(3)
judges = sorted({j for j in frame["judge_id"].astype(str) if j})
severity = filters[0].multiselect(
    tr("issues_page.filter_severity"),
    options=[s for s in SEVERITIES if counts.get(s)],
    format_func=lambda s: label("severity", s, lang),
    placeholder=tr("issues_page.all"),
    key="issues_severity",
)
judge = filters[1].multiselect(
    tr("issues_page.filter_judge"),
    options=judges,
    placeholder=tr("issues_page.all"),
    key="issues_judge",
)
tab = filters[2].multiselect(
    tr("issues_page.filter_tab"),
    options=list(dict.fromkeys(frame["tab"].astype(str))),
    placeholder=tr("issues_page.all"),
    key="issues_tab",
)
other_language = st.toggle(tr("issues_page.other_language"), key="issues_other_language")

shown = frame
if severity:
    shown = shown[shown["severity"].isin(severity)]
if judge:
    shown = shown[shown["judge_id"].astype(str).isin(judge)]
if tab:
    shown = shown[shown["tab"].astype(str).isin(tab)]

st.caption(tr("issues_page.shown", n=len(shown), total=len(frame)))
if shown.empty:
    st.info(tr("issues_page.none_match"), icon=":material/filter_alt_off:")
else:
    fit.wide_table(issues_table(shown, lang, other_language), 2, key="issues_table")
