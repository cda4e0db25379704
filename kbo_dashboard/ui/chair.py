"""The chair's side: the password gate and the decision history shared by every viewer."""

from __future__ import annotations

import os

import streamlit as st

from kbo_dashboard.i18n import pick
from kbo_dashboard.meeting import config, decision, password
from kbo_dashboard.meeting import decision_store as stores
from kbo_dashboard.meeting.config import MeetingConfig
from kbo_dashboard.meeting.snapshot import Snapshot
from kbo_dashboard.sources.source import SourceError
from kbo_dashboard.ui import caches
from kbo_dashboard.ui.state import (
    app_settings,
    cache_ttl,
    config_error,
    data_source,
    read_secrets,
    tr,
)
from kbo_dashboard.ui.text import md


def plain(text: object) -> str:
    """``text`` shown literally by st.markdown, st.success or st.table (:func:`ui.text.md`)."""
    return md(text)


def chair_hash() -> str | None:
    """The chair password's salted hash from secrets or the environment (never shown)."""
    return password.chair_password_hash(read_secrets(), os.environ)


def meeting_config() -> MeetingConfig:
    """The meeting's source, data folder and decision key, from the secrets and the
    environment (built on each run, as cheap as reading them; see meeting/config.py)."""
    try:
        source = data_source()
    except SourceError:  # a configuration error: every page's banner says what is wrong
        source = None
    return config.meeting_config(app_settings().kind, source, read_secrets(), os.environ)


def decision_store(meeting: MeetingConfig | None = None) -> stores.DecisionStore:
    """Where the chair's decisions are kept: the Decision tab, or the local store."""
    meeting = meeting or meeting_config()
    return stores.decision_store(data_source(), meeting.data_dir)


def decision_history(snap: Snapshot | None = None, reload: bool = False) -> tuple[list, object]:
    """(decisions oldest first, each with its signature's verdict for this meeting, the read
    error or None), costing no Sheets request per viewer.

    A snapshot that carries the ``Decision`` tab (``snap.decisions``, read in the same single
    request as the scores) is used as is. Otherwise the local store (demo, .xlsx) is read once
    per process and again after each record; a Google store is read only after the chair
    records (``reload=True``), never on a page view, to keep one request per refresh.
    """
    import time

    from kbo_dashboard.ui.state import settings_of, snapshot

    if config_error() is not None:  # every page's banner already says what is wrong
        return [], None
    meeting = meeting_config()
    state = caches.decision_history(f"{meeting.source_kind}|{meeting.data_dir}")
    google = meeting.source_kind == "google"
    with state["lock"]:
        failed_long_ago = state["error"] and time.monotonic() - state["read_at"] > cache_ttl()
        stale = state["history"] is None or failed_long_ago
        if reload or (stale and not google):
            state["read_at"] = time.monotonic()
            try:
                state["history"], state["error"] = decision_store(meeting).history(), None
            except decision.DecisionWriteError as failure:
                state["history"] = state["history"] or []
                state["error"] = failure
        history = list(state["history"] or [])
        error = state["error"]
    carried = getattr(snap, "decisions", None)
    if carried is not None:
        merged = {decision.row_key(d): d for d in [*carried, *history]}
        history = sorted(merged.values(), key=lambda d: d.decided_at)
    # Signatures are checked here, for this sheet and the competition's Settings title and year:
    # every page and document reads the verdicts from the history, never from the process.
    competition = snap if snap is not None and snap.competition is not None else snapshot()
    return meeting.verify(history, settings_of(competition)), error


def show_decision_tab_issues(snap: Snapshot, lang: str) -> None:
    """The Decision tab's unreadable rows and repeated IDs, at their cells (text shown as typed)."""
    issues = getattr(snap, "decision_issues", ())
    if not issues:
        return
    st.warning(tr("dtab.issues_title"), icon=":material/rule:")
    st.table(
        [
            {
                tr("pages.col.where"): plain(i.where),
                tr("pages.col.message"): plain(pick(i.message_th, i.message_en, lang)),
                tr("col.action"): plain(pick(i.action_th, i.action_en, lang)),
            }
            for i in issues
        ],
        hide_index=True,
    )
