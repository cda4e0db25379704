"""Projector mode: progress and the overall ranking in large type, no sidebar, refreshing itself.
Readable from the back of a meeting room at 1920x1080."""

import streamlit as st

from kbo_dashboard import ui
from kbo_dashboard.progress import judge_progress
from kbo_dashboard.standings_tables import product_text, standings_table

TOP_N = 10


@ui.live
def body() -> None:
    snap = ui.live_snapshot()
    lang = ui.lang()
    comp = ui.page_start(snap, need_products=True)
    results = ui.results(snap, ui.current_method(snap))
    progress = judge_progress(comp)
    history, _ = ui.decision_history(snap)

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(ui.tr("projector.ranking"))
        table = standings_table(comp, results, lang, top=TOP_N, compact=True)
        st.table(table, hide_index=True)
        st.caption(ui.tr("analysis.method_in_use", name=ui.method_name(results.method)))
    with right:
        if history:
            last = history[-1]
            st.success(ui.tr("pg.final", product=last.product_id, name=last.product_name))
        elif results.nominee:
            st.metric(ui.tr("pg.nominee"), product_text(comp, results.nominee))
        elif results.tied_for_first:
            names = ", ".join(product_text(comp, p) for p in results.tied_for_first)
            st.warning(ui.tr("pg.tie", products=names))
        else:
            st.info(ui.tr("pg.no_nominee", quorum=results.quorum))
        st.metric(
            ui.tr("overview.judges_finished"),
            f"{progress.judges_finished}/{progress.judges_total}",
        )
        st.metric(
            ui.tr("overview.scores_received"),
            f"{progress.scores_received}/{progress.scores_expected}",
        )
        st.progress(min(1.0, progress.share), text=f"{round(100 * progress.share)}%")
    ui.status_line(snap, key="projector_refresh")


ui.projector_style()
st.title(ui.tr("app.title"))
body()
st.page_link("pages/overview.py", label=ui.tr("projector.back"), icon=":material/close:")
