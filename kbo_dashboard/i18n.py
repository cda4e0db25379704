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
