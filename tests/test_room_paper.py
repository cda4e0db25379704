"""The announcement's date and the template's help for it (issue 19 §4), and the small things
seen on paper and in the CLI (§5)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.announcement import build_announcement
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.source import RawWorkbook
from kbo_dashboard.sources.workbook import read_xlsx, template_tabs, write_xlsx

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

DOWNLOADED = dt.datetime(2026, 12, 6, 3, 0, tzinfo=dt.UTC)  # 6 December 2569, long after


def pdftotext(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


def demo_with(*settings: list) -> tuple:
    tabs = demo_tabs()
    tabs["Settings"] += [list(row) for row in settings]
    comp = parse(RawWorkbook(tabs))
    return comp, score_competition(comp)


# --- §4 the announcement -----------------------------------------------------------------------
def test_the_announcement_is_dated_the_meeting_day_not_the_download_day():
    text = pdftotext(build_announcement(*demo_with(), now=DOWNLOADED))
    assert "ประกาศ ณ วันที่ 23 พฤษภาคม พ.ศ. 2565" in text  # Settings meeting_date 2022-05-23
    assert "2569" not in text


def test_settings_announcement_date_wins():
    comp, results = demo_with(["วันที่ประกาศ", "25/05/2565"])
    assert comp.settings["announcement_date"] == dt.date(2022, 5, 25)
    text = pdftotext(build_announcement(comp, results, now=DOWNLOADED))
    assert "ประกาศ ณ วันที่ 25 พฤษภาคม พ.ศ. 2565" in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_template_settings_tab_offers_the_document_keys_with_examples(lang):
    settings = template_tabs(n_judges=2, lang=lang)["ตั้งค่า" if lang == "th" else "Settings"]
    assert settings[0] == (
        ["รายการ", "ค่า", "ตัวอย่าง"] if lang == "th" else ["Key", "Value", "Example"]
    )
    rows = {row[0]: row[1:] for row in settings[1:]}
    th = {"เลขที่ประกาศ": "12/2565", "ผู้ลงนาม": "นายสมชาย ใจดี", "วันที่ประกาศ": "25/05/2565"}
    th["ตำแหน่งผู้ลงนาม"] = "ผู้ว่าราชการจังหวัดอุบลราชธานี"
    en = {"document_number": "12/2565", "signer_name": "นายสมชาย ใจดี"}
    en |= {"signer_position": "ผู้ว่าราชการจังหวัดอุบลราชธานี", "announcement_date": "25/05/2565"}
    for key, example in (th if lang == "th" else en).items():
        assert rows[key] == ["", example], key  # an empty value to fill, and an example beside it
    for key in ("ครั้งที่", "สถานที่ประชุม", "เวลาเริ่มประชุม", "ผู้จดรายงานการประชุม"):
        assert key in rows or lang == "en"


def test_the_examples_are_not_read_as_values_and_a_typed_value_is():
    tabs = template_tabs(n_judges=2)
    for row in tabs["ตั้งค่า"][1:]:
        if row[0] == "เลขที่ประกาศ":
            row[1] = "7/2566"
    tabs["ผลิตภัณฑ์"].append(["P-01", "ปลาส้ม", "กลุ่มแม่บ้าน", "", "อาหาร"])
    comp = parse(RawWorkbook(tabs))
    assert comp.settings["document_number"] == "7/2566"
    assert comp.settings["signer_name"] == "" and comp.settings["announcement_date"] is None
    assert not [i for i in comp.issues if i.tab == "ตั้งค่า"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_category_sector_and_attendance_columns_have_drop_downs(tmp_path, lang):
    path = tmp_path / "template.xlsx"
    write_xlsx(template_tabs(n_judges=3, lang=lang), path)
    book = load_workbook(path)
    products, judges = ("ผลิตภัณฑ์", "กรรมการ") if lang == "th" else ("Products", "Judges")

    def lists(sheet):
        return {str(v.sqref): v.formula1 for v in book[sheet].data_validations.dataValidation}

    if lang == "th":
        category = '"อาหาร,ของใช้ของตกแต่ง,เครื่องดื่ม,ผ้าและเครื่องแต่งกาย,สมุนไพรที่ไม่ใช่อาหาร"'
        sector = '"ภาคราชการ,ภาคเอกชน,ภาคประชาสังคม,ตัวแทนภาคประชาชน"'
    else:
        category = '"food,decorative,beverage,textile,herbal"'
        sector = '"government,private,civil,citizen"'
    assert lists(products) == {"E2:E1000": category}  # ประเภท is the fifth column
    assert lists(judges)["C2:C1000"] == sector  # ภาคส่วน the third
    # every choice in the lists is a spelling the app reads
    tabs = read_xlsx(path)
    tabs[products].append(["P-01", "x", "y", "", category.strip('"').split(",")[3]])
    tabs[judges][1][2] = sector.strip('"').split(",")[2]
    comp = parse(RawWorkbook(tabs))
    assert list(comp.products["category"]) == ["textile"]
    assert comp.judges["sector"].iloc[0] == "civil"
