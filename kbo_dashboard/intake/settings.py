"""The optional ``Settings`` tab: key/value pairs that describe the meeting.

Keys may be typed in Thai or English. The year is in the Buddhist Era; a Common Era year typed
by mistake (e.g. 2022) is converted (+543) with a note. Quorum defaults to more than half of
the judges. ``time_zone`` (เขตเวลา) is the competition's clock (:mod:`kbo_dashboard.intake.clock`);
an unknown zone is an issue at its cell and Asia/Bangkok is used. ``document_number``,
``signer_name``, ``signer_position``, ``announcement_date`` and ``thai_numerals`` (ใช่/ไม่ใช่)
fill the announcement. ``meeting_number``, ``venue``, ``start_time``, ``end_time``, ``recorder``
and ``attendees`` (staff, ``name, position; name, position``) fill the minutes (issue 19).
``lock_after_decision`` (ใช่/ไม่ใช่): recording a decision locks every judge's tab
(:mod:`kbo_dashboard.commands.protections`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kbo_dashboard.i18n import MESSAGES
from kbo_dashboard.intake.cells import cell_text, finite, is_blank, read_score
from kbo_dashboard.intake.clock import BE_OFFSET, DEFAULT_ZONE, zone_named
from kbo_dashboard.intake.issues import INFO, WARNING, Issue, Where, make_issue
from kbo_dashboard.sources import layout as L
from kbo_dashboard.sources.layout import SHEETS_EPOCH
from kbo_dashboard.sources.source import RawWorkbook

#: An aggregation method's name in the catalogue (AggregationMethod.catalogue_key("name")).
_METHOD_NAME = re.compile(r"^analysis\.method\.([a-z0-9_]+)\.name$")

KEY_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("ชื่อการประชุม", "หัวข้อ", "ชื่อ"),
    "province": ("จังหวัด",),
    "year": ("ปี", "ปีพ.ศ.", "ปีงบประมาณ", "พ.ศ."),
    "meeting_date": ("วันที่ประชุม", "วันที่", "date"),
    "quorum": ("องค์ประชุม",),
    "method": ("วิธีรวมคะแนน", "aggregation"),
    "staff_emails": ("อีเมลเจ้าหน้าที่", "staff", "staff e-mails"),
    "responses_tab": ("แท็บคำตอบฟอร์ม", "form responses tab", "responses"),
    "time_zone": ("เขตเวลา", "timezone", "time zone"),
    "document_number": ("เลขที่ประกาศ", "เลขที่เอกสาร", "document no"),
    "signer_name": ("ผู้ลงนาม", "ชื่อผู้ลงนาม", "signer"),
    "signer_position": ("ตำแหน่งผู้ลงนาม", "ตำแหน่ง", "position"),
    "thai_numerals": ("เลขไทย", "ใช้เลขไทย"),
    "lock_after_decision": ("ล็อกแท็บหลังบันทึกมติ", "ล็อกหลังลงมติ", "lock after decision"),
    "announcement_date": ("วันที่ประกาศ", "announcement date"),
    "meeting_number": ("ครั้งที่", "ครั้งที่ประชุม", "meeting no", "meeting number"),
    "venue": ("สถานที่ประชุม", "สถานที่", "place"),
    "start_time": ("เวลาเริ่มประชุม", "เริ่มประชุมเวลา", "start"),
    "end_time": ("เวลาเลิกประชุม", "เลิกประชุมเวลา", "end"),
    "recorder": ("ผู้จดรายงานการประชุม", "ผู้จดรายงาน", "minutes taken by"),
    "attendees": ("ผู้เข้าร่วมประชุม", "also attending"),
}

DEFAULTS: dict[str, Any] = {
    "title": "",
    "province": "",
    "year": None,
    "meeting_date": None,
    "quorum": None,
    "method": "mean",
    "staff_emails": (),
    "responses_tab": None,
    "time_zone": DEFAULT_ZONE,
    "document_number": "",
    "signer_name": "",
    "signer_position": "",
    "thai_numerals": False,
    "lock_after_decision": False,
    "announcement_date": None,
    "meeting_number": "",
    "venue": "",
    "start_time": None,
    "end_time": None,
    "recorder": "",
    "attendees": "",
}
TEXT_KEYS = (
    "title",
    "province",
    "responses_tab",
    "document_number",
    "signer_name",
    "signer_position",
    "meeting_number",
    "venue",
    "recorder",
    "attendees",
)
TIME_KEYS = ("start_time", "end_time")
_TIME = re.compile(
    r"^(\d{1,2})\s*[:.]\s*(\d{2})(?::\d{2})?\s*(?:(น\.?|นาฬิกา)|([AaPp])\.?[Mm]\.?)?$"
)
YES_WORDS = {"yes", "true", "1", "ใช่", "ใช้", "y"}
NO_WORDS = {"no", "false", "0", "ไม่", "ไม่ใช่", "ไม่ใช้", "n"}


def default_quorum(n_judges: int) -> int:
    """More than half of the judges: 27 -> 14, 26 -> 14, 1 -> 1."""
    return n_judges // 2 + 1


def to_be_year(value: float) -> tuple[int, bool]:
    """A Buddhist Era year, and whether it was converted from the Common Era."""
    year = int(value)  # value is finite: read_score never gives inf or nan
    if year < 2400:
        return year + BE_OFFSET, True
    return year, False


def read_date(cell: object) -> dt.date | None:
    """A date from a sheet serial number, or ISO / d/m/yyyy text (BE or CE years)."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        days = finite(cell)
        try:
            return SHEETS_EPOCH + dt.timedelta(days=int(days)) if days is not None else None
        except OverflowError:  # a serial beyond year 9999
            return None
    text = cell_text(cell)
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            parsed = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if parsed.year > 2400:
            parsed = parsed.replace(year=parsed.year - BE_OFFSET)
        return parsed
    return None


