"""Display tables for the Overview, Rankings, Nomination and Projector pages.

Pure pandas: each function turns what :mod:`kbo_dashboard.scoring.scoring`,
:mod:`kbo_dashboard.analysis.nomination` and :mod:`kbo_dashboard.meeting.live` computed into the
rows a page shows, with headers from the message catalogue in the viewer's language. Scores are
rounded to two decimals for display only.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

import pandas as pd

from kbo_dashboard.i18n import t
from kbo_dashboard.intake.parse import Competition
from kbo_dashboard.meeting.live import FeedItem
from kbo_dashboard.reports.export import rankings_table
from kbo_dashboard.scoring.counts import format_score, format_scores
from kbo_dashboard.scoring.scoring import Results
from kbo_dashboard.ui.charts import criterion_name
from kbo_dashboard.ui.text import md_params


def _h(name: str, lang: str) -> str:
    return t(f"tbl.{name}", lang)


def product_text(comp: Competition, product_id: str | None) -> str:
    """``P-15 ผ้าไหม...``: the id and the name, or "-"."""
    if not product_id:
        return "-"
    products = comp.products  # a dict, not set_index: pages call this dozens of times a run
    name = dict(zip(products["product_id"], products["product_name"])).get(product_id, "")
    return f"{product_id} {name}".strip()


def standings_table(
    comp: Competition,
    results: Results,
    lang: str,
    category: str | None = None,
    top: int | None = None,
    means: bool = True,
    compact: bool = False,
) -> pd.DataFrame:
    """Ranked products best first, then the not-yet-ranked ones.

    With ``category`` the rank is the rank within that category. ``top`` keeps only ranked
    products, the first ``top`` of them. ``compact`` keeps rank, product, category and score.
    """
    frame = rankings_table(comp, results, lang)
    rank_column = "rank_label"
    if category is not None:
        frame = frame[frame["category"] == category]
        rank_column = "category_rank_label"
        standings = results.standings.set_index("product_id")["category_rank"]
        frame = frame.assign(_r=frame["product_id"].map(standings))
        frame = frame.sort_values(["_r", "product_id"], kind="stable", na_position="last")
    if top is not None:
        ranked = set(results.ranked["product_id"])
        frame = frame[frame["product_id"].isin(ranked)].head(top)
    out = pd.DataFrame(
        {
            _h("rank", lang): frame[rank_column].astype(str),
            _h("product_id", lang): frame["product_id"],
            _h("product", lang): frame["product_name"],
        }
    )
    if not compact:
        out[_h("group", lang)] = frame["producer_group"]
        out[_h("district", lang)] = frame["district"]
    if category is None:
        out[_h("category", lang)] = frame["category_name"]
    out[_h("score", lang)] = format_scores(frame["score"])  # one rounding, vectorised
    if not compact:
        out[_h("judges", lang)] = frame["n_judges"].astype(int)
    if means and not compact:
        for criterion_id in comp.criterion_ids:
            values = frame[f"mean_{criterion_id}"]
            out[criterion_name(comp.criteria, criterion_id, lang)] = format_scores(values)
    return out.reset_index(drop=True)


def not_ranked(results: Results, category: str | None = None) -> list[str]:
    """Product ids below quorum (or with no score), in product order."""
    frame = results.standings
    if category is not None:
        frame = frame[frame["category"] == category]
    return sorted(frame.loc[~frame["ranked"], "product_id"])


def leaders_table(comp: Competition, results: Results, lang: str) -> pd.DataFrame:
    """Each category with its leader(s) (shared first place: several rows) and score."""
    standings = results.standings.set_index("product_id")
    rows = []
    order = list(dict.fromkeys(comp.products["category"]))
    leaders = results.category_leaders()
    for category in order:
        for product_id in sorted(leaders.get(category, [])):
            score = standings.at[product_id, "score"]
            rows.append(
                (
                    t(f"cat.{category}", lang),
                    product_text(comp, product_id),
                    format_score(score),
                    int(standings.at[product_id, "n_judges"]),
                )
            )
    columns = [_h("category", lang), _h("product", lang), _h("score", lang), _h("judges", lang)]
    return pd.DataFrame(rows, columns=columns)


def feed_lines(
    entries: list[tuple[datetime, FeedItem]], lang: str, tz: tzinfo | None = None
) -> list[str]:
    """The change feed as "HH:MM:SS · text" lines, newest first."""
    return [
        f"{when.astimezone(tz).strftime('%H:%M:%S')} · "
        + t(item.key, lang, **md_params(item.params))  # for st.markdown: workbook text escaped
        for when, item in entries
    ]
