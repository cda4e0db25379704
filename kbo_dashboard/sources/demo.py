"""The bundled demo: a committee caught mid-meeting, built in memory and deterministic.

It has the seed report's shape: 20 products (food 6, household & decorative items 6,
beverages 2, textiles & clothing 5, non-food herbal 1) and 27 judges from four sectors.
Products are plausible Ubon Ratchathani-style goods from fictional producer groups; judges
have generic names. Most judges have finished, two are still scoring, one has declared a
conflict (and scored anyway), and a handful of real data-entry slips are in the sheet, so every
page has something true to show.
"""

from __future__ import annotations

import random
from datetime import date

from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.source import RawWorkbook, Rows

SEED = 2565

# (product_id, name, producer group, district, category, quality 0..1)
PRODUCTS = [
    ("P-01", "ปลาส้มไร้ก้างสูตรโบราณ", "กลุ่มแม่บ้านปลาส้มบ้านดอนงัว", "วารินชำราบ", "อาหาร", 0.72),
    ("P-02", "แหนมหมูใบมะยม", "วิสาหกิจชุมชนแหนมบ้านนาคำ", "เมืองอุบลราชธานี", "อาหาร", 0.60),
    ("P-03", "ข้าวหอมมะลิอินทรีย์บรรจุสุญญากาศ", "กลุ่มเกษตรอินทรีย์บ้านโนนสว่าง", "เขื่องใน", "อาหาร", 0.80),
    ("P-04", "กุนเชียงปลาบึก", "กลุ่มแปรรูปปลาริมมูล", "โขงเจียม", "อาหาร", 0.55),
    ("P-05", "ข้าวเกรียบฟักทอง", "กลุ่มสตรีบ้านหนองบัว", "ตระการพืชผล", "อาหาร", 0.50),
    ("P-06", "น้ำพริกปลาร้าบอง", "กลุ่มแม่บ้านบ้านคำน้ำแซบ", "วารินชำราบ", "อาหาร", 0.64),
    ("P-07", "ตะกร้าสานไม้ไผ่ลายขิด", "กลุ่มจักสานบ้านท่าช้าง", "สว่างวีระวงศ์", "ของใช้ของตกแต่ง", 0.70),
    (
        "P-08",
        "เทียนหอมลายเทียนพรรษา",
        "กลุ่มหัตถกรรมเทียนบ้านปากน้ำ",
        "เมืองอุบลราชธานี",
        "ของใช้ของตกแต่ง",
        0.84,
    ),
    (
        "P-09",
        "เครื่องทองเหลืองบ้านปะอาว",
        "กลุ่มหล่อทองเหลืองบ้านปะอาว",
        "เมืองอุบลราชธานี",
        "ของใช้ของตกแต่ง",
        0.82,
    ),
    ("P-10", "กระเป๋ากกทอมือ", "กลุ่มทอเสื่อกกบ้านดอนมดแดง", "ดอนมดแดง", "ของใช้ของตกแต่ง", 0.58),
    ("P-11", "โคมไฟเปลือกหอยแม่น้ำมูล", "กลุ่มหัตถศิลป์ริมมูล", "พิบูลมังสาหาร", "ของใช้ของตกแต่ง", 0.52),
    ("P-12", "หมอนขิดสามเหลี่ยม", "กลุ่มหมอนขิดบ้านศรีไคร", "ม่วงสามสิบ", "ของใช้ของตกแต่ง", 0.66),
    ("P-13", "น้ำสมุนไพรกระเจี๊ยบพร้อมดื่ม", "วิสาหกิจชุมชนสมุนไพรบ้านโพธิ์", "ศรีเมืองใหม่", "เครื่องดื่ม", 0.57),
    ("P-14", "ชาดอกบัวแดง", "กลุ่มชาบ้านกุดชมภู", "พิบูลมังสาหาร", "เครื่องดื่ม", 0.68),
    ("P-15", "ผ้าไหมกาบบัว", "กลุ่มทอผ้าไหมกาบบัวบ้านลาดสมดี", "เมืองอุบลราชธานี", "ผ้าและเครื่องแต่งกาย", 0.86),
    ("P-16", "ผ้าฝ้ายย้อมครามทอมือ", "กลุ่มผ้าครามบ้านคำปุน", "วารินชำราบ", "ผ้าและเครื่องแต่งกาย", 0.74),
    ("P-17", "ผ้าซิ่นตีนแดง", "กลุ่มทอผ้าบ้านหนองโน", "เขมราฐ", "ผ้าและเครื่องแต่งกาย", 0.62),
    ("P-18", "เสื้อผ้าฝ้ายลายสายน้ำ", "กลุ่มตัดเย็บบ้านโนนผึ้ง", "วารินชำราบ", "ผ้าและเครื่องแต่งกาย", 0.54),
    ("P-19", "ผ้าขาวม้าทอมือลายหมี่ขิด", "กลุ่มทอผ้าบ้านชีทวน", "เขื่องใน", "ผ้าและเครื่องแต่งกาย", 0.61),
    ("P-20", "ยาหม่องสมุนไพรไพล", "กลุ่มสมุนไพรบ้านนาเยีย", "นาเยีย", "สมุนไพรที่ไม่ใช่อาหาร", 0.65),
]

