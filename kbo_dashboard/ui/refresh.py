"""Live refresh: the status line that ticks on the TTL, "refresh now", and relaying out a page
only when what it shows has changed.

A live page's body is a fragment (its own widgets rerun only the body). Its status line is a
nested fragment that reruns every TTL: it reads the shared snapshot and redraws "updated
HH:MM:SS · next in N s". Only when :func:`view_key` differs from the one the page was laid out
with (new data, a failed or recovered read, a new decision, the scores hidden or revealed)
does it rerun the page. An unchanged fetch (same data version, issue 21) costs the status line
alone.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from kbo_dashboard.intake import clock
from kbo_dashboard.meeting.snapshot import Snapshot
from kbo_dashboard.ui.caches import feed_log, refresh_limiter
from kbo_dashboard.ui.state import cache_ttl, clear_data_cache, settings_of, snapshot, tr

_REFRESH_WAIT = "_refresh_wait"
_SHOWN = "_live_shown"  # the view_key the page was laid out with (None: not yet)


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


def view_key(snap: Snapshot) -> tuple:
    """What a live page shows besides its viewer's own choices: the data version, whether the
    read failed, the latest decision and whether the scores are hidden."""
    from kbo_dashboard.ui import chair, reveal

    history, _ = chair.decision_history(snap)
    latest = history[-1].decision_id if history else ""
    hidden = reveal.scores_hidden()
    return (snap.version, snap.ok, snap.error_kind, latest, hidden, hidden and reveal.is_chair())


def live(body):
    """Wrap a page body: laid out once, and again only when :func:`view_key` changes (its
    status line, :func:`status_line`, watches on the data TTL)."""
    fragment = st.fragment(body)

    def page() -> None:
        st.session_state[_SHOWN] = None
        fragment()

    return page


def watch_stopped(snap: Snapshot) -> None:
    """A live page stopped before its status line (no data yet): watch anyway, so it lays
    out again when data arrives."""
    if _SHOWN in st.session_state and st.session_state[_SHOWN] is None:
        status_line(snap, key="refresh_stopped")


def status_line(snap: Snapshot, key: str = "refresh_now") -> None:
    """ "updated HH:MM:SS · next in N s" and a rate-limited "refresh now" button, rerun every
    TTL; the page is laid out again when its :func:`view_key` changes."""
    st.session_state[_SHOWN] = view_key(snap)
    st.fragment(run_every=cache_ttl())(_ticking_status)(key)


def _ticking_status(key: str) -> None:
    snap = live_snapshot()
    if st.session_state.get(_SHOWN) != view_key(snap):
        st.rerun(scope="app")  # new data or meeting state: lay the page out again
    _status(snap, key)


def _status(snap: Snapshot, key: str) -> None:
    from datetime import UTC

    from kbo_dashboard.meeting.live import status

    ttl = cache_ttl()
    now = datetime.now(UTC)
    zone = clock.competition_zone(settings_of(snap))
    state = status(snap.fetched_at, snap.checked_at, now, ttl, tz=zone)
    # A row that wraps: on a 1024 px screen the button goes under the line, whole (issue 19).
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.caption(tr("live.status", time=state.updated, n=state.next_in), width="content")
    row.button(tr("live.refresh_now"), key=key, icon=":material/refresh:", on_click=_force_refresh)
    wait = st.session_state.pop(_REFRESH_WAIT, None)
    if wait:
        st.toast(tr("live.refresh_wait", n=wait), icon=":material/hourglass_top:")
