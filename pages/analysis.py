"""Judge analysis: how far the judges agree, how each judge scores, and totals to discuss."""

import numpy as np
import streamlit as st

from kbo_dashboard.analysis.agreement import agreement_table, interpret_icc, interpret_w
from kbo_dashboard.analysis.judges import judge_matrix, judge_profiles, outlier_scores
from kbo_dashboard.ui import fit, frame, judge_charts, pickers, state
from kbo_dashboard.ui.page_tables import (
    agreement_display,
    outliers_display,
    profiles_display,
    scope_label,
)
from kbo_dashboard.ui.state import tr

snap = state.snapshot()
st.title(tr("page.analysis"))
comp = frame.page_start(snap)
lang = state.lang()
totals = state.results(
    snap, pickers.current_method(snap)
).totals  # totals are the same for every method


def shown(value: float) -> str:
    return f"{value:.2f}" if np.isfinite(value) else "-"


# --- agreement ---
st.header(tr("analysis_page.agreement"))
table = agreement_table(totals, comp.products)
overall = table.iloc[0]
cells = st.columns(3)
cells[0].metric(tr("judge_chart.kendall_w"), shown(overall["kendall_w"]))
cells[1].metric(tr("judge_chart.icc_2k"), shown(overall["icc_2k"]))
cells[2].metric(tr("judge_chart.icc_3k"), shown(overall["icc_3k"]))
st.markdown(interpret_w(overall["kendall_w"], lang))
st.markdown(interpret_icc(overall["icc_2k"], lang))
counted = tr("analysis_page.counted", judges=overall["n_judges"], products=overall["n_products"])
if overall["n_judges_left_out"]:
    counted += " " + tr("analysis.agreement.left_out", n=overall["n_judges_left_out"])
st.caption(counted)
with st.expander(tr("analysis_page.what_they_mean")):
    st.markdown(tr("analysis_page.explain_w"))
    st.markdown(tr("analysis_page.explain_icc2"))
    st.markdown(tr("analysis_page.explain_icc3"))
    st.markdown(tr("analysis_page.explain_bands"))
st.plotly_chart(judge_charts.agreement_bars(table, lang), key="agreement_chart")
fit.wide_table(agreement_display(table, lang), 1, placeholder="-")
with st.expander(tr("analysis_page.per_category")):
    for row in table.iloc[1:].itertuples():
        st.markdown(f"**{scope_label(row.scope, lang)}** — {interpret_w(row.kendall_w, lang)}")
        if row.n_judges_left_out:
            st.caption(tr("analysis.agreement.left_out", n=row.n_judges_left_out))

# --- judge profiles ---
st.header(tr("analysis_page.profiles"))
st.caption(tr("analysis_page.explain_profiles"))
profiles = judge_profiles(totals)
judge_names = dict(zip(comp.judges["judge_id"].astype(str), comp.judges["judge_name"]))
if profiles["leniency"].notna().any():
    st.plotly_chart(judge_charts.leniency_bars(profiles, lang, judge_names), key="leniency_chart")
fit.wide_table(profiles_display(profiles, comp.judges, lang), 2, placeholder="-")

# --- heatmap ---
st.header(tr("analysis_page.heatmap"))
relative = st.toggle(tr("analysis_page.relative"), key="analysis_relative")
order = comp.products.sort_values(["category", "product_id"], kind="stable")["product_id"]
matrix = judge_matrix(totals, relative=relative, product_order=list(order))
if matrix.empty or np.isnan(matrix.to_numpy(dtype=float)).all():
    st.info(tr("analysis_page.no_totals"))
else:
    names = dict(zip(comp.products["product_id"].astype(str), comp.products["product_name"]))
    figure = judge_charts.heatmap(matrix, lang, relative=relative, product_names=names)
    st.plotly_chart(figure, key="judge_heatmap")
    st.caption(tr("analysis_page.heatmap_note"))

# --- outlier totals for the chair ---
st.header(tr("analysis_page.outliers"))
st.caption(tr("analysis_page.explain_outliers"))
outliers = outlier_scores(totals)
if outliers.empty:
    st.success(tr("analysis_page.no_outliers"), icon=":material/task_alt:")
else:
    st.warning(tr("analysis_page.n_outliers", n=len(outliers)), icon=":material/flag:")
    fit.wide_table(
        outliers_display(outliers, comp.judges, comp.products, lang),
        2,
        placeholder="-",
        key="outliers_table",
    )
