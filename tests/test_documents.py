"""The committee's documents (issue 9): counts that agree, one clock, draft/demo/final marks,
the PDF's headers and signatures, the announcement, the minutes and the score sheets.

Demo figures worked out by hand from kbo_dashboard/sources/demo.py: 27 judges on the panel;
5 are still scoring (STILL_SCORING), so 22 finished; expected scores are 27 judges x 20 products
x 5 criteria = 2,700 minus J05's declared conflict with P-09 (5 cells) = 2,695; 120 cells are
still missing, so 2,575 scores are in; J05 typed the 5 conflict cells anyway, so the workbook
holds 2,580 score cells. The nominee P-15 is counted from 24 judges.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from kbo_dashboard.i18n import MESSAGES, t
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.announcement import build_announcement
from kbo_dashboard.reports.minutes import build_minutes
from kbo_dashboard.reports.pdf import build_pdf
from kbo_dashboard.reports.pdf_document import PAD, Document
from kbo_dashboard.reports.score_sheets import build_score_sheets
from kbo_dashboard.reports.thai_text import words
from kbo_dashboard.reports.xlsx import build_xlsx
from kbo_dashboard.scoring.counts import format_count, format_score, panel_counts
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import DemoSource
from tests.test_pages import open_page, texts
from tests.workbooks import signed_decision

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

AT = dt.datetime(2022, 5, 23, 8, 0, tzinfo=dt.UTC)  # 15:00 in Bangkok
NOW = dt.datetime(2022, 5, 23, 17, 30, tzinfo=dt.UTC)  # 00:30 on 24 May in Bangkok
OPEN = json.dumps(
    [{"key": "judges_finished", "detail_th": "ยังไม่เสร็จ 5 คน: J23", "detail_en": "5 left: J23"}],
    ensure_ascii=False,
    separators=(",", ":"),
)


def pdftotext(data: bytes, *options: str) -> str:
    done = subprocess.run(["pdftotext", *options, "-", "-"], input=data, capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


def pages(data: bytes) -> list[str]:
    return pdftotext(data, "-layout").split("\f")[:-1]


@pytest.fixture(scope="module", autouse=True)
def _signing(decision_key):
    """Decisions are signed with the test key, as the app signs what it records."""


@pytest.fixture(scope="module")
def demo():
    comp = parse(DemoSource().fetch())
    return comp, score_competition(comp)


# --- counts -----------------------------------------------------------------------------------
def test_demo_counts_worked_out_by_hand(demo):
    counts = panel_counts(*demo)
    assert (counts.panel, counts.finished, counts.counted_for_nominee) == (27, 22, 24)
    assert (counts.scores, counts.scores_expected) == (2575, 27 * 20 * 5 - 5)
    assert (counts.score_cells, counts.scores_set_aside) == (2580, 5)
    assert format_count(2575) == "2,575" and format_count(None) == "-"
    assert format_score(84.58333) == "84.58" and format_score(float("nan")) == "-"


def test_page_xlsx_and_pdf_show_the_same_counts(app_env, no_chair_password, demo):
    overview = texts(open_page("pages/overview.py"))
    assert "22/27" in overview and "2,575/2,695" in overview
    judges = texts(open_page("pages/judges.py"))
    assert "22/27" in judges and "2,575/2,695" in judges
    projector = texts(open_page("pages/projector.py"))
    assert "22/27" in projector and "2,575/2,695" in projector
    # As a reader reads it: without the zero-width word marks the metric cards carry (issue 19).
    nomination = texts(open_page("pages/nomination.py")).translate({0x2060: None, 0x200B: None})
    assert "24 จาก 27 คน" in nomination
    downloads = texts(open_page("pages/downloads.py"))
    assert "2,580 แถว: คะแนน 2,575 รายการ" in downloads
    summary = dict(load_workbook(io.BytesIO(build_xlsx(*demo))).active.values)
    assert summary["กรรมการทั้งคณะ"] == 27 and summary["กรรมการที่ให้คะแนนครบ"] == 22
    assert summary["กรรมการที่นับคะแนนผลิตภัณฑ์ที่ได้รับการเสนอชื่อ"] == 24
    assert summary["คะแนนที่ได้รับ"] == "2,575 จาก 2,695"
    layout = pdftotext(build_pdf(*demo), "-layout")
    assert re.search(r"กรรมการที่ให้คะแนนครบ\s+22 จาก 27 คน", layout)
    assert re.search(r"คะแนนที่ได้รับ\s+2,575 จาก 2,695", layout)


def test_the_xlsx_decision_score_is_rounded_like_everywhere_else(demo):
    decision = signed_decision(*demo, "P-15", now=AT)  # P-15 scores 84.5833...
    book = load_workbook(io.BytesIO(build_xlsx(*demo, [decision])))
    header, row = list(book["มติ"].values)
    assert dict(zip(header, row))["คะแนน"] == 84.58


# --- draft, demo and final ----------------------------------------------------------------------
def test_before_a_decision_every_pdf_page_and_xlsx_sheet_is_a_draft(demo):
    for page in pages(build_pdf(*demo)):
        assert "ร่าง / DRAFT" in page and "DEMO" not in page
    book = load_workbook(io.BytesIO(build_xlsx(*demo)))
    assert all("ร่าง / DRAFT" in s.oddHeader.right.text for s in book.worksheets)
    assert dict(book.active.values)["สถานะเอกสาร"] == "ร่าง / DRAFT"


def test_demo_data_carries_its_own_mark_even_when_decided(demo):
    decision = signed_decision(*demo, "P-15", now=AT)
    for page in pages(build_pdf(*demo, [decision], demo=True)):
        assert "ข้อมูลตัวอย่าง / DEMO" in page and "DRAFT" not in page
    book = load_workbook(io.BytesIO(build_xlsx(*demo, [decision], demo=True)))
    assert all(s.oddHeader.right.text == "ข้อมูลตัวอย่าง / DEMO" for s in book.worksheets)


def test_a_final_report_names_the_decision_its_time_and_the_checklist_then(demo):
    decision = signed_decision(*demo, "P-15", now=AT, open_points=OPEN)
    text = pdftotext(build_pdf(*demo, [decision]))
    assert "DRAFT" not in text
    assert "ฉบับสมบูรณ์: มติเลือก ผ้าไหมกาบบัว (P-15) บันทึกเมื่อ 23 พฤษภาคม 2565 เวลา 15:00 น." in text
    assert "ยังไม่ครบ 1 ข้อ" in text and "- กรรมการให้คะแนนครบทุกคน: ยังไม่เสร็จ 5 คน: J23" in text
    summary = dict(
        load_workbook(io.BytesIO(build_xlsx(*demo, [decision], lang="en"))).active.values
    )
    assert summary["Document status"] == "ฉบับสมบูรณ์ / FINAL"
    assert "recorded 23 May 2565 BE, 15:00" in summary["Status details"]
    assert "- Every judge finished: 5 left: J23" in summary["Status details"]
    clear = signed_decision(*demo, "P-15", now=AT)
    assert "ครบทุกข้อ" in pdftotext(build_pdf(*demo, [clear]))


# --- the PDF's layout --------------------------------------------------------------------------
def test_no_table_header_breaks_inside_a_word(demo):
    for lang in ("th", "en"):
        text = pdftotext(build_pdf(*demo, lang=lang), "-layout")
        # The cuts seen before: a word ending a line half-way, its rest starting the next.
        assert not re.search(r"(กรรมก|[Cc]ategor)[ \t]*$", text, re.M)
        assert not re.search(r"^[ \t]*(ารที่นับ|y\b)", text, re.M)
        header = "กรรมการที่นับ (คน)" if lang == "th" else "Rank in category"
        for word in (w for w in words(header) if w.strip()):
            assert word in text  # every word of the header whole on some line


def test_the_signature_block_never_sits_alone_on_a_page(demo):
    comp, _ = demo
    carried = 0
    for n in range(12, 21):  # fewer products move the end of the rankings up the page
        part = parse(DemoSource().fetch())
        keep = part.products["product_id"].isin(comp.products["product_id"][:n])
        part.products = part.products[keep].reset_index(drop=True)
        results = score_competition(part)
        decided = [signed_decision(part, results, "P-01", "เหตุผล", now=AT)]  # final: no mark on top
        every = pages(build_pdf(part, results, decided))
        at = next(i for i, p in enumerate(every) if "เลขานุการ" in p)
        page = every[at]
        assert re.search(r"P-\d\d\s", page), f"{n} products: the signatures are alone"
        # Nor does a heading or a table header end the page before without a row under it.
        before = [line for line in every[at - 1].splitlines() if line.strip()][:-1]  # no footer
        headings = {t(f"cat.{c}", "th") for c in part.products["category"]}
        assert before[-1].strip() not in headings, f"{n} products: a heading ends the page"
        assert "(คน)" not in before[-1], f"{n} products: a table header ends the page"
        # The constructed case: the table's header repeated on top, its last row carried over.
        carried += page.lstrip().startswith("อันดับ")
    assert carried, "no case had to carry a row over to keep the signatures company"


@settings(max_examples=60, deadline=None)
@given(
    header=st.sampled_from(
        sorted(
            {v[lang] for k, v in MESSAGES.items() if k.startswith("col.") for lang in ("th", "en")}
        )
    ),
    width=st.floats(min_value=2, max_value=60),
)
def test_every_header_cell_breaks_only_between_words(header, width):
    pdf = Document("th", "")
    pdf.add_page()
    width = pdf.fit_widths([header, "x"], [width, 174 - width])[0] - 2 * PAD  # as a table does
    pdf.set_font(pdf.family, "B", pdf.header_size(header, width))
    lines = pdf.text_lines(header, width)
    # Naive reference: the places between words (spaces dropped at a break).
    ends, at = set(), 0
    for word in words(header):
        at += len(word)
        ends.add(at)
    consumed = 0
    for line in lines[:-1]:
        consumed = header.index(line, consumed) + len(line)
        assert consumed in ends, (header, width, lines)


def test_the_committee_signs_by_sector_with_absent_and_conflicted_marked(demo):
    comp = parse(DemoSource().fetch())
    comp.judges.loc[comp.judges["judge_id"] == "J02", "attendance"] = "absent"
    text = pdftotext(build_pdf(comp, score_competition(comp)), "-layout")
    signing = text[text.index("รายชื่อและลายมือชื่อคณะกรรมการ") :]
    for sector in ("ภาคราชการ (9)", "ภาคเอกชน (6)", "ภาคประชาสังคม (6)", "ตัวแทนภาคประชาชน (6)"):
        assert sector in signing
    assert re.search(r"2\s+กรรมการคนที่ 2 \(J02\)\s+ขาดประชุม", signing)
    assert re.search(r"5\s+กรรมการคนที่ 5 \(J05\)\s+มีส่วนได้เสียกับ P-09", signing)
    assert all(f"({j})" in signing for j in comp.judges["judge_id"])


# --- the announcement, the minutes, the score sheets ---------------------------------------------
def test_the_announcement_is_one_page_with_settings_and_thai_numerals(demo):
    comp = parse(DemoSource().fetch())
    comp.settings.update(document_number="12/2565", signer_name="นายสมชาย ใจดี")
    comp.settings.update(signer_position="ผู้ว่าราชการจังหวัดอุบลราชธานี", thai_numerals=True)
    results = score_competition(comp)
    data = build_announcement(comp, results, [signed_decision(comp, results, "P-15", now=AT)])
    assert len(pages(data)) == 1
    text = pdftotext(data)
    assert "ที่ ๑๒/๒๕๖๕" in text and "(นายสมชาย ใจดี)" in text
    assert "ประกาศคณะกรรมการพิจารณาคัดเลือกผลิตภัณฑ์ จังหวัด" in text
    assert "เรื่อง ผลการคัดเลือกผลิตภัณฑ์" in text and "ผ้าไหมกาบบัว" in text
    assert "ประกาศ ณ วันที่ ๒๓ พฤษภาคม พ.ศ. ๒๕๖๕" in text
    assert "ผู้ว่าราชการจังหวัดอุบลราชธานี" in text and "DRAFT" not in text
    plain = pdftotext(build_announcement(*demo, now=NOW))
    assert "ร่าง / DRAFT" in plain and "ที่ ....." in plain  # no number set: a line to fill


def test_the_minutes_hold_attendance_method_results_robustness_and_decision(demo):
    comp, results = demo
    decision = signed_decision(comp, results, "P-06", "ตลาดพร้อมกว่า", now=AT)
    document = docx.Document(io.BytesIO(build_minutes(comp, results, [decision])))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "รายงานการประชุม" in text and "ผู้มาประชุม" in text
    assert "ค่าเฉลี่ย" in text and "ให้คะแนนครบ 22 คน คะแนนที่ได้รับ 2,575 จาก 2,695" in text
    assert "ทุกวิธีรวมคะแนนให้ผลิตภัณฑ์อันดับ 1 เดียวกัน" in text
    assert "น้ำพริกปลาร้าบอง (P-06)" in text and "เหตุผล: ตลาดพร้อมกว่า" in text
    cells = {c.text for table in document.tables for row in table.rows for c in row.cells}
    assert {"P-15", "ผ้าไหมกาบบัว", "84.58", "27.", "กรรมการคนที่ 27"} <= cells
    assert len(document.tables) == 6  # who came, then the five categories
    assert document.sections[0].header.paragraphs[0].text == ""  # decided, not the demo


def test_one_score_sheet_per_judge_with_their_scores(demo):
    comp, results = demo
    sheets = pages(build_score_sheets(comp, results))
    assert len(sheets) == 27
    j05 = sheets[4]
    assert "กรรมการคนที่ 5 (J05)" in j05 and "ลงชื่อ" in j05
    # J05 declared a conflict with P-09 and scored it anyway: not counted (tests/test_paper.py)
    assert re.search(r"P-09\s+เครื่องทองเหลืองบ้านปะอาว[\s\d]+ไม่นับ", j05)
    first = comp.scores[(comp.scores["judge_id"] == "J01") & (comp.scores["product_id"] == "P-01")]
    values = " +".join(f"{v:g}" for v in first["score"])
    assert re.search(r"P-01\s+ปลาส้มไร้ก้างสูตรโบราณ\s+" + r"\s+".join(values.split(" +")), sheets[0])


# --- one clock: the competition's, whatever the server's ---------------------------------------
LATE = dt.datetime(2022, 5, 23, 17, 15, tzinfo=dt.UTC)  # 00:15 on 24 May in Bangkok


@pytest.fixture
def server_on_utc(monkeypatch):
    """The server's own clock on UTC, as on a cloud host."""
    import os
    import time

    old = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_on_a_utc_server_the_page_and_the_report_agree_on_the_decision_time(
    app_env, no_chair_password, server_on_utc, demo
):
    from kbo_dashboard.meeting import signing
    from kbo_dashboard.meeting.decision_store import LocalDecisionStore

    app_env.data_dir.mkdir(parents=True, exist_ok=True)
    here = signing.binding_for("demo", demo[0].settings)  # as the page checks the demo's
    decision = signed_decision(*demo, "P-15", now=LATE, binding=here)
    LocalDecisionStore(app_env.data_dir / "decisions.sqlite3").append(decision)  # signed
    page = open_page("pages/nomination.py")
    shown = texts(page)
    assert "บันทึกเมื่อ 00:15:00" in shown and "17:15" not in shown
    history = [str(v) for table in page.table for v in table.value.to_numpy().ravel()]
    assert "24 พฤษภาคม 2565 00:15:00" in history
    report = pdftotext(build_pdf(*demo, [decision]))
    assert "บันทึกเมื่อ 24 พฤษภาคม 2565 เวลา 00:15 น." in report
    summary = dict(load_workbook(io.BytesIO(build_xlsx(*demo, [decision]))).active.values)
    assert "24 พฤษภาคม 2565 เวลา 00:15 น." in summary["มติสุดท้าย"]
    decisions = list(load_workbook(io.BytesIO(build_xlsx(*demo, [decision])))["มติ"].values)
    assert decisions[1][1] == "24 พฤษภาคม 2565 เวลา 00:15 น."  # BE, not a CE Excel date


