"""The judges' side: direct links (no extra request), judge cards whose QR codes decode back to
those links, the to-do messages on the demo in both languages, and the Judges page views."""

from __future__ import annotations

import argparse
import io
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from streamlit.testing.v1 import AppTest

from kbo_dashboard.commands.cards import run_cards
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.judge_cards import build_judge_cards, judge_cards
from kbo_dashboard.scoring.progress import fixes_apart, judge_progress
from kbo_dashboard.scoring.todo import judge_todos, todo_text
from kbo_dashboard.sources.demo import DemoSource, demo_tabs
from kbo_dashboard.sources.google_source import GoogleSheetSource

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def decode_qr_codes(pdf: bytes, tmp_path: Path) -> list[str]:
    """Every QR code in the PDF, read back from a 72 dpi render, page by page."""
    (tmp_path / "cards.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", str(tmp_path / "cards.pdf"), str(tmp_path / "page")],
        check=True,
    )
    found = []
    for page in sorted(tmp_path.glob("page-*.png")):
        results = zxingcpp.read_barcodes(Image.open(page), formats=zxingcpp.BarcodeFormat.QRCode)
        found += [r.text for r in sorted(results, key=lambda r: r.position.top_left.y)]
    return found


def test_links_come_with_the_cold_start_and_cost_no_request(sheets_emulator):
    key = sheets_emulator.create_spreadsheet(demo_tabs())
    source = GoogleSheetSource(key, api_url=sheets_emulator.url)
    first, second = source.fetch(), source.fetch()  # the tab names and the values, then values
    assert sheets_emulator.request_count == 3
    j05 = sheets_emulator.sheet(key, "J05").sheet_id
    expected = f"https://docs.google.com/spreadsheets/d/{key}/edit#gid={j05}"
    assert first.links["J05"] == second.links["J05"] == expected
    comp = parse(second)
    assert comp.judges.set_index("judge_id").at["J05", "link"] == expected


def test_judge_cards_qr_codes_decode_to_each_judges_link(sheets_emulator, tmp_path):
    key = sheets_emulator.create_spreadsheet(demo_tabs())
    comp = parse(GoogleSheetSource(key, api_url=sheets_emulator.url).fetch())
    expected = [
        f"https://docs.google.com/spreadsheets/d/{key}/edit#gid="
        f"{sheets_emulator.sheet(key, f'J{n:02d}').sheet_id}"
        for n in range(1, 28)
    ]
    assert decode_qr_codes(build_judge_cards(comp, "th"), tmp_path) == expected  # in order


def test_cards_list_the_products_in_each_tab_in_row_order():
    cards = {c.judge_id: c for c in judge_cards(parse(DemoSource().fetch()))}
    assert len(cards) == 27
    assert [p for p, _ in cards["J01"].products][:3] == ["P-01", "P-02", "P-03"]
    # J04 sorted their tab by product name; the card follows the tab.
    assert [p for p, _ in cards["J04"].products] != sorted(p for p, _ in cards["J04"].products)
    assert len(cards["J27"].products) == 20 and cards["J27"].link == ""


