"""Display tables for the Judges, Data issues, Judge analysis, Changes and Downloads pages.

Pure pandas: each function turns a table the package computed into the rows and headers a page
shows, in the viewer's language (column headers from the message catalogue). Also the
Buddhist Era date stamps used in download file names and on the Changes page.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from kbo_dashboard.i18n import MESSAGES, t
from kbo_dashboard.intake import clock
from kbo_dashboard.intake.issues import place
from kbo_dashboard.scoring.counts import format_score, format_signed, round_scores


def label(prefix: str, code: object, lang: str) -> str:
    """``prefix.code`` from the catalogue, or the code itself when the catalogue lacks it."""
    key = f"{prefix}.{code}"
    return t(key, lang) if key in MESSAGES else str(code)


def scope_label(scope: str, lang: str) -> str:
    """ "overall" or a category code, as the committee says it."""
    if scope == "overall":
        return t("judge_chart.overall", lang)
    return label("cat", scope, lang)


def col(name: str, lang: str) -> str:
    """A column header (catalogue key ``pages.col.<name>``)."""
    return t(f"pages.col.{name}", lang)


def be_stamp(day: date | datetime, settings: dict | None = None) -> str:
    """``2565-05-23``: the competition's date (Buddhist Era year), for file names."""
    return clock.file_stamp(day, settings)


def download_name(
    kind: str,
    day: date | datetime,
    ext: str,
    method: str | None = None,
    settings: dict | None = None,
) -> str:
    """``kbo-rankings-mean-2565-05-23.csv``; the method is named when the data depends on it.
    A moment is put on the competition's clock (``settings``' time zone) first."""
    parts = ["kbo", kind, *([method] if method else []), be_stamp(day, settings)]
    return "-".join(parts) + f".{ext}"


def local_be_time(moment: datetime | pd.Timestamp, lang: str, settings: dict | None = None) -> str:
    """``23 พฤษภาคม 2565 14:03:21``: a UTC moment on the competition's clock, BE date."""
    if isinstance(moment, pd.Timestamp):
        moment = moment.to_pydatetime()
    return f"{clock.format_date(moment, settings, lang)} {clock.clock_time(moment, settings)}"


def _names(frame: pd.DataFrame, key: str, value: str) -> dict[str, str]:
    return dict(zip(frame[key].astype(str), frame[value].astype(str)))


def judges_progress_table(
    per_judge: pd.DataFrame, products: pd.DataFrame, lang: str, todos: dict | None = None
) -> pd.DataFrame:
    """One row per judge: progress (0..1), done/expected, sector, then their to-do
    (:mod:`kbo_dashboard.scoring.todo`, by judge ID): the products still to score and what
    to fix. Without ``todos`` the products left are ``per_judge["remaining"]``."""
    names = _names(products, "product_id", "product_name")
    ids = per_judge["judge_id"].astype(str)
    if todos is None:
        remaining = per_judge["remaining"].map(list)
    else:
        remaining = [list(todos[j].to_score) if j in todos else [] for j in ids]
    pairs = list(zip(per_judge["done"], per_judge["expected"]))
    share = [d / e if e else 0.0 for d, e in pairs]
    table = pd.DataFrame(
        {
            col("judge_id", lang): ids,
            col("judge_name", lang): per_judge["judge_name"].astype(str),
            col("sector", lang): [label("sector", s, lang) for s in per_judge["sector"]],
            col("progress", lang): share,
            col("done", lang): [
                f"{d}/{e}" for d, e in zip(per_judge["done"], per_judge["expected"])
            ],
            col("remaining", lang): [
                ", ".join(f"{p} {names.get(p, '')}".strip() for p in items) for items in remaining
            ],
        }
    )
    if todos is not None:  # a rejected cell or a conflict scored: to fix, not "to score"
        fixes = [" · ".join(todos[j].fix_items(lang)) if j in todos else "" for j in ids]
        table[col("to_fix", lang)] = fixes
    return table


