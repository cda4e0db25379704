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
    "app.stale_error": {
        "th": "แสดงข้อมูล ณ เวลา {time} — อ่านแหล่งข้อมูลไม่ได้: {reason}",
        "en": "Showing data as of {time}; the source cannot be read: {reason}",
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
    "issue.year_converted": {
        "th": "แปลงปี ค.ศ. {value} เป็น พ.ศ. {year}",
        "en": "Converted the Common Era year {value} to {year} BE",
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
    "src.xlsx_not_found": {"th": "ไม่พบไฟล์ Excel: {name}", "en": "Excel file not found: {name}"},
    "src.xlsx_unreadable": {
        "th": "เปิดไฟล์ Excel {name} ไม่ได้: {error}",
        "en": "Cannot open the Excel file {name}: {error}",
    },
    "cli.password.ask": {"th": "รหัสผ่านประธาน", "en": "Chair password"},
    "cli.password.again": {"th": "อีกครั้ง", "en": "Again"},
    "cli.password.differ": {
        "th": "รหัสผ่านสองครั้งไม่ตรงกัน",
        "en": "The two passwords differ.",
    },
    "cli.password.short": {"th": "ใช้อย่างน้อย 8 ตัวอักษร", "en": "Use at least 8 characters."},
    # --- core end ---
    # --- google sheets (helper: google_source, google_http, config, sheet_setup) ---
    "gs.cred.none": {
        "th": "ยังไม่ได้ตั้งค่าคีย์บัญชีบริการ (service account)",
        "en": "no service-account key is configured",
    },
    "gs.cred.file_missing": {"th": "ไม่พบไฟล์คีย์ {file}", "en": "key file not found: {file}"},
    "gs.cred.file_bad": {
        "th": "ไฟล์ {file} ไม่ใช่คีย์ JSON ของบัญชีบริการ",
        "en": "{file} is not a JSON service-account key",
    },
    "gs.cred.fields_missing": {
        "th": "คีย์ขาดช่อง {fields}",
        "en": "the key lacks {fields}",
    },
    "gs.cred.key_unreadable": {
        "th": "อ่าน private_key ไม่ได้ (คัดลอกมาครบทั้งบรรทัด BEGIN/END หรือไม่)",
        "en": "the private_key cannot be read (was it copied whole, BEGIN to END?)",
    },
    "gs.cred.rejected": {
        "th": "Google ไม่ยอมรับคีย์นี้ ({code}) — คีย์อาจถูกลบหรือปิดใช้งาน ให้สร้างคีย์ใหม่",
        "en": "Google rejected the key ({code}); it may have been deleted or disabled, "
        "create a new key",
    },
    "gs.auth": {
        "th": "ใช้บัญชีบริการเข้าถึง Google Sheets ไม่ได้: {reason} "
        "— ตรวจ [connections.kbo] ใน .streamlit/secrets.toml หรือไฟล์คีย์ JSON",
        "en": "Cannot sign in to Google Sheets with the service account: {reason}. "
        "Check [connections.kbo] in .streamlit/secrets.toml or the JSON key file.",
    },
    "gs.permission": {
        "th": "บัญชีบริการ {email} ยังไม่มีสิทธิ์เปิด Google Sheet นี้ — เปิดชีต กด «แชร์» "
        "แล้วเพิ่ม {email} เป็น «ผู้มีสิทธิ์อ่าน» (ถ้าให้แอปเขียนชีตด้วย ให้เป็น «ผู้แก้ไข»)",
        "en": "The service account {email} may not open this Google Sheet. Open the sheet, "
        "click Share and add {email} as Viewer (Editor if the app also writes to the sheet).",
    },
    "gs.service_account": {"th": "(บัญชีบริการของแอป)", "en": "(the app's service account)"},
    "gs.not_found": {
        "th": "ไม่พบ Google Sheet รหัส {key} — ตรวจ URL หรือรหัสชีต (spreadsheet) ในการตั้งค่า",
        "en": "No Google Sheet has the key {key}. Check the spreadsheet URL or key in the "
        "settings.",
    },
    "gs.bad_spreadsheet": {
        "th": "“{value}” ไม่ใช่ URL หรือรหัสของ Google Sheet",
        "en": "“{value}” is not a Google Sheet URL or key",
    },
    "gs.bad_request": {
        "th": "Google Sheets ไม่รับคำขอ: {message}",
        "en": "Google Sheets refused the request: {message}",
    },
    "gs.unreachable": {
        "th": "ติดต่อ Google Sheets ไม่ได้: {reason} (ลอง {attempts} ครั้ง ใน {seconds} วินาที)",
        "en": "Google Sheets not reachable: {reason} ({attempts} tries in {seconds} s)",
    },
    "gs.reason.quota": {"th": "เกินโควตาการอ่าน (429)", "en": "read quota exceeded (429)"},
    "gs.reason.server": {"th": "Google ขัดข้อง ({code})", "en": "Google server error ({code})"},
    "gs.reason.timeout": {"th": "หมดเวลารอคำตอบ", "en": "timed out"},
    "gs.reason.connection": {"th": "เชื่อมต่อเครือข่ายไม่ได้", "en": "cannot connect"},
    "gs.reason.malformed": {"th": "คำตอบอ่านไม่ได้", "en": "unreadable response"},
    "gs.describe": {"th": "Google Sheet “{title}”", "en": "Google Sheet “{title}”"},
    "cli.check.ok": {
        "th": "ตรวจแล้ว: ไม่พบข้อผิดพลาด ({warnings} คำเตือน)",
        "en": "Checked: no errors ({warnings} warnings)",
    },
    "cli.check.failed": {
        "th": "ตรวจแล้ว: พบข้อผิดพลาด {errors} รายการ, คำเตือน {warnings} รายการ",
        "en": "Checked: {errors} errors, {warnings} warnings",
    },
    "cli.check.source": {"th": "แหล่งข้อมูล: {label}", "en": "Source: {label}"},
    "cli.init.not_google": {
        "th": "init-sheet ต้องตั้งค่า Google Sheet ก่อน (spreadsheet และคีย์บัญชีบริการ "
        "ใน [connections.kbo] หรือ KBO_SPREADSHEET)",
        "en": "init-sheet needs a Google Sheet configured (spreadsheet and a service-account "
        "key in [connections.kbo], or KBO_SPREADSHEET)",
    },
    "cli.init.not_empty": {
        "th": "ชีตนี้มีแท็บ {tabs} อยู่แล้ว — ใช้ Google Sheet ใหม่ที่ว่างเปล่า",
        "en": "The sheet already has the tab(s) {tabs}; use a new, empty Google Sheet",
    },
    "cli.init.done": {
        "th": "สร้างแท็บแล้ว {count} แท็บ (กรรมการ {judges} คน) ใน {label}",
        "en": "Created {count} tabs ({judges} judge score tabs) in {label}",
    },
    "cli.init.score_hint": {
        "th": "กรอกคะแนน 0 ถึง {max}",
        "en": "Enter a score from 0 to {max}",
    },
    "cfg.bad_json": {"th": "{name} ไม่ใช่ JSON ที่ถูกต้อง", "en": "{name} is not valid JSON"},
    "cfg.bad_toml": {
        "th": "{name} ไม่ใช่ TOML ที่ถูกต้อง (บรรทัด {line})",
        "en": "{name} is not valid TOML (line {line})",
    },
    # --- google sheets end ---
    # --- analysis (aggregation, agreement, judges, robustness, audit) ---
    "analysis.method.mean.name": {"th": "ค่าเฉลี่ย", "en": "Mean"},
    "analysis.method.mean.description": {
        "th": "ค่าเฉลี่ยของคะแนนรวมจากกรรมการทุกคนที่ให้คะแนนครบและไม่มีส่วนได้เสีย (ค่าเริ่มต้น)",
        "en": "The average of every eligible judge's total (the default).",
    },
    "analysis.method.trimmed_mean.name": {
        "th": "ค่าเฉลี่ยตัดคะแนนสูงสุด-ต่ำสุด",
        "en": "Trimmed mean (drop highest and lowest)",
    },
    "analysis.method.trimmed_mean.description": {
        "th": "ตัดคะแนนรวมที่สูงที่สุดและต่ำที่สุดออกอย่างละหนึ่งค่า แล้วหาค่าเฉลี่ยของที่เหลือ"
        " แบบการตัดสินสเก็ตลีลา ถ้ามีกรรมการน้อยกว่า 3 คนจะใช้ค่าเฉลี่ยปกติ",
        "en": "Drops the single highest and the single lowest judge total, then averages the"
        " rest, as figure skating does. With fewer than 3 judges the plain mean is used.",
    },
    "analysis.method.median.name": {"th": "มัธยฐาน", "en": "Median"},
    "analysis.method.median.description": {
        "th": "คะแนนรวมที่อยู่ตรงกลางเมื่อเรียงคะแนนของกรรมการ กรรมการคนเดียวที่ให้คะแนนสูงหรือต่ำมากแทบไม่มีผล",
        "en": "The middle judge total. A single very high or very low total hardly moves it.",
    },
    "analysis.method.normalised.name": {
        "th": "ค่าเฉลี่ยแบบปรับมาตรฐานรายกรรมการ",
        "en": "Judge-normalised mean",
    },
    "analysis.method.normalised.description": {
        "th": "แปลงคะแนนของกรรมการแต่ละคนเป็นค่ามาตรฐาน (z-score) ให้กรรมการที่ให้คะแนนเข้ม"
        "และกรรมการที่ให้คะแนนใจดีมีน้ำหนักเท่ากัน แล้วแปลงกลับสู่ช่วงคะแนนของทั้งคณะก่อนหาค่าเฉลี่ย",
        "en": "Turns each judge's totals into z-scores so strict and generous judges weigh the"
        " same, maps them back onto the panel's scale, then averages.",
    },
    "analysis.method_in_use": {"th": "วิธีคำนวณ: {name}", "en": "Method: {name}"},
    "analysis.agreement.w.very_weak": {
        "th": "W = {w}: กรรมการแทบไม่เห็นตรงกันในการเรียงลำดับผลิตภัณฑ์ ผลการจัดอันดับขึ้นอยู่กับว่า"
        "ใครเป็นผู้ให้คะแนน ควรดูความมั่นคงของผลการเสนอชื่อและอภิปรายก่อนสรุป",
        "en": "W = {w}: the judges hardly agree on the order of the products. The ranking"
        " depends on who scored; check the robustness of the nominee and discuss before deciding.",
    },
    "analysis.agreement.w.weak": {
        "th": "W = {w}: กรรมการเห็นตรงกันน้อยในการเรียงลำดับ"
        " ควรตรวจว่าผลิตภัณฑ์ที่เสนอชื่อยังคงเดิมทุกวิธีคำนวณและเมื่อตัดกรรมการออกทีละคน",
        "en": "W = {w}: the judges agree only weakly on the order. Check that the nominee stays"
        " the same under every method and without each judge.",
    },
    "analysis.agreement.w.moderate": {
        "th": "W = {w}: กรรมการเห็นตรงกันปานกลาง ลำดับโดยรวมสอดคล้องกัน แต่ผลิตภัณฑ์ที่คะแนนใกล้กันอาจสลับอันดับได้",
        "en": "W = {w}: the judges agree moderately. The broad order is shared, but products"
        " with close scores could swap places.",
    },
    "analysis.agreement.w.strong": {
        "th": "W = {w}: กรรมการเห็นตรงกันมากในการเรียงลำดับ ผลการจัดอันดับสะท้อนความเห็นของทั้งคณะ",
        "en": "W = {w}: the judges agree strongly on the order; the ranking reflects the panel"
        " as a whole.",
    },
    "analysis.agreement.w.very_strong": {
        "th": "W = {w}: กรรมการเห็นตรงกันมากที่สุด ลำดับแทบไม่เปลี่ยนไม่ว่ากรรมการคนใดให้คะแนน",
        "en": "W = {w}: the judges agree very strongly; the order hardly depends on which judge"
        " scored.",
    },
    "analysis.agreement.w.unknown": {
        "th": "ยังคำนวณ W ไม่ได้ ต้องมีกรรมการอย่างน้อย 2 คนที่ให้คะแนนครบทุกผลิตภัณฑ์ในกลุ่มนี้"
        " และมีผลิตภัณฑ์อย่างน้อย 2 รายการ",
        "en": "W cannot be computed yet: it needs at least 2 judges who scored every product in"
        " this group, and at least 2 products.",
    },
    "analysis.agreement.icc.poor": {
        "th": "ICC = {icc}: ความน่าเชื่อถือของคะแนนเฉลี่ยต่ำ"
        " คณะกรรมการชุดอื่นที่มีจำนวนเท่ากันอาจให้คะแนนเฉลี่ยต่างไปมาก",
        "en": "ICC = {icc}: poor reliability. Another panel of the same size could give quite"
        " different average scores.",
    },
    "analysis.agreement.icc.moderate": {
        "th": "ICC = {icc}: ความน่าเชื่อถือปานกลาง คะแนนเฉลี่ยค่อนข้างคงที่ แต่ผลิตภัณฑ์ที่คะแนนใกล้กันอาจสลับอันดับได้",
        "en": "ICC = {icc}: moderate reliability. The average scores are fairly stable, but"
        " products with close scores could swap places.",
    },
    "analysis.agreement.icc.good": {
        "th": "ICC = {icc}: ความน่าเชื่อถือดี คณะกรรมการชุดอื่นที่มีจำนวนเท่ากันน่าจะให้คะแนนเฉลี่ยใกล้เคียงกัน",
        "en": "ICC = {icc}: good reliability. Another panel of the same size would likely give"
        " similar average scores.",
    },
    "analysis.agreement.icc.excellent": {
        "th": "ICC = {icc}: ความน่าเชื่อถือดีมาก คะแนนเฉลี่ยของคณะกรรมการมีความคงที่สูง",
        "en": "ICC = {icc}: excellent reliability. The panel's average scores are very stable.",
    },
    "analysis.agreement.icc.unknown": {
        "th": "ยังคำนวณ ICC ไม่ได้ ต้องมีกรรมการอย่างน้อย 2 คนที่ให้คะแนนครบทุกผลิตภัณฑ์ในกลุ่มนี้"
        " และมีผลิตภัณฑ์อย่างน้อย 2 รายการ",
        "en": "ICC cannot be computed yet: it needs at least 2 judges who scored every product"
        " in this group, and at least 2 products.",
    },
    "analysis.agreement.left_out": {
        "th": "ไม่นับกรรมการ {n} คนที่ยังให้คะแนนไม่ครบทุกผลิตภัณฑ์ในกลุ่มนี้",
        "en": "{n} judges who have not scored every product in this group are left out",
    },
    "analysis.robust.yes": {
        "th": "มั่นคง: ทุกวิธีคำนวณได้ผลิตภัณฑ์ที่เสนอชื่อเดียวกัน",
        "en": "Robust: every method picks the same nominee",
    },
    "analysis.robust.no": {
        "th": "ไม่มั่นคง: วิธีคำนวณต่างกันได้ผลิตภัณฑ์ที่เสนอชื่อต่างกัน",
        "en": "Not robust: the methods pick different nominees",
    },
    "analysis.lojo.none": {
        "th": "การตัดกรรมการคนใดคนหนึ่งออกไม่ทำให้ผลิตภัณฑ์ที่เสนอชื่อเปลี่ยน",
        "en": "Removing any one judge would not change the nominee",
    },
    "analysis.lojo.deciding": {
        "th": "หากตัดกรรมการคนใดคนหนึ่งต่อไปนี้ออก ผลิตภัณฑ์ที่เสนอชื่อจะเปลี่ยน: {judges}",
        "en": "Removing any one of these judges would change the nominee: {judges}",
    },
    "analysis.margin.points": {
        "th": "อันดับ 1 นำอันดับ 2 อยู่ {points} คะแนน",
        "en": "First leads second by {points} points",
    },
    "analysis.margin.swap": {
        "th": "ต้องเปลี่ยนคะแนนรวมของกรรมการอย่างน้อย {k} รายการ รวม {points} คะแนน"
        " อันดับ 2 จึงจะเสมออันดับ 1",
        "en": "At least {k} judge totals would have to change, by {points} points in all,"
        " for second to draw level with first",
    },
    "analysis.margin.impossible": {
        "th": "ยังไม่มีผลิตภัณฑ์อันดับ 2 ให้เปรียบเทียบ จึงยังคำนวณไม่ได้ว่าต้องเปลี่ยนคะแนนเท่าใด",
        "en": "There is no second-placed product yet, so the totals to move cannot be worked out",
    },
    "analysis.outlier.flag": {
        "th": "คะแนนรวม {total} ห่างจากมัธยฐานของคณะกรรมการ ({median}) {difference} คะแนน"
        " — เสนอให้ประธานพิจารณา คะแนนนี้ยังนับตามปกติ",
        "en": "Total {total} is {difference} points from the panel median ({median}) — for the"
        " chair to discuss; it still counts",
    },
    "analysis.audit.corrupt": {
        "th": "ไฟล์ประวัติการแก้ไขคะแนนเสียหายหรือไม่ใช่ฐานข้อมูล จึงใช้ประวัติการแก้ไขไม่ได้ขณะนี้"
        " คะแนนและการจัดอันดับยังแสดงตามปกติ",
        "en": "The score history file is damaged or is not a database, so the history is not"
        " available now. Scores and rankings are shown as usual.",
    },
    "analysis.audit.locked": {
        "th": "ไฟล์ประวัติการแก้ไขคะแนนกำลังถูกใช้งานโดยหน้าต่างอื่น"
        " การเปลี่ยนแปลงจะถูกบันทึกเมื่อรีเฟรชครั้งถัดไป คะแนนและการจัดอันดับยังแสดงตามปกติ",
        "en": "The score history file is busy in another window. Changes will be recorded at"
        " the next refresh. Scores and rankings are shown as usual.",
    },
    "analysis.audit.unavailable": {
        "th": "เปิดไฟล์ประวัติการแก้ไขคะแนนไม่ได้ (ตรวจสอบโฟลเดอร์ข้อมูล KBO_DATA_DIR)"
        " คะแนนและการจัดอันดับยังแสดงตามปกติ",
        "en": "The score history file cannot be opened (check the data folder, KBO_DATA_DIR)."
        " Scores and rankings are shown as usual.",
    },
    # --- analysis end ---
    # --- pages: overview, rankings, nomination, projector, live, charts ---
    "pg.method": {"th": "วิธีรวมคะแนน", "en": "Aggregation method"},
    "pg.category": {"th": "ประเภท", "en": "Category"},
    "pg.empty": {
        "th": "ยังไม่มีผลิตภัณฑ์ในแท็บ Products — เมื่อเพิ่มผลิตภัณฑ์และกรรมการเริ่มให้คะแนน ข้อมูลจะแสดงที่นี่",
        "en": "No products in the Products tab yet. Once products are added and judges start"
        " scoring, they will show here.",
    },
    "pg.meeting": {
        "th": "จังหวัด{province} · ปี พ.ศ. {year} · ประชุมวันที่ {date}",
        "en": "{province} province · {year} BE · meeting on {date}",
    },
    "pg.meeting_no_date": {
        "th": "จังหวัด{province} · ปี พ.ศ. {year}",
        "en": "{province} province · {year} BE",
    },
    "pg.quorum": {
        "th": "องค์ประชุม: กรรมการอย่างน้อย {quorum} คนต่อผลิตภัณฑ์",
        "en": "Quorum: at least {quorum} judges per product",
    },
    "pg.points": {"th": "{score} คะแนน", "en": "{score} points"},
    "pg.nominee": {"th": "ผลิตภัณฑ์ที่เสนอชื่อ (เบื้องต้น)", "en": "Provisional nominee"},
    "pg.nominee_line": {
        "th": "{product} {name} — {group} · {score} คะแนน",
        "en": "{product} {name} — {group} · {score} points",
    },
    "pg.tie": {
        "th": "คะแนนเสมอกันที่อันดับ 1: {products} — ให้คณะกรรมการตัดสิน",
        "en": "Tie for first: {products} — the committee decides",
    },
    "pg.no_nominee": {
        "th": "ยังไม่มีผลิตภัณฑ์ใดได้รับคะแนนครบองค์ประชุม ({quorum} คน)",
        "en": "No product has been scored by the quorum of {quorum} judges yet",
    },
    "pg.final": {
        "th": "มติคณะกรรมการ (ผลสุดท้าย): {product} {name}",
        "en": "Committee decision (final): {product} {name}",
    },
    "tbl.rank": {"th": "อันดับ", "en": "Rank"},
    "tbl.product_id": {"th": "รหัส", "en": "ID"},
    "tbl.product": {"th": "ผลิตภัณฑ์", "en": "Product"},
    "tbl.group": {"th": "กลุ่มผู้ผลิต", "en": "Producer group"},
    "tbl.district": {"th": "อำเภอ", "en": "District"},
    "tbl.category": {"th": "ประเภท", "en": "Category"},
    "tbl.score": {"th": "คะแนน", "en": "Score"},
    "tbl.judges": {"th": "กรรมการที่นับ", "en": "Judges counted"},
    "tbl.judge": {"th": "กรรมการ", "en": "Judge"},
    "tbl.method": {"th": "วิธีรวมคะแนน", "en": "Method"},
    "tbl.position": {"th": "อันดับที่ {n}", "en": "No. {n}"},
    "tbl.without": {"th": "ผู้ชนะเมื่อไม่นับกรรมการคนนี้", "en": "Winner without this judge"},
    "tbl.with_all": {"th": "ผู้ชนะเมื่อนับทุกคน", "en": "Winner with every judge"},
    "tbl.old_total": {"th": "คะแนนรวมเดิม", "en": "Total now"},
    "tbl.new_total": {"th": "คะแนนรวมที่ต้องเป็น", "en": "Total needed"},
    "tbl.time": {"th": "เวลา", "en": "Time"},
    "tbl.reason": {"th": "เหตุผล", "en": "Reason"},
    "tbl.chair": {"th": "ผู้บันทึก", "en": "Recorded by"},
    "overview.progress": {"th": "ความคืบหน้าการให้คะแนน", "en": "Scoring progress"},
    "overview.judges_finished": {"th": "กรรมการให้คะแนนครบ", "en": "Judges finished"},
    "overview.scores_received": {"th": "คะแนนที่ได้รับ (ช่อง)", "en": "Scores received"},
    "overview.progress_bar": {
        "th": "ได้รับคะแนนแล้ว {received} จาก {expected} ช่อง ({pct}%)",
        "en": "{received} of {expected} scores received ({pct}%)",
    },
    "overview.top5": {"th": "5 อันดับแรก (ทุกประเภท)", "en": "Top five overall"},
    "overview.issues": {"th": "ปัญหาข้อมูลที่ยังเปิดอยู่", "en": "Open data issues"},
    "overview.no_issues": {"th": "ไม่พบปัญหาข้อมูล", "en": "No data issues"},
    "overview.issues_link": {"th": "ดูปัญหาข้อมูลทั้งหมด", "en": "See every data issue"},
    "overview.projector_link": {"th": "เปิดโหมดจอฉาย", "en": "Open projector mode"},
    "live.status": {
        "th": "อัปเดต {time} · รอบถัดไปใน {n} วินาที",
        "en": "updated {time} · next in {n} s",
    },
    "live.refresh_now": {"th": "รีเฟรชเดี๋ยวนี้", "en": "Refresh now"},
    "live.refresh_wait": {
        "th": "เพิ่งมีการรีเฟรชไป จึงยังไม่อ่านข้อมูลซ้ำ ลองใหม่ได้ในอีก {n} วินาที",
        "en": "The data was just refreshed; try again in {n} s",
    },
    "live.feed.title": {"th": "ความเคลื่อนไหวล่าสุด", "en": "Latest changes"},
    "live.feed.empty": {
        "th": "ยังไม่มีการเปลี่ยนแปลงตั้งแต่เปิดแดชบอร์ด",
        "en": "No changes since the dashboard started",
    },
    "live.feed.judge_finished": {
        "th": "กรรมการ {judge} ให้คะแนนครบแล้ว",
        "en": "Judge {judge} has finished",
    },
    "live.feed.new_scores": {
        "th": "คะแนนใหม่ {n} ช่อง สำหรับ {product}",
        "en": "{n} new scores for {product}",
    },
    "live.feed.changed_scores": {
        "th": "แก้ไขคะแนน {n} ช่อง ของ {product}",
        "en": "{n} scores changed for {product}",
    },
    "live.feed.new_issue": {
        "th": "ปัญหาใหม่ในแท็บ {tab} ช่อง {cell}",
        "en": "New issue in tab {tab}, cell {cell}",
    },
    "live.feed.new_issue_tab": {"th": "ปัญหาใหม่ในแท็บ {tab}", "en": "New issue in tab {tab}"},
    "live.feed.issues_resolved": {
        "th": "แก้ปัญหาข้อมูลแล้ว {n} รายการ",
        "en": "{n} data issues resolved",
    },
    "live.feed.more": {"th": "และอีก {n} รายการ", "en": "and {n} more"},
    "rankings.not_ranked": {
        "th": "ยังไม่จัดอันดับ (กรรมการให้คะแนนยังไม่ถึงองค์ประชุม {quorum} คน): {products}",
        "en": "Not yet ranked (scored by fewer than the quorum of {quorum} judges): {products}",
    },
    "rankings.none_in_category": {
        "th": "ยังไม่มีผลิตภัณฑ์ในประเภทนี้",
        "en": "No products in this category",
    },
    "rankings.no_scores": {
        "th": "ยังไม่มีคะแนนที่นับได้ในประเภทนี้",
        "en": "No counted scores in this category yet",
    },
    "rankings.product": {"th": "ดูรายละเอียดผลิตภัณฑ์", "en": "Look at a product"},
    "rankings.product_no_scores": {
        "th": "ผลิตภัณฑ์นี้ยังไม่มีคะแนนที่นับได้",
        "en": "This product has no counted scores yet",
    },
    "nom.score": {"th": "คะแนน", "en": "Score"},
    "nom.margin": {"th": "ห่างจากอันดับ 2", "en": "Margin to runner-up"},
    "nom.margin_value": {"th": "{points} คะแนน", "en": "{points} points"},
    "nom.runner_up": {"th": "อันดับ 2: {product} {name}", "en": "Runner-up: {product} {name}"},
    "nom.judges_counted": {"th": "กรรมการที่นับคะแนน", "en": "Judges counted"},
    "nom.judges_counted_value": {"th": "{n} จาก {total} คน", "en": "{n} of {total}"},
    "nom.runners_up": {"th": "อันดับรองลงมา", "en": "Runners-up"},
    "nom.leaders": {"th": "ผู้นำแต่ละประเภท", "en": "Category leaders"},
    "nom.robustness": {
        "th": "ผลิตภัณฑ์ที่เสนอชื่อจะเปลี่ยนหรือไม่ ถ้า…",
        "en": "Would the nominee change if…",
    },
    "nom.methods_title": {
        "th": "…ใช้วิธีรวมคะแนนอื่น (3 อันดับแรกของแต่ละวิธี)",
        "en": "…another aggregation method were used? (top 3 under each method)",
    },
    "nom.lojo_title": {
        "th": "…ไม่นับคะแนนของกรรมการคนใดคนหนึ่ง",
        "en": "…one judge's scores were left out?",
    },
    "nom.lojo_change": {
        "th": "ถ้าไม่นับกรรมการ {judge} (วิธี{method}) ผู้ชนะจะเปลี่ยนจาก {before} เป็น {after}",
        "en": "Without judge {judge} ({method}), the winner would change from {before} to {after}",
    },
    "nom.margin_title": {
        "th": "…คะแนนของกรรมการเปลี่ยนไป ต้องเปลี่ยนมากแค่ไหน",
        "en": "…judges' scores changed: how much change would it take?",
    },
    "nom.margin_tiebreak": {
        "th": "คะแนนเท่ากัน อันดับ 1 ตัดสินด้วยเกณฑ์ตัดสินเสมอ ({criteria})",
        "en": "Equal scores: first place is decided by the tie-break criteria ({criteria})",
    },
    "nom.margin_mean_note": {
        "th": "จำนวนคะแนนรวมที่ต้องเปลี่ยนคิดด้วยวิธีค่าเฉลี่ย ({points} คะแนน)",
        "en": "Totals to move are worked out under the mean ({points} points)",
    },
    "nom.no_robustness": {
        "th": "ต้องมีผลิตภัณฑ์ที่จัดอันดับได้อย่างน้อย 2 รายการจึงจะวิเคราะห์ได้",
        "en": "At least 2 ranked products are needed for this analysis",
    },
    "nom.chair": {"th": "สำหรับประธาน", "en": "Chair"},
    "nom.chair_password": {"th": "รหัสผ่านประธาน", "en": "Chair password"},
    "nom.chair_unlock": {"th": "เข้าสู่ส่วนของประธาน", "en": "Unlock"},
    "nom.chair_wrong": {"th": "รหัสผ่านไม่ถูกต้อง", "en": "Wrong password"},
    "nom.chair_wait": {
        "th": "ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ {n} วินาทีแล้วลองใหม่",
        "en": "Too many wrong passwords; try again in {n} s",
    },
    "nom.chair_lock": {"th": "ออกจากส่วนของประธาน", "en": "Lock"},
    "nom.chair_no_hash": {
        "th": "ยังไม่ได้ตั้งรหัสผ่านประธาน จึงยังบันทึกมติไม่ได้ — สร้างค่าแฮชด้วยคำสั่ง"
        " `{command}` แล้วใส่ค่าที่ได้ใน `.streamlit/secrets.toml` ที่คีย์ `{key}`"
        " (หรือตัวแปรสภาพแวดล้อม `{env}`) แล้วเริ่มแอปใหม่",
        "en": "No chair password is set, so no decision can be recorded. Make a hash with"
        " `{command}`, put it in `.streamlit/secrets.toml` under `{key}` (or the environment"
        " variable `{env}`) and restart the app.",
    },
    "nom.chair_confirm": {
        "th": "ยืนยันผลิตภัณฑ์ที่เสนอชื่อ: {product} {name}",
        "en": "Confirm the provisional nominee: {product} {name}",
    },
    "nom.chair_choice": {"th": "มติของประธาน", "en": "The chair's decision"},
    "nom.chair_other": {"th": "เลือกผลิตภัณฑ์อื่น", "en": "Pick another product"},
    "nom.chair_product": {"th": "ผลิตภัณฑ์ที่เลือก", "en": "Product chosen"},
    "nom.chair_reason": {"th": "เหตุผล", "en": "Reason"},
    "nom.chair_reason_required": {
        "th": "ต้องเขียนเหตุผลเมื่อเลือกผลิตภัณฑ์อื่นที่ไม่ใช่ผลิตภัณฑ์ที่เสนอชื่อ",
        "en": "A written reason is required to pick a product other than the nominee",
    },
    "nom.chair_no_product": {
        "th": "ยังไม่มีผลิตภัณฑ์ที่เสนอชื่อ — เลือกผลิตภัณฑ์และเขียนเหตุผล",
        "en": "There is no provisional nominee: pick a product and write a reason",
    },
    "nom.chair_record": {"th": "บันทึกมติ", "en": "Record the decision"},
    "nom.chair_recorded": {"th": "บันทึกมติแล้ว", "en": "Decision recorded"},
    "nom.chair_failed": {"th": "บันทึกมติไม่สำเร็จ: {reason}", "en": "Not recorded: {reason}"},
    "nom.chair_pending": {
        "th": "มติที่ยังบันทึกไม่สำเร็จ (ยังเก็บไว้ ไม่สูญหาย): {product} {name}",
        "en": "Decision not yet recorded (kept, nothing is lost): {product} {name}",
    },
    "nom.chair_retry": {"th": "ลองบันทึกอีกครั้ง", "en": "Try again"},
    "nom.chair_discard": {"th": "ยกเลิกมตินี้", "en": "Discard this decision"},
    "nom.decision_meta": {
        "th": "บันทึกเมื่อ {time} · วิธีรวมคะแนน: {method} · คะแนน {score}",
        "en": "Recorded {time} · method: {method} · score {score}",
    },
    "nom.decision_reason": {"th": "เหตุผล: {reason}", "en": "Reason: {reason}"},
    "nom.decision_history": {"th": "ประวัติมติ", "en": "Decision history"},
    "nom.decision_store_error": {
        "th": "อ่านประวัติมติไม่ได้: {reason}",
        "en": "Cannot read the decision history: {reason}",
    },
    "projector.ranking": {"th": "อันดับรวม", "en": "Overall ranking"},
    "projector.back": {"th": "ออกจากโหมดจอฉาย", "en": "Leave projector mode"},
    "chart.score": {"th": "คะแนน", "en": "Score"},
    "chart.points": {"th": "คะแนน (เต็ม 100)", "en": "Points (out of 100)"},
    "chart.criteria_title": {
        "th": "{category}: คะแนนเฉลี่ยแยกตามเกณฑ์",
        "en": "{category}: mean score by criterion",
    },
    "chart.category_average": {
        "th": "ค่าเฉลี่ยประเภท{category}",
        "en": "{category} average",
    },
    "chart.radar_title": {
        "th": "{product} เทียบกับค่าเฉลี่ยของประเภท (% ของคะแนนเต็ม)",
        "en": "{product} vs its category's average (% of the maximum)",
    },
    "chart.judge_totals": {"th": "คะแนนรวมของกรรมการ", "en": "Judges' totals"},
    "chart.total": {"th": "คะแนนรวม (เต็ม 100)", "en": "Total (out of 100)"},
    "chart.spread_title": {
        "th": "{product}: คะแนนรวมจากกรรมการ {n} คน",
        "en": "{product}: totals from {n} judges",
    },
    "chart.scored": {"th": "ให้คะแนนแล้ว", "en": "Scored"},
    "chart.finished": {"th": "ให้คะแนนครบแล้ว", "en": "Finished"},
    "chart.remaining": {"th": "ยังไม่ได้ให้คะแนน", "en": "Still to score"},
    "chart.judge": {"th": "กรรมการ", "en": "Judge"},
    "chart.products": {"th": "จำนวนผลิตภัณฑ์", "en": "Products"},
    "chart.progress_title": {"th": "ความคืบหน้ารายกรรมการ", "en": "Progress per judge"},
    # --- pages: overview, rankings, nomination, projector, live, charts end ---
    # --- pages: judges, issues, analysis, changes, downloads ---
    "pages.no_data": {
        "th": "ยังไม่มีข้อมูลให้แสดง ตรวจสอบแหล่งข้อมูลแล้วลองใหม่อีกครั้ง",
        "en": "There is no data to show yet. Check the data source and try again.",
    },
    "pages.col.judge_id": {"th": "รหัสกรรมการ", "en": "Judge"},
    "pages.col.judge_name": {"th": "ชื่อกรรมการ", "en": "Judge name"},
    "pages.col.sector": {"th": "ภาคส่วน", "en": "Sector"},
    "pages.col.progress": {"th": "ความคืบหน้า", "en": "Progress"},
    "pages.col.done": {"th": "ให้คะแนนแล้ว/ทั้งหมด", "en": "Scored / expected"},
    "pages.col.remaining": {"th": "ยังไม่ได้ให้คะแนน", "en": "Still to score"},
    "pages.col.product_id": {"th": "รหัสผลิตภัณฑ์", "en": "Product"},
    "pages.col.product_name": {"th": "ชื่อผลิตภัณฑ์", "en": "Product name"},
    "pages.col.category": {"th": "ประเภท", "en": "Category"},
    "pages.col.severity": {"th": "ระดับ", "en": "Severity"},
    "pages.col.where": {"th": "ตำแหน่ง (แท็บ!เซลล์)", "en": "Where (tab!cell)"},
    "pages.col.message": {"th": "ปัญหา", "en": "Problem"},
    "pages.col.action": {"th": "สิ่งที่ระบบทำ", "en": "What the app did"},
    "pages.col.message_en": {"th": "ปัญหา (อังกฤษ)", "en": "Problem (English)"},
    "pages.col.action_en": {"th": "สิ่งที่ระบบทำ (อังกฤษ)", "en": "What the app did (English)"},
    "pages.col.message_th": {"th": "ปัญหา (ไทย)", "en": "Problem (Thai)"},
    "pages.col.action_th": {"th": "สิ่งที่ระบบทำ (ไทย)", "en": "What the app did (Thai)"},
    "pages.col.scope": {"th": "กลุ่ม", "en": "Group"},
    "pages.col.n_products": {"th": "จำนวนผลิตภัณฑ์", "en": "Products"},
    "pages.col.n_judges_counted": {"th": "กรรมการที่นับ", "en": "Judges counted"},
    "pages.col.n_judges_left_out": {"th": "กรรมการที่ไม่นับ", "en": "Judges left out"},
    "pages.col.kendall_w": {"th": "Kendall's W", "en": "Kendall's W"},
    "pages.col.p_value": {"th": "ค่า p", "en": "p-value"},
    "pages.col.icc_2k": {"th": "ICC(2,k)", "en": "ICC(2,k)"},
    "pages.col.icc_3k": {"th": "ICC(3,k)", "en": "ICC(3,k)"},
    "pages.col.w_level": {"th": "ความสอดคล้องของลำดับ", "en": "Agreement on order"},
    "pages.col.icc_level": {"th": "ความน่าเชื่อถือของคะแนน", "en": "Reliability of scores"},
    "pages.col.mean_total": {"th": "คะแนนรวมเฉลี่ย", "en": "Mean total"},
    "pages.col.leniency": {"th": "ความใจดี (+) / เข้มงวด (−)", "en": "Leniency (+) / strictness (−)"},
    "pages.col.spread": {"th": "การกระจาย (SD)", "en": "Spread (SD)"},
    "pages.col.pearson": {"th": "สหสัมพันธ์กับคณะ (Pearson)", "en": "Correlation with panel (Pearson)"},
    "pages.col.spearman": {
        "th": "สหสัมพันธ์ของลำดับ (Spearman)",
        "en": "Rank correlation (Spearman)",
    },
    "pages.col.n_outliers": {"th": "คะแนนที่ควรทบทวน", "en": "Totals to discuss"},
    "pages.col.total": {"th": "คะแนนรวม", "en": "Total"},
    "pages.col.panel_median": {"th": "มัธยฐานของคณะ", "en": "Panel median"},
    "pages.col.difference": {"th": "ส่วนต่าง", "en": "Difference"},
    "pages.col.robust_z": {"th": "ค่า z (แบบทนทาน)", "en": "Robust z"},
    "pages.col.note": {"th": "หมายเหตุสำหรับประธาน", "en": "Note for the chair"},
    "pages.col.time": {"th": "เวลา", "en": "Time"},
    "pages.col.criterion": {"th": "เกณฑ์", "en": "Criterion"},
    "pages.col.old_value": {"th": "ค่าเดิม", "en": "Old value"},
    "pages.col.new_value": {"th": "ค่าใหม่", "en": "New value"},
    "pages.level.w.very_weak": {"th": "แทบไม่สอดคล้อง", "en": "Very weak"},
    "pages.level.w.weak": {"th": "สอดคล้องน้อย", "en": "Weak"},
    "pages.level.w.moderate": {"th": "สอดคล้องปานกลาง", "en": "Moderate"},
    "pages.level.w.strong": {"th": "สอดคล้องมาก", "en": "Strong"},
    "pages.level.w.very_strong": {"th": "สอดคล้องมากที่สุด", "en": "Very strong"},
    "pages.level.w.unknown": {"th": "ยังคำนวณไม่ได้", "en": "Not yet computable"},
    "pages.level.icc.poor": {"th": "ต่ำ", "en": "Poor"},
    "pages.level.icc.moderate": {"th": "ปานกลาง", "en": "Moderate"},
    "pages.level.icc.good": {"th": "ดี", "en": "Good"},
    "pages.level.icc.excellent": {"th": "ดีมาก", "en": "Excellent"},
    "pages.level.icc.unknown": {"th": "ยังคำนวณไม่ได้", "en": "Not yet computable"},
    "judge_chart.overall": {"th": "ภาพรวมทุกประเภท", "en": "All categories"},
    "judge_chart.judge": {"th": "กรรมการ", "en": "Judge"},
    "judge_chart.product": {"th": "ผลิตภัณฑ์", "en": "Product"},
    "judge_chart.total": {"th": "คะแนนรวม", "en": "Total"},
    "judge_chart.difference": {"th": "ต่างจากคณะ", "en": "Difference from panel"},
    "judge_chart.heatmap_totals": {
        "th": "คะแนนรวมของกรรมการแต่ละคนต่อผลิตภัณฑ์",
        "en": "Each judge's total for each product",
    },
    "judge_chart.heatmap_relative": {
        "th": "คะแนนรวมเทียบกับกรรมการคนอื่น (น้ำเงิน = สูงกว่า, แดง = ต่ำกว่า)",
        "en": "Totals compared with the other judges (blue = higher, red = lower)",
    },
    "judge_chart.leniency": {"th": "ความใจดี", "en": "Leniency"},
    "judge_chart.leniency_axis": {
        "th": "คะแนนรวมต่างจากกรรมการคนอื่นโดยเฉลี่ย (คะแนน)",
        "en": "Average difference from the other judges (points)",
    },
    "judge_chart.leniency_title": {
        "th": "กรรมการที่ให้คะแนนเข้มงวด (ซ้าย) และใจดี (ขวา)",
        "en": "Strict (left) and generous (right) judges",
    },
    "judge_chart.kendall_w": {"th": "Kendall's W (ลำดับ)", "en": "Kendall's W (order)"},
    "judge_chart.icc_2k": {"th": "ICC(2,k) (คะแนน)", "en": "ICC(2,k) (scores)"},
    "judge_chart.icc_3k": {"th": "ICC(3,k) (ลำดับสัมพัทธ์)", "en": "ICC(3,k) (relative order)"},
    "judge_chart.agreement_axis": {"th": "ค่า (0 ถึง 1)", "en": "Value (0 to 1)"},
    "judge_chart.agreement_title": {
        "th": "ความสอดคล้องของกรรมการ ภาพรวมและรายประเภท",
        "en": "Judges' agreement, overall and per category",
    },
    "judges_page.finished": {"th": "กรรมการที่ให้คะแนนครบ", "en": "Judges finished"},
    "judges_page.scores": {"th": "คะแนนที่ได้รับ", "en": "Scores received"},
    "judges_page.share": {"th": "ความคืบหน้ารวม", "en": "Overall progress"},
    "judges_page.filter_sector": {"th": "ภาคส่วน", "en": "Sector"},
    "judges_page.all_sectors": {"th": "ทุกภาคส่วน", "en": "All sectors"},
    "judges_page.no_sector": {"th": "(ไม่ระบุภาคส่วน)", "en": "(no sector)"},
    "judges_page.unfinished_only": {"th": "เฉพาะที่ยังไม่ครบ", "en": "Unfinished only"},
    "judges_page.none_match": {
        "th": "ไม่มีกรรมการตรงกับตัวกรองที่เลือก",
        "en": "No judge matches the filters.",
    },
    "judges_page.still_to_score": {"th": "ผลิตภัณฑ์ที่ยังรอคะแนน", "en": "Still to score"},
    "judges_page.all_done": {
        "th": "กรรมการที่แสดงอยู่ให้คะแนนครบทุกผลิตภัณฑ์แล้ว",
        "en": "Every judge shown has scored every product.",
    },
    "judges_page.judge_remaining": {
        "th": "{judge} {name} — ยังไม่ได้ให้คะแนน {n} รายการ",
        "en": "{judge} {name} — {n} still to score",
    },
    "judges_page.nothing_expected": {
        "th": "ไม่มีผลิตภัณฑ์ที่กรรมการท่านนี้ต้องให้คะแนน",
        "en": "This judge has no product to score.",
    },
    "issues_page.none": {
        "th": "ไม่พบปัญหาข้อมูล ทุกเซลล์อ่านได้ครบถ้วน",
        "en": "No data issues: every cell was read cleanly.",
    },
    "issues_page.filter_severity": {"th": "ระดับ", "en": "Severity"},
    "issues_page.filter_judge": {"th": "กรรมการ", "en": "Judge"},
    "issues_page.filter_tab": {"th": "แท็บ", "en": "Tab"},
    "issues_page.all": {"th": "ทั้งหมด", "en": "All"},
    "issues_page.other_language": {
        "th": "แสดงข้อความภาษาอังกฤษด้วย",
        "en": "Also show the Thai text",
    },
    "issues_page.shown": {"th": "แสดง {n} จาก {total} รายการ", "en": "Showing {n} of {total}"},
    "issues_page.none_match": {
        "th": "ไม่มีปัญหาตรงกับตัวกรองที่เลือก",
        "en": "No issue matches the filters.",
    },
    "analysis_page.agreement": {"th": "ความสอดคล้องของกรรมการ", "en": "How far the judges agree"},
    "analysis_page.counted": {
        "th": "คำนวณจากกรรมการ {judges} คน และผลิตภัณฑ์ {products} รายการ",
        "en": "Computed on {judges} judges and {products} products.",
    },
    "analysis_page.what_they_mean": {
        "th": "ค่าเหล่านี้หมายถึงอะไร",
        "en": "What these values mean",
    },
    "analysis_page.explain_w": {
        "th": "**Kendall's W** (0 ถึง 1) วัดว่ากรรมการเรียงลำดับผลิตภัณฑ์จากดีที่สุดถึงน้อยที่สุด"
        "ตรงกันเพียงใด 1 คือทุกคนเรียงเหมือนกันทุกอันดับ 0 คือไม่มีความสอดคล้องเลย"
        " ไม่ขึ้นกับว่ากรรมการให้คะแนนเข้มงวดหรือใจดี",
        "en": "**Kendall's W** (0 to 1) measures how far the judges put the products in the same"
        " order, best to worst. 1 means every judge gave the same order; 0 means no agreement."
        " It does not depend on whether a judge scores strictly or generously.",
    },
    "analysis_page.explain_icc2": {
        "th": "**ICC(2,k)** (0 ถึง 1) วัดความน่าเชื่อถือของคะแนนเฉลี่ยของทั้งคณะ"
        " โดยนับความต่างของระดับคะแนน (เข้มงวด/ใจดี) ระหว่างกรรมการด้วย"
        " ค่าสูงหมายถึงคณะกรรมการชุดอื่นที่มีจำนวนเท่ากันน่าจะได้คะแนนเฉลี่ยใกล้เคียงกัน",
        "en": "**ICC(2,k)** (0 to 1) measures how reliable the panel's average scores are,"
        " counting differences in how strictly judges score. A high value means another panel"
        " of the same size would likely give similar average scores.",
    },
    "analysis_page.explain_icc3": {
        "th": "**ICC(3,k)** (0 ถึง 1) เหมือน ICC(2,k) แต่ไม่นับความต่างของระดับคะแนนระหว่างกรรมการ"
        " ดูเฉพาะว่ากรรมการเห็นตรงกันว่าผลิตภัณฑ์ใดดีกว่าผลิตภัณฑ์ใด"
        " ถ้า ICC(3,k) สูงกว่า ICC(2,k) มาก แสดงว่ากรรมการเห็นลำดับตรงกันแต่ให้คะแนนเข้มงวดต่างกัน",
        "en": "**ICC(3,k)** (0 to 1) is like ICC(2,k) but ignores differences in how strictly"
        " judges score: it only asks whether they agree which product is better. If ICC(3,k)"
        " is much higher than ICC(2,k), the judges agree on the order but differ in strictness.",
    },
    "analysis_page.explain_bands": {
        "th": "เกณฑ์อ่านค่า ICC: ต่ำกว่า 0.5 ต่ำ, 0.5–0.75 ปานกลาง, 0.75–0.9 ดี, สูงกว่า 0.9 ดีมาก"
        " (Koo & Li, 2016) ค่าเหล่านี้ช่วยประกอบการพิจารณาเท่านั้น ไม่ได้เปลี่ยนคะแนนหรืออันดับ",
        "en": "Reading ICC: below 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, above 0.9"
        " excellent (Koo & Li, 2016). These figures inform the discussion; they change no"
        " score and no rank.",
    },
    "analysis_page.per_category": {
        "th": "ความสอดคล้องรายประเภทผลิตภัณฑ์",
        "en": "Agreement per product category",
    },
    "analysis_page.profiles": {"th": "ลักษณะการให้คะแนนของกรรมการ", "en": "How each judge scores"},
    "analysis_page.explain_profiles": {
        "th": "ความใจดี: คะแนนรวมของกรรมการเทียบกับค่าเฉลี่ยของกรรมการคนอื่นในผลิตภัณฑ์เดียวกัน"
        " (บวก = ให้สูงกว่า, ลบ = ให้ต่ำกว่า) การกระจาย: ส่วนเบี่ยงเบนมาตรฐานของคะแนนรวม"
        " สหสัมพันธ์กับคณะ: กรรมการเห็นว่าผลิตภัณฑ์ใดดีกว่าตรงกับคณะเพียงใด (1 = ตรงกันทั้งหมด)",
        "en": "Leniency: the judge's totals compared with the other judges' average on the same"
        " products (positive = higher, negative = lower). Spread: the standard deviation of the"
        " judge's totals. Correlation with the panel: how far the judge agrees with the others"
        " on which products are better (1 = fully).",
    },
    "analysis_page.heatmap": {"th": "แผนภาพคะแนน กรรมการ × ผลิตภัณฑ์", "en": "Judges × products"},
    "analysis_page.relative": {
        "th": "แสดงเป็นส่วนต่างจากกรรมการคนอื่น",
        "en": "Show the difference from the other judges",
    },
    "analysis_page.no_totals": {
        "th": "ยังไม่มีคะแนนรวมที่นับได้",
        "en": "No countable totals yet.",
    },
    "analysis_page.heatmap_note": {
        "th": "ช่องว่าง = ยังไม่มีคะแนนรวมที่นับได้ (ยังให้คะแนนไม่ครบ หรือมีส่วนได้เสีย) ผลิตภัณฑ์เรียงตามประเภท",
        "en": "Blank = no countable total (not fully scored yet, or a declared conflict)."
        " Products are grouped by category.",
    },
    "analysis_page.outliers": {
        "th": "คะแนนที่เสนอให้ประธานพิจารณา",
        "en": "Totals for the chair to discuss",
    },
    "analysis_page.explain_outliers": {
        "th": "คะแนนรวมที่ห่างจากมัธยฐานของคณะสำหรับผลิตภัณฑ์เดียวกันมาก"
        " (อย่างน้อย 15 คะแนนและค่า z แบบทนทานเกิน 3.5) ระบบไม่ตัดคะแนนเหล่านี้ทิ้ง"
        " ทุกคะแนนยังนับตามปกติ ยกเว้นวิธีค่าเฉลี่ยตัดคะแนนสูงสุด-ต่ำสุดที่กำหนดไว้ให้ตัด",
        "en": "Totals far from the panel's median for the same product (at least 15 points and"
        " a robust z above 3.5). They are never dropped: every one still counts, except under the"
        " trimmed mean, which is defined to drop the highest and lowest.",
    },
    "analysis_page.no_outliers": {
        "th": "ไม่มีคะแนนรวมที่ห่างจากคณะมากผิดปกติ",
        "en": "No total is unusually far from the panel.",
    },
    "analysis_page.n_outliers": {
        "th": "มีคะแนนรวม {n} รายการที่ควรนำมาพิจารณาในที่ประชุม",
        "en": "{n} totals to raise in the meeting",
    },
    "changes_page.empty": {
        "th": "ยังไม่มีประวัติการแก้ไขคะแนน ระบบจะบันทึกเมื่อมีการรีเฟรชข้อมูล",
        "en": "No score history yet. It is recorded as the data refreshes.",
    },
    "changes_page.first_seen": {
        "th": "แสดงคะแนนครั้งแรกเมื่อ {time}",
        "en": "Scores first shown at {time}",
    },
    "changes_page.period": {"th": "ช่วงเวลา", "en": "Period"},
    "changes_page.period.since_first": {
        "th": "หลังจากแสดงอันดับครั้งแรก",
        "en": "Since the rankings were first shown",
    },
    "changes_page.period.since_time": {"th": "ตั้งแต่เวลาที่เลือก", "en": "Since a chosen time"},
    "changes_page.period.all": {"th": "ทั้งหมด", "en": "All"},
    "changes_page.date": {"th": "วันที่", "en": "Date"},
    "changes_page.time": {"th": "เวลา", "en": "Time"},
    "changes_page.none_since": {
        "th": "ไม่มีการแก้ไขคะแนนในช่วงเวลาที่เลือก",
        "en": "No score changed in the chosen period.",
    },
    "changes_page.count": {"th": "จำนวนการแก้ไข", "en": "Changes"},
    "changes_page.download": {"th": "ดาวน์โหลดประวัติ (CSV)", "en": "Download the history (CSV)"},
    "downloads_page.method": {"th": "วิธีรวมคะแนน", "en": "Aggregation method"},
    "downloads_page.csv": {"th": "ไฟล์ CSV", "en": "CSV files"},
    "downloads_page.csv_note": {
        "th": "เปิดด้วย Excel ได้ทันที ภาษาไทยแสดงถูกต้อง (UTF-8 พร้อม BOM)"
        " และเซลล์ที่ขึ้นต้นด้วย = + - @ ถูกป้องกันไม่ให้ทำงานเป็นสูตร",
        "en": "Open directly in Excel with Thai intact (UTF-8 with BOM); cells starting with"
        " = + - @ are escaped so they never run as formulas.",
    },
    "downloads_page.rankings": {"th": "อันดับผลิตภัณฑ์", "en": "Rankings"},
    "downloads_page.rankings_note": {
        "th": "ผลิตภัณฑ์ {n} รายการ พร้อมคะแนน อันดับรวม อันดับในประเภท และค่าเฉลี่ยรายเกณฑ์",
        "en": "{n} products with score, overall and category ranks and criterion means",
    },
    "downloads_page.scores": {"th": "คะแนนทุกรายการ", "en": "Every score"},
    "downloads_page.scores_note": {
        "th": "คะแนน {n} รายการ: กรรมการ ผลิตภัณฑ์ เกณฑ์ คะแนน ตำแหน่งเซลล์ และนับหรือไม่",
        "en": "{n} scores: judge, product, criterion, score, cell, and whether it counts",
    },
    "downloads_page.issues": {"th": "ปัญหาข้อมูล", "en": "Data issues"},
    "downloads_page.issues_note": {
        "th": "ปัญหา {n} รายการ พร้อมตำแหน่งเซลล์ ภาษาไทยและอังกฤษ",
        "en": "{n} issues with their cells, in Thai and English",
    },
    "downloads_page.reports": {"th": "รายงาน", "en": "Reports"},
    "downloads_page.xlsx": {"th": "สมุดงาน Excel (.xlsx)", "en": "Excel workbook (.xlsx)"},
    "downloads_page.pdf": {"th": "รายงานผลการพิจารณา (PDF)", "en": "Official result (PDF)"},
    "downloads_page.reports_note": {
        "th": "รายงานสร้างเมื่อกดปุ่ม (ใช้เวลาสักครู่) ตามวิธีรวมคะแนนที่เลือกและการตัดสินของประธานที่บันทึกไว้",
        "en": "Reports are built when you click (a moment), with the chosen method and the"
        " chair's recorded decisions.",
    },
    "downloads_page.decisions_unreadable": {
        "th": "อ่านการตัดสินของประธานไม่ได้ขณะนี้ รายงานจะไม่มีส่วนการตัดสิน",
        "en": "The chair's decisions cannot be read right now; the reports will lack them.",
    },
    # --- pages: judges, issues, analysis, changes, downloads end ---
    # --- reports and decisions ---
    "report.title": {"th": "ผลการพิจารณาคัดเลือกผลิตภัณฑ์", "en": "Product selection result"},
    "report.province_year": {
        "th": "จังหวัด{province} ประจำปี พ.ศ. {year}",
        "en": "{province} Province, {year} BE",
    },
    "report.year_only": {"th": "ประจำปี พ.ศ. {year}", "en": "Year {year} BE"},
    "report.meeting_date": {"th": "ประชุมเมื่อวันที่ {date}", "en": "Meeting of {date}"},
    "report.no_meeting_date": {"th": "ไม่ได้ระบุวันที่ประชุม", "en": "Meeting date not set"},
    "report.intro": {
        "th": "คณะกรรมการได้พิจารณาผลิตภัณฑ์ {products} รายการ จาก {categories} ประเภท"
        " กรรมการแต่ละท่านให้คะแนนตามเกณฑ์ {criteria} ด้าน คะแนนของผลิตภัณฑ์คำนวณด้วยวิธี{method}"
        " จากกรรมการที่ให้คะแนนครบทุกเกณฑ์และไม่มีส่วนได้เสียกับผลิตภัณฑ์นั้น"
        " ผลิตภัณฑ์ที่มีกรรมการให้คะแนนน้อยกว่าองค์ประชุม {quorum} คน ยังไม่จัดอันดับ",
        "en": "The committee considered {products} products in {categories} categories. Each"
        " judge scored them on {criteria} criteria. A product's score is the {method} of the"
        " totals of the judges who scored every criterion and declared no conflict with it."
        " Products scored by fewer judges than the quorum of {quorum} are not yet ranked.",
    },
    "report.section.summary": {"th": "สรุปผลการพิจารณา", "en": "Summary"},
    "report.section.nominee": {
        "th": "ผลิตภัณฑ์ที่ได้รับการเสนอชื่อ",
        "en": "The nominated product",
    },
    "report.section.rankings": {
        "th": "ผลการจัดอันดับตามประเภทผลิตภัณฑ์",
        "en": "Rankings by category",
    },
    "report.section.decision": {"th": "มติของคณะกรรมการ", "en": "The committee's decision"},
    "report.section.history": {
        "th": "ประวัติการบันทึกมติ (รายการล่าสุดคือมติสุดท้าย)",
        "en": "Decision history (the latest entry is final)",
    },
    "report.method": {"th": "วิธีรวมคะแนน", "en": "Aggregation method"},
    "report.quorum": {"th": "องค์ประชุม (จำนวนกรรมการขั้นต่ำ)", "en": "Quorum (judges)"},
    "report.judges_counted": {"th": "กรรมการที่นับคะแนน", "en": "Judges counted"},
    "report.judges_of": {"th": "{n} จาก {total} คน", "en": "{n} of {total}"},
    "report.nominee": {"th": "ผลิตภัณฑ์ที่ได้รับการเสนอชื่อ", "en": "Nominee"},
    "report.score": {"th": "คะแนน", "en": "Score"},
    "report.margin": {"th": "ส่วนต่างจากอันดับ 2", "en": "Margin over second place"},
    "report.runner_up": {"th": "อันดับ 2", "en": "Second place"},
    "report.nominee_line": {
        "th": "{name} ({id}) {group} คะแนน {score} จากกรรมการ {n} คน",
        "en": "{name} ({id}), {group}: score {score} from {n} judges",
    },
    "report.margin_line": {
        "th": "นำอันดับ 2 คือ {runner} อยู่ {margin} คะแนน",
        "en": "Leads second place, {runner}, by {margin} points",
    },
    "report.no_nominee": {
        "th": "ยังไม่มีผลิตภัณฑ์ที่ได้รับการเสนอชื่อ เพราะยังไม่มีผลิตภัณฑ์ใดมีกรรมการให้คะแนนครบองค์ประชุม",
        "en": "No product is nominated yet: no product has been scored by a quorum of judges.",
    },
    "report.tied": {
        "th": "อันดับ 1 มีคะแนนเท่ากัน: {products} คณะกรรมการต้องพิจารณาตัดสิน",
        "en": "First place is shared: {products}. The committee has to decide.",
    },
    "report.criterion_means": {"th": "คะแนนเฉลี่ยรายเกณฑ์", "en": "Mean score per criterion"},
    "report.decision.none": {
        "th": "ยังไม่มีการบันทึกมติของประธานกรรมการ",
        "en": "The chair has not recorded a decision yet.",
    },
    "report.decision.confirmed": {
        "th": "ประธานกรรมการยืนยันผลิตภัณฑ์ที่ได้รับการเสนอชื่อ คือ {name} ({id})",
        "en": "The chair confirmed the nominee, {name} ({id}).",
    },
    "report.decision.other": {
        "th": "ประธานกรรมการเลือก {name} ({id}) แทนผลิตภัณฑ์ที่ได้คะแนนสูงสุด",
        "en": "The chair chose {name} ({id}) instead of the top-scoring product.",
    },
    "report.decision.reason": {"th": "เหตุผล: {reason}", "en": "Reason: {reason}"},
    "report.decision.when": {
        "th": "บันทึกเมื่อ {time} โดย {by}",
        "en": "Recorded {time} by {by}",
    },
    "report.decision.at_the_time": {
        "th": "ขณะบันทึก: คะแนน {score} อันดับ {rank} กรรมการที่นับ {n} คน วิธี{method}",
        "en": "At that moment: score {score}, rank {rank}, {n} judges counted, {method}",
    },
    "report.sign.line": {"th": "ลงชื่อ", "en": "Signed"},
    "report.sign.chair": {"th": "ประธานกรรมการ", "en": "Chair of the committee"},
    "report.sign.secretary": {"th": "เลขานุการ", "en": "Secretary"},
    "report.page": {"th": "หน้า {page}/{pages}", "en": "Page {page}/{pages}"},
    "report.generated": {"th": "จัดทำเมื่อ {time}", "en": "Generated {time}"},
    "report.time": {"th": "{date} เวลา {clock} น.", "en": "{date}, {clock} (Thai time)"},
    "report.yes": {"th": "ใช่", "en": "yes"},
    "report.no": {"th": "ไม่", "en": "no"},
    "report.final": {"th": "มติสุดท้าย", "en": "final"},
    "report.sheet.summary": {"th": "สรุป", "en": "Summary"},
    "report.sheet.overall": {"th": "อันดับรวม", "en": "Overall ranking"},
    "report.sheet.scores": {"th": "คะแนนทั้งหมด", "en": "All scores"},
    "report.sheet.issues": {"th": "ปัญหาข้อมูล", "en": "Data issues"},
    "report.sheet.decisions": {"th": "มติ", "en": "Decisions"},
    "report.item": {"th": "รายการ", "en": "Item"},
    "report.value": {"th": "ค่า", "en": "Value"},
    "report.meeting_title": {"th": "ชื่อการประชุม", "en": "Meeting"},
    "report.province": {"th": "จังหวัด", "en": "Province"},
    "report.year": {"th": "ปี พ.ศ.", "en": "Year (BE)"},
    "report.date": {"th": "วันที่ประชุม", "en": "Meeting date"},
    "report.final_decision": {"th": "มติสุดท้าย", "en": "Final decision"},
    "col.rank": {"th": "อันดับรวม", "en": "Overall rank"},
    "col.category_rank": {"th": "อันดับในประเภท", "en": "Rank in category"},
    "col.product_id": {"th": "รหัสผลิตภัณฑ์", "en": "Product ID"},
    "col.id": {"th": "รหัส", "en": "ID"},
    "col.product_name": {"th": "ชื่อผลิตภัณฑ์", "en": "Product"},
    "col.producer_group": {"th": "กลุ่มผู้ผลิต", "en": "Producer group"},
    "col.district": {"th": "อำเภอ", "en": "District"},
    "col.category": {"th": "ประเภท", "en": "Category"},
    "col.score": {"th": "คะแนน", "en": "Score"},
    "col.n_judges": {"th": "กรรมการที่นับ (คน)", "en": "Judges counted"},
    "col.judge_id": {"th": "รหัสกรรมการ", "en": "Judge ID"},
    "col.judge_name": {"th": "ชื่อกรรมการ", "en": "Judge"},
    "col.criterion_id": {"th": "รหัสเกณฑ์", "en": "Criterion ID"},
    "col.criterion": {"th": "เกณฑ์", "en": "Criterion"},
    "col.max_score": {"th": "คะแนนเต็ม", "en": "Maximum"},
    "col.mean": {"th": "คะแนนเฉลี่ย", "en": "Mean"},
    "col.tab": {"th": "แท็บ", "en": "Tab"},
    "col.cell": {"th": "ช่อง", "en": "Cell"},
    "col.counted": {"th": "นับคะแนน", "en": "Counted"},
    "col.severity": {"th": "ระดับ", "en": "Severity"},
    "col.code": {"th": "รหัสปัญหา", "en": "Code"},
    "col.message": {"th": "ปัญหา", "en": "Problem"},
    "col.action": {"th": "สิ่งที่แอปทำ", "en": "What the app did"},
    "col.seq": {"th": "ครั้งที่", "en": "No."},
    "col.decided_at": {"th": "เวลาบันทึก (เวลาประเทศไทย)", "en": "Recorded at (Thai time)"},
    "col.decided_by": {"th": "ผู้บันทึก", "en": "Recorded by"},
    "col.confirmed": {"th": "ยืนยันตามผลคะแนน", "en": "Confirms the nominee"},
    "col.provisional": {"th": "ผลิตภัณฑ์ที่ได้คะแนนสูงสุดขณะนั้น", "en": "Top product then"},
    "col.reason": {"th": "เหตุผล", "en": "Reason"},
    "col.method": {"th": "วิธีรวมคะแนน", "en": "Method"},
    "col.margin": {"th": "ส่วนต่างจากอันดับ 2", "en": "Margin"},
    "col.status": {"th": "สถานะ", "en": "Status"},
    "decision.reason_required": {
        "th": "ต้องระบุเหตุผลเมื่อเลือกผลิตภัณฑ์อื่นที่ไม่ใช่ผลิตภัณฑ์ที่ได้รับการเสนอชื่อจากผลคะแนน",
        "en": "A written reason is required to choose a product other than the provisional"
        " nominee.",
    },
    "decision.unknown_product": {
        "th": "ไม่พบผลิตภัณฑ์รหัส {id}",
        "en": "There is no product with ID {id}.",
    },
    "decision.chair": {"th": "ประธานกรรมการ", "en": "the chair"},
    "decision.write_failed.sheet": {
        "th": "บันทึกมติลงแท็บ Decision ของ Google Sheet ไม่สำเร็จ ({reason})"
        " มติยังเก็บไว้ในเครื่องนี้ ไม่สูญหาย กด “ลองอีกครั้ง” เมื่อเชื่อมต่อได้"
        " หรือจดมติไว้และแจ้งผู้ดูแลระบบ",
        "en": "The decision could not be written to the Google Sheet's Decision tab ({reason})."
        " It is kept on this computer and is not lost. Press “Try again” when the connection is"
        " back, or write the decision down and tell the administrator.",
    },
    "decision.write_failed.local": {
        "th": "บันทึกมติลงไฟล์ในเครื่องไม่สำเร็จ ({reason}) มติยังไม่ถูกบันทึก"
        " กด “ลองอีกครั้ง” หรือจดมติไว้ และให้ผู้ดูแลตรวจสอบโฟลเดอร์ข้อมูล (KBO_DATA_DIR)",
        "en": "The decision could not be written to the local file ({reason}). It is not"
        " recorded yet. Press “Try again”, or write the decision down and ask the administrator"
        " to check the data folder (KBO_DATA_DIR).",
    },
    "decision.read_failed": {
        "th": "อ่านประวัติมติไม่ได้ ({reason})",
        "en": "The decision history cannot be read ({reason})",
    },
    "decision.reason.permission": {
        "th": "บัญชีบริการไม่มีสิทธิ์แก้ไขชีต ให้แชร์ชีตแบบ “ผู้แก้ไข”",
        "en": "the service account may not edit the sheet; share it as Editor",
    },
    "decision.reason.unreachable": {
        "th": "ติดต่อ Google Sheets ไม่ได้",
        "en": "Google Sheets cannot be reached",
    },
    "decision.reason.server": {
        "th": "Google Sheets ตอบกลับข้อผิดพลาด {status}",
        "en": "Google Sheets answered with error {status}",
    },
    "decision.reason.local": {
        "th": "ไฟล์ถูกล็อก เสียหาย หรือไม่มีสิทธิ์เขียน",
        "en": "the file is locked, damaged or not writable",
    },
    # --- reports and decisions end ---
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
