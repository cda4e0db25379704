"""Plotly figures for the pages: pure builders, no Streamlit.

- :func:`criteria_bars`: one category's products as horizontal stacked bars, one segment per
  criterion (its mean, weighted onto the 100-point scale, so the segments add up to the mean
  total), with the product's score under the method in use as a marker.
- :func:`radar`: a product's criterion means against its category's average, in percent of each
  criterion's maximum (criteria with different maxima stay comparable).
- :func:`score_spread`: the eligible judges' totals for one product, as a box with every point.
- :func:`progress_chart`: each judge's rows scored and still to score.

Labels come from the message catalogue (Thai, or English when switched). Colours are the
Okabe-Ito palette, safe for the common kinds of colour blindness; the font is Sarabun with Thai
fallbacks. ``font_size`` lets projector mode scale everything up.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kbo_dashboard.i18n import t
from kbo_dashboard.scoring.counts import round_half_up, round_scores

FONT_FAMILY = "Sarabun, Noto Sans Thai, sans-serif"
#: Okabe & Ito (2008), ordered so neighbouring segments contrast; yellow last (low on white).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
REMAINING_COLOUR = "#BBBBBB"
MARKER_COLOUR = "#000000"


def criterion_name(criteria: pd.DataFrame, criterion_id: str, lang: str) -> str:
    """The criterion's name in ``lang``, else the other language, else its id."""
    row = criteria.loc[criteria["criterion_id"] == criterion_id]
    if row.empty:
        return criterion_id
    first, second = ("name_en", "name_th") if lang == "en" else ("name_th", "name_en")
    for column in (first, second):
        value = row.iloc[0].get(column)
        if isinstance(value, str) and value.strip():
            return value
    return criterion_id


def points_factor(criteria: pd.DataFrame) -> pd.Series:
    """Per criterion: 100-point-scale points per raw point (``weight / max / sum(weights)``)."""
    crit = criteria.set_index("criterion_id")
    weights = crit["weight"].astype(float)
    total = weights.sum()
    if not total:
        return pd.Series(0.0, index=crit.index)
    return 100 * weights / crit["max_score"].astype(float) / total


#: Characters per title line: a half-width chart at 1024 px holds about this many (issue 19).
TITLE_CHARS = 30
#: Characters per line of a radar's criterion label (it sits outside the circle, in the margin).
RADAR_LABEL_CHARS = 12


def wrap(text: str, width: int = TITLE_CHARS) -> str:
    """``text`` in lines of about ``width`` characters (Plotly's ``<br>``), broken only between
    words: Thai by PyThaiNLP's words, never inside one (issue 19)."""
    from kbo_dashboard.ui.thai_breaks import chart_label

    return chart_label(str(text), width) or str(text)


def _layout(fig: go.Figure, title: str, font_size: int, height: int) -> go.Figure:
    """Title at the top, the legend at the bottom (below the axis title): they never overlap."""
    title_lines = wrap(title).count("<br>") + 1
    title_size = round(font_size * 1.25)
    fig.update_layout(
        title={
            "text": wrap(title),
            "font": {"size": title_size},
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 8 + title_size},  # Plotly anchors a multi-line title by its first line
        },
        font={"family": FONT_FAMILY, "size": font_size, "color": "#222222"},
        template="plotly_white",
        colorway=PALETTE,
        height=height,
        margin={"l": 10, "r": 10, "t": 28 + round(title_size * 1.5 * title_lines), "b": 10},
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0,
            "x": 0,
            "traceorder": "normal",
        },
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    return fig


