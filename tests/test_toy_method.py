"""A fifth aggregation method, registered as anyone would add one, reaches every page and
document: the Settings tab names it, the standings, leave-one-judge-out and the margin use its
rule, and nothing crashes. Also: the general leave-one-judge-out equals the four closed forms,
one vocabulary names the methods, and one registry lists the documents."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbo_dashboard.i18n import MESSAGES, t
from kbo_dashboard.intake.parse import parse
from kbo_dashboard.intake.settings import method_named
from kbo_dashboard.scoring.aggregation import (
    BUILT_IN,
    METHODS,
    AggregationMethod,
    MoveRule,
    register,
    unregister,
)
from kbo_dashboard.sources.source import RawWorkbook
from tests.workbooks import SMALL_TABS

TOY = "toy_max"


class HighestTotal(AggregationMethod):
    """A toy: the highest eligible total (monotone in every total, its own column only)."""

    key = TOY
    moves = MoveRule.MONOTONE

    def scores(self, values: np.ndarray) -> np.ndarray:
        counted = (~np.isnan(values)).sum(axis=0)
        highest = np.where(np.isnan(values), -np.inf, values).max(axis=0, initial=-np.inf)
        return np.where(counted > 0, highest, np.nan)


@pytest.fixture
def toy_method(monkeypatch):
    """The toy registered with its catalogue entries; both taken away after the test."""
    entries = {
        "name": {"th": "คะแนนรวมสูงสุด", "en": "Highest total"},
        "description": {"th": "คะแนนรวมที่สูงที่สุดของกรรมการ", "en": "The highest judge total."},
        "aliases": {"th": "สูงสุด", "en": "max;maximum"},
    }
    for entry, text in entries.items():
        monkeypatch.setitem(MESSAGES, f"analysis.method.{TOY}.{entry}", text)
    method = register(HighestTotal())
    yield method
    unregister(TOY)
    assert TOY not in METHODS


# Totals (inn + idn) in this panel; quorum 2 (3 judges). B2 has one judge: not ranked.
#             A1        A2        B1        B2
#   J1     50+30=80  20+10=30  46+34=80  30+20=50
#   J2     40+30=70  60+40=100 40+30=70     -
#   J3     45+35=80  45+25=70  50+40=90     -
# Highest: A1 80, A2 100, B1 90 -> A2 1st, B1 2nd, A1 3rd; margin 10.
# Mean:    A1 76.667, A2 66.667, B1 80 -> B1 1st: the two rules name different nominees.
def toy_tabs(method_cell: str = "max") -> dict[str, list[list]]:
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["J1"][2] = ["A2", "", 20, 10]
    tabs["J2"][2] = ["A2", "", 60, 40]
    tabs["J3"][3] = ["B1", "", 50, 40]
    tabs["Settings"] = [["key", "value"], ["method", method_cell]]
    return tabs


@pytest.mark.parametrize("cell", ["max", "Highest total", "สูงสุด", "toy_max"])
def test_the_settings_tab_names_the_toy(toy_method, cell):
    comp = parse(RawWorkbook(toy_tabs(cell)))
    assert comp.settings["method"] == TOY
    assert [i.code for i in comp.issues] == []


def test_the_toy_ranks_by_its_rule_by_hand(toy_method):
    from kbo_dashboard.analysis.nomination import robustness_report
    from kbo_dashboard.scoring.scoring import score_competition

    comp = parse(RawWorkbook(toy_tabs()))
    results = score_competition(comp)  # the Settings tab's method
    assert results.method == TOY
    table = results.standings.set_index("product_id")
    assert table.loc[["A1", "A2", "B1"], "score"].tolist() == [80, 100, 90]
    assert table.loc[["A2", "B1", "A1"], "rank"].tolist() == [1, 2, 3]
    assert not table.loc["B2", "ranked"]
    assert (results.nominee, results.runner_up, results.margin) == ("A2", "B1", 10)
    assert score_competition(comp, "mean").nominee == "B1"

    report = robustness_report(comp, TOY)
    # Without J1: A2 [100, 70] -> 100 wins. Without J2: A2 [30, 70] -> 70, B1 [80, 90] -> 90
    # wins. Without J3: A2 [30, 100] -> 100 wins. Only J2 decides (the general way: no closed
    # form for the toy), as re-scoring the competition without each judge says.
    assert report.lojo.outcomes[TOY] == ("A2",)
    assert report.lojo.without[TOY] == {"J1": ("A2",), "J2": ("B1",), "J3": ("A2",)}
    assert report.lojo.deciding[TOY] == ["J2"]
    for judge in ("J1", "J2", "J3"):
        again = score_competition(comp, TOY, exclude_judges=[judge]).nominee
        assert report.lojo.without[TOY][judge] == (again,)
    # Margin 100 - 90: one move closes it, either A2's 100 down to 0 (its highest is then 70)
    # or B1's lowest total (J2's 70) up to 100; on equal counts the fewest leader moves come
    # first, so B1's. The points are not given for a merely monotone rule.
    margin = report.margin
    assert (margin.leader, margin.runner_up, margin.points) == ("A2", "B1", 10)
    assert (margin.totals_to_move, margin.points_to_move) == (1, None)
    assert margin.moves[["judge_id", "product_id", "old_total", "direction"]].values.tolist() == [
        ["J2", "B1", 70.0, "up"]
    ]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_document_builds_with_the_toy(toy_method, lang):
    from kbo_dashboard.scoring.scoring import score_competition
    from tests.hostile_reference import DOCUMENTS, build_documents

    comp = parse(RawWorkbook(toy_tabs()))
    results = score_competition(comp)
    assert set(build_documents(comp, results, (), lang)) == set(DOCUMENTS)


def _page_ids():
    from kbo_dashboard.ui import frame

    return [page[0] for page in frame.PAGES]


@pytest.mark.parametrize("page", _page_ids())
def test_every_page_renders_with_the_toy(app_env, no_chair_password, toy_method, page):
    from tests.test_pages import no_exception, open_page, texts

    app_env.use_workbook(toy_tabs())
    at = open_page(page, "en")
    no_exception(at)
    assert at.title
    if page in ("pages/rankings.py", "pages/nomination.py", "pages/downloads.py"):
        assert t("analysis.method_in_use", "en", name="Highest total") in texts(at)


# --- the general leave-one-judge-out is the closed forms' reference ---------------------------
cells = st.one_of(st.none(), st.integers(0, 100), st.sampled_from([0.0, 50.5, 100.0]))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda judges: st.integers(1, 5).flatmap(
            lambda products: st.lists(
                st.lists(cells, min_size=products, max_size=products),
                min_size=judges,
                max_size=judges,
            )
        )
    )
)
def test_each_closed_form_equals_scoring_again_without_each_judge(rows):
    values = np.array([[np.nan if c is None else float(c) for c in row] for row in rows])
    for key in BUILT_IN:
        method = METHODS[key]
        fast = method.without_each_judge(values)
        general = AggregationMethod.without_each_judge(method, values)
        # naive reference, written here: score the matrix without row i
        naive = np.array([method.scores(np.delete(values, i, 0)) for i in range(len(values))])
        np.testing.assert_allclose(fast, naive, rtol=1e-9, atol=1e-9, equal_nan=True)
        np.testing.assert_allclose(general, naive, rtol=0, atol=0, equal_nan=True)


# --- one vocabulary for the methods --------------------------------------------------------------
def test_every_method_is_named_by_its_key_names_and_aliases_and_no_word_names_two():
    seen: dict[str, str] = {}
    for key, method in METHODS.items():
        aliases = MESSAGES[method.catalogue_key("aliases")]
        words = [key, method.name("th"), method.name("en")]
        words += [w for text in aliases.values() for w in text.split(";")]
        for word in words:
            assert method_named(word) == key, word
            assert method_named(f"  {word.upper()} ") == key, word
            assert seen.setdefault(word.casefold(), key) == key, word
    # The words each of the three old tables knew still name the same method.
    old = {
        "trimmed": "trimmed_mean",
        "trimmed mean": "trimmed_mean",
        "Trimmed_Mean": "trimmed_mean",
    }
    old |= {"normalized": "normalised", "average": "mean", "Median": "median"}
    assert {word: method_named(word) for word in old} == old
    assert method_named("loudest") is None and method_named("") is None


def test_nomination_and_reports_read_the_same_vocabulary():
    from kbo_dashboard.analysis.nomination import method_key
    from kbo_dashboard.reports.common import method_name

    assert method_key("มัธยฐาน") == "median"
    assert method_key("nonsense") == "mean"
    assert method_name("average", "en") == "Mean"
    assert method_name("trimmed", "th") == t("analysis.method.trimmed_mean.name", "th")
    assert method_name("loudest", "en") == "loudest"  # a decision typed into the sheet


def test_a_taken_or_built_in_key_is_refused(toy_method):
    with pytest.raises(ValueError):
        register(HighestTotal())
    with pytest.raises(ValueError):
        unregister("mean")


# --- one registry of documents ---------------------------------------------------------------
def test_every_document_has_a_download_label_and_a_reveal_rule():
    from kbo_dashboard.meeting.reveal import DOCUMENTS as SHOWS
    from kbo_dashboard.reports.registry import DOCUMENTS, reports

    kinds = [d.kind for d in DOCUMENTS]
    assert len(set(kinds)) == len(kinds)
    assert set(kinds) <= set(SHOWS)
    for document in reports():
        assert f"downloads_page.{document.kind}" in MESSAGES
        assert document.extension in ("xlsx", "pdf", "docx")


def test_a_method_without_catalogue_entries_is_still_chosen_by_its_key():
    from kbo_dashboard.analysis.nomination import method_key

    class Bare(HighestTotal):
        key = "toy_bare"

    register(Bare())
    try:
        assert method_key("toy_bare") == "toy_bare"
        assert method_named("toy_bare") is None  # the Settings tab knows only catalogued words
    finally:
        unregister("toy_bare")
    assert method_key("toy_bare") == "mean"
