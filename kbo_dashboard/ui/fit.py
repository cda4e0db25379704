"""Pages that fit a 1024 px projector and a 1366 px laptop: wrapping button rows, metric labels
and values, widget labels and button texts that wrap instead of being cut, charts side by side
that go under each other when a column would be narrower than 26 rem (issue 19),
and wide tables whose key columns stay in view (pinned) while the rest scrolls."""

from __future__ import annotations

import streamlit as st

_CSS = """
[data-testid="stButtonGroup"]>div,[data-testid="stButtonGroup"] [role="radiogroup"]
{flex-wrap:wrap;row-gap:.25rem}
[data-testid="stMetricValue"]{font-size:clamp(1.3rem,2.2vw,2.25rem)}
[data-testid="stMetricValue"]>div{white-space:normal;overflow-wrap:anywhere;text-overflow:clip}
[data-testid="stMetricLabel"],[data-testid="stMetricLabel"] *,
[data-testid="stMetricValue"],[data-testid="stMetricValue"] *,
[data-testid="stWidgetLabel"],[data-testid="stWidgetLabel"] *,
button [data-testid="stMarkdownContainer"],button [data-testid="stMarkdownContainer"] *
{white-space:normal!important;overflow:visible!important;text-overflow:clip!important}
[data-testid="stMetric"]{overflow:visible!important}
[data-testid="stHorizontalBlock"]:has(>[data-testid="stColumn"] [data-testid="stPlotlyChart"])
{flex-wrap:wrap}
[data-testid="stHorizontalBlock"]:has(>[data-testid="stColumn"] [data-testid="stPlotlyChart"])
>[data-testid="stColumn"]{min-width:min(100%,26rem)}
"""


def page_style() -> None:
    """The app-wide CSS for small screens (called once per run by app.py)."""
    st.html(f"<style>{_CSS}</style>")


#: Streamlit greys out ("stale") a rerunning fragment's elements; on a screen that refreshes
#: itself for an audience (Overview, projector) that is a fade every TTL, so they stay opaque.
NO_FADE_CSS = '[data-stale="true"],.stale-element{opacity:1!important;transition:none!important}'


#: Side-by-side tables wrap under each other when a column would be narrower than 26 rem (a
#: 1024 px screen), instead of hiding their last columns behind a scroll bar (issue 19).
TABLE_COLUMNS_CSS = (
    '[data-testid="stHorizontalBlock"]:has([data-testid="stTable"]){flex-wrap:wrap}'
    '[data-testid="stHorizontalBlock"]:has([data-testid="stTable"])>[data-testid="stColumn"]'
    "{min-width:min(100%,26rem)}"
)


def wrap_table_columns() -> None:
    """On this page, columns holding tables go under each other on a narrow screen."""
    st.html(f"<style>{TABLE_COLUMNS_CSS}</style>")


def no_refresh_fade() -> None:
    """Keep this page's elements at full opacity while its live fragment reruns."""
    st.html(f"<style>{NO_FADE_CSS}</style>")


def wide_table(table, pin: int = 2, **options) -> None:
    """``st.dataframe`` across the page width, its first ``pin`` columns pinned, no index."""
    config = pinned(table.columns, pin, options.pop("column_config", None))
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, **options)


def pinned(columns, n: int = 2, config: dict | None = None) -> dict:
    """``column_config`` that pins the first ``n`` columns (the table's key: rank, ID, name).

    ``config`` (other columns' settings) is kept; a pinned column keeps its own settings.
    """
    out = dict(config or {})
    for name in list(columns)[:n]:
        out[name] = {**(out.get(name) or st.column_config.Column()), "pinned": True}
    return out
