"""The reveal on the pages: ask :mod:`kbo_dashboard.meeting.reveal` what this viewer may see,
say so when results are hidden, and follow the chair's switch without a reload.

Live pages (their body a :func:`~kbo_dashboard.ui.refresh.live` fragment) ask on every refresh
tick. The other pages call :func:`follow`: a small fragment, rerunning on the same tick, that
reruns the whole page when the switch has changed since the page was drawn.
"""

from __future__ import annotations

import streamlit as st

from kbo_dashboard.meeting import reveal as rules
from kbo_dashboard.ui import caches
from kbo_dashboard.ui.state import cache_ttl, tr

#: Session key: this session unlocked the chair's form (set by ui/chair_form.py).
CHAIR_OK = "chair_unlocked"

_DRAWN = "_reveal_drawn_{page}"


def switch() -> rules.RevealSwitch:
    """The switch of this data folder (caches.reveal_switch: one per folder, per server)."""
    return caches.reveal_switch(str(rules.switch_path()))


def scores_hidden() -> bool:
    """True while the chair keeps scores, ranks and the nominee from the room."""
    return switch().hidden()


def set_scores_hidden(hidden: bool, by: str = "") -> bool:
    """The chair's switch; False when it could be kept in memory only (see RevealSwitch)."""
    return switch().set(hidden, by)


def is_chair() -> bool:
    """This session unlocked the chair's form."""
    return bool(st.session_state.get(CHAIR_OK))


def withheld(shows: str = rules.RESULTS, *, room: bool = False) -> bool:
    """Whether this viewer must not see a block showing ``shows`` now (the one rule)."""
    return rules.withheld(shows, hidden=scores_hidden(), chair=is_chair(), room=room)


def document_withheld(kind: str) -> bool:
    return rules.document_withheld(kind, hidden=scores_hidden(), chair=is_chair())


def hidden_notice(documents: bool = False) -> None:
    """What a viewer sees in place of the results (or the documents) while they are hidden."""
    key = "reveal.documents_hidden" if documents else "reveal.hidden"
    st.info(tr(key), icon=":material/visibility_off:")


def chair_note() -> None:
    """For the unlocked chair while the results are hidden from everyone else."""
    if scores_hidden() and is_chair():
        st.caption(tr("reveal.chair_sees"))


def follow(page: str) -> None:
    """On a page that does not refresh itself: rerun it when the switch changes (one TTL)."""
    key = _DRAWN.format(page=page)
    st.session_state[key] = scores_hidden()

    @st.fragment(run_every=cache_ttl())
    def watcher() -> None:
        if scores_hidden() != st.session_state.get(key):
            st.rerun()

    watcher()
