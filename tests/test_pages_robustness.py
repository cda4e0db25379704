"""What the Nomination page's robustness section shows, via AppTest (the real app).

The workbook is :func:`tests.test_nomination.shared_first_tabs`: A and B share first place after
every tie-break; removing J1 leaves B alone first, removing J2 leaves A alone first.
"""

from __future__ import annotations

from tests.test_nomination import shared_first_tabs
from tests.test_pages import no_exception, open_page, texts


def test_nomination_never_calls_a_shared_first_place_robust(app_env, no_chair_password):
    app_env.use_workbook(shared_first_tabs())
    at = open_page("pages/nomination.py", "en")
    no_exception(at)
    shown = texts(at)
    assert "Robust" not in shown.replace("Not robust", "")
    assert "Not robust: first place is shared under Mean, Trimmed mean" in shown
    assert "Removing any one of these judges would change who is first" in shown
    assert "J1, J2" in shown
    assert (
        "Without judge J1 (Mean), first place would change from "
        "Shared first place: A Product A, B Product B to B Product B" in shown
    )
    assert (
        "Without judge J2 (Mean), first place would change from "
        "Shared first place: A Product A, B Product B to A Product A" in shown
    )
    assert "Without judge J3" not in shown
    assert "second is already level with first; nothing has to move" in shown
    first_column = [t.value for t in at.table if "No. 1" in t.value.columns]
    assert first_column, "the methods table shows each method's first place"
    assert set(first_column[0]["No. 1"]) == {"Shared first place: A Product A, B Product B"}
    assert "First place" not in first_column[0].columns  # one column says it (issue 19)


def leader_and_runner_tabs() -> dict:
    """The issue's example: L has 3 judges at 90 (55 + 35), R has 2 judges at 85 (50 + 35)."""
    tabs = shared_first_tabs()
    tabs["Products"] = tabs["Products"][:1] + [
        ["L", "Leader", "G", "food"],
        ["R", "Runner", "G", "food"],
    ]
    header = tabs["J1"][0]
    for judge in ("J1", "J2", "J3"):
        tabs[judge] = [header, ["L", "", 55, 35]] + ([["R", "", 50, 35]] if judge != "J3" else [])
    return tabs


def test_nomination_shows_the_true_minimum_and_which_totals_move(app_env, no_chair_password):
    app_env.use_workbook(leader_and_runner_tabs())
    at = open_page("pages/nomination.py", "en")
    no_exception(at)
    shown = texts(at)
    # Lowering one of L's totals closes d/3 of the 5-point gap (15 points); raising one of R's
    # closes e/2 (10 points): J1's R goes 85 -> 95, (95 + 85)/2 = 90.
    assert "Under Mean: at least 1 judge total would have to change, 10.00 points" in shown
    moves = [t.value for t in at.table if "Direction" in t.value.columns][0]
    assert moves.values.tolist() == [
        ["J1", "R Runner", "Raise (second place)", "85.00", "95.00", "10.00"]
    ]
    # Under the median the count is exact but the points are not given.
    at.selectbox(key="_method_picker").set_value("median").run()
    no_exception(at)
    shown = texts(at)
    assert (
        "Under Median: at least 1 judge total would have to change (this count is exact)" in shown
    )
    assert "For comparison, under the mean (first leads second by 5.00 points)" in shown
    tables = [t.value for t in at.table if "Direction" in t.value.columns]
    assert tables[0].values.tolist()[0][-1] == "not given"
