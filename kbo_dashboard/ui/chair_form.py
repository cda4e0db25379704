"""The chair's form on the Nomination page, behind the chair password.

Unlock with the password and the chair's own name (stored as ``decided_by``). Then: confirm the
provisional nominee, or pick another product with a reason (the product picker shows only for
"pick another"). While the readiness checklist is not clear, recording needs a ticked
acknowledgement that names the open points, and the open points go into the decision row.
After recording the form disarms until the chair asks to record another decision. With
``lock_after_decision`` on in the Settings tab, recording also locks every judge's tab of the
Google Sheet in one batchUpdate, and the chair is told. The chair also hides the scores, ranks
and nominee from every other screen until the reveal (ui/reveal.py).
"""

from __future__ import annotations

import math

import streamlit as st

from kbo_dashboard.i18n import pick, t
from kbo_dashboard.meeting import decision
from kbo_dashboard.meeting.password import HASH_KEY, SessionThrottle, verify_password
from kbo_dashboard.meeting.pending import forget_held, pending_for, record, retry_pending
from kbo_dashboard.ui import caches, chair, pickers, reveal, state
from kbo_dashboard.ui.meeting_view import current_readiness
from kbo_dashboard.ui.standings_tables import product_text
from kbo_dashboard.ui.state import tr
from kbo_dashboard.ui.text import md_params, trm

CHAIR_OK = reveal.CHAIR_OK
CHAIR_NAME = "chair_signed_name"
PENDING_ERROR = "chair_pending_error"
THROTTLE = "chair_throttle"  # this session's wrong passwords (meeting/password.py)
RECORDED = "chair_recorded_id"  # set after a record: the form is disarmed
LOCKED = "chair_lock_outcome"  # (kind, message key, params) of locking after a record
FORM_KEYS = ("chair_choice", "chair_product", "chair_reason", "chair_ack")
REVEAL_KEY = "chair_hide"
REVEAL_UNSTORED = "chair_reveal_unstored"


def chair_controls() -> None:
    """The chair's expander: unlock, then the decision form and the projector's reveal."""
    with st.expander(tr("nom.chair"), icon=":material/lock:"):
        stored = chair.chair_hash()
        if not stored:
            st.info(
                tr(
                    "nom.chair_no_hash",
                    command="python -m kbo_dashboard hash-password",
                    key=HASH_KEY,
                    env=HASH_KEY,
                )
            )
            return
        if not st.session_state.get(CHAIR_OK):
            _unlock(stored)
            return
        st.caption(tr("chair.signed_in", name=st.session_state.get(CHAIR_NAME, "")))
        _reveal_control()
        if st.session_state.get(RECORDED):
            _disarmed()
        else:
            _decide()
        if st.button(tr("nom.chair_lock"), key="chair_lock", icon=":material/lock:"):
            for key in (CHAIR_OK, CHAIR_NAME, RECORDED):
                st.session_state.pop(key, None)
            st.rerun()


def _unlock(stored: str) -> None:
    with st.form("chair_login", border=False):
        name = st.text_input(tr("chair.name"), key="chair_name")
        password = st.text_input(tr("nom.chair_password"), type="password", key="chair_password")
        if not st.form_submit_button(tr("nom.chair_unlock"), key="chair_unlock"):
            return
    throttle = st.session_state.setdefault(THROTTLE, SessionThrottle())  # this viewer only
    name = " ".join((name or "").split())
    if throttle.wait_s() > 0:
        st.error(tr("nom.chair_wait", n=math.ceil(throttle.wait_s())))
    elif not verify_password(password or "", stored):
        throttle.failed()
        caches.password_ceiling().slow_down()  # many guesses server-wide: wrong answers wait
        st.error(tr("nom.chair_wrong"), icon=":material/block:")
    elif not name:
        st.error(tr("chair.name_required"), icon=":material/badge:")
    else:
        throttle.succeeded()
        st.session_state[CHAIR_OK] = True
        st.session_state[CHAIR_NAME] = name
        st.session_state.pop("chair_password", None)
        st.rerun()


def _reveal_control() -> None:
    """Hide scores, ranks and the nominee from every other viewer until the chair reveals.

    The toggle shows the stored switch on every run, so a stale toggle in another of the
    chair's windows never switches it back; a change is stored by the toggle's callback, before
    the page is drawn again."""
    st.session_state[REVEAL_KEY] = reveal.scores_hidden()
    st.toggle(tr("chair.hide_scores"), key=REVEAL_KEY, on_change=_switch_reveal)
    if st.session_state.pop(REVEAL_UNSTORED, False):
        st.warning(tr("reveal.not_stored"), icon=":material/save:")
    st.caption(tr("chair.hidden_now" if st.session_state[REVEAL_KEY] else "chair.shown_now"))


def _switch_reveal() -> None:
    hidden = bool(st.session_state.get(REVEAL_KEY))
    if not reveal.set_scores_hidden(hidden, st.session_state.get(CHAIR_NAME, "")):
        st.session_state[REVEAL_UNSTORED] = True


