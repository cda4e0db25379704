"""The meeting's configuration is passed, never kept in the process (issue 21 §3).

Whether a document reads final used to depend on the decision key and binding that
``ui.chair.decision_history`` left in ``meeting.signing``'s module globals earlier in the same
script. Now the UI builds a :class:`MeetingConfig`, the history is checked where it is read, and
each decision carries its verdict to every page and document.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.meeting import decision as D
from kbo_dashboard.meeting import signing
from kbo_dashboard.meeting.config import MeetingConfig, meeting_config
from kbo_dashboard.meeting.decision_store import DB_NAME, LocalDecisionStore
from kbo_dashboard.scoring.scoring import score_competition
from kbo_dashboard.sources.demo import DemoSource, demo_tabs
from kbo_dashboard.sources.source import RawWorkbook
from tests.test_pages import no_exception, open_page

KEY = "meeting-config-test-key"
AT = dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def demo():
    comp = parse(RawWorkbook(demo_tabs()))
    return comp, score_competition(comp, "mean")


def test_a_pdf_built_after_the_page_ran_still_reads_final(
    app_env, demo, captured_downloads, monkeypatch
):
    """The Downloads page builds its PDF on the click, after the page's script run. A fresh
    process has no key or binding kept anywhere, and the PDF must still read final."""
    comp, results = demo
    monkeypatch.setenv(signing.KEY_ENV, KEY)
    here = signing.binding_for("demo", comp.settings)  # the demo sheet, its Settings
    decided = signing.sign(D.make_decision(comp, results, "P-15", now=AT), KEY.encode(), here)
    app_env.data_dir.mkdir(parents=True, exist_ok=True)
    LocalDecisionStore(app_env.data_dir / DB_NAME).append(decided)  # recorded by the app

    page = open_page("pages/downloads.py", "en")
    no_exception(page)
    reports = [n for n in captured_downloads.deferred if n.startswith("kbo-report")]
    name = next(n for n in reports if n.endswith(".pdf"))
    # As in a fresh process: versions before issue 21 kept the key and binding in these module
    # globals (set by chair.decision_history); reset, they made this PDF a draft.
    monkeypatch.setattr(signing, "_configured", getattr(signing, "_UNSET", None), raising=False)
    monkeypatch.setattr(signing, "_bound", signing.Binding(), raising=False)

    pdf = pypdf.PdfReader(io.BytesIO(captured_downloads[name]))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Final: the decision for" in text and "(P-15)" in text
    assert "Draft: the chair has not recorded a decision" not in text


def test_the_package_keeps_no_key_or_binding():
    assert not [
        n for n in ("configure", "bind", "active_key", "active_binding") if hasattr(signing, n)
    ]
    assert not hasattr(signing, "_configured") and not hasattr(signing, "_bound")


def test_final_reads_the_verdict_the_history_was_checked_with(demo):
    """Signed here: final only once checked with this meeting's key and binding; a copy
    checked with another key or for another sheet is not."""
    comp, results = demo
    meeting = MeetingConfig("demo", "demo", Path("unused"), KEY.encode())
    made = meeting.sign(D.make_decision(comp, results, "P-15", now=AT), comp.settings)
    assert D.final([made]) is None  # not checked: never final
    assert D.final(meeting.verify([made], comp.settings)) == made
    other_key = MeetingConfig("demo", "demo", Path("unused"), b"another key")
    assert D.final(other_key.verify([made], comp.settings)) is None
    other_sheet = MeetingConfig("workbook", "xlsx:/office/kbo.xlsx", Path("unused"), KEY.encode())
    (checked,) = other_sheet.verify([made], comp.settings)
    assert checked.verdict == "other" and D.not_recorded_by_app([checked]) == [checked]


def test_the_configuration_comes_from_the_environment(app_env, monkeypatch):
    monkeypatch.setenv(signing.KEY_ENV, KEY)
    meeting = meeting_config("demo", DemoSource(), {}, {signing.KEY_ENV: KEY})
    assert (meeting.source_kind, meeting.sheet, meeting.key) == ("demo", "demo", KEY.encode())
    assert meeting.data_dir == app_env.data_dir  # KBO_DATA_DIR
    assert KEY not in repr(meeting)  # the key is never printed
    # Google without KBO_DECISION_KEY: no key, so recording is refused with the reason.
    google = meeting_config("google", None, {}, {})
    assert google.key is None and google.sheet == ""
    with pytest.raises(D.DecisionWriteError, match="KBO_DECISION_KEY"):
        google.sign(D.make_decision(*_small(), "B1", now=AT), {})


def _small():
    from tests.workbooks import SMALL_TABS

    comp = parse(RawWorkbook({k: [list(r) for r in v] for k, v in SMALL_TABS.items()}))
    return comp, score_competition(comp, "mean")
