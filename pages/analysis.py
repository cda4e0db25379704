"""Judge analysis: how far the judges agree, how each judge scores, and totals to discuss."""

import numpy as np
import streamlit as st

from kbo_dashboard.analysis.agreement import interpret_icc, interpret_w
from kbo_dashboard.meeting.reveal import ENTRIES
from kbo_dashboard.reports.agreement_text import (
    alpha_text,
    caution_text,
    interval_text,
    rests_on_text,
)
from kbo_dashboard.scoring.counts import format_score
from kbo_dashboard.ui import cached, fit, frame, judge_charts, pickers, state
from kbo_dashboard.ui.page_tables import (
    agreement_display,
    outliers_display,
    profiles_display,
    scope_label,
)
from kbo_dashboard.ui.reveal import chair_note, follow, hidden_notice, withheld
from kbo_dashboard.ui.state import tr

snap = state.snapshot()
st.title(tr("page.analysis"))
comp = frame.page_start(snap)
follow("analysis")  # the heatmap and outliers appear at the reveal, without a reload
chair_note()
lang = state.lang()
results = state.results(snap, pickers.current_method(snap))  # totals: the same for every method
analysis = cached.judge_analysis(snap, results)


def shown(value: float) -> str:
    return format_score(value) if np.isfinite(value) else "-"


# --- agreement ---
st.header(tr("analysis_page.agreement"))
table = analysis.agreement
overall = table.iloc[0]
cells = st.columns(4)
cells[0].metric(tr("judge_chart.kendall_w"), shown(overall["kendall_w"]))
cells[1].metric(tr("judge_chart.icc_2k"), shown(overall["icc_2k"]))
cells[1].caption(interval_text(overall["icc_2k_low"], overall["icc_2k_high"], lang))
cells[2].metric(tr("judge_chart.icc_3k"), shown(overall["icc_3k"]))
cells[2].caption(interval_text(overall["icc_3k_low"], overall["icc_3k_high"], lang))
cells[3].metric(tr("agr.alpha"), shown(overall["alpha"]))
st.markdown(interpret_w(overall["kendall_w"], lang))
st.markdown(interpret_icc(overall["icc_2k"], lang))
st.caption(rests_on_text(overall, lang))
st.caption(alpha_text(overall, lang))
with st.expander(tr("analysis_page.what_they_mean")):
    st.markdown(tr("analysis_page.explain_w"))
    st.markdown(tr("analysis_page.explain_icc2"))
    st.markdown(tr("analysis_page.explain_icc3"))
    st.markdown(tr("agr.explain_alpha"))
    st.markdown(tr("agr.explain_ci"))
    st.markdown(tr("analysis_page.explain_bands"))
agreement_chart = cached.figure(
    snap, "agreement", (lang,), lambda: judge_charts.agreement_bars(table, lang)
)
st.plotly_chart(agreement_chart, key="agreement_chart")
fit.wide_table(agreement_display(table, lang), 1, placeholder="-")
with st.expander(tr("analysis_page.per_category")):
    for _, row in table.iloc[1:].iterrows():
        if row["few_products"]:
            st.markdown(caution_text(row, lang))
            continue
        st.markdown(
            f"**{scope_label(row['scope'], lang)}** — {interpret_w(row['kendall_w'], lang)}"
        )
        st.caption(rests_on_text(row, lang) + " " + alpha_text(row, lang))

# --- judge profiles ---
st.header(tr("analysis_page.profiles"))
st.caption(tr("analysis_page.explain_profiles"))
profiles = analysis.profiles
judge_names = dict(zip(comp.judges["judge_id"].astype(str), comp.judges["judge_name"]))
if profiles["leniency"].notna().any():
    leniency = cached.figure(
        snap, "leniency", (lang,), lambda: judge_charts.leniency_bars(profiles, lang, judge_names)
    )
    st.plotly_chart(leniency, key="leniency_chart")
fit.wide_table(profiles_display(profiles, comp.judges, lang), 2, placeholder="-")

# Agreement and profiles name no product's score; the heatmap and outliers show every total.
if withheld(ENTRIES):
    hidden_notice()
    st.stop()

# --- heatmap ---
st.header(tr("analysis_page.heatmap"))
relative = st.toggle(tr("analysis_page.relative"), key="analysis_relative")
order = comp.products.sort_values(["category", "product_id"], kind="stable")["product_id"]
matrix = cached.heatmap_matrix(snap, results, relative, list(order))
if matrix.empty or np.isnan(matrix.to_numpy(dtype=float)).all():
    st.info(tr("analysis_page.no_totals"))
else:
    names = dict(zip(comp.products["product_id"].astype(str), comp.products["product_name"]))
    heatmap = cached.figure(
        snap,
        "heatmap",
        (lang, relative),
        lambda: judge_charts.heatmap(matrix, lang, relative=relative, product_names=names),
    )
    st.plotly_chart(heatmap, key="judge_heatmap")
    st.caption(tr("analysis_page.heatmap_note"))

# --- outlier totals for the chair ---
st.header(tr("analysis_page.outliers"))
st.caption(tr("analysis_page.explain_outliers"))
outliers = analysis.outliers
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
