"""A template a clerk can use as it is: 27 judges, Thai or English throughout, ``--from`` fills
the judge tabs with product rows, ``check`` refuses an empty one, ``--help`` explains."""

from __future__ import annotations

import argparse
import io

import pytest
from openpyxl import load_workbook

from kbo_dashboard.__main__ import main
from kbo_dashboard.commands.check import run_check
from kbo_dashboard.commands.template import complete_workbook
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.sources.source import RawWorkbook
from kbo_dashboard.sources.workbook import WorkbookSource, read_xlsx, template_tabs, write_xlsx

PRODUCTS_TH = [
    ["P-01", "ปลาส้ม", "กลุ่ม ก", "วารินชำราบ", "อาหาร"],
    ["P-02", "ผ้าไหม", "กลุ่ม ข", "เมือง", "ผ้าและเครื่องแต่งกาย"],
    ["P-03", "ชาดอกบัว", "กลุ่ม ค", "พิบูลมังสาหาร", "เครื่องดื่ม"],
]


def test_default_template_has_the_seed_committee_in_thai():
    tabs = template_tabs()
    assert list(tabs)[:5] == ["ตั้งค่า", "ผลิตภัณฑ์", "กรรมการ", "เกณฑ์การให้คะแนน", "ส่วนได้เสีย"]
    assert [k for k in tabs if k.startswith("J")] == [f"J{n:02d}" for n in range(1, 28)]
    assert tabs["ผลิตภัณฑ์"][0] == ["รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", "กลุ่มผู้ผลิต", "อำเภอ", "ประเภท"]
    assert tabs["เกณฑ์การให้คะแนน"][0][:2] == ["รหัสเกณฑ์", "ชื่อเกณฑ์"]
    assert [row[0] for row in tabs["ตั้งค่า"][1:4]] == ["ชื่อการประชุม", "จังหวัด", "ปี"]
    assert tabs["J01"] == [
        ["รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", "นวัตกรรม (25)", "อัตลักษณ์ท้องถิ่น (20)",
         "คุณภาพและมาตรฐาน (20)", "บรรจุภัณฑ์ (15)", "ศักยภาพทางการตลาดและมูลค่าเพิ่ม (20)",
         "ความเห็น"]
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["th", "en"])
def test_both_languages_read_the_same(lang):
    tabs = template_tabs(n_judges=2, lang=lang)
    products, settings = ("ผลิตภัณฑ์", "ตั้งค่า") if lang == "th" else ("Products", "Settings")
    tabs[products] += [list(p) for p in PRODUCTS_TH]
    for row in tabs[settings][1:]:
        if row[0] in ("องค์ประชุม", "quorum"):
            row[1] = 2
        if row[0] in ("อีเมลเจ้าหน้าที่", "staff_emails"):
            row[1] = "clerk@example.org"
    comp = parse(RawWorkbook(tabs))
    assert comp.issues == []
    assert list(comp.products["category"]) == ["food", "textile", "beverage"]
    assert list(comp.judges["judge_id"]) == ["J01", "J02"]
    assert comp.criterion_ids == ["innovation", "identity", "quality", "packaging", "value"]
    assert comp.settings["quorum"] == 2
    assert comp.settings["staff_emails"] == ("clerk@example.org",)
    if lang == "en":
        assert list(tabs)[:5] == ["Settings", "Products", "Judges", "Criteria", "Conflicts"]
        assert tabs["Criteria"][0][:2] == ["Criterion ID", "Name (Thai)"]
        assert tabs["J01"][0][:3] == ["Product ID", "Product name", "Innovation (25)"]


def test_from_completes_a_partly_filled_workbook(tmp_path):
    partial = template_tabs(n_judges=3)
    partial["ผลิตภัณฑ์"] += [list(p) for p in PRODUCTS_TH]
    del partial["เกณฑ์การให้คะแนน"], partial["ตั้งค่า"]  # lost tabs come back
    header = partial["J02"][0]
    partial["J02"] = [header, ["P-02", "ผ้าไหม", 20, 15, 18, 12, 16]]  # J02 started already
    del partial["J03"]  # and J03's tab is missing
    src, out = tmp_path / "partial.xlsx", tmp_path / "ready.xlsx"
    write_xlsx(partial, src)
    assert main(["template", "--from", str(src), str(out)]) == 0
    tabs = read_xlsx(out)
    assert tabs["J01"][1:] == [["P-01", "ปลาส้ม"], ["P-02", "ผ้าไหม"], ["P-03", "ชาดอกบัว"]]
    # J02 keeps its scored row first, then the two products it did not list yet.
    assert tabs["J02"][1:] == [
        ["P-02", "ผ้าไหม", 20, 15, 18, 12, 16], ["P-01", "ปลาส้ม"], ["P-03", "ชาดอกบัว"]
    ]  # fmt: skip
    assert tabs["J03"][0] == header and len(tabs["J03"]) == 4
    assert {"ตั้งค่า", "เกณฑ์การให้คะแนน"} <= set(tabs)
    comp = parse(WorkbookSource(out).fetch())
    assert comp.issues == [] and list(comp.scores["judge_id"].unique()) == ["J02"]
    assert comp.scores["score"].sum() == 20 + 15 + 18 + 12 + 16


def test_from_fills_an_empty_judges_tab_and_keeps_english_tabs():
    partial = template_tabs(n_judges=0, lang="en")
    partial["Products"] += [list(p) for p in PRODUCTS_TH]
    tabs = complete_workbook(partial, lang="en", n_judges=4)
    assert [row[0] for row in tabs["Judges"][1:]] == ["J01", "J02", "J03", "J04"]
    assert [row[0] for row in tabs["J04"][1:]] == ["P-01", "P-02", "P-03"]
    assert tabs["J04"][0][0] == "Product ID"


def test_check_calls_an_empty_template_an_error(tmp_path, monkeypatch):
    path = tmp_path / "blank.xlsx"
    write_xlsx(template_tabs(n_judges=0), path)
    monkeypatch.delenv("KBO_SPREADSHEET", raising=False)
    monkeypatch.setenv("KBO_WORKBOOK", str(path))
    monkeypatch.setenv("HOME", str(tmp_path))
    out = io.StringIO()
    args = argparse.Namespace(secrets="/nonexistent.toml", lang="en")
    assert run_check(args, out) == 1
    text = out.getvalue()
    assert "ผลิตภัณฑ์!A2" in text and "กรรมการ!A2" in text
    assert "Tab ผลิตภัณฑ์ has headers but no rows yet" in text


def test_help_says_what_each_command_does(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    for command, words in [
        ("template", "write an Excel workbook"),
        ("hash-password", "the chair's password hash"),
        ("init-sheet", "set up an empty Google Sheet"),
        ("check", "check the configured source"),
        ("judge-cards", "print the judge cards PDF"),
    ]:
        assert command in text and words in text


def test_template_xlsx_in_english(tmp_path):
    path = tmp_path / "t.xlsx"
    assert main(["template", str(path), "--lang", "en", "--judges", "2"]) == 0
    assert load_workbook(path).sheetnames[:3] == ["Settings", "Products", "Judges"]
