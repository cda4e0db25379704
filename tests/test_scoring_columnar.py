"""Judge totals and criterion means, vectorised (issue 12), equal the pandas groupby they
replaced: the groupby versions are kept below as the reference, and compared on the demo, the
broken workbook and hostile workbooks drawn by hypothesis (with and without a judge left out)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings

from kbo_dashboard.intake.parse import parse
from kbo_dashboard.scoring.scoring import TOTAL_COLUMNS, criterion_means, judge_totals
from kbo_dashboard.sources.demo import DemoSource
from kbo_dashboard.sources.source import RawWorkbook
from tests.hostile import hostile_workbooks
from tests.workbooks import broken_tabs


def groupby_totals(comp, exclude=()) -> pd.DataFrame:
    """The judge totals as computed before issue 12: a groupby over the (judge, product) pair."""
    rows = comp.rows[~comp.rows["judge_id"].isin(set(exclude))]
    if rows.empty:
        return pd.DataFrame(columns=TOTAL_COLUMNS)
    crit = comp.criteria.drop_duplicates("criterion_id").set_index("criterion_id")
    share = 100 * crit["weight"] / crit["weight"].sum()
    cids = comp.scores["criterion_id"]
    points = comp.scores["score"] / cids.map(crit["max_score"]) * cids.map(share)
    summed = comp.scores.assign(points=points).groupby(["judge_id", "product_id"])["points"].sum()
    frame = rows[["judge_id", "product_id", "complete", "conflict"]].copy()
    keys = pd.MultiIndex.from_frame(frame[["judge_id", "product_id"]])
    frame["total"] = summed.reindex(keys).to_numpy()
    frame["eligible"] = frame["complete"] & ~frame["conflict"]
    frame.loc[~frame["complete"], "total"] = float("nan")
    return frame[TOTAL_COLUMNS].reset_index(drop=True)


def groupby_means(comp, totals) -> pd.DataFrame:
    """Criterion means as computed before issue 12 (groupby, unstack)."""
    pairs = ["judge_id", "product_id"]
    eligible = pd.MultiIndex.from_frame(totals.loc[totals["eligible"].astype(bool), pairs])
    counted = comp.scores[pd.MultiIndex.from_frame(comp.scores[pairs]).isin(eligible)]
    means = counted.groupby(["product_id", "criterion_id"])["score"].mean().unstack()
    means = means.reindex(columns=comp.criterion_ids)
    means.columns = [f"mean_{c}" for c in means.columns]
    return means


def assert_same(comp, exclude=()) -> None:
    new, old = judge_totals(comp, exclude), groupby_totals(comp, exclude)
    assert list(new[["judge_id", "product_id"]].itertuples(index=False)) == list(
        old[["judge_id", "product_id"]].itertuples(index=False)
    )
    assert list(new["eligible"]) == list(old["eligible"])
    np.testing.assert_allclose(new["total"].to_numpy(float), old["total"].to_numpy(float), 1e-12)
    # Only the products that have a counted score are compared; the join fills the rest.
    means, reference = criterion_means(comp, new), groupby_means(comp, old)
    assert list(means.columns) == list(reference.columns)
    assert set(means.dropna(how="all").index) == set(reference.dropna(how="all").index)
    joined = reference.join(means, suffixes=("", "_new"))
    for column in reference.columns:
        np.testing.assert_allclose(joined[column], joined[f"{column}_new"], 1e-12)


def test_the_demo_and_the_broken_workbook_keep_every_total_and_mean():
    demo = parse(DemoSource().fetch())
    assert_same(demo)
    assert_same(demo, exclude=("J05", "J26"))
    assert_same(parse(RawWorkbook(broken_tabs())))
    # One demo figure by hand: J01's total for P-01 is the plain sum of its five scores.
    row = demo.scores[(demo.scores["judge_id"] == "J01") & (demo.scores["product_id"] == "P-01")]
    totals = judge_totals(demo).set_index(["judge_id", "product_id"])
    assert totals.loc[("J01", "P-01"), "total"] == row["score"].sum()


@settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_workbooks())
def test_hostile_workbooks_keep_every_total_and_mean(raw):
    comp = parse(raw)
    assert_same(comp)
    judges = list(dict.fromkeys(comp.rows["judge_id"]))
    if judges:
        assert_same(comp, exclude=judges[:1])
