"""Judges: each judge's progress and what each judge still has to score."""

import streamlit as st

from kbo_dashboard.scoring.counts import format_count, panel_counts
from kbo_dashboard.scoring.todo import every_judge_todo
from kbo_dashboard.ui import cached, fit, frame, judges_side, state
from kbo_dashboard.ui.page_tables import col, judges_progress_table, label, remaining_products
from kbo_dashboard.ui.reveal import hidden_notice, withheld
from kbo_dashboard.ui.state import tr
from kbo_dashboard.ui.text import trm

snap = state.snapshot()
st.title(tr("page.judges"))
comp = frame.page_start(snap)
lang = state.lang()
if judges_side.wanted_judge():  # /judges?judge=J05: that judge's own view, for a phone
    if withheld():  # their own entries and to-do only, as always; say the results are hidden
        hidden_notice()
    judges_side.judge_view(comp, judges_side.wanted_judge())
    st.stop()

progress = cached.progress(snap)
counts = panel_counts(comp, progress=progress)
per_judge = progress.per_judge.assign(link=list(comp.judges["link"]))
todos = {todo.judge_id: todo for todo in every_judge_todo(comp, progress)}  # one per judge
left = st.columns(3)
left[0].metric(
    tr("judges_page.finished"), f"{format_count(counts.finished)}/{format_count(counts.panel)}"
)
left[1].metric(
    tr("judges_page.scores"),
    f"{format_count(counts.scores)}/{format_count(counts.scores_expected)}",
)
left[2].metric(tr("judges_page.share"), f"{progress.share:.0%}")

filters = st.columns([3, 1], vertical_alignment="bottom")
sectors = sorted({str(s) for s in per_judge["sector"]})
chosen = filters[0].multiselect(
    tr("judges_page.filter_sector"),
    options=sectors,
    format_func=lambda s: label("sector", s, lang) if s else tr("judges_page.no_sector"),
    placeholder=tr("judges_page.all_sectors"),
    key="judges_sector",
)
unfinished_only = filters[1].toggle(tr("judges_page.todo_only"), key="judges_unfinished")

shown = per_judge
if chosen:
    shown = shown[shown["sector"].astype(str).isin(chosen)]
if unfinished_only:
    shown = shown[[not todos[j].clear for j in shown["judge_id"]]]

if shown.empty:
    st.info(tr("judges_page.none_match"), icon=":material/filter_alt_off:")
else:
    fit.wide_table(
        judges_side.with_links(
            judges_progress_table(shown, comp.products, lang, todos), shown, lang
        ),
        2,
        height=min(35 * (len(shown) + 1) + 3, 1000),  # every judge visible without scrolling
        column_config={
            col("progress", lang): st.column_config.ProgressColumn(
                col("progress", lang), min_value=0.0, max_value=1.0, format="percent"
            ),
            col("remaining", lang): st.column_config.TextColumn(width="large"),
            **judges_side.link_column(lang),
        },
        key="judges_table",
    )

st.subheader(tr("judges_page.still_to_score"))
waiting = [todos[j] for j in shown["judge_id"] if not todos[j].clear]
if not waiting:
    st.success(tr("judges_page.all_done"), icon=":material/task_alt:")
for todo in waiting:
    title = trm(
        "judges_page.judge_remaining",
        judge=todo.judge_id,
        name=todo.judge_name,
        n=len(todo.to_score),
        fix=todo.n_to_fix,
    )
    with st.expander(title, expanded=len(waiting) <= 3):
        judges_side.todo_lines(todo)
        if not todo.expected:
            st.caption(tr("judges_page.nothing_expected"))
        elif todo.to_score:
            st.dataframe(
                remaining_products(list(todo.to_score), comp.products, lang),
                hide_index=True,
                width="stretch",
            )

judges_side.todo_messages(comp, lang, [x for x in todos.values() if not x.clear])
