"""The Judge analysis page shows alpha and the ICCs' 95% intervals, and what they rest on.

Via AppTest on a workbook built from the Shrout & Fleiss (1979) 6 x 4 data (one criterion out of
100, so each judge's total is the number typed), plus judge J5 who scored only P1..P3. Expected
values (see tests/test_reliability.py for the sources):
W and the ICCs rest on J1..J4 (J5 has not scored P4..P6): ICC(2,k) = 0.62 with 95% limits
0.07 and 0.93, ICC(3,k) = 0.91 with limits 0.68 and 0.99. Alpha uses every eligible total,
J5's three as well: 24 + 3 = 27 totals from 5 judges on 6 products.
"""

from __future__ import annotations

import numpy as np

from kbo_dashboard.analysis.reliability import krippendorff_alpha
from kbo_dashboard.i18n import t
from tests.test_agreement import SHROUT_FLEISS
from tests.test_pages_data import open_page, panel_tabs

PRODUCTS = [f"P{i}" for i in range(1, 7)]
J5 = {"P1": 7.0, "P2": 4.0, "P3": 6.0}


def tabs() -> dict:
    totals = {
        f"J{j + 1}": {p: float(SHROUT_FLEISS[i, j]) for i, p in enumerate(PRODUCTS)}
        for j in range(4)
    }
    totals["J5"] = J5
    return panel_tabs(totals)


def test_analysis_page_shows_alpha_and_the_icc_intervals(app_env):
    app_env.use_workbook(tabs())
    at = open_page("analysis", lang="en")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("judge_chart.icc_2k", "en")] == "0.62"
    assert metrics[t("judge_chart.icc_3k", "en")] == "0.91"
    values = np.vstack([SHROUT_FLEISS.T, [[7.0, 4.0, 6.0, np.nan, np.nan, np.nan]]])
    alpha = krippendorff_alpha(values).alpha
    assert metrics["Krippendorff's alpha"] == f"{alpha:.2f}"
    captions = [c.value for c in at.caption]
    assert "95% CI 0.07 to 0.93" in captions
    assert "95% CI 0.68 to 0.99" in captions
    assert (
        "W and the ICCs rest on the 4 judges who scored all 6 products. "
        "Left out of W and the ICCs: J5 (not scored yet, or a row not counted)." in captions
    )
    assert (
        "Alpha uses every eligible total: 27 totals from 5 judges on 6 products "
        "(missing totals are left missing, never filled in)." in captions
    )
    table = at.dataframe[0].value.set_index(t("pages.col.scope", "en"))
    assert table.at["All categories", "ICC(2,k) 95% CI"] == "95% CI 0.07 to 0.93"
    assert table.at["All categories", "Totals used by alpha"] == 27


def test_a_category_with_two_products_gets_a_caution_not_a_figure(app_env):
    tabs_ = tabs()
    tabs_["Products"][1][4] = "herbal"  # P1 and P2 become a category of two
    tabs_["Products"][2][4] = "herbal"
    app_env.use_workbook(tabs_)
    at = open_page("analysis", lang="en")
    herbal = t("cat.herbal", "en")
    caution = t("agr.few_products", "en", scope=herbal, n=2)
    assert caution in [m.value for m in at.markdown]
    table = at.dataframe[0].value.set_index(t("pages.col.scope", "en"))
    assert np.isnan(table.at[herbal, t("pages.col.kendall_w", "en")])
    assert np.isnan(table.at[herbal, "Alpha"])
    assert table.at[herbal, "Note"] == caution