def test_judge_cards_command_on_the_demo_has_no_qr_code(tmp_path, monkeypatch):
    for name in ("KBO_SPREADSHEET", "KBO_WORKBOOK"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    out, pdf = io.StringIO(), tmp_path / "cards.pdf"
    args = argparse.Namespace(out=str(pdf), lang="en", secrets="/nonexistent.toml")
    assert run_cards(args, out) == 0
    assert "Wrote 27 judge cards" in out.getvalue()
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "No link: the data is not from a Google Sheet" in text and "J05" in text
    assert decode_qr_codes(pdf.read_bytes(), tmp_path) == []


# --- to-do messages on the demo -----------------------------------------------------------
# The demo's slips (kbo_dashboard/sources/demo.py): J08!C6 = 30 in innovation (max 25), J11!E8 =
# "ดีมาก" in quality, J14 scored 2 of 5 criteria for P-15, J26 has scored P-01..P-12 and J27
# P-01..P-05 (20 products). J05 scored P-09 (row 10) despite a declared conflict.
LATE_26 = ", ".join(f"P-{n:02d}" for n in range(13, 21))
LATE_27 = ", ".join(f"P-{n:02d}" for n in range(6, 21))
EXPECTED = [  # (Thai, English), one line per judge with something to do
    ("J05: ลบคะแนน P-09 แถว 10 (แจ้งส่วนได้เสียไว้: ญาติของผู้ประกอบการ)",
     "J05: clear the scores of P-09 in row 10 (conflict declared: ญาติของผู้ประกอบการ)"),
    ("J08: แก้ช่อง C6 ของ P-05 (คะแนน 30 เกินคะแนนเต็ม 25)",
     "J08: fix cell C6 of P-05 (score 30 is above the maximum 25)"),
    ("J11: แก้ช่อง E8 ของ P-07 (คะแนน “ดีมาก” ไม่ใช่ตัวเลข)",
     "J11: fix cell E8 of P-07 (score “ดีมาก” is not a number)"),
    ("J14: ให้คะแนนยังไม่ครบทุกเกณฑ์ P-15", "J14: not every criterion scored: P-15"),
    (f"J26: ยังไม่ได้ให้คะแนน {LATE_26}", f"J26: not scored yet: {LATE_26}"),
    (f"J27: ยังไม่ได้ให้คะแนน {LATE_27}", f"J27: not scored yet: {LATE_27}"),
]  # fmt: skip
EXPECTED_TH = [th for th, _ in EXPECTED]
EXPECTED_EN = [en for _, en in EXPECTED]


@pytest.mark.parametrize("lang, expected", [("th", EXPECTED_TH), ("en", EXPECTED_EN)])
def test_todo_messages_on_the_demo(lang, expected):
    todos = judge_todos(parse(DemoSource().fetch()))
    assert [todo.message(lang) for todo in todos] == expected
    assert todo_text(todos, lang) == "".join(line + "\n" for line in expected)


def test_a_rejected_cell_is_to_fix_not_unscored():
    comp = parse(DemoSource().fetch())
    frame = fixes_apart(comp, judge_progress(comp).per_judge).set_index("judge_id")
    assert frame.at["J08", "remaining"] == ["P-05"]  # the row does not count yet
    assert [i.where for i in frame.at["J08", "to_fix"]] == ["J08!C6"]
    assert frame.at["J08", "not_scored"] == [] and frame.at["J11", "not_scored"] == []
    assert frame.at["J14", "partly_scored"] == ["P-15"]


# --- pages ----------------------------------------------------------------------------------
def _judges_page(query: dict | None = None, lang: str = "th") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page("pages/judges.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang, expected", [("th", EXPECTED_TH), ("en", EXPECTED_EN)])
def test_judges_page_offers_each_message_to_copy(app_env, lang, expected):
    at = _judges_page(lang=lang)
    assert [c.value for c in at.code] == expected
    errors = [e.value for e in at.error]
    assert any("J08!C6" in e and "P-05" in e for e in errors)
    if lang == "en":  # J11's only problem is a cell to fix, not a product left to score
        assert "J11 กรรมการคนที่ 11 — 1 cell to fix · 0 still to score" in [
            e.label for e in at.expander
        ]


def test_deep_link_shows_one_judges_own_progress(app_env):
    at = _judges_page({"judge": "J08"}, lang="en")
    assert [h.value for h in at.header] == ["J08 กรรมการคนที่ 8"]
    assert "Fix cell J08!C6 of P-05" in at.error[0].value
    assert not at.dataframe and not at.code  # only this judge, nothing of the others
    at = _judges_page({"judge": "J27"}, lang="en")
    assert at.info[-1].value.startswith("Not scored yet: P-06, P-07")


def test_downloads_page_offers_the_cards_and_every_message(app_env, captured_downloads):
    from tests.test_pages_data import be_today, open_page

    open_page("downloads")
    text = captured_downloads[f"kbo-judge-todo-{be_today()}.txt"].decode("utf-8-sig")
    assert text == "\n".join(EXPECTED_TH) + "\n\n" + "\n".join(EXPECTED_EN) + "\n"
    cards = captured_downloads.deferred[f"kbo-judge-cards-{be_today()}.pdf"]()
    assert cards.startswith(b"%PDF-")
