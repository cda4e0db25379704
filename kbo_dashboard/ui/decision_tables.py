"""The Nomination page's decision tables: the app's decisions, and rows it did not record.

Every cell a person typed (product, reason) is shown literally (:func:`ui.text.md`); times are
on the competition's clock with a Buddhist Era date.
"""

from __future__ import annotations

from collections.abc import Iterable

from kbo_dashboard.meeting.decision import Decision
from kbo_dashboard.scoring.counts import format_score
from kbo_dashboard.ui import pickers, state
from kbo_dashboard.ui.page_tables import local_be_time
from kbo_dashboard.ui.state import tr
from kbo_dashboard.ui.text import md


def unsigned_rows(unsigned: Iterable[Decision], lang: str) -> list[dict[str, str]]:
    """Rows not recorded by the app, newest first, each with why it is not final."""
    settings = state.competition_settings()
    return [
        {
            tr("tbl.time"): local_be_time(d.decided_at, lang, settings),
            tr("tbl.product"): md(f"{d.product_id} {d.product_name}"),
            tr("tbl.reason"): md(d.reason or "-"),
            tr("dtab.why_not_final"): tr(f"decision.verdict.{d.verdict}"),
        }
        for d in reversed(list(unsigned))
    ]


def history_rows(history: Iterable[Decision], lang: str) -> list[dict[str, str]]:
    """The app's decisions, newest first: time, product, method, score, reason."""
    settings = state.competition_settings()
    return [
        {
            tr("tbl.time"): local_be_time(d.decided_at, lang, settings),
            tr("tbl.product"): md(f"{d.product_id} {d.product_name}"),
            tr("tbl.method"): pickers.method_name(d.method),
            tr("tbl.score"): format_score(d.score),
            tr("tbl.reason"): md(d.reason or "-"),
        }
        for d in reversed(list(history))
    ]