def remaining_products(remaining: list[str], products: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What one judge still has to score: product ID, name and category."""
    info = products.set_index("product_id")
    rows = [
        {
            col("product_id", lang): p,
            col("product_name", lang): info.at[p, "product_name"] if p in info.index else "",
            col("category", lang): (
                label("cat", info.at[p, "category"], lang) if p in info.index else ""
            ),
        }
        for p in remaining
    ]
    columns = [col(c, lang) for c in ("product_id", "product_name", "category")]
    return pd.DataFrame(rows, columns=columns)


def issues_table(frame: pd.DataFrame, lang: str, other_language: bool = False) -> pd.DataFrame:
    """Issues from :func:`kbo_dashboard.intake.issues.issues_frame`: where ``Tab!A1``, in ``lang``.

    With ``other_language`` the message and action in the other language are added.
    """
    other = "en" if lang == "th" else "th"
    where = [place(tab, cell, lang) for tab, cell in zip(frame["tab"], frame["cell"])]
    table = pd.DataFrame(
        {
            col("severity", lang): [label("severity", s, lang) for s in frame["severity"]],
            col("where", lang): where,
            col("judge_id", lang): frame["judge_id"].astype(str),
            col("product_id", lang): frame["product_id"].astype(str),
            col("message", lang): frame[f"message_{lang}"].astype(str),
            col("action", lang): frame[f"action_{lang}"].astype(str),
        }
    )
    if other_language:
        table[col(f"message_{other}", lang)] = frame[f"message_{other}"].astype(str).to_numpy()
        table[col(f"action_{other}", lang)] = frame[f"action_{other}"].astype(str).to_numpy()
    return table


def _round(values: pd.Series, digits: int = 2) -> pd.Series:
    return round_scores(pd.to_numeric(values, errors="coerce").astype(float), digits)


def p_text(p: float) -> str:
    """A p-value as a reader expects it: ``< 0.001`` for tiny values, "-" when undefined."""
    if p is None or not np.isfinite(p):
        return "-"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def agreement_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """W, the ICCs with their 95% intervals and alpha per scope, with plain-language levels.

    A scope with one or two products shows no figure, only the caution in the note column.
    """
    from kbo_dashboard.reports.agreement_text import caution_text, interval_text

    few = table["few_products"].to_numpy(bool)

    def figure(name: str) -> pd.Series:
        return _round(table[name].where(~few), 3)

    def interval(name: str) -> list[str]:
        pairs = zip(table[f"{name}_low"], table[f"{name}_high"], few)
        return ["-" if f else interval_text(lo, hi, lang) for lo, hi, f in pairs]

    return pd.DataFrame(
        {
            col("scope", lang): [scope_label(s, lang) for s in table["scope"]],
            col("n_products", lang): table["n_products"].astype(int),
            col("n_judges_counted", lang): table["n_judges"].astype(int),
            col("n_judges_left_out", lang): table["n_judges_left_out"].astype(int),
            col("kendall_w", lang): figure("kendall_w"),
            col("p_value", lang): [
                p_text(p) if not f else "-" for p, f in zip(table["p_value"], few)
            ],
            col("icc_2k", lang): figure("icc_2k"),
            t("agr.col.icc_2k_ci", lang): interval("icc_2k"),
            col("icc_3k", lang): figure("icc_3k"),
            t("agr.col.icc_3k_ci", lang): interval("icc_3k"),
            t("agr.col.alpha", lang): figure("alpha"),
            t("agr.col.alpha_totals", lang): table["alpha_totals"].astype(int),
            col("w_level", lang): [label("pages.level.w", v, lang) for v in table["w_level"]],
            col("icc_level", lang): [label("pages.level.icc", v, lang) for v in table["icc_level"]],
            t("agr.col.note", lang): [caution_text(row, lang) for _, row in table.iterrows()],
        }
    )


def profiles_display(profiles: pd.DataFrame, judges: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Judge profiles (``analysis.judges.judge_profiles``) with names and sectors."""
    names = _names(judges, "judge_id", "judge_name")
    sectors = _names(judges, "judge_id", "sector")
    ids = profiles["judge_id"].astype(str)
    return pd.DataFrame(
        {
            col("judge_id", lang): ids,
            col("judge_name", lang): ids.map(lambda j: names.get(j, "")),
            col("sector", lang): ids.map(lambda j: label("sector", sectors.get(j, ""), lang)),
            col("n_products", lang): profiles["n_products"].astype(int),
            col("mean_total", lang): _round(profiles["mean_total"], 1),
            col("leniency", lang): _round(profiles["leniency"], 2),
            col("spread", lang): _round(profiles["spread"], 2),
            col("pearson", lang): _round(profiles["pearson"], 2),
            col("spearman", lang): _round(profiles["spearman"], 2),
            col("n_outliers", lang): profiles["n_outliers"].astype(int),
        }
    )


def outliers_display(
    outliers: pd.DataFrame, judges: pd.DataFrame, products: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """Flagged totals (``analysis.judges.outlier_scores``) with a note for the chair."""
    judge_names = _names(judges, "judge_id", "judge_name")
    product_names = _names(products, "product_id", "product_name")
    notes = [
        t(
            "analysis.outlier.flag",
            lang,
            total=format_score(row.total, 1),
            median=format_score(row.panel_median, 1),
            difference=format_signed(row.difference, 1),
        )
        for row in outliers.itertuples()
    ]
    return pd.DataFrame(
        {
            col("judge_id", lang): outliers["judge_id"].astype(str),
            col("judge_name", lang): outliers["judge_id"].map(lambda j: judge_names.get(j, "")),
            col("product_id", lang): outliers["product_id"].astype(str),
            col("product_name", lang): outliers["product_id"].map(
                lambda p: product_names.get(p, "")
            ),
            col("total", lang): _round(outliers["total"], 1),
            col("panel_median", lang): _round(outliers["panel_median"], 1),
            col("difference", lang): _round(outliers["difference"], 1),
            col("robust_z", lang): _round(outliers["robust_z"].replace([np.inf, -np.inf], np.nan)),
            col("note", lang): notes,
        },
        columns=[
            col(c, lang)
            for c in (
                "judge_id",
                "judge_name",
                "product_id",
                "product_name",
                "total",
                "panel_median",
                "difference",
                "robust_z",
                "note",
            )
        ],
    )


def _value_text(value: object) -> str:
    """A stored cell value as people read it: 18 not 18.0, blank as "-"."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "-"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def changes_display(changes: pd.DataFrame, comp, lang: str) -> pd.DataFrame:
    """Audit changes (:meth:`AuditStore.changes`), newest first, local time with the BE date."""
    judge_names = _names(comp.judges, "judge_id", "judge_name") if comp else {}
    product_names = _names(comp.products, "product_id", "product_name") if comp else {}
    name_col = f"name_{lang}"
    criteria = _names(comp.criteria, "criterion_id", name_col) if comp else {}
    frame = changes.iloc[::-1]
    settings = comp.settings if comp else None
    return pd.DataFrame(
        {
            col("time", lang): [local_be_time(m, lang, settings) for m in frame["at"]],
            col("judge_id", lang): frame["judge_id"].astype(str).to_numpy(),
            col("judge_name", lang): [judge_names.get(j, "") for j in frame["judge_id"]],
            col("product_id", lang): frame["product_id"].astype(str).to_numpy(),
            col("product_name", lang): [product_names.get(p, "") for p in frame["product_id"]],
            col("criterion", lang): [criteria.get(c, c) for c in frame["criterion_id"]],
            col("old_value", lang): [_value_text(v) for v in frame["old_value"]],
            col("new_value", lang): [_value_text(v) for v in frame["new_value"]],
        }
    )
