"""No content of any cell of the ``Decision`` tab raises anywhere (issue 18 §1).

A signature cell holding Thai text made ``hmac.compare_digest`` raise, which took the Overview
and the Nomination page down for every viewer. The property: whatever the tab's cells hold
(any text, numbers, booleans, blanks, times out of range, look-alike signatures), in any
column, under the app's header or a scrambled one, nothing raises: the decision functions (many
examples), every report builder (rows the app signed with that content too), ``check``, and
every page (a few examples, an .xlsx source).
"""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from types import SimpleNamespace

import pytest
import streamlit as st_runtime
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kbo_dashboard.commands.check import run_check
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting.decision_tab import decision_tab_issues
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.source import RawWorkbook

KEY = b"property-test-key"
BINDING = signing.Binding("demo", "t", "2565")
THAI_SIGNATURE = "ลายเซ็นที่พิมพ์เอง"

TRICKY = [
    "",
    " ",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "-0",
    "TRUE",
    "ใช่",
    "2026-11-26T03:00:00Z",
    "2026-11-26 10:00:00+07:00",
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
    "9000-12-31T23:59:59Z",
    "1900-01-01T00:00:00Z",
    "[]",
    '[{"id": 1, "score": "x"}]',
    '[{"key": "all_finished", "detail_th": 5}]',
    "{}",
    "null",
    '=HYPERLINK("http://x")',
    "![im](http://x.test/p.png)",
    ":green[ok]",
    "a" * 64,
    "0" * 64,
    "ก" * 64,
    "F" * 64,
    THAI_SIGNATURE,
    "\x0b",
    "١٠",
]
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
CELL = st.one_of(
    st.sampled_from(TRICKY),
    TEXT,
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
HEADERS = st.one_of(
    st.just(list(D.HEADER)),
    st.permutations(D.HEADER).map(list),
    st.lists(st.one_of(st.sampled_from(D.HEADER), TEXT), max_size=len(D.HEADER) + 2),
)


def _row(header_len: int):
    return st.lists(CELL, max_size=header_len + 2)


@st.composite
def tabs(draw, max_rows: int = 6) -> list[list]:
    """A Decision tab: a header, then rows of any cells; some rows start from a readable
    decision with one hostile cell, so the checks past the parsing are reached too."""
    header = draw(HEADERS)
    rows = [header]
    for _ in range(draw(st.integers(0, max_rows))):
        if draw(st.booleans()):
            cells = [str(c) for c in D.decision_row(BASE)]
            cells[draw(st.integers(0, len(cells) - 1))] = draw(CELL)
            rows.append(cells)
        else:
            rows.append(draw(_row(len(header))))
    return rows


BASE = D.Decision(
    product_id="P-15",
    product_name="ผ้าไหม",
    confirmed_nominee=True,
    reason="",
    method="mean",
    score=84.5,
    rank=1,
    n_judges=22,
    margin=1.5,
    provisional_nominee="P-15",
    standings='[{"id":"P-15","score":84.5,"rank":1,"n":22}]',
    decided_at=D.datetime(2026, 11, 26, 3, 0, tzinfo=D.UTC),
    decision_id="d" * 32,
)


def signed_as(signature: str) -> list:
    """BASE's row with ``signature`` typed in its signature cell."""
    row = D.decision_row(BASE)
    row[D.HEADER.index("signature")] = signature
    return row


def with_signed_copies(rows: list[list]) -> list[list]:
    """``rows`` plus each readable row signed by the app under the app's header: hostile
    content the app signed reaches the reports and the final banner."""
    header = [str(h).strip() for h in rows[0]]
    signed = []
    for row in rows[1:]:
        found = D.decision_from_row(header, list(row))
        if found is not None:
            signed.append(D.decision_row(signing.sign(found, KEY, BINDING)))
    return [list(D.HEADER), *[D.decision_row(d) for d in D.decisions_from_rows(rows)], *signed]


def everything_on_the_decisions(rows: list[list]) -> list:
    """Every pure function over the tab; returns the history."""
    history = D.decisions_from_rows(rows)
    checked = signing.verify(history, KEY, BINDING)
    D.final(checked)
    D.not_recorded_by_app(checked)
    for d in history:
        for key in (KEY, None, b"\xff" * 3):
            signing.verdict(d, key, BINDING)
            signing.recorded_by_app(d, key, BINDING)
        D.decision_row(d)
        D.as_dict(d)
        d.top_standings()
    decision_tab_issues(rows, "Decision")
    D.dedupe(history + history)
    return history


def test_a_thai_signature_is_not_recorded_by_the_app_and_raises_nothing():
    row = D.decision_row(BASE)
    row[D.HEADER.index("signature")] = THAI_SIGNATURE
    history = signing.verify(D.decisions_from_rows([D.HEADER, row]), KEY, BINDING)
    assert D.final(history) is None  # raised TypeError in hmac.compare_digest before
    assert D.not_recorded_by_app(history) == history
    assert signing.verdict(history[0], KEY, BINDING) == history[0].verdict == "other"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tabs(max_rows=8))
