"""Changes: the audit trail of score cells, what changed and when, filterable by time."""

from datetime import datetime, timedelta

import streamlit as st

from kbo_dashboard.meeting.audit import AuditStore, AuditUnavailable
from kbo_dashboard.meeting.reveal import ENTRIES
from kbo_dashboard.reports.export import to_csv_bytes
from kbo_dashboard.ui import frame, judges_side, state
from kbo_dashboard.ui.page_tables import changes_display, download_name, local_be_time
from kbo_dashboard.ui.reveal import chair_note, follow, hidden_notice, withheld
from kbo_dashboard.ui.state import tr

snap = state.snapshot()
st.title(tr("page.changes"))
frame.banners(snap)
lang = state.lang()
follow("changes")  # every judge's score cells: shown at the reveal, without a reload
if withheld(ENTRIES):
    hidden_notice()
    st.stop()
chair_note()
judges_side.form_history(snap.competition, lang)  # earlier Google Form submissions

problem = frame.record_audit(snap)
if problem is not None:
    st.warning(problem.message(lang), icon=":material/warning:")

try:
    store = AuditStore(timeout=1.0)
    first_seen = store.first_seen()
except AuditUnavailable as error:
    if problem is None or error.kind != problem.kind:
        st.warning(error.message(lang), icon=":material/warning:")
    st.stop()

if first_seen is None:
    st.info(tr("changes_page.empty"), icon=":material/history:")
    st.stop()

settings = state.settings_of(snap)
st.caption(tr("changes_page.first_seen", time=local_be_time(first_seen, lang, settings)))
choices = ("since_first", "since_time", "all")
period = st.radio(
    tr("changes_page.period"),
    options=choices,
    format_func=lambda c: tr(f"changes_page.period.{c}"),
    horizontal=True,
    key="changes_period",
)
since = None
if period == "since_first":
    # Strictly after the first snapshot: the scores as first shown are not "changes".
    since = first_seen + timedelta(microseconds=1)
elif period == "since_time":
    now = datetime.now(state.zone(snap))  # the competition's clock
    picked = st.columns(2)
    day = picked[0].date_input(tr("changes_page.date"), value=now.date(), key="changes_date")
    moment = picked[1].time_input(
        tr("changes_page.time"),
        value=now.replace(second=0, microsecond=0).time(),
        step=60,
        key="changes_time",
    )
    since = datetime.combine(day, moment, tzinfo=state.zone(snap))

edits_only = st.toggle(  # leave out each cell's first entry: corrections stand out
    tr("changes_page.edits_only"), help=tr("changes_page.edits_only_help"), key="changes_edits"
)
try:
    changes = store.changes(since=since, edits_only=edits_only)
except AuditUnavailable as error:
    st.warning(error.message(lang), icon=":material/warning:")
    st.stop()

if changes.empty:
    st.info(tr("changes_page.none_since"), icon=":material/history:")
    st.stop()

table = changes_display(changes, snap.competition, lang)
st.metric(tr("changes_page.count"), len(table))
st.dataframe(table, hide_index=True, width="stretch", key="changes_table")
st.download_button(
    tr("changes_page.download"),
    data=to_csv_bytes(table),
    file_name=download_name("changes", datetime.now(state.zone(snap)), "csv", settings=settings),
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)
