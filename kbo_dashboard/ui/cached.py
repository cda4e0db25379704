"""Page computations heavier than a lookup, built once per data version and shared by viewers.

Each function takes the :class:`~kbo_dashboard.meeting.snapshot.Snapshot` and keys its cache on
``snap.version`` (the digest of the fetched values: new only when the data changes), so a rerun
for a viewer or a toggle only lays out what is already computed. The standings and the
robustness report are cached the same way in :mod:`kbo_dashboard.ui.state`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from kbo_dashboard.analysis.readiness import Readiness
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.meeting.snapshot import Snapshot
from kbo_dashboard.scoring.progress import Progress, judge_progress
from kbo_dashboard.scoring.scoring import Results
from kbo_dashboard.ui import caches


def _competition(snap: Snapshot) -> Competition:
    """The snapshot's competition: pages get here only after ``frame.page_start``."""
    assert snap.competition is not None, "a page with no data stops before its computations"
    return snap.competition


@st.cache_data(show_spinner=False, max_entries=8)
def _progress(_comp: Competition, version: str) -> Progress:
    return judge_progress(_comp)


def progress(snap: Snapshot) -> Progress:
    """Each judge's progress (Overview, Judges, Projector)."""
    return _progress(_competition(snap), snap.version)


@st.cache_data(show_spinner=False, max_entries=16)
def _readiness(_snap: Snapshot, _results: Results, version: str, method: str) -> Readiness:
    from kbo_dashboard.analysis.readiness import readiness as checklist
    from kbo_dashboard.ui.state import robustness

    report = robustness(_snap, method) if _results.nominee else None
    return checklist(_competition(_snap), _results, report, _progress(_competition(_snap), version))


def readiness(snap: Snapshot, results: Results) -> Readiness:
    """The readiness checklist (Nomination page, the chair's form) for the data version and
    the method in use: built once per version and method, not once per viewer and rerun."""
    return _readiness(snap, results, snap.version, results.method)


@dataclass(frozen=True)
class JudgeAnalysis:
    """The Judge analysis page's tables (the totals are the same under every method)."""

    agreement: pd.DataFrame
    profiles: pd.DataFrame
    outliers: pd.DataFrame


@st.cache_data(show_spinner=False, max_entries=8)
def _judge_analysis(_comp: Competition, _totals: pd.DataFrame, version: str) -> JudgeAnalysis:
    from kbo_dashboard.analysis.agreement import agreement_table
    from kbo_dashboard.analysis.judges import judge_profiles, outlier_scores

    return JudgeAnalysis(
        agreement_table(_totals, _comp.products, _comp.judges["judge_id"]),
        judge_profiles(_totals),
        outlier_scores(_totals),
    )


def judge_analysis(snap: Snapshot, results: Results) -> JudgeAnalysis:
    return _judge_analysis(_competition(snap), results.totals, snap.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _heatmap_matrix(
    _totals: pd.DataFrame, version: str, relative: bool, order: tuple
) -> pd.DataFrame:
    from kbo_dashboard.analysis.judges import judge_matrix

    return judge_matrix(_totals, relative=relative, product_order=list(order))


def heatmap_matrix(snap: Snapshot, results: Results, relative: bool, order: list) -> pd.DataFrame:
    """The judges x products matrix of totals (or totals relative to the panel)."""
    return _heatmap_matrix(results.totals, snap.version, relative, tuple(order))


@st.cache_data(show_spinner=False, max_entries=8)
def _issues(_comp: Competition, version: str) -> pd.DataFrame:
    from kbo_dashboard.intake.issues import issues_frame

    return issues_frame(_comp.issues)


def issues(snap: Snapshot) -> pd.DataFrame:
    """Every data issue as a table, errors first (Data issues page, issues CSV)."""
    return _issues(_competition(snap), snap.version)


@st.cache_data(show_spinner=False, max_entries=16)
def _export_table(_comp: Competition, _results: Results, version: str, kind: str, lang: str):
    from kbo_dashboard.reports.export import rankings_table, scores_long

    if kind == "rankings":
        return rankings_table(_comp, _results, lang)
    return scores_long(_comp, _results)


def export_table(snap: Snapshot, results: Results, kind: str, lang: str) -> pd.DataFrame:
    """The rankings (per method and language) or every score, as the CSV downloads hold them."""
    key_lang = lang if kind == "rankings" else ""
    return _export_table(
        _competition(snap), results, f"{snap.version}/{results.method}", kind, key_lang
    )


def figure(snap: Snapshot, name: str, key: tuple, build: Callable[[], Any]) -> Any:
    """A chart built once per data version, ``name`` and ``key`` (language, method, choices...).

    Shared, not copied: ``st.plotly_chart`` only reads a figure, and pages never change one.
    """
    return caches.figure(snap.version, name, key, build)
