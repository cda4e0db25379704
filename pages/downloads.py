"""Downloads: CSVs of the rankings, every score and the issues; the Excel and PDF reports."""

from datetime import datetime

import streamlit as st

from kbo_dashboard.reports.export import to_csv_bytes
from kbo_dashboard.scoring.aggregation import METHODS
from kbo_dashboard.ui import cached, chair, frame, pickers, state
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
    ("rankings", cached.export_table(snap, results, "rankings", lang), method),
    ("scores", cached.export_table(snap, results, "scores", lang), None),
    ("issues", cached.issues(snap), None),
]
for kind, table, named_method in csv_files:
    row = st.columns([2, 3], vertical_alignment="center")
    row[0].download_button(
        tr(f"downloads_page.{kind}"),
        data=lambda table=table: to_csv_bytes(table),  # written only when clicked
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


def build_report(kind: str) -> bytes:
    # The report builders (openpyxl, fpdf2, HarfBuzz, PyThaiNLP) are imported on the first click.
    if kind == "xlsx":
        from kbo_dashboard.reports.xlsx import build_xlsx as build
    else:
        from kbo_dashboard.reports.pdf import build_pdf as build
    return build(comp, results, list(history), lang=lang)


reports = [("xlsx", XLSX), ("pdf", "application/pdf")]
for kind, mime in reports:
    # Built only when clicked (a second or two): a failure there leaves the page up and
    # Streamlit reports the failed download. The closure holds this run's data only.
    st.download_button(
        tr(f"downloads_page.{kind}"),
        data=lambda kind=kind: build_report(kind),
        file_name=download_name("report", today, kind, method),
        mime=mime,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{kind}",
    )
