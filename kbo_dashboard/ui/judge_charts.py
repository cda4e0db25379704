"""Plotly figures for the judge pages: judges x products heatmap, leniency bars, agreement.

Pure builders: each takes tables computed in :mod:`kbo_dashboard.analysis.judges` or
:mod:`kbo_dashboard.analysis.agreement` and the viewer's language, and returns a ``go.Figure``.
Every label comes from the message catalogue, and every figure uses a Thai-capable font stack.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kbo_dashboard.i18n import t
from kbo_dashboard.scoring.counts import format_score, round_scores
from kbo_dashboard.scoring.counts import format_signed as signed
from kbo_dashboard.ui.page_tables import scope_label

FONT_FAMILY = "Sarabun, Noto Sans Thai, sans-serif"
GENEROUS = "#2166ac"  # blue: scores above the panel
STRICT = "#b2182b"  # red: scores below the panel
NEUTRAL = "#7f7f7f"
# Colour-blind-safe pair for the agreement bars (Okabe & Ito).
W_COLOUR = "#0072b2"
ICC2_COLOUR = "#e69f00"
ICC3_COLOUR = "#009e73"
ALPHA_COLOUR = "#cc79a7"
# Band limits drawn on the agreement chart (Koo & Li 2016 for ICC).
REFERENCE_LINES = (0.5, 0.75, 0.9)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font={"family": FONT_FAMILY, "size": 14},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="white",
    )
    return fig


def heatmap(
    matrix: pd.DataFrame,
    lang: str = "th",
    *,
    relative: bool = False,
    product_names: dict[str, str] | None = None,
) -> go.Figure:
    """Judges (rows) x products (columns) from :func:`kbo_dashboard.analysis.judges.judge_matrix`.

    Totals on a sequential scale, or with ``relative=True`` the difference from the panel on a
    red-white-blue scale centred on 0 (blue = more generous than the panel). Blank = no total.
    """
    names = product_names or {}
    products = [str(p) for p in matrix.columns]
    judges = [str(j) for j in matrix.index]
    values = matrix.to_numpy(dtype=float)
    hover_names = np.array([[names.get(p, "") for p in products]] * max(len(judges), 1))
    value_label = t("judge_chart.difference" if relative else "judge_chart.total", lang)
    trace = go.Heatmap(
        z=round_scores(values, 1),  # rounded half up here, so the hover's .1f only prints it
        x=products,
        y=judges,
        customdata=hover_names[: len(judges)],
        colorscale=[[0, STRICT], [0.5, "#f7f7f7"], [1, GENEROUS]] if relative else "Viridis",
        zmid=0 if relative else None,
        colorbar={"title": {"text": value_label}},
        hoverongaps=False,
        xgap=1,
        ygap=1,
        hovertemplate=(
            f"{t('judge_chart.judge', lang)}: %{{y}}<br>"
            f"{t('judge_chart.product', lang)}: %{{x}} %{{customdata}}<br>"
            f"{value_label}: %{{z:.1f}}<extra></extra>"
        ),
    )
    fig = go.Figure(trace)
    title = t("judge_chart.heatmap_relative" if relative else "judge_chart.heatmap_totals", lang)
    fig.update_yaxes(autorange="reversed", title=t("judge_chart.judge", lang), type="category")
    fig.update_xaxes(title=t("judge_chart.product", lang), type="category", tickangle=-45)
    return _layout(fig, title, height=max(360, 22 * len(judges) + 160))


def leniency_bars(
    profiles: pd.DataFrame, lang: str = "th", judge_names: dict[str, str] | None = None
) -> go.Figure:
    """Each judge's leniency (mean difference from the panel on the same products), sorted.

    ``profiles`` is :func:`kbo_dashboard.analysis.judges.judge_profiles`. Bars right of 0 (blue) are
    more generous than the panel, left (red) stricter; judges with no figure are left out.
    """
    names = judge_names or {}
    frame = profiles.dropna(subset=["leniency"]).sort_values("leniency", kind="stable")
    leniency = frame["leniency"].astype(float)
    colours = [GENEROUS if v > 0 else STRICT if v < 0 else NEUTRAL for v in leniency]
    text = [signed(v, 1) for v in leniency]
    hover = [names.get(j, "") for j in frame["judge_id"]]
    trace = go.Bar(
        x=leniency,
        y=frame["judge_id"].astype(str),
        orientation="h",
        marker={"color": colours},
        text=text,
        textposition="outside",
        customdata=[[signed(v, 2), name] for v, name in zip(leniency, hover)],
        hovertemplate=(
            f"%{{y}} %{{customdata[1]}}<br>{t('judge_chart.leniency', lang)}: %{{customdata[0]}}"
            "<extra></extra>"
        ),
    )
    fig = go.Figure(trace)
    fig.add_vline(x=0, line_color=NEUTRAL, line_width=1)
    # Room beyond the longest bars for their labels ("+13.2" was cut at the right edge at 1024 px).
    low, high = min([0.0, *leniency.tolist()]), max([0.0, *leniency.tolist()])
    pad = 0.22 * ((high - low) or 1.0)
    fig.update_xaxes(
        title=t("judge_chart.leniency_axis", lang), zeroline=False, range=[low - pad, high + pad]
    )
    fig.update_yaxes(type="category", title=t("judge_chart.judge", lang))
    return _layout(
        fig, t("judge_chart.leniency_title", lang), height=max(320, 22 * len(frame) + 140)
    )


def agreement_bars(table: pd.DataFrame, lang: str = "th") -> go.Figure:
    """Kendall's W, ICC(2,k) and ICC(3,k) per scope from :func:`agreement.agreement_table`.

    All three run from 0 to 1; dotted lines mark 0.5, 0.75 and 0.9 (the ICC bands). A scope
    whose value cannot be computed yet shows no bar.
    """
    scopes = [scope_label(s, lang) for s in table["scope"]]
    few = table["few_products"].to_numpy(bool) if "few_products" in table else False
    fig = go.Figure()
    for column, name_key, colour in (
        ("kendall_w", "judge_chart.kendall_w", W_COLOUR),
        ("icc_2k", "judge_chart.icc_2k", ICC2_COLOUR),
        ("icc_3k", "judge_chart.icc_3k", ICC3_COLOUR),
        ("alpha", "agr.alpha", ALPHA_COLOUR),
    ):
        if column not in table:
            continue
        values = pd.to_numeric(table[column], errors="coerce").astype(float).where(~few)
        error = None
        if f"{column}_low" in table:  # the ICC's 95% interval as error bars
            error = {
                "type": "data",
                "symmetric": False,
                "array": (table[f"{column}_high"] - values).clip(lower=0),
                "arrayminus": (values - table[f"{column}_low"]).clip(lower=0),
                "color": NEUTRAL,
            }
        fig.add_trace(
            go.Bar(
                x=scopes,
                y=values,
                name=t(name_key, lang),
                marker={"color": colour},
                error_y=error,
                text=[format_score(v) if np.isfinite(v) else "" for v in values],
                textposition="outside",
                hovertemplate="%{x}<br>%{fullData.name}: %{y:.3f}<extra></extra>",
            )
        )
    for level in REFERENCE_LINES:
        fig.add_hline(y=level, line_dash="dot", line_color=NEUTRAL, line_width=1)
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.15})
    lowest = [v for tr in fig.data for v in tr.y if np.isfinite(v)]
    bottom = min([0.0, *lowest]) - (0.1 if lowest and min(lowest) < 0 else 0.0)
    fig.update_yaxes(range=[bottom, 1.1], title=t("judge_chart.agreement_axis", lang))
    return _layout(fig, t("judge_chart.agreement_title", lang), height=420)
