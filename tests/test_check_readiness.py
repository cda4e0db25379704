"""``python -m kbo_dashboard check`` prints the readiness checklist after the data issues."""

from __future__ import annotations

import argparse
import io

from kbo_dashboard.commands.check import run_check
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.workbook import write_xlsx
from tests.workbooks import SMALL_TABS


def check(tabs, tmp_path, monkeypatch, lang="en") -> tuple[int, str]:
    for name in ("KBO_SPREADSHEET", "KBO_SERVICE_ACCOUNT_JSON", "KBO_SHEETS_API_URL"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "committee.xlsx"
    write_xlsx(tabs, path)
    monkeypatch.setenv("KBO_WORKBOOK", str(path))
    out = io.StringIO()
    code = run_check(argparse.Namespace(secrets="/nonexistent/secrets.toml", lang=lang), out)
    return code, out.getvalue()


def test_check_prints_the_demos_open_points(tmp_path, monkeypatch):
    code, text = check(demo_tabs(), tmp_path, monkeypatch)
    assert code == 1  # two data errors, as before
    lines = text[text.index("Ready to decide?") :].splitlines()
    assert lines == [
        "Ready to decide?",
        "  ✗ Every judge finished: 5 not finished: J08, J11, J14, J26, J27",
        "  ✗ No open data errors: 2 open errors: J08!C6, J11!E8",
        "  ✓ Every product at quorum",
        "  ✓ The nominee is not tied",
        "  ✓ The nominee is robust",
        "Not ready: 2 open points",
        "Checked: 2 errors, 2 warnings",
    ]


def test_check_in_thai_on_the_small_example(tmp_path, monkeypatch):
    code, text = check(SMALL_TABS, tmp_path, monkeypatch, lang="th")
    assert code == 0  # no data errors: the checklist does not change the exit code
    assert "  ✗ กรรมการให้คะแนนครบทุกคน: ยังไม่เสร็จ 2 คน: J2, J3" in text
    assert "  ✗ ทุกผลิตภัณฑ์ได้คะแนนถึงองค์ประชุม: ยังไม่ถึงองค์ประชุม 2 คน 1 รายการ: B2" in text
    assert "ยังไม่พร้อม: มี 3 ข้อที่ยังไม่ผ่าน" in text.splitlines()
