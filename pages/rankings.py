"""Rankings by category: the table, the criteria breakdown chart, and one product's radar and
score spread, under the aggregation method the viewer picks."""

import streamlit as st

from kbo_dashboard import charts, ui
from kbo_dashboard.layout import CATEGORIES
from kbo_dashboard.standings_tables import not_ranked, product_text, standings_table

CHART_CONFIG = {"displayModeBar": False}


@ui.live
def body() -> None:
    snap = ui.live_snapshot()
    lang = ui.lang()
    comp = ui.page_start(snap, need_products=True)
    present = set(comp.products["category"])
    categories = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
    top = st.columns([3, 2], vertical_alignment="bottom")
    with top[0]:
        category = ui.category_picker(categories)
    with top[1]:
        method = ui.method_picker(snap)
    results = ui.results(snap, method)
    st.caption(
        ui.tr("analysis.method_in_use", name=ui.method_name(results.method))
        + " · "
        + ui.tr("pg.quorum", quorum=results.quorum)
    )

    st.subheader(ui.tr(f"cat.{category}"))
    table = standings_table(comp, results, lang, category=category)
    if table.empty:
        st.info(ui.tr("rankings.none_in_category"))
        ui.status_line(snap)
        return
    st.dataframe(table, hide_index=True, width="stretch", key="rankings_table")
    waiting = not_ranked(results, category)
    if waiting:
        names = ", ".join(product_text(comp, p) for p in waiting)
        st.caption(ui.tr("rankings.not_ranked", quorum=results.quorum, products=names))

    standings = results.standings
    in_category = standings[standings["category"] == category]
    if (in_category["n_judges"] > 0).any():
        labels = table.set_index(table.columns[1])[table.columns[0]]
        st.plotly_chart(
            charts.criteria_bars(
                standings,
                comp.criteria,
                category,
                lang,
                labels=in_category["product_id"].map(labels),
            ),
            width="stretch",
            key="criteria_bars",
            config=CHART_CONFIG,
        )
    else:
        st.info(ui.tr("rankings.no_scores"))

    products = list(table[table.columns[1]])  # table order: best first
    chosen = st.selectbox(
        ui.tr("rankings.product"),
        products,
        format_func=lambda p: product_text(comp, p),
        key=f"rankings_product_{category}",
    )
    row = in_category[in_category["product_id"] == chosen]
    if chosen is None or row.empty or int(row["n_judges"].iloc[0]) == 0:
        st.info(ui.tr("rankings.product_no_scores"))
    else:
        left, right = st.columns(2)
        left.plotly_chart(
            charts.radar(standings, comp.criteria, chosen, lang),
            width="stretch",
            key="radar",
            config=CHART_CONFIG,
        )
        right.plotly_chart(
            charts.score_spread(results.totals, chosen, lang),
            width="stretch",
            key="spread",
            config=CHART_CONFIG,
        )
    ui.status_line(snap)


st.title(ui.tr("page.rankings"))
body()
