"""Agreement figures said with what they rest on: for the Judge analysis page and the Excel report.

Turns a row of :func:`kbo_dashboard.analysis.agreement.agreement_table` into sentences and cells
in the viewer's language: the 95% interval of an ICC, the judges and products W and the ICCs
rest on and who was left out and why, what alpha rests on, and the caution for a category with
one or two products (in place of a bare NaN or 1.00). :func:`agreement_frame` is the Excel
report's agreement sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kbo_dashboard.i18n import t
from kbo_dashboard.scoring.counts import round_half_up

if TYPE_CHECKING:
    from kbo_dashboard.intake.parse import Competition
    from kbo_dashboard.scoring.scoring import Results


def number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}" if value is not None and np.isfinite(value) else "-"


def interval_text(low: float, high: float, lang: str) -> str:
    """``95% CI 0.07 to 0.93`` (or "-" when it cannot be computed)."""
    if not (np.isfinite(low) and np.isfinite(high)):
        return "-"
    return t("agr.ci", lang, low=number(low), high=number(high))


def scope_name(scope: str, lang: str) -> str:
    return t("judge_chart.overall", lang) if scope == "overall" else t(f"cat.{scope}", lang)


def left_out_text(left_out, lang: str) -> str:
    """``J05 (declared a conflict), J26 (not scored yet, or a row not counted)``; "" for none."""
    return ", ".join(f"{j} ({t(f'agr.reason.{why}', lang)})" for j, why in left_out)


def rests_on_text(row: pd.Series, lang: str) -> str:
    """What W and the ICCs rest on, and who was left out and why."""
    text = t(
        "analysis_page.counted", lang, judges=int(row["n_judges"]), products=int(row["n_products"])
    )
    if row["left_out"]:
        text += " " + t(
            "analysis.agreement.left_out", lang, judges=left_out_text(row["left_out"], lang)
        )
    return text


def alpha_text(row: pd.Series, lang: str) -> str:
    """What alpha rests on: every eligible total."""
    return t(
        "agr.alpha_rests_on",
        lang,
        totals=int(row["alpha_totals"]),
        judges=int(row["alpha_judges"]),
        products=int(row["alpha_products"]),
    )


def caution_text(row: pd.Series, lang: str) -> str:
    """The plain caution for a scope with one or two products ("" otherwise)."""
    if not row["few_products"]:
        return ""
    return t(
        "agr.few_products", lang, scope=scope_name(row["scope"], lang), n=int(row["n_products"])
    )


def agreement_frame(comp: Competition, results: Results, lang: str = "th") -> pd.DataFrame:
    """One row per scope: the figures, their intervals and what each rests on."""
    from kbo_dashboard.analysis.agreement import agreement_table

    excluded = set(getattr(results, "excluded_judges", ()))
    panel = [j for j in comp.judges["judge_id"] if j not in excluded]
    table = agreement_table(results.totals, comp.products, panel)
    rows = []
    for _, row in table.iterrows():
        few = bool(row["few_products"])

        def figure(value, few=few):
            return None if few or not np.isfinite(value) else round_half_up(value, 3)

        def span(name, row=row, few=few):  # an empty cell when there is no interval
            text = interval_text(row[f"{name}_low"], row[f"{name}_high"], lang)
            return None if few or text == "-" else text

        rows.append(
            {
                t("pages.col.scope", lang): scope_name(row["scope"], lang),
                t("pages.col.kendall_w", lang): figure(row["kendall_w"]),
                t("pages.col.icc_2k", lang): figure(row["icc_2k"]),
                t("agr.col.icc_2k_ci", lang): span("icc_2k"),
                t("pages.col.icc_3k", lang): figure(row["icc_3k"]),
                t("agr.col.icc_3k_ci", lang): span("icc_3k"),
                t("agr.col.alpha", lang): figure(row["alpha"]),
                t("agr.col.w_icc_rest_on", lang): rests_on_text(row, lang),
                t("agr.col.alpha_rests_on", lang): alpha_text(row, lang),
                t("agr.col.note", lang): caution_text(row, lang),
            }
        )
    return pd.DataFrame(rows)