@example([list(D.HEADER), signed_as(THAI_SIGNATURE)])
@example([list(D.HEADER), signed_as("\ud800" * 64)])
def test_no_cell_makes_the_decision_functions_raise(rows):
    everything_on_the_decisions(rows)
    everything_on_the_decisions(with_signed_copies(rows))


@pytest.fixture(scope="module")
def small():
    """The small hand-computed workbook without B2 (below quorum there): every product ranked,
    so each document builds in a second or two."""
    from kbo_dashboard.intake.parse import parse
    from kbo_dashboard.scoring.scoring import score_competition
    from tests.workbooks import SMALL_TABS

    tabs = {k: [list(r) for r in v if not r or r[0] != "B2"] for k, v in SMALL_TABS.items()}
    comp = parse(RawWorkbook(tabs))
    return comp, score_competition(comp, "mean")


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(tabs(max_rows=3), st.sampled_from(["th", "en"]))
@example([list(D.HEADER), D.decision_row(BASE)], "th")  # P-15: not a product of this workbook
def test_no_cell_makes_a_report_raise(small, rows, lang):
    from kbo_dashboard.reports.registry import reports

    history = signing.verify(D.decisions_from_rows(with_signed_copies(rows)), KEY, BINDING)
    assert D.final(history) is not None or not any(d.verdict == "app" for d in history)
    for document in reports():
        assert document.build(*small, history, lang=lang)


def xlsx_tabs(rows: list[list]) -> dict[str, list[list]]:
    """The demo workbook with this Decision tab, as an .xlsx can hold it (no control
    characters but tab and line breaks)."""
    from kbo_dashboard.reports.common import excel_safe

    def cell(value):
        return excel_safe(value) if isinstance(value, str) else value

    tabs = demo_tabs()
    tabs["Decision"] = [[cell(v) for v in row] for row in rows]
    return tabs


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(tabs(max_rows=4))
def test_no_cell_makes_check_raise(app_env, rows):
    app_env.use_workbook(xlsx_tabs(with_signed_copies(rows)))
    out = io.StringIO()
    with redirect_stdout(out):
        code = run_check(SimpleNamespace(lang="en", secrets="/nonexistent/secrets.toml"), out)
    assert code in (0, 1)


PAGES_EXAMPLES = 3


@settings(
    max_examples=PAGES_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(tabs(max_rows=4))
@example([list(D.HEADER), signed_as(THAI_SIGNATURE)])
def test_no_cell_takes_a_page_down(app_env, no_chair_password, rows):
    from streamlit.testing.v1 import AppTest

    from tests.test_pages import APP, PAGE_FILES, no_exception

    app_env.use_workbook(xlsx_tabs(with_signed_copies(rows)))
    st_runtime.cache_data.clear()
    st_runtime.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=180)  # Thai: AppTest formats radios in Thai
    at.run()
    no_exception(at)
    for page in PAGE_FILES:
        at.switch_page(page).run()
        no_exception(at)
