"""Workbooks built by hand for tests: a small one whose results are worked out below, and a
broken one with every kind of bad input at once."""

from __future__ import annotations

#: The tests' KBO_DECISION_KEY (the ``decision_key`` fixture sets it; tests/conftest.py).
TEST_DECISION_KEY = "test-decision-key-" + "0" * 46

# Criteria: innovation max 60 (tie-break 1), identity max 40 (tie-break 2). Weights equal the
# maxima, so a judge's total is innovation + identity.
SMALL_CRITERIA = [
    ["criterion_id", "name_th", "name_en", "max_score", "weight", "tiebreak_priority"],
    ["inn", "นวัตกรรม", "Innovation", 60, 60, 1],
    ["idn", "อัตลักษณ์", "Identity", 40, 40, 2],
]
SCORE_HEADER = ["product_id", "product_name", "inn", "idn", "comment"]

# Totals (inn + idn):            A1        A2        B1        B2
#   J1                       50+30=80  40+30=70  46+34=80  30+20=50
#   J2                       40+30=70  50+30=80  40+30=70     -
#   J3                       45+35=80  45+25=70  50+30=80     -
# Means: A1 = 230/3 = 76.667, A2 = 220/3 = 73.333, B1 = 230/3 = 76.667,
# B2 has 1 judge < quorum 2 (27//2+1 rule: 3//2+1 = 2) -> not yet ranked.
# A1 and B1 tie on the score; innovation means: A1 = 135/3 = 45, B1 = 136/3 = 45.333 -> B1 first.
# Overall: B1 1, A1 2, A2 3. Food: A1 1, A2 2. Textile: B1 1. Nominee B1, margin 0.
SMALL_TABS = {
    "Products": [
        ["product_id", "product_name", "producer_group", "district", "category"],
        ["A1", "Rice crackers", "Group A1", "Mueang", "food"],
        ["A2", "Fish sauce", "Group A2", "Warin", "อาหาร"],
        ["B1", "Silk scarf", "Group B1", "Mueang", "textile"],
        ["B2", "Cotton shirt", "Group B2", "Khemarat", "ผ้าและเครื่องแต่งกาย"],
    ],
    "Judges": [
        ["judge_id", "judge_name", "sector", "sheet"],
        ["J1", "Judge 1", "government", "J1"],
        ["J2", "Judge 2", "private", "J2"],
        ["J3", "Judge 3", "citizen", "J3"],
    ],
    "Criteria": SMALL_CRITERIA,
    "J1": [
        SCORE_HEADER,
        ["A1", "", 50, 30],
        ["A2", "", 40, 30],
        ["B1", "", 46, 34],
        ["B2", "", 30, 20],
    ],
    # J2 sorted the tab: rows are matched by product_id, not position.
    "J2": [SCORE_HEADER, ["B1", "", 40, 30], ["A2", "", 50, 30], ["A1", "", 40, 30]],
    "J3": [SCORE_HEADER, ["A1", "", 45, 35], ["A2", "", 45, 25], ["B1", "", 50, 30]],
}


def broken_tabs() -> dict[str, list[list]]:
    """Every kind of bad input at once. Expected issues are listed in tests/test_parse.py."""
    header = ["รหัสผลิตภัณฑ์", "inn", "idn", "ความเห็น"]
    return {
        "Settings": [["key", "value"], ["quorum", "many"], ["year", 2022]],
        "Products": [
            ["category", "product_id", "product_name", "producer_group"],  # any column order
            ["food", "A1", "Rice crackers", "G1"],
            ["food", "A1", "Duplicate of A1", "G1"],  # duplicate ID (row 3)
            ["spaceships", "Z9", "Unknown category", "G9"],  # unknown category (row 4)
            ["textile", "B1", "Silk scarf", "G2"],
            ["herbal", "", "No ID", "G3"],  # blank ID (row 6)
        ],
        "Judges": [
            ["judge_id", "judge_name", "sector", "sheet"],
            ["J1", "Judge 1", "government", "J1"],
            ["J2", "Judge 2", "martians", "J2"],  # unknown sector
            ["J3", "Judge 3", "private", "J3 missing"],  # tab missing
            ["J4", "Judge 4", "civil", "J4"],
        ],
        "Criteria": SMALL_CRITERIA,
        "Conflicts": [
            ["judge_id", "product_id", "reason"],
            ["J1", "B1", "cousin"],
            ["J1", "Q7", "unknown product"],
        ],
        "J1": [
            header,
            ["A1", "abc", 30],  # not a number B2
            ["B1", 40, 30],  # conflict, scored anyway
            ["P-404", 40, 30],  # unknown product
        ],
        "J2": [
            ["Scores of judge 2"],  # a title row above the header
            header,
            ["A1", -3, "#REF!"],  # negative B3, sheet error C3
            ["B1", 99, "#N/A"],  # above max B4, sheet error C4
            ["B1", 10, 10],  # duplicate product row A5
        ],
        "J4": [
            header,
            ["A1", "๕๐", "25,5"],  # Thai digits B2, decimal comma C2
            ["B1", "#VALUE!", "#DIV/0!"],  # sheet errors B3, C3
            ["A9", True, None],  # unknown product
            ["", 10, 10],  # blank product ID with scores
        ],
    }


def missing_criterion_column_tabs() -> dict[str, list[list]]:
    """J1's tab has no idn column: every J1 row is incomplete."""
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["J1"] = [["product_id", "inn"], ["A1", 50], ["A2", 40]]
    return tabs


def signed_decision(*args, binding=None, **kwargs):
    """``make_decision(...)`` as the app records it and reads it back: signed with the test
    key (``decision_key`` fixture, tests/conftest.py) for ``binding`` (default: an empty one),
    its signature checked (``verdict`` "app"), so the report builders treat it as final."""
    from kbo_dashboard.meeting import signing
    from kbo_dashboard.meeting.decision import make_decision

    key, binding = TEST_DECISION_KEY.encode(), binding or signing.Binding()
    return signing.verify(
        [signing.sign(make_decision(*args, **kwargs), key, binding)], key, binding
    )[0]
