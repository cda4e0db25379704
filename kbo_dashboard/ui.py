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

from kbo_dashboard import decision
from kbo_dashboard.config import cache_seconds
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


# The cache expires just before the pages' refresh tick (config.cache_seconds), so an edit
# reaches an open page within one TTL, not two.
_cached_fetch = st.cache_data(ttl=cache_seconds(cache_ttl()), show_spinner=False, max_entries=4)(
    _fetch
)


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


FRAME_KEY = "_kbo_app_frame"


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
    st.navigation(navigation_pages(), position="hidden")
    st.rerun()


def banners(snap: Snapshot) -> None:
    """The source line, the demo banner and the stale-data banner, on every page."""
    _ensure_frame()
    if snap.source_kind == "demo":
        st.info(tr("app.demo_banner"), icon=":material/science:")
    if not snap.ok:
        reason = snap.error_th if lang() == "th" else snap.error_en
        when = local_time(snap.fetched_at)
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


# --- pages: judges, issues, analysis, changes, downloads (append-only helpers) ---


def competition_or_stop(snap: Snapshot) -> Competition:
    """The snapshot's competition; with none, show why (once) and stop the page."""
    if snap.competition is None:
        if snap.ok:  # banners() already showed the source error otherwise
            st.error(tr("pages.no_data"), icon=":material/error:")
        st.stop()
    return snap.competition


def page_start(snap: Snapshot, *, need_products: bool = False) -> Competition:
    """The top of every page: banners, then the competition (or stop with why)."""
    banners(snap)
    comp = competition_or_stop(snap)
    if need_products and comp.products.empty:
        st.info(tr("pg.empty"), icon=":material/inventory_2:")
        st.stop()
    return comp


@st.cache_resource(show_spinner=False)
def _audit_log() -> dict:
    """Process-wide: which (audit file, data version) pairs are recorded, and a write lock."""
    import threading

    return {"lock": threading.Lock(), "done": {}}


def record_audit(snap: Snapshot):
    """Store the snapshot's changed score cells in the audit trail, once per data version.

    Idempotent: reruns and other viewers of the same data version do nothing. Returns None,
    or the :class:`~kbo_dashboard.audit.AuditUnavailable` to show as a warning (a locked file
    is retried on the next rerun; a corrupt one only when the data changes).
    """
    from kbo_dashboard.audit import AuditStore, AuditUnavailable, default_audit_path

    comp = snap.competition
    if comp is None or not snap.ok or snap.fetched_at is None:
        return None
    log = _audit_log()
    key = (str(default_audit_path()), snap.version)
    with log["lock"]:
        if key in log["done"]:
            return log["done"][key]
        cells = comp.scores.rename(columns={"score": "value"})
        cells = cells.drop_duplicates(["judge_id", "product_id", "criterion_id"])
        try:
            AuditStore(timeout=1.0).record(cells, snap.fetched_at)
            outcome = None
        except AuditUnavailable as error:
            outcome = error
            if error.kind == "locked":
                return error
        log["done"][key] = outcome
        return outcome


# --- pages: overview, rankings, nomination, projector (append-only helpers) ---
METHOD_STATE = "method"
CATEGORY_STATE = "category"
_REFRESH_WAIT = "_refresh_wait"


def method_options() -> list[str]:
    """The aggregation methods a viewer may switch between."""
    from kbo_dashboard.aggregation import METHODS

    return list(METHODS)


def method_name(key: str) -> str:
    return tr(f"analysis.method.{key}.name")


def current_method(snap: Snapshot) -> str:
    """The viewer's chosen method, else the Settings tab's default, else the mean."""
    from kbo_dashboard.nomination import method_key

    options = method_options()
    chosen = st.session_state.get(METHOD_STATE)
    if chosen in options:
        return chosen
    default = snap.competition.settings.get("method") if snap.competition else None
    key = method_key(default)
    return key if key in options else options[0]


def _keep(state_key: str, widget_key: str) -> None:
    value = st.session_state.get(widget_key)
    if value is not None:  # a segmented control can be clicked off: keep the last choice
        st.session_state[state_key] = value


def method_picker(snap: Snapshot) -> str:
    """A method switch shared by the Rankings and Nomination pages (kept across pages)."""
    options = method_options()
    current = current_method(snap)
    viewer = lang()
    st.selectbox(
        tr("pg.method"),
        options,
        index=options.index(current),
        format_func=lambda key: t(f"analysis.method.{key}.name", viewer),
        key="_method_picker",
        on_change=_keep,
        args=(METHOD_STATE, "_method_picker"),
    )
    return current_method(snap)


