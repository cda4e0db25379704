"""The one Streamlit helper module: language, cached data, and the banners every page shows.

Caching is what keeps the Google quota safe: :func:`snapshot` is shared by every viewer through
``st.cache_data`` with a TTL, so however many people watch, the source is read once per TTL.
A failed read is cached too (as a stale snapshot), so a Google outage costs one burst of
retries per TTL, not one per viewer.
"""

from __future__ import annotations

import os
from datetime import datetime

import streamlit as st

from kbo_dashboard.i18n import DEFAULT_LANG, LANGS, t
from kbo_dashboard.parse import Competition
from kbo_dashboard.scoring import Results, score_competition
from kbo_dashboard.snapshot import Snapshot, refresh
from kbo_dashboard.source import Source

LANG_KEY = "lang"

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


def lang() -> str:
    """The viewer's language: ``?lang=en`` in the URL, else the session's choice, else Thai."""
    if LANG_KEY not in st.session_state:
        wanted = st.query_params.get(LANG_KEY, DEFAULT_LANG)
        st.session_state[LANG_KEY] = wanted if wanted in LANGS else DEFAULT_LANG
    return st.session_state[LANG_KEY]


def tr(key: str, /, **params: object) -> str:
    """The message ``key`` in the viewer's language."""
    return t(key, lang(), **params)


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml: Streamlit raises FileNotFoundError or its own error
        return {}


def app_settings():
    """The app's configuration from ``.streamlit/secrets.toml`` and the environment."""
    from kbo_dashboard.config import load_settings

    return load_settings(_secrets(), os.environ)


@st.cache_resource(show_spinner=False)
def _source() -> Source:
    from kbo_dashboard.config import make_source

    return make_source(app_settings())


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, Snapshot]:
    """Process-wide holder of the last good snapshot, shared by every session."""
    return {}


def cache_ttl() -> float:
    return float(app_settings().cache_ttl_s)


def _fetch(_bucket: int) -> Snapshot:
    holder = _last_good()
    snap = refresh(_source(), holder.get("good"))
    if snap.ok:
        holder["good"] = snap
    return snap


_cached_fetch = st.cache_data(ttl=cache_ttl(), show_spinner=False, max_entries=4)(_fetch)


def snapshot() -> Snapshot:
    """The current data, shared by every viewer and refreshed at most once per TTL."""
    return _cached_fetch(0)


def clear_data_cache() -> None:
    """Force the next :func:`snapshot` to read the source (rate-limited by the caller)."""
    _cached_fetch.clear()


@st.cache_data(show_spinner=False, max_entries=32)
def _results(_competition: Competition, version: str, method: str) -> Results:
    return score_competition(_competition, method)


def results(snap: Snapshot, method: str | None = None) -> Results | None:
    """Standings for the snapshot, computed once per data version and method."""
    if snap.competition is None:
        return None
    method = method or snap.competition.settings.get("method") or "mean"
    return _results(snap.competition, snap.version, method)


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone().strftime("%H:%M:%S")


def banners(snap: Snapshot) -> None:
    """The source line, the demo banner and the stale-data banner, on every page."""
    if snap.source_kind == "demo":
        st.info(tr("app.demo_banner"), icon=":material/science:")
    if not snap.ok:
        reason = snap.error_th if lang() == "th" else snap.error_en
        if snap.stale:
            st.warning(
                tr("app.stale", time=local_time(snap.fetched_at), reason=reason),
                icon=":material/cloud_off:",
            )
        else:
            st.error(tr("app.source_error", reason=reason), icon=":material/error:")
    kind = tr(f"app.source_kind.{snap.source_kind}")
    label = kind if snap.source_kind == "demo" else f"{kind} · {snap.source_label}"
    st.caption(
        tr("app.source", label=label) + " · " + tr("app.updated", time=local_time(snap.fetched_at))
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


def page_exists(path: str) -> bool:
    """Whether a page file is present next to app.py."""
    from pathlib import Path

    return (Path(__file__).resolve().parent.parent / path).is_file()
