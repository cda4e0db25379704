"""Overview: the chair's screen. Progress, top five, the provisional nominee, open issues and
the change feed, refreshing itself on the data TTL."""

import streamlit as st

from kbo_dashboard.intake.clock import thai_date
from kbo_dashboard.intake.issues import SEVERITIES, count_by_severity
from kbo_dashboard.scoring.counts import format_count, format_score, panel_counts
from kbo_dashboard.ui import cached, charts, fit, frame, meeting_view, pickers, refresh, state
from kbo_dashboard.ui.reveal import chair_note, hidden_notice, withheld
from kbo_dashboard.ui.standings_tables import feed_lines, product_text, standings_table
from kbo_dashboard.ui.state import tr
from kbo_dashboard.ui.text import md_table, trm
from kbo_dashboard.ui.thai_breaks import word_table


def meeting_line(settings: dict, lang: str) -> str:
    params = {"province": settings.get("province") or "-", "year": settings.get("year") or "-"}
    params = {k: str(v) for k, v in params.items()}  # Settings text: shown as text (issue 18)
    if settings.get("meeting_date"):
        return trm("pg.meeting", date=thai_date(settings["meeting_date"], lang), **params)
    return trm("pg.meeting_no_date", **params)


@refresh.live
def body() -> None:
    snap = refresh.live_snapshot()
    lang = state.lang()
    comp = frame.page_start(snap, need_products=True)
    st.caption(meeting_line(comp.settings, lang))
    hidden = withheld()  # the chair keeps scores, ranks and the nominee from the room
    chair_note()
    if not hidden:
        meeting_view.show_final_banner(snap)
    method = pickers.current_method(snap)
    results = state.results(snap, method)
    progress = cached.progress(snap)

    # Progress, nominee and issues as big numbers.
    cols = st.columns(3)
    counts = panel_counts(comp, results, progress)
    cols[0].metric(
        tr("overview.judges_finished"),
        f"{format_count(counts.finished)}/{format_count(counts.panel)}",
        border=True,
    )
    cols[1].metric(
        tr("overview.scores_received"),
        f"{format_count(counts.scores)}/{format_count(counts.scores_expected)}",
        border=True,
    )
    severities = count_by_severity(comp.issues)
    cols[2].metric(tr("overview.issues"), sum(severities.values()), border=True)
    st.progress(
        min(1.0, progress.share),
        text=tr(
            "overview.progress_bar",
            received=format_count(counts.scores),
            expected=format_count(counts.scores_expected),
            pct=round(100 * progress.share),
        ),
    )

    fit.wrap_table_columns()  # the top-5 table whole on a 1024 px screen (issue 19)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(tr("pg.nominee"))
        if hidden:
            hidden_notice()
        elif results.nominee:
            row = results.standings.set_index("product_id").loc[results.nominee]
            st.success(
                trm(
                    "pg.nominee_line",
                    product=results.nominee,
                    name=row["product_name"],
                    group=row["producer_group"],
                    score=format_score(row["score"]),
                ),
                icon=":material/emoji_events:",
            )
        elif results.tied_for_first:
            names = ", ".join(product_text(comp, p) for p in results.tied_for_first)
            st.warning(trm("pg.tie", products=names), icon=":material/balance:")
        else:
            st.info(tr("pg.no_nominee", quorum=results.quorum), icon=":material/hourglass:")
        if not hidden:
            st.caption(tr("analysis.method_in_use", name=pickers.method_name(results.method)))
            st.subheader(tr("overview.top5"))
            top = standings_table(comp, results, lang, top=5, compact=True)
            st.table(word_table(md_table(top)), hide_index=True)

    with right:
        st.subheader(tr("overview.issues"))
        if sum(severities.values()):
            st.markdown(
                " · ".join(f"{tr(f'severity.{s}')} **{severities.get(s, 0)}**" for s in SEVERITIES)
            )
        else:
            st.markdown(tr("overview.no_issues"))
        st.page_link("pages/issues.py", label=tr("overview.issues_link"), icon=":material/report:")
        st.subheader(tr("live.feed.title"))
        lines = feed_lines(refresh.feed_log().entries(8), lang, state.zone(snap))
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
        else:
            st.caption(tr("live.feed.empty"))

    st.plotly_chart(
        cached.figure(
            snap, "progress", (lang,), lambda: charts.progress_chart(progress.per_judge, lang)
        ),
        width="stretch",
        key="progress_chart",
        config={"displayModeBar": False},
    )
    refresh.status_line(snap)


st.title(tr("page.overview"))
fit.no_refresh_fade()
body()
st.page_link("pages/projector.py", label=tr("overview.projector_link"), icon=":material/tv:")
