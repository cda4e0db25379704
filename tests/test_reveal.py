"""Issue 17, section 2: the chair's switch hides scores, ranks and the nominee on every page and
document from every session but the unlocked chair's, survives a restart, and follows the chair.

The small example (tests/workbooks.py): B1 Silk scarf and A1 Rice crackers 76.67 (B1 first on
the innovation tie-break), A2 Fish sauce 73.33. Any of those scores, or the nominee's name, on a
hidden page is a leak.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kbo_dashboard.meeting import reveal
from kbo_dashboard.meeting.reveal import (
    ENTRIES,
    OWN_ENTRIES,
    PROGRESS,
    RESULTS,
    RevealSwitch,
    switch_path,
    withheld,
)
from tests.test_chair_form import unlock
from tests.test_pages import APP, TIMEOUT, no_exception, open_page, texts
from tests.workbooks import SMALL_TABS

HIDDEN_EN = "Scores, ranks and the nominee are hidden until the chair reveals the results"
HIDDEN_TH = "ซ่อนคะแนน อันดับ และผู้ได้รับการเสนอชื่อไว้จนกว่าประธานจะประกาศผล"
#: What a hidden page must not show: each product's score, the nominee's name.
LEAKS = ("76.67", "73.33", "Silk scarf")


# --- the rule ---------------------------------------------------------------------------------
def test_the_rule_hides_results_and_entries_from_everyone_but_the_chair_off_the_projector():
    # Written out by hand: (shows, hidden, chair, room) -> withheld.
    expected = {}
    for shows, chair, room in itertools.product(
        (RESULTS, ENTRIES, OWN_ENTRIES, PROGRESS, "a new kind"), (False, True), (False, True)
    ):
        expected[(shows, False, chair, room)] = False  # switch off: nothing is hidden
    for chair, room in itertools.product((False, True), (False, True)):
        for shows in (OWN_ENTRIES, PROGRESS):  # a judge's own entries, progress: never hidden
            expected[(shows, True, chair, room)] = False
        for shows in (RESULTS, ENTRIES, "a new kind"):  # hidden but for the chair's own screen
            expected[(shows, True, chair, room)] = room or not chair
    assert expected[(RESULTS, True, True, False)] is False  # the unlocked chair sees everything
    assert expected[(RESULTS, True, True, True)] is True  # but the projector hides it from all
    for (shows, hidden, chair, room), want in expected.items():
        assert withheld(shows, hidden=hidden, chair=chair, room=room) is want, (shows, chair)


def test_documents_with_scores_or_ranks_are_withheld_and_the_rest_stay():
    documents = reveal.DOCUMENTS
    kept = {k for k in documents if not reveal.document_withheld(k, hidden=True, chair=False)}
    assert kept == {"issues", "judge_cards", "judge_todo"}
    assert reveal.document_withheld("a document added later", hidden=True, chair=False)
    assert not any(reveal.document_withheld(k, hidden=True, chair=True) for k in reveal.DOCUMENTS)


# --- the switch survives a restart --------------------------------------------------------------
def test_the_switch_survives_a_new_store_instance(tmp_path):
    path = switch_path(tmp_path / "data")
    assert RevealSwitch(path).hidden() is False
    assert not path.exists(), "reading the switch creates no file"
    assert RevealSwitch(path).set(True, by="สมศรี") is True
    assert RevealSwitch(path).hidden() is True  # a new process reads the same folder
    first = RevealSwitch(path)
    other = RevealSwitch(path)  # a second server process on the same folder
    other.set(False, by="สมศรี")
    assert first.hidden() is False
    assert [(h, by) for h, _, by in first.history()] == [(True, "สมศรี"), (False, "สมศรี")]


def test_an_unwritable_data_folder_keeps_the_switch_in_memory_and_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    switch = RevealSwitch(blocker / reveal.SWITCH_NAME)
    assert switch.set(True) is False
    assert switch.hidden() is True


# --- the pages --------------------------------------------------------------------------------
def shown_everything(at: AppTest) -> str:
    """All the page drew: texts, metrics, tables, data frames and charts."""
    parts = [texts(at)]
    parts += [e.value.to_string() for e in at.table] + [e.value.to_string() for e in at.dataframe]
    parts += [c.proto.spec for c in at.get("plotly_chart")]
    return "\n".join(parts)


def element_keys(at: AppTest, kind: str) -> set[str]:
    return {e.proto.id.rsplit("-", 1)[-1] for e in at.get(kind)}


def hide(data_dir: Path) -> None:
    """The chair's switch, as another session (the chair's) set it."""
    RevealSwitch(switch_path(data_dir)).set(True)


def open_judge_view(judge: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.query_params["judge"] = judge
    at.run()
    at.switch_page("pages/judges.py").run()
    return at


#: Each page with what it shows when the results are visible (a score, a chart or a download).
PAGES = {
    "pages/overview.py": "76.67",
    "pages/rankings.py": "76.67",
    "pages/nomination.py": "76.67",
    "pages/analysis.py": "judge_heatmap",
    "pages/downloads.py": "download_rankings",
    "pages/changes.py": "changes_table",
}


def edit_b2(app_env) -> None:
    """After a first view: J1 edits B2 (below quorum, so no score above moves): 30 -> 31."""
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["J1"][4][2] = 31
    app_env.use_workbook(tabs)
    app_env.refresh()


def visible(at: AppTest, marker: str) -> bool:
    if marker.startswith("download_"):
        return marker in element_keys(at, "download_button")
    if marker == "judge_heatmap":
        return marker in element_keys(at, "plotly_chart")
    if marker == "changes_table":  # the edit since the first view (see edit_b2), its values
        return bool(at.dataframe)
    return marker in shown_everything(at)


@pytest.mark.parametrize("page", [*PAGES, "pages/projector.py"])
def test_every_page_hides_the_results_from_a_viewer(app_env, no_chair_password, page):
    app_env.use_workbook(SMALL_TABS)
    open_page(page, "en")  # a first view, then an edit: the Changes page has one to show
    edit_b2(app_env)
    hide(app_env.data_dir)
    at = open_page(page, "en")
    no_exception(at)
    everything = shown_everything(at)
    assert [w for w in LEAKS if w in everything] == []
    notices = (HIDDEN_EN, "The scores are hidden until the chair", "Documents with scores or")
    assert any(n in everything for n in notices)
    if page in PAGES:
        assert not visible(at, PAGES[page])
    # Progress stays on the Overview and the projector.
    if page in ("pages/overview.py", "pages/projector.py"):
        assert {m.label: m.value for m in at.metric}["Judges finished"] == "1/3"


def test_the_downloads_page_keeps_only_documents_without_scores(app_env, no_chair_password):
    app_env.use_workbook(SMALL_TABS)
    hide(app_env.data_dir)
    at = open_page("pages/downloads.py", "en")
    no_exception(at)
    assert element_keys(at, "download_button") == {
        "download_issues",
        "download_judge_cards",
        "download_judge_todo",
    }
    assert "Documents with scores or ranks can be downloaded once the chair reveals" in texts(at)


def test_the_chair_sees_every_page_and_the_projector_still_hides(app_env, chair_password):
    app_env.use_workbook(SMALL_TABS)
    chair = open_page("pages/nomination.py", "en")
    edit_b2(app_env)
    unlock(chair, chair_password)
    chair.toggle(key="chair_hide").set_value(True).run()  # the chair's own switch
    no_exception(chair)
    assert RevealSwitch(switch_path(app_env.data_dir)).hidden() is True
    assert "Every screen but the unlocked chair's hides scores" in texts(chair)
    chair.switch_page("pages/projector.py").run()  # the room's screen
    assert [w for w in LEAKS if w in shown_everything(chair)] == []
    for page, marker in PAGES.items():  # the Changes page last (AppTest cannot leave it in en)
        chair.switch_page(page).run()
        no_exception(chair)
        assert visible(chair, marker), page
        assert "you see them because you unlocked the chair's form" in texts(chair), page


def test_a_hidden_page_shows_the_results_on_its_next_tick_after_the_reveal(app_env, chair_password):
    app_env.use_workbook(SMALL_TABS)
    chair = open_page("pages/nomination.py", "en")
    unlock(chair, chair_password)
    chair.toggle(key="chair_hide").set_value(True).run()
    viewer = open_page("pages/overview.py", "en")
    assert "76.67" not in shown_everything(viewer)
    chair.toggle(key="chair_hide").set_value(False).run()
    viewer.run()  # its refresh tick
    assert "B1 Silk scarf — Group B1 · 76.67 points" in [s.value for s in viewer.success]
    assert HIDDEN_EN not in texts(viewer)


def test_the_thai_notice_and_the_judges_own_view(app_env, no_chair_password):
    app_env.use_workbook(SMALL_TABS)
    hide(app_env.data_dir)
    assert HIDDEN_TH in texts(open_page("pages/rankings.py", "th"))
    # J2 did not score B2: their own to-do stays, with the notice; no total, rank or nominee.
    at = open_judge_view("J2")
    no_exception(at)
    assert [h.value for h in at.header] == ["J2 Judge 2"]
    assert at.info[-1].value == "Not scored yet: B2"
    assert HIDDEN_EN in texts(at)
    assert [w for w in LEAKS if w in shown_everything(at)] == []


def test_a_restart_keeps_the_results_hidden(app_env, no_chair_password):
    import streamlit as st

    app_env.use_workbook(SMALL_TABS)
    hide(app_env.data_dir)
    st.cache_resource.clear()  # a server restart: no process-wide object survives
    st.cache_data.clear()
    at = open_page("pages/overview.py", "en")
    assert HIDDEN_EN in texts(at)
    assert "76.67" not in shown_everything(at)


def test_a_stale_toggle_in_another_chair_window_does_not_hide_again(app_env, chair_password):
    app_env.use_workbook(SMALL_TABS)
    first, second = (open_page("pages/nomination.py", "en") for _ in range(2))
    for at in (first, second):
        unlock(at, chair_password)
    first.toggle(key="chair_hide").set_value(True).run()
    second.run()
    assert second.toggle(key="chair_hide").value is True  # it follows the stored switch
    second.toggle(key="chair_hide").set_value(False).run()  # the reveal, from another window
    first.run()  # the first window, its toggle drawn "on", reruns
    no_exception(first)
    assert RevealSwitch(switch_path(app_env.data_dir)).hidden() is False
    assert first.toggle(key="chair_hide").value is False


def test_the_change_feed_names_products_but_no_score(app_env, no_chair_password):
    app_env.use_workbook(SMALL_TABS)
    at = open_page("pages/overview.py", "en")  # the feed's baseline
    tabs = {k: [list(r) for r in v] for k, v in SMALL_TABS.items()}
    tabs["J1"][3][2] = 40  # J1's B1 innovation 46 -> 40: B1 = (74 + 70 + 80) / 3 = 74.67
    app_env.use_workbook(tabs)
    app_env.refresh()
    hide(app_env.data_dir)
    at.run()
    everything = shown_everything(at)
    assert "1 score changed for B1" in everything  # singular at 1 (issue 19)
    assert [w for w in (*LEAKS, "74.67", "76.67") if w in everything] == []
