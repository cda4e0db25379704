"""The official PDF, read back with real readers: pdftotext (poppler) and pypdf.

The demo (kbo_dashboard/sources/demo.py) is Ubon Ratchathani, 2565 BE, meeting 23 May 2022; its
nominee is P-15 ผ้าไหมกาบบัว, 0.81 points ahead of P-08 เทียนหอมลายเทียนพรรษา.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pypdf
import pytest
from fpdf import FPDF

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.reports.fonts import add_sarabun, text_owners
from kbo_dashboard.reports.pdf import build_pdf
from kbo_dashboard.reports.thai_text import words, wrap
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import PRODUCTS, DemoSource
from tests.workbooks import signed_decision

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

AT = dt.datetime(2022, 5, 23, 8, 0, tzinfo=dt.UTC)  # 15:00 Thai time
REASON = (
    "คณะกรรมการเห็นว่าผลิตภัณฑ์น้ำพริกปลาร้าบองมีศักยภาพทางการตลาดสูงกว่าและกลุ่มผู้ผลิต"
    "มีความพร้อมในการพัฒนาต่อยอดด้วยนวัตกรรมมากกว่า จึงมีมติเลือกผลิตภัณฑ์นี้แทนผลิตภัณฑ์"
    "ที่ได้คะแนนสูงสุดตามที่ที่ประชุมได้อภิปรายอย่างกว้างขวางแล้ว"
)


def pdftotext(data: bytes, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", *options, "-", "-"], input=data, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


def pypdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module", autouse=True)
def _signing(decision_key):
    """Decisions are signed with the test key, as the app signs what it records."""


@pytest.fixture(scope="module")
def demo():
    comp = parse(DemoSource().fetch())
    results = score_competition(comp)
    decisions = [
        signed_decision(comp, results, "P-15", now=AT - dt.timedelta(minutes=30)),
        signed_decision(comp, results, "P-06", REASON, now=AT),
    ]
    return comp, results, decisions


@pytest.fixture(scope="module")
def report(demo) -> bytes:
    return build_pdf(*demo)


def test_pdf_text_has_the_official_contents(report, demo):
    comp, results, _ = demo
    text = pdftotext(report)
    assert text.startswith("ผลการพิจารณาคัดเลือกผลิตภัณฑ์\n")
    assert "จังหวัดอุบลราชธานี ประจำปี พ.ศ. 2565" in text
    assert "ประชุมเมื่อวันที่ 23 พฤษภาคม 2565" in text
    assert "ผ้าไหมกาบบัว (P-15) กลุ่มทอผ้าไหมกาบบัวบ้านลาดสมดี คะแนน 84.58 จากกรรมการ 24 คน" in text
    assert "นำอันดับ 2 คือ เทียนหอมลายเทียนพรรษา (P-08) อยู่ 0.81 คะแนน" in text
    layout = pdftotext(report, "-layout")
    assert re.search(r"วิธีรวมคะแนน\s+ค่าเฉลี่ย", layout)
    assert re.search(r"กรรมการทั้งคณะ\s+27 คน", layout)
    assert re.search(r"กรรมการที่ให้คะแนนครบ\s+22 จาก 27 คน", layout)
    assert re.search(r"คะแนนที่ได้รับ\s+2,575 จาก 2,695", layout)
    assert re.search(
        r"\n\s*1\s+1\s+P-15\s+ผ้าไหมกาบบัว\s+กลุ่มทอผ้าไหมกาบบัวบ้านลาดสมดี\s+84\.58\s+24\n", layout
    )
    assert "ประธานกรรมการเลือก น้ำพริกปลาร้าบอง (P-06) แทนผลิตภัณฑ์ที่ได้คะแนนสูงสุด" in text
    assert "บันทึกเมื่อ 23 พฤษภาคม 2565 เวลา 15:00 น. โดย ประธานกรรมการ" in text
    for heading in ("อาหาร", "ของใช้ของตกแต่ง", "เครื่องดื่ม", "สมุนไพรที่ไม่ใช่อาหาร"):
        assert f"\n{heading}\n" in text
    assert text.count("ลงชื่อ") == 2
    assert "ประธานกรรมการ" in text and "เลขานุการ" in text
    assert len(pypdf.PdfReader(io.BytesIO(report)).pages) == 5  # 3 + the committee signs 2


def test_every_product_name_comes_out_intact_with_both_readers(report):
    text, text_pypdf = pdftotext(report), pypdf_text(report)
    for product_id, name, *_ in PRODUCTS:
        assert name in text, name
        assert name in text_pypdf, name
        assert product_id in text
    assert "ผลการพิจารณาคัดเลือกผลิตภัณฑ์" in text_pypdf
    assert "น้ำพริกปลาร้าบอง" in text_pypdf and "2565" in text_pypdf


def test_long_thai_text_wraps_only_between_words(report):
    """The reason line in the body wraps; every break must fall where a word ends."""
    paragraph = "เหตุผล: " + REASON
    boundaries = set()
    position = 0
    for word in words(paragraph):
        position += len(word)
        boundaries.add(position)
    lines = [line.strip() for line in pdftotext(report, "-layout").splitlines()]
    start = lines.index(next(line for line in lines if line.startswith("เหตุผล: ")))
    position, used = 0, 0
    for line in lines[start:]:
        if position >= len(paragraph):
            break
        rest = paragraph[position:].lstrip(" ")
        position = len(paragraph) - len(rest)
        assert rest.startswith(line), (line, rest[:40])
        position += len(line)
        used += 1
        assert position in boundaries, f"broke inside a word: …{line[-8:]}|{rest[len(line) :][:8]}…"
    assert position == len(paragraph) and used >= 2  # it did wrap


def test_tricky_thai_clusters_extract_as_typed():
    """SARA AM, stacked marks and marks moved over tall consonants, regular and bold."""
    samples = [
        "น้ำพริก ทำ กล้ำ ปั้นน้ำใจ",  # SARA AM with and without a tone mark
        "ครั้งที่ สิ่งที่ อื่น ที่ได้รับ",  # two marks on one consonant
        "ไม่มีส่วนได้เสีย ไม่รู้จัก สิทธิ์เปิด",
        "ผลิตภัณฑ์ ฝ้าย ป่า ฟ้า",  # marks shifted left of tall consonants
        "Fish sauce (A2) office",  # Latin ligatures keep their letters
    ]
    pdf = FPDF()
    pdf.add_page()
    family = add_sarabun(pdf)
    for style in ("", "B"):
        for size in (10, 14, 18):
            pdf.set_font(family, style, size)
            for sample in samples:
                pdf.cell(0, size * 0.6, sample, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    for text in (pdftotext(data), pdftotext(data, "-layout"), pypdf_text(data)):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines == samples * 6


def test_text_owners_give_a_cluster_to_the_glyph_that_takes_room():
    # น้ำ: น (cluster 0), nikhahit+tone (cluster 1, no advance), SARA AA (cluster 1)
    assert text_owners([0, 1, 1], [637, 0, 485]) == [[0], [], [1]]
    # ครั้: ร then two marks of their own clusters
    assert text_owners([0, 1, 2], [580, 0, 0]) == [[0, 1, 2], [], []]
    # a ligature "fi": one glyph for clusters 0 and 1 -> HarfBuzz reports one cluster
    assert text_owners([0], [550]) == [[0]]


def test_wrap_keeps_punctuation_and_cuts_only_overlong_words():
    def measure(text: str) -> float:
        return len(text)

    assert wrap("กรรมการที่นับ (คน)", 9, measure) == ["กรรมการ", "ที่นับ", "(คน)"]
    assert wrap("abcdefghij", 4, measure) == ["abcd", "efgh", "ij"]
    assert wrap("ab\ncd", 10, measure) == ["ab", "cd"]


def test_english_pdf_and_no_decision(demo):
    comp, results, _ = demo
    text = pdftotext(build_pdf(comp, results, None, lang="en"))
    assert "Product selection result" in text
    assert "อุบลราชธานี Province, 2565 BE" in text
    assert "The chair has not recorded a decision yet." in text
    assert "Chair of the committee" in text and "Secretary" in text


def test_meeting_date_argument_overrides_the_settings(demo):
    comp, results, _ = demo
    text = pdftotext(build_pdf(comp, results, meeting_date=dt.date(2022, 6, 1)))
    assert "ประชุมเมื่อวันที่ 1 มิถุนายน 2565" in text