def test_file_names_carry_the_competition_date():
    from kbo_dashboard.intake import clock
    from kbo_dashboard.ui.page_tables import download_name

    bangkok, utc = {}, {"time_zone": "UTC"}
    assert download_name("report", clock.today(bangkok, LATE), "pdf") == "kbo-report-2565-05-24.pdf"
    assert download_name("report", clock.today(utc, LATE), "pdf") == "kbo-report-2565-05-23.pdf"
    assert clock.format_time(LATE, utc, "en") == "23 May 2565 BE, 17:15"


def test_the_downloads_page_builds_every_document_on_a_utc_server(
    app_env, no_chair_password, server_on_utc, captured_downloads
):
    from tests.test_pages_data import be_today

    at = open_page("pages/downloads.py")
    stamp = be_today()  # Bangkok's date, not the server's
    names = {
        f"kbo-announcement-mean-{stamp}.pdf": b"%PDF-",
        f"kbo-minutes-mean-{stamp}.docx": b"PK",
        f"kbo-score-sheets-mean-{stamp}.pdf": b"%PDF-",
        f"kbo-report-mean-{stamp}.pdf": b"%PDF-",
    }
    for name, magic in names.items():
        assert captured_downloads.deferred[name]().startswith(magic), name
    sheets = pages(captured_downloads.deferred[f"kbo-score-sheets-mean-{stamp}.pdf"]())
    assert len(sheets) == 27 and all("ข้อมูลตัวอย่าง / DEMO" in p for p in sheets)
    minutes = docx.Document(
        io.BytesIO(captured_downloads.deferred[f"kbo-minutes-mean-{stamp}.docx"]())
    )
    assert minutes.sections[0].header.paragraphs[0].text == "ร่าง / DRAFT · ข้อมูลตัวอย่าง / DEMO"
    assert not at.exception
