"""A decision is bound to the scores it was made on (issue 17 §1); the data version is the
content (issue 21 §1).

- The counted-cells digest changes if and only if a counted cell changes (hypothesis, against a
  naive set of counted cells written here).
- The decision row carries ``scores_digest``; the signature covers it; rows recorded before it
  existed still read and verify; a Decision tab made before it gets the header cell added.
- The data version is equal for an unchanged fetch (also across the Google source's two kinds
  of read) and different after an edit; an unchanged fetch parses nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting import snapshot as snapshot_module
from kbo_dashboard.meeting.binding import notice_lines, scores_edited
from kbo_dashboard.meeting.decision_store import SheetDecisionStore
from kbo_dashboard.scoring.digest import scores_canonical, scores_digest, workbook_digest
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.google_source import GoogleSheetSource
from kbo_dashboard.sources.source import RawWorkbook

KEY = b"binding-test-key"
HERE = signing.Binding()  # signed and checked for no sheet and no Settings
AT = dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC)


# --- the digest of the counted cells: a property against a naive reference -----------------
def comp_of(cells: dict, rows: dict) -> SimpleNamespace:
    """A competition as the digest reads it: ``cells`` {(j, p, c): score}, ``rows``
    {(j, p): (complete, conflict)}."""
    scores = pd.DataFrame(
        [(j, p, c, s, f"{j}", "C2") for (j, p, c), s in cells.items()],
        columns=["judge_id", "product_id", "criterion_id", "score", "tab", "cell"],
    ).astype({"score": float})
    frame = pd.DataFrame(
        [(j, p, complete, conflict) for (j, p), (complete, conflict) in rows.items()],
        columns=["judge_id", "product_id", "complete", "conflict"],
    ).astype({"complete": bool, "conflict": bool})
    return SimpleNamespace(scores=scores, rows=frame)


def naive_counted(cells: dict, rows: dict) -> set:
    """The reference: every (judge, product, criterion, score) whose row is complete and not a
    conflict, as a plain set."""
    return {
        (j, p, c, float(s))
        for (j, p, c), s in cells.items()
        if rows.get((j, p), (False, False))[0] and not rows.get((j, p), (False, False))[1]
    }


JUDGES, PRODUCTS, CRITERIA = ["J1", "J2", "J3"], ["P-1", "P-2"], ["C1", "C2"]
SCORES = st.sampled_from([0.0, 1.0, 2.5, 8.0, 12.5, 20.0])
panels = st.fixed_dictionaries(
    {
        "cells": st.dictionaries(
            st.tuples(*(st.sampled_from(x) for x in (JUDGES, PRODUCTS, CRITERIA))), SCORES
        ),
        "rows": st.dictionaries(
            st.tuples(st.sampled_from(JUDGES), st.sampled_from(PRODUCTS)),
            st.tuples(st.booleans(), st.booleans()),
        ),
    }
)
edits = st.one_of(
    st.tuples(
        st.just("set"),
        st.tuples(*(st.sampled_from(x) for x in (JUDGES, PRODUCTS, CRITERIA))),
        SCORES,
    ),
    st.tuples(
        st.just("drop"),
        st.tuples(*(st.sampled_from(x) for x in (JUDGES, PRODUCTS, CRITERIA))),
        SCORES,
    ),
    st.tuples(
        st.just("row"),
        st.tuples(st.sampled_from(JUDGES), st.sampled_from(PRODUCTS)),
        st.tuples(st.booleans(), st.booleans()),
    ),
)


@settings(max_examples=100, deadline=None)
@given(panel=panels, changes=st.lists(edits, min_size=1, max_size=3))
def test_the_digest_changes_if_and_only_if_a_counted_cell_changes(panel, changes):
    cells, rows = dict(panel["cells"]), dict(panel["rows"])
    before = scores_digest(comp_of(cells, rows))
    reference_before = naive_counted(cells, rows)
    for kind, key, value in changes:
        if kind == "set":
            cells[key] = value
        elif kind == "drop":
            cells.pop(key, None)
        else:
            rows[key] = value
    after = scores_digest(comp_of(cells, rows))
    assert (before != after) == (reference_before != naive_counted(cells, rows))


def test_the_canonical_form_is_the_one_in_methods_md():
    # Two counted cells and one in a conflict row (not counted), given out of order.
    comp = comp_of(
        {("J2", "P-1", "C1"): 8, ("J1", "P-1", "C2"): 12.5, ("J3", "P-1", "C1"): 20},
        {("J1", "P-1"): (True, False), ("J2", "P-1"): (True, False), ("J3", "P-1"): (True, True)},
    )
    assert (
        scores_canonical(comp) == '["kbo-scores-v1",[["J1","P-1","C2",12.5],["J2","P-1","C1",8.0]]]'
    )


# --- the decision row -------------------------------------------------------------------------
def demo_decision(comp, results, **kw) -> D.Decision:
    made = D.make_decision(comp, results, results.nominee, now=AT, **kw)
    return signing.sign(made, KEY, HERE)


@pytest.fixture(scope="module")
def demo():
    comp = parse(RawWorkbook(demo_tabs()))
    return comp, score_competition(comp)


def test_the_signed_row_carries_the_digest_and_the_signature_covers_it(demo):
    comp, results = demo
    d = demo_decision(comp, results)
    assert d.scores_digest == scores_digest(comp) and len(d.scores_digest) == 64
    row = dict(zip(D.HEADER, D.decision_row(d)))
    assert row["scores_digest"] == d.scores_digest and D.HEADER[-1] == "scores_digest"
    back = D.decisions_from_rows([D.HEADER, D.decision_row(d)])[0]
    assert back.scores_digest == d.scores_digest and signing.recorded_by_app(back, KEY, HERE)
    forged = replace(back, scores_digest="0" * 64)
    assert not signing.recorded_by_app(forged, KEY, HERE)


def test_an_old_row_without_the_digest_still_reads_and_verifies(demo):
    comp, results = demo
    old = signing.sign(replace(demo_decision(comp, results), scores_digest=""), KEY, HERE)
    header = D.HEADER[:-1]  # the header before the digest existed
    read = D.decisions_from_rows([header, D.decision_row(old)[:-1]])[0]
    assert read.scores_digest == "" and signing.recorded_by_app(read, KEY, HERE)
    # No digest: nothing is said about later edits.
    assert scores_edited(read, comp, results, None) is None


def test_an_old_decision_tab_gets_the_header_cell_and_keeps_its_rows(sheets_emulator, demo):
    comp, results = demo
    old = signing.sign(replace(demo_decision(comp, results), scores_digest=""), KEY, HERE)
    tabs = {"Decision": [D.HEADER[:-1], D.decision_row(old)[:-1]]}
    key = sheets_emulator.create_spreadsheet(tabs)
    sheets_emulator.sheet(key, "Decision").column_count = len(D.HEADER) - 1
    store = SheetDecisionStore(
        lambda: GoogleSheetSource(key, api_url=sheets_emulator.url).open_for_writing()
    )
    new = demo_decision(comp, results)
    store.append(new)
    assert sheets_emulator.values(key, "Decision")[0] == D.HEADER
    history = store.history()
    assert [h.scores_digest for h in history] == ["", new.scores_digest]
    assert all(signing.recorded_by_app(h, KEY, HERE) for h in history)


# --- after an edit: the one fact ---------------------------------------------------------------
def test_after_an_edit_the_notice_counts_the_cells_and_names_the_leader(demo):
    comp, results = demo
    d = demo_decision(comp, results)
    assert d.product_id == "P-15"
    tabs = demo_tabs()
    for judge in ("J01", "J02", "J03", "J04", "J05", "J06", "J07", "J09", "J10", "J12"):
        tabs[judge][15][2:7] = [1, 1, 1, 1, 1]  # row 16 is P-15
    edited_comp = parse(RawWorkbook(tabs))
    changes = pd.DataFrame(
        {
            "at": pd.to_datetime([AT + dt.timedelta(minutes=5)], utc=True),
            "judge_id": ["J01"],
            "product_id": ["P-15"],
            "criterion_id": [edited_comp.criterion_ids[0]],
            "old_value": [22.0],
            "new_value": [1.0],
        }
    )
    edited = scores_edited(d, edited_comp, None, changes)
    assert edited is not None and edited.n_cells == 1
    assert edited.cells[0].where == "J01!C16"
    assert edited.leaders_then == ("P-15",) and edited.leader_changed
    lines = notice_lines(edited, "en", comp.settings)
    assert lines[0] == "Scores were edited after the decision"
    assert lines[1].startswith("1 counted score cell changed after the decision was recorded")
    assert "The leader changed: P-15 when the decision was recorded" in lines[1]
    assert "- J01!C16: 22 → 1 (10:05:00)" in lines  # Asia/Bangkok, UTC+7
    # The standings then beside now: P-15 was first at decision time.
    assert any(line.startswith("- P-15: ") and "(rank 1) →" in line for line in lines)
    # Unchanged scores: no notice.
    assert scores_edited(d, comp, results, changes) is None


# --- the data version -------------------------------------------------------------------------
class CountingSource:
    kind, tabs = "demo", None

    def __init__(self):
        self.tabs = demo_tabs()

    def describe(self):
        return "counting"

    def fetch(self):
        return RawWorkbook({k: [list(r) for r in v] for k, v in self.tabs.items()})


def test_an_unchanged_fetch_keeps_the_version_and_parses_nothing(monkeypatch):
    parsed = []
    real = snapshot_module.parse
    monkeypatch.setattr(snapshot_module, "parse", lambda raw: parsed.append(1) or real(raw))
    source = CountingSource()
    first = snapshot_module.refresh(source)
    second = snapshot_module.refresh(source, first)
    assert len(parsed) == 1
    assert second.version == first.version == workbook_digest(source.tabs)
    assert second.competition is first.competition
    assert second.fetched_at >= first.fetched_at
    source.tabs["J01"][1][2] = 19  # one score
    third = snapshot_module.refresh(source, second)
    assert len(parsed) == 2 and third.version != second.version
    source.tabs["J01"][1][2] = 20  # back as it was: the first version again
    assert snapshot_module.refresh(source, third).version == first.version


def test_the_google_sources_two_reads_give_one_version(sheets_emulator):
    key = sheets_emulator.create_spreadsheet(demo_tabs())
    source = GoogleSheetSource(key, api_url=sheets_emulator.url)
    cold = snapshot_module.refresh(source)  # spreadsheets.get with grid data
    warm = snapshot_module.refresh(source, cold)  # values:batchGet
    assert [r.path.split("?")[0].rsplit("/", 1)[-1] for r in sheets_emulator.requests][-1] == (
        "values:batchGet"
    )
    assert warm.version == cold.version and warm.competition is cold.competition
    sheets_emulator.set_cell(key, "J03", "D4", 7)
    assert snapshot_module.refresh(source, warm).version != warm.version


def test_a_cached_page_does_not_reparse_on_an_unchanged_fetch(
    app_env, no_chair_password, monkeypatch
):
    from tests.test_pages import no_exception, open_page, texts

    at = open_page("pages/overview.py", "en")
    parsed = []
    real = snapshot_module.parse
    monkeypatch.setattr(snapshot_module, "parse", lambda raw: parsed.append(1) or real(raw))
    app_env.refresh()  # the TTL passed: the next run reads the (unchanged) demo again
    at.run()
    no_exception(at)
    assert parsed == [] and "P-15" in texts(at)
