"""The chair's side: the password gate and the decision history shared by every viewer."""

from __future__ import annotations

import os
import re

import streamlit as st

from kbo_dashboard.meeting import decision, password
from kbo_dashboard.meeting import decision_store as stores
from kbo_dashboard.meeting.snapshot import Snapshot
from kbo_dashboard.ui.state import (
    app_settings,
    cache_ttl,
    config_error,
    data_source,
    read_secrets,
)

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=\"'])")


def plain(text: object) -> str:
    """``text`` shown literally by st.markdown, st.success or st.table: every Markdown
    character escaped, so a link or emphasis typed into a reason is shown as typed."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", "  \n")


@st.cache_resource(show_spinner=False)
def password_gate():
    """Process-wide: wrong chair passwords from any viewer count towards a short lock-out."""
    from kbo_dashboard.meeting.password import AttemptGate

    return AttemptGate()


def chair_hash() -> str | None:
    """The chair password's salted hash from secrets or the environment (never shown)."""
    return password.chair_password_hash(read_secrets(), os.environ)


@st.cache_resource(show_spinner=False)
def _decisions(key: str) -> dict:
    """Process-wide decision history for one store: read at start and after each record."""
    import threading

    return {"lock": threading.Lock(), "history": None, "error": None, "read_at": 0.0}


def configure_signing() -> bytes | None:
    """Give the meeting code this source's decision key (see meeting/signing.py)."""
    from kbo_dashboard.meeting import signing

    key = signing.key_for(app_settings().kind, read_secrets(), os.environ)
    signing.configure(key)
    return key


def decision_store():
    """Where the chair's decisions are kept: the Decision tab, or the local store."""
    configure_signing()
    return stores.decision_store(data_source())


def decision_history(snap: Snapshot | None = None, reload: bool = False) -> tuple[list, object]:
    """(decisions oldest first, the read error or None), costing no Sheets request per viewer.

    A snapshot that carries the ``Decision`` tab (``snap.decisions``, read in the same single
    request as the scores) is used as is. Otherwise the local store (demo, .xlsx) is read once
    per process and again after each record; a Google store is read only after the chair
    records (``reload=True``), never on a page view, to keep one request per refresh.
    """
    import time

    if config_error() is not None:  # every page's banner already says what is wrong
        return [], None
    configure_signing()
    key = f"{app_settings().kind}|{os.environ.get(stores.DATA_DIR_ENV, '')}"
    state = _decisions(key)
    google = app_settings().kind == "google"
    with state["lock"]:
        failed_long_ago = state["error"] and time.monotonic() - state["read_at"] > cache_ttl()
        stale = state["history"] is None or failed_long_ago
        if reload or (stale and not google):
            state["read_at"] = time.monotonic()
            try:
                state["history"], state["error"] = decision_store().history(), None
            except decision.DecisionWriteError as error:
                state["history"] = state["history"] or []
                state["error"] = error
        history = list(state["history"] or [])
        error = state["error"]
    carried = getattr(snap, "decisions", None)
    if carried is not None:
        merged = {d.decision_id: d for d in [*carried, *history]}
        history = sorted(merged.values(), key=lambda d: d.decided_at)
    return history, error
