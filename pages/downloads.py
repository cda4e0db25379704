"""Downloads: CSVs of the rankings, every score and the issues; the Excel and PDF reports; the
committee's papers: the announcement, the draft minutes and the per-judge score sheets."""

from datetime import UTC, datetime

import streamlit as st

from kbo_dashboard.intake import clock
from kbo_dashboard.reports.export import office_table, to_csv_bytes
from kbo_dashboard.reports.registry import Document, reports
from kbo_dashboard.scoring.aggregation import METHODS
from kbo_dashboard.scoring.counts import format_count, panel_counts
from kbo_dashboard.ui import cached, chair, frame, judges_side, pickers, state
from kbo_dashboard.ui.page_tables import download_name
from kbo_dashboard.ui.reveal import chair_note, document_withheld, follow, hidden_notice, withheld
from kbo_dashboard.ui.state import tr

snap = state.snapshot()
st.title(tr("page.downloads"))
comp = frame.page_start(snap)
follow("downloads")  # the documents with scores appear at the reveal, without a reload
chair_note()
if withheld():
    hidden_notice(documents=True)
lang = state.lang()

with st.columns([1, 2])[0]:
    method = pickers.method_picker(snap)  # shared with Rankings and Nomination
results = state.results(snap, method)
st.markdown(tr("analysis.method_in_use", name=METHODS[method].name(lang)))
st.caption(METHODS[method].description(lang))

now = datetime.now(UTC)
today = clock.today(comp.settings, now)  # the competition's date, for file names
demo = snap.source_kind == "demo"
counts = panel_counts(comp, results, cached.progress(snap))
CSV = "text/csv"

st.header(tr("downloads_page.csv"))
st.caption(tr("downloads_page.csv_note"))
csv_files = [
    ("rankings", cached.export_table(snap, results, "rankings", lang), method),
    ("scores", cached.export_table(snap, results, "scores", lang), None),
    ("issues", cached.issues(snap), None),
]
notes = {
    "rankings": tr("downloads_page.rankings_note", n=format_count(len(comp.products))),
    "scores": tr(
        "count.scores_note",
        rows=format_count(counts.score_cells),
        scores=format_count(counts.scores),
        aside=format_count(counts.scores_set_aside),
    ),
    "issues": tr("downloads_page.issues_note", n=format_count(len(comp.issues))),
}
for kind, table, named_method in csv_files:
    if document_withheld(kind):  # scores or ranks: not before the reveal
        continue
    row = st.columns([2, 3], vertical_alignment="center")
    row[0].download_button(
        tr(f"downloads_page.{kind}"),
        data=lambda table=table: to_csv_bytes(office_table(table, lang, comp)),  # on click
        file_name=download_name(kind, today, "csv", named_method),
        mime=CSV,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{kind}",
    )
    row[1].caption(notes[kind])


st.header(tr("downloads_page.reports"))
history, decision_error = chair.decision_history(snap)
if decision_error is not None:
    st.warning(tr("downloads_page.decisions_unreadable"), icon=":material/warning:")
st.caption(tr("downloads_page.reports_note"))
# The documents (kbo_dashboard.reports.registry): each builder is imported on the first click
# (openpyxl, fpdf2, HarfBuzz, PyThaiNLP, python-docx), not on every page view.


def build_report(document: Document) -> bytes:
    return document.build(comp, results, list(history), lang=lang, demo=demo, now=now)


for document in reports():
    if document_withheld(document.kind):  # scores or ranks: not before the reveal
        continue
    # Built only when clicked (a second or two): a failure there leaves the page up and
    # Streamlit reports the failed download. The closure holds this run's data only.
    st.download_button(
        tr(f"downloads_page.{document.kind}"),
        data=lambda document=document: build_report(document),
        file_name=download_name(document.file_stem, today, document.extension, method),
        mime=document.mime,
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{document.kind}",
    )

judges_side.downloads(comp, lang, today, demo=demo)  # judge cards, to-do messages
