"""Display text and tables for the Nomination page's robustness section.

Pure pandas: turns :func:`kbo_dashboard.analysis.nomination.robustness_report` into rows and
sentences in the viewer's language. An outcome (the first-placed products) reads as the sole
winner, "shared first place: A, B", or "no product ranked yet".
"""

from __future__ import annotations

import pandas as pd

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring.aggregation import method_name
from kbo_dashboard.scoring.counts import format_score
from kbo_dashboard.ui.standings_tables import product_text


def outcome_text(comp: Competition, outcome: tuple[str, ...], lang: str) -> str:
    """The sole winner, the shared first place, or "none ranked yet"."""
    if len(outcome) == 1:
        return product_text(comp, outcome[0])
    if not outcome:
        return t("rob.outcome_none", lang)
    names = ", ".join(product_text(comp, p) for p in outcome)
    return t("rob.outcome_tie", lang, products=names)


def methods_table(comp: Competition, comparison, lang: str, top_n: int = 3) -> pd.DataFrame:
    """One row per method, then the top n. First place is one column (issue 19: not both
    "ที่ 1" and "อันดับที่ 1"): the winner with its score, or the shared first place."""
    rows = []
    for method, outcome in comparison.outcomes.items():
        part = comparison.top[comparison.top["method"] == method]
        row = {t("tbl.method", lang): method_name(method, lang)}
        for position in range(1, top_n + 1):
            hit = part[part["position"] == position]
            cell = "-"
            if position == 1 and len(outcome) > 1:
                cell = outcome_text(comp, outcome, lang)
            elif not hit.empty:
                pid, score = hit["product_id"].iloc[0], hit["score"].iloc[0]
                cell = f"{product_text(comp, pid)} ({format_score(score)})"
            row[t("tbl.position", lang, n=position)] = cell
        rows.append(row)
    return pd.DataFrame(rows)


def _points(value: float) -> str:
    return format_score(value)


def moves_table(moves: pd.DataFrame, comp: Competition, lang: str) -> pd.DataFrame:
    """The judge totals that would move (``Margin.moves``): which way and by how much."""
    change = (moves["new_total"] - moves["old_total"]).abs()
    return pd.DataFrame(
        {
            t("tbl.judge", lang): moves["judge_id"],
            t("tbl.product", lang): [product_text(comp, p) for p in moves["product_id"]],
            t("rob.col_direction", lang): [t(f"rob.dir.{d}", lang) for d in moves["direction"]],
            t("tbl.old_total", lang): moves["old_total"].map(_points),
            t("tbl.new_total", lang): moves["new_total"].map(_points),
            t("rob.col_change", lang): [
                t("rob.amount_unknown", lang) if pd.isna(c) else format_score(c) for c in change
            ],
        }
    )


def moves_sentence(margin, lang: str) -> str:
    """What it takes for second to draw level with first, naming the method; plain when unknown."""
    method = method_name(margin.method, lang)
    if margin.runner_up is None:
        return t("analysis.margin.impossible", lang)
    if margin.totals_to_move is None:
        return t("rob.moves_unknown", lang, method=method)
    if margin.totals_to_move == 0:
        return t("rob.moves_level", lang, method=method)
    if margin.points_to_move is None:
        return t("rob.moves_count_only", lang, method=method, k=margin.totals_to_move)
    return t(
        "analysis.margin.swap",
        lang,
        method=method,
        k=margin.totals_to_move,
        points=format_score(margin.points_to_move),
    )
