"""The meeting's shared blocks: the readiness checklist and the final decision in large type."""

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
