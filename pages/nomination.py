"""Nomination: the provisional nominee, how safe it is ("would the winner change if...?"),
and the chair's recorded decision behind the chair password."""

import streamlit as st

from kbo_dashboard.analysis.nomination import what_if_rows
from kbo_dashboard.analysis.readiness import quorum_sentence
from kbo_dashboard.meeting import decision
from kbo_dashboard.scoring.counts import (
    format_count,
    format_score,
    is_level,
    judges_counted,
    panel_counts,
)
from kbo_dashboard.scoring.ranking import tiebreak_criteria
from kbo_dashboard.ui import (
    cached,
    chair,
    chair_form,
    fit,
    frame,
    meeting_view,
    pickers,
    refresh,
    state,
)
from kbo_dashboard.ui.charts import criterion_name
from kbo_dashboard.ui.decision_tables import history_rows, unsigned_rows
from kbo_dashboard.ui.reveal import chair_note, hidden_notice, withheld
from kbo_dashboard.ui.robustness_tables import (
    methods_table,
    moves_sentence,
    moves_table,
    outcome_text,
)
from kbo_dashboard.ui.standings_tables import (
    leaders_table,
    product_text,
    standings_table,
)
from kbo_dashboard.ui.state import tr
from kbo_dashboard.ui.text import md, md_table, trm
from kbo_dashboard.ui.thai_breaks import mark_words, word_metric, word_table


def show_final(lang: str) -> None:
    """The recorded decision, final for every viewer, and its history. Only decisions signed by
    the app count; rows typed into the sheet are listed apart. All text is shown literally."""
    history, error = chair.decision_history(state.snapshot())
    if error is not None:
        st.warning(tr("nom.decision_store_error", reason=error.message(lang)))
    last, history, unsigned = decision.split_history(history)
    if unsigned:
        st.error(tr("nom.unsigned_title"), icon=":material/gpp_bad:")
        st.table(unsigned_rows(unsigned, lang), hide_index=True)
    chair.show_decision_tab_issues(state.snapshot(), lang)
    if last is None:
        return
    st.success(
        tr("pg.final", product=chair.plain(last.product_id), name=chair.plain(last.product_name)),
        icon=":material/gavel:",
    )
    score = format_score(last.score)
    st.caption(
        tr(
            "nom.decision_meta",
            time=state.local_time(last.decided_at, state.competition_settings()),
            method=pickers.method_name(last.method),
            score=score,
        )
    )
    if last.reason:
        st.markdown(tr("nom.decision_reason", reason=chair.plain(last.reason)))
    meeting_view.edited_notice(state.snapshot(), last)
    with st.expander(tr("nom.decision_history") + f" ({len(history)})"):
        st.table(history_rows(history, lang), hide_index=True)


def show_nominee(comp, results, lang: str) -> None:
    standings = results.standings.set_index("product_id")
    cols = st.columns(4)
    if results.nominee:
        row = standings.loc[results.nominee]
        word_metric(cols[0], tr("pg.nominee"), md(results.nominee), border=True)
        cols[0].caption(mark_words(md(row["product_name"])))
        word_metric(cols[1], tr("nom.score"), format_score(row["score"]), border=True)
    else:
        if results.tied_for_first:
            names = ", ".join(product_text(comp, p) for p in results.tied_for_first)
            st.warning(trm("pg.tie", products=names), icon=":material/balance:")
        else:
            st.info(tr("pg.no_nominee", quorum=results.quorum), icon=":material/hourglass:")
    if results.margin is not None:
        word_metric(
            cols[2],
            tr("nom.margin"),
            tr("nom.margin_level")
            if is_level(results.margin)
            else tr("nom.margin_value", points=format_score(results.margin)),
            border=True,
        )
        cols[2].caption(
            trm(
                "nom.runner_up",
                product=results.runner_up,
                name=standings.at[results.runner_up, "product_name"],
            )
        )
    panel = panel_counts(comp, results, cached.progress(state.snapshot()))  # cached
    word_metric(
        cols[3],
        tr("nom.judges_counted"),
        tr(
            "nom.judges_counted_value",
            n=format_count(judges_counted(results)),
            total=format_count(panel.panel),
        ),
        border=True,
    )
    st.caption(tr("analysis.method_in_use", name=pickers.method_name(results.method)))

    fit.wrap_table_columns()
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(tr("nom.runners_up"))
        table = standings_table(comp, results, lang, top=6, compact=True)
        st.table(word_table(md_table(table.iloc[1:])), hide_index=True)
    with right:
        st.subheader(tr("nom.leaders"))
        st.table(word_table(md_table(leaders_table(comp, results, lang))), hide_index=True)


