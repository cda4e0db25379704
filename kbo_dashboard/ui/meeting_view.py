"""The meeting's shared blocks: the readiness checklist, the final decision in large type and,
under it, the notice when the scores were edited after the decision."""

from __future__ import annotations

import html

import streamlit as st

from kbo_dashboard.analysis.readiness import Readiness
from kbo_dashboard.ui import cached
from kbo_dashboard.ui.state import lang, tr

#: The final decision's type: larger than any provisional figure (metrics are 2.25rem).
FINAL_CSS = (
    "<style>.kbo-final{font-size:clamp(2.4rem,4.2vw,4.6rem);font-weight:700;line-height:1.15;"
    "padding:.35em .5em;margin:.1em 0 .3em;border-radius:.4rem;background:#e8f5e9;"
    "color:#1b5e20;border:3px solid #2e7d32;overflow-wrap:anywhere}"
    ".kbo-final small{display:block;font-size:.42em;font-weight:400}</style>"
)


def current_readiness(snap, results) -> Readiness:
    """The checklist for the snapshot and method in use, once per data version and method."""
    return cached.readiness(snap, results)


def show_readiness(ready: Readiness) -> None:
    """The checklist: a summary line, then each point with what is open."""
    viewer = lang()
    with st.container(border=True, key="readiness"):
        st.subheader(tr("readiness.title"))
        opened = ready.open_points()
        if ready.clear:
            st.success(tr("readiness.clear"), icon=":material/task_alt:")
        else:
            st.warning(tr("readiness.not_clear", n=len(opened)), icon=":material/pending_actions:")
        lines = []
        for point in ready.points:
            mark = ":green[:material/check_circle:]" if point.ok else ":orange[:material/error:]"
            detail = "" if point.ok else f" — {point.detail(viewer)}"
            lines.append(f"- {mark} {point.label(viewer)}{detail}")
        st.markdown("\n".join(lines))


def show_final_banner(snap) -> bool:
    """The last recorded decision in large type, if any; True when there is one."""
    from kbo_dashboard.meeting.decision import final
    from kbo_dashboard.ui.chair import decision_history

    history, _ = decision_history(snap)
    last = final(history)  # only a decision the app signed is final
    final_banner(last)
    edited_notice(snap, last)
    return last is not None


def final_banner(decision) -> None:
    """The recorded decision, final for every viewer, in the largest type on the page."""
    if decision is None:
        return
    line = tr("final.banner_title")
    product = html.escape(f"{decision.product_id} {decision.product_name}")
    st.markdown(
        f'{FINAL_CSS}<div class="kbo-final" data-testid="kboFinal">'
        f"<small>{html.escape(line)}</small>{product}</div>",
        unsafe_allow_html=True,
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _edited(_snap, _decision, version: str, decision_id: str):
    """Whether the scores changed after the decision, once per data version and decision."""
    from kbo_dashboard.meeting.binding import audit_changes, scores_edited
    from kbo_dashboard.scoring.aggregation import METHODS
    from kbo_dashboard.ui.state import results

    method = _decision.method if _decision.method in METHODS else None
    current = results(_snap, method) if method else None
    return scores_edited(_decision, _snap.competition, current, audit_changes(_decision))


def scores_edited(snap, decision):
    """:func:`kbo_dashboard.meeting.binding.scores_edited` for the page's snapshot (cached)."""
    if decision is None or snap.competition is None or not decision.scores_digest:
        return None
    return _edited(snap, decision, snap.version, decision.decision_id)


def edited_notice(snap, decision) -> bool:
    """ "Scores were edited after the decision": how many cells, whether the leader changed,
    and the cells and standings then and now in an expander. True when shown."""
    from kbo_dashboard.meeting import binding
    from kbo_dashboard.ui.chair import plain
    from kbo_dashboard.ui.state import settings_of

    edited = scores_edited(snap, decision)
    if edited is None:
        return False
    viewer, settings = lang(), settings_of(snap)
    with st.container(key="kbo_edited"):
        st.error(
            f"**{tr('binding.title')}**  \n{plain(binding.summary_line(edited, viewer, settings))}",
            icon=":material/edit_note:",
        )
        with st.expander(tr("binding.cells_title")):
            lines = binding.cell_lines(edited, viewer, settings)
            if lines:
                st.text("\n".join(lines))
            st.markdown(f"**{tr('binding.standings_title')}**")
            st.text("\n".join(binding.standing_lines(edited, viewer)))
    return True