def read_time(cell: object) -> dt.time | None:
    """A time of day from a sheet time (a fraction of a day) or ``9:30`` / ``09.30 น.``."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        day = finite(cell)
        if day is None or not 0 <= day < 1:
            return None
        minutes = round(day * 24 * 60) % (24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    match = _TIME.match(cell_text(cell))  # 9:30, 09.30 น., or a time cell's text: 9:30:00 AM
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    hour = int(match[1])
    if match[4]:  # 12-hour clock
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[4] in "Pp" else 0)
    return dt.time(hour, int(match[2]))


def _folded(text: object) -> str:
    return " ".join(w for w in re.split(r"[\s_]+", str(text or "").casefold()) if w)


def method_named(text: object) -> str | None:
    """The key of the aggregation method ``text`` names, or None when it names none.

    A method is named by its key, its Thai or English name, or one of its aliases, in any case
    and spacing ("Trimmed mean", "trimmed", "มัธยฐาน"). The words are the catalogue entries
    each method's class points at (``analysis.method.<key>.name`` and ``.aliases``, words
    separated by ``;``; see ``kbo_dashboard.scoring.aggregation``), read here because the
    Settings tab is read before scoring. Every page and document resolves a method this way.
    """
    wanted = _folded(text)
    if not wanted:
        return None
    for catalogue_key, entry in MESSAGES.items():
        found = _METHOD_NAME.match(catalogue_key)
        if found is None:
            continue
        method = found[1]
        aliases = MESSAGES.get(f"analysis.method.{method}.aliases", {})
        words = [method, *entry.values(), *";".join(aliases.values()).split(";")]
        if wanted in {_folded(w) for w in words}:
            return method
    return None


def email_list(text: str) -> tuple[str, ...]:
    """The e-mail addresses in ``text`` (separated by commas, semicolons or spaces)."""
    return tuple(p for p in re.split(r"[\s,;]+", text.strip()) if "@" in p)


def _key(text: object) -> str | None:
    folded = L.normalise_header(text)
    for key, aliases in KEY_ALIASES.items():
        if folded == L.normalise_header(key) or folded in {L.normalise_header(a) for a in aliases}:
            return key
    return None


def _setting(key: str, cell: object, n_judges: int) -> Any:
    """A setting's value from its cell, or None when the cell cannot be read as one."""
    if key in TEXT_KEYS:
        return cell_text(cell) or None
    if key == "time_zone":
        return cell_text(cell) if zone_named(cell_text(cell)) is not None else None
    if key in ("thai_numerals", "lock_after_decision"):
        word = cell_text(cell).casefold()
        return True if word in YES_WORDS else False if word in NO_WORDS else None
    if key == "staff_emails":
        return email_list(cell_text(cell)) or None
    if key in ("meeting_date", "announcement_date"):
        return read_date(cell)
    if key in TIME_KEYS:
        return read_time(cell)
    if key == "method":
        return method_named(cell)
    number = read_score(cell).value  # None unless the cell reads as a number
    if number is None:
        return None
    if key == "year":
        year = to_be_year(number)[0] if 1 <= number <= 9999 else None
        return year if year is not None and year <= 9999 else None
    return int(number) if number >= 1 else None  # quorum


def read_settings(raw: RawWorkbook, issues: list[Issue], *, n_judges: int) -> dict[str, Any]:
    """The settings with defaults filled in. Bad values become issues, never errors."""
    settings = dict(DEFAULTS)
    rows = raw.tab(L.SETTINGS) or []
    tab = raw.tab_name(L.SETTINGS) or L.SETTINGS
    start = 1 if rows and _key(rows[0][0] if rows[0] else "") is None else 0
    for r, row in enumerate(rows[start:], start=start):
        key = _key(row[0]) if len(row) >= 2 else None
        if key is None:
            continue
        cell = row[1]
        where = Where(tab=tab, cell=L.a1(r, 1))
        value = _setting(key, cell, n_judges)
        if value is None:
            if not is_blank(cell):
                fallback = {
                    "quorum": default_quorum(n_judges),
                    "method": "mean",
                    "time_zone": DEFAULT_ZONE,
                }.get(key, "-")
                issues.append(make_issue(
                    WARNING, "bad_setting", key=key, value=cell_text(cell),
                    action="used_default", action_params={"value": fallback}, **where,
                ))  # fmt: skip
            continue
        settings[key] = value
        if key == "year" and value != int(read_score(cell).value or 0):  # a year is a number
            issues.append(make_issue(
                INFO, "year_converted", value=cell_text(cell), year=value,
                action="converted", **where,
            ))  # fmt: skip
    if settings["quorum"] is None:
        settings["quorum"] = default_quorum(n_judges)
    if settings["year"] is None:
        day = settings["meeting_date"] or dt.date.today()
        settings["year"] = day.year + BE_OFFSET
    return settings
