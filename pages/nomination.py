"""Nomination: the provisional nominee, how safe it is ("would the winner change if...?"),
and the chair's recorded decision behind the chair password."""

import streamlit as st

from kbo_dashboard.analysis.nomination import what_if_rows
from kbo_dashboard.i18n import t
from kbo_dashboard.meeting import decision
from kbo_dashboard.meeting.password import HASH_KEY, verify_password
from kbo_dashboard.meeting.pending import pending_for, record, retry_pending
from kbo_dashboard.ui import chair, frame, pickers, refresh, state
from kbo_dashboard.ui.standings_tables import (
    leaders_table,
    methods_table,
    moves_table,
    product_text,
    standings_table,
)
from kbo_dashboard.ui.state import tr

CHAIR_OK = "chair_unlocked"
PENDING_ERROR = "chair_pending_error"


def show_final(lang: str) -> None:
    """The recorded decision, final for every viewer, and its history. Only decisions signed by
    the app count; rows typed into the sheet are listed apart. All text is shown literally."""
    history, error = chair.decision_history(state.snapshot())
    if error is not None:
        st.warning(tr("nom.decision_store_error", reason=error.message(lang)))
    unsigned = decision.not_recorded_by_app(history)
    if unsigned:
        st.error(tr("nom.unsigned_title"), icon=":material/gpp_bad:")
        st.table(
            [
                {
                    tr("tbl.time"): d.decided_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    tr("tbl.product"): chair.plain(f"{d.product_id} {d.product_name}"),
                    tr("tbl.reason"): chair.plain(d.reason or "-"),
                }
                for d in reversed(unsigned)
            ],
            hide_index=True,
        )
    last = decision.final(history)
    history = [d for d in history if d not in unsigned]
    if last is None:
        return
    st.success(
        tr("pg.final", product=chair.plain(last.product_id), name=chair.plain(last.product_name)),
        icon=":material/gavel:",
    )
    score = "-" if last.score is None else f"{last.score:.2f}"
    st.caption(
        tr(
            "nom.decision_meta",
            time=state.local_time(last.decided_at),
            method=pickers.method_name(last.method),
            score=score,
        )
    )
    if last.reason:
        st.markdown(tr("nom.decision_reason", reason=chair.plain(last.reason)))
    with st.expander(tr("nom.decision_history") + f" ({len(history)})"):
        st.table(
            [
                {
                    tr("tbl.time"): d.decided_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    tr("tbl.product"): chair.plain(f"{d.product_id} {d.product_name}"),
                    tr("tbl.method"): pickers.method_name(d.method),
                    tr("tbl.score"): "-" if d.score is None else f"{d.score:.2f}",
                    tr("tbl.reason"): chair.plain(d.reason or "-"),
                }
                for d in reversed(history)
            ],
            hide_index=True,
        )


def show_nominee(comp, results, lang: str) -> None:
    standings = results.standings.set_index("product_id")
    cols = st.columns(4)
    if results.nominee:
        row = standings.loc[results.nominee]
        cols[0].metric(tr("pg.nominee"), results.nominee, border=True)
        cols[0].caption(str(row["product_name"]))
        cols[1].metric(tr("nom.score"), f"{row['score']:.2f}", border=True)
        counted = int(row["n_judges"])
    else:
        if results.tied_for_first:
            names = ", ".join(product_text(comp, p) for p in results.tied_for_first)
            st.warning(tr("pg.tie", products=names), icon=":material/balance:")
        else:
            st.info(tr("pg.no_nominee", quorum=results.quorum), icon=":material/hourglass:")
        counted = int(results.ranked["n_judges"].max()) if not results.ranked.empty else 0
    if results.margin is not None:
        cols[2].metric(
            tr("nom.margin"),
            tr("nom.margin_value", points=f"{results.margin:.2f}"),
            border=True,
        )
        cols[2].caption(
            tr(
                "nom.runner_up",
                product=results.runner_up,
                name=standings.at[results.runner_up, "product_name"],
            )
        )
    cols[3].metric(
        tr("nom.judges_counted"),
        tr("nom.judges_counted_value", n=counted, total=len(comp.judges)),
        border=True,
    )
    st.caption(tr("analysis.method_in_use", name=pickers.method_name(results.method)))

    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(tr("nom.runners_up"))
        table = standings_table(comp, results, lang, top=6, compact=True)
        st.table(table.iloc[1:], hide_index=True)
    with right:
        st.subheader(tr("nom.leaders"))
        st.table(leaders_table(comp, results, lang), hide_index=True)