def criteria_bars(
    standings: pd.DataFrame,
    criteria: pd.DataFrame,
    category: str,
    lang: str = "th",
    labels: pd.Series | None = None,
    font_size: int = 14,
) -> go.Figure:
    """Stacked criterion bars for one category's products, best at the top.

    ``standings`` is :attr:`Results.standings`; ``labels`` (same index) are the rank labels
    to show before each name (e.g. "1=", "not yet ranked"). Products with no counted judge are
    left out. The marker is the product score under the method in use.
    """
    frame = standings[standings["category"] == category]
    frame = frame[frame["n_judges"] > 0]
    frame = frame.sort_values(
        ["ranked", "category_rank", "product_id"],
        ascending=[False, True, True],
        kind="stable",
        na_position="last",
    )
    if labels is None:
        labels = frame["category_rank"].map(lambda r: "-" if pd.isna(r) else str(r))
    names = [f"{labels.get(i, '')} · {n}" for i, n in zip(frame.index, frame["product_name"])]
    factor = points_factor(criteria)
    fig = go.Figure()
    for n, criterion_id in enumerate(criteria["criterion_id"]):
        column = f"mean_{criterion_id}"
        if column not in frame:
            continue
        raw = frame[column].astype(float)
        fig.add_bar(
            y=names,
            x=round_scores(raw * factor.get(criterion_id, 0.0)),
            orientation="h",
            name=criterion_name(criteria, criterion_id, lang),
            marker_color=PALETTE[n % len(PALETTE)],
            customdata=round_scores(raw),
            hovertemplate="%{y}<br>%{fullData.name}: %{customdata}<extra></extra>",
        )
    fig.add_scatter(
        y=names,
        x=round_scores(frame["score"].astype(float)),
        mode="markers",
        name=t("chart.score", lang),
        marker={"symbol": "diamond", "size": 12, "color": MARKER_COLOUR},
        hovertemplate="%{y}<br>%{fullData.name}: %{x}<extra></extra>",
    )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text=t("chart.points", lang), range=[0, 100])
    fig.update_yaxes(autorange="reversed", automargin=True)
    title = t("chart.criteria_title", lang, category=t(f"cat.{category}", lang))
    height = 140 + (font_size * 3 + 8) * max(len(frame), 1)
    return _layout(fig, title, font_size, height)


def category_average(standings: pd.DataFrame, category: str, criteria: pd.DataFrame) -> pd.Series:
    """Mean of the category's products' criterion means (products with data only)."""
    columns = [f"mean_{c}" for c in criteria["criterion_id"] if f"mean_{c}" in standings]
    frame = standings.loc[standings["category"] == category, columns]
    return frame.astype(float).mean(skipna=True)


def radar(
    standings: pd.DataFrame,
    criteria: pd.DataFrame,
    product_id: str,
    lang: str = "th",
    font_size: int = 14,
) -> go.Figure:
    """The product's criterion means vs its category's average, in % of each maximum."""
    row = standings.loc[standings["product_id"] == product_id].iloc[0]
    average = category_average(standings, row["category"], criteria)
    maxima = criteria.set_index("criterion_id")["max_score"].astype(float)
    ids = [c for c in criteria["criterion_id"] if f"mean_{c}" in standings]
    # Labels in lines of 12 characters: a 16-character line ("คุณภาพและมาตรฐาน") ran past the
    # chart's left edge in a half-width column (issue 19).
    theta = [wrap(criterion_name(criteria, c, lang), RADAR_LABEL_CHARS) for c in ids]
    mine = [round_half_up(100 * float(row[f"mean_{c}"]) / maxima[c], 1) for c in ids]
    avg = [round_half_up(100 * float(average[f"mean_{c}"]) / maxima[c], 1) for c in ids]
    fig = go.Figure()
    fig.add_scatterpolar(
        r=[*avg, avg[0]] if avg else [],
        theta=[*theta, theta[0]] if theta else [],
        name=t("chart.category_average", lang, category=t(f"cat.{row['category']}", lang)),
        line={"color": PALETTE[1], "dash": "dash", "width": 3},
        hovertemplate="%{theta}: %{r}%<extra></extra>",
    )
    fig.add_scatterpolar(
        r=[*mine, mine[0]] if mine else [],
        theta=[*theta, theta[0]] if theta else [],
        name=str(row["product_name"]),
        fill="toself",
        line={"color": PALETTE[0], "width": 3},
        hovertemplate="%{theta}: %{r}%<extra></extra>",
    )
    # The percent ticks run between two criteria (5 criteria: 72 degrees apart), not over one.
    # Two small ticks only: on a 1024 px screen more pile up on the criterion labels (issue 19).
    fig.update_polars(
        radialaxis={"range": [0, 100], "ticksuffix": "%", "angle": 36, "tickvals": [50, 100]},
    )
    fig.update_polars(radialaxis_tickfont={"size": max(font_size - 3, 9)})
    title = t("chart.radar_title", lang, product=row["product_name"])
    fig = _layout(fig, title, font_size, 460 + font_size * 4)
    # Criterion labels sit outside the circle: leave room for them on every side.
    side = 7 * font_size
    fig.update_layout(margin={"l": side, "r": side, "b": 3 * font_size + 40})
    return fig


