"""Projector mode: progress and the overall ranking in large type, no sidebar, refreshing itself.
Readable from the back of a meeting room at 1920x1080."""

import streamlit as st

from kbo_dashboard.scoring.counts import format_count, panel_counts
from kbo_dashboard.ui import cached, chair, frame, pickers, refresh, state
from kbo_dashboard.ui.standings_tables import product_text, standings_table
from kbo_dashboard.ui.state import tr

TOP_N = 10


@refresh.live
def body() -> None:
    snap = refresh.live_snapshot()
    lang = state.lang()
    comp = frame.page_start(snap, need_products=True)
    results = state.results(snap, pickers.current_method(snap))
    progress = cached.progress(snap)
    history, _ = chair.decision_history(snap)

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(tr("projector.ranking"))
        table = standings_table(comp, results, lang, top=TOP_N, compact=True)
        st.table(table, hide_index=True)
        st.caption(tr("analysis.method_in_use", name=pickers.method_name(results.method)))
    with right:
        if history:
            last = history[-1]
            st.success(tr("pg.final", product=last.product_id, name=last.product_name))
        elif results.nominee:
            st.metric(tr("pg.nominee"), product_text(comp, results.nominee))
        elif results.tied_for_first:
            names = ", ".join(product_text(comp, p) for p in results.tied_for_first)
            st.warning(tr("pg.tie", products=names))
        else:
            st.info(tr("pg.no_nominee", quorum=results.quorum))
        counts = panel_counts(comp, results, progress)
        st.metric(
            tr("overview.judges_finished"),
            f"{format_count(counts.finished)}/{format_count(counts.panel)}",
        )
        st.metric(
            tr("overview.scores_received"),
            f"{format_count(counts.scores)}/{format_count(counts.scores_expected)}",
        )
        st.progress(min(1.0, progress.share), text=f"{round(100 * progress.share)}%")
    refresh.status_line(snap, key="projector_refresh")


frame.projector_style()
st.title(tr("app.title"))
body()
st.page_link("pages/overview.py", label=tr("projector.back"), icon=":material/close:")