def _disarmed() -> None:
    """After a record: no second record by accident; a button arms the form again."""
    st.success(tr("chair.disarmed"), icon=":material/gavel:")
    outcome = st.session_state.get(LOCKED)
    if outcome is not None:
        kind, key, params = outcome
        show = st.success if kind == "ok" else st.warning
        show(tr(key, **params), icon=":material/lock:")
    if st.button(tr("chair.rearm"), key="chair_rearm", icon=":material/edit:"):
        st.session_state.pop(RECORDED, None)
        st.session_state.pop(LOCKED, None)
        for key in FORM_KEYS:
            st.session_state.pop(key, None)
        st.rerun()


def _pending_first(store, pending, lang: str) -> bool:
    """Decisions kept after a failed write: retry them first. True when some are waiting."""
    failure = st.session_state.pop(PENDING_ERROR, None)
    if failure:
        st.error(tr("nom.chair_failed", reason=failure), icon=":material/cloud_off:")
    waiting = forget_held(pending, chair.decision_history(state.snapshot())[0])
    for d in waiting:
        st.warning(trm("nom.chair_pending", product=d.product_id, name=d.product_name))
    if waiting and st.button(tr("nom.chair_retry"), key="chair_retry", icon=":material/replay:"):
        try:
            retry_pending(store, pending)
        except decision.DecisionWriteError as error:
            st.error(tr("nom.chair_failed", reason=error.message(lang)))
        else:
            chair.decision_history(reload=True)
            st.rerun()
    return bool(waiting)


def _decide() -> None:
    lang = state.lang()
    meeting = chair.meeting_config()
    store = chair.decision_store(meeting)
    pending = pending_for(meeting.data_dir)
    if _pending_first(store, pending, lang):
        return
    snap = state.snapshot()
    comp = snap.competition
    if comp is None or comp.products.empty:
        return
    results = state.results(snap, pickers.current_method(snap))
    assert results is not None  # the snapshot has a competition
    ready = current_readiness(snap, results)
    nominee = results.nominee
    name = product_text(comp, nominee).split(" ", 1)[-1] if nominee else ""
    options = ["confirm", "other"] if nominee else ["other"]
    if not nominee:
        st.info(tr("nom.chair_no_product"))
    choice = st.radio(
        tr("nom.chair_choice"),
        options,
        format_func=lambda o: t(  # radio options are Markdown: the name is shown as text
            "nom.chair_confirm" if o == "confirm" else "nom.chair_other",
            lang,
            **md_params({"product": nominee or "", "name": name}),
        ),
        key="chair_choice",
    )
    product = nominee
    if choice == "other":
        product = st.selectbox(
            tr("nom.chair_product"),
            list(comp.products["product_id"]),
            format_func=lambda p: product_text(comp, p),
            key="chair_product",
        )
    reason = st.text_area(tr("nom.chair_reason"), key="chair_reason")
    acknowledged = True
    if not ready.clear:
        # named as they fail, with the details the decision row stores (ready.to_json())
        acknowledged = st.checkbox(tr("chair.ack", points=ready.open_text(lang)), key="chair_ack")
    if not st.button(tr("nom.chair_record"), key="chair_record", type="primary") or not product:
        return
    if not acknowledged:
        st.error(tr("chair.ack_required"), icon=":material/pending_actions:")
        return
    if product != nominee and not (reason or "").strip():
        st.error(tr("nom.chair_reason_required"), icon=":material/edit_note:")
        return
    try:
        chosen = decision.make_decision(
            comp,
            results,
            product,
            reason or "",
            decided_by=st.session_state.get(CHAIR_NAME) or "chair",
            open_points=ready.to_json(),
        )
    except decision.DecisionRefused as refused:
        st.error(pick(refused.message_th, refused.message_en, lang))
        return
    try:
        record(store, chosen, pending, meeting, comp.settings)
    except decision.DecisionWriteError as error:
        st.session_state[PENDING_ERROR] = error.message(lang)
        st.rerun()
    chair.decision_history(reload=True)
    st.session_state[RECORDED] = chosen.decision_id
    if comp.settings.get("lock_after_decision"):
        st.session_state[LOCKED] = _lock_judge_tabs(comp, lang)
    st.toast(tr("nom.chair_recorded"), icon=":material/gavel:")
    st.rerun()


def _lock_judge_tabs(comp, lang: str) -> tuple[str, str, dict]:
    """Lock every judge's tab after a decision (Google Sheet only): what to tell the chair."""
    from gspread.exceptions import APIError

    from kbo_dashboard.commands.protections import lock_judge_tabs
    from kbo_dashboard.sources.google_source import GoogleSheetSource

    source = state.data_source()
    if not isinstance(source, GoogleSheetSource):
        return ("warn", "binding.lock_not_sheet", {})
    try:
        n = lock_judge_tabs(source.open_for_writing(), comp, getattr(source, "email", None))
    except Exception as exc:  # noqa: BLE001 - the decision stands; the chair is told why
        last = getattr(exc, "last", exc)  # google_http.GaveUp keeps the last failure
        status = last.response.status_code if isinstance(last, APIError) else None
        if isinstance(last, PermissionError) or status in (401, 403):
            reason = t("decision.reason.permission", lang)
        elif status is not None:
            reason = t("decision.reason.server", lang, status=status)
        else:
            reason = t("decision.reason.unreachable", lang)
        return ("warn", "binding.lock_failed", {"reason": reason})
    return ("ok", "binding.locked", {"n": n})
