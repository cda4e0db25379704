"""Session and cache state: the viewer's language, the app's settings and the shared data.

Caching is what keeps the Google quota safe: :func:`snapshot` is shared by every viewer through
``st.cache_data`` with a TTL, so however many people watch, the source is read once per TTL.
A failed read is cached too (as a stale snapshot), so a Google outage costs one burst of
retries per TTL, not one per viewer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import streamlit as st

from kbo_dashboard.i18n import DEFAULT_LANG, LANGS, t
from kbo_dashboard.intake import clock
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.meeting.snapshot import Snapshot, refresh
from kbo_dashboard.scoring.scoring import Results, score_competition
from kbo_dashboard.sources.config import DEFAULT_TTL_S, cache_seconds
from kbo_dashboard.sources.source import SourceError
from kbo_dashboard.ui import caches
from kbo_dashboard.ui.app_config import app_settings, read_secrets  # noqa: F401 (pages' names)
from kbo_dashboard.ui.caches import data_source  # noqa: F401 (the pages' name for it)

LANG_KEY = "lang"


def lang() -> str:
    """The viewer's language: ``?lang=en`` in the URL, else the session's choice, else Thai."""
    if LANG_KEY not in st.session_state:
        wanted = st.query_params.get(LANG_KEY, DEFAULT_LANG)
        st.session_state[LANG_KEY] = wanted if wanted in LANGS else DEFAULT_LANG
    return st.session_state[LANG_KEY]


def tr(key: str, /, **params: object) -> str:
    """The message ``key`` in the viewer's language."""
    return t(key, lang(), **params)


def config_error() -> SourceError | None:
    """The configuration's problem (e.g. KBO_SERVICE_ACCOUNT_JSON not JSON), or None."""
    try:
        app_settings()
    except SourceError as error:
        return error
    return None


def cache_ttl() -> float:
    if config_error() is not None:  # the banner says why; the default TTL meanwhile
        return float(DEFAULT_TTL_S)
    return float(app_settings().cache_ttl_s)


def _config_snapshot(error: SourceError) -> Snapshot:
    """What pages show for a configuration error: the same message ``check`` prints."""
    now = datetime.now(UTC)
    return Snapshot("config", "-", None, None, now, error.message_en, error.message_th, error.kind)


KEEP_VERSIONS = 4  # data versions whose competition caches.competitions keeps


def _fetch(_bucket: int) -> Snapshot:
    holder = caches.last_good()
    try:
        source = data_source()
    except SourceError as error:
        return _config_snapshot(error)
    snap = refresh(source, holder.get("good"))
    if snap.ok:
        holder["good"] = snap
    if snap.competition is None or not snap.digest:
        return snap
    shared = caches.competitions()
    shared.pop(snap.version, None)
    shared[snap.version] = snap.competition
    while len(shared) > KEEP_VERSIONS:
        shared.pop(next(iter(shared)))
    return replace(snap, competition=None)


# The cache expires just before the pages' refresh tick (config.cache_seconds), so an edit
# reaches an open page within one TTL, not two.
_cached_fetch = st.cache_data(ttl=cache_seconds(cache_ttl()), show_spinner=False, max_entries=4)(
    _fetch
)


def snapshot() -> Snapshot:
    """The current data, shared by every viewer and refreshed at most once per TTL."""
    light = _cached_fetch(0)
    if light.competition is not None or not light.digest:
        return light
    competition = caches.competitions().get(light.version)
    if competition is None:  # the process's caches were cleared apart: read again
        clear_data_cache()
        light = _cached_fetch(0)
        competition = caches.competitions().get(light.version)
    return replace(light, competition=competition)


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


def settings_of(snap: Snapshot) -> dict:
    """The snapshot's competition settings (for its clock); {} when there is no data."""
    return snap.competition.settings if snap.competition is not None else {}


def competition_settings() -> dict:
    """The current competition's settings, from the shared (cached) snapshot."""
    return settings_of(snapshot())


def local_time(moment: datetime | None, settings: dict | None) -> str:
    """``14:05:09`` on the competition's clock (``settings``' time zone), never the server's."""
    if moment is None:
        return "-"
    return clock.clock_time(moment, settings)


def zone(snap: Snapshot):
    """The competition's time zone in ``snap`` (for the change feed and the Changes page)."""
    return clock.competition_zone(settings_of(snap))


@st.cache_data(show_spinner=False, max_entries=16)
def _robustness(_competition: Competition, version: str, method: str):
    from kbo_dashboard.analysis.nomination import robustness_report

    totals = _results(_competition, version, method).totals  # built once, shared
    return robustness_report(_competition, method, totals=totals)


def robustness(snap: Snapshot, method: str):
    """The Nomination page's robustness report, once per data version and method."""
    if snap.competition is None:
        return None
    return _robustness(snap.competition, snap.version, method)