def show_robustness(snap, comp, results, lang: str) -> None:
    st.header(tr("nom.robustness"))
    if len(results.ranked) < 2:
        st.info(tr("nom.no_robustness"))
        return
    report = state.robustness(snap, results.method)

    st.subheader(tr("nom.methods_title"))
    robust = report.comparison.robust
    (st.success if robust else st.warning)(
        tr("analysis.robust.yes" if robust else "analysis.robust.no"),
        icon=":material/verified:" if robust else ":material/warning:",
    )
    st.table(methods_table(comp, report.comparison.top, lang), hide_index=True)

    st.subheader(tr("nom.lojo_title"))
    changes = what_if_rows(report)
    if changes.empty:
        st.success(tr("analysis.lojo.none"), icon=":material/verified:")
    else:
        st.warning(
            tr("analysis.lojo.deciding", judges=", ".join(report.lojo.any_deciding())),
            icon=":material/person_alert:",
        )
        lines = [
            tr(
                "nom.lojo_change",
                judge=row.judge_id,
                method=pickers.method_name(row.method),
                before=product_text(comp, row.nominee),
                after=product_text(comp, row.without),
            )
            for row in changes.itertuples()
        ]
        st.markdown("\n".join(f"- {line}" for line in lines))

    st.subheader(tr("nom.margin_title"))
    margin = report.margin
    st.markdown(tr("analysis.margin.points", points=f"{margin.points:.2f}"))
    if margin.points == 0 and results.nominee:
        names = ", ".join(
            _criterion(comp, c, lang)
            for c in comp.criteria.dropna(subset=["tiebreak_priority"]).sort_values(
                "tiebreak_priority"
            )["criterion_id"]
        )
        st.markdown(tr("nom.margin_tiebreak", criteria=names))
    mean = report.mean_margin
    if mean.totals_to_move is None:
        st.markdown(tr("analysis.margin.impossible"))
    elif mean.totals_to_move > 0:
        st.markdown(
            tr(
                "analysis.margin.swap",
                k=mean.totals_to_move,
                points=f"{mean.points_to_move:.2f}",
            )
        )
        if results.method != "mean":
            st.caption(tr("nom.margin_mean_note", points=f"{mean.points:.2f}"))
        st.table(moves_table(mean.moves, comp, lang), hide_index=True)


def _criterion(comp, criterion_id: str, lang: str) -> str:
    from kbo_dashboard.ui.charts import criterion_name

    return criterion_name(comp.criteria, criterion_id, lang)


@refresh.live
def body() -> None:
    snap = refresh.live_snapshot()
    lang = state.lang()
    comp = frame.page_start(snap, need_products=True)
    show_final(lang)
    method = pickers.method_picker(snap)
    results = state.results(snap, method)
    show_nominee(comp, results, lang)
    show_robustness(snap, comp, results, lang)
    refresh.status_line(snap)


def chair_controls() -> None:
    """Behind the chair password: confirm the nominee, or pick another with a reason."""
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
            with st.form("chair_login", border=False):
                password = st.text_input(
                    tr("nom.chair_password"), type="password", key="chair_password"
                )
                if st.form_submit_button(tr("nom.chair_unlock"), key="chair_unlock"):
                    gate = chair.password_gate()
                    if gate.wait_s() > 0:
                        st.error(tr("nom.chair_wait", n=round(gate.wait_s())))
                    elif verify_password(password or "", stored):
                        gate.succeeded()
                        st.session_state[CHAIR_OK] = True
                        st.session_state.pop("chair_password", None)
                        st.rerun()
                    else:
                        gate.failed()
                        st.error(tr("nom.chair_wrong"), icon=":material/block:")
            return
        decide()


def decide() -> None:
    lang = state.lang()
    store = chair.decision_store()
    pending = pending_for()
    waiting = pending.all()
    failure = st.session_state.pop(PENDING_ERROR, None)
    if failure:
        st.error(tr("nom.chair_failed", reason=failure), icon=":material/cloud_off:")
    if waiting:
        for d in waiting:
            st.warning(tr("nom.chair_pending", product=d.product_id, name=d.product_name))
        if st.button(tr("nom.chair_retry"), key="chair_retry", icon=":material/replay:"):
            try:
                retry_pending(store, pending)
            except decision.DecisionWriteError as error:
                st.error(tr("nom.chair_failed", reason=error.message(lang)))
            else:
                chair.decision_history(reload=True)
                st.rerun()
        return

    snap = state.snapshot()
    comp = snap.competition
    if comp is None or comp.products.empty:
        return
    results = state.results(snap, pickers.current_method(snap))
    options = ["confirm", "other"] if results.nominee else ["other"]
    if results.nominee:
        st.markdown(
            tr(
                "nom.chair_confirm",
                product=results.nominee,
                name=product_text(comp, results.nominee).split(" ", 1)[-1],
            )
        )
    else:
        st.info(tr("nom.chair_no_product"))
    with st.form("chair_decision", border=False):
        choice = st.radio(
            tr("nom.chair_choice"),
            options,
            format_func=lambda o, lang=lang: t(
                "nom.chair_confirm" if o == "confirm" else "nom.chair_other",
                lang,
                product=results.nominee,
                name=product_text(comp, results.nominee).split(" ", 1)[-1],
            ),
            key="chair_choice",
        )
        products = list(comp.products["product_id"])
        other = st.selectbox(
            tr("nom.chair_product"),
            products,
            format_func=lambda p: product_text(comp, p),
            key="chair_product",
        )
        reason = st.text_area(tr("nom.chair_reason"), key="chair_reason")
        submitted = st.form_submit_button(
            tr("nom.chair_record"), key="chair_record", type="primary"
        )
    if submitted:
        product = results.nominee if choice == "confirm" else other
        if choice == "other" and product != results.nominee and not (reason or "").strip():
            st.error(tr("nom.chair_reason_required"), icon=":material/edit_note:")
            return
        try:
            chosen = decision.make_decision(comp, results, product, reason or "")
        except decision.DecisionRefused as refused:
            st.error(refused.message_th if lang == "th" else refused.message_en)
            return
        try:
            record(store, chosen, pending)
        except decision.DecisionWriteError as error:
            st.session_state[PENDING_ERROR] = error.message(lang)
            st.rerun()
        chair.decision_history(reload=True)
        st.toast(tr("nom.chair_recorded"), icon=":material/gavel:")
        st.rerun()
    if st.button(tr("nom.chair_lock"), key="chair_lock", icon=":material/lock:"):
        st.session_state.pop(CHAIR_OK, None)
        st.rerun()


st.title(tr("page.nomination"))
body()
chair_controls()
