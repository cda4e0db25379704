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


# --- §5 small things ---------------------------------------------------------------------------
def test_help_names_every_command_in_words_not_keys(capsys):
    from kbo_dashboard.__main__ import main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "decision-key" in out and "cli.help" not in out
    assert "KBO_DECISION_KEY" in out


def test_english_counts_of_one_are_singular():
    from kbo_dashboard.i18n import MESSAGES, t

    one = t("judges_page.judge_remaining", "en", judge="J11", name="x", fix="1", n=0)
    assert one == "J11 x — 1 cell to fix · 0 still to score"
    two = t("judges_page.judge_remaining", "en", judge="J11", name="x", fix="2", n=0)
    assert two == "J11 x — 2 cells to fix · 0 still to score"
    swap = t("analysis.margin.swap", "en", method="Mean", k=1, points="3.00")
    assert "at least 1 judge total would have to change" in swap
    assert "at least 1 judge total would" in t("minutes.margin", "en", points="1", moves="1")
    assert t("readiness.not_clear", "en", n=1) == "Not ready: 1 open point"
    assert t("readiness.not_clear", "en", n=2) == "Not ready: 2 open points"
    assert "2 open points," in t("docs.final.checklist_open", "en", n=2)
    assert "1 open point," in t("docs.final.checklist_open", "en", n=1)
    assert [k for k, e in MESSAGES.items() if "(s)" in e["en"]] == []  # no "point(s)"


def whole_row_competition():
    """The demo with an error on a whole row: J05's row 10 names a product twice."""
    from kbo_dashboard.intake.issues import ERROR, make_issue

    comp = parse(RawWorkbook(demo_tabs()))
    comp.issues.append(
        make_issue(ERROR, "duplicate_product_row", tab="J05", cell="10:10", judge_id="J05",
                   product_id="P-03", id="P-03", first="J05!4", action="row_not_counted")
    )  # fmt: skip
    return comp


def test_a_whole_row_reads_tab_and_row_on_the_page_the_csv_and_the_pdf():
    from kbo_dashboard.analysis.readiness import readiness
    from kbo_dashboard.intake.issues import issues_frame, place
    from kbo_dashboard.reports.export import office_table
    from kbo_dashboard.ui.page_tables import issues_table

    assert place("J05", "10:10", "th") == "J05 แถว 10" and place("J05", "C7", "en") == "J05!C7"
    assert place("J05", "10:11", "en") == "J05!10:11" and place("Products", "", "en") == "Products"
    comp = whole_row_competition()
    frame = issues_frame(comp.issues)
    for lang, expected in (("th", "J05 แถว 10"), ("en", "J05 row 10")):
        page = issues_table(frame, lang)
        assert expected in set(page.iloc[:, 1]) and "J05!10:10" not in set(page.iloc[:, 1])
        csv = office_table(frame, lang, comp)
        values = list(csv[(frame["cell"] == "10:10").to_numpy()].iloc[0])
        assert "J05" in values and expected.split(" ", 1)[1] in values  # the tab, then "แถว 10"
        assert "10:10" not in values
    points = readiness(comp, score_competition(comp)).points
    errors = next(p for p in points if p.key == "no_errors")
    assert "J05 แถว 10" in errors.detail("th") and "J05 row 10" in errors.detail("en")
    assert "10:10" not in errors.detail("th") + errors.detail("en")


def test_the_decisions_sheet_writes_the_time_in_the_buddhist_era(decision_key):
    from kbo_dashboard.reports.xlsx import build_xlsx
    from tests.workbooks import signed_decision

    comp, results = demo_with()
    at = dt.datetime(2022, 5, 23, 8, 0, tzinfo=dt.UTC)
    decision = signed_decision(comp, results, "P-15", now=at)
    import io

    sheet = list(load_workbook(io.BytesIO(build_xlsx(comp, results, [decision])))["มติ"].values)
    assert sheet[1][1] == "23 พฤษภาคม 2565 เวลา 15:00 น."
    english = load_workbook(io.BytesIO(build_xlsx(comp, results, [decision], lang="en")))
    assert list(english.worksheets[-1].values)[1][1] == "23 May 2565 BE, 15:00"


def test_judge_cards_of_the_demo_carry_the_demo_mark():
    from kbo_dashboard.reports.judge_cards import build_judge_cards

    comp = parse(RawWorkbook(demo_tabs()))
    marked = pdftotext(build_judge_cards(comp, demo=True))
    assert marked.count("ข้อมูลตัวอย่าง / DEMO") == len(comp.judges)  # on every card
    assert "DEMO" not in pdftotext(build_judge_cards(comp))


def test_a_long_summary_label_stays_on_one_line_beside_its_value():
    from kbo_dashboard.reports.pdf import build_pdf

    comp, results = demo_with()
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=build_pdf(comp, results, demo=True),
        capture_output=True,
    ).stdout.decode()  # fmt: skip
    line = next(x for x in text.splitlines() if "กรรมการที่นับคะแนน" in x)
    assert "กรรมการที่นับคะแนนผลิตภัณฑ์ที่ได้รับการเสนอชื่อ" in line and "24 คน" in line
