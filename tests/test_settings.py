"""The Settings tab: Thai or English keys, Buddhist Era years, quorum and method defaults."""

import datetime as dt

from kbo_dashboard.intake.clock import thai_date
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.intake.settings import default_quorum
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS


def settings_of(*rows):
    tabs = {**SMALL_TABS, "Settings": [["key", "value"], *rows]}
    comp = parse(RawWorkbook(tabs))
    return comp.settings, [(i.code, i.cell, i.severity) for i in comp.issues]


def test_thai_keys_and_values():
    settings, issues = settings_of(
        ["จังหวัด", "อุบลราชธานี"],
        ["ปี พ.ศ.", 2565],
        ["วันที่ประชุม", 44704],  # a sheet date serial: 2022-05-23
        ["องค์ประชุม", 3],
        ["วิธีรวมคะแนน", "trimmed"],
    )
    assert issues == []
    assert settings["province"] == "อุบลราชธานี"
    assert settings["year"] == 2565
    assert settings["meeting_date"] == dt.date(2022, 5, 23)
    assert settings["quorum"] == 3
    assert settings["method"] == "trimmed_mean"


def test_a_common_era_year_is_converted_with_a_note():
    settings, issues = settings_of(["year", 2022])
    assert settings["year"] == 2022 + 543
    assert issues == [("year_converted", "B2", "info")]


def test_bad_values_keep_the_defaults_and_say_where():
    settings, issues = settings_of(
        ["quorum", "many"], ["method", "loudest"], ["meeting_date", "next Tuesday"], ["year", ""]
    )
    assert settings["quorum"] == 2  # 3 judges: more than half is 2
    assert settings["method"] == "mean"
    assert settings["meeting_date"] is None
    assert issues == [
        ("bad_setting", "B2", "warning"),
        ("bad_setting", "B3", "warning"),
        ("bad_setting", "B4", "warning"),
    ]  # a blank year is simply not set


def test_default_quorum_is_more_than_half():
    assert [default_quorum(n) for n in (1, 2, 3, 26, 27)] == [1, 2, 2, 14, 14]


def test_buddhist_era_dates():
    assert thai_date(dt.date(2022, 5, 23)) == "23 พฤษภาคม 2565"
    assert thai_date(dt.date(2022, 5, 23), "en") == "23 May 2565 BE"
