"""The frame every page shares: navigation, banners, the language switch and the page start."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import streamlit as st

from kbo_dashboard.i18n import LANGS, t
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.meeting.snapshot import Snapshot
from kbo_dashboard.ui import caches
from kbo_dashboard.ui.state import LANG_KEY, lang, local_time, settings_of, tr

#: Every page: (file, catalogue key of its title, icon, url path). The first is the default.
PAGES = [
    ("pages/overview.py", "page.overview", ":material/dashboard:", "overview"),
    ("pages/rankings.py", "page.rankings", ":material/leaderboard:", "rankings"),
    ("pages/nomination.py", "page.nomination", ":material/emoji_events:", "nomination"),
    ("pages/judges.py", "page.judges", ":material/groups:", "judges"),
    ("pages/analysis.py", "page.analysis", ":material/query_stats:", "analysis"),
    ("pages/issues.py", "page.issues", ":material/report:", "issues"),
    ("pages/changes.py", "page.changes", ":material/history:", "changes"),
    ("pages/downloads.py", "page.downloads", ":material/download:", "downloads"),
    ("pages/projector.py", "page.projector", ":material/tv:", "projector"),
]

FRAME_KEY = "_kbo_app_frame"

#: The tab's icon, a file the app serves itself. Set before any ``st.navigation``: otherwise the
#: browser takes the current page's ``:material/…:`` icon as the tab icon and fetches it from
#: fonts.gstatic.com (a meeting room may be offline). The icons in the page itself come from
#: the Material Symbols font Streamlit serves from this server.
ICON = str(Path(__file__).resolve().parents[2] / "static" / "trophy.png")


def mark_frame() -> None:
    """Called by app.py: this session runs pages inside the app's frame (navigation, layout)."""
    st.session_state[FRAME_KEY] = True


def navigation_pages() -> list:
    """The ``st.Page`` list for ``st.navigation``, Overview first."""
    return [
        st.Page(path, title=tr(key), icon=icon, url_path=url, default=(n == 0))
        for n, (path, key, icon, url) in enumerate(PAGES)
    ]


def _ensure_frame() -> None:
    """Rerun through app.py if Streamlit ran a page without it.

    Until some session has called ``st.navigation``, Streamlit treats a folder named ``pages/``
    as its legacy automatic navigation: the first visitor after a restart who opens a page's
    URL gets that page without app.py (no language switch, no wide layout). Calling
    ``st.navigation`` switches the legacy mode off for the process; the rerun then runs app.py.
    """
    if st.session_state.get(FRAME_KEY):
        return
    st.set_page_config(page_icon=ICON)
    st.navigation(navigation_pages(), position="hidden")
    st.rerun()


def banners(snap: Snapshot) -> None:
    """The source line, the demo banner and the stale-data banner, on every page."""
    _ensure_frame()
    if snap.source_kind == "demo":
        st.info(tr("app.demo_banner"), icon=":material/science:")
    if not snap.ok:
        reason = snap.error_th if lang() == "th" else snap.error_en
        when = local_time(snap.fetched_at, settings_of(snap))
        if snap.stale and snap.error_kind == "unreachable":
            st.warning(tr("app.stale", time=when, reason=reason), icon=":material/cloud_off:")
        elif snap.stale:
            st.error(tr("app.stale_error", time=when, reason=reason), icon=":material/error:")
        else:
            st.error(tr("app.source_error", reason=reason), icon=":material/error:")
    record_audit(snap)  # once per data version; the Changes page shows any problem
    kind = tr(f"app.source_kind.{snap.source_kind}")
    label = kind if snap.source_kind == "demo" else f"{kind} · {snap.source_label}"
    st.caption(
        tr("app.source", label=label)
        + " · "
        + tr("app.updated", time=local_time(snap.fetched_at, settings_of(snap)))
    )


def language_switch() -> None:
    """A sidebar switch between Thai and English that survives page changes."""
    current = lang()
    choice = st.sidebar.segmented_control(
        tr("app.language"),
        options=list(LANGS),
        default=current,
        format_func=lambda code: t(f"lang.{code}", code),
        key="_lang_choice",
    )
    if choice and choice != current:
        st.session_state[LANG_KEY] = choice
        st.rerun()


def competition_or_stop(snap: Snapshot) -> Competition:
    """The snapshot's competition; with none, show why (once) and stop the page."""
    if snap.competition is None:
        if snap.ok:  # banners() already showed the source error otherwise
            st.error(tr("pages.no_data"), icon=":material/error:")
        _stop(snap)
    return snap.competition


def _stop(snap: Snapshot) -> NoReturn:
    """Stop the page; a live page still watches for data on the TTL."""
    from kbo_dashboard.ui.refresh import watch_stopped

    watch_stopped(snap)
    st.stop()


def page_start(snap: Snapshot, *, need_products: bool = False) -> Competition:
    """The top of every page: banners, then the competition (or stop with why)."""
    banners(snap)
    comp = competition_or_stop(snap)
    if need_products and comp.products.empty:
        st.info(tr("pg.empty"), icon=":material/inventory_2:")
        _stop(snap)
    return comp


def record_audit(snap: Snapshot):
    """Store the snapshot's changed score cells in the audit trail, once per new data version.

    Idempotent: reruns and other viewers of the same data version do nothing. Returns None,
    or the :class:`~kbo_dashboard.meeting.audit.AuditUnavailable` to show as a warning (a
    locked file is retried on the next rerun; a corrupt one only when the data changes).
    """
    from kbo_dashboard.meeting.audit import (
        AuditStore,
        AuditUnavailable,
        default_audit_path,
        score_cells,
    )

    comp = snap.competition
    if comp is None or not snap.ok or snap.fetched_at is None:
        return None
    log = caches.audit_log()
    path = str(default_audit_path())
    with log["lock"]:
        # The version is the content's digest: the same version as the last one recorded has
        # nothing new (data that goes A -> B -> A back is recorded again: it is not the last).
        done = log["done"].get(path)
        if done is not None and done[0] == snap.version:
            return done[1]
        cells = score_cells(comp)  # rejected cells too, as typed
        try:
            AuditStore(timeout=1.0).record(cells, snap.fetched_at)
            outcome = None
        except AuditUnavailable as error:
            outcome = error
            if error.kind == "locked":
                return error
        log["done"][path] = (snap.version, outcome)
        return outcome