SECTOR_PLAN = ["ภาคราชการ"] * 9 + ["ภาคเอกชน"] * 6 + ["ภาคประชาสังคม"] * 6 + ["ตัวแทนภาคประชาชน"] * 6
STILL_SCORING = {"J26": 12, "J27": 5}  # judge -> products scored so far
CONFLICT = ("J05", "P-09", "ญาติของผู้ประกอบการ")


def _judges() -> list[tuple[str, str, str]]:
    return [(f"J{n:02d}", f"กรรมการคนที่ {n}", SECTOR_PLAN[n - 1]) for n in range(1, 28)]


def _score_rows(rng: random.Random, judge_id: str, leniency: float) -> Rows:
    criteria = L.DEFAULT_CRITERIA
    header = [
        "รหัสผลิตภัณฑ์",
        "ชื่อผลิตภัณฑ์",
        *[f"{c.name_th} ({c.max_score:g})" for c in criteria],
        "ความเห็น",
    ]
    rows: Rows = [header]
    done = STILL_SCORING.get(judge_id, len(PRODUCTS))
    order = list(PRODUCTS)
    if judge_id in ("J04", "J17"):  # some judges sort their tab by name
        order.sort(key=lambda p: p[1])
    for n, (pid, name, *_rest, quality) in enumerate(order):
        row: list = [pid, name]
        for c in criteria:
            share = min(0.98, max(0.3, quality + leniency + rng.gauss(0, 0.07)))
            row.append(int(round(share * c.max_score)) if n < done else "")
        row.append("")
        rows.append(row if n < done else row[:2])
    return rows


def _slips(tabs: dict[str, Rows]) -> None:
    """Typical data-entry slips, each at a known cell (see tests/test_demo.py)."""
    tabs["J03"][3][2] = "๑๘"  # Thai digits: C4
    tabs["J08"][5][2] = 30  # above the maximum of 25: C6
    tabs["J11"][7][4] = "ดีมาก"  # text in a score cell: E8
    row = tabs["J14"][15]  # half-filled row: P-15, only 2 of 5 criteria
    row[4:7] = ["", "", ""]
    tabs["J19"][10][5] = "12,5"  # decimal comma: F11
    tabs["J21"][2][7] = "ใช้วัตถุดิบในท้องถิ่นทั้งหมด"  # a comment


def demo_tabs() -> dict[str, Rows]:
    """Every tab of the demo workbook as raw rows, exactly as a sheet would return them."""
    rng = random.Random(SEED)
    tabs: dict[str, Rows] = {}
    tabs[L.SETTINGS] = [
        ["รายการ", "ค่า"],
        ["title", "การประชุมพิจารณาคัดเลือกผลิตภัณฑ์เพื่อการต่อยอดนวัตกรรม (KBO)"],
        ["province", "อุบลราชธานี"],
        ["year", 2565],
        ["meeting_date", "2022-05-23"],
        ["method", "mean"],
    ]
    tabs[L.PRODUCTS] = [["รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", "กลุ่มผู้ผลิต", "อำเภอ", "ประเภท"]]
    tabs[L.PRODUCTS] += [list(p[:5]) for p in PRODUCTS]
    tabs[L.JUDGES] = [["รหัสกรรมการ", "ชื่อกรรมการ", "ภาคส่วน", "แท็บคะแนน"]]
    tabs[L.JUDGES] += [[jid, name, sector, jid] for jid, name, sector in _judges()]
    tabs[L.CRITERIA] = [
        ["criterion_id", "name_th", "name_en", "max_score", "weight", "tiebreak_priority"]
    ]
    tabs[L.CRITERIA] += [
        [
            c.criterion_id,
            c.name_th,
            c.name_en,
            c.max_score,
            c.weight,
            c.tiebreak_priority if c.tiebreak_priority is not None else "",
        ]
        for c in L.DEFAULT_CRITERIA
    ]
    tabs[L.CONFLICTS] = [["judge_id", "product_id", "reason"], list(CONFLICT)]
    for jid, _name, _sector in _judges():
        tabs[jid] = _score_rows(rng, jid, rng.gauss(0, 0.05))
    _slips(tabs)
    return {name: [_trim(row) for row in rows] for name, rows in tabs.items()}


def _trim(row: list) -> list:
    """Drop trailing blanks, as the Sheets API does."""
    end = len(row)
    while end and row[end - 1] in ("", None):
        end -= 1
    return row[:end]


class DemoSource:
    """The demo workbook. Every fetch returns the same data."""

    kind = "demo"

    def describe(self) -> str:
        return "demo"

    def fetch(self) -> RawWorkbook:
        return RawWorkbook(demo_tabs())


MEETING_DATE = date(2022, 5, 23)
