"""The small workbook (tests/workbooks.py) with judges' e-mails and a Google Form responses tab,
written the way Google Forms writes it: Google's header row, a timestamp (a date-time value,
so a serial number through the API), and the answers as text.

Worked out by hand (criteria: inn max 60, idn max 40; total = inn + idn):
* row 2, 10:30, j2@example.org, B2: 35 + 25, replaced by row 3, 11:00, J2's B2: 40 + 30 = 70;
* row 4, 10:48, J3 by ID, B2 as the drop-down answer "B2 Cotton shirt": "๔๕" (Thai digits, 45)
  + 20 = 65;
* row 5, J1, A1: J1 scored A1 in their tab (J1!C2): an error naming both; the tab counts;
* row 6, nobody@example.org: no such judge, skipped.
B2 now has J1 50, J2 70, J3 65: mean 185/3 = 61.667 with 3 judges (quorum 2), ranked 4th after
B1 76.667, A1 76.667 and A2 73.333. Every judge has finished.
"""

from __future__ import annotations

import copy

from tests.workbooks import SMALL_TABS

FORM_TAB = "Form responses 1"
FORM_HEADER = ["Timestamp", "Email address", "รหัสผลิตภัณฑ์", "นวัตกรรม (เต็ม 60)", "อัตลักษณ์ (เต็ม 40)"]
# 2022-05-23 is day 44704; 10:30 = 0.4375, 10:48 = 0.45, 11:00 = 0.458333..., 11:02:24 = 0.46.
FORM_ROWS = [
    [44704.4375, "j2@example.org", "B2", "35", "25"],
    [44704 + 11 / 24, "J2@Example.org", "B2", "40", "30"],
    [44704.45, "J3", "B2 Cotton shirt", "๔๕", "20"],
    [44704.46, "j1@example.org", "A1", "10", "10"],
    [44704.47, "nobody@example.org", "A2", "1", "1"],
]


def form_tabs() -> dict[str, list[list]]:
    tabs = copy.deepcopy(SMALL_TABS)
    tabs["Judges"][0].append("email")
    for row, email in zip(
        tabs["Judges"][1:], ("j1@example.org", "j2@example.org", ""), strict=True
    ):
        row.append(email)
    tabs[FORM_TAB] = [list(FORM_HEADER), *[list(r) for r in FORM_ROWS]]
    return tabs
