"""Projector mode: the ranking, the category leaders, the margin and progress in type scaled to
the screen, no sidebar, refreshing itself without a fade. After a decision the final result is
the largest thing on screen; the chair can hide the scores until the reveal."""

import streamlit as st

from kbo_dashboard.scoring.counts import format_count, format_score, panel_counts
from kbo_dashboard.ui import cached, frame, meeting_view, pickers, refresh, state
from kbo_dashboard.ui.projector_view import TOP_N, projector_style
from kbo_dashboard.ui.reveal import withheld
from kbo_dashboard.ui.standings_tables import leaders_table, product_text, standings_table
from kbo_dashboard.ui.state import tr
from kbo_dashboard.ui.text import md, md_table, trm
from kbo_dashboard.ui.thai_breaks import word_table


def ranking(comp, results, lang: str):
    """The top ranked products: rank, "ID name" in one column, score (fits a 1024 px screen)."""
    table = standings_table(comp, results, lang, top=TOP_N, compact=True)
    rank, product_id, name, score = table.columns[[0, 1, 2, -1]]
    table[name] = table[product_id] + " " + table[name]
    return table[[rank, name, score]]


def show_progress(snap, comp, results=None) -> None:
    progress = cached.progress(snap)
    counts = panel_counts(comp, results, progress)
    cols = st.columns(2)
    cols[0].metric(
        tr("overview.judges_finished"),
        f"{format_count(counts.finished)}/{format_count(counts.panel)}",
    )
    cols[1].metric(
        tr("overview.scores_received"),
        f"{format_count(counts.scores)}/{format_count(counts.scores_expected)}",
    )
    st.progress(min(1.0, progress.share), text=f"{round(100 * progress.share)}%")


def show_nominee(comp, results, decided: bool) -> None:
    """The provisional nominee and the margin (smaller than a final decision)."""
    if not decided and results.nominee:
        st.metric(tr("pg.nominee"), md(product_text(comp, results.nominee)))
    elif not decided and results.tied_for_first:
        names = ", ".join(product_text(comp, p) for p in results.tied_for_first)
        st.warning(trm("pg.tie", products=names))
    elif not decided:
        st.info(tr("pg.no_nominee", quorum=results.quorum))
    if results.margin is not None:
        st.markdown(
            f"{tr('nom.margin')}: **{tr('nom.margin_value', points=format_score(results.margin))}**"
            f" ({md(product_text(comp, results.runner_up))})"
        )


@refresh.live
def body() -> None:
    snap = refresh.live_snapshot()
    lang = state.lang()
    comp = frame.page_start(snap, need_products=True)
    if withheld(room=True):  # the room's screen: hidden from the chair too
        st.info(tr("projector.hidden"), icon=":material/visibility_off:")
        show_progress(snap, comp)
        refresh.status_line(snap, key="projector_refresh")
        return
    results = state.results(snap, pickers.current_method(snap))
    decided = meeting_view.show_final_banner(snap)

    left, right = st.columns(2, gap="medium")
    with left:
        st.subheader(tr("projector.ranking"))
        st.table(word_table(md_table(ranking(comp, results, lang))), hide_index=True)
        st.caption(tr("analysis.method_in_use", name=pickers.method_name(results.method)))
    with right:
        show_nominee(comp, results, decided)
        st.subheader(tr("nom.leaders"))
        st.table(
            word_table(md_table(leaders_table(comp, results, lang).iloc[:, :3])), hide_index=True
        )
        show_progress(snap, comp, results)
    refresh.status_line(snap, key="projector_refresh")


projector_style()
title, leave = st.columns([3, 1], vertical_alignment="center")
title.title(tr("app.title"))
leave.page_link("pages/overview.py", label=tr("projector.back"), icon=":material/close:")
body()
