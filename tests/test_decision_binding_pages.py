"""AppTest + the Sheets emulator: the chair decides, judges edit cells, and every page and
document says "Scores were edited after the decision" (issue 17 §1); ``lock_after_decision``
locks every judge tab in one batchUpdate, and ``init-sheet --protect-only`` restores them.

The demo sheet is served by the emulator, with ``lock_after_decision`` = ใช่ in Settings. The
chair records P-15 (the provisional nominee) on the Nomination page. Then ten judges (J01-J07,
J09, J10, J12) change their five P-15 cells (row 16, C16:G16) to 1: 50 counted cells. P-15's
mean falls by about 10 x 83 / 24 points, so it is no longer first: the leader changed.
"""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pypdf
import pytest

from kbo_dashboard.commands.sheet_setup import run_init
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import signing
from kbo_dashboard.sources.demo import demo_tabs
from tests.test_chair_form import unlock
from tests.test_pages import no_exception, open_page, texts
from tests.test_protections import _args, _batch_updates, _whole_tab

EDITORS = ("J01", "J02", "J03", "J04", "J05", "J06", "J07", "J09", "J10", "J12")
TITLE = "Scores were edited after the decision"


def as_read(markdown: str) -> str:
    """Markdown source as a reader sees it: no escaping backslashes, no invisible marks."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "").replace("\u200b", "")


@pytest.fixture
def sheet(sheets_emulator, app_env, chair_password, monkeypatch):
    tabs = demo_tabs()
    tabs["Settings"].append(["lock_after_decision", "ใช่"])
    tabs["Decision"] = [D.HEADER]  # made by init-sheet: recording adds no tab
    key = sheets_emulator.create_spreadsheet(tabs)
    monkeypatch.setenv("KBO_SHEETS_API_URL", sheets_emulator.url)
    monkeypatch.setenv("KBO_SPREADSHEET", key)
    monkeypatch.setenv(signing.KEY_ENV, "binding-pages-test-key")
    return key


def decide(sheets_emulator, chair_password):
    at = open_page("pages/nomination.py", "en")
    unlock(at, chair_password)
    at.checkbox(key="chair_ack").check().run()
    sheets_emulator.reset_log()
    at.button(key="chair_record").click().run()
    no_exception(at)
    return at


def test_decide_lock_edit_and_every_page_and_document_says_so(
    sheet, sheets_emulator, chair_password, app_env, captured_downloads, monkeypatch
):
    at = decide(sheets_emulator, chair_password)
    # The lock: one batchUpdate; every judge's tab editable by the app only; the chair is told.
    assert _batch_updates(sheets_emulator) == 1
    book = sheets_emulator.book(sheet)
    judges = [s for s in book.sheets if s.title.startswith("J") and s.title[1:].isdigit()]
    assert len(judges) == 27
    for tab in judges:
        (locked,) = _whole_tab(tab)
        assert locked["description"] == f"KBO locked judge {tab.title}"
        assert "warningOnly" not in locked
    assert any(s.value.startswith("Locked 27 judge tabs") for s in at.success)
    rows = sheets_emulator.values(sheet, "Decision")
    assert rows[0] == D.HEADER and len(rows[1][-1]) == 64  # scores_digest, signed

    # Before any edit: no notice.
    app_env.refresh()
    assert TITLE not in texts(open_page("pages/overview.py", "en"))

    for judge in EDITORS:
        for column in "CDEFG":
            sheets_emulator.set_cell(sheet, judge, f"{column}16", 1)
    app_env.refresh()
    overview = open_page("pages/overview.py", "en")
    no_exception(overview)
    shown = texts(overview)
    assert TITLE in shown
    assert "50 counted score cells changed after the decision was recorded" in shown
    assert "The leader changed: P-15 when the decision was recorded" in as_read(shown)
    cells = as_read("\n".join(str(e.value) for e in overview.text))
    assert "J01!C16: " in cells and " → 1 (" in cells
    assert "P-15: " in cells and "(rank 1) →" in cells  # the standings then beside now

    for page in ("pages/nomination.py", "pages/projector.py"):
        other = open_page(page, "en")
        no_exception(other)
        assert TITLE in texts(other), page

    # Every document: the mark on each page, and no unqualified "final".
    downloads = open_page("pages/downloads.py", "en")
    no_exception(downloads)
    names = list(captured_downloads.deferred)
    pdf_name = next(n for n in names if n.startswith("kbo-report") and n.endswith(".pdf"))
    pdf = pypdf.PdfReader(io.BytesIO(captured_downloads[pdf_name]))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "SCORES EDITED AFTER THE DECISION" in text
    assert "this is not final" in " ".join(text.split())
    assert "Final: the decision" not in text
    xlsx_name = next(n for n in names if n.endswith(".xlsx"))
    workbook = openpyxl.load_workbook(io.BytesIO(captured_downloads[xlsx_name]))
    strings = "\n".join(
        str(c) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for c in row
    )
    assert "SCORES EDITED AFTER THE DECISION" in strings and TITLE in strings
    docx_name = next(n for n in names if n.endswith(".docx"))
    with zipfile.ZipFile(io.BytesIO(captured_downloads[docx_name])) as doc:
        body = doc.read("word/document.xml").decode()
    assert TITLE in body and "J01!C16" in body


def test_protect_only_restores_the_usual_protections_after_the_lock(
    sheet, sheets_emulator, chair_password, monkeypatch, tmp_path
):
    decide(sheets_emulator, chair_password)
    assert _whole_tab(sheets_emulator.sheet(sheet, "J01"))[0]["description"].startswith(
        "KBO locked"
    )
    monkeypatch.setenv("HOME", str(tmp_path))  # no global secrets file
    assert run_init(_args(protect_only=True), io.StringIO()) == 0
    (usual,) = _whole_tab(sheets_emulator.sheet(sheet, "J01"))
    assert usual["description"] == "KBO judge J01"  # the demo's judges have no e-mail:
    assert usual.get("warningOnly") is True  # the usual warning-only protection
