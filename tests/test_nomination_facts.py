"""What the Nomination page shows, computed in the package (issue 21: the page only lays out).

The decision history split (final / the app's / not the app's), the judges counted, the methods
with a shared first place, the tie-break criteria in order, and the th/en switch ``pick``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

import pandas as pd

from kbo_dashboard.analysis.robustness import MethodComparison
from kbo_dashboard.i18n import pick
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import signing
from kbo_dashboard.scoring.counts import judges_counted
from kbo_dashboard.scoring.ranking import tiebreak_criteria
from tests.test_decision_tab_property import BASE

AT = dt.datetime(2026, 5, 23, 8, 0, tzinfo=dt.UTC)


def _decision(product_id: str, minutes: int) -> D.Decision:
    return replace(
        BASE,
        product_id=product_id,
        decided_at=AT + dt.timedelta(minutes=minutes),
        decision_id=f"{product_id}-{minutes}",
    )


def test_split_history_keeps_the_apps_decisions_apart_from_typed_rows():
    key, binding = b"a key for this test", signing.Binding("demo", "t", "2565")
    first = signing.sign(_decision("A1", 0), key, binding)
    typed = _decision("A2", 1)  # typed into the sheet: no signature
    second = signing.sign(_decision("B1", 2), key, binding)
    forged = signing.sign(_decision("A2", 3), b"someone else's key", binding)
    history = signing.verify([first, typed, second, forged], key, binding)
    final, recorded, unsigned = D.split_history(history)
    assert final == second  # the latest the app signed, not the later forged row
    assert recorded == [first, second]
    assert unsigned == [typed, forged]
    # Nothing is the app's under another key.
    again = signing.verify([first, second], b"another key", binding)
    assert D.split_history(again) == (None, [], [first, second])


def test_judges_counted_is_the_nominees_else_the_most_any_product_has():
    standings = pd.DataFrame({"product_id": ["A1", "B1"], "n_judges": [4, 6]})
    with_nominee = SimpleNamespace(nominee="A1", standings=standings, ranked=standings)
    assert judges_counted(with_nominee) == 4  # A1's own 4, although B1 has 6
    tied = SimpleNamespace(nominee=None, standings=standings, ranked=standings)
    assert judges_counted(tied) == 6
    empty = standings.iloc[0:0]
    assert judges_counted(SimpleNamespace(nominee=None, standings=empty, ranked=empty)) == 0


def test_shared_first_names_the_methods_with_a_tie_at_the_top():
    outcomes = {"mean": ("A1",), "median": ("A1", "B1"), "trimmed_mean": ()}
    comparison = MethodComparison(pd.DataFrame(), outcomes, robust=False)
    assert comparison.shared_first == ["median"]


def test_tiebreak_criteria_in_priority_order_then_sheet_order():
    criteria = pd.DataFrame(
        {
            "criterion_id": ["C1", "C2", "C3", "C4"],
            "tiebreak_priority": [2, None, 1, 2],
        }
    )
    assert tiebreak_criteria(criteria) == ["C3", "C1", "C4"]  # C2 breaks no tie


def test_pick_chooses_thai_only_for_thai():
    assert pick("ไทย", "English", "th") == "ไทย"
    assert pick("ไทย", "English", "en") == "English"
    assert pick("ไทย", "English") == "ไทย"  # Thai is the default
