"""The committee workbook's layout: tab names, column headers and the default criteria.

Headers may be typed in Thai or English and in any column order, so every column has a set of
accepted spellings. Matching ignores case, spaces, underscores and hyphens. The layout is written
down for people in ``docs/workbook.md``; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kbo_dashboard.i18n import pick

#: Day 0 of spreadsheet date serials (Google Sheets and Excel since 1900-03-01).
SHEETS_EPOCH = dt.date(1899, 12, 30)

PRODUCTS, JUDGES, CRITERIA, CONFLICTS, SETTINGS, DECISION = (
    "Products",
    "Judges",
    "Criteria",
    "Conflicts",
    "Settings",
    "Decision",
)
#: Each reference tab's name in Thai and in English; the template writes one, the parser
#: accepts either (``Decision`` keeps its English name: the app writes it).
TAB_NAMES: dict[str, tuple[str, str]] = {
    SETTINGS: ("ตั้งค่า", SETTINGS),
    PRODUCTS: ("ผลิตภัณฑ์", PRODUCTS),
    JUDGES: ("กรรมการ", JUDGES),
    CRITERIA: ("เกณฑ์การให้คะแนน", CRITERIA),
    CONFLICTS: ("ส่วนได้เสีย", CONFLICTS),
}
REQUIRED_TABS = (PRODUCTS, JUDGES)
OPTIONAL_TABS = (CRITERIA, CONFLICTS, SETTINGS)


@dataclass(frozen=True)
class Column:
    """A header the app looks for, and the spellings it accepts."""

    key: str
    th: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    def spellings(self) -> frozenset[str]:
        return folded_set((self.key, self.th, self.en, *self.aliases))


COLUMNS: dict[str, tuple[Column, ...]] = {
    PRODUCTS: (
        Column("product_id", "รหัสผลิตภัณฑ์", "Product ID", ("รหัส", "id")),
        Column("product_name", "ชื่อผลิตภัณฑ์", "Product name", ("ผลิตภัณฑ์", "name")),
        Column("producer_group", "กลุ่มผู้ผลิต", "Producer group", ("ผู้ผลิต", "group")),
        Column("district", "อำเภอ", "District", required=False),
        Column("category", "ประเภท", "Category", ("ประเภทผลิตภัณฑ์",)),
    ),
    JUDGES: (
        Column("judge_id", "รหัสกรรมการ", "Judge ID", ("รหัส", "id")),
        Column("judge_name", "ชื่อกรรมการ", "Judge name", ("ชื่อ", "name")),
        Column("sector", "ภาคส่วน", "Sector", ("ภาค",), required=False),
        Column("sheet", "แท็บคะแนน", "Sheet", ("แท็บ", "tab", "score tab")),
        Column("email", "อีเมล", "E-mail", ("email address", "อีเมล์", "gmail"), required=False),
        Column("attendance", "การเข้าร่วม", "Attendance", ("เข้าร่วมประชุม",), required=False),
        # For the minutes (issue 19): a member's position, whom a substitute stands in for
        # (written "แทน ..."), and why an absent member did not come.
        Column("position", "ตำแหน่ง", "Position", required=False),
        Column("stands_in_for", "แทน", "Stands in for", ("ปฏิบัติหน้าที่แทน",), required=False),
        Column("absence_reason", "เหตุที่ไม่มา", "Reason absent", ("เหตุผลที่ไม่มา",), required=False),
    ),
    CRITERIA: (
        Column("criterion_id", "รหัสเกณฑ์", "Criterion ID", ("รหัส", "id")),
        Column("name_th", "ชื่อเกณฑ์", "Name (Thai)", ("เกณฑ์",)),
        Column("name_en", "ชื่อภาษาอังกฤษ", "Name (English)", required=False),
        Column("max_score", "คะแนนเต็ม", "Max score", ("max",)),
        Column("weight", "น้ำหนัก", "Weight", required=False),
        Column(
            "tiebreak_priority",
            "ลำดับตัดสินเมื่อเสมอ",
            "Tie-break priority",
            ("tiebreak",),
            required=False,
        ),
    ),
    CONFLICTS: (
        Column("judge_id", "รหัสกรรมการ", "Judge ID"),
        Column("product_id", "รหัสผลิตภัณฑ์", "Product ID"),
        Column("reason", "เหตุผล", "Reason", required=False),
    ),
    SETTINGS: (
        Column("key", "รายการ", "Key", ("setting",)),
        Column("value", "ค่า", "Value"),
    ),
}

PRODUCT_ID = Column("product_id", "รหัสผลิตภัณฑ์", "Product ID", ("รหัส", "id"))

#: A Google Form's responses tab, as Google names it (English and Thai Google accounts), unless
#: the Settings key ``responses_tab`` names another. Columns: the timestamp Forms writes, the
#: judge (ID or the e-mail Forms collects), the product, then one question per criterion.
FORM_TABS = ("Form responses 1", "การตอบกลับแบบฟอร์ม 1", "คำตอบในฟอร์ม 1")
FORM_COLUMNS = (
    Column("timestamp", "ประทับเวลา", "Timestamp", ("การประทับเวลา", "เวลา"), required=False),
    Column("judge_id", "รหัสกรรมการ", "Judge ID", ("judge", "กรรมการ"), required=False),
    Column("email", "ที่อยู่อีเมล", "Email address", ("อีเมล", "email", "e-mail"), required=False),
    Column("product_id", "รหัสผลิตภัณฑ์", "Product ID", ("product", "ผลิตภัณฑ์")),
)
COMMENT = Column("comment", "ความเห็น", "Comment", ("หมายเหตุ", "comments", "note"), required=False)

# Category codes in the order the seed report lists them, with accepted spellings.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "food": ("อาหาร", "food"),
    "decorative": (
        "ของใช้ของตกแต่ง",
        "ของใช้ ของตกแต่ง",
        "ของใช้ของตกแต่งฯ",
        "ของใช้ ของตกแต่ง ของที่ระลึก",
        "household & decorative items",
        "household and decorative items",
        "decorative",
    ),
    "beverage": ("เครื่องดื่ม", "beverage", "beverages", "drink", "drinks"),
    "textile": (
        "ผ้าและเครื่องแต่งกาย",
        "ผ้า เครื่องแต่งกาย",
        "textile",
        "textiles",
        "textiles & clothing",
        "textiles and clothing",
        "clothing",
    ),
    "herbal": ("สมุนไพรที่ไม่ใช่อาหาร", "สมุนไพร", "herbal", "non-food herbal", "herbal non-food"),
}
SECTORS: dict[str, tuple[str, ...]] = {
    "government": ("ภาคราชการ", "ราชการ", "government", "gov"),
    "private": ("ภาคเอกชน", "เอกชน", "private", "private sector"),
    "civil": ("ภาคประชาสังคม", "ประชาสังคม", "civil society", "civil"),
    "citizen": (
        "ตัวแทนภาคประชาชน",
        "ภาคประชาชน",
        "ประชาชน",
        "citizen",
        "citizens",
        "citizens' representative",
    ),
}


@dataclass(frozen=True)
class CriterionSpec:
    criterion_id: str
    name_th: str
    name_en: str
    max_score: float
    weight: float
    tiebreak_priority: int | None


# The 100-point rubric from the goals in the seed report. Ties: innovation, then local identity.
DEFAULT_CRITERIA: tuple[CriterionSpec, ...] = (
    CriterionSpec("innovation", "นวัตกรรม", "Innovation", 25, 25, 1),
    CriterionSpec("identity", "อัตลักษณ์ท้องถิ่น", "Local identity", 20, 20, 2),
    CriterionSpec("quality", "คุณภาพและมาตรฐาน", "Quality and standards", 20, 20, None),
    CriterionSpec("packaging", "บรรจุภัณฑ์", "Packaging", 15, 15, None),
    CriterionSpec(
        "value", "ศักยภาพทางการตลาดและมูลค่าเพิ่ม", "Market potential and added value", 20, 20, None
    ),
)

SETTING_KEYS = ("title", "province", "year", "meeting_date", "quorum", "method")
#: Settings that name people and tabs on the judges' side (issue 13).
SIDE_SETTING_KEYS = ("staff_emails", "responses_tab")
#: Settings that fill the announcement and the minutes (issue 19).
DOCUMENT_SETTING_KEYS = (
    "document_number",
    "signer_name",
    "signer_position",
    "announcement_date",
    "thai_numerals",
    "meeting_number",
    "venue",
    "start_time",
    "end_time",
    "recorder",
    "attendees",
)
#: The Thai label the template writes for each setting (the parser accepts it or the key).
SETTING_TH = {
    "title": "ชื่อการประชุม",
    "province": "จังหวัด",
    "year": "ปี",
    "meeting_date": "วันที่ประชุม",
    "quorum": "องค์ประชุม",
    "method": "วิธีรวมคะแนน",
    "staff_emails": "อีเมลเจ้าหน้าที่",
    "responses_tab": "แท็บคำตอบฟอร์ม",
    "document_number": "เลขที่ประกาศ",
    "signer_name": "ผู้ลงนาม",
    "signer_position": "ตำแหน่งผู้ลงนาม",
    "announcement_date": "วันที่ประกาศ",
    "thai_numerals": "เลขไทย",
    "meeting_number": "ครั้งที่",
    "venue": "สถานที่ประชุม",
    "start_time": "เวลาเริ่มประชุม",
    "end_time": "เวลาเลิกประชุม",
    "recorder": "ผู้จดรายงานการประชุม",
    "attendees": "ผู้เข้าร่วมประชุม",
}
#: The template's third Settings column: an example of each value (the parser ignores it).
SETTING_EXAMPLE_HEADER = ("ตัวอย่าง", "Example")
SETTING_EXAMPLES = {
    "title": "การประชุมพิจารณาคัดเลือกผลิตภัณฑ์เพื่อการต่อยอดนวัตกรรม (KBO)",
    "province": "อุบลราชธานี",
    "year": "2565",
    "meeting_date": "23/05/2565",
    "quorum": "14",
    "method": "mean",
    "staff_emails": "clerk@example.org, officer@example.org",
    "responses_tab": "Form responses 1",
    "document_number": "12/2565",
    "signer_name": "นายสมชาย ใจดี",
    "signer_position": "ผู้ว่าราชการจังหวัดอุบลราชธานี",
    "announcement_date": "25/05/2565",
    "thai_numerals": "ใช่",
    "meeting_number": "1",
    "venue": "ห้องประชุมศาลากลางจังหวัด ชั้น 3",
    "start_time": "09.00",
    "end_time": "12.00",
    "recorder": "นางสาวสมศรี มีสุข",
    "attendees": "นายก้อง ดีงาม, นักวิชาการพัฒนาชุมชน; นางแก้ว ใจงาม, เจ้าพนักงาน",
}
#: Drop-down lists the template gives a column: (tab, column key) -> choices (Thai, English).
DROPDOWNS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    (PRODUCTS, "category"): CATEGORIES,
    (JUDGES, "sector"): SECTORS,
    (JUDGES, "attendance"): {"present": ("มา",), "absent": ("ลา",)},
}


def tab_title(tab: str, lang: str = "th") -> str:
    """The name the template gives reference tab ``tab`` (``Products``) in ``lang``."""
    th, en = TAB_NAMES.get(tab, (tab, tab))
    return pick(th, en, lang)


def normalise_header(text: object) -> str:
    """Header text folded for matching: case, spaces, ``_`` and ``-`` ignored."""
    return re.sub(r"[\s_\-]+", "", str(text or "")).casefold()


ATTENDANCE: dict[str, tuple[str, ...]] = {
    "present": ("มา", "เข้าร่วม", "มาประชุม", "present", "yes", "ใช่"),
    "absent": ("ขาด", "ลา", "ไม่มา", "ขาดประชุม", "ไม่เข้าร่วม", "absent", "no", "ไม่ใช่"),
}


@functools.cache
def folded_set(spellings: tuple[str, ...]) -> frozenset[str]:
    """The spellings folded by :func:`normalise_header` (kept: headers are matched often)."""
    return frozenset(normalise_header(s) for s in spellings)


def normalise_choice(text: object, choices: dict[str, tuple[str, ...]]) -> str | None:
    """The code whose spellings include ``text``, or None."""
    folded = normalise_header(text)
    if not folded:
        return None
    for code, spellings in choices.items():
        if folded in folded_set((code, *spellings)):
            return code
    return None


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    """The A1 address of a 0-based (row, col)."""
    return f"{column_letter(col)}{row + 1}"


def score_tab_header(criteria: tuple[CriterionSpec, ...] | list[CriterionSpec]) -> list[str]:
    """The header row of a judge's score tab: product, name (for reading), criteria, comment."""
    return ["product_id", "product_name", *[c.criterion_id for c in criteria], "comment"]