def spread_range(values: pd.Series, pad: float = 5.0) -> list[float]:
    """The x range for a spread: the totals' own range plus ``pad`` points, within 0..100.

    A fixed 0..100 axis left most of the box plot empty (totals sit between 60 and 95).
    """
    values = values.dropna().astype(float)
    if values.empty:
        return [0.0, 100.0]
    low, high = max(0.0, float(values.min()) - pad), min(100.0, float(values.max()) + pad)
    return [low, high] if high > low else [max(0.0, low - pad), min(100.0, high + pad)]


def score_spread(
    totals: pd.DataFrame, product_id: str, lang: str = "th", font_size: int = 14
) -> go.Figure:
    """Every eligible judge's total for the product: a box with all points, judge on hover."""
    frame = totals[(totals["product_id"] == product_id) & totals["eligible"]]
    frame = frame.dropna(subset=["total"]).sort_values("judge_id")
    fig = go.Figure()
    fig.add_box(
        x=round_scores(frame["total"].astype(float)),
        text=frame["judge_id"],
        name=t("chart.judge_totals", lang),
        boxpoints="all",
        jitter=0.5,
        pointpos=0,
        marker={"color": PALETTE[0], "size": 9, "opacity": 0.8},
        line={"color": PALETTE[4]},
        fillcolor="rgba(86,180,233,0.15)",
        hovertemplate="%{text}: %{x}<extra></extra>",
        orientation="h",
    )
    fig.update_xaxes(title_text=t("chart.total", lang), range=spread_range(frame["total"]))
    fig.update_yaxes(showticklabels=False)
    title = t("chart.spread_title", lang, product=product_id, n=len(frame))
    fig = _layout(fig, title, font_size, 180 + font_size * 4)
    fig.update_layout(showlegend=False)
    return fig


def progress_chart(per_judge: pd.DataFrame, lang: str = "th", font_size: int = 14) -> go.Figure:
    """Rows scored and still to score, per judge (``Progress.per_judge``)."""
    frame = per_judge.sort_values("judge_id")
    remaining = (frame["expected"] - frame["done"]).clip(lower=0)
    fig = go.Figure()
    for finished, key, colour in (
        (True, "chart.finished", PALETTE[2]),
        (False, "chart.scored", PALETTE[0]),
    ):
        part = frame[frame["finished"] == finished]
        fig.add_bar(
            x=part["judge_id"],
            y=part["done"],
            name=t(key, lang),
            marker_color=colour,
            hovertemplate="%{x}: %{y}<extra>" + t(key, lang) + "</extra>",
        )
    fig.add_bar(
        x=frame["judge_id"],
        y=remaining,
        name=t("chart.remaining", lang),
        marker_color=REMAINING_COLOUR,
        hovertemplate="%{x}: %{y}<extra>" + t("chart.remaining", lang) + "</extra>",
    )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(
        title_text=t("chart.judge", lang),
        type="category",
        categoryorder="array",
        categoryarray=list(frame["judge_id"]),
        tickangle=-45,
    )
    fig.update_yaxes(title_text=t("chart.products", lang))
    return _layout(fig, t("chart.progress_title", lang), font_size, 260 + font_size * 6)