def show_checklist(snap, results) -> None:
    """Ready to decide? The readiness checklist (issue 9)."""
    meeting_view.show_readiness(meeting_view.current_readiness(snap, results))


def show_robustness(snap, comp, results, lang: str) -> None:
    st.header(tr("nom.robustness"))
    if len(results.ranked) < 2:
        st.info(tr("nom.no_robustness"))
        return
    report = state.robustness(snap, results.method)

    st.subheader(tr("nom.methods_title"))
    shared = report.comparison.shared_first
    if report.robust:
        st.success(tr("analysis.robust.yes"), icon=":material/verified:")
    elif shared:
        names = ", ".join(pickers.method_name(m) for m in shared)
        st.warning(tr("rob.not_robust_tie", methods=names), icon=":material/balance:")
    else:
        st.warning(tr("analysis.robust.no"), icon=":material/warning:")
    st.table(word_table(md_table(methods_table(comp, report.comparison, lang))), hide_index=True)

    st.subheader(tr("nom.lojo_title"))
    changes = what_if_rows(report)
    if changes.empty:
        st.success(tr("analysis.lojo.none"), icon=":material/verified:")
    else:
        st.warning(
            trm("analysis.lojo.deciding", judges=", ".join(report.lojo.any_deciding())),
            icon=":material/person_alert:",
        )
        lines = [
            trm(
                "nom.lojo_change",
                judge=row.judge_id,
                method=pickers.method_name(row.method),
                before=outcome_text(comp, row.nominee, lang),
                after=outcome_text(comp, row.without, lang),
            )
            for row in changes.itertuples()
        ]
        st.markdown("\n".join(f"- {line}" for line in lines))
        quorum = quorum_sentence(report.lojo, lang)
        if quorum:  # the quorum, not anyone's scores, is the cause (issue 17)
            st.caption(chair.plain(quorum))

    st.subheader(tr("nom.margin_title"))
    margin = report.margin
    level = is_level(margin.points)
    points = format_score(margin.points)
    st.markdown(tr("nom.margin_level") if level else tr("analysis.margin.points", points=points))
    if level and results.nominee:
        names = ", ".join(
            criterion_name(comp.criteria, c, lang) for c in tiebreak_criteria(comp.criteria)
        )
        st.markdown(trm("nom.margin_tiebreak", criteria=names))
    show_moves(margin, comp, lang)
    if results.method != "mean":
        st.caption(tr("nom.margin_mean_note", points=format_score(report.mean_margin.points)))
        show_moves(report.mean_margin, comp, lang)


def show_moves(margin, comp, lang: str) -> None:
    """The fewest totals to move under ``margin.method``: the sentence, then which totals."""
    st.markdown(moves_sentence(margin, lang))
    if margin.totals_to_move:
        st.table(word_table(md_table(moves_table(margin.moves, comp, lang))), hide_index=True)


@refresh.live
def body() -> None:
    snap = refresh.live_snapshot()
    lang = state.lang()
    comp = frame.page_start(snap, need_products=True)
    if withheld():  # until the chair reveals the results; the chair's form stays below
        hidden_notice()
        refresh.status_line(snap)
        return
    chair_note()
    show_final(lang)
    method = pickers.method_picker(snap)
    results = state.results(snap, method)
    show_nominee(comp, results, lang)
    show_checklist(snap, results)
    show_robustness(snap, comp, results, lang)
    refresh.status_line(snap)


st.title(tr("page.nomination"))
body()
chair_form.chair_controls()
