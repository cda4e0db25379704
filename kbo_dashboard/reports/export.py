"""CSV downloads that open cleanly in Excel on Windows and cannot smuggle in a formula.

- UTF-8 with a byte-order mark, so Excel recognises Thai text.
- Any text cell starting with ``= + - @``, tab, CR or LF is prefixed with ``'`` (OWASP's CSV
  injection advice). Real numbers are left as numbers, so a score of -1 stays numeric.
- :func:`office_table` gives a table the headers of the viewer's language (Thai in the Thai UI)
  and writes yes/no as ใช่/ไม่ใช่ (yes/no in English), never True/False.
"""

from __future__ import annotations

import pandas as pd

from kbo_dashboard.i18n import MESSAGES, pick, t
from kbo_dashboard.intake.issues import cell_label
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.scoring.counts import round_scores
from kbo_dashboard.scoring.scoring import Results

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
BOM = "\ufeff"


def escape_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as Excel-friendly, injection-safe CSV bytes."""
    safe = frame.copy()
    safe.columns = [escape_cell(str(c)) for c in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(escape_cell)
    return (BOM + safe.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


#: Table columns whose header is another column's message.
HEADER_ALIASES = {"rank_label": "col.rank", "category_rank_label": "col.category_rank"}
HEADER_ALIASES |= {"category_name": "col.category", "category": "csv.category_code"}


def header(column: str, lang: str, criteria: dict[str, str] | None = None) -> str:
    """The header of ``column`` in ``lang``: ``col.<name>``, ``csv.<name>`` or a criterion mean."""
    if column.startswith("mean_") and criteria and column[5:] in criteria:
        return t("csv.mean_of", lang, criterion=criteria[column[5:]])
    for key in (HEADER_ALIASES.get(column, ""), f"col.{column}", f"csv.{column}"):
        if key in MESSAGES:
            return t(key, lang)
    return column


def office_table(frame: pd.DataFrame, lang: str, comp: Competition | None = None) -> pd.DataFrame:
    """``frame`` with headers in ``lang``, yes/no words for True/False and severity words."""
    criteria = {}
    if comp is not None:
        name = pick("name_th", "name_en", lang)
        criteria = {
            r["criterion_id"]: r.get(name) or r["name_th"] for _, r in comp.criteria.iterrows()
        }
    yes, no = t("report.yes", lang), t("report.no", lang)
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = out[column].map({True: yes, False: no})
    if "severity" in out.columns:  # the issues table: "ข้อผิดพลาด", not "error"
        out["severity"] = [t(f"severity.{s}", lang) for s in out["severity"]]
        if "cell" in out.columns:  # a whole row reads "แถว 10", not "10:10"
            out["cell"] = [cell_label(c, lang) for c in out["cell"]]
    out.columns = [header(str(c), lang, criteria) for c in out.columns]
    return out


def rankings_table(comp: Competition, results: Results, lang: str = "th") -> pd.DataFrame:
    """Every product with its score, judges counted and ranks, best first."""
    not_ranked = t("rank.not_ranked", lang)
    from kbo_dashboard.scoring.ranking import group_labels, rank_labels

    frame = results.standings.copy()
    frame["rank_label"] = rank_labels(frame["rank"], not_ranked)
    frame["category_rank_label"] = group_labels(
        frame["category_rank"], frame["category"], not_ranked
    )
    frame["category_name"] = frame["category"].map(lambda c: t(f"cat.{c}", lang))
    frame["method"] = results.method
    means = [f"mean_{c}" for c in comp.criterion_ids]
    columns = [
        "rank_label",
        "product_id",
        "product_name",
        "producer_group",
        "district",
        "category",
        "category_name",
        "category_rank_label",
        "score",
        "n_judges",
        *means,
        "method",
    ]
    frame = frame.sort_values(
        ["ranked", "rank", "product_id"],
        ascending=[False, True, True],
        kind="stable",
        na_position="last",
    )
    frame["score"] = round_scores(frame["score"])
    for column in means:
        frame[column] = round_scores(frame[column])
    return frame[columns].reset_index(drop=True)


def scores_long(comp: Competition, results: Results) -> pd.DataFrame:
    """Every valid score: judge, product, criterion, score, where it is, and whether it counts."""
    frame = comp.scores.merge(
        results.totals[["judge_id", "product_id", "eligible"]],
        on=["judge_id", "product_id"],
        how="left",
    )
    frame["counted"] = frame["eligible"].fillna(False).astype(bool)
    return frame[["judge_id", "product_id", "criterion_id", "score", "tab", "cell", "counted"]]
