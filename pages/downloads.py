"""Downloads: CSVs of the rankings, every score and the issues; the Excel and PDF reports."""

from datetime import datetime

import streamlit as st

from kbo_dashboard import ui
from kbo_dashboard.aggregation import METHODS
from kbo_dashboard.export import rankings_table, scores_long, to_csv_bytes
from kbo_dashboard.issues import issues_frame
from kbo_dashboard.page_tables import download_name
from kbo_dashboard.report_pdf import build_pdf
from kbo_dashboard.report_xlsx import build_xlsx

snap = ui.snapshot()
st.title(ui.tr("page.downloads"))
comp = ui.page_start(snap)
lang = ui.lang()

with st.columns([1, 2])[0]:
    method = ui.method_picker(snap)  # shared with Rankings and Nomination
results = ui.results(snap, method)
st.markdown(ui.tr("analysis.method_in_use", name=METHODS[method].name(lang)))
st.caption(METHODS[method].description(lang))

today = datetime.now().astimezone()
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

st.header(ui.tr("downloads_page.csv"))
st.caption(ui.tr("downloads_page.csv_note"))
csv_files = [
    ("rankings", rankings_table(comp, results, lang), method),
    ("scores", scores_long(comp, results), None),
    ("issues", issues_frame(comp.issues), None),
]
for kind, frame, named_method in csv_files:
    row = st.columns([2, 3], vertical_alignment="center")
    row[0].download_button(
        ui.tr(f"downloads_page.{kind}"),
        data=to_csv_bytes(frame),
        file_name=download_name(kind, today, "csv", named_method),
        mime=CSV,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{kind}",
    )
    row[1].caption(ui.tr(f"downloads_page.{kind}_note", n=f"{len(frame):,}"))


st.header(ui.tr("downloads_page.reports"))
history, decision_error = ui.decision_history(snap)
if decision_error is not None:
    st.warning(ui.tr("downloads_page.decisions_unreadable"), icon=":material/warning:")
st.caption(ui.tr("downloads_page.reports_note"))
reports = [("xlsx", build_xlsx, XLSX), ("pdf", build_pdf, "application/pdf")]
for kind, build, mime in reports:
    # Built only when clicked (a second or two): a failure there leaves the page up and
    # Streamlit reports the failed download. The closure holds this run's data only.
    st.download_button(
        ui.tr(f"downloads_page.{kind}"),
        data=lambda build=build: build(comp, results, list(history), lang=lang),
        file_name=download_name("report", today, kind, method),
        mime=mime,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{kind}",
    )
