"""The judges' side on the pages: direct links, one judge's own view, to-do messages, cards.

* The Judges table carries each judge's link to their own tab (Google Sheets only).
* ``/judges?judge=J05`` opens a narrow, phone-friendly view of that judge's own progress.
* Each unfinished judge's to-do is an ``st.code`` block: its copy button puts the message on
  the clipboard, ready for LINE.
* Downloads: the judge cards PDF and every to-do message in one text file.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring.progress import fixes_apart, judge_progress
from kbo_dashboard.scoring.todo import JudgeTodo, judge_todos, todo_text
from kbo_dashboard.ui.page_tables import changes_display, col, download_name
from kbo_dashboard.ui.state import lang, tr

JUDGE_PARAM = "judge"


def with_links(table: pd.DataFrame, per_judge: pd.DataFrame, language: str) -> pd.DataFrame:
    """The Judges table with a link column when the source gives links (else unchanged)."""
    links = list(per_judge["judge_id"].map(_links_of(per_judge)))
    if not any(links):
        return table
    return table.assign(**{col("link", language): [link or None for link in links]})


def _links_of(per_judge: pd.DataFrame) -> dict[str, str]:
    if "link" not in per_judge:
        return {}
    return dict(zip(per_judge["judge_id"], per_judge["link"].fillna("")))


def link_column(language: str) -> dict:
    """Column config: the link shows as "open tab"."""
    name = col("link", language)
    return {name: st.column_config.LinkColumn(name, display_text=tr("judge_view.open_tab"))}


def wanted_judge() -> str | None:
    """The judge ID of a ``?judge=J05`` deep link, or None."""
    value = st.query_params.get(JUDGE_PARAM)
    return str(value).strip() or None if value else None


def judge_view(comp: Competition, judge_id: str) -> None:
    """One judge's own progress, narrow enough for a phone."""
    st.set_page_config(layout="centered", initial_sidebar_state="collapsed")
    progress = judge_progress(comp).per_judge
    frame = fixes_apart(comp, progress.merge(comp.judges[["judge_id", "link"]], how="left"))
    found = frame[frame["judge_id"].astype(str).str.casefold() == judge_id.casefold()]
    if found.empty:
        st.warning(tr("judge_view.unknown", judge=judge_id), icon=":material/person_off:")
        return
    judge = next(found.itertuples())
    st.header(f"{judge.judge_id} {judge.judge_name}")
    share = judge.done / judge.expected if judge.expected else 0.0
    st.progress(share, text=tr("judge_view.done", done=judge.done, expected=judge.expected))
    if judge.link:
        st.link_button(tr("judge_view.open_tab"), judge.link, icon=":material/edit_note:")
    if judge.finished:
        st.success(tr("judge_view.finished"), icon=":material/task_alt:")
    for issue in judge.to_fix:
        st.error(fix_line(issue), icon=":material/edit:")
    if judge.partly_scored:
        st.warning(tr("judge_view.partly", products=", ".join(judge.partly_scored)))
    if judge.not_scored:
        st.info(tr("judge_view.not_scored", products=", ".join(judge.not_scored)))


def fix_line(issue) -> str:
    """``แก้ช่อง J08!C6 ของ P-05: …`` for one rejected cell."""
    reason = issue.message_th if lang() == "th" else issue.message_en
    return tr("judge_view.fix", cell=issue.where, product=issue.product_id, reason=reason)


def todo_messages(comp: Competition, language: str) -> list[JudgeTodo]:
    """Each unfinished judge's message as a copyable block (st.code has a copy button)."""
    todos = judge_todos(comp)
    st.subheader(tr("todo.heading"))
    if not todos:
        st.success(tr("judges_page.all_done"), icon=":material/task_alt:")
    else:
        st.caption(tr("todo.note"))
    for todo in todos:
        st.code(todo.message(language), language=None, wrap_lines=True)
    return todos


def downloads(comp: Competition, language: str, today: datetime, demo: bool = False) -> None:
    """The judge cards PDF and all to-do messages (Thai, then English) in one text file."""
    st.header(tr("todo.downloads"))
    title = str(comp.settings.get("title") or "")
    st.download_button(
        tr("cards.download"),
        data=lambda: _judge_cards(comp, language, title, demo),
        file_name=download_name("judge-cards", today, "pdf"),
        mime="application/pdf",
        icon=":material/qr_code_2:",
        on_click="ignore",
        key="download_judge_cards",
    )
    st.caption(tr("cards.note"))
    todos = judge_todos(comp)
    text = todo_text(todos, "th") + "\n" + todo_text(todos, "en")
    st.download_button(
        tr("todo.download"),
        data=text.encode("utf-8-sig"),  # Notepad on Windows reads the Thai right
        file_name=download_name("judge-todo", today, "txt"),
        mime="text/plain",
        icon=":material/checklist:",
        on_click="ignore",
        key="download_judge_todo",
    )


def form_history(comp: Competition | None, language: str) -> None:
    """On the Changes page: Google Form submissions that a later one replaced."""
    history = getattr(comp, "form_history", None)
    if history is None or history.empty:
        return
    st.subheader(tr("changes.form_heading"))
    st.caption(tr("changes.form_note"))
    table = changes_display(history.sort_values("at", kind="stable"), comp, language)
    table[col("form_row", language)] = list(history.sort_values("at", kind="stable")["where"])[::-1]
    st.dataframe(table, hide_index=True, width="stretch", key="form_history_table")


def _judge_cards(comp: Competition, language: str, title: str, demo: bool = False) -> bytes:
    from kbo_dashboard.reports.judge_cards import build_judge_cards  # fpdf2: on click only

    return build_judge_cards(comp, language, title, demo=demo)
