"""Heavy page work is done once per data version and shared: reruns, other pages and other
viewers reuse it; new data computes it again."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kbo_dashboard.analysis import judges as judges_module
from kbo_dashboard.ui import cached
from tests.test_pages import APP, TIMEOUT, no_exception, open_page


@pytest.fixture
def calls(monkeypatch):
    """How often each heavy function ran: {"progress": n, "profiles": n}."""
    counts = {"progress": 0, "profiles": 0}

    def counting(name, fn):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return fn(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(cached, "judge_progress", counting("progress", cached.judge_progress))
    monkeypatch.setattr(
        judges_module, "judge_profiles", counting("profiles", judges_module.judge_profiles)
    )
    return counts


def test_progress_is_computed_once_for_every_page_and_viewer(app_env, no_chair_password, calls):
    first = open_page("pages/overview.py")
    first.run()  # a rerun (the refresh tick, a click)
    first.switch_page("pages/judges.py").run()
    second = open_page("pages/projector.py")  # another viewer
    for at in (first, second):
        no_exception(at)
    assert calls["progress"] == 1
    app_env.refresh()  # new data: computed again, once
    first.switch_page("pages/overview.py").run()
    second.run()
    assert calls["progress"] == 2


def test_judge_analysis_is_computed_once_across_reruns_and_toggles(
    app_env, no_chair_password, calls
):
    at = open_page("pages/analysis.py")
    once = calls["profiles"]
    assert once >= 1
    at.toggle(key="analysis_relative").set_value(True).run()
    at.toggle(key="analysis_relative").set_value(False).run()
    other = AppTest.from_file(APP, default_timeout=TIMEOUT)
    other.run()
    other.switch_page("pages/analysis.py").run()
    no_exception(at)
    no_exception(other)
    assert calls["profiles"] == once
