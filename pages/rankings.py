"""Rankings by category: the table, the criteria breakdown chart, and one product's radar and
score spread, under the aggregation method the viewer picks."""

import streamlit as st

from kbo_dashboard.sources.layout import CATEGORIES
from kbo_dashboard.ui import cached, charts, fit, frame, pickers, refresh, state
from kbo_dashboard.ui.reveal import chair_note, hidden_notice, withheld
from kbo_dashboard.ui.standings_tables import not_ranked, product_text, standings_table
from kbo_dashboard.ui.state import tr
from kbo_dashboard.ui.text import trm

CHART_CONFIG = {"displayModeBar": False}


@refresh.live
def body() -> None:
    snap = refresh.live_snapshot()
    lang = state.lang()
    comp = frame.page_start(snap, need_products=True)
    if withheld():  # until the chair reveals the results
        hidden_notice()
        refresh.status_line(snap)
        return
    chair_note()
    present = set(comp.products["category"])
    categories = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
    # The category row gets the full width: five Thai or English names fit a 1366 px laptop.
    category = pickers.category_picker(categories)
    method = pickers.method_picker(snap)
    results = state.results(snap, method)
    st.caption(
        tr("analysis.method_in_use", name=pickers.method_name(results.method))
        + " · "
        + tr("pg.quorum", quorum=results.quorum)
    )

    st.subheader(tr(f"cat.{category}"))
    table = standings_table(comp, results, lang, category=category)
    if table.empty:
        st.info(tr("rankings.none_in_category"))
        refresh.status_line(snap)
        return
    fit.wide_table(table, 3, key="rankings_table")
    waiting = not_ranked(results, category)
    if waiting:
        names = ", ".join(product_text(comp, p) for p in waiting)
        st.caption(trm("rankings.not_ranked", quorum=results.quorum, products=names))

    standings = results.standings
    in_category = standings[standings["category"] == category]
    if (in_category["n_judges"] > 0).any():
        labels = table.set_index(table.columns[1])[table.columns[0]]
        bars = cached.figure(
            snap,
            "criteria_bars",
            (lang, results.method, category),
            lambda: charts.criteria_bars(
                standings,
                comp.criteria,
                category,
                lang,
                labels=in_category["product_id"].map(labels),
            ),
        )
        st.plotly_chart(
            bars,
            width="stretch",
            key="criteria_bars",
            config=CHART_CONFIG,
        )
    else:
        st.info(tr("rankings.no_scores"))

    products = list(table[table.columns[1]])  # table order: best first
    chosen = st.selectbox(
        tr("rankings.product"),
        products,
        format_func=lambda p: product_text(comp, p),
        key=f"rankings_product_{category}",
    )
    row = in_category[in_category["product_id"] == chosen]
    if chosen is None or row.empty or int(row["n_judges"].iloc[0]) == 0:
        st.info(tr("rankings.product_no_scores"))
    else:
        left, right = st.columns(2)
        left.plotly_chart(
            cached.figure(
                snap,
                "radar",
                (lang, results.method, chosen),
                lambda: charts.radar(standings, comp.criteria, chosen, lang),
            ),
            width="stretch",
            key="radar",
            config=CHART_CONFIG,
        )
        right.plotly_chart(
            cached.figure(
                snap,
                "spread",
                (lang, chosen),
                lambda: charts.score_spread(results.totals, chosen, lang),
            ),
            width="stretch",
            key="spread",
            config=CHART_CONFIG,
        )
    refresh.status_line(snap)


st.title(tr("page.rankings"))
body()
