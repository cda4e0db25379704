"""Downloads: CSVs of the rankings, every score and the issues; the Excel and PDF reports."""

from datetime import datetime

import streamlit as st

from kbo_dashboard.intake.issues import issues_frame
from kbo_dashboard.reports.export import rankings_table, scores_long, to_csv_bytes
from kbo_dashboard.reports.pdf import build_pdf
from kbo_dashboard.reports.xlsx import build_xlsx
from kbo_dashboard.scoring.aggregation import METHODS
from kbo_dashboard.ui import chair, frame, judges_side, pickers, state
from kbo_dashboard.ui.page_tables import download_name
from kbo_dashboard.ui.state import tr

snap = state.snapshot()
st.title(tr("page.downloads"))
comp = frame.page_start(snap)
lang = state.lang()

with st.columns([1, 2])[0]:
    method = pickers.method_picker(snap)  # shared with Rankings and Nomination
results = state.results(snap, method)
st.markdown(tr("analysis.method_in_use", name=METHODS[method].name(lang)))
st.caption(METHODS[method].description(lang))

today = datetime.now().astimezone()
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

st.header(tr("downloads_page.csv"))
st.caption(tr("downloads_page.csv_note"))
csv_files = [
    ("rankings", rankings_table(comp, results, lang), method),
    ("scores", scores_long(comp, results), None),
    ("issues", issues_frame(comp.issues), None),
]
for kind, table, named_method in csv_files:
    row = st.columns([2, 3], vertical_alignment="center")
    row[0].download_button(
        tr(f"downloads_page.{kind}"),
        data=to_csv_bytes(table),
        file_name=download_name(kind, today, "csv", named_method),
        mime=CSV,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{kind}",
    )
    row[1].caption(tr(f"downloads_page.{kind}_note", n=f"{len(table):,}"))


st.header(tr("downloads_page.reports"))
history, decision_error = chair.decision_history(snap)
if decision_error is not None:
    st.warning(tr("downloads_page.decisions_unreadable"), icon=":material/warning:")
st.caption(tr("downloads_page.reports_note"))
reports = [("xlsx", build_xlsx, XLSX), ("pdf", build_pdf, "application/pdf")]
for kind, build, mime in reports:
    # Built only when clicked (a second or two): a failure there leaves the page up and
    # Streamlit reports the failed download. The closure holds this run's data only.
    st.download_button(
        tr(f"downloads_page.{kind}"),
        data=lambda build=build: build(comp, results, list(history), lang=lang),
        file_name=download_name("report", today, kind, method),
        mime=mime,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{kind}",
    )

judges_side.downloads(comp, lang, today)  # judge cards, to-do messages
