"""Every object the app keeps for the whole server process (``st.cache_resource``), in one place.

Each lives from its first use until the server stops (or ``st.cache_resource.clear()``, as the
tests do for a restart) and is shared by every viewer's session: nothing here belongs to one
session (that is ``st.session_state``). What one viewer changes here, every viewer sees.

==========================  ==================================================================
cache                       holds
==========================  ==================================================================
:func:`data_source`         the configured workbook source (demo, .xlsx or Google Sheet)
:func:`last_good`           the last snapshot read without error, kept through a failed read
:func:`competitions`        the parsed competition of the newest data versions (at most
                            ``state.KEEP_VERSIONS``), so the data cache never pickles it
:func:`decision_history`    per decision store: its history, read error, read time and a lock
:func:`password_ceiling`    wrong chair passwords from any viewer: slows wrong answers down
:func:`audit_log`           per audit file: the data version last recorded there, and a lock
:func:`refresh_limiter`     "refresh now" from any viewer: at most one forced read per interval
:func:`feed_log`            the change feed (what changed between data versions)
:func:`reveal_switch`       per data folder: the chair's hide/reveal switch (its file is the
                            truth; this object only guards it)
:func:`figure`              charts per data version, name and choices (at most 64); shared,
                            never changed by a page
==========================  ==================================================================

The data itself (the snapshot, standings, page tables) is ``st.cache_data`` in
:mod:`~kbo_dashboard.ui.state` and :mod:`~kbo_dashboard.ui.cached`: per data version, copied
per viewer. The meeting's configuration is not cached: ``chair.meeting_config`` builds it on
each run from the secrets and the environment.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

if TYPE_CHECKING:
    from kbo_dashboard.meeting.live import FeedLog, RefreshLimiter
    from kbo_dashboard.meeting.password import ServerCeiling
    from kbo_dashboard.meeting.reveal import RevealSwitch
    from kbo_dashboard.meeting.snapshot import Snapshot
    from kbo_dashboard.sources.source import Source


@st.cache_resource(show_spinner=False)
def data_source() -> Source:
    """The configured source; a configuration error raises SourceError (not cached)."""
    from kbo_dashboard.sources.config import make_source
    from kbo_dashboard.ui.app_config import app_settings

    return make_source(app_settings())


@st.cache_resource(show_spinner=False)
def last_good() -> dict[str, Snapshot]:
    """``{"good": snapshot}``: the last good snapshot, shown while the source fails."""
    return {}


@st.cache_resource(show_spinner=False)
def competitions() -> dict:
    """Data version -> its competition, newest last. The cached snapshot leaves its competition
    here, so the data cache neither pickles 20 MB (at 10x) at every read nor unpickles it at
    every status-line tick; pages only read it."""
    return {}


@st.cache_resource(show_spinner=False)
def decision_history(store: str) -> dict:
    """The decision history of one store (``kind|data folder``): read at start and after each
    record (ui.chair.decision_history)."""
    return {"lock": threading.Lock(), "history": None, "error": None, "read_at": 0.0}


@st.cache_resource(show_spinner=False)
def password_ceiling() -> ServerCeiling:
    """Many wrong chair passwords from any viewers slow the wrong answers down; never a
    lock-out (each viewer's own wait is in chair_form's SessionThrottle)."""
    from kbo_dashboard.meeting.password import ServerCeiling

    return ServerCeiling()


@st.cache_resource(show_spinner=False)
def audit_log() -> dict:
    """Per audit file, the data version last recorded and its outcome; a write lock."""
    return {"lock": threading.Lock(), "done": {}}


@st.cache_resource(show_spinner=False)
def refresh_limiter() -> RefreshLimiter:
    """At most one forced refresh per interval, whoever presses the button."""
    from kbo_dashboard.meeting.live import RefreshLimiter

    return RefreshLimiter()


@st.cache_resource(show_spinner=False)
def feed_log() -> FeedLog:
    """The change feed, shared by every viewer."""
    from kbo_dashboard.meeting.live import FeedLog

    return FeedLog()


@st.cache_resource(show_spinner=False)
def reveal_switch(path: str) -> RevealSwitch:
    """One switch object per data folder (the file at ``path`` is the truth)."""
    from kbo_dashboard.meeting.reveal import RevealSwitch

    return RevealSwitch(path)


@st.cache_resource(show_spinner=False, max_entries=64)
def figure(version: str, name: str, key: tuple, _build: Callable[[], Any]) -> Any:
    """A chart (plotly figure) built once per data version, ``name`` and ``key``."""
    return _build()
