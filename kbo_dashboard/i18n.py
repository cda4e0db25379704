"""The one message catalogue: every string a user sees, in Thai and English.

Thai is the default. ``t(key, lang, **params)`` formats a message with ``str.format``. A missing
key returns the key itself, so a typo shows on screen instead of crashing a page.
Sections are grouped by area; keep keys dotted (``area.what``).
"""

from __future__ import annotations

LANGS = ("th", "en")
DEFAULT_LANG = "th"

MESSAGES: dict[str, dict[str, str]] = {
    # --- core: app, categories, sectors, criteria ---
    "app.title": {"th": "แดชบอร์ดคะแนน KBO", "en": "KBO scoring dashboard"},
    "app.subtitle": {
        "th": "การพิจารณาคัดเลือกผลิตภัณฑ์ OTOP เพื่อการต่อยอดนวัตกรรม",
        "en": "Selecting the OTOP product for innovation development",
    },
    "app.language": {"th": "ภาษา", "en": "Language"},
    "app.demo_banner": {
        "th": "ข้อมูลตัวอย่าง (demo) — ยังไม่ได้เชื่อมต่อ Google Sheet หรือไฟล์ Excel",
        "en": "Demo data — no Google Sheet or Excel file is configured",
    },
    "app.source": {"th": "แหล่งข้อมูล: {label}", "en": "Data source: {label}"},
    "app.stale": {
        "th": "ข้อมูล ณ เวลา {time} — ติดต่อ Google Sheets ไม่ได้: {reason}",
        "en": "Data as of {time}; Google Sheets not reachable: {reason}",
    },
    "lang.th": {"th": "ไทย", "en": "ไทย"},
    "lang.en": {"th": "English", "en": "English"},
    "page.overview": {"th": "ภาพรวม", "en": "Overview"},
    "page.rankings": {"th": "อันดับตามประเภท", "en": "Rankings by category"},
    "page.judges": {"th": "กรรมการ", "en": "Judges"},
    "page.issues": {"th": "ปัญหาข้อมูล", "en": "Data issues"},
    "page.nomination": {"th": "การเสนอชื่อ", "en": "Nomination"},
    "page.downloads": {"th": "ดาวน์โหลด", "en": "Downloads"},
    "page.analysis": {"th": "วิเคราะห์กรรมการ", "en": "Judge analysis"},
    "page.changes": {"th": "ประวัติการแก้ไข", "en": "Changes"},
    "page.projector": {"th": "โหมดจอฉาย", "en": "Projector mode"},
    "app.source_kind.demo": {"th": "ข้อมูลตัวอย่าง", "en": "demo data"},
    "app.source_kind.workbook": {"th": "ไฟล์ Excel", "en": "Excel file"},
    "app.source_kind.google": {"th": "Google Sheet", "en": "Google Sheet"},
    "app.updated": {"th": "ปรับปรุงล่าสุด {time}", "en": "Updated {time}"},
    "app.source_error": {
        "th": "อ่านข้อมูลไม่ได้: {reason}",
        "en": "Cannot read the data: {reason}",
    },
    "cat.food": {"th": "อาหาร", "en": "Food"},
    "cat.beverage": {"th": "เครื่องดื่ม", "en": "Beverages"},
    "cat.textile": {"th": "ผ้าและเครื่องแต่งกาย", "en": "Textiles & clothing"},
    "cat.decorative": {"th": "ของใช้ของตกแต่ง", "en": "Household & decorative items"},
    "cat.herbal": {"th": "สมุนไพรที่ไม่ใช่อาหาร", "en": "Non-food herbal"},
    "sector.government": {"th": "ภาคราชการ", "en": "Government"},
    "sector.private": {"th": "ภาคเอกชน", "en": "Private sector"},
    "sector.civil": {"th": "ภาคประชาสังคม", "en": "Civil society"},
    "sector.citizen": {"th": "ตัวแทนภาคประชาชน", "en": "Citizens' representative"},
    "severity.error": {"th": "ข้อผิดพลาด", "en": "Error"},
    "severity.warning": {"th": "คำเตือน", "en": "Warning"},
    "severity.info": {"th": "หมายเหตุ", "en": "Note"},
    "month.1": {"th": "มกราคม", "en": "January"},
    "month.2": {"th": "กุมภาพันธ์", "en": "February"},
    "month.3": {"th": "มีนาคม", "en": "March"},
    "month.4": {"th": "เมษายน", "en": "April"},
    "month.5": {"th": "พฤษภาคม", "en": "May"},
    "month.6": {"th": "มิถุนายน", "en": "June"},
    "month.7": {"th": "กรกฎาคม", "en": "July"},
    "month.8": {"th": "สิงหาคม", "en": "August"},
    "month.9": {"th": "กันยายน", "en": "September"},
    "month.10": {"th": "ตุลาคม", "en": "October"},
    "month.11": {"th": "พฤศจิกายน", "en": "November"},
    "month.12": {"th": "ธันวาคม", "en": "December"},
    "rank.not_ranked": {"th": "ยังไม่จัดอันดับ", "en": "not yet ranked"},
    # --- core: validation issues (message and action) ---
    "issue.missing_tab": {
        "th": "ไม่พบแท็บ {tab}",
        "en": "Tab {tab} is missing",
    },
    "issue.missing_optional_tab": {
        "th": "ไม่พบแท็บ {tab} (ไม่บังคับ)",
        "en": "Optional tab {tab} is missing",
    },
    "issue.missing_column": {
        "th": "แท็บ {tab} ไม่มีคอลัมน์ {column}",
        "en": "Tab {tab} has no {column} column",
    },
    "issue.empty_tab": {"th": "แท็บ {tab} ว่าง", "en": "Tab {tab} is empty"},
    "issue.judge_tab_missing": {
        "th": "ไม่พบแท็บคะแนน {tab} ของกรรมการ {judge}",
        "en": "Judge {judge}'s score tab {tab} is missing",
    },
    "issue.duplicate_id": {
        "th": "รหัส {id} ซ้ำ",
        "en": "Duplicate ID {id}",
    },
    "issue.blank_id": {"th": "แถวนี้ไม่มีรหัส", "en": "This row has no ID"},
    "issue.unknown_category": {
        "th": "ไม่รู้จักประเภท “{value}”",
        "en": "Unknown category “{value}”",
    },
    "issue.unknown_sector": {
        "th": "ไม่รู้จักภาคส่วน “{value}”",
        "en": "Unknown sector “{value}”",
    },
    "issue.unknown_product": {
        "th": "ไม่รู้จักรหัสผลิตภัณฑ์ {id}",
        "en": "Unknown product ID {id}",
    },
    "issue.unknown_judge": {
        "th": "ไม่รู้จักรหัสกรรมการ {id}",
        "en": "Unknown judge ID {id}",
    },
    "issue.duplicate_product_row": {
        "th": "ผลิตภัณฑ์ {id} มีมากกว่าหนึ่งแถวในแท็บนี้",
        "en": "Product {id} has more than one row in this tab",
    },
    "issue.bad_max_score": {
        "th": "คะแนนเต็มของเกณฑ์ {id} ไม่ถูกต้อง: “{value}”",
        "en": "Criterion {id} has an invalid maximum score: “{value}”",
    },
    "issue.bad_weight": {
        "th": "น้ำหนักของเกณฑ์ {id} ไม่ถูกต้อง: “{value}”",
        "en": "Criterion {id} has an invalid weight: “{value}”",
    },
    "issue.bad_setting": {
        "th": "ค่าตั้ง {key} ไม่ถูกต้อง: “{value}”",
        "en": "Setting {key} is invalid: “{value}”",
    },
    "issue.not_a_number": {
        "th": "คะแนน “{value}” ไม่ใช่ตัวเลข",
        "en": "Score “{value}” is not a number",
    },
    "issue.negative": {"th": "คะแนน {value} ติดลบ", "en": "Score {value} is negative"},
    "issue.above_max": {
        "th": "คะแนน {value} เกินคะแนนเต็ม {max}",
        "en": "Score {value} is above the maximum {max}",
    },
    "issue.sheet_error": {
        "th": "ช่องนี้มีค่าผิดพลาดของสเปรดชีต {value}",
        "en": "The cell holds a spreadsheet error {value}",
    },
    "issue.thai_digits": {
        "th": "แปลงเลขไทย “{value}” เป็น {number}",
        "en": "Converted Thai digits “{value}” to {number}",
    },
    "issue.decimal_comma": {
        "th": "แปลงจุลภาคทศนิยม “{value}” เป็น {number}",
        "en": "Converted decimal comma “{value}” to {number}",
    },
    "issue.partial_row": {
        "th": "ให้คะแนนไม่ครบทุกเกณฑ์ ({filled}/{total})",
        "en": "Row is only partly scored ({filled}/{total} criteria)",
    },
    "issue.conflict_scored": {
        "th": "กรรมการแจ้งส่วนได้เสียกับผลิตภัณฑ์นี้ ({reason}) แต่ยังให้คะแนน",
        "en": "The judge declared a conflict with this product ({reason}) but scored it",
    },
    "issue.criteria_weights": {
        "th": "น้ำหนักรวมของเกณฑ์เป็น 0",
        "en": "The criteria weights add up to 0",
    },
    "action.used_default_criteria": {
        "th": "ใช้เกณฑ์มาตรฐาน 100 คะแนน",
        "en": "Used the default 100-point criteria",
    },
    "action.tab_ignored": {"th": "ข้ามแท็บนี้", "en": "Skipped this tab"},
    "action.none_needed": {"th": "ไม่ต้องดำเนินการ", "en": "Nothing to do"},
    "action.row_skipped": {"th": "ข้ามแถวนี้", "en": "Skipped this row"},
    "action.first_row_kept": {
        "th": "ใช้แถวแรก ข้ามแถวที่ซ้ำ",
        "en": "Kept the first row, skipped the duplicate",
    },
    "action.judge_not_counted": {
        "th": "นับกรรมการคนนี้ว่ายังไม่ได้ให้คะแนน",
        "en": "Counted this judge as not having scored yet",
    },
    "action.cell_ignored": {
        "th": "ไม่นับช่องนี้ ช่องอื่นยังนับตามปกติ",
        "en": "Ignored this cell; other cells still count",
    },
    "action.converted": {"th": "ใช้ค่าที่แปลงแล้ว", "en": "Used the converted value"},
    "action.row_not_counted": {
        "th": "ยังไม่นับแถวนี้จนกว่าจะครบ",
        "en": "Row not counted until complete",
    },
    "action.score_ignored": {
        "th": "ไม่นับคะแนนของกรรมการคนนี้สำหรับผลิตภัณฑ์นี้",
        "en": "Ignored this judge's scores for this product",
    },
    "action.used_default": {
        "th": "ใช้ค่าเริ่มต้น {value}",
        "en": "Used the default {value}",
    },
    "action.used_weight_one": {"th": "ใช้น้ำหนัก 1", "en": "Used weight 1"},
    "action.criterion_skipped": {"th": "ไม่ใช้เกณฑ์นี้", "en": "Skipped this criterion"},
    "action.product_skipped": {
        "th": "ไม่นำผลิตภัณฑ์นี้มาจัดอันดับ",
        "en": "Left this product out of the rankings",
    },
    "action.judge_skipped": {"th": "ไม่นับกรรมการคนนี้", "en": "Left this judge out"},
    # --- core end ---
}


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message ``key`` in ``lang`` ("th" or "en"), formatted with ``params``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANG) or key
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def both(key: str, /, **params: object) -> tuple[str, str]:
    """The message in Thai and in English."""
    return t(key, "th", **params), t(key, "en", **params)