def category_picker(categories: list[str]) -> str | None:
    """A category switch that keeps the viewer's choice across refreshes and pages."""
    if not categories:
        return None
    current = st.session_state.get(CATEGORY_STATE)
    if current not in categories:
        current = categories[0]
        st.session_state[CATEGORY_STATE] = current
    viewer = lang()
    st.segmented_control(
        tr("pg.category"),
        categories,
        default=current,
        required=True,
        format_func=lambda c: t(f"cat.{c}", viewer),
        key="_category_picker",
        on_change=_keep,
        args=(CATEGORY_STATE, "_category_picker"),
    )
    chosen = st.session_state.get(CATEGORY_STATE)
    return chosen if chosen in categories else current


@st.cache_resource(show_spinner=False)
def refresh_limiter():
    """Process-wide: at most one forced refresh per interval, whoever presses the button."""
    from kbo_dashboard.live import RefreshLimiter

    return RefreshLimiter()


@st.cache_resource(show_spinner=False)
def feed_log():
    """Process-wide change feed, shared by every viewer."""
    from kbo_dashboard.live import FeedLog

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

    from kbo_dashboard.live import status

    ttl = cache_ttl()
    now = datetime.now(UTC)
    state = status(snap.fetched_at, snap.checked_at, now, ttl)
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.caption(tr("live.status", time=state.updated, n=state.next_in))
    right.button(
        tr("live.refresh_now"), key=key, icon=":material/refresh:", on_click=_force_refresh
    )
    wait = st.session_state.pop(_REFRESH_WAIT, None)
    if wait:
        st.toast(tr("live.refresh_wait", n=wait), icon=":material/hourglass_top:")


def projector_style() -> None:
    """Projector mode: no sidebar or header, large type for the back of the room."""
    from kbo_dashboard.charts import FONT_FAMILY

    st.html(
        "<style>"
        '[data-testid="stSidebar"],[data-testid="stSidebarCollapsedControl"],'
        '[data-testid="stSidebarCollapseButton"],header[data-testid="stHeader"]'
        "{display:none!important}"
        '[data-testid="stMainBlockContainer"]{padding:1.2rem 2.5rem;max-width:100%}'
        f'[data-testid="stAppViewContainer"]{{font-family:{FONT_FAMILY}}}'
        '[data-testid="stMarkdownContainer"] p,[data-testid="stMarkdownContainer"] li'
        "{font-size:1.7rem;line-height:1.35}"
        "h1{font-size:3rem!important}h2,h3{font-size:2.3rem!important}"
        '[data-testid="stMetricValue"],[data-testid="stMetricValue"] *'
        f"{{font-size:3.2rem!important;font-family:{FONT_FAMILY};line-height:1.2}}"
        '[data-testid="stMetricLabel"] p{font-size:1.6rem!important}'
        '[data-testid="stTable"] td,[data-testid="stTable"] th'
        "{font-size:1.75rem;padding:.4rem .7rem}"
        '[data-testid="stCaptionContainer"] p{font-size:1.3rem}'
        "</style>"
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _robustness(_competition: Competition, version: str, method: str):
    from kbo_dashboard.nomination import robustness_report

    return robustness_report(_competition, method)


def robustness(snap: Snapshot, method: str):
    """The Nomination page's robustness report, once per data version and method."""
    if snap.competition is None:
        return None
    return _robustness(snap.competition, snap.version, method)


@st.cache_resource(show_spinner=False)
def password_gate():
    """Process-wide: wrong chair passwords from any viewer count towards a short lock-out."""
    from kbo_dashboard.password import AttemptGate

    return AttemptGate()


def chair_hash() -> str | None:
    """The chair password's salted hash from secrets or the environment (never shown)."""
    return decision.chair_password_hash(_secrets(), os.environ)


@st.cache_resource(show_spinner=False)
def _decisions(key: str) -> dict:
    """Process-wide decision history for one store: read at start and after each record."""
    import threading

    return {"lock": threading.Lock(), "history": None, "error": None, "read_at": 0.0}


def decision_store():
    """Where the chair's decisions are kept: the Decision tab, or the local store."""
    return decision.decision_store(_source())


def decision_history(snap: Snapshot | None = None, reload: bool = False) -> tuple[list, object]:
    """(decisions oldest first, the read error or None), costing no Sheets request per viewer.

    A snapshot that carries the ``Decision`` tab (``snap.decisions``, read in the same single
    request as the scores) is used as is. Otherwise the local store (demo, .xlsx) is read once
    per process and again after each record; a Google store is read only after the chair
    records (``reload=True``), never on a page view, to keep one request per refresh.
    """
    import time

    key = f"{app_settings().kind}|{os.environ.get(decision.DATA_DIR_ENV, '')}"
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
