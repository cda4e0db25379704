"""Live refresh: the page fragment that reruns on the TTL, the status line and "refresh now"."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from kbo_dashboard.intake import clock
from kbo_dashboard.meeting.snapshot import Snapshot
from kbo_dashboard.ui.state import cache_ttl, clear_data_cache, settings_of, snapshot, tr

_REFRESH_WAIT = "_refresh_wait"


@st.cache_resource(show_spinner=False)
def refresh_limiter():
    """Process-wide: at most one forced refresh per interval, whoever presses the button."""
    from kbo_dashboard.meeting.live import RefreshLimiter

    return RefreshLimiter()


@st.cache_resource(show_spinner=False)
def feed_log():
    """Process-wide change feed, shared by every viewer."""
    from kbo_dashboard.meeting.live import FeedLog

    return FeedLog()


def live_snapshot() -> Snapshot:
    """:func:`snapshot`, also feeding the change feed with each new data version."""
    snap = snapshot()
    if snap.ok and snap.fetched_at is not None:
        feed_log().observe(snap.version, snap.competition, snap.fetched_at)
    return snap


def _force_refresh() -> None:
    limiter = refresh_limiter()
    if limiter.try_acquire():
        clear_data_cache()
        st.session_state.pop(_REFRESH_WAIT, None)
    else:
        st.session_state[_REFRESH_WAIT] = max(1, round(limiter.wait_s()))


def live(body):
    """Wrap a page body so it reruns on the data TTL without reloading the page."""
    return st.fragment(run_every=cache_ttl())(body)


def status_line(snap: Snapshot, key: str = "refresh_now") -> None:
    """ "updated HH:MM:SS · next in N s" and a rate-limited "refresh now" button."""
    from datetime import UTC

    from kbo_dashboard.meeting.live import status

    ttl = cache_ttl()
    now = datetime.now(UTC)
    zone = clock.competition_zone(settings_of(snap))
    state = status(snap.fetched_at, snap.checked_at, now, ttl, tz=zone)
    # A row that wraps: on a 1024 px screen the button goes under the line, whole (issue 19).
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.caption(tr("live.status", time=state.updated, n=state.next_in), width="content")
    row.button(
        tr("live.refresh_now"), key=key, icon=":material/refresh:", on_click=_force_refresh
    )
    wait = st.session_state.pop(_REFRESH_WAIT, None)
    if wait:
        st.toast(tr("live.refresh_wait", n=wait), icon=":material/hourglass_top:")
