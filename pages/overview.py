"""Overview: the chair's screen. Progress, top five, the provisional nominee, open issues and
the change feed, refreshing itself on the data TTL."""

import streamlit as st

from kbo_dashboard import charts, ui
from kbo_dashboard.issues import SEVERITIES, count_by_severity
from kbo_dashboard.progress import judge_progress
from kbo_dashboard.settings import thai_date
from kbo_dashboard.standings_tables import feed_lines, product_text, standings_table


def meeting_line(settings: dict, lang: str) -> str:
    params = {"province": settings.get("province") or "-", "year": settings.get("year") or "-"}
    if settings.get("meeting_date"):
        return ui.tr("pg.meeting", date=thai_date(settings["meeting_date"], lang), **params)
    return ui.tr("pg.meeting_no_date", **params)


@ui.live
def body() -> None:
    snap = ui.live_snapshot()
    lang = ui.lang()
    comp = ui.page_start(snap, need_products=True)
    st.caption(meeting_line(comp.settings, lang))
    method = ui.current_method(snap)
    results = ui.results(snap, method)
    progress = judge_progress(comp)

    # Progress, nominee and issues as big numbers.
    cols = st.columns(3)
    cols[0].metric(
        ui.tr("overview.judges_finished"),
        f"{progress.judges_finished}/{progress.judges_total}",
        border=True,
    )
    cols[1].metric(
        ui.tr("overview.scores_received"),
        f"{progress.scores_received}/{progress.scores_expected}",
        border=True,
    )
    counts = count_by_severity(comp.issues)
    cols[2].metric(ui.tr("overview.issues"), sum(counts.values()), border=True)
    st.progress(
        min(1.0, progress.share),
        text=ui.tr(
            "overview.progress_bar",
            received=progress.scores_received,
            expected=progress.scores_expected,
            pct=round(100 * progress.share),
        ),
    )

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(ui.tr("pg.nominee"))
        if results.nominee:
            row = results.standings.set_index("product_id").loc[results.nominee]
            st.success(
                ui.tr(
                    "pg.nominee_line",
                    product=results.nominee,
                    name=row["product_name"],
                    group=row["producer_group"],
                    score=f"{row['score']:.2f}",
                ),
                icon=":material/emoji_events:",
            )
        elif results.tied_for_first:
            names = ", ".join(product_text(comp, p) for p in results.tied_for_first)
            st.warning(ui.tr("pg.tie", products=names), icon=":material/balance:")
        else:
            st.info(ui.tr("pg.no_nominee", quorum=results.quorum), icon=":material/hourglass:")
        st.caption(ui.tr("analysis.method_in_use", name=ui.method_name(results.method)))
        st.subheader(ui.tr("overview.top5"))
        top = standings_table(comp, results, lang, top=5, compact=True)
        st.table(top, hide_index=True)

    with right:
        st.subheader(ui.tr("overview.issues"))
        if sum(counts.values()):
            st.markdown(
                " · ".join(f"{ui.tr(f'severity.{s}')} **{counts.get(s, 0)}**" for s in SEVERITIES)
            )
        else:
            st.markdown(ui.tr("overview.no_issues"))
        st.page_link(
            "pages/issues.py", label=ui.tr("overview.issues_link"), icon=":material/report:"
        )
        st.subheader(ui.tr("live.feed.title"))
        lines = feed_lines(ui.feed_log().entries(8), lang)
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
        else:
            st.caption(ui.tr("live.feed.empty"))

    st.plotly_chart(
        charts.progress_chart(progress.per_judge, lang),
        width="stretch",
        key="progress_chart",
        config={"displayModeBar": False},
    )
    ui.status_line(snap)


st.title(ui.tr("page.overview"))
body()
st.page_link("pages/projector.py", label=ui.tr("overview.projector_link"), icon=":material/tv:")
