"""The minutes in the regulation's form, แบบที่ 11 (issue 19 §3).

The .docx is read with python-docx (page, fonts, the fixed parts in order, the tables' fixed
widths, repeated header and unsplit rows) and rendered to PDF with LibreOffice, the way an
office opens it, then read back with pdfinfo, pdffonts and pdftotext.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess

import docx
import pandas as pd
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.minutes import FONT, build_minutes
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import signed_decision

AT = dt.datetime(2022, 5, 23, 8, 0, tzinfo=dt.UTC)
VENUE = "ห้องประชุมศาลากลางจังหวัดอุบลราชธานี ชั้น 3"
RECORDER = "นางสาวสมศรี มีสุข"
FIXED_PARTS = [
    "รายงานการประชุมพิจารณาคัดเลือกผลิตภัณฑ์",  # the title is not "รายงานการประชุมการประชุม..."
    "ครั้งที่ ",
    "เมื่อวันที่ ",
    "ณ ",
    "ผู้มาประชุม",
    "ผู้ไม่มาประชุม",
    "ผู้เข้าร่วมประชุม",
    "เริ่มประชุมเวลา",
    "ระเบียบวาระที่ 1",
    "ระเบียบวาระที่ 2",
    "ระเบียบวาระที่ 3",
    "ระเบียบวาระที่ 4",
    "เลิกประชุมเวลา",
    "ผู้จดรายงานการประชุม",
]


def office_workbook() -> RawWorkbook:
    """The demo, with what an office fills in for the minutes: Settings and Judges columns."""
    tabs = demo_tabs()
    tabs["Settings"] += [
        ["ครั้งที่", "2"],
        ["สถานที่ประชุม", VENUE],
        ["เวลาเริ่มประชุม", 0.375],  # a sheet time cell: 9:00
        ["เวลาเลิกประชุม", "12.30 น."],
        ["ผู้จดรายงานการประชุม", RECORDER],
        ["ผู้เข้าร่วมประชุม", "นายก้อง ดีงาม, นักวิชาการพัฒนาชุมชน; นางแก้ว ใจงาม, เจ้าพนักงาน"],
    ]
    judges = tabs["Judges"]
    judges[0] += ["ตำแหน่ง", "แทน", "การเข้าร่วม", "เหตุที่ไม่มา"]
    for row in judges[1:]:
        row += ["", "", "มา", ""]
    judges[1][4] = "รองผู้ว่าราชการจังหวัด"  # J01
    judges[2][6:8] = ["ลา", "ติดราชการ"]  # J02 absent, with the reason
    judges[3][4:6] = ["ปลัดอำเภอ", "นายอำเภอเมือง"]  # J03 stands in for the district chief
    return RawWorkbook(tabs)


@pytest.fixture(scope="module")
def office():
    comp = parse(office_workbook())
    results = score_competition(comp)
    decision = signed_decision(comp, results, "P-15", now=AT)
    return comp, results, build_minutes(comp, results, [decision])


@pytest.fixture(scope="module")
def blank():
    comp = parse(RawWorkbook(demo_tabs()))
    results = score_competition(comp)
    return build_minutes(comp, results, demo=True)


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


# --- python-docx: the form ---------------------------------------------------------------------
def test_the_page_is_a4_with_the_government_margins(blank):
    section = docx.Document(io.BytesIO(blank)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.cm, 1), round(section.right_margin.cm, 1)) == (3, 2)


def test_every_style_used_is_th_sarabun_new_16_pt_or_more_and_black(blank):
    document = docx.Document(io.BytesIO(blank))
    used = {p.style.name for p in document.paragraphs}
    assert {"Normal", "Heading 1", "Heading 2"} <= used
    for name in used:
        rpr = document.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {FONT}
        assert not any("Theme" in key for key in fonts.attrib), name  # not Word's theme font
        assert int(rpr.find(qn("w:szCs")).get(qn("w:val"))) >= 32, name  # half-points: 16 pt
        assert int(rpr.find(qn("w:sz")).get(qn("w:val"))) >= 32, name
        assert rpr.find(qn("w:color")).get(qn("w:val")) == "000000", name
        assert rpr.find(qn("w:color")).get(qn("w:themeColor")) is None, name
        if name.startswith("Heading"):
            assert rpr.find(qn("w:b")) is not None and rpr.find(qn("w:bCs")) is not None
    sizes = {r.font.size for p in document.paragraphs for r in p.runs} - {None}
    assert not sizes  # no run overrides the style's size


def test_the_fixed_parts_come_in_the_regulations_order(blank):
    text = paragraphs(blank)
    at = []
    for part in FIXED_PARTS:
        found = [n for n, line in enumerate(text) if line.startswith(part) or line.endswith(part)]
        assert found, part
        at.append(found[0])
    assert at == sorted(at), list(zip(FIXED_PARTS, at))
    # nothing filled in: dotted lines, the year from Settings after the number
    assert "ครั้งที่ ............/2565" in text and "ณ .............................." in text
    assert "เริ่มประชุมเวลา ............ น." in text and "เลิกประชุมเวลา ............ น." in text
    assert "เมื่อวันที่ 23 พฤษภาคม 2565" in text


def test_settings_and_the_judges_tab_fill_the_form(office):
    comp, _results, data = office
    text = paragraphs(data)
    assert "ครั้งที่ 2/2565" in text and f"ณ {VENUE}" in text
    assert "เริ่มประชุมเวลา 09.00 น." in text and "เลิกประชุมเวลา 12.30 น." in text
    assert f"({RECORDER})" in text
    document = docx.Document(io.BytesIO(data))
    present, absent, staff = [
        [[c.text for c in r.cells] for r in t.rows] for t in document.tables[:3]
    ]
    assert present[0] == ["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "หมายเหตุ"]
    assert present[1] == ["1.", "กรรมการคนที่ 1", "รองผู้ว่าราชการจังหวัด", ""]
    assert present[2] == ["2.", "กรรมการคนที่ 3", "ปลัดอำเภอ แทน นายอำเภอเมือง", ""]
    assert present[3][2] == "กรรมการ (ภาคราชการ)"  # no position typed: the member's sector
    assert len(present) == 1 + 26  # 27 members, J02 away
    assert absent == [
        ["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "เหตุที่ไม่มา"],
        ["1.", "กรรมการคนที่ 2", "กรรมการ (ภาคราชการ)", "ติดราชการ"],
    ]
    assert staff[1:] == [
        ["1.", "นายก้อง ดีงาม", "นักวิชาการพัฒนาชุมชน"],
        ["2.", "นางแก้ว ใจงาม", "เจ้าพนักงาน"],
    ]
    assert comp.settings["start_time"] == dt.time(9, 0)


def test_tables_have_fixed_widths_a_repeated_header_and_rows_that_never_split(blank):
    document = docx.Document(io.BytesIO(blank))
    assert len(document.tables) == 6  # present + the five categories (no one absent, no staff)
    for table in document.tables:
        tbl = table._tbl
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        widths = [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(widths) - Cm(16).twips) <= len(widths)  # the text width, 16 cm
        for n, row in enumerate(table.rows):
            props = row._tr.trPr
            assert props is not None and props.find(qn("w:cantSplit")) is not None
            assert (props.find(qn("w:tblHeader")) is not None) == (n == 0)
            assert [c.width for c in row.cells] == [
                table.columns[i].width for i in range(len(widths))
            ]


def test_a_missing_rank_and_control_characters_do_not_stop_the_minutes():
    tabs = demo_tabs()
    tabs["Judges"][1][1] = "กรรมการ\x07คนที่ 1\x1b"
    tabs["Settings"].append(["สถานที่ประชุม", "ห้อง\x0c 1"])
    comp = parse(RawWorkbook(tabs))
    results = score_competition(comp)
    results.standings["category_rank"] = results.standings["category_rank"].astype("Int64")
    results.standings.loc[results.standings.index[0], "category_rank"] = pd.NA
    text = paragraphs(build_minutes(comp, results))
    assert "ณ ห้อง 1" in [" ".join(line.split()) for line in text]  # the form feed: a space


# --- LibreOffice: the document as an office opens it --------------------------------------------
def _render(data: bytes, tmp_path) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (libreoffice-writer-nogui) must be installed in CI")
        pytest.skip("needs LibreOffice (apt install libreoffice-writer-nogui)")
    (tmp_path / "minutes.docx").write_bytes(data)
    profile = (tmp_path / "profile").as_uri()  # its own profile: runs never share a lock
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), str(tmp_path / "minutes.docx")],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return (tmp_path / "minutes.pdf").read_bytes()


def _tool(*args: str, data: bytes) -> str:
    if shutil.which(args[0]) is None:
        pytest.skip(f"needs {args[0]} (poppler-utils)")
    stdin = ["-", "-"] if args[0] == "pdftotext" else []  # pdftotext reads the bytes
    done = subprocess.run([*args, *stdin], input=data, capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def rendered(office, tmp_path_factory):
    return _render(office[2], tmp_path_factory.mktemp("minutes"))


def test_libreoffice_renders_a4_pages_in_one_thai_font(rendered, tmp_path):
    (tmp_path / "m.pdf").write_bytes(rendered)
    info = _tool("pdfinfo", str(tmp_path / "m.pdf"), data=b"")
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points, not Letter's 612 x 792
    fonts = _tool("pdffonts", str(tmp_path / "m.pdf"), data=b"").splitlines()[2:]
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts}
    if shutil.which("fc-match"):  # the font this machine uses for TH Sarabun New, and only it
        match = subprocess.run(["fc-match", "-f", "%{family[0]}", FONT], capture_output=True)
        assert families == {match.stdout.decode().replace(" ", "")}, families
    assert len(families) == 1, families  # headings are not in Word's theme font


def bare(text: str) -> str:
    """Text without spaces and Thai marks: pdftotext places a tone mark where it sits, so
    "ครั้งที่" can read "ครัง้ ที่" from a correct page."""
    return re.sub("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\\s]", "", text)


def test_the_rendered_minutes_read_in_order_with_whole_rows_and_headers_on_every_page(rendered):
    pages = _tool("pdftotext", "-layout", data=rendered).split("\f")[:-1]
    text = bare("".join(pages))
    at = 0
    for part in FIXED_PARTS:  # each after the one before
        at = text.find(bare(part), at)
        assert at >= 0, part
    for part in ["เลิกประชุมเวลา 12.30 น.", f"ณ {VENUE}", "ติดราชการ", "ปลัดอำเภอ แทน นายอำเภอเมือง"]:
        assert bare(part) in text, part
    rows = re.compile(r"^\s*\d+\s+P-\d\d\s", re.M)
    header = bare("อันดับ รหัส ชื่อผลิตภัณฑ์ กลุ่มผู้ผลิต คะแนน กรรมการ")
    for n, page in enumerate(pages):
        if rows.search(page):  # a page of results has the table's header above its first row
            above = page[: rows.search(page).start()]
            assert header in bare(above), (n, page[:400])
    # every product's row whole on one page: its ID and the end of its producer group together
    comp = parse(office_workbook())
    for product in comp.products.itertuples():
        pattern = rf"^\s*\d+\s+{product.product_id}\s"
        holding = [n for n, page in enumerate(pages) if re.search(pattern, page, re.M)]
        assert len(holding) == 1, product.product_id
        page = pages[holding[0]]
        after = bare(page[re.search(pattern, page, re.M).start() :])
        assert bare(product.producer_group)[-3:] in after, product.product_id  # its last line
