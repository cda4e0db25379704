"""AppTest: wide tables keep their key columns in view (pinned) when they scroll sideways at
1366 px (issue 9). The browser test (tests/browser/test_fit.py) shows they are wider than the page;
here: which columns each page pins."""

from __future__ import annotations

import json

import pytest

from tests.test_pages import no_exception, open_page

#: page -> for each st.dataframe on it (demo, English), its key columns, in order.
KEY_COLUMNS = {
    "pages/rankings.py": [["Rank", "ID", "Product"]],
    "pages/issues.py": [None],  # the first two columns, whatever the catalogue calls them
    "pages/judges.py": [None],
}
PINNED = {"pages/issues.py": 2, "pages/judges.py": 2}


def pinned_columns(frame) -> list[str]:
    config = json.loads(frame.proto.columns or "{}")
    return [name for name, c in config.items() if c.get("pinned")]


@pytest.mark.parametrize("page", sorted(KEY_COLUMNS))
def test_wide_tables_pin_their_key_columns(app_env, no_chair_password, page):
    at = open_page(page, "en")
    no_exception(at)
    frames = at.dataframe
    assert len(frames) >= len(KEY_COLUMNS[page])
    for frame, expected in zip(frames, KEY_COLUMNS[page]):
        columns = list(frame.value.columns)
        pinned = pinned_columns(frame)
        if expected is None:
            expected = columns[: PINNED[page]]
        assert pinned == expected, (page, columns)
        assert columns[: len(pinned)] == pinned, "the pinned columns are the first ones"
        assert len(pinned) >= 1


def test_analysis_pins_the_scope_and_the_judge(app_env, no_chair_password):
    at = open_page("pages/analysis.py", "en")
    agreement, profiles, outliers = at.dataframe[:3]
    assert pinned_columns(agreement) == list(agreement.value.columns[:1])
    assert pinned_columns(profiles) == list(profiles.value.columns[:2])
    assert pinned_columns(outliers) == list(outliers.value.columns[:2])
