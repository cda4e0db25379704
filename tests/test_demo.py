"""The bundled demo has the seed report's shape and is caught mid-meeting."""

from collections import Counter

import pytest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.progress import judge_progress
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import DemoSource, demo_tabs


@pytest.fixture(scope="module")
def demo():
    return parse(DemoSource().fetch())


def test_seed_shape(demo):
    assert len(demo.products) == 20
    assert Counter(demo.products.category) == {
        "food": 6,
        "decorative": 6,
        "beverage": 2,
        "textile": 5,
        "herbal": 1,
    }
    assert len(demo.judges) == 27
    assert set(demo.judges.sector) == {"government", "private", "civil", "citizen"}
    assert demo.settings["year"] == 2565 and demo.settings["province"] == "อุบลราชธานี"


def test_deterministic():
    assert demo_tabs() == demo_tabs()


def test_every_slip_is_found_at_its_cell(demo):
    found = {(i.code, f"{i.tab}!{i.cell}") for i in demo.issues}
    assert found == {
        ("thai_digits", "J03!C4"),
        ("above_max", "J08!C6"),
        ("not_a_number", "J11!E8"),
        ("partial_row", "J14!16:16"),
        ("decimal_comma", "J19!F11"),
        ("conflict_scored", "J05!10:10"),
    }


def test_mid_meeting_progress(demo):
    progress = judge_progress(demo)
    per_judge = progress.per_judge.set_index("judge_id")
    # J26 scored 12 of 20, J27 5 of 20; J05 owes 19 (conflict with P-09).
    assert per_judge.loc["J26", "done"] == 12 and per_judge.loc["J27", "done"] == 5
    assert per_judge.loc["J05", "expected"] == 19 and per_judge.loc["J05", "finished"]
    # Still to finish: the two scoring judges and the three with a slip in a row.
    assert sorted(per_judge.index[~per_judge.finished]) == ["J08", "J11", "J14", "J26", "J27"]
    assert (progress.judges_finished, progress.judges_total) == (22, 27)
    # Expected cells: (27 * 20 - 1 conflict) * 5 = 2695.
    assert progress.scores_expected == 2695


def test_demo_has_a_clear_nominee(demo):
    results = score_competition(demo)
    assert results.nominee == "P-15"
    assert results.ranked.product_id.iloc[:3].tolist() == ["P-15", "P-08", "P-09"]
    assert 0 < results.margin < 2  # a close race, so the robustness view has something to say
