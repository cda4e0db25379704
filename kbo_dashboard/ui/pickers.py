"""The method and category pickers, whose choice is kept across refreshes and pages."""

from __future__ import annotations

import streamlit as st

from kbo_dashboard.i18n import t
from kbo_dashboard.meeting.snapshot import Snapshot
from kbo_dashboard.ui.state import lang, tr

# --- pages: overview, rankings, nomination, projector (append-only helpers) ---
METHOD_STATE = "method"

CATEGORY_STATE = "category"


def method_options() -> list[str]:
    """The aggregation methods a viewer may switch between."""
    from kbo_dashboard.scoring.aggregation import METHODS

    return list(METHODS)


def method_name(key: str) -> str:
    from kbo_dashboard.scoring.aggregation import method_name

    return method_name(key, lang())


def current_method(snap: Snapshot) -> str:
    """The viewer's chosen method, else the Settings tab's default, else the mean."""
    from kbo_dashboard.analysis.nomination import method_key

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
    from kbo_dashboard.scoring.aggregation import method_name as name_in

    options = method_options()
    current = current_method(snap)
    viewer = lang()
    st.selectbox(
        tr("pg.method"),
        options,
        index=options.index(current),
        format_func=lambda key: name_in(key, viewer),
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
