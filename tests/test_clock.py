"""The competition's clock (kbo_dashboard/intake/clock.py) and its Settings keys."""

import datetime as dt

from kbo_dashboard.intake import clock
from tests.test_settings import settings_of

NOON_UTC = dt.datetime(2022, 5, 23, 12, 0, tzinfo=dt.UTC)  # 19:00 in Bangkok


def test_the_default_zone_is_bangkok():
    settings, issues = settings_of()
    assert settings["time_zone"] == "Asia/Bangkok" and issues == []
    assert clock.format_time(NOON_UTC, settings, "th") == "23 พฤษภาคม 2565 เวลา 19:00 น."
    assert clock.clock_time(NOON_UTC, settings) == "19:00:00"


def test_a_zone_typed_under_the_thai_key_is_used():
    settings, issues = settings_of(["เขตเวลา", "Asia/Tokyo"])
    assert issues == []
    assert clock.clock_time(NOON_UTC, settings, seconds=False) == "21:00"  # UTC+9
    assert clock.file_stamp(dt.datetime(2022, 5, 23, 16, 0, tzinfo=dt.UTC), settings) == (
        "2565-05-24"  # 01:00 on the 24th in Tokyo
    )


def test_an_unknown_zone_is_an_issue_at_its_cell_and_bangkok_is_used():
    settings, issues = settings_of(["title", "x"], ["time_zone", "Mars/Olympus"])
    assert issues == [("bad_setting", "B3", "warning")]
    assert clock.competition_zone(settings) == clock.competition_zone({})
    assert clock.clock_time(NOON_UTC, settings) == "19:00:00"


def test_a_naive_moment_is_utc():
    assert clock.local_naive(dt.datetime(2022, 5, 23, 17, 15), {}) == dt.datetime(
        2022, 5, 24, 0, 15
    )
    assert clock.format_date(dt.date(2022, 5, 23), {}, "en") == "23 May 2565 BE"


def test_announcement_settings_and_thai_numerals_yes_no():
    settings, issues = settings_of(
        ["เลขที่ประกาศ", "12/2565"],
        ["ผู้ลงนาม", "นายสมชาย ใจดี"],
        ["ตำแหน่งผู้ลงนาม", "ผู้ว่าราชการจังหวัด"],
        ["เลขไทย", "ใช่"],
    )
    assert issues == []
    assert settings["document_number"] == "12/2565" and settings["signer_name"] == "นายสมชาย ใจดี"
    assert settings["signer_position"] == "ผู้ว่าราชการจังหวัด" and settings["thai_numerals"] is True
    no, issues = settings_of(["thai_numerals", "ไม่ใช่"])
    assert no["thai_numerals"] is False and issues == []
    _, issues = settings_of(["thai_numerals", "maybe"])
    assert issues == [("bad_setting", "B2", "warning")]


def test_attendance_column_reads_thai_and_english_and_flags_the_unknown():
    from kbo_dashboard.intake.parse import parse
    from kbo_dashboard.sources.source import RawWorkbook
    from tests.workbooks import SMALL_TABS

    tabs = {**SMALL_TABS}
    tabs["Judges"] = [
        ["judge_id", "judge_name", "sector", "sheet", "การเข้าร่วม"],
        ["J1", "Judge 1", "government", "J1", "มา"],
        ["J2", "Judge 2", "private", "J2", "absent"],
        ["J3", "Judge 3", "citizen", "J3", "sometimes"],
    ]
    comp = parse(RawWorkbook(tabs))
    assert list(comp.judges["attendance"]) == ["present", "absent", ""]
    assert [(i.code, i.cell) for i in comp.issues] == [("unknown_attendance", "E4")]
